//! Real slides from the bundled deck on screen, at fixed moments and several
//! screen sizes, checked against the snapshots in `tests/snapshots/`; and
//! every slide drawn at every small size (and many larger ones) without
//! panicking.
//!
//! The app is built exactly as the runtime builds it: the bundled
//! `kiosk.toml`, the deck from its `content_dir`, and the screen size.
//! Snapshots hold the characters only; colours are not compared. To accept a
//! changed screen on purpose, run `INSTA_UPDATE=always cargo test --test
//! slide_screens` and review the diff of `tests/snapshots/` before
//! committing.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod console_check;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

use chrono::{DateTime, Utc};
use kiosk::app::App;
use kiosk::config::Config;
use kiosk::slides::{Deck, load_deck};
use kiosk::ui::qr::Qr;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Color;

/// A Monday morning: open until 6:00 PM.
const MONDAY_OPEN: &str = "2026-11-23T10:42:00-07:00";
/// A Sunday: closed all day.
const SUNDAY_CLOSED: &str = "2026-11-22T12:00:00-07:00";

/// The sizes every chosen slide is snapshotted at.
const SIZES: [(u16, u16); 4] = [(80, 24), (120, 40), (200, 60), (40, 12)];

/// The phone number's QR code on the visit slide.
const VISIT_QR: &str = "tel:+17202429756";

/// The bundled `kiosk.toml`, checked, with `content_dir` resolved against
/// the crate's folder.
fn bundled() -> Config {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(dir.join("kiosk.toml")).unwrap();
    Config::parse(Path::new("kiosk.toml"), &text, dir)
        .unwrap_or_else(|problems| panic!("the bundled kiosk.toml is invalid: {problems:#?}"))
}

fn bundled_deck(config: &Config) -> Deck {
    let deck = load_deck(&config.kiosk.content_dir);
    assert!(
        deck.problems.is_empty(),
        "the bundled deck has problems: {:#?}",
        deck.problems
    );
    deck
}

fn at(rfc3339: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(rfc3339).unwrap().to_utc()
}

/// The app as the runtime builds it, at `time` on a `width`×`height` screen.
fn app_at(time: &str, width: u16, height: u16) -> App {
    let config = bundled();
    let deck = bundled_deck(&config);
    App::new(config, at(time), false)
        .with_deck(deck)
        .with_size(width, height)
}

fn index_of(app: &App, file: &str) -> usize {
    app.deck
        .slides
        .iter()
        .position(|s| s.file == file)
        .unwrap_or_else(|| panic!("{file} is not in the bundled deck"))
}

/// `app` showing page `page` of the slide in `file`, which must be eligible
/// at the app's moment (so the screen is one a patient could see).
fn showing(app: &App, file: &str, page: usize) -> App {
    let index = index_of(app, file);
    assert!(
        app.eligible().contains(&index),
        "{file} may not show at {}",
        app.now
    );
    let mut app = app.clone();
    app.show.slide = Some(index);
    app.show.page = page;
    app
}

/// Pages of the showing slide at the app's size.
fn pages(app: &App) -> usize {
    app.slide_layout().map_or(1, |l| l.pages())
}

fn draw(app: &App) -> Terminal<TestBackend> {
    let (width, height) = app.size;
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| frame.render_widget(app, frame.area()))
        .unwrap();
    terminal
}

/// The text of the screen, row by row.
fn rows(terminal: &Terminal<TestBackend>) -> Vec<String> {
    let buffer = terminal.backend().buffer();
    let area = buffer.area;
    (area.top()..area.bottom())
        .map(|y| {
            (area.left()..area.right())
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
                // Phone numbers and times are kept together with no-break
                // spaces, which a terminal shows as spaces.
                .replace('\u{A0}', " ")
        })
        .collect()
}

/// The cells of the QR code, as (column, row): blocks, half blocks or
/// spaces drawn white on black (the big title uses the same characters, in
/// the theme's colours).
fn qr_cells(terminal: &Terminal<TestBackend>) -> Vec<(u16, u16)> {
    let buffer = terminal.backend().buffer();
    let area = buffer.area;
    (area.top()..area.bottom())
        .flat_map(|y| (area.left()..area.right()).map(move |x| (x, y)))
        .filter(|&(x, y)| {
            let cell = &buffer[(x, y)];
            ["█", "▀", "▄", " "].contains(&cell.symbol())
                && cell.fg == Color::White
                && cell.bg == Color::Black
        })
        .collect()
}

/// Whether the QR code is drawn whole (a full rectangle of its size) or not
/// at all; returns whether it is drawn.
fn assert_qr_whole_or_absent(terminal: &Terminal<TestBackend>, what: &str) -> bool {
    let cells = qr_cells(terminal);
    if cells.is_empty() {
        return false;
    }
    let (cols, rows_needed) = Qr::new(VISIT_QR).unwrap().size();
    let left = cells.iter().map(|c| c.0).min().unwrap();
    let top = cells.iter().map(|c| c.1).min().unwrap();
    let expected: Vec<(u16, u16)> = (top..top + rows_needed)
        .flat_map(|y| (left..left + cols).map(move |x| (x, y)))
        .collect();
    let mut sorted = cells.clone();
    sorted.sort_by_key(|&(x, y)| (y, x));
    assert_eq!(
        sorted,
        expected,
        "{what}: the QR code is not one whole {cols}x{rows_needed} block:\n{}",
        rows(terminal).join("\n")
    );
    true
}

/// Letters and digits of every word, for comparing text across wrapping.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| c.is_whitespace())
        .map(|w| {
            w.chars()
                .filter(|c| c.is_alphanumeric())
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// Snapshots every page of `file` at `time` at every size in [`SIZES`],
/// checking along the way what a patient needs: a page count when the slide
/// needs several pages, and a body that is shown in full over the pages.
fn snapshot_slide(name: &str, file: &str, time: &str) {
    snapshot_slide_of(name, file, time, |w, h| app_at(time, w, h));
}

/// Like [`snapshot_slide`], with the app for each size from `make`.
fn snapshot_slide_of(name: &str, file: &str, time: &str, make: impl Fn(u16, u16) -> App) {
    for (width, height) in SIZES {
        let base = make(width, height);
        let count = pages(&showing(&base, file, 0));
        let mut shown = String::new();
        for page in 0..count {
            let app = showing(&base, file, page);
            let terminal = draw(&app);
            let text = rows(&terminal).join("\n");
            shown.push_str(&text);
            shown.push('\n');
            if count > 1 {
                let label = format!("Page {} of {count}", page + 1);
                assert!(
                    text.contains(&label),
                    "{file} at {width}x{height} lacks {label:?}:\n{text}"
                );
            }
            let snap = if count > 1 {
                format!("{name}_{width}x{height}_page{}of{count}", page + 1)
            } else {
                format!("{name}_{width}x{height}")
            };
            let description = format!(
                "{file} page {} of {count} at {time}, {width}x{height}",
                page + 1
            );
            console_check::assert_readable(terminal.backend().buffer(), &snap);
            insta::with_settings!({ description => description, omit_expression => true }, {
                insta::assert_snapshot!(snap, terminal.backend());
            });
        }
        // Nothing of the body is lost: every word of the slide's text is on
        // one of the pages.
        let app = showing(&base, file, 0);
        let slide = app.current_slide().unwrap();
        let body = kiosk::slides::expand(&slide.body, &app.vars(), app.words());
        let on_screen = words(&shown);
        for word in words(&body) {
            assert!(
                on_screen.contains(&word),
                "{file} at {width}x{height}: {word:?} is on no page:\n{shown}"
            );
        }
    }
}

#[test]
fn welcome() {
    snapshot_slide("slide_welcome", "000-welcome.md", MONDAY_OPEN);
}

#[test]
fn migraine_with_a_list_and_sources() {
    snapshot_slide("slide_migraine", "110-migraine.md", MONDAY_OPEN);
}

#[test]
fn visit_us_with_a_qr_code() {
    snapshot_slide("slide_visit_us", "900-visit-us.md", MONDAY_OPEN);
}

#[test]
fn we_are_closed_on_a_sunday() {
    snapshot_slide("slide_we_are_closed", "910-we-are-closed.md", SUNDAY_CLOSED);
}

/// A slide as staff might write it, too long for one screen at 80x24.
const LONG_SLIDE: &str = "+++
title = \"Your first visit\"
duration = 25
+++
Your first visit takes about an hour. Here is what happens.

1. We ask about your health, your pain and any medicines you take.
2. We explain what we plan to do. You can ask questions at any time.
3. You lie on a padded table. Loose clothes help us reach your arms and legs.
4. Thin, sterile needles go in at a few points. Most people feel little or nothing.
5. The needles stay in for 15 to 30 minutes while you rest.

Some people feel relaxed or tired afterwards. A small bruise can happen.

**Tell us** if you are pregnant, take blood thinners or have a pacemaker.

You can stop at any time: just say so.

Afterwards, drink some water and take it easy for the rest of the day.

Most people come once or twice a week at first. We will plan the next
visits together.
";

/// The bundled deck with [`LONG_SLIDE`] added as `150-your-first-visit.md`,
/// loaded from a folder as the runtime loads it.
fn deck_with_long_slide() -> Deck {
    let dir = tempfile::tempdir().unwrap();
    let content = bundled().kiosk.content_dir;
    for entry in std::fs::read_dir(&content).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
    }
    std::fs::write(dir.path().join("150-your-first-visit.md"), LONG_SLIDE).unwrap();
    let deck = load_deck(dir.path());
    assert!(deck.problems.is_empty(), "{:#?}", deck.problems);
    deck
}

#[test]
fn a_long_slide_is_split_into_pages() {
    let deck = deck_with_long_slide();
    let make = |w, h| {
        App::new(bundled(), at(MONDAY_OPEN), false)
            .with_deck(deck.clone())
            .with_size(w, h)
    };
    let file = "150-your-first-visit.md";
    let app = showing(&make(80, 24), file, 0);
    assert!(pages(&app) >= 2, "the long slide fits on one page at 80x24");
    snapshot_slide_of("slide_long", file, MONDAY_OPEN, make);
}

#[test]
fn the_qr_code_is_whole_where_there_is_room_and_absent_elsewhere() {
    let mut drawn_somewhere = false;
    let mut sizes: Vec<(u16, u16)> = SIZES.to_vec();
    sizes.extend([
        (60, 20),
        (70, 24),
        (90, 30),
        (100, 30),
        (132, 43),
        (400, 120),
    ]);
    for (width, height) in sizes {
        let base = app_at(MONDAY_OPEN, width, height);
        let app = showing(&base, "900-visit-us.md", 0);
        for page in 0..pages(&app) {
            let terminal = draw(&showing(&app, "900-visit-us.md", page));
            drawn_somewhere |= assert_qr_whole_or_absent(&terminal, &format!("{width}x{height}"));
        }
    }
    assert!(drawn_somewhere, "the QR code is never drawn");
    let big = draw(&showing(
        &app_at(MONDAY_OPEN, 200, 60),
        "900-visit-us.md",
        0,
    ));
    assert!(
        assert_qr_whole_or_absent(&big, "200x60"),
        "no QR code at 200x60"
    );
}

#[test]
fn titles_are_big_only_where_there_is_room() {
    // The big font draws with block characters, plain titles are letters.
    // (120x40 is left out: whether its title is big depends on how many
    // rows the footer takes.)
    for (width, height, big) in [(80, 24, false), (40, 12, false), (200, 60, true)] {
        let app = showing(&app_at(MONDAY_OPEN, width, height), "000-welcome.md", 0);
        let text = rows(&draw(&app)).join("\n");
        let plain = text.lines().any(|l| l.trim() == "Welcome");
        assert_eq!(!plain, big, "{width}x{height}:\n{text}");
    }
}

#[test]
fn the_closed_slide_shows_only_while_closed() {
    let open = app_at(MONDAY_OPEN, 80, 24);
    let closed_index = index_of(&open, "910-we-are-closed.md");
    assert!(!open.eligible().contains(&closed_index));
    let closed = app_at(SUNDAY_CLOSED, 80, 24);
    assert!(closed.eligible().contains(&closed_index));
    let text = rows(&draw(&showing(&closed, "910-we-are-closed.md", 0))).join("\n");
    assert!(text.contains("Opens tomorrow at 9:00"), "{text}");
    assert!(text.contains("(720) 242-9756"), "{text}");
    assert!(text.contains("In an emergency, call 911."), "{text}");
}

/// Every slide of the deck, every page, at every size from 0x0 to 40x15 and
/// at sampled sizes up to 400x120: drawing never panics and something always
/// shows. (Drawing does not depend on whether a slide may show now, so one
/// moment is enough.)
#[test]
fn every_slide_draws_at_every_size_without_panicking() {
    let config = bundled();
    let deck = deck_with_long_slide();
    let mut sizes: Vec<(u16, u16)> = (0..=40)
        .flat_map(|w| (0..=15).map(move |h| (w, h)))
        .collect();
    sizes.extend([
        (41, 16),
        (50, 20),
        (59, 16),
        (60, 15),
        (60, 16),
        (69, 24),
        (70, 24),
        (79, 23),
        (80, 33),
        (80, 34),
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
    let start = App::new(config, at(SUNDAY_CLOSED), false).with_deck(deck.clone());
    for &(w, h) in &sizes {
        let base = start.clone().with_size(w, h);
        for (index, slide) in deck.slides.iter().enumerate() {
            let mut app = base.clone();
            app.show.slide = Some(index);
            app.show.page = 0;
            let count = catch_unwind(AssertUnwindSafe(|| pages(&app)))
                .unwrap_or_else(|_| panic!("laying out {} at {w}x{h} panicked", slide.file));
            for page in 0..count {
                app.show.page = page;
                let terminal = catch_unwind(AssertUnwindSafe(|| draw(&app))).unwrap_or_else(|_| {
                    panic!(
                        "drawing {} page {} at {w}x{h} panicked",
                        slide.file,
                        page + 1
                    )
                });
                if w >= 16 && h >= 1 {
                    let text = rows(&terminal).concat();
                    assert!(
                        !text.trim().is_empty(),
                        "nothing drawn for {} at {w}x{h}",
                        slide.file
                    );
                }
            }
        }
    }
}
