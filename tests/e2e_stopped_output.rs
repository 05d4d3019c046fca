//! A terminal whose output is stopped (Scroll Lock on the Linux console, a
//! flow-control stop on a serial or SSH line) must not freeze the kiosk:
//! the heartbeat goes on, SIGTERM ends it, and the kiosk restarts the
//! output itself.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::fs;
use std::os::fd::OwnedFd;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use common::{PtyKiosk, manifest_dir};
use rustix::fs::{Mode, OFlags, open};
use rustix::termios::{Action, InputModes, OptionalActions, tcflow, tcgetattr, tcsetattr};

/// The heartbeat is written once a minute; this is long enough for two.
const HEARTBEAT_WAIT: Duration = Duration::from_secs(150);
/// A generous bound for the kiosk to end after SIGTERM.
const EXIT_WAIT: Duration = Duration::from_secs(20);

fn setup() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    // A new slide every second, so the kiosk draws all the time.
    let config = format!(
        "[clinic]\nname = \"Stopped Output Clinic\"\ntimezone = \"America/Denver\"\n\
         [kiosk]\ncontent_dir = \"{}\"\nslide_seconds = 1\nheartbeat_file = \"heartbeat\"\n",
        manifest_dir().join("content").display()
    );
    fs::write(dir.path().join("kiosk.toml"), config).unwrap();
    dir
}

fn start(dir: &Path) -> PtyKiosk {
    let config = dir.join("kiosk.toml");
    let kiosk = PtyKiosk::spawn(["--config", config.to_str().unwrap(), "run"], 100, 30);
    kiosk.wait_for_text("Stopped Output Clinic");
    kiosk
}

/// The kiosk's end of the terminal, opened without making it ours.
fn kiosk_tty(kiosk: &PtyKiosk) -> OwnedFd {
    open(
        kiosk.tty_path(),
        OFlags::RDWR | OFlags::NOCTTY,
        Mode::empty(),
    )
    .unwrap()
}

fn wait_until(timeout: Duration, what: impl Fn() -> bool) -> bool {
    let start = Instant::now();
    while start.elapsed() < timeout {
        if what() {
            return true;
        }
        thread::sleep(Duration::from_millis(100));
    }
    false
}

#[test]
fn with_output_held_stopped_the_heartbeat_goes_on_and_sigterm_ends_the_kiosk() {
    let dir = setup();
    let mut kiosk = start(dir.path());
    let heartbeat = dir.path().join("heartbeat");
    assert!(wait_until(HEARTBEAT_WAIT, || heartbeat.exists()));
    let first = fs::read_to_string(&heartbeat).unwrap();
    // Output is stopped (tcflow TCOOFF), and stopped again every few
    // milliseconds whenever the kiosk restarts it.
    let tty = Arc::new(kiosk_tty(&kiosk));
    let holding = Arc::new(AtomicBool::new(true));
    let holder = {
        let (tty, holding) = (Arc::clone(&tty), Arc::clone(&holding));
        thread::spawn(move || {
            while holding.load(Ordering::Relaxed) {
                let _ = tcflow(&*tty, Action::OOff);
                thread::sleep(Duration::from_millis(5));
            }
        })
    };
    let beat = wait_until(HEARTBEAT_WAIT, || {
        fs::read_to_string(&heartbeat).is_ok_and(|now| now != first)
    });
    kiosk.signal("TERM");
    let status = kiosk.wait_exit(EXIT_WAIT);
    holding.store(false, Ordering::Relaxed);
    let _ = holder.join();
    let _ = tcflow(&*tty, Action::OOn);
    assert!(beat, "the heartbeat stopped while output was stopped");
    assert!(status.is_some(), "SIGTERM did not end the kiosk");
}

#[test]
fn output_stopped_by_a_stop_character_is_restarted_and_sigterm_still_works() {
    let dir = setup();
    let mut kiosk = start(dir.path());
    // Flow control on, then XOFF (Ctrl-S) typed: the kernel stops output,
    // as Scroll Lock does on the console.
    let tty = kiosk_tty(&kiosk);
    let mut modes = tcgetattr(&tty).unwrap();
    modes.input_modes.insert(InputModes::IXON);
    tcsetattr(&tty, OptionalActions::Now, &modes).unwrap();
    kiosk.send(b"\x13");
    thread::sleep(Duration::from_millis(300));
    let before = kiosk.raw_output().len();
    let resumed = wait_until(Duration::from_secs(30), || {
        kiosk.raw_output().len() > before
    });
    assert!(resumed, "output stayed stopped");
    kiosk.signal("TERM");
    assert!(
        kiosk.wait_exit(EXIT_WAIT).is_some(),
        "SIGTERM did not end the kiosk"
    );
}
