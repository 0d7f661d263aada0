#!/usr/bin/env bash
# Runs the oran-testbed command after installing missing system packages (libpcap0.8, tshark, linuxptp, iproute2;
# openssh-server for the demo lab's M-plane O-RU) with apt and building it (Release). With no arguments it runs the demo
# campaign (testplans/campaigns/demo.yaml) on emulated equipment and one O-RU over NETCONF/SSH: results in ./results,
# the matrix on standard output.
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
# A run of a shipped campaign needs the shipped lab's M-plane O-RU (ymir/yr-410: the O-RU emulator behind a private
# sshd on 127.0.0.1:8830, reached over NETCONF/SSH like a real one): started here unless it answers already, and
# stopped again after the run if this script started it.
started_oru=0
if [ "${1:-}" = run ] && [ -x "$root/tools/lab/demo-oru.sh" ]; then
  for arg in "${@:2}"; do
    case "$(realpath -m -- "$arg" 2>/dev/null)" in
      "$root"/testplans/campaigns/*)
        if ! "$root/tools/lab/demo-oru.sh" status; then
          if "$root/tools/lab/demo-oru.sh" start; then
            started_oru=1
          else
            echo "oran-testbed.sh: the demo O-RU did not start: the executions on its M-plane bench will be ERROR" >&2
          fi
        fi
        break
        ;;
    esac
  done
fi
if [ "$started_oru" -eq 0 ]; then
  exec dotnet "$dll" "$@"
fi
status=0
dotnet "$dll" "$@" || status=$?
"$root/tools/lab/demo-oru.sh" stop
exit "$status"
