//! The check-in database. Nothing else in the kiosk touches it.
//!
//! One SQLite file (by default `data/checkins.db` next to `kiosk.toml`) in
//! WAL mode with `synchronous=FULL`: a write returns only once it is on
//! disk, and readers in other processes (`kiosk checkins list`) see whole
//! transactions while the kiosk writes. The folder is made 0700 and the
//! file and its `-wal` / `-shm` companions 0600. Deleted rows are
//! overwritten (`secure_delete`) and the freed pages given back
//! (`auto_vacuum=INCREMENTAL`), so purged patient data does not linger.
//!
//! The tables are described in `schema.rs`: times are stored as whole
//! milliseconds since 1970 UTC, and each check-in's fields as rows of a
//! child table, in form order.

mod audit;
mod change;
mod copy;
mod engine;
mod error;
mod files;
mod identity;
mod on_disk;
pub mod postgres;
mod read;
mod record;
mod schema;
mod write;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_audit;
#[cfg(test)]
mod tests_change;
#[cfg(test)]
mod tests_open;

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::Utc;
use chrono_tz::Tz;
use rusqlite::config::DbConfig;
use rusqlite::{Connection, MAIN_DB, OpenFlags};

pub use audit::{AuditAction, AuditEntry};
pub use copy::Copied;
pub use engine::{Checkins, new_key};
pub use error::StoreError;
pub use identity::{fold, identity_key};
pub use on_disk::Recovery;
pub use postgres::PgStore;
pub use record::{
    CheckinId, CheckinRecord, Inserted, MAX_FIELDS, MAX_KEY_CHARS, MAX_VALUE_CHARS, NewCheckin,
    RemovedRecord, Source, Status, StatusAt, clean_fields,
};
pub use schema::LATEST as SCHEMA_VERSION;
pub use write::{CLOCK_MARGIN_DAYS, PurgeRules};

/// How long a write waits for another process's lock before giving up
/// with [`StoreError::Busy`].
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// The audit trail's name for changes made before [`Store::set_actor`].
pub const DEFAULT_ACTOR: &str = "unnamed";

/// An open check-in database.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    path: PathBuf,
    tz: Tz,
    /// The files opened, to notice them replaced (see `on_disk`).
    opened: on_disk::OpenedFiles,
    /// Who makes the changes, for the audit trail: a desk's or kiosk's name.
    actor: String,
}

/// What [`Store::open_or_quarantine`] did.
#[derive(Debug)]
pub struct Opened {
    pub store: Store,
    /// Set when the file was damaged and was moved aside for a fresh one.
    pub quarantined: Option<Quarantined>,
}

/// A damaged database, or only its damaged `-wal`, that was moved aside
/// (never deleted).
#[derive(Debug)]
pub struct Quarantined {
    /// Where the old file is now. For a database, its `-wal` and `-shm`, if
    /// there were any, sit beside it with the same name plus their suffix;
    /// for a `-wal` alone ([`StoreError::DamagedWal`]), this is the `-wal`.
    pub moved_to: PathBuf,
    /// Why it could not be used.
    pub reason: StoreError,
}

impl Store {
    /// Opens the database at `path`, creating it (and its folders) if
    /// missing and bringing its schema up to date. `tz` is the clinic's time
    /// zone, which decides the day a ticket number belongs to.
    pub fn open(path: &Path, tz: Tz) -> Result<Self, StoreError> {
        Self::open_with(path, tz, OpenFlags::SQLITE_OPEN_READ_WRITE)
    }

    /// Like [`Store::open`], but when the file is not a database or is
    /// damaged it is renamed to `<name>.corrupt-<UTC time>` (with its `-wal`
    /// and `-shm`) and a fresh database is started in its place, so the
    /// kiosk keeps taking check-ins. A damaged `-wal` beside a sound
    /// database is renamed alone, to `<name>.corrupt-<UTC time>-wal`, and
    /// the database kept. Other errors are returned as they are.
    pub fn open_or_quarantine(path: &Path, tz: Tz) -> Result<Opened, StoreError> {
        match Self::open(path, tz) {
            Ok(store) => Ok(Opened {
                store,
                quarantined: None,
            }),
            Err(reason @ StoreError::DamagedWal { .. }) => {
                let moved_to = files::quarantine_wal(path, Utc::now())?;
                let store = Self::open(path, tz)?;
                Ok(Opened {
                    store,
                    quarantined: Some(Quarantined { moved_to, reason }),
                })
            }
            Err(reason) if reason.is_corrupt() => {
                let moved_to = files::quarantine(path, Utc::now())?;
                let store = Self::open(path, tz)?;
                Ok(Opened {
                    store,
                    quarantined: Some(Quarantined { moved_to, reason }),
                })
            }
            Err(e) => Err(e),
        }
    }

    fn open_with(path: &Path, tz: Tz, flags: OpenFlags) -> Result<Self, StoreError> {
        files::prepare(path)?;
        let fail = |e: rusqlite::Error| StoreError::sqlite(path, &e);
        let flags = flags | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let mut conn = Connection::open_with_flags(path, flags).map_err(fail)?;
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true)
            .map_err(fail)?;
        conn.busy_timeout(BUSY_TIMEOUT).map_err(fail)?;
        check_wal(&conn, path)?;
        let mode = configure(&conn).map_err(fail)?;
        if !mode.eq_ignore_ascii_case("wal") {
            let detail = format!("the journal mode stayed \"{mode}\" instead of WAL");
            return Err(match conn.is_readonly(MAIN_DB) {
                Ok(true) => StoreError::ReadOnly {
                    path: path.to_path_buf(),
                    detail,
                },
                _ => StoreError::Other {
                    path: path.to_path_buf(),
                    detail,
                },
            });
        }
        let problems = quick_check(&conn).map_err(fail)?;
        if problems.first().is_none_or(|first| first != "ok") {
            return Err(StoreError::Corrupt {
                path: path.to_path_buf(),
                detail: format!("quick_check found: {}", problems.join("; ")),
            });
        }
        if let schema::Outcome::TooNew(found) = schema::migrate(&mut conn).map_err(fail)? {
            return Err(StoreError::NewerSchema {
                path: path.to_path_buf(),
                found,
                supported: schema::LATEST,
            });
        }
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, false)
            .map_err(fail)?;
        files::tighten_side_files(path)?;
        Ok(Self {
            conn,
            path: path.to_path_buf(),
            tz,
            opened: on_disk::OpenedFiles::at(path),
            actor: DEFAULT_ACTOR.to_string(),
        })
    }

    /// Names the desk or kiosk making changes through this connection, for
    /// the audit trail (`kiosk checkins history`).
    pub fn set_actor(&mut self, actor: &str) -> &mut Self {
        self.actor = crate::sanitize::printable(actor);
        self
    }

    /// The name changes are noted under.
    pub fn actor(&self) -> &str {
        &self.actor
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The clinic's time zone, which decides each check-in's local date.
    pub fn tz(&self) -> Tz {
        self.tz
    }

    /// Follows a change of the clinic's time zone in `kiosk.toml`, so that
    /// check-ins are filed under the day the sign and the desk use.
    pub fn with_tz(&mut self, tz: Tz) -> &mut Self {
        self.tz = tz;
        self
    }

    /// Whether SQLite could open the file for reading only (it does so
    /// without an error when the file or its folder cannot be written), so
    /// every change will fail.
    pub fn is_read_only(&self) -> bool {
        self.conn.is_readonly(MAIN_DB).unwrap_or(true)
    }

    fn fail(&self, error: &rusqlite::Error) -> StoreError {
        StoreError::sqlite(&self.path, error)
    }
}

/// Sets the connection up; returns the journal mode SQLite settled on.
///
/// Until the file has passed every check, nothing may be written and
/// closing the connection must not checkpoint (`open_with` turns
/// checkpoint-on-close off first and back on at the end): that would write
/// into a file about to be quarantined, overwrite a damaged `-wal` or
/// delete it, and make a read-only file impossible even to read.
fn configure(conn: &Connection) -> rusqlite::Result<String> {
    conn.pragma_update(None, "secure_delete", "ON")?;
    // auto_vacuum can only be chosen before the first table exists, and
    // setting it starts a write (even to the value it has), so only a new,
    // empty file gets it.
    let pages: i64 = conn.query_row("PRAGMA page_count", [], |r| r.get(0))?;
    if pages == 0 {
        conn.pragma_update(None, "auto_vacuum", "INCREMENTAL")?;
    }
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    Ok(mode)
}

/// Refuses a `-wal` that SQLite would discard unread (and overwrite at the
/// next write, or delete on closing): [`StoreError::DamagedWal`]. Called
/// before anything is written. The header is read again while holding the
/// write lock, so that another process cannot be rewriting it at that
/// moment.
fn check_wal(conn: &Connection, path: &Path) -> Result<(), StoreError> {
    if files::damaged_wal(path).is_none() {
        return Ok(());
    }
    let fail = |e: rusqlite::Error| StoreError::sqlite(path, &e);
    conn.execute_batch("BEGIN IMMEDIATE").map_err(fail)?;
    let damage = files::damaged_wal(path);
    conn.execute_batch("ROLLBACK").map_err(fail)?;
    match damage {
        Some(detail) => Err(StoreError::DamagedWal {
            path: files::with_suffix(path, "-wal"),
            detail,
        }),
        None => Ok(()),
    }
}

/// The lines `PRAGMA quick_check` prints: just "ok" for a sound file.
fn quick_check(conn: &Connection) -> rusqlite::Result<Vec<String>> {
    let mut lines = Vec::new();
    conn.pragma_query(None, "quick_check", |row| {
        lines.push(row.get::<_, String>(0)?);
        Ok(())
    })?;
    Ok(lines)
}
