//! Touch check-in as pure state, through the app's public API: the
//! on-screen keyboard (when it shows, typing with it, mixed with the
//! physical keyboard), Back, Cancel and Next, a check-in by touches alone,
//! the confirmation that a second press cannot hide, a letter on the slides
//! opening the form, the notice while check-in is not open, and dates of
//! birth (today refused, a two-digit year with two plausible readings).
//!
//! Every moment is fixed; the test plays the runtime's part by answering
//! [`Effect::Store`] with [`Msg::Stored`] itself. Touches land where
//! `ui::form_hit` says the thing is drawn.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

use chrono::{DateTime, Duration, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use kiosk::app::{App, Effect, Msg, NOT_OPEN, QUIET, Screen};
use kiosk::checkin::{Form, FormHit, Key, Page};
use kiosk::config::Config;
use kiosk::slides::load_deck;
use kiosk::store::{CheckinId, Inserted};
use kiosk::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

/// Monday 2026-11-23, open 9:00 AM to 6:00 PM.
const MONDAY_OPEN: &str = "2026-11-23T10:42:00-07:00";
/// Monday, a minute before check-in opens (8:45 AM).
const MONDAY_EARLY: &str = "2026-11-23T08:44:00-07:00";

fn at(rfc3339: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(rfc3339).unwrap().to_utc()
}

fn config(edit: impl FnOnce(String) -> String) -> Config {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = edit(std::fs::read_to_string(dir.join("kiosk.toml")).unwrap());
    Config::parse(Path::new("kiosk.toml"), &text, dir)
        .unwrap_or_else(|problems| panic!("kiosk.toml is invalid: {problems:#?}"))
}

fn app_with(time: &str, (w, h): (u16, u16), edit: impl FnOnce(String) -> String) -> App {
    let config = config(edit);
    let deck = load_deck(&config.kiosk.content_dir);
    App::new(config, at(time), false)
        .with_deck(deck)
        .with_size(w, h)
}

fn app_at(time: &str) -> App {
    app_with(time, (100, 30), |c| c)
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

fn tick(app: &mut App, time: DateTime<Utc>) {
    app.update(Msg::Tick(time));
}

fn screen(app: &App) -> String {
    let (w, h) = app.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal
        .draw(|frame| frame.render_widget(app, frame.area()))
        .unwrap();
    let buffer = terminal.backend().buffer();
    (0..h)
        .map(|y| (0..w).map(|x| buffer[(x, y)].symbol()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

fn form(app: &App) -> &Form {
    match &app.screen {
        Screen::CheckIn(form) => form,
        other => panic!("expected the check-in form, the screen is {other:?}"),
    }
}

fn texts(app: &App) -> Vec<String> {
    form(app).fields().iter().map(|f| f.text()).collect()
}

/// Every cell where a touch lands on `hit`.
fn cells(app: &App, hit: FormHit) -> Vec<(u16, u16)> {
    let area = app.form_area();
    let form = form(app);
    (area.top()..area.bottom())
        .flat_map(|y| (area.left()..area.right()).map(move |x| (x, y)))
        .filter(|&(x, y)| ui::form_hit(area, form, &app.keyboard, x, y) == Some(hit))
        .collect()
}

/// Touches the middle of `hit`.
fn tap(app: &mut App, hit: FormHit) -> bool {
    let cells = cells(app, hit);
    assert!(
        !cells.is_empty(),
        "nothing drawn is {hit:?}:\n{}",
        screen(app)
    );
    let (x, y) = cells[cells.len() / 2];
    app.update(click(x, y))
}

/// Types `text` on the on-screen keyboard, switching pages as needed.
fn tap_text(app: &mut App, text: &str) {
    for c in text.chars() {
        let key = match c {
            ' ' => Key::Space,
            c => Key::Char(c.to_lowercase().next().unwrap_or(c)),
        };
        if cells(app, FormHit::Key(key)).is_empty() {
            let page = if c.is_ascii_digit() || "/:".contains(c) {
                Page::Numbers
            } else if c.is_ascii_alphabetic() || "-'".contains(c) {
                Page::Letters
            } else {
                Page::Accents
            };
            tap(app, FormHit::Key(Key::Show(page)));
        }
        let capitals = app.keyboard.capitals(form(app).focused_field());
        if c.is_uppercase() != capitals && c.is_alphabetic() {
            tap(app, FormHit::Key(Key::Shift));
        }
        assert!(tap(app, FormHit::Key(key)), "tapping {c:?} changed nothing");
    }
}

/// The form opened by a touch on the green button.
fn touched_open(app: &mut App) {
    let (w, h) = app.size;
    let regions = ui::regions(Rect::new(0, 0, w, h)).unwrap();
    let button = ui::checkin_button(regions.footer);
    assert!(app.update(click(button.x + button.width / 2, button.y)));
    assert!(matches!(app.screen, Screen::CheckIn(_)));
}

fn new_ticket(ticket: u32) -> Inserted {
    Inserted::New {
        ticket,
        id: CheckinId(i64::from(ticket)),
    }
}

// ---------------------------------------------------------------------------
// The on-screen keyboard
// ---------------------------------------------------------------------------

#[test]
fn auto_shows_the_keyboard_after_the_first_touch() {
    // Opened by Enter: no keyboard until the screen is touched.
    let mut app = app_at(MONDAY_OPEN);
    app.update(key(KeyCode::Enter));
    assert!(!app.keyboard.is_shown());
    assert!(!screen(&app).contains("Erase"));
    // The top-left corner: the right one holds the language button.
    assert!(
        app.update(click(0, 0)),
        "the keyboard appearing is a change"
    );
    assert!(app.keyboard.is_shown());
    assert!(screen(&app).contains("Erase"), "{}", screen(&app));

    // Opened by a touch: at once.
    let mut app = app_at(MONDAY_OPEN);
    touched_open(&mut app);
    assert!(app.keyboard.is_shown());

    // "never" and "always".
    let never = |c: String| c.replace("touch_keyboard = \"auto\"", "touch_keyboard = \"never\"");
    let mut app = app_with(MONDAY_OPEN, (100, 30), never);
    touched_open(&mut app);
    assert!(!app.keyboard.is_shown());
    assert!(!screen(&app).contains("Erase"));
    let always = |c: String| c.replace("touch_keyboard = \"auto\"", "touch_keyboard = \"always\"");
    let mut app = app_with(MONDAY_OPEN, (100, 30), always);
    app.update(key(KeyCode::Enter));
    assert!(app.keyboard.is_shown());
}

#[test]
fn keys_are_at_least_five_by_three_at_100x30() {
    let mut app = app_at(MONDAY_OPEN);
    touched_open(&mut app);
    let chars = "qwertyuiopasdfghjklzxcvbnm-'";
    for key in chars
        .chars()
        .map(Key::Char)
        .chain([Key::Space, Key::Erase, Key::Shift])
    {
        let cells = cells(&app, FormHit::Key(key));
        let xs: Vec<u16> = cells.iter().map(|c| c.0).collect();
        let ys: Vec<u16> = cells.iter().map(|c| c.1).collect();
        let width = xs.iter().max().unwrap() - xs.iter().min().unwrap() + 1;
        let height = ys.iter().max().unwrap() - ys.iter().min().unwrap() + 1;
        assert!(width >= 5 && height >= 3, "{key:?} is {width}x{height}");
    }
}

#[test]
fn touched_and_typed_letters_mix_in_one_answer() {
    let mut app = app_at(MONDAY_OPEN);
    touched_open(&mut app);
    // A name starts with a capital by itself.
    tap_text(&mut app, "Jos");
    tap_text(&mut app, "é");
    app.update(key(KeyCode::Char(' ')));
    for c in "Mar".chars() {
        app.update(key(KeyCode::Char(c)));
    }
    tap_text(&mut app, "ía");
    assert_eq!(texts(&app)[0], "José María");
    tap(&mut app, FormHit::Key(Key::Erase));
    assert_eq!(texts(&app)[0], "José Marí");
    app.update(key(KeyCode::Backspace));
    assert_eq!(texts(&app)[0], "José Mar");
    // Next moves on; the last name is typed with its hyphen and apostrophe.
    tap(&mut app, FormHit::Next);
    assert_eq!(form(&app).focused(), 1);
    tap_text(&mut app, "O'Brien-Núñez");
    assert_eq!(texts(&app)[1], "O'Brien-Núñez");
    // The date of birth gets the numeric pad.
    tap(&mut app, FormHit::Next);
    assert_eq!(form(&app).focused(), 2);
    assert!(!cells(&app, FormHit::Key(Key::Char('7'))).is_empty());
    assert!(cells(&app, FormHit::Key(Key::Char('q'))).is_empty());
    assert!(app.take_effects().is_empty());
}

#[test]
fn a_whole_checkin_by_touch_alone() {
    let mut app = app_at(MONDAY_OPEN);
    touched_open(&mut app);
    tap_text(&mut app, "Zoë");
    tap(&mut app, FormHit::Next);
    tap_text(&mut app, "Nguyen");
    tap(&mut app, FormHit::Next);
    tap_text(&mut app, "4/17/1962");
    assert!(screen(&app).contains("Understood as April 17, 1962"));
    assert!(screen(&app).contains("Check in"));
    tap(&mut app, FormHit::Next);
    let effects = app.take_effects();
    let [Effect::Store(checkin)] = effects.as_slice() else {
        panic!("expected one store request: {effects:?}");
    };
    assert_eq!(checkin.field("first_name"), Some("Zoë"));
    assert_eq!(checkin.field("last_name"), Some("Nguyen"));
    assert_eq!(checkin.field("date_of_birth"), Some("1962-04-17"));
}

#[test]
fn back_goes_to_the_question_before() {
    let mut app = app_at(MONDAY_OPEN);
    touched_open(&mut app);
    tap_text(&mut app, "Ana");
    tap(&mut app, FormHit::Next);
    assert_eq!(form(&app).focused(), 1);
    tap(&mut app, FormHit::Back);
    assert_eq!(form(&app).focused(), 0);
    assert_eq!(texts(&app)[0], "Ana");
}

#[test]
fn cancel_asks_once_before_clearing() {
    // Nothing typed: nothing to lose, so Cancel leaves at once.
    let mut app = app_at(MONDAY_OPEN);
    touched_open(&mut app);
    tap(&mut app, FormHit::Cancel);
    assert!(matches!(app.screen, Screen::Slides));

    let mut app = app_at(MONDAY_OPEN);
    touched_open(&mut app);
    tap_text(&mut app, "Zebulon");
    assert!(tap(&mut app, FormHit::Cancel));
    assert!(form(&app).is_asking());
    let text = screen(&app);
    for words in ["Clear your answers?", "Yes, clear them", "No, keep them"] {
        assert!(text.contains(words), "{words:?}:\n{text}");
    }
    // A second tap where Cancel was lands on nothing: still asking.
    assert!(cells(&app, FormHit::Cancel).is_empty());
    // "No" keeps everything.
    tap(&mut app, FormHit::KeepAnswers);
    assert!(!form(&app).is_asking());
    assert_eq!(texts(&app)[0], "Zebulon");
    // Back on the first question is Cancel too; "Yes" clears and leaves.
    tap(&mut app, FormHit::Back);
    assert!(form(&app).is_asking());
    tap(&mut app, FormHit::ClearAnswers);
    assert!(matches!(app.screen, Screen::Slides));
    assert!(!screen(&app).contains("Zebulon"));
    assert!(app.take_effects().is_empty());
    app.update(key(KeyCode::Enter));
    assert!(form(&app).is_empty());
}

#[test]
fn typing_answers_the_question_with_no() {
    let mut app = app_at(MONDAY_OPEN);
    touched_open(&mut app);
    tap_text(&mut app, "Ana");
    tap(&mut app, FormHit::Cancel);
    assert!(form(&app).is_asking());
    app.update(key(KeyCode::Char('s')));
    assert!(!form(&app).is_asking());
    assert_eq!(texts(&app)[0], "Anas");
}

// ---------------------------------------------------------------------------
// The confirmation
// ---------------------------------------------------------------------------

/// The form filled in by keyboard at `size` and submitted with Enter, the
/// store's answer given: the confirmation is up.
fn confirmed(size: (u16, u16), edit: impl FnOnce(String) -> String) -> App {
    let mut app = app_with(MONDAY_OPEN, size, edit);
    app.update(key(KeyCode::Enter));
    for (text, last) in [("Maria", false), ("Lopez", false), ("4/17/1962", true)] {
        for c in text.chars() {
            app.update(key(KeyCode::Char(c)));
        }
        app.update(key(KeyCode::Enter));
        assert_eq!(matches!(app.screen, Screen::Saving), last);
    }
    assert_eq!(app.take_effects().len(), 1);
    app.update(Msg::Stored(Ok((new_ticket(14), Some("Maria".into())))));
    assert!(matches!(app.screen, Screen::Done { .. }));
    app
}

#[test]
fn a_double_enter_leaves_the_number_on_screen() {
    let mut app = app_at(MONDAY_OPEN);
    app.update(key(KeyCode::Enter));
    for text in ["Maria", "Lopez", "4/17/1962"] {
        for c in text.chars() {
            app.update(key(KeyCode::Char(c)));
        }
        app.update(key(KeyCode::Enter));
    }
    // The second Enter arrives while the check-in is being stored...
    assert!(matches!(app.screen, Screen::Saving));
    assert!(!app.update(key(KeyCode::Enter)));
    assert!(matches!(app.screen, Screen::Saving));
    assert_eq!(app.take_effects().len(), 1);
    app.update(Msg::Stored(Ok((new_ticket(14), Some("Maria".into())))));
    // ...or just after the number shows: either way it stays.
    let t0 = app.now;
    for later in [0, 300, 1999] {
        tick(&mut app, t0 + Duration::milliseconds(later));
        assert!(!app.update(key(KeyCode::Enter)));
        assert!(!app.update(click(50, 27)), "the Done button is quiet too");
        assert!(matches!(app.screen, Screen::Done { .. }));
        assert!(screen(&app).contains("Your number is"));
    }
    tick(&mut app, t0 + QUIET);
    assert!(app.update(key(KeyCode::Enter)));
    assert!(matches!(app.screen, Screen::Slides));
    assert!(app.take_effects().is_empty(), "nothing was stored twice");
}

#[test]
fn the_done_button_leaves_after_the_first_seconds() {
    let mut app = confirmed((100, 30), |c| c);
    let text = screen(&app);
    let row = text.lines().position(|l| l.contains("Done")).unwrap();
    let column = text.lines().nth(row).unwrap().find("Done").unwrap();
    let (x, y) = (u16::try_from(column).unwrap(), u16::try_from(row).unwrap());
    assert!(!app.update(click(x, y)));
    let later = app.now + QUIET;
    tick(&mut app, later);
    assert!(screen(&app).contains("press any key to continue"));
    assert!(app.update(click(x, y)));
    assert!(matches!(app.screen, Screen::Slides));
}

#[test]
fn the_number_stays_up_as_long_as_configured() {
    let app = confirmed((100, 30), |c| c);
    let Screen::Done { until, since, .. } = app.screen else {
        panic!("no confirmation");
    };
    assert_eq!(until - since, Duration::seconds(20));
    let longer = |c: String| c.replace("confirmation_seconds = 20", "confirmation_seconds = 45");
    let mut app = confirmed((100, 30), longer);
    let Screen::Done { until, since, .. } = app.screen else {
        panic!("no confirmation");
    };
    assert_eq!(until - since, Duration::seconds(45));
    tick(&mut app, since + Duration::seconds(44));
    assert!(screen(&app).contains("Your number is"));
    tick(&mut app, until);
    assert!(matches!(app.screen, Screen::Slides));
}

// ---------------------------------------------------------------------------
// The slides
// ---------------------------------------------------------------------------

#[test]
fn a_letter_on_the_slides_opens_the_form_with_it() {
    let mut app = app_at(MONDAY_OPEN);
    assert!(app.update(key(KeyCode::Char('M'))));
    assert_eq!(texts(&app), ["M", "", ""]);
    for c in "aria".chars() {
        app.update(key(KeyCode::Char(c)));
    }
    assert_eq!(texts(&app)[0], "Maria");
    assert!(!app.keyboard.is_shown(), "typed, not touched");
    // A Ctrl or Alt chord is no letter.
    let mut app = app_at(MONDAY_OPEN);
    app.update(Msg::Key(KeyEvent::new(
        KeyCode::Char('m'),
        KeyModifiers::ALT,
    )));
    assert!(matches!(app.screen, Screen::Slides));
}

#[test]
fn before_checkin_opens_a_key_or_tap_says_why_and_when() {
    let mut app = app_at(MONDAY_EARLY);
    assert!(app.update(key(KeyCode::Char('m'))));
    assert!(matches!(app.screen, Screen::Slides));
    assert_eq!(app.not_open_until, Some(app.now + NOT_OPEN));
    let text = screen(&app);
    assert!(text.contains("Check-in is not open"), "{text}");
    assert!(text.contains("Check-in opens today at 8:45 AM"), "{text}");
    // The time in large letters (drawn with block characters).
    assert!(text.contains('█'), "{text}");
    // It goes by itself.
    assert!(app.next_wake() <= app.now + NOT_OPEN);
    let end = app.now + NOT_OPEN;
    tick(&mut app, end);
    assert_eq!(app.not_open_until, None);
    assert!(!screen(&app).contains("Check-in is not open"));

    // A tap on the grey button, or anywhere but a page turn, does the same.
    let (w, h) = app.size;
    let regions = ui::regions(Rect::new(0, 0, w, h)).unwrap();
    let button = ui::checkin_button(regions.footer);
    assert!(app.update(click(button.x + 3, button.y)));
    assert!(app.not_open_until.is_some());
    let mut app = app_at(MONDAY_EARLY);
    assert!(app.update(click(w / 2, 1)));
    assert!(app.not_open_until.is_some());

    // When check-in opens, the notice goes and the form can open.
    tick(&mut app, at("2026-11-23T08:45:00-07:00"));
    assert_eq!(app.not_open_until, None);
    assert!(app.update(key(KeyCode::Char('m'))));
    assert_eq!(texts(&app)[0], "m");
}

// ---------------------------------------------------------------------------
// Dates of birth
// ---------------------------------------------------------------------------

/// The form at 100x30 with the date of birth focused.
fn on_date() -> App {
    let mut app = app_at(MONDAY_OPEN);
    app.update(key(KeyCode::Enter));
    for text in ["Maria", "Lopez"] {
        for c in text.chars() {
            app.update(key(KeyCode::Char(c)));
        }
        app.update(key(KeyCode::Enter));
    }
    assert_eq!(form(&app).focused(), 2);
    app
}

fn type_date(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(key(KeyCode::Char(c)));
    }
}

#[test]
fn today_is_refused_kindly() {
    let mut app = on_date();
    type_date(&mut app, "11/23/2026");
    app.update(key(KeyCode::Enter));
    assert!(matches!(app.screen, Screen::CheckIn(_)));
    assert!(app.take_effects().is_empty());
    let text = screen(&app);
    assert!(text.contains("that is today's date"), "{text}");
}

#[test]
fn a_two_digit_year_with_two_plausible_ages_is_asked_about() {
    let mut app = on_date();
    type_date(&mut app, "7/4/19");
    let text = screen(&app);
    assert!(text.contains("July 4, 2019 or July 4, 1919?"), "{text}");
    // Enter does not guess.
    app.update(key(KeyCode::Enter));
    assert!(matches!(app.screen, Screen::CheckIn(_)));
    assert!(app.take_effects().is_empty());
    // Touching a reading writes the year in full and shows it in words.
    let older = FormHit::Century {
        field: 2,
        choice: 1,
    };
    assert!(tap(&mut app, older));
    assert_eq!(texts(&app)[2], "07/04/1919");
    let text = screen(&app);
    assert!(text.contains("Understood as July 4, 1919"), "{text}");
    app.update(key(KeyCode::Enter));
    let effects = app.take_effects();
    let [Effect::Store(checkin)] = effects.as_slice() else {
        panic!("expected one store request: {effects:?}");
    };
    assert_eq!(checkin.field("date_of_birth"), Some("1919-07-04"));

    // Typing the year in full answers it too.
    let mut app = on_date();
    type_date(&mut app, "7/4/2019");
    assert!(screen(&app).contains("Understood as July 4, 2019"));
}
