#!/usr/bin/env bash
# Starts (or stops) a local cluster: one PostgreSQL and N platform silos joined through ADO.NET membership.
#   deploy/local-cluster.sh start [N]   (default 3)  -> silo i: gRPC 127.0.0.1:(5080+10*i), HTTP 5081+10*i,
#                                                       Orleans silo port 11111+i; logs in deploy/.cluster/silo-i.log
#   deploy/local-cluster.sh stop
#   deploy/local-cluster.sh status
# Environment: CLUSTER_DIR (default deploy/.cluster), PG_PORT (default 55400), OPERATOR_KEY (default generated once).
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${CLUSTER_DIR:-deploy/.cluster}
pg_port=${PG_PORT:-55400}
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$bin/pg_ctl" ] || { echo "error: PostgreSQL server binaries not found (apt-get install postgresql)"; exit 2; }
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

start_pg() {
  if [ ! -f "$dir/pg/PG_VERSION" ]; then
    [ -f "$dir/pg-password" ] || head -c 18 /dev/urandom | base64 | tr -d '/+=' > "$dir/pg-password"
    mkdir -p "$dir/pg"; [ "$(id -u)" = 0 ] && chown -R postgres "$dir"
    as_pg "$bin/initdb" -D "$dir/pg" -U platform --pwfile="$dir/pg-password" -A scram-sha-256 -E UTF8 --locale=C >/dev/null
    printf "listen_addresses = '127.0.0.1'\nunix_socket_directories = ''\nmax_connections = 300\nport = %s\n" "$pg_port" >> "$dir/pg/postgresql.conf"
  fi
  as_pg "$bin/pg_ctl" status -D "$dir/pg" >/dev/null 2>&1 || setsid bash -c "$(declare -f as_pg); as_pg '$bin/pg_ctl' start -D '$dir/pg' -w -l '$dir/pg.log'" >/dev/null
}

case "${1:-}" in
  start)
    n=${2:-3}
    start_pg
    [ -f "$dir/operator-key" ] || echo "op_$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')" > "$dir/operator-key"
    key=${OPERATOR_KEY:-$(cat "$dir/operator-key")}
    cs="Host=127.0.0.1;Port=$pg_port;Username=platform;Password=$(cat "$dir/pg-password");Database=postgres"
    dotnet build -c Release src/Screening.Host -v q -nologo >/dev/null
    for i in $(seq 0 $((n - 1))); do
      grpc=$((5080 + 10 * i)); http=$((5081 + 10 * i))
      nohup dotnet src/Screening.Host/bin/Release/net10.0/Screening.Host.dll \
        --Storage:ConnectionString="$cs" --Security:OperatorKey="$key" --Seed:Demo="$([ "$i" = 0 ] && echo true || echo false)" \
        --Kestrel:Endpoints:Grpc:Url="http://127.0.0.1:$grpc" --Kestrel:Endpoints:Http:Url="http://127.0.0.1:$http" \
        --Orleans:SiloPort=$((11111 + i)) --Orleans:GatewayPort=0 > "$dir/silo-$i.log" 2>&1 &
      echo $! > "$dir/silo-$i.pid"
      # The first silo seeds the database; wait for it before starting the others.
      for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$http/readyz" >/dev/null && break; sleep 1; done
      curl -sf "http://127.0.0.1:$http/readyz" >/dev/null || { echo "error: silo $i did not become ready; see $dir/silo-$i.log"; exit 1; }
      echo "silo $i ready: gRPC http://127.0.0.1:$grpc  HTTP http://127.0.0.1:$http"
    done
    echo "operator key: $key (in $dir/operator-key)"
    ;;
  stop)
    for f in "$dir"/silo-*.pid; do [ -f "$f" ] && { kill -TERM "$(cat "$f")" 2>/dev/null || true; rm -f "$f"; }; done
    sleep 5
    as_pg "$bin/pg_ctl" stop -D "$dir/pg" -m fast >/dev/null 2>&1 || true
    echo "stopped"
    ;;
  status)
    for f in "$dir"/silo-*.pid; do [ -f "$f" ] && { i=$(basename "$f" .pid); kill -0 "$(cat "$f")" 2>/dev/null && echo "$i running" || echo "$i gone"; }; done
    as_pg "$bin/pg_ctl" status -D "$dir/pg" 2>/dev/null | head -1 || true
    ;;
  *) echo "usage: $0 start [N] | stop | status"; exit 1 ;;
esac
