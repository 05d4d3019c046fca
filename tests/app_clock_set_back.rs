//! The system clock set back while the kiosk runs (a time server's
//! correction, or someone fixing the date): every screen that closes by
//! itself still closes after its own time, and the slideshow keeps moving,
//! instead of everything waiting for the clock to catch up.
//!
//! The test plays the runtime: after the clock is set back it ticks the app
//! at each moment the app asks to be woken, with the clock running on from
//! the earlier time.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

use chrono::{DateTime, Duration, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use kiosk::app::{App, CONFIRMATION, Effect, Msg, STAFF_IDLE, Screen};
use kiosk::config::Config;
use kiosk::slides::load_deck;
use kiosk::slideshow::PAUSE;
use kiosk::staff::prompt::PROMPT_IDLE;
use kiosk::staff::{Pin, hash_pin};
use kiosk::store::{CheckinId, Inserted};

/// Monday 2026-11-23, 10:42 AM in Denver: open.
fn monday() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-11-23T10:42:00-07:00")
        .unwrap()
        .to_utc()
}

/// The bundled configuration and slides; with `pin`, staff mode too.
fn app(pin: Option<&str>) -> App {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut text = std::fs::read_to_string(dir.join("kiosk.toml")).unwrap();
    if let Some(pin) = pin {
        let hash = hash_pin(&Pin::parse(pin).unwrap()).unwrap();
        text = text.replace(
            "lock_file = \"data/staff.lock\"",
            &format!("lock_file = \"data/staff.lock\"\npin_hash = \"{hash}\""),
        );
    }
    let config = Config::parse(Path::new("kiosk.toml"), &text, dir).unwrap();
    let deck = load_deck(&dir.join("content"));
    App::new(config, monday(), false)
        .with_deck(deck)
        .with_size(100, 30)
}

fn press(app: &mut App, code: KeyCode, modifiers: KeyModifiers) {
    app.update(Msg::Key(KeyEvent::new(code, modifiers)));
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c), KeyModifiers::NONE);
    }
}

/// The clock is set back an hour; then the runtime ticks the app at each
/// moment it asks for until `for_how_long` has passed since.
fn set_back_then_run(app: &mut App, for_how_long: Duration) {
    let back = app.now - Duration::hours(1);
    app.update(Msg::Tick(back));
    let end = back + for_how_long;
    loop {
        let wake = app.next_wake() + Duration::milliseconds(2);
        if wake > end {
            return;
        }
        app.update(Msg::Tick(wake));
    }
}

#[test]
fn an_abandoned_check_in_form_is_still_cleared_after_the_idle_timeout() {
    let mut app = app(None);
    press(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    type_text(&mut app, "Zebulon");
    assert!(matches!(app.screen, Screen::CheckIn(_)));
    let timeout = Duration::from_std(app.config.checkin.idle_timeout).unwrap();
    set_back_then_run(&mut app, timeout + Duration::seconds(1));
    assert!(
        matches!(app.screen, Screen::Slides),
        "the form is still up {} s after the clock was set back",
        timeout.num_seconds() + 1
    );
}

#[test]
fn the_confirmation_still_goes_away_after_its_time() {
    let mut app = app(None);
    press(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    for answer in ["Zebulon", "Quackenbush", "01/02/1980"] {
        type_text(&mut app, answer);
        press(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    }
    assert!(matches!(app.take_effects()[..], [Effect::Store(_)]));
    let saved = Inserted::New {
        ticket: 7,
        id: CheckinId(1),
    };
    app.update(Msg::Stored(Ok((saved, Some("Zebulon".to_string())))));
    assert!(matches!(app.screen, Screen::Done { .. }));
    set_back_then_run(&mut app, CONFIRMATION + Duration::seconds(1));
    assert!(
        matches!(app.screen, Screen::Slides),
        "\"Zebulon, you are number 7\" is still up after the clock was set back"
    );
}

#[test]
fn the_pin_prompt_and_the_staff_screen_still_close_when_left_alone() {
    let mut app = app(Some("2468"));
    press(&mut app, KeyCode::Char('a'), KeyModifiers::CONTROL);
    press(&mut app, KeyCode::Char('s'), KeyModifiers::NONE);
    assert!(matches!(app.screen, Screen::Pin { .. }));
    set_back_then_run(&mut app, PROMPT_IDLE + Duration::seconds(1));
    assert!(
        matches!(app.screen, Screen::Slides),
        "the PIN prompt stayed"
    );

    press(&mut app, KeyCode::Char('a'), KeyModifiers::CONTROL);
    press(&mut app, KeyCode::Char('s'), KeyModifiers::NONE);
    type_text(&mut app, "2468");
    press(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    // The runtime checks the PIN against the shared lock file; answered
    // here as it would be with the lockout in memory.
    for effect in app.take_effects() {
        if let Effect::TryPin(pin) = effect {
            let answer = app.try_pin_in_memory(&pin);
            app.update(answer);
        }
    }
    assert!(matches!(app.screen, Screen::Staff(_)));
    set_back_then_run(&mut app, STAFF_IDLE + Duration::seconds(1));
    assert!(
        matches!(app.screen, Screen::Slides),
        "the staff screen, with patients' names, stayed"
    );
}

#[test]
fn the_slideshow_keeps_moving_and_a_pause_ends() {
    let mut app = app(None);
    let first = app.show.slide;
    let duration = app.page_duration();
    set_back_then_run(&mut app, Duration::seconds(1));
    assert!(
        !app.show.is_paused(app.now),
        "\"Paused\" though nobody touched"
    );
    set_back_then_run(&mut app, duration + Duration::seconds(1));
    assert_ne!(app.show.slide, first, "the slide did not change");

    // A touch in the middle of the slide holds it for PAUSE, no longer.
    app.update(Msg::Mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: 50,
        row: 15,
        modifiers: KeyModifiers::NONE,
    }));
    assert!(app.show.is_paused(app.now));
    set_back_then_run(&mut app, PAUSE + Duration::seconds(1));
    assert!(!app.show.is_paused(app.now), "the pause outlasted {PAUSE}");
}
