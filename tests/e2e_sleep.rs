//! Screen sleep in the real binary in a pseudo-terminal: at night the
//! screen shows only a small clock; a key wakes it to the sign without
//! starting a check-in; with `TERM=linux` the console's blanking is set on
//! sleep and cleared on exit. (Sleeping again a minute after the key is
//! tested with a pinned clock in `sleep_screens.rs`.)
//!
//! Every assertion about the screen waits for the text to appear.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::fs;
use std::path::Path;

use common::{DEADLINE, PtyKiosk, kiosk_bin, manifest_dir};

/// Monday night, 10:42 PM; the screen sleeps from 6:30 PM.
const NIGHT: &str = "2026-11-23T22:42:00-07:00";
const CLINIC: &str = "Sleep Test Clinic";

fn site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let content = manifest_dir().join("content");
    let text = format!(
        "[clinic]\nname = \"{CLINIC}\"\ntimezone = \"America/Denver\"\n[hours]\nmonday = \"09:00-18:00\"\n\
         tuesday = \"09:00-18:00\"\n[kiosk]\ncontent_dir = \"{}\"\n\
         screen_sleep = {{ after_closing_minutes = 30, before_opening_minutes = 30 }}\n",
        content.display()
    );
    fs::write(dir.path().join("kiosk.toml"), text).unwrap();
    dir
}

fn args(dir: &Path) -> Vec<String> {
    let config = dir.join("kiosk.toml");
    vec![
        "--config".into(),
        config.display().to_string(),
        "run".into(),
        "--at".into(),
        NIGHT.into(),
    ]
}

fn stop(kiosk: &mut PtyKiosk) {
    kiosk.signal("TERM");
    assert!(kiosk.wait_exit(DEADLINE).is_some_and(|s| s.success()));
}

#[test]
fn asleep_at_night_a_key_shows_the_sign_and_no_form() {
    let dir = site();
    let mut kiosk = PtyKiosk::spawn(args(dir.path()), 100, 30);
    kiosk.wait_for("only a clock", |s| {
        s.contains("10:42 PM") && !s.contains(CLINIC) && !s.contains("CLOSED")
    });
    // A letter would start a check-in on an awake screen.
    kiosk.send(b"a");
    kiosk.wait_for_all(&[CLINIC, "○ CLOSED · Opens tomorrow at 9:00 AM"]);
    assert!(!kiosk.screen_text().contains("First name"));
    assert!(kiosk.is_running());
    stop(&mut kiosk);
}

#[test]
fn on_the_linux_console_the_blanking_is_set_while_asleep_and_cleared_on_exit() {
    let dir = site();
    let mut all = vec!["TERM=linux".to_string(), kiosk_bin().display().to_string()];
    all.extend(args(dir.path()));
    let mut kiosk = PtyKiosk::spawn_program("env", all, 100, 30);
    kiosk.wait_for("the blanking set", |_| {
        contains(&kiosk.raw_output(), b"\x1b[9;1]\x1b[14;1]")
    });
    // Nothing is drawn on the dark screen: not even the clock.
    assert!(!kiosk.screen_text().contains("10:42 PM"));
    stop(&mut kiosk);
    let out = kiosk.raw_output();
    assert!(contains(&out, b"\x1b[9;0]\x1b[14;0]"), "cleared on exit");
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}
