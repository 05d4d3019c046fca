//! The words of the sign across the room, notices, now serving, the
//! set-up screen and the staff screen's notice form.

use super::clock_time;

// The sign.

/// Joins the parts of the sign's line: `Christmas Day · Opens Saturday…`.
pub const SEP: &str = " · ";

// Now serving.

/// Over the big digits.
pub const NOW_SERVING: &str = "Now serving";
/// Over the big digits for a few seconds after the number changes.
pub const NOW_CALLING: &str = "▶ Now calling ◀";

// `[[notices]]` in kiosk.toml.

pub const NOTICE_TEXT_EMPTY: &str = "a notice needs some `text`";
pub const NOTICE_TEXT_HELP: &str =
    "write what patients should read, e.g. text = \"Dr. Lee is running 30 minutes late\"";
pub const NOTICE_TIME_HELP: &str = "write a date and a 24-hour time in quotes, e.g. \"2026-12-03 07:00\", or a date alone, \"2026-12-03\" (from the start of that day; for `until`, to its end)";
pub const NOTICE_ORDER_HELP: &str = "`until` is the first moment the notice no longer shows";

/// The notice's text is over the limit.
pub fn notice_too_long(chars: usize, max: usize) -> String {
    format!("this notice has {chars} characters; the most is {max}")
}

pub fn notice_too_long_help(max: usize) -> String {
    format!("shorten it to {max} characters or fewer, so it is never cut on the screen")
}

/// `from`/`until` could not be read.
pub fn notice_bad_time(text: &str) -> String {
    format!("\"{text}\" is not a date and time")
}

/// `until` is not after `from`.
pub fn notice_ends_first(until: &str, from: &str) -> String {
    format!("`until` ({until}) is not after `from` ({from})")
}

// `[staff] idle_seconds`.

pub fn idle_out_of_range(n: i64) -> String {
    format!("idle_seconds must be from 10 to 600, not {n}")
}

// The staff screen's notice form.

pub const FORM_TITLE: &str = "Notice for the waiting room";
pub const FORM_TEXT: &str = "Notice";
pub const FORM_FROM: &str = "From (time, blank for now)";
pub const FORM_UNTIL: &str = "Until (time)";
pub const FORM_CLOSES: &str = "Close check-in and show CLOSED";
pub const FORM_YES: &str = "[x] yes";
pub const FORM_NO: &str = "[ ] no";
pub const FORM_KEYS: &str = "Tab next · Space yes/no · Enter save · Esc cancel";
pub const FORM_SAVE: &str = "Save notice";
pub const FORM_NEED_TEXT: &str = "Write the notice first.";
pub const FORM_NEED_UNTIL: &str = "Say until when (a time such as 11:00 or 4:30 pm).";
pub const FORM_BAD_TIME: &str = "Not a time: write 9:30, 9:30 am or 14:05.";
pub const FORM_ENDS_FIRST: &str = "It would end before it starts.";
pub const FORM_SAVED: &str = "Notice saved to kiosk.toml.";

/// `12 / 160 characters`, under the text as it is typed.
pub fn form_count(chars: usize, max: usize) -> String {
    format!("{chars} / {max} characters")
}

/// `Full: 160 characters at most`, when a key was refused.
pub fn form_full(max: usize) -> String {
    format!("Full: {max} characters at most")
}

/// When the notice starts, in words: `from now`, `from 2:00 PM today`.
pub fn form_from_now() -> String {
    "from now".to_string()
}

/// `9:00 AM today`, `9:00 AM tomorrow`: which day a typed time means.
pub fn time_and_day(hour: u32, minute: u32, tomorrow: bool) -> String {
    let day = if tomorrow { "tomorrow" } else { "today" };
    format!("{} {day}", clock_time(hour, minute))
}

/// `Shows from now until 9:00 AM tomorrow`.
pub fn form_span(from: &str, until: &str) -> String {
    format!("Shows {from} until {until}")
}

/// The staff screen's line about the notice showing now.
pub fn showing_notice(text: &str, until: &str, closes: bool) -> String {
    let closed = if closes {
        " (CLOSED, check-in off)"
    } else {
        ""
    };
    format!("Notice showing until {until}{closed}: {text}")
}

pub const NO_NOTICE: &str = "No notice is showing.";

/// A notice could not be written into kiosk.toml.
pub fn notice_not_saved(why: &str) -> String {
    format!("The notice was not saved: {why}")
}

// Staff screen (names, quitting, idle).

pub const HINT_RELOAD: &str = "r reload";
pub const HINT_PAUSE: &str = "p pause slides";
/// Shown while the slides are paused: the key says so.
pub const HINT_RESUME: &str = "p resume slides";
pub const HINT_NOTICE: &str = "m notice";
pub const HINT_NAMES: &str = "v names";
pub const HINT_HIDE: &str = "v hide names";
pub const HINT_QUIT: &str = "Q quit";
pub const HINT_LEAVE: &str = "Esc/q leave";
/// Asked after `Q`, on the keys line (at most 80 columns).
pub const QUIT_CONFIRM: &str =
    "Quit the kiosk? The screen goes blank. y: quit · any other key: stay";

// Running on the last good copy, and the set-up screen.

pub const SETUP_TITLE: &str = "This screen is being set up.";
pub const SETUP_ASK: &str = "Please see the front desk.";

/// For staff and the log: the kiosk started on its last good copy.
pub fn running_on_last_good(saved: &str) -> String {
    format!(
        "kiosk.toml has mistakes: the kiosk is running on the last good copy (saved {saved}); fix the file and it is read again"
    )
}

/// `kiosk check`, when a last good copy exists.
pub fn check_last_good(path: &str) -> String {
    format!("note: a running kiosk uses the last good copy, {path}, until this file is fixed\n")
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

/// Why a notice could not be added to kiosk.toml.
pub const SAVE_NOT_TOML: &str = "kiosk.toml has mistakes; fix it first (see kiosk check)";
pub const SAVE_NO_PLACE: &str =
    "kiosk.toml lists notices in a way this screen cannot add to; add it by hand";

/// When the last good copy was saved: `Monday, November 23 at 10:42 AM`.
pub fn saved_at(at: chrono::NaiveDateTime) -> String {
    use chrono::Timelike;
    format!(
        "{} at {}",
        super::long_date(at.date()),
        clock_time(at.hour(), at.minute())
    )
}

/// `kiosk.toml` could not be read at all.
pub fn config_unreadable(why: &str) -> String {
    format!("cannot read the configuration file: {why}")
}
