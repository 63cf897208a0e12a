# The control plane end to end on real Xen, through the REST API only. The all-in-one server runs
# on the machine that runs QEMU (its own embedded PostgreSQL; xen-proof/run starts it for a job
# with a "needs: server" line) and is reached from here at $XENPLANE_E2E_API; the host daemon runs
# here in dom0 with the libxl driver and joins it through the normal protocol (a join token, then
# its per-host credential), advertising the address at which the server reaches it. This script
# is the client: it makes a file SR, a disk holding a marker (imported over HTTP), a private
# network and a VM from the "Linux (PVH)" template with that disk and a NIC; starts it and checks
# power_state running, the domain in `xl list` with its disk and vif, and what the guest itself
# sees (its console); shuts it down cleanly, and destroys it with its disk.
# needs: daemon
# needs: server
# job-timeout: 900
set -eu
started=$(cut -d' ' -f1 /proc/uptime)
step() { echo "[e2e $(awk -v s="$started" '{printf "%5.0f", $1 - s}' /proc/uptime)s] $*"; }
fail() { echo "FAILED: $*"; exit 1; }

# The admin token goes to curl in a header file, never on a command line (ps is collected on failure).
work=/var/lib/xenplane-e2e
mkdir -p "$work" && chmod 700 "$work"
(umask 077; printf 'Authorization: Bearer %s\n' "$XENPLANE_E2E_TOKEN" > "$work/auth")
unset XENPLANE_E2E_TOKEN
# request METHOD PATH [curl options]: the answer's status; its body is in $work/body.
request() {
  method=$1 path=$2; shift 2
  curl -sS -X "$method" -H @"$work/auth" -o "$work/body" -w '%{http_code}' "$@" "$XENPLANE_E2E_API$path" || echo 000
}
# call METHOD PATH [JSON]: the body ($work/body) of a 2xx answer; anything else ends the job.
call() {
  if [ $# -ge 3 ]; then code=$(request "$1" "$2" -H 'Content-Type: application/json' --data "$3")
  else code=$(request "$1" "$2"); fi
  case "$code" in 2*) ;; *) fail "$1 $2 answered $code: $(cat "$work/body")" ;; esac
}
body() { jq -r "$1" "$work/body"; }
# run_task METHOD PATH [JSON]: a long operation; waits for its task and ends the job unless it succeeded.
run_task() {
  call "$@"
  task=$(body .id)
  call GET "/api/v1/tasks/$task?wait=300"
  [ "$(body .status)" = success ] || fail "$1 $2: the task ended $(cat "$work/body")"
}
# await SECONDS WHAT COMMAND...: polls COMMAND every second until it succeeds.
await() {
  seconds=$1 what=$2; shift 2
  i=0
  until "$@" >/dev/null 2>&1; do
    i=$((i + 1)); [ "$i" -le "$seconds" ] || fail "$what: not within ${seconds}s"
    sleep 1
  done
}
# Conditions polled by await: true or false, never ending the job.
live_host() { [ "$(request GET /api/v1/hosts)" = 200 ] && jq -e '.[] | select(.live and .name == "xen-proof-dom0")' "$work/body"; }
disk_detached() { [ "$(request GET "/api/v1/vbds?vm=$1")" = 200 ] && jq -e '.[0].currentlyAttached == false' "$work/body"; }

step "starting the host daemon (libxl driver, Linux bridges)"
mkdir -p /var/lib/xenplane/guest
cp /mnt/host/guest-vmlinuz /var/lib/xenplane/guest/vmlinuz
cp /mnt/host/guest-initrd.gz /var/lib/xenplane/guest/initrd.img
XENPLANE_DAEMON_DRIVER=libxl XENPLANE_DAEMON_HOST_NAME=xen-proof-dom0 \
  XENPLANE_DAEMON_CONTROL_PLANE_URL=$XENPLANE_E2E_API XENPLANE_DAEMON_JOIN_TOKENS=$XENPLANE_E2E_JOIN_TOKEN \
  XENPLANE_DAEMON_ADVERTISE_URL=$XENPLANE_E2E_ADVERTISE_URL XENPLANE_DAEMON_STATE_DIR=$work/daemon \
  XENPLANE_DAEMON_NETWORK_DRIVER=linuxbridge QUARKUS_HTTP_HOST=10.0.2.15 \
  java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx256m -Xshare:auto -jar /mnt/host/daemon/quarkus-run.jar \
  > /mnt/host/out/e2e-daemon.log 2>&1 &
daemon=$!
unset XENPLANE_E2E_JOIN_TOKEN
trap 'kill $daemon 2>/dev/null || true' EXIT

await 400 "the daemon joins the pool and its host is live" live_host
live_host > /dev/null
host=$(jq -r '.[] | select(.name == "xen-proof-dom0") | .id' "$work/body")
step "host xen-proof-dom0 is live: $host"

call POST /api/v1/srs "{\"name\":\"local\",\"type\":\"file\",\"hostId\":\"$host\",\"deviceConfig\":{\"path\":\"$work/sr\"}}"
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

call GET /api/v1/vms
template=$(body '.[] | select(.isATemplate and .name == "Linux (PVH)") | .id')
[ -n "$template" ] || fail "no template named Linux (PVH)"
mib=1048576
call POST /api/v1/vms "{\"template\":\"$template\",\"name\":\"e2e\",\"vcpusMax\":1,\"vcpusAtStartup\":1,
  \"memoryStaticMin\":$((128 * mib)),\"memoryStaticMax\":$((128 * mib)),\"memoryDynamicMin\":$((128 * mib)),
  \"memoryDynamicMax\":$((128 * mib)),\"cmdline\":\"console=hvc0 quiet mitigations=off\"}"
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
[ -z "$(ls "$work/sr" | grep -v '^\.')" ] || fail "disk images left in the SR: $(ls "$work/sr")"
step "destroyed: the VM and its disk are gone, the SR directory is empty"
