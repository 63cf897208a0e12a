# Disks and NICs through the libxl driver, as the guest sees them: the guest (PV) boots from a
# file-backed disk (qcow2 through QEMU's qdisk when dom0 has QEMU for Xen, raw through blkback
# otherwise) with a vif on a Linux bridge and prints what it finds on its console; then a second
# disk and a second vif are plugged in and out through the driver while it runs, and the guest
# reports each (LibxlGuestDevicesTest reads the guest's console log).
# job-timeout: 600
set -e
ip link show xenbr0 >/dev/null 2>&1 || { ip link add xenbr0 type bridge && ip link set xenbr0 up; }
export XENPLANE_TEST_GUEST_KERNEL=/mnt/host/guest-vmlinuz
export XENPLANE_TEST_GUEST_RAMDISK=/mnt/host/guest-initrd.gz
export XENPLANE_LIBXL_LOG=${XENPLANE_LIBXL_LOG:-info}
disks=/var/lib/xenplane-proof
mkdir -p "$disks"
printf 'XENPLANE-DISK-MARKER-0123456789' > "$disks/boot.raw" && truncate -s 16M "$disks/boot.raw"
printf 'XENPLANE-HOTPLUG-DISK-012345678' > "$disks/hotplug.raw" && truncate -s 16M "$disks/hotplug.raw"
if [ -x /usr/libexec/xen-qemu-system-i386 ]; then
  qemu-img convert -f raw -O qcow2 "$disks/boot.raw" "$disks/boot.qcow2"
  export XENPLANE_TEST_BOOT_DISK=$disks/boot.qcow2 XENPLANE_TEST_BOOT_DISK_FORMAT=qcow2
else
  echo "dom0 has no QEMU for Xen (qemu-system-xen): the boot disk is raw, through blkback"
  export XENPLANE_TEST_BOOT_DISK=$disks/boot.raw XENPLANE_TEST_BOOT_DISK_FORMAT=raw
fi
export XENPLANE_TEST_HOTPLUG_DISK=$disks/hotplug.raw
echo "boot disk: $XENPLANE_TEST_BOOT_DISK ($XENPLANE_TEST_BOOT_DISK_FORMAT), disk to plug in: $XENPLANE_TEST_HOTPLUG_DISK"
tests=/mnt/host/tests
cp=$tests/classes:$tests/test-classes:$(ls "$tests"/lib/*.jar | tr '\n' ':')
timeout -s QUIT -k 10 540 java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx256m -Xshare:auto \
  -jar "$tests/junit-platform-console-standalone.jar" execute --class-path "$cp" \
  --select-class org.xenplane.daemon.driver.libxl.LibxlGuestDevicesTest \
  --reports-dir /mnt/host/out/junit-40 --details=tree --disable-banner --fail-if-no-tests
# Skipped is not passed.
! grep -q '<skipped' /mnt/host/out/junit-40/TEST-junit-jupiter.xml
