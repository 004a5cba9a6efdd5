# Shared by infra-up.sh and infra-down.sh (sourced, not run): where things live and how to
# tell whether a server running on this machine is the one started from this repo's .infra.

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
INFRA=$REPO/.infra
STARTED=$INFRA/started

PG_BIN=/usr/lib/postgresql/15/bin
RMQ_DIR=$INFRA/rabbitmq

# PostgreSQL runs as the postgres user, which cannot reach a repo cloned under a private
# folder such as /root; infra-up then keeps its files in /var/tmp and links them here.
pg_dir() { readlink -f "$INFRA/postgres"; }

# postgres refuses to run as root, and its tools complain when they cannot read the cwd.
# fd 9 is the .infra lock (see lock_infra): a server that inherited it would hold it forever.
as_pg() { (cd / && runuser -u postgres -- "$@" 9>&-); }

# Prints the postmaster's pid if the PostgreSQL of this repo's data dir is running.
# The check looks at the process itself because a stale postmaster.pid can name a
# recycled pid after a reboot.
pg_pid() {
    local data pid
    data="$(pg_dir)/data"
    [ -f "$data/postmaster.pid" ] || return 1
    pid=$(head -n1 "$data/postmaster.pid")
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "-D $data" || return 1
    echo "$pid"
}

pg_port() { sed -n 4p "$(pg_dir)/data/postmaster.pid"; }

# The Debian wrappers in /usr/sbin switch to the rabbitmq user and its cookie, so the
# versioned sbin is called directly, as root.
rmq_sbin() {
    local dirs=(/usr/lib/rabbitmq/lib/rabbitmq_server-*/sbin)
    printf '%s\n' "${dirs[@]}" | sort -V | tail -n1
}

# Everything RabbitMQ (server and CLI tools alike) needs to find our node and only ours.
# node.env holds the node name and ports chosen by infra-up.
rmq_env() {
    # shellcheck disable=SC1091
    . "$RMQ_DIR/node.env"
    # The Erlang cookie lives in $HOME; a HOME inside .infra makes server and CLI tools
    # share one cookie whatever HOME the caller has, and keeps it with the node's data.
    export HOME=$RMQ_DIR
    export RABBITMQ_NODENAME=$NODENAME@localhost
    export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
    export RABBITMQ_NODE_PORT=$AMQP_PORT
    export RABBITMQ_DIST_PORT=$DIST_PORT
    export RABBITMQ_MNESIA_BASE=$RMQ_DIR/mnesia
    export RABBITMQ_LOG_BASE=$RMQ_DIR/log
    export RABBITMQ_PID_FILE=$RMQ_DIR/rabbitmq.pid
    export RABBITMQ_ENABLED_PLUGINS_FILE=$RMQ_DIR/enabled_plugins
    export RABBITMQ_CONFIG_FILE=$RMQ_DIR/rabbitmq.conf
    export RABBITMQ_ADVANCED_CONFIG_FILE=$RMQ_DIR/advanced.config
    # Our own (empty) env file, so a machine's /etc/rabbitmq/rabbitmq-env.conf can't steer us.
    export RABBITMQ_CONF_ENV_FILE=$RMQ_DIR/rabbitmq-env.conf
    # The Erlang VM starts epmd and listens for distribution on all interfaces by default.
    export ERL_EPMD_ADDRESS=127.0.0.1
    export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
}

rmq() { "$(rmq_sbin)/$1" "${@:2}" 9>&-; }

# Prints the Erlang VM's pid if the RabbitMQ of this repo's .infra is running.
rmq_pid() {
    local pid
    [ -f "$RMQ_DIR/rabbitmq.pid" ] || return 1
    pid=$(head -n1 "$RMQ_DIR/rabbitmq.pid")
    [ -n "$pid" ] || return 1
    tr '\0' '\n' <"/proc/$pid/environ" 2>/dev/null | grep -qxF "RABBITMQ_MNESIA_BASE=$RMQ_DIR/mnesia" || return 1
    echo "$pid"
}

# Two scripts touching .infra at once (say two test runs) would start servers twice.
# Held on fd 9 until the script exits; anything that may spawn a daemon must close it.
lock_infra() {
    mkdir -p "$INFRA"
    exec 9>"$INFRA/.lock"
    flock 9
}

mark_started() { grep -qxF "$1" "$STARTED" 2>/dev/null || echo "$1" >>"$STARTED"; }
unmark_started() { [ -f "$STARTED" ] && sed -i "/^$1\$/d" "$STARTED" || true; }
was_started() { grep -qxF "$1" "$STARTED" 2>/dev/null; }
