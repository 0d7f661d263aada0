#!/usr/bin/env bash
# Installs the system packages OranTestbed needs on Debian 12, only those missing, and says what it installs:
#   libpcap0.8  - SharpPcap's native capture library (pcap/pcapng files, live capture and injection)
#   tshark      - Wireshark 4.0.17, the decoding oracle of the agreement tests
#   linuxptp    - ptp4l and pmc: the real G.8275.1 grandmaster/slave of the live S-plane tests
#   iproute2    - `ip netns` and veth pairs for the live tests
# The test command (tools/test.sh) adds, as arguments:
#   netconfd, yangcli, openssh-server, python3-ncclient, socat
#               - the M-plane test peer (tests/OranTestbed.TestSupport/Peers/NetconfdPeer.cs): yuma123 netconfd 2.13 behind
#                 a private sshd on 127.0.0.1, socat as the O-RU that calls home, ncclient and yangcli as independent
#                 clients for checking by hand
# Extra package names given as arguments are required too (build-analyzer-native.sh: gcc, libc6-dev; tools/test.sh: the above).
# Idempotent: a second run installs nothing. Needs root (or sudo) only when something is missing.
set -euo pipefail

required=(libpcap0.8 tshark linuxptp iproute2 "$@")
missing=()
for pkg in "${required[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "[setup] system packages present: ${required[*]}"
  exit 0
fi

echo "[setup] installing missing system packages with apt: ${missing[*]}"
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "[setup] need root or sudo to install ${missing[*]}" >&2; exit 1; }
  sudo_cmd=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "[setup] installed: ${missing[*]}"
