#!/bin/sh
# Measures the running kiosk: CPU, memory, bytes written and frames drawn
# while idle, time to the first full frame (bundled content and 200 slides),
# and 50 window resizes. See docs/performance.md.
#
#   scripts/measure.sh                 # 60-second idle run
#   scripts/measure.sh --seconds 300   # a longer, finer CPU figure
#   scripts/measure.sh --starts 10 --slides 200 --resizes 50 \
#                      --at 2026-11-23T10:30:00-07:00
#
# Needs Linux (/proc), the Rust toolchain and a C compiler (Debian:
# build-essential, for the bundled SQLite). Everything the measurement
# writes goes in one temporary folder that is removed afterwards; cargo
# builds into target/ as usual.
set -eu
cd "$(dirname "$0")/.."
cargo build --release --bin kiosk
# The measuring program (benches/measure.rs) runs the release binary in a
# pseudo-terminal and reads /proc; it is built with the bench profile.
exec cargo bench --bench measure -- "$@"
