#!/usr/bin/env bash
# Builds the kiosk for a Raspberry Pi (Raspberry Pi OS 64-bit, Debian's
# arm64) on an ordinary x86-64 PC, packages it as kiosk_VERSION_arm64.deb,
# and tries the arm64 program under qemu-aarch64 (an emulator that runs one
# arm64 program on this PC): `kiosk check`, `kiosk status --json` and
# `kiosk preview` on the bundled settings and slides.
#
# Needs, once (Debian or Ubuntu, as root):
#   apt-get install gcc-aarch64-linux-gnu libc6-dev-arm64-cross qemu-user
#   rustup target add aarch64-unknown-linux-gnu
#   cargo install cargo-deb --locked
# With --install it runs the apt-get and rustup lines itself.
#
# The package lands in target/debian/ (under $CARGO_TARGET_DIR when that
# is set), beside the PC's, told apart by its name: kiosk_*_arm64.deb. Copy it
# to the Pi and install it the same way as on a PC (docs/deploy.md).
# docs/deploy.md, "Raspberry Pi", has the figures of a run.
set -euo pipefail
cd "$(dirname "$0")/.."

triple=aarch64-unknown-linux-gnu
export CARGO_TERM_COLOR=never
fail() {
    echo "cross-pi.sh: FAILED: $*" >&2
    exit 1
}

if [ "${1:-}" = "--install" ]; then
    apt-get update -qq
    apt-get install -y -qq gcc-aarch64-linux-gnu libc6-dev-arm64-cross qemu-user >/dev/null
    rustup target add "$triple"
fi

command -v aarch64-linux-gnu-gcc >/dev/null || fail "no cross compiler: apt-get install gcc-aarch64-linux-gnu (or run with --install)"
command -v qemu-aarch64 >/dev/null || fail "no qemu-aarch64: apt-get install qemu-user (or run with --install)"
rustup target list --installed | grep -qx "$triple" || fail "no Rust library for $triple: rustup target add $triple (or run with --install)"
command -v file >/dev/null || fail "no file(1): apt-get install file"
command -v cargo-deb >/dev/null || fail "cargo-deb is not installed: cargo install cargo-deb --locked"

# The linker and the C compiler (SQLite is built from its C source) for
# the Pi: Debian's cross compiler.
export CARGO_TARGET_AARCH64_UNKNOWN_LINUX_GNU_LINKER=aarch64-linux-gnu-gcc
export CC_aarch64_unknown_linux_gnu=aarch64-linux-gnu-gcc
export AR_aarch64_unknown_linux_gnu=aarch64-linux-gnu-ar

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== cargo build --release --target $triple"
start=$(date +%s)
cargo build --release --locked --target "$triple"
echo "built in $(($(date +%s) - start)) s"
bin="${CARGO_TARGET_DIR:-target}/$triple/release/kiosk"
case $bin in /*) ;; *) bin="$PWD/$bin" ;; esac
file "$bin" | grep -q 'ARM aarch64' || fail "$bin is not an arm64 program: $(file -b "$bin")"
echo "$bin: $(stat -c %s "$bin") bytes"

echo "== cargo deb --target $triple"
deb=$(cargo deb --locked --no-build --target "$triple")
[ -f "$deb" ] || fail "cargo deb did not print the package's path"
case $(basename "$deb") in
    kiosk_*_arm64.deb) ;;
    *) fail "unexpected package name $(basename "$deb")" ;;
esac
dpkg-deb --field "$deb" Package Version Architecture Depends
echo "$deb: $(stat -c %s "$deb") bytes"
# cargo deb strips the program's symbols, so it is not byte for byte the
# one built: check that it is an arm64 program.
dpkg-deb --fsys-tarfile "$deb" | tar -xO ./usr/bin/kiosk >"$work/packaged"
file "$work/packaged" | grep -q 'ARM aarch64' ||
    fail "the package's /usr/bin/kiosk is not an arm64 program: $(file -b "$work/packaged")"
echo "/usr/bin/kiosk in the package: $(stat -c %s "$work/packaged") bytes, $(file -b "$work/packaged" | cut -d, -f1-2)"

if command -v lintian >/dev/null; then
    echo "== lintian"
    lintian --fail-on error "$deb" || fail "lintian found errors in $deb"
fi

echo "== the arm64 program under qemu-aarch64"
run() {
    qemu-aarch64 -L /usr/aarch64-linux-gnu "$bin" "$@"
}
cp -r kiosk.toml content "$work/"
(
    cd "$work"
    run --version
    run check
    run status --json --at 2026-12-07T10:00:00-07:00 >status.json
    grep -q '"open": *true' status.json || fail "status --json did not say open at 10:00 on a Monday: $(cat status.json)"
    cat status.json
    run preview --width 80 --height 24 content/070-low-back-pain.md >preview.txt
    head -12 preview.txt
)
echo "cross-pi.sh: the arm64 package is built and its program runs under qemu-aarch64"
