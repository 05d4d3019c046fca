#!/usr/bin/env bash
# Builds the Debian package (kiosk_VERSION_ARCH.deb) and checks it:
#   1. its file list, modes and owners (dpkg-deb --contents);
#   2. lintian: no errors, and no warning that docs/deploy.md does not
#      explain ("Lintian's remarks");
#   3. an install, upgrade, remove and purge in a throwaway copy of this
#      machine: an overlay of / in a private mount namespace, entered with
#      chroot, so the real system is never touched. There it checks the
#      installed paths, owners and modes, the kiosk user, the conffiles,
#      `kiosk check` on the installed settings as the kiosk user, and
#      `systemd-analyze verify` on the installed units.
# Needs: cargo-deb (cargo install cargo-deb --locked), dpkg-dev, lintian;
# step 3 needs root (or the right to mount). It stops by itself and
# removes everything it made except the package, which it leaves in
# target/debian/. Exit code 0 when every check passes.
set -euo pipefail
cd "$(dirname "$0")/.."

export CARGO_TERM_COLOR=never
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() {
    echo "package.sh: FAILED: $*" >&2
    exit 1
}
for tool in cargo-deb dpkg-deb lintian; do
    command -v "$tool" >/dev/null 2>&1 || fail "$tool is not installed"
done

echo "== cargo deb"
deb=$(cargo deb --locked)
[ -f "$deb" ] || fail "cargo deb did not print the package's path"
echo "$deb"
case $(basename "$deb") in
    kiosk_*_*.deb) ;;
    *) fail "unexpected package name $(basename "$deb")" ;;
esac

echo "== dpkg-deb --contents"
{
    echo "-rwxr-xr-x ./usr/bin/kiosk"
    echo "-rw-r--r-- ./etc/kiosk/kiosk.toml"
    for f in content/*; do echo "-rw-r--r-- ./etc/kiosk/content/${f#content/}"; done
    echo "-rw-r--r-- ./usr/lib/systemd/system/kiosk.service"
    echo "-rw-r--r-- ./usr/lib/systemd/system/kiosk-watchdog.service"
    echo "-rw-r--r-- ./usr/lib/systemd/system/kiosk-watchdog.timer"
    echo "-rwxr-xr-x ./usr/libexec/kiosk/kiosk-watchdog.sh"
    echo "-rw-r--r-- ./usr/share/kiosk/no-scroll-lock.map"
    echo "-rw-r--r-- ./usr/share/kiosk/kiosk-console.psf.gz"
    echo "-rw-r--r-- ./usr/share/doc/kiosk/kiosk-console.LICENSE"
    echo "-rw-r--r-- ./usr/share/man/man1/kiosk.1.gz"
    echo "-rw-r--r-- ./usr/share/doc/kiosk/README.md"
    for f in docs/*.md; do echo "-rw-r--r-- ./usr/share/doc/kiosk/${f#docs/}"; done
    echo "-rw-r--r-- ./usr/share/doc/kiosk/copyright"
    echo "-rw-r--r-- ./usr/share/doc/kiosk/changelog.Debian.gz"
} | sort >"$work/expected"
dpkg-deb --contents "$deb" >"$work/contents"
awk '$1 !~ /^d/ { print $1, $6 }' "$work/contents" | sort >"$work/actual"
diff -u "$work/expected" "$work/actual" || fail "the package's files differ from the list above"
awk '$2 != "0/0" { print; bad = 1 } END { exit bad }' "$work/contents" ||
    fail "files not owned by root in the package"
echo "$(wc -l <"$work/actual") files, modes and owners as expected"

echo "== lintian"
lintian --fail-on error "$deb" | tee "$work/lintian" || fail "lintian found errors"
while read -r _ _ tag _; do
    grep -q -- "\`$tag\`" docs/deploy.md ||
        fail "lintian's $tag is not explained in docs/deploy.md"
done < <(grep -E '^[EW]: ' "$work/lintian" || true)
echo "lintian: no errors; every warning is explained in docs/deploy.md"

echo "== install, upgrade, remove, purge in a throwaway root"
cp "$deb" "$work/kiosk.deb"
cat >"$work/inside.sh" <<'INSIDE'
set -eu
fail() { echo "package.sh: FAILED in the throwaway root: $*" >&2; exit 1; }
mode() { [ "$(stat -c '%a %U:%G' "$1")" = "$2" ] || fail "$1 is $(stat -c '%a %U:%G' "$1"), not $2"; }

dpkg -i /tmp/kiosk.deb >/tmp/dpkg.log 2>&1 || { cat /tmp/dpkg.log; fail "dpkg -i"; }
mode /usr/bin/kiosk "755 root:root"
mode /etc/kiosk "755 root:root"
mode /etc/kiosk/kiosk.toml "640 root:kiosk"
mode /etc/kiosk/content "755 root:root"
mode /etc/kiosk/content/000-welcome.md "644 root:root"
mode /var/lib/kiosk "700 kiosk:kiosk"
mode /usr/libexec/kiosk/kiosk-watchdog.sh "755 root:root"
mode /usr/share/doc/kiosk/deploy.md "644 root:root"
mode /usr/share/kiosk/kiosk-console.psf.gz "644 root:root"
# The console font the unit loads is a gzip-compressed PSF2 font (what it
# holds is checked by tests/console_font.rs).
[ "$(gzip -dc /usr/share/kiosk/kiosk-console.psf.gz | head -c 4 | od -An -tx1 | tr -d ' ')" = 72b54a86 ] ||
    fail "/usr/share/kiosk/kiosk-console.psf.gz is not a PSF2 font"
getent passwd kiosk | grep -q ':/var/lib/kiosk:/usr/sbin/nologin$' || fail "kiosk user: $(getent passwd kiosk)"
[ "$(id -u kiosk)" -lt 1000 ] || fail "kiosk is not a system user"
id -nG kiosk | tr ' ' '\n' | grep -qx tty || fail "kiosk is not in group tty"
for f in /etc/kiosk/kiosk.toml /etc/kiosk/content/000-welcome.md; do
    dpkg-query -W -f='${Conffiles}\n' kiosk | grep -q " $f " || fail "$f is not a conffile"
done
# Installed off; the watchdog's timer on.
[ ! -e /etc/systemd/system/multi-user.target.wants/kiosk.service ] || fail "kiosk.service enabled by the package"
[ -L /etc/systemd/system/timers.target.wants/kiosk-watchdog.timer ] || fail "kiosk-watchdog.timer not enabled"
# The installed settings are valid, read as the kiosk user reads them.
runuser -u kiosk -- /usr/bin/kiosk check --config /etc/kiosk/kiosk.toml >/tmp/check.log 2>&1 ||
    { cat /tmp/check.log; fail "kiosk check on /etc/kiosk/kiosk.toml"; }
echo "installed: paths, owners, modes, user, conffiles and kiosk check as expected"

if command -v systemd-analyze >/dev/null 2>&1; then
    out=$(systemd-analyze verify /usr/lib/systemd/system/kiosk.service \
        /usr/lib/systemd/system/kiosk-watchdog.service \
        /usr/lib/systemd/system/kiosk-watchdog.timer 2>&1) || { echo "$out"; fail "systemd-analyze verify"; }
    ours=$(printf '%s\n' "$out" | grep -E 'kiosk(-watchdog)?\.(service|timer)' || true)
    [ -z "$ours" ] || { echo "$ours"; fail "systemd-analyze verify complains about the units"; }
    echo "systemd-analyze verify: the installed units are accepted"
else
    echo "systemd-analyze is not installed: units not verified"
fi

# An upgrade (the same package again) keeps the clinic's edits.
echo "# edited by the clinic" >>/etc/kiosk/kiosk.toml
echo "a check-in" >/var/lib/kiosk/checkins.db
dpkg -i --force-confold /tmp/kiosk.deb >/tmp/dpkg.log 2>&1 || { cat /tmp/dpkg.log; fail "dpkg -i again"; }
tail -n 1 /etc/kiosk/kiosk.toml | grep -qx "# edited by the clinic" || fail "the upgrade lost an edit to kiosk.toml"
mode /etc/kiosk/kiosk.toml "640 root:kiosk"
[ -f /var/lib/kiosk/checkins.db ] || fail "the upgrade lost the data"
echo "upgrade: edits to kiosk.toml and the data kept"

dpkg -r kiosk >/tmp/dpkg.log 2>&1 || { cat /tmp/dpkg.log; fail "dpkg -r"; }
[ ! -e /usr/bin/kiosk ] || fail "dpkg -r left /usr/bin/kiosk"
[ -f /var/lib/kiosk/checkins.db ] || fail "dpkg -r deleted the data"
[ -f /etc/kiosk/kiosk.toml ] || fail "dpkg -r deleted the settings"
grep -q "kept in /var/lib/kiosk" /tmp/dpkg.log || fail "dpkg -r did not say the data is kept"
echo "remove: program gone, settings and data kept"

dpkg -P kiosk >/tmp/dpkg.log 2>&1 || { cat /tmp/dpkg.log; fail "dpkg -P"; }
grep -q "deleting /var/lib/kiosk" /tmp/dpkg.log || fail "purge did not say it deletes /var/lib/kiosk"
[ ! -e /var/lib/kiosk ] || fail "purge left /var/lib/kiosk"
[ ! -e /etc/kiosk ] || fail "purge left /etc/kiosk: $(find /etc/kiosk)"
! dpkg-statoverride --list /etc/kiosk/kiosk.toml >/dev/null || fail "purge left the statoverride"
echo "purge: said so, then deleted /var/lib/kiosk and /etc/kiosk"
INSIDE

# The throwaway root: / seen through an overlay whose changes go to a
# tmpfs, in a mount namespace of its own; all of it vanishes with the
# namespace when this step ends.
if unshare -m true 2>/dev/null; then
    unshare -m bash -s "$work" <<'OUTSIDE'
set -eu
work=$1
mkdir -p "$work/ov"
mount -t tmpfs tmpfs "$work/ov"
mkdir "$work/ov/upper" "$work/ov/work" "$work/ov/root"
mount -t overlay overlay -o "lowerdir=/,upperdir=$work/ov/upper,workdir=$work/ov/work" "$work/ov/root"
root=$work/ov/root
mount --rbind /dev "$root/dev"
mount -t proc proc "$root/proc"
mount -t tmpfs tmpfs "$root/tmp"
mount -t tmpfs tmpfs "$root/run"
cp "$work/kiosk.deb" "$work/inside.sh" "$root/tmp/"
chroot "$root" sh /tmp/inside.sh
OUTSIDE
else
    echo "no mount namespace here (not root?): unpacking only"
    dpkg-deb -x "$deb" "$work/root"
    [ "$(stat -c %a "$work/root/usr/bin/kiosk")" = 755 ] || fail "usr/bin/kiosk mode"
    echo "unpacked; the install test needs root"
fi

echo "== package.sh: all checks passed: $deb"
