#!/usr/bin/env bash
# Builds the oran-testbed command (Release) and prints how to run it (the path of oran-testbed.dll). Quiet unless the
# build fails. (A ReadyToRun publish halved short analyses but crossgen2 ran for tens of minutes on the Akka and
# linq2db assemblies, so the command runs from a plain build.)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
if ! dotnet build "$root/src/OranTestbed.Cli" -c Release -nologo >"$log" 2>&1; then
  cat "$log" >&2
  echo "publish-cli.sh: building oran-testbed failed" >&2
  exit 1
fi
echo "$root/src/OranTestbed.Cli/bin/Release/net10.0/oran-testbed.dll"
