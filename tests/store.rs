//! The check-in database across processes: `kiosk checkins list` reading
//! while the kiosk writes, and a writer killed with SIGKILL at random
//! moments.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

use std::collections::HashSet;
use std::hash::BuildHasher;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration as StdDuration;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use kiosk::store::{NewCheckin, Store};

const DENVER: chrono_tz::Tz = chrono_tz::America::Denver;
/// 2026-11-23 10:00 in Denver.
const MORNING: &str = "2026-11-23T10:00:00-07:00";
const DAY: &str = "2026-11-23";

fn morning() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(MORNING)
        .expect("a valid moment")
        .with_timezone(&Utc)
}

fn day() -> NaiveDate {
    NaiveDate::parse_from_str(DAY, "%Y-%m-%d").expect("a valid date")
}

fn patient(first: &str, last: &str) -> NewCheckin {
    NewCheckin {
        language: "en".into(),
        identity: Some(format!(
            "{}\u{1f}{}\u{1f}{}",
            kiosk::store::fold(first),
            kiosk::store::fold(last),
            NaiveDate::from_ymd_opt(1975, 4, 1).expect("a valid date")
        )),
        fields: vec![
            ("first_name".into(), first.into()),
            ("last_name".into(), last.into()),
        ],
    }
}

/// A kiosk.toml in `dir` whose database is `dir/db/checkins.db`.
fn setup(dir: &Path) -> (PathBuf, PathBuf) {
    let config = dir.join("kiosk.toml");
    std::fs::write(
        &config,
        "[clinic]\nname = \"Test\"\ntimezone = \"America/Denver\"\n\n[checkin]\ndatabase = \"db/checkins.db\"\n",
    )
    .expect("config written");
    (config, dir.join("db/checkins.db"))
}

/// Runs `kiosk checkins list --json` once; returns the tickets it printed.
fn read_tickets(config: &Path) -> Vec<u64> {
    let out = Command::new(env!("CARGO_BIN_EXE_kiosk"))
        .arg("--config")
        .arg(config)
        .args(["checkins", "list", "--json", "--date", DAY])
        .output()
        .expect("kiosk runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "reader failed: {stderr}");
    let list: Vec<serde_json::Value> =
        serde_json::from_slice(&out.stdout).expect("the reader prints a JSON array");
    list.iter()
        .map(|r| r["ticket"].as_u64().expect("every object has a ticket"))
        .collect()
}

#[test]
fn a_second_process_reads_whole_check_ins_while_the_kiosk_writes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (config, db) = setup(dir.path());
    let mut store = Store::open(&db, DENVER).expect("open");
    let reads = Arc::new(AtomicUsize::new(0));
    let done = Arc::new(AtomicBool::new(false));
    let writer = {
        let (reads, done) = (Arc::clone(&reads), Arc::clone(&done));
        std::thread::spawn(move || {
            let mut written = 0;
            while written < 60 || reads.load(Ordering::SeqCst) < 5 {
                let now = morning() + Duration::seconds(written);
                let new = patient(&format!("Zoë{written}"), "Nguyễn");
                store.insert(&new, now, Duration::zero()).expect("insert");
                written += 1;
                std::thread::sleep(StdDuration::from_millis(3));
            }
            done.store(true, Ordering::SeqCst);
            written
        })
    };
    let mut last = 0;
    let mut partial = 0;
    while !done.load(Ordering::SeqCst) {
        let tickets = read_tickets(&config);
        let n = tickets.len() as u64;
        assert_eq!(tickets, (1..=n).collect::<Vec<_>>(), "a consistent list");
        assert!(n >= last, "the list never shrinks: {last} then {n}");
        partial += usize::from(n > 0);
        last = n;
        reads.fetch_add(1, Ordering::SeqCst);
    }
    let written = writer.join().expect("writer finished") as u64;
    assert_eq!(read_tickets(&config), (1..=written).collect::<Vec<_>>());
    assert!(partial >= 4, "reads overlapped the writes ({partial})");
}

const CRASH_ENV: &str = "KIOSK_TEST_CRASH_DB";

/// Not a test on its own: when `KIOSK_TEST_CRASH_DB` names a database, the
/// crash test runs this binary again with only this function, which inserts
/// check-ins forever, printing each ticket once `insert` has returned.
#[test]
fn crash_child() {
    let Some(path) = std::env::var_os(CRASH_ENV) else {
        return;
    };
    let mut store = Store::open(Path::new(&path), DENVER).expect("the child opens the store");
    let pid = std::process::id();
    for i in 0_i64.. {
        let new = patient(&format!("Crash{pid}"), &format!("N{i}"));
        let now = morning() + Duration::milliseconds(i);
        let got = store.insert(&new, now, Duration::zero()).expect("insert");
        let mut out = std::io::stdout().lock();
        writeln!(out, "ticket {} {}", got.ticket(), got.id().0).expect("stdout");
        out.flush().expect("stdout");
    }
}

fn spawn_child(db: &Path) -> std::process::Child {
    Command::new(std::env::current_exe().expect("the test binary"))
        .args(["crash_child", "--exact", "--nocapture", "--test-threads=1"])
        .env(CRASH_ENV, db)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("child starts")
}

#[test]
fn a_killed_writer_loses_nothing_it_reported() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("checkins.db");
    let random = std::collections::hash_map::RandomState::new();
    let mut reported: Vec<(u32, i64)> = Vec::new();
    for round in 0..20_u64 {
        let mut child = spawn_child(&db);
        let stdout = child.stdout.take().expect("piped stdout");
        let reader = std::thread::spawn(move || {
            BufReader::new(stdout)
                .lines()
                .map_while(Result::ok)
                .filter_map(|line| {
                    let mut words = line.strip_prefix("ticket ")?.split(' ');
                    Some((words.next()?.parse().ok()?, words.next()?.parse().ok()?))
                })
                .collect::<Vec<(u32, i64)>>()
        });
        let delay = 30 + random.hash_one(round) % 300;
        std::thread::sleep(StdDuration::from_millis(delay));
        child.kill().expect("SIGKILL");
        child.wait().expect("reaped");
        reported.extend(reader.join().expect("reader finished"));
        check_after_crash(&db, &reported, round);
    }
    assert!(reported.len() >= 20, "the children got some work done");
}

fn check_after_crash(db: &Path, reported: &[(u32, i64)], round: u64) {
    let conn = rusqlite::Connection::open(db).expect("reopen");
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("integrity_check runs");
    assert_eq!(check, "ok", "round {round}");
    drop(conn);
    let store = Store::open(db, DENVER).expect("reopen");
    let stored = store.list(day()).expect("list");
    let tickets: Vec<u32> = stored.iter().map(|r| r.ticket).collect();
    let expected: Vec<u32> = (1..=u32::try_from(tickets.len()).unwrap_or(0)).collect();
    assert_eq!(tickets, expected, "round {round}: no gaps and no repeats");
    let present: HashSet<(u32, i64)> = stored.iter().map(|r| (r.ticket, r.id.0)).collect();
    for pair in reported {
        assert!(
            present.contains(pair),
            "round {round}: reported {pair:?} is missing"
        );
    }
}
