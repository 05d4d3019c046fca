//! Staff mode in the real binary: the chord and PIN, five wrong PINs lock
//! it (and the lock survives a restart), the right PIN opens the staff
//! screen, which closes by itself when left alone.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::fs;
use std::path::Path;

use common::{PtyKiosk, manifest_dir};
use kiosk::staff::{Pin, hash_pin};

const AT: &str = "2026-11-23T10:42:00-07:00";
const PIN: &str = "2468";

fn setup() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let hash = hash_pin(&Pin::parse(PIN).unwrap()).unwrap();
    let content = manifest_dir().join("content");
    let config = format!(
        "[clinic]\nname = \"Staff Test Clinic\"\ntimezone = \"America/Denver\"\n[hours]\nmonday = \"09:00-18:00\"\n\
         [kiosk]\ncontent_dir = \"{}\"\n[staff]\npin_hash = \"{hash}\"\n",
        content.display()
    );
    fs::write(dir.path().join("kiosk.toml"), config).unwrap();
    dir
}

fn start(dir: &Path, extra: &[&str]) -> PtyKiosk {
    let config = dir.join("kiosk.toml");
    let mut args = vec!["--config", config.to_str().unwrap(), "run", "--at", AT];
    args.extend_from_slice(extra);
    let kiosk = PtyKiosk::spawn(args, 100, 30);
    kiosk.wait_for_text("Staff Test Clinic");
    kiosk
}

fn open_prompt(kiosk: &mut PtyKiosk) {
    // Ctrl-A then S, together: at 60 times real speed the two seconds
    // allowed between them are a thirtieth of a second.
    kiosk.send(b"\x01s");
    kiosk.wait_for_text("Enter the staff PIN");
}

fn type_pin(kiosk: &mut PtyKiosk, pin: &str) {
    kiosk.send(format!("{pin}\r").as_bytes());
}

#[test]
fn five_wrong_pins_lock_staff_mode_even_after_a_restart() {
    let dir = setup();
    let mut kiosk = start(dir.path(), &[]);
    open_prompt(&mut kiosk);
    for left in (1..=4).rev() {
        type_pin(&mut kiosk, "1111");
        kiosk.wait_for_text(&format!("{left} tr"));
    }
    type_pin(&mut kiosk, "1111");
    kiosk.wait_for_text("Locked until");
    assert!(!kiosk.screen_text().contains("1111"), "digits are masked");
    kiosk.signal("TERM");
    drop(kiosk);
    assert!(dir.path().join("data/staff.demo.lock").exists());
    // A new kiosk remembers the lock: even the right PIN does not open it.
    let mut kiosk = start(dir.path(), &[]);
    open_prompt(&mut kiosk);
    kiosk.wait_for_text("Locked until");
    type_pin(&mut kiosk, PIN);
    kiosk.wait_for_text("Locked until");
    assert!(!kiosk.screen_text().contains("Front desk"));
}

#[test]
fn the_right_pin_opens_the_staff_screen_which_closes_when_left_alone() {
    let dir = setup();
    // At 60 times real speed the two idle minutes take two seconds.
    let mut kiosk = start(dir.path(), &["--speed", "60"]);
    open_prompt(&mut kiosk);
    type_pin(&mut kiosk, PIN);
    kiosk.wait_for_all(&["Front desk", "No problems found"]);
    kiosk.wait_for_no_text("Front desk");
    kiosk.wait_for_text("Staff Test Clinic");
}

#[test]
fn the_desk_sees_a_kiosk_check_in_and_the_kiosk_sees_the_desk_mark_it_seen() {
    let dir = setup();
    let config = dir.path().join("kiosk.toml");
    let config = config.to_str().unwrap();
    let mut kiosk = start(dir.path(), &[]);
    let mut desk = PtyKiosk::spawn(["--config", config, "desk", "--at", AT], 100, 30);
    desk.wait_for_text("Front desk");
    // A patient checks in on the kiosk.
    kiosk.send(b"\r");
    kiosk.wait_for_text("First name");
    kiosk.send("Zoë\rO'Brien-Smith\r4/17/1962\r".as_bytes());
    kiosk.wait_for_text("You're checked in, Zoë.");
    // The desk shows it (it polls the database twice a second) and marks
    // it seen.
    desk.wait_for_text("Zoë O'Brien-Smith");
    desk.send(b"s");
    desk.wait_for_text("seen");
    // The kiosk's staff screen shows the new status.
    kiosk.send(b" ");
    kiosk.wait_for_text("Staff Test Clinic");
    open_prompt(&mut kiosk);
    type_pin(&mut kiosk, PIN);
    kiosk.wait_for_all(&["Zoë O'Brien-Smith", "seen"]);
}

#[test]
fn with_desk_pin_the_desk_asks_for_the_pin_before_showing_names() {
    let dir = setup();
    let path = dir.path().join("kiosk.toml");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(&path, format!("{text}[desk]\ndesk_pin = true\n")).unwrap();
    let config = path.to_str().unwrap();
    let mut desk = PtyKiosk::spawn(["--config", config, "desk", "--at", AT], 100, 30);
    desk.wait_for_text("Enter the staff PIN");
    type_pin(&mut desk, "1111");
    desk.wait_for_text("4 tries left");
    assert!(!desk.screen_text().contains("Front desk"));
    type_pin(&mut desk, PIN);
    desk.wait_for_text("Front desk");
}
