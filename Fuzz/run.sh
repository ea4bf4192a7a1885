#!/bin/sh
# Runs each fuzz target (built by `make fuzz` into .build-fuzz) for FUZZ_SECONDS seconds
# (default 60), one after the other, and prints what each did. The seeds in Fuzz/Corpus/TARGET
# are read, never written: what a run learns goes to .build-fuzz/corpus/TARGET and is reused by
# the next run. A crash, a broken property (a fatalError in the target), a timeout (an input
# that takes over 10 s) or memory over 2 GB stops the target; its input is saved as
# .build-fuzz/artifacts/TARGET-… and the script exits 1. Targets: FUZZ_TARGETS, default all.
set -u
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-60}
targets=${FUZZ_TARGETS:-"FuzzTemplate FuzzFrontMatter FuzzCSV FuzzJSON FuzzYAML FuzzXLSX FuzzMarkdownEscaper"}
bin=.build-fuzz/release
mkdir -p .build-fuzz/artifacts .build-fuzz/logs
failed=""
printf '%-22s %12s %8s %8s  %s\n' target executions seconds corpus result
for target in $targets; do
    work=.build-fuzz/corpus/$target
    log=.build-fuzz/logs/$target.log
    mkdir -p "$work"
    before=$(ls .build-fuzz/artifacts | wc -l)
    dict=""
    [ -f "Fuzz/Dictionaries/$target.dict" ] && dict="-dict=Fuzz/Dictionaries/$target.dict"
    # -max_len: templates and data files of a few KB reach every construct; larger inputs
    # only slow the search. ASan's leak check is off: Swift's global caches look like leaks.
    ASAN_OPTIONS=detect_leaks=0 "$bin/$target" "$work" "Fuzz/Corpus/$target" $dict \
        -max_total_time="$seconds" -max_len=8192 -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix=".build-fuzz/artifacts/$target-" -print_final_stats=1 >"$log" 2>&1
    status=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    time=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log" | tail -1)
    size=$(ls "$work" | wc -l)
    if [ "$status" -eq 0 ]; then
        result=ok
    elif [ "$(ls .build-fuzz/artifacts | wc -l)" -gt "$before" ]; then
        result="FOUND: $(ls -t .build-fuzz/artifacts/$target-* | head -1) (see $log)"
        failed="$failed $target"
    else
        result="FAILED to run (see $log)"
        failed="$failed $target"
    fi
    printf '%-22s %12s %8s %8s  %s\n' "$target" "${runs:-?}" "${time:-$seconds}" "$size" "$result"
done
if [ -n "$failed" ]; then
    echo "fuzzing found problems in:$failed" >&2
    exit 1
fi
