//! What the status badge and `kiosk status` say: open or closed, the next
//! change in words, and whether closing is near.

use std::time::Duration;

use chrono::{DateTime, SecondsFormat, Utc};
use serde::Serialize;

use crate::hours::{Notice, Schedule};
use crate::i18n::{self, Words};

/// Everything a display needs to show the clinic's state at one instant.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatusReport {
    pub at: DateTime<Utc>,
    pub open: bool,
    pub next_change: Option<DateTime<Utc>>,
    /// The next instant the clinic opens (after `at`; when open, after the
    /// coming close).
    pub next_open: Option<DateTime<Utc>>,
    pub closing_soon: bool,
    /// The next change in words, e.g. `closes at 6:00 PM`.
    pub change_text: String,
    /// How long until the next change, e.g. `in 2 h 15 min`, when it is
    /// less than 12 hours away.
    pub countdown: Option<String>,
    /// Why today is different (a closure or special hours), if it is.
    pub note: Option<String>,
    /// Why the clinic is closed now, when it is not just its usual hours:
    /// a closing notice's text, a closure's or a special day's reason.
    pub reason: Option<String>,
    /// The notice showing now, if any.
    pub notice: Option<Notice>,
}

const COUNTDOWN_LIMIT: i64 = 12 * 3600;

impl StatusReport {
    /// The report in English.
    pub fn new(schedule: &Schedule, closing_soon: Duration, at: DateTime<Utc>) -> Self {
        Self::new_in(schedule, closing_soon, at, i18n::english())
    }

    /// The report in a language.
    pub fn new_in(
        schedule: &Schedule,
        closing_soon: Duration,
        at: DateTime<Utc>,
        w: Words<'_>,
    ) -> Self {
        let state = schedule.state_at(at);
        let next_open = match (state.open, state.next_change) {
            (false, next) => next,
            (true, Some(close)) => schedule.state_at(close).next_change,
            (true, None) => None,
        };
        let today = schedule.wall_at(at).date();
        let change_text = match (state.open, state.next_change) {
            (true, Some(t)) => w.f(
                "status-closes",
                &[("when", when_words(schedule, at, t, false, w).into())],
            ),
            (false, Some(t)) => w.f(
                "status-opens",
                &[("when", when_words(schedule, at, t, true, w).into())],
            ),
            (true, None) => w.t("status-open-always"),
            (false, None) if has_hours(schedule) => w.t("status-until-further-notice"),
            (false, None) => w.t("status-no-opening"),
        };
        let left = state.next_change.map(|t| (t - at).num_seconds());
        // A change worded as a countdown already says how long.
        let counted = state
            .next_change
            .is_some_and(|t| clocks_go_back_first(schedule, at, t));
        let countdown = left
            .filter(|s| *s < COUNTDOWN_LIMIT && !counted)
            .map(|s| w.in_duration(s));
        let soon = i64::try_from(closing_soon.as_secs()).unwrap_or(i64::MAX);
        let note = if let Some(c) = schedule.closure_on(today) {
            c.reason
                .as_deref()
                .map(|r| w.f("status-closed-today", &[("reason", r.into())]))
        } else {
            let special = schedule.special.get(&today);
            special
                .and_then(|s| s.reason.as_deref())
                .map(|r| w.f("status-special-today", &[("reason", r.into())]))
        };
        let notice = schedule.notice_at(schedule.wall_at(at)).cloned();
        let reason = closed_reason(schedule, at, state.open, notice.as_ref());
        Self {
            at,
            reason,
            notice,
            open: state.open,
            next_change: state.next_change,
            next_open,
            closing_soon: state.open && left.is_some_and(|s| s <= soon),
            change_text,
            countdown,
            note,
        }
    }

    /// `OPEN · closes at 6:00 PM (in 2 h 15 min)`.
    pub fn line(&self, w: Words<'_>) -> String {
        let state = if self.open {
            w.t("sign-open")
        } else {
            w.t("sign-closed")
        };
        let reason = self.reason.as_deref().map(after_closed);
        let mut args = vec![
            ("state", state.into()),
            ("change", self.change_text.as_str().into()),
        ];
        if let Some(r) = reason {
            args.push(("reason", r.into()));
        }
        if let Some(c) = &self.countdown {
            args.push(("countdown", c.as_str().into()));
        }
        let id = match (self.reason.is_some(), self.countdown.is_some()) {
            (false, false) => "status-line",
            (false, true) => "status-line-countdown",
            (true, false) => "status-line-reason",
            (true, true) => "status-line-reason-countdown",
        };
        w.f(id, &args)
    }

    /// Whether the reason is a closing notice's text (the screen shows the
    /// notice itself, just under the sign).
    pub fn closed_by_notice(&self) -> bool {
        !self.open && self.notice.as_ref().is_some_and(|n| n.closes)
    }

    /// The JSON object printed by `kiosk status --json`.
    pub fn to_json(&self, schedule: &Schedule, w: Words<'_>) -> StatusJson {
        let stamp = |t: DateTime<Utc>| {
            t.with_timezone(&schedule.tz)
                .to_rfc3339_opts(SecondsFormat::AutoSi, false)
        };
        StatusJson {
            open: self.open,
            next_change: self.next_change.map(stamp),
            next_open: self.next_open.map(stamp),
            closing_soon: self.closing_soon,
            message: i18n::capitalized(&self.change_text),
            language: w.code().to_string(),
            line: self.line(w),
            at: stamp(self.at),
            timezone: schedule.tz.name().to_string(),
            note: self.note.clone(),
            reason: self.reason.clone(),
            notice: self.notice.as_ref().map(|n| n.text.clone()),
        }
    }
}

/// Why the clinic is closed at `at`, beyond its weekly hours: a closing
/// notice showing, else today's closure or special day, when it gives one.
fn closed_reason(
    schedule: &Schedule,
    at: DateTime<Utc>,
    open: bool,
    notice: Option<&Notice>,
) -> Option<String> {
    if open {
        return None;
    }
    if let Some(n) = notice.filter(|n| n.closes) {
        return Some(n.text.clone());
    }
    let today = schedule.wall_at(at).date();
    match schedule.closure_on(today) {
        Some(c) => c.reason.clone(),
        None => schedule.special.get(&today).and_then(|s| s.reason.clone()),
    }
}

/// When the change at `t` happens, seen at `now`: `at 6:00 PM`, `Monday at
/// 9:00 AM`... But when the clocks go back before it (a fall-back night),
/// its wall time has already been seen once tonight, so it is worded from
/// the instants instead: `in 20 min`.
pub fn when_words(
    schedule: &Schedule,
    now: DateTime<Utc>,
    t: DateTime<Utc>,
    say_today: bool,
    w: Words<'_>,
) -> String {
    if clocks_go_back_first(schedule, now, t) {
        return w.in_duration((t - now).num_seconds());
    }
    let today = schedule.wall_at(now).date();
    w.when(today, schedule.wall_at(t), say_today)
}

/// A reason as it reads after the word CLOSED, without saying "closed"
/// twice: `Closed today due to snow` → `today due to snow`.
pub fn after_closed(reason: &str) -> String {
    let starts = reason
        .get(..6)
        .is_some_and(|w| w.eq_ignore_ascii_case("closed"));
    let rest = reason.get(6..).unwrap_or_default();
    if !starts || rest.starts_with(char::is_alphanumeric) {
        return reason.to_string();
    }
    let trimmed = rest.trim_start_matches([' ', ':', ',', '-', '·', '—', '–']);
    if trimmed.is_empty() {
        return reason.to_string();
    }
    trimmed.to_string()
}

/// Whether the wall clock at `t` reads no later than it does at `now`,
/// though `t` is later: the clocks go back in between.
fn clocks_go_back_first(schedule: &Schedule, now: DateTime<Utc>, t: DateTime<Utc>) -> bool {
    t > now && schedule.wall_at(t) <= schedule.wall_at(now)
}

/// Whether the clinic has any hours at all (weekly or on a special day).
fn has_hours(schedule: &Schedule) -> bool {
    schedule.weekly.iter().any(|day| !day.is_empty())
        || schedule.special.values().any(|day| !day.ranges.is_empty())
}

#[derive(Debug, Serialize)]
pub struct StatusJson {
    pub open: bool,
    pub next_change: Option<String>,
    pub next_open: Option<String>,
    pub closing_soon: bool,
    /// The next change in words, in `language`.
    pub message: String,
    pub line: String,
    /// The language `message`, `line` and `note` are in.
    pub language: String,
    pub at: String,
    pub timezone: String,
    /// Why today is different (a closure or special hours), if it is.
    pub note: Option<String>,
    /// Why the clinic is closed now beyond its usual hours, if it is.
    pub reason: Option<String>,
    /// The notice showing now, if any.
    pub notice: Option<String>,
}
