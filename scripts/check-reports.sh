#!/usr/bin/env bash
# Exports every report from a fresh demo database into test-artifacts/reports/ and has
# LibreOffice convert each workbook to PDF, headless. A report fails when soffice exits
# non-zero or times out, when no PDF or an empty one appears, or when soffice says
# anything about a repair or an error. Prints one line per report and a summary; exits
# non-zero when any report failed.
#
#   scripts/check-reports.sh            (LibreOffice's soffice must be on the PATH)
#   SOFFICE_TIMEOUT=180 scripts/check-reports.sh
set -euo pipefail
cd "$(dirname "$0")/.."

reports=(management-review audit soa requirements gap-analysis risks assets kpi-dashboard training corrective-actions)
timeout_s=${SOFFICE_TIMEOUT:-120}
out=test-artifacts/reports

command -v soffice >/dev/null || { echo "check-reports: soffice (LibreOffice) is not installed" >&2; exit 2; }

tmp=$(mktemp -d)
# A private LibreOffice profile: works as root, and in parallel with other soffice runs.
profile=/tmp/lo-profile-$$
trap 'rm -rf "$tmp" "$profile"' EXIT

start=$SECONDS
echo "building the CLI"
go build -o "$tmp/ismsdesk" .
"$tmp/ismsdesk" --data "$tmp/data" demo >/dev/null

mkdir -p "$out"
rm -f "$out"/*.xlsx "$out"/*.pdf "$out"/*.log

passed=0 failed=0
fail() { # report, reason
  printf 'FAIL  %-20s %s\n' "$1" "$2"
  failed=$((failed + 1))
}
for r in "${reports[@]}"; do
  args=()
  [[ $r == audit ]] && args=(--id IA-01)
  xlsx=$out/$r.xlsx pdf=$out/$r.pdf log=$out/$r.log
  if ! "$tmp/ismsdesk" --data "$tmp/data" export "$r" "${args[@]}" --out "$xlsx" >"$log" 2>&1; then
    fail "$r" "the export failed: $(tr '\n' ' ' <"$log")"
    continue
  fi
  rc=0
  timeout "$timeout_s" soffice -env:UserInstallation=file://"$profile" --headless --norestore \
    --convert-to pdf --outdir "$out" "$xlsx" >"$log" 2>&1 || rc=$?
  # What soffice normally prints: a harmless javaldx warning (no Java here) and the
  # "convert A -> B using filter : calc_pdf_Export" line. Anything else that mentions
  # a repair or an error is a failure.
  noise=$(grep -v -e 'failed to launch javaldx' -e '^convert .* -> .* using filter : ' "$log" || true)
  if [[ $rc -eq 124 ]]; then
    fail "$r" "soffice timed out after ${timeout_s}s"
  elif [[ $rc -ne 0 ]]; then
    fail "$r" "soffice exited with status $rc: $(tr '\n' ' ' <"$log")"
  elif [[ ! -e $pdf ]]; then
    fail "$r" "soffice made no PDF: $(tr '\n' ' ' <"$log")"
  elif [[ ! -s $pdf ]] || [[ $(head -c 5 "$pdf") != "%PDF-" ]]; then
    fail "$r" "the PDF is empty or not a PDF"
  elif grep -qiE 'repair|error' <<<"$noise"; then
    fail "$r" "soffice reported: $(grep -iE 'repair|error' <<<"$noise" | tr '\n' ' ')"
  else
    pages=?
    if command -v pdfinfo >/dev/null; then
      pages=$(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
      if [[ -z $pages || $pages -lt 1 ]]; then
        fail "$r" "the PDF has no pages"
        continue
      fi
    fi
    printf 'ok    %-20s %s pages, %s\n' "$r" "$pages" "$pdf"
    passed=$((passed + 1))
  fi
done

echo "$passed passed, $failed failed ($((SECONDS - start))s)"
[[ $failed -eq 0 ]]
