# Live migration between two real Xen hosts, through the REST API (XenAPI VM.pool_migrate).
# xen-proof/run boots a second Xen + dom0 under its own QEMU when the job before this one starts
# (xen-proof/second-host); its daemon joins the same control plane as xen-proof-dom0-b. Here the
# daemon of xen-proof-dom0 serves (job 50's, or a fresh join when run alone), a VM
# from the "Linux (PV)" template with a NIC on a private network is started on this host, and,
# once its guest has booted, migrated live to the other: the control plane reserves its memory
# there, makes its network's bridge there, the destination daemon prepares to receive, and this
# host's libxl sends the domain over HTTP to it. Then the VM must be running on the second host,
# gone from this one, and shut down cleanly there (its guest answers from the other host).
# needs: daemon
# needs: server
# needs: second-host
# job-timeout: 1200
set -eu
. /mnt/host/rest-client.sh

step "this host's daemon; the second host is booting"
start_daemon xen-proof-dom0 /mnt/host/out/daemon.log
# The second daemon's address, as the control plane uses it (and hands it to this daemon as the
# migration stream's destination), leads to it from here too: 127.0.0.2 is this dom0's loopback,
# forwarded to 10.0.2.101:8444, which QEMU forwards to the second host.
peer_port=${XENPLANE_E2E_PEER_ADDRESS##*:}
socat TCP-LISTEN:"$peer_port",bind=127.0.0.2,fork,reuseaddr TCP:10.0.2.101:8444 &
forward=$!
trap 'kill $forward 2>/dev/null || true' EXIT
here=$(host_id xen-proof-dom0)
step "xen-proof-dom0 is live: $here"
there=$(host_id xen-proof-dom0-b)
step "xen-proof-dom0-b is live: $there"

call POST /api/v1/networks '{"name":"migration private"}'
network=$(body .id)
new_vm migrating
vm=$(body .id)
call POST /api/v1/vifs "{\"vmId\":\"$vm\",\"device\":0,\"networkId\":\"$network\"}"
run_task POST "/api/v1/vms/$vm/start-on" "{\"host\":\"$here\"}"
xl list "$vm" > /dev/null || fail "xl list here does not show the domain $vm"
# A guest answers the suspend request of a live migration only once it has booted.
await 240 "the guest boots" grep -q XENPLANE-GUEST-READY "/var/log/xen/console/guest-$vm.log"
call GET "/api/v1/vms/$vm"
step "VM $vm running here as domain $(body .metrics.domid), its guest up"

run_task POST "/api/v1/vms/$vm/migrate" "{\"host\":\"$there\"}"
call GET "/api/v1/vms/$vm"
[ "$(body .powerState)" = running ] || fail "after the migration: $(cat "$work/body")"
[ "$(body .residentOn)" = "$there" ] || fail "not resident on $there after the migration: $(cat "$work/body")"
if xl list "$vm" > /dev/null 2>&1; then fail "the domain is still here after the migration"; fi
step "migrated: running on xen-proof-dom0-b as domain $(body .metrics.domid), gone from this host"

run_task POST "/api/v1/vms/$vm/clean-shutdown"
call GET "/api/v1/vms/$vm"
[ "$(body .powerState)" = halted ] || fail "after the clean shutdown on the second host: $(cat "$work/body")"
code=$(request DELETE "/api/v1/vms/$vm")
[ "$code" = 204 ] || fail "destroy answered $code: $(cat "$work/body")"
step "shut down cleanly on the second host (its guest answered there) and destroyed"
