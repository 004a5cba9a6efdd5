#!/usr/bin/env bash
# Task cards to crews: one card to each of N crews through CrewBot's outbound queue (`snowops bench crews`), against a
# local Bot API server that keeps Telegram's limits, beside the ceiling those limits allow, measured in the same run.
# Writes the table to ops/bench/crews.md and prints it.
# Usage: ops/bench/crews.sh [crews=1000]
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
CREWS=${1:-1000}
OUT=$REPO/ops/bench/crews.md
cd "$REPO"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# The host is an ASP.NET Core app and so runs the server GC; the benchmark's process runs CrewBot the same way.
export DOTNET_gcServer=1

if ! build=$(dotnet build src/SnowOps.Cli -c Release -v quiet -nologo 2>&1); then
  echo "$build" >&2
  exit 1
fi

rc=0
table=$(dotnet "$REPO/src/SnowOps.Cli/bin/Release/net10.0/snowops.dll" bench crews --crews "$CREWS") || rc=$?
{
  echo "\$ ops/bench/crews.sh $CREWS   ($(nproc) cores, $(date -u +%Y-%m-%d), $(git rev-parse --short HEAD))"
  echo
  echo "$table"
} | tee "$OUT"
exit "$rc"
