//! A kiosk folder for the database fault and crash tests, and the patient's
//! and staff's moves on the real binary.
//!
//! The folder has its own `kiosk.toml` (open Monday 9 to 6 in Denver, a
//! staff PIN), two one-second slides, the database in `data/`, and the log,
//! heartbeat and staff lock in `state/`, so that making `data/` read-only
//! or full leaves the log working and readable by the test.
//!
//! Shared by the database fault tests and by `benches/crash.rs`; each uses
//! only some of it.
#![allow(dead_code)]

use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use rusqlite::{Connection, OpenFlags};
use tempfile::TempDir;

use crate::common::{PtyKiosk, framed};

/// A Monday morning: open until 6:00 PM.
pub const AT: &str = "2026-11-23T10:42:00-07:00";
pub const CLINIC: &str = "Fault Test Clinic";
pub const PIN: &str = "2468";
/// The green button on the slides screen.
pub const PROMPT: &str = "Check in: press Enter or tap here";
/// The same on a screen too short for the button.
pub const SHORT_PROMPT: &str = "Enter: check in";
/// The form's title row.
pub const FORM_TITLE: &str = "Please type your details.";
/// What a patient reads when the check-in could not be saved.
pub const SORRY: &str = "Sorry, we could not check you in here.";
pub const SEE_DESK: &str = "Please see the front desk.";
/// Under a check-in's result once its quiet first 2 seconds are over.
pub const CONTINUE: &str = "Touch the screen or press any key to continue.";
/// Every patient's date of birth, typed as a patient would.
pub const BORN: &str = "4/17/62";

/// The two slides, each on screen for one second.
const SLIDES: [(&str, &str); 2] = [
    ("010-alpha.md", "Alpha slide"),
    ("020-beta.md", "Beta slide"),
];

/// The staff PIN's hash, worked out once per test program (Argon2 is slow
/// on purpose).
fn pin_hash() -> &'static str {
    static HASH: OnceLock<String> = OnceLock::new();
    HASH.get_or_init(|| {
        let pin = kiosk::staff::Pin::parse(PIN).expect("a valid test PIN");
        kiosk::staff::hash_pin(&pin).expect("the PIN hashes")
    })
}

/// A kiosk folder in a temporary directory, removed at the end.
pub struct Site {
    dir: TempDir,
}

impl Site {
    pub fn new() -> Self {
        let dir = tempfile::Builder::new()
            .prefix("kiosk-dbfaults-")
            .tempdir()
            .expect("a temporary folder");
        let config = format!(
            "[clinic]\nname = \"{CLINIC}\"\ntimezone = \"America/Denver\"\n\
             [hours]\nmonday = \"09:00-18:00\"\n\
             [kiosk]\ncontent_dir = \"content\"\nlog_dir = \"state/logs\"\n\
             heartbeat_file = \"state/heartbeat\"\n\
             [checkin]\ndatabase = \"data/checkins.db\"\n\
             [staff]\npin_hash = \"{}\"\nlock_file = \"state/staff.lock\"\n",
            pin_hash()
        );
        fs::write(dir.path().join("kiosk.toml"), config).expect("kiosk.toml written");
        let content = dir.path().join("content");
        fs::create_dir(&content).expect("content folder");
        for (file, title) in SLIDES {
            let text = format!("+++\ntitle = \"{title}\"\nduration = 1\n+++\nA slide.\n");
            fs::write(content.join(file), text).expect("slide written");
        }
        Self { dir }
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn config(&self) -> PathBuf {
        self.root().join("kiosk.toml")
    }

    /// The folder holding the database (and nothing else).
    pub fn data(&self) -> PathBuf {
        self.root().join("data")
    }

    pub fn database(&self) -> PathBuf {
        // The kiosk runs with --at: a demonstration, on files of its own.
        kiosk::config::demo_path(&self.data().join("checkins.db"))
    }

    /// `--config <kiosk.toml> run --at <AT> <extra>`.
    pub fn args(&self, extra: &[&str]) -> Vec<OsString> {
        self.args_at(AT, extra)
    }

    /// `--config <kiosk.toml> run --at <at> <extra>`.
    pub fn args_at(&self, at: &str, extra: &[&str]) -> Vec<OsString> {
        let mut args: Vec<OsString> = vec![
            "--config".into(),
            self.config().into(),
            "run".into(),
            "--at".into(),
            at.into(),
        ];
        args.extend(extra.iter().map(OsString::from));
        args
    }

    /// The kiosk itself, at 100×30.
    pub fn run(&self) -> PtyKiosk {
        PtyKiosk::spawn(self.args(&[]), 100, 30)
    }

    /// Everything in the kiosk's log folder.
    pub fn log(&self) -> String {
        let Ok(entries) = fs::read_dir(self.root().join("state/logs")) else {
            return String::new();
        };
        let mut files: Vec<PathBuf> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
        files.sort();
        files
            .iter()
            .map(|f| fs::read_to_string(f).unwrap_or_default())
            .collect()
    }

    /// The names of the files in `data/` that were moved aside.
    pub fn moved_aside(&self) -> Vec<PathBuf> {
        let mut found: Vec<PathBuf> = fs::read_dir(self.data())
            .expect("the data folder lists")
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.to_string_lossy().contains(".corrupt-"))
            .collect();
        found.sort();
        found
    }
}

/// One stored check-in, as the test reads it back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub date: String,
    pub ticket: i64,
    pub first: String,
    pub last: String,
}

/// Every check-in in the database at `db`, by date and ticket, read through
/// a read-only connection (which never checkpoints or removes the `-wal`).
pub fn rows_in(db: &Path) -> Vec<Row> {
    let conn = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .unwrap_or_else(|e| panic!("cannot open {}: {e}", db.display()));
    let field = |key: &str| {
        format!("(SELECT value FROM checkin_field WHERE checkin_id = c.id AND key = '{key}')")
    };
    let sql = format!(
        "SELECT c.local_date, c.ticket, {}, {} FROM checkin c ORDER BY c.local_date, c.ticket",
        field("first_name"),
        field("last_name")
    );
    let mut stmt = conn.prepare(&sql).expect("the query prepares");
    stmt.query_map([], |r| {
        Ok(Row {
            date: r.get(0)?,
            ticket: r.get(1)?,
            first: r.get::<_, Option<String>>(2)?.unwrap_or_default(),
            last: r.get::<_, Option<String>>(3)?.unwrap_or_default(),
        })
    })
    .expect("the query runs")
    .collect::<Result<_, _>>()
    .expect("every row reads")
}

/// `PRAGMA integrity_check` on the database at `db`: "ok" when sound.
pub fn integrity(db: &Path) -> String {
    let conn = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .unwrap_or_else(|e| panic!("cannot open {}: {e}", db.display()));
    let mut lines: Vec<String> = Vec::new();
    conn.pragma_query(None, "integrity_check", |r| {
        lines.push(r.get(0)?);
        Ok(())
    })
    .expect("integrity_check runs");
    lines.join("; ")
}

/// The (first, last) names in `rows`.
pub fn names(rows: &[Row]) -> Vec<(String, String)> {
    rows.iter()
        .map(|r| (r.first.clone(), r.last.clone()))
        .collect()
}

/// Waits for the slides screen: the clinic, the green button, and no form
/// or result left over.
pub fn wait_for_slides(kiosk: &PtyKiosk) {
    kiosk.wait_for("the slides screen", |s| {
        s.contains(CLINIC)
            && (s.contains(PROMPT) || s.contains(SHORT_PROMPT))
            && !s.contains(FORM_TITLE)
            && !s.contains("Touch the screen")
    });
}

/// Waits until both slides have been on screen: the slideshow moves on.
pub fn wait_for_slides_to_turn(kiosk: &PtyKiosk) {
    for (_, title) in SLIDES {
        kiosk.wait_for_text(title);
    }
}

/// A patient presses Enter, types their names and date of birth, and
/// presses Enter on the last answer. Does not wait for the result.
pub fn check_in(kiosk: &mut PtyKiosk, first: &str, last: &str) {
    kiosk.send(b"\r");
    kiosk.wait_for_text(FORM_TITLE);
    kiosk.send(format!("{first}\r{last}\r{BORN}\r").as_bytes());
}

/// A patient checks in and the kiosk confirms it; back to the slides.
pub fn check_in_ok(kiosk: &mut PtyKiosk, first: &str, last: &str) {
    check_in(kiosk, first, last);
    kiosk.wait_for_all(&[&format!("You're checked in, {first}."), "Your number is"]);
    // A key dismisses the result only after its first 2 seconds.
    kiosk.wait_for_text(CONTINUE);
    kiosk.send(b" ");
    wait_for_slides(kiosk);
}

/// A patient checks in and is sent to the front desk, with no ticket; back
/// to the slides.
pub fn check_in_refused(kiosk: &mut PtyKiosk, first: &str, last: &str) {
    check_in(kiosk, first, last);
    kiosk.wait_for_all(&[SORRY, SEE_DESK]);
    let screen = kiosk.screen_text();
    for claim in ["checked in", "Your number", "Please have a seat"] {
        assert!(!screen.contains(claim), "{claim:?}:\n{}", framed(&screen));
    }
    kiosk.wait_for_text(CONTINUE);
    kiosk.send(b" ");
    wait_for_slides(kiosk);
}

/// Staff open the staff screen with the chord and the PIN.
pub fn open_staff(kiosk: &mut PtyKiosk) {
    kiosk.send(b"\x01s");
    kiosk.wait_for_text("Enter the staff PIN");
    kiosk.send(format!("{PIN}\r").as_bytes());
    kiosk.wait_for_text("Front desk");
}

/// Staff leave the staff screen.
pub fn leave_staff(kiosk: &mut PtyKiosk) {
    kiosk.send(b"\x1b");
    wait_for_slides(kiosk);
}

/// Whether this process runs as root (file modes do not bind root).
pub fn is_root() -> bool {
    fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("Uid:"))
        .and_then(|ids| ids.split_whitespace().nth(1).map(|e| e == "0"))
        .unwrap_or(false)
}
