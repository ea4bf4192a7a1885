#!/usr/bin/env bash
# `make bench` (issue 14): throughput of per-recipient batches of ~8 KB Chinese notices
# (scripts/bench/bench-notice.md: headings, paragraphs, lists, a 20-row task table) at each N of
# SIZES, in one run:
#   huiwen build, --jobs 1 and --jobs 2: cold (fresh output folder), unchanged (nothing to write),
#     one row changed (two CSVs that differ in one cell, alternated), --check against an empty
#     output folder (every document rendered, none written; exits 1, as expected);
#     peak RSS and user/sys CPU of a cold build from /usr/bin/time -v
#   the render floor: the cmark-gfm command over the concatenated merged Markdown
#   the write floor: cp -r of huiwen's output tree into a fresh folder
#   the Python pipeline (Jinja2 + cmarkgfm, byte-identical output, checked), one process and two
#     processes in parallel (--part 1/2, --part 2/2)
#   pandoc with a template, one process per document, on a sample of PANDOC_N documents
# then a Markdown table for BENCHMARKS.md and the issue's targets with PASS/FAIL.
#
# Usage: scripts/bench-throughput.sh        (from anywhere; writes nothing in the repository:
#                                            work files in a temp dir, KEEP=1 keeps them)
# Environment: SIZES="200 2000 20000" RUNS=3 LARGE_RUNS=1 (runs for N > 2000) PANDOC_N=200
#              TARGET_N=2000 SKIP_BUILD=1 KEEP=1
# Needs: swift, python3 with jinja2, PyYAML and cmarkgfm (pip install cmarkgfm), cmark-gfm,
# pandoc (apt-get install -y pandoc; skipped when missing), /usr/bin/time (apt-get install -y time).
set -euo pipefail

REPO=$(cd "$(dirname "$0")/.." && pwd)
HELPER="$REPO/scripts/bench_throughput.py"
SIZES=${SIZES:-"200 2000 20000"}
RUNS=${RUNS:-3}
LARGE_RUNS=${LARGE_RUNS:-1}
PANDOC_N=${PANDOC_N:-200}
TARGET_N=${TARGET_N:-2000}
CMARK_FLAGS=(-e table -e strikethrough -e autolink -e tagfilter -e tasklist -e footnotes)
START=$(date +%s)

WORK=$(mktemp -d /tmp/huiwen-bench.XXXXXX)
if [[ -z "${KEEP:-}" ]]; then trap 'rm -rf "$WORK"' EXIT; else echo "work files kept in $WORK"; fi
RESULTS="$WORK/results.tsv"
: > "$RESULTS"

python3 -c 'import jinja2, yaml, cmarkgfm' || { echo "needs jinja2, PyYAML, cmarkgfm (pip install cmarkgfm)"; exit 1; }
[[ -x /usr/bin/time ]] || { echo "needs /usr/bin/time (apt-get install -y time)"; exit 1; }

cd "$REPO"
if [[ -z "${SKIP_BUILD:-}" ]]; then
  echo "== swift build -c release --product huiwen"
  swift build -c release --product huiwen
fi
HUIWEN="$(swift build -c release --show-bin-path)/huiwen"
echo "huiwen: $HUIWEN ($(git -C "$REPO" rev-parse --short HEAD)$(git -C "$REPO" diff --quiet HEAD -- Sources || echo ', Sources modified'))"
echo "cmark-gfm: $(cmark-gfm --version | head -1); python3 $(python3 -c 'import sys,jinja2,cmarkgfm,yaml;print(sys.version.split()[0], "jinja2", jinja2.__version__, "cmarkgfm", __import__("importlib.metadata").metadata.version("cmarkgfm"), "PyYAML", yaml.__version__, "libyaml" if hasattr(yaml,"CSafeLoader") else "")')"
HAVE_PANDOC=
if command -v pandoc >/dev/null; then HAVE_PANDOC=1; echo "pandoc: $(pandoc --version | head -1)"; else echo "pandoc: not installed, skipped"; fi
echo "machine: $(nproc) cores, $(uname -r); SIZES=\"$SIZES\" RUNS=$RUNS (N > 2000: LARGE_RUNS=$LARGE_RUNS) PANDOC_N=$PANDOC_N TARGET_N=$TARGET_N"
echo "work: $WORK"

# measure N KEY RUNS SETUP [--ok CODES] -- CMD...: median wall time (and user/sys CPU) of RUNS runs,
# SETUP (untimed) before each; appended to results.tsv, runs shown on stderr.
# Every setup ends with `sync`: the files the previous run wrote or removed are on disk before
# the next is timed (without it, ext4's writeback of the last run's 68 MB lands in the next
# one: the same cold build measured 1.5 to 4 s, and `cp -r` 0.13 to 1.4 s).
measure() {
  local n=$1 key=$2 runs=$3 setup="$4 && sync"; shift 4
  echo "-- N=$n $key ($runs run$([[ $runs == 1 ]] || echo s))" >&2
  python3 "$HELPER" time "$runs" "$setup" --record "$RESULTS" "$n" "$key" "$@" | sed 's/^/   /' >&2
}
note() { printf '%s\t%s\t%s\n' "$@" >> "$RESULTS"; }  # note N KEY VALUE
# peak N KEY CMD...: one run under /usr/bin/time -v: peak RSS (KiB), user and system seconds.
peak() {
  local n=$1 key=$2; shift 2
  local rc=0
  /usr/bin/time -v "$@" >/dev/null 2>"$WORK/time.txt" || rc=$?
  [[ $rc == 0 ]] || { cat "$WORK/time.txt"; echo "failed ($rc): $*"; exit 1; }
  local rss user sys
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$WORK/time.txt")
  user=$(awk -F': ' '/User time/ {print $2}' "$WORK/time.txt")
  sys=$(awk -F': ' '/System time/ {print $2}' "$WORK/time.txt")
  echo "-- N=$n $key under /usr/bin/time -v: peak RSS $rss KiB, user $user s, sys $sys s" >&2
  note "$n" "$key" "$rss $user $sys"
}
# Setups move old output aside instead of deleting it. This machine's ext4 has no journal, and
# without one ext4 does not reuse an inode freed less than 60 s ago (360 s while its table block
# is dirty, kernel 6.x `recently_deleted`); every create scans past all such inodes from the
# start of the group's bitmap, so a build right after `rm -rf` of 4,000 files spent 1.2 of its
# 1.8 s in `ext4_create` → `find_inode_bit` → `recently_deleted` (perf, 2026-12-01), and each
# delete made the next runs slower. Moved-aside trees are deleted when the bench ends.
mkdir -p "$WORK/trash"
cat > "$WORK/aside.sh" <<EOF
[ -e "\$1" ] || exit 0
mv "\$1" "\$(mktemp -d "$WORK/trash/XXXXXX")/"
EOF
ASIDE="bash '$WORK/aside.sh'"
aside() { bash "$WORK/aside.sh" "$1"; }
# Alternates the batch's table between the original and the one-cell variant.
cat > "$WORK/toggle.sh" <<'EOF'
P=$1
if cmp -s "$P/data/cities.csv" "$P/cities-orig.csv"; then cp "$P/cities-alt.csv" "$P/data/cities.csv"
else cp "$P/cities-orig.csv" "$P/data/cities.csv"; fi
EOF

PANDOC_DONE=
for N in $SIZES; do
  R=$RUNS; (( N > 2000 )) && R=$LARGE_RUNS
  P="$WORK/project-$N"
  python3 "$HELPER" gen-project "$N" "$P"
  echo
  echo "== N=$N ($R run$([[ $R == 1 ]] || echo s) each)"

  for J in 1 2; do
    measure "$N" "cold-j$J" "$R" "$ASIDE '$P/output'" -- "$HUIWEN" build --root "$P" --jobs "$J"
  done
  files=$(find "$P/output" -name 'notice-*.html' | wc -l)
  [[ $files == "$N" ]] || { echo "expected $N pages, found $files"; exit 1; }
  note "$N" bytes "$(find "$P/output" -type f -printf '%s\n' | awk '{s += $1} END {print s}')"
  note "$N" files "$(find "$P/output" -type f | wc -l)"
  mdsize=$(find "$P/output" -name 'notice-*.md' -printf '%s\n' | sort -n | awk '{a[NR] = $1} END {print a[1], a[int((NR + 1) / 2)], a[NR]}')
  echo "   merged Markdown per document (bytes): min, median, max $mdsize" >&2
  note "$N" mdsize "$mdsize"

  for J in 1 2; do
    measure "$N" "unchanged-j$J" "$R" true -- "$HUIWEN" build --root "$P" --jobs "$J"
  done
  for J in 1 2; do
    measure "$N" "changed-j$J" "$R" "bash '$WORK/toggle.sh' '$P'" -- "$HUIWEN" build --root "$P" --jobs "$J"
  done
  # What one changed row rewrites (untimed), then back to the original table and output.
  bash "$WORK/toggle.sh" "$P"
  echo "   one row changed, huiwen says: $("$HUIWEN" build --root "$P" --jobs 2 | tail -1)" >&2
  cmp -s "$P/data/cities.csv" "$P/cities-orig.csv" || { cp "$P/cities-orig.csv" "$P/data/cities.csv"; "$HUIWEN" build --root "$P" >/dev/null; }

  for J in 1 2; do
    measure "$N" "check-j$J" "$R" "rm -rf '$WORK/empty' && mkdir '$WORK/empty'" --ok 1 -- \
      "$HUIWEN" build --check --root "$P" --output "$WORK/empty" --jobs "$J"
  done
  rm -rf "$WORK/empty"

  measure "$N" write-floor "$R" "$ASIDE '$WORK/copy'" -- cp -r "$P/output" "$WORK/copy"
  aside "$WORK/copy"

  find "$P/output" -name 'notice-*.md' | sort | xargs cat > "$WORK/all.md"
  note "$N" allmd "$(wc -c < "$WORK/all.md")"
  note "$N" cmarkout "$(cmark-gfm "${CMARK_FLAGS[@]}" "$WORK/all.md" | wc -c)"
  measure "$N" render-floor "$R" true -- cmark-gfm "${CMARK_FLAGS[@]}" "$WORK/all.md"
  rm -f "$WORK/all.md"

  # The Python pipeline: its page layout is taken from huiwen's own pages.
  first=$(find "$P/output" -name 'notice-*.html' | sort | sed -n 1p)
  python3 "$HELPER" prepare "$first" "$P/output/index.html" "$WORK/layouts"
  PYOUT="$WORK/py-$N"
  measure "$N" python-1p "$R" "$ASIDE '$PYOUT'" -- python3 "$HELPER" build "$P" "$WORK/layouts" "$PYOUT"
  read -r same total < <(python3 "$HELPER" compare "$P/output" "$PYOUT" 'notice-*')
  echo "   identical files, huiwen vs Python (one process): $same of $total" >&2
  note "$N" identical-1p "$same $total"
  cmp -s "$P/output/index.html" "$PYOUT/index.html" && echo "   index.html identical too" >&2 || echo "   index.html differs" >&2
  cat > "$WORK/py2.sh" <<EOF
set -e
python3 "$HELPER" build "$P" "$WORK/layouts" "$PYOUT" --part 1/2 & a=\$!
python3 "$HELPER" build "$P" "$WORK/layouts" "$PYOUT" --part 2/2 & b=\$!
wait \$a; wait \$b
EOF
  measure "$N" python-2p "$R" "$ASIDE '$PYOUT'" -- bash "$WORK/py2.sh"
  read -r same total < <(python3 "$HELPER" compare "$P/output" "$PYOUT" 'notice-*')
  echo "   identical files, huiwen vs Python (two processes): $same of $total" >&2
  note "$N" identical-2p "$same $total"
  aside "$PYOUT"

  if [[ -n $HAVE_PANDOC && -z $PANDOC_DONE ]] && (( N >= PANDOC_N )); then
    # Input: the merged Markdown of the first PANDOC_N documents with a YAML header of the
    # page fields (written by the Python step, not timed: pandoc does no merge).
    python3 "$HELPER" build "$P" "$WORK/layouts" "$WORK/pandoc-src" --front-matter
    mkdir -p "$WORK/pandoc-in"
    find "$WORK/pandoc-src/pandoc" -name 'notice-*.md' | sort | sed -n "1,${PANDOC_N}p" | xargs -I{} cp {} "$WORK/pandoc-in/"
    aside "$WORK/pandoc-src"
    cat > "$WORK/pandoc-batch.sh" <<EOF
cd "$WORK/pandoc-in" && mkdir -p out
for f in notice-*.md; do
  pandoc -f gfm -t html5 --standalone --template="$WORK/layouts/pandoc.html" "\$f" -o "out/\${f%.md}.html"
done
EOF
    measure "$PANDOC_N" pandoc "$R" "$ASIDE '$WORK/pandoc-in/out'" -- bash "$WORK/pandoc-batch.sh"
    note "$PANDOC_N" pandocbytes "$(find "$WORK/pandoc-in/out" -type f -printf '%s\n' | awk '{s += $1} END {print s}')"
    aside "$WORK/pandoc-in"
    PANDOC_DONE=1
  fi

  for J in 1 2; do
    aside "$P/output"
    peak "$N" "rss-j$J" "$HUIWEN" build --root "$P" --jobs "$J"
  done
  aside "$P"
done

echo
python3 "$HELPER" report "$RESULTS" --target-n "$TARGET_N" --pandoc-n "$PANDOC_N"
echo
echo "whole run: $(( $(date +%s) - START )) s"
