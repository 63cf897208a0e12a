#!/usr/bin/env bash
# VDI create, snapshot and clone throughput on file SRs, end to end (REST API, PostgreSQL, the real
# host daemon, qemu-img). Not part of ./mvnw verify. Needs qemu-utils. Results: docs/benchmarks.md.
#   bench/storage.sh            # 200 operations per row
#   BENCH_OPS=1000 bench/storage.sh
set -euo pipefail
cd "$(dirname "$0")/.."
echo "load average before: $(cut -d" " -f1-3 /proc/loadavg)"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
./mvnw -B -q package -DskipTests -pl host-daemon/agent -am
./mvnw -B test -pl services/storage -am -Dtest=StorageBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dbench.ops="${BENCH_OPS:-200}" | sed -n '/Storage benchmark/,/^$/p'
