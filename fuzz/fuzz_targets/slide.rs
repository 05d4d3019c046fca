//! Arbitrary bytes as a slide file, through everything real content goes
//! through: checking (problems rendered as `kiosk check` prints them),
//! the review warning, when the slide may show, then placeholders filled,
//! Markdown laid out in pages and every page drawn as `kiosk preview`
//! draws it, at a few screen sizes. Nothing printed or drawn may hold a
//! control character.

#![no_main]

use chrono::{DateTime, Duration, Utc};
use kiosk::app::App;
use kiosk::diagnostic::render_all;
use kiosk::slides::{Deck, MAX_FILE_BYTES, Slide, parse_slide};
use kiosk_fuzz::fixtures::{fixtures, monday_afternoon};
use kiosk_fuzz::screen::{self, assert_clean_text};
use libfuzzer_sys::fuzz_target;

/// An ordinary screen, one tall enough for big titles, and the smallest
/// with a layout.
const SIZES: [(u16, u16); 3] = [(80, 24), (120, 40), (24, 8)];
/// Pages drawn at most per size; a long slide at a small size can have
/// hundreds, all drawn the same way.
const MAX_PAGES: usize = 4;

fuzz_target!(|data: &[u8]| {
    if data.len() as u64 > MAX_FILE_BYTES {
        return;
    }
    // As `kiosk preview` reads a file.
    let text = String::from_utf8_lossy(data);
    let label = "content/500-fuzz.md";
    match parse_slide("500-fuzz.md", label, &text) {
        Err(problems) => {
            assert!(!problems.is_empty(), "a refusal names at least one problem");
            assert_clean_text(&render_all(&problems), "the slide's problems");
        }
        Ok(slide) => show(slide),
    }
});

/// A Monday afternoon (open) and the Sunday before (closed).
fn moments() -> [DateTime<Utc>; 2] {
    let monday = monday_afternoon();
    [monday, monday - Duration::days(1)]
}

fn show(slide: Slide) {
    assert!(!slide.title.is_empty(), "a slide always has a title");
    assert_clean_text(&slide.title, "the slide's title");
    let config = &fixtures().configs[0];
    let deck = Deck {
        slides: vec![slide],
        problems: Vec::new(),
    };
    for at in moments() {
        let today = config.schedule.wall_at(at).date();
        assert_clean_text(&render_all(&deck.warnings(today)), "the slide's warnings");
        // The slideshow as it runs: the slide shows only when it may.
        let app = App::new(config.clone(), at, false)
            .with_deck(deck.clone())
            .with_size(80, 24);
        screen::draw_at(&app, (80, 24));
    }
    // `kiosk preview`: the slide shown whatever its settings, page by page.
    for (width, height) in SIZES {
        let mut app = App::new(config.clone(), monday_afternoon(), false).with_size(width, height);
        app.deck = deck.clone();
        app.show.slide = Some(0);
        let pages = app.slide_layout().map_or(1, |l| l.pages());
        assert!(pages >= 1, "a slide has at least one page");
        for page in 0..pages.min(MAX_PAGES) {
            app.show.page = page;
            screen::draw_at(&app, (width, height));
        }
    }
}
