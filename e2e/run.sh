#!/usr/bin/env bash
# Browser tests for Lernweg: installs what is missing (Debian's chromium, the npm packages),
# builds the binary, starts `lernweg demo` on a free port with a fresh data directory and runs
# the tests in tests/*.test.js with node's built-in test runner. Exits non-zero on failure.
#
#   e2e/run.sh                 # from anywhere
#   E2E_SKIP_BUILD=1 e2e/run.sh  # reuse target/debug/lernweg
set -euo pipefail

E2E_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$E2E_DIR/.." && pwd)"
RESULTS="$E2E_DIR/test-results"

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# What a fresh Debian machine lacks. Never `npx playwright install`: the tests use Debian's
# chromium through playwright-core.
command -v chromium >/dev/null 2>&1 || (as_root apt-get update && as_root apt-get install -y chromium)
command -v node >/dev/null 2>&1 || (as_root apt-get update && as_root apt-get install -y nodejs npm)
export CHROMIUM_PATH="${CHROMIUM_PATH:-$(command -v chromium)}"

(cd "$E2E_DIR" && npm ci --no-audit --no-fund)

if [ -z "${E2E_SKIP_BUILD:-}" ]; then
  (cd "$ROOT" && cargo build -p lernweg)
fi
BIN="${CARGO_TARGET_DIR:-$ROOT/target}/debug/lernweg"

rm -rf "$RESULTS"
mkdir -p "$RESULTS"
PORT="$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });')"
DATA_DIR="$(mktemp -d)"
SERVER_LOG="$RESULTS/server.log"
export LERNWEG_BASE_URL="http://127.0.0.1:$PORT"

# Every flag of the binary can also come from a LERNWEG_* variable: none from the caller's
# environment may reach the demo (LERNWEG_DATABASE_URL would win over the fresh data directory,
# an https LERNWEG_PUBLIC_URL would make the cookies Secure), except the log filter.
server_env=(env)
while IFS= read -r name; do
  [ "$name" = LERNWEG_LOG ] || server_env+=(-u "$name")
done < <(compgen -e | grep '^LERNWEG_' || true)
"${server_env[@]}" "$BIN" demo --addr "127.0.0.1:$PORT" --data-dir "$DATA_DIR" >"$SERVER_LOG" 2>&1 &
SERVER_PID=$!
cleanup() {
  kill "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
  rm -rf "$DATA_DIR"
}
trap cleanup EXIT

echo "Waiting for $LERNWEG_BASE_URL/healthz ..."
deadline=$((SECONDS + 60))
until node -e 'fetch(process.argv[1]).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' \
  "$LERNWEG_BASE_URL/healthz"; do
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    echo "lernweg demo exited early:" >&2
    cat "$SERVER_LOG" >&2
    exit 1
  fi
  if [ "$SECONDS" -ge "$deadline" ]; then
    echo "lernweg demo did not answer /healthz within 60 s:" >&2
    cat "$SERVER_LOG" >&2
    exit 1
  fi
  sleep 0.5
done
echo "lernweg demo is up at $LERNWEG_BASE_URL (log: $SERVER_LOG)"

cd "$E2E_DIR"
status=0
node --test --test-reporter=spec --test-concurrency=2 tests/*.test.js || status=$?
echo "Screenshots: $RESULTS"
echo "Key pages at 375 px and 1280 px for review: $E2E_DIR/artifacts/screenshots"
exit "$status"
