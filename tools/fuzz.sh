#!/bin/sh
# fuzz.sh BIN CORPUS_DIR SECONDS: run one libFuzzer target for a fixed time.
#
# The committed corpus (CORPUS_DIR) is read but not written: new inputs go
# to a scratch corpus under build-fuzz/corpus/NAME, kept between runs.
# Crashes, leaks and timeouts are saved to build-fuzz/artifacts/NAME/ and
# make the script fail. Each input gets at most 10 s (a hang is a bug: the
# parsers are linear) and inputs are capped at 64 KB.
set -eu

if [ $# -ne 3 ]; then
	echo "usage: $0 BIN CORPUS_DIR SECONDS" >&2
	exit 2
fi
bin=$1
corpus=$2
seconds=$3
name=$(basename "$bin")
top=$(cd "$(dirname "$0")/.." && pwd)
scratch="$top/build-fuzz/corpus/$name"
artifacts="$top/build-fuzz/artifacts/$name"
mkdir -p "$scratch" "$artifacts"

# A dictionary next to the corpus (tests/fuzz/NAME.dict) is used if present.
dict=""
if [ -f "$corpus.dict" ]; then
	dict="-dict=$corpus.dict"
fi

# Test documents serve as corpus where they stand: CORPUS_DIR.dirs lists
# further directories (relative to the top), read recursively.
extra=""
if [ -f "$corpus.dirs" ]; then
	while read -r d; do
		[ -n "$d" ] && extra="$extra $top/$d"
	done < "$corpus.dirs"
fi

echo "fuzz: $name for ${seconds}s (corpus $corpus$extra)" >&2
# Leaks inside system libraries on broken inputs (tests/fuzz/lsan-fuzz.supp).
LSAN_OPTIONS="suppressions=$top/tests/fuzz/lsan-fuzz.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
ASAN_OPTIONS="fast_unwind_on_malloc=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export LSAN_OPTIONS ASAN_OPTIONS
set +e
# shellcheck disable=SC2086
"$bin" -max_total_time="$seconds" -timeout=10 -max_len=65536 -rss_limit_mb=2048 \
	-print_final_stats=1 -artifact_prefix="$artifacts/" $dict \
	"$scratch" "$corpus" $extra 2>"$artifacts/log.txt"
rc=$?
set -e
tail -n 15 "$artifacts/log.txt" >&2
if [ "$rc" != 0 ]; then
	echo "fuzz: $name failed (exit $rc); see $artifacts/" >&2
	exit 1
fi
echo "fuzz: $name ok" >&2
