#!/usr/bin/env bash
# Runs the Go benchmarks and prints the ratios that matter: our import of a 100,000-row
# register against excelize alone reading the same file, and the export's throughput.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp)
go test -run '^$' -bench . -benchmem -count 1 -timeout 30m \
  ./backend/store ./backend/xlsx ./backend/importer ./backend/report ./app | tee "$out"
ns() { awk -v name="$1" '$1 ~ "^"name"(-[0-9]+)?$" { print $3; exit }' "$out"; }
read100k=$(ns BenchmarkRead100k)
raw100k=$(ns BenchmarkExcelizeRaw100k)
import100k=$(ns BenchmarkImport100k)
echo
if [[ -n $read100k && -n $raw100k ]]; then
  awk -v a="$read100k" -v b="$raw100k" 'BEGIN { printf "read 100k rows / excelize alone:   %.2fx\n", a / b }'
fi
if [[ -n $import100k && -n $raw100k ]]; then
  awk -v a="$import100k" -v b="$raw100k" 'BEGIN { printf "import 100k rows / excelize alone: %.2fx (the bar is 2x)\n", a / b }'
fi
rm -f "$out"
