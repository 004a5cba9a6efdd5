#!/usr/bin/env bash
# CARP benchmark: every classic instance in shared/carp (gdb, val, kshs, bmcv), SnowOps' solver beside Google OR-Tools'
# routing solver in the same time budget per instance, gaps to the best-known costs, as markdown tables for the README.
# Each solver runs single-threaded; PARALLEL instances run at once (keep it at or below the free cores). The full run
# takes about 163 instances x 2 solvers x SECONDS / PARALLEL: some 27 minutes at 10 s on 2 cores.
# Usage: ops/bench/carp.sh [seconds=10] [parallel=1] [extra route-bench options, e.g. --csv carp.csv --seed 2]
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
SECONDS_PER_INSTANCE=${1:-10}
PARALLEL=${2:-1}
shift $(($# < 2 ? $# : 2))
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# The instances live in shared/carp beside the repository (or a folder further up): look the way the tests do.
CARP=""
dir=$REPO
while [ "$dir" != "/" ]; do
  if [ -d "$dir/shared/carp" ]; then CARP=$dir/shared/carp; break; fi
  dir=$(dirname "$dir")
done
if [ -z "$CARP" ]; then
  echo "No shared/carp folder above $REPO." >&2
  exit 2
fi

cd "$REPO"
if ! build=$(dotnet build src/SnowOps.Cli -c Release -v quiet -nologo 2>&1); then
  echo "$build" >&2
  exit 1
fi
exec dotnet "$REPO/src/SnowOps.Cli/bin/Release/net10.0/snowops.dll" route bench "$CARP" \
  --seconds "$SECONDS_PER_INSTANCE" --parallel "$PARALLEL" --markdown "$@"
