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
    // Patients may glimpse this screen: first name and last initial,
    // until staff press v.
    kiosk.wait_for_all(&["Zoë O.", "seen"]);
    kiosk.send(b"v");
    kiosk.wait_for_text("Zoë O'Brien-Smith");
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

/// Starts the kiosk on the real clock (the lock file's times are real).
fn start_now(dir: &Path) -> PtyKiosk {
    let config = dir.join("kiosk.toml");
    let kiosk = PtyKiosk::spawn(["--config", config.to_str().unwrap(), "run"], 100, 30);
    kiosk.wait_for_text("Staff Test Clinic");
    kiosk
}

#[test]
fn the_kiosk_counts_on_from_the_lock_file_another_process_wrote() {
    let dir = setup();
    let mut kiosk = start_now(dir.path());
    // The kiosk started knowing of no wrong PINs; then three are counted
    // elsewhere (the desk).
    let lock = dir.path().join("data/staff.lock");
    fs::write(&lock, "{\"failures\":3,\"locked_until\":null}\n").unwrap();
    open_prompt(&mut kiosk);
    type_pin(&mut kiosk, "1111");
    kiosk.wait_for_text("1 try left");
    let text = fs::read_to_string(&lock).unwrap();
    assert_eq!(text, "{\"failures\":4,\"locked_until\":null}\n");
}

#[test]
fn a_lock_made_at_the_desk_holds_on_the_running_kiosk() {
    let dir = setup();
    let path = dir.path().join("kiosk.toml");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(&path, format!("{text}[desk]\ndesk_pin = true\n")).unwrap();
    let mut kiosk = start_now(dir.path());
    // The kiosk's own count is kept at one wrong PIN...
    open_prompt(&mut kiosk);
    type_pin(&mut kiosk, "1111");
    kiosk.wait_for_text("4 tries left");
    kiosk.send(b"\x1b");
    kiosk.wait_for_no_text("Enter the staff PIN");
    // ...and the desk counts on from it: four more lock staff mode.
    let mut desk = PtyKiosk::spawn(["--config", path.to_str().unwrap(), "desk"], 100, 30);
    desk.wait_for_text("Enter the staff PIN");
    for left in ["3 tries left", "2 tries left", "1 try left"] {
        type_pin(&mut desk, "1111");
        desk.wait_for_text(left);
    }
    type_pin(&mut desk, "1111");
    desk.wait_for_text("Locked until");
    // The kiosk says so as soon as its prompt opens, and refuses the right
    // PIN; the lock file still holds the desk's lock.
    let lock = dir.path().join("data/staff.lock");
    let locked = fs::read_to_string(&lock).unwrap();
    open_prompt(&mut kiosk);
    kiosk.wait_for_text("Locked until");
    kiosk.send(PIN.as_bytes());
    kiosk.wait_for_text("• • • •");
    kiosk.send(b"\r");
    kiosk.wait_for("the PIN to be refused or accepted", |s| {
        s.contains("Front desk") || !s.contains("• • • •")
    });
    let screen = kiosk.screen_text();
    assert!(!screen.contains("Front desk"), "{screen}");
    assert!(screen.contains("Locked until"), "{screen}");
    assert_eq!(fs::read_to_string(&lock).unwrap(), locked);
}
