# Sourced by the jobs that drive the control plane (and by peer-in-dom0): a small REST client
# over curl and jq, and the host daemon's start in dom0. Needs XENPLANE_E2E_API and, for the
# client, XENPLANE_E2E_TOKEN; the daemon's start needs XENPLANE_E2E_JOIN_TOKEN and
# XENPLANE_E2E_ADVERTISE_URL (xen-proof/control-plane writes them into the share's env file).
started=$(cut -d' ' -f1 /proc/uptime)
step() { echo "[e2e $(awk -v s="$started" '{printf "%5.0f", $1 - s}' /proc/uptime)s] $*"; }
fail() { echo "FAILED: $*" >&2; exit 1; }

work=/var/lib/xenplane-e2e
mkdir -p "$work" && chmod 700 "$work"
# The admin token goes to curl in a header file, never on a command line (ps is collected on failure).
if [ -n "${XENPLANE_E2E_TOKEN:-}" ]; then
  (umask 077; printf 'Authorization: Bearer %s\n' "$XENPLANE_E2E_TOKEN" > "$work/auth")
fi
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
# live_host NAME: whether the pool has that host, live (true or false, never ending the job).
live_host() {
  [ "$(request GET /api/v1/hosts)" = 200 ] && jq -e --arg n "$1" '.[] | select(.live and .name == $n)' "$work/body"
}
# host_id NAME: the id of the host once it is live (in $(...): a failure ends the job through set -e).
host_id() {
  await 600 "host $1 joins the pool and is live" live_host "$1"
  live_host "$1" > /dev/null
  jq -r --arg n "$1" '.[] | select(.name == $n) | .id' "$work/body"
}

# new_vm NAME: a VM from the built-in "Linux (PV)" template, sized for the proof's guest (128 MiB,
# one vCPU, its console on hvc0); its body is in $work/body. PV, not PVH: under QEMU's emulated
# SVM a PVH guest now and then triple-faults early in its boot (Xen then reboots it), which is the
# emulator's doing, not Xenplane's; PV guests need no SVM and are built faster.
new_vm() {
  call GET /api/v1/vms
  template=$(body '.[] | select(.isATemplate and .name == "Linux (PV)") | .id')
  [ -n "$template" ] || fail "no template named Linux (PV)"
  size=$((128 * 1048576))
  call POST /api/v1/vms "{\"template\":\"$template\",\"name\":\"$1\",\"vcpusMax\":1,\"vcpusAtStartup\":1,
    \"memoryStaticMin\":$size,\"memoryStaticMax\":$size,\"memoryDynamicMin\":$size,\"memoryDynamicMax\":$size,
    \"cmdline\":\"console=hvc0 quiet mitigations=off\"}"
}

# start_daemon HOST-NAME LOG: the packaged host daemon with the libxl driver and Linux bridges,
# joining with the join token; the proof's guest kernel goes where the built-in templates expect
# a guest kernel in dom0. Returns once it is ready; sets $daemon (its pid). A daemon is started
# once per dom0 and serves the later jobs too: when one is serving already (an earlier job's), it
# is used as it is ($daemon empty). Its start is minutes under emulation.
start_daemon() {
  daemon=
  if curl -fsS http://10.0.2.15:8444/q/health/ready >/dev/null 2>&1; then
    step "the host daemon started by an earlier job is serving (log: $2)"
    return 0
  fi
  mkdir -p /var/lib/xenplane/guest
  cp /mnt/host/guest-vmlinuz /var/lib/xenplane/guest/vmlinuz
  cp /mnt/host/guest-initrd.gz /var/lib/xenplane/guest/initrd.img
  XENPLANE_DAEMON_DRIVER=libxl XENPLANE_DAEMON_HOST_NAME=$1 \
    XENPLANE_DAEMON_CONTROL_PLANE_URL=$XENPLANE_E2E_API XENPLANE_DAEMON_JOIN_TOKENS=$XENPLANE_E2E_JOIN_TOKEN \
    XENPLANE_DAEMON_ADVERTISE_URL=$XENPLANE_E2E_ADVERTISE_URL XENPLANE_DAEMON_STATE_DIR=$work/daemon \
    XENPLANE_DAEMON_NETWORK_DRIVER=linuxbridge QUARKUS_HTTP_HOST=10.0.2.15 \
    java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx256m -Xshare:auto -jar /mnt/host/daemon/quarkus-run.jar \
    > "$2" 2>&1 &
  daemon=$!
  unset XENPLANE_E2E_JOIN_TOKEN
  await 600 "the daemon starts" curl -fsS http://10.0.2.15:8444/q/health/ready
}
