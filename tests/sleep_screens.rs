//! The screen asleep outside opening hours (`[kiosk] screen_sleep`), with
//! the clock pinned: what it shows (snapshots at several sizes, tiny ones
//! included), what wakes it and for how long, that the waking key does
//! nothing else, and that a check-in in progress is never cut.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

use chrono::{DateTime, Duration, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use kiosk::app::{App, Msg, Screen, SleepLook, WAKE};
use kiosk::config::Config;
use kiosk::slides::load_deck;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const SIZES: [(u16, u16); 4] = [(80, 24), (120, 33), (200, 60), (12, 3)];

/// The bundled settings, sleeping from 30 minutes after closing until 30
/// minutes before opening (Monday: 9 AM to 6 PM).
fn config() -> Config {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(dir.join("kiosk.toml")).unwrap();
    let text = text.replace(
        "[kiosk]\n",
        "[kiosk]\nscreen_sleep = { after_closing_minutes = 30, before_opening_minutes = 30 }\n",
    );
    Config::parse(Path::new("kiosk.toml"), &text, dir)
        .unwrap_or_else(|problems| panic!("invalid: {problems:#?}"))
}

fn at(rfc3339: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(rfc3339).unwrap().to_utc()
}

/// Monday night, 10:42 PM in Denver.
const NIGHT: &str = "2026-11-23T22:42:00-07:00";

fn app_at(t: &str) -> App {
    let config = config();
    let deck = load_deck(&config.kiosk.content_dir);
    App::new(config, at(t), false)
        .with_deck(deck)
        .with_size(120, 33)
}

fn screen(app: &App, width: u16, height: u16) -> String {
    let app = app.clone().with_size(width, height);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| f.render_widget(&app, f.area())).unwrap();
    terminal.backend().to_string()
}

fn snapshot(name: &str, app: &App) {
    for (width, height) in SIZES {
        let app = app.clone().with_size(width, height);
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        terminal.draw(|f| f.render_widget(&app, f.area())).unwrap();
        let name = format!("{name}_{width}x{height}");
        insta::with_settings!({ omit_expression => true }, {
            insta::assert_snapshot!(name, terminal.backend());
        });
    }
}

fn key(code: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn touch(column: u16, row: u16) -> Msg {
    Msg::Mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column,
        row,
        modifiers: KeyModifiers::NONE,
    })
}

#[test]
fn asleep_at_night_with_a_small_clock() {
    let app = app_at(NIGHT);
    assert!(app.screen_asleep());
    snapshot("asleep_clock", &app);
    let text = screen(&app, 120, 33);
    assert!(text.contains("10:42 PM"), "{text}");
    assert!(!text.contains("CLOSED"), "{text}");
}

#[test]
fn asleep_on_the_console_shows_nothing_at_all() {
    let app = app_at(NIGHT).with_sleep_look(SleepLook::Dark);
    let text = screen(&app, 120, 33);
    assert!(
        text.chars().all(|c| c == ' ' || c == '"' || c == '\n'),
        "{text}"
    );
    // Nothing on screen changes until morning: no wake-up each minute.
    assert_eq!(app.next_wake(), at("2026-11-24T08:30:00-07:00"));
}

#[test]
fn the_clock_moves_now_and_then() {
    let before = screen(&app_at(NIGHT), 120, 33);
    let later = screen(&app_at("2026-11-23T23:42:00-07:00"), 120, 33);
    let row = |text: &str| text.lines().position(|l| l.contains(" PM"));
    let col = |text: &str| text.lines().find_map(|l| l.find(" PM"));
    assert!(
        (row(&before), col(&before)) != (row(&later), col(&later)),
        "{before}\n{later}"
    );
}

#[test]
fn awake_until_half_an_hour_after_closing_and_from_half_an_hour_before_opening() {
    assert!(!app_at("2026-11-23T18:29:00-07:00").screen_asleep());
    assert!(app_at("2026-11-23T18:30:00-07:00").screen_asleep());
    assert!(app_at("2026-11-24T08:29:00-07:00").screen_asleep());
    assert!(!app_at("2026-11-24T08:30:00-07:00").screen_asleep());
    // The app asks to be woken when sleep starts.
    let evening = app_at("2026-11-23T18:29:30-07:00");
    assert!(evening.next_wake() <= at("2026-11-23T18:30:00-07:00"));
    let mut app = evening;
    app.update(Msg::Tick(at("2026-11-23T18:30:00-07:00")));
    assert!(app.screen_asleep());
}

#[test]
fn a_key_wakes_it_for_a_minute_showing_the_sign_and_starts_nothing() {
    let mut app = app_at(NIGHT);
    assert!(app.update(key(KeyCode::Char('a'))));
    assert!(!app.screen_asleep());
    assert!(matches!(app.screen, Screen::Slides), "no check-in began");
    let text = screen(&app, 120, 33);
    assert!(text.contains("CLOSED"), "{text}");
    assert!(text.contains("9:00 AM"), "when it opens: {text}");
    snapshot("woken", &app);
    // It sleeps again a minute later.
    assert!(app.next_wake() <= app.now + WAKE);
    app.update(Msg::Tick(app.now + WAKE));
    assert!(app.screen_asleep());
}

#[test]
fn enter_while_asleep_only_wakes_it() {
    let mut app = app_at(NIGHT);
    app.update(key(KeyCode::Enter));
    assert!(matches!(app.screen, Screen::Slides));
    assert!(!app.screen_asleep());
}

#[test]
fn a_touch_on_the_check_in_button_while_asleep_only_wakes_it() {
    let mut app = app_at(NIGHT);
    // Bottom right, where the button sits.
    assert!(app.update(touch(110, 32)));
    assert!(matches!(app.screen, Screen::Slides));
    assert!(!app.screen_asleep());
    // A touch that is not a press (a release, a drag) does not wake it.
    let mut app = app_at(NIGHT);
    let release = Msg::Mouse(MouseEvent {
        kind: MouseEventKind::Up(MouseButton::Left),
        column: 5,
        row: 5,
        modifiers: KeyModifiers::NONE,
    });
    assert!(!app.update(release));
    assert!(app.screen_asleep());
}

#[test]
fn a_check_in_open_when_sleep_begins_is_never_cut() {
    // A sleep that begins at closing, with the form opened just before it
    // (a form left alone is cleared after 60 seconds).
    let mut app = app_at("2026-11-23T17:59:30-07:00");
    app.config.kiosk.screen_sleep = Some(kiosk::config::ScreenSleep {
        after_closing: Duration::zero(),
        before_opening: Duration::minutes(30),
    });
    app.update(key(KeyCode::Enter));
    assert!(matches!(app.screen, Screen::CheckIn(_)), "the form opened");
    app.update(Msg::Tick(at("2026-11-23T18:00:10-07:00")));
    assert!(
        matches!(app.screen, Screen::CheckIn(_)),
        "the form is still up"
    );
    assert!(!app.screen_asleep());
    let text = screen(&app, 120, 33);
    assert!(text.contains("First name"), "{text}");
    // Once the form is left (idle timeout), the screen sleeps.
    let later = at("2026-11-23T18:02:00-07:00");
    app.update(Msg::Tick(later));
    assert!(matches!(app.screen, Screen::Slides));
    assert!(app.screen_asleep());
}

#[test]
fn every_tiny_size_asleep_draws_without_a_panic() {
    let app = app_at(NIGHT);
    for w in 0..=30 {
        for h in 0..=10 {
            let app = app.clone().with_size(w, h);
            let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
            terminal.draw(|f| f.render_widget(&app, f.area())).unwrap();
        }
    }
}

#[test]
fn off_by_default() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let config = Config::load(&dir.join("kiosk.toml")).unwrap();
    let app = App::new(config, at(NIGHT), false);
    assert!(!app.screen_asleep());
}
