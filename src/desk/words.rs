//! Desk words that depend on a value: a status, a source, a wait, a change
//! in the day's history. The words themselves are in `locales/*/desk.ftl`.

use crate::i18n::{Clock, Words, num};
use crate::store::{AuditAction, Source, Status};

/// The key a status goes by in the messages' selectors.
pub fn status_key(status: Status) -> &'static str {
    match status {
        Status::Waiting => "waiting",
        Status::Called => "called",
        Status::Seen => "seen",
        Status::NoShow => "no-show",
    }
}

/// A status as a word: `waiting`, `called`, `seen`, `no-show`.
pub fn status(w: Words<'_>, status: Status) -> String {
    w.f("desk-status", &[("status", status_key(status).into())])
}

/// A count in the summary line: `Waiting 3`.
pub fn count(w: Words<'_>, status: Status, count: usize) -> String {
    w.f(
        "desk-count",
        &[("status", status_key(status).into()), ("count", num(count))],
    )
}

/// A source as a word.
pub fn source(w: Words<'_>, source: Source) -> String {
    match source {
        Source::Kiosk => w.t("source-kiosk"),
        Source::Desk => w.t("source-desk"),
    }
}

/// A wait in whole minutes: `0 min`, `45 min`, `1 h 5 min`.
pub fn wait(w: Words<'_>, minutes: i64) -> String {
    let minutes = minutes.max(0);
    w.hours_minutes(minutes / 60, minutes % 60, true)
}

/// An hour of the day: `9 AM`, `12 PM` (`9:00` on a 24-hour clock).
pub fn hour(w: Words<'_>, hour: u32) -> String {
    match w.clock() {
        Clock::TwentyFour => w.f("hour-24h", &[("hour", num(hour))]),
        Clock::Twelve => {
            let (h, half) = match hour {
                0 => (12, "am"),
                1..=11 => (hour, "am"),
                12 => (12, "pm"),
                h => (h - 12, "pm"),
            };
            w.f("hour-12h", &[("hour", num(h)), ("half", half.into())])
        }
    }
}

/// A history line's action.
pub fn history_action(w: Words<'_>, action: &AuditAction, undo: bool) -> String {
    let text = match action {
        AuditAction::Add => w.t("history-added"),
        AuditAction::Status(from, to) => w.f(
            "history-status",
            &[
                ("to", status(w, *to).into()),
                ("from", status(w, *from).into()),
            ],
        ),
        AuditAction::Edit { key, old, new } => w.f(
            "history-edit",
            &[
                ("key", key.as_str().into()),
                ("old", format!("{old:?}").into()),
                ("new", format!("{new:?}").into()),
            ],
        ),
        AuditAction::Remove => w.t("history-removed"),
        AuditAction::Restore => w.t("history-restored"),
    };
    if undo {
        w.f("history-undone", &[("action", text.into())])
    } else {
        text
    }
}

/// The name a desk or kiosk goes by in the audit trail when not set.
pub fn station(w: Words<'_>, host: &str, role: &str) -> String {
    if host.is_empty() {
        role.to_string()
    } else {
        w.f(
            "station-named",
            &[("host", host.into()), ("role", role.into())],
        )
    }
}
