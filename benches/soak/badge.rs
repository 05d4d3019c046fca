//! Reading the status badge and the clock off the kiosk's screen, and
//! working out what the badge should say with the library's hours engine.

use std::fmt;

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use kiosk::config::Config;
use kiosk::i18n::{self, english};
use kiosk::status::StatusReport;

/// What the badge says: open or closed, closing soon, and the next change
/// in words ("Closes at 6:00 PM"). The countdown ("in 18 min") is left
/// out: it changes every minute and says nothing about the state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct State {
    pub open: bool,
    pub closing_soon: bool,
    pub change: String,
}

impl fmt::Display for State {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let word = match (self.open, self.closing_soon) {
            (true, false) => "OPEN",
            (true, true) => "OPEN, closing soon",
            (false, _) => "CLOSED",
        };
        write!(f, "{word} · {}", self.change)
    }
}

/// What the badge should say at `at`, computed as the kiosk computes it.
pub fn expected(config: &Config, at: DateTime<Utc>) -> State {
    let report = StatusReport::new(&config.schedule, config.kiosk.closing_soon, at);
    State {
        open: report.open,
        closing_soon: report.closing_soon,
        change: i18n::capitalized(&report.change_text),
    }
}

/// Everything read off one screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reading {
    /// The kiosk's clock as shown (to the minute), in the clinic's time.
    pub clock: NaiveDateTime,
    pub state: State,
}

/// The header of a wide screen (60 columns or more, 30 rows or more): the
/// name, date and time on the left; the badge in a box on the right.
/// `year_of` supplies the year, which the screen does not show: the year of
/// the moment the reader believes it is.
pub fn read(screen: &str, year_of: NaiveDate) -> Result<Reading, String> {
    let (mut left, mut right) = (Vec::new(), Vec::new());
    for line in screen.lines().take(5) {
        let Some(at) = line.find(['┃', '┏', '┗']) else {
            continue;
        };
        let (l, r) = line.split_at(at);
        left.extend(Some(l.trim()).filter(|t| !t.is_empty()));
        let badge = r.trim_matches(|c: char| c.is_whitespace() || "┃┏┗━┓┛".contains(c));
        right.extend(Some(badge.trim()).filter(|t| !t.is_empty()));
    }
    let header = || format!("no readable header in:\n{screen}");
    let (date, time) = match left.as_slice() {
        [_name, date, time] => (*date, *time),
        _ => return Err(header()),
    };
    let clock = parse_clock(date, time, year_of).ok_or_else(header)?;
    let open = match right.first() {
        Some(&"● OPEN") => true,
        Some(&"○ CLOSED") => false,
        _ => return Err(header()),
    };
    let change = right.get(1).ok_or_else(header)?.to_string();
    let third = right.get(2).copied().unwrap_or_default();
    let closing_soon = third.starts_with(&english().t("sign-closing-soon"));
    Ok(Reading {
        clock,
        state: State {
            open,
            closing_soon,
            change,
        },
    })
}

/// "Monday, November 23" and "5:42 PM", in the year nearest `near`.
fn parse_clock(date: &str, time: &str, near: NaiveDate) -> Option<NaiveDateTime> {
    let (weekday, month_day) = date.split_once(", ")?;
    let (month, day) = month_day.split_once(' ')?;
    let month = (1..=12).find(|&m| english().month(near.year(), m) == month)?;
    let day: u32 = day.parse().ok()?;
    let (hm, half) = time.split_once(' ')?;
    let (h, m) = hm.split_once(':')?;
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    let hour = match (half, h) {
        ("AM", 12) => 0,
        ("AM", h) => h,
        ("PM", 12) => 12,
        ("PM", h) => h + 12,
        _ => return None,
    };
    let date = [near.year() - 1, near.year(), near.year() + 1]
        .into_iter()
        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
        .min_by_key(|d| (*d - near).num_days().abs())?;
    if english().weekday(date) != weekday {
        return None;
    }
    Some(date.and_time(NaiveTime::from_hms_opt(hour, m, 0)?))
}

/// The instant of a wall-clock time in the clinic's zone (the earlier one
/// when the clocks go back).
pub fn instant(config: &Config, wall: NaiveDateTime) -> Option<DateTime<Utc>> {
    config
        .schedule
        .tz
        .from_local_datetime(&wall)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
}

/// Every state the badge should show at some minute within `window` of
/// `at`, in order: the states a reading near a change may fairly show.
pub fn states_near(config: &Config, at: DateTime<Utc>, window: chrono::Duration) -> Vec<State> {
    let mut out: Vec<State> = Vec::new();
    let mut t = at - window;
    while t <= at + window {
        let state = expected(config, t);
        if out.last() != Some(&state) {
            out.push(state);
        }
        t += chrono::Duration::seconds(30);
    }
    out
}

/// The moments the badge's state changes between `from` and `to`, found
/// minute by minute, with the state from then on.
pub fn changes(
    config: &Config,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Vec<(DateTime<Utc>, State)> {
    let mut out = Vec::new();
    let mut last = expected(config, from);
    let mut t = from;
    while t < to {
        t += chrono::Duration::minutes(1);
        let state = expected(config, t);
        if state.open != last.open || state.closing_soon != last.closing_soon {
            out.push((t, state.clone()));
        }
        last = state;
    }
    out
}
