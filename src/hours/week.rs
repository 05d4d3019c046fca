//! The hours of the coming seven days, as shown to patients.

use chrono::{Duration, NaiveDate};

use super::schedule::Schedule;
use crate::i18n::Words;

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

/// The seven days starting at `today`, in a language.
pub fn week_from(schedule: &Schedule, today: NaiveDate, w: Words<'_>) -> Vec<DayHours> {
    (0..7)
        .filter_map(|i| today.checked_add_signed(Duration::days(i)))
        .map(|date| day_hours(schedule, date, today, w))
        .collect()
}

fn day_hours(schedule: &Schedule, date: NaiveDate, today: NaiveDate, w: Words<'_>) -> DayHours {
    let (hours, note) = match schedule.closure_on(date) {
        Some(closure) => (w.t("hours-closed-day"), closure.reason.clone()),
        None => {
            let ranges = schedule.ranges_for(date);
            let text = if ranges.is_empty() {
                w.t("hours-closed-day")
            } else {
                let parts: Vec<String> = ranges.iter().map(|r| w.range(r.start, r.end)).collect();
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
    pub fn day_label(&self, w: Words<'_>) -> String {
        w.weekday(self.date)
    }
}
