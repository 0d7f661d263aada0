#!/usr/bin/env bash
# The demo lab's M-plane O-RU (ymir/yr-410 in testplans/lab/vendors/ymir.yaml): the O-RU emulator (personality
# ymir/yr-410) served by a private OpenSSH sshd as its `netconf` subsystem on 127.0.0.1:8830 (the port the plan names),
# exactly as a real O-RU's NETCONF server is reached (RFC 6242). Keys, known_hosts and the sshd state live in
# testplans/lab/demo-oru/ (made on first use, never committed). Two accounts log in, each with its generated key: the
# user running this script (NACM group sudo: the O-DU's session) and the system account oran-demo-fmpm (group fm-pm,
# for the access-control case; made here if missing). Runs as root on the lab machine (sshd's privilege separation).
#   tools/lab/demo-oru.sh start    start it unless it answers already (prints where)
#   tools/lab/demo-oru.sh stop     stop it
#   tools/lab/demo-oru.sh status   exit 0 when it answers
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
state="$root/testplans/lab/demo-oru"
port=8830
pidfile="$state/sshd.pid"

answers() {
  [ -s "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null \
    && timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$port && head -c 4 <&3" 2>/dev/null | grep -q '^SSH-'
}

start() {
  if answers; then
    echo "demo O-RU (ymir/yr-410) already answers on 127.0.0.1:$port" >&2
    return 0
  fi
  if [ ! -x /usr/sbin/sshd ]; then
    "$root/tools/setup/install-system-packages.sh" openssh-server >&2
  fi
  mkdir -p "$state" /run/sshd
  [ -f "$state/host_key" ] || ssh-keygen -q -t ed25519 -N '' -C demo-oru-host -f "$state/host_key"
  [ -f "$state/client_key" ] || ssh-keygen -q -t ed25519 -N '' -C demo-oru-client -f "$state/client_key"
  [ -f "$state/fmpm_key" ] || ssh-keygen -q -t ed25519 -N '' -C demo-oru-fmpm -f "$state/fmpm_key"
  local user fmpm=oran-demo-fmpm
  user="$(id -un)"
  if ! id "$fmpm" >/dev/null 2>&1; then
    # '*': no password can log in, yet the account is not locked (sshd refuses a locked account even a key).
    useradd --system --no-create-home --home-dir /nonexistent --shell /bin/sh --password '*' "$fmpm"
    echo "demo-oru.sh: made the system account $fmpm (the demo O-RU's fm-pm user)" >&2
  fi
  if passwd -S "$fmpm" 2>/dev/null | grep -q ' L '; then
    usermod --password '*' "$fmpm"
  fi
  cp "$state/client_key.pub" "$state/authorized_keys.$user"
  cp "$state/fmpm_key.pub" "$state/authorized_keys.$fmpm"
  echo "[127.0.0.1]:$port $(cut -d' ' -f1,2 "$state/host_key.pub")" >"$state/known_hosts"
  local dll dotnet
  dll="$("$root/tools/setup/build-cli.sh")"
  dotnet="$(readlink -f "$(command -v dotnet)")"
  if ! runuser -u "$fmpm" -- test -r "$dll" -a -r "$root/testplans/yang"; then
    echo "demo-oru.sh: $fmpm cannot read $root (its sessions will fail): keep the checkout where other users can read it" >&2
  fi
  cat >"$state/sshd_config" <<CONFIG
Port $port
ListenAddress 127.0.0.1
HostKey $state/host_key
PidFile $pidfile
AuthorizedKeysFile $state/authorized_keys.%u
StrictModes no
UsePAM no
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
AllowUsers $user $fmpm
Subsystem netconf /usr/bin/env DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 $dotnet $dll mplane serve --stdio --personality ymir/yr-410 --personalities $root/testplans/personalities --yang $root/testplans/yang --account $user=sudo --account $fmpm=fm-pm
CONFIG
  /usr/sbin/sshd -t -f "$state/sshd_config"
  rm -f "$pidfile"
  : >"$state/sshd.log"
  /usr/sbin/sshd -f "$state/sshd_config" -E "$state/sshd.log"
  for _ in $(seq 1 50); do
    if answers; then
      echo "demo O-RU (ymir/yr-410) answers on 127.0.0.1:$port (NETCONF over SSH; stop: tools/lab/demo-oru.sh stop)" >&2
      return 0
    fi
    sleep 0.1
  done
  if grep -q "Address already in use" "$state/sshd.log" 2>/dev/null; then
    echo "demo-oru.sh: 127.0.0.1:$port is taken by another process (another checkout's demo O-RU? run its tools/lab/demo-oru.sh stop)" >&2
  else
    echo "demo-oru.sh: sshd did not answer on 127.0.0.1:$port; see $state/sshd.log" >&2
  fi
  exit 1
}

stop() {
  if [ -s "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
    kill "$(cat "$pidfile")"
  fi
  rm -f "$pidfile"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) answers ;;
  *) echo "usage: tools/lab/demo-oru.sh start|stop|status" >&2; exit 64 ;;
esac
