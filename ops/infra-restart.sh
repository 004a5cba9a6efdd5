#!/usr/bin/env bash
# Restarts one server that ops/infra-up.sh runs from this checkout's .infra, on the same ports and data, and returns
# once it serves again: RabbitMQ stopped (the whole Erlang VM) and started again, or PostgreSQL by `pg_ctl restart`
# (fast shutdown: open connections are cut). A server of another checkout or of the machine is never touched.
# ops/chaos.sh uses it for its broker and database faults.
#
# Usage: ops/infra-restart.sh rabbitmq|postgres
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/infra-common.sh"

say() { echo "infra-restart: $*"; }
die() { echo "infra-restart: $*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || die "run as root (the servers run as other users)"
[ $# -eq 1 ] || { echo "usage: $0 rabbitmq|postgres" >&2; exit 2; }
lock_infra
SECONDS=0

case $1 in
    rabbitmq)
        [ -f "$RMQ_DIR/node.env" ] && rmq_pid >/dev/null || die "no RabbitMQ of $INFRA is running (ops/infra-up.sh starts it)"
        rmq_env
        rmq rabbitmqctl -q stop "$RMQ_DIR/rabbitmq.pid" >/dev/null
        rm -f "$RMQ_DIR/rabbitmq.pid"
        # The VM must not keep the caller's output open (a caller reading it to the end would wait for the VM).
        rmq rabbitmq-server -detached </dev/null >/dev/null 2>&1
        if ! rmq rabbitmqctl -q wait "$RMQ_DIR/rabbitmq.pid" --timeout 120 >/dev/null; then
            tail -n 30 "$RMQ_DIR/log/$RABBITMQ_NODENAME.log" >&2 || true
            die "RabbitMQ did not come back"
        fi
        say "RabbitMQ ($RABBITMQ_NODENAME, AMQP $AMQP_PORT) restarted in ${SECONDS}s"
        ;;
    postgres)
        pg_pid >/dev/null || die "no PostgreSQL of $INFRA is running (ops/infra-up.sh starts it)"
        as_pg "$PG_BIN/pg_ctl" restart -D "$(pg_dir)/data" -m fast -w -t 60 -l "$(pg_dir)/postgres.log" >/dev/null \
            || die "PostgreSQL did not come back"
        say "PostgreSQL (port $(pg_port)) restarted in ${SECONDS}s"
        ;;
    *) echo "usage: $0 rabbitmq|postgres" >&2; exit 2 ;;
esac
