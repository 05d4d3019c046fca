//! Loading slide folders from disk, and the bundled deck.

use std::fs;
use std::path::Path;

use chrono::{DateTime, NaiveDate, Utc};
use kiosk::config::Config;
use kiosk::diagnostic::{Severity, render_all};
use kiosk::slides::{ContentWatcher, Deck, Vars, expand, load_deck, render_markdown};
use kiosk::status::StatusReport;
use proptest::prelude::*;
use tempfile::TempDir;

const GOOD: &str = "+++\ntitle = \"Good\"\n+++\nHello.\n";

fn temp() -> TempDir {
    match tempfile::tempdir() {
        Ok(dir) => dir,
        Err(e) => unreachable!("cannot make a temporary folder: {e}"),
    }
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) {
    if let Err(e) = fs::write(dir.join(name), bytes) {
        unreachable!("cannot write {name}: {e}");
    }
}

fn titles(deck: &Deck) -> Vec<&str> {
    deck.slides.iter().map(|s| s.title.as_str()).collect()
}

fn problems(deck: &Deck) -> String {
    render_all(&deck.problems)
}

#[test]
fn loads_md_files_in_name_order_and_ignores_the_rest() {
    let dir = temp();
    let d = dir.path();
    write(d, "020-b.md", "+++\ntitle = \"B\"\n+++\n");
    write(d, "010-a.md", "+++\ntitle = \"A\"\n+++\n");
    write(d, "Z-upper.md", "+++\ntitle = \"Z\"\n+++\n");
    write(d, ".hidden.md", "not a slide");
    write(d, "notes.txt", "not a slide");
    write(d, "draft.md~", "not a slide");
    let deck = load_deck(d);
    assert_eq!(problems(&deck), "");
    assert_eq!(titles(&deck), ["A", "B", "Z"]);
    assert_eq!(deck.slides[0].file, "010-a.md");
}

#[test]
fn a_broken_file_is_reported_while_the_others_load() {
    let dir = temp();
    let d = dir.path();
    write(d, "010-good.md", GOOD);
    write(d, "020-bad.md", "+++\ntitel = \"Oops\"\n+++\n");
    write(d, "030-good.md", GOOD);
    let deck = load_deck(d);
    assert_eq!(deck.slides.len(), 2);
    assert_eq!(deck.problems.len(), 1);
    let text = problems(&deck);
    assert!(text.contains("020-bad.md:2:1"), "{text}");
    assert!(text.contains("did you mean title?"), "{text}");
}

#[test]
fn a_missing_folder_is_one_problem() {
    let dir = temp();
    let missing = dir.path().join("nope");
    let deck = load_deck(&missing);
    assert!(deck.slides.is_empty());
    assert_eq!(deck.problems.len(), 1);
    let text = problems(&deck);
    assert!(text.contains("cannot read the slides folder"), "{text}");
    assert!(text.contains("content_dir"), "{text}");
}

#[test]
fn empty_binary_and_non_utf8_files() {
    let dir = temp();
    let d = dir.path();
    write(d, "a-empty.md", " \n\n");
    write(d, "b-binary.md", b"+++\ntitle = \"A\"\n+++\n\0\x01PNG");
    write(d, "c-latin1.md", b"+++\ntitle = \"Caf\xe9\"\n+++\n");
    write(d, "d-good.md", GOOD);
    let deck = load_deck(d);
    assert_eq!(titles(&deck), ["Good"]);
    let text = problems(&deck);
    assert_eq!(deck.problems.len(), 3, "{text}");
    assert!(
        text.contains("a-empty.md\n") && text.contains("this slide file is empty"),
        "{text}"
    );
    assert!(
        text.contains("b-binary.md\n") && text.contains("not a text file"),
        "{text}"
    );
    assert!(text.contains("c-latin1.md:2:13"), "{text}");
    assert!(text.contains("this file is not UTF-8 text"), "{text}");
}

#[test]
fn a_ten_megabyte_file_is_refused_without_reading_it() {
    let dir = temp();
    let d = dir.path();
    let mut big = GOOD.as_bytes().to_vec();
    big.resize(10 * 1024 * 1024, b'a');
    write(d, "big.md", big);
    write(d, "ok.md", GOOD);
    let deck = load_deck(d);
    assert_eq!(deck.slides.len(), 1);
    let text = problems(&deck);
    assert!(
        text.contains("this slide file is 10240 KiB; a slide may be at most 256 KiB"),
        "{text}"
    );
}

#[cfg(unix)]
#[test]
fn symlink_loops_and_folders_are_problems() {
    use std::os::unix::fs::symlink;
    let dir = temp();
    let d = dir.path();
    let linked = symlink(d.join("loop-b.md"), d.join("loop-a.md"))
        .and_then(|()| symlink(d.join("loop-a.md"), d.join("loop-b.md")))
        .and_then(|()| fs::create_dir(d.join("folder.md")))
        .and_then(|()| symlink(d.join("ok.md"), d.join("via-link.md")));
    assert!(linked.is_ok(), "{linked:?}");
    write(d, "ok.md", GOOD);
    let deck = load_deck(d);
    assert_eq!(titles(&deck), ["Good", "Good"]);
    let text = problems(&deck);
    assert_eq!(deck.problems.len(), 3, "{text}");
    assert!(
        text.contains("loop-a.md\n") && text.contains("this link leads nowhere"),
        "{text}"
    );
    assert!(
        text.contains("folder.md\n") && text.contains("not a slide file"),
        "{text}"
    );
}

#[test]
fn the_watcher_notices_adding_editing_and_removing() {
    let dir = temp();
    let d = dir.path();
    let mut watcher = ContentWatcher::new(d);
    assert!(!watcher.changed());
    write(d, "a.md", GOOD);
    assert!(watcher.changed(), "added");
    assert!(!watcher.changed(), "nothing new");
    write(d, "a.md", "+++\ntitle = \"Changed\"\n+++\nA longer body.\n");
    assert!(watcher.changed(), "edited");
    write(d, "notes.txt", "ignored");
    assert!(!watcher.changed(), "other files do not count");
    assert!(fs::remove_file(d.join("a.md")).is_ok());
    assert!(watcher.changed(), "removed");
    assert!(!watcher.changed());
}

#[test]
fn the_watcher_notices_a_folder_appearing() {
    let dir = temp();
    let content = dir.path().join("content");
    let mut watcher = ContentWatcher::new(&content);
    assert!(!watcher.changed());
    assert!(fs::create_dir(&content).is_ok());
    assert!(watcher.changed());
}

#[test]
fn review_dates_that_have_passed_are_warnings() {
    let dir = temp();
    let d = dir.path();
    write(
        d,
        "a.md",
        "+++\ntitle = \"A\"\nreview_by = \"2026-01-31\"\n+++\n",
    );
    write(
        d,
        "b.md",
        "+++\ntitle = \"B\"\nreview_by = \"2027-01-31\"\n+++\n",
    );
    let deck = load_deck(d);
    let day = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default();
    assert!(
        deck.warnings(day("2026-01-31")).is_empty(),
        "due on, not before"
    );
    let warnings = deck.warnings(day("2026-02-01"));
    assert_eq!(warnings.len(), 1);
    assert_eq!(warnings[0].severity, Severity::Warning);
    let text = warnings[0].to_string();
    assert!(
        text.starts_with("warning: health content due for review since 2026-01-31\n"),
        "{text}"
    );
    assert!(text.contains("a.md:3:13"), "{text}");
    assert_eq!(deck.warnings(day("2030-01-01")).len(), 2);
}

#[test]
fn reviews_older_than_the_months_given_are_warnings() {
    let dir = temp();
    let d = dir.path();
    write(
        d,
        "a.md",
        "+++\ntitle = \"A\"\nreviewed = \"2025-01-31\"\n+++\n",
    );
    write(
        d,
        "b.md",
        "+++\ntitle = \"B\"\nreviewed = \"2026-01-15\"\n+++\n",
    );
    write(d, "c.md", "+++\ntitle = \"C\"\n+++\n");
    let deck = load_deck(d);
    let day = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default();
    assert!(deck.stale_reviews(day("2026-01-31"), 12).is_empty());
    let warnings = deck.stale_reviews(day("2026-02-01"), 12);
    assert_eq!(warnings.len(), 1);
    assert_eq!(warnings[0].severity, Severity::Warning);
    let text = warnings[0].to_string();
    assert!(
        text.starts_with(
            "warning: health content last reviewed on 2025-01-31, more than 12 months ago\n"
        ),
        "{text}"
    );
    assert!(text.contains("a.md:3:12"), "{text}");
    // Six months: both dated slides are due; the undated one never is.
    assert_eq!(deck.stale_reviews(day("2026-08-01"), 6).len(), 2);
    assert_eq!(deck.stale_reviews(day("2040-01-01"), 120).len(), 2);
    // The review_by reminders are a separate list.
    assert!(deck.warnings(day("2040-01-01")).is_empty());
}

fn bundled_config() -> Config {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    match Config::load(&root.join("kiosk.toml")) {
        Ok(config) => config,
        Err(e) => unreachable!("the bundled kiosk.toml does not load:\n{e}"),
    }
}

/// The bundled `kiosk.toml` with the closures of
/// `tests/fixtures/closures.toml` (Thanksgiving, Christmas, New Year's Day).
fn bundled_config_with_closures() -> Config {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let read = |p: &str| fs::read_to_string(root.join(p)).unwrap_or_default();
    let text = format!(
        "{}\n{}",
        read("kiosk.toml"),
        read("tests/fixtures/closures.toml")
    );
    match Config::parse(Path::new("kiosk.toml"), &text, root) {
        Ok(config) => config,
        Err(e) => unreachable!("the bundled kiosk.toml with closures does not load:\n{e:?}"),
    }
}

#[test]
fn the_bundled_deck_loads_cleanly_and_renders() {
    let config = bundled_config();
    let deck = load_deck(&config.kiosk.content_dir);
    assert_eq!(problems(&deck), "");
    assert!(deck.slides.len() >= 14, "{} slides", deck.slides.len());
    // A Saturday afternoon, when the clinic has closed for the weekend.
    let now: DateTime<Utc> = "2026-11-21T22:00:00Z".parse().unwrap_or_default();
    let status = StatusReport::new(&config.schedule, config.kiosk.closing_soon, now);
    let vars = Vars::new(&config, &status, now, kiosk::i18n::english());
    for slide in &deck.slides {
        let markdown = expand(&slide.body, &vars, kiosk::i18n::english());
        assert!(!markdown.contains("{{"), "{}: {markdown}", slide.file);
        for width in [40, 76] {
            let lines = render_markdown(&markdown, width);
            assert!(!lines.is_empty(), "{} renders nothing", slide.file);
            assert!(lines.iter().all(|l| l.width() <= usize::from(width)));
        }
    }
}

#[test]
fn the_visit_us_slide_fills_in_the_clinic() {
    let config = bundled_config_with_closures();
    let deck = load_deck(&config.kiosk.content_dir);
    let now: DateTime<Utc> = "2026-11-21T22:00:00Z".parse().unwrap_or_default();
    let status = StatusReport::new(&config.schedule, config.kiosk.closing_soon, now);
    let vars = Vars::new(&config, &status, now, kiosk::i18n::english());
    let visit = deck.slides.iter().find(|s| s.file == "900-visit-us.md");
    let body = visit
        .map(|s| expand(&s.body, &vars, kiosk::i18n::english()))
        .unwrap_or_default();
    let text: Vec<String> = render_markdown(&body, 76)
        .iter()
        .map(ToString::to_string)
        .collect();
    // No-break spaces keep the phone number and each time in one piece.
    let text = text.join("\n").replace('\u{a0}', " ");
    assert!(text.starts_with("Lakewood Acupuncture\nPhone: (720) 242-9756\n7114 W Jefferson Ave, Suite 112\nLakewood, CO 80235\n\n"), "{text}");
    assert!(
        text.contains("• Saturday (today): 9:00 AM – 2:00 PM\n• Sunday: Closed\n"),
        "{text}"
    );
    assert!(
        text.contains("• Thursday: Closed (Thanksgiving Day)\n"),
        "{text}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_bytes_as_files_never_panic_the_loader(
        files in proptest::collection::vec(proptest::collection::vec(any::<u8>(), 0..300), 1..4),
    ) {
        let dir = temp();
        for (i, bytes) in files.iter().enumerate() {
            write(dir.path(), &format!("{i}.md"), bytes);
            let mut framed = b"+++\ntitle = \"T\"\n+++\n".to_vec();
            framed.extend_from_slice(bytes);
            write(dir.path(), &format!("{i}-framed.md"), framed);
        }
        let deck = load_deck(dir.path());
        prop_assert_eq!(deck.slides.len() + deck.problems.len() >= files.len(), true);
        for slide in &deck.slides {
            let _ = render_markdown(&slide.body, 40);
        }
    }
}
