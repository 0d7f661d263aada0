#!/usr/bin/env bash
# Runs the oran-testbed command after installing missing system packages (libpcap0.8, tshark, linuxptp, iproute2)
# with apt and building it (Release). With no arguments it runs the demo
# campaign (testplans/campaigns/demo.yaml) on emulated equipment: results in ./results, the matrix on standard output.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/tools/setup/install-system-packages.sh" >&2
dll="$("$root/tools/setup/build-cli.sh")"
if [ $# -eq 0 ]; then
  set -- run "$root/testplans/campaigns/demo.yaml"
fi
exec dotnet "$dll" "$@"
