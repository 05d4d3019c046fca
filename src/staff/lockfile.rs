//! The lockout kept on disk (`lock_file` in `[staff]`, by default
//! `data/staff.lock`), so that restarting the kiosk does not lift a lock.
//!
//! The file is one line of JSON, `{"failures":2,"locked_until":null}` or
//! `{"failures":5,"locked_until":"2026-11-23T22:41:00Z"}`, written
//! atomically, readable only by the kiosk's user (0600) in a folder created
//! 0700. A missing file means no lock; so does a damaged one, which is
//! reported so that someone can look at it.
//!
//! The kiosk and `kiosk desk` share the file through [`super::shared`],
//! which reads it before every attempt and writes it under a file lock.

use std::fmt;
use std::io;
use std::path::Path;

use chrono::{DateTime, SecondsFormat, Utc};
use serde::{Deserialize, Serialize};

use super::atomic::{Mode, create_private_dirs, write_atomically};
use super::lockout::Lockout;

/// Lock files are never this large; anything bigger is damaged.
const MAX_LEN: u64 = 4096;

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Stored {
    failures: u32,
    locked_until: Option<String>,
}

/// Why the lock file could not be used. The kiosk carries on as if there
/// were no lock, and says so in its log.
#[derive(Debug)]
pub enum LockFileProblem {
    /// The file exists but could not be read.
    Unreadable(io::Error),
    /// The file was read but does not hold a lockout.
    Damaged(String),
}

impl fmt::Display for LockFileProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Unreadable(e) => write!(f, "cannot read the staff lock file: {e}"),
            Self::Damaged(why) => write!(f, "the staff lock file is damaged ({why}); ignoring it"),
        }
    }
}

/// What [`load`] found.
#[derive(Debug)]
pub struct Loaded {
    /// The lockout, brought up to the moment of loading.
    pub lockout: Lockout,
    /// Set when the file was there but could not be used.
    pub problem: Option<LockFileProblem>,
}

/// The lockout as the file holds it.
pub fn to_text(lockout: &Lockout) -> String {
    let stored = Stored {
        failures: lockout.failures,
        locked_until: lockout
            .locked_until
            .map(|t| t.to_rfc3339_opts(SecondsFormat::Secs, true)),
    };
    let mut text = serde_json::to_string(&stored).unwrap_or_default();
    text.push('\n');
    text
}

/// Reads the file's text back.
pub fn from_text(text: &str) -> Result<Lockout, String> {
    let stored: Stored = serde_json::from_str(text).map_err(|e| e.to_string())?;
    let locked_until = match stored.locked_until {
        None => None,
        Some(t) => Some(
            DateTime::parse_from_rfc3339(&t)
                .map_err(|e| format!("locked_until: {e}"))?
                .with_timezone(&Utc),
        ),
    };
    Ok(Lockout {
        failures: stored.failures,
        locked_until,
    })
}

/// Reads the lockout from `path` as at `now`. Never fails: a missing file
/// is no lock, and a file that cannot be used is no lock plus a problem.
pub fn load(path: &Path, now: DateTime<Utc>) -> Loaded {
    let (mut lockout, problem) = match read_small(path) {
        Ok(None) => (Lockout::default(), None),
        Ok(Some(text)) => match from_text(&text) {
            Ok(lockout) => (lockout, None),
            Err(why) => (Lockout::default(), Some(LockFileProblem::Damaged(why))),
        },
        Err(e) => (Lockout::default(), Some(LockFileProblem::Unreadable(e))),
    };
    lockout.settle(now);
    Loaded { lockout, problem }
}

fn read_small(path: &Path) -> io::Result<Option<String>> {
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    if !meta.is_file() || meta.len() > MAX_LEN {
        // Handed to the parser as text it will reject, naming the reason.
        return Ok(Some(String::from("not a small file")));
    }
    let bytes = std::fs::read(path)?;
    Ok(Some(String::from_utf8_lossy(&bytes).into_owned()))
}

/// Writes `lockout` to `path` atomically, the file 0600 and any folder it
/// needs created 0700.
pub fn save(path: &Path, lockout: &Lockout) -> io::Result<()> {
    if let Some(dir) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        create_private_dirs(dir)?;
    }
    write_atomically(path, to_text(lockout).as_bytes(), Mode::private(0o600))
}

#[cfg(test)]
mod tests {
    use std::os::unix::fs::PermissionsExt;

    use chrono::TimeDelta;

    use super::*;
    use crate::staff::lockout::{Attempt, LOCK_FOR};

    type TestResult = Result<(), Box<dyn std::error::Error>>;

    fn t0() -> DateTime<Utc> {
        DateTime::from_timestamp(1_795_000_000, 0).unwrap_or_default()
    }

    fn mode(path: &Path) -> u32 {
        std::fs::metadata(path).map_or(0, |m| m.permissions().mode() & 0o7777)
    }

    #[test]
    fn text_round_trip() {
        let open = Lockout {
            failures: 2,
            locked_until: None,
        };
        assert_eq!(to_text(&open), "{\"failures\":2,\"locked_until\":null}\n");
        let locked = Lockout {
            failures: 5,
            locked_until: Some(t0()),
        };
        assert_eq!(
            to_text(&locked),
            "{\"failures\":5,\"locked_until\":\"2026-11-18T11:06:40Z\"}\n"
        );
        assert_eq!(from_text(&to_text(&open)), Ok(open));
        assert_eq!(from_text(&to_text(&locked)), Ok(locked));
    }

    #[test]
    fn a_lock_survives_a_restart() -> TestResult {
        let tmp = tempfile::tempdir()?;
        let path = tmp.path().join("data/staff.lock");
        let mut lockout = Lockout::default();
        for _ in 0..5 {
            lockout.attempt(false, t0());
            save(&path, &lockout)?;
        }
        // The kiosk restarts a minute later.
        let later = t0() + TimeDelta::minutes(1);
        let loaded = load(&path, later);
        assert!(loaded.problem.is_none());
        let mut restarted = loaded.lockout;
        assert!(restarted.is_locked(later));
        let until = t0() + LOCK_FOR;
        assert_eq!(restarted.attempt(true, later), Attempt::Locked { until });
        assert!(!load(&path, until).lockout.is_locked(until));
        Ok(())
    }

    #[test]
    fn failures_survive_a_restart_too() -> TestResult {
        let tmp = tempfile::tempdir()?;
        let path = tmp.path().join("staff.lock");
        let mut lockout = Lockout::default();
        lockout.attempt(false, t0());
        lockout.attempt(false, t0());
        save(&path, &lockout)?;
        let mut restarted = load(&path, t0()).lockout;
        assert_eq!(
            restarted.attempt(false, t0()),
            Attempt::Rejected { left: 2 }
        );
        Ok(())
    }

    #[test]
    fn file_and_folder_are_private() -> TestResult {
        let tmp = tempfile::tempdir()?;
        let path = tmp.path().join("data/staff.lock");
        save(&path, &Lockout::default())?;
        assert_eq!(mode(&tmp.path().join("data")), 0o700);
        assert_eq!(mode(&path), 0o600);
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644))?;
        save(&path, &Lockout::default())?;
        assert_eq!(mode(&path), 0o600, "rewritten private");
        Ok(())
    }

    #[test]
    fn a_missing_file_is_no_lock_and_no_problem() {
        let loaded = load(Path::new("/nonexistent/staff.lock"), t0());
        assert_eq!(loaded.lockout, Lockout::default());
        assert!(loaded.problem.is_none());
    }

    #[test]
    fn a_damaged_file_is_no_lock_and_is_reported() -> TestResult {
        let tmp = tempfile::tempdir()?;
        let path = tmp.path().join("staff.lock");
        for junk in [
            "",
            "{\"failures\":5",
            "{\"failures\":-1,\"locked_until\":null}",
            "{\"failures\":5,\"locked_until\":\"soon\"}",
            "{\"failures\":5,\"locked_until\":null,\"extra\":1}",
            "\u{0}\u{1}binary",
        ] {
            std::fs::write(&path, junk)?;
            let loaded = load(&path, t0());
            assert_eq!(loaded.lockout, Lockout::default(), "{junk:?}");
            let problem = loaded.problem.map(|p| p.to_string()).unwrap_or_default();
            assert!(problem.contains("damaged"), "{junk:?}: {problem}");
        }
        std::fs::remove_file(&path)?;
        std::fs::create_dir(&path)?;
        assert!(
            load(&path, t0()).problem.is_some(),
            "a folder is not a lock file"
        );
        Ok(())
    }
}
