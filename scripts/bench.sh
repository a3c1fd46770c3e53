#!/usr/bin/env bash
# Runs the Go benchmarks and prints the ratios that matter: importing a generated
# 100,000-row register against excelize alone reading the same file (with its default
# options, and with raw cell values, its fastest mode).
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp)
trap 'rm -f "$out"' EXIT
go test -run '^$' -bench . -benchmem -count 1 -timeout 30m \
  ./backend/store ./backend/xlsx ./backend/importer ./backend/report ./app | tee "$out"
ns() { awk -v pkg="$1" -v name="$2" '/^pkg: / { cur = $2 } cur ~ pkg"$" && $1 ~ "^"name"(-[0-9]+)?$" { print $3; exit }' "$out"; }
import=$(ns backend/importer BenchmarkImport100k)
rows=$(ns backend/importer BenchmarkExcelizeRows100k)
raw=$(ns backend/importer BenchmarkExcelizeRaw100k)
read=$(ns backend/xlsx BenchmarkRead100k)
xraw=$(ns backend/xlsx BenchmarkExcelizeRaw100k)
echo
ratio() { awk -v a="$2" -v b="$3" -v what="$1" 'BEGIN { if (a && b) printf "%-58s %.2fx\n", what, a / b }'; }
ratio "import 100k rows / excelize reading them (defaults):" "$import" "$rows"
ratio "import 100k rows / excelize reading them (raw values):" "$import" "$raw"
ratio "our reader alone / excelize (raw values), same file:" "$read" "$xraw"
