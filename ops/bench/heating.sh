#!/usr/bin/env bash
# Temperature checks in a cold wave (`snowops bench heating`): the time to produce the ranked, capacity-respecting
# schedule for a synthetic district, beside a naive one-key baseline and a 1,000-compound district measured in the same
# run; and measurements per second judged in memory (method checks and ReadingJudge) beside a plain mean, and recorded
# end to end by Heating embedded in the benchmark (in-memory bus, SQLite, 1,000 compounds, 5,000 measurements).
# Writes the tables to ops/bench/heating.md and prints them.
# Usage: ops/bench/heating.sh [compounds=10000] [inspectors=200]
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
COMPOUNDS=${1:-10000}
INSPECTORS=${2:-200}
OUT=$REPO/ops/bench/heating.md
cd "$REPO"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if ! build=$(dotnet build src/SnowOps.Cli -c Release -v quiet -nologo 2>&1); then
  echo "$build" >&2
  exit 1
fi

rc=0
table=$(dotnet "$REPO/src/SnowOps.Cli/bin/Release/net10.0/snowops.dll" bench heating --compounds "$COMPOUNDS" --inspectors "$INSPECTORS") || rc=$?
{
  echo "\$ ops/bench/heating.sh $COMPOUNDS $INSPECTORS   ($(nproc) cores, $(date -u +%Y-%m-%d), $(git rev-parse --short HEAD))"
  echo
  echo "$table"
} | tee "$OUT"
exit "$rc"
