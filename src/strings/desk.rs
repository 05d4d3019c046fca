//! Words of the front desk's day: telling patients apart, adding and
//! correcting check-ins, finding them, the day's summary and history. Read
//! by staff only.

use crate::store::{Source, Status};

/// `[desk] birth` in `kiosk.toml` has a value it does not know.
pub fn birth_invalid(value: &str) -> String {
    format!("birth must be \"date\" or \"age\", not {value:?}")
}
pub const BIRTH_HELP: &str = "birth = \"date\" shows 04/17/1962, birth = \"age\" shows 64";

/// Column headings for the date of birth, or the age.
pub const COLUMN_BORN: &str = "Born";
pub const COLUMN_AGE: &str = "Age";
/// Beside a name that another patient on today's list shares.
pub const SAME_NAME_MARK: &str = "*";
/// In the summary line when some names are shared.
pub fn same_names(count: usize) -> String {
    format!("* {count} share a name: check the date of birth")
}

/// What the new keys do, in the help line.
pub const DO_FIND: &str = "find";
pub const DO_ADD: &str = "add";
pub const DO_EDIT: &str = "edit";
pub const DO_REMOVE: &str = "remove";
pub const DO_SUMMARY: &str = "summary";

/// The find line while typing, and once a filter is kept.
pub fn find_prompt(query: &str) -> String {
    format!("Find: {query}_")
}
pub fn find_kept(query: &str, shown: usize, total: usize) -> String {
    format!("Showing {shown} of {total} matching \"{query}\"")
}
pub const FIND_HELP: &str = "type a name, ticket or date of birth · Enter keep · Esc clear";
pub const FILTER_HELP: &str = "/ change · Esc show all";
pub const FIND_NOTHING: &str = "No one on today's list matches.";

/// "↑ 3 more", "↓ 12 more", and who is among them when it matters.
pub fn more_above(count: usize) -> String {
    format!("↑ {count} more")
}
pub fn more_below(count: usize) -> String {
    format!("↓ {count} more")
}
pub fn hidden_called(ticket: u32) -> String {
    format!("#{ticket} called")
}
pub fn hidden_next(ticket: u32) -> String {
    format!("#{ticket} next")
}

/// The form's titles.
pub const ADD_TITLE: &str = "Add a patient (walk-in or phone)";
pub fn edit_title(ticket: u32) -> String {
    format!("Correct #{ticket}")
}
pub const FORM_HELP: &str = "Tab next field · Enter save · Esc back";

/// What became of a check-in added at the desk.
pub fn added(ticket: u32, name: &str) -> String {
    format!("#{ticket} {name}: added")
}
pub fn already_listed(ticket: u32, name: &str) -> String {
    format!("#{ticket} {name} is already on today's list: nothing added")
}
pub fn edited(ticket: u32, name: &str, undo: bool) -> String {
    let again = if undo { " (undone)" } else { "" };
    format!("#{ticket} {name}: corrected{again}")
}
pub fn unchanged(ticket: u32) -> String {
    format!("#{ticket}: nothing changed")
}
pub fn removed(ticket: u32, name: &str, undo: bool) -> String {
    let how = if undo {
        "add undone"
    } else {
        "removed (u undoes)"
    };
    format!("#{ticket} {name}: {how}")
}
pub fn restored(ticket: u32, name: &str) -> String {
    format!("#{ticket} {name}: back on the list (undone)")
}

/// Questions that need a `y` before anything changes.
pub fn confirm_mark(ticket: u32, name: &str, from: Status, to: Status) -> String {
    format!(
        "#{ticket} {name} is {}. Mark {}? y yes · any other key no",
        super::desk_status(from),
        super::desk_status(to)
    )
}
pub fn confirm_remove(ticket: u32, name: &str) -> String {
    format!("Remove #{ticket} {name} as entered in error? y yes · any other key no")
}
pub const NOT_CHANGED: &str = "Nothing changed.";

/// The summary screen and `kiosk checkins summary`.
pub const SUMMARY_TITLE: &str = "The day so far";
pub const SUMMARY_HELP: &str = "any key back to the queue";
pub const SUMMARY_STATUS: &str = "By status";
pub const SUMMARY_SOURCE: &str = "By source";
pub const SUMMARY_WAITS: &str = "Waits";
pub const SUMMARY_PER_HOUR: &str = "Check-ins per hour";
pub const SUMMARY_REMOVED: &str = "removed";
pub const SUMMARY_TOTAL: &str = "Check-ins";
pub const SUMMARY_AVERAGE: &str = "Average (called or seen)";
pub const SUMMARY_LONGEST: &str = "Longest";

/// A source as a word.
pub fn source(source: Source) -> &'static str {
    match source {
        Source::Kiosk => "kiosk",
        Source::Desk => "desk",
    }
}

/// An hour of the day: `9 AM`, `12 PM`.
pub fn hour(hour: u32) -> String {
    match hour {
        0 => "12 AM".into(),
        1..=11 => format!("{hour} AM"),
        12 => "12 PM".into(),
        h => format!("{} PM", h - 12),
    }
}

/// `kiosk checkins history`: nothing that day.
pub fn no_history(day: chrono::NaiveDate) -> String {
    format!("No changes on {day}.\n")
}
/// `kiosk checkins summary`: the heading.
pub fn summary_heading(day: chrono::NaiveDate) -> String {
    format!("Summary of {day}")
}
/// A history line's action.
pub fn history_action(action: &crate::store::AuditAction, undo: bool) -> String {
    use crate::store::AuditAction;
    let text = match action {
        AuditAction::Add => "added".to_string(),
        AuditAction::Status(from, to) => format!(
            "{} (was {})",
            super::desk_status(*to),
            super::desk_status(*from)
        ),
        AuditAction::Edit { key, old, new } => format!("{key} corrected: {old:?} to {new:?}"),
        AuditAction::Remove => "removed".to_string(),
        AuditAction::Restore => "put back".to_string(),
    };
    if undo {
        format!("{text}, undone")
    } else {
        text
    }
}
/// The name a desk or kiosk goes by in the audit trail when not set.
pub fn station(host: &str, role: &str) -> String {
    if host.is_empty() {
        role.to_string()
    } else {
        format!("{host} {role}")
    }
}
pub const ROLE_DESK: &str = "desk";
pub const ROLE_KIOSK: &str = "kiosk";

/// `kiosk checkins list` with nothing to list.
pub fn no_checkins_on(day: chrono::NaiveDate) -> String {
    format!("No check-ins on {day}.\n")
}
pub fn no_checkins_between(first: chrono::NaiveDate, last: chrono::NaiveDate) -> String {
    format!("No check-ins from {first} to {last}.\n")
}

/// The line above one site's check-ins in `kiosk checkins list --all-sites`.
pub fn site_heading(site: &str) -> String {
    format!("Site {site}")
}
