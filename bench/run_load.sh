#!/usr/bin/env bash
# The load test of bench/locustfile.py against gunicorn with the production settings (DEBUG=0), on an
# existing bench database. Starts gunicorn, runs locust headless, stops what it started; figures go to
# $OUT (locust's CSV files and the summary line). Figures, not assertions.
#
#   DB=bench_1k bench/run_load.sh                 # 50 officers, 60 s, 3 sync workers, port 18800
#   DB=bench_1m USERS=2 TIME=60s bench/run_load.sh   # the single-officer baseline (the PDF reader is the other user)
#   DB=bench_1m SPAWN_RATE=5 bench/run_load.sh     # officers arriving over 10 s instead of in one second
#
# SPAWN_RATE (officers started a second, default all at once) sets how the morning's logins arrive: all 50
# in one second is the worst case (about 2 s of Argon2id and session work on 2 cores before any page); 5 a
# second spreads them over the first 10 s, still all 50 working for the rest of the minute.
set -euo pipefail
cd "$(dirname "$0")/.."

DB=${DB:?name the bench database, e.g. DB=bench_1k}
PORT=${PORT:-18800}
USERS=${USERS:-50}
SPAWN_RATE=${SPAWN_RATE:-$USERS}
TIME=${TIME:-60s}
WORKERS=${WORKERS:-3}
OUT=${OUT:-/tmp/load_${DB}_u${USERS}_r${SPAWN_RATE}}
HOST=gnbv.example.vn
[ -x .venv-bench/bin/locust ] || { echo "install locust first: "$(readlink -f .venv/bin/python)" -m venv .venv-bench && .venv-bench/bin/pip install -r bench/requirements.txt" >&2; exit 2; }

export DEBUG=0
export SECRET_KEY="load-$(head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
export ALLOWED_HOSTS="$HOST"
export CSRF_TRUSTED_ORIGINS="https://${HOST}"
export DATABASE_URL="postgres://postgres@127.0.0.1:5432/${DB}"
export TRUSTED_PROXY_COUNT=1
export STATIC_ROOT=${STATIC_ROOT:-/tmp/gnbv_load_static}
mkdir -p "$OUT"
.venv/bin/python manage.py collectstatic --noinput -v0
.venv/bin/gunicorn thoxuan_gnbv.wsgi --bind "127.0.0.1:${PORT}" --workers "$WORKERS" >"$OUT/gunicorn.log" 2>&1 &
GUNICORN=$!
trap 'kill "$GUNICORN" 2>/dev/null || true; wait "$GUNICORN" 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -s -o /dev/null -H "Host: ${HOST}" -H "X-Forwarded-Proto: https" "http://127.0.0.1:${PORT}/dang-nhap/" && break
  sleep 0.5
done
# Each worker loads the URL conf and templates on its first request (seconds on a loaded machine):
# warm them all, as a server that has been up a while would be, so the figures are the steady state.
WARM=()
for _ in $(seq 1 $((WORKERS * 3))); do
  curl -s -o /dev/null --max-time 120 -H "Host: ${HOST}" -H "X-Forwarded-Proto: https" "http://127.0.0.1:${PORT}/dang-nhap/" &
  WARM+=($!)
done
wait "${WARM[@]}"
echo "load $(cat /proc/loadavg) before the run" | tee "$OUT/summary.txt"
.venv-bench/bin/locust -f bench/locustfile.py --headless -u "$USERS" -r "$SPAWN_RATE" -t "$TIME" \
  --host "http://127.0.0.1:${PORT}" --csv "$OUT/locust" --only-summary 2>&1 | tee -a "$OUT/summary.txt" | tail -n 40
echo "load $(cat /proc/loadavg) after the run" | tee -a "$OUT/summary.txt"
{ grep -c "WORKER TIMEOUT" "$OUT/gunicorn.log" || true; } | sed "s/^/gunicorn worker timeouts: /" | tee -a "$OUT/summary.txt"
