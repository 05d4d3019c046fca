//! The hours of the coming seven days, as shown to patients.

use chrono::{Datelike, Duration, NaiveDate};

use super::schedule::Schedule;
use crate::strings;

/// One day's line in a week of hours.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DayHours {
    pub date: NaiveDate,
    pub is_today: bool,
    /// `9:00 AM – 6:00 PM`, several ranges joined by commas, or `Closed`.
    pub hours: String,
    /// A closure's or special day's reason.
    pub note: Option<String>,
}

/// The seven days starting at `today`.
pub fn week_from(schedule: &Schedule, today: NaiveDate) -> Vec<DayHours> {
    (0..7)
        .filter_map(|i| today.checked_add_signed(Duration::days(i)))
        .map(|date| day_hours(schedule, date, today))
        .collect()
}

fn day_hours(schedule: &Schedule, date: NaiveDate, today: NaiveDate) -> DayHours {
    let (hours, note) = match schedule.closure_on(date) {
        Some(closure) => (strings::CLOSED_DAY.to_string(), closure.reason.clone()),
        None => {
            let ranges = schedule.ranges_for(date);
            let text = if ranges.is_empty() {
                strings::CLOSED_DAY.to_string()
            } else {
                let parts: Vec<String> = ranges
                    .iter()
                    .map(|r| strings::range_text(r.start, r.end))
                    .collect();
                parts.join(", ")
            };
            let note = schedule.special.get(&date).and_then(|s| s.reason.clone());
            (text, note)
        }
    };
    DayHours {
        date,
        is_today: date == today,
        hours,
        note,
    }
}

impl DayHours {
    /// `Monday` (and the date when it is more than a plain weekday: a
    /// closure or special hours).
    pub fn day_label(&self) -> &'static str {
        strings::weekday_name(self.date.weekday())
    }
}
