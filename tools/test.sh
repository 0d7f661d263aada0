#!/usr/bin/env bash
# Runs the whole OranTestbed test suite (NUnit, Release build), after installing missing system packages
# (libpcap0.8, tshark, linuxptp, iproute2; for the M-plane specs netconfd, yangcli, openssh-server, python3-ncclient,
# socat and libyang2-tools (yanglint) — the [Category("Netconf")] specs run in phase 1 and need root for their accounts;
# chromium for the dashboard specs) with apt, starting the demo lab's M-plane O-RU (tools/lab/demo-oru.sh) and making a local PostgreSQL server ready for the results-store
# specs (tools/setup/postgres.sh: installs, starts, creates the test role and database). Extra arguments go to `dotnet test`
# (e.g. --filter "FullyQualifiedName~CPlane").
# Live tests ([Category("Live")]: veth pairs in network namespaces, real ptp4l) run when this user can create
# network namespaces (root, as in CI); otherwise they are excluded and a notice says so.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup/install-system-packages.sh netconfd yangcli openssh-server python3-ncclient socat libyang2-tools
tools/setup/postgres.sh
tools/setup/chromium.sh
# The demo lab's M-plane O-RU (ymir/yr-410: the emulator behind a private sshd on 127.0.0.1:8830), for the specs that
# run the shipped demo campaign; stopped again when the suite ends.
tools/lab/demo-oru.sh start
trap 'tools/lab/demo-oru.sh stop' EXIT

live=0
probe="otb-probe-$$"
if [ "$(id -u)" -eq 0 ] && ip netns add "$probe" 2>/dev/null; then
  ip netns delete "$probe"
  live=1
  echo "[test] running Live tests too (root, network namespaces available)"
else
  echo "[test] NOTICE: Live tests (veth pairs in network namespaces, ptp4l) are EXCLUDED: they need root and 'ip netns add'"
fi

# A --filter of the caller is combined with each phase's category filter.
args=("$@")
user_filter=""
for i in "${!args[@]}"; do
  if [ "${args[$i]}" = "--filter" ] && [ $((i + 1)) -lt ${#args[@]} ]; then
    user_filter="${args[$((i + 1))]}"
    unset 'args[i]' 'args[i+1]'
  fi
done
args=("${args[@]}")
with() { if [ -n "$user_filter" ]; then echo "($user_filter)&$1"; else echo "$1"; fi; }

# Phase 1: everything but the Live and Cluster tests, test assemblies in parallel.
dotnet test OranTestbed.sln -c Release --filter "$(with 'TestCategory!=Live&TestCategory!=Cluster')" "${args[@]}"

# Phase 2: the timing-sensitive tests, one assembly at a time so that the other suites' load does not make the
# emulated nodes miss their microsecond windows (Live: veth pairs, ptp4l) or the cluster's failure detector suspect a
# healthy host (Cluster: coordinator and agent processes on loopback).
phase2='TestCategory=Cluster'
if [ "$live" -eq 1 ]; then
  phase2='TestCategory=Live|TestCategory=Cluster'
fi
dotnet test OranTestbed.sln -c Release --no-build -m:1 --filter "$(with "$phase2")" "${args[@]}"
