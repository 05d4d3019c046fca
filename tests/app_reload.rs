//! `kiosk.toml` edited while the kiosk runs: every setting either takes
//! effect at once, everywhere, or is kept as it was and reported to staff
//! as waiting for a restart.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use kiosk::app::{App, Msg, Screen};
use kiosk::config::Config;
use kiosk::staff::{Pin, hash_pin};

fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text).unwrap().to_utc()
}

fn config(extra_kiosk: &str, checkin: &str, staff: &str) -> Config {
    let hash = hash_pin(&Pin::parse("2468").unwrap()).unwrap();
    let text = format!(
        "[clinic]\nname = \"Test Clinic\"\ntimezone = \"America/Denver\"\n[hours]\nmonday = \"09:00-18:00\"\n\
         [kiosk]\n{extra_kiosk}\n[checkin]\n{checkin}\n[staff]\npin_hash = \"{hash}\"\n{staff}\n"
    );
    Config::parse(
        Path::new("/srv/kiosk/kiosk.toml"),
        &text,
        Path::new("/srv/kiosk"),
    )
    .unwrap()
}

fn app(config: Config) -> App {
    App::new(config, at("2026-11-23T10:42:00-07:00"), false).with_size(100, 30)
}

fn press(app: &mut App, code: KeyCode, modifiers: KeyModifiers) {
    app.update(Msg::Key(KeyEvent::new(code, modifiers)));
}

#[test]
fn files_opened_at_start_are_kept_and_reported_until_a_restart() {
    let mut app = app(config("", "", ""));
    let edited = config(
        "log_dir = \"elsewhere/logs\"\nheartbeat_file = \"elsewhere/beat\"",
        "database = \"elsewhere/checkins.db\"\nretention_days = 60",
        "lock_file = \"elsewhere/staff.lock\"",
    );
    assert!(app.update(Msg::ConfigLoaded(Ok(Box::new(edited)))));
    let c = &app.config;
    assert_eq!(
        c.checkin.database,
        PathBuf::from("/srv/kiosk/data/checkins.db")
    );
    assert_eq!(
        c.staff.lock_file,
        PathBuf::from("/srv/kiosk/data/staff.lock")
    );
    assert_eq!(c.kiosk.log_dir, PathBuf::from("/srv/kiosk/data/logs"));
    assert_eq!(
        c.kiosk.heartbeat,
        PathBuf::from("/srv/kiosk/data/heartbeat")
    );
    // What does take effect, does.
    assert_eq!(c.checkin.retention_days, 60);
    assert_eq!(
        app.problems.restart,
        ["database", "lock_file", "log_dir", "heartbeat_file"]
    );
    // Put back as it was: nothing is waiting any more.
    assert!(app.update(Msg::ConfigLoaded(Ok(Box::new(config("", "", ""))))));
    assert!(app.problems.restart.is_empty());
}

#[test]
fn a_demonstration_stays_on_its_own_files_after_a_reload() {
    let mut app = app(config("", "", "").for_demonstration());
    assert!(app.update(Msg::ConfigLoaded(Ok(Box::new(config("", "", ""))))));
    assert!(app.config.demo);
    assert_eq!(
        app.config.checkin.database,
        PathBuf::from("/srv/kiosk/data/checkins.demo.db")
    );
    assert!(
        app.problems.restart.is_empty(),
        "{:?}",
        app.problems.restart
    );
}

#[test]
fn a_new_staff_chord_works_at_once_and_the_old_one_no_longer() {
    let mut app = app(config("", "", ""));
    let edited = config("", "", "chord = \"ctrl-b x\"");
    app.update(Msg::ConfigLoaded(Ok(Box::new(edited))));
    press(&mut app, KeyCode::Char('a'), KeyModifiers::CONTROL);
    press(&mut app, KeyCode::Char('s'), KeyModifiers::NONE);
    assert!(!matches!(app.screen, Screen::Pin { .. }), "old chord");
    press(&mut app, KeyCode::Char('b'), KeyModifiers::CONTROL);
    press(&mut app, KeyCode::Char('x'), KeyModifiers::NONE);
    assert!(matches!(app.screen, Screen::Pin { .. }), "new chord");
}
