//! The front desk's day with the real binaries in pseudo-terminals: a walk-in
//! added at the desk while a patient checks in at the kiosk (the tickets
//! differ and both are listed), and two desks correcting the same check-in
//! (the second is told). Both use `--at`, so they share the demonstration
//! database beside the configured one.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::ffi::OsString;
use std::fs;
use std::path::PathBuf;

use chrono::DateTime;
use common::{PtyKiosk, Test, bundled_config, framed, manifest_dir};
use kiosk::store::{NewCheckin, Store};
use serde_json::Value;
use tempfile::TempDir;

const START: &str = "2026-11-23T10:42:00-07:00";
const DAY: &str = "2026-11-23";
const DENVER: chrono_tz::Tz = chrono_tz::America::Denver;

/// A copy of the bundled `kiosk.toml` reading the repository's slides.
struct Site {
    dir: TempDir,
}

impl Site {
    fn new() -> Self {
        let dir = tempfile::Builder::new()
            .prefix("kiosk-desk-day-")
            .tempdir()
            .unwrap();
        let bundled = fs::read_to_string(bundled_config()).unwrap();
        let content = manifest_dir().join("content");
        let config = bundled.replace(
            "content_dir = \"content\"",
            &format!("content_dir = '{}'", content.to_str().unwrap()),
        );
        assert_ne!(config, bundled, "the bundled kiosk.toml changed");
        fs::write(dir.path().join("kiosk.toml"), config).unwrap();
        Self { dir }
    }

    fn config(&self) -> PathBuf {
        self.dir.path().join("kiosk.toml")
    }

    fn database(&self) -> PathBuf {
        kiosk::config::demo_path(&self.dir.path().join("data").join("checkins.db"))
    }

    /// `kiosk --config <kiosk.toml> <command> --at START`.
    fn spawn(&self, command: &str, cols: u16, rows: u16) -> PtyKiosk {
        let args: Vec<OsString> = vec![
            "--config".into(),
            self.config().into(),
            command.into(),
            "--at".into(),
            START.into(),
        ];
        PtyKiosk::spawn(args, cols, rows)
    }

    /// `kiosk checkins list --demo --json`, parsed.
    fn list(&self) -> Vec<Value> {
        let out = Test::in_dir(self.dir.path())
            .args(["--config".into(), self.config().into_os_string()])
            .args(["checkins", "list", "--demo", "--json", "--date", DAY])
            .any_stdout()
            .run();
        serde_json::from_str(&out.stdout).unwrap_or_else(|e| panic!("{e}:\n{}", out.stdout))
    }

    fn history(&self) -> String {
        let out = Test::in_dir(self.dir.path())
            .args(["--config".into(), self.config().into_os_string()])
            .args(["checkins", "history", "--demo", "--date", DAY])
            .any_stdout()
            .run();
        out.stdout
    }
}

#[test]
fn a_walk_in_added_at_the_desk_while_the_kiosk_checks_a_patient_in() {
    let site = Site::new();
    let mut desk = site.spawn("desk", 100, 30);
    desk.wait_for_text("No check-ins yet today.");
    let mut kiosk = site.spawn("run", 100, 30);
    kiosk.wait_for_text("Check in: press Enter or tap here");

    // The desk opens its form, the kiosk its own.
    desk.send(b"a");
    desk.wait_for_all(&["Add a patient (walk-in or phone)", "First name"]);
    kiosk.send(b"\r");
    kiosk.wait_for_text("Please type your details.");
    // Both type at once.
    kiosk.send(b"Maria\r");
    desk.send("José\r".as_bytes());
    kiosk.send(b"Lopez\r");
    desk.send("García\r".as_bytes());
    desk.wait_for_text("García");
    kiosk.wait_for_text("Lopez");
    kiosk.send(b"4/17/62");
    desk.send(b"2/29/1980");
    kiosk.wait_for_text("Understood as April 17, 1962");
    desk.wait_for_text("Understood as February 29, 1980");
    kiosk.send(b"\r");
    desk.send(b"\r");
    kiosk.wait_for_text("Your number is");
    desk.wait_for_text("García: added");
    desk.wait_for_all(&["José García", "Maria Lopez", "02/29/1980", "04/17/1962"]);

    let rows = site.list();
    let mut tickets: Vec<u64> = rows.iter().map(|r| r["ticket"].as_u64().unwrap()).collect();
    tickets.sort_unstable();
    assert_eq!(tickets, [1, 2], "one daily sequence:\n{rows:#?}");
    let names: Vec<&str> = rows
        .iter()
        .map(|r| r["first_name"].as_str().unwrap())
        .collect();
    assert!(
        names.contains(&"José") && names.contains(&"Maria"),
        "{names:?}"
    );
    let history = site.history();
    assert!(
        history.contains("added  · ") && history.contains(" desk\n"),
        "{history}"
    );
    assert!(
        history.contains(" kiosk\n"),
        "the kiosk's add is named too:\n{history}"
    );
    desk.send(b"q");
    assert!(
        desk.wait_exit(common::DEADLINE)
            .is_some_and(|s| s.success())
    );
}

#[test]
fn two_desks_correct_the_same_check_in_and_the_second_is_told() {
    let site = Site::new();
    let mut store = Store::open(&site.database(), DENVER).unwrap();
    let fields = vec![
        ("first_name".to_string(), "Jose".to_string()),
        ("last_name".to_string(), "Garsia".to_string()),
        ("date_of_birth".to_string(), "1980-02-29".to_string()),
    ];
    let at = DateTime::parse_from_rfc3339("2026-11-23T10:00:00-07:00").unwrap();
    let key = ["first_name", "last_name", "date_of_birth"];
    store
        .insert(
            &NewCheckin::new(fields, &key),
            at.to_utc(),
            chrono::Duration::zero(),
        )
        .unwrap();
    let mut one = site.spawn("desk", 100, 30);
    let mut two = site.spawn("desk", 100, 30);
    one.wait_for_text("Jose Garsia");
    two.wait_for_text("Jose Garsia");
    one.send(b"e");
    two.send(b"e");
    one.wait_for_text("Correct #1");
    two.wait_for_text("Correct #1");
    // The first desk fixes the last name and saves.
    one.send(b"\r");
    one.send(&[0x7f; 6]);
    one.send("García\r\r".as_bytes());
    one.wait_for_text("#1 Jose Garsia: corrected");
    one.wait_for_text("Jose García");
    // The second desk, still showing what it read, saves its own fix.
    two.send(b"\x7f\x7f\x7f\x7f");
    two.send("José\r\r\r".as_bytes());
    two.wait_for_text("was changed elsewhere meanwhile");
    two.wait_for_text("Jose García");
    let screen = two.screen_text();
    assert!(!screen.contains("José García"), "{}", framed(&screen));
    let rows = site.list();
    assert_eq!(rows[0]["last_name"], "García");
    assert_eq!(rows[0]["first_name"], "Jose", "the first desk's fix stands");
}

/// Forty check-ins from 8:30 to 10:40: the first 24 seen, two no-shows, one
/// called, the rest waiting; every fifth added at the desk; two patients
/// named José García; one check-in removed as entered in error.
fn forty(site: &Site) {
    use kiosk::store::{Source, Status, StatusAt};
    let first = [
        "José",
        "Ana",
        "Tom",
        "Maria",
        "李小龙",
        "Zoë",
        "Nguyễn Thị",
        "Omar",
        "Lucía",
        "Sam",
    ];
    let last = [
        "García",
        "Ruiz",
        "Baker",
        "Silva",
        "Lee",
        "O'Brien",
        "Minh Khai",
        "Haddad",
    ];
    let mut store = Store::open(&site.database(), DENVER).unwrap();
    store.set_actor("front desk");
    let start = DateTime::parse_from_rfc3339("2026-11-23T08:30:00-07:00")
        .unwrap()
        .to_utc();
    let key = ["first_name", "last_name", "date_of_birth"];
    for i in 0..41_i64 {
        let (f, l) = if i == 33 {
            ("José", "García")
        } else {
            (
                first[(i % 10) as usize],
                last[((i * 3 + i / 10) % 8) as usize],
            )
        };
        let born = format!("19{:02}-{:02}-{:02}", 40 + i, 1 + i % 12, 1 + i % 28);
        let fields = vec![
            ("first_name".to_string(), f.to_string()),
            ("last_name".to_string(), l.to_string()),
            ("date_of_birth".to_string(), born),
        ];
        let at = start + chrono::Duration::minutes(i * 13 / 4);
        let source = if i % 5 == 4 {
            Source::Desk
        } else {
            Source::Kiosk
        };
        let new = NewCheckin::new(fields, &key);
        let added = store
            .insert_from(&new, at, chrono::Duration::zero(), source)
            .unwrap();
        let was = StatusAt {
            status: Status::Waiting,
            at,
        };
        let status = match i {
            0..=23 if i == 7 || i == 15 => Some(Status::NoShow),
            0..=23 => Some(Status::Seen),
            24 => Some(Status::Called),
            _ => None,
        };
        if let Some(status) = status {
            let new = StatusAt {
                status,
                at: at + chrono::Duration::minutes(12 + i % 9),
            };
            assert!(store.set_status_if(added.id(), was, new).unwrap());
        }
        if i == 40 {
            let when = at + chrono::Duration::minutes(1);
            assert!(store.remove_if(added.id(), was, when, false).unwrap());
        }
    }
}

#[test]
fn a_forty_patient_day_found_by_name_and_summed_up() {
    let site = Site::new();
    forty(&site);
    let mut desk = site.spawn("desk", 80, 24);
    desk.wait_for_all(&["Waiting 15", "Seen 22", "↓ 27 more"]);
    let queue = desk.screen_text();
    desk.send(b"/garc");
    desk.wait_for_text("Find: garc_");
    desk.send(b"\r");
    desk.wait_for_text("matching \"garc\"");
    let found = desk.screen_text();
    assert!(found.contains("*"), "namesakes marked:\n{}", framed(&found));
    desk.send(b"\x1b");
    desk.wait_for_no_text("matching");
    desk.send(b"t");
    desk.wait_for_text("The day so far");
    let summary = desk.screen_text();
    assert!(summary.contains("removed 1"), "{}", framed(&summary));
    assert!(
        summary.contains("kiosk 32 · desk 8"),
        "{}",
        framed(&summary)
    );
    let cli = Test::in_dir(site.dir.path())
        .args(["--config".into(), site.config().into_os_string()])
        .args([
            "checkins", "summary", "--demo", "--date", DAY, "--at", START,
        ])
        .any_stdout()
        .run()
        .stdout;
    println!(
        "{}\n{}\n{}\n{cli}",
        framed(&queue),
        framed(&found),
        framed(&summary)
    );
}
