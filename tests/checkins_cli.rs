//! `kiosk checkins list` and `kiosk checkins purge`, run as the front desk
//! would, against a temporary kiosk.toml and database.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use kiosk::store::{NewCheckin, Source, Status, StatusAt, Store};

const DENVER: chrono_tz::Tz = chrono_tz::America::Denver;
const EVENING: &str = "2026-11-23T18:00:00-07:00";

fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .expect("a valid moment")
        .with_timezone(&Utc)
}

fn new(first: &str, last: &str, phone: &str) -> NewCheckin {
    NewCheckin {
        language: "en".into(),
        identity: Some(format!(
            "{}\u{1f}{}\u{1f}{}",
            kiosk::store::fold(first),
            kiosk::store::fold(last),
            NaiveDate::from_ymd_opt(1980, 2, 29).expect("a valid date")
        )),
        fields: vec![
            ("first_name".into(), first.into()),
            ("last_name".into(), last.into()),
            ("phone".into(), phone.into()),
        ],
    }
}

struct Clinic {
    dir: tempfile::TempDir,
    config: PathBuf,
}

impl Clinic {
    /// A clinic with three check-ins on 2026-11-23 and one on 2026-11-20.
    fn new() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let config = write_config(dir.path(), "retention_days = 30\n");
        let db = dir.path().join("data/checkins.db");
        let mut store = Store::open(&db, DENVER).expect("open");
        let none = Duration::zero();
        let old = new("Old", "Visit", "555");
        store
            .insert(&old, at("2026-11-20T09:00:00-07:00"), none)
            .expect("insert");
        let first = store
            .insert(
                &new("José", "García", "720-555-0101"),
                at("2026-11-23T09:41:00-07:00"),
                none,
            )
            .expect("insert");
        store
            .insert(
                &new("李小龙", "Li, \"Bruce\"", "=HYPERLINK(\"x\")"),
                at("2026-11-23T10:02:00-07:00"),
                none,
            )
            .expect("insert");
        store
            .insert(
                &new("Zoë", "O'Brien-Smith", ""),
                at("2026-11-23T13:15:00-07:00"),
                none,
            )
            .expect("insert");
        store
            .set_status(first.id(), Status::Seen, at("2026-11-23T10:00:00-07:00"))
            .expect("status");
        Self { dir, config }
    }

    fn run(&self, args: &[&str]) -> (i32, String, String) {
        run(&self.config, args)
    }
}

fn write_config(dir: &Path, checkin: &str) -> PathBuf {
    let path = dir.join("kiosk.toml");
    let text =
        format!("[clinic]\nname = \"Test\"\ntimezone = \"America/Denver\"\n\n[checkin]\n{checkin}");
    std::fs::write(&path, text).expect("config written");
    path
}

fn run(config: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_kiosk"))
        .arg("--config")
        .arg(config)
        .args(args)
        .output()
        .expect("kiosk runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn list_prints_an_aligned_table_for_today_in_the_clinic_zone() {
    let clinic = Clinic::new();
    // 18:00 in Denver is already 2026-11-24 in UTC.
    let (code, out, err) = clinic.run(&["checkins", "list", "--at", EVENING]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(
        out,
        "Ticket  Time      Status   first_name  last_name      phone\n     \
         1  9:41 AM   seen     José        García         720-555-0101\n     \
         2  10:02 AM  waiting  李小龙      Li, \"Bruce\"    =HYPERLINK(\"x\")\n     \
         3  1:15 PM   waiting  Zoë         O'Brien-Smith\n"
    );
    let (code, out, _) = clinic.run(&["checkins", "list", "--date", "2026-11-19"]);
    assert_eq!((code, out.as_str()), (0, "No check-ins on 2026-11-19.\n"));
}

#[test]
fn list_json_has_one_flat_object_per_check_in() {
    let clinic = Clinic::new();
    let (code, out, err) = clinic.run(&["checkins", "list", "--json", "--date", "2026-11-23"]);
    assert_eq!((code, err.as_str()), (0, ""));
    let list: Vec<serde_json::Value> = serde_json::from_str(&out).expect("a JSON array");
    assert_eq!(list.len(), 3);
    assert_eq!(list[0]["ticket"], 1);
    assert_eq!(list[0]["checked_in_at"], "2026-11-23T09:41:00-07:00");
    assert_eq!(list[0]["status"], "seen");
    assert_eq!(list[0]["first_name"], "José");
    assert_eq!(list[1]["last_name"], "Li, \"Bruce\"");
    assert_eq!(list[2]["status"], "waiting");
    let (_, empty, _) = clinic.run(&["checkins", "list", "--json", "--date", "2026-01-01"]);
    assert_eq!(empty, "[]\n");
}

#[test]
fn list_csv_is_quoted_and_safe_for_spreadsheets() {
    let clinic = Clinic::new();
    let (code, out, err) = clinic.run(&["checkins", "list", "--csv", "--at", EVENING]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(
        out,
        "\u{feff}ticket,date,time,status,first_name,last_name,phone\r\n\
         1,2026-11-23,9:41 AM,seen,José,García,720-555-0101\r\n\
         2,2026-11-23,10:02 AM,waiting,李小龙,\"Li, \"\"Bruce\"\"\",\"'=HYPERLINK(\"\"x\"\")\"\r\n\
         3,2026-11-23,1:15 PM,waiting,Zoë,O'Brien-Smith,\r\n"
    );
}

/// The clinic's day at the desk: a walk-in added, a status change undone, a
/// name corrected and a check-in removed, each by a named desk.
fn desk_day(clinic: &Clinic) {
    let db = clinic.dir.path().join("data/checkins.db");
    let mut desk = Store::open(&db, DENVER).expect("open");
    desk.set_actor("front desk");
    let walk_in = desk
        .insert_from(
            &new("Ana", "-Ruiz", "@phone"),
            at("2026-11-23T10:30:00-07:00"),
            Duration::zero(),
            Source::Desk,
        )
        .expect("added");
    let list = desk.list(date("2026-11-23")).expect("list");
    let li = list.iter().find(|r| r.ticket == 2).expect("#2").clone();
    let waiting = StatusAt {
        status: li.status,
        at: li.status_changed_at,
    };
    let called = StatusAt {
        status: Status::Called,
        at: at("2026-11-23T10:32:00-07:00"),
    };
    assert!(desk.set_status_if(li.id, waiting, called).expect("called"));
    let undone = (at("2026-11-23T10:33:00-07:00"), true);
    assert!(
        desk.change_status(li.id, called, waiting, undone)
            .expect("undone")
    );
    let zoe = list.iter().find(|r| r.ticket == 3).expect("#3").clone();
    let fixed = new("Zoë", "O'Brian-Smith", "");
    let when = at("2026-11-23T13:20:00-07:00");
    assert!(
        desk.edit_if(zoe.id, &zoe.fields, &fixed, when, false)
            .expect("edited")
    );
    let added = StatusAt {
        status: Status::Waiting,
        at: at("2026-11-23T10:30:00-07:00"),
    };
    let removed_at = at("2026-11-23T13:30:00-07:00");
    assert!(
        desk.remove_if(walk_in.id(), added, removed_at, false)
            .expect("removed")
    );
}

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a date")
}

#[test]
fn csv_opens_with_a_byte_order_mark_and_keeps_the_formula_guard() {
    let clinic = Clinic::new();
    let db = clinic.dir.path().join("data/checkins.db");
    let mut desk = Store::open(&db, DENVER).expect("open");
    desk.insert_from(
        &new("Ana", "-Ruiz", "+1 720"),
        at("2026-11-24T09:00:00-07:00"),
        Duration::zero(),
        Source::Desk,
    )
    .expect("added");
    let (code, out, err) = clinic.run(&[
        "checkins",
        "list",
        "--csv",
        "--from",
        "2026-11-23",
        "--to",
        "2026-11-24",
    ]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(
        out,
        "\u{feff}ticket,date,time,status,first_name,last_name,phone\r\n\
         1,2026-11-23,9:41 AM,seen,José,García,720-555-0101\r\n\
         2,2026-11-23,10:02 AM,waiting,李小龙,\"Li, \"\"Bruce\"\"\",\"'=HYPERLINK(\"\"x\"\")\"\r\n\
         3,2026-11-23,1:15 PM,waiting,Zoë,O'Brien-Smith,\r\n\
         1,2026-11-24,9:00 AM,waiting,Ana,'-Ruiz,'+1 720\r\n"
    );
    assert!(out.as_bytes().starts_with(&[0xef, 0xbb, 0xbf]), "UTF-8 BOM");
    let (code, out, _) = clinic.run(&[
        "checkins",
        "list",
        "--from",
        "2026-11-25",
        "--to",
        "2026-11-26",
    ]);
    assert_eq!(
        (code, out.as_str()),
        (0, "No check-ins from 2026-11-25 to 2026-11-26.\n")
    );
    let (code, _, _) = clinic.run(&["checkins", "list", "--from", "2026-11-25"]);
    assert_eq!(code, 2, "--from needs --to");
}

#[test]
fn summary_counts_the_day_by_status_and_source() {
    let clinic = Clinic::new();
    desk_day(&clinic);
    let (code, out, err) = clinic.run(&["checkins", "summary", "--date", "2026-11-23"]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(
        out,
        "Summary of 2026-11-23\n\
         Check-ins: 3\n\
         By status: waiting 2 · called 0 · seen 1 · no-show 0 · removed 1\n\
         By source: kiosk 3 · desk 0\n\
         Waits: Average (called or seen) 19 min · Longest 13 h 58 min\n\
         \n\
         Check-ins per hour:\n  \
         9 AM    1  ########################################\n \
         10 AM    1  ########################################\n \
         11 AM    0\n \
         12 PM    0\n  \
         1 PM    1  ########################################\n"
    );
    let (code, json, _) = clinic.run(&["checkins", "summary", "--date", "2026-11-23", "--json"]);
    assert_eq!(code, 0);
    let value: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(value["by_status"]["removed"], 1);
    assert_eq!(value["by_source"]["kiosk"], 3);
    assert_eq!(value["average_wait_minutes"], 19.0);
    assert_eq!(
        value["per_hour"][0],
        serde_json::json!({"hour": 9, "checkins": 1})
    );
}

#[test]
fn history_lists_every_change_with_who_made_it() {
    let clinic = Clinic::new();
    desk_day(&clinic);
    let (code, out, err) = clinic.run(&["checkins", "history", "--date", "2026-11-23"]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(
        out,
        " 9:41 AM  #1    added  · unnamed\n\
         10:00 AM  #1    seen (was waiting)  · unnamed\n\
         10:02 AM  #2    added  · unnamed\n\
         10:30 AM  #4    added  · front desk\n\
         10:32 AM  #2    called (was waiting)  · front desk\n\
         10:33 AM  #2    waiting (was called), undone  · front desk\n \
         1:15 PM  #3    added  · unnamed\n \
         1:20 PM  #3    last_name corrected: \"O'Brien-Smith\" to \"O'Brian-Smith\"  · front desk\n \
         1:30 PM  #4    removed  · front desk\n"
    );
    let (_, none, _) = clinic.run(&["checkins", "history", "--date", "2026-11-22"]);
    assert_eq!(none, "No changes on 2026-11-22.\n");
}

#[test]
fn purge_deletes_old_days_only() {
    let clinic = Clinic::new();
    let (code, out, err) = clinic.run(&["checkins", "purge", "--older-than", "2", "--at", EVENING]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(out, "Deleted 1 check-in from before 2026-11-21.\n");
    let (_, old, _) = clinic.run(&["checkins", "list", "--date", "2026-11-20"]);
    assert_eq!(old, "No check-ins on 2026-11-20.\n");
    let (_, today, _) = clinic.run(&["checkins", "list", "--json", "--at", EVENING]);
    assert_eq!(today.matches("\"ticket\"").count(), 3);
    let (code, out, _) = clinic.run(&["checkins", "purge", "--at", EVENING]);
    assert_eq!(
        (code, out.as_str()),
        (0, "Deleted 0 check-ins from before 2026-10-24.\n")
    );
}

#[test]
fn usage_and_config_mistakes_exit_2() {
    let clinic = Clinic::new();
    for args in [
        &["checkins", "list", "--json", "--csv"][..],
        &["checkins", "list", "--date", "23/11/2026"],
        &["checkins", "purge", "--older-than", "-1"],
        &["checkins", "purge", "--older-than", "4000"],
        &["checkins"],
    ] {
        let (code, out, err) = clinic.run(args);
        assert_eq!((code, out.as_str()), (2, ""), "{args:?}: {err}");
    }
    let bad = write_config(clinic.dir.path(), "retention_days = 0\n");
    let (code, _, err) = run(&bad, &["checkins", "list"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("retention_days must be from 1 to 3650"),
        "{err}"
    );
}

#[test]
fn a_damaged_database_exits_1_and_is_left_where_it_is() {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = write_config(dir.path(), "database = \"broken.db\"\n");
    let db = dir.path().join("broken.db");
    std::fs::write(&db, vec![0x42_u8; 3000]).expect("garbage written");
    let (code, out, err) = run(&config, &["checkins", "list"]);
    assert_eq!((code, out.as_str()), (1, ""));
    assert!(err.starts_with("error: "), "{err}");
    assert!(
        err.contains("is not a check-in database or is damaged"),
        "{err}"
    );
    assert_eq!(
        std::fs::read(&db).expect("still there"),
        vec![0x42_u8; 3000]
    );
}
