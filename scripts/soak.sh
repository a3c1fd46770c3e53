#!/usr/bin/env bash
# Model-based soak test: random creates, updates, deletes, imports, reverts, backups and
# restores against a real data folder and an in-memory model of it, checking after every
# step the count of every kind, every requirement against the model and the history chain
# (backend/soak TestSoak). Bounded in time: SOAK_SECONDS (default 60); SOAK_SEED replays a
# run. Prints the steps taken and the invariants held.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${SOAK_SECONDS:-60}
go test -v -count=1 -run '^TestSoak$' -timeout "$((secs + 300))s" ./backend/soak \
	-args -soak "${secs}s" -soak.seed "${SOAK_SEED:-0}" | grep -E '^(soak:|    soak_test.go|--- |FAIL|ok)'
