//! What the kiosk draws, at fixed moments and several screen sizes, checked
//! against the snapshots in `tests/snapshots/`.
//!
//! Snapshots hold the characters only; colours are not compared. To accept a
//! changed screen on purpose, run `INSTA_UPDATE=always cargo test --test
//! screens` and review the diff of `tests/snapshots/` before committing.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod console_check;

use std::path::Path;

use chrono::{DateTime, Utc};
use kiosk::app::App;
use kiosk::config::Config;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The bundled `kiosk.toml`, checked.
fn bundled() -> Config {
    parse_bundled("")
}

/// The bundled `kiosk.toml` with the closures of
/// `tests/fixtures/closures.toml` (Thanksgiving, Christmas, New Year's Day).
fn bundled_with_closures() -> Config {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let closures = std::fs::read_to_string(dir.join("tests/fixtures/closures.toml")).unwrap();
    parse_bundled(&closures)
}

fn parse_bundled(extra: &str) -> Config {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(dir.join("kiosk.toml")).unwrap();
    Config::parse(Path::new("kiosk.toml"), &format!("{text}\n{extra}"), dir)
        .unwrap_or_else(|problems| panic!("the bundled kiosk.toml is invalid: {problems:#?}"))
}

/// The configuration a moment is drawn with: the closure day needs its
/// closure, the others show the bundled file as shipped.
fn config_for(moment: &str) -> Config {
    if moment == "closure_day" {
        bundled_with_closures()
    } else {
        bundled()
    }
}

fn at(rfc3339: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(rfc3339).unwrap().to_utc()
}

/// The moments snapshotted: name, instant, development mode.
const MOMENTS: [(&str, &str, bool); 5] = [
    // Monday morning.
    ("open", "2026-11-23T10:42:00-07:00", false),
    // Monday, 15 minutes before closing (within closing_soon_minutes = 30).
    ("closing_soon", "2026-11-23T17:45:00-07:00", false),
    // Sunday, closed all day.
    ("closed", "2026-11-22T12:00:00-07:00", false),
    // Thanksgiving Day, a closure (from tests/fixtures/closures.toml).
    ("closure_day", "2026-11-26T10:00:00-07:00", false),
    // Monday morning in development mode.
    ("dev_mode", "2026-11-23T10:42:00-07:00", true),
];

const SIZES: [(u16, u16); 3] = [(80, 24), (120, 40), (40, 12)];

fn draw(app: &App, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| frame.render_widget(app, frame.area()))
        .unwrap();
    terminal
}

fn snapshot(moment: &str) {
    let (_, time, dev) = MOMENTS
        .iter()
        .copied()
        .find(|(name, _, _)| *name == moment)
        .unwrap();
    let app = App::new(config_for(moment), at(time), dev);
    for (width, height) in SIZES {
        let terminal = draw(&app, width, height);
        let name = format!("{moment}_{width}x{height}");
        console_check::assert_readable(terminal.backend().buffer(), &name);
        insta::with_settings!({ description => format!("{moment} at {time}, {width}x{height}"), omit_expression => true }, {
            insta::assert_snapshot!(name, terminal.backend());
        });
    }
}

#[test]
fn open() {
    snapshot("open");
}

#[test]
fn closing_soon() {
    snapshot("closing_soon");
}

#[test]
fn closed() {
    snapshot("closed");
}

#[test]
fn closure_day() {
    snapshot("closure_day");
}

#[test]
fn dev_mode() {
    snapshot("dev_mode");
}

/// The text of the screen, row by row.
fn rows(terminal: &Terminal<TestBackend>) -> Vec<String> {
    let buffer = terminal.backend().buffer();
    let area = buffer.area;
    (area.top()..area.bottom())
        .map(|y| {
            (area.left()..area.right())
                .map(|x| buffer[(x, y)].symbol())
                .collect()
        })
        .collect()
}

#[test]
fn every_size_draws_without_panicking() {
    let apps: Vec<App> = MOMENTS
        .iter()
        .map(|(name, time, dev)| App::new(config_for(name), at(time), *dev))
        .collect();
    let mut sizes: Vec<(u16, u16)> = (0..=40)
        .flat_map(|w| (0..=15).map(move |h| (w, h)))
        .collect();
    sizes.extend([
        (41, 16),
        (50, 20),
        (69, 24),
        (70, 24),
        (79, 23),
        (100, 30),
        (132, 43),
        (160, 50),
        (200, 60),
        (255, 80),
        (256, 100),
        (300, 16),
        (400, 8),
        (24, 120),
        (400, 120),
    ]);
    for app in &apps {
        for &(w, h) in &sizes {
            let result = std::panic::catch_unwind(|| draw(app, w, h));
            let terminal = result.unwrap_or_else(|_| {
                panic!(
                    "drawing at {w}x{h} (at {}, dev {}) panicked",
                    app.now, app.dev
                )
            });
            // Something is always shown on a screen big enough for a word.
            if w >= 16 && h >= 1 {
                let text = rows(&terminal).concat();
                assert!(
                    !text.trim().is_empty(),
                    "nothing drawn at {w}x{h} (at {})",
                    app.now
                );
            }
        }
    }
}

#[test]
fn small_screens_say_so() {
    let app = App::new(bundled(), at("2026-11-23T10:42:00-07:00"), false);
    for (w, h) in [(23, 24), (80, 7), (20, 5)] {
        let text = rows(&draw(&app, w, h)).join("\n");
        assert!(text.contains("Screen too small"), "{w}x{h}:\n{text}");
    }
    for (w, h) in [(24, 8), (80, 24)] {
        let text = rows(&draw(&app, w, h)).join("\n");
        assert!(!text.contains("Screen too small"), "{w}x{h}:\n{text}");
    }
}

#[test]
fn the_status_is_in_words_at_every_snapshot_size() {
    // Colour only repeats the status; the words must be there.
    let expect = [
        ("open", "OPEN"),
        ("closing_soon", "Closing soon"),
        ("closed", "CLOSED"),
        ("closure_day", "CLOSED"),
        ("dev_mode", "OPEN"),
    ];
    for ((name, time, dev), (expected_name, word)) in MOMENTS.iter().zip(expect) {
        assert_eq!(*name, expected_name);
        let app = App::new(config_for(name), at(time), *dev);
        for (w, h) in [(80, 24), (120, 40)] {
            let text = rows(&draw(&app, w, h)).join("\n");
            assert!(
                text.contains(word),
                "{name} at {w}x{h} lacks {word:?}:\n{text}"
            );
            assert!(
                text.contains("Lakewood Acupuncture"),
                "{name} at {w}x{h}:\n{text}"
            );
        }
    }
}
