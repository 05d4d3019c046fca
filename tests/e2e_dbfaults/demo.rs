//! A demonstration clock (`kiosk run --at`) a year ahead: the clinic's own
//! database is neither purged nor written; the demonstration's check-ins go
//! to a file of their own, and the screen says so.

use std::time::Duration;

use chrono::{DateTime, Utc};
use kiosk::config::DuplicateKey;
use kiosk::store::{NewCheckin, Store};

use crate::common::PtyKiosk;
use crate::site::{Site, check_in_ok, names, rows_in, wait_for_slides};

/// A Monday, a year after the clinic's last check-ins.
const NEXT_YEAR: &str = "2027-11-22T10:00:00-07:00";

#[test]
fn a_demonstration_a_year_ahead_leaves_the_clinics_database_alone() {
    let site = Site::new();
    let real = site.data().join("checkins.db");
    {
        let mut store = Store::open(&real, chrono_tz::America::Denver).expect("opens");
        let at: DateTime<Utc> = DateTime::parse_from_rfc3339("2026-11-23T09:30:00-07:00")
            .expect("a moment")
            .into();
        for (first, last) in [("Ana", "Real"), ("Ben", "Real")] {
            let fields = vec![
                ("first_name".into(), first.into()),
                ("last_name".into(), last.into()),
            ];
            let new = NewCheckin::new(fields, &DuplicateKey::DEFAULT);
            store
                .insert(&new, at, chrono::Duration::zero())
                .expect("seeded");
        }
    }
    let before = std::fs::read(&real).expect("reads");
    let mut kiosk = PtyKiosk::spawn(site.args_at(NEXT_YEAR, &[]), 100, 30);
    wait_for_slides(&kiosk);
    kiosk.wait_for_text("DEMONSTRATION: check-ins kept apart");
    check_in_ok(&mut kiosk, "Dee", "Demo");
    // Long enough for the daily purge, which runs at the first poll.
    std::thread::sleep(Duration::from_secs(3));
    kiosk.signal("TERM");
    assert!(kiosk.wait_exit(Duration::from_secs(10)).is_some());
    assert_eq!(
        names(&rows_in(&real)),
        [
            ("Ana".to_string(), "Real".to_string()),
            ("Ben".to_string(), "Real".to_string())
        ],
        "the clinic's check-ins are all still there"
    );
    assert_eq!(std::fs::read(&real).expect("reads"), before, "not written");
    assert_eq!(
        names(&rows_in(&site.database())),
        [("Dee".to_string(), "Demo".to_string())]
    );
}
