#!/usr/bin/env bash
# Snow operation benchmark: a storm at city scale through the Dispatch module (`snowops bench storm`), in the embedded
# mode (in-memory bus, SQLite) and, when RabbitMQ and PostgreSQL are there, in the distributed mode; each beside its
# baselines measured in the same run. Writes the tables to ops/bench/storm.md and prints them.
#
# The distributed mode uses the servers named by SNOWOPS_IT_* in the environment, else those in .infra/infra.env if they
# answer; with --infra it starts them with ops/infra-up.sh (as root) and stops what it started. Without either it is left out.
# Usage: ops/bench/storm.sh [crews=500] [tasks=5000] [--infra]
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
CREWS=${args[0]:-500}
TASKS=${args[1]:-5000}
OUT=$REPO/ops/bench/storm.md
cd "$REPO"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# The host is an ASP.NET Core app and so runs the server GC; the benchmark's process runs Dispatch the same way.
export DOTNET_gcServer=1

started_here=$(mktemp)
cleanup() {
  local svcs
  mapfile -t svcs <"$started_here"
  if [ ${#svcs[@]} -gt 0 ]; then bash "$REPO/ops/infra-down.sh" "${svcs[@]}" >/dev/null 2>&1 || true; fi
  rm -f "$started_here"
}
trap cleanup EXIT

if ! build=$(dotnet build src/SnowOps.Cli -c Release -v quiet -nologo 2>&1); then
  echo "$build" >&2
  exit 1
fi
SNOWOPS=(dotnet "$REPO/src/SnowOps.Cli/bin/Release/net10.0/snowops.dll")

answers() { timeout 2 bash -c "exec 3<>/dev/tcp/$1/$2" 2>/dev/null; }
infra_answers() {
  local pg_port
  pg_port=$(echo "${SNOWOPS_IT_POSTGRES:-}" | sed -nE 's/.*Port=([0-9]+).*/\1/p')
  [ -n "${SNOWOPS_IT_RABBITMQ_PORT:-}" ] && [ -n "$pg_port" ] &&
    answers "${SNOWOPS_IT_RABBITMQ_HOST:-127.0.0.1}" "$SNOWOPS_IT_RABBITMQ_PORT" && answers 127.0.0.1 "$pg_port"
}

echo "embedded: $CREWS crews, $TASKS tasks" >&2
rc=0
embedded=$("${SNOWOPS[@]}" bench storm --crews "$CREWS" --tasks "$TASKS" --mode embedded) || rc=$?

distributed_row=
note=
if [ -z "${SNOWOPS_IT_RABBITMQ_PORT:-}" ] && [ -f .infra/infra.env ]; then
  # shellcheck disable=SC1091
  . .infra/infra.env
fi
if ! infra_answers && [ -n "$INFRA_UP" ]; then
  bash ops/infra-up.sh --record "$started_here" >&2
  # shellcheck disable=SC1091
  . .infra/infra.env
fi
if infra_answers; then
  echo "distributed: $CREWS crews, $TASKS tasks" >&2
  distributed=$("${SNOWOPS[@]}" bench storm --crews "$CREWS" --tasks "$TASKS" --mode distributed) || rc=$?
  distributed_row=$(echo "$distributed" | grep '^| distributed |' || true)
else
  note="The distributed mode was left out: no RabbitMQ and PostgreSQL answered (start them with ops/infra-up.sh, or run this with --infra)."
fi

{
  echo "\$ ops/bench/storm.sh $CREWS $TASKS   ($(nproc) cores, $(date -u +%Y-%m-%d), $(git rev-parse --short HEAD))"
  echo
  # The distributed row joins the embedded one in its table.
  echo "$embedded" | awk -v row="$distributed_row" '{ print } /^\| embedded \|/ && row != "" { print row }'
  if [ -n "$note" ]; then echo "$note"; fi
} | tee "$OUT"
exit "$rc"
