#!/usr/bin/env bash
# Stops the servers that ops/infra-up.sh started (as listed in .infra/started), leaving their
# data in place; never touches a server it did not start. Safe to run when nothing runs.
#
# Usage: ops/infra-down.sh [--purge] [SERVICE...]
#   SERVICE  stop only these (rabbitmq, postgres), if infra-up started them; default: all.
#   --purge  also delete .infra (stopping whatever still runs from it first).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/infra-common.sh"

PURGE=
services=()
for arg in "$@"; do
    case $arg in
        --purge) PURGE=1 ;;
        rabbitmq | postgres) services+=("$arg") ;;
        *) echo "usage: $0 [--purge] [rabbitmq] [postgres]" >&2; exit 2 ;;
    esac
done
if [ ${#services[@]} -eq 0 ] || [ -n "$PURGE" ]; then services=(rabbitmq postgres); fi

say() { echo "infra-down: $*"; }

[ -d "$INFRA" ] || { say "nothing to stop (no .infra)"; exit 0; }
lock_infra

stop_rabbitmq() {
    local pid
    pid=$(rmq_pid) || return 0
    rmq_env
    say "stopping RabbitMQ ($RABBITMQ_NODENAME)"
    # stop with the pid file waits until the VM has really exited.
    if ! rmq rabbitmqctl -q stop "$RMQ_DIR/rabbitmq.pid" >/dev/null 2>&1; then
        say "rabbitmqctl could not stop it; sending TERM to $pid"
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
        kill -9 "$pid" 2>/dev/null || true
    fi
}

stop_postgres() {
    pg_pid >/dev/null || return 0
    say "stopping PostgreSQL"
    as_pg "$PG_BIN/pg_ctl" stop -D "$(pg_dir)/data" -m fast -w -t 60 >/dev/null
}

for svc in "${services[@]}"; do
    # Under --purge the files go away, so whatever runs from them stops regardless.
    if was_started "$svc" || [ -n "$PURGE" ]; then
        "stop_$svc"
        unmark_started "$svc"
    fi
done

# epmd outlives the Erlang VM that started it; stop it once no node is left on it (while
# another node still uses it, it stays, and stays listed for a later run to stop).
if was_started epmd && ! was_started rabbitmq && ! epmd -names 2>/dev/null | grep -q '^name '; then
    epmd -kill >/dev/null 2>&1 || true
    unmark_started epmd
fi

if [ -n "$PURGE" ]; then
    say "removing $INFRA"
    # The PostgreSQL files may live outside .infra (see infra-up); rm -rf does not follow links.
    if [ -L "$INFRA/postgres" ]; then rm -rf "$(pg_dir)"; fi
    rm -rf "$INFRA"
fi
say "done"
