#!/usr/bin/env bash
# Issue 12's bar: 2,000 per-recipient notices written as .docx take at most 1.5× the time of
# the same batch written as HTML, with flat memory. Release build; runs alternate (HTML, then
# Word) into a fresh output folder each time; prints each run and the medians.
#
# Usage: scripts/bench-docx.sh   (N=2000 RUNS=7 SKIP_BUILD=1 to change)
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
N=${N:-2000}
RUNS=${RUNS:-7}
cd "$REPO"
[[ -n "${SKIP_BUILD:-}" ]] || swift build -c release --product huiwen >/dev/null
HUIWEN="$(swift build -c release --show-bin-path)/huiwen"
WORK=$(mktemp -d /tmp/huiwen-docx-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/templates" "$WORK/data"
cp templates/city-notice.md "$WORK/templates/"
cp data/* "$WORK/data/"
# The batch's list, N cities (the example's own list stays as it is: only its key is replaced).
rm -f "$WORK"/data/cities.*
python3 scripts/bench_throughput.py gen-csv "$N" "$WORK/data/cities.csv"
for format in html docx; do : > "$WORK/$format.times"; done
for run in $(seq "$RUNS"); do
  for format in html docx; do
    rm -rf "$WORK/output"; sync
    /usr/bin/time -f "%e %U %S %M" -o "$WORK/one" "$HUIWEN" build --root "$WORK" --to "$format" >/dev/null
    read -r wall user sys rss < "$WORK/one"
    echo "run $run $format: ${wall} s (user $user, sys $sys), peak RSS $rss KiB"
    echo "$wall $user $sys $rss" >> "$WORK/$format.times"
  done
done
median() { sort -n -k"$2" "$1" | awk -v k="$2" '{a[NR]=$k} END {print a[int((NR+1)/2)]}'; }
for format in html docx; do
  echo "$format: median wall $(median "$WORK/$format.times" 1) s, user $(median "$WORK/$format.times" 2) s, sys $(median "$WORK/$format.times" 3) s, peak RSS $(median "$WORK/$format.times" 4) KiB"
done
awk -v h="$(median "$WORK/html.times" 1)" -v d="$(median "$WORK/docx.times" 1)" 'BEGIN {printf "docx / html (median wall): %.2f\n", d / h}'
