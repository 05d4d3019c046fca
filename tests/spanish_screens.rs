//! Every patient screen in Spanish, at 80x24, 120x33 and a tiny size,
//! checked against the snapshots in `tests/snapshots/`: the sign, the
//! week's hours, a slide, the form (empty, with a mistake, a date read day
//! first), the confirmation, the other results and the notice that
//! check-in is not open. Each also checks that its sentences are whole
//! (never cut mid-word) and that the language button shows.
//!
//! To accept a changed screen on purpose, run
//! `INSTA_UPDATE=always cargo test --test spanish_screens` and review the
//! diff of `tests/snapshots/` before committing.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

use chrono::{DateTime, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use kiosk::app::{App, Msg, Screen};
use kiosk::config::Config;
use kiosk::slides::load_deck;
use kiosk::store::{CheckinId, Inserted};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// Monday morning: open until 6:00 PM.
const MONDAY_OPEN: &str = "2026-11-23T10:42:00-07:00";
/// Sunday: closed all day.
const SUNDAY_CLOSED: &str = "2026-11-22T12:00:00-07:00";
/// Friday, twenty minutes before closing at 2:00 PM.
const FRIDAY_CLOSING: &str = "2026-11-27T13:40:00-07:00";

const SIZES: [(u16, u16); 3] = [(80, 24), (120, 33), (40, 12)];

/// The bundled kiosk.toml with English and Spanish offered.
fn config() -> Config {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(dir.join("kiosk.toml")).unwrap();
    let text = text
        .replacen("\nlanguages = [\"en\", \"es\"]\n", "\n", 1)
        .replacen("[kiosk]\n", "[kiosk]\nlanguages = [\"en\", \"es\"]\n", 1);
    Config::parse(Path::new("kiosk.toml"), &text, dir)
        .unwrap_or_else(|problems| panic!("invalid: {problems:#?}"))
}

fn at(rfc3339: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(rfc3339).unwrap().to_utc()
}

fn key(code: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

/// The kiosk at `time`, switched to Spanish with the language key.
fn spanish(time: &str, width: u16, height: u16, slides: bool) -> App {
    let config = config();
    let mut app = App::new(config.clone(), at(time), false).with_size(width, height);
    if slides {
        app = app.with_deck(load_deck(&config.kiosk.content_dir));
    }
    assert_eq!(app.language, "en");
    app.update(key(KeyCode::F(2)));
    assert_eq!(app.language, "es");
    app
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(key(KeyCode::Char(c)));
    }
}

fn screen(app: &App) -> String {
    let (w, h) = app.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| f.render_widget(app, f.area())).unwrap();
    let buffer = terminal.backend().buffer().clone();
    (0..h)
        .map(|y| {
            let row: String = (0..w)
                .map(|x| buffer.cell((x, y)).map_or(" ", |c| c.symbol()))
                .collect();
            format!("{row:?}")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Snapshots the screen and checks each phrase is on it whole, on one line,
/// at the two full sizes (at the tiny one, only that nothing panics and the
/// screen is drawn).
fn check(name: &str, app: &App, phrases: &[&str]) {
    let (w, h) = app.size;
    let text = screen(app);
    insta::assert_snapshot!(
        format!("{name}_{w}x{h}"),
        text,
        &format!("{name} at {w}x{h}")
    );
    if w < 80 {
        return;
    }
    for phrase in phrases {
        assert!(
            text.contains(phrase),
            "{name} at {w}x{h} lacks {phrase:?}:\n{text}"
        );
    }
}

#[test]
fn the_sign_and_the_week_in_spanish() {
    for (w, h) in SIZES {
        let app = spanish(MONDAY_OPEN, w, h, false);
        check(
            "es_open",
            &app,
            &["ABIERTO", "Cierra a las 6:00 p. m.", "English"],
        );
        let app = spanish(SUNDAY_CLOSED, w, h, false);
        check(
            "es_closed",
            &app,
            &["CERRADO", "Abre mañana a las 9:00 a. m."],
        );
        let app = spanish(FRIDAY_CLOSING, w, h, false);
        check("es_closing_soon", &app, &["Cierra pronto"]);
    }
}

#[test]
fn a_slide_in_spanish_keeps_its_own_words_around_it() {
    for (w, h) in SIZES {
        let app = spanish(MONDAY_OPEN, w, h, true);
        check("es_slide", &app, &["English", "Registrarse"]);
    }
}

#[test]
fn the_form_in_spanish() {
    for (w, h) in SIZES {
        let mut app = spanish(MONDAY_OPEN, w, h, false);
        app.update(key(KeyCode::Enter));
        assert!(matches!(app.screen, Screen::CheckIn(_)));
        check("es_form_empty", &app, &["Nombre", "Apellido", "English"]);
        app.update(key(KeyCode::Enter));
        check("es_form_error", &app, &["Por favor, escriba su nombre."]);
    }
}

fn submitted(w: u16, h: u16, date: &str) -> App {
    let mut app = spanish(MONDAY_OPEN, w, h, false);
    app.update(key(KeyCode::Enter));
    type_text(&mut app, "José");
    app.update(key(KeyCode::Enter));
    type_text(&mut app, "Muñoz");
    app.update(key(KeyCode::Enter));
    type_text(&mut app, date);
    app
}

#[test]
fn the_results_in_spanish() {
    for (w, h) in SIZES {
        let mut app = submitted(w, h, "05/04/1952");
        app.update(key(KeyCode::Enter));
        assert!(matches!(app.screen, Screen::Saving), "{:?}", app.screen);
        let inserted = Inserted::New {
            id: CheckinId(1),
            ticket: 14,
        };
        app.update(Msg::Stored(Ok((inserted, Some("José".into())))));
        check(
            "es_confirmation",
            &app,
            &[
                "Gracias, José. Ya está en la lista.",
                "Tome asiento, por favor.",
            ],
        );
        let mut failed = submitted(w, h, "05/04/1952");
        failed.update(key(KeyCode::Enter));
        failed.update(Msg::Stored(Err("disk full".into())));
        check(
            "es_failure",
            &failed,
            &["Lo sentimos, no pudimos registrarle aquí."],
        );
    }
}

#[test]
fn the_not_open_notice_in_spanish() {
    for (w, h) in SIZES {
        let mut app = spanish(SUNDAY_CLOSED, w, h, false);
        app.update(key(KeyCode::Char(' ')));
        check("es_not_open", &app, &["El registro no está abierto"]);
    }
}

#[test]
fn a_touch_on_the_button_changes_the_language_and_back() {
    let mut app = App::new(config(), at(MONDAY_OPEN), false).with_size(120, 33);
    let button = app.language_button().expect("the button shows");
    let click = |x, y| {
        Msg::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column: x,
            row: y,
            modifiers: KeyModifiers::NONE,
        })
    };
    assert!(screen(&app).contains("Español"));
    app.update(click(button.x + 1, button.y + 1));
    assert_eq!(app.language, "es");
    assert!(screen(&app).contains("English"));
    app.update(click(button.x + 1, button.y + 1));
    assert_eq!(app.language, "en");
}

#[test]
fn the_language_goes_back_to_the_default_when_the_patient_is_done() {
    let mut app = submitted(80, 24, "05/04/1952");
    app.update(key(KeyCode::Enter));
    let inserted = Inserted::New {
        id: CheckinId(1),
        ticket: 14,
    };
    app.update(Msg::Stored(Ok((inserted, Some("José".into())))));
    assert_eq!(app.language, "es");
    let later = app.now + chrono::Duration::minutes(5);
    app.update(Msg::Tick(later));
    assert!(matches!(app.screen, Screen::Slides));
    assert_eq!(app.language, "en");
    // And a form left alone times out in the default language too.
    app.update(key(KeyCode::F(2)));
    app.update(key(KeyCode::Enter));
    assert!(matches!(app.screen, Screen::CheckIn(_)));
    let later = app.now + chrono::Duration::minutes(5);
    app.update(Msg::Tick(later));
    assert!(matches!(app.screen, Screen::Slides));
    assert_eq!(app.language, "en");
}

#[test]
fn every_tiny_size_draws_in_spanish_without_a_panic() {
    for w in 0..=32 {
        for h in 0..=12 {
            let mut app = spanish(MONDAY_OPEN, w, h, true);
            let _ = screen(&app);
            app.update(key(KeyCode::Enter));
            let _ = screen(&app);
            type_text(&mut app, "Ñ");
            app.update(key(KeyCode::Enter));
            let _ = screen(&app);
        }
    }
}
