#!/usr/bin/env bash
# Installs Debian's chromium for the dashboard's browser specs (tests/OranTestbed.Server.Tests/Dashboard: Playwright
# for .NET drives /usr/bin/chromium by its executable path; Playwright never downloads a browser). Idempotent.
set -euo pipefail
cd "$(dirname "$0")"
./install-system-packages.sh chromium
