#!/usr/bin/env bash
# Issue 13's bar: N per-recipient notices to PDF in one run, documents per second with --jobs 1
# and --jobs 2, against one `chromium --headless --print-to-pdf` process per document (the same
# pages, from huiwen's own HTML). Target: --jobs 2 at least 5× the process-per-document rate.
#
# Usage: scripts/bench-pdf.sh   (N=200 RUNS=3 SKIP_BUILD=1 to change; needs chromium)
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
N=${N:-200}
RUNS=${RUNS:-3}
cd "$REPO"
[[ -n "${SKIP_BUILD:-}" ]] || swift build -c release --product huiwen >/dev/null
HUIWEN="$(swift build -c release --show-bin-path)/huiwen"
BROWSER=$(command -v chromium || command -v chromium-browser || command -v google-chrome)
WORK=$(mktemp -d /tmp/huiwen-pdf-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/templates" "$WORK/data"
cp templates/city-notice.md "$WORK/templates/"
cp data/* "$WORK/data/"
rm -f "$WORK"/data/cities.*
python3 scripts/bench_throughput.py gen-csv "$N" "$WORK/data/cities.csv"
"$HUIWEN" build --root "$WORK" --to html --output "$WORK/pages" >/dev/null
seconds() { local start end; start=$(date +%s.%N); "$@" >/dev/null 2>&1; end=$(date +%s.%N); echo "$end - $start" | bc; }
for run in $(seq "$RUNS"); do
  for jobs in 1 2; do
    rm -rf "$WORK/output"
    t=$(seconds "$HUIWEN" build --root "$WORK" --to pdf --jobs "$jobs")
    echo "run $run: huiwen --to pdf --jobs $jobs: $t s, $(echo "scale=1; $N / $t" | bc) documents/s"
  done
done
# One browser process per document, on a sample (it is slow): the rate is what counts.
SAMPLE=$(( N < 20 ? N : 20 ))
rm -rf "$WORK/separate"; mkdir -p "$WORK/separate"
NO_SANDBOX=""; [[ $(id -u) == 0 ]] && NO_SANDBOX="--no-sandbox"
start=$(date +%s.%N)
ls "$WORK/pages"/notice-*.html | head -n "$SAMPLE" | while read -r page; do
  "$BROWSER" --headless $NO_SANDBOX --disable-gpu --no-pdf-header-footer \
    --print-to-pdf="$WORK/separate/$(basename "$page" .html).pdf" "file://$page" >/dev/null 2>&1
done
end=$(date +%s.%N)
t=$(echo "$end - $start" | bc)
echo "one chromium process per document: $SAMPLE documents in $t s, $(echo "scale=2; $SAMPLE / $t" | bc) documents/s"
ls "$WORK/output"/*.pdf | wc -l | xargs echo "PDFs written by the last huiwen run:"
du -sh "$WORK/output" | cut -f1 | xargs echo "their size:"
