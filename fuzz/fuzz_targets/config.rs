//! Arbitrary bytes as `kiosk.toml`: checked as the kiosk checks it, every
//! problem rendered as the CLI prints it; a configuration that passes is
//! used as `kiosk status`, `kiosk check` and the clinic screen use it.
//! Nothing printed or drawn may hold a control character.

#![no_main]

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use kiosk::app::App;
use kiosk::commands::check::check;
use kiosk::config::{Config, ConfigError};
use kiosk::hours::week_from;
use kiosk::status::StatusReport;
use kiosk_fuzz::fixtures::{self, monday_afternoon};
use kiosk_fuzz::screen::{self, assert_clean_text};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    match fixtures::parse_config(&text) {
        Err(problems) => {
            assert!(!problems.is_empty(), "a refusal names at least one problem");
            let printed = ConfigError::Invalid(problems).to_string();
            assert_clean_text(&printed, "the configuration's problems");
        }
        Ok(config) => use_config(config),
    }
});

/// Moments around the year: a Monday afternoon, the US spring-forward and
/// fall-back nights, New Year's Eve (in Denver).
fn moments() -> [DateTime<Utc>; 4] {
    let at = |text: &str| {
        DateTime::parse_from_rfc3339(text)
            .expect("a valid RFC 3339 time")
            .to_utc()
    };
    [
        monday_afternoon(),
        at("2026-03-08T01:30:00-07:00"),
        at("2026-11-01T01:30:00-06:00"),
        at("2026-12-31T23:30:00-07:00"),
    ]
}

fn use_config(mut config: Config) {
    for at in moments() {
        let schedule = &config.schedule;
        let report = StatusReport::new(schedule, config.kiosk.closing_soon, at);
        assert_clean_text(&report.line(kiosk::i18n::english()), "kiosk status");
        if let Some(next) = report.next_change {
            assert!(next > at, "the next change {next} comes after {at}");
        }
        let today = schedule.wall_at(at).date();
        assert_eq!(week_from(schedule, today).len(), 7, "a week has 7 days");
        let app = App::new(config.clone(), at, false).with_size(100, 30);
        screen::draw_at(&app, (100, 30));
    }
    // `kiosk check` without reading any slides.
    config.kiosk.content_dir = PathBuf::from("/nonexistent/kiosk-fuzz/content");
    let report = check(&config, monday_afternoon());
    assert_clean_text(&report.summary, "kiosk check");
    assert_clean_text(&report.problems_text(), "kiosk check's problems");
}
