//! A damaged database file when the kiosk starts: random bytes, a real
//! database cut in half, a zero-length file, and a `-wal` full of garbage
//! beside a sound database.
//!
//! The design (README, `[checkin]`; `store::Store::open_or_quarantine`):
//! a damaged file is never deleted. The kiosk renames it to
//! `checkins.db.corrupt-<UTC time>` and starts a fresh database, so
//! check-in goes on (tickets start again at 1); a damaged `-wal` alone is
//! renamed to `checkins.db.corrupt-<UTC time>-wal` and the database kept.
//! Staff are told either way. A zero-length file is what the kiosk itself
//! leaves if it stops between creating the file and writing the first
//! table, so it is a new, empty database, not damage.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Duration, NaiveDate, Utc};
use kiosk::store::{NewCheckin, Store};

use crate::site::{
    AT, Site, check_in_ok, leave_staff, names, open_staff, rows_in, wait_for_slides,
    wait_for_slides_to_turn,
};

fn pair(first: &str, last: &str) -> (String, String) {
    (first.to_string(), last.to_string())
}

/// Bytes that look random and are the same on every run.
fn noise(len: usize, seed: u64) -> Vec<u8> {
    let mut x = seed | 1;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x.to_le_bytes()[0]
        })
        .collect()
}

/// Stores `count` check-ins, `minutes_before` the kiosk's start time, then
/// closes the database (which folds the `-wal` into it and removes it).
fn seed(db: &Path, count: usize, minutes_before: i64) {
    let tz = chrono_tz::America::Denver;
    let mut store = Store::open(db, tz).expect("the database is created");
    let start: DateTime<Utc> = DateTime::parse_from_rfc3339(AT).expect("AT").into();
    for i in 0..count {
        let first = format!("Seed{}", char::from(b'a' + (i % 26) as u8));
        let last = format!("Person{}", "x".repeat(i / 26 + 1));
        let new = NewCheckin {
            language: "en".into(),
            identity: Some(format!(
                "{}\u{1f}{}\u{1f}{}",
                kiosk::store::fold(&first),
                kiosk::store::fold(&last),
                NaiveDate::from_ymd_opt(1960, 5, 6).expect("a date")
            )),
            fields: vec![("first_name".into(), first), ("last_name".into(), last)],
        };
        let at = start - Duration::minutes(minutes_before) + Duration::seconds(i as i64);
        store.insert(&new, at, Duration::zero()).expect("seeded");
    }
}

/// Starts the kiosk on the prepared site and checks what every damaged
/// start has in common: the slides run, the damaged file was moved aside
/// with its bytes intact (a database moved aside takes its `-wal` and
/// `-shm` along, if there are any), staff see `problem` (on the staff
/// screen and in the log), and the next patient checks in with ticket
/// `next_ticket`.
fn starts_anyway(site: &Site, suffix: &str, bytes: &[u8], problem: &str, next_ticket: i64) {
    let mut kiosk = site.run();
    wait_for_slides(&kiosk);
    wait_for_slides_to_turn(&kiosk);
    let moved = site.moved_aside();
    let name = |p: &PathBuf| {
        p.file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned()
    };
    let main: Vec<&PathBuf> = moved
        .iter()
        .filter(|p| {
            let n = name(p);
            n.ends_with(suffix)
                && (!suffix.is_empty() || !n.ends_with("-wal") && !n.ends_with("-shm"))
        })
        .collect();
    assert_eq!(main.len(), 1, "one {suffix:?} file moved aside: {moved:?}");
    assert!(
        fs::read(main[0]).expect("the moved file reads") == bytes,
        "{} kept its bytes",
        main[0].display()
    );
    if suffix == "-wal" {
        assert_eq!(moved.len(), 1, "the database itself stayed: {moved:?}");
    }
    kiosk.wait_for_text("staff: 1 problem");
    let log = site.log();
    assert!(log.contains(problem), "{problem:?} not logged:\n{log}");
    assert!(log.contains(&name(main[0])), "the log says where:\n{log}");
    open_staff(&mut kiosk);
    kiosk.wait_for_text(problem);
    leave_staff(&mut kiosk);
    check_in_ok(&mut kiosk, "Ana", "Able");
    let rows = rows_in(&site.database());
    let ana = rows.last().expect("Ana is stored");
    assert_eq!((ana.first.as_str(), ana.ticket), ("Ana", next_ticket));
}

#[test]
fn random_bytes_are_moved_aside_and_a_fresh_database_started() {
    let site = Site::new();
    fs::create_dir(site.data()).expect("data folder");
    let bytes = noise(20_000, 7);
    fs::write(site.database(), &bytes).expect("written");
    starts_anyway(&site, "", &bytes, "the check-in database was damaged", 1);
}

#[test]
fn a_database_cut_in_half_is_moved_aside_and_a_fresh_database_started() {
    let site = Site::new();
    seed(&site.database(), 300, 60);
    let whole = fs::read(site.database()).expect("reads");
    assert!(whole.len() >= 16 * 4096, "a database of many pages");
    let half = &whole[..whole.len() / 2];
    fs::write(site.database(), half).expect("cut");
    starts_anyway(&site, "", half, "the check-in database was damaged", 1);
}

#[test]
fn a_garbage_wal_is_moved_aside_and_the_database_kept() {
    let site = Site::new();
    seed(&site.database(), 2, 30);
    let wal = format!("{}-wal", site.database().display());
    let garbage = noise(50_000, 11);
    fs::write(&wal, &garbage).expect("written");
    starts_anyway(&site, "-wal", &garbage, "the journal", 3);
    let rows = rows_in(&site.database());
    assert_eq!(rows.len(), 3, "the two earlier check-ins kept: {rows:?}");
}

#[test]
fn a_zero_length_file_is_a_new_empty_database() {
    let site = Site::new();
    fs::create_dir(site.data()).expect("data folder");
    fs::write(site.database(), b"").expect("written");
    let mut kiosk = site.run();
    wait_for_slides(&kiosk);
    wait_for_slides_to_turn(&kiosk);
    assert_eq!(site.moved_aside(), Vec::<std::path::PathBuf>::new());
    assert!(
        !kiosk.screen_text().contains("problem"),
        "nothing to report"
    );
    check_in_ok(&mut kiosk, "Ana", "Able");
    assert_eq!(names(&rows_in(&site.database())), [pair("Ana", "Able")]);
    let log = site.log();
    assert!(!log.contains("damaged") && !log.contains("ERROR"), "{log}");
}
