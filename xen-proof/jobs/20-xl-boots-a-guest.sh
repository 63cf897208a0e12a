# The gate before the suites, without Xenplane: xl boots the proof's guest (PV) with a
# file-backed disk and a vif on a bridge, the guest prints its markers, honours a clean shutdown,
# and is gone afterwards. When this fails the image or the guest is broken, not the libxl driver,
# and no later job runs (run-in-dom0). A guest whose kernel panics (e.g. an initramfs whose init
# cannot run) fails it at once, with the console showing why.
# gate
# job-timeout: 360
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
for i in $(seq 1 240); do
  grep -q XENPLANE-GUEST-READY "$log" 2>/dev/null && break
  if grep -q 'Kernel panic' "$log" 2>/dev/null; then sleep 2; cat "$log"; echo "the proof's guest cannot boot: its kernel panicked (console above)"; exit 1; fi
  sleep 1
done
cat "$log"
grep -q XENPLANE-GUEST-READY "$log" || { echo "the proof's guest did not get ready in 240 s (console above)"; exit 1; }
grep -q "XENPLANE-DISK: XENPLANE-DISK-MARKER" "$log"
grep -q "XENPLANE-NIC: 00:16:3e:00:00:01" "$log"
xl shutdown -w baseline
for i in $(seq 1 30); do xl list baseline >/dev/null 2>&1 || break; sleep 1; done
! xl list baseline >/dev/null 2>&1
