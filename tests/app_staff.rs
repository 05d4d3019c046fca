//! Staff mode through the app's public API: the chord, the PIN (with its
//! lockout), the staff screen's actions, and closing by itself.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

use chrono::{DateTime, Duration, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use kiosk::app::{App, Effect, Msg, REVEAL, STAFF_IDLE, Screen};
use kiosk::config::Config;
use kiosk::desk;
use kiosk::staff::{Pin, hash_pin};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const PIN: &str = "2468";

fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text).unwrap().to_utc()
}

fn app() -> App {
    let hash = hash_pin(&Pin::parse(PIN).unwrap()).unwrap();
    let text = format!(
        "[clinic]\nname = \"Test Clinic\"\ntimezone = \"America/Denver\"\n[hours]\nmonday = \"09:00-18:00\"\n\
         [staff]\npin_hash = \"{hash}\"\n"
    );
    let config = Config::parse(Path::new("kiosk.toml"), &text, Path::new(".")).unwrap();
    App::new(config, at("2026-11-23T10:42:00-07:00"), false).with_size(100, 30)
}

fn key(code: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn chord(app: &mut App) {
    app.update(Msg::Key(KeyEvent::new(
        KeyCode::Char('a'),
        KeyModifiers::CONTROL,
    )));
    app.update(key(KeyCode::Char('s')));
}

fn type_pin(app: &mut App, pin: &str) {
    for c in pin.chars() {
        app.update(key(KeyCode::Char(c)));
    }
    app.update(key(KeyCode::Enter));
    answer_pins(app);
}

/// Answers the PIN checks the app asked for as the runtime does, with the
/// lockout kept in memory; every other effect stays for the test.
fn answer_pins(app: &mut App) {
    let mut others = Vec::new();
    for effect in app.take_effects() {
        match effect {
            Effect::TryPin(pin) => {
                let answer = app.try_pin_in_memory(&pin);
                app.update(answer);
            }
            other => others.push(other),
        }
    }
    app.effects.splice(0..0, others);
}

fn screen(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    terminal.draw(|f| f.render_widget(app, f.area())).unwrap();
    terminal.backend().to_string()
}

#[test]
fn the_chord_opens_the_prompt_and_the_right_pin_the_staff_screen() {
    let mut app = app();
    chord(&mut app);
    assert!(matches!(app.screen, Screen::Pin { .. }));
    assert!(screen(&app).contains("Enter the staff PIN"));
    type_pin(&mut app, PIN);
    assert!(matches!(app.screen, Screen::Staff(_)));
    let effects = app.take_effects();
    assert!(effects.contains(&Effect::LoadQueue), "{effects:?}");
    assert_eq!(app.lockout.failures, 0);
    assert!(screen(&app).contains("Front desk"));
}

#[test]
fn the_digits_are_never_shown() {
    let mut app = app();
    chord(&mut app);
    for c in "2468".chars() {
        app.update(key(KeyCode::Char(c)));
    }
    let shown = screen(&app);
    assert!(shown.contains("• • • •"), "{shown}");
    assert!(!shown.contains("2468"));
}

#[test]
fn five_wrong_pins_lock_staff_mode_for_five_minutes() {
    let mut app = app();
    chord(&mut app);
    for i in 1..=5 {
        type_pin(&mut app, "1111");
        assert!(matches!(app.screen, Screen::Pin { .. }), "try {i}");
    }
    assert!(app.lockout.is_locked(app.now));
    assert!(screen(&app).contains("Locked until"), "{}", screen(&app));
    // Even the right PIN is refused while locked.
    type_pin(&mut app, PIN);
    assert!(matches!(app.screen, Screen::Pin { .. }));
    // Five minutes later it opens.
    let later = app.now + Duration::minutes(5) + Duration::seconds(1);
    app.update(Msg::Tick(later));
    chord(&mut app);
    type_pin(&mut app, PIN);
    assert!(matches!(app.screen, Screen::Staff(_)));
}

#[test]
fn a_lock_loaded_at_start_is_respected() {
    let mut app = app();
    app.lockout = kiosk::staff::Lockout {
        failures: 5,
        locked_until: Some(app.now + Duration::minutes(3)),
    };
    chord(&mut app);
    type_pin(&mut app, PIN);
    assert!(matches!(app.screen, Screen::Pin { .. }));
}

#[test]
fn the_pin_is_checked_against_the_shared_lock_not_the_apps_memory() {
    let mut app = app();
    chord(&mut app);
    assert!(app.take_effects().contains(&Effect::ReadLockout));
    for c in PIN.chars() {
        app.update(key(KeyCode::Char(c)));
    }
    app.update(key(KeyCode::Enter));
    // The app compares nothing itself: the runtime reads the lock file.
    assert!(matches!(app.take_effects().as_slice(), [Effect::TryPin(_)]));
    assert!(matches!(app.screen, Screen::Pin { .. }));
    let until = app.now + Duration::minutes(4);
    let locked = kiosk::staff::Lockout {
        failures: 5,
        locked_until: Some(until),
    };
    app.update(Msg::PinChecked(
        kiosk::staff::Attempt::Locked { until },
        locked,
    ));
    assert!(matches!(app.screen, Screen::Pin { .. }));
    assert_eq!(app.lockout, locked);
    assert!(screen(&app).contains("Locked until"), "{}", screen(&app));
}

#[test]
fn a_lock_read_when_the_prompt_opens_is_shown_at_once() {
    let mut app = app();
    chord(&mut app);
    let locked = kiosk::staff::Lockout {
        failures: 5,
        locked_until: Some(app.now + Duration::minutes(4)),
    };
    assert!(app.update(Msg::Lockout(locked)));
    assert!(screen(&app).contains("Locked until"), "{}", screen(&app));
}

#[test]
fn without_a_pin_hash_the_chord_does_nothing() {
    let text = "[clinic]\nname = \"T\"\ntimezone = \"America/Denver\"\n";
    let config = Config::parse(Path::new("kiosk.toml"), text, Path::new(".")).unwrap();
    let mut app = App::new(config, at("2026-11-23T10:42:00-07:00"), false).with_size(100, 30);
    chord(&mut app);
    assert!(matches!(app.screen, Screen::Slides));
}

#[test]
fn the_staff_screen_closes_by_itself_and_with_esc() {
    let mut app = app();
    chord(&mut app);
    type_pin(&mut app, PIN);
    let wake = app.next_wake();
    assert!(wake <= app.now + STAFF_IDLE);
    app.update(Msg::Tick(app.now + STAFF_IDLE));
    assert!(matches!(app.screen, Screen::Slides));
    chord(&mut app);
    type_pin(&mut app, PIN);
    app.update(key(KeyCode::Esc));
    assert!(matches!(app.screen, Screen::Slides));
}

#[test]
fn the_queue_shows_and_actions_become_effects() {
    let mut app = app();
    chord(&mut app);
    type_pin(&mut app, PIN);
    app.take_effects();
    let record = maria(&app);
    app.update(Msg::Desk(desk::Msg::Loaded {
        records: vec![record],
        at: app.now,
    }));
    assert!(screen(&app).contains("Maria L."));
    app.update(key(KeyCode::Char('c')));
    let effects = app.take_effects();
    assert!(
        matches!(effects.as_slice(), [Effect::SaveStatus(c)] if c.ticket == 1),
        "{effects:?}"
    );
    app.update(key(KeyCode::Char('r')));
    assert_eq!(app.take_effects(), vec![Effect::Reload]);
}

#[test]
fn pause_holds_the_slides_and_quit_stops_the_kiosk() {
    let mut app = app();
    chord(&mut app);
    type_pin(&mut app, PIN);
    app.update(key(KeyCode::Char('p')));
    assert!(app.show_held);
    // Q alone only asks; any key but y keeps the kiosk running.
    app.update(key(KeyCode::Char('Q')));
    assert!(app.running);
    assert!(screen(&app).contains("Quit the kiosk?"));
    app.update(key(KeyCode::Char('n')));
    assert!(app.running);
    assert!(!screen(&app).contains("Quit the kiosk?"));
    app.update(key(KeyCode::Char('Q')));
    app.update(key(KeyCode::Enter));
    assert!(app.running);
    app.update(key(KeyCode::Char('Q')));
    app.update(key(KeyCode::Char('y')));
    assert!(!app.running);
}

#[test]
fn a_notice_typed_on_the_staff_screen_is_saved_to_the_file_and_shows_once_read() {
    let mut app = app();
    chord(&mut app);
    type_pin(&mut app, PIN);
    app.take_effects();
    app.update(key(KeyCode::Char('m')));
    let form = screen(&app);
    assert!(form.contains("Notice for the waiting room"), "{form}");
    assert!(form.contains("Save notice"), "{form}");
    for c in "Running 20 minutes late".chars() {
        app.update(key(KeyCode::Char(c)));
    }
    assert!(screen(&app).contains("23 / 160 characters"));
    app.update(key(KeyCode::Tab));
    app.update(key(KeyCode::Tab));
    for c in "11:00".chars() {
        app.update(key(KeyCode::Char(c)));
    }
    let typed = screen(&app);
    assert!(
        typed.contains("Shows from now until 11:00 AM today"),
        "{typed}"
    );
    app.update(key(KeyCode::Enter));
    let effects = app.take_effects();
    let [Effect::SaveNotice(notice)] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    assert_eq!(notice.text, "Running 20 minutes late");
    assert!(!notice.closes);
    assert_eq!(notice.from, app.config.schedule.wall_at(app.now));
    assert_eq!(notice.until.to_string(), "2026-11-23 11:00:00");
    app.update(Msg::NoticeSaved(Ok(())));
    assert!(screen(&app).contains("Notice saved to kiosk.toml."));
    // The runtime reads the file again: the notice is part of the hours.
    let mut config = app.config.clone();
    config.schedule.notices.push(notice.clone());
    app.update(Msg::ConfigLoaded(Ok(Box::new(config))));
    app.update(key(KeyCode::Esc));
    assert!(matches!(app.screen, Screen::Slides));
    assert!(screen(&app).contains("Running 20 minutes late"));
    app.update(Msg::Tick(at("2026-11-23T11:00:00-07:00")));
    assert!(!screen(&app).contains("Running 20 minutes late"));
}

#[test]
fn names_show_as_first_name_and_initial_until_revealed_for_30_seconds() {
    let mut app = app();
    chord(&mut app);
    type_pin(&mut app, PIN);
    app.update(Msg::Desk(desk::Msg::Loaded {
        records: vec![maria(&app)],
        at: app.now,
    }));
    let hidden = screen(&app);
    assert!(hidden.contains("Maria L."), "{hidden}");
    assert!(!hidden.contains("Lopez"), "{hidden}");
    app.update(key(KeyCode::Char('v')));
    assert!(screen(&app).contains("Maria Lopez"));
    assert!(app.next_wake() <= app.now + REVEAL);
    // Keys keep the staff screen open, but the names still hide on time.
    app.update(Msg::Tick(app.now + REVEAL - Duration::seconds(1)));
    app.update(key(KeyCode::Down));
    app.update(Msg::Tick(app.now + Duration::seconds(1)));
    assert!(!screen(&app).contains("Lopez"));
    // And `v` again hides them at once.
    app.update(key(KeyCode::Char('v')));
    app.update(key(KeyCode::Char('v')));
    assert!(!screen(&app).contains("Lopez"));
}

#[test]
fn the_staff_screen_closes_after_30_seconds_or_as_configured() {
    let mut app = app();
    assert_eq!(STAFF_IDLE, Duration::seconds(30));
    chord(&mut app);
    type_pin(&mut app, PIN);
    app.update(Msg::Tick(app.now + Duration::seconds(29)));
    assert!(matches!(app.screen, Screen::Staff(_)));
    app.update(Msg::Tick(app.now + Duration::seconds(1)));
    assert!(matches!(app.screen, Screen::Slides));
    app.config.staff.idle = std::time::Duration::from_secs(90);
    chord(&mut app);
    type_pin(&mut app, PIN);
    app.update(Msg::Tick(app.now + Duration::seconds(60)));
    assert!(matches!(app.screen, Screen::Staff(_)));
    app.update(Msg::Tick(app.now + Duration::seconds(30)));
    assert!(matches!(app.screen, Screen::Slides));
}

fn maria(app: &App) -> kiosk::store::CheckinRecord {
    kiosk::store::CheckinRecord {
        language: "en".into(),
        id: kiosk::store::CheckinId(1),
        ticket: 1,
        checked_in_at: app.now,
        local_date: app.config.schedule.wall_at(app.now).date(),
        status: kiosk::store::Status::Waiting,
        status_changed_at: app.now,
        fields: vec![
            ("first_name".into(), "Maria".into()),
            ("last_name".into(), "Lopez".into()),
        ],
        identity: String::new(),
        repeats: 0,
        last_repeat_at: None,
        source: kiosk::store::Source::Kiosk,
    }
}

fn mouse(kind: crossterm::event::MouseEventKind, column: u16, row: u16) -> Msg {
    Msg::Mouse(crossterm::event::MouseEvent {
        kind,
        column,
        row,
        modifiers: KeyModifiers::NONE,
    })
}

#[test]
fn holding_a_corner_for_three_seconds_opens_the_prompt() {
    use crossterm::event::{MouseButton, MouseEventKind};
    let mut app = app();
    let t0 = app.now;
    // A quick tap on the corner does nothing.
    app.update(mouse(MouseEventKind::Down(MouseButton::Left), 99, 0));
    app.advance_clock(t0 + Duration::seconds(1));
    app.update(mouse(MouseEventKind::Up(MouseButton::Left), 99, 0));
    assert!(matches!(app.screen, Screen::Slides));
    // Held for three seconds, it opens the PIN prompt.
    app.update(mouse(MouseEventKind::Down(MouseButton::Left), 99, 0));
    app.advance_clock(t0 + Duration::seconds(4));
    app.update(mouse(MouseEventKind::Up(MouseButton::Left), 99, 0));
    assert!(matches!(app.screen, Screen::Pin { .. }));
    // Not in the middle of the screen.
    let mut app = self::app();
    app.update(mouse(MouseEventKind::Down(MouseButton::Left), 50, 0));
    app.advance_clock(t0 + Duration::seconds(5));
    app.update(mouse(MouseEventKind::Up(MouseButton::Left), 50, 0));
    assert!(!matches!(app.screen, Screen::Pin { .. }));
}
