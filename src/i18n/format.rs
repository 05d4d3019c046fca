//! Dates, times and durations in a language. Month and day names come from
//! chrono's locale data (glibc's, through pure-rust-locales); the patterns
//! and the words around numbers come from the message files.

use std::fmt::Write as _;

use chrono::{Months, NaiveDate, NaiveDateTime, Timelike};
use fluent_bundle::FluentResource;
use fluent_bundle::concurrent::FluentBundle;

use super::{Words, num};

/// How a language reads the time of day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Clock {
    /// `6:00 PM`.
    Twelve,
    /// `18:00`.
    TwentyFour,
}

impl Clock {
    /// The `clock-hours` message of a language's `meta.ftl` (`12` or `24`).
    pub(super) fn from_message(bundle: &FluentBundle<FluentResource>) -> Option<Self> {
        let pattern = bundle.get_message("clock-hours")?.value()?;
        let mut errors = Vec::new();
        match bundle.format_pattern(pattern, None, &mut errors).trim() {
            "12" => Some(Self::Twelve),
            "24" => Some(Self::TwentyFour),
            _ => None,
        }
    }

    /// `"12"` or `"24"`, as in `kiosk.toml`.
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "12" => Some(Self::Twelve),
            "24" => Some(Self::TwentyFour),
            _ => None,
        }
    }
}

impl Words<'_> {
    /// chrono's locale for month and day names (`locale-dates` in the
    /// message files, e.g. `es_US`).
    fn locale(&self) -> chrono::Locale {
        chrono::Locale::try_from(self.t("locale-dates").as_str()).unwrap_or(chrono::Locale::en_US)
    }

    /// A date through the pattern of message `id` (chrono's `%A`, `%B`,
    /// `%-d`, `%Y`...). A pattern chrono cannot read falls back to English.
    fn date_pattern(&self, id: &str, date: NaiveDate) -> String {
        let pattern = self.t(id);
        let mut out = String::new();
        if write!(out, "{}", date.format_localized(&pattern, self.locale())).is_ok() {
            return out;
        }
        tracing::warn!("message {id} in {}: not a date pattern", self.code());
        let english = super::english();
        let mut out = String::new();
        let _ = write!(
            out,
            "{}",
            date.format_localized(&english.t(id), chrono::Locale::en_US)
        );
        out
    }

    /// `Monday`, `lunes`.
    pub fn weekday(&self, date: NaiveDate) -> String {
        self.date_pattern("date-weekday", date)
    }

    /// `November`, `noviembre`.
    pub fn month(&self, year: i32, month: u32) -> String {
        let first = NaiveDate::from_ymd_opt(year, month.clamp(1, 12), 1).unwrap_or_default();
        self.date_pattern("date-month", first)
    }

    /// `Saturday, November 21`, `sábado, 21 de noviembre`.
    pub fn long_date(&self, date: NaiveDate) -> String {
        self.date_pattern("date-long", date)
    }

    /// `Monday, June 7, 2027`: for dates more than six months away.
    pub fn long_date_with_year(&self, date: NaiveDate) -> String {
        self.date_pattern("date-long-year", date)
    }

    /// `April 17, 1962`, `17 de abril de 1962`.
    pub fn full_date(&self, date: NaiveDate) -> String {
        self.date_pattern("date-full", date)
    }

    /// `6:00 PM` or `18:00`, as the language's clock reads.
    pub fn time(&self, hour: u32, minute: u32) -> String {
        let minute = format!("{:02}", minute % 60);
        let hour = hour % 24;
        match self.clock() {
            Clock::TwentyFour => self.f(
                "time-24h",
                &[("hour", num(hour)), ("minute", minute.into())],
            ),
            Clock::Twelve => {
                let (h12, half) = match hour {
                    0 => (12, "am"),
                    1..=11 => (hour, "am"),
                    12 => (12, "pm"),
                    _ => (hour - 12, "pm"),
                };
                self.f(
                    "time-12h",
                    &[
                        ("hour", num(h12)),
                        ("minute", minute.into()),
                        ("half", half.into()),
                    ],
                )
            }
        }
    }

    /// A time of day given in minutes after midnight.
    pub fn minutes_time(&self, minutes: u16) -> String {
        let m = u32::from(minutes) % 1440;
        self.time(m / 60, m % 60)
    }

    /// `9:00 AM – 6:00 PM`; an end at midnight reads "midnight".
    pub fn range(&self, start: u16, end: u16) -> String {
        let end_text = if end.is_multiple_of(1440) {
            self.t("time-midnight")
        } else {
            self.minutes_time(end)
        };
        self.f(
            "time-range",
            &[
                ("start", self.minutes_time(start).into()),
                ("end", end_text.into()),
            ],
        )
    }

    /// `2 h 15 min`, `45 min`, `3 h`; rounded up to the minute.
    pub fn duration(&self, seconds: i64) -> String {
        let minutes = (seconds.max(0) + 59) / 60;
        self.hours_minutes(minutes / 60, minutes % 60, false)
    }

    /// `0 min`, `1 h 5 min`; with `zero_minutes`, `1 h 0 min`.
    pub fn hours_minutes(&self, hours: i64, minutes: i64, zero_minutes: bool) -> String {
        match (hours, minutes) {
            (0, m) => self.f("duration-minutes", &[("minutes", num(m))]),
            (h, 0) if !zero_minutes => self.f("duration-hours", &[("hours", num(h))]),
            (h, m) => self.f(
                "duration-hours-minutes",
                &[("hours", num(h)), ("minutes", num(m))],
            ),
        }
    }

    /// `in 2 h 15 min`.
    pub fn in_duration(&self, seconds: i64) -> String {
        self.f(
            "duration-in",
            &[("duration", self.duration(seconds).into())],
        )
    }

    /// When a change happens, relative to today: `at 6:00 PM`, `tomorrow at
    /// 9:00 AM`, `Monday at 9:00 AM`, or `Monday, January 4 at 9:00 AM`
    /// (with the year when more than six months away). `say_today` adds
    /// "today" for a change later today.
    pub fn when(&self, today: NaiveDate, at: NaiveDateTime, say_today: bool) -> String {
        let time = self.time(at.hour(), at.minute());
        // The hour as the clock shows it, for words that agree with it
        // (Spanish "a la 1:00", "a las 2:00").
        let hour = num(match (self.clock(), at.hour()) {
            (Clock::TwentyFour, h) => h,
            (Clock::Twelve, 0) => 12,
            (Clock::Twelve, h) if h > 12 => h - 12,
            (Clock::Twelve, h) => h,
        });
        let days = (at.date() - today).num_days();
        let (id, day) = match days {
            0 if say_today => ("when-today", String::new()),
            0 => ("when-at", String::new()),
            1 => ("when-tomorrow", String::new()),
            2..=6 => ("when-weekday", self.weekday(at.date())),
            _ if today
                .checked_add_months(Months::new(6))
                .is_none_or(|half_year| at.date() > half_year) =>
            {
                ("when-date", self.long_date_with_year(at.date()))
            }
            _ => ("when-date", self.long_date(at.date())),
        };
        self.f(
            id,
            &[("time", time.into()), ("hour", hour), ("day", day.into())],
        )
    }
}
