//! The clinic's opening hours as plain data, and the wall-clock open periods
//! they produce.

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Weekday};
use chrono_tz::Tz;

use super::notice::Notice;
use super::range::TimeRange;

/// A span of wall-clock time in the clinic's zone, `[start, end)`.
pub type Period = (NaiveDateTime, NaiveDateTime);

/// An inclusive span of whole closed dates.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Closure {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub reason: Option<String>,
}

/// Hours that replace the weekly ranges on one date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpecialDay {
    pub ranges: Vec<TimeRange>,
    pub reason: Option<String>,
}

/// Everything that decides when the clinic is open.
#[derive(Clone, Debug, PartialEq)]
pub struct Schedule {
    pub tz: Tz,
    /// Weekly ranges, Monday first.
    pub weekly: [Vec<TimeRange>; 7],
    /// Closed date spans, sorted by start.
    pub closures: Vec<Closure>,
    pub special: BTreeMap<NaiveDate, SpecialDay>,
    /// Notices for the waiting room; those that close cut their span out
    /// of the open periods.
    pub notices: Vec<Notice>,
}

impl Schedule {
    /// A schedule with weekly hours only.
    pub fn weekly(tz: Tz, weekly: [Vec<TimeRange>; 7]) -> Self {
        Self {
            tz,
            weekly,
            closures: Vec::new(),
            special: BTreeMap::new(),
            notices: Vec::new(),
        }
    }

    /// The closure covering `date`, if any.
    pub fn closure_on(&self, date: NaiveDate) -> Option<&Closure> {
        self.closures
            .iter()
            .find(|c| c.from <= date && date <= c.to)
    }

    pub fn is_closed_date(&self, date: NaiveDate) -> bool {
        self.closure_on(date).is_some()
    }

    /// The ranges that start on `date`: its special hours if it has any, else
    /// its weekday's. Closures are not applied here.
    pub fn ranges_for(&self, date: NaiveDate) -> &[TimeRange] {
        match self.special.get(&date) {
            Some(day) => &day.ranges,
            None => &self.weekly[weekday_index(date.weekday())],
        }
    }

    /// The open periods contributed by `date`, with closures applied: none if
    /// `date` is closed, and a spill into a closed next date is cut at midnight.
    /// Sorted by start.
    pub fn periods_of(&self, date: NaiveDate, out: &mut Vec<Period>) {
        if self.is_closed_date(date) {
            return;
        }
        let midnight = date.and_time(NaiveTime::MIN);
        let Some(next) = date.succ_opt() else { return };
        let next_midnight = next.and_time(NaiveTime::MIN);
        let next_closed = self.is_closed_date(next);
        let first = out.len();
        for range in self.ranges_for(date) {
            let (s, e) = range.span();
            let start = midnight + Duration::minutes(i64::from(s));
            let mut end = midnight + Duration::minutes(i64::from(e));
            if next_closed && end > next_midnight {
                end = next_midnight;
            }
            out.push((start, end));
        }
        self.cut_closing_notices(out, first);
        out[first..].sort_unstable();
    }

    /// Whether wall-clock time `wall` falls in an open period.
    pub fn is_open_wall(&self, wall: NaiveDateTime) -> bool {
        let date = wall.date();
        let mut buf = Vec::new();
        if let Some(prev) = date.pred_opt() {
            self.periods_of(prev, &mut buf);
        }
        self.periods_of(date, &mut buf);
        buf.iter().any(|&(s, e)| s <= wall && wall < e)
    }

    /// Merged open periods, in order, from those contributed by `first_day`
    /// up to and including `last_day`. Touching and overlapping periods come
    /// out as one.
    pub fn merged_periods(&self, first_day: NaiveDate, last_day: NaiveDate) -> MergedPeriods<'_> {
        MergedPeriods {
            schedule: self,
            next_day: Some(first_day),
            last_day,
            buf: Vec::new(),
            pos: 0,
            current: None,
        }
    }
}

/// Monday = 0 … Sunday = 6.
pub fn weekday_index(day: Weekday) -> usize {
    day.num_days_from_monday() as usize
}

/// Iterator over merged open periods; see [`Schedule::merged_periods`].
pub struct MergedPeriods<'a> {
    schedule: &'a Schedule,
    next_day: Option<NaiveDate>,
    last_day: NaiveDate,
    buf: Vec<Period>,
    pos: usize,
    current: Option<Period>,
}

impl MergedPeriods<'_> {
    fn next_raw(&mut self) -> Option<Period> {
        while self.pos >= self.buf.len() {
            let day = self.next_day.filter(|d| *d <= self.last_day)?;
            self.buf.clear();
            self.pos = 0;
            self.schedule.periods_of(day, &mut self.buf);
            self.next_day = day.succ_opt();
        }
        let period = self.buf[self.pos];
        self.pos += 1;
        Some(period)
    }
}

impl Iterator for MergedPeriods<'_> {
    type Item = Period;

    fn next(&mut self) -> Option<Period> {
        loop {
            let Some(raw) = self.next_raw() else {
                return self.current.take();
            };
            match &mut self.current {
                None => self.current = Some(raw),
                Some(cur) if raw.0 <= cur.1 => cur.1 = cur.1.max(raw.1),
                Some(_) => return self.current.replace(raw),
            }
        }
    }
}
