#!/usr/bin/env bash
# Throughput of a per-recipient batch against the DESIGN quality bars (see BENCHMARKS.md,
# "Throughput: 2,000 per-recipient notices"):
#   huiwen build          vs the same pipeline in Python (Jinja2 + cmarkgfm)
#                         vs pandoc with a template, one process per document
#   huiwen build − cmark-gfm's parse+render of the same merged Markdown, over cmark-gfm's time
#   peak RSS of huiwen build at each batch size
#
# Usage: scripts/bench-throughput.sh           (from anywhere; prints figures, writes nothing in
#                                               the repository; work files in a temp dir)
# Environment: SIZES="200 2000" RUNS=5 PANDOC_N=200 PANDOC_RUNS=3 SKIP_BUILD=1 KEEP=1
# Needs: swift, python3 with jinja2, PyYAML and cmarkgfm (pip install cmarkgfm), cmark-gfm,
# pandoc (apt-get install -y pandoc; skipped when missing), /usr/bin/time.
set -euo pipefail

REPO=$(cd "$(dirname "$0")/.." && pwd)
HELPER="$REPO/scripts/bench_throughput.py"
SIZES=${SIZES:-"200 2000"}
RUNS=${RUNS:-5}
PANDOC_N=${PANDOC_N:-200}
PANDOC_RUNS=${PANDOC_RUNS:-3}
CMARK_FLAGS=(-e table -e strikethrough -e autolink -e tagfilter -e tasklist -e footnotes)

WORK=$(mktemp -d /tmp/huiwen-throughput.XXXXXX)
if [[ -z "${KEEP:-}" ]]; then trap 'rm -rf "$WORK"' EXIT; else echo "work files kept in $WORK"; fi

python3 -c 'import jinja2, yaml, cmarkgfm' || { echo "needs jinja2, PyYAML, cmarkgfm (pip install cmarkgfm)"; exit 1; }

cd "$REPO"
if [[ -z "${SKIP_BUILD:-}" ]]; then
  echo "== swift build -c release --product huiwen"
  swift build -c release --product huiwen
fi
HUIWEN="$(swift build -c release --show-bin-path)/huiwen"
echo "huiwen: $HUIWEN ($(git -C "$REPO" rev-parse --short HEAD))"
echo "cmark-gfm: $(cmark-gfm --version | head -1); python3 $(python3 -c 'import sys,jinja2,cmarkgfm,yaml;print(sys.version.split()[0], "jinja2", jinja2.__version__, "cmarkgfm", __import__("importlib.metadata").metadata.version("cmarkgfm"), "PyYAML", yaml.__version__, "libyaml" if hasattr(yaml,"CSafeLoader") else "")')"
command -v pandoc >/dev/null && echo "pandoc: $(pandoc --version | head -1)"

# Median wall-clock seconds of RUNS runs of a command; SETUP (untimed) runs before each.
median() {  # median RUNS SETUP CMD...
  local runs=$1 setup=$2; shift 2
  local out
  out=$(python3 "$HELPER" time "$runs" "$setup" -- "$@")
  echo "$out" >&2
  awk '/^median/ {print $2}' <<<"$out"
}
# Peak RSS (KiB) and CPU seconds (user+sys) of one run, from GNU time; the line goes to stderr too.
peak() {  # peak CMD...
  /usr/bin/time -v "$@" >/dev/null 2>"$WORK/time.txt"
  local rss user sys
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$WORK/time.txt")
  user=$(awk -F': ' '/User time/ {print $2}' "$WORK/time.txt")
  sys=$(awk -F': ' '/System time/ {print $2}' "$WORK/time.txt")
  echo "   one run: peak RSS $rss KiB, user $user s, sys $sys s" >&2
  awk -v r="$rss" -v u="$user" -v s="$sys" 'BEGIN {printf "%s %.2f\n", r, u + s}'
}

declare -A HW HWWARM PY PYF CM RSS PYRSS CPU
for N in $SIZES; do
  P="$WORK/project-$N"
  mkdir -p "$P/templates" "$P/data"
  cp "$REPO/templates/city-notice.md" "$P/templates/"
  cp "$REPO"/data/* "$P/data/"
  # The generated table replaces the example's workbook (one source per key).
  rm -f "$P/data/cities.xlsx"
  python3 "$HELPER" gen-csv "$N" "$P/data/cities.csv"

  echo "== N=$N: huiwen build (fresh output dir each run), $RUNS runs"
  HW[$N]=$(median "$RUNS" "rm -rf '$P/output'" "$HUIWEN" build --root "$P")
  files=$(find "$P/output" -name 'notice-*.html' | wc -l)
  [[ $files == "$N" ]] || { echo "expected $N pages, found $files"; exit 1; }
  echo "== N=$N: huiwen build again over an up-to-date output dir (warm: nothing to write)"
  HWWARM[$N]=$(median "$RUNS" true "$HUIWEN" build --root "$P")
  rm -rf "$P/output"
  read -r RSS[$N] CPU[$N] < <(peak "$HUIWEN" build --root "$P")

  echo "== N=$N: Python (Jinja2 + cmarkgfm), $RUNS runs"
  python3 "$HELPER" prepare "$P/output/notice-城市0001.html" "$P/output/index.html" "$WORK/layouts"
  PY[$N]=$(median "$RUNS" "rm -rf '$WORK/py-$N'" python3 "$HELPER" build "$P" "$WORK/layouts" "$WORK/py-$N")
  echo "== N=$N: Python with an fsync before each rename (as Foundation's atomic write in huiwen), $RUNS runs"
  PYF[$N]=$(median "$RUNS" "rm -rf '$WORK/py-$N'" python3 "$HELPER" build "$P" "$WORK/layouts" "$WORK/py-$N" --fsync)
  rm -rf "$WORK/py-$N"
  read -r PYRSS[$N] _ < <(peak python3 "$HELPER" build "$P" "$WORK/layouts" "$WORK/py-$N")
  # Honesty check: both pipelines wrote the same pages and the same Markdown.
  same=0
  for f in "$P"/output/notice-*; do cmp -s "$f" "$WORK/py-$N/${f##*/}" && same=$((same + 1)); done
  echo "   identical files, huiwen vs Python: $same of $((2 * N))"

  echo "== N=$N: cmark-gfm over the concatenated merged Markdown (one process), $RUNS runs"
  cat "$P"/output/notice-*.md > "$WORK/all-$N.md"
  CM[$N]=$(median "$RUNS" true cmark-gfm "${CMARK_FLAGS[@]}" "$WORK/all-$N.md")
  echo "   $(wc -c < "$WORK/all-$N.md") bytes of Markdown"

  if [[ $N == "$PANDOC_N" ]] && command -v pandoc >/dev/null; then
    echo "== N=$N: pandoc, one process per document, $PANDOC_RUNS runs"
    rm -rf "$WORK/py-$N"
    python3 "$HELPER" build "$P" "$WORK/layouts" "$WORK/py-$N" --front-matter
    cat > "$WORK/pandoc-batch.sh" <<EOF
cd "$WORK/py-$N/pandoc" && mkdir -p out
for f in notice-*.md; do
  pandoc -f gfm -t html5 --standalone --template="$WORK/layouts/pandoc.html" "\$f" -o "out/\${f%.md}.html"
done
EOF
    PANDOC=$(median "$PANDOC_RUNS" "rm -rf '$WORK/py-$N/pandoc/out'" bash "$WORK/pandoc-batch.sh")
  fi
  rm -rf "$WORK/py-$N" "$P/output"
done

echo
echo "== summary (seconds, medians; RSS in KiB)"
printf '%-6s %8s %8s %8s %8s %8s %7s %7s %10s %10s %8s %9s %9s %9s\n' N huiwen warm python py+fsync cmark py/hw pyf/hw "(hw-cm)/cm" "(warm-cm)/cm" hwCPU hwRSS pyRSS pandoc
for N in $SIZES; do
  pd="-"
  if [[ -n "${PANDOC:-}" ]]; then pd=$(awk -v t="$PANDOC" -v n="$PANDOC_N" -v m="$N" 'BEGIN {printf "%.1f%s", t * m / n, (m == n ? "" : "*")}'); fi
  awk -v n="$N" -v h="${HW[$N]}" -v w="${HWWARM[$N]}" -v p="${PY[$N]}" -v pf="${PYF[$N]}" -v c="${CM[$N]}" \
      -v cpu="${CPU[$N]}" -v r="${RSS[$N]}" -v pr="${PYRSS[$N]}" -v pd="$pd" \
      'BEGIN {printf "%-6s %8.3f %8.3f %8.3f %8.3f %8.4f %7.2f %7.2f %10.1f %10.1f %8.2f %9s %9s %9s\n",
              n, h, w, p, pf, c, p / h, pf / h, (h - c) / c, (w - c) / c, cpu, r, pr, pd}'
done
if [[ -n "${PANDOC:-}" ]]; then
  echo "pandoc: median ${PANDOC} s for N=$PANDOC_N; * = extrapolated linearly from N=$PANDOC_N"
  for N in $SIZES; do
    awk -v n="$N" -v h="${HW[$N]}" -v t="$PANDOC" -v pn="$PANDOC_N" 'BEGIN {printf "N=%s pandoc/huiwen %.0f×\n", n, t * n / pn / h}'
  done
fi
