//! Why the check-in database could not be used, in words for staff and logs.
//! None of these messages is ever shown to a patient.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use rusqlite::ErrorCode;

/// Everything that can go wrong with the check-in database.
#[derive(Debug)]
pub enum StoreError {
    /// The database's folder or file could not be created, or its
    /// permissions could not be set.
    CannotCreate { path: PathBuf, error: io::Error },
    /// SQLite could not open the file.
    CannotOpen { path: PathBuf, detail: String },
    /// The file is not an SQLite database, or it is damaged.
    Corrupt { path: PathBuf, detail: String },
    /// The database's `-wal` file (`path`) is not a write-ahead log SQLite
    /// can read, so SQLite would throw it away with whatever it holds.
    DamagedWal { path: PathBuf, detail: String },
    /// The file, its folder or the disk does not allow writing.
    ReadOnly { path: PathBuf, detail: String },
    /// The disk is full.
    DiskFull { path: PathBuf },
    /// Reading or writing the file failed below SQLite: a file too large
    /// for the limits set on the kiosk, a file made immutable, a failing
    /// disk.
    Io { path: PathBuf, detail: String },
    /// Another program kept the database locked for longer than the
    /// busy timeout.
    Busy { path: PathBuf },
    /// The database was written by a newer version of the kiosk.
    NewerSchema {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    /// No check-in has this id.
    NotFound { path: PathBuf, id: i64 },
    /// A purge was refused: it would delete even the newest check-in, which
    /// is far older than the retention period. The clock is more likely
    /// wrong (or a demonstration's) than the clinic silent for so long.
    ClockAhead {
        path: PathBuf,
        newest: chrono::NaiveDate,
        cutoff: chrono::NaiveDate,
    },
    /// The database file or its `-wal` was deleted, moved or replaced while
    /// the kiosk had it open: what it writes would not reach the file
    /// other programs read.
    FilesReplaced { path: PathBuf, what: String },
    /// The PostgreSQL server could not be reached, stopped answering, or
    /// the connection was lost (`path` is the server and database). The
    /// store connects again by itself.
    Unreachable { path: PathBuf, detail: String },
    /// Any other failure of SQLite or of the server.
    Other { path: PathBuf, detail: String },
}

impl StoreError {
    /// Classifies an SQLite error that happened while using `path`.
    pub(crate) fn sqlite(path: &Path, error: &rusqlite::Error) -> Self {
        let path = path.to_path_buf();
        let detail = error.to_string();
        match error {
            rusqlite::Error::FromSqlConversionFailure(..)
            | rusqlite::Error::InvalidColumnType(..)
            | rusqlite::Error::IntegralValueOutOfRange(..) => {
                return Self::Corrupt { path, detail };
            }
            _ => {}
        }
        match error.sqlite_error_code() {
            Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => {
                Self::Corrupt { path, detail }
            }
            Some(ErrorCode::ReadOnly) => Self::ReadOnly { path, detail },
            Some(ErrorCode::DiskFull) => Self::DiskFull { path },
            Some(ErrorCode::SystemIoFailure) => Self::Io { path, detail },
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => Self::Busy { path },
            Some(ErrorCode::CannotOpen | ErrorCode::PermissionDenied) => {
                Self::CannotOpen { path, detail }
            }
            _ => Self::Other { path, detail },
        }
    }

    /// Classifies a file-system error that happened while preparing `path`.
    pub(crate) fn io(path: &Path, error: io::Error) -> Self {
        let path = path.to_path_buf();
        match error.kind() {
            io::ErrorKind::StorageFull => Self::DiskFull { path },
            io::ErrorKind::ReadOnlyFilesystem => Self::ReadOnly {
                path,
                detail: error.to_string(),
            },
            _ => Self::CannotCreate { path, error },
        }
    }

    /// Whether the file is not a database or is damaged, so that moving it
    /// aside and starting a fresh one is the way to keep working.
    pub fn is_corrupt(&self) -> bool {
        matches!(self, Self::Corrupt { .. })
    }

    /// The file the error is about.
    pub fn path(&self) -> &Path {
        match self {
            Self::CannotCreate { path, .. }
            | Self::CannotOpen { path, .. }
            | Self::Corrupt { path, .. }
            | Self::DamagedWal { path, .. }
            | Self::ReadOnly { path, .. }
            | Self::DiskFull { path }
            | Self::Io { path, .. }
            | Self::Busy { path }
            | Self::NewerSchema { path, .. }
            | Self::NotFound { path, .. }
            | Self::ClockAhead { path, .. }
            | Self::FilesReplaced { path, .. }
            | Self::Unreachable { path, .. }
            | Self::Other { path, .. } => path,
        }
    }
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let file = self.path().display();
        match self {
            Self::CannotCreate { error, .. } => write!(
                f,
                "cannot create or secure {file}: {error}; check that the kiosk's user may write to that folder"
            ),
            Self::CannotOpen { detail, .. } => write!(
                f,
                "cannot open the check-in database {file}: {detail}; check the path and the permissions of the file and its folder"
            ),
            Self::Corrupt { detail, .. } => write!(
                f,
                "{file} is not a check-in database or is damaged ({detail}); move it aside and start a new one (the kiosk does this by itself when it starts), then restore a backup if there is one"
            ),
            Self::DamagedWal { detail, .. } => write!(
                f,
                "the journal {file} of the check-in database is damaged ({detail}); SQLite would discard it with any check-ins in it, so the kiosk moves it aside when it starts and keeps the database: keep the moved file"
            ),
            Self::ReadOnly { detail, .. } => write!(
                f,
                "the check-in database {file} cannot be written ({detail}); check the permissions of the file and its folder, and that the disk is not mounted read-only"
            ),
            Self::DiskFull { .. } => write!(
                f,
                "the disk holding {file} is full; free some space so check-ins can be saved"
            ),
            Self::Io { detail, .. } => write!(
                f,
                "the check-in database {file} could not be read or written ({detail}); the disk may be full, failing or read-only, or the file locked against changes: check the free space (df) and the system log (journalctl -k)"
            ),
            Self::Busy { .. } => write!(
                f,
                "the check-in database {file} stayed locked by another program for too long; try again"
            ),
            Self::NewerSchema {
                found, supported, ..
            } => write!(
                f,
                "{file} was written by a newer version of the kiosk (schema version {found}; this version knows up to {supported}); update the kiosk, or point `database` in kiosk.toml at another file"
            ),
            Self::NotFound { id, .. } => write!(f, "{file} has no check-in with id {id}"),
            Self::ClockAhead { newest, cutoff, .. } => write!(
                f,
                "old check-ins in {file} were not purged: the newest is from {newest}, and deleting everything before {cutoff} would remove it too; check the computer's date and time (a clock set ahead, or a demonstration clock, would delete real check-ins)"
            ),
            Self::FilesReplaced { what, .. } => write!(
                f,
                "{what} while the kiosk had {file} open (never delete, move or replace the check-in database's files while the kiosk runs)"
            ),
            Self::Unreachable { detail, .. } => write!(
                f,
                "the check-in server {file} cannot be reached ({detail}); the kiosk connects again by itself: check the network and that the server is running"
            ),
            Self::Other { detail, .. } => {
                write!(f, "the check-in database {file} failed: {detail}")
            }
        }
    }
}

impl std::error::Error for StoreError {}

#[cfg(test)]
mod tests {
    use super::*;

    fn failure(code: i32) -> rusqlite::Error {
        rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(code), None)
    }

    #[test]
    fn sqlite_codes_are_told_apart() {
        let p = Path::new("x.db");
        let kind = |code| StoreError::sqlite(p, &failure(code));
        assert!(matches!(kind(26), StoreError::Corrupt { .. })); // SQLITE_NOTADB
        assert!(matches!(kind(11), StoreError::Corrupt { .. })); // SQLITE_CORRUPT
        assert!(matches!(kind(8), StoreError::ReadOnly { .. }));
        assert!(matches!(kind(13), StoreError::DiskFull { .. }));
        assert!(matches!(kind(5), StoreError::Busy { .. }));
        assert!(matches!(kind(778), StoreError::Io { .. })); // SQLITE_IOERR_WRITE
        assert!(matches!(kind(14), StoreError::CannotOpen { .. }));
        assert!(matches!(kind(1), StoreError::Other { .. }));
    }

    #[test]
    fn messages_name_the_file() {
        let e = StoreError::NewerSchema {
            path: PathBuf::from("data/checkins.db"),
            found: 7,
            supported: 1,
        };
        let text = e.to_string();
        assert!(text.contains("data/checkins.db") && text.contains("newer version"));
        let full = StoreError::io(Path::new("a"), io::Error::from(io::ErrorKind::StorageFull));
        assert!(matches!(full, StoreError::DiskFull { .. }));
    }
}
