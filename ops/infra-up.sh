#!/usr/bin/env bash
# Starts what the integration tests need — RabbitMQ 3.10 with management, PostgreSQL 15 with
# PostGIS — on 127.0.0.1, with all data, logs and pids under <repo>/.infra, installing the
# Debian packages first where they are missing. Safe to run again: a server already running
# from .infra is only re-checked. Writes .infra/infra.env for test runners to source.
#
# Usage: ops/infra-up.sh [--record FILE]
#   --record FILE  also append to FILE the services this very call started, so a caller
#                  (ops/test.sh) can stop exactly those and leave the rest as it found them.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/infra-common.sh"

RECORD=
if [ "${1:-}" = --record ]; then RECORD=$2; fi

say() { echo "infra-up: $*"; }
die() { echo "infra-up: $*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || die "run as root (it installs packages and runs servers as other users)"

SECONDS=0
lock_infra
# postgres must be able to reach .infra whatever umask the caller has.
chmod 755 "$INFRA"

started() {
    mark_started "$1"
    if [ -n "$RECORD" ]; then echo "$1" >>"$RECORD"; fi
}

# ---- packages --------------------------------------------------------------------------

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'ok installed'; }

missing=()
# fonts-wqy-microhei: Chinese glyphs for the screens Chromium renders in the browser tests (their screenshots).
for pkg in rabbitmq-server postgresql-15-postgis-3 chromium fonts-wqy-microhei; do
    installed "$pkg" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ] || ! command -v kubectl >/dev/null; then
    export DEBIAN_FRONTEND=noninteractive
    apt_get() {
        apt-get -y -q -o DPkg::Lock::Timeout=300 \
            -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold "$@"
    }
    say "installing ${missing[*]:-} (kubectl: $(command -v kubectl || echo missing))"
    apt_get update
    if [ ${#missing[@]} -gt 0 ]; then apt_get install "${missing[@]}"; fi
    # kubectl renders k8s/ for the deployment test (Deployment/KustomizeSpecs.cs runs
    # `kubectl kustomize`). Debian has no 'kubectl' package (it comes from Google's or
    # Kubernetes' repo), only the older kubernetes-client (kubectl 1.20, installs
    # /usr/bin/kubectl; k8s/ is kept renderable by it, see k8s/README.md). Take whichever
    # apt offers; without a working kubectl on the PATH the run fails here.
    if ! command -v kubectl >/dev/null; then
        for pkg in kubectl kubernetes-client; do
            if apt-cache policy "$pkg" 2>/dev/null | grep -q 'Candidate: [0-9]'; then
                if apt_get install "$pkg" && command -v kubectl >/dev/null; then break; fi
                echo "infra-up: WARNING: installing $pkg gave no kubectl on the PATH ($PATH)" >&2
            fi
        done
        command -v kubectl >/dev/null \
            || die "kubectl could not be installed (neither 'kubectl' nor 'kubernetes-client' from apt); the deployment test needs it on the PATH"
        kubectl kustomize --help >/dev/null 2>&1 \
            || die "$(command -v kubectl) has no working 'kubectl kustomize'; the deployment test needs it"
        say "kubectl: $(command -v kubectl)"
    fi
fi
[ -x "$PG_BIN/initdb" ] || die "$PG_BIN/initdb missing after install"

# ---- ports -----------------------------------------------------------------------------

# Something accepts connections on 127.0.0.1:port (a 0.0.0.0 listener counts too).
port_busy() { timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null; }

# First port from $1 upwards that is free and not among the other arguments.
free_port() {
    local p=$1; shift
    while port_busy "$p" || [[ " $* " == *" $p "* ]]; do
        p=$((p + 1))
        [ "$p" -lt 65000 ] || die "no free port found"
    done
    echo "$p"
}

epmd_has() { epmd -names 2>/dev/null | grep -q "^name $1 at"; }

# ---- RabbitMQ: start (detached; it takes ~12 s, PostgreSQL is set up meanwhile) --------

rmq_fresh=
if [ -f "$RMQ_DIR/node.env" ] && rmq_pid >/dev/null; then
    rmq_env
    say "RabbitMQ already running from .infra (node $RABBITMQ_NODENAME)"
else
    mkdir -p "$RMQ_DIR/mnesia" "$RMQ_DIR/log"
    # The standard ports when nobody holds them, so a developer's tools find RabbitMQ where
    # they expect it; otherwise (say, the distro's own RabbitMQ runs) a second node beside
    # it needs its own name and ports.
    if ! port_busy 5672 && ! port_busy 15672 && ! port_busy 25672 && ! epmd_has rabbit; then
        NODENAME=rabbit AMQP_PORT=5672 MGMT_PORT=15672 DIST_PORT=25672
    else
        NODENAME=snowops n=1
        while epmd_has "$NODENAME"; do n=$((n + 1)); NODENAME=snowops$n; done
        AMQP_PORT=$(free_port 55672)
        MGMT_PORT=$(free_port 55673 "$AMQP_PORT")
        # Default is AMQP + 20000, which would run past 65535 from here.
        DIST_PORT=$(free_port 55674 "$AMQP_PORT" "$MGMT_PORT")
    fi
    printf 'NODENAME=%s\nAMQP_PORT=%s\nMGMT_PORT=%s\nDIST_PORT=%s\n' \
        "$NODENAME" "$AMQP_PORT" "$MGMT_PORT" "$DIST_PORT" >"$RMQ_DIR/node.env"
    echo '[rabbitmq_management].' >"$RMQ_DIR/enabled_plugins"
    cat >"$RMQ_DIR/rabbitmq.conf" <<EOF
management.tcp.ip = 127.0.0.1
management.tcp.port = $MGMT_PORT
EOF
    : >"$RMQ_DIR/rabbitmq-env.conf"
    echo '[].' >"$RMQ_DIR/advanced.config"
    rm -f "$RMQ_DIR/rabbitmq.pid"
    # The first start of epmd comes with our node; remember it so infra-down can stop it.
    if ! epmd -names >/dev/null 2>&1; then mark_started epmd; fi
    rmq_env
    say "starting RabbitMQ (node $RABBITMQ_NODENAME, AMQP $AMQP_PORT, management $MGMT_PORT)"
    rmq rabbitmq-server -detached
    started rabbitmq
    rmq_fresh=1
fi

# ---- PostgreSQL ------------------------------------------------------------------------

if [ ! -e "$INFRA/postgres" ]; then
    if as_pg test -x "$INFRA"; then
        mkdir "$INFRA/postgres"
    else
        alt=/var/tmp/snowops-postgres-$(printf %s "$REPO" | md5sum | cut -c1-12)
        say "postgres cannot reach $INFRA; keeping its files in $alt"
        mkdir -p "$alt"
        ln -s "$alt" "$INFRA/postgres"
    fi
fi
PG_DIR=$(pg_dir)
PGDATA=$PG_DIR/data
mkdir -p "$PG_DIR/run"
chown postgres: "$PG_DIR" "$PG_DIR/run"

if [ ! -f "$PGDATA/PG_VERSION" ]; then
    say "initdb $PGDATA"
    rm -rf "$PGDATA"
    # peer on the socket: only the postgres OS user gets in without a password; TCP from
    # loopback needs the password, as the tests' connection string gives it.
    as_pg "$PG_BIN/initdb" -D "$PGDATA" -U postgres -E UTF8 --locale=C.UTF-8 \
        --auth-local=peer --auth-host=scram-sha-256 >"$PG_DIR/initdb.log"
    echo "include = 'snowops.conf'" >>"$PGDATA/postgresql.conf"
fi

if pid=$(pg_pid); then
    PG_PORT=$(pg_port)
    say "PostgreSQL already running from .infra (pid $pid, port $PG_PORT)"
else
    PG_PORT=$(free_port 55432 "${AMQP_PORT:-}" "${MGMT_PORT:-}" "${DIST_PORT:-}")
    # Rewritten at each start, since the free port may differ from last time.
    cat >"$PGDATA/snowops.conf" <<EOF
port = $PG_PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '$PG_DIR/run'
# Throwaway test data: durability on power loss buys nothing here and costs time.
fsync = off
synchronous_commit = off
full_page_writes = off
# Test runs open several pools (one per test class and database) at once.
max_connections = 200
EOF
    chown postgres: "$PGDATA/snowops.conf"
    # A leftover from a server that died with the machine: its pid may now belong to some
    # other process, which postgres would take for a live postmaster and refuse to start.
    if [ -f "$PGDATA/postmaster.pid" ] &&
        [ "$(cat "/proc/$(head -n1 "$PGDATA/postmaster.pid")/comm" 2>/dev/null)" != postgres ]; then
        rm -f "$PGDATA/postmaster.pid"
    fi
    say "starting PostgreSQL on port $PG_PORT"
    as_pg "$PG_BIN/pg_ctl" start -D "$PGDATA" -l "$PG_DIR/postgres.log" -w -t 60 >/dev/null \
        || { tail -n 20 "$PG_DIR/postgres.log" >&2; die "PostgreSQL did not start"; }
    started postgres
fi

# Done on every run: each statement is a no-op when already done, and this repairs a setup
# that was interrupted halfway. PostGIS goes into template1 first so that every database the
# tests create (and snowops itself) has it from the start.
psql_pg() { PGOPTIONS="-c client_min_messages=warning" as_pg "$PG_BIN/psql" -h "$PG_DIR/run" -p "$PG_PORT" -X -q -v ON_ERROR_STOP=1 "$@"; }
psql_pg -d template1 <<'SQL'
SELECT 'CREATE ROLE snowops' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'snowops')
\gexec
ALTER ROLE snowops LOGIN SUPERUSER PASSWORD 'snowops';
CREATE EXTENSION IF NOT EXISTS postgis;
SELECT 'CREATE DATABASE snowops OWNER snowops'
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'snowops')
\gexec
SQL
psql_pg -d snowops -c 'CREATE EXTENSION IF NOT EXISTS postgis;'

# ---- RabbitMQ: wait until it serves --------------------------------------------------

if ! rmq rabbitmqctl -q wait "$RMQ_DIR/rabbitmq.pid" --timeout 120 >/dev/null; then
    tail -n 30 "$RMQ_DIR/log/$RABBITMQ_NODENAME.log" >&2 || true
    die "RabbitMQ did not come up"
fi
# The management listener comes up with the node, but tests talk to it directly.
for _ in $(seq 50); do port_busy "$MGMT_PORT" && break; sleep 0.2; done
port_busy "$MGMT_PORT" || die "RabbitMQ management did not listen on $MGMT_PORT"

# ---- hand-over -------------------------------------------------------------------------

cat >"$INFRA/infra.env" <<EOF
# Written by ops/infra-up.sh; source it before running the integration tests.
export SNOWOPS_IT_RABBITMQ_HOST=127.0.0.1
export SNOWOPS_IT_RABBITMQ_PORT=$AMQP_PORT
export SNOWOPS_IT_RABBITMQ_MGMT_PORT=$MGMT_PORT
export SNOWOPS_IT_RABBITMQ_USER=guest
export SNOWOPS_IT_RABBITMQ_PASSWORD=guest
export SNOWOPS_IT_POSTGRES='Host=127.0.0.1;Port=$PG_PORT;Username=snowops;Password=snowops;Database=snowops'
export SNOWOPS_IT_CHROMIUM=/usr/bin/chromium
EOF

say "ready in ${SECONDS}s${rmq_fresh:+ (RabbitMQ started)}"
say "  RabbitMQ   amqp://guest:guest@127.0.0.1:$AMQP_PORT  management http://127.0.0.1:$MGMT_PORT  node $RABBITMQ_NODENAME"
say "  PostgreSQL postgresql://snowops:snowops@127.0.0.1:$PG_PORT/snowops  (PostGIS)"
say "  Chromium   /usr/bin/chromium;  env: source $INFRA/infra.env"
