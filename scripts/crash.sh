#!/bin/sh
# Kills the kiosk with SIGKILL during scripted check-ins and checks the
# database after every kill. See docs/robustness.md.
#
#   scripts/crash.sh                              # 1,000 check-ins, 60 kills
#   scripts/crash.sh --checkins 200 --kills 20    # a shorter run
#   scripts/crash.sh --seed 7                     # other kill moments
#
# Needs Linux, the Rust toolchain, a C compiler (Debian: build-essential, for
# the bundled SQLite) and kill(1) (procps). Everything the run writes goes in
# a temporary folder that is removed afterwards; cargo builds into target/.
set -eu
cd "$(dirname "$0")/.."
cargo build --release --bin kiosk
# The driver (benches/crash.rs) runs the release binary in a
# pseudo-terminal; it is built with the bench profile.
exec cargo bench --bench crash -- "$@"
