//! The PostgreSQL store where several machines share it: tickets and
//! duplicates under concurrency, sites, a connection killed in the middle
//! of a check-in, a server that does not answer, and migrations. Against a
//! real server (see `pg_support`), never a mock.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

mod pg_support;

use std::collections::HashSet;
use std::time::{Duration as StdDuration, Instant};

use chrono::{DateTime, Duration, NaiveDate, Utc};
use kiosk::store::{Inserted, NewCheckin, PgStore, Source, StoreError, new_key};

fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .expect("RFC 3339")
        .with_timezone(&Utc)
}

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).expect("a date")
}

fn now() -> DateTime<Utc> {
    at("2026-11-23T09:00:00-07:00")
}

fn patient(first: &str) -> NewCheckin {
    let fields = vec![
        ("first_name".to_string(), first.to_string()),
        ("last_name".to_string(), "Ruiz".to_string()),
        ("date_of_birth".to_string(), "1960-06-06".to_string()),
    ];
    NewCheckin::new(fields, &["first_name", "last_name", "date_of_birth"])
}

fn add(store: &mut PgStore, who: &NewCheckin) -> Result<Inserted, StoreError> {
    store.add(who, &new_key(), now(), Duration::hours(12), Source::Kiosk)
}

fn tickets(store: &mut PgStore) -> Vec<u32> {
    store
        .list(day())
        .expect("listed")
        .iter()
        .map(|r| r.ticket)
        .collect()
}

/// Waits until a connection of `scratch`'s is waiting for a lock; returns
/// its process id.
fn wait_until_blocked(admin: &mut postgres::Client, scratch: &pg_support::Scratch) -> i32 {
    let deadline = Instant::now() + StdDuration::from_secs(20);
    loop {
        let rows = admin
            .query(
                "SELECT pid FROM pg_stat_activity
                 WHERE application_name = $1 AND wait_event_type = 'Lock'",
                &[&scratch.schema],
            )
            .expect("pg_stat_activity");
        if let Some(row) = rows.first() {
            return row.get(0);
        }
        assert!(
            Instant::now() < deadline,
            "the check-in never reached the lock"
        );
        std::thread::sleep(StdDuration::from_millis(10));
    }
}

#[test]
fn eight_kiosks_at_once_get_unique_gapless_tickets() {
    let scratch = pg_support::Scratch::new();
    scratch.store("main");
    let threads: Vec<_> = (0..8)
        .map(|kiosk| {
            let mut store = scratch.store("main");
            std::thread::spawn(move || {
                (0..40)
                    .map(|n| add(&mut store, &patient(&format!("K{kiosk}N{n}"))).expect("stored"))
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    let answers: Vec<Inserted> = threads
        .into_iter()
        .flat_map(|t| t.join().expect("joined"))
        .collect();
    assert!(answers.iter().all(|a| matches!(a, Inserted::New { .. })));
    let mut given: Vec<u32> = answers.iter().map(|a| a.ticket()).collect();
    given.sort_unstable();
    assert_eq!(
        given,
        (1..=320).collect::<Vec<u32>>(),
        "each ticket once, no gaps"
    );
    let mut store = scratch.store("main");
    assert_eq!(tickets(&mut store), (1..=320).collect::<Vec<u32>>());
}

#[test]
fn the_same_patient_at_eight_kiosks_at_once_is_one_record() {
    let scratch = pg_support::Scratch::new();
    scratch.store("main");
    let barrier = std::sync::Arc::new(std::sync::Barrier::new(8));
    let threads: Vec<_> = (0..8)
        .map(|_| {
            let mut store = scratch.store("main");
            let barrier = barrier.clone();
            std::thread::spawn(move || {
                barrier.wait();
                add(&mut store, &patient("José")).expect("answered")
            })
        })
        .collect();
    let answers: Vec<Inserted> = threads
        .into_iter()
        .map(|t| t.join().expect("joined"))
        .collect();
    let new = answers
        .iter()
        .filter(|a| matches!(a, Inserted::New { .. }))
        .count();
    assert_eq!(new, 1, "{answers:?}");
    let ids: HashSet<_> = answers.iter().map(|a| a.id()).collect();
    assert_eq!(ids.len(), 1, "every kiosk was given the one check-in");
    let mut store = scratch.store("main");
    let list = store.list(day()).expect("listed");
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].repeats, 7);
}

#[test]
fn each_site_has_its_own_tickets_and_list() {
    let scratch = pg_support::Scratch::new();
    let mut lakewood = scratch.store("lakewood");
    let mut golden = scratch.store("golden");
    add(&mut lakewood, &patient("Ana")).expect("stored");
    add(&mut lakewood, &patient("Ben")).expect("stored");
    // The same patient at another site is another visit.
    assert_eq!(
        add(&mut golden, &patient("Ana")).expect("stored").ticket(),
        1
    );
    assert_eq!(tickets(&mut lakewood), [1, 2]);
    assert_eq!(tickets(&mut golden), [1]);
    let all = golden.list_all_sites(day()).expect("listed");
    let sites: Vec<(&str, u32)> = all.iter().map(|(s, r)| (s.as_str(), r.ticket)).collect();
    assert_eq!(sites, [("golden", 1), ("lakewood", 1), ("lakewood", 2)]);
    let history = golden.history(day()).expect("history");
    assert_eq!(history.len(), 1, "a site's history is its own");
}

#[test]
fn a_connection_killed_during_a_check_in_stores_it_once() {
    let scratch = pg_support::Scratch::new();
    let mut store = scratch.store("main");
    add(&mut store, &patient("Ana")).expect("stored");
    // Another session holds the day's counter, so the check-in waits in
    // the middle of its transaction...
    let mut holder = scratch.client();
    let mut hold = holder.transaction().expect("begin");
    hold.execute("SELECT last FROM ticket_counter FOR UPDATE", &[])
        .expect("locked");
    let kiosk = std::thread::spawn(move || {
        let answer = add(&mut store, &patient("Ben"));
        (answer, store)
    });
    let mut admin = pg_support::admin();
    let pid = wait_until_blocked(&mut admin, &scratch);
    // ...where its connection is cut.
    let ended: bool = admin
        .query_one("SELECT pg_terminate_backend($1)", &[&pid])
        .expect("terminated")
        .get(0);
    assert!(ended);
    // The store connects again by itself and sends the check-in again with
    // its key; it waits for the counter again.
    let again = wait_until_blocked(&mut admin, &scratch);
    assert_ne!(again, pid, "a new connection");
    hold.rollback().expect("released");
    let (answer, mut store) = kiosk.join().expect("joined");
    assert_eq!(answer.expect("stored after reconnecting").ticket(), 2);
    assert_eq!(tickets(&mut store), [1, 2], "once, with no gap");
}

#[test]
fn a_server_that_does_not_answer_fails_the_check_in_in_seconds_without_a_gap() {
    let scratch = pg_support::Scratch::new();
    let mut store = scratch.store("main");
    add(&mut store, &patient("Ana")).expect("stored");
    let mut holder = scratch.client();
    let mut hold = holder.transaction().expect("begin");
    hold.execute("SELECT last FROM ticket_counter FOR UPDATE", &[])
        .expect("locked");
    let failed = add(&mut store, &patient("Ben"));
    let Err(e) = failed else {
        panic!("stored while the counter was held: {failed:?}")
    };
    assert!(matches!(e, StoreError::Unreachable { .. }), "{e:?}");
    assert!(e.to_string().contains("did not answer in time"), "{e}");
    hold.rollback().expect("released");
    assert_eq!(tickets(&mut store), [1], "nothing half-stored");
    assert_eq!(
        add(&mut store, &patient("Ben")).expect("stored").ticket(),
        2
    );
}

#[test]
fn a_lost_connection_is_opened_again_by_itself() {
    let scratch = pg_support::Scratch::new();
    let mut store = scratch.store("main");
    let before = store.change_stamp().expect("stamp");
    let pid = store.backend_pid().expect("pid");
    let mut admin = pg_support::admin();
    admin
        .query_one("SELECT pg_terminate_backend($1)", &[&pid])
        .expect("terminated");
    // At most one request fails (the one that finds the connection gone)...
    let first = store.list(day());
    if let Err(e) = &first {
        assert!(matches!(e, StoreError::Unreachable { .. }), "{e:?}");
    }
    // ...and the next one is served on a new connection.
    assert!(store.list(day()).expect("listed again").is_empty());
    assert_ne!(store.backend_pid().expect("pid"), pid);
    assert_ne!(
        store.change_stamp().expect("stamp"),
        before,
        "reloaded after reconnecting"
    );
}

#[test]
fn no_server_is_an_error_in_words_not_a_hang() {
    let target = kiosk::store::postgres::target(
        "postgresql://kiosk:x@127.0.0.1:9/clinic?sslmode=disable",
        None,
    )
    .expect("reads");
    let started = Instant::now();
    let e = PgStore::connect(target, chrono_tz::America::Denver, "main", true)
        .expect_err("nothing listens on port 9");
    assert!(matches!(e, StoreError::Unreachable { .. }), "{e:?}");
    assert!(
        e.to_string().starts_with(
            "the check-in server postgresql://kiosk@127.0.0.1:9/clinic cannot be reached"
        ),
        "{e}"
    );
    assert!(!e.to_string().contains(":x@"), "never the password");
    // Measured, not asserted as a speed: it must simply not hang.
    assert!(started.elapsed() < StdDuration::from_secs(60));
}

#[test]
fn migrations_are_recorded_and_a_newer_schema_is_left_alone() {
    let scratch = pg_support::Scratch::new();
    let target = scratch.target();
    let tz = chrono_tz::America::Denver;
    // Not allowed to migrate, on an empty database: says what to run.
    let refused = PgStore::connect(target.clone(), tz, "main", false).expect_err("not migrated");
    assert!(
        refused.to_string().contains("kiosk store migrate"),
        "{refused}"
    );
    let mut store = PgStore::connect(target.clone(), tz, "main", true).expect("migrated");
    let latest = kiosk::store::postgres::schema::LATEST;
    assert_eq!(store.schema_version().expect("version"), latest);
    // A second start migrates nothing and keeps what is there.
    add(&mut store, &patient("Ana")).expect("stored");
    let mut again = PgStore::connect(target.clone(), tz, "main", true).expect("opened");
    assert_eq!(tickets(&mut again), [1]);
    scratch
        .client()
        .execute(
            "UPDATE kiosk_schema SET version = $1",
            &[&(latest as i32 + 1)],
        )
        .expect("bumped");
    let newer = PgStore::connect(target, tz, "main", true).expect_err("too new");
    assert!(matches!(newer, StoreError::NewerSchema { .. }), "{newer:?}");
    assert_eq!(tickets(&mut again), [1], "left alone");
}

#[test]
fn a_repeat_attempt_sent_again_with_its_key_counts_once() {
    let scratch = pg_support::Scratch::new();
    let mut kiosk = scratch.store("main");
    let first = add(&mut kiosk, &patient("Ana")).expect("stored");
    let key = new_key();
    let window = Duration::hours(12);
    let mut again = || {
        kiosk
            .add(&patient("Ana"), &key, now(), window, Source::Kiosk)
            .expect("answered")
    };
    let repeat = again();
    assert_eq!(
        repeat,
        Inserted::Duplicate {
            ticket: 1,
            id: first.id()
        }
    );
    assert_eq!(again(), repeat, "the answer lost and asked again");
    let list = kiosk.list(day()).expect("listed");
    assert_eq!(list[0].repeats, 1);
}
