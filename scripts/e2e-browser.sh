#!/usr/bin/env bash
# End-to-end test in a real browser against the real Go bindings: builds the frontend and
# the development binary, starts it on a temporary data folder under Xvfb, and drives its
# dev server with Playwright in the system Chromium. Screenshots go to test-artifacts/.
#
# A second instance serves a data folder holding 20,000 requirements (BIG-00001 ..
# BIG-20000, imported with the CLI) for e2e/big-register.spec.ts; E2E_BIG=0 skips it.
# E2E_DEMO=1 fills the main data folder with the sample organisation (ismsdesk demo) first,
# for looking at screens with data; the specs expect an empty database, so it is off by default.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PORT="${PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')}"
BIG_PORT="${BIG_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')}"
BIG="${E2E_BIG:-1}"
DEMO="${E2E_DEMO:-0}"
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
BIGDATA="$(mktemp -d)"
# The native dialogs cannot be driven from a browser: the app's test hooks answer the open
# dialog with IMPORT_FILE and the save dialog with a file in SAVE_DIR.
WORK="$(mktemp -d)"
SAVE_DIR="$WORK/saved"
mkdir -p "$SAVE_DIR"
IMPORT_FILE="$WORK/requirements-register.csv"
cp "$ROOT/frontend/e2e/fixtures/requirements-register.csv" "$IMPORT_FILE"
LOG="$ARTIFACTS/app.log"
BIG_LOG="$ARTIFACTS/app-big.log"
APP_PID=""
BIG_PID=""
# stop ends one instance: the app, xvfb-run and Xvfb share a process group (setsid).
stop() {
  local pid="$1"
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -KILL -- "-$pid" 2>/dev/null || true
  fi
}
cleanup() {
  stop "$APP_PID"
  stop "$BIG_PID"
  rm -rf "$DATA" "$BIGDATA" "$WORK"
}
trap cleanup EXIT INT TERM

if [ "$BIG" = 1 ] || [ "$DEMO" = 1 ]; then
  echo "==> building the command line"
  go build -o "$WORK/ismsdesk" .
fi
if [ "$DEMO" = 1 ]; then
  echo "==> filling $DATA with the sample organisation"
  "$WORK/ismsdesk" --data "$DATA" demo
fi
if [ "$BIG" = 1 ]; then
  echo "==> importing 20,000 requirements into $BIGDATA"
  python3 - "$WORK/big.csv" <<'PY'
import csv, sys
owners = ["Alice Auditor", "Bob Builder", "Carol Compliance", "Dave Data"]
statuses = ["Compliant", "Partially compliant", "Non-compliant", "Not assessed"]
with open(sys.argv[1], "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["Ref", "Title", "Description", "Owner", "Status", "Due date"])
    for i in range(1, 20001):
        w.writerow([f"BIG-{i:05d}", f"Requirement number {i}",
                    f"Generated requirement {i} for the big register test.",
                    owners[i % 4], statuses[i % 4], f"2027-{i % 12 + 1:02d}-{i % 28 + 1:02d}"])
PY
  "$WORK/ismsdesk" --data "$BIGDATA" import requirements "$WORK/big.csv" --json >"$ARTIFACTS/big-import.json"
  python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); assert r["created"]+r["unchanged"]+r["updated"]==20000 and not r["errors"], r; print("    created", r["created"])' "$ARTIFACTS/big-import.json"
fi

# start PORT DATA LOG [ENV=VALUE...]: starts an instance under Xvfb in its own process group
# (setsid: the app, xvfb-run and Xvfb are ended together) and prints its pid.
start() {
  local port="$1" data="$2" log="$3"
  shift 3
  env ISMSDESK_DATA="$data" "$@" setsid xvfb-run -a build/bin/ismsdesk-dev \
    -assetdir frontend/dist -devserver "127.0.0.1:$port" >"$log" 2>&1 &
  echo $!
}

# wait_for PID PORT LOG: waits until the instance listens, or fails with its log.
wait_for() {
  local pid="$1" port="$2" log="$3"
  for i in $(seq 1 120); do
    if curl -fsS -o /dev/null "http://127.0.0.1:$port/" 2>/dev/null; then return 0; fi
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "ismsdesk-dev on port $port exited early; its log:" >&2
      cat "$log" >&2
      exit 1
    fi
    if [ "$i" -eq 120 ]; then
      echo "ismsdesk-dev did not listen on port $port within 60 s; its log:" >&2
      cat "$log" >&2
      exit 1
    fi
    sleep 0.5
  done
}

echo "==> starting ismsdesk-dev on 127.0.0.1:$PORT (data $DATA)"
APP_PID="$(start "$PORT" "$DATA" "$LOG" ISMSDESK_TEST_OPEN_FILE="$IMPORT_FILE" ISMSDESK_TEST_SAVE_DIR="$SAVE_DIR")"
BIG_URL=""
if [ "$BIG" = 1 ]; then
  echo "==> starting ismsdesk-dev on 127.0.0.1:$BIG_PORT (data $BIGDATA, 20,000 requirements)"
  BIG_PID="$(start "$BIG_PORT" "$BIGDATA" "$BIG_LOG")"
  BIG_URL="http://127.0.0.1:$BIG_PORT"
fi
wait_for "$APP_PID" "$PORT" "$LOG"
if [ -n "$BIG_PID" ]; then wait_for "$BIG_PID" "$BIG_PORT" "$BIG_LOG"; fi

echo "==> running Playwright"
cd "$ROOT/frontend"
E2E_BASE_URL="http://127.0.0.1:$PORT" E2E_BIG_BASE_URL="$BIG_URL" E2E_ARTIFACTS="$ARTIFACTS" E2E_IMPORT_FILE="$IMPORT_FILE" E2E_SAVE_DIR="$SAVE_DIR" \
  npx playwright test "$@"
echo "==> screenshots in $ARTIFACTS"
