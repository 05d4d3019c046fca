#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use chrono::{Duration, TimeZone};
use chrono_tz::America::Denver;
use proptest::prelude::*;

use super::*;
use crate::config::Config;

/// Weekdays 09:00-18:00, Saturday 09:00-14:00, Sunday closed; a closure on
/// Thursday 26 November 2026; a closing notice on Monday 23 November
/// 12:00-12:20.
const HOURS: &str = r#"
[clinic]
name = "C"
timezone = "America/Denver"
[hours]
monday = "09:00-18:00"
tuesday = "09:00-18:00"
wednesday = "09:00-18:00"
thursday = "09:00-18:00"
friday = "09:00-18:00"
saturday = "09:00-14:00"
[[closures]]
date = "2026-11-26"
reason = "Thanksgiving Day"
[[notices]]
text = "Closed for a staff meeting"
from = "2026-11-23 12:00"
until = "2026-11-23 12:20"
closes = true
"#;

fn schedule() -> Schedule {
    Config::parse(Path::new("kiosk.toml"), HOURS, Path::new("/"))
        .unwrap()
        .schedule
}

fn rule(after: i64, before: i64) -> ScreenSleep {
    ScreenSleep {
        after_closing: Duration::minutes(after),
        before_opening: Duration::minutes(before),
    }
}

/// Denver wall time in November 2026.
fn at(day: u32, h: u32, m: u32) -> DateTime<Utc> {
    Denver
        .with_ymd_and_hms(2026, 11, day, h, m, 0)
        .unwrap()
        .with_timezone(&Utc)
}

#[test]
fn asleep_from_half_an_hour_after_closing_until_half_an_hour_before_opening() {
    let (s, r) = (schedule(), rule(30, 30));
    // Monday 23 November: closes at 18:00.
    assert!(!asleep_at(&s, &r, at(23, 18, 0)));
    assert!(!asleep_at(&s, &r, at(23, 18, 29)));
    assert!(asleep_at(&s, &r, at(23, 18, 30)));
    assert!(asleep_at(&s, &r, at(24, 3, 0)));
    assert!(asleep_at(&s, &r, at(24, 8, 29)));
    assert!(!asleep_at(&s, &r, at(24, 8, 30)));
    assert!(!asleep_at(&s, &r, at(24, 10, 0)));
    assert_eq!(next_change(&s, &r, at(23, 17, 0)), Some(at(23, 18, 30)));
    assert_eq!(next_change(&s, &r, at(23, 18, 30)), Some(at(24, 8, 30)));
}

#[test]
fn a_closing_notice_shorter_than_both_margins_never_sleeps() {
    let (s, r) = (schedule(), rule(30, 30));
    assert!(
        !s.is_open_at(at(23, 12, 10)),
        "the notice closes the clinic"
    );
    assert!(!asleep_at(&s, &r, at(23, 12, 10)));
    // From Monday noon the next sleep is the evening's.
    assert_eq!(next_change(&s, &r, at(23, 11, 0)), Some(at(23, 18, 30)));
}

#[test]
fn a_closure_sleeps_the_whole_day_and_both_nights() {
    let (s, r) = (schedule(), rule(30, 30));
    let p = periods(&s, &r, at(25, 12, 0), at(28, 12, 0));
    assert_eq!(
        p,
        vec![
            SleepPeriod {
                from: at(25, 18, 30),
                until: at(27, 8, 30)
            },
            SleepPeriod {
                from: at(27, 18, 30),
                until: at(28, 8, 30)
            },
        ]
    );
}

#[test]
fn periods_are_clipped_to_the_window_asked_for() {
    let (s, r) = (schedule(), rule(30, 30));
    let p = periods(&s, &r, at(24, 3, 0), at(24, 4, 0));
    assert_eq!(
        p,
        vec![SleepPeriod {
            from: at(24, 3, 0),
            until: at(24, 4, 0)
        }]
    );
    assert!(periods(&s, &r, at(24, 10, 0), at(24, 17, 0)).is_empty());
}

#[test]
fn with_no_margins_the_screen_sleeps_whenever_the_clinic_is_closed() {
    let (s, r) = (schedule(), rule(0, 0));
    assert!(asleep_at(&s, &r, at(23, 18, 0)));
    assert!(asleep_at(&s, &r, at(23, 12, 0)), "the closing notice too");
    assert!(!asleep_at(&s, &r, at(23, 12, 20)));
    assert_eq!(next_change(&s, &r, at(23, 12, 5)), Some(at(23, 12, 20)));
}

#[test]
fn a_clinic_with_no_hours_sleeps_for_good() {
    let text = "[clinic]\nname = \"C\"\ntimezone = \"America/Denver\"\n";
    let s = Config::parse(Path::new("kiosk.toml"), text, Path::new("/"))
        .unwrap()
        .schedule;
    let r = rule(30, 30);
    assert!(asleep_at(&s, &r, at(23, 12, 0)));
    assert_eq!(next_change(&s, &r, at(23, 12, 0)), None);
}

proptest! {
    /// The next change is later, the state holds until just before it, and
    /// it really changes there.
    #[test]
    fn the_next_change_is_the_first_moment_the_answer_changes(
        minutes in 0i64..(60 * 24 * 14),
        after in 0i64..721,
        before in 0i64..721,
    ) {
        let (s, r) = (schedule(), rule(after, before));
        let t = at(20, 0, 0) + Duration::minutes(minutes);
        let now = asleep_at(&s, &r, t);
        let next = next_change(&s, &r, t);
        if let Some(next) = next {
            prop_assert!(next > t);
            prop_assert_ne!(asleep_at(&s, &r, next), now);
            // Every boundary falls on a whole minute: check each minute up
            // to the change, at most a day of them.
            let mut m = t + Duration::minutes(1);
            while m < next && m < t + Duration::days(1) {
                prop_assert_eq!(asleep_at(&s, &r, m), now, "changed early at {}", m);
                m += Duration::minutes(1);
            }
        }
    }
}
