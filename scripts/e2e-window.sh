#!/usr/bin/env bash
# End-to-end test of the real window: launches the production binary under Xvfb with a
# temporary data folder, waits for the shell to paint, keeps a screenshot as a test
# artefact, quits with Ctrl+Q and checks that the app shut down cleanly (exit status 0,
# data folder released and seeded).
set -euo pipefail
cd "$(dirname "$0")/.."

bin=build/bin/ismsdesk
art=test-artifacts
mkdir -p "$art"
[[ -x $bin ]] || { echo "e2e-window: $bin is missing; run make build" >&2; exit 1; }

data=$(mktemp -d)
log=$art/window.log
shot=$art/window.png
cleanup() { [[ -n ${pid:-} ]] && kill "$pid" 2>/dev/null || true; rm -rf "$data"; }
trap cleanup EXIT

# One X server for the app, the clicks and the screenshot.
DISPLAY_SCRIPT=$(mktemp)
cat >"$DISPLAY_SCRIPT" <<'INNER'
set -euo pipefail
bin=$1 data=$2 shot=$3 log=$4
ISMSDESK_DATA=$data "$bin" >"$log" 2>&1 &
pid=$!
wid=""
for _ in $(seq 1 100); do
  wid=$(xdotool search --name "ISMS Desk$" 2>/dev/null | head -n1 || true)
  [[ -n $wid ]] && break
  kill -0 "$pid" 2>/dev/null || { echo "e2e-window: the app exited before its window appeared" >&2; cat "$log" >&2; exit 1; }
  sleep 0.2
done
[[ -n $wid ]] || { echo "e2e-window: no window named 'ISMS Desk' within 20 s" >&2; cat "$log" >&2; exit 1; }
# The window fits the 1366x768 laptop screen it opens on.
eval "$(xdotool getwindowgeometry --shell "$wid")"
(( WIDTH <= 1366 && HEIGHT <= 768 )) || { echo "e2e-window: the window is ${WIDTH}x${HEIGHT}, larger than the 1366x768 screen" >&2; exit 1; }
echo "e2e-window: window ${WIDTH}x${HEIGHT} on a 1366x768 screen"
# Wait until the page has painted: the screenshot must show more than a blank background,
# and the title names the screen.
colours=0
for _ in $(seq 1 60); do
  sleep 0.5
  import -window root "$shot"
  colours=$(identify -format '%k' "$shot")
  (( colours > 50 )) && break
done
(( colours > 50 )) || { echo "e2e-window: the window stayed blank ($colours colours)" >&2; exit 1; }
title=""
for _ in $(seq 1 20); do
  title=$(xdotool getwindowname "$wid")
  [[ $title == "Dashboard – ISMS Desk" ]] && break
  sleep 0.25
done
[[ $title == "Dashboard – ISMS Desk" ]] || { echo "e2e-window: the title is '$title', want 'Dashboard – ISMS Desk'" >&2; exit 1; }
sleep 1
import -window root "$shot"
xdotool windowactivate --sync "$wid" 2>/dev/null || xdotool windowfocus --sync "$wid" 2>/dev/null || true
xdotool key --clearmodifiers ctrl+q
for _ in $(seq 1 50); do
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.2
done
if kill -0 "$pid" 2>/dev/null; then
  echo "e2e-window: the app did not quit on Ctrl+Q" >&2; kill "$pid"; exit 1
fi
wait "$pid" || { echo "e2e-window: the app exited with status $?" >&2; cat "$log" >&2; exit 1; }
INNER
xvfb-run -a -s "-screen 0 1366x768x24" bash "$DISPLAY_SCRIPT" "$bin" "$data" "$shot" "$log"
rm -f "$DISPLAY_SCRIPT"

# The store was closed cleanly and seeded on first run: the command line can open it.
n=$(ISMSDESK_DATA=$data "$bin" list controls --json | grep -c '"ref": "A\.' || true)
[[ $n == 93 ]] || { echo "e2e-window: expected 93 Annex A controls after first run, found $n" >&2; exit 1; }
echo "e2e-window: window rendered (screenshot $shot), quit cleanly, 93 controls seeded"
