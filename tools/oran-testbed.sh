#!/usr/bin/env bash
# Runs the oran-testbed command after installing missing system packages (libpcap0.8, tshark, linuxptp, iproute2)
# with apt and publishing it (Release, ReadyToRun) into artifacts/oran-testbed/. With no arguments it runs the demo:
# decode and check the embedded sample fronthaul capture.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/tools/setup/install-system-packages.sh" >&2
exe="$("$root/tools/setup/publish-cli.sh")"
exec "$exe" "${@:-demo}"
