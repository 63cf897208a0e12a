# The control plane end to end on real Xen, through the REST API only. The all-in-one server runs
# on the machine that runs QEMU (its own embedded PostgreSQL; xen-proof/run starts it for a job
# with a "needs: server" line) and is reached from here at $XENPLANE_E2E_API; the host daemon runs
# here in dom0 with the libxl driver and joins it through the normal protocol (a join token, then
# its per-host credential), advertising the address at which the server reaches it, and serves
# on for job 60 (rest-client.sh's start_daemon). This script
# is the client: it makes a file SR, a disk holding a marker (imported over HTTP), a private
# network and a VM from the "Linux (PV)" template with that disk and a NIC; starts it and checks
# power_state running, the domain in `xl list` with its disk and vif, and what the guest itself
# sees (its console); shuts it down cleanly, and destroys it with its disk.
# needs: daemon
# needs: server
# job-timeout: 900
set -eu
. /mnt/host/rest-client.sh
disk_detached() { [ "$(request GET "/api/v1/vbds?vm=$1")" = 200 ] && jq -e '.[0].currentlyAttached == false' "$work/body"; }

step "starting the host daemon (libxl driver, Linux bridges)"
start_daemon xen-proof-dom0 /mnt/host/out/daemon.log
host=$(host_id xen-proof-dom0)
step "host xen-proof-dom0 is live: $host"

# Under the daemon's default allowed-file-roots (/var/lib/xenplane/sr): no setting needed.
sr_dir=/var/lib/xenplane/sr/e2e
call POST /api/v1/srs "{\"name\":\"local\",\"type\":\"file\",\"hostId\":\"$host\",\"deviceConfig\":{\"path\":\"$sr_dir\"}}"
sr=$(body .id)
call POST /api/v1/vdis "{\"srId\":\"$sr\",\"name\":\"boot\",\"virtualSize\":16777216}"
vdi=$(body .id)
printf 'XENPLANE-E2E-DISK-MARKER-456789' > "$work/marker.raw" && truncate -s 16M "$work/marker.raw"
code=$(request PUT "/api/v1/vdis/$vdi/content?format=raw" -H 'Content-Type: application/octet-stream' \
  --data-binary @"$work/marker.raw")
[ "$code" = 200 ] || fail "the import answered $code: $(cat "$work/body")"
call POST /api/v1/networks '{"name":"e2e private"}'
network=$(body .id) bridge=$(body .bridge)
step "SR $sr, VDI $vdi (a marker imported), network $network (bridge $bridge)"

new_vm e2e
vm=$(body .id)
call POST /api/v1/vbds "{\"vmId\":\"$vm\",\"vdiId\":\"$vdi\",\"userdevice\":0,\"mode\":\"RW\",\"bootable\":true}"
call POST /api/v1/vifs "{\"vmId\":\"$vm\",\"device\":0,\"networkId\":\"$network\"}"
mac=$(body .mac)
step "VM $vm from the template, with the disk as xvda and a NIC $mac"

run_task POST "/api/v1/vms/$vm/start" '{}'
call GET "/api/v1/vms/$vm"
[ "$(body .powerState)" = running ] || fail "after start: $(cat "$work/body")"
[ "$(body .residentOn)" = "$host" ] || fail "not resident on $host: $(cat "$work/body")"
step "started: power_state running on $host, domid $(body .metrics.domid)"
xl list
xl list "$vm" > /dev/null || fail "xl list does not show the domain $vm"
xl block-list "$vm"
[ "$(xl block-list "$vm" | tail -n +2 | wc -l)" = 1 ] || fail "the domain has not one disk"
xl network-list "$vm"
xl network-list "$vm" | grep -qi "$mac" || fail "the domain has no vif with MAC $mac"
ip link show master "$bridge" | grep -q vif || fail "no vif on the bridge $bridge"
console=/var/log/xen/console/guest-$vm.log
await 240 "the guest reads the marker from its disk" grep -q 'XENPLANE-DISK: XENPLANE-E2E-DISK-MARKER' "$console"
await 60 "the guest sees its NIC" grep -qi "XENPLANE-NIC: $mac" "$console"
step "the guest read the marker from its disk and sees its NIC $mac"
# The guest's vif backend in dom0 is not a NIC of the host: a scan finds the one physical NIC only.
call POST /api/v1/pifs/scan "{\"hostId\":\"$host\"}"
call GET "/api/v1/pifs?host=$host"
pifs=$(body '[.[] | .device] | join(" ")')
[ "$(body '[.[] | select(.physical and .management)] | length')" = 1 ] || fail "not one management NIC: $(cat "$work/body")"
case " $pifs " in *" vif"*) fail "a vif backend became a PIF: $pifs" ;; esac
step "the host's PIFs after a scan: $pifs"

run_task POST "/api/v1/vms/$vm/clean-shutdown"
call GET "/api/v1/vms/$vm"
[ "$(body .powerState)" = halted ] || fail "after clean shutdown: $(cat "$work/body")"
grep -q XENPLANE-GUEST-SHUTDOWN "$console" || fail "the guest did not shut itself down"
if xl list "$vm" > /dev/null 2>&1; then fail "the domain is still in xl list after the shutdown"; fi
await 60 "the disk is detached" disk_detached "$vm"
step "shut down cleanly: halted, gone from xl list, disk detached"

code=$(request DELETE "/api/v1/vms/$vm?destroyDisks=true")
[ "$code" = 204 ] || fail "destroy answered $code: $(cat "$work/body")"
for gone in "vms/$vm" "vdis/$vdi"; do
  code=$(request GET "/api/v1/$gone")
  [ "$code" = 404 ] || fail "after destroy, $gone answered $code"
done
[ ! -d "$sr_dir" ] || [ -z "$(ls "$sr_dir" | grep -v '^\.')" ] || fail "disk images left in the SR: $(ls "$sr_dir")"
step "destroyed: the VM and its disk are gone, the SR directory is empty"
