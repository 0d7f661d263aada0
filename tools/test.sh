#!/usr/bin/env bash
# Runs the whole OranTestbed test suite (NUnit, Release build), after installing missing system packages
# (libpcap0.8, tshark, linuxptp, iproute2) with apt. Extra arguments go to `dotnet test`
# (e.g. --filter "FullyQualifiedName~CPlane").
# Live tests ([Category("Live")]: veth pairs in network namespaces, real ptp4l) run when this user can create
# network namespaces (root, as in CI); otherwise they are excluded and a notice says so.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup/install-system-packages.sh

live_filter=()
probe="otb-probe-$$"
if [ "$(id -u)" -eq 0 ] && ip netns add "$probe" 2>/dev/null; then
  ip netns delete "$probe"
  echo "[test] running Live tests too (root, network namespaces available)"
else
  live_filter=(--filter "TestCategory!=Live")
  echo "[test] NOTICE: Live tests (veth pairs in network namespaces, ptp4l) are EXCLUDED: they need root and 'ip netns add'"
fi

# A --filter of the caller is kept, and still excludes Live tests when they cannot run.
args=("$@")
for i in "${!args[@]}"; do
  if [ "${args[$i]}" = "--filter" ] && [ $((i + 1)) -lt ${#args[@]} ]; then
    if [ ${#live_filter[@]} -gt 0 ]; then
      args[$((i + 1))]="(${args[$((i + 1))]})&TestCategory!=Live"
    fi
    live_filter=()
  fi
done

dotnet test OranTestbed.sln -c Release "${live_filter[@]}" "${args[@]}"
