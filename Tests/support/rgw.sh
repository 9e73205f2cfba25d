#!/usr/bin/env bash
# A throw-away single-node Ceph cluster with its RADOS Gateway (a real S3 implementation), all of
# it inside one folder and listening on 127.0.0.1 only. NOTES ("Real S3") says what mattered.
#   rgw.sh start DIR   -> prints CONSILIUM_TEST_S3_ENDPOINT=..., _ACCESS_KEY=..., _SECRET_KEY=...
#   rgw.sh stop DIR
# The OSD keeps objects in RAM: RGW_MEMSTORE_BYTES (default 1 GiB) bounds what the store holds.
set -euo pipefail
ACTION=$1; DIR=$(realpath -m "$2")
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
CONF="$DIR/ceph.conf"

stop() {
  for pid in "$DIR"/run/*.pid; do [ -f "$pid" ] && kill "$(cat "$pid")" 2>/dev/null || true; done
  sleep 0.5
  for pid in "$DIR"/run/*.pid; do [ -f "$pid" ] && kill -9 "$(cat "$pid")" 2>/dev/null || true; done
}

if [ "$ACTION" = stop ]; then stop; exit 0; fi

command -v radosgw >/dev/null 2>&1 || {
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ceph-mon ceph-osd radosgw ceph-common >/dev/null
}
[ -d "$DIR/run" ] && stop  # a cluster left in this folder is stopped before its files go
rm -rf "$DIR"; mkdir -p "$DIR"/{run,log,mon,osd,crash,rgw}
MON_PORT=$(free_port); RGW_PORT=$(free_port)
FSID=$(cat /proc/sys/kernel/random/uuid)
cat >"$CONF" <<CONFIG
[global]
fsid = $FSID
mon initial members = a
mon host = v2:127.0.0.1:$MON_PORT
public addr = 127.0.0.1
cluster addr = 127.0.0.1
ms bind msgr1 = false
auth cluster required = none
auth service required = none
auth client required = none
osd pool default size = 1
osd pool default min size = 1
osd pool default pg num = 8
osd pool default pgp num = 8
mon allow pool size one = true
mon allow pool delete = true
mon max pg per osd = 1000
osd objectstore = memstore
memstore device bytes = ${RGW_MEMSTORE_BYTES:-1073741824}
paxos propose interval = 0.05
run dir = $DIR/run
pid file = $DIR/run/\$name.pid
admin socket = $DIR/run/\$name.asok
log file = $DIR/log/\$name.log
crash dir = $DIR/crash
mon data = $DIR/mon/\$cluster-\$id
osd data = $DIR/osd/\$cluster-\$id
keyring = /dev/null
ms mon client mode = crc
client mount timeout = 30
[mon.a]
public addr = v2:127.0.0.1:$MON_PORT
[client.rgw.a]
rgw frontends = beast endpoint=127.0.0.1:$RGW_PORT
rgw data = $DIR/rgw
rgw gc obj min wait = 30
rgw gc processor period = 30
rgw exit timeout secs = 2
CONFIG
monmaptool --create --fsid "$FSID" --addv a "[v2:127.0.0.1:$MON_PORT]" "$DIR/monmap" >"$DIR/log/monmap.out" 2>&1
ceph-mon -c "$CONF" --mkfs -i a --monmap "$DIR/monmap" >"$DIR/log/mkfs-mon.out" 2>&1
ceph-mon -c "$CONF" -i a
ID=$(ceph -c "$CONF" osd create)
mkdir -p "$DIR/osd/ceph-$ID"
ceph-osd -c "$CONF" -i "$ID" --mkfs >"$DIR/log/mkfs-osd.out" 2>&1
ceph-osd -c "$CONF" -i "$ID"
radosgw -c "$CONF" -n client.rgw.a
KEYS=$(radosgw-admin -c "$CONF" user create --uid=consilium --display-name=Consilium)
for _ in $(seq 200); do curl -s -o /dev/null "http://127.0.0.1:$RGW_PORT/" && break; sleep 0.1; done
python3 - "$KEYS" "$RGW_PORT" <<'PY'
import json, sys
key = json.loads(sys.argv[1])["keys"][0]
print(f"CONSILIUM_TEST_S3_ENDPOINT=http://127.0.0.1:{sys.argv[2]}")
print(f"CONSILIUM_TEST_S3_ACCESS_KEY={key['access_key']}")
print(f"CONSILIUM_TEST_S3_SECRET_KEY={key['secret_key']}")
PY
