#!/usr/bin/env bash
# Runs the oran-testbed command (Release build) after installing missing system packages (libpcap0.8, tshark)
# with apt. With no arguments it runs the demo: decode and check the embedded sample fronthaul capture.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/tools/setup/install-system-packages.sh" >&2
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
if ! dotnet build "$root/src/OranTestbed.Cli" -c Release -nologo >"$log" 2>&1; then
  cat "$log" >&2
  echo "oran-testbed.sh: build failed" >&2
  exit 1
fi
dotnet "$root/src/OranTestbed.Cli/bin/Release/net10.0/oran-testbed.dll" "${@:-demo}"
