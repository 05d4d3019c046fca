//! Notices and a broken `kiosk.toml`, in the real binary in a
//! pseudo-terminal: a closing notice added while the kiosk runs turns the
//! sign and check-in off; a file broken before a start runs on the last
//! good copy; with no copy, a calm set-up screen shows until it is fixed.
//!
//! Every assertion about the screen waits for the text to appear.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::fs;
use std::path::Path;

use common::{DEADLINE, PtyKiosk, manifest_dir};

/// A Monday morning: open until 6:00 PM.
const AT: &str = "2026-11-23T10:42:00-07:00";

fn config_text() -> String {
    let content = manifest_dir().join("content");
    format!(
        "# The clinic's own notes stay as they are.\n[clinic]\nname = \"Notice Test Clinic\"\nphone = \"(720) 555-0100\"\n\
         timezone = \"America/Denver\"\n[hours]\nmonday = \"09:00-18:00\"\ntuesday = \"09:00-18:00\"\n\
         [kiosk]\ncontent_dir = \"{}\"\n",
        content.display()
    )
}

fn start(dir: &Path) -> PtyKiosk {
    let config = dir.join("kiosk.toml");
    let args = ["--config", config.to_str().unwrap(), "run", "--at", AT];
    PtyKiosk::spawn(args, 100, 30)
}

fn stop(kiosk: &mut PtyKiosk) {
    kiosk.signal("TERM");
    assert!(kiosk.wait_exit(DEADLINE).is_some_and(|s| s.success()));
}

#[test]
fn a_closing_notice_added_while_running_closes_the_sign_and_check_in() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kiosk.toml");
    fs::write(&path, config_text()).unwrap();
    let mut kiosk = start(dir.path());
    kiosk.wait_for_all(&["● OPEN · Closes at 6:00 PM", "Check in: press Enter"]);
    let notice = "\n[[notices]]\ntext = \"Closed today due to snow\"\nfrom = \"2026-11-23 07:00\"\n\
                  until = \"2026-11-24 00:00\"\ncloses = true\n";
    fs::write(&path, format!("{}{notice}", config_text())).unwrap();
    kiosk.wait_for_all(&[
        "○ CLOSED · Opens tomorrow at 9:00 AM",
        "Closed today due to snow",
        "Check-in opens tomorrow at 8:45 AM",
    ]);
    // Enter does not open the form; the arrow after it is handled after
    // it, so once the slide has moved on, Enter has been refused.
    let before = kiosk.screen_text();
    kiosk.send(b"\r\x1b[C");
    kiosk.wait_for("the next slide", |s| s != before);
    assert!(!kiosk.screen_text().contains("First name"));
    stop(&mut kiosk);
}

#[test]
fn a_broken_file_at_start_runs_on_the_last_good_copy() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kiosk.toml");
    fs::write(&path, config_text()).unwrap();
    let mut kiosk = start(dir.path());
    kiosk.wait_for_text("Notice Test Clinic");
    stop(&mut kiosk);
    let copy = dir.path().join("data/last-good/kiosk.toml");
    assert_eq!(fs::read_to_string(&copy).unwrap(), config_text());
    // A bad edit while the kiosk is off.
    let broken = config_text().replace("09:00-18:00\"\ntuesday", "9 till 5\"\ntuesday");
    fs::write(&path, &broken).unwrap();
    let mut kiosk = start(dir.path());
    kiosk.wait_for_all(&[
        "Notice Test Clinic",
        "● OPEN · Closes at 6:00 PM",
        "⚠ staff",
    ]);
    // The copy is not overwritten by the broken file.
    assert_eq!(fs::read_to_string(&copy).unwrap(), config_text());
    // Fixed: the kiosk reads it again and the staff note goes.
    fs::write(
        &path,
        config_text().replace("Notice Test Clinic", "Fixed Clinic"),
    )
    .unwrap();
    kiosk.wait_for_text("Fixed Clinic");
    kiosk.wait_for_no_text("⚠ staff");
    stop(&mut kiosk);
}

#[test]
fn with_no_good_copy_a_set_up_screen_shows_until_the_file_is_fixed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kiosk.toml");
    let broken = config_text().replace("America/Denver", "America/Denvr");
    fs::write(&path, &broken).unwrap();
    let mut kiosk = start(dir.path());
    kiosk.wait_for_all(&[
        "Notice Test Clinic",
        "This screen is being set up.",
        "Please see the front desk.",
        "(720) 555-0100",
    ]);
    assert!(!kiosk.screen_text().contains("Denvr"));
    fs::write(&path, config_text()).unwrap();
    kiosk.wait_for_text("● OPEN · Closes at 6:00 PM");
    stop(&mut kiosk);
}
