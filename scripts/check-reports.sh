#!/usr/bin/env bash
# Exports every report from a fresh demo database into test-artifacts/reports/ and has
# LibreOffice convert each workbook to PDF, headless. A report fails when soffice exits
# non-zero or times out, when no PDF or an empty one appears, or when soffice says
# anything about a repair or an error; and, for the register reports, when a page of a
# board view (a sheet named "... (board view)", which its page header names) prints any
# text under 9 pt: the font sizes are read from the PDF's content streams (the text
# operators' sizes times the text and graphics scales) and the pages told apart by the
# page header, with pdftotext (poppler-utils). Prints one line per report and a summary;
# exits non-zero when any report failed.
#
#   scripts/check-reports.sh            (LibreOffice's soffice must be on the PATH)
#   SOFFICE_TIMEOUT=180 scripts/check-reports.sh
set -euo pipefail
cd "$(dirname "$0")/.."

reports=(management-review audit soa requirements gap-analysis risks assets kpi-dashboard training corrective-actions)
timeout_s=${SOFFICE_TIMEOUT:-120}
out=test-artifacts/reports

command -v soffice >/dev/null || { echo "check-reports: soffice (LibreOffice) is not installed" >&2; exit 2; }
command -v pdftotext >/dev/null || { echo "check-reports: pdftotext (poppler-utils) is not installed" >&2; exit 2; }
command -v python3 >/dev/null || { echo "check-reports: python3 is not installed" >&2; exit 2; }

# The reports with a board view, which must print at 9 pt or more.
boards=" requirements risks soa assets corrective-actions kpi-dashboard training "

# board_fonts PDF: prints "PAGES MIN" for the pages whose page header names a board view
# (PAGES the number of such pages, MIN the smallest font size on them in points), or
# "0 -" when there is none.
board_fonts() {
  python3 - "$1" <<'PY'
import re, subprocess, sys, zlib
path = sys.argv[1]
data = open(path, 'rb').read()
objs = {int(m.group(1)): m.group(2) for m in re.finditer(rb'(\d+) 0 obj(.*?)endobj', data, re.S)}
def stream(body):
    m = re.search(rb'stream\r?\n(.*?)\r?\nendstream', body, re.S)
    if not m:
        return b''
    s = m.group(1)
    return zlib.decompress(s) if b'/FlateDecode' in body[:m.start()] else s
def pages(n):
    b = objs[n]
    if re.search(rb'/Type\s*/Pages', b):
        kids = re.search(rb'/Kids\s*\[(.*?)\]', b, re.S).group(1)
        return [p for k in re.findall(rb'(\d+) 0 R', kids) for p in pages(int(k))]
    return [n]
root = int(re.search(rb'/Root (\d+) 0 R', data).group(1))
tree = pages(int(re.search(rb'/Pages (\d+) 0 R', objs[root]).group(1)))
num = rb'[-+]?(?:\d+\.?\d*|\.\d+)'
tok = re.compile(rb'(' + num + rb')|(/[^\s/\[\]()<>]+)|(\[|\])|(<[0-9A-Fa-f\s]*>)|(\((?:\\.|[^\\)])*\))|([A-Za-z\'"*]+)')
def smallest(content):
    out, stack, ctm, tm, tf, args = [], [], 1.0, 1.0, None, []
    for t in tok.finditer(content):
        n, name, _, _, _, op = t.groups()
        if n is not None:
            args.append(float(n)); continue
        if op is None:
            continue
        if op == b'q': stack.append(ctm)
        elif op == b'Q': ctm = stack.pop() if stack else 1.0
        elif op == b'cm' and len(args) >= 6:
            a, b, c, d = args[-6:-2]; ctm *= abs(a * d - b * c) ** 0.5
        elif op == b'BT': tm = 1.0
        elif op == b'Tm' and len(args) >= 6:
            a, b, c, d = args[-6:-2]; tm = abs(a * d - b * c) ** 0.5
        elif op == b'Tf' and args: tf = args[-1]
        elif op in (b'Tj', b'TJ', b"'", b'"') and tf: out.append(tf * tm * ctm)
        args = []
    return min(out) if out else None
texts = subprocess.run(['pdftotext', '-layout', path, '-'], capture_output=True, text=True, check=True).stdout.split('\f')
count, least = 0, None
for i, p in enumerate(tree):
    lines = [l.strip() for l in (texts[i] if i < len(texts) else '').splitlines() if l.strip()]
    if not lines or '(board view)' not in lines[0]:  # the page header names the sheet
        continue
    refs = [int(x) for x in re.findall(rb'(\d+) 0 R', re.search(rb'/Contents\s*(\[.*?\]|\d+ 0 R)', objs[p], re.S).group(1))]
    size = smallest(b''.join(stream(objs[r]) for r in refs))
    if size is None:
        continue
    count += 1
    least = size if least is None else min(least, size)
print(count, '-' if least is None else round(least, 2))
PY
}

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
    board=
    if [[ $boards == *" $r "* ]]; then
      read -r bpages bmin < <(board_fonts "$pdf") || { fail "$r" "unable to read the PDF's fonts"; continue; }
      if [[ $bpages -eq 0 ]]; then
        fail "$r" "no board view page in the PDF"
        continue
      fi
      if ! python3 -c "import sys; sys.exit(0 if float(sys.argv[1]) >= 9 else 1)" "$bmin"; then
        fail "$r" "the board view prints at ${bmin} pt, under 9 pt"
        continue
      fi
      unit=pages
      [[ $bpages -eq 1 ]] && unit=page
      board=", board view ${bpages} ${unit} at ${bmin} pt or more"
    fi
    printf 'ok    %-20s %s pages%s, %s\n' "$r" "$pages" "$board" "$pdf"
    passed=$((passed + 1))
  fi
done

echo "$passed passed, $failed failed ($((SECONDS - start))s)"
[[ $failed -eq 0 ]]
