//! Notices through the app's public API: a closing notice closes check-in
//! for its span, on the sign and in what Enter does, and applies when
//! `kiosk.toml` is read again while the kiosk runs.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

use chrono::{DateTime, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use kiosk::app::{App, Availability, Msg, Screen};
use kiosk::config::Config;

const CLINIC: &str =
    "[clinic]\nname = \"C\"\ntimezone = \"America/Denver\"\n[hours]\nmonday = \"09:00-18:00\"\n";
const SNOW: &str = "[[notices]]\ntext = \"Closed until noon: snow\"\nfrom = \"2026-11-23 06:00\"\nuntil = \"2026-11-23 12:00\"\ncloses = true\n";

fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text).unwrap().to_utc()
}

fn config(extra: &str) -> Config {
    Config::parse(
        Path::new("kiosk.toml"),
        &format!("{CLINIC}{extra}"),
        Path::new("."),
    )
    .unwrap()
}

fn enter(app: &mut App) {
    app.update(Msg::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)));
}

#[test]
fn a_closing_notice_read_while_running_turns_check_in_off_for_its_span() {
    let mut app = App::new(config(""), at("2026-11-23T10:00:00-07:00"), false).with_size(100, 30);
    assert_eq!(app.checkin_availability(), Availability::Open);
    app.update(Msg::ConfigLoaded(Ok(Box::new(config(SNOW)))));
    assert!(!app.status.open);
    assert_eq!(
        app.status.reason.as_deref(),
        Some("Closed until noon: snow")
    );
    // Check-in opens with the clinic, open_before_minutes early.
    assert_eq!(
        app.checkin_availability(),
        Availability::OpensAt(at("2026-11-23T11:45:00-07:00"))
    );
    enter(&mut app);
    assert!(matches!(app.screen, Screen::Slides));
    // Enter says why check-in is closed, for a few seconds: the app wakes
    // to take that away.
    assert!(app.not_open_until.is_some());
    assert_eq!(app.next_wake(), at("2026-11-23T10:00:06-07:00"));
    app.update(Msg::Tick(at("2026-11-23T12:00:00-07:00")));
    assert!(app.status.open && app.status.notice.is_none());
    enter(&mut app);
    assert!(matches!(app.screen, Screen::CheckIn(_)));
}
