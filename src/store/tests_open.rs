//! Opening the database: settings, permissions, migrations, and files that
//! are damaged, too new or read-only.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

use std::fs::{self, Permissions};
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use chrono::Duration;
use rusqlite::{Connection, OpenFlags};

use super::tests::{DENVER, TestResult, at, checkin, date, temp_store};
use super::*;

fn mode(path: &Path) -> u32 {
    fs::metadata(path).map_or(0, |m| m.permissions().mode() & 0o7777)
}

fn pragma(store: &Store, name: &str) -> String {
    store
        .conn
        .pragma_query_value(None, name, |r| r.get::<_, rusqlite::types::Value>(0))
        .map(|v| format!("{v:?}"))
        .unwrap_or_default()
}

#[test]
fn the_connection_is_durable_and_strict() {
    let (_dir, _path, store) = temp_store();
    assert_eq!(pragma(&store, "journal_mode"), "Text(\"wal\")");
    assert_eq!(pragma(&store, "synchronous"), "Integer(2)", "FULL");
    assert_eq!(pragma(&store, "foreign_keys"), "Integer(1)");
    assert_eq!(pragma(&store, "secure_delete"), "Integer(1)");
    assert_eq!(pragma(&store, "auto_vacuum"), "Integer(2)", "INCREMENTAL");
    assert_eq!(pragma(&store, "busy_timeout"), "Integer(5000)");
    assert_eq!(
        pragma(&store, "user_version"),
        format!("Integer({SCHEMA_VERSION})")
    );
}

#[test]
fn folder_file_and_side_files_are_private() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("data/clinic/checkins.db");
    let mut store = Store::open(&path, DENVER)?;
    store.insert(
        &checkin("A", "B", "1970-01-01"),
        at("2026-11-23T09:00:00Z"),
        Duration::zero(),
    )?;
    assert_eq!(mode(&dir.path().join("data")), 0o700);
    assert_eq!(mode(&dir.path().join("data/clinic")), 0o700);
    assert_eq!(mode(&path), 0o600);
    for suffix in ["-wal", "-shm"] {
        let side = files::with_suffix(&path, suffix);
        assert!(side.exists(), "{suffix} exists while open");
        assert_eq!(mode(&side), 0o600, "{suffix}");
    }
    drop(store);
    fs::set_permissions(&path, Permissions::from_mode(0o666))?;
    let _again = Store::open(&path, DENVER)?;
    assert_eq!(mode(&path), 0o600, "an existing file is tightened");
    for suffix in ["-wal", "-shm"] {
        assert_eq!(mode(&files::with_suffix(&path, suffix)), 0o600, "{suffix}");
    }
    Ok(())
}

/// Migration 1 exactly as it shipped, typed out again so that a change to
/// `schema.rs` cannot silently change this test's starting point.
const SHIPPED_V1: &str = "
CREATE TABLE checkin (
    id INTEGER PRIMARY KEY,
    ticket INTEGER NOT NULL CHECK (ticket >= 1),
    checked_in_at_ms INTEGER NOT NULL,
    local_date TEXT NOT NULL CHECK (length(local_date) = 10),
    status TEXT NOT NULL CHECK (status IN ('waiting', 'called', 'seen', 'no_show')),
    status_changed_at_ms INTEGER NOT NULL,
    identity TEXT NOT NULL,
    UNIQUE (local_date, ticket)
) STRICT;
CREATE INDEX checkin_by_identity ON checkin (identity, local_date, checked_in_at_ms);
CREATE TABLE checkin_field (
    checkin_id INTEGER NOT NULL REFERENCES checkin (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (checkin_id, position),
    UNIQUE (checkin_id, key)
) STRICT;
INSERT INTO checkin VALUES (7, 3, 1795000000000, '2026-11-18', 'seen', 1795000060000, 'zoe\x1fli\x1f2001-01-01');
INSERT INTO checkin_field VALUES (7, 0, 'first_name', 'Zoë'), (7, 1, 'last_name', 'Li');
PRAGMA user_version = 1;
";

#[test]
fn a_version_1_database_made_by_hand_is_migrated_and_kept() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("checkins.db");
    {
        let conn = Connection::open(&path)?;
        conn.execute_batch(&SHIPPED_V1.replace("\\x1f", "\u{1f}"))?;
    }
    let mut store = Store::open(&path, DENVER)?;
    assert_eq!(
        pragma(&store, "user_version"),
        format!("Integer({SCHEMA_VERSION})")
    );
    assert_eq!(pragma(&store, "journal_mode"), "Text(\"wal\")");
    let old = store.list(date("2026-11-18"))?;
    assert_eq!(old.len(), 1);
    assert_eq!((old[0].ticket, old[0].status), (3, Status::Seen));
    assert_eq!(old[0].field("first_name"), Some("Zoë"));
    assert_eq!(old[0].checked_in_at, at("2026-11-18T11:06:40Z"));
    let next = store.insert(
        &checkin("ZOE", "LI", "2001-01-01"),
        at("2026-11-18T11:10:00Z"),
        Duration::hours(1),
    )?;
    assert_eq!(
        next,
        Inserted::Duplicate {
            ticket: 3,
            id: CheckinId(7)
        }
    );
    Ok(())
}

#[test]
fn a_database_from_a_newer_kiosk_is_refused_and_left_alone() -> TestResult {
    let (dir, path, store) = temp_store();
    store
        .conn
        .pragma_update(None, "user_version", SCHEMA_VERSION + 1)?;
    drop(store);
    let before = fs::read(&path)?;
    let err = Store::open(&path, DENVER).expect_err("newer schema refused");
    match &err {
        StoreError::NewerSchema {
            found, supported, ..
        } => {
            assert_eq!((*found, *supported), (SCHEMA_VERSION + 1, SCHEMA_VERSION));
        }
        other => panic!("expected NewerSchema, got {other:?}"),
    }
    assert!(
        err.to_string().contains("newer version of the kiosk"),
        "{err}"
    );
    let kept = Store::open_or_quarantine(&path, DENVER).expect_err("not quarantined either");
    assert!(matches!(kept, StoreError::NewerSchema { .. }));
    assert!(fs::read(&path)? == before, "not a byte of the file changed");
    for entry in fs::read_dir(dir.path())? {
        let name = entry?.file_name().to_string_lossy().into_owned();
        assert!(!name.contains("corrupt"), "nothing moved aside: {name}");
    }
    Ok(())
}

#[test]
fn garbage_is_quarantined_with_its_bytes_and_a_fresh_database_works() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("checkins.db");
    let garbage: Vec<u8> = (0..5000_u32).map(|i| (i * 7 % 251) as u8).collect();
    fs::write(&path, &garbage)?;
    fs::write(files::with_suffix(&path, "-wal"), b"old wal")?;
    let err = Store::open(&path, DENVER).expect_err("garbage is not a database");
    assert!(err.is_corrupt(), "{err:?}");
    let opened = Store::open_or_quarantine(&path, DENVER)?;
    let q = opened.quarantined.expect("the file was moved aside");
    assert!(q.reason.is_corrupt());
    let name = q
        .moved_to
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    assert!(name.starts_with("checkins.db.corrupt-"), "{name}");
    assert_eq!(fs::read(&q.moved_to)?, garbage);
    assert_eq!(
        fs::read(files::with_suffix(&q.moved_to, "-wal"))?,
        b"old wal"
    );
    let mut store = opened.store;
    let got = store.insert(
        &checkin("A", "B", "1970-01-01"),
        at("2026-11-23T16:00:00Z"),
        Duration::zero(),
    )?;
    assert_eq!(got.ticket(), 1);
    assert_eq!(store.list(date("2026-11-23"))?.len(), 1);
    assert_eq!(mode(&path), 0o600);
    Ok(())
}

#[test]
fn a_damaged_page_is_caught_at_open() -> TestResult {
    let (_dir, path, mut store) = temp_store();
    for i in 0..200 {
        let new = checkin(&format!("Name{i}"), "Surname", "1970-01-01");
        store.insert(&new, at("2026-11-23T16:00:00Z"), Duration::zero())?;
    }
    drop(store);
    let mut bytes = fs::read(&path)?;
    assert!(bytes.len() > 4 * 4096, "several pages");
    bytes[4096..3 * 4096].fill(0xA5);
    fs::write(&path, &bytes)?;
    let err = Store::open(&path, DENVER).expect_err("damage found");
    assert!(err.is_corrupt(), "{err:?}");
    let opened = Store::open_or_quarantine(&path, DENVER)?;
    assert!(opened.quarantined.is_some());
    assert!(opened.store.list(date("2026-11-23"))?.is_empty());
    Ok(())
}

#[test]
fn a_read_only_database_says_so_without_panicking() -> TestResult {
    let (_dir, path, mut store) = temp_store();
    store.insert(
        &checkin("A", "B", "1970-01-01"),
        at("2026-11-23T16:00:00Z"),
        Duration::zero(),
    )?;
    drop(store);
    fs::set_permissions(&path, Permissions::from_mode(0o400))?;
    // Root may write to any file, so there the test asks SQLite for the
    // read-only connection it falls back to for a file it cannot write.
    let privileged = fs::OpenOptions::new().write(true).open(&path).is_ok();
    let opened = if privileged {
        Store::open_with(&path, DENVER, OpenFlags::SQLITE_OPEN_READ_ONLY)
    } else {
        Store::open(&path, DENVER)
    };
    let err = match opened {
        Ok(mut store) => {
            assert_eq!(
                store.list(date("2026-11-23"))?.len(),
                1,
                "reading still works"
            );
            let new = checkin("C", "D", "1970-01-01");
            store
                .insert(&new, at("2026-11-23T16:05:00Z"), Duration::zero())
                .expect_err("cannot write")
        }
        Err(e) => e,
    };
    assert!(matches!(err, StoreError::ReadOnly { .. }), "{err:?}");
    assert!(err.to_string().contains("cannot be written"), "{err}");
    assert_eq!(mode(&path), 0o400, "left as the owner set it");
    Ok(())
}

#[test]
fn a_folder_in_the_way_is_an_error_not_a_panic() -> TestResult {
    let dir = tempfile::tempdir()?;
    let err = Store::open(dir.path(), DENVER).expect_err("a folder is not a database");
    assert!(matches!(err, StoreError::CannotOpen { .. }), "{err:?}");
    assert_eq!(mode(dir.path()) & 0o700, 0o700, "its permissions untouched");
    let blocked = dir.path().join("file");
    fs::write(&blocked, "x")?;
    let err = Store::open(&blocked.join("checkins.db"), DENVER).expect_err("no folder there");
    assert!(matches!(err, StoreError::CannotCreate { .. }), "{err:?}");
    Ok(())
}

#[test]
fn sqlite_s_own_wal_passes_and_a_damaged_header_does_not() -> TestResult {
    let (dir, path, mut store) = temp_store();
    store.insert(
        &checkin("A", "B", "1970-01-01"),
        at("2026-11-23T16:00:00Z"),
        Duration::zero(),
    )?;
    let wal = fs::read(files::with_suffix(&path, "-wal"))?;
    assert!(wal.len() > 32, "a WAL with frames while open");
    assert_eq!(files::damaged_wal(&path), None);
    drop(store);
    let copy = dir.path().join("copy.db");
    type Damage = fn(&mut [u8]);
    let cases: [(&str, Damage); 4] = [
        ("salt", |b| b[17] ^= 1),
        ("magic", |b| b[3] = 0x80),
        ("version", |b| b[7] ^= 1),
        ("garbage", |b| b.fill(0x5a)),
    ];
    for (what, damage) in cases {
        let mut bytes = wal.clone();
        damage(&mut bytes);
        fs::write(files::with_suffix(&copy, "-wal"), &bytes)?;
        assert!(files::damaged_wal(&copy).is_some(), "{what}");
    }
    fs::write(files::with_suffix(&copy, "-wal"), &wal[..31])?;
    assert_eq!(
        files::damaged_wal(&copy),
        None,
        "too short to hold anything"
    );
    Ok(())
}

#[test]
fn a_damaged_wal_is_moved_aside_alone_and_the_database_kept() -> TestResult {
    let (dir, path, mut store) = temp_store();
    let old = checkin("Old", "Patient", "1970-01-01");
    store.insert(&old, at("2026-11-23T16:00:00Z"), Duration::zero())?;
    drop(store);
    let wal = files::with_suffix(&path, "-wal");
    assert!(!wal.exists(), "checkpointed and removed on close");
    let garbage: Vec<u8> = (0..9000_u32).map(|i| (i * 13 % 251) as u8).collect();
    fs::write(&wal, &garbage)?;
    let err = Store::open(&path, DENVER).expect_err("a damaged WAL is refused");
    assert!(matches!(err, StoreError::DamagedWal { .. }), "{err:?}");
    assert!(!err.is_corrupt(), "the database itself is sound");
    assert_eq!(fs::read(&wal)?, garbage, "refusing it changed nothing");
    let opened = Store::open_or_quarantine(&path, DENVER)?;
    let q = opened.quarantined.expect("the WAL was moved aside");
    assert!(matches!(q.reason, StoreError::DamagedWal { .. }));
    let name = q.moved_to.file_name().unwrap_or_default().to_string_lossy();
    assert!(
        name.starts_with("checkins.db.corrupt-") && name.ends_with("-wal"),
        "{name}"
    );
    assert_eq!(fs::read(&q.moved_to)?, garbage);
    let mut store = opened.store;
    assert_eq!(
        store.list(date("2026-11-23"))?.len(),
        1,
        "the database kept"
    );
    let next = store.insert(
        &checkin("New", "Patient", "1970-01-01"),
        at("2026-11-23T16:05:00Z"),
        Duration::zero(),
    )?;
    assert_eq!(next.ticket(), 2);
    let moved: Vec<String> = fs::read_dir(dir.path())?
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("corrupt"))
        .collect();
    assert_eq!(moved.len(), 1, "only the WAL moved: {moved:?}");
    Ok(())
}

#[test]
fn opening_a_sound_database_writes_nothing() -> TestResult {
    let (_dir, path, mut store) = temp_store();
    store.insert(
        &checkin("A", "B", "1970-01-01"),
        at("2026-11-23T16:00:00Z"),
        Duration::zero(),
    )?;
    drop(store);
    let before = fs::read(&path)?;
    let store = Store::open(&path, DENVER)?;
    let wal = files::with_suffix(&path, "-wal");
    let written = fs::metadata(&wal).map_or(0, |m| m.len());
    assert_eq!(written, 0, "nothing went into the -wal");
    assert!(fs::read(&path)? == before, "nor into the file");
    assert_eq!(pragma(&store, "auto_vacuum"), "Integer(2)", "kept");
    Ok(())
}
