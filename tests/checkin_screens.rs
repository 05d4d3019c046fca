//! The whole kiosk screen during check-in, at 80x24 and 120x40, checked
//! against the snapshots in `tests/snapshots/`: the empty form, a form with
//! an inline error, the "Still there?" countdown, the confirmation, the
//! may-already-be-listed and failure screens, and the slides while check-in is
//! closed.
//!
//! The app is built as the runtime builds it (the bundled `kiosk.toml` and
//! slides) and driven by the same messages. Snapshots hold the characters
//! only; colours are not compared. To accept a changed screen on purpose,
//! run `INSTA_UPDATE=always cargo test --test checkin_screens` and review
//! the diff of `tests/snapshots/` before committing.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod console_check;

use std::path::Path;

use chrono::{DateTime, Duration, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use kiosk::app::{App, Msg, Screen};
use kiosk::config::Config;
use kiosk::slides::load_deck;
use kiosk::store::{CheckinId, Inserted};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// Monday morning: open until 6:00 PM.
const MONDAY_OPEN: &str = "2026-11-23T10:42:00-07:00";
/// Sunday: closed all day; check-in opens Monday at 8:45 AM.
const SUNDAY_CLOSED: &str = "2026-11-22T12:00:00-07:00";
/// Monday, a minute before check-in opens (8:45 AM).
const MONDAY_EARLY: &str = "2026-11-23T08:44:00-07:00";

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn bundled() -> Config {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(dir.join("kiosk.toml")).unwrap();
    Config::parse(Path::new("kiosk.toml"), &text, dir)
        .unwrap_or_else(|problems| panic!("the bundled kiosk.toml is invalid: {problems:#?}"))
}

fn at(rfc3339: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(rfc3339).unwrap().to_utc()
}

fn app_at(time: &str, width: u16, height: u16) -> App {
    let config = bundled();
    let deck = load_deck(&config.kiosk.content_dir);
    assert!(deck.problems.is_empty(), "{:#?}", deck.problems);
    App::new(config, at(time), false)
        .with_deck(deck)
        .with_size(width, height)
}

fn key(code: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(key(KeyCode::Char(c)));
    }
}

/// The form open on Monday morning.
fn form(width: u16, height: u16) -> App {
    let mut app = app_at(MONDAY_OPEN, width, height);
    app.update(key(KeyCode::Enter));
    assert!(matches!(app.screen, Screen::CheckIn(_)));
    app
}

/// The form filled in and submitted; the store's answer still to come.
fn saving(width: u16, height: u16) -> App {
    let mut app = form(width, height);
    type_text(&mut app, "Maria");
    app.update(key(KeyCode::Enter));
    type_text(&mut app, "Lopez");
    app.update(key(KeyCode::Enter));
    type_text(&mut app, "4/17/62");
    app.update(key(KeyCode::Enter));
    assert!(matches!(app.screen, Screen::Saving), "{:?}", app.screen);
    assert_eq!(app.take_effects().len(), 1);
    app
}

fn answered(width: u16, height: u16, answer: Result<(Inserted, Option<String>), String>) -> App {
    let mut app = saving(width, height);
    app.update(Msg::Stored(answer));
    assert!(matches!(app.screen, Screen::Done { .. }));
    app
}

/// Each state: its name, how to reach it at a size, and the words a patient
/// must be able to read on it.
type State = (&'static str, fn(u16, u16) -> App, &'static [&'static str]);

const STATES: [State; 8] = [
    (
        "form_empty",
        form,
        &[
            "First name",
            "Last name",
            "Date of birth",
            "MM/DD/YYYY",
            "Check in",
        ],
    ),
    (
        "form_bad_date",
        |w, h| {
            let mut app = form(w, h);
            type_text(&mut app, "Maria");
            app.update(key(KeyCode::Tab));
            type_text(&mut app, "Lopez");
            app.update(key(KeyCode::Tab));
            type_text(&mut app, "17/04/1962");
            app.update(key(KeyCode::Enter));
            assert!(matches!(app.screen, Screen::CheckIn(_)));
            app
        },
        &["Maria", "Lopez", "17/04/1962", "the month comes first"],
    ),
    (
        "still_there",
        |w, h| {
            let mut app = form(w, h);
            type_text(&mut app, "Maria");
            let now = app.now + Duration::seconds(53);
            app.update(Msg::Tick(now));
            app
        },
        &["Still there?", "7 s", "Maria"],
    ),
    (
        "confirmation",
        |w, h| {
            let new = Inserted::New {
                ticket: 14,
                id: CheckinId(14),
            };
            answered(w, h, Ok((new, Some("Maria".into()))))
        },
        &[
            "You're checked in, Maria.",
            "Your number is",
            "Please have a seat",
            "Done",
        ],
    ),
    (
        "maybe_listed",
        |w, h| {
            let dup = Inserted::Duplicate {
                ticket: 3,
                id: CheckinId(3),
            };
            answered(w, h, Ok((dup, Some("Maria".into()))))
        },
        &[
            "You may already be on today's list.",
            "Please see the front desk.",
        ],
    ),
    (
        "failure",
        |w, h| {
            answered(
                w,
                h,
                Err("a check-in could not be saved: disk I/O error".into()),
            )
        },
        &[
            "Sorry, we could not check you in here.",
            "Please see the front desk.",
        ],
    ),
    (
        "slides_checkin_closed",
        |w, h| app_at(SUNDAY_CLOSED, w, h),
        &["CLOSED", "Check-in opens tomorrow at 8:45 AM"],
    ),
    (
        "slides_checkin_opens_soon",
        |w, h| app_at(MONDAY_EARLY, w, h),
        &["CLOSED", "Check-in opens today at 8:45 AM"],
    ),
];

fn rows(terminal: &Terminal<TestBackend>) -> Vec<String> {
    let buffer = terminal.backend().buffer();
    let area = buffer.area;
    (area.top()..area.bottom())
        .map(|y| {
            (area.left()..area.right())
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
                .replace('\u{A0}', " ")
        })
        .collect()
}

fn snapshot(name: &str) {
    let (_, make, words) = STATES
        .iter()
        .find(|(n, _, _)| *n == name)
        .unwrap_or_else(|| panic!("no state {name}"));
    for (width, height) in SIZES {
        let app = make(width, height);
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        terminal
            .draw(|frame| frame.render_widget(&app, frame.area()))
            .unwrap();
        let text = rows(&terminal).join("\n");
        for word in *words {
            assert!(
                text.contains(word),
                "{name} at {width}x{height} lacks {word:?}:\n{text}"
            );
        }
        // Nobody else's details, and never the last name or birth date
        // outside the form itself.
        if !name.starts_with("form") && name != "still_there" {
            for private in ["Lopez", "1962", "4/17/62"] {
                assert!(!text.contains(private), "{name}: {private:?}\n{text}");
            }
        }
        let snap = format!("{name}_{width}x{height}");
        console_check::assert_readable(terminal.backend().buffer(), &snap);
        insta::with_settings!({
            description => format!("{name} at {width}x{height}"),
            omit_expression => true,
        }, {
            insta::assert_snapshot!(snap, terminal.backend());
        });
    }
}

#[test]
fn form_empty() {
    snapshot("form_empty");
}

#[test]
fn form_bad_date() {
    snapshot("form_bad_date");
}

#[test]
fn still_there() {
    snapshot("still_there");
}

#[test]
fn confirmation() {
    snapshot("confirmation");
}

#[test]
fn maybe_listed() {
    snapshot("maybe_listed");
}

#[test]
fn failure() {
    snapshot("failure");
}

#[test]
fn slides_checkin_closed() {
    snapshot("slides_checkin_closed");
}

#[test]
fn slides_checkin_opens_soon() {
    snapshot("slides_checkin_opens_soon");
}

#[test]
fn every_state_has_a_snapshot_test() {
    let names: Vec<&str> = STATES.iter().map(|(n, _, _)| *n).collect();
    assert_eq!(
        names,
        [
            "form_empty",
            "form_bad_date",
            "still_there",
            "confirmation",
            "maybe_listed",
            "failure",
            "slides_checkin_closed",
            "slides_checkin_opens_soon"
        ]
    );
}
