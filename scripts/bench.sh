#!/usr/bin/env bash
# Runs the Go benchmarks and prints them with their per-operation ratios.
set -euo pipefail
cd "$(dirname "$0")/.."
go test -run '^$' -bench . -benchmem -count 1 ./backend/... | tee /tmp/ismsdesk-bench.txt
