//! `kiosk store migrate`, `kiosk store copy` and the commands that read a
//! shared store (`[store] url`), run as IT and the front desk would,
//! against the test PostgreSQL server.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

mod pg_support;

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::{DateTime, Duration, Utc};
use kiosk::store::{NewCheckin, Status, Store};

fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .expect("RFC 3339")
        .with_timezone(&Utc)
}

fn patient(first: &str) -> NewCheckin {
    let fields = vec![
        ("first_name".to_string(), first.to_string()),
        ("last_name".to_string(), "Ruiz".to_string()),
        ("date_of_birth".to_string(), "1960-06-06".to_string()),
    ];
    NewCheckin::new(fields, &["first_name", "last_name", "date_of_birth"])
}

/// A kiosk.toml in a temporary folder, its SQLite file holding a history,
/// and a second kiosk.toml naming the test schema as its store.
struct Clinic {
    dir: tempfile::TempDir,
    scratch: pg_support::Scratch,
    sqlite: PathBuf,
    shared: PathBuf,
    url: String,
}

impl Clinic {
    fn new(site: &str) -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let scratch = pg_support::Scratch::new();
        let (url, password) = pg_support::split_password(&scratch.url());
        let secret = dir.path().join("db-password");
        std::fs::write(&secret, format!("{password}\n")).expect("written");
        std::fs::set_permissions(&secret, std::fs::Permissions::from_mode(0o600))
            .expect("owner-only");
        let base = format!(
            "[clinic]\nname = \"T\"\ntimezone = \"America/Denver\"\nsite = \"{site}\"\n\
             [checkin]\ndatabase = \"data/checkins.db\"\n"
        );
        let sqlite = dir.path().join("sqlite.toml");
        std::fs::write(&sqlite, &base).expect("written");
        let shared = dir.path().join("shared.toml");
        std::fs::write(
            &shared,
            format!("{base}[store]\nurl = \"{url}\"\npassword_file = \"db-password\"\n"),
        )
        .expect("written");
        Self {
            dir,
            scratch,
            sqlite,
            shared,
            url,
        }
    }

    fn fill(&self) {
        let db = self.dir.path().join("data/checkins.db");
        let mut store = Store::open(&db, chrono_tz::America::Denver).expect("open");
        let window = Duration::hours(12);
        store
            .insert(&patient("Old"), at("2026-11-20T09:00:00-07:00"), window)
            .expect("stored");
        let ana = store
            .insert(&patient("Ana"), at("2026-11-23T09:00:00-07:00"), window)
            .expect("stored");
        store
            .insert(&patient("Ben"), at("2026-11-23T09:05:00-07:00"), window)
            .expect("stored");
        store
            .insert(&patient("Ana"), at("2026-11-23T09:10:00-07:00"), window)
            .expect("a repeat");
        store
            .set_status(ana.id(), Status::Called, at("2026-11-23T09:20:00-07:00"))
            .expect("called");
    }

    fn kiosk(&self, config: &Path, args: &[&str]) -> (String, String, bool) {
        let out = Command::new(env!("CARGO_BIN_EXE_kiosk"))
            .arg("--config")
            .arg(config)
            .args(args)
            .env("HOME", self.dir.path())
            .output()
            .expect("kiosk runs");
        (
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
            out.status.success(),
        )
    }
}

#[test]
fn migrate_says_what_it_did() {
    let clinic = Clinic::new("main");
    let shown = clinic.url.split('?').next().unwrap_or_default().to_string();
    let (out, err, ok) = clinic.kiosk(&clinic.shared, &["store", "migrate"]);
    assert!(ok, "{err}");
    assert_eq!(
        out,
        format!("{shown}: the schema went from version 0 to 1.\n")
    );
    let (out, _, ok) = clinic.kiosk(&clinic.shared, &["store", "migrate"]);
    assert!(ok);
    assert_eq!(
        out,
        format!("{shown}: the schema is up to date (version 1).\n")
    );
    let (_, err, ok) = clinic.kiosk(&clinic.sqlite, &["store", "migrate"]);
    assert!(!ok);
    assert!(err.contains("names no [store] url"), "{err}");
}

#[test]
fn copy_moves_the_history_once_and_the_lists_match() {
    let clinic = Clinic::new("lakewood");
    clinic.fill();
    let (_, password) = pg_support::split_password(&clinic.scratch.url());
    let secret = clinic.dir.path().join("db-password");
    assert!(!password.is_empty());
    let copy = [
        "store",
        "copy",
        "--to",
        clinic.url.as_str(),
        "--password-file",
        secret.to_str().unwrap_or_default(),
    ];
    let (out, err, ok) = clinic.kiosk(&clinic.sqlite, &copy);
    assert!(ok, "{err}");
    assert_eq!(
        out,
        "Copied 3 check-ins (0 were already there); the server now holds all 3 of this file's check-ins, each checked.\n"
    );
    let (out, err, ok) = clinic.kiosk(&clinic.sqlite, &copy);
    assert!(ok, "{err}");
    assert_eq!(
        out,
        "Copied 0 check-ins (3 were already there); the server now holds all 3 of this file's check-ins, each checked.\n"
    );
    for args in [
        ["checkins", "list", "--date", "2026-11-23"],
        ["checkins", "list", "--date", "2026-11-20"],
        ["checkins", "history", "--date", "2026-11-23"],
    ] {
        let (from_file, _, ok) = clinic.kiosk(&clinic.sqlite, &args);
        assert!(ok);
        let (from_server, err, ok) = clinic.kiosk(&clinic.shared, &args);
        assert!(ok, "{err}");
        assert_eq!(from_server, from_file, "{args:?}");
        assert!(from_server.contains(" 9:00 AM"), "{from_server}");
    }
    // The next check-in at the site continues the copied day's tickets.
    let mut store = clinic.scratch.store("lakewood");
    let next = store
        .add(
            &patient("Cy"),
            &kiosk::store::new_key(),
            at("2026-11-23T10:00:00-07:00"),
            Duration::hours(1),
            kiosk::store::Source::Kiosk,
        )
        .expect("stored");
    assert_eq!(next.ticket(), 3);
}

#[test]
fn lists_show_one_site_unless_asked() {
    let clinic = Clinic::new("lakewood");
    let day = at("2026-11-23T09:00:00-07:00");
    for (site, name) in [("lakewood", "Ana"), ("golden", "Ben")] {
        let mut store = clinic.scratch.store(site);
        store
            .add(
                &patient(name),
                &kiosk::store::new_key(),
                day,
                Duration::hours(1),
                kiosk::store::Source::Kiosk,
            )
            .expect("stored");
    }
    let list = |extra: &[&str]| {
        let mut args = vec!["checkins", "list", "--date", "2026-11-23"];
        args.extend(extra);
        let (out, err, ok) = clinic.kiosk(&clinic.shared, &args);
        assert!(ok, "{err}");
        out
    };
    let own = list(&[]);
    assert!(own.contains("Ana") && !own.contains("Ben"), "{own}");
    let other = list(&["--site", "golden"]);
    assert!(other.contains("Ben") && !other.contains("Ana"), "{other}");
    let all = list(&["--all-sites"]);
    let golden = all.find("Site golden").expect("golden listed");
    let lakewood = all.find("Site lakewood").expect("lakewood listed");
    assert!(
        golden < all.find("Ben").unwrap_or(0) && lakewood < all.find("Ana").unwrap_or(0),
        "{all}"
    );
}

#[test]
fn a_password_in_kiosk_toml_is_refused() {
    let clinic = Clinic::new("main");
    let config = clinic.dir.path().join("bad.toml");
    std::fs::write(
        &config,
        "[clinic]\nname = \"T\"\ntimezone = \"America/Denver\"\n\
         [store]\nurl = \"postgresql://kiosk:hunter2@db.clinic.lan/clinic\"\n",
    )
    .expect("written");
    let (_, err, ok) = clinic.kiosk(&config, &["checkins", "list"]);
    assert!(!ok);
    assert!(
        err.contains("holds a password, and kiosk.toml is no place for one"),
        "{err}"
    );
    assert!(err.contains("bad.toml:5:7"), "{err}");
}
