# The simulated host's watchdog, outside the daemon so that it fires even when the daemon is
# frozen (SIGSTOP) or hung. Arguments: pet file, power-off marker, daemon pid, timeout in ms.
# Each pet replaces the pet file with one line "<daemon pid> <sequence> <timeout ms>"; a line "V"
# disarms (magic close). Without a new line for its timeout it SIGKILLs the daemon that last petted
# (if that process is still the same one), writes the power-off marker (the simulated host comes
# back empty) and exits. Time is /proc/uptime's: monotonic, 10 ms steps.
pet=$1 marker=$2 target=$3 timeout=$4
now_ms() { local up rest; read -r up rest < /proc/uptime; now=$(( ${up/./} * 10 )); }
start_of() { local s; read -r s < "/proc/$1/stat" 2>/dev/null || { echo gone; return; }; s=${s##*) }; set -- $s; echo "${20}"; }
state_of() { local s; read -r s < "/proc/$1/stat" 2>/dev/null || { echo X; return; }; s=${s##*) }; set -- $s; echo "$1"; }
target_start=$(start_of "$target")
now_ms; deadline=$(( now + timeout )); seen=""
while :; do
  line=""
  [ -r "$pet" ] && read -r line < "$pet"
  if [ "$line" = V ]; then rm -f "$pet"; exit 0; fi
  now_ms
  if [ -n "$line" ] && [ "$line" != "$seen" ]; then
    seen=$line
    set -- $line
    if [ "$1" != "$target" ]; then target=$1; target_start=$(start_of "$target"); fi
    deadline=$(( now + $3 ))
  fi
  if [ "$now" -ge "$deadline" ]; then
    if [ "$target_start" != gone ] && [ "$(start_of "$target")" = "$target_start" ]; then
      kill -KILL "$target" 2>/dev/null
      while st=$(state_of "$target"); [ "$st" != X ] && [ "$st" != Z ]; do sleep 0.02; done
    fi
    echo "watchdog fired at uptime ${now} ms: daemon $target killed, host powered off" > "$marker"
    rm -f "$pet"
    exit 0
  fi
  sleep 0.1
done
