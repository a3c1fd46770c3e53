#!/usr/bin/env bash
# End-to-end test in a real browser against the real Go bindings: builds the frontend and
# the development binary, starts it on a temporary data folder under Xvfb, and drives its
# dev server with Playwright in the system Chromium. Screenshots go to test-artifacts/.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PORT="${PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')}"
ARTIFACTS="${E2E_ARTIFACTS:-$ROOT/test-artifacts}"
mkdir -p "$ARTIFACTS"

echo "==> building the frontend"
cd "$ROOT/frontend"
if [ ! -d node_modules ]; then npm ci; fi
npm run build

echo "==> building the development binary"
cd "$ROOT"
go build -tags dev,webkit2_41 -o build/bin/ismsdesk-dev .

DATA="$(mktemp -d)"
# The native dialogs cannot be driven from a browser: the app's test hooks answer the open
# dialog with IMPORT_FILE and the save dialog with a file in SAVE_DIR.
WORK="$(mktemp -d)"
SAVE_DIR="$WORK/saved"
mkdir -p "$SAVE_DIR"
IMPORT_FILE="$WORK/requirements-register.csv"
cp "$ROOT/frontend/e2e/fixtures/requirements-register.csv" "$IMPORT_FILE"
LOG="$ARTIFACTS/app.log"
APP_PID=""
cleanup() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill -TERM -- "-$APP_PID" 2>/dev/null || kill -TERM "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 20); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.25; done
    kill -KILL -- "-$APP_PID" 2>/dev/null || true
  fi
  rm -rf "$DATA" "$WORK"
}
trap cleanup EXIT INT TERM

echo "==> starting ismsdesk-dev on 127.0.0.1:$PORT (data $DATA)"
# setsid: the app, xvfb-run and Xvfb share a process group that cleanup ends together.
ISMSDESK_DATA="$DATA" ISMSDESK_TEST_OPEN_FILE="$IMPORT_FILE" ISMSDESK_TEST_SAVE_DIR="$SAVE_DIR" setsid xvfb-run -a build/bin/ismsdesk-dev \
  -assetdir frontend/dist -devserver "127.0.0.1:$PORT" >"$LOG" 2>&1 &
APP_PID=$!

for i in $(seq 1 120); do
  if curl -fsS -o /dev/null "http://127.0.0.1:$PORT/"; then break; fi
  if ! kill -0 "$APP_PID" 2>/dev/null; then
    echo "ismsdesk-dev exited early; its log:" >&2
    cat "$LOG" >&2
    exit 1
  fi
  if [ "$i" -eq 120 ]; then
    echo "ismsdesk-dev did not listen on port $PORT within 60 s; its log:" >&2
    cat "$LOG" >&2
    exit 1
  fi
  sleep 0.5
done

echo "==> running Playwright"
cd "$ROOT/frontend"
E2E_BASE_URL="http://127.0.0.1:$PORT" E2E_ARTIFACTS="$ARTIFACTS" E2E_IMPORT_FILE="$IMPORT_FILE" E2E_SAVE_DIR="$SAVE_DIR" \
  npx playwright test "$@"
echo "==> screenshots in $ARTIFACTS"
