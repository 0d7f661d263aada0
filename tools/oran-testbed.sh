#!/usr/bin/env bash
# Runs the oran-testbed command (Release build) after installing missing system packages (libpcap0.8, tshark)
# with apt. With no arguments it runs the demo: decode and check the shipped sample capture and a generated one.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/tools/setup/install-system-packages.sh" >&2
dotnet build "$root/src/OranTestbed.Cli" -c Release -v quiet -nologo >&2
exec dotnet "$root/src/OranTestbed.Cli/bin/Release/net10.0/oran-testbed.dll" "${@:-demo}"
