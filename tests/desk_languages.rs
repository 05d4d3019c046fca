//! Which language each patient used: stored with the check-in (schema
//! migration 4), listed by `kiosk checkins list --json`, and shown at the
//! desk beside the name when it is not the clinic's usual language. The
//! desk itself reads `staff_language`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

use chrono::{DateTime, Utc};
use kiosk::config::Config;
use kiosk::desk::{Desk, Msg};
use kiosk::store::{CheckinRecord, NewCheckin, Store};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn at(rfc3339: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(rfc3339).unwrap().to_utc()
}

const MONDAY: &str = "2026-11-23T10:42:00-07:00";

fn config(staff: &str) -> Config {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(dir.join("kiosk.toml")).unwrap();
    let text = text
        .replacen("\nlanguages = [\"en\", \"es\"]\n", "\n", 1)
        .replacen("[kiosk]\n", "[kiosk]\nlanguages = [\"en\", \"es\"]\n", 1)
        .replacen(
            "staff_language = \"en\"",
            &format!("staff_language = \"{staff}\""),
            1,
        );
    Config::parse(Path::new("kiosk.toml"), &text, dir).unwrap()
}

fn checkin(first: &str, last: &str, lang: &str) -> NewCheckin {
    let fields = vec![
        ("first_name".to_string(), first.to_string()),
        ("last_name".to_string(), last.to_string()),
        ("date_of_birth".to_string(), "1952-04-05".to_string()),
    ];
    NewCheckin::new(fields, &["first_name", "last_name", "date_of_birth"]).in_language(lang)
}

/// Two check-ins stored and read back: one in Spanish, one in English.
fn stored() -> Vec<CheckinRecord> {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("c.db"), chrono_tz::America::Denver).unwrap();
    let window = chrono::Duration::hours(1);
    store
        .insert(&checkin("José", "Muñoz", "es"), at(MONDAY), window)
        .unwrap();
    store
        .insert(&checkin("Mary", "Smith", "en"), at(MONDAY), window)
        .unwrap();
    store
        .list(
            at(MONDAY)
                .with_timezone(&chrono_tz::America::Denver)
                .date_naive(),
        )
        .unwrap()
}

#[test]
fn the_language_is_stored_with_the_checkin() {
    let records = stored();
    let langs: Vec<&str> = records.iter().map(|r| r.language.as_str()).collect();
    assert_eq!(langs, vec!["es", "en"]);
    let json = kiosk::listing::json(&records, chrono_tz::America::Denver);
    assert!(json.contains("\"language\":\"es\""), "{json}");
}

fn desk_screen(staff: &str) -> String {
    let config = config(staff);
    let mut desk =
        Desk::new(&config, at(MONDAY)).with_catalog(std::sync::Arc::new(config.catalog()));
    desk.update(Msg::Loaded {
        records: stored(),
        at: at(MONDAY),
    });
    let mut terminal = Terminal::new(TestBackend::new(100, 20)).unwrap();
    terminal.draw(|f| f.render_widget(&desk, f.area())).unwrap();
    let buffer = terminal.backend().buffer().clone();
    (0..20)
        .map(|y| {
            (0..100)
                .map(|x| buffer.cell((x, y)).map_or(" ", |c| c.symbol()))
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_desk_shows_who_used_spanish() {
    let screen = desk_screen("en");
    assert!(screen.contains("José Muñoz · Español"), "{screen}");
    assert!(screen.contains("Mary Smith "), "{screen}");
    assert!(!screen.contains("Mary Smith ·"), "{screen}");
    assert!(screen.contains("Front desk"), "{screen}");
}

#[test]
fn the_desk_reads_staff_language() {
    let screen = desk_screen("es");
    assert!(screen.contains("Recepción"), "{screen}");
    assert!(screen.contains("esperando"), "{screen}");
    assert!(screen.contains("José Muñoz · Español"), "{screen}");
}
