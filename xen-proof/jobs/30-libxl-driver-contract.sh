# The driver contract suite that the simulator passes in every build, run here against the real
# hypervisor with the libxl driver (JNA, libxl_domain_config_from_json): create PV and PVH
# guests, list and read domain info, pause, unpause, clean and hard shutdown, destroy, memory
# target, reboot, suspend to a file and restore, domain-death events. Plus the libxl tests that
# run anywhere the library is (JSON key names, loading, error mapping).
set -e
export XENPLANE_TEST_GUEST_KERNEL=/mnt/host/guest-vmlinuz
export XENPLANE_TEST_GUEST_RAMDISK=/mnt/host/guest-initrd.gz
tests=/mnt/host/tests
cp=$tests/classes:$tests/test-classes:$(ls "$tests"/lib/*.jar | tr '\n' ':')
java -jar "$tests/junit-platform-console-standalone.jar" execute --class-path "$cp" \
  --select-package org.xenplane.daemon.driver.libxl \
  --reports-dir /mnt/host/out/junit --details=tree --disable-banner --fail-if-no-tests
# A contract test that skipped (no privcmd, no guest kernel) is not a pass here.
report=/mnt/host/out/junit/TEST-junit-jupiter.xml
grep -q 'LibxlDriverContractTest' "$report"
! grep -A1 'classname="org.xenplane.daemon.driver.libxl.LibxlDriverContractTest"' "$report" | grep -q '<skipped'
