#!/usr/bin/env bash
# Benchmarks. First the whole command-line processes the product promises to keep near
# their floors (backend/bench/cmd/ismsdesk-bench): importing a generated register of
# 10,000 and 100,000 rows, written by excelize's StreamWriter (inline strings) and in
# Excel's way (shared strings), against excelize reading the same file with Rows and
# RawCellValue, and exporting it against excelize's StreamWriter writing the same sheets;
# each with its wall time, peak memory and ratio. Then the Go benchmarks (store, import,
# export, dashboard, search, window list).
# BENCH_ROWS (default 10000,100000) and BENCH_RUNS (default 3, the fastest counts) tune it;
# BENCH_GO=0 skips the Go benchmarks.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/ismsdesk-cli" ./backend/soak/cmd/ismsdesk-cli
go build -o "$work/ismsdesk-bench" ./backend/bench/cmd/ismsdesk-bench
echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo), $(go version | cut -d' ' -f3)"
"$work/ismsdesk-bench" -cli "$work/ismsdesk-cli" -rows "${BENCH_ROWS:-10000,100000}" -runs "${BENCH_RUNS:-3}" -work "$work"
if [ "${BENCH_GO:-1}" != 0 ]; then
	echo
	go test -run '^$' -bench . -benchmem -count 1 -timeout 30m \
		./backend/store ./backend/xlsx ./backend/importer ./backend/report ./backend/overview ./backend/search ./app
fi
