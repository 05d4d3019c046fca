//! Check-in as pure state, through the app's public API: when the form may
//! open, typing and clicking through it, the single store request, the
//! runtime's answer (new, duplicate, failure), the confirmation going away,
//! the idle timeout with its countdown, and that nothing a patient typed is
//! left on screen afterwards.
//!
//! Every moment is fixed; nothing here reads the clock, sleeps or touches a
//! database: the test plays the runtime's part by answering
//! [`Effect::Store`] with [`Msg::Stored`] itself.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use crossterm::event::{
    KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use kiosk::app::{
    App, Availability, CONFIRMATION, Effect, FAILURE, Msg, NOT_OPEN, Outcome, QUIET, Screen,
};
use kiosk::checkin::{Form, FormHit};
use kiosk::config::Config;
use kiosk::slides::load_deck;
use kiosk::store::{CheckinId, Inserted, NewCheckin};
use kiosk::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

/// Monday 2026-11-23: open 9:00 AM to 6:00 PM, check-in from 8:45 AM.
const MONDAY_OPEN: &str = "2026-11-23T10:42:00-07:00";
const MONDAY_844: &str = "2026-11-23T08:44:00-07:00";
const MONDAY_845: &str = "2026-11-23T08:45:00-07:00";
/// Sunday: closed all day; the clinic opens Monday at 9:00 AM.
const SUNDAY_CLOSED: &str = "2026-11-22T12:00:00-07:00";

/// A name nobody else on the screen has, to search the screen for.
const FIRST: &str = "Zebulon";
const LAST: &str = "Quackenbush";

fn at(rfc3339: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(rfc3339).unwrap().to_utc()
}

fn ms(n: i64) -> Duration {
    Duration::milliseconds(n)
}

fn secs(n: i64) -> Duration {
    Duration::seconds(n)
}

/// The bundled `kiosk.toml`, checked (idle timeout 60 s, check-in opens
/// 15 minutes early, the default three questions).
fn bundled() -> Config {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(dir.join("kiosk.toml")).unwrap();
    Config::parse(Path::new("kiosk.toml"), &text, dir)
        .unwrap_or_else(|problems| panic!("the bundled kiosk.toml is invalid: {problems:#?}"))
}

/// The app as the runtime builds it (bundled settings and slides) at `time`
/// on an 80x24 screen.
fn app_at(time: &str) -> App {
    app_sized(time, 80, 24)
}

fn app_sized(time: &str, width: u16, height: u16) -> App {
    let config = bundled();
    let deck = load_deck(&config.kiosk.content_dir);
    App::new(config, at(time), false)
        .with_deck(deck)
        .with_size(width, height)
}

fn key(code: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn enter() -> Msg {
    key(KeyCode::Enter)
}

fn mouse(kind: MouseEventKind, column: u16, row: u16) -> Msg {
    Msg::Mouse(MouseEvent {
        kind,
        column,
        row,
        modifiers: KeyModifiers::NONE,
    })
}

fn click(column: u16, row: u16) -> Msg {
    mouse(MouseEventKind::Down(MouseButton::Left), column, row)
}

/// Types `text` one key at a time, as a keyboard would.
fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        assert!(
            app.update(key(KeyCode::Char(c))),
            "typing {c:?} changed nothing"
        );
    }
}

fn tick(app: &mut App, time: DateTime<Utc>) {
    app.update(Msg::Tick(time));
}

/// The screen as drawn now, rows joined by newlines (no-break spaces shown
/// as spaces, as a terminal shows them).
fn screen(app: &App) -> String {
    let (w, h) = app.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal
        .draw(|frame| frame.render_widget(app, frame.area()))
        .unwrap();
    let buffer = terminal.backend().buffer();
    (0..h)
        .map(|y| {
            (0..w)
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
                .replace('\u{A0}', " ")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn form(app: &App) -> &Form {
    match &app.screen {
        Screen::CheckIn(form) => form,
        other => panic!("expected the check-in form, the screen is {other:?}"),
    }
}

/// What each field holds, in form order.
fn texts(app: &App) -> Vec<String> {
    form(app).fields().iter().map(|f| f.text()).collect()
}

fn is_slides(app: &App) -> bool {
    matches!(app.screen, Screen::Slides)
}

fn is_form(app: &App) -> bool {
    matches!(app.screen, Screen::CheckIn(_))
}

/// The app at Monday 10:42 with the form open.
fn open_form() -> App {
    let mut app = app_at(MONDAY_OPEN);
    assert!(app.update(enter()));
    assert!(is_form(&app));
    app
}

/// The form filled in by keyboard, with the focus on the date, ready for
/// the final Enter.
fn filled(first: &str, last: &str, date: &str) -> App {
    let mut app = open_form();
    type_text(&mut app, first);
    assert!(app.update(key(KeyCode::Tab)));
    type_text(&mut app, last);
    assert!(app.update(key(KeyCode::Tab)));
    type_text(&mut app, date);
    assert_eq!(form(&app).focused(), 2);
    app
}

/// The check-in the form hands over for `first last`, born April 17, 1962.
fn expected_checkin(first: &str, last: &str) -> NewCheckin {
    NewCheckin {
        language: "en".into(),
        identity: Some(format!(
            "{}\u{1f}{}\u{1f}{}",
            kiosk::store::fold(first),
            kiosk::store::fold(last),
            NaiveDate::from_ymd_opt(1962, 4, 17).unwrap()
        )),
        fields: vec![
            ("first_name".into(), first.into()),
            ("last_name".into(), last.into()),
            ("date_of_birth".into(), "1962-04-17".into()),
        ],
    }
}

/// A form submitted and the one store request taken, as the runtime takes
/// it: the app is left on the saving screen.
fn submitted(first: &str, last: &str) -> App {
    let mut app = filled(first, last, "4/17/62");
    assert!(app.update(enter()));
    assert!(matches!(app.screen, Screen::Saving), "{:?}", app.screen);
    let effects = app.take_effects();
    assert_eq!(effects, [Effect::Store(expected_checkin(first, last))]);
    app
}

fn new_ticket(ticket: u32) -> Inserted {
    Inserted::New {
        ticket,
        id: CheckinId(i64::from(ticket)),
    }
}

fn duplicate_ticket(ticket: u32) -> Inserted {
    Inserted::Duplicate {
        ticket,
        id: CheckinId(i64::from(ticket)),
    }
}

/// Every cell `(x, y)` of `area` where a click lands on `hit`.
fn cells_hitting(app: &App, hit: FormHit) -> Vec<(u16, u16)> {
    let area = app.form_area();
    let form = form(app);
    (area.top()..area.bottom())
        .flat_map(|y| (area.left()..area.right()).map(move |x| (x, y)))
        .filter(|&(x, y)| ui::form_hit(area, form, &app.keyboard, x, y) == Some(hit))
        .collect()
}

/// The middle of where a click lands on `hit`.
fn spot(app: &App, hit: FormHit) -> (u16, u16) {
    let cells = cells_hitting(app, hit);
    assert!(!cells.is_empty(), "nothing on the form is {hit:?}");
    cells[cells.len() / 2]
}

/// The footer's green check-in button on the slides screen.
fn footer_button(app: &App) -> Rect {
    let (w, h) = app.size;
    let regions = ui::regions(Rect::new(0, 0, w, h)).expect("a usable screen");
    let row = ui::checkin_button(regions.footer);
    // The language button, when there is one, takes the row's right end.
    match app.language_button() {
        Some(language) if language.y == row.y => Rect {
            width: language.x - row.x,
            ..row
        },
        _ => row,
    }
}

fn assert_absent(app: &App, words: &[&str], when: &str) {
    let text = screen(app);
    for word in words {
        assert!(
            !text.contains(word),
            "{when}: {word:?} is still on screen:\n{text}"
        );
    }
}

// ---------------------------------------------------------------------------
// When the form may open
// ---------------------------------------------------------------------------

#[test]
fn enter_opens_the_form_only_once_checkin_has_opened() {
    let mut app = app_at(MONDAY_844);
    assert!(!app.status.open);
    assert_eq!(
        app.checkin_availability(),
        Availability::OpensAt(at(MONDAY_845))
    );
    let text = screen(&app);
    assert!(
        text.contains("Check-in opens today at 8:45 AM"),
        "the footer does not say when check-in opens:\n{text}"
    );
    assert!(!text.contains("press Enter or tap here"), "{text}");

    // Enter at 8:44 opens nothing, but says why and when it opens.
    assert!(app.update(enter()), "Enter at 8:44 said nothing");
    assert!(is_slides(&app));
    assert!(app.take_effects().is_empty());
    let text = screen(&app);
    assert!(text.contains("Check-in is not open"), "{text}");
    assert_eq!(app.not_open_until, Some(app.now + NOT_OPEN));

    // A millisecond early is still too early.
    tick(&mut app, at(MONDAY_845) - ms(1));
    app.update(enter());
    assert!(is_slides(&app));

    // 8:45 comes by itself (the minute's wake-up), and the button changes.
    assert!(app.next_wake() <= at(MONDAY_845));
    tick(&mut app, at(MONDAY_845));
    assert_eq!(app.checkin_availability(), Availability::Open);
    assert!(!app.status.open, "the clinic itself opens at 9:00");
    let text = screen(&app);
    assert!(text.contains("Check in: press Enter or tap here"), "{text}");
    assert!(app.update(enter()));
    let form = form(&app);
    assert!(form.is_empty());
    assert_eq!(form.focused(), 0);
    assert_eq!(form.fields().len(), 3);
}

#[test]
fn while_open_enter_opens_the_form_and_a_closed_day_says_when() {
    let mut app = app_at(MONDAY_OPEN);
    assert_eq!(app.checkin_availability(), Availability::Open);
    assert!(app.update(enter()));
    assert!(is_form(&app));
    let text = screen(&app);
    for label in ["First name", "Last name", "Date of birth", "MM/DD/YYYY"] {
        assert!(text.contains(label), "{label:?} missing:\n{text}");
    }

    let mut sunday = app_at(SUNDAY_CLOSED);
    assert_eq!(
        sunday.checkin_availability(),
        Availability::OpensAt(at("2026-11-23T08:45:00-07:00"))
    );
    assert!(
        screen(&sunday).contains("Check-in opens tomorrow at 8:45 AM"),
        "{}",
        screen(&sunday)
    );
    assert!(sunday.update(enter()), "Enter says why it does not open");
    assert!(is_slides(&sunday));
    assert!(screen(&sunday).contains("Check-in is not open"));

    // After closing, check-in waits for the next morning too.
    let evening = app_at("2026-11-23T18:00:00-07:00");
    assert_eq!(
        evening.checkin_availability(),
        Availability::OpensAt(at("2026-11-24T08:45:00-07:00"))
    );
}

#[test]
fn other_keys_on_the_slides_never_open_the_form() {
    // (A letter does: see `a_letter_on_the_slides_opens_the_form_with_it`.)
    let mut app = app_at(MONDAY_OPEN);
    for code in [
        KeyCode::Char('1'),
        KeyCode::Char(' '),
        KeyCode::Esc,
        KeyCode::Tab,
        KeyCode::F(1),
    ] {
        app.update(key(code));
        assert!(is_slides(&app), "{code:?} left the slides");
    }
    let mut release = KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE);
    release.kind = KeyEventKind::Release;
    assert!(!app.update(Msg::Key(release)));
    assert!(is_slides(&app), "releasing Enter opened the form");
}

// ---------------------------------------------------------------------------
// Filling in and submitting
// ---------------------------------------------------------------------------

#[test]
fn typing_goes_to_the_focused_field_and_tab_moves_on() {
    let mut app = open_form();
    type_text(&mut app, "Maria");
    assert_eq!(texts(&app), ["Maria", "", ""]);
    assert!(app.update(key(KeyCode::Tab)));
    assert_eq!(form(&app).focused(), 1);
    type_text(&mut app, "Lopez");
    // Enter on a field with an answer moves to the next one.
    assert!(app.update(enter()));
    assert_eq!(form(&app).focused(), 2);
    type_text(&mut app, "4/17/62");
    assert_eq!(texts(&app), ["Maria", "Lopez", "4/17/62"]);
    // Shift-Tab and Up go back; Backspace edits.
    assert!(app.update(Msg::Key(KeyEvent::new(
        KeyCode::BackTab,
        KeyModifiers::SHIFT
    ))));
    assert_eq!(form(&app).focused(), 1);
    assert!(app.update(key(KeyCode::Backspace)));
    assert_eq!(texts(&app), ["Maria", "Lope", "4/17/62"]);
    assert!(app.update(key(KeyCode::Up)));
    assert_eq!(form(&app).focused(), 0);
    // How the date was read is shown under it.
    assert!(
        screen(&app).contains("Understood as April 17, 1962"),
        "{}",
        screen(&app)
    );
    assert!(app.take_effects().is_empty(), "nothing is stored yet");
}

#[test]
fn a_valid_form_asks_the_runtime_to_store_it_exactly_once() {
    let mut app = filled("Maria", "Lopez", "4/17/62");
    assert!(app.take_effects().is_empty());
    assert!(app.update(enter()));
    assert!(matches!(app.screen, Screen::Saving), "{:?}", app.screen);
    let effects = app.take_effects();
    assert_eq!(effects, [Effect::Store(expected_checkin("Maria", "Lopez"))]);
    assert!(app.take_effects().is_empty(), "effects are taken once");

    // Nothing is claimed before the store answers.
    let text = screen(&app);
    assert!(text.contains("One moment"), "{text}");
    assert!(!text.to_lowercase().contains("checked in"), "{text}");
    assert!(!text.contains("Maria"), "{text}");

    // A click while saving does nothing, and asks for nothing more.
    let (w, h) = app.size;
    assert!(!app.update(click(w / 2, h / 2)));
    assert!(app.take_effects().is_empty());
}

#[test]
fn names_are_trimmed_and_spaces_collapsed_before_storing() {
    let mut app = filled("  Ana  María ", " de  la Cruz", "04/17/1962");
    app.update(enter());
    let effects: [Effect; 1] = app.take_effects().try_into().unwrap();
    let [Effect::Store(checkin)] = effects else {
        panic!("expected exactly one Effect::Store");
    };
    assert_eq!(checkin.field("first_name"), Some("Ana María"));
    assert_eq!(checkin.field("last_name"), Some("de la Cruz"));
    assert_eq!(checkin.field("date_of_birth"), Some("1962-04-17"));
    assert_eq!(
        checkin.identity.as_deref(),
        Some("ana maria\u{1f}de la cruz\u{1f}1962-04-17")
    );
}

#[test]
fn an_invalid_date_stops_at_the_field_with_its_message() {
    let mut app = filled("Maria", "Lopez", "17/04/1962");
    assert!(app.update(enter()));
    assert!(is_form(&app), "a bad date was submitted");
    assert!(app.take_effects().is_empty());
    assert_eq!(form(&app).focused(), 2);
    let text = screen(&app);
    assert!(text.contains("the month comes first"), "{text}");
    // Fixing it clears the message and Enter submits.
    for _ in 0..10 {
        app.update(key(KeyCode::Backspace));
    }
    type_text(&mut app, "04/17/1962");
    assert!(!screen(&app).contains("the month comes first"));
    assert!(app.update(enter()));
    assert_eq!(app.take_effects().len(), 1);
}

#[test]
fn an_empty_form_is_not_submitted() {
    let mut app = open_form();
    // Enter on the empty first field says what is missing and stays.
    assert!(app.update(enter()));
    assert!(is_form(&app));
    assert!(
        screen(&app).contains("Please enter your first name."),
        "{}",
        screen(&app)
    );
    assert!(app.take_effects().is_empty());
}

// ---------------------------------------------------------------------------
// The runtime's answer
// ---------------------------------------------------------------------------

#[test]
fn a_stored_checkin_shows_the_first_name_and_ticket() {
    let mut app = submitted(FIRST, LAST);
    let now = app.now;
    assert!(app.update(Msg::Stored(Ok((new_ticket(14), Some(FIRST.into()))))));
    match &app.screen {
        Screen::Done {
            outcome,
            until,
            since,
        } => {
            assert_eq!(*since, now);
            assert_eq!(
                *outcome,
                Outcome::CheckedIn {
                    first_name: Some(FIRST.into()),
                    ticket: 14
                }
            );
            assert_eq!(*until, now + CONFIRMATION);
        }
        other => panic!("no confirmation: {other:?}"),
    }
    let text = screen(&app);
    assert!(
        text.contains(&format!("You're checked in, {FIRST}.")),
        "{text}"
    );
    assert!(text.contains("Your number is"), "{text}");
    assert!(text.contains("Please have a seat"), "{text}");
    // Only the first name, never the rest.
    assert!(!text.contains(LAST), "{text}");
    assert!(!text.contains("1962"), "{text}");
    assert!(app.problems.store.is_none());

    // On a small screen the number is written out in words and digits.
    let mut small = app.clone();
    small.update(Msg::Resize(40, 12));
    let text = screen(&small);
    assert!(text.contains("Your number is 14."), "{text}");
}

#[test]
fn the_greeting_uses_the_name_the_runtime_gives() {
    // The runtime greets with `greeting_name` of what it stored.
    let checkin = expected_checkin("Maria", "Lopez");
    assert_eq!(kiosk::app::greeting_name(&checkin), Some("Maria".into()));
    let mut app = submitted("Maria", "Lopez");
    app.update(Msg::Stored(Ok((new_ticket(1), Some("Maria".into())))));
    assert!(screen(&app).contains("You're checked in, Maria."));

    // Without a first name (a form that does not ask for one) it still
    // reads well.
    let mut app = submitted("Maria", "Lopez");
    app.update(Msg::Stored(Ok((new_ticket(2), None))));
    let text = screen(&app);
    assert!(text.contains("You're checked in."), "{text}");
}

#[test]
fn a_duplicate_reveals_neither_the_name_nor_the_number() {
    let mut app = submitted(FIRST, LAST);
    assert!(app.update(Msg::Stored(Ok((duplicate_ticket(3), Some(FIRST.into()))))));
    assert!(matches!(
        &app.screen,
        Screen::Done {
            outcome: Outcome::MaybeListed,
            ..
        }
    ));
    for (w, h) in [(120, 40), (80, 24), (40, 12)] {
        let mut sized = app.clone();
        sized.update(Msg::Resize(w, h));
        let text = screen(&sized);
        assert!(text.contains("already be on today's list"), "{text}");
        assert!(text.contains("Please see the front desk."), "{text}");
        assert!(!text.contains(FIRST), "no name at {w}x{h}: {text}");
        assert!(!text.contains('3'), "no ticket at {w}x{h}: {text}");
    }
}

#[test]
fn a_failed_store_sends_the_patient_to_the_desk_and_tells_staff() {
    let mut app = submitted(FIRST, LAST);
    let now = app.now;
    let problem = "a check-in could not be saved: disk I/O error";
    assert!(app.update(Msg::Stored(Err(problem.into()))));
    match &app.screen {
        Screen::Done {
            outcome,
            until,
            since,
        } => {
            assert_eq!(*since, now);
            assert_eq!(*outcome, Outcome::Failed);
            assert_eq!(*until, now + FAILURE);
        }
        other => panic!("no failure screen: {other:?}"),
    }
    assert_eq!(app.problems.store.as_deref(), Some(problem));
    assert_eq!(app.problems.count(), 1);
    for (w, h) in [(80, 24), (120, 40), (40, 12)] {
        let mut sized = app.clone();
        sized.update(Msg::Resize(w, h));
        let text = screen(&sized);
        assert!(text.contains("Please see the front desk."), "{text}");
        assert!(
            !text.to_lowercase().contains("checked in"),
            "a failure claims a check-in at {w}x{h}:\n{text}"
        );
        assert!(!text.contains("Your number"), "{text}");
        assert!(!text.contains(FIRST), "{text}");
    }
    // It stays up longer than a confirmation, then the slides come back.
    tick(&mut app, now + FAILURE - ms(1));
    assert!(matches!(app.screen, Screen::Done { .. }));
    tick(&mut app, now + FAILURE);
    assert!(is_slides(&app));
    // Staff still see that something is wrong.
    assert_eq!(app.problems.store.as_deref(), Some(problem));
}

// ---------------------------------------------------------------------------
// Leaving the confirmation
// ---------------------------------------------------------------------------

fn confirmed() -> App {
    let mut app = submitted(FIRST, LAST);
    app.update(Msg::Stored(Ok((new_ticket(5), Some(FIRST.into())))));
    assert!(screen(&app).contains(FIRST));
    app
}

#[test]
fn the_confirmation_goes_back_to_the_slides_after_its_time() {
    let mut app = confirmed();
    let until = app.now + CONFIRMATION;
    assert_eq!(CONFIRMATION, secs(20), "at least 20 s to read the number");
    // The runtime wakes when the quiet start ends (the hint to continue
    // appears), then when the confirmation ends.
    let quiet_end = app.now + QUIET;
    assert_eq!(app.next_wake(), quiet_end, "the hint appears after 2 s");
    assert!(!screen(&app).contains("press any key to continue"));
    tick(&mut app, quiet_end);
    assert!(screen(&app).contains("press any key to continue"));
    assert_eq!(app.next_wake(), until, "the runtime must wake when it ends");
    tick(&mut app, until - ms(1));
    assert!(matches!(app.screen, Screen::Done { .. }));
    tick(&mut app, until);
    assert!(is_slides(&app));
    assert_absent(&app, &[FIRST, LAST], "after the confirmation timed out");
    let text = screen(&app);
    assert!(text.contains("Check in: press Enter or tap here"), "{text}");
}

/// The confirmation after its quiet first seconds.
fn confirmed_a_while() -> App {
    let mut app = confirmed();
    let later = app.now + QUIET;
    tick(&mut app, later);
    app
}

#[test]
fn a_touch_or_a_key_leaves_the_confirmation_after_its_first_seconds() {
    let (w, h) = (80, 24);
    let mut touched = confirmed_a_while();
    // Moving or releasing does not count; pressing does.
    assert!(!touched.update(mouse(MouseEventKind::Moved, 3, 3)));
    assert!(!touched.update(mouse(MouseEventKind::Up(MouseButton::Left), 3, 3)));
    assert!(matches!(touched.screen, Screen::Done { .. }));
    assert!(touched.update(click(w - 1, h - 1)));
    assert!(is_slides(&touched));
    assert_absent(&touched, &[FIRST, LAST], "after a touch");

    for code in [KeyCode::Char('x'), KeyCode::Enter, KeyCode::Esc] {
        let mut keyed = confirmed_a_while();
        assert!(keyed.update(key(code)));
        assert!(is_slides(&keyed), "{code:?} did not leave the confirmation");
        assert_absent(&keyed, &[FIRST, LAST], "after a key");
        assert!(keyed.take_effects().is_empty());
    }
}

// ---------------------------------------------------------------------------
// Leaving the form
// ---------------------------------------------------------------------------

#[test]
fn esc_on_the_first_field_cancels_and_forgets() {
    let mut app = open_form();
    type_text(&mut app, FIRST);
    assert!(app.update(key(KeyCode::Esc)));
    assert!(is_slides(&app));
    assert!(app.take_effects().is_empty());
    assert_absent(&app, &[FIRST], "after Esc");
    // A new form starts empty.
    assert!(app.update(enter()));
    assert!(form(&app).is_empty());
    assert_absent(&app, &[FIRST], "in the next patient's form");
}

#[test]
fn esc_further_down_goes_back_a_field_first() {
    let mut app = open_form();
    type_text(&mut app, FIRST);
    app.update(key(KeyCode::Tab));
    type_text(&mut app, LAST);
    assert!(app.update(key(KeyCode::Esc)));
    assert_eq!(form(&app).focused(), 0);
    assert!(app.update(key(KeyCode::Esc)));
    assert!(is_slides(&app));
    assert_absent(&app, &[FIRST, LAST], "after Esc twice");
}

#[test]
fn an_abandoned_form_counts_down_each_second_then_clears() {
    let mut app = open_form();
    let timeout = secs(60);
    assert_eq!(
        app.config.checkin.idle_timeout,
        std::time::Duration::from_secs(60)
    );
    // The patient's last key is at a moment off the second and the minute.
    let last_key = app.now + ms(20_250);
    tick(&mut app, last_key);
    type_text(&mut app, FIRST);
    app.update(key(KeyCode::Tab));
    type_text(&mut app, LAST);
    let gone = last_key + timeout;

    // Run the clock the way the runtime does: sleep until the next wake-up
    // and tick there, recording what the screen says.
    let mut wakes = Vec::new();
    let mut banners = Vec::new();
    while is_form(&app) {
        assert!(wakes.len() < 100, "the form never cleared: {wakes:?}");
        let wake = app.next_wake();
        assert!(wake > app.now, "a wake-up in the past: {wake}");
        tick(&mut app, wake);
        wakes.push(wake);
        if is_form(&app) {
            let text = screen(&app);
            banners.push(
                text.lines()
                    .find(|l| l.contains("Still there?"))
                    // The language button shares the row.
                    .map(|l| l.replace("[ Español ]", "").trim().to_string()),
            );
        }
    }
    // The next minute (the clock), then each second of the last ten, then
    // the timeout itself.
    let mut expected = vec![at("2026-11-23T10:43:00-07:00")];
    expected.extend((0..=10).map(|i| gone - secs(10) + secs(i)));
    assert_eq!(wakes, expected);
    let mut expected_banners = vec![None];
    expected_banners.extend((1..=10).rev().map(|n| {
        Some(format!(
            "Still there? Clearing in {n} s — touch or press any key"
        ))
    }));
    assert_eq!(banners, expected_banners);
    assert_eq!(app.now, gone);
    assert!(is_slides(&app));
    assert!(
        app.take_effects().is_empty(),
        "an abandoned form is not stored"
    );
    assert_absent(&app, &[FIRST, LAST], "after the idle timeout");
    // And the next patient's form is empty.
    app.update(enter());
    assert!(form(&app).is_empty());
}

#[test]
fn typing_during_the_countdown_keeps_the_form() {
    let mut app = open_form();
    type_text(&mut app, "Mar");
    let t0 = app.now;
    tick(&mut app, t0 + secs(55));
    assert!(screen(&app).contains("Still there? Clearing in 5 s"));
    type_text(&mut app, "ia");
    assert!(!screen(&app).contains("Still there?"), "{}", screen(&app));
    // The full minute starts again from the last key.
    tick(&mut app, t0 + secs(114));
    assert!(is_form(&app));
    assert_eq!(texts(&app)[0], "Maria");
    tick(&mut app, t0 + secs(115));
    assert!(is_slides(&app));
}

#[test]
fn a_touch_during_the_countdown_keeps_the_form() {
    let mut app = open_form();
    type_text(&mut app, "Maria");
    let t0 = app.now;
    tick(&mut app, t0 + secs(57));
    // A touch on an empty part of the screen (the header).
    assert!(app.update(click(1, 0)));
    assert!(!screen(&app).contains("Still there?"), "{}", screen(&app));
    tick(&mut app, t0 + secs(116));
    assert!(is_form(&app));
    tick(&mut app, t0 + secs(117));
    assert!(is_slides(&app));
}

/// "touch or press any key": a key that edits nothing (→ at the end of the
/// text) still restarts the idle timer, so the "Still there?" banner must go
/// at once. The runtime redraws only when `update` returns true.
#[test]
fn any_key_during_the_countdown_takes_the_banner_away() {
    let mut app = open_form();
    type_text(&mut app, "Maria");
    let t0 = app.now;
    tick(&mut app, t0 + secs(55));
    assert!(screen(&app).contains("Still there?"));
    let redraw = app.update(key(KeyCode::Right));
    // The form was touched: the banner is gone from the state...
    assert!(!screen(&app).contains("Still there?"));
    tick(&mut app, t0 + secs(60));
    assert!(
        is_form(&app),
        "the key press did not restart the idle timer"
    );
    // ...but the runtime is told nothing changed, so the banner stays drawn
    // until the next wake-up, up to 50 seconds later.
    assert!(
        redraw,
        "→ during the countdown restarted the timer but update() returned \
         false, so the runtime does not redraw and \"Still there?\" stays on \
         screen (next wake-up: {})",
        app.next_wake()
    );
}

// ---------------------------------------------------------------------------
// Paste
// ---------------------------------------------------------------------------

#[test]
fn a_paste_lands_in_the_focused_field_without_control_characters() {
    let mut app = open_form();
    assert!(app.update(Msg::Paste("Ma\u{1b}ri\u{7}a\u{0}".into())));
    assert_eq!(texts(&app), ["Maria", "", ""]);
    app.update(key(KeyCode::Tab));
    assert!(app.update(Msg::Paste("de la\tCruz\r\n".into())));
    assert_eq!(texts(&app)[1], "de la Cruz ");
    assert!(
        texts(&app).iter().all(|t| !t.chars().any(char::is_control)),
        "{:?}",
        texts(&app)
    );
    // A pasted escape sequence reaches neither the field's terminal nor
    // the store as an escape.
    app.update(key(KeyCode::Tab));
    assert!(app.update(Msg::Paste("04/17/1962\u{1b}[2J".into())));
    assert_eq!(texts(&app)[2], "04/17/1962[2J");
    assert!(app.update(enter()), "Enter on a bad date shows a message");
    assert!(is_form(&app));
    // Corrected, the form goes through, with the pasted names cleaned.
    for _ in 0.."[2J".len() {
        app.update(key(KeyCode::Backspace));
    }
    assert_eq!(texts(&app)[2], "04/17/1962");
    app.update(enter());
    let effects: [Effect; 1] = app.take_effects().try_into().unwrap();
    let [Effect::Store(checkin)] = effects else {
        panic!("expected exactly one Effect::Store");
    };
    assert_eq!(checkin.field("first_name"), Some("Maria"));
    assert_eq!(checkin.field("last_name"), Some("de la Cruz"));
}

#[test]
fn a_paste_is_ignored_outside_the_form() {
    let mut app = app_at(MONDAY_OPEN);
    assert!(!app.update(Msg::Paste("Maria\r".into())));
    assert!(is_slides(&app));
    assert!(!screen(&app).contains("Maria"));
}

// ---------------------------------------------------------------------------
// Mouse and touch
// ---------------------------------------------------------------------------

#[test]
fn a_click_on_the_green_button_opens_the_form() {
    for (w, h) in [(80, 24), (120, 40), (100, 30)] {
        let app = app_sized(MONDAY_OPEN, w, h);
        let button = footer_button(&app);
        // The drawn prompt is inside the button's rows.
        let text = screen(&app);
        let row = text
            .lines()
            .position(|l| l.contains("Check in: press Enter or tap here"))
            .unwrap_or_else(|| panic!("no button at {w}x{h}:\n{text}"));
        let row = u16::try_from(row).unwrap();
        assert!(
            (button.top()..button.bottom()).contains(&row),
            "the prompt is on row {row}, the button is {button:?}"
        );
        // Every row of the button opens the form, at either end.
        for y in button.top()..button.bottom() {
            for x in [
                button.left(),
                button.right() - 1,
                button.x + button.width / 2,
            ] {
                let mut app = app.clone();
                assert!(app.update(click(x, y)), "click at {x},{y}");
                assert!(is_form(&app), "a click at {x},{y} ({w}x{h}) did not open");
            }
        }
        // The row under it (the note) and the body do not.
        let mut app2 = app.clone();
        app2.update(click(w / 2, button.bottom()));
        assert!(is_slides(&app2), "the note row opened the form");
        let mut app3 = app.clone();
        app3.update(click(w / 2, button.top() - 1));
        assert!(is_slides(&app3), "the row above the button opened the form");
    }
}

#[test]
fn the_green_button_does_nothing_before_checkin_opens() {
    let mut app = app_at(MONDAY_844);
    let button = footer_button(&app);
    app.update(click(button.x + button.width / 2, button.y));
    assert!(is_slides(&app));
    assert!(app.take_effects().is_empty());
}

#[test]
fn clicks_move_between_fields_and_the_button_submits() {
    // The touch that opens the form brings the on-screen keyboard; at
    // 120x40 every question still shows above it (at 80x24 one at a time:
    // see tests/app_touch.rs).
    let mut app = app_sized(MONDAY_OPEN, 120, 40);
    let button = footer_button(&app);
    assert!(app.update(click(button.x + 5, button.y)));
    assert!(is_form(&app));

    let spot0 = spot(&app, FormHit::Field(0));
    let spot2 = spot(&app, FormHit::Field(2));
    app.update(click(spot0.0, spot0.1));
    type_text(&mut app, "José");
    let spot1 = spot(&app, FormHit::Field(1));
    assert!(app.update(click(spot1.0, spot1.1)));
    assert_eq!(form(&app).focused(), 1);
    type_text(&mut app, "García");
    assert!(app.update(click(spot2.0, spot2.1)));
    assert_eq!(form(&app).focused(), 2);
    type_text(&mut app, "4/17/62");

    // The button is where "Check in" is drawn under the fields.
    let submit = cells_hitting(&app, FormHit::Next);
    assert!(!submit.is_empty());
    let text = screen(&app);
    let lines: Vec<&str> = text.lines().collect();
    let button_row = submit[submit.len() / 2].1;
    assert!(
        lines[usize::from(button_row)].contains("Check in"),
        "the middle of the button's rows does not say Check in:\n{text}"
    );
    let field_rows: Vec<u16> = (0..3).map(|i| spot(&app, FormHit::Field(i)).1).collect();
    assert!(field_rows.iter().all(|&r| r < button_row));

    let (x, y) = spot(&app, FormHit::Next);
    assert!(app.update(click(x, y)));
    assert!(matches!(app.screen, Screen::Saving));
    assert_eq!(
        app.take_effects(),
        [Effect::Store(expected_checkin("José", "García"))]
    );
    app.update(Msg::Stored(Ok((new_ticket(2), Some("José".into())))));
    assert!(screen(&app).contains("You're checked in, José."));
}

#[test]
fn clicking_the_button_on_an_empty_form_shows_what_is_missing() {
    let mut app = open_form();
    let (x, y) = spot(&app, FormHit::Next);
    assert!(app.update(click(x, y)));
    assert!(is_form(&app));
    assert!(app.take_effects().is_empty());
    let text = screen(&app);
    assert!(text.contains("Please enter your first name."), "{text}");
    // Right-clicks and releases on the button do nothing.
    let mut other = open_form();
    other.update(mouse(MouseEventKind::Down(MouseButton::Right), x, y));
    other.update(mouse(MouseEventKind::Up(MouseButton::Left), x, y));
    assert!(other.take_effects().is_empty());
    assert!(!screen(&other).contains("Please enter"));
}

#[test]
fn clicks_land_on_the_form_at_every_common_size() {
    for (w, h) in [(80, 24), (100, 30), (120, 40), (60, 20), (40, 12)] {
        let mut app = app_sized(MONDAY_OPEN, w, h);
        app.update(enter());
        type_text(&mut app, "Maria");
        app.update(key(KeyCode::Tab));
        type_text(&mut app, "Lopez");
        app.update(key(KeyCode::Tab));
        type_text(&mut app, "4/17/62");
        let submit = cells_hitting(&app, FormHit::Next);
        assert!(!submit.is_empty(), "no Check in button at {w}x{h}");
        let text = screen(&app);
        let lines: Vec<&str> = text.lines().collect();
        assert!(
            submit
                .iter()
                .any(|&(_, y)| lines[usize::from(y)].contains("Check in")),
            "the button at {w}x{h} is not drawn where it is clicked:\n{text}"
        );
        let (x, y) = submit[submit.len() / 2];
        app.update(click(x, y));
        assert_eq!(app.take_effects().len(), 1, "at {w}x{h}");
    }
}

// ---------------------------------------------------------------------------
// Nothing is left behind
// ---------------------------------------------------------------------------

/// A way out of the check-in screens: its name and what the patient does.
type Ending = (&'static str, fn(&mut App));

#[test]
fn nothing_typed_remains_on_screen_after_any_ending() {
    let endings: [Ending; 5] = [
        ("Esc", |app| {
            app.update(key(KeyCode::Esc));
            app.update(key(KeyCode::Esc));
            app.update(key(KeyCode::Esc));
        }),
        ("idle timeout", |app| {
            let wake = app.now + secs(60);
            tick(app, wake);
        }),
        ("confirmation timed out", |app| {
            submit_and_answer(app, Ok((new_ticket(9), Some(FIRST.into()))));
            let end = app.now + CONFIRMATION;
            tick(app, end);
        }),
        ("confirmation touched", |app| {
            submit_and_answer(app, Ok((duplicate_ticket(9), Some(FIRST.into()))));
            let later = app.now + QUIET;
            tick(app, later);
            app.update(click(0, 0));
        }),
        ("failure dismissed", |app| {
            submit_and_answer(app, Err("disk full".into()));
            let later = app.now + QUIET;
            tick(app, later);
            app.update(key(KeyCode::Char(' ')));
        }),
    ];
    for (name, end) in endings {
        for (w, h) in [(80, 24), (120, 40)] {
            let mut app = app_sized(MONDAY_OPEN, w, h);
            app.update(enter());
            type_text(&mut app, FIRST);
            app.update(key(KeyCode::Tab));
            type_text(&mut app, LAST);
            app.update(key(KeyCode::Tab));
            type_text(&mut app, "04/17/1962");
            end(&mut app);
            assert!(is_slides(&app), "{name}: {:?}", app.screen);
            assert_absent(&app, &[FIRST, LAST, "1962"], name);
            // The next form is empty.
            app.update(enter());
            assert!(form(&app).is_empty(), "{name}");
            assert_absent(&app, &[FIRST, LAST, "1962"], name);
        }
    }
}

fn submit_and_answer(app: &mut App, answer: Result<(Inserted, Option<String>), String>) {
    app.update(enter());
    assert_eq!(app.take_effects().len(), 1);
    app.update(Msg::Stored(answer));
    assert!(matches!(app.screen, Screen::Done { .. }));
}

#[test]
fn the_slides_restart_their_page_time_after_the_form() {
    let mut app = open_form();
    // Twenty minutes pass with the form open (touched every 30 s).
    let t0 = app.now;
    for i in 1..=40 {
        tick(&mut app, t0 + secs(30 * i));
        app.update(key(KeyCode::Char('a')));
    }
    assert!(is_form(&app));
    assert_eq!(texts(&app)[0].len(), 40);
    app.update(key(KeyCode::Esc));
    assert!(is_slides(&app));
    // Back on the slides, the showing page gets its full time again.
    assert_eq!(app.show.page_started, app.now);
}
