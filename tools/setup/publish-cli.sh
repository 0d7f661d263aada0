#!/usr/bin/env bash
# Publishes the oran-testbed command (Release, ReadyToRun composite of our assemblies, framework-dependent) into
# artifacts/oran-testbed/ and prints the path of the executable. Precompiled code halves the run time of short
# analyses: a 100 MB capture is analysed in ~0.22 s instead of ~0.43 s from a plain build, most of the difference
# being JIT work (tools/README.md, "analyze"). Quiet unless the publish fails.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="$root/artifacts/oran-testbed"
rid="linux-$(uname -m | sed -e 's/x86_64/x64/' -e 's/aarch64/arm64/')"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
if ! dotnet publish "$root/src/OranTestbed.Cli" -c Release -r "$rid" --self-contained false \
     -p:PublishReadyToRun=true -o "$out" -nologo >"$log" 2>&1; then
  cat "$log" >&2
  echo "publish-cli.sh: publishing oran-testbed failed" >&2
  exit 1
fi
echo "$out/oran-testbed"
