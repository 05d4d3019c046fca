//! Every word a patient or the front desk reads, in one place, so the kiosk
//! can be reviewed and translated as a whole.

pub mod desk;
pub mod sign;
pub mod staff;
pub mod store;
mod touch;

pub use touch::*;

use chrono::{Datelike, Months, NaiveDate, NaiveDateTime, Timelike, Weekday};

pub const OPEN: &str = "OPEN";
pub const CLOSED: &str = "CLOSED";
/// Symbols beside the words, so the status never rests on colour alone.
pub const OPEN_SYMBOL: &str = "●";
pub const CLOSED_SYMBOL: &str = "○";
pub const CLOSING_SOON: &str = "Closing soon";
/// A slide file that is a link to a file outside the slides folder.
pub const LINK_LEADS_OUT: &str =
    "this is a link to a file outside the slides folder; it is not read";
pub const LINK_LEADS_OUT_HELP: &str =
    "put the slide file itself in the folder, or link only to files inside it";
pub const OPEN_ALWAYS: &str = "Open around the clock";
pub const CLOSED_NO_OPENING: &str = "No opening hours are set";
/// Hours are set, but none falls in the next 400 days (a long closure).
pub const CLOSED_UNTIL_FURTHER_NOTICE: &str = "Until further notice";
pub const THIS_WEEK: &str = "This week's hours";
pub const TODAY: &str = "today";
pub const CLOSED_DAY: &str = "Closed";
pub const CALL_US: &str = "Phone";
pub const VISIT_US: &str = "Visit us";
pub const FOOTER_SHORT: &str = "Education, not medical advice.";
pub const NOT_ADVICE_SHORT: &str = "Not medical advice";
pub const TOO_SMALL: &str = "Screen too small";
pub const DEV_MODE: &str = "DEVELOPMENT MODE: Ctrl-C quits";
/// The footer of a run with a demonstration clock (`--at`, `--speed`).
pub const DEMO_MODE: &str = "DEMONSTRATION: check-ins kept apart · Education, not medical advice.";

pub fn weekday_name(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

pub fn month_name(month: u32) -> &'static str {
    const NAMES: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    NAMES[(month.clamp(1, 12) - 1) as usize]
}

/// `6:00 PM`, `12:30 AM`.
pub fn clock_time(hour: u32, minute: u32) -> String {
    let (h12, half) = match hour {
        0 => (12, "AM"),
        1..=11 => (hour, "AM"),
        12 => (12, "PM"),
        _ => (hour - 12, "PM"),
    };
    format!("{h12}:{minute:02} {half}")
}

pub const MIDNIGHT: &str = "midnight";

/// A time of day given in minutes after midnight.
pub fn minutes_time(minutes: u16) -> String {
    let m = u32::from(minutes) % 1440;
    clock_time(m / 60, m % 60)
}

/// `9:00 AM – 6:00 PM`; an end at midnight reads "midnight".
pub fn range_text(start: u16, end: u16) -> String {
    let end_text = if end.is_multiple_of(1440) {
        MIDNIGHT.to_string()
    } else {
        minutes_time(end)
    };
    format!("{} – {end_text}", minutes_time(start))
}

/// `Saturday, November 21`.
pub fn long_date(date: NaiveDate) -> String {
    format!(
        "{}, {} {}",
        weekday_name(date.weekday()),
        month_name(date.month()),
        date.day()
    )
}

/// `Monday, June 7, 2027`: for dates more than six months away.
pub fn long_date_with_year(date: NaiveDate) -> String {
    format!("{}, {}", long_date(date), date.year())
}

/// `2 h 15 min`, `45 min`, `3 h`; rounded up to the minute.
pub fn duration_text(seconds: i64) -> String {
    let minutes = (seconds.max(0) + 59) / 60;
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

/// When a change happens, relative to today: `at 6:00 PM`, `tomorrow at
/// 9:00 AM`, `Monday at 9:00 AM`, or `Monday, January 4 at 9:00 AM` (with
/// the year when more than six months away). `say_today` adds "today"
/// for a change later today. Words it from the wall clock: see
/// [`crate::status::when_words`] for a change the clocks go back past.
pub fn when_text(today: NaiveDate, at: NaiveDateTime, say_today: bool) -> String {
    let time = clock_time(at.hour(), at.minute());
    let days = (at.date() - today).num_days();
    match days {
        0 if say_today => format!("today at {time}"),
        0 => format!("at {time}"),
        1 => format!("tomorrow at {time}"),
        2..=6 => format!("{} at {time}", weekday_name(at.weekday())),
        _ if today
            .checked_add_months(Months::new(6))
            .is_none_or(|half_year| at.date() > half_year) =>
        {
            format!("{} at {time}", long_date_with_year(at.date()))
        }
        _ => format!("{} at {time}", long_date(at.date())),
    }
}

pub fn closes(when: &str) -> String {
    format!("closes {when}")
}

pub fn opens(when: &str) -> String {
    format!("opens {when}")
}

/// `in 2 h 15 min`.
pub fn in_duration(seconds: i64) -> String {
    format!("in {}", duration_text(seconds))
}

/// `Closed today: Christmas Day`.
pub fn closed_today(reason: &str) -> String {
    format!("Closed today: {reason}")
}

/// `Special hours today: Christmas Eve`.
pub fn special_today(reason: &str) -> String {
    format!("Special hours today: {reason}")
}

pub const PAUSED: &str = "Paused";
/// Under a slide's QR code.
pub const QR_CAPTION: &str = "Scan with your phone";

/// `Page 1 of 3`.
pub fn page_of(page: usize, pages: usize) -> String {
    format!("Page {page} of {pages}")
}

/// `Sources: Lancet, 2005; BMJ, 2005`.
pub fn sources(list: &[String]) -> String {
    let word = if list.len() == 1 { "Source" } else { "Sources" };
    format!("{word}: {}", list.join("; "))
}

/// Capitalises the first letter, for a phrase that starts a line.
pub fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

// Slides.

/// Shown for `{{phone}}` when kiosk.toml has no phone number.
pub const NO_PHONE: &str = "the front desk";
/// Joins the lines of a multi-line value written inside a sentence.
pub const INLINE_ADDRESS_JOIN: &str = ", ";
pub const INLINE_HOURS_JOIN: &str = "; ";
/// Marks the items of a bullet list on a slide.
pub const BULLET: &str = "• ";
/// Runs down the left of a quotation on a slide.
pub const QUOTE_BAR: &str = "│ ";
/// Drawn across the slide for a horizontal rule.
pub const RULE: &str = "─";
/// Stands in for a character too wide for the whole line.
pub const TOO_WIDE: &str = "…";

/// `Monday: 9:00 AM – 6:00 PM (Christmas Eve)`, and `Monday (today): …` for
/// today.
pub fn week_line(day: &str, hours: &str, note: Option<&str>, is_today: bool) -> String {
    let day = if is_today {
        format!("{day} ({TODAY})")
    } else {
        day.to_string()
    };
    match note {
        Some(note) => format!("{day}: {hours} ({note})"),
        None => format!("{day}: {hours}"),
    }
}

// The check-in form.

pub const CHECKIN_TITLE: &str = "Check in";
pub const CHECKIN_INTRO: &str = "Please type your details.";
pub const CHECKIN_BUTTON: &str = "Check in";
pub const CHECKIN_HELP: &str = "Enter: next  ·  Tab: move  ·  Esc: back";
/// The help line on a narrow screen.
pub const CHECKIN_HELP_SHORT: &str = "Enter: next · Esc: back";
pub const CHECKIN_HELP_CHOICE: &str = "←/→ or 1–9: choose  ·  Enter: next  ·  Esc: back";
/// A choice field with nothing chosen yet, when its answers do not fit.
pub const CHOOSE_HINT: &str = "Use ← → or 1–9 to choose";
/// Shown, faintly, in an empty field of these kinds.
pub const DATE_PLACEHOLDER: &str = "MM/DD/YYYY";
pub const TIME_PLACEHOLDER: &str = "e.g. 9:30 am";
pub const PHONE_PLACEHOLDER: &str = "area code and number";
/// Beside the label of a field that may be left empty.
pub const OPTIONAL: &str = "(optional)";
pub const FIRST_NAME: &str = "First name";
pub const LAST_NAME: &str = "Last name";
pub const DATE_OF_BIRTH: &str = "Date of birth";

/// `Please enter your first name.`
pub fn please_enter(label: &str) -> String {
    format!("Please enter your {}.", lower_first(label))
}

/// `Please choose your visit type.`
pub fn please_choose(label: &str) -> String {
    format!("Please choose your {}.", lower_first(label))
}

/// A name made only of digits or symbols.
pub fn use_letters(label: &str) -> String {
    format!("Please type your {} using letters.", lower_first(label))
}

pub fn date_format(label: &str) -> String {
    format!("{label}: type it as MM/DD/YYYY, e.g. 04/17/1962")
}

/// `17/04/1962`: day first.
pub fn date_month_first(label: &str) -> String {
    format!("{label}: the month comes first. Type it as MM/DD/YYYY, e.g. 04/17/1962")
}

/// `02/30/1990`.
pub fn date_no_such_day(label: &str, month: u32, year: i32, days: u32) -> String {
    format!(
        "{label}: {} {year} has only {days} days. Please check the day.",
        month_name(month)
    )
}

pub fn date_future(label: &str) -> String {
    format!("{label} can't be in the future. Please check the year.")
}

/// A year before 1900.
pub fn date_too_old(label: &str) -> String {
    format!("{label}: please check the year, e.g. 04/17/1962")
}

pub fn time_format(label: &str) -> String {
    format!("{label}: type a time such as 9:30 am or 14:05")
}

pub fn phone_digits(label: &str) -> String {
    format!("{label}: type all 10 digits, starting with the area code")
}

pub fn phone_area_code(label: &str) -> String {
    format!("{label}: please check the area code")
}

/// How a typed answer was read: `Understood as April 17, 1962`.
pub fn understood_as(shown: &str) -> String {
    format!("Understood as {shown}")
}

/// The idle warning: `Still there? Clearing in 7 s — touch or press any key`.
pub fn still_there(seconds: u64) -> String {
    format!("Still there? Clearing in {seconds} s — touch or press any key")
}

/// The idle warning on a narrow screen: `Still there? 7 s`.
pub fn still_there_short(seconds: u64) -> String {
    format!("Still there? {seconds} s")
}

/// Which answer of a choice is showing: `2 of 3`.
pub fn choice_position(index: usize, count: usize) -> String {
    format!("{} of {count}", index + 1)
}

/// `April 17, 1962`.
pub fn full_date(date: NaiveDate) -> String {
    format!(
        "{} {}, {}",
        month_name(date.month()),
        date.day(),
        date.year()
    )
}

/// A label inside a sentence: "First name" becomes "first name", but
/// "ZIP code" stays as it is.
fn lower_first(label: &str) -> String {
    let first_word = label.split_whitespace().next().unwrap_or_default();
    if first_word.chars().filter(|c| c.is_uppercase()).count() > 1 {
        return label.to_string();
    }
    let mut chars = label.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

// Check-in: the button and the result.

pub const CHECKIN_PROMPT: &str = "▶  Check in: press Enter or tap here";
pub const CHECKIN_PROMPT_SHORT: &str = "Enter: check in";
pub const SAVING: &str = "One moment…";
pub const PLEASE_SIT: &str = "Please have a seat. We will call your number.";
pub const SEE_DESK_SORRY: &str = "Sorry, we could not check you in here.";
pub const SEE_DESK: &str = "Please see the front desk.";
pub const TOUCH_TO_CONTINUE: &str = "Touch the screen or press any key to continue.";
pub const CHECKIN_CLOSED: &str = "Check-in is closed";

/// A discreet note for staff that something needs fixing (details are in
/// the log and in `kiosk check`, never on the patients' screen).
pub fn staff_problems(count: usize) -> String {
    let s = if count == 1 { "" } else { "s" };
    format!("⚠ staff: {count} problem{s}, see the log")
}

pub const STAFF_TITLE: &str = "Staff";
pub const STAFF_NO_PROBLEMS: &str = "No problems found in the last reload.";

/// `Now serving: 14` (a ticket number, never a name).
pub fn now_serving(ticket: u32) -> String {
    format!("Now serving: {ticket}")
}

/// `Check-in opens Monday at 8:45 AM`.
pub fn checkin_opens(when: &str) -> String {
    format!("Check-in opens {when}")
}

/// `You're checked in, Maria.` (first name only, never more).
pub fn checked_in(first_name: Option<&str>) -> String {
    match first_name {
        Some(name) => format!("You're checked in, {name}."),
        None => "You're checked in.".to_string(),
    }
}

/// `kiosk check`, when the form has no fields to tell patients apart.
pub const DUPLICATES_OFF: &str = "duplicate check-ins are not detected: the form does not ask for first_name, last_name and date_of_birth";
pub const DUPLICATES_OFF_HELP: &str = "to detect them, add duplicate_key = [...] under [checkin] with the keys of fields that together tell one patient from another; duplicate_key = [] says you want none (and silences this warning)";

/// Someone typed the answers of a patient already on today's list. It
/// says neither who nor which number: whoever typed them may be somebody
/// else.
pub const MAYBE_LISTED: &str = "You may already be on today's list.";

/// `Your number is 14.`
pub fn your_number(ticket: u32) -> String {
    format!("Your number is {ticket}.")
}

// The front desk (`kiosk desk`): read by staff only.

pub const DESK_TITLE: &str = "Front desk";
pub const DESK_EMPTY: &str = "No check-ins yet today.";
pub const DESK_LOADING: &str = "Reading today's check-ins…";
pub const DESK_NO_NAME: &str = "(no name)";
/// Column headings of the queue.
pub const DESK_COLUMNS: [&str; 5] = ["#", "Name", "Checked in", "Waiting", "Status"];
/// In the Waiting column while a new check-in is highlighted.
pub const DESK_NEW: &str = "NEW";
/// Stands for a wait that cannot be worked out yet (nobody called, nobody waiting).
pub const DESK_NONE: &str = "—";
pub const DESK_AVERAGE_WAIT: &str = "Average wait";
pub const DESK_LONGEST_WAIT: &str = "Longest wait now";
pub const DESK_KEY_ENTER: &str = "Enter";
pub const DESK_KEY_ESC: &str = "Esc";
pub const DESK_KEY_CTRL: &str = "Ctrl-";
/// What each key does, in the help line.
pub const DESK_DO_SELECT: &str = "select";
pub const DESK_DO_CALL: &str = "call next";
pub const DESK_DO_SEEN: &str = "seen";
pub const DESK_DO_NO_SHOW: &str = "no-show";
pub const DESK_DO_UNDO: &str = "undo";
pub const DESK_DO_QUIT: &str = "quit";
pub const DESK_NO_ONE_WAITING: &str = "No one is waiting.";
pub const DESK_NOTHING_TO_UNDO: &str = "Nothing to undo.";
pub const DESK_PIN_NOT_SET: &str = "the desk PIN is not set up yet: run `kiosk staff set-pin`";
pub const DESK_NEEDS_TERMINAL: &str =
    "the desk needs a terminal to draw on; run it from a terminal window or over SSH";

/// A status as a word: `waiting`, `called`, `seen`, `no-show`.
pub fn desk_status(status: crate::store::Status) -> &'static str {
    use crate::store::Status;
    match status {
        Status::Waiting => "waiting",
        Status::Called => "called",
        Status::Seen => "seen",
        Status::NoShow => "no-show",
    }
}

/// A count in the summary line: `Waiting 3`.
pub fn desk_count(status: crate::store::Status, count: usize) -> String {
    capitalized(&format!("{} {count}", desk_status(status)))
}

/// A wait in whole minutes: `0 min`, `45 min`, `1 h 5 min`.
/// A name on the desk's list, and when someone last tried to check in
/// again as that patient: `José García · tried again 10:42 AM`.
pub fn desk_tried_again(name: &str, time: &str) -> String {
    format!("{name} · tried again {time}")
}

/// The count of repeated check-in attempts today, in the desk's summary.
pub fn desk_repeat_tries(count: u32) -> String {
    match count {
        1 => "1 repeated check-in: see the list".to_string(),
        n => format!("{n} repeated check-ins: see the list"),
    }
}

pub fn desk_wait(minutes: i64) -> String {
    match (minutes.max(0) / 60, minutes.max(0) % 60) {
        (0, m) => format!("{m} min"),
        (h, m) => format!("{h} h {m} min"),
    }
}

/// The result of a change: `#3 李小龙: called` / `… waiting again (undone)`.
pub fn desk_changed(ticket: u32, name: &str, status: crate::store::Status, undo: bool) -> String {
    let again = if undo { " again (undone)" } else { "" };
    format!("#{ticket} {name}: {}{again}", desk_status(status))
}

pub fn desk_already(ticket: u32, name: &str, status: crate::store::Status) -> String {
    format!("#{ticket} {name} is already {}.", desk_status(status))
}

/// Someone else changed the check-in between reading and saving.
pub fn desk_changed_elsewhere(ticket: u32, name: &str, undo: bool) -> String {
    let what = if undo { "Can't undo" } else { "Not saved" };
    format!("{what}: #{ticket} {name} was changed elsewhere meanwhile; the list shows the latest.")
}

pub fn desk_save_failed(error: &str) -> String {
    format!("Could not save the change: {error}")
}

pub fn desk_read_failed(error: &str) -> String {
    format!("Could not read the check-ins: {error}")
}

#[cfg(test)]
mod tests;
