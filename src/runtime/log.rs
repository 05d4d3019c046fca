//! The kiosk's log file and heartbeat. Nothing is ever written to the
//! kiosk's own terminal: messages for staff go to a file, one per day, two
//! weeks kept. No patient's name or details are ever logged.

use std::fs::DirBuilder;
use std::io;
use std::os::unix::fs::DirBuilderExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::{DateTime, SecondsFormat, Utc};
use tracing_appender::rolling::{Builder, Rotation};

use crate::staff::atomic::{self, Mode, create_private_dirs};

/// Log files kept before the oldest is deleted.
const KEEP_DAYS: usize = 14;
/// How often the heartbeat file is rewritten.
const BEAT_EVERY: Duration = Duration::from_secs(60);
/// A beat may come this much early, so that it shares a wake-up the loop
/// makes anyway (the clock's minute) instead of needing one of its own.
const BEAT_EARLY: Duration = Duration::from_secs(10);

/// Starts logging to `dir`. Returns a problem to show staff if the folder
/// cannot be used (the kiosk runs on without a log).
pub fn start(dir: &Path) -> Option<String> {
    let made = DirBuilder::new().recursive(true).mode(0o700).create(dir);
    let appender = made.map_err(|e| e.to_string()).and_then(|()| {
        Builder::new()
            .rotation(Rotation::DAILY)
            .filename_prefix("kiosk")
            .filename_suffix("log")
            .max_log_files(KEEP_DAYS)
            .build(dir)
            .map_err(|e| e.to_string())
    });
    match appender {
        Ok(appender) => {
            let subscriber = tracing_subscriber::fmt()
                .with_writer(appender)
                .with_ansi(false)
                .with_target(false)
                .finish();
            tracing::subscriber::set_global_default(subscriber)
                .err()
                .map(|e| e.to_string())
        }
        Err(e) => Some(format!(
            "the log folder {} cannot be used: {e}",
            dir.display()
        )),
    }
}

/// Rewrites a file with the time, every minute, so a watchdog can tell the
/// kiosk is alive.
pub struct Heartbeat {
    path: PathBuf,
    next: Instant,
}

impl Heartbeat {
    /// When the next beat is due.
    pub fn due(&self) -> Instant {
        self.next
    }

    pub fn new(path: &Path) -> Self {
        Self {
            path: path.to_path_buf(),
            next: Instant::now(),
        }
    }

    /// Beats if a minute has passed since the last beat.
    pub fn beat(&mut self, now: DateTime<Utc>) {
        if Instant::now() + BEAT_EARLY < self.next {
            return;
        }
        self.next = Instant::now() + BEAT_EVERY;
        if let Err(e) =
            write_atomically(&self.path, &now.to_rfc3339_opts(SecondsFormat::Secs, true))
        {
            tracing::warn!("heartbeat {} not written: {e}", self.path.display());
        }
    }
}

fn write_atomically(path: &Path, text: &str) -> io::Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        create_private_dirs(dir)?;
    }
    // Renamed into place, so the watchdog never reads half a line; not
    // synced to disk, since a beat from before a power cut counts for
    // nothing (the watchdog counts from the kiosk's latest start, and a file
    // without a time falls back to its modification time), and waiting for
    // the disk every minute would be a wake-up of its own.
    atomic::replace_unsynced(path, format!("{text}\n").as_bytes(), Mode::private(0o644))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_heartbeat_holds_the_time() {
        let dir = tempfile::tempdir().map_err(|e| e.to_string());
        let Ok(dir) = dir else { return };
        let path = dir.path().join("data/heartbeat");
        let at = DateTime::from_timestamp(1_790_000_000, 0).unwrap_or_default();
        Heartbeat::new(&path).beat(at);
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        assert_eq!(text, "2026-09-21T14:13:20Z\n");
    }
}
