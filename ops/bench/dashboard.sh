#!/usr/bin/env bash
# Dashboard benchmark: a made-up city of N street segments (default 20,000) cut into plow routes, the committee's wall
# opened in Debian's Chromium, trucks' progress reports on the bus first at a trickle (the baseline, 10 a second) and
# then at the storm's rate (1,000 a second). The page measures itself: time to first render, and for every change it
# shows, how long after the event (event-to-screen, p50/p95/max). Writes the table to ops/bench/dashboard.md and prints it.
# Usage: ops/bench/dashboard.sh [--segments 20000] [--rate 1000] [--seconds 20] [--per-route 100] [--light-rate 10]
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
OUT=$REPO/ops/bench/dashboard.md
cd "$REPO"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# The host is an ASP.NET Core app and so runs the server GC; the benchmark's process serves the dashboard the same way.
export DOTNET_gcServer=1

if [ ! -x "${SNOWOPS_IT_CHROMIUM:-/usr/bin/chromium}" ]; then
  echo "No Chromium at ${SNOWOPS_IT_CHROMIUM:-/usr/bin/chromium}: install Debian's 'chromium' (ops/infra-up.sh does)." >&2
  exit 1
fi
if ! build=$(dotnet build bench/SnowOps.DashboardBench -c Release -v quiet -nologo 2>&1); then
  echo "$build" >&2
  exit 1
fi

table=$(dotnet bench/SnowOps.DashboardBench/bin/Release/net10.0/SnowOps.DashboardBench.dll "$@")
{
  echo "\$ ops/bench/dashboard.sh $*   ($(nproc) cores, $(date -u +%Y-%m-%d), $(git rev-parse --short HEAD))"
  echo
  echo "$table"
} | tee "$OUT"
