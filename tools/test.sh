#!/usr/bin/env bash
# Runs the whole OranTestbed test suite (NUnit, Release build), after installing missing system packages
# (libpcap0.8, tshark) with apt. Extra arguments go to `dotnet test` (e.g. --filter "FullyQualifiedName~CPlane").
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup/install-system-packages.sh
dotnet test OranTestbed.sln -c Release --filter "TestCategory!=Live" "$@"
