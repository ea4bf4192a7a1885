#!/usr/bin/env bash
# Loading a 20,000-row, 12-column workbook (about 12 MB of sheet XML), issue 11's bar: huiwen
# within 2x its own load of the same table as CSV, no slower than python-calamine reading it
# into Python values (openpyxl read-only beside it), memory within 3x the sheet's XML.
#
# Two workbooks of the same table: one saved by openpyxl (inline strings) and one LibreOffice
# made from the CSV (shared strings, rich text runs per script, as Excel-like writers do).
# Every reader runs in rounds, interleaved, in this one run; medians over all runs.
#
#   scripts/bench-xlsx.sh
# Environment: ROUNDS=5 RUNS=5 SCRATCH=.build (swift build --scratch-path) SKIP_BUILD=1 KEEP=1
#   CALAMINE_VENV=DIR (a venv with python-calamine; made in the work folder when not given)
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
HELPER="$REPO/scripts/bench_xlsx.py"
ROUNDS=${ROUNDS:-5}
RUNS=${RUNS:-5}
SCRATCH=${SCRATCH:-$REPO/.build}

WORK=$(mktemp -d /tmp/huiwen-xlsx-bench.XXXXXX)
if [[ -z "${KEEP:-}" ]]; then trap 'rm -rf "$WORK"' EXIT; else echo "work files kept in $WORK"; fi

/usr/bin/python3 -c 'import openpyxl' || { echo "needs Debian's python3-openpyxl"; exit 1; }
command -v soffice >/dev/null || { echo "needs soffice (Debian: libreoffice-calc-nogui)"; exit 1; }
VENV=${CALAMINE_VENV:-$WORK/venv}
if [[ ! -x "$VENV/bin/python" ]]; then
  echo "== a venv with python-calamine (for this measurement only)"
  /usr/bin/python3 -m venv --system-site-packages "$VENV"
  "$VENV/bin/pip" install -q python-calamine
fi

cd "$REPO"
if [[ -z "${SKIP_BUILD:-}" ]]; then
  echo "== swift build -c release --product HuiwenBench"
  swift build -c release --scratch-path "$SCRATCH" --product HuiwenBench
fi
BENCH="$(swift build -c release --scratch-path "$SCRATCH" --show-bin-path)/HuiwenBench"
echo "huiwen at $(git rev-parse --short HEAD); python-calamine $("$VENV/bin/pip" show python-calamine | awk '/^Version/ {print $2}'), openpyxl $(/usr/bin/python3 -c 'import openpyxl; print(openpyxl.__version__)'), $(soffice --version | head -1)"

echo "== the table: 20,000 rows of 12 columns"
/usr/bin/python3 "$HELPER" gen "$WORK"
soffice -env:UserInstallation="file://$WORK/profile" --headless --norestore \
  --infilter="Text - txt - csv (StarCalc):44,34,76,1,3/2,2052,false,true" \
  --convert-to xlsx --outdir "$WORK/lo" "$WORK/table.csv" >/dev/null 2>&1
mv "$WORK/lo/table.xlsx" "$WORK/libreoffice.xlsx"
for book in openpyxl libreoffice; do
  echo "   $book.xlsx: $(stat -c %s "$WORK/$book.xlsx") bytes, sheet XML $(/usr/bin/python3 "$HELPER" sheet "$WORK/$book.xlsx") bytes"
done
echo "   table.csv: $(stat -c %s "$WORK/table.csv") bytes"

# Appends the "runs (ms):" times a command prints to NAME.runs.
record() {  # record NAME CMD...
  local name=$1; shift
  "$@" > "$WORK/out.txt"
  grep '^runs (ms):' "$WORK/out.txt" | cut -d: -f2 >> "$WORK/$name.runs"
}

for round in $(seq "$ROUNDS"); do
  echo "== round $round of $ROUNDS"
  record "huiwen csv" "$BENCH" read "$WORK/table.csv" "$RUNS"
  for book in openpyxl libreoffice; do
    record "huiwen $book.xlsx" "$BENCH" read "$WORK/$book.xlsx" "$RUNS"
    record "calamine $book.xlsx" "$VENV/bin/python" "$HELPER" time calamine "$WORK/$book.xlsx" "$RUNS"
    record "openpyxl-ro $book.xlsx" /usr/bin/python3 "$HELPER" time openpyxl "$WORK/$book.xlsx" 1
  done
done

echo
echo "== medians"
/usr/bin/python3 "$HELPER" summary "$WORK"

echo
echo "== memory: one read in a fresh process (peak RSS from /usr/bin/time; 'before' is the process before the read)"
for file in openpyxl.xlsx libreoffice.xlsx table.csv; do
  /usr/bin/time -v "$BENCH" read "$WORK/$file" 1 > "$WORK/out.txt" 2> "$WORK/time.txt"
  peak=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$WORK/time.txt")
  before=$(awk '/^resident:/ {print $2}' "$WORK/out.txt")
  echo "   $file: peak $peak KiB, before the read $before KiB, the read added $((peak - before)) KiB"
done
