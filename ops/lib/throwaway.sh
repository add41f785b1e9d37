# ops/lib/throwaway.sh — sourced by ops/soak and ops/chaos (and their ops/checks forms): a
# throwaway PostgreSQL cluster (ops/db with VETTING_PG_DIR in a temp dir, its own free port),
# migrations, demo data, an admin token, and a vetting-server on free ports. Everything started
# here is recorded and stopped by tw_cleanup, and only that.
#
# Needs: $root (the checkout), $tw_bin (the folder with vetting-server and vetctl).

tw_tmp="$(mktemp -d /tmp/vetting-throwaway.XXXXXX)"
chmod 755 "$tw_tmp"   # the cluster runs as `postgres` when we are root
export VETTING_PG_DIR="$tw_tmp/pg"
tw_server_pid=""
tw_db_started=0

tw_free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

tw_db_start() {
  "$root/ops/db" start >"$tw_tmp/db.log" 2>&1 || { cat "$tw_tmp/db.log" >&2; return 1; }
  tw_db_started=1
  tw_url="$("$root/ops/db" url)"
  tw_pgdata="$VETTING_PG_DIR/data"
}

# The postmaster's pid (first line of postmaster.pid).
tw_postmaster_pid() { head -n 1 "$tw_pgdata/postmaster.pid"; }

tw_prepare() {  # $1: providers of demo data (0: none)
  "$tw_bin/vetctl" migrate --database-url "$tw_url" >"$tw_tmp/migrate.log" 2>&1 \
    || { cat "$tw_tmp/migrate.log" >&2; return 1; }
  if [[ "${1:-0}" -gt 0 ]]; then
    "$tw_bin/vetctl" demo-data --database-url "$tw_url" --providers "$1" --label throwaway \
      >"$tw_tmp/demo.log" 2>&1 || { cat "$tw_tmp/demo.log" >&2; return 1; }
  fi
  tw_admin_token="$("$tw_bin/vetctl" token bootstrap --database-url "$tw_url" \
    --name "throwaway-admin-$$-$RANDOM" --role admin --output csv | tail -n 1 | cut -d, -f4)"
  [[ "$tw_admin_token" == pv_* ]] || { echo "token bootstrap gave no token" >&2; return 1; }
}

# tw_server_start [extra flags...]: starts vetting-server on free ports, waits until it listens.
tw_server_start() {
  tw_framed_port="$(tw_free_port)"
  tw_grpc_port="$(tw_free_port)"
  tw_server_log="$tw_tmp/server.$(date +%s%N).log"
  "$tw_bin/vetting-server" --database-url "$tw_url" --listen "127.0.0.1:$tw_framed_port" \
    --grpc-listen "127.0.0.1:$tw_grpc_port" --metrics-listen off "$@" >"$tw_server_log" 2>&1 &
  tw_server_pid=$!
  local _
  for _ in $(seq 1 300); do
    grep -q "gRPC/HTTP2 listening" "$tw_server_log" && grep -q "FramedRPC listening" "$tw_server_log" && return 0
    kill -0 "$tw_server_pid" 2>/dev/null || { cat "$tw_server_log" >&2; echo "vetting-server exited at start" >&2; return 1; }
    sleep 0.2
  done
  echo "vetting-server did not listen within 60 s" >&2
  return 1
}

tw_server_stop() {
  if [[ -n "$tw_server_pid" ]] && kill -0 "$tw_server_pid" 2>/dev/null; then
    kill -TERM "$tw_server_pid" 2>/dev/null || true
    local _
    for _ in $(seq 1 100); do kill -0 "$tw_server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$tw_server_pid" 2>/dev/null || true
    wait "$tw_server_pid" 2>/dev/null || true
  fi
  tw_server_pid=""
}

tw_cleanup() {
  tw_server_stop
  if [[ $tw_db_started -eq 1 ]]; then
    # A stopped (SIGSTOP) postmaster must be continued before it can stop.
    if [[ -f "${tw_pgdata:-/nonexistent}/postmaster.pid" ]]; then
      kill -CONT "$(tw_postmaster_pid)" 2>/dev/null || true
    fi
    "$root/ops/db" stop >/dev/null 2>&1 || true
  fi
  if [[ -n "${tw_keep:-}" ]]; then echo "kept $tw_tmp" >&2; else rm -rf "$tw_tmp"; fi
}
