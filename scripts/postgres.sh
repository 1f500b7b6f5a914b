#!/usr/bin/env bash
# Throwaway PostgreSQL servers for tests and local experiments.
#
#   scripts/postgres.sh install            install PostgreSQL from Debian's packages if missing
#   scripts/postgres.sh start [options]    new cluster on a free loopback port; prints its URL
#       --watch-pid PID    stop and remove the cluster once process PID has exited
#       --no-fsync         fsync=off, synchronous_commit=off (fast; tests only: a crash
#                          of the machine may corrupt the cluster)
#       --db NAME          database to create (default: nps)
#   scripts/postgres.sh stop DIR_OR_URL    stop the server and remove its directory
#   scripts/postgres.sh down DIR_OR_URL    stop the server, keep the cluster
#   scripts/postgres.sh up DIR_OR_URL      start a stopped cluster again on its port
#   scripts/postgres.sh status             list this machine's throwaway clusters
#
# The first port tried is $NPS_PG_PORT when set, else a free one.
# A cluster lives in a fresh directory "$NPS_PG_ROOT/nps-pg.XXXXXX" (default root /tmp)
# owned by the `postgres` user when run as root (the server refuses to run as root);
# otherwise by the calling user. It listens on 127.0.0.1 only, plus a Unix socket in its
# directory, and trusts every local connection: it is for tests, never for real data.
# `start` prints `postgres://postgres@127.0.0.1:PORT/nps` on stdout (and nothing else);
# progress goes to stderr. DIR_OR_URL is the cluster's directory or that URL.
#
# Robustness: a port that is taken (or is taken between choosing and binding) makes
# `start` try another one; `start` first removes stale clusters (server gone, or the
# process it watched gone); `stop` of a cluster that is already gone succeeds; only
# directories carrying this script's marker file are ever removed.
set -euo pipefail

ROOT=${NPS_PG_ROOT:-/tmp}
MARKER=nps-throwaway-cluster
START_ATTEMPTS=5
START_TIMEOUT_SECS=60

log() { printf '==> postgres.sh: %s\n' "$*" >&2; }
die() { printf 'postgres.sh: %s\n' "$*" >&2; exit 2; }

sudo_cmd() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# The newest installed server's bin directory (Debian: /usr/lib/postgresql/NN/bin).
pg_bindir() {
    local dir
    dir=$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -1)
    if [ -n "$dir" ] && [ -x "$dir/pg_ctl" ] && [ -x "$dir/initdb" ]; then
        echo "$dir"
    fi
}

install_postgres() {
    if [ -n "$(pg_bindir)" ]; then
        return 0
    fi
    command -v apt-get >/dev/null 2>&1 || die "PostgreSQL is not installed and apt-get is not available"
    log "installing PostgreSQL (Debian package postgresql)"
    sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive sudo_cmd apt-get install -y -qq --no-install-recommends \
        postgresql postgresql-client >&2
    [ -n "$(pg_bindir)" ] || die "installing PostgreSQL did not provide pg_ctl and initdb"
}

# Runs a command as the cluster's owner: `postgres` when we are root, else ourselves.
as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

# A loopback TCP port nobody listens on right now.
free_port() {
    if command -v python3 >/dev/null 2>&1; then
        python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
        return
    fi
    local port
    for _ in $(seq 1 50); do
        port=$((20000 + RANDOM % 40000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return
        fi
    done
    die "found no free loopback port"
}

is_cluster_dir() { [ -d "$1" ] && [ -f "$1/$MARKER" ]; }

# DIR_OR_URL -> the cluster directory (empty if none matches).
resolve_dir() {
    local arg=$1 port dir
    if [ -d "$arg" ]; then
        is_cluster_dir "$arg" || die "$arg is not a throwaway cluster made by this script"
        (cd "$arg" && pwd)
        return
    fi
    if [[ "$arg" =~ ^postgres(ql)?://[^/]*:([0-9]+)(/|$) ]]; then
        port=${BASH_REMATCH[2]}
        for dir in "$ROOT"/nps-pg.*; do
            if is_cluster_dir "$dir" && [ "$(cat "$dir/port" 2>/dev/null)" = "$port" ]; then
                echo "$dir"
                return
            fi
        done
        return
    fi
    case "$arg" in
        postgres://* | postgresql://* | "$ROOT"/nps-pg.*) return ;; # already gone
    esac
    die "expected a cluster directory or a postgres:// URL, got: $arg"
}

server_running() {
    local bindir=$1 dir=$2
    as_owner "$bindir/pg_ctl" -D "$dir/data" status >/dev/null 2>&1
}

pid_alive() { [ -n "$1" ] && kill -0 "$1" 2>/dev/null; }

# Stops the server (if running) and removes the directory.
remove_cluster() {
    local dir=$1 bindir watcher
    bindir=$(pg_bindir)
    if [ -n "$bindir" ] && [ -d "$dir/data" ] && server_running "$bindir" "$dir"; then
        as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
    fi
    watcher=$(cat "$dir/watcher.pid" 2>/dev/null || true)
    if pid_alive "$watcher" && [ "$watcher" != "$$" ] && [ "$watcher" != "${NPS_PG_WATCHER:-}" ]; then
        kill "$watcher" 2>/dev/null || true
    fi
    rm -rf "$dir"
}

# Removes clusters whose watched process has exited, and unwatched ones whose server is
# no longer running (left behind by a crash or a reboot).
sweep_stale() {
    local bindir=$1 dir watched
    for dir in "$ROOT"/nps-pg.*; do
        is_cluster_dir "$dir" || continue
        watched=$(cat "$dir/watched.pid" 2>/dev/null || true)
        if [ -n "$watched" ]; then
            pid_alive "$watched" && continue
        elif [ -f "$dir/down" ] || server_running "$bindir" "$dir"; then
            continue
        elif [ ! -f "$dir/port" ]; then
            # still being created by a concurrent `start`: leave it unless it is old
            [ -n "$(find "$dir" -maxdepth 0 -mmin +10 2>/dev/null)" ] || continue
        fi
        log "removing stale cluster $dir"
        remove_cluster "$dir"
    done
}

# pg_ctl start on PORT; fails (without removing anything) if the server does not come up.
start_server() {
    local bindir=$1 dir=$2 port=$3 settings
    settings="-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=300"
    if [ -f "$dir/no-fsync" ]; then
        settings="$settings -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    fi
    as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/log" -o "$settings" \
        -w -t "$START_TIMEOUT_SECS" start >/dev/null 2>&1
}

cmd_start() {
    local watch_pid="" no_fsync=0 db=nps
    while [ $# -gt 0 ]; do
        case "$1" in
            --watch-pid) watch_pid=${2:-}; shift 2 || die "--watch-pid needs a PID" ;;
            --no-fsync) no_fsync=1; shift ;;
            --db) db=${2:-}; shift 2 || die "--db needs a name" ;;
            *) die "unknown option for start: $1" ;;
        esac
    done
    [[ "$db" =~ ^[a-z_][a-z0-9_]*$ ]] || die "database name must match [a-z_][a-z0-9_]*: $db"
    if [ -n "$watch_pid" ]; then
        if ! [[ "$watch_pid" =~ ^[0-9]+$ ]] || ! pid_alive "$watch_pid"; then
            die "no running process $watch_pid to watch"
        fi
    fi
    install_postgres
    local bindir dir port attempt
    bindir=$(pg_bindir)
    mkdir -p "$ROOT"
    sweep_stale "$bindir"

    dir=$(mktemp -d "$ROOT/nps-pg.XXXXXX")
    : >"$dir/$MARKER"
    [ "$no_fsync" -eq 1 ] && : >"$dir/no-fsync"
    [ -n "$watch_pid" ] && echo "$watch_pid" >"$dir/watched.pid"
    mkdir "$dir/data"
    if [ "$(id -u)" -eq 0 ]; then
        chown -R postgres: "$dir"
    fi
    if ! as_owner "$bindir/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 \
        --no-sync >"$dir/initdb.log" 2>&1; then
        cat "$dir/initdb.log" >&2
        remove_cluster "$dir"
        die "initdb failed"
    fi

    for attempt in $(seq 1 "$START_ATTEMPTS"); do
        if [ "$attempt" -eq 1 ] && [ -n "${NPS_PG_PORT:-}" ]; then
            port=$NPS_PG_PORT
        else
            port=$(free_port)
        fi
        if start_server "$bindir" "$dir" "$port"; then
            break
        fi
        log "could not start on port $port (attempt $attempt): $(tail -n 3 "$dir/log" | tr '\n' ' ')"
        port=""
    done
    if [ -z "$port" ]; then
        remove_cluster "$dir"
        die "the server did not start after $START_ATTEMPTS attempts"
    fi
    echo "$port" >"$dir/port"
    if ! as_owner "$bindir/psql" -X -q -h "$dir" -p "$port" -U postgres -d postgres \
        -v ON_ERROR_STOP=1 -c "CREATE DATABASE $db" >/dev/null 2>"$dir/createdb.log"; then
        cat "$dir/createdb.log" >&2
        remove_cluster "$dir"
        die "creating database $db failed"
    fi
    local url="postgres://postgres@127.0.0.1:$port/$db"
    echo "$url" >"$dir/url"

    if [ -n "$watch_pid" ]; then
        # Detached from our stdout/stderr so a caller reading our output sees EOF now.
        # shellcheck disable=SC2016 # expanded by the inner bash, from its arguments
        NPS_PG_ROOT="$ROOT" setsid bash -c '
            while kill -0 "$1" 2>/dev/null; do sleep 1; done
            NPS_PG_WATCHER=$$ exec "$2" stop "$3"' \
            nps-pg-watch "$watch_pid" "$(realpath "$0")" "$dir" </dev/null >/dev/null 2>&1 &
        echo $! >"$dir/watcher.pid"
    fi
    log "cluster $dir is up on port $port"
    echo "$url"
}

# The cluster directory of DIR_OR_URL ($2), empty if it is gone; $1 names the command.
cluster_dir() {
    [ $# -eq 2 ] || die "usage: postgres.sh $1 DIR_OR_URL"
    resolve_dir "$2"
}

cmd_stop() {
    local dir
    dir=$(cluster_dir stop "$@")
    if [ -z "$dir" ]; then
        log "no cluster for $1 (already stopped)"
        return 0
    fi
    remove_cluster "$dir"
    log "removed $dir"
}

# The cluster directory of DIR_OR_URL ($2), which must exist; $1 names the command.
existing_cluster() {
    local dir
    dir=$(cluster_dir "$@") || exit
    [ -n "$dir" ] || die "no cluster for $2"
    echo "$dir"
}

cmd_down() {
    local dir bindir
    dir=$(existing_cluster down "$@")
    bindir=$(pg_bindir)
    : >"$dir/down"
    if server_running "$bindir" "$dir"; then
        as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w -t 30 stop >/dev/null
    fi
    log "server of $dir stopped (cluster kept)"
}

cmd_up() {
    local dir bindir
    dir=$(existing_cluster up "$@")
    bindir=$(pg_bindir)
    if ! server_running "$bindir" "$dir"; then
        start_server "$bindir" "$dir" "$(cat "$dir/port")" ||
            die "could not start $dir again: $(tail -n 3 "$dir/log" | tr '\n' ' ')"
    fi
    rm -f "$dir/down"
    log "server of $dir is up again on port $(cat "$dir/port")"
}

cmd_status() {
    local bindir dir state any=0
    bindir=$(pg_bindir)
    if [ -z "$bindir" ]; then
        echo "PostgreSQL is not installed (scripts/postgres.sh install)"
        return 0
    fi
    echo "PostgreSQL: $("$bindir/postgres" --version)"
    for dir in "$ROOT"/nps-pg.*; do
        is_cluster_dir "$dir" || continue
        any=1
        state=stopped
        server_running "$bindir" "$dir" && state=running
        printf '%s\t%s\t%s\twatching %s\n' "$dir" "$state" "$(cat "$dir/url" 2>/dev/null || echo '-')" \
            "$(cat "$dir/watched.pid" 2>/dev/null || echo '-')"
    done
    [ "$any" -eq 1 ] || echo "no throwaway clusters under $ROOT"
}

case "${1:-}" in
    install) install_postgres ;;
    start) shift; cmd_start "$@" ;;
    stop) shift; cmd_stop "$@" ;;
    down) shift; cmd_down "$@" ;;
    up) shift; cmd_up "$@" ;;
    status) shift; cmd_status ;;
    *) sed -n '2,25p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
