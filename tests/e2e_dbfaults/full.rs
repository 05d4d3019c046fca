//! A disk that fills up while the kiosk runs.
//!
//! - Everywhere: the kiosk's file-size limit (`RLIMIT_FSIZE`) is lowered
//!   with `prlimit` to the size its `-wal` file has reached, so the next
//!   write to it fails (`EFBIG`) as on a full disk. SIGXFSZ, which would
//!   kill it, is ignored by the shell that starts it.
//! - Where the test may mount a filesystem (as root, or in an unprivileged
//!   user namespace): `data/` is a 1 MiB tmpfs in a mount namespace of the
//!   kiosk's own, filled by the test, so the write fails with `ENOSPC`.

use std::ffi::OsString;
use std::fs;
use std::io::{ErrorKind, Write};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::{DEADLINE, PtyKiosk, framed, kiosk_bin};
use crate::site::{
    Site, check_in_ok, check_in_refused, integrity, leave_staff, names, open_staff, rows_in,
    wait_for_slides, wait_for_slides_to_turn,
};

fn pair(first: &str, last: &str) -> (String, String) {
    (first.to_string(), last.to_string())
}

/// Sets the soft file-size limit of process `pid` (`unlimited` or bytes).
fn set_file_size_limit(pid: u32, limit: &str) {
    let out = Command::new("prlimit")
        .arg("--pid")
        .arg(pid.to_string())
        .arg(format!("--fsize={limit}:"))
        .output()
        .unwrap_or_else(|e| panic!("cannot run prlimit (util-linux): {e}"));
    assert!(
        out.status.success(),
        "prlimit failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The soft file-size limit of `pid` as /proc shows it.
fn file_size_limit(pid: u32) -> String {
    let limits = fs::read_to_string(format!("/proc/{pid}/limits")).expect("/proc limits");
    let line = limits
        .lines()
        .find(|l| l.starts_with("Max file size"))
        .expect("a file size line");
    line.split_whitespace()
        .nth(3)
        .unwrap_or_default()
        .to_string()
}

/// After the failed check-in: the patient screen's note for staff, the
/// log, and the staff screen, which lists the problem and the one patient
/// stored, never the one refused.
fn staff_are_told(kiosk: &mut PtyKiosk, site: &Site, words: &str) {
    kiosk.wait_for_text("staff: 1 problem");
    let log = site.log();
    for expected in [
        "a check-in could not be saved",
        words,
        "sent to the front desk",
    ] {
        assert!(log.contains(expected), "{expected:?} not logged:\n{log}");
    }
    assert!(!log.contains("Bloggs"), "no patient name is logged:\n{log}");
    open_staff(kiosk);
    // Names show as first name and initial until staff press v.
    kiosk.wait_for_all(&["a check-in could not be saved", "Ana A."]);
    kiosk.send(b"v");
    kiosk.wait_for_text("Ana Able");
    let screen = kiosk.screen_text();
    assert!(!screen.contains("Bloggs"), "{}", framed(&screen));
    leave_staff(kiosk);
}

#[test]
fn a_file_size_limit_reached_while_running_sends_the_patient_to_the_desk() {
    let site = Site::new();
    let mut args: Vec<OsString> = vec![
        "-c".into(),
        "trap '' XFSZ; exec \"$0\" \"$@\"".into(),
        kiosk_bin().into(),
    ];
    args.extend(site.args(&[]));
    let mut kiosk = PtyKiosk::spawn_program("sh", args, 100, 30);
    wait_for_slides(&kiosk);
    // The purge the kiosk runs soon after starting empties the -wal; let it
    // pass first (Ana's confirmation now stays at least 2 seconds, long
    // enough for it to land after her check-in).
    let start = std::time::Instant::now();
    while !site.log().contains("purged ") {
        assert!(
            start.elapsed() < DEADLINE,
            "no purge at start:\n{}",
            site.log()
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    check_in_ok(&mut kiosk, "Ana", "Able");

    // The -wal has just grown by Ana's check-in; it may grow no further.
    // The log is far smaller, so it can still be written.
    let wal = PathBuf::from(format!("{}-wal", site.database().display()));
    let limit = fs::metadata(&wal).expect("the -wal exists").len();
    assert!((site.log().len() as u64) < limit, "the log stays writable");
    set_file_size_limit(kiosk.pid(), &limit.to_string());
    assert_eq!(file_size_limit(kiosk.pid()), limit.to_string());

    check_in_refused(&mut kiosk, "Ben", "Bloggs");
    staff_are_told(&mut kiosk, &site, "could not be read or written");
    wait_for_slides_to_turn(&kiosk);
    assert_eq!(names(&rows_in(&site.database())), [pair("Ana", "Able")]);

    // Room again: the next patient checks in without a restart.
    set_file_size_limit(kiosk.pid(), "unlimited");
    check_in_ok(&mut kiosk, "Cleo", "Cole");
    let rows = rows_in(&site.database());
    assert_eq!(names(&rows), [pair("Ana", "Able"), pair("Cleo", "Cole")]);
    assert_eq!(rows.iter().map(|r| r.ticket).collect::<Vec<_>>(), [1, 2]);
    assert_eq!(integrity(&site.database()), "ok");
}

/// Mounts a 1 MiB tmpfs on `$0` in a new mount namespace, then runs the
/// command: the prefix for `PtyKiosk::spawn_program("unshare", ...)`.
fn tmpfs_wrapper(data: &Path, root: bool) -> Vec<OsString> {
    let mut args: Vec<OsString> = Vec::new();
    if !root {
        args.extend(["--user".into(), "--map-root-user".into()]);
    }
    args.extend([
        "--mount".into(),
        "--propagation".into(),
        "private".into(),
        "sh".into(),
        "-c".into(),
        "mount -t tmpfs -o size=1m,mode=0700 kiosk-test \"$0\" && exec \"$@\"".into(),
        data.into(),
    ]);
    args
}

/// Writes to `path` until the disk is full.
fn fill(path: &Path) {
    let mut file = fs::File::create(path).expect("the filler starts");
    let chunk = vec![0x5a_u8; 16 * 1024];
    loop {
        match file.write_all(&chunk).and_then(|()| file.sync_all()) {
            Ok(()) => {}
            Err(e) if e.kind() == ErrorKind::StorageFull => return,
            Err(e) => panic!("filling {} failed with {e}, not ENOSPC", path.display()),
        }
    }
}

/// Copies the database and its `-wal` out of the kiosk's mount namespace,
/// to read them here (SQLite would resolve `/proc/PID/root` to `/`).
fn copy_out(inside: &Path, to: &Path) -> PathBuf {
    let db = to.join("copy.db");
    fs::copy(inside.join("checkins.demo.db"), &db).expect("database copied");
    fs::copy(inside.join("checkins.demo.db-wal"), to.join("copy.db-wal")).expect("-wal copied");
    db
}

#[test]
fn a_disk_that_fills_up_while_running_sends_the_patient_to_the_desk() {
    let site = Site::new();
    fs::create_dir(site.data()).expect("data folder");
    fs::set_permissions(site.data(), fs::Permissions::from_mode(0o700)).expect("0700");
    let wrapper = tmpfs_wrapper(&site.data(), crate::site::is_root());
    let probe = Command::new("unshare").args(&wrapper).arg("true").output();
    match probe {
        Ok(out) if out.status.success() => {}
        Ok(out) => {
            let why = String::from_utf8_lossy(&out.stderr);
            eprintln!(
                "SKIPPED a_disk_that_fills_up_while_running: cannot mount a tmpfs here ({}); \
                 the file-size-limit test covers a full disk",
                why.trim()
            );
            return;
        }
        Err(e) => {
            eprintln!("SKIPPED a_disk_that_fills_up_while_running: no unshare ({e})");
            return;
        }
    }
    let mut args = wrapper;
    args.push(kiosk_bin().into());
    args.extend(site.args(&[]));
    let mut kiosk = PtyKiosk::spawn_program("unshare", args, 100, 30);
    wait_for_slides(&kiosk);
    check_in_ok(&mut kiosk, "Ana", "Able");

    let relative = site
        .data()
        .strip_prefix("/")
        .expect("absolute")
        .to_path_buf();
    let inside = Path::new(&format!("/proc/{}/root", kiosk.pid())).join(relative);
    fill(&inside.join("filler"));
    check_in_refused(&mut kiosk, "Ben", "Bloggs");
    staff_are_told(&mut kiosk, &site, "is full");
    wait_for_slides_to_turn(&kiosk);
    let scratch = tempfile::tempdir().expect("scratch folder");
    let copy = copy_out(&inside, scratch.path());
    assert_eq!(names(&rows_in(&copy)), [pair("Ana", "Able")]);

    fs::remove_file(inside.join("filler")).expect("filler removed");
    check_in_ok(&mut kiosk, "Cleo", "Cole");
    let copy = copy_out(&inside, scratch.path());
    let rows = rows_in(&copy);
    assert_eq!(names(&rows), [pair("Ana", "Able"), pair("Cleo", "Cole")]);
    assert_eq!(rows.iter().map(|r| r.ticket).collect::<Vec<_>>(), [1, 2]);
    assert_eq!(integrity(&copy), "ok");
}
