//! The form with the on-screen keyboard, checked against the snapshots in
//! `tests/snapshots/` at 80x24, 120x33 and 200x60: letters on a name, the
//! accented letters, and the numeric pad on a date of birth; and the
//! notice on the slides while check-in is not open.
//!
//! Snapshots hold the characters only. To accept a changed screen on
//! purpose, run `INSTA_UPDATE=always cargo test --test touch_screens` and
//! review the diff of `tests/snapshots/` before committing.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod console_check;

use std::path::Path;

use chrono::{DateTime, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use kiosk::app::{App, Msg, Screen};
use kiosk::checkin::{FormHit, Key, Page};
use kiosk::config::Config;
use kiosk::slides::load_deck;
use kiosk::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

const MONDAY_OPEN: &str = "2026-11-23T10:42:00-07:00";
const MONDAY_EARLY: &str = "2026-11-23T08:44:00-07:00";
const SIZES: [(u16, u16); 3] = [(80, 24), (120, 33), (200, 60)];

fn app_at(time: &str, width: u16, height: u16) -> App {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(dir.join("kiosk.toml")).unwrap();
    let config = Config::parse(Path::new("kiosk.toml"), &text, dir).unwrap();
    let deck = load_deck(&config.kiosk.content_dir);
    let at: DateTime<Utc> = DateTime::parse_from_rfc3339(time).unwrap().to_utc();
    App::new(config, at, false)
        .with_deck(deck)
        .with_size(width, height)
}

fn key(code: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn click(column: u16, row: u16) -> Msg {
    Msg::Mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column,
        row,
        modifiers: KeyModifiers::NONE,
    })
}

/// The form opened by a touch on the green button, with `typed` typed.
fn touched_form(width: u16, height: u16, typed: &str) -> App {
    let mut app = app_at(MONDAY_OPEN, width, height);
    let regions = ui::regions(Rect::new(0, 0, width, height)).unwrap();
    let button = ui::checkin_button(regions.footer);
    app.update(click(button.x + 3, button.y));
    assert!(matches!(app.screen, Screen::CheckIn(_)));
    assert!(app.keyboard.is_shown());
    for c in typed.chars() {
        app.update(key(KeyCode::Char(c)));
    }
    app
}

/// Touches the key `key` (it must be drawn).
fn tap_key(app: &mut App, key: Key) {
    let Screen::CheckIn(form) = &app.screen else {
        panic!("no form");
    };
    let area = app.form_area();
    let hit = FormHit::Key(key);
    let cell = (area.top()..area.bottom())
        .flat_map(|y| (area.left()..area.right()).map(move |x| (x, y)))
        .find(|&(x, y)| ui::form_hit(area, form, &app.keyboard, x, y) == Some(hit))
        .unwrap_or_else(|| panic!("{key:?} is not drawn"));
    app.update(click(cell.0, cell.1));
}

fn snapshot(name: &str, make: fn(u16, u16) -> App, words: &[&str]) {
    for (width, height) in SIZES {
        let app = make(width, height);
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        terminal
            .draw(|frame| frame.render_widget(&app, frame.area()))
            .unwrap();
        let buffer = terminal.backend().buffer();
        let text: String = (0..height)
            .map(|y| {
                (0..width)
                    .map(|x| buffer[(x, y)].symbol())
                    .collect::<String>()
                    + "\n"
            })
            .collect();
        for word in words {
            assert!(
                text.contains(word),
                "{name} at {width}x{height} lacks {word:?}:\n{text}"
            );
        }
        console_check::assert_readable(
            terminal.backend().buffer(),
            &format!("{name}_{width}x{height}"),
        );
        insta::with_settings!({
            description => format!("{name} at {width}x{height}"),
            omit_expression => true,
        }, {
            insta::assert_snapshot!(format!("{name}_{width}x{height}"), terminal.backend());
        });
    }
}

#[test]
fn keyboard_letters() {
    snapshot(
        "keyboard_letters",
        |w, h| touched_form(w, h, "Mar"),
        &[
            "First name",
            "Mar",
            "q",
            "Shift",
            "space",
            "Erase",
            "áéñ",
            "123",
            "Next",
        ],
    );
}

#[test]
fn keyboard_accents() {
    snapshot(
        "keyboard_accents",
        |w, h| {
            let mut app = touched_form(w, h, "Jos");
            tap_key(&mut app, Key::Show(Page::Accents));
            app
        },
        &["é", "ñ", "ü", "ç", "abc"],
    );
}

#[test]
fn keyboard_numbers() {
    snapshot(
        "keyboard_numbers",
        |w, h| {
            let mut app = touched_form(w, h, "Maria\rLopez\r7/4/19");
            assert!(app.update(key(KeyCode::Enter)), "the year is asked about");
            app
        },
        &[
            "Date of birth",
            "7/4/19",
            "July 4, 2019",
            "July 4, 1919",
            "Check in",
            "Erase",
        ],
    );
}

#[test]
fn not_open_notice() {
    snapshot(
        "not_open_notice",
        |w, h| {
            let mut app = app_at(MONDAY_EARLY, w, h);
            app.update(key(KeyCode::Char('m')));
            app
        },
        &[
            "Check-in opens today at 8:45 AM",
            "The clinic is closed now.",
        ],
    );
}
