//! `kiosk desk` for real: in a pseudo-terminal, with a check-in stored by
//! another process's connection (as the kiosk would), a key press that
//! changes the database, the bell, and quitting with the terminal restored.
//! Waits for text instead of sleeping for fixed times.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::{Path, PathBuf};
use std::thread;
use std::time::{Duration, Instant};

use chrono::{DateTime, NaiveDate, Utc};
use common::{DEADLINE, PtyKiosk, Test, framed};
use kiosk::store::{NewCheckin, Status, Store};

const DENVER: chrono_tz::Tz = chrono_tz::America::Denver;
/// The desk's clock starts here: a Monday morning in the clinic's zone.
const START: &str = "2026-11-23T10:42:00-07:00";
const CONFIG: &str = "[clinic]\nname = \"Lakewood Acupuncture\"\ntimezone = \"America/Denver\"\n\n[checkin]\ndatabase = \"db/checkins.db\"\n";
/// A new check-in must show within this long (the desk polls every 0.5 s).
const APPEARS_WITHIN: Duration = Duration::from_secs(5);

fn start() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(START).unwrap().to_utc()
}

fn setup(dir: &Path) -> (PathBuf, PathBuf) {
    let config = dir.join("kiosk.toml");
    std::fs::write(&config, CONFIG).unwrap();
    // The desk runs with --at: a demonstration, on files of its own.
    (
        config,
        kiosk::config::demo_path(&dir.join("db/checkins.db")),
    )
}

fn patient() -> NewCheckin {
    NewCheckin {
        language: "en".into(),
        identity: Some(format!(
            "{}\u{1f}{}\u{1f}{}",
            kiosk::store::fold("李小龙"),
            kiosk::store::fold("Lee"),
            NaiveDate::from_ymd_opt(1940, 11, 27).unwrap()
        )),
        fields: vec![
            ("first_name".into(), "李小龙".into()),
            ("last_name".into(), "Lee".into()),
        ],
    }
}

/// Waits until the check-in's status in the database is `status`.
fn wait_for_status(store: &Store, status: Status, desk: &PtyKiosk) {
    let day = start().with_timezone(&DENVER).date_naive();
    let begun = Instant::now();
    loop {
        let list = store.list(day).unwrap();
        if list.first().map(|r| r.status) == Some(status) {
            return;
        }
        assert!(
            begun.elapsed() < DEADLINE,
            "the status stayed {:?}; the desk shows:\n{}",
            list.first().map(|r| r.status),
            framed(&desk.screen_text())
        );
        thread::sleep(Duration::from_millis(25));
    }
}

#[test]
fn a_check_in_appears_rings_once_and_is_marked_seen() {
    let dir = tempfile::tempdir().unwrap();
    let (config, db) = setup(dir.path());
    let mut store = Store::open(&db, DENVER).unwrap();
    let mut desk = PtyKiosk::spawn(
        [
            "--config".as_ref(),
            config.as_os_str(),
            "desk".as_ref(),
            "--at".as_ref(),
            START.as_ref(),
        ],
        100,
        30,
    );
    desk.wait_for_all(&[
        "Front desk · Lakewood Acupuncture",
        "No check-ins yet today.",
    ]);
    assert!(
        !desk.raw_output().contains(&0x07),
        "no bell for an empty queue"
    );
    // Polling finds nothing new, so nothing is drawn: watch three polls.
    let before = desk.raw_output().len();
    thread::sleep(Duration::from_millis(1600));
    assert_eq!(
        desk.raw_output().len(),
        before,
        "drawn while nothing changed"
    );

    let now = start() + chrono::Duration::seconds(1);
    store
        .insert(&patient(), now, chrono::Duration::zero())
        .unwrap();
    desk.wait_for_within(APPEARS_WITHIN, "the check-in to appear", |s| {
        s.contains("李小龙 Lee") && s.contains("NEW")
    });
    desk.wait_for_text("Waiting 1");

    desk.send(b"s");
    wait_for_status(&store, Status::Seen, &desk);
    desk.wait_for_all(&["#1 李小龙 Lee: seen", "Seen 1"]);
    let bells = desk.raw_output().iter().filter(|b| **b == 0x07).count();
    assert_eq!(bells, 1, "the bell rang once");

    desk.send(b"u");
    wait_for_status(&store, Status::Waiting, &desk);
    desk.wait_for_text("waiting again (undone)");

    desk.send(b"q");
    let status = desk
        .wait_exit(DEADLINE)
        .unwrap_or_else(|| panic!("the desk did not quit:\n{}", framed(&desk.screen_text())));
    assert!(status.success(), "the desk exited with {status:?}");
    assert!(desk.wait_output_closed(DEADLINE));
    let raw = desk.raw_output();
    assert!(
        raw.windows(8).any(|w| w == b"\x1b[?1049l"),
        "the alternate screen was left"
    );
    assert!(!desk.in_alternate_screen());
    let bells = raw.iter().filter(|b| **b == 0x07).count();
    assert_eq!(bells, 1, "undo back to waiting did not ring again");
}

#[test]
fn the_desk_refuses_to_start_when_a_pin_is_required() {
    Test::new()
        .config(&format!("{CONFIG}\n[desk]\ndesk_pin = true\n"))
        .arg("desk")
        .stderr("error: the desk PIN is not set up yet: run `kiosk staff set-pin`\n")
        .status(2)
        .run();
}

#[test]
fn the_desk_needs_a_terminal() {
    Test::new()
        .config(CONFIG)
        .arg("desk")
        .stderr("error: the desk needs a terminal to draw on; run it from a terminal window or over SSH\n")
        .status(1)
        .run();
}
