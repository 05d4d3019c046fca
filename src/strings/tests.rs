//! The wording helpers of `strings`: times, durations, labels, days.

use super::*;

#[test]
fn twelve_hour_times() {
    assert_eq!(clock_time(0, 5), "12:05 AM");
    assert_eq!(clock_time(9, 0), "9:00 AM");
    assert_eq!(clock_time(12, 0), "12:00 PM");
    assert_eq!(clock_time(18, 0), "6:00 PM");
    assert_eq!(minutes_time(1440), "12:00 AM");
    assert_eq!(range_text(720, 1440), "12:00 PM – midnight");
    assert_eq!(range_text(1320, 0), "10:00 PM – midnight");
    assert_eq!(range_text(540, 1080), "9:00 AM – 6:00 PM");
}

#[test]
fn durations_round_up_to_the_minute() {
    assert_eq!(duration_text(1), "1 min");
    assert_eq!(duration_text(60), "1 min");
    assert_eq!(duration_text(61), "2 min");
    assert_eq!(duration_text(2 * 3600 + 15 * 60), "2 h 15 min");
    assert_eq!(duration_text(3 * 3600), "3 h");
}

#[test]
fn labels_inside_sentences() {
    assert_eq!(please_enter("First name"), "Please enter your first name.");
    assert_eq!(please_enter("ZIP code"), "Please enter your ZIP code.");
    assert_eq!(please_enter(""), "Please enter your .");
    assert_eq!(
        date_month_first("Date of birth"),
        "Date of birth: the month comes first. Type it as MM/DD/YYYY, e.g. 04/17/1962"
    );
}

#[test]
fn relative_days() {
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default();
    let today = d("2026-11-21"); // a Saturday
    let at = |s: &str, h| d(s).and_hms_opt(h, 0, 0).unwrap_or_default();
    assert_eq!(when_text(today, at("2026-11-21", 14), false), "at 2:00 PM");
    assert_eq!(
        when_text(today, at("2026-11-21", 14), true),
        "today at 2:00 PM"
    );
    assert_eq!(
        when_text(today, at("2026-11-22", 9), true),
        "tomorrow at 9:00 AM"
    );
    assert_eq!(
        when_text(today, at("2026-11-23", 9), true),
        "Monday at 9:00 AM"
    );
    assert_eq!(
        when_text(today, at("2026-11-30", 9), true),
        "Monday, November 30 at 9:00 AM"
    );
    // Six months to the day still goes without the year; a day more has it.
    assert_eq!(
        when_text(today, at("2027-05-21", 9), true),
        "Friday, May 21 at 9:00 AM"
    );
    assert_eq!(
        when_text(today, at("2027-05-22", 9), true),
        "Saturday, May 22, 2027 at 9:00 AM"
    );
}
