//! The least-privilege roles of docs/postgres.md, granted exactly as the
//! document says (its grants block is read from the file), on the test
//! server: the kiosk's role can check patients in and call them, and
//! nothing more; the desk's can correct, remove and purge.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

mod pg_support;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use kiosk::store::{
    NewCheckin, PgStore, PurgeRules, Source, Status, StatusAt, StoreError, new_key,
};

fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .expect("RFC 3339")
        .with_timezone(&Utc)
}

/// The SQL block after `marker` in docs/postgres.md, without psql's
/// commands and the search_path (the test's schema is already first).
fn documented(marker: &str) -> String {
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/postgres.md"))
        .expect("docs/postgres.md");
    let after = doc.split(marker).nth(1).expect("the marker");
    let block = after
        .split("```sql")
        .nth(1)
        .and_then(|b| b.split("```").next())
        .expect("an SQL block");
    block
        .lines()
        .filter(|l| !l.starts_with('\\') && !l.starts_with("SET search_path"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A store on `scratch` acting as `role`.
fn as_role(scratch: &pg_support::Scratch, role: &str) -> PgStore {
    let search = format!("search_path%3D{}", scratch.schema);
    let url = scratch
        .url()
        .replace(&search, &format!("{search}%20-c%20role%3D{role}"));
    let target = kiosk::store::postgres::target(&url, None).expect("reads");
    PgStore::connect(target, chrono_tz::America::Denver, "main", false).expect("connects")
}

#[test]
fn each_role_can_do_what_the_document_says_and_no_more() {
    let scratch = pg_support::Scratch::new();
    scratch.store("main"); // the owner migrates
    let suffix = &scratch.schema[2..10];
    let (checkin, desk) = (
        format!("kiosk_checkin_{suffix}"),
        format!("kiosk_desk_{suffix}"),
    );
    let grants = documented("<!-- grants-sql -->")
        .replace("kiosk_checkin", &checkin)
        .replace("kiosk_desk", &desk);
    let mut admin = scratch.client();
    admin
        .batch_execute(&format!(
            "CREATE ROLE {checkin} NOLOGIN; CREATE ROLE {desk} NOLOGIN;
             GRANT {checkin} TO {desk}; GRANT {checkin}, {desk} TO CURRENT_USER;
             GRANT USAGE ON SCHEMA {0} TO {checkin};
             GRANT SELECT ON ALL TABLES IN SCHEMA {0} TO {checkin};
             {grants}",
            scratch.schema
        ))
        .expect("the documented grants run");
    let now = at("2026-11-23T09:00:00-07:00");
    let day = NaiveDate::from_ymd_opt(2026, 11, 23).expect("a date");
    let ana = NewCheckin::new(vec![("first_name".into(), "Ana".into())], &["first_name"]);

    let mut kiosk = as_role(&scratch, &checkin);
    let id = kiosk
        .add(&ana, &new_key(), now, Duration::hours(1), Source::Kiosk)
        .expect("the kiosk checks a patient in")
        .id();
    kiosk
        .add(&ana, &new_key(), now, Duration::hours(1), Source::Kiosk)
        .expect("and notes a repeat");
    let waiting = StatusAt {
        status: Status::Waiting,
        at: now,
    };
    let called = StatusAt {
        status: Status::Called,
        at: now + Duration::minutes(1),
    };
    assert!(
        kiosk
            .change_status(id, waiting, called, (called.at, false))
            .expect("calls")
    );
    assert_eq!(kiosk.list(day).expect("reads").len(), 1);
    let fixed = NewCheckin::new(vec![("first_name".into(), "Anna".into())], &["first_name"]);
    let refused = kiosk.edit_if(id, &ana.fields, &fixed, now, false);
    assert!(
        matches!(refused, Err(StoreError::ReadOnly { .. })),
        "{refused:?}"
    );
    let purge = kiosk.purge_older_than(
        day + Duration::days(30),
        PurgeRules {
            keep_from: None,
            trust_clock: true,
        },
    );
    assert!(
        matches!(purge, Err(StoreError::ReadOnly { .. })),
        "{purge:?}"
    );

    let mut front = as_role(&scratch, &desk);
    assert!(
        front
            .edit_if(id, &ana.fields, &fixed, now, false)
            .expect("corrects")
    );
    assert!(front.remove_if(id, called, now, false).expect("removes"));
    let rules = PurgeRules {
        keep_from: None,
        trust_clock: true,
    };
    assert_eq!(
        front
            .purge_older_than(day + Duration::days(30), rules)
            .expect("purges"),
        1
    );
    admin
        .batch_execute(&format!(
            "DROP SCHEMA {} CASCADE; DROP ROLE {desk}; DROP ROLE {checkin};",
            scratch.schema
        ))
        .expect("cleaned up");
}
