# Baseline without Xenplane: xl boots the proof's guest (PV) with a file-backed disk and a vif on
# a bridge, the guest prints its markers, honours a clean shutdown, and is gone afterwards. When
# this fails, the image or the guest is broken, not the libxl driver. It runs only after another
# job failed (or when asked for with XENPLANE_XEN_JOBS), to tell which.
# after-a-failure
set -e
ip link show xenbr0 >/dev/null 2>&1 || { ip link add xenbr0 type bridge && ip link set xenbr0 up; }
printf 'XENPLANE-DISK-MARKER-0123456789' > /tmp/disk.raw && truncate -s 16M /tmp/disk.raw
cat > /tmp/guest.cfg <<CFG
name = "baseline"
type = "pv"
kernel = "/mnt/host/guest-vmlinuz"
ramdisk = "/mnt/host/guest-initrd.gz"
extra = "console=hvc0"
memory = 256
vcpus = 1
disk = [ "format=raw,vdev=xvda,access=rw,target=/tmp/disk.raw" ]
vif = [ "bridge=xenbr0,mac=00:16:3e:00:00:01" ]
CFG
xl create /tmp/guest.cfg
log=/var/log/xen/console/guest-baseline.log
for i in $(seq 1 120); do grep -q XENPLANE-GUEST-READY "$log" 2>/dev/null && break; sleep 1; done
cat "$log"
grep -q "XENPLANE-DISK: XENPLANE-DISK-MARKER" "$log"
grep -q "XENPLANE-NIC: 00:16:3e:00:00:01" "$log"
xl shutdown -w baseline
for i in $(seq 1 30); do xl list baseline >/dev/null 2>&1 || break; sleep 1; done
! xl list baseline >/dev/null 2>&1
