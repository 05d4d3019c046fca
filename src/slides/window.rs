//! When a slide may show: dates, weekdays, a time of day, and the clinic's
//! open/closed state.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, Timelike};

use crate::hours::{DAY_MINUTES, TimeRange, weekday_index};

/// The wall-clock window a slide shows in. Every part left out allows all.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Window {
    /// The weekdays (Monday first) the slide shows on; `None` is every day.
    /// With `time`, a day means the time windows that *start* on it.
    pub days: Option<[bool; 7]>,
    /// A time of day; an end at or before the start runs past midnight and
    /// belongs to the day it starts on, like opening hours.
    pub time: Option<TimeRange>,
    /// The first date shown (inclusive).
    pub from: Option<NaiveDate>,
    /// The last date shown (inclusive).
    pub until: Option<NaiveDate>,
}

impl Window {
    /// Whether wall-clock time `wall` lies in the window.
    pub fn contains(&self, wall: NaiveDateTime) -> bool {
        let date = wall.date();
        if self.from.is_some_and(|f| date < f) || self.until.is_some_and(|u| date > u) {
            return false;
        }
        let Some(time) = self.time else {
            return self.on_day(date);
        };
        let (start, end) = time.span();
        let minute = wall.hour() * 60 + wall.minute();
        let today = self.on_day(date) && start <= minute && minute < end;
        let yesterday = date.checked_sub_signed(Duration::days(1));
        let spill = minute + u32::from(DAY_MINUTES);
        let from_yesterday =
            yesterday.is_some_and(|d| self.on_day(d)) && start <= spill && spill < end;
        today || from_yesterday
    }

    fn on_day(&self, date: NaiveDate) -> bool {
        self.days
            .is_none_or(|days| days[weekday_index(date.weekday())])
    }
}

/// Which clinic states a slide shows in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum When {
    /// Always.
    #[default]
    Any,
    /// While open, including while closing soon.
    Open,
    /// While closed.
    Closed,
    /// Only while open and closing soon.
    ClosingSoon,
}

impl When {
    /// The words staff write for each state.
    pub const NAMES: [&'static str; 4] = ["any", "open", "closed", "closing_soon"];

    /// The state named `name` (exactly as written in [`When::NAMES`],
    /// ignoring case).
    pub fn from_name(name: &str) -> Option<Self> {
        match name.to_ascii_lowercase().as_str() {
            "any" => Some(Self::Any),
            "open" => Some(Self::Open),
            "closed" => Some(Self::Closed),
            "closing_soon" => Some(Self::ClosingSoon),
            _ => None,
        }
    }

    pub fn matches(self, open: bool, closing_soon: bool) -> bool {
        match self {
            Self::Any => true,
            Self::Open => open,
            Self::Closed => !open,
            Self::ClosingSoon => open && closing_soon,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::slides::{Slide, eligible_indices};

    /// 2026-11-20 is a Friday.
    fn at(date: &str, hour: u32, minute: u32) -> NaiveDateTime {
        NaiveDate::parse_from_str(date, "%Y-%m-%d")
            .ok()
            .and_then(|d| d.and_hms_opt(hour, minute, 0))
            .unwrap_or_default()
    }

    fn date(text: &str) -> Option<NaiveDate> {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
    }

    fn slide(window: Window, when: When) -> Slide {
        Slide {
            file: "x.md".into(),
            title: "X".into(),
            duration: None,
            enabled: true,
            window,
            when,
            sources: Vec::new(),
            review_by: None,
            reviewed: None,
            qr: None,
            body: String::new(),
        }
    }

    #[test]
    fn from_and_until_are_inclusive_wall_dates() {
        let w = Window {
            from: date("2026-12-01"),
            until: date("2026-12-24"),
            ..Window::default()
        };
        assert!(!w.contains(at("2026-11-30", 23, 59)));
        assert!(w.contains(at("2026-12-01", 0, 0)));
        assert!(w.contains(at("2026-12-10", 12, 0)));
        assert!(w.contains(at("2026-12-24", 23, 59)));
        assert!(!w.contains(at("2026-12-25", 0, 0)));
    }

    #[test]
    fn days_only() {
        let mut days = [false; 7];
        days[0] = true; // Monday
        days[4] = true; // Friday
        let w = Window {
            days: Some(days),
            ..Window::default()
        };
        assert!(w.contains(at("2026-11-20", 8, 0)));
        assert!(!w.contains(at("2026-11-21", 8, 0)));
        assert!(w.contains(at("2026-11-23", 23, 59)));
    }

    #[test]
    fn a_time_window_across_midnight_belongs_to_its_start_day() {
        let mut days = [false; 7];
        days[4] = true; // Friday
        let w = Window {
            days: Some(days),
            time: TimeRange::new(22 * 60, 2 * 60),
            ..Window::default()
        };
        assert!(!w.contains(at("2026-11-20", 21, 59)));
        assert!(w.contains(at("2026-11-20", 23, 0)));
        assert!(w.contains(at("2026-11-21", 1, 0)));
        assert!(w.contains(at("2026-11-21", 1, 59)));
        assert!(!w.contains(at("2026-11-21", 2, 0)));
        assert!(!w.contains(at("2026-11-21", 3, 0)));
        assert!(
            !w.contains(at("2026-11-21", 23, 0)),
            "Saturday night is not Friday"
        );
        assert!(!w.contains(at("2026-11-20", 1, 0)), "Thursday's spill");
    }

    #[test]
    fn a_daytime_window_every_day() {
        let w = Window {
            time: TimeRange::new(9 * 60, 12 * 60),
            ..Window::default()
        };
        assert!(!w.contains(at("2026-11-22", 8, 59)));
        assert!(w.contains(at("2026-11-22", 9, 0)));
        assert!(!w.contains(at("2026-11-22", 12, 0)));
    }

    #[test]
    fn when_follows_the_clinic_state() {
        let cases = [
            (When::Any, [true, true, true]),
            (When::Open, [false, true, true]),
            (When::Closed, [true, false, false]),
            (When::ClosingSoon, [false, false, true]),
        ];
        let states = [(false, false), (true, false), (true, true)];
        for (when, expected) in cases {
            let s = slide(Window::default(), when);
            for ((open, soon), want) in states.into_iter().zip(expected) {
                let got = s.is_eligible(at("2026-11-20", 12, 0), open, soon);
                assert_eq!(got, want, "{when:?} open={open} soon={soon}");
            }
        }
    }

    #[test]
    fn disabled_slides_never_show_and_indices_keep_order() {
        let mut off = slide(Window::default(), When::Any);
        off.enabled = false;
        let closed = slide(Window::default(), When::Closed);
        let slides = [slide(Window::default(), When::Any), off, closed];
        let now = at("2026-11-20", 12, 0);
        assert_eq!(eligible_indices(&slides, now, true, false), [0]);
        assert_eq!(eligible_indices(&slides, now, false, false), [0, 2]);
    }

    #[test]
    fn when_names_round_trip() {
        for name in When::NAMES {
            assert!(When::from_name(name).is_some(), "{name}");
        }
        assert_eq!(When::from_name("CLOSED"), Some(When::Closed));
        assert_eq!(When::from_name("sometimes"), None);
    }
}
