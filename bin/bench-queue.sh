#!/usr/bin/env bash
# The coordinators' queue under load: 100,000 cases and 1,000,000 timeline events, p99 latency of
# its first page and of a page half-way down (50,000 rows deep), on SQLite and on PostgreSQL. Called by bin/bench
# with the release binary; prints four lines "name p99-ms".
#   bin/bench-queue.sh BIN WORKDIR [CASES]
set -euo pipefail
BIN=$1; WORK=$2; CASES=${3:-100000}
DEEP=$((CASES / 2))
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

p99() {  # URL COOKIE -> p99 in ms
  wrk -t2 -c8 -d5s --latency -H "Cookie: $2" "$1" >"$WORK/wrk-queue.out" 2>&1
  grep -q "Non-2xx" "$WORK/wrk-queue.out" && echo "warning: $1 answered non-2xx" >&2
  awk '$1 == "99%" { v=$2; if (v ~ /us$/) { sub(/us/,"",v); v=v/1000 } else if (v ~ /ms$/) { sub(/ms/,"",v) } else if (v ~ /s$/) { sub(/s/,"",v); v=v*1000 } print v }' "$WORK/wrk-queue.out"
}

totp() {  # the demo staff's current authenticator code (DemoData.twoFactorSecret), RFC 6238
  python3 -c 'import hashlib,hmac,struct,time
d=hmac.new(b"DemoAuthKey-2026-xyz", struct.pack(">Q", int(time.time()//30)), hashlib.sha1).digest(); o=d[-1]&15
print("%06d" % ((struct.unpack(">I", d[o:o+4])[0] & 0x7fffffff) % 1000000))'
}

csrf() { grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"//'; }

signin() {  # URL -> cookie header value of a signed-in coordinator (password, then authenticator code)
  local jar="$WORK/jar-$RANDOM" token
  token=$(curl -fs -c "$jar" -b "$jar" "$1/signin" | csrf)
  curl -fs -o /dev/null -c "$jar" -b "$jar" -H "Origin: $1" --data-urlencode "_csrf=$token" \
    --data-urlencode "email=miguel.santos@example.org" --data-urlencode "password=Demo-visit-2026!" "$1/signin"
  token=$(curl -fs -c "$jar" -b "$jar" "$1/signin/code" | csrf)
  curl -fs -o /dev/null -c "$jar" -b "$jar" -H "Origin: $1" --data-urlencode "_csrf=$token" \
    --data-urlencode "method=totp" --data-urlencode "code=$(totp)" "$1/signin/code"
  curl -fs -o /dev/null -w '%{http_code}' -b "$jar" "$1/staff/cases" | grep -q 200 || echo "warning: the coordinator is not signed in" >&2
  awk '$6 == "consilium_session" { print "consilium_session=" $7 }' "$jar"
}

measure() {  # NAME URL CURSOR-SQL-RUNNER
  local name=$1 url=$2 cookie deep
  cookie=$(signin "$url")
  deep=$($3)
  echo "$name-first $(p99 "$url/staff/cases" "$cookie")"
  echo "$name-deep $(p99 "$url/staff/cases?order=newest&after=$deep" "$cookie")"
}

run_server() {  # PORT DATADIR [DATABASE_URL] -> starts, loads demo and seed data; echoes PID
  local port=$1 data=$2 url=${3:-}
  (
    export CONSILIUM_PORT=$port CONSILIUM_DATA_DIR=$data CONSILIUM_LOG_LEVEL=warning
    if [ -n "$url" ]; then export DATABASE_URL=$url; else unset DATABASE_URL; fi
    "$BIN" demo >/dev/null
    "$BIN" bench-seed --cases "$CASES" --events-per-case 10 >/dev/null
    "$BIN" serve >"$data.log" 2>&1 &
    echo $!
  )
}

wait_up() { for _ in $(seq 100); do curl -fs "$1/healthz" >/dev/null 2>&1 && return; sleep 0.1; done; }

# SQLite
PORT=$(free_port); DATA="$WORK/queue-sqlite"
PID=$(run_server "$PORT" "$DATA")
wait_up "http://127.0.0.1:$PORT"
sqlite_cursor() {
  python3 -c "import sqlite3; c=sqlite3.connect('$DATA/consilium.sqlite'); r=c.execute('SELECT opened_at_us, id FROM cases ORDER BY opened_at_us DESC, id DESC LIMIT 1 OFFSET $DEEP').fetchone(); print(f'{r[0]}_{r[1]}')"
}
measure sqlite "http://127.0.0.1:$PORT" sqlite_cursor
kill "$PID"; wait "$PID" 2>/dev/null || true

# PostgreSQL: the cluster bin/bench started (BENCH_PG_PORT), or a throw-away one of our own.
PGBIN=/usr/lib/postgresql/15/bin
PG=""
if [ -n "${BENCH_PG_PORT:-}" ]; then
  PG_PORT=$BENCH_PG_PORT
else
  PG=$(mktemp -d /tmp/consilium-bench-pg.XXXXXX); chmod 755 "$PG"; chown postgres "$PG"
  PG_PORT=$(free_port)
  su postgres -c "$PGBIN/initdb -D $PG/data -U postgres --auth=trust -E UTF8 --no-sync" >/dev/null
  su postgres -c "$PGBIN/pg_ctl -D $PG/data -o '-p $PG_PORT -k $PG -c listen_addresses=127.0.0.1' -l $PG/log -w start" >/dev/null
fi
su postgres -c "psql -h 127.0.0.1 -p $PG_PORT -U postgres -qc 'CREATE DATABASE bench_queue'" >/dev/null
PGURL="postgres://postgres@127.0.0.1:$PG_PORT/bench_queue?sslmode=disable"
PORT=$(free_port)
PID=$(run_server "$PORT" "$WORK/queue-pg" "$PGURL")
wait_up "http://127.0.0.1:$PORT"
su postgres -c "psql -h 127.0.0.1 -p $PG_PORT -U postgres -d bench_queue -qc 'ANALYZE'" >/dev/null
pg_cursor() {
  su postgres -c "psql -h 127.0.0.1 -p $PG_PORT -U postgres -d bench_queue -Atc \"SELECT opened_at_us || '_' || upper(id::text) FROM cases ORDER BY opened_at_us DESC, id DESC LIMIT 1 OFFSET $DEEP\""
}
measure postgres "http://127.0.0.1:$PORT" pg_cursor
kill "$PID"; wait "$PID" 2>/dev/null || true
if [ -n "$PG" ]; then
  su postgres -c "$PGBIN/pg_ctl -D $PG/data -m immediate stop" >/dev/null
  rm -rf "$PG"
fi
