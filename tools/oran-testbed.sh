#!/usr/bin/env bash
# Runs the oran-testbed command after installing missing system packages (libpcap0.8, tshark, linuxptp, iproute2)
# with apt and publishing it (Release, ReadyToRun) into artifacts/oran-testbed/. With no arguments it runs the demo
# campaign (testplans/campaigns/demo.yaml) on emulated equipment: results in ./results, the matrix on standard output.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/tools/setup/install-system-packages.sh" >&2
exe="$("$root/tools/setup/publish-cli.sh")"
if [ $# -eq 0 ]; then
  set -- run "$root/testplans/campaigns/demo.yaml"
fi
exec "$exe" "$@"
