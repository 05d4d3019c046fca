//! Slides per language: `070-low-back-pain.es.md` beside
//! `070-low-back-pain.md` shows in its place in Spanish; a slide without a
//! translation shows as written; translations are never extra slides; with
//! `rotate_languages` the slides take turns in each language.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

use chrono::{DateTime, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use kiosk::app::{App, Msg};
use kiosk::config::Config;
use kiosk::slides::{load_deck, translation_of};

const MONDAY_OPEN: &str = "2026-11-23T10:42:00-07:00";

fn fixture() -> &'static Path {
    Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/languages"
    ))
}

fn config(extra: &str) -> Config {
    let text = std::fs::read_to_string(fixture().join("kiosk.toml")).unwrap();
    let text = text.replacen("rotate_languages = false\n", extra, 1);
    Config::parse(&fixture().join("kiosk.toml"), &text, fixture())
        .unwrap_or_else(|p| panic!("{p:#?}"))
}

fn at(rfc3339: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(rfc3339).unwrap().to_utc()
}

fn app(extra: &str) -> App {
    let config = config(extra);
    let deck = load_deck(&config.kiosk.content_dir);
    let catalog = std::sync::Arc::new(config.catalog());
    App::new(config, at(MONDAY_OPEN), false)
        .with_catalog(catalog)
        .with_deck(deck)
        .with_size(80, 24)
}

fn title(app: &App) -> String {
    app.shown_slide()
        .map(|s| s.title.clone())
        .unwrap_or_default()
}

#[test]
fn translation_names_are_recognised() {
    assert_eq!(
        translation_of("070-low-back-pain.es.md"),
        Some(("070-low-back-pain.md".into(), "es".into()))
    );
    assert_eq!(translation_of("070-low-back-pain.md"), None);
    assert_eq!(translation_of("v1.2.md"), None);
}

#[test]
fn translations_are_not_extra_slides() {
    let deck = load_deck(&fixture().join("content"));
    let files: Vec<&str> = deck.slides.iter().map(|s| s.file.as_str()).collect();
    assert_eq!(files, vec!["010-welcome.md", "020-back.md"]);
    assert_eq!(deck.translations.len(), 1);
    assert_eq!(deck.languages_of("010-welcome.md"), vec!["es"]);
    assert!(deck.problems.is_empty(), "{:#?}", deck.problems);
}

#[test]
fn a_slide_shows_in_the_chosen_language_or_falls_back() {
    let mut app = app("rotate_languages = false\n");
    assert_eq!(title(&app), "Welcome");
    app.update(Msg::Key(KeyEvent::new(KeyCode::F(2), KeyModifiers::NONE)));
    assert_eq!(app.language, "es");
    assert_eq!(title(&app), "Bienvenido");
    // The next slide has no Spanish: it shows as written, never blank.
    app.update(Msg::Key(KeyEvent::new(KeyCode::Right, KeyModifiers::NONE)));
    assert_eq!(title(&app), "Low back pain");
    // Vietnamese has no translations at all: every slide as written.
    app.update(Msg::Key(KeyEvent::new(KeyCode::F(2), KeyModifiers::NONE)));
    assert_eq!(app.language, "vi");
    app.update(Msg::Key(KeyEvent::new(KeyCode::Left, KeyModifiers::NONE)));
    assert_eq!(title(&app), "Welcome");
}

#[test]
fn with_rotate_languages_the_slides_take_turns() {
    let mut app = app("rotate_languages = true\n");
    let mut seen = Vec::new();
    let mut now = app.now;
    for _ in 0..8 {
        seen.push((title(&app), app.slide_language().to_string()));
        now += chrono::Duration::seconds(21);
        app.update(Msg::Tick(now));
    }
    assert!(
        seen.contains(&("Bienvenido".into(), "es".into())),
        "{seen:?}"
    );
    assert!(seen.contains(&("Welcome".into(), "en".into())), "{seen:?}");
    // The patients' language (the sign, the button) stays the default.
    assert_eq!(app.language, "en");
}

#[test]
fn a_translation_stays_up_for_its_own_duration() {
    let mut app = app("rotate_languages = false\n");
    let english = app.page_duration();
    assert_eq!(title(&app), "Welcome");
    app.update(Msg::Key(KeyEvent::new(KeyCode::F(2), KeyModifiers::NONE)));
    assert_eq!(title(&app), "Bienvenido");
    // Spanish runs longer: the translation's own 25 s, not the slide's.
    assert_eq!(app.page_duration(), chrono::Duration::seconds(25));
    assert_ne!(app.page_duration(), english);
    // A slide with no translation keeps its own time in Spanish too.
    app.update(Msg::Key(KeyEvent::new(KeyCode::Right, KeyModifiers::NONE)));
    assert_eq!(title(&app), "Low back pain");
    assert_eq!(app.page_duration(), english);
}
