//! Every screen of the kiosk and of `kiosk desk`, drawn at every size from
//! 0x0 to 40x15 and at a grid of sizes up to 400x120 (with odd ones such as
//! 1x120 and 400x1): drawing never panics, no cell ever holds a control
//! character, a screen too small says so, and from 80x24 up the words a
//! patient or the staff need are on screen.
//!
//! The screens: slides (a text slide, the clinic slide with its QR code,
//! the closed slide, a staff message, the "⚠ staff" note, no slides at
//! all), the check-in form (empty, half filled with wide and combining
//! characters, with an error, the "Still there?" countdown), saving, the
//! ticket, the PIN prompt (and locked out), the staff screen (the queue,
//! problems, the message prompt) and the front desk.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

use chrono::{DateTime, Duration, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use kiosk::app::{App, Banner, Msg, Screen, StaffScreen};
use kiosk::config::Config;
use kiosk::desk::{self, Desk};
use kiosk::sanitize::is_unsafe;
use kiosk::slides::load_deck;
use kiosk::staff::PinPrompt;
use kiosk::store::{CheckinId, CheckinRecord, Inserted, Status};
use kiosk::ui::{MIN_HEIGHT, MIN_WIDTH, StaffNote};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use unicode_normalization::UnicodeNormalization;
use unicode_width::UnicodeWidthStr;

/// Monday morning: open until 6:00 PM.
const MONDAY_OPEN: &str = "2026-11-23T10:42:00-07:00";
/// Sunday: closed all day.
const SUNDAY_CLOSED: &str = "2026-11-22T12:00:00-07:00";

/// Very narrow, very flat, and just off the sizes the layout changes at.
const ODD_SIZES: &str = "1x120 2x120 16x120 1x40 400x1 400x2 400x15 120x1 23x8 24x7 24x8 59x23 79x23 81x25 100x30 399x119";

/// Every size from 0x0 to 40x15, a grid up to 400x120, and odd ones.
fn sizes() -> Vec<(u16, u16)> {
    let mut sizes: Vec<(u16, u16)> = (0..=40)
        .flat_map(|w| (0..=15).map(move |h| (w, h)))
        .collect();
    // Each width with each height: the narrow and wide header, the one-,
    // two- and four-row footer, the small and big title and ticket number.
    let widths = [41, 60, 80, 133, 200, 267, 400];
    let heights = [16, 24, 30, 45, 60, 120];
    sizes.extend(
        widths
            .iter()
            .flat_map(|&w| heights.iter().map(move |&h| (w, h))),
    );
    sizes.extend(ODD_SIZES.split(' ').map(|size| {
        let (w, h) = size.split_once('x').unwrap();
        (w.parse().unwrap(), h.parse().unwrap())
    }));
    sizes
}

fn bundled() -> Config {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(dir.join("kiosk.toml")).unwrap();
    Config::parse(Path::new("kiosk.toml"), &text, dir)
        .unwrap_or_else(|problems| panic!("the bundled kiosk.toml is invalid: {problems:#?}"))
}

fn at(rfc3339: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(rfc3339).unwrap().to_utc()
}

/// The app as the runtime builds it: bundled settings and slides.
fn app_at(time: &str) -> App {
    let config = bundled();
    let deck = load_deck(&config.kiosk.content_dir);
    assert!(deck.problems.is_empty(), "{:#?}", deck.problems);
    App::new(config, at(time), false)
        .with_deck(deck)
        .with_size(80, 24)
}

fn key(code: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(key(KeyCode::Char(c)));
    }
}

/// The text of the buffer, row by row; the cell after a double-width
/// character (which a terminal never shows) is skipped, and no-break
/// spaces read as spaces.
fn rows(buf: &Buffer) -> Vec<String> {
    let area = buf.area;
    (area.top()..area.bottom())
        .map(|y| {
            let mut line = String::new();
            let mut x = area.left();
            while x < area.right() {
                let symbol = buf[(x, y)].symbol();
                line.push_str(symbol);
                x += u16::try_from(symbol.width().max(1)).unwrap();
            }
            line.replace('\u{A0}', " ")
        })
        .collect()
}

/// One screen to draw at every size.
struct Case {
    name: &'static str,
    draw: Box<dyn Fn(u16, u16) -> Buffer>,
    /// Words that must be on screen from 80x24 up.
    words: Vec<String>,
    /// The kiosk's state, for a kiosk screen (not the desk): below its
    /// least size it says so.
    app: Option<App>,
}

/// `app` told of the new size (as the runtime tells it) and drawn.
fn app_case(name: &'static str, app: App, words: &[&str]) -> Case {
    let state = app.clone();
    let draw = move |w, h| {
        let mut app = app.clone();
        app.update(Msg::Resize(w, h));
        let area = Rect::new(0, 0, w, h);
        let mut buf = Buffer::empty(area);
        (&app).render(area, &mut buf);
        buf
    };
    Case {
        name,
        draw: Box::new(draw),
        words: words.iter().map(|w| (*w).to_string()).collect(),
        app: Some(state),
    }
}

/// Draws `case` at every size and checks each screen.
fn check_every_size(case: &Case) {
    for (w, h) in sizes() {
        let buf = catch_unwind(AssertUnwindSafe(|| (case.draw)(w, h)))
            .unwrap_or_else(|_| panic!("drawing {} at {w}x{h} panicked", case.name));
        assert_eq!(buf.area, Rect::new(0, 0, w, h), "{} at {w}x{h}", case.name);
        for (i, cell) in buf.content().iter().enumerate() {
            let bad = cell.symbol().chars().find(|&c| is_unsafe(c));
            assert!(
                bad.is_none(),
                "{} at {w}x{h}: cell {i} holds {:?}",
                case.name,
                cell.symbol()
            );
        }
        let text = rows(&buf).join("\n");
        let small = w < MIN_WIDTH || h < MIN_HEIGHT;
        if case.app.is_some() && small && w >= 16 && h >= 1 {
            assert!(
                text.contains("Screen too small"),
                "{} at {w}x{h}:\n{text}",
                case.name
            );
        }
        if w >= 16 && h >= 1 {
            assert!(!text.trim().is_empty(), "{}: blank at {w}x{h}", case.name);
        }
        if w >= 80 && h >= 24 {
            for word in &case.words {
                // Accents may be typed as a letter and a combining mark.
                let nfc = |t: &str| t.nfc().collect::<String>();
                assert!(
                    text.contains(word.as_str()) || nfc(&text).contains(&nfc(word)),
                    "{} at {w}x{h} lacks {word:?}:\n{text}",
                    case.name
                );
            }
        }
    }
}

/// `app` showing the first page of the slide in `file`.
fn showing(mut app: App, file: &str) -> App {
    let index = app.deck.slides.iter().position(|s| s.file == file).unwrap();
    assert!(app.eligible().contains(&index), "{file} may not show");
    app.show.slide = Some(index);
    app.show.page = 0;
    app
}

const HEADER: [&str; 3] = ["Lakewood Acupuncture", "OPEN", "Check in"];

fn slide_cases() -> Vec<Case> {
    let text = showing(app_at(MONDAY_OPEN), "010-what-is-acupuncture.md");
    let visit = showing(app_at(MONDAY_OPEN), "900-visit-us.md");
    let closed = showing(app_at(SUNDAY_CLOSED), "910-we-are-closed.md");
    let mut banner = text.clone();
    banner.banner = Some(Banner {
        text: "Dr. Lee is running 20 minutes late".into(),
        until: banner.now + Duration::hours(1),
    });
    let mut problem = text.clone();
    problem.problems.store = Some("a check-in could not be saved: disk I/O error".into());
    let no_slides = App::new(bundled(), at(MONDAY_OPEN), false);
    let with = |extra: &[&'static str]| [&HEADER[..], extra].concat();
    vec![
        app_case("text slide", text, &with(&["Acupuncture is an old"])),
        app_case("clinic slide", visit, &with(&["242-9756", "Lakewood, CO"])),
        app_case(
            "closed slide",
            closed,
            &["CLOSED", "To book a visit", "Check-in opens"],
        ),
        app_case("staff message", banner, &with(&["running 20 minutes late"])),
        app_case("problem note", problem, &with(&["⚠ staff: 1 problem"])),
        app_case("no slides", no_slides, &with(&["This week's hours"])),
    ]
}

#[test]
fn slides_at_every_size() {
    for case in slide_cases() {
        check_every_size(&case);
    }
}

/// The check-in form open on Monday morning.
fn form() -> App {
    let mut app = app_at(MONDAY_OPEN);
    app.update(key(KeyCode::Enter));
    assert!(matches!(app.screen, Screen::CheckIn(_)));
    app
}

fn checkin_cases() -> Vec<Case> {
    let mut half = form();
    // A combining diaeresis, a precomposed Vietnamese name, Chinese.
    type_text(&mut half, "Zoe\u{308} Nguyễn");
    half.update(key(KeyCode::Tab));
    type_text(&mut half, "李小龙");
    half.update(key(KeyCode::Tab));
    let mut error = half.clone();
    type_text(&mut error, "17/04/1962");
    error.update(key(KeyCode::Enter));
    assert!(matches!(error.screen, Screen::CheckIn(_)));
    let mut still = half.clone();
    let later = still.now + Duration::seconds(53);
    still.update(Msg::Tick(later));
    let mut saving = error.clone();
    for _ in 0.."17/04/1962".len() {
        saving.update(key(KeyCode::Backspace));
    }
    type_text(&mut saving, "4/17/62");
    saving.update(key(KeyCode::Enter));
    assert!(
        matches!(saving.screen, Screen::Saving),
        "{:?}",
        saving.screen
    );
    let mut done = saving.clone();
    let new = Inserted::New {
        ticket: 14,
        id: CheckinId(14),
    };
    done.update(Msg::Stored(Ok((new, Some("Zoë".into())))));
    assert!(matches!(done.screen, Screen::Done { .. }));
    vec![
        app_case(
            "empty form",
            form(),
            &["First name", "Last name", "Date of birth"],
        ),
        app_case(
            "half-filled form",
            half,
            &["Zoe\u{308} Nguyễn", "李小龙", "MM/DD/YYYY"],
        ),
        app_case("form with an error", error, &["the month comes first"]),
        app_case("still there", still, &["Still there?", "李小龙"]),
        app_case("saving", saving, &["One moment"]),
        app_case(
            "ticket",
            done,
            &["You're checked in, Zoë.", "Your number is"],
        ),
    ]
}

#[test]
fn checkin_at_every_size() {
    for case in checkin_cases() {
        check_every_size(&case);
    }
}

/// `hh:mm:ss` on Monday 2026-11-23 in Denver.
fn monday(time: &str) -> DateTime<Utc> {
    at(&format!("2026-11-23T{time}-07:00"))
}

fn record(ticket: u32, time: &str, status: Status, first: &str, last: &str) -> CheckinRecord {
    let t = monday(time);
    CheckinRecord {
        language: "en".into(),
        id: CheckinId(i64::from(ticket)),
        ticket,
        checked_in_at: t,
        local_date: t.with_timezone(&chrono_tz::America::Denver).date_naive(),
        status,
        status_changed_at: t,
        fields: vec![
            ("first_name".into(), first.into()),
            ("last_name".into(), last.into()),
        ],
        identity: String::new(),
        repeats: 0,
        last_repeat_at: None,
        source: kiosk::store::Source::Kiosk,
    }
}

/// Four check-ins, one of them with hostile characters in its name.
fn records() -> Vec<CheckinRecord> {
    vec![
        record(1, "09:02:00", Status::Seen, "José", "García"),
        record(2, "09:41:00", Status::Called, "李小龙", "Li"),
        record(3, "10:05:00", Status::Waiting, "Nguyễn Thị", "Minh Khai"),
        record(
            4,
            "10:30:00",
            Status::Waiting,
            "Evil\u{1b}]0;x\u{7}",
            "\u{9b}31mName\u{202e}",
        ),
    ]
}

/// The staff screen with today's queue read.
fn staff_app() -> App {
    let mut app = app_at(MONDAY_OPEN);
    app.screen = Screen::Staff(Box::new(StaffScreen::new(&app.config, app.now)));
    let loaded = desk::Msg::Loaded {
        records: records(),
        at: app.now,
    };
    app.update(Msg::Desk(loaded));
    app
}

fn pin_app(note: Option<StaffNote>) -> App {
    let mut app = app_at(MONDAY_OPEN);
    let mut prompt = PinPrompt::new(app.now);
    for c in "246".chars() {
        prompt.key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE), app.now);
    }
    app.screen = Screen::Pin { prompt, note };
    app
}

fn staff_cases() -> Vec<Case> {
    let tz = chrono_tz::America::Denver;
    let until = monday("10:47:00");
    let mut problems = staff_app();
    let broken = tempfile::tempdir().unwrap();
    std::fs::write(broken.path().join("010-broken.md"), "+++\ntitle = \n+++\n").unwrap();
    problems.problems.content = load_deck(broken.path()).problems;
    assert!(!problems.problems.content.is_empty());
    problems.problems.store = Some("a check-in could not be saved: disk I/O error".into());
    let mut message = staff_app();
    message.update(key(KeyCode::Char('m')));
    type_text(&mut message, "Dr. Lee is late");
    vec![
        app_case(
            "PIN prompt",
            pin_app(None),
            &["Enter the staff PIN", "• • •"],
        ),
        app_case(
            "PIN locked",
            pin_app(Some(StaffNote::locked(until, tz))),
            &["Locked until 10:47 AM"],
        ),
        app_case(
            "staff queue",
            staff_app(),
            &["Front desk", "李小龙", "Nguyễn Thị", "No problems"],
        ),
        app_case(
            "staff problems",
            problems,
            &["010-broken.md", "disk I/O error"],
        ),
        app_case(
            "staff notice form",
            message,
            &["Notice for the waiting room", "Dr. Lee is late"],
        ),
    ]
}

#[test]
fn staff_screens_at_every_size() {
    for case in staff_cases() {
        check_every_size(&case);
    }
}

fn desk_case(name: &'static str, desk: Desk, words: &[&str]) -> Case {
    let draw = move |w, h| {
        let area = Rect::new(0, 0, w, h);
        let mut buf = Buffer::empty(area);
        (&desk).render(area, &mut buf);
        buf
    };
    Case {
        name,
        draw: Box::new(draw),
        words: words.iter().map(|w| (*w).to_string()).collect(),
        app: None,
    }
}

#[test]
fn the_front_desk_at_every_size() {
    let config = bundled();
    let mut busy = Desk::new(&config, monday("10:42:00"));
    busy.update(desk::Msg::Loaded {
        records: records(),
        at: monday("10:42:00"),
    });
    let mut empty = Desk::new(&config, monday("08:55:00"));
    empty.update(desk::Msg::Loaded {
        records: Vec::new(),
        at: monday("08:55:00"),
    });
    let unread = Desk::new(&config, monday("08:55:00"));
    let cases = [
        desk_case(
            "desk queue",
            busy,
            &["Front desk", "José García", "李小龙 Li", "Waiting 2"],
        ),
        desk_case("empty desk", empty, &["Front desk", "Waiting 0"]),
        desk_case("desk before the first read", unread, &["Front desk"]),
    ];
    for case in &cases {
        check_every_size(case);
    }
}

/// The runtime tells the app of a new size with a message, but draws into
/// whatever size the terminal has at that moment; when the window changes
/// twice in quick succession the two can differ for a frame. Every kiosk
/// screen drawn at a size the app has not heard of yet: no panic, no
/// control characters, and a screen big enough is never left blank.
#[test]
fn every_screen_drawn_before_the_app_hears_of_a_resize() {
    let sizes = [(1, 1), (24, 8), (40, 12), (80, 24), (200, 60), (300, 100)];
    let cases = [slide_cases(), checkin_cases(), staff_cases()];
    let apps: Vec<(&'static str, App)> = cases
        .into_iter()
        .flatten()
        .map(|case| (case.name, case.app.expect("a kiosk screen")))
        .collect();
    for (name, app) in &apps {
        for &(known_w, known_h) in &sizes {
            let mut app = app.clone();
            app.update(Msg::Resize(known_w, known_h));
            for &(w, h) in &sizes {
                let area = Rect::new(0, 0, w, h);
                let mut buf = Buffer::empty(area);
                catch_unwind(AssertUnwindSafe(|| (&app).render(area, &mut buf))).unwrap_or_else(
                    |_| panic!("{name} for {known_w}x{known_h} drawn at {w}x{h} panicked"),
                );
                let unsafe_cell = buf
                    .content()
                    .iter()
                    .find(|c| c.symbol().chars().any(is_unsafe));
                assert!(
                    unsafe_cell.is_none(),
                    "{name} {known_w}x{known_h} at {w}x{h}"
                );
                let text = rows(&buf).concat();
                assert!(
                    !text.trim().is_empty(),
                    "{name} for {known_w}x{known_h} blank at {w}x{h}"
                );
            }
        }
    }
}
