#!/usr/bin/env bash
# Fault tests of the distributed mode (see the README's "Fault tests"): Dispatch and Status each in its own host process
# on this checkout's RabbitMQ and PostgreSQL (ops/infra-up.sh), a city of 10,000 tasks seeded once, and for each fault
# 10,000 TaskCompleted streamed from the bot side while the fault happens: none (the baseline), SIGKILL of the Dispatch
# process and of the Status process (each started again at once), a RabbitMQ restart and a PostgreSQL restart (through
# ops/infra-restart.sh). Afterwards every task is checked in PostgreSQL, in Dispatch and in the read model. Prints the
# table and writes it to ops/bench/chaos.md; exits 1 when a completion was lost or doubled or a task is in a wrong state.
#
# Usage: ops/chaos.sh [--events 10000] [--rate 500] [--fault-at 0.3] [--faults none,kill-dispatch,kill-status,rabbitmq,postgres]
#   Needs the servers of ops/infra-up.sh (their .infra/infra.env is read here) and root, as the infra scripts do.
#   The module processes' logs are kept in .infra/chaos/.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT=$REPO/ops/bench/chaos.md
cd "$REPO"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

[ -f .infra/infra.env ] || { echo "chaos: no .infra/infra.env; run ops/infra-up.sh first" >&2; exit 2; }
set -a
# shellcheck disable=SC1091
. .infra/infra.env
set +a

# The host is run from its Release build, as ops/test.sh leaves it; building again is quick when nothing changed.
if ! build=$(dotnet build bench/SnowOps.Chaos -c Release -v quiet -nologo 2>&1 && dotnet build src/SnowOps.Host -c Release -v quiet -nologo 2>&1); then
    echo "$build" >&2
    exit 1
fi

rc=0
table=$(dotnet bench/SnowOps.Chaos/bin/Release/net10.0/SnowOps.Chaos.dll --repo "$REPO" "$@") || rc=$?
if [ -z "$table" ]; then
    echo "chaos: the run ended with $rc before its table" >&2
    exit "$rc"
fi
{
    echo "\$ ops/chaos.sh $*   ($(nproc) cores, $(date -u +%Y-%m-%d), $(git rev-parse --short HEAD))"
    echo
    echo "$table"
} | tee "$OUT"
if [ "$rc" -ne 0 ]; then
    echo "chaos: FAILED (exit $rc): a completion lost or doubled, or a task in a wrong state" >&2
fi
exit "$rc"
