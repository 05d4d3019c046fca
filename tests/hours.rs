//! The opening-hours engine (`kiosk::hours`) checked against an oracle
//! written straight from the product owner's contract, a brute-force search
//! for the next change, hand-worked DST cases, and `kiosk status --json`.
//!
//! The oracle deliberately uses none of the engine's helpers (no
//! `ranges_for`, `periods_of`, `merged_periods`, `is_open_wall`, `span`): it
//! reads the public fields of `Schedule` and applies the contract rules.

#![allow(clippy::expect_used, clippy::panic)]

use std::collections::BTreeMap;
use std::process::Command;
use std::sync::OnceLock;

use chrono::{
    DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone, Utc,
};
use chrono_tz::Tz;
use kiosk::hours::{Closure, HORIZON, OpenState, Schedule, SpecialDay, TimeRange, parse_ranges};
use proptest::prelude::*;
use proptest::test_runner::{Config as ProptestConfig, TestCaseError};

// ---------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------

const DAY: u16 = 24 * 60;

fn ranges(text: &str) -> Vec<TimeRange> {
    parse_ranges(text).expect("test ranges are valid")
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

/// An instant from RFC 3339 text (any offset).
fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .expect("valid RFC 3339")
        .with_timezone(&Utc)
}

fn empty_week() -> [Vec<TimeRange>; 7] {
    Default::default()
}

fn week_all(text: &str) -> [Vec<TimeRange>; 7] {
    std::array::from_fn(|_| ranges(text))
}

fn schedule(tz: Tz, weekly: [Vec<TimeRange>; 7]) -> Schedule {
    Schedule {
        tz,
        weekly,
        closures: Vec::new(),
        special: BTreeMap::new(),
        notices: Vec::new(),
    }
}

fn closure(from: NaiveDate, to: NaiveDate) -> Closure {
    Closure {
        from,
        to,
        reason: None,
    }
}

fn special(text: &str) -> SpecialDay {
    SpecialDay {
        ranges: ranges(text),
        reason: None,
    }
}

fn offset_secs(tz: Tz, t: DateTime<Utc>) -> i32 {
    tz.offset_from_utc_datetime(&t.naive_utc())
        .fix()
        .local_minus_utc()
}

fn from_secs(s: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(s, 0).expect("instant in range")
}

// ---------------------------------------------------------------------------
// The oracle, straight from the contract
// ---------------------------------------------------------------------------

/// A closure covers `d`.
fn oracle_closed_date(s: &Schedule, d: NaiveDate) -> bool {
    s.closures.iter().any(|c| c.from <= d && d <= c.to)
}

/// The ranges `d` contributes: none if closed; its special hours if it has a
/// special-hours entry; else its weekday's weekly ranges.
fn oracle_own_ranges(s: &Schedule, d: NaiveDate) -> &[TimeRange] {
    if oracle_closed_date(s, d) {
        return &[];
    }
    match s.special.get(&d) {
        Some(day) => &day.ranges,
        None => &s.weekly[d.weekday().num_days_from_monday() as usize],
    }
}

/// Whether wall-clock time `wall` is open.
fn oracle_open_wall(s: &Schedule, wall: NaiveDateTime) -> bool {
    let today = wall.date();
    // A closure makes the whole date closed, spill from the day before included.
    if oracle_closed_date(s, today) {
        return false;
    }
    let yesterday = today.pred_opt().expect("date in range");
    [yesterday, today].into_iter().any(|d| {
        let midnight = d.and_time(NaiveTime::MIN);
        oracle_own_ranges(s, d).iter().any(|r| {
            let start = midnight + Duration::minutes(i64::from(r.start));
            // E <= S: overnight, ends at E on the next date.
            let end_minutes = if r.end <= r.start {
                i64::from(r.end) + i64::from(DAY)
            } else {
                i64::from(r.end)
            };
            let end = midnight + Duration::minutes(end_minutes);
            start <= wall && wall < end
        })
    })
}

/// Whether instant `t` is open: decided on the wall clock in the clinic zone.
fn oracle_open(s: &Schedule, t: DateTime<Utc>) -> bool {
    oracle_open_wall(s, t.with_timezone(&s.tz).naive_local())
}

/// The smallest whole second in `(lo, hi]` whose offset differs from `base`
/// (the offset at `lo`), given that `hi`'s does.
fn bisect_offset_change(tz: Tz, mut lo: i64, mut hi: i64, base: i32) -> DateTime<Utc> {
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if offset_secs(tz, from_secs(mid)) == base {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    from_secs(hi)
}

/// What a brute-force scan found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Brute {
    /// The first instant after `t` whose state differs.
    Change(DateTime<Utc>),
    /// No change at any point checked up to and including this instant.
    NoneUpTo(DateTime<Utc>),
}

/// Scans forward from `t` over every whole minute (UTC; all offsets used are
/// whole minutes, so these are also the wall-clock minutes) and the exact
/// second of every UTC-offset change, up to `t + window`. Between two such
/// consecutive points the wall clock crosses no minute boundary and the
/// offset is constant, so the state cannot change in between.
fn brute_next_change(s: &Schedule, t: DateTime<Utc>, window: Duration) -> Brute {
    let open = oracle_open(s, t);
    let end = t + window;
    let mut prev = t;
    let mut prev_offset = offset_secs(s.tz, t);
    let mut m = (t.timestamp().div_euclid(60) + 1) * 60;
    loop {
        let minute = from_secs(m);
        if minute > end {
            return Brute::NoneUpTo(prev);
        }
        let offset = offset_secs(s.tz, minute);
        if offset != prev_offset {
            let x = bisect_offset_change(s.tz, prev.timestamp(), m, prev_offset);
            if oracle_open(s, x) != open {
                return Brute::Change(x);
            }
        }
        if oracle_open(s, minute) != open {
            return Brute::Change(minute);
        }
        prev = minute;
        prev_offset = offset;
        m += 60;
    }
}

/// Every UTC-offset change of `tz` in `[from, to)`, to the second.
fn scan_transitions(tz: Tz, from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<DateTime<Utc>> {
    let mut out = Vec::new();
    let mut lo = from.timestamp();
    let mut base = offset_secs(tz, from);
    while lo < to.timestamp() {
        let hi = lo + 3600;
        let off = offset_secs(tz, from_secs(hi));
        if off != base {
            out.push(bisect_offset_change(tz, lo, hi, base));
            base = off;
        }
        lo = hi;
    }
    out
}

// ---------------------------------------------------------------------------
// Oracle self-checks (so a wrong oracle cannot hide an engine bug)
// ---------------------------------------------------------------------------

#[test]
fn oracle_agrees_with_hand_worked_cases() {
    let denver = chrono_tz::America::Denver;
    let mut s = schedule(denver, empty_week());
    // Monday 2026-06-15: 22:00-02:00; Tuesday 2026-06-16 special 12:00-13:00.
    s.weekly[0] = ranges("22:00-02:00");
    s.special.insert(date(2026, 6, 16), special("12:00-13:00"));
    let wall = |d: u32, h: u32, m: u32| date(2026, 6, d).and_hms_opt(h, m, 0).expect("time");
    assert!(!oracle_open_wall(&s, wall(15, 21, 59)));
    assert!(oracle_open_wall(&s, wall(15, 22, 0)));
    assert!(oracle_open_wall(&s, wall(16, 1, 59)));
    assert!(!oracle_open_wall(&s, wall(16, 2, 0)));
    assert!(oracle_open_wall(&s, wall(16, 12, 30)));
    s.closures
        .push(closure(date(2026, 6, 16), date(2026, 6, 16)));
    assert!(!oracle_open_wall(&s, wall(16, 1, 0)));
    assert!(!oracle_open_wall(&s, wall(16, 12, 30)));
    assert!(oracle_open_wall(&s, wall(15, 23, 59)));

    // Brute force on a plain case: opens 09:00 MDT = 15:00Z.
    let mut s = schedule(denver, empty_week());
    s.weekly[0] = ranges("09:00-18:00");
    assert_eq!(
        brute_next_change(&s, at("2026-06-15T08:30:00-06:00"), Duration::days(1)),
        Brute::Change(at("2026-06-15T15:00:00Z"))
    );
    // The scan finds Denver's two 2026 transitions to the second.
    let found = scan_transitions(
        denver,
        at("2026-01-01T00:00:00Z"),
        at("2027-01-01T00:00:00Z"),
    );
    assert_eq!(
        found,
        vec![at("2026-03-08T09:00:00Z"), at("2026-11-01T08:00:00Z")]
    );
    let lord_howe = scan_transitions(
        chrono_tz::Australia::Lord_Howe,
        at("2026-01-01T00:00:00Z"),
        at("2027-01-01T00:00:00Z"),
    );
    assert_eq!(lord_howe.len(), 2);
}

// ---------------------------------------------------------------------------
// Hand-written cases
// ---------------------------------------------------------------------------

#[track_caller]
fn assert_state(s: &Schedule, t: &str, open: bool, next: Option<&str>) {
    let t = at(t);
    let expected = OpenState {
        open,
        next_change: next.map(at),
    };
    assert_eq!(s.state_at(t), expected, "state_at({t})");
    assert_eq!(s.is_open_at(t), open, "is_open_at({t})");
    assert_eq!(oracle_open(s, t), open, "oracle at {t}");
}

/// Denver, only 2026-03-08 (spring forward at 02:00 MST = 09:00Z) has hours.
fn denver_on(d: NaiveDate, text: &str) -> Schedule {
    let mut s = schedule(chrono_tz::America::Denver, empty_week());
    s.special.insert(d, special(text));
    s
}

#[test]
fn spring_forward_range_closes_at_the_jump() {
    let s = denver_on(date(2026, 3, 8), "01:00-02:30");
    assert_state(
        &s,
        "2026-03-08T07:30:00Z",
        false,
        Some("2026-03-08T08:00:00Z"),
    );
    assert_state(
        &s,
        "2026-03-08T08:00:00Z",
        true,
        Some("2026-03-08T09:00:00Z"),
    );
    assert_state(
        &s,
        "2026-03-08T08:59:59.999999999Z",
        true,
        Some("2026-03-08T09:00:00Z"),
    );
    // 09:00Z is 03:00 MDT: past 02:30, closed for good.
    assert_state(&s, "2026-03-08T09:00:00Z", false, None);
}

#[test]
fn spring_forward_range_across_the_jump_stays_open() {
    let s = denver_on(date(2026, 3, 8), "01:30-03:30");
    // 01:30 MST = 08:30Z; the jump to 03:00 MDT is inside the range; 03:30 MDT = 09:30Z.
    assert_state(
        &s,
        "2026-03-08T08:45:00Z",
        true,
        Some("2026-03-08T09:30:00Z"),
    );
    let s = denver_on(date(2026, 3, 8), "01:30-03:00");
    assert_state(
        &s,
        "2026-03-08T08:45:00Z",
        true,
        Some("2026-03-08T09:00:00Z"),
    );
}

#[test]
fn spring_forward_range_starting_in_the_gap_opens_at_the_jump() {
    let s = denver_on(date(2026, 3, 8), "02:30-04:00");
    assert_state(
        &s,
        "2026-03-08T08:30:00Z",
        false,
        Some("2026-03-08T09:00:00Z"),
    );
    assert_state(
        &s,
        "2026-03-08T09:00:00Z",
        true,
        Some("2026-03-08T10:00:00Z"),
    );
    assert_state(&s, "2026-03-08T10:00:00Z", false, None);
    // A range wholly inside the gap never happens.
    let s = denver_on(date(2026, 3, 8), "02:00-02:30");
    assert_state(&s, "2026-03-08T07:00:00Z", false, None);
    assert_state(&s, "2026-03-08T09:00:00Z", false, None);
}

#[test]
fn fall_back_range_is_open_in_both_passes_of_the_fold() {
    // 2026-11-01: 02:00 MDT (08:00Z) falls back to 01:00 MST.
    let s = denver_on(date(2026, 11, 1), "00:30-01:30");
    assert_state(
        &s,
        "2026-11-01T06:00:00Z",
        false,
        Some("2026-11-01T06:30:00Z"),
    );
    assert_state(
        &s,
        "2026-11-01T06:30:00Z",
        true,
        Some("2026-11-01T07:30:00Z"),
    );
    // 01:30 MDT: closes, then reopens at the fold instant (01:00 MST).
    assert_state(
        &s,
        "2026-11-01T07:30:00Z",
        false,
        Some("2026-11-01T08:00:00Z"),
    );
    assert_state(
        &s,
        "2026-11-01T07:59:59.5Z",
        false,
        Some("2026-11-01T08:00:00Z"),
    );
    assert_state(
        &s,
        "2026-11-01T08:00:00Z",
        true,
        Some("2026-11-01T08:30:00Z"),
    );
    assert_state(
        &s,
        "2026-11-01T01:15:00-07:00",
        true,
        Some("2026-11-01T01:30:00-07:00"),
    );
    assert_state(&s, "2026-11-01T08:30:00Z", false, None);
}

#[test]
fn fall_back_range_over_the_fold_is_one_period() {
    let s = denver_on(date(2026, 11, 1), "01:00-02:00");
    // Opens 01:00 MDT = 07:00Z, runs through both 01:xx hours, closes 02:00 MST = 09:00Z.
    assert_state(
        &s,
        "2026-11-01T06:59:00Z",
        false,
        Some("2026-11-01T07:00:00Z"),
    );
    assert_state(
        &s,
        "2026-11-01T07:00:00Z",
        true,
        Some("2026-11-01T09:00:00Z"),
    );
    assert_state(
        &s,
        "2026-11-01T07:59:59Z",
        true,
        Some("2026-11-01T09:00:00Z"),
    );
    assert_state(
        &s,
        "2026-11-01T08:00:00Z",
        true,
        Some("2026-11-01T09:00:00Z"),
    );
    assert_state(&s, "2026-11-01T09:00:00Z", false, None);
}

/// Denver in June (MDT, UTC-6). 2026-06-15 is a Monday.
fn denver_june() -> Schedule {
    let mut s = schedule(chrono_tz::America::Denver, empty_week());
    s.weekly[0] = ranges("22:00-02:00");
    s
}

#[test]
fn overnight_spill_is_cut_by_a_closure() {
    let mut s = denver_june();
    s.closures
        .push(closure(date(2026, 6, 16), date(2026, 6, 16)));
    // Monday 22:00 MDT = Tue 04:00Z; Tuesday is closed, so it ends at 00:00 MDT = 06:00Z.
    assert_state(
        &s,
        "2026-06-15T21:00:00-06:00",
        false,
        Some("2026-06-15T22:00:00-06:00"),
    );
    assert_state(
        &s,
        "2026-06-15T23:00:00-06:00",
        true,
        Some("2026-06-16T00:00:00-06:00"),
    );
    // The next opening is the following Monday at 22:00.
    assert_state(
        &s,
        "2026-06-16T01:00:00-06:00",
        false,
        Some("2026-06-22T22:00:00-06:00"),
    );
}

#[test]
fn a_closed_dates_overnight_range_does_not_spill() {
    let mut s = denver_june();
    s.closures
        .push(closure(date(2026, 6, 15), date(2026, 6, 15)));
    assert_state(
        &s,
        "2026-06-15T12:00:00-06:00",
        false,
        Some("2026-06-22T22:00:00-06:00"),
    );
    assert_state(
        &s,
        "2026-06-16T01:00:00-06:00",
        false,
        Some("2026-06-22T22:00:00-06:00"),
    );
    // A span of closures ending on the Monday: the Tuesday is free but gets no spill.
    let mut s = denver_june();
    s.closures
        .push(closure(date(2026, 6, 10), date(2026, 6, 15)));
    assert_state(
        &s,
        "2026-06-16T00:30:00-06:00",
        false,
        Some("2026-06-22T22:00:00-06:00"),
    );
}

#[test]
fn special_hours_replace_weekly_but_keep_the_previous_days_spill() {
    let mut s = denver_june();
    s.weekly[1] = ranges("09:00-17:00");
    s.special.insert(date(2026, 6, 16), special("12:00-13:00"));
    assert_state(
        &s,
        "2026-06-16T01:00:00-06:00",
        true,
        Some("2026-06-16T02:00:00-06:00"),
    );
    assert_state(
        &s,
        "2026-06-16T10:00:00-06:00",
        false,
        Some("2026-06-16T12:00:00-06:00"),
    );
    assert_state(
        &s,
        "2026-06-16T12:00:00-06:00",
        true,
        Some("2026-06-16T13:00:00-06:00"),
    );
    // Special "closed" on the Tuesday: the Monday's spill still runs.
    s.special.insert(date(2026, 6, 16), special("closed"));
    assert_state(
        &s,
        "2026-06-16T01:00:00-06:00",
        true,
        Some("2026-06-16T02:00:00-06:00"),
    );
    assert_state(
        &s,
        "2026-06-16T02:00:00-06:00",
        false,
        Some("2026-06-22T22:00:00-06:00"),
    );
    // Special hours on the Monday replace its overnight range: no spill.
    let mut s = denver_june();
    s.special.insert(date(2026, 6, 15), special("10:00-11:00"));
    assert_state(
        &s,
        "2026-06-15T10:30:00-06:00",
        true,
        Some("2026-06-15T11:00:00-06:00"),
    );
    assert_state(
        &s,
        "2026-06-15T11:00:00-06:00",
        false,
        Some("2026-06-22T22:00:00-06:00"),
    );
    // Special overnight hours spill like weekly ones.
    s.special.insert(date(2026, 6, 15), special("23:00-03:00"));
    assert_state(
        &s,
        "2026-06-16T02:59:00-06:00",
        true,
        Some("2026-06-16T03:00:00-06:00"),
    );
}

#[test]
fn a_closure_wins_over_special_hours() {
    let mut s = denver_june();
    s.special.insert(date(2026, 6, 16), special("12:00-13:00"));
    s.closures
        .push(closure(date(2026, 6, 16), date(2026, 6, 16)));
    assert_state(
        &s,
        "2026-06-16T12:30:00-06:00",
        false,
        Some("2026-06-22T22:00:00-06:00"),
    );
    // An overnight special range on a closed date spills nowhere either.
    let mut s = schedule(chrono_tz::America::Denver, empty_week());
    s.special.insert(date(2026, 6, 16), special("20:00-04:00"));
    s.closures
        .push(closure(date(2026, 6, 16), date(2026, 6, 16)));
    assert_state(&s, "2026-06-17T01:00:00-06:00", false, None);
}

#[test]
fn touching_ranges_are_one_period() {
    let mut s = schedule(chrono_tz::America::Denver, empty_week());
    s.weekly[0] = ranges("20:00-24:00");
    s.weekly[1] = ranges("00:00-02:00");
    assert_state(
        &s,
        "2026-06-15T21:00:00-06:00",
        true,
        Some("2026-06-16T02:00:00-06:00"),
    );
    assert_state(
        &s,
        "2026-06-15T19:00:00-06:00",
        false,
        Some("2026-06-15T20:00:00-06:00"),
    );
    // Same day, touching.
    let mut s = schedule(chrono_tz::America::Denver, empty_week());
    s.weekly[0] = ranges("09:00-12:00, 12:00-13:00");
    assert_state(
        &s,
        "2026-06-15T10:00:00-06:00",
        true,
        Some("2026-06-15T13:00:00-06:00"),
    );
    // A spill overlapping the next day's ranges.
    let mut s = schedule(chrono_tz::America::Denver, empty_week());
    s.weekly[0] = ranges("22:00-03:00");
    s.weekly[1] = ranges("01:00-05:00");
    assert_state(
        &s,
        "2026-06-15T23:00:00-06:00",
        true,
        Some("2026-06-16T05:00:00-06:00"),
    );
    // A spill touching the next day's range which itself runs overnight.
    let mut s = schedule(chrono_tz::America::Denver, empty_week());
    s.weekly[0] = ranges("12:00-00:00");
    s.weekly[1] = ranges("00:00-12:00, 18:00-06:00");
    assert_state(
        &s,
        "2026-06-15T13:00:00-06:00",
        true,
        Some("2026-06-16T12:00:00-06:00"),
    );
    assert_state(
        &s,
        "2026-06-16T19:00:00-06:00",
        true,
        Some("2026-06-17T06:00:00-06:00"),
    );
}

#[test]
fn twenty_four_seven_never_changes() {
    for text in [
        "00:00-24:00",
        "09:00-09:00",
        "00:00-00:00",
        "18:00-12:00, 12:00-18:00",
    ] {
        for tz in ZONES {
            let s = schedule(tz, week_all(text));
            for t in [
                "2026-03-08T08:59:59Z",
                "2026-11-01T07:30:00Z",
                "2026-04-05T01:00:00+10:30",
                "2027-06-30T23:59:59.999Z",
            ] {
                assert_state(&s, t, true, None);
            }
        }
    }
}

#[test]
fn an_empty_schedule_never_changes() {
    for tz in ZONES {
        let mut s = schedule(tz, empty_week());
        assert_state(&s, "2026-03-08T08:59:59Z", false, None);
        s.special.insert(date(2026, 6, 16), special("closed"));
        s.closures.push(closure(date(2026, 7, 1), date(2026, 7, 9)));
        assert_state(&s, "2026-06-01T00:00:00Z", false, None);
    }
}

#[test]
fn the_horizon_is_400_days_inclusive() {
    assert_eq!(HORIZON, Duration::seconds(400 * 86_400));
    // Always open in UTC except for one closed date: it closes at its midnight.
    let mut s = schedule(chrono_tz::UTC, week_all("00:00-24:00"));
    s.closures.push(closure(date(2027, 6, 1), date(2027, 6, 1)));
    let change = at("2027-06-01T00:00:00Z");
    let t = change - HORIZON;
    assert_eq!(
        s.state_at(t),
        OpenState {
            open: true,
            next_change: Some(change)
        }
    );
    assert_eq!(s.state_at(t - Duration::seconds(1)).next_change, None);
    assert_eq!(s.state_at(t - Duration::nanoseconds(1)).next_change, None);
    assert_eq!(
        s.state_at(t + Duration::milliseconds(500)).next_change,
        Some(change)
    );

    // Never open in Denver except for special hours 400 days (of 86400 s,
    // across DST) later.
    let mut s = schedule(chrono_tz::America::Denver, empty_week());
    s.special.insert(date(2027, 7, 4), special("10:00-11:00"));
    let change = at("2027-07-04T10:00:00-06:00");
    let t = change - HORIZON;
    assert_eq!(
        s.state_at(t),
        OpenState {
            open: false,
            next_change: Some(change)
        }
    );
    assert_eq!(s.state_at(t - Duration::seconds(1)).next_change, None);
    assert_eq!(s.state_at(t - Duration::nanoseconds(1)).next_change, None);

    // The same with a long closure in the way, so the change is a closure's end.
    let mut s = schedule(chrono_tz::America::Denver, week_all("00:00-24:00"));
    s.closures
        .push(closure(date(2026, 1, 10), date(2027, 2, 20)));
    let change = at("2027-02-21T00:00:00-07:00");
    let t = change - HORIZON;
    assert!(t > at("2026-01-10T07:00:00Z"));
    assert_eq!(
        s.state_at(t),
        OpenState {
            open: false,
            next_change: Some(change)
        }
    );
    assert_eq!(s.state_at(t - Duration::seconds(1)).next_change, None);
}

// ---------------------------------------------------------------------------
// Generated schedules
// ---------------------------------------------------------------------------

const ZONES: [Tz; 8] = [
    chrono_tz::America::Denver,
    chrono_tz::America::New_York,
    chrono_tz::Europe::London,
    chrono_tz::Australia::Lord_Howe,
    chrono_tz::Asia::Kolkata,
    chrono_tz::Pacific::Chatham,
    chrono_tz::America::St_Johns,
    chrono_tz::UTC,
];

/// Offset changes of each zone in ZONES from 2026 to 2027.
fn transitions(zone: usize) -> &'static [DateTime<Utc>] {
    static CACHE: OnceLock<Vec<Vec<DateTime<Utc>>>> = OnceLock::new();
    &CACHE.get_or_init(|| {
        ZONES
            .iter()
            .map(|&tz| scan_transitions(tz, at("2026-01-01T00:00:00Z"), at("2028-01-01T00:00:00Z")))
            .collect()
    })[zone]
}

/// Wall times at which the zones in ZONES change offset (either side of the
/// jump): 01:00, 01:30, 02:00, 02:30, 02:45, 03:00, 03:45.
const TRANSITION_WALL_TIMES: [u16; 7] = [60, 90, 120, 150, 165, 180, 225];

/// A time of day in minutes, mostly on 15-minute boundaries, often in the
/// small hours where DST transitions happen (and exactly at them),
/// sometimes on half hours.
fn start_minute() -> impl Strategy<Value = u16> {
    prop_oneof![
        3 => (0u16..96).prop_map(|q| q * 15),
        2 => (0u16..17).prop_map(|q| q * 15),
        1 => prop::sample::select(&TRANSITION_WALL_TIMES[..]),
        1 => (0u16..48).prop_map(|h| h * 30),
    ]
}

/// As `start_minute`, but 24:00 is allowed.
fn end_minute() -> impl Strategy<Value = u16> {
    prop_oneof![
        6 => start_minute(),
        1 => Just(DAY),
    ]
}

fn range_strategy() -> BoxedStrategy<TimeRange> {
    let ordered = |a: u16, b: u16| if a <= b { (a, b) } else { (b, a) };
    prop_oneof![
        // Same-day (or 24 h when equal).
        4 => (start_minute(), end_minute()).prop_map(move |(a, b)| {
            let (s, e) = ordered(a, b);
            TimeRange { start: s, end: e }
        }),
        // Overnight: end <= start.
        3 => (start_minute(), start_minute()).prop_map(move |(a, b)| {
            let (e, s) = ordered(a, b);
            TimeRange { start: s, end: e }
        }),
        1 => start_minute().prop_map(|s| TimeRange { start: s, end: DAY }),
        1 => end_minute().prop_filter("non-empty", |e| *e > 0).prop_map(|e| TimeRange { start: 0, end: e }),
        1 => Just(TimeRange { start: 0, end: DAY }),
        1 => start_minute().prop_map(|s| TimeRange { start: s, end: s }),
    ]
    .boxed()
}

/// Start and end of a range in minutes from its own date's midnight.
fn span_of(r: TimeRange) -> (u32, u32) {
    let end = if r.end <= r.start {
        u32::from(r.end) + u32::from(DAY)
    } else {
        u32::from(r.end)
    };
    (u32::from(r.start), end)
}

/// Keeps ranges that do not overlap an earlier kept one (as the config
/// requires); touching is fine.
fn non_overlapping(candidates: Vec<TimeRange>) -> Vec<TimeRange> {
    let mut kept: Vec<TimeRange> = Vec::new();
    for r in candidates {
        let (a0, a1) = span_of(r);
        if kept.iter().all(|k| {
            let (b0, b1) = span_of(*k);
            a1 <= b0 || b1 <= a0
        }) {
            kept.push(r);
        }
    }
    kept
}

fn day_strategy() -> BoxedStrategy<Vec<TimeRange>> {
    prop_oneof![
        6 => prop::collection::vec(range_strategy(), 0..=3).prop_map(non_overlapping),
        // Two touching ranges a-b, b-c (c may wrap past midnight).
        1 => (start_minute(), start_minute(), end_minute()).prop_map(|(a, b, c)| {
            let mut v = [a, b];
            v.sort_unstable();
            let (a, b) = (v[0], v[1]);
            let first = TimeRange { start: a, end: b.max(a + 15).min(DAY - 15) };
            let second = TimeRange { start: first.end, end: c };
            non_overlapping(vec![first, second])
        }),
        1 => Just(Vec::new()),
    ]
    .boxed()
}

/// Everything needed to build one schedule and one instant; closure and
/// special dates are relative to the instant's local date.
#[derive(Clone, Debug)]
struct Case {
    zone: usize,
    near_transition: bool,
    transition: usize,
    delta: i64,
    random_secs: i64,
    nanos: u32,
    weekly: [Vec<TimeRange>; 7],
    closures: Vec<(i64, i64)>,
    special: Vec<(i64, Vec<TimeRange>)>,
}

fn case_strategy(
    closure_days: i64,
    special_days: i64,
    max_closure_len: i64,
) -> impl Strategy<Value = Case> {
    let delta = prop_oneof![
        4 => -345_600i64..345_600,
        2 => -21_600i64..0,
        1 => -3i64..=3,
        2 => (-360i64..360).prop_map(|m| m * 60),
    ];
    let nanos = prop_oneof![
        3 => Just(0u32),
        3 => 0u32..1_000_000_000,
        1 => Just(999_999_999u32),
        1 => Just(500_000_000u32),
    ];
    let closures = prop::collection::vec((-4i64..closure_days, 1i64..=max_closure_len), 0..=3);
    let special = prop::collection::vec((-4i64..special_days, day_strategy()), 0..=3);
    (
        (
            0..ZONES.len(),
            prop::bool::weighted(0.7),
            any::<usize>(),
            delta,
            0i64..(730 * 86_400),
            nanos,
        ),
        prop::array::uniform7(day_strategy()),
        closures,
        special,
    )
        .prop_map(
            |(
                (zone, near_transition, transition, delta, random_secs, nanos),
                weekly,
                closures,
                special,
            )| Case {
                zone,
                near_transition,
                transition,
                delta,
                random_secs,
                nanos,
                weekly,
                closures,
                special,
            },
        )
}

impl Case {
    fn build(&self) -> (Schedule, DateTime<Utc>) {
        let tz = ZONES[self.zone];
        let trans = transitions(self.zone);
        let whole = if self.near_transition && !trans.is_empty() {
            trans[self.transition % trans.len()] + Duration::seconds(self.delta)
        } else {
            at("2026-01-01T00:00:00Z") + Duration::seconds(self.random_secs)
        };
        let t = whole + Duration::nanoseconds(i64::from(self.nanos));
        let base = t.with_timezone(&tz).date_naive();
        let day = |n: i64| base + Duration::days(n);
        // Closures as the config accepts them: no date listed twice; sorted.
        let mut closures: Vec<Closure> = Vec::new();
        for &(from, len) in &self.closures {
            let c = closure(day(from), day(from + len - 1));
            if closures.iter().all(|o| c.to < o.from || o.to < c.from) {
                closures.push(c);
            }
        }
        closures.sort_by_key(|c| c.from);
        let special = self
            .special
            .iter()
            .map(|(n, r)| {
                (
                    day(*n),
                    SpecialDay {
                        ranges: r.clone(),
                        reason: None,
                    },
                )
            })
            .collect();
        let s = Schedule {
            tz,
            weekly: self.weekly.clone(),
            closures,
            special,
            notices: Vec::new(),
        };
        (s, t)
    }
}

const WINDOW: Duration = Duration::days(9);

/// Compares the engine at `t` with the oracle and the brute force; returns
/// the change the brute force found, if any.
fn compare_at(s: &Schedule, t: DateTime<Utc>) -> Result<Option<DateTime<Utc>>, TestCaseError> {
    let state = s.state_at(t);
    let open = oracle_open(s, t);
    prop_assert_eq!(state.open, open, "open at {} (wall {})", t, s.wall_at(t));
    prop_assert_eq!(s.is_open_at(t), open);
    prop_assert_eq!(s.wall_at(t), t.with_timezone(&s.tz).naive_local());
    match brute_next_change(s, t, WINDOW) {
        Brute::Change(x) => {
            prop_assert_eq!(
                state.next_change,
                Some(x),
                "next change after {} (wall {}, open {}): expected {} (wall {})",
                t,
                s.wall_at(t),
                open,
                x,
                s.wall_at(x)
            );
            Ok(Some(x))
        }
        Brute::NoneUpTo(last) => {
            if let Some(next) = state.next_change {
                prop_assert!(
                    next > last,
                    "engine says {} changes at {} but the brute force saw none up to {}",
                    t,
                    next,
                    last
                );
            }
            Ok(None)
        }
    }
}

/// Invariants: next_change is after t, within the horizon, the state is the
/// same at sampled points of [t, next_change) (and so is the next change
/// asked from there), and differs at next_change.
fn check_invariants(s: &Schedule, t: DateTime<Utc>) -> Result<(), TestCaseError> {
    let state = s.state_at(t);
    prop_assert_eq!(state.open, oracle_open(s, t));
    match state.next_change {
        Some(next) => {
            prop_assert!(next > t, "next change {} not after {}", next, t);
            prop_assert!(next <= t + HORIZON);
            prop_assert_ne!(oracle_open(s, next), state.open, "no change at {}", next);
            let after = s.state_at(next);
            prop_assert_ne!(after.open, state.open);
            if let Some(later) = after.next_change {
                prop_assert!(later > next);
            }
            let span = next - t;
            let mut points: Vec<DateTime<Utc>> = (0..48).map(|k| t + span * k / 48).collect();
            points.push(next - Duration::nanoseconds(1));
            if next - Duration::seconds(1) > t {
                points.push(next - Duration::seconds(1));
            }
            for (i, p) in points.into_iter().enumerate() {
                prop_assert_eq!(oracle_open(s, p), state.open, "state flips early at {}", p);
                if i % 6 == 0 || p > next - Duration::seconds(2) {
                    prop_assert_eq!(s.state_at(p), state, "asked again at {}", p);
                }
            }
        }
        None => {
            let mut p = t;
            while p <= t + HORIZON {
                prop_assert_eq!(
                    oracle_open(s, p),
                    state.open,
                    "no change reported but {} differs",
                    p
                );
                p += Duration::minutes(7 * 60 + 13);
            }
            prop_assert_eq!(oracle_open(s, t + HORIZON), state.open);
        }
    }
    Ok(())
}

/// `cases` generated cases, or `HOURS_CASES` from the environment for a
/// deeper run.
fn proptest_config(cases: u32) -> ProptestConfig {
    let cases = std::env::var("HOURS_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(cases);
    ProptestConfig {
        cases,
        // Do not write regression files into the source tree.
        failure_persistence: None,
        // Each case scans days minute by minute: keep shrinking a failure bounded.
        max_shrink_time: 60_000,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(proptest_config(300))]

    /// Open state against the oracle and next change against the brute
    /// force, at a generated instant and then exactly at the changes found
    /// (and just before them).
    #[test]
    fn engine_matches_oracle_and_brute_force(case in case_strategy(12, 12, 4)) {
        let (s, t) = case.build();
        let mut here = t;
        for _ in 0..3 {
            let Some(x) = compare_at(&s, here)? else { break };
            compare_at(&s, x - Duration::nanoseconds(1))?;
            here = x;
        }
    }
}

proptest! {
    #![proptest_config(proptest_config(200))]

    /// Invariants over the whole horizon, with long closures and special
    /// days far ahead.
    #[test]
    fn next_change_invariants(case in case_strategy(60, 60, 45)) {
        let (s, t) = case.build();
        check_invariants(&s, t)?;
        if let Some(next) = s.state_at(t).next_change {
            check_invariants(&s, next)?;
        }
    }
}

proptest! {
    #![proptest_config(proptest_config(64))]

    /// A closure of 400-odd days followed by generated hours: the reopening
    /// is reported when it is at most exactly 400 days away, and not when it
    /// is a second or a nanosecond further.
    #[test]
    fn change_at_the_horizon_edge(
        case in case_strategy(12, 12, 4),
        shift in prop_oneof![
            3 => Just(0i64),
            1 => Just(-1i64),
            1 => Just(1i64),
            2 => -86_400i64..86_400,
        ],
        nanos in prop_oneof![Just(0i64), Just(-1i64), Just(1i64)],
    ) {
        let (mut s, t0) = case.build();
        let base = t0.with_timezone(&s.tz).date_naive();
        let last_closed = base + Duration::days(400);
        s.closures = vec![closure(base - Duration::days(3), last_closed)];
        let reopen_midnight = (last_closed + Duration::days(1)).and_time(NaiveTime::MIN);
        let midnight = s
            .tz
            .from_local_datetime(&reopen_midnight)
            .earliest()
            .expect("local midnight exists in these zones")
            .with_timezone(&Utc);
        let probe = midnight - Duration::nanoseconds(1);
        let Brute::Change(change) = brute_next_change(&s, probe, WINDOW) else {
            // The hours never open after the closure.
            prop_assume!(false);
            unreachable!()
        };
        let t = change - HORIZON + Duration::seconds(shift) + Duration::nanoseconds(nanos);
        prop_assert!(oracle_closed_date(&s, t.with_timezone(&s.tz).date_naive()));
        let expected = (change <= t + HORIZON).then_some(change);
        prop_assert_eq!(
            s.state_at(t),
            OpenState { open: false, next_change: expected },
            "at {} the reopening at {} is {} after",
            t,
            change,
            change - t
        );
    }
}

// ---------------------------------------------------------------------------
// Through the binary
// ---------------------------------------------------------------------------

const CONFIG: &str = r#"
[clinic]
name = "Test Clinic"
timezone = "America/Denver"

[hours]
monday = "09:00-18:00"
tuesday = "22:00-02:00"
sunday = "closed"

[[closures]]
date = "2026-06-16"
reason = "Staff training"

[[special_hours]]
date = "2026-11-01"
hours = "00:30-01:30"
"#;

struct StatusOut {
    open: bool,
    next_change: Option<String>,
}

fn run_status(config: &str, t: &str) -> StatusOut {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("kiosk.toml");
    std::fs::write(&path, config).expect("write config");
    let out = Command::new(env!("CARGO_BIN_EXE_kiosk"))
        .arg("status")
        .arg("--config")
        .arg(&path)
        .args(["--at", t, "--json"])
        .output()
        .expect("run kiosk");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "kiosk status failed: {}\n{}",
        stdout,
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_str(stdout.trim()).expect("JSON on stdout");
    StatusOut {
        open: v["open"].as_bool().expect("`open` is a bool"),
        next_change: match &v["next_change"] {
            serde_json::Value::Null => None,
            serde_json::Value::String(s) => Some(s.clone()),
            other => panic!("`next_change` is {other}"),
        },
    }
}

#[track_caller]
fn assert_status(config: &str, t: &str, open: bool, next: Option<&str>) {
    let out = run_status(config, t);
    assert_eq!(out.open, open, "open at {t}");
    let got = out.next_change.as_deref().map(|s| {
        DateTime::parse_from_rfc3339(s).unwrap_or_else(|e| panic!("{s:?} is not RFC 3339: {e}"))
    });
    assert_eq!(
        got.map(|g| g.with_timezone(&Utc)),
        next.map(at),
        "next_change at {t}: {:?}",
        out.next_change
    );
}

#[test]
fn status_json_through_the_binary() {
    // Monday in June: open until 18:00 MDT.
    assert_status(
        CONFIG,
        "2026-06-15T10:00:00-06:00",
        true,
        Some("2026-06-16T00:00:00Z"),
    );
    // Tuesday is closed; its overnight range does not spill into Wednesday;
    // the next opening is Monday 09:00.
    assert_status(
        CONFIG,
        "2026-06-16T23:00:00-06:00",
        false,
        Some("2026-06-22T09:00:00-06:00"),
    );
    assert_status(
        CONFIG,
        "2026-06-17T01:00:00-06:00",
        false,
        Some("2026-06-22T09:00:00-06:00"),
    );
    // The fall-back fold: closed at 01:45 MDT, reopens at 01:00 MST (08:00Z).
    assert_status(
        CONFIG,
        "2026-11-01T01:45:00-06:00",
        false,
        Some("2026-11-01T08:00:00Z"),
    );
    let out = run_status(CONFIG, "2026-11-01T07:45:00Z");
    assert_eq!(
        out.next_change.as_deref(),
        Some("2026-11-01T01:00:00-07:00")
    );
    assert_status(
        CONFIG,
        "2026-11-01T01:15:00-07:00",
        true,
        Some("2026-11-01T01:30:00-07:00"),
    );

    // Never open: no next change.
    let closed = "[clinic]\nname = \"Closed\"\ntimezone = \"Australia/Lord_Howe\"\n\n[hours]\n";
    let out = run_status(closed, "2026-10-04T02:15:00+11:00");
    assert!(!out.open);
    assert_eq!(out.next_change, None);
}
