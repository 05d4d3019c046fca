//! Check-in with the real binary in a pseudo-terminal, in a folder of its
//! own (a copy of the bundled `kiosk.toml`, the repository's slides, and a
//! database created there): one patient by keyboard, one by mouse clicks,
//! both read back with `kiosk checkins list`; one by touches alone on the
//! on-screen keyboard; a double Enter that leaves the number up; an
//! abandoned form cleared by the idle timeout; and the database's file
//! permissions.
//!
//! Every assertion about the screen waits for the text to appear (up to
//! `common::DEADLINE`) instead of sleeping for a fixed time.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::ffi::OsString;
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use common::{DEADLINE, PtyKiosk, Test, bundled_config, framed, manifest_dir};
use serde_json::Value;
use tempfile::TempDir;
use unicode_width::UnicodeWidthStr;

/// A Monday morning: open until 6:00 PM.
const MONDAY_OPEN: &str = "2026-11-23T10:42:00-07:00";
const MONDAY: &str = "2026-11-23";

/// The green button on the slides screen.
const PROMPT: &str = "Check in: press Enter or tap here";
/// The form's title row.
const FORM_TITLE: &str = "Please type your details.";
/// Under the ticket number once its quiet first 2 seconds are over.
const CONTINUE: &str = "Touch the screen or press any key to continue.";

/// A kiosk folder: a copy of the bundled `kiosk.toml` reading the
/// repository's slides, with its database (`data/checkins.db`) here.
struct Site {
    dir: TempDir,
}

impl Site {
    fn new() -> Self {
        Self::with(|config| config)
    }

    /// A site whose `kiosk.toml` is the bundled one changed by `edit`.
    fn with(edit: impl FnOnce(String) -> String) -> Self {
        let dir = tempfile::Builder::new()
            .prefix("kiosk-e2e-checkin-")
            .tempdir()
            .unwrap();
        let bundled = fs::read_to_string(bundled_config()).unwrap();
        let content = manifest_dir().join("content");
        let content = content.to_str().unwrap();
        assert!(!content.contains('\''), "{content}");
        let config = bundled.replace(
            "content_dir = \"content\"",
            &format!("content_dir = '{content}'"),
        );
        assert_ne!(config, bundled, "the bundled kiosk.toml changed");
        assert!(
            config.contains("database = \"data/checkins.db\""),
            "the bundled kiosk.toml changed"
        );
        fs::write(dir.path().join("kiosk.toml"), edit(config)).unwrap();
        Self { dir }
    }

    fn config(&self) -> PathBuf {
        self.dir.path().join("kiosk.toml")
    }

    fn database(&self) -> PathBuf {
        // The kiosk runs with --at: a demonstration, on files of its own.
        kiosk::config::demo_path(&self.dir.path().join("data").join("checkins.db"))
    }

    /// `kiosk --config <this kiosk.toml> run --at <at> <extra>` at 100x30.
    fn run(&self, at: &str, extra: &[&str]) -> PtyKiosk {
        let mut args: Vec<OsString> = vec![
            "--config".into(),
            self.config().into(),
            "run".into(),
            "--at".into(),
            at.into(),
        ];
        args.extend(extra.iter().map(OsString::from));
        PtyKiosk::spawn(args, 100, 30)
    }

    /// `kiosk checkins list --json --date <date>`, as the front desk runs
    /// it, parsed.
    fn list(&self, date: &str) -> Vec<Value> {
        let out = Test::in_dir(self.dir.path())
            .args(["--config".into(), self.config().into_os_string()])
            .args(["checkins", "list", "--demo", "--json", "--date", date])
            .any_stdout()
            .run();
        serde_json::from_str(&out.stdout)
            .unwrap_or_else(|e| panic!("not JSON ({e}):\n{}", out.stdout))
    }
}

/// Where `text` first shows on `screen`: (column, row), 0-based, in
/// terminal cells.
fn find(screen: &str, text: &str) -> Option<(u16, u16)> {
    screen.lines().enumerate().find_map(|(row, line)| {
        let at = line.find(text)?;
        let column = line[..at].width();
        Some((u16::try_from(column).ok()?, u16::try_from(row).ok()?))
    })
}

fn find_or_fail(kiosk: &PtyKiosk, text: &str) -> (u16, u16) {
    let screen = kiosk.screen_text();
    find(&screen, text).unwrap_or_else(|| panic!("{text:?} is not on screen:\n{}", framed(&screen)))
}

/// A left click (press and release) at a 0-based cell, as an SGR mouse
/// report (1-based).
fn click(kiosk: &mut PtyKiosk, column: u16, row: u16) {
    let (x, y) = (column + 1, row + 1);
    kiosk.send(format!("\x1b[<0;{x};{y}M\x1b[<0;{x};{y}m").as_bytes());
}

/// Clicks inside the answer box under the label `label` (the box's middle
/// row is two rows under the label).
fn click_field(kiosk: &mut PtyKiosk, label: &str) {
    let (column, row) = find_or_fail(kiosk, label);
    let screen = kiosk.screen_text();
    let box_row = screen.lines().nth(usize::from(row + 2)).unwrap_or_default();
    assert!(
        box_row.contains('│') || box_row.contains('┃'),
        "no answer box under {label:?}:\n{}",
        framed(&screen)
    );
    click(kiosk, column + 4, row + 2);
}

/// Waits for the slides screen with the green button, and nothing of the
/// form or confirmation.
fn wait_for_slides(kiosk: &PtyKiosk, gone: &[&str]) {
    kiosk.wait_for(&format!("the slides without {gone:?}"), |s| {
        s.contains(PROMPT)
            && !s.contains(FORM_TITLE)
            && !s.contains("Still there?")
            && !gone.iter().any(|g| s.contains(g))
    });
}

fn by_ticket(rows: &[Value], ticket: u64) -> &Value {
    rows.iter()
        .find(|r| r["ticket"] == ticket)
        .unwrap_or_else(|| panic!("no ticket {ticket} in {rows:#?}"))
}

fn mode(path: &Path) -> u32 {
    fs::metadata(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .permissions()
        .mode()
        & 0o777
}

/// The database file and its companions are the owner's alone (0600), in
/// a folder only the owner can open (0700).
fn assert_private(site: &Site) {
    let db = site.database();
    let folder = db.parent().unwrap();
    assert_eq!(mode(folder), 0o700, "{}", folder.display());
    assert_eq!(mode(&db), 0o600, "{}", db.display());
    for suffix in ["-wal", "-shm"] {
        let side = PathBuf::from(format!("{}{suffix}", db.display()));
        if side.exists() {
            assert_eq!(mode(&side), 0o600, "{}", side.display());
        }
    }
}

#[test]
fn two_patients_check_in_by_keyboard_and_by_mouse() {
    let site = Site::new();
    let mut kiosk = site.run(MONDAY_OPEN, &[]);
    kiosk.wait_for_all(&["OPEN", PROMPT]);

    // (a) By keyboard: Enter, then each answer followed by Enter.
    kiosk.send(b"\r");
    kiosk.wait_for_all(&[FORM_TITLE, "First name", "Last name", "Date of birth"]);
    kiosk.send(b"Maria");
    kiosk.wait_for_text("Maria");
    kiosk.send(b"\r");
    kiosk.send(b"Lopez");
    kiosk.wait_for_text("Lopez");
    kiosk.send(b"\r");
    kiosk.send(b"4/17/62");
    kiosk.wait_for_all(&["4/17/62", "Understood as April 17, 1962"]);
    // Enter on the last answer checks in: the focus never rests on the
    // button.
    kiosk.send(b"\r");
    kiosk.wait_for_all(&["You're checked in, Maria", "Your number is"]);
    let screen = kiosk.screen_text();
    assert!(!screen.contains("Lopez"), "{}", framed(&screen));
    assert!(!screen.contains("1962"), "{}", framed(&screen));
    // After its first 2 seconds, any key goes back to the slides, and the
    // name goes with it.
    kiosk.wait_for_text(CONTINUE);
    kiosk.send(b"x");
    wait_for_slides(&kiosk, &["Maria", "checked in"]);

    // (b) By mouse: the green button, the answer boxes, "Next", then
    // "Check in".
    let (column, row) = find_or_fail(&kiosk, PROMPT);
    click(&mut kiosk, column + 10, row);
    kiosk.wait_for_all(&[FORM_TITLE, "First name"]);
    let screen = kiosk.screen_text();
    assert!(!screen.contains("Maria"), "{}", framed(&screen));
    click_field(&mut kiosk, "First name");
    kiosk.send("José".as_bytes());
    kiosk.wait_for_text("José");
    click_field(&mut kiosk, "Last name");
    kiosk.send("García".as_bytes());
    kiosk.wait_for_text("García");
    // The touch brought the on-screen keyboard, so at 100x30 the date of
    // birth is below the fold: "Next" brings it.
    tap_button(&mut kiosk, "Next");
    kiosk.wait_for_text("Date of birth");
    kiosk.send(b"4/17/62");
    kiosk.wait_for_text("4/17/62");
    // The button is the row saying just "Check in" (the title row says
    // more).
    let screen = kiosk.screen_text();
    let (column, row) = screen
        .lines()
        .enumerate()
        .filter(|(_, l)| l.contains("Check in") && !l.contains(FORM_TITLE))
        .find_map(|(row, line)| {
            let at = line.find("Check in")?;
            Some((line[..at].width(), row))
        })
        .unwrap_or_else(|| panic!("no Check in button:\n{}", framed(&screen)));
    click(
        &mut kiosk,
        u16::try_from(column).unwrap() + 3,
        u16::try_from(row).unwrap(),
    );
    kiosk.wait_for_all(&["You're checked in, José", "Your number is"]);
    assert!(!kiosk.screen_text().contains("García"));
    // A touch goes back to the slides (after the first 2 seconds).
    kiosk.wait_for_text(CONTINUE);
    click(&mut kiosk, 50, 15);
    wait_for_slides(&kiosk, &["José", "checked in"]);

    // The front desk sees both, in order, while the kiosk runs.
    let rows = site.list(MONDAY);
    assert_eq!(rows.len(), 2, "{rows:#?}");
    let maria = by_ticket(&rows, 1);
    assert_eq!(maria["first_name"], "Maria");
    assert_eq!(maria["last_name"], "Lopez");
    assert_eq!(maria["date_of_birth"], "1962-04-17");
    assert_eq!(maria["status"], "waiting");
    let jose = by_ticket(&rows, 2);
    assert_eq!(jose["first_name"], "José");
    assert_eq!(jose["last_name"], "García");
    assert_eq!(jose["date_of_birth"], "1962-04-17");
    let checked_in = maria["checked_in_at"].as_str().unwrap();
    assert!(
        checked_in.starts_with("2026-11-23T10:4") && checked_in.ends_with("-07:00"),
        "{checked_in}"
    );

    // (d) The database is private.
    assert_private(&site);
    kiosk.signal("TERM");
    let status = kiosk
        .wait_exit(DEADLINE)
        .unwrap_or_else(|| panic!("the kiosk did not stop"));
    assert!(status.success(), "{status:?}");
    assert_private(&site);
    assert_eq!(site.list(MONDAY).len(), 2);
}

#[test]
fn an_abandoned_form_is_cleared_after_the_idle_timeout() {
    // 15 seconds of kiosk time, 1.5 seconds of real time.
    let site = Site::with(|config| {
        let edited = config.replace("idle_timeout_seconds = 60", "idle_timeout_seconds = 15");
        assert_ne!(edited, config, "the bundled kiosk.toml changed");
        edited
    });
    let mut kiosk = site.run(MONDAY_OPEN, &["--speed", "10"]);
    kiosk.wait_for_text(PROMPT);
    kiosk.send(b"\r");
    kiosk.wait_for_text(FORM_TITLE);
    kiosk.send(b"Zebulon");
    kiosk.wait_for_text("Zebulon");
    kiosk.send(b"\t");
    kiosk.send(b"Quackenbush");
    kiosk.wait_for_text("Quackenbush");

    kiosk.wait_for_all(&["Still there?", "Zebulon"]);
    wait_for_slides(&kiosk, &["Zebulon", "Quackenbush"]);
    let screen = kiosk.screen_text();
    for gone in ["Zebulon", "Quackenbush", "Still there?"] {
        assert!(!screen.contains(gone), "{gone:?}:\n{}", framed(&screen));
    }
    // Nothing was stored, and the next form starts empty.
    assert_eq!(site.list(MONDAY), Vec::<Value>::new());
    kiosk.send(b"\r");
    kiosk.wait_for_text(FORM_TITLE);
    let screen = kiosk.screen_text();
    assert!(!screen.contains("Zebulon"), "{}", framed(&screen));
    assert_private(&site);
}

#[test]
fn the_database_is_created_private_at_start() {
    let site = Site::new();
    assert!(!site.database().exists());
    let kiosk = site.run(MONDAY_OPEN, &[]);
    kiosk.wait_for_text(PROMPT);
    // The kiosk opens (and so creates) the database before its first frame.
    assert!(site.database().exists());
    assert_private(&site);
}

/// Where the on-screen key saying `label` is: its label alone between the
/// key's borders (`│   q   │`), as (column, row).
fn find_key(screen: &str, label: &str) -> Option<(u16, u16)> {
    screen.lines().enumerate().find_map(|(row, line)| {
        let mut from = 0;
        while let Some(found) = line[from..].find(label) {
            let at = from + found;
            let before = line[..at].trim_end_matches(' ');
            let after = line[at + label.len()..].trim_start_matches(' ');
            if before.ends_with('│') && after.starts_with('│') {
                let column = line[..at].width();
                return Some((u16::try_from(column).ok()?, u16::try_from(row).ok()?));
            }
            from = at + label.len();
        }
        None
    })
}

/// Waits for the key `label` and touches it.
fn tap_key(kiosk: &mut PtyKiosk, label: &str) {
    kiosk.wait_for(&format!("the key {label:?}"), |s| {
        find_key(s, label).is_some()
    });
    let (column, row) = find_key(&kiosk.screen_text(), label).unwrap();
    click(kiosk, column, row);
}

/// Touches the form's button saying `label` (not the title row).
fn tap_button(kiosk: &mut PtyKiosk, label: &str) {
    kiosk.wait_for(&format!("the button {label:?}"), |s| {
        s.lines()
            .any(|l| l.contains(label) && !l.contains(FORM_TITLE))
    });
    let screen = kiosk.screen_text();
    let (column, row) = screen
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.contains(FORM_TITLE))
        .find_map(|(row, line)| Some((line[..line.find(label)?].width(), row)))
        .unwrap();
    click(
        kiosk,
        u16::try_from(column).unwrap() + 1,
        u16::try_from(row).unwrap(),
    );
}

#[test]
fn a_checkin_by_touch_alone() {
    let site = Site::new();
    let mut kiosk = site.run(MONDAY_OPEN, &[]);
    kiosk.wait_for_text(PROMPT);
    let (column, row) = find_or_fail(&kiosk, PROMPT);
    click(&mut kiosk, column + 10, row);
    // The touch brings the on-screen keyboard with the form.
    kiosk.wait_for_all(&[FORM_TITLE, "First name", "Erase", "Shift"]);

    // "Zoë": a capital by itself, then the accented letters' page.
    tap_key(&mut kiosk, "Z");
    kiosk.wait_for_text("┃ Z");
    tap_key(&mut kiosk, "o");
    tap_key(&mut kiosk, "áéñ");
    tap_key(&mut kiosk, "ë");
    kiosk.wait_for_text("Zoë");
    tap_button(&mut kiosk, "Next");
    kiosk.wait_for_text("┃ ");
    for label in ["O", "'", "n", "e", "a", "l"] {
        tap_key(&mut kiosk, label);
    }
    kiosk.wait_for_text("O'neal");
    tap_button(&mut kiosk, "Next");
    // The date of birth gets the numeric pad.
    tap_key(&mut kiosk, "7");
    for label in ["/", "4", "/", "1", "9", "6", "2"] {
        tap_key(&mut kiosk, label);
    }
    kiosk.wait_for_all(&["7/4/1962", "Understood as July 4, 1962"]);
    tap_button(&mut kiosk, "Check in");
    kiosk.wait_for_all(&["You're checked in, Zoë", "Your number is", "Done"]);
    // "Done", once the number has had its first seconds.
    kiosk.wait_for_text(CONTINUE);
    let (column, row) = find_or_fail(&kiosk, "Done");
    click(&mut kiosk, column + 1, row);
    wait_for_slides(&kiosk, &["Zoë", "checked in"]);

    let rows = site.list(MONDAY);
    assert_eq!(rows.len(), 1, "{rows:#?}");
    let zoe = by_ticket(&rows, 1);
    assert_eq!(zoe["first_name"], "Zoë");
    assert_eq!(zoe["last_name"], "O'neal");
    assert_eq!(zoe["date_of_birth"], "1962-07-04");
}

#[test]
fn a_double_enter_leaves_the_number_up() {
    let site = Site::new();
    let mut kiosk = site.run(MONDAY_OPEN, &[]);
    kiosk.wait_for_text(PROMPT);
    kiosk.send(b"\r");
    kiosk.wait_for_text(FORM_TITLE);
    kiosk.send(b"Maria\rLopez\r4/17/62");
    kiosk.wait_for_text("Understood as April 17, 1962");
    // Enter twice, as fast as a terminal sends them.
    kiosk.send(b"\r\r");
    kiosk.wait_for_all(&["You're checked in, Maria", "Your number is"]);
    // The number is still up when its quiet seconds end (the hint shows),
    // and one check-in was stored.
    kiosk.wait_for_text(CONTINUE);
    let screen = kiosk.screen_text();
    assert!(screen.contains("Your number is"), "{}", framed(&screen));
    assert_eq!(site.list(MONDAY).len(), 1);
    // A double tap on Done's place right after a touch submit is the same:
    // covered by tests/app_touch.rs; here the number leaves by a key.
    kiosk.send(b" ");
    wait_for_slides(&kiosk, &["Maria", "checked in"]);
}
