//! Every word a patient or the front desk reads, in one place, so the kiosk
//! can be reviewed and translated as a whole.

pub mod staff;

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike, Weekday};

pub const OPEN: &str = "OPEN";
pub const CLOSED: &str = "CLOSED";
/// Symbols beside the words, so the status never rests on colour alone.
pub const OPEN_SYMBOL: &str = "●";
pub const CLOSED_SYMBOL: &str = "○";
pub const CLOSING_SOON: &str = "Closing soon";
pub const OPEN_ALWAYS: &str = "Open around the clock";
pub const CLOSED_NO_OPENING: &str = "No opening hours are set";
pub const THIS_WEEK: &str = "This week's hours";
pub const TODAY: &str = "today";
pub const CLOSED_DAY: &str = "Closed";
pub const CALL_US: &str = "Phone";
pub const VISIT_US: &str = "Visit us";
pub const FOOTER: &str = "Please check in at the front desk.  ·  Education, not medical advice.";
pub const FOOTER_SHORT: &str = "Education, not medical advice.";
pub const TOO_SMALL: &str = "Screen too small";
pub const DEV_MODE: &str = "DEVELOPMENT MODE: Ctrl-C quits";

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
/// 9:00 AM`, `Monday at 9:00 AM`, or `Monday, January 4 at 9:00 AM`.
/// `say_today` adds "today" for a change later today.
pub fn when_text(today: NaiveDate, at: NaiveDateTime, say_today: bool) -> String {
    let time = clock_time(at.hour(), at.minute());
    let days = (at.date() - today).num_days();
    match days {
        0 if say_today => format!("today at {time}"),
        0 => format!("at {time}"),
        1 => format!("tomorrow at {time}"),
        2..=6 => format!("{} at {time}", weekday_name(at.weekday())),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn twelve_hour_times() {
        assert_eq!(clock_time(0, 5), "12:05 AM");
        assert_eq!(clock_time(9, 0), "9:00 AM");
        assert_eq!(clock_time(12, 0), "12:00 PM");
        assert_eq!(clock_time(18, 0), "6:00 PM");
        assert_eq!(minutes_time(1440), "12:00 AM");
        assert_eq!(range_text(720, 1440), "12:00 PM – midnight");
        assert_eq!(range_text(1320, 0), "10:00 PM – midnight");
        assert_eq!(range_text(540, 1080), "9:00 AM – 6:00 PM");
    }

    #[test]
    fn durations_round_up_to_the_minute() {
        assert_eq!(duration_text(1), "1 min");
        assert_eq!(duration_text(60), "1 min");
        assert_eq!(duration_text(61), "2 min");
        assert_eq!(duration_text(2 * 3600 + 15 * 60), "2 h 15 min");
        assert_eq!(duration_text(3 * 3600), "3 h");
    }

    #[test]
    fn labels_inside_sentences() {
        assert_eq!(please_enter("First name"), "Please enter your first name.");
        assert_eq!(please_enter("ZIP code"), "Please enter your ZIP code.");
        assert_eq!(please_enter(""), "Please enter your .");
        assert_eq!(
            date_month_first("Date of birth"),
            "Date of birth: the month comes first. Type it as MM/DD/YYYY, e.g. 04/17/1962"
        );
    }

    #[test]
    fn relative_days() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default();
        let today = d("2026-11-21"); // a Saturday
        let at = |s: &str, h| d(s).and_hms_opt(h, 0, 0).unwrap_or_default();
        assert_eq!(when_text(today, at("2026-11-21", 14), false), "at 2:00 PM");
        assert_eq!(
            when_text(today, at("2026-11-21", 14), true),
            "today at 2:00 PM"
        );
        assert_eq!(
            when_text(today, at("2026-11-22", 9), true),
            "tomorrow at 9:00 AM"
        );
        assert_eq!(
            when_text(today, at("2026-11-23", 9), true),
            "Monday at 9:00 AM"
        );
        assert_eq!(
            when_text(today, at("2026-11-30", 9), true),
            "Monday, November 30 at 9:00 AM"
        );
    }
}
