#!/usr/bin/env bash
# Load benchmark of issue 12: requests/s and p99 of the pages that grow with the data, each
# measured right after /healthz in the same run (the machine's ceiling for a request that
# touches the database once), on a demo with 10,000 participants, 200 cohorts and 1,000
# sessions.
#
#   bash bench/pages.sh                # 8 connections, 10 s per URL
#   CONNECTIONS=32 DURATION=15 bash bench/pages.sh
#   KEEP=1 bash bench/pages.sh         # keep the data directory (faster second run)
#   SETTLE=30 bash bench/pages.sh      # wait longer before the RSS after the load
#   BIN=target/debug/lernweg PARTICIPANTS=300 COHORTS=10 SESSIONS=50 DURATION=2 bash bench/pages.sh
#                                      # a quick check of the script itself
#
# Needs wrk (installed with apt-get when missing), curl and python3. Prints a Markdown table
# and the server's resident memory idle, under load and after it.
set -euo pipefail
cd "$(dirname "$0")/.."

CONNECTIONS="${CONNECTIONS:-8}"
DURATION="${DURATION:-10}"
THREADS="${THREADS:-2}"
PORT="${PORT:-18080}"
PARTICIPANTS="${PARTICIPANTS:-10000}"
COHORTS="${COHORTS:-200}"
SESSIONS="${SESSIONS:-1000}"
DATA="${DATA:-${TMPDIR:-/tmp}/lernweg-bench-$PARTICIPANTS}"
BASE="http://127.0.0.1:$PORT"

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }

if [ -z "${BIN:-}" ]; then
  cargo build --release -q -p lernweg
  BIN="${CARGO_TARGET_DIR:-target}/release/lernweg"
fi

[ "${KEEP:-0}" = 1 ] || rm -rf "$DATA"
LOG="$DATA.log"
mkdir -p "$DATA"
"$BIN" --data-dir "$DATA" demo --addr "127.0.0.1:$PORT" \
  --bulk-participants "$PARTICIPANTS" --bulk-cohorts "$COHORTS" --bulk-sessions "$SESSIONS" \
  >"$LOG" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true' EXIT
echo "generating the demo data and starting the server (log: $LOG) ..." >&2
for _ in $(seq 1 900); do
  curl -fs "$BASE/healthz" >/dev/null 2>&1 && break
  kill -0 $SERVER 2>/dev/null || { cat "$LOG" >&2; exit 1; }
  sleep 1
done

# A logged-in cookie for an account (the login form's CSRF token comes with the form).
login() {
  local jar; jar=$(mktemp)
  local csrf
  csrf=$(curl -fs -c "$jar" -b "$jar" "$BASE/anmelden" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -n1)
  curl -fs -o /dev/null -c "$jar" -b "$jar" -H "Origin: $BASE" \
    --data-urlencode "csrf=$csrf" --data-urlencode "email=$1" --data-urlencode "password=lernweg-demo" \
    "$BASE/anmelden"
  local session; session=$(awk '$6 == "lw_session" { print $7 }' "$jar")
  [ -n "$session" ] || { echo "login of $1 failed" >&2; exit 1; }
  echo "lw_session=$session; lw_csrf=$(awk '$6 == "lw_csrf" { print $7 }' "$jar")"
  rm -f "$jar"
}
STAFF=$(login koordination1@demo.example)
PARTICIPANT=$(login samuel.mensah1@mail.demo.example)
TOKEN=$("$BIN" --data-dir "$DATA" token create --email koordination1@demo.example --name "bench $(date +%s)" | tail -n1)

json() { python3 -c "import json,sys; d=json.load(sys.stdin); d=d['items'] if isinstance(d,dict) else d; print($1)"; }
PERSON=$(curl -fs -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/participants?limit=1&q=haddad" | json "d[0]['id']")
COHORT=$(curl -fs -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/cohorts?limit=1" | json "d[0]['id']")
OFFER=$(curl -fs "$BASE/angebote" | grep -o 'href="/angebote/[^"?#]*"' | head -n1 | sed 's/href="\(.*\)"/\1/')
CSRF=${STAFF##*lw_csrf=}
FEED=$(curl -fs -H "Cookie: $STAFF" -H "Origin: $BASE" --data-urlencode "csrf=$(curl -fs -H "Cookie: $STAFF" "$BASE/verwaltung/durchgaenge/$COHORT" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -n1)" \
  "$BASE/verwaltung/durchgaenge/$COHORT/kalender-links" | grep -o '/feeds/[A-Za-z0-9_-]*\.ics' | head -n1)
: "${CSRF}"
[ -n "$PERSON" ] && [ -n "$COHORT" ] && [ -n "$OFFER" ] && [ -n "$FEED" ] || { echo "could not find the pages to measure" >&2; exit 1; }

# wrk on one URL: "requests/s p99_ms non2xx"
measure() {
  local url=$1; shift
  local out; out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "$@" "$url")
  local rps; rps=$(awk '/^Requests\/sec:/ { print $2 }' <<<"$out")
  local p99; p99=$(awk '$1 == "99%" { v=$2; if (v ~ /us$/) { sub(/us$/,"",v); v=v/1000 } else if (v ~ /ms$/) { sub(/ms$/,"",v) } else if (v ~ /s$/) { sub(/s$/,"",v); v=v*1000 }; printf "%.2f", v }' <<<"$out")
  local bad; bad=$(awk '/Non-2xx or 3xx responses:/ { print $5 }' <<<"$out")
  echo "$rps $p99 ${bad:-0}"
}

rss() { ps -o rss= -p "$SERVER" | awk '{ printf "%.0f", $1/1024 }'; }
IDLE_RSS=$(rss)
# The largest RSS while the rows run, sampled twice a second.
PEAK_FILE=$(mktemp)
( peak=0; while kill -0 "$SERVER" 2>/dev/null; do
    r=$(ps -o rss= -p "$SERVER" 2>/dev/null | tr -d ' ' || true); [ -n "$r" ] && [ "$r" -gt "$peak" ] && peak=$r && echo "$peak" >"$PEAK_FILE"
    sleep 0.5
  done ) &
SAMPLER=$!
trap 'kill $SAMPLER 2>/dev/null || true; kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true' EXIT

echo
echo "Lernweg $(git describe --always --dirty 2>/dev/null || echo '?'), $(nproc) cores, wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s, $PARTICIPANTS participants, $COHORTS cohorts, $SESSIONS sessions"
echo
echo "| page | requests/s | p99 (ms) | /healthz requests/s (same run) | share of /healthz | goal |"
echo "|---|---:|---:|---:|---:|---|"
FAILED=0
row() {
  local name=$1 goal=$2 url=$3; shift 3
  read -r h_rps _ _ < <(measure "$BASE/healthz")
  read -r rps p99 bad < <(measure "$url" "$@")
  local share; share=$(python3 -c "print(f'{100*$rps/$h_rps:.0f} %')")
  local ok; ok=$(python3 -c "print('ok' if 100*$rps/$h_rps >= $goal and $p99 < 10 and $bad == 0 else 'MISSED')")
  [ "$ok" = ok ] || FAILED=1
  [ "$bad" = 0 ] || name="$name ($bad non-2xx answers)"
  echo "| $name | $rps | $p99 | $h_rps | $share | ≥ $goal %, p99 < 10 ms: $ok |"
}
row "participant list, first page" 30 "$BASE/verwaltung/teilnehmende" -H "Cookie: $STAFF"
row "participant list, search" 30 "$BASE/verwaltung/teilnehmende?q=yildiz" -H "Cookie: $STAFF"
row "participant page" 15 "$BASE/verwaltung/teilnehmende/$PERSON" -H "Cookie: $STAFF"
row "/api/v1/participants?limit=50" 30 "$BASE/api/v1/participants?limit=50" -H "Authorization: Bearer $TOKEN"
row "/angebote" 30 "$BASE/angebote"
row "offer page" 30 "$BASE$OFFER"
row "/mein-weg" 30 "$BASE/mein-weg" -H "Cookie: $PARTICIPANT"
row "cohort feed (.ics)" 30 "$BASE$FEED"
kill $SAMPLER 2>/dev/null || true
PEAK_RSS=$(awk '{ printf "%.0f", $1/1024 }' "$PEAK_FILE")
sleep "${SETTLE:-15}"
echo
echo "Server RSS: idle before the load $IDLE_RSS MiB, highest under load $PEAK_RSS MiB, ${SETTLE:-15} s after the load $(rss) MiB."
rm -f "$PEAK_FILE"
exit $FAILED
