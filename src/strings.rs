//! Every word a patient or the front desk reads, in one place, so the kiosk
//! can be reviewed and translated as a whole.

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
