//! What the sign says about the next change, checked where it is easy to
//! get wrong: the night the clocks go back, a clinic closed for longer
//! than the kiosk looks ahead, and changes far enough away to need a year.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::Path;

use chrono::{DateTime, Utc};
use common::Test;
use kiosk::app::App;
use kiosk::config::Config;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const CLINIC: &str = "[clinic]\nname = \"T\"\ntimezone = \"America/Denver\"\n";

/// Open Saturday night until 1:30 AM: on the night the clocks go back
/// (2026-11-01 in Denver), 1:00 to 1:30 AM comes twice.
const SATURDAY_NIGHT: &str = "[hours]\nsaturday = \"22:00-01:30\"\n";

fn status(config: &str, at: &str) -> String {
    Test::new()
        .config(config)
        .args(["status", "--at", at])
        .any_stdout()
        .run()
        .stdout
}

#[test]
fn a_change_after_the_clocks_go_back_is_worded_from_the_instant() {
    let config = format!("{CLINIC}{SATURDAY_NIGHT}");
    // 1:40 AM, the first time (MDT): closed since 1:30; at 2:00 AM MDT the
    // clocks go back to 1:00 AM MST and it is open again, in 20 minutes.
    // "Opens today at 1:00 AM" would name a time already past.
    assert_eq!(
        status(&config, "2026-11-01T01:40:00-06:00"),
        "CLOSED · opens in 20 min\n"
    );
    // The second 1:10 AM (MST): closes at 1:30 AM, worded as usual.
    assert_eq!(
        status(&config, "2026-11-01T01:10:00-07:00"),
        "OPEN · closes at 1:30 AM (in 20 min)\n"
    );
}

#[test]
fn check_in_opening_after_the_clocks_go_back_is_worded_from_the_instant() {
    let text = format!("{CLINIC}{SATURDAY_NIGHT}[checkin]\nopen_before_minutes = 0\n");
    let config = Config::parse(Path::new("kiosk.toml"), &text, Path::new(".")).unwrap();
    let at: DateTime<Utc> = DateTime::parse_from_rfc3339("2026-11-01T01:40:00-06:00")
        .unwrap()
        .to_utc();
    let app = App::new(config, at, false).with_size(100, 30);
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    terminal.draw(|f| f.render_widget(&app, f.area())).unwrap();
    let screen = terminal.backend().to_string();
    assert!(screen.contains("Check-in opens in 20 min"), "{screen}");
    assert!(!screen.contains("1:00 AM"), "{screen}");
}

#[test]
fn a_clinic_closed_for_over_400_days_says_so_truthfully() {
    let closed = format!(
        "{CLINIC}[hours]\nmonday = \"09:00-17:00\"\n\
         [[closures]]\nfrom = \"2026-11-01\"\nto = \"2028-01-01\"\n"
    );
    assert_eq!(
        status(&closed, "2026-11-02T10:00:00-07:00"),
        "CLOSED · until further notice\n"
    );
    // Without any hours, that is what it says.
    assert_eq!(
        status(CLINIC, "2026-11-02T10:00:00-07:00"),
        "CLOSED · no opening hours are set\n"
    );
}

#[test]
fn a_change_more_than_six_months_away_gives_the_year() {
    let closure = |to: &str| {
        format!(
            "{CLINIC}[hours]\nmonday = \"09:00-17:00\"\n\
             [[closures]]\nfrom = \"2026-11-01\"\nto = \"{to}\"\n"
        )
    };
    assert_eq!(
        status(&closure("2027-06-01"), "2026-11-02T10:00:00-07:00"),
        "CLOSED · opens Monday, June 7, 2027 at 9:00 AM\n"
    );
    assert_eq!(
        status(&closure("2027-01-31"), "2026-11-02T10:00:00-07:00"),
        "CLOSED · opens Monday, February 1 at 9:00 AM\n"
    );
}
