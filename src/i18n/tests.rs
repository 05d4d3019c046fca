//! The English messages read as the kiosk always wrote them.

use chrono::NaiveDate;

use super::*;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
}

#[test]
fn twelve_hour_times() {
    let w = english();
    assert_eq!(w.time(0, 5), "12:05 AM");
    assert_eq!(w.time(9, 0), "9:00 AM");
    assert_eq!(w.time(12, 0), "12:00 PM");
    assert_eq!(w.time(18, 0), "6:00 PM");
    assert_eq!(w.minutes_time(1440), "12:00 AM");
    assert_eq!(w.range(720, 1440), "12:00 PM – midnight");
    assert_eq!(w.range(1320, 0), "10:00 PM – midnight");
    assert_eq!(w.range(540, 1080), "9:00 AM – 6:00 PM");
}

#[test]
fn durations_round_up_to_the_minute() {
    let w = english();
    assert_eq!(w.duration(1), "1 min");
    assert_eq!(w.duration(60), "1 min");
    assert_eq!(w.duration(61), "2 min");
    assert_eq!(w.duration(2 * 3600 + 15 * 60), "2 h 15 min");
    assert_eq!(w.duration(3 * 3600), "3 h");
    assert_eq!(w.in_duration(45 * 60), "in 45 min");
}

#[test]
fn labels_inside_sentences() {
    let w = english();
    let enter = |label: &str| {
        w.f(
            "checkin-please-enter",
            &[("field", lower_first(label).into())],
        )
    };
    assert_eq!(enter("First name"), "Please enter your first name.");
    assert_eq!(enter("ZIP code"), "Please enter your ZIP code.");
    assert_eq!(
        w.f(
            "checkin-date-month-first",
            &[("label", "Date of birth".into())]
        ),
        "Date of birth: the month comes first. Type it as MM/DD/YYYY, e.g. 04/17/1962"
    );
}

#[test]
fn plurals_and_multi_line_messages() {
    let w = english();
    assert_eq!(
        w.f("pin-wrong", &[("left", num(1))]),
        "Wrong PIN — 1 try left"
    );
    assert_eq!(
        w.f("pin-wrong", &[("left", num(4))]),
        "Wrong PIN — 4 tries left"
    );
    assert_eq!(w.t("set-pin-first"), "New staff PIN (4 to 8 digits): ");
    assert_eq!(
        w.f(
            "set-pin-by-hand",
            &[("file", "k.toml".into()), ("hash", "H".into())]
        ),
        "error: k.toml writes its [staff] table in a way this command does not edit (a dotted key or an inline table, say); nothing was changed.\nAdd this line to the [staff] table yourself:\n\npin_hash = \"H\""
    );
}

#[test]
fn relative_days() {
    let w = english();
    let today = d("2026-11-21"); // a Saturday
    let at = |s: &str, h| d(s).and_hms_opt(h, 0, 0).unwrap_or_default();
    assert_eq!(w.when(today, at("2026-11-21", 14), false), "at 2:00 PM");
    assert_eq!(
        w.when(today, at("2026-11-21", 14), true),
        "today at 2:00 PM"
    );
    assert_eq!(
        w.when(today, at("2026-11-22", 9), true),
        "tomorrow at 9:00 AM"
    );
    assert_eq!(
        w.when(today, at("2026-11-23", 9), true),
        "Monday at 9:00 AM"
    );
    assert_eq!(
        w.when(today, at("2026-11-30", 9), true),
        "Monday, November 30 at 9:00 AM"
    );
    // Six months to the day still goes without the year; a day more has it.
    assert_eq!(
        w.when(today, at("2027-05-21", 9), true),
        "Friday, May 21 at 9:00 AM"
    );
    assert_eq!(
        w.when(today, at("2027-05-22", 9), true),
        "Saturday, May 22, 2027 at 9:00 AM"
    );
    assert_eq!(w.full_date(d("1962-04-17")), "April 17, 1962");
}

#[test]
fn a_missing_message_shows_its_id_never_nothing() {
    assert_eq!(english().t("no-such-message"), "no-such-message");
}

#[test]
fn a_translation_with_other_variables_is_never_shown_broken() {
    let dir = std::env::temp_dir().join(format!("kiosk-i18n-{}", std::process::id()));
    let es = dir.join("es");
    std::fs::create_dir_all(&es).unwrap_or_default();
    std::fs::write(
        es.join("x.ftl"),
        "checkin-your-number = Su turno es el { $numero }.\ncheckin-closed = El registro { está\n",
    )
    .unwrap_or_default();
    let catalog = Catalog::with_folder(&dir);
    let w = catalog.words("es");
    // The variable English does not give: English instead of "{$numero}".
    assert_eq!(
        w.f("checkin-your-number", &[("ticket", num(14))]),
        "Your number is 14."
    );
    // A message with a mistake: the built-in one, and where it is.
    assert_eq!(w.t("checkin-closed"), "El registro está cerrado");
    assert_eq!(catalog.problems.len(), 1);
    assert_eq!(catalog.problems[0].line, 2);
    let _ = std::fs::remove_dir_all(&dir);
}
