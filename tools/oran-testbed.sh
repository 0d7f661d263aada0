#!/usr/bin/env bash
# Runs the oran-testbed command after installing missing system packages (libpcap0.8, tshark, linuxptp, iproute2)
# with apt and building it (Release). With no arguments it runs the demo
# campaign (testplans/campaigns/demo.yaml) on emulated equipment: results in ./results, the matrix on standard output.
# `analyze` and `decode` run as oran-testbed-native (the same commands compiled with Native AOT: same options, output
# and exit codes, ~0.25 s less start-up) when it has been built and is up to date with the sources
# (tools/setup/build-analyzer-native.sh builds it); ORAN_TESTBED_NATIVE=0 always runs the JIT build.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/tools/setup/install-system-packages.sh" >&2
case "${1:-}:${ORAN_TESTBED_NATIVE:-1}" in
  analyze:1|decode:1)
    if native="$("$root/tools/setup/build-analyzer-native.sh" --check)"; then
      # argv[0] "oran-testbed": help and usage text name the command as the JIT build does.
      exec -a oran-testbed "$native" "$@"
    fi
    ;;
esac
dll="$("$root/tools/setup/build-cli.sh")"
if [ $# -eq 0 ]; then
  set -- run "$root/testplans/campaigns/demo.yaml"
fi
exec dotnet "$dll" "$@"
