use std::path::Path;

use chrono::{DateTime, NaiveDate, Utc};

use super::*;
use crate::config::Config;
use crate::status::StatusReport;

fn day(date: &str, hours: &str, note: Option<&str>, is_today: bool) -> DayHours {
    DayHours {
        date: NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap_or_default(),
        is_today,
        hours: hours.into(),
        note: note.map(Into::into),
    }
}

fn vars() -> Vars {
    Vars {
        clinic_name: "Lotus *Star* Clinic".into(),
        address: vec!["1 Main St".into(), "Town, CO 80000".into()],
        phone: Some("(720) 242-9756".into()),
        week: vec![
            day("2026-11-23", "9:00 AM – 6:00 PM", None, true),
            day("2026-11-26", "Closed", Some("Thanksgiving Day"), false),
        ],
        status: "Opens Monday at 9:00 AM".into(),
    }
}

#[test]
fn finds_placeholders_on_one_line_only() {
    let text = "a {{ phone }} b {{x\n}} {{status}}";
    let found: Vec<_> = find_placeholders(text)
        .into_iter()
        .map(|(r, n)| (&text[r], n))
        .collect();
    assert_eq!(found, [("{{ phone }}", "phone"), ("{{status}}", "status")]);
}

#[test]
fn values_are_escaped_so_they_read_literally() {
    assert_eq!(
        expand(
            "Welcome to {{clinic_name}}!",
            &vars(),
            crate::i18n::english()
        ),
        "Welcome to Lotus \\*Star\\* Clinic!"
    );
    assert_eq!(
        expand("Call {{phone}}.", &vars(), crate::i18n::english()),
        "Call \\(720\\)\u{a0}242\\-9756."
    );
}

#[test]
fn an_address_on_its_own_line_becomes_lines() {
    assert_eq!(
        expand("{{address}}", &vars(), crate::i18n::english()),
        "1 Main St\\\nTown\\, CO 80000"
    );
    assert_eq!(
        expand("> {{address}}", &vars(), crate::i18n::english()),
        "> 1 Main St\\\n> Town\\, CO 80000"
    );
    assert_eq!(
        expand("We are at {{address}}.", &vars(), crate::i18n::english()),
        "We are at 1 Main St\\, Town\\, CO 80000."
    );
}

#[test]
fn week_hours_on_its_own_line_becomes_a_list() {
    assert_eq!(
        expand(
            "Hours:\n{{week_hours}}\nBye",
            &vars(),
            crate::i18n::english()
        ),
        "Hours:\n\n- **Monday \\(today\\)\\: 9\\:00\u{a0}AM – 6\\:00\u{a0}PM**\n- Thursday\\: Closed \\(Thanksgiving Day\\)\n\nBye"
    );
}

#[test]
fn no_phone_and_unknown_placeholders() {
    let mut v = vars();
    v.phone = None;
    assert_eq!(
        expand("Call {{phone}} {{nope}}", &v, crate::i18n::english()),
        "Call the front desk {{nope}}"
    );
}

#[test]
fn built_from_the_configuration() {
    let toml = "[clinic]\nname = \"Test\"\naddress = [\"A\", \"B\"]\ntimezone = \"America/Denver\"\n[hours]\nmonday = \"09:00-18:00\"\n";
    let Ok(config) = Config::parse(Path::new("k.toml"), toml, Path::new(".")) else {
        unreachable!("the test configuration is valid")
    };
    // Saturday 2026-11-21, noon in Denver.
    let now: DateTime<Utc> = "2026-11-21T19:00:00Z".parse().unwrap_or_default();
    let status = StatusReport::new(&config.schedule, config.kiosk.closing_soon, now);
    let v = Vars::new(&config, &status, now, crate::i18n::english());
    assert_eq!(v.clinic_name, "Test");
    assert_eq!(v.status, "Opens Monday at 9:00 AM");
    assert_eq!(v.week.len(), 7);
    assert!(v.week[0].is_today);
    assert_eq!(
        expand("{{status}}", &v, crate::i18n::english()),
        "Opens Monday at 9\\:00\u{a0}AM"
    );
}
