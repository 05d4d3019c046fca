#!/bin/sh
# Runs the kiosk's fuzz targets (the fuzz/ crate: cargo-fuzz and libFuzzer),
# one target at a time, one process each, and prints what each run did.
# See docs/fuzzing.md.
#
#   scripts/fuzz.sh                # every target (config, slide, app), 600 s each
#   scripts/fuzz.sh app            # one target, 600 s
#   scripts/fuzz.sh slide 60       # one target, 60 s
#   FUZZ_SANITIZER=none scripts/fuzz.sh app 60   # without AddressSanitizer
#
# cargo-fuzz is installed with `cargo install cargo-fuzz --locked` if it is
# missing. It passes nightly-only flags to rustc; RUSTC_BOOTSTRAP=1 lets the
# stable toolchain accept them. Each run reads and grows fuzz/corpus/TARGET
# (only the seed-* files there are kept in git), writes any crashing input
# to fuzz/artifacts/TARGET and its whole output to fuzz/logs/.
set -eu
cd "$(dirname "$0")/../fuzz"

target=${1:-all}
seconds=${2:-600}
sanitizer=${FUZZ_SANITIZER:-address}
case $target in
  all) targets="config slide app" ;;
  config | slide | app) targets=$target ;;
  *)
    echo "usage: scripts/fuzz.sh [config|slide|app|all] [seconds]" >&2
    exit 2
    ;;
esac
case $seconds in
  '' | *[!0-9]*)
    echo "scripts/fuzz.sh: seconds must be a whole number, not '$seconds'" >&2
    exit 2
    ;;
esac

if ! cargo fuzz --version >/dev/null 2>&1; then
  cargo install cargo-fuzz --locked
fi
export RUSTC_BOOTSTRAP=1
mkdir -p logs

status=0
for t in $targets; do
  log="logs/$t-$(date -u +%Y%m%dT%H%M%SZ).log"
  echo "== $t: $seconds s, sanitizer $sanitizer, log fuzz/$log"
  # -timeout: an input taking over 10 s counts as a hang;
  # -rss_limit_mb (libFuzzer's default, 2048) counts as out of memory.
  if cargo fuzz run --sanitizer "$sanitizer" "$t" -- \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 >"$log" 2>&1; then
    result="no crash"
  else
    result="FAILED (see the log)"
    status=1
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
  corpus=$(find "corpus/$t" -type f | wc -l)
  found=$(find "artifacts/$t" -type f 2>/dev/null | wc -l)
  echo "   $result; executions ${runs:-?}, ${rate:-?} exec/s," \
    "corpus $corpus files, artifacts $found"
done
exit $status
