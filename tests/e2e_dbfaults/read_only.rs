//! A database that cannot be written: the file or its folder read-only
//! when the kiosk starts, and the file's permissions or its immutable flag
//! changed while the kiosk runs.
//!
//! File modes do not bind root, so when the test runs as root the kiosk
//! runs as the unprivileged user 65534 (`setpriv`, from util-linux) in a
//! folder given to that user. Marking a file immutable (`chattr +i`) needs
//! root and a filesystem that supports it; without them that part is
//! skipped, saying why.

use std::ffi::OsString;
use std::fs::{self, Permissions};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use kiosk::store::{NewCheckin, Store};

use crate::common::{PtyKiosk, framed, kiosk_bin};
use crate::site::{
    AT, Site, check_in_ok, check_in_refused, integrity, is_root, leave_staff, names, open_staff,
    rows_in, wait_for_slides, wait_for_slides_to_turn,
};

const NOBODY: &str = "65534";

fn pair(first: &str, last: &str) -> (String, String) {
    (first.to_string(), last.to_string())
}

fn chmod(path: &Path, mode: u32) {
    fs::set_permissions(path, Permissions::from_mode(mode))
        .unwrap_or_else(|e| panic!("chmod {}: {e}", path.display()));
}

fn side(site: &Site, suffix: &str) -> PathBuf {
    PathBuf::from(format!("{}{suffix}", site.database().display()))
}

/// "Old Timer" checked in at the kiosk's start time, by the test itself;
/// the database is closed again (so it has no `-wal` or `-shm`).
fn seed(site: &Site) {
    let tz = chrono_tz::America::Denver;
    let mut store = Store::open(&site.database(), tz).expect("the database is created");
    let now: DateTime<Utc> = DateTime::parse_from_rfc3339(AT).expect("AT").into();
    let new = NewCheckin {
        language: "en".into(),
        identity: Some(format!(
            "{}\u{1f}{}\u{1f}{}",
            kiosk::store::fold("Old"),
            kiosk::store::fold("Timer"),
            NaiveDate::from_ymd_opt(1950, 1, 2).expect("a date")
        )),
        fields: vec![
            ("first_name".into(), "Old".into()),
            ("last_name".into(), "Timer".into()),
        ],
    };
    store.insert(&new, now, Duration::zero()).expect("seeded");
}

/// How to start the kiosk so that file modes bind it: as it is when the
/// test is not root; as user 65534 when root, after giving that user the
/// site's folder. `Err` says why that cannot be done here.
fn unprivileged(site: &Site) -> Result<(OsString, Vec<OsString>), String> {
    if !is_root() {
        return Ok((kiosk_bin().into(), Vec::new()));
    }
    let owner = format!("{NOBODY}:{NOBODY}");
    let chown = Command::new("chown")
        .args(["-R", &owner])
        .arg(site.root())
        .status();
    if !chown.is_ok_and(|s| s.success()) {
        return Err("chown to user 65534 failed".into());
    }
    let prefix: Vec<OsString> = [
        format!("--reuid={NOBODY}"),
        format!("--regid={NOBODY}"),
        "--clear-groups".into(),
    ]
    .map(OsString::from)
    .into_iter()
    .chain([kiosk_bin().as_os_str().to_owned()])
    .collect();
    let probe = Command::new("setpriv")
        .args(&prefix)
        .arg("--config")
        .arg(site.config())
        .arg("check")
        .output()
        .map_err(|e| format!("cannot run setpriv (util-linux): {e}"))?;
    if !probe.status.success() {
        return Err(format!(
            "user 65534 cannot run {} here: {}",
            kiosk_bin().display(),
            String::from_utf8_lossy(&probe.stderr).trim()
        ));
    }
    Ok(("setpriv".into(), prefix))
}

/// Starts the kiosk unprivileged, or prints why the test is skipped.
fn start_unprivileged(site: &Site, test: &str) -> Option<PtyKiosk> {
    match unprivileged(site) {
        Ok((program, mut args)) => {
            args.extend(site.args(&[]));
            Some(PtyKiosk::spawn_program(program, args, 100, 30))
        }
        Err(why) => {
            eprintln!("SKIPPED {test}: {why}");
            None
        }
    }
}

/// Staff are told from the start, before any patient tried: the note on
/// the patients' screen, `logged` in the log, and `staff` on the staff
/// screen (which shows the first line of each problem), with `queue` in
/// today's queue when given.
fn told_at_start(
    kiosk: &mut PtyKiosk,
    site: &Site,
    logged: &str,
    staff: &str,
    queue: Option<&str>,
) {
    wait_for_slides(kiosk);
    wait_for_slides_to_turn(kiosk);
    kiosk.wait_for_text("staff: 1 problem");
    let log = site.log();
    assert!(log.contains(logged), "{logged:?} not logged:\n{log}");
    open_staff(kiosk);
    kiosk.wait_for_text(staff);
    if let Some(name) = queue {
        // First name and initial until staff press v, then in full.
        let (first, last) = name.split_once(' ').unwrap_or((name, ""));
        let initial: String = last.chars().take(1).collect();
        kiosk.wait_for_text(&format!("{first} {initial}."));
        kiosk.send(b"v");
        kiosk.wait_for_text(name);
    }
    leave_staff(kiosk);
}

#[test]
fn a_read_only_database_file_at_start_sends_patients_to_the_desk_until_put_right() {
    let site = Site::new();
    seed(&site);
    chmod(&site.database(), 0o400);
    let before = fs::read(site.database()).expect("the database reads");
    let Some(mut kiosk) = start_unprivileged(&site, "read_only_database_file_at_start") else {
        return;
    };
    // Today's queue still reads; writing is what fails.
    told_at_start(
        &mut kiosk,
        &site,
        "cannot be written",
        "check-ins cannot be saved",
        Some("Old Timer"),
    );
    check_in_refused(&mut kiosk, "Ben", "Bloggs");
    assert!(
        fs::read(site.database()).expect("reads") == before,
        "not a byte changed"
    );
    let log = site.log();
    assert!(log.contains("sent to the front desk"), "{log}");
    assert!(
        log.matches("could not be purged").count() <= 1,
        "a failing purge is not retried at every poll:\n{log}"
    );
    // Put right while the kiosk runs (SQLite made the -wal and -shm with
    // the file's own permissions): the next patient checks in.
    for file in [site.database(), side(&site, "-wal"), side(&site, "-shm")] {
        if file.exists() {
            chmod(&file, 0o600);
        }
    }
    check_in_ok(&mut kiosk, "Cleo", "Cole");
    let rows = rows_in(&site.database());
    assert_eq!(names(&rows), [pair("Old", "Timer"), pair("Cleo", "Cole")]);
    assert_eq!(rows.iter().map(|r| r.ticket).collect::<Vec<_>>(), [1, 2]);
}

#[test]
fn a_read_only_database_folder_at_start_sends_patients_to_the_desk_until_put_right() {
    let site = Site::new();
    seed(&site);
    assert!(!side(&site, "-wal").exists() && !side(&site, "-shm").exists());
    chmod(&site.data(), 0o500);
    let before = fs::read(site.database()).expect("the database reads");
    let Some(mut kiosk) = start_unprivileged(&site, "read_only_database_folder_at_start") else {
        return;
    };
    told_at_start(
        &mut kiosk,
        &site,
        "cannot be written",
        "the check-in database cannot be used",
        None,
    );
    check_in_refused(&mut kiosk, "Ben", "Bloggs");
    assert!(
        fs::read(site.database()).expect("reads") == before,
        "not a byte changed"
    );
    chmod(&site.data(), 0o700);
    check_in_ok(&mut kiosk, "Cleo", "Cole");
    let rows = rows_in(&site.database());
    assert_eq!(names(&rows), [pair("Old", "Timer"), pair("Cleo", "Cole")]);
}

/// Files marked immutable (`chattr +i`) until dropped, even if the test
/// fails, so the temporary folder can be removed.
struct Immutable(Vec<PathBuf>);

impl Immutable {
    fn set(files: Vec<PathBuf>) -> Result<Self, String> {
        let guard = Self(files);
        let out = Command::new("chattr")
            .arg("+i")
            .args(&guard.0)
            .output()
            .map_err(|e| format!("cannot run chattr: {e}"))?;
        if out.status.success() {
            Ok(guard)
        } else {
            Err(String::from_utf8_lossy(&out.stderr).trim().to_string())
        }
    }
}

impl Drop for Immutable {
    fn drop(&mut self) {
        let _ = Command::new("chattr").arg("-i").args(&self.0).status();
    }
}

#[test]
fn a_database_made_read_only_while_running() {
    let site = Site::new();
    let Some(mut kiosk) = start_unprivileged(&site, "a_database_made_read_only_while_running")
    else {
        return;
    };
    wait_for_slides(&kiosk);
    check_in_ok(&mut kiosk, "Ana", "Able");
    let files = vec![site.database(), side(&site, "-wal"), side(&site, "-shm")];
    // Not the -shm: SQLite writes it through shared memory, and a write to
    // an immutable file's memory kills the process (SIGBUS).
    let immutable = files[..2].to_vec();

    // New permissions do not reach a file the kiosk already has open: it
    // keeps saving check-ins (and would find the file read-only only at
    // its next start, which the tests above cover).
    for file in &files {
        chmod(file, 0o400);
    }
    check_in_ok(&mut kiosk, "Ben", "Bloggs");
    for file in &files {
        chmod(file, 0o600);
    }

    // An immutable file refuses every write, even through open files.
    if !is_root() {
        eprintln!(
            "SKIPPED the immutable part of a_database_made_read_only_while_running: chattr +i needs root"
        );
        return;
    }
    let guard = match Immutable::set(immutable) {
        Ok(guard) => guard,
        Err(why) => {
            eprintln!(
                "SKIPPED the immutable part of a_database_made_read_only_while_running: {why}"
            );
            return;
        }
    };
    check_in_refused(&mut kiosk, "Cleo", "Cole");
    kiosk.wait_for_text("staff: 1 problem");
    let log = site.log();
    assert!(log.contains("could not be read or written"), "{log}");
    assert!(!log.contains("Cole"), "no patient name is logged:\n{log}");
    open_staff(&mut kiosk);
    // Names show as first name and initial until staff press v.
    kiosk.wait_for_all(&["a check-in could not be saved", "Ana A.", "Ben B."]);
    kiosk.send(b"v");
    kiosk.wait_for_all(&["Ana Able", "Ben Bloggs"]);
    assert!(
        !kiosk.screen_text().contains("Cole"),
        "{}",
        framed(&kiosk.screen_text())
    );
    leave_staff(&mut kiosk);
    drop(guard);
    check_in_ok(&mut kiosk, "Dan", "Dale");
    let rows = rows_in(&site.database());
    let expected = [
        pair("Ana", "Able"),
        pair("Ben", "Bloggs"),
        pair("Dan", "Dale"),
    ];
    assert_eq!(names(&rows), expected);
    assert_eq!(rows.iter().map(|r| r.ticket).collect::<Vec<_>>(), [1, 2, 3]);
    assert_eq!(integrity(&site.database()), "ok");
}
