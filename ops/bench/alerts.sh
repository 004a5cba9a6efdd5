#!/usr/bin/env bash
# Alert benchmark (issue 3): parse + normalise throughput on one thread beside a bare XML load, then
# p50/p95/p99 from POST /api/alerts to the Status read model having consumed WeatherAlertIssued, in the
# embedded mode (one process, in-memory bus, SQLite) and the distributed mode (two processes, RabbitMQ,
# PostgreSQL/PostGIS). Usage: ops/bench/alerts.sh [count=200] [rate=20]
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
SAMPLES=$REPO/../shared/samples/cap
COUNT=${1:-200}
RATE=${2:-20}
WORK=$(mktemp -d)
cd "$REPO"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet build src/SnowOps.Host -c Release -v quiet -nologo >/dev/null
dotnet build src/SnowOps.Cli -c Release -v quiet -nologo >/dev/null
HOST=$REPO/src/SnowOps.Host/bin/Release/net10.0
SNOWOPS="dotnet $REPO/src/SnowOps.Cli/bin/Release/net10.0/snowops.dll"

pids=()
started_here=$WORK/started
: >"$started_here"
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [ -n "${DB:-}" ]; then psql "$PSQL_URL" -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true; fi
  if [ -n "${VHOST:-}" ]; then curl -s -u guest:guest -X DELETE "http://127.0.0.1:$SNOWOPS_IT_RABBITMQ_MGMT_PORT/api/vhosts/$VHOST" >/dev/null || true; fi
  mapfile -t svcs <"$started_here"
  if [ ${#svcs[@]} -gt 0 ]; then bash "$REPO/ops/infra-down.sh" "${svcs[@]}" >/dev/null 2>&1 || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

start_host() { # port, then env assignments
  local port=$1; shift
  (cd "$HOST" && exec env "$@" Logging__LogLevel__Default=Warning dotnet SnowOps.Host.dll --urls "http://127.0.0.1:$port" >"$WORK/host-$port.log" 2>&1) &
  pids+=($!)
  for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && return 0
    sleep 0.5
  done
  echo "host on $port did not become ready:" >&2; cat "$WORK/host-$port.log" >&2; return 1
}

echo "\$ ops/bench/alerts.sh $COUNT $RATE   ($(nproc) cores, $(date -u +%Y-%m-%d))"
echo
$SNOWOPS bench alerts --samples "$SAMPLES" --seconds 5

# Embedded: every module in one process.
DATA=$WORK/embedded
start_host 5091 SnowOps__DataDir="$DATA"
$SNOWOPS bench alerts --samples "$SAMPLES" --seconds 0.5 --mode embedded --count "$COUNT" --rate "$RATE" \
  --weather http://127.0.0.1:5091 \
  --alert-token "$($SNOWOPS token --data-dir "$DATA" --role alert-source --name bench)" \
  --read-token "$($SNOWOPS token --data-dir "$DATA" --role committee --name bench)" | sed -n '/^POST/,$p'

# Distributed: Weather+Dispatch+Routing+CrewBot in one process, Status+Heating in another.
bash ops/infra-up.sh --record "$started_here" >/dev/null
# shellcheck disable=SC1091
. .infra/infra.env
DB=snowops_bench_$(date +%s)
PGPORT=$(echo "$SNOWOPS_IT_POSTGRES" | sed -E 's/.*Port=([0-9]+).*/\1/')
PSQL_URL="postgresql://snowops:snowops@127.0.0.1:$PGPORT/snowops"
VHOST=$DB
psql "$PSQL_URL" -qc "CREATE DATABASE $DB" >/dev/null
curl -sf -u guest:guest -X PUT "http://127.0.0.1:$SNOWOPS_IT_RABBITMQ_MGMT_PORT/api/vhosts/$VHOST" >/dev/null
curl -sf -u guest:guest -X PUT -H 'content-type: application/json' -d '{"configure":".*","write":".*","read":".*"}' \
  "http://127.0.0.1:$SNOWOPS_IT_RABBITMQ_MGMT_PORT/api/permissions/$VHOST/guest" >/dev/null
KEY=$(head -c 48 /dev/urandom | base64 -w0)
COMMON=(SnowOps__Transport=RabbitMq SnowOps__RabbitMq__Host=127.0.0.1 "SnowOps__RabbitMq__Port=$SNOWOPS_IT_RABBITMQ_PORT"
  "SnowOps__RabbitMq__VirtualHost=$VHOST" SnowOps__Database=Postgres "SnowOps__Auth__SigningKey=$KEY"
  "ConnectionStrings__Postgres=$(echo "$SNOWOPS_IT_POSTGRES" | sed "s/Database=[^;]*/Database=$DB/")")
start_host 5092 "${COMMON[@]}" SnowOps__Modules=Weather,Dispatch,Routing,CrewBot
start_host 5093 "${COMMON[@]}" SnowOps__Modules=Status,Heating
SnowOps__Auth__SigningKey=$KEY $SNOWOPS bench alerts --samples "$SAMPLES" --seconds 0.5 --mode distributed --count "$COUNT" --rate "$RATE" \
  --weather http://127.0.0.1:5092 --status http://127.0.0.1:5093 \
  --alert-token "$(SnowOps__Auth__SigningKey=$KEY $SNOWOPS token --role alert-source --name bench)" \
  --read-token "$(SnowOps__Auth__SigningKey=$KEY $SNOWOPS token --role committee --name bench)" | sed -n '/^POST/,$p'
