//! The lock file shared by every process that asks for the staff PIN: the
//! running kiosk and `kiosk desk`, any number of each.
//!
//! The file is the only record. It is read again before every attempt,
//! and each attempt (read, compare the PIN, write) is made while holding an
//! exclusive `flock` on a companion file beside it (`staff.lock.guard`), so
//! two processes never interleave. What is written is the attempt merged
//! with the file as it is just before writing ([`Lockout::merged`]), so even
//! when the guard cannot be had, no process lowers another's count or lifts
//! its lock; only a right PIN resets the count.

use std::ffi::OsString;
use std::fs::{File, OpenOptions};
use std::io;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};
use std::thread;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use rustix::fs::{FlockOperation, flock};
use rustix::io::Errno;

use super::atomic::create_private_dirs;
use super::lockfile::{self, Loaded};
use super::lockout::{Attempt, Lockout};

/// The longest an attempt waits for another process's attempt to finish
/// (one PIN check) before going ahead without the guard.
const GUARD_WAIT: Duration = Duration::from_secs(3);
/// How often the guard is tried again while another process holds it.
const GUARD_RETRY: Duration = Duration::from_millis(20);

/// One process's handle on the shared lock file. It remembers what it last
/// read, which counts only when the file itself cannot be used.
#[derive(Clone, Copy, Debug, Default)]
pub struct SharedLock {
    known: Lockout,
}

impl SharedLock {
    /// A handle that starts out knowing `known` (usually nothing).
    pub fn new(known: Lockout) -> Self {
        Self { known }
    }

    /// The lockout as the file at `path` holds it at `now`.
    pub fn read(&mut self, path: &Path, now: DateTime<Utc>) -> Lockout {
        let loaded = lockfile::load(path, now);
        self.known = self.trusted(loaded, now);
        self.known
    }

    /// One PIN entered at `now`: the file is read, `check` (which compares
    /// the PIN with its hash) is called only if staff mode is not locked,
    /// and the result is written back, all under the guard. Returns what
    /// became of the attempt and the lockout as written.
    pub fn try_pin(
        &mut self,
        path: &Path,
        now: DateTime<Utc>,
        check: impl FnOnce() -> bool,
    ) -> (Attempt, Lockout) {
        let guard = Guard::take(path);
        if let Err(e) = &guard {
            tracing::warn!("the staff lock file could not be guarded, going ahead without: {e}");
        }
        let mut lockout = self.read(path, now);
        let attempt = lockout.try_pin(now, check);
        let stored = if attempt == Attempt::Accepted {
            lockout
        } else {
            // Under the guard this is what was read above; without it,
            // another process may have written in between.
            let current = self.trusted(lockfile::load(path, now), now);
            current.merged(lockout, now)
        };
        if let Err(e) = lockfile::save(path, &stored) {
            tracing::error!("the staff lock file could not be written: {e}");
        }
        self.known = stored;
        drop(guard);
        (attempt, stored)
    }

    /// The file's lockout, or, if the file cannot be used, what this
    /// process last knew (a damaged file must not lift a lock it saw).
    fn trusted(&self, loaded: Loaded, now: DateTime<Utc>) -> Lockout {
        match loaded.problem {
            None => loaded.lockout,
            Some(problem) => {
                tracing::warn!("{problem}");
                self.known.merged(loaded.lockout, now)
            }
        }
    }
}

/// An exclusive `flock` on `<lock file>.guard`, held until dropped.
struct Guard {
    _file: File,
}

impl Guard {
    fn take(path: &Path) -> io::Result<Self> {
        let guard = guard_path(path);
        if let Some(dir) = guard.parent().filter(|p| !p.as_os_str().is_empty()) {
            create_private_dirs(dir)?;
        }
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .mode(0o600)
            .open(&guard)?;
        let deadline = Instant::now() + GUARD_WAIT;
        loop {
            match flock(&file, FlockOperation::NonBlockingLockExclusive) {
                Ok(()) => return Ok(Self { _file: file }),
                Err(Errno::WOULDBLOCK | Errno::INTR) if Instant::now() < deadline => {
                    thread::sleep(GUARD_RETRY);
                }
                Err(e) => return Err(e.into()),
            }
        }
    }
}

/// `staff.lock` → `staff.lock.guard`, in the same folder.
pub fn guard_path(path: &Path) -> PathBuf {
    let mut name = OsString::from(path.as_os_str());
    name.push(".guard");
    PathBuf::from(name)
}

#[cfg(test)]
#[path = "shared_tests.rs"]
mod tests;
