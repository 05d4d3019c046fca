//! One store suite, run against both engines: the SQLite file of a single
//! kiosk and a PostgreSQL server (see `pg_support` for the server). Each
//! test is written once, as a function of the engine, and instantiated for
//! each by `both!`.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

mod pg_support;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use kiosk::store::{
    AuditAction, CheckinId, Checkins, Inserted, NewCheckin, PurgeRules, Source, Status, StatusAt,
    Store, StoreError, new_key,
};

const DENVER: chrono_tz::Tz = chrono_tz::America::Denver;

/// The engine a test runs against, with whatever keeps its database alive.
enum Held {
    Sqlite(tempfile::TempDir),
    Postgres(pg_support::Scratch),
}

impl Held {
    fn new(postgres: bool) -> Self {
        if postgres {
            Self::Postgres(pg_support::Scratch::new())
        } else {
            Self::Sqlite(tempfile::tempdir().expect("a temporary folder"))
        }
    }

    /// A connection to the test's database (another one each call, as a
    /// second kiosk or desk would have).
    fn open(&self) -> Box<dyn Checkins> {
        match self {
            Self::Sqlite(dir) => Box::new(
                Store::open(&dir.path().join("checkins.db"), DENVER).expect("the database opens"),
            ),
            Self::Postgres(scratch) => Box::new(scratch.store("main")),
        }
    }
}

fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .expect("RFC 3339")
        .with_timezone(&Utc)
}

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("YYYY-MM-DD")
}

fn patient(first: &str, last: &str) -> NewCheckin {
    let fields = vec![
        ("first_name".to_string(), first.to_string()),
        ("last_name".to_string(), last.to_string()),
        ("date_of_birth".to_string(), "1960-06-06".to_string()),
    ];
    NewCheckin::new(fields, &["first_name", "last_name", "date_of_birth"])
}

fn add(store: &mut dyn Checkins, who: &NewCheckin, now: DateTime<Utc>) -> Inserted {
    store
        .add(who, &new_key(), now, Duration::hours(12), Source::Kiosk)
        .expect("stored")
}

fn tickets(store: &mut dyn Checkins, day: &str) -> Vec<u32> {
    let list = store.list(date(day)).expect("listed");
    list.iter().map(|r| r.ticket).collect()
}

/// Writes each test once per engine.
macro_rules! both {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(#[test] fn $name() { super::$name(&super::Held::new(false)) })*
        }
        mod postgres {
            $(#[test] fn $name() { super::$name(&super::Held::new(true)) })*
        }
    };
}

both!(
    tickets_count_up_and_restart_each_local_day,
    the_same_key_never_stores_twice,
    a_second_check_in_of_the_same_patient_is_a_repeat,
    answers_round_trip_in_form_order,
    status_changes_are_compare_and_set_and_audited,
    corrections_removal_and_restore_are_audited,
    the_purge_keeps_recent_days_and_refuses_a_clock_far_ahead,
    the_purge_never_deletes_what_this_run_stored,
    another_connections_change_moves_the_stamp,
    holds_tells_stored_from_unknown,
    the_patients_language_is_kept,
);

fn the_patients_language_is_kept(held: &Held) {
    let mut store = held.open();
    let now = at("2026-11-23T09:00:00-07:00");
    add(store.as_mut(), &patient("Ana", "Ruiz"), now);
    let spanish = patient("José", "Muñoz").in_language("es");
    add(store.as_mut(), &spanish, now);
    let list = store.list(date("2026-11-23")).expect("listed");
    let languages: Vec<&str> = list.iter().map(|r| r.language.as_str()).collect();
    assert_eq!(languages, ["en", "es"]);
    assert!(
        list[1].fields.iter().any(|(_, v)| v == "Muñoz"),
        "{:?}",
        list[1].fields
    );
}

fn tickets_count_up_and_restart_each_local_day(held: &Held) {
    let mut store = held.open();
    let monday = at("2026-11-23T09:00:00-07:00");
    for (i, name) in ["Ana", "Ben", "Cy"].into_iter().enumerate() {
        let inserted = add(store.as_mut(), &patient(name, "Ruiz"), monday);
        assert_eq!(
            inserted,
            Inserted::New {
                ticket: i as u32 + 1,
                id: inserted.id()
            }
        );
    }
    // 23:30 in Denver is already Tuesday in UTC, still Monday for the clinic.
    add(
        store.as_mut(),
        &patient("Dee", "Ruiz"),
        at("2026-11-23T23:30:00-07:00"),
    );
    add(
        store.as_mut(),
        &patient("Eve", "Ruiz"),
        at("2026-11-24T08:00:00-07:00"),
    );
    assert_eq!(tickets(store.as_mut(), "2026-11-23"), [1, 2, 3, 4]);
    assert_eq!(tickets(store.as_mut(), "2026-11-24"), [1]);
}

fn the_same_key_never_stores_twice(held: &Held) {
    let mut kiosk = held.open();
    let mut other = held.open();
    let now = at("2026-11-23T09:00:00-07:00");
    let key = new_key();
    let ana = patient("Ana", "Ruiz");
    let first = kiosk
        .add(&ana, &key, now, Duration::zero(), Source::Kiosk)
        .expect("stored");
    // The answer was lost; the retry (here from another connection, as
    // after a reconnect) carries the same key.
    let again = other
        .add(&ana, &key, now, Duration::zero(), Source::Kiosk)
        .expect("resolved");
    assert_eq!(again, first);
    let list = kiosk.list(date("2026-11-23")).expect("listed");
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].repeats, 0, "a retry is not a repeat attempt");
    let next = add(kiosk.as_mut(), &patient("Ben", "Ruiz"), now);
    assert_eq!(next.ticket(), 2, "no ticket was used up by the retry");
}

fn a_second_check_in_of_the_same_patient_is_a_repeat(held: &Held) {
    let mut kiosk = held.open();
    let mut second_kiosk = held.open();
    let now = at("2026-11-23T09:00:00-07:00");
    let first = add(kiosk.as_mut(), &patient("José", "García"), now);
    let again = add(
        second_kiosk.as_mut(),
        &patient("JOSE", "garcia"),
        now + Duration::minutes(5),
    );
    assert_eq!(
        again,
        Inserted::Duplicate {
            ticket: 1,
            id: first.id()
        }
    );
    let list = kiosk.list(date("2026-11-23")).expect("listed");
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].repeats, 1);
    assert_eq!(list[0].last_repeat_at, Some(now + Duration::minutes(5)));
    // Outside the window it is a new visit.
    let later = kiosk
        .add(
            &patient("José", "García"),
            &new_key(),
            now + Duration::hours(3),
            Duration::hours(1),
            Source::Kiosk,
        )
        .expect("stored");
    assert_eq!(later.ticket(), 2);
}

fn answers_round_trip_in_form_order(held: &Held) {
    let mut store = held.open();
    let now = at("2026-11-23T09:41:00-07:00");
    let mut new = patient("Nguyễn Thị", "李");
    new.fields
        .push(("note".into(), "sore knee \u{1b}[31m ok".into()));
    let inserted = store
        .add(&new, &new_key(), now, Duration::zero(), Source::Desk)
        .expect("stored");
    let list = store.list(date("2026-11-23")).expect("listed");
    let record = &list[0];
    assert_eq!(record.id, inserted.id());
    assert_eq!(record.field("first_name"), Some("Nguyễn Thị"));
    assert_eq!(record.field("last_name"), Some("李"));
    assert_eq!(
        record.field("note"),
        Some("sore knee [31m ok"),
        "control characters dropped"
    );
    assert_eq!(record.fields[0].0, "first_name");
    assert_eq!(record.checked_in_at, now);
    assert_eq!(record.status, Status::Waiting);
    assert_eq!(record.source, Source::Desk);
    assert_eq!(Some(record.identity.clone()), new.identity);
}

fn status_changes_are_compare_and_set_and_audited(held: &Held) {
    let mut desk = held.open();
    let mut other_desk = held.open();
    desk.name_actor("Front desk");
    let now = at("2026-11-23T09:00:00-07:00");
    let id = add(desk.as_mut(), &patient("Ana", "Ruiz"), now).id();
    let waiting = StatusAt {
        status: Status::Waiting,
        at: now,
    };
    let called = StatusAt {
        status: Status::Called,
        at: now + Duration::minutes(1),
    };
    assert!(
        desk.change_status(id, waiting, called, (called.at, false))
            .expect("saved")
    );
    let seen = StatusAt {
        status: Status::Seen,
        at: now + Duration::minutes(2),
    };
    // The other desk still thinks the patient is waiting: refused.
    assert!(
        !other_desk
            .change_status(id, waiting, seen, (seen.at, false))
            .expect("answered")
    );
    let list = other_desk.list(date("2026-11-23")).expect("listed");
    assert_eq!(
        (list[0].status, list[0].status_changed_at),
        (Status::Called, called.at)
    );
    other_desk
        .set_status(id, Status::Seen, seen.at)
        .expect("saved");
    let missing = other_desk.set_status(CheckinId(9999), Status::Seen, seen.at);
    assert!(matches!(
        missing,
        Err(StoreError::NotFound { id: 9999, .. })
    ));
    let history = desk.history(date("2026-11-23")).expect("history");
    let actions: Vec<_> = history
        .iter()
        .map(|e| (e.action.clone(), e.actor.as_str()))
        .collect();
    assert_eq!(
        actions,
        [
            (AuditAction::Add, "Front desk"),
            (
                AuditAction::Status(Status::Waiting, Status::Called),
                "Front desk"
            ),
            (AuditAction::Status(Status::Called, Status::Seen), "unnamed"),
        ]
    );
}

fn corrections_removal_and_restore_are_audited(held: &Held) {
    let mut desk = held.open();
    let now = at("2026-11-23T09:00:00-07:00");
    let ana = patient("Ana", "Garsia");
    let id = add(desk.as_mut(), &ana, now).id();
    let fixed = patient("Ana", "García");
    assert!(
        desk.edit_if(id, &ana.fields, &fixed, now, false)
            .expect("saved")
    );
    assert!(
        !desk
            .edit_if(id, &ana.fields, &fixed, now, false)
            .expect("answered"),
        "stale"
    );
    let waiting = StatusAt {
        status: Status::Waiting,
        at: now,
    };
    let removed_at = now + Duration::minutes(3);
    assert!(
        desk.remove_if(id, waiting, removed_at, false)
            .expect("removed")
    );
    assert!(desk.list(date("2026-11-23")).expect("listed").is_empty());
    let removed = desk.removed(date("2026-11-23")).expect("removed list");
    assert_eq!(removed.len(), 1);
    assert_eq!(removed[0].removed_at, removed_at);
    assert_eq!(removed[0].record.field("last_name"), Some("García"));
    assert!(
        desk.restore_if(id, removed_at, now + Duration::minutes(4), true)
            .expect("restored")
    );
    assert_eq!(desk.list(date("2026-11-23")).expect("listed").len(), 1);
    let history = desk.history(date("2026-11-23")).expect("history");
    let actions: Vec<_> = history.iter().map(|e| (e.action.clone(), e.undo)).collect();
    assert_eq!(
        actions,
        [
            (AuditAction::Add, false),
            (
                AuditAction::Edit {
                    key: "last_name".into(),
                    old: "Garsia".into(),
                    new: "García".into()
                },
                false
            ),
            (AuditAction::Remove, false),
            (AuditAction::Restore, true),
        ]
    );
}

fn the_purge_keeps_recent_days_and_refuses_a_clock_far_ahead(held: &Held) {
    let mut store = held.open();
    add(
        store.as_mut(),
        &patient("Old", "One"),
        at("2026-10-01T09:00:00-06:00"),
    );
    add(
        store.as_mut(),
        &patient("New", "One"),
        at("2026-11-23T09:00:00-07:00"),
    );
    let rules = PurgeRules::default();
    // A clock a year ahead would delete everything: refused, nothing gone.
    let refused = store.purge_older_than(date("2027-11-23"), rules);
    assert!(
        matches!(refused, Err(StoreError::ClockAhead { .. })),
        "{refused:?}"
    );
    assert_eq!(tickets(store.as_mut(), "2026-10-01"), [1]);
    let deleted = store
        .purge_older_than(date("2026-11-01"), rules)
        .expect("purged");
    assert_eq!(deleted, 1);
    assert!(tickets(store.as_mut(), "2026-10-01").is_empty());
    assert_eq!(tickets(store.as_mut(), "2026-11-23"), [1]);
    assert!(
        store
            .history(date("2026-10-01"))
            .expect("history")
            .is_empty(),
        "its audit went too"
    );
    let trusted = PurgeRules {
        trust_clock: true,
        ..rules
    };
    assert_eq!(
        store
            .purge_older_than(date("2027-11-23"), trusted)
            .expect("purged"),
        1
    );
}

fn the_purge_never_deletes_what_this_run_stored(held: &Held) {
    let mut store = held.open();
    add(
        store.as_mut(),
        &patient("Old", "One"),
        at("2026-11-01T09:00:00-06:00"),
    );
    let first = add(
        store.as_mut(),
        &patient("Mine", "One"),
        at("2026-11-02T09:00:00-07:00"),
    );
    let rules = PurgeRules {
        keep_from: Some(first.id()),
        trust_clock: true,
    };
    assert_eq!(
        store
            .purge_older_than(date("2026-12-01"), rules)
            .expect("purged"),
        1
    );
    assert_eq!(tickets(store.as_mut(), "2026-11-02"), [1]);
}

fn another_connections_change_moves_the_stamp(held: &Held) {
    let mut desk = held.open();
    let mut kiosk = held.open();
    let before = desk.change_stamp().expect("stamp");
    assert_eq!(
        desk.change_stamp().expect("stamp"),
        before,
        "nothing changed yet"
    );
    add(
        kiosk.as_mut(),
        &patient("Ana", "Ruiz"),
        at("2026-11-23T09:00:00-07:00"),
    );
    // A notification may take a moment to arrive over the network.
    let moved = (0..100).any(|_| {
        let now = desk.change_stamp().expect("stamp");
        now != before || {
            std::thread::sleep(std::time::Duration::from_millis(20));
            false
        }
    });
    assert!(moved, "the desk learns of the kiosk's check-in");
}

fn holds_tells_stored_from_unknown(held: &Held) {
    let mut store = held.open();
    let inserted = add(
        store.as_mut(),
        &patient("Ana", "Ruiz"),
        at("2026-11-23T09:00:00-07:00"),
    );
    assert!(store.holds(inserted.id(), 1).expect("answered"));
    assert!(!store.holds(inserted.id(), 2).expect("answered"));
    assert!(
        !store
            .holds(CheckinId(inserted.id().0 + 100), 1)
            .expect("answered")
    );
}
