#!/bin/sh
# Two simulated days of the running kiosk: the release binary in a
# pseudo-terminal with its clock started on a Monday at midnight and run
# 120 times faster than real time (48 hours in 24 real minutes). Every few
# seconds it samples memory, open files and the status badge, and checks
# the badge against the opening hours. See docs/robustness.md.
#
#   scripts/soak.sh                         # 48 simulated hours at speed 120
#   scripts/soak.sh --hours 6 --speed 240   # a shorter run
#   scripts/soak.sh --every 2 --at 2026-12-21T00:00:00-07:00
#
# Needs Linux (/proc), the Rust toolchain and a C compiler (Debian:
# build-essential, for the bundled SQLite). The kiosk's files go in one
# temporary folder that is removed afterwards. Exits 1 if the kiosk stopped
# or the badge was ever wrong.
set -eu
cd "$(dirname "$0")/.."
cargo build --release --bin kiosk
# The soak program (benches/soak.rs) is built with the bench profile.
exec cargo bench --bench soak -- "$@"
