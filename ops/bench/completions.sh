#!/usr/bin/env bash
# Completion events benchmark (`snowops bench completions`): crews' TaskCompleted per second end to end (bot → RabbitMQ →
# Dispatch → TaskStateChanged → Status read model in PostgreSQL) and p50/p99 latency, with 1, 2 and 4 real host
# processes of Dispatch and of Status sharing the queues; beside two ceilings measured in the same run on the same
# broker with the same durability: bare RabbitMQ.Client and MassTransit alone with no database. Writes the tables to
# ops/bench/completions.md and prints them.
#
# Uses the servers named by SNOWOPS_IT_* in the environment, else those in .infra/infra.env if they answer; with --infra
# it starts them with ops/infra-up.sh (as root) and stops what it started.
# Usage: ops/bench/completions.sh [--infra] [--tasks 30000] [--warmup 200000] [--ceiling-messages 50000] [--instances 1,2,4] [--window 1000] [--rate 0]
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
INFRA_UP=
args=()
for arg in "$@"; do
  case $arg in
    --infra) INFRA_UP=1 ;;
    *) args+=("$arg") ;;
  esac
done
OUT=$REPO/ops/bench/completions.md
cd "$REPO"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# The hosts are ASP.NET Core apps and run the server GC; the benchmark's publishers and ceiling consumers run the same way.
export DOTNET_gcServer=1

started_here=$(mktemp)
cleanup() {
  local svcs
  mapfile -t svcs <"$started_here"
  if [ ${#svcs[@]} -gt 0 ]; then bash "$REPO/ops/infra-down.sh" "${svcs[@]}" >/dev/null 2>&1 || true; fi
  rm -f "$started_here"
}
trap cleanup EXIT

for project in src/SnowOps.Host src/SnowOps.Cli; do
  if ! build=$(dotnet build "$project" -c Release -v quiet -nologo 2>&1); then
    echo "$build" >&2
    exit 1
  fi
done
SNOWOPS=(dotnet "$REPO/src/SnowOps.Cli/bin/Release/net10.0/snowops.dll")

answers() { timeout 2 bash -c "exec 3<>/dev/tcp/$1/$2" 2>/dev/null; }
infra_answers() {
  local pg_port
  pg_port=$(echo "${SNOWOPS_IT_POSTGRES:-}" | sed -nE 's/.*Port=([0-9]+).*/\1/p')
  [ -n "${SNOWOPS_IT_RABBITMQ_PORT:-}" ] && [ -n "$pg_port" ] &&
    answers "${SNOWOPS_IT_RABBITMQ_HOST:-127.0.0.1}" "$SNOWOPS_IT_RABBITMQ_PORT" && answers 127.0.0.1 "$pg_port"
}

if [ -z "${SNOWOPS_IT_RABBITMQ_PORT:-}" ] && [ -f .infra/infra.env ]; then
  # shellcheck disable=SC1091
  . .infra/infra.env
fi
if ! infra_answers && [ -n "$INFRA_UP" ]; then
  bash ops/infra-up.sh --record "$started_here" >&2
  # shellcheck disable=SC1091
  . .infra/infra.env
fi
if ! infra_answers; then
  echo "No RabbitMQ and PostgreSQL answered: start them with ops/infra-up.sh (and . .infra/infra.env), or run this with --infra." >&2
  exit 2
fi

load_before=$(uptime | sed -E 's/.*load average: //')
rc=0
table=$("${SNOWOPS[@]}" bench completions "${args[@]}") || rc=$?
{
  echo "\$ ops/bench/completions.sh ${args[*]}   ($(nproc) cores, $(date -u +%Y-%m-%d), $(git rev-parse --short HEAD), load before: $load_before)"
  echo
  echo "$table"
} | tee "$OUT"
exit "$rc"
