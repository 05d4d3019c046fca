//! Notices: words for the waiting room over a span of time, which may also
//! close the clinic for that span ("Closed today due to snow").
//!
//! Spans are wall-clock times in the clinic's zone, like the hours, so a
//! notice and the hours it interrupts always agree.

use chrono::NaiveDateTime;

use super::schedule::{Period, Schedule};

/// The most characters a notice may have: at 80 columns it still fits on
/// three lines beside nothing else.
pub const NOTICE_MAX_CHARS: usize = 160;

/// One `[[notices]]` entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    /// First wall-clock moment it shows.
    pub from: NaiveDateTime,
    /// First wall-clock moment it no longer shows.
    pub until: NaiveDateTime,
    /// Whether the clinic (and check-in) is closed while it shows.
    pub closes: bool,
}

impl Notice {
    /// Whether it shows at wall-clock time `wall`.
    pub fn covers(&self, wall: NaiveDateTime) -> bool {
        self.from <= wall && wall < self.until
    }
}

impl Schedule {
    /// The notice showing at `wall`: a closing one before any other, then
    /// the one that began last.
    pub fn notice_at(&self, wall: NaiveDateTime) -> Option<&Notice> {
        self.notices
            .iter()
            .filter(|n| n.covers(wall))
            .max_by_key(|n| (n.closes, n.from))
    }

    /// `periods` with every closing notice's span cut out of them.
    pub(super) fn cut_closing_notices(&self, periods: &mut Vec<Period>, first: usize) {
        for notice in self.notices.iter().filter(|n| n.closes) {
            let mut kept = Vec::with_capacity(periods.len() - first);
            for &(start, end) in &periods[first..] {
                if notice.until <= start || end <= notice.from {
                    kept.push((start, end));
                    continue;
                }
                if start < notice.from {
                    kept.push((start, notice.from));
                }
                if notice.until < end {
                    kept.push((notice.until, end));
                }
            }
            periods.truncate(first);
            periods.extend(kept);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hours::parse_ranges;
    use chrono::{NaiveDate, NaiveTime};

    fn wall(day: u32, hour: u32, minute: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 11, day)
            .and_then(|d| d.and_hms_opt(hour, minute, 0))
            .unwrap_or_default()
    }

    fn schedule(notices: Vec<Notice>) -> Schedule {
        let day = parse_ranges("09:00-18:00").unwrap_or_default();
        let mut s = Schedule::weekly(
            chrono_tz::America::Denver,
            std::array::from_fn(|_| day.clone()),
        );
        s.notices = notices;
        s
    }

    fn notice(text: &str, from: NaiveDateTime, until: NaiveDateTime, closes: bool) -> Notice {
        Notice {
            text: text.into(),
            from,
            until,
            closes,
        }
    }

    #[test]
    fn a_closing_notice_cuts_its_span_out_of_the_hours() {
        let s = schedule(vec![notice("Snow", wall(23, 7, 0), wall(23, 12, 0), true)]);
        assert!(!s.is_open_wall(wall(23, 9, 0)));
        assert!(!s.is_open_wall(wall(23, 11, 59)));
        assert!(s.is_open_wall(wall(23, 12, 0)));
        assert!(s.is_open_wall(wall(24, 9, 0)));
        let mut periods = Vec::new();
        s.periods_of(wall(23, 0, 0).date(), &mut periods);
        assert_eq!(periods, vec![(wall(23, 12, 0), wall(23, 18, 0))]);
    }

    #[test]
    fn a_notice_in_the_middle_splits_the_day_in_two() {
        let s = schedule(vec![notice(
            "Lunch",
            wall(23, 12, 0),
            wall(23, 13, 0),
            true,
        )]);
        let mut periods = Vec::new();
        s.periods_of(wall(23, 0, 0).date(), &mut periods);
        assert_eq!(
            periods,
            vec![
                (wall(23, 9, 0), wall(23, 12, 0)),
                (wall(23, 13, 0), wall(23, 18, 0))
            ]
        );
    }

    #[test]
    fn a_notice_that_does_not_close_leaves_the_hours_alone() {
        let s = schedule(vec![notice("Late", wall(23, 9, 0), wall(23, 11, 0), false)]);
        assert!(s.is_open_wall(wall(23, 10, 0)));
        assert_eq!(
            s.notice_at(wall(23, 10, 0)).map(|n| n.text.as_str()),
            Some("Late")
        );
        assert_eq!(s.notice_at(wall(23, 11, 0)), None);
        assert_eq!(s.notice_at(wall(23, 8, 59)), None);
    }

    #[test]
    fn a_closing_notice_is_shown_before_any_other() {
        let s = schedule(vec![
            notice("Late", wall(23, 8, 0), wall(23, 18, 0), false),
            notice("Snow", wall(23, 7, 0), wall(23, 18, 0), true),
            notice("Later", wall(23, 9, 0), wall(23, 18, 0), false),
        ]);
        let at = |h| s.notice_at(wall(23, h, 0)).map(|n| n.text.clone());
        assert_eq!(at(10), Some("Snow".into()));
        let open = s.state_at(
            wall(23, 10, 0)
                .and_local_timezone(s.tz)
                .earliest()
                .map(|t| t.to_utc())
                .unwrap_or_default(),
        );
        assert!(!open.open);
        let _ = NaiveTime::MIN;
    }
}
