#!/bin/sh
# Measures the running kiosk: CPU, wake-ups, memory, bytes written and frames
# drawn while idle, side by side with a plain ratatui loop (benches/peer.rs)
# run at the same time; time to the first full frame (bundled content and
# 200 slides); 50 window resizes; then the CPU time of one 200x60 frame.
# See docs/performance.md.
#
#   scripts/measure.sh                 # 60-second idle run
#   scripts/measure.sh --seconds 300   # a longer, finer CPU figure
#   scripts/measure.sh --starts 10 --slides 200 --resizes 50 \
#                      --at 2026-11-23T10:30:00-07:00
#   KIOSK_NO_FRAME_BENCH=1 scripts/measure.sh   # skip the frame benchmark
#
# Needs Linux (/proc), the Rust toolchain and a C compiler (Debian:
# build-essential, for the bundled SQLite). perf (Debian: linux-perf) adds a
# second CPU count if installed. Everything the measurement writes goes in
# one temporary folder that is removed afterwards; cargo builds into target/
# as usual.
set -eu
cd "$(dirname "$0")/.."
cargo build --release --bin kiosk --example peer
# The measuring program (benches/measure.rs) runs the release binary and the
# peer in pseudo-terminals and reads /proc; it is built with the bench profile.
cargo bench --bench measure -- "$@"
if [ -z "${KIOSK_NO_FRAME_BENCH:-}" ]; then
    # One full 200x60 frame, in CPU time (the benchmark thread's schedstat).
    KIOSK_BENCH_CPU=1 cargo bench --bench kiosk -- draw/200x60
fi
