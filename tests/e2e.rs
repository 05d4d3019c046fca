//! The real binary in a pseudo-terminal: what it draws, how it stops, and
//! that patients at the keyboard cannot stop it.
//!
//! Every assertion about the screen waits for the text to appear (up to
//! `common::DEADLINE`) instead of sleeping for a fixed time.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::thread;
use std::time::Duration;

use common::{DEADLINE, PtyKiosk, framed};

const CLINIC: &str = "Lakewood Acupuncture";
/// A Monday morning: open until 6:00 PM.
const MONDAY_OPEN: &str = "2026-11-23T10:42:00-07:00";
/// A Sunday: closed all day, opens Monday at 9:00 AM.
const SUNDAY_CLOSED: &str = "2026-11-22T12:00:00-07:00";

/// Leaving the alternate screen (DECSET 1049 off).
const LEAVE_ALTERNATE_SCREEN: &[u8] = b"\x1b[?1049l";
const ENTER_ALTERNATE_SCREEN: &[u8] = b"\x1b[?1049h";

fn run_at(at: &str, extra: &[&str]) -> PtyKiosk {
    let mut args = vec!["run", "--at", at];
    args.extend_from_slice(extra);
    PtyKiosk::spawn_bundled(&args, 100, 30)
}

fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

/// Checks that the kiosk has exited with status 0, that its output is
/// complete, and that it ended by leaving the alternate screen.
fn assert_exited_cleanly(kiosk: &mut PtyKiosk) {
    let status = kiosk.wait_exit(DEADLINE).unwrap_or_else(|| {
        panic!(
            "the kiosk did not exit; screen:\n{}",
            framed(&kiosk.screen_text())
        )
    });
    assert!(status.success(), "the kiosk exited with {status:?}");
    assert!(
        kiosk.wait_output_closed(DEADLINE),
        "the kiosk's output did not end"
    );
    let raw = kiosk.raw_output();
    let entered = rfind(&raw, ENTER_ALTERNATE_SCREEN)
        .unwrap_or_else(|| panic!("the kiosk never entered the alternate screen"));
    let left = rfind(&raw, LEAVE_ALTERNATE_SCREEN).unwrap_or_else(|| {
        panic!(
            "the kiosk never left the alternate screen; its last bytes were {:?}",
            String::from_utf8_lossy(&raw[raw.len().saturating_sub(200)..])
        )
    });
    assert!(
        left > entered,
        "the alternate screen was entered again after leaving it"
    );
    assert!(!kiosk.in_alternate_screen());
    // Nothing is drawn after leaving (at most the cursor is shown again).
    let tail = String::from_utf8_lossy(&raw[left + LEAVE_ALTERNATE_SCREEN.len()..]).into_owned();
    assert!(
        !tail.contains(CLINIC) && !tail.contains("OPEN"),
        "drawn after leaving the alternate screen: {tail:?}"
    );
}

#[test]
fn shows_the_clinic_as_open() {
    let kiosk = run_at(MONDAY_OPEN, &[]);
    kiosk.wait_for_all(&[CLINIC, "OPEN", "Closes at 6:00 PM"]);
    kiosk.wait_for_all(&[
        "Monday, November 23",
        "10:42 AM",
        "Welcome, and thank you for waiting.",
    ]);
    assert!(kiosk.in_alternate_screen());
    assert!(!kiosk.screen_text().contains("CLOSED"));
}

#[test]
fn shows_the_clinic_as_closed() {
    let kiosk = run_at(SUNDAY_CLOSED, &[]);
    kiosk.wait_for_all(&[CLINIC, "CLOSED", "Opens"]);
    kiosk.wait_for_text("Opens tomorrow at 9:00 AM");
}

#[test]
fn sigterm_stops_the_kiosk_and_restores_the_terminal() {
    let mut kiosk = run_at(MONDAY_OPEN, &[]);
    kiosk.wait_for_text(CLINIC);
    kiosk.signal("TERM");
    assert_exited_cleanly(&mut kiosk);
}

#[test]
fn sighup_stops_the_kiosk_too() {
    let mut kiosk = run_at(MONDAY_OPEN, &[]);
    kiosk.wait_for_text(CLINIC);
    kiosk.signal("HUP");
    assert_exited_cleanly(&mut kiosk);
}

/// Resizes to a size too small for the layout and back, waiting for each
/// redraw: proof that the kiosk is alive and still drawing.
fn assert_still_drawing(kiosk: &mut PtyKiosk) {
    kiosk.resize(20, 6);
    kiosk.wait_for_text("Screen too small");
    kiosk.resize(100, 30);
    kiosk.wait_for_all(&[CLINIC, "OPEN", "Closes at 6:00 PM"]);
    kiosk.wait_for_no_text("Screen too small");
    assert!(kiosk.is_running(), "the kiosk stopped");
}

#[test]
fn keys_at_the_keyboard_do_not_stop_the_kiosk() {
    let mut kiosk = run_at(MONDAY_OPEN, &[]);
    kiosk.wait_for_text(CLINIC);
    // q, Esc, Ctrl-C, Ctrl-D, Ctrl-\, Ctrl-Z, a burst of them, F-keys.
    let keys: [&[u8]; 11] = [
        b"q",
        b"\x1b",
        b"\x03",
        b"\x04",
        b"\x1c",
        b"\x1a",
        b"Q:q!\r\x1b\x1bexit\r\x03\x03",
        // F1, F4, F5 and F12.
        b"\x1bOP",
        b"\x1bOS",
        b"\x1b[15~",
        b"\x1b[24~",
    ];
    for key in keys {
        kiosk.send(key);
        // Spaces the keys out so Esc is read as a key of its own; the
        // assertions below wait for the screen, not for this.
        thread::sleep(Duration::from_millis(60));
    }
    // The letters and Enters in the burst opened the check-in form and
    // moved to its second question: Esc goes back a question, then leaves.
    kiosk.send(b"\x1b");
    thread::sleep(Duration::from_millis(60));
    kiosk.send(b"\x1b");
    assert_still_drawing(&mut kiosk);
}

#[test]
fn sigint_and_sigquit_do_not_stop_the_kiosk() {
    let mut kiosk = run_at(MONDAY_OPEN, &[]);
    kiosk.wait_for_text(CLINIC);
    kiosk.signal("INT");
    kiosk.signal("QUIT");
    kiosk.signal("TSTP");
    assert_still_drawing(&mut kiosk);
}

#[test]
fn in_development_mode_ctrl_c_quits() {
    let mut kiosk = run_at(MONDAY_OPEN, &["--dev"]);
    kiosk.wait_for_all(&[CLINIC, "DEVELOPMENT MODE: Ctrl-C quits"]);
    kiosk.send(b"\x03");
    assert_exited_cleanly(&mut kiosk);
}

#[test]
fn the_clock_moves_on_from_at() {
    // At 60x speed a minute passes every second of real time.
    let kiosk = run_at("2026-11-23T17:58:00-07:00", &["--speed", "60"]);
    kiosk.wait_for_text("5:58 PM");
    kiosk.wait_for_text("Closing soon");
    // Six o'clock comes and the sign changes by itself.
    kiosk.wait_for_all(&["CLOSED", "Opens tomorrow at 9:00 AM"]);
    kiosk.wait_for_no_text("Closing soon");
}

#[test]
fn a_killed_kiosk_is_reaped_by_the_guard() {
    let mut kiosk = run_at(MONDAY_OPEN, &[]);
    kiosk.wait_for_text(CLINIC);
    let pid = kiosk.pid();
    kiosk.kill();
    assert!(!kiosk.is_running());
    // The process is gone (reaped, not a zombie).
    let alive = std::process::Command::new("kill")
        .args(["-0", &pid.to_string()])
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    assert!(!alive, "process {pid} still exists");
}

#[test]
fn waiting_for_text_that_never_comes_fails_with_the_screen_shown() {
    let kiosk = run_at(MONDAY_OPEN, &[]);
    kiosk.wait_for_text(CLINIC);
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        kiosk.wait_for_within(Duration::from_millis(300), "a missing word", |s| {
            s.contains("Gesundheit")
        });
    }));
    let message = result
        .err()
        .and_then(|e| e.downcast::<String>().ok())
        .unwrap_or_else(|| panic!("waiting for a missing word did not fail"));
    assert!(
        message.contains("timed out waiting for a missing word"),
        "{message}"
    );
    assert!(
        message.contains(CLINIC),
        "the report shows the screen: {message}"
    );
}
