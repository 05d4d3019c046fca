//! Storing and reading check-ins: Unicode, daily tickets in the clinic's
//! zone, duplicates, status changes and purges.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

use std::path::{Path, PathBuf};

use chrono::{DateTime, Duration, NaiveDate, Utc};
use chrono_tz::Tz;

use super::*;

pub type TestResult = Result<(), Box<dyn std::error::Error>>;

pub const DENVER: Tz = chrono_tz::America::Denver;

pub fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .expect("test times are RFC 3339")
        .with_timezone(&Utc)
}

pub fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test dates are YYYY-MM-DD")
}

pub fn checkin(first: &str, last: &str, born: &str) -> NewCheckin {
    let fields = vec![
        ("first_name".into(), first.into()),
        ("last_name".into(), last.into()),
        ("date_of_birth".into(), born.into()),
    ];
    NewCheckin::new(fields, &crate::config::DuplicateKey::DEFAULT)
}

pub fn temp_store() -> (tempfile::TempDir, PathBuf, Store) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("checkins.db");
    let store = Store::open(&path, DENVER).expect("a new database opens");
    (dir, path, store)
}

const NO_WINDOW: Duration = Duration::zero();

fn tickets(store: &Store, day: &str) -> Vec<u32> {
    let list = store.list(date(day)).expect("list");
    list.iter().map(|r| r.ticket).collect()
}

#[test]
fn unicode_names_round_trip_exactly() -> TestResult {
    let (_dir, _path, mut store) = temp_store();
    let names = [
        ("José", "García"),
        ("Nguyễn Thị", "Minh Khai"),
        ("小龙", "李"),
        ("Seán", "O'Brien-Smith"),
        ("Zoë", "Ångström"),
    ];
    let now = at("2026-11-23T09:41:00-07:00");
    for (first, last) in names {
        let mut new = checkin(first, last, "1990-05-17");
        new.fields
            .push(("note".into(), "sore knee \u{1b}[31m ok".into()));
        store.insert(&new, now, NO_WINDOW)?;
    }
    let list = store.list(date("2026-11-23"))?;
    assert_eq!(list.len(), names.len());
    for (i, (record, (first, last))) in list.iter().zip(names).enumerate() {
        assert_eq!(record.ticket as usize, i + 1);
        assert_eq!(record.field("first_name"), Some(first));
        assert_eq!(record.field("last_name"), Some(last));
        assert_eq!(record.field("note"), Some("sore knee [31m ok"));
        assert_eq!(record.fields[0].0, "first_name", "form order is kept");
        assert_eq!(record.checked_in_at, now);
        assert_eq!(record.status, Status::Waiting);
        assert_eq!(record.status_changed_at, now);
        assert_eq!(record.local_date, date("2026-11-23"));
        assert_eq!(
            Some(record.identity.clone()),
            checkin(first, last, "1990-05-17").identity
        );
    }
    Ok(())
}

#[test]
fn milliseconds_survive_and_other_days_are_not_listed() -> TestResult {
    let (_dir, _path, mut store) = temp_store();
    let now = at("2026-11-23T16:41:07.123Z");
    store.insert(&checkin("A", "B", "2000-01-01"), now, NO_WINDOW)?;
    assert_eq!(store.list(date("2026-11-23"))?[0].checked_in_at, now);
    assert!(store.list(date("2026-11-22"))?.is_empty());
    Ok(())
}

#[test]
fn tickets_restart_at_midnight_in_the_clinic_zone() -> TestResult {
    let (_dir, _path, mut store) = temp_store();
    for (i, time) in ["09:00", "12:30", "23:59"].iter().enumerate() {
        let now = at(&format!("2026-11-23T{time}:00-07:00"));
        let got = store.insert(
            &checkin(&format!("P{i}"), "X", "1970-01-01"),
            now,
            NO_WINDOW,
        )?;
        assert_eq!(got.ticket() as usize, i + 1);
    }
    // 00:01 in Denver is already 07:01 UTC on the same UTC date as 23:59.
    let after = store.insert(
        &checkin("Late", "X", "1970-01-01"),
        at("2026-11-24T00:01:00-07:00"),
        NO_WINDOW,
    )?;
    assert_eq!(after.ticket(), 1);
    assert_eq!(tickets(&store, "2026-11-23"), [1, 2, 3]);
    assert_eq!(tickets(&store, "2026-11-24"), [1]);
    Ok(())
}

#[test]
fn tickets_follow_the_local_day_across_daylight_saving_changes() -> TestResult {
    let (_dir, _path, mut store) = temp_store();
    // 2026-03-08: clocks jump from 2:00 MST to 3:00 MDT (a 23-hour day).
    // 2026-11-01: clocks fall back from 2:00 MDT to 1:00 MST (25 hours),
    // so 1:30 happens twice.
    let moments = [
        ("2026-03-08T01:30:00-07:00", "2026-03-08", 1),
        ("2026-03-08T03:30:00-06:00", "2026-03-08", 2),
        ("2026-03-08T23:59:00-06:00", "2026-03-08", 3),
        ("2026-03-09T00:01:00-06:00", "2026-03-09", 1),
        ("2026-11-01T00:00:00-06:00", "2026-11-01", 1),
        ("2026-11-01T01:30:00-06:00", "2026-11-01", 2),
        ("2026-11-01T01:30:00-07:00", "2026-11-01", 3),
        ("2026-11-01T23:59:00-07:00", "2026-11-01", 4),
        ("2026-11-02T00:01:00-07:00", "2026-11-02", 1),
    ];
    for (i, (time, day, ticket)) in moments.into_iter().enumerate() {
        let got = store.insert(
            &checkin(&format!("P{i}"), "Y", "1970-01-01"),
            at(time),
            NO_WINDOW,
        )?;
        assert_eq!(got.ticket(), ticket, "{time}");
        let listed = store.list(date(day))?;
        assert_eq!(
            listed.last().map(|r| r.id),
            Some(got.id()),
            "{time} is on {day}"
        );
    }
    Ok(())
}

#[test]
fn the_same_person_within_the_window_gets_their_earlier_ticket() -> TestResult {
    let (_dir, _path, mut store) = temp_store();
    let window = Duration::minutes(30);
    let first = store.insert(
        &checkin("José", "García", "1980-02-29"),
        at("2026-11-23T10:00:00-07:00"),
        window,
    )?;
    let other = store.insert(
        &checkin("Ana", "García", "1980-02-29"),
        at("2026-11-23T10:05:00-07:00"),
        window,
    )?;
    let again = store.insert(
        &checkin("  JOSE ", "GARCIA", "1980-02-29"),
        at("2026-11-23T10:30:00-07:00"),
        window,
    )?;
    assert!(matches!(first, Inserted::New { ticket: 1, .. }));
    assert!(matches!(other, Inserted::New { ticket: 2, .. }));
    assert_eq!(
        again,
        Inserted::Duplicate {
            ticket: 1,
            id: first.id()
        }
    );
    let twin = store.insert(
        &checkin("José", "García", "1981-02-28"),
        at("2026-11-23T10:31:00-07:00"),
        window,
    )?;
    assert!(
        matches!(twin, Inserted::New { ticket: 3, .. }),
        "another birth date is another person"
    );
    let later = store.insert(
        &checkin("jose", "garcia", "1980-02-29"),
        at("2026-11-23T10:30:01-07:00"),
        window,
    )?;
    assert!(
        matches!(later, Inserted::New { ticket: 4, .. }),
        "31 s past the window"
    );
    assert_eq!(tickets(&store, "2026-11-23"), [1, 2, 3, 4]);
    Ok(())
}

#[test]
fn a_duplicate_window_never_reaches_into_yesterday() -> TestResult {
    let (_dir, _path, mut store) = temp_store();
    let window = Duration::hours(12);
    store.insert(
        &checkin("Zoë", "Li", "2001-01-01"),
        at("2026-11-23T23:50:00-07:00"),
        window,
    )?;
    let next_day = store.insert(
        &checkin("ZOE", "LI", "2001-01-01"),
        at("2026-11-24T00:10:00-07:00"),
        window,
    )?;
    assert!(matches!(next_day, Inserted::New { ticket: 1, .. }));
    Ok(())
}

#[test]
fn statuses_change_and_unknown_ids_are_reported() -> TestResult {
    let (_dir, _path, mut store) = temp_store();
    let id = store
        .insert(
            &checkin("A", "B", "1999-09-09"),
            at("2026-11-23T09:00:00-07:00"),
            NO_WINDOW,
        )?
        .id();
    let called = at("2026-11-23T09:20:00-07:00");
    store.set_status(id, Status::Called, called)?;
    let record = store.list(date("2026-11-23"))?.remove(0);
    assert_eq!(
        (record.status, record.status_changed_at),
        (Status::Called, called)
    );
    assert_eq!(record.checked_in_at, at("2026-11-23T09:00:00-07:00"));
    let missing = store.set_status(CheckinId(999), Status::Seen, called);
    assert!(matches!(missing, Err(StoreError::NotFound { id: 999, .. })));
    Ok(())
}

#[test]
fn purging_deletes_whole_days_and_leaves_no_trace_on_disk() -> TestResult {
    let (_dir, path, mut store) = temp_store();
    for (day, name) in [
        ("2026-11-20", "Purgeme"),
        ("2026-11-21", "Purgeme"),
        ("2026-11-22", "Keepme"),
    ] {
        for hour in ["08", "17"] {
            let now = at(&format!("{day}T{hour}:00:00-07:00"));
            store.insert(
                &checkin(name, &format!("Q{hour}"), "1960-06-06"),
                now,
                NO_WINDOW,
            )?;
        }
    }
    assert_eq!(
        store.purge_older_than(date("2026-11-22"), PurgeRules::default())?,
        4
    );
    assert!(store.list(date("2026-11-21"))?.is_empty());
    assert_eq!(store.list(date("2026-11-22"))?.len(), 2);
    let orphans: i64 = store.conn.query_row(
        "SELECT count(*) FROM checkin_field WHERE checkin_id NOT IN (SELECT id FROM checkin)",
        [],
        |r| r.get(0),
    )?;
    assert_eq!(orphans, 0, "fields go with their check-in");
    assert_eq!(
        std::fs::metadata(files::with_suffix(&path, "-wal"))?.len(),
        0
    );
    let bytes = std::fs::read(&path)?;
    assert!(contains(&bytes, b"Keepme"));
    assert!(
        !contains(&bytes, b"Purgeme"),
        "purged names are overwritten"
    );
    assert!(
        !contains(&bytes, b"purgeme"),
        "and so are their identity keys"
    );
    assert_eq!(
        store.purge_older_than(date("2026-11-22"), PurgeRules::default())?,
        0
    );
    Ok(())
}

#[test]
fn a_purge_that_would_delete_even_the_newest_old_check_in_is_refused() -> TestResult {
    let (_dir, _path, mut store) = temp_store();
    store.insert(
        &checkin("Ana", "Ruiz", "1960-06-06"),
        at("2026-11-20T09:00:00-07:00"),
        NO_WINDOW,
    )?;
    // A clock a year ahead, keeping 30 days: everything would go.
    let far = date("2027-11-20") - Duration::days(30);
    let refused = store.purge_older_than(far, PurgeRules::default());
    assert!(
        matches!(refused, Err(StoreError::ClockAhead { .. })),
        "{refused:?}"
    );
    assert_eq!(store.list(date("2026-11-20"))?.len(), 1, "nothing deleted");
    // Within the margin (a quiet week after the retention period), the
    // purge goes ahead; so it does when staff say the clock is right.
    let near = date("2026-11-20") + Duration::days(CLOCK_MARGIN_DAYS as i64);
    assert_eq!(store.purge_older_than(near, PurgeRules::default())?, 1);
    store.insert(
        &checkin("Ben", "Ruiz", "1960-06-06"),
        at("2026-11-20T09:00:00-07:00"),
        NO_WINDOW,
    )?;
    let trusted = PurgeRules {
        trust_clock: true,
        ..PurgeRules::default()
    };
    assert_eq!(store.purge_older_than(far, trusted)?, 1);
    Ok(())
}

#[test]
fn a_purge_never_deletes_what_this_run_stored() -> TestResult {
    let (_dir, _path, mut store) = temp_store();
    let old = store.insert(
        &checkin("Old", "One", "1960-06-06"),
        at("2026-11-01T09:00:00-07:00"),
        NO_WINDOW,
    )?;
    // Stored by this run, but dated by a clock that was wrong then.
    let ours = store.insert(
        &checkin("New", "One", "1960-06-06"),
        at("2026-11-02T09:00:00-07:00"),
        NO_WINDOW,
    )?;
    let rules = PurgeRules {
        keep_from: Some(ours.id()),
        trust_clock: false,
    };
    assert_eq!(store.purge_older_than(date("2026-11-05"), rules)?, 1);
    assert!(store.list(date("2026-11-01"))?.is_empty(), "{old:?} purged");
    assert_eq!(store.list(date("2026-11-02"))?.len(), 1);
    Ok(())
}

#[test]
fn a_form_that_identifies_nobody_stores_every_patient() -> TestResult {
    let (_dir, _path, mut store) = temp_store();
    let now = at("2026-11-23T09:00:00-07:00");
    let window = Duration::hours(2);
    // Phone and visit type: the clinic set no duplicate key.
    let none: [&str; 0] = [];
    let phone = |n: &str| {
        let fields = vec![
            ("phone".into(), n.into()),
            ("visit".into(), "New patient".into()),
        ];
        NewCheckin::new(fields, &none)
    };
    let first = store.insert(&phone("720-555-0100"), now, window)?;
    let second = store.insert(&phone("720-555-0199"), now, window)?;
    let same_again = store.insert(&phone("720-555-0100"), now, window)?;
    for inserted in [first, second, same_again] {
        assert!(matches!(inserted, Inserted::New { .. }), "{inserted:?}");
    }
    assert_eq!(tickets(&store, "2026-11-23"), [1, 2, 3]);
    Ok(())
}

#[test]
fn a_namesake_with_another_birth_date_is_a_new_patient() -> TestResult {
    let (_dir, _path, mut store) = temp_store();
    let now = at("2026-11-23T09:00:00-07:00");
    let window = Duration::hours(2);
    store.insert(&checkin("John", "Smith", "1950-01-01"), now, window)?;
    let other = store.insert(&checkin("John", "Smith", "1988-08-08"), now, window)?;
    assert!(
        matches!(other, Inserted::New { ticket: 2, .. }),
        "{other:?}"
    );
    Ok(())
}

#[test]
fn a_repeated_check_in_is_noted_for_the_desk() -> TestResult {
    let (_dir, _path, mut store) = temp_store();
    let now = at("2026-11-23T09:00:00-07:00");
    let window = Duration::hours(2);
    store.insert(&checkin("Maria", "Lopez", "1962-04-17"), now, window)?;
    let again = now + Duration::minutes(5);
    let repeat = store.insert(&checkin("MARIA", "López", "1962-04-17"), again, window)?;
    assert!(matches!(repeat, Inserted::Duplicate { ticket: 1, .. }));
    let list = store.list(date("2026-11-23"))?;
    assert_eq!(list.len(), 1, "nothing new stored");
    assert_eq!((list[0].repeats, list[0].last_repeat_at), (1, Some(again)));
    Ok(())
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn connections_taking_turns_never_share_a_ticket() -> TestResult {
    let (_dir, path, _store) = temp_store();
    let workers: Vec<_> = (0..4)
        .map(|w| {
            let path: PathBuf = path.clone();
            std::thread::spawn(move || -> Result<Vec<u32>, StoreError> {
                let mut store = Store::open(Path::new(&path), DENVER)?;
                let now = at("2026-11-23T10:00:00-07:00");
                (0..15)
                    .map(|i| {
                        let new = checkin(&format!("W{w}"), &format!("N{i}"), "1970-01-01");
                        store.insert(&new, now, NO_WINDOW).map(Inserted::ticket)
                    })
                    .collect()
            })
        })
        .collect();
    let mut all = Vec::new();
    for worker in workers {
        all.extend(worker.join().expect("worker finished")?);
    }
    all.sort_unstable();
    assert_eq!(all, (1..=60).collect::<Vec<u32>>());
    Ok(())
}
