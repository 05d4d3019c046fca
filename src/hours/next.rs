//! Open or closed at an instant, and the next instant that changes it.
//!
//! The state at instant `t` is whether the clinic's wall-clock time at `t`
//! lies in an open period. Between UTC-offset transitions the wall clock
//! moves steadily, so the state can only change where the wall clock crosses
//! a period boundary or where the offset itself changes (a DST jump). The
//! search walks those segments in order, so it costs time in proportion to
//! how far away the change is, not to the size of the horizon.

use chrono::{DateTime, Duration, NaiveDateTime, Offset, TimeZone, Utc};

use super::schedule::Schedule;

/// How far ahead the next change is looked for.
pub const HORIZON: Duration = Duration::days(400);

/// Sampling step when looking for offset transitions. Real zones never change
/// offset twice within this span.
const TRANSITION_STEP: Duration = Duration::hours(6);

/// Open or closed at an instant, and when that next changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OpenState {
    pub open: bool,
    /// First instant strictly after the asked one at which the state differs;
    /// `None` if there is none within [`HORIZON`] (inclusive).
    pub next_change: Option<DateTime<Utc>>,
}

impl Schedule {
    /// The clinic's wall-clock time at `t`.
    pub fn wall_at(&self, t: DateTime<Utc>) -> NaiveDateTime {
        t.with_timezone(&self.tz).naive_local()
    }

    /// Whether the clinic is open at instant `t`.
    pub fn is_open_at(&self, t: DateTime<Utc>) -> bool {
        self.is_open_wall(self.wall_at(t))
    }

    /// The state at `t` and the next instant it changes.
    pub fn state_at(&self, t: DateTime<Utc>) -> OpenState {
        let open = self.is_open_at(t);
        OpenState {
            open,
            next_change: self.next_change(t, open),
        }
    }

    fn offset_secs(&self, t: DateTime<Utc>) -> i32 {
        self.tz
            .offset_from_utc_datetime(&t.naive_utc())
            .fix()
            .local_minus_utc()
    }

    fn next_change(&self, t: DateTime<Utc>, open: bool) -> Option<DateTime<Utc>> {
        let horizon = t + HORIZON;
        // Wall dates to look through: the horizon plus a margin for offsets.
        let last_day = (horizon + Duration::days(2)).date_naive();
        let mut seg_start = t;
        loop {
            let offset = Duration::seconds(i64::from(self.offset_secs(seg_start)));
            let wall = seg_start.naive_utc() + offset;
            let candidate = self
                .flip_after(wall, open, last_day)
                .map(|b| (b - offset).and_utc());
            let search_end = candidate.map_or(horizon, |c| c.min(horizon));
            match self.next_transition(seg_start, search_end) {
                Some(x) if self.is_open_at(x) != open => return Some(x),
                Some(x) => seg_start = x,
                None => return candidate.filter(|c| *c <= horizon),
            }
        }
    }

    /// The first wall time after `wall` at which membership flips away from
    /// `open` (which must be the membership at `wall`).
    fn flip_after(
        &self,
        wall: NaiveDateTime,
        open: bool,
        last_day: chrono::NaiveDate,
    ) -> Option<NaiveDateTime> {
        let first_day = wall.date().pred_opt()?;
        self.merged_periods(first_day, last_day)
            .find(|&(_, end)| end > wall)
            .map(|(start, end)| if open { end } else { start })
    }

    /// The first instant in `(from, to]` at which the UTC offset differs from
    /// the one at `from`.
    fn next_transition(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> Option<DateTime<Utc>> {
        let base = self.offset_secs(from);
        let mut lo = from;
        while lo < to {
            let hi = (lo + TRANSITION_STEP).min(to);
            if self.offset_secs(hi) != base {
                return Some(self.bisect_transition(lo.timestamp(), hi.timestamp(), base));
            }
            lo = hi;
        }
        None
    }

    /// Offsets change on whole seconds: the smallest second in `(lo, hi]`
    /// whose offset differs from `base`, given that `lo`'s equals it and
    /// `hi`'s does not.
    fn bisect_transition(&self, mut lo: i64, mut hi: i64, base: i32) -> DateTime<Utc> {
        let at = |s: i64| DateTime::from_timestamp(s, 0).unwrap_or_default();
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2;
            if self.offset_secs(at(mid)) == base {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        at(hi)
    }
}
