//! Noticing that the database's files were deleted, moved or replaced while
//! the kiosk has them open, and getting every committed check-in back into
//! the file that other programs read.
//!
//! SQLite keeps writing to the files it opened: after `rm checkins.db-wal`
//! its commits go to a journal nobody else can see, and the next program to
//! open the database starts a new one without them. So before and after
//! each change the store compares the files at its path (device and inode)
//! with the ones it opened, and stops at the first difference.

use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rusqlite::config::DbConfig;

use super::files::{tighten, unused_name, with_suffix};
use super::{Store, StoreError};

/// A file's device and inode numbers.
type FileId = (u64, u64);

/// The database file and its `-wal` as they were when the store opened
/// them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct OpenedFiles {
    database: Option<FileId>,
    wal: Option<FileId>,
}

fn file_id(path: &Path) -> Option<FileId> {
    fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
}

impl OpenedFiles {
    /// The files at `path` now.
    pub(super) fn at(path: &Path) -> Self {
        Self {
            database: file_id(path),
            wal: file_id(&with_suffix(path, "-wal")),
        }
    }

    /// What happened to the files since they were opened, in words for
    /// staff, or `None` when they are the same.
    fn change_since(&self, path: &Path) -> Option<&'static str> {
        let now = Self::at(path);
        if now.database != self.database {
            Some("the check-in database file was deleted, moved or replaced")
        } else if self.wal.is_some() && now.wal != self.wal {
            Some("the check-in database's journal (its -wal file) was deleted or replaced")
        } else {
            None
        }
    }
}

/// What [`Store::recover`] did.
#[derive(Debug)]
pub struct Recovery {
    /// The database opened afresh at its path.
    pub store: Store,
    /// A copy of everything the old connection could still see, kept when
    /// some of it is not in the reopened database.
    pub rescue: Option<PathBuf>,
    /// How many check-ins are in the rescue copy and not in the reopened
    /// database (0 when every one was put back).
    pub missing: u64,
}

impl Store {
    /// [`StoreError::FilesReplaced`] when the database file or its `-wal`
    /// is no longer the one this connection writes to.
    pub fn check_files(&self) -> Result<(), StoreError> {
        match self.opened.change_since(&self.path) {
            None => Ok(()),
            Some(what) => Err(StoreError::FilesReplaced {
                path: self.path.clone(),
                what: what.to_string(),
            }),
        }
    }

    /// After [`StoreError::FilesReplaced`]: copies everything this
    /// connection can still see to `<name>.rescued-<UTC time>` (owner-only);
    /// when only the `-wal` went and nobody has started a new one, writes
    /// the old journal's check-ins back into the database file; then opens
    /// the database at its path afresh and counts the check-ins of the copy
    /// that it lacks. The copy is deleted only when it lacks none.
    pub fn recover(self, now: DateTime<Utc>) -> Result<Recovery, StoreError> {
        let (path, tz, actor) = (self.path.clone(), self.tz, self.actor.clone());
        let rescue = unused_name(&path, "rescued", now);
        let fail = |e: rusqlite::Error| StoreError::sqlite(&path, &e);
        self.conn
            .execute("VACUUM INTO ?1", [rescue.to_string_lossy()])
            .map_err(fail)?;
        tighten(&rescue)?;
        let same_file = file_id(&path) == self.opened.database;
        if same_file && file_id(&with_suffix(&path, "-wal")).is_none() {
            // The old journal is still open here: copy its pages into the
            // database file, which every other program reads.
            self.conn
                .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
                .map_err(fail)?;
        }
        // Closing must not checkpoint or delete a journal at the path: it
        // may be a new one, another program's.
        self.conn
            .set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true)
            .map_err(fail)?;
        drop(self);
        let mut store = Store::open_or_quarantine(&path, tz)?.store;
        store.set_actor(&actor);
        let missing = store.missing_from(&rescue)?;
        let rescue = if missing == 0 {
            fs::remove_file(&rescue).map_err(|e| StoreError::io(&rescue, e))?;
            None
        } else {
            Some(rescue)
        };
        Ok(Recovery {
            store,
            rescue,
            missing,
        })
    }

    /// How many check-ins of the database at `other` this one lacks (the
    /// same id, ticket and day).
    fn missing_from(&self, other: &Path) -> Result<u64, StoreError> {
        let fail = |e: rusqlite::Error| StoreError::sqlite(&self.path, &e);
        self.conn
            .execute("ATTACH DATABASE ?1 AS rescue", [other.to_string_lossy()])
            .map_err(fail)?;
        let missing = self.conn.query_row(
            "SELECT count(*) FROM rescue.checkin r WHERE NOT EXISTS (
                 SELECT 1 FROM main.checkin c
                 WHERE c.id = r.id AND c.ticket = r.ticket AND c.local_date = r.local_date)",
            [],
            |r| r.get::<_, i64>(0),
        );
        let detached = self.conn.execute("DETACH DATABASE rescue", []);
        let missing = missing.map_err(fail)?;
        detached.map_err(fail)?;
        Ok(u64::try_from(missing).unwrap_or(0))
    }

    /// Whether the check-in `id` is stored with this ticket.
    pub fn holds(&self, id: super::CheckinId, ticket: u32) -> Result<bool, StoreError> {
        self.conn
            .query_row(
                "SELECT count(*) FROM checkin WHERE id = ?1 AND ticket = ?2",
                rusqlite::params![id.0, ticket],
                |r| r.get::<_, i64>(0),
            )
            .map(|n| n > 0)
            .map_err(|e| self.fail(&e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::tests::{at, checkin, date, temp_store};
    use chrono::Duration;

    type TestResult = Result<(), Box<dyn std::error::Error>>;

    #[test]
    fn a_deleted_journal_is_noticed_and_its_check_ins_put_back() -> TestResult {
        let (_dir, path, mut store) = temp_store();
        let now = at("2026-11-23T09:00:00-07:00");
        let first = store.insert(&checkin("Ana", "Ruiz", "1960-06-06"), now, Duration::zero())?;
        store.check_files()?;
        fs::remove_file(with_suffix(&path, "-wal"))?;
        assert!(matches!(
            store.check_files(),
            Err(StoreError::FilesReplaced { .. })
        ));
        let recovery = store.recover(now)?;
        assert_eq!((recovery.missing, recovery.rescue.is_none()), (0, true));
        let mut store = recovery.store;
        store.check_files()?;
        store.insert(&checkin("Ben", "Ruiz", "1960-06-06"), now, Duration::zero())?;
        // Another program sees both.
        let other = Store::open(&path, store.tz())?;
        let tickets: Vec<u32> = other
            .list(date("2026-11-23"))?
            .iter()
            .map(|r| r.ticket)
            .collect();
        assert_eq!(tickets, [1, 2]);
        assert!(other.holds(first.id(), 1)?);
        Ok(())
    }

    #[test]
    fn a_replaced_database_is_copied_aside_with_what_it_held() -> TestResult {
        let (dir, path, mut store) = temp_store();
        let now = at("2026-11-23T09:00:00-07:00");
        store.insert(&checkin("Ana", "Ruiz", "1960-06-06"), now, Duration::zero())?;
        let moved = dir.path().join("elsewhere.db");
        fs::rename(&path, &moved)?;
        assert!(store.check_files().is_err());
        let recovery = store.recover(now)?;
        assert_eq!(recovery.missing, 1);
        let rescue = recovery.rescue.clone().ok_or("a rescue copy is kept")?;
        let mode = fs::metadata(&rescue)?.mode() & 0o777;
        assert_eq!(mode, 0o600, "owner-only");
        let copy = Store::open(&rescue, recovery.store.tz())?;
        assert_eq!(copy.list(date("2026-11-23"))?.len(), 1);
        assert!(crate::store::files::damaged_wal(&path).is_none());
        Ok(())
    }
}
