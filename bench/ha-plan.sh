#!/usr/bin/env bash
# The HA failover plan for 64 hosts and 4,096 VMs, tolerating 1 to 3 host failures, with the floor
# (one packing of every VM) from the same run. Not part of ./mvnw verify. Results: docs/benchmarks.md.
#   bench/ha-plan.sh                 # 20 timed runs per row
#   BENCH_RUNS=50 bench/ha-plan.sh
set -euo pipefail
cd "$(dirname "$0")/.."
echo "load average before: $(cut -d" " -f1-3 /proc/loadavg)"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
./mvnw -B test -pl services/core -am -Dtest=FailoverPlannerBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dbench.runs="${BENCH_RUNS:-20}" | sed -n '/Failover plan benchmark/,/^$/p'
echo "load average after: $(cut -d" " -f1-3 /proc/loadavg)"
