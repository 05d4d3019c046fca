//! The real binary in a pseudo-terminal, showing slides from a folder of
//! its own: moving on by itself, the → key, and live reload of edited and
//! broken slide files.
//!
//! Every assertion about the screen waits for the text to appear (up to
//! `common::DEADLINE`) instead of sleeping for a fixed time.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use common::{PtyKiosk, bundled_config, framed};
use tempfile::TempDir;

/// A Monday morning: open until 6:00 PM.
const MONDAY_OPEN: &str = "2026-11-23T10:42:00-07:00";

/// The kiosk is told of edits to the slide folder (and looks at it once a
/// minute besides); an edit shows within this long.
const RELOAD: Duration = Duration::from_secs(10);

/// A kiosk folder: a copy of the bundled `kiosk.toml` with two-second slides
/// and `content/` holding three two-second slides.
struct Site {
    dir: TempDir,
}

impl Site {
    fn new() -> Self {
        let dir = tempfile::Builder::new()
            .prefix("kiosk-e2e-slides-")
            .tempdir()
            .unwrap();
        let bundled = fs::read_to_string(bundled_config()).unwrap();
        let config = bundled.replace("slide_seconds = 20", "slide_seconds = 2");
        assert_ne!(config, bundled, "the bundled kiosk.toml changed");
        assert!(
            config.contains("content_dir = \"content\""),
            "the bundled kiosk.toml changed"
        );
        fs::write(dir.path().join("kiosk.toml"), config).unwrap();
        fs::create_dir(dir.path().join("content")).unwrap();
        let site = Self { dir };
        site.write("010-alpha.md", &slide("Alpha", "Alpha body text."));
        site.write("020-bravo.md", &slide("Bravo", "Bravo body text."));
        site.write("030-charlie.md", &slide("Charlie", "Charlie body text."));
        site
    }

    fn config(&self) -> PathBuf {
        self.dir.path().join("kiosk.toml")
    }

    fn content(&self) -> PathBuf {
        self.dir.path().join("content")
    }

    fn write(&self, name: &str, text: &str) {
        write(&self.content().join(name), text);
    }

    /// `kiosk --config <this kiosk.toml> run --at <at>` at 100x30.
    fn run(&self, at: &str) -> PtyKiosk {
        let args: Vec<OsString> = vec![
            "--config".into(),
            self.config().into(),
            "run".into(),
            "--at".into(),
            at.into(),
        ];
        PtyKiosk::spawn(args, 100, 30)
    }
}

fn write(path: &Path, text: &str) {
    fs::write(path, text).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
}

/// A two-second slide.
fn slide(title: &str, body: &str) -> String {
    format!("+++\ntitle = \"{title}\"\nduration = 2\n+++\n{body}\n")
}

/// Waits until the screen shows `text` and none of `absent`.
fn wait_for_only(kiosk: &PtyKiosk, text: &str, absent: &[&str]) {
    kiosk.wait_for(&format!("{text:?} without {absent:?}"), |s| {
        s.contains(text) && !absent.iter().any(|a| s.contains(a))
    });
}

const RIGHT: &[u8] = b"\x1b[C";

#[test]
fn slides_move_on_by_themselves_keys_move_them_and_edits_show_live() {
    let site = Site::new();
    let mut kiosk = site.run(MONDAY_OPEN);

    // The first slide, then the second by itself after two seconds.
    kiosk.wait_for_all(&["Alpha body text.", "1 / 3", "OPEN"]);
    wait_for_only(&kiosk, "Bravo body text.", &["Alpha body text."]);

    // → shows the third slide at once, and holds it.
    kiosk.send(RIGHT);
    kiosk.wait_for_all(&["Charlie body text.", "3 / 3", "Paused"]);

    // Edited on disk while it shows: the new text replaces the old.
    site.write(
        "030-charlie.md",
        &slide("Charlie", "Charlie edited text, longer."),
    );
    kiosk.wait_for_within(RELOAD, "the edited slide to show", |s| {
        s.contains("Charlie edited text, longer.") && !s.contains("Charlie body text.")
    });

    // A new broken file, the showing slide broken, and then (last) a good
    // edit to the first slide: once that edit shows, the broken files have
    // been read too.
    site.write(
        "040-delta.md",
        "+++\ntitle = \"Delta\nduration = 2\n+++\nDelta text.\n",
    );
    site.write(
        "030-charlie.md",
        "+++\ntitel = \"Charlie\"\n+++\nCharlie broken text.\n",
    );
    site.write("010-alpha.md", &slide("Alpha", "Alpha edited text."));
    kiosk.send(RIGHT);
    kiosk.wait_for_within(RELOAD, "the first slide's edit to show", |s| {
        s.contains("Alpha edited text.")
    });

    // Still running and drawing: → goes round, the broken slide keeps its
    // last good version, and the broken new file never shows.
    kiosk.send(RIGHT);
    wait_for_only(&kiosk, "Bravo body text.", &["Alpha edited text."]);
    kiosk.send(RIGHT);
    wait_for_only(
        &kiosk,
        "Charlie edited text, longer.",
        &["Bravo body text.", "Charlie broken text."],
    );
    kiosk.send(RIGHT);
    wait_for_only(&kiosk, "Alpha edited text.", &["Charlie", "Delta"]);
    assert!(kiosk.is_running(), "the kiosk stopped");
    let screen = kiosk.screen_text();
    assert!(!screen.contains("Delta"), "{}", framed(&screen));
}
