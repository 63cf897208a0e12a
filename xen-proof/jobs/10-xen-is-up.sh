# The hypervisor answers and dom0 has the Xen tools: the ground every other job stands on.
set -e
xl info | grep -E '^(xen_version|total_memory|free_memory|nr_cpus)'
xl list
java -version 2>&1 | head -n1
test -c /dev/xen/privcmd
