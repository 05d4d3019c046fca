//! The slideshow's logic through the app's public API: moving on when a
//! page's time is up, keys and taps, which slides may show when, and
//! reloading slides and `kiosk.toml` while running.
//!
//! Every moment is fixed; nothing here reads the clock or sleeps. Slide
//! folders are written to temporary folders and read with `load_deck`, as
//! the runtime does after a change.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Duration, Utc};
use crossterm::event::{
    KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use kiosk::app::{App, Msg, merge_reload};
use kiosk::config::{Config, ConfigError};
use kiosk::slides::{Deck, load_deck};
use kiosk::slideshow::{PAUSE, Slideshow};
use kiosk::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use tempfile::TempDir;

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

/// Monday 2026-11-23, open 9:00 AM to 6:00 PM.
const MONDAY_OPEN: &str = "2026-11-23T10:42:00-07:00";

fn at(rfc3339: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(rfc3339).unwrap().to_utc()
}

fn ms(n: i64) -> Duration {
    Duration::milliseconds(n)
}

fn secs(n: i64) -> Duration {
    Duration::seconds(n)
}

fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn bundled_text() -> String {
    fs::read_to_string(manifest_dir().join("kiosk.toml")).unwrap()
}

/// The bundled `kiosk.toml` (slide_seconds = 20), checked.
fn bundled() -> Config {
    Config::parse(Path::new("kiosk.toml"), &bundled_text(), manifest_dir())
        .unwrap_or_else(|problems| panic!("the bundled kiosk.toml is invalid: {problems:#?}"))
}

/// The bundled `kiosk.toml` with the closures of
/// `tests/fixtures/closures.toml` (Thanksgiving, Christmas, New Year's Day).
fn bundled_with_closures() -> Config {
    let closures = fs::read_to_string(manifest_dir().join("tests/fixtures/closures.toml")).unwrap();
    let text = format!("{}\n{closures}", bundled_text());
    Config::parse(Path::new("kiosk.toml"), &text, manifest_dir())
        .unwrap_or_else(|problems| panic!("the closures fixture is invalid: {problems:#?}"))
}

/// A slide folder in a temporary directory.
struct Content {
    dir: TempDir,
}

impl Content {
    fn new() -> Self {
        Self {
            dir: tempfile::Builder::new()
                .prefix("kiosk-slides-")
                .tempdir()
                .unwrap(),
        }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn write(&self, name: &str, text: &str) -> &Self {
        fs::write(self.path().join(name), text).unwrap();
        self
    }

    fn remove(&self, name: &str) {
        fs::remove_file(self.path().join(name)).unwrap();
    }

    /// The folder read as the runtime reads it.
    fn deck(&self) -> Deck {
        load_deck(self.path())
    }
}

/// A slide file: `title`, extra front-matter lines, then `body`.
fn slide(title: &str, front: &str, body: &str) -> String {
    format!("+++\ntitle = \"{title}\"\n{front}\n+++\n{body}\n")
}

/// The app as the runtime builds it, reading `content`, at `time`, on an
/// 80x24 screen.
fn app_with(content: &Content, time: DateTime<Utc>) -> App {
    app_with_config(bundled(), content, time)
}

fn app_with_config(mut config: Config, content: &Content, time: DateTime<Utc>) -> App {
    config.kiosk.content_dir = content.path().to_path_buf();
    App::new(config, time, false)
        .with_deck(content.deck())
        .with_size(80, 24)
}

/// The file name of the showing slide, or `None` for the clinic screen.
fn showing(app: &App) -> Option<String> {
    app.current_slide().map(|s| s.file.clone())
}

fn file(name: &str) -> Option<String> {
    Some(name.to_string())
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

/// When the showing page's time is up.
fn page_end(app: &App) -> DateTime<Utc> {
    app.show.page_end(app.page_duration())
}

/// The slides shown over one full round of → presses, in order, starting
/// from the showing one. The app is left where it was.
fn round(app: &App) -> Vec<String> {
    let mut app = app.clone();
    let mut seen: Vec<String> = Vec::new();
    for _ in 0..=app.deck.slides.len() * 8 {
        match showing(&app) {
            Some(f) if seen.first() == Some(&f) && app.show.page == 0 => break,
            Some(f) => {
                if seen.last() != Some(&f) {
                    seen.push(f);
                }
            }
            None => break,
        }
        app.update(key(KeyCode::Right));
    }
    seen
}

/// Three short slides, with their own durations (or the default, 20 s).
fn three_slides() -> Content {
    let content = Content::new();
    content
        .write("010-a.md", &slide("Alpha", "duration = 10", "Alpha text."))
        .write("020-b.md", &slide("Bravo", "duration = 7", "Bravo text."))
        .write("030-c.md", &slide("Charlie", "", "Charlie text."));
    content
}

/// A slide that needs several pages at 80x24.
fn long_slide() -> String {
    let body: Vec<String> = (1..=30)
        .map(|i| format!("Paragraph number {i} of the long slide."))
        .collect();
    slide("Long", "duration = 5", &body.join("\n\n"))
}

// ---------------------------------------------------------------------------
// Moving on by itself
// ---------------------------------------------------------------------------

#[test]
fn a_slide_gives_way_exactly_when_its_time_is_up() {
    let content = three_slides();
    let t0 = at(MONDAY_OPEN);
    let mut app = app_with(&content, t0);
    assert_eq!(showing(&app), file("010-a.md"));
    assert_eq!(app.page_duration(), secs(10));
    assert_eq!(page_end(&app), t0 + secs(10));

    tick(&mut app, t0 + secs(10) - ms(1));
    assert_eq!(showing(&app), file("010-a.md"), "a millisecond early");
    tick(&mut app, t0 + secs(10));
    assert_eq!(showing(&app), file("020-b.md"), "exactly on time");
    // The new slide gets its own full time from the moment it showed.
    assert_eq!(app.show.page_started, t0 + secs(10));
    assert_eq!(app.page_duration(), secs(7));

    let t1 = t0 + secs(17);
    tick(&mut app, t1 - ms(1));
    assert_eq!(showing(&app), file("020-b.md"));
    // A late tick moves on too, and the next slide's time starts then.
    tick(&mut app, t1 + secs(3));
    assert_eq!(showing(&app), file("030-c.md"));
    assert_eq!(app.show.page_started, t1 + secs(3));
    // No duration of its own: slide_seconds from kiosk.toml.
    assert_eq!(app.page_duration(), secs(20));

    let t2 = t1 + secs(23);
    tick(&mut app, t2 - ms(1));
    assert_eq!(showing(&app), file("030-c.md"));
    tick(&mut app, t2);
    assert_eq!(showing(&app), file("010-a.md"), "after the last, the first");
}

#[test]
fn the_pages_of_a_long_slide_come_before_the_next_slide() {
    let content = Content::new();
    content
        .write("010-long.md", &long_slide())
        .write("020-next.md", &slide("Next", "duration = 5", "Next text."));
    let t0 = at(MONDAY_OPEN);
    let mut app = app_with(&content, t0);
    let pages = app.slide_layout().unwrap().pages();
    assert!(pages >= 3, "the long slide has only {pages} pages at 80x24");
    let mut t = t0;
    for page in 0..pages {
        assert_eq!((showing(&app), app.show.page), (file("010-long.md"), page));
        let text = screen(&app);
        assert!(
            text.contains(&format!("Page {} of {pages}", page + 1)),
            "{text}"
        );
        // Each page gets the slide's full duration.
        assert_eq!(page_end(&app), t + secs(5));
        tick(&mut app, t + secs(5) - ms(1));
        assert_eq!(app.show.page, page);
        t += secs(5);
        tick(&mut app, t);
    }
    assert_eq!((showing(&app), app.show.page), (file("020-next.md"), 0));
}

/// Runs the app as the runtime does, always waking at `next_wake()`, and
/// checks at every step that the wake-up is after now and no later than the
/// page's end, and that the slide moves on exactly at each page's end.
fn run_by_wakes(app: &mut App, steps: usize) -> Vec<(DateTime<Utc>, Option<String>, usize)> {
    let mut changes = Vec::new();
    for _ in 0..steps {
        let now = app.now;
        let wake = app.next_wake();
        assert!(wake > now, "next_wake {wake} is not after now {now}");
        let end = page_end(app);
        if app.current_slide().is_some() {
            assert!(wake <= end, "next_wake {wake} is after the page end {end}");
        }
        assert!(
            wake <= now + secs(60),
            "next_wake {wake} is over a minute away"
        );
        let before = (showing(app), app.show.page);
        let pages = app.slide_layout().map_or(1, |l| l.pages());
        let moves = app.eligible().len() > 1 || pages > 1;
        tick(app, wake);
        let after = (showing(app), app.show.page);
        if wake < end {
            assert_eq!(
                before, after,
                "moved on at {wake}, before the page end {end}"
            );
        } else if moves {
            assert_ne!(before, after, "did not move on at the page end {end}");
        }
        if before != after {
            changes.push((wake, after.0, after.1));
        }
    }
    changes
}

#[test]
fn woken_only_when_asked_the_show_moves_on_exactly_on_time() {
    let content = three_slides();
    content.write("040-long.md", &long_slide());
    let t0 = at(MONDAY_OPEN);
    let mut app = app_with(&content, t0);
    let pages = app
        .clone()
        .tap(|a| a.show.slide = Some(3))
        .slide_layout()
        .unwrap()
        .pages();
    let changes = run_by_wakes(&mut app, 400);
    // The first round: 10 s, 7 s, 20 s, then every page of the long slide
    // at 5 s each, then the first slide again.
    let mut expected = vec![
        (t0 + secs(10), file("020-b.md"), 0),
        (t0 + secs(17), file("030-c.md"), 0),
    ];
    let mut t = t0 + secs(37);
    for page in 0..pages {
        expected.push((t, file("040-long.md"), page));
        t += secs(5);
    }
    expected.push((t, file("010-a.md"), 0));
    assert!(changes.len() > expected.len(), "{changes:#?}");
    assert_eq!(changes[..expected.len()], expected[..]);
}

#[test]
fn next_wake_holds_at_odd_sizes_and_while_paused() {
    let content = three_slides();
    let t0 = at("2026-11-23T10:42:17.345-07:00");
    for (w, h) in [(80, 24), (24, 8), (37, 11), (200, 60), (10, 3)] {
        let mut app = app_with(&content, t0).with_size(w, h);
        run_by_wakes(&mut app, 120);
        app.update(key(KeyCode::Right));
        assert!(app.show.is_paused(app.now));
        run_by_wakes(&mut app, 120);
    }
}

/// `tap` for readability in tests that tweak a copy.
trait Tap: Sized {
    fn tap(self, f: impl FnOnce(&mut Self)) -> Self;
}

impl Tap for App {
    fn tap(mut self, f: impl FnOnce(&mut Self)) -> Self {
        f(&mut self);
        self
    }
}

// ---------------------------------------------------------------------------
// Keys and taps
// ---------------------------------------------------------------------------

#[test]
fn right_and_page_down_move_on_and_pause() {
    for code in [KeyCode::Right, KeyCode::PageDown] {
        let content = three_slides();
        let t0 = at(MONDAY_OPEN);
        let mut app = app_with(&content, t0);
        let t = t0 + secs(4);
        tick(&mut app, t);
        assert!(app.update(key(code)), "{code:?} changes the screen");
        assert_eq!(showing(&app), file("020-b.md"), "{code:?}");
        assert!(app.show.is_paused(t));
        assert!(screen(&app).contains("Paused"), "{}", screen(&app));
        // Held for the pause, then the slide's full 7 s.
        assert_eq!(page_end(&app), t + PAUSE + secs(7));
        tick(&mut app, t + PAUSE);
        assert_eq!(showing(&app), file("020-b.md"));
        assert!(!app.show.is_paused(app.now));
        assert!(!screen(&app).contains("Paused"));
        tick(&mut app, t + PAUSE + secs(7) - ms(1));
        assert_eq!(showing(&app), file("020-b.md"));
        tick(&mut app, t + PAUSE + secs(7));
        assert_eq!(showing(&app), file("030-c.md"));
        assert!(!app.show.is_paused(app.now));
    }
}

/// When a pause ends the screen changes by itself ("Paused" goes and the
/// progress bar starts to fill), so the runtime must be woken then, not
/// only at the end of the page.
#[test]
fn the_kiosk_wakes_when_a_pause_ends() {
    let content = three_slides();
    let t0 = at("2026-11-23T10:42:10-07:00");
    let mut app = app_with(&content, t0);
    app.update(key(KeyCode::Right));
    let pause_end = t0 + PAUSE;
    let mut wakes = Vec::new();
    while app.now < pause_end {
        let wake = app.next_wake();
        wakes.push(wake);
        tick(&mut app, wake);
    }
    assert_eq!(
        app.now, pause_end,
        "no wake-up at the end of the pause ({pause_end}); wakes: {wakes:?}"
    );
    assert!(!screen(&app).contains("Paused"), "{}", screen(&app));
}

#[test]
fn left_and_page_up_go_back_and_pause() {
    for code in [KeyCode::Left, KeyCode::PageUp] {
        let content = three_slides();
        let t0 = at(MONDAY_OPEN);
        let mut app = app_with(&content, t0);
        // From the first slide, back is the last.
        app.update(key(code));
        assert_eq!(showing(&app), file("030-c.md"), "{code:?}");
        assert!(app.show.is_paused(t0));
        app.update(key(code));
        assert_eq!(showing(&app), file("020-b.md"), "{code:?}");
        assert_eq!(page_end(&app), t0 + PAUSE + secs(7));
        tick(&mut app, t0 + PAUSE + secs(7) - ms(1));
        assert_eq!(showing(&app), file("020-b.md"));
        tick(&mut app, t0 + PAUSE + secs(7));
        assert_eq!(showing(&app), file("030-c.md"));
    }
}

#[test]
fn keys_move_page_by_page_through_a_long_slide() {
    let content = Content::new();
    content
        .write("010-long.md", &long_slide())
        .write("020-next.md", &slide("Next", "", "Next text."));
    let mut app = app_with(&content, at(MONDAY_OPEN));
    let pages = app.slide_layout().unwrap().pages();
    for page in 1..pages {
        app.update(key(KeyCode::PageDown));
        assert_eq!((showing(&app), app.show.page), (file("010-long.md"), page));
    }
    app.update(key(KeyCode::Right));
    assert_eq!((showing(&app), app.show.page), (file("020-next.md"), 0));
    app.update(key(KeyCode::Left));
    // Back lands on the previous slide's first page.
    assert_eq!((showing(&app), app.show.page), (file("010-long.md"), 0));
}

#[test]
fn other_keys_and_key_releases_do_nothing() {
    let content = three_slides();
    let mut app = app_with(&content, at(MONDAY_OPEN));
    let before: Slideshow = app.show;
    let release =
        KeyEvent::new_with_kind(KeyCode::Right, KeyModifiers::NONE, KeyEventKind::Release);
    for msg in [
        Msg::Key(release),
        key(KeyCode::Char('q')),
        key(KeyCode::Esc),
        key(KeyCode::Up),
        key(KeyCode::Down),
        key(KeyCode::Home),
    ] {
        app.update(msg.clone());
        assert_eq!(app.show, before, "{msg:?}");
    }
}

/// The body's rows and columns at the app's size.
fn body(app: &App) -> Rect {
    ui::regions(Rect::new(0, 0, app.size.0, app.size.1))
        .unwrap()
        .body
}

#[test]
fn taps_on_the_body_go_back_forward_or_pause() {
    let content = three_slides();
    for (w, h) in [(80, 24), (120, 40), (40, 12)] {
        let t0 = at(MONDAY_OPEN);
        let fresh = || app_with(&content, t0).with_size(w, h);
        let area = body(&fresh());
        let third = area.width / 3;
        let rows = [area.y, area.y + area.height / 2, area.bottom() - 1];
        for row in rows {
            // Left third: back (from the first slide, to the last).
            for column in [area.x, area.x + third - 1] {
                let mut app = fresh();
                assert!(app.update(click(column, row)));
                assert_eq!(showing(&app), file("030-c.md"), "{w}x{h} at {column},{row}");
                assert!(app.show.is_paused(t0));
            }
            // Right third: forward.
            for column in [area.right() - third, area.right() - 1] {
                let mut app = fresh();
                assert!(app.update(click(column, row)));
                assert_eq!(showing(&app), file("020-b.md"), "{w}x{h} at {column},{row}");
                assert!(app.show.is_paused(t0));
            }
            // Middle: holds the same slide still.
            for column in [
                area.x + third,
                area.x + area.width / 2,
                area.right() - third - 1,
            ] {
                let mut app = fresh();
                assert!(app.update(click(column, row)));
                assert_eq!(showing(&app), file("010-a.md"), "{w}x{h} at {column},{row}");
                assert!(app.show.is_paused(t0));
                assert_eq!(page_end(&app), t0 + PAUSE + secs(10));
            }
        }
    }
}

#[test]
fn taps_on_the_header_and_other_buttons_do_nothing() {
    let content = three_slides();
    let t0 = at(MONDAY_OPEN);
    for (w, h) in [(80, 24), (120, 40), (40, 12)] {
        let fresh = app_with(&content, t0).with_size(w, h);
        let header = ui::regions(Rect::new(0, 0, w, h)).unwrap().header;
        let mut taps = Vec::new();
        for row in header.y..header.bottom() {
            for column in [0, w / 6, w / 2, w - w / 6, w - 1] {
                taps.push(click(column, row));
            }
        }
        let (cx, cy) = (w - 2, body(&fresh).y + 2);
        for kind in [
            MouseEventKind::Down(MouseButton::Right),
            MouseEventKind::Down(MouseButton::Middle),
            MouseEventKind::Up(MouseButton::Left),
            MouseEventKind::Moved,
            MouseEventKind::ScrollDown,
        ] {
            taps.push(Msg::Mouse(MouseEvent {
                kind,
                column: cx,
                row: cy,
                modifiers: KeyModifiers::NONE,
            }));
        }
        for msg in taps {
            let mut app = fresh.clone();
            assert!(!app.update(msg.clone()), "{w}x{h}: {msg:?} claims a change");
            assert_eq!(app.show, fresh.show, "{w}x{h}: {msg:?}");
            assert_eq!(screen(&app), screen(&fresh), "{w}x{h}: {msg:?}");
        }
    }
}

// ---------------------------------------------------------------------------
// Which slides may show when
// ---------------------------------------------------------------------------

/// One slide for each kind of window.
fn windowed() -> Content {
    let content = Content::new();
    content
        .write("010-any.md", &slide("Any", "", "Any time."))
        .write(
            "020-closed.md",
            &slide("Closed", "when = \"closed\"", "We are closed."),
        )
        .write(
            "030-mondays.md",
            &slide("Mondays", "days = [\"monday\"]", "Mondays."),
        )
        .write(
            "040-lunch.md",
            &slide("Lunch", "time = \"12:00-13:00\"", "Lunch."),
        )
        .write(
            "050-friday-night.md",
            &slide(
                "Friday night",
                "days = [\"friday\"]\ntime = \"22:00-02:00\"",
                "Friday night.",
            ),
        )
        .write(
            "060-december.md",
            &slide(
                "December",
                "from = \"2026-12-01\"\nuntil = \"2026-12-24\"",
                "December.",
            ),
        )
        .write(
            "070-open-lunch.md",
            &slide(
                "Open at lunch",
                "when = \"open\"\ntime = \"12:00-13:00\"",
                "Open at lunch.",
            ),
        );
    content
}

#[test]
fn only_slides_inside_their_window_are_shown() {
    let content = windowed();
    assert!(
        content.deck().problems.is_empty(),
        "{:#?}",
        content.deck().problems
    );
    // (clinic time, what it is, the slides shown in a round)
    let cases = [
        // Monday: open 9:00 to 18:00.
        ("11-23T08:59", "before opening", "any closed mondays"),
        ("11-23T10:42", "morning", "any mondays"),
        ("11-23T12:00", "at noon", "any mondays lunch open-lunch"),
        ("11-23T12:59", "lunch ends", "any mondays lunch open-lunch"),
        ("11-23T13:00", "after lunch", "any mondays"),
        ("11-23T18:00", "closing time", "any closed mondays"),
        ("11-24T12:30", "Tuesday lunch", "any lunch open-lunch"),
        // Thanksgiving, a closure in tests/fixtures/closures.toml: lunch
        // time, but closed.
        ("11-26T12:30", "closure", "any closed lunch"),
        // Friday night 22:00 to Saturday 2:00, across midnight.
        ("11-27T21:59", "Friday evening", "any closed"),
        ("11-27T22:00", "Friday night", "any closed friday-night"),
        ("11-28T01:59", "Saturday 1:59", "any closed friday-night"),
        ("11-28T02:00", "Saturday 2:00", "any closed"),
        ("11-28T23:00", "Saturday night", "any closed"),
        // from and until are whole days, both included.
        ("11-30T23:59", "before from", "any closed mondays"),
        ("12-01T00:00", "first day", "any closed december"),
        ("12-24T23:59", "last day", "any closed december"),
    ];
    for (time, what, expected) in cases {
        let time = format!("2026-{time}:00-07:00");
        let app = app_with_config(bundled_with_closures(), &content, at(&time));
        let shown: Vec<String> = round(&app)
            .into_iter()
            .map(|f| f[4..f.len() - 3].to_string())
            .collect();
        assert_eq!(shown.join(" "), expected, "{what} ({time})");
    }
    // The day after `until`: Christmas Day, a closure.
    let app = app_with_config(
        bundled_with_closures(),
        &content,
        at("2026-12-25T10:00:00-07:00"),
    );
    assert_eq!(round(&app), ["010-any.md", "020-closed.md"]);
}

#[test]
fn with_no_slide_to_show_the_clinic_screen_shows() {
    let content = Content::new();
    content.write(
        "010-closed.md",
        &slide("Closed", "when = \"closed\"", "We are closed."),
    );
    let mut app = app_with(&content, at(MONDAY_OPEN));
    assert_eq!(app.current_slide(), None);
    assert_eq!(app.show.slide, None);
    let text = screen(&app);
    assert!(text.contains("This week's hours"), "{text}");
    assert!(!text.contains("We are closed."), "{text}");
    // Keys, taps and time change nothing and never panic.
    for msg in [
        key(KeyCode::Right),
        key(KeyCode::Left),
        click(5, 10),
        click(70, 10),
    ] {
        app.update(msg);
        assert_eq!(app.current_slide(), None);
    }
    let wake = app.next_wake();
    assert!(wake > app.now && wake <= app.now + secs(60));
    tick(&mut app, wake);
    assert!(screen(&app).contains("This week's hours"));

    // An empty folder, and a missing one, too.
    let empty = Content::new();
    let app = app_with(&empty, at(MONDAY_OPEN));
    assert_eq!(app.current_slide(), None);
    assert!(screen(&app).contains("This week's hours"));
    let mut config = bundled();
    config.kiosk.content_dir = empty.path().join("missing");
    let app = App::new(config, at(MONDAY_OPEN), false)
        .with_deck(load_deck(&empty.path().join("missing")))
        .with_size(80, 24);
    assert_eq!(app.current_slide(), None);
    assert_eq!(app.problems.content.len(), 1);
    assert!(screen(&app).contains("This week's hours"));
}

#[test]
fn the_closed_slide_gives_way_at_the_first_tick_after_opening() {
    let content = Content::new();
    content
        .write(
            "010-closed.md",
            &slide("Closed now", "when = \"closed\"\nduration = 600", "Closed."),
        )
        .write(
            "020-open.md",
            &slide("Open now", "when = \"open\"\nduration = 600", "Open."),
        );
    let before = at("2026-11-23T08:59:30-07:00");
    let opening = at("2026-11-23T09:00:00-07:00");
    let mut app = app_with(&content, before);
    assert_eq!(showing(&app), file("010-closed.md"));
    // The runtime is woken no later than the opening.
    assert!(app.next_wake() <= opening, "{}", app.next_wake());
    tick(&mut app, opening - ms(1));
    assert_eq!(showing(&app), file("010-closed.md"));
    tick(&mut app, opening);
    assert_eq!(showing(&app), file("020-open.md"));
    assert_eq!(app.show.page_started, opening);
    let text = screen(&app);
    assert!(text.contains("Open now") && text.contains("OPEN"), "{text}");
    // And back at closing time.
    let closing = at("2026-11-23T18:00:00-07:00");
    tick(&mut app, closing - secs(1));
    assert_eq!(showing(&app), file("020-open.md"));
    tick(&mut app, closing);
    assert_eq!(showing(&app), file("010-closed.md"));
}

#[test]
fn a_slide_that_is_paused_still_gives_way_when_it_may_no_longer_show() {
    let content = Content::new();
    content
        .write(
            "010-closed.md",
            &slide("Closed now", "when = \"closed\"", "Closed."),
        )
        .write("020-any.md", &slide("Any", "", "Any."));
    let mut app = app_with(&content, at("2026-11-23T08:59:50-07:00"));
    assert_eq!(showing(&app), file("010-closed.md"));
    app.update(click(40, 12));
    assert!(app.show.is_paused(app.now));
    tick(&mut app, at("2026-11-23T09:00:00-07:00"));
    assert_eq!(showing(&app), file("020-any.md"));
}

// ---------------------------------------------------------------------------
// Reloading slides
// ---------------------------------------------------------------------------

#[test]
fn slides_added_changed_and_deleted_while_running() {
    let content = Content::new();
    content.write("010-first.md", &slide("First", "", "The first slide."));
    let t0 = at(MONDAY_OPEN);
    let mut app = app_with(&content, t0);
    assert_eq!(round(&app), ["010-first.md"]);

    // Added: it joins the show, and the showing slide stays.
    content.write(
        "020-new.md",
        &slide("Brand new", "", "Fresh text, version one."),
    );
    assert!(app.update(Msg::DeckLoaded(content.deck())));
    assert_eq!(showing(&app), file("010-first.md"));
    assert_eq!(round(&app), ["010-first.md", "020-new.md"]);
    app.update(key(KeyCode::Right));
    assert_eq!(showing(&app), file("020-new.md"));
    assert!(screen(&app).contains("Fresh text, version one."));

    // Changed while showing: the new text is drawn, on the same slide.
    content.write(
        "020-new.md",
        &slide("Brand new", "", "Fresh text, version two."),
    );
    app.update(Msg::DeckLoaded(content.deck()));
    assert_eq!(showing(&app), file("020-new.md"));
    let text = screen(&app);
    assert!(
        text.contains("version two") && !text.contains("version one"),
        "{text}"
    );

    // A slide added before it: the same slide keeps showing, page and time.
    let before = app.show;
    content.write("005-early.md", &slide("Early", "", "Early text."));
    app.update(Msg::DeckLoaded(content.deck()));
    assert_eq!(showing(&app), file("020-new.md"));
    assert_eq!(
        (app.show.page, app.show.page_started),
        (before.page, before.page_started)
    );
    content.remove("005-early.md");
    app.update(Msg::DeckLoaded(content.deck()));
    assert_eq!(showing(&app), file("020-new.md"));

    // Deleted while showing: it is gone and another slide shows.
    content.remove("020-new.md");
    app.update(Msg::DeckLoaded(content.deck()));
    assert_eq!(showing(&app), file("010-first.md"));
    assert_eq!(round(&app), ["010-first.md"]);
    assert!(!screen(&app).contains("Fresh text"));
    assert!(app.problems.content.is_empty());

    // Every slide deleted: the clinic screen.
    content.remove("010-first.md");
    app.update(Msg::DeckLoaded(content.deck()));
    assert_eq!(app.current_slide(), None);
    assert!(screen(&app).contains("This week's hours"));
}

#[test]
fn a_broken_edit_keeps_the_last_good_version_and_names_the_mistake() {
    let content = Content::new();
    content
        .write("010-first.md", &slide("First", "", "The first slide."))
        .write("020-news.md", &slide("News", "", "The good version."));
    let mut app = app_with(&content, at(MONDAY_OPEN));
    app.update(key(KeyCode::Right));
    assert_eq!(showing(&app), file("020-news.md"));

    // A misspelt setting on line 3.
    content.write(
        "020-news.md",
        "+++\ntitle = \"News\"\ndurashun = 5\n+++\nThe broken version.\n",
    );
    assert!(app.update(Msg::DeckLoaded(content.deck())));
    assert_eq!(showing(&app), file("020-news.md"));
    let text = screen(&app);
    assert!(text.contains("The good version."), "{text}");
    assert!(!text.contains("broken"), "{text}");
    assert_eq!(app.problems.content.len(), 1, "{:#?}", app.problems.content);
    let problem = &app.problems.content[0];
    assert!(
        problem.location().ends_with("020-news.md:3:1"),
        "{}",
        problem.location()
    );
    assert!(problem.file.contains("020-news.md"), "{problem:?}");
    assert!(app.problems.count() >= 1);
    // The show goes round as before.
    assert_eq!(round(&app), ["020-news.md", "010-first.md"]);

    // Broken again differently (no front matter at all): still the good one.
    content.write("020-news.md", "The settings are missing.\n");
    app.update(Msg::DeckLoaded(content.deck()));
    assert!(screen(&app).contains("The good version."));
    assert!(
        app.problems.content[0]
            .location()
            .ends_with("020-news.md:1:1"),
        "{:?}",
        app.problems.content
    );

    // Fixed: the new text shows and the problem is gone.
    content.write("020-news.md", &slide("News", "", "The fixed version."));
    app.update(Msg::DeckLoaded(content.deck()));
    assert_eq!(showing(&app), file("020-news.md"));
    assert!(screen(&app).contains("The fixed version."));
    assert!(app.problems.content.is_empty());
}

#[test]
fn a_new_file_that_is_broken_shows_nothing_but_is_reported() {
    let content = Content::new();
    content.write("010-first.md", &slide("First", "", "The first slide."));
    let mut app = app_with(&content, at(MONDAY_OPEN));
    content.write(
        "020-bad.md",
        "+++\ntitle = \"Bad\"\nwhen = \"sometimes\"\n+++\nBad.\n",
    );
    app.update(Msg::DeckLoaded(content.deck()));
    assert_eq!(round(&app), ["010-first.md"]);
    assert_eq!(app.problems.content.len(), 1);
    assert!(
        app.problems.content[0]
            .location()
            .ends_with("020-bad.md:3:8"),
        "{:?}",
        app.problems.content[0]
    );
}

#[test]
fn merge_reload_keeps_only_the_broken_files_last_good_versions() {
    let content = Content::new();
    content
        .write("010-a.md", &slide("A", "", "A one."))
        .write("020-b.md", &slide("B", "", "B one."))
        .write("030-c.md", &slide("C", "", "C one."));
    let old = content.deck();
    content
        .write("010-a.md", &slide("A", "", "A two."))
        .write("020-b.md", "+++\ntitle = 3\n+++\n");
    content.remove("030-c.md");
    let merged = merge_reload(&old, content.deck());
    let bodies: Vec<(&str, &str)> = merged
        .slides
        .iter()
        .map(|s| (s.file.as_str(), s.body.trim()))
        .collect();
    assert_eq!(bodies, [("010-a.md", "A two."), ("020-b.md", "B one.")]);
    assert_eq!(merged.problems.len(), 1);
}

// ---------------------------------------------------------------------------
// Reloading kiosk.toml
// ---------------------------------------------------------------------------

/// A copy of the bundled `kiosk.toml` in a temporary folder, for editing.
struct ConfigFile {
    dir: TempDir,
}

impl ConfigFile {
    fn new() -> Self {
        let file = Self {
            dir: tempfile::Builder::new()
                .prefix("kiosk-config-")
                .tempdir()
                .unwrap(),
        };
        file.write(&bundled_text());
        file
    }

    fn path(&self) -> PathBuf {
        self.dir.path().join("kiosk.toml")
    }

    fn write(&self, text: &str) {
        fs::write(self.path(), text).unwrap();
    }

    /// What the runtime sends after the file changed.
    fn loaded(&self) -> Msg {
        Msg::ConfigLoaded(match Config::load(&self.path()) {
            Ok(config) => Ok(Box::new(config)),
            Err(ConfigError::Invalid(problems)) => Err(problems),
            Err(e) => panic!("cannot read {}: {e}", self.path().display()),
        })
    }
}

#[test]
fn a_broken_kiosk_toml_keeps_the_last_good_hours_and_a_good_edit_changes_the_badge() {
    let content = three_slides();
    let mut app = app_with(&content, at(MONDAY_OPEN));
    let toml = ConfigFile::new();
    assert!(screen(&app).contains("Closes at 6:00 PM"));

    // Broken: Monday's hours are not a time range.
    let broken = bundled_text().replace("monday    = \"09:00-18:00\"", "monday    = \"9 till 5\"");
    assert_ne!(broken, bundled_text(), "the bundled kiosk.toml changed");
    toml.write(&broken);
    assert!(app.update(toml.loaded()));
    assert!(!app.problems.config.is_empty());
    let problem = &app.problems.config[0];
    assert!(problem.file.ends_with("kiosk.toml"), "{problem:?}");
    assert!(problem.line > 0, "{problem:?}");
    assert!(problem.source_line.contains("9 till 5"), "{problem:?}");
    let text = screen(&app);
    assert!(
        text.contains("OPEN") && text.contains("Closes at 6:00 PM"),
        "{text}"
    );
    assert_eq!(showing(&app), file("010-a.md"));

    // The slideshow goes on with the last good settings.
    tick(&mut app, at(MONDAY_OPEN) + secs(10));
    assert_eq!(showing(&app), file("020-b.md"));

    // A good edit: Monday closes at 11:00, so at 10:52 it is closing soon.
    let earlier =
        bundled_text().replace("monday    = \"09:00-18:00\"", "monday    = \"09:00-11:00\"");
    toml.write(&earlier);
    assert!(app.update(toml.loaded()));
    assert!(app.problems.config.is_empty());
    let text = screen(&app);
    assert!(text.contains("Closes at 11:00 AM"), "{text}");
    assert!(text.contains("Closing soon"), "{text}");
    assert!(!text.contains("6:00 PM"), "{text}");
    // At 11:00 the badge turns by itself.
    tick(&mut app, at("2026-11-23T11:00:00-07:00"));
    let text = screen(&app);
    assert!(text.contains("CLOSED"), "{text}");
}

#[test]
fn a_new_default_duration_in_kiosk_toml_applies_to_slides_without_their_own() {
    let content = three_slides();
    let mut app = app_with(&content, at(MONDAY_OPEN));
    app.update(key(KeyCode::Right));
    app.update(key(KeyCode::Right));
    assert_eq!(showing(&app), file("030-c.md"));
    assert_eq!(app.page_duration(), secs(20));
    let toml = ConfigFile::new();
    toml.write(&bundled_text().replace("slide_seconds = 20", "slide_seconds = 45"));
    app.update(toml.loaded());
    assert_eq!(app.page_duration(), secs(45));
}
