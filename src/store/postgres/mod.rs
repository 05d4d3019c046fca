//! The check-ins on a PostgreSQL server, shared by several kiosks and
//! desks (`[store] url` in kiosk.toml).
//!
//! One connection per program. A lost connection is opened again by
//! itself, at once for the next request and then with a growing pause
//! (up to [`MAX_BACKOFF`]) while the server stays away, so a kiosk never
//! hangs on a server that is gone: each request fails fast instead, and
//! the patient is sent to the front desk. A statement the server does not
//! answer within [`STATEMENT_TIMEOUT`] is cancelled by the server itself.
//!
//! Every change is one transaction; the other machines learn of it through
//! `NOTIFY kiosk_change` (see [`PgStore::change_stamp`]).

mod read;
pub mod schema;
mod url;
mod write;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono_tz::Tz;
use postgres::Client;

pub use url::{PgTarget, STATEMENT_TIMEOUT, SslMode, target};

use super::{DEFAULT_ACTOR, StoreError};

/// The longest pause between two tries to reach a server that is away.
pub const MAX_BACKOFF: Duration = Duration::from_secs(8);

/// The channel every change is announced on; the payload is the site.
pub const CHANNEL: &str = "kiosk_change";

/// A connection to the shared check-in database.
pub struct PgStore {
    target: PgTarget,
    client: Option<Client>,
    tz: Tz,
    site: String,
    actor: String,
    /// Counts the changes announced by other connections, and reconnects.
    stamp: i64,
    /// When the next try to connect may be made, after a failed one.
    retry_at: Option<Instant>,
    backoff: Duration,
}

impl std::fmt::Debug for PgStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PgStore")
            .field("server", &self.target.shown)
            .field("site", &self.site)
            .finish_non_exhaustive()
    }
}

impl PgStore {
    /// Connects to the server at `target` for check-ins of `site` in the
    /// clinic's zone `tz`, and brings the schema up to date when `migrate`
    /// (the role must own the tables; see docs/postgres.md). Without
    /// `migrate` a schema that is behind is an error that says to run
    /// `kiosk store migrate`.
    pub fn connect(
        target: PgTarget,
        tz: Tz,
        site: &str,
        migrate: bool,
    ) -> Result<Self, StoreError> {
        let mut store = Self::connect_only(target, tz, site)?;
        let found = if migrate {
            store.migrate()?.0
        } else {
            store.schema_version()?
        };
        if found > schema::LATEST {
            return Err(store.newer(found));
        }
        if !migrate && found < schema::LATEST {
            return Err(StoreError::Other {
                path: store.path(),
                detail: format!(
                    "its schema is at version {found} and this kiosk needs {}: run `kiosk store migrate` as the database's owner",
                    schema::LATEST
                ),
            });
        }
        Ok(store)
    }

    /// Connects without looking at the schema (for `kiosk store migrate`).
    pub fn connect_only(target: PgTarget, tz: Tz, site: &str) -> Result<Self, StoreError> {
        let mut store = Self {
            target,
            client: None,
            tz,
            site: site.to_string(),
            actor: DEFAULT_ACTOR.to_string(),
            stamp: 0,
            retry_at: None,
            backoff: Duration::ZERO,
        };
        store.client = Some(store.open_client()?);
        Ok(store)
    }

    /// Brings the schema up to date; returns the versions before and after.
    /// A schema from a newer build is left alone:
    /// [`StoreError::NewerSchema`].
    pub fn migrate(&mut self) -> Result<(i64, i64), StoreError> {
        match self.with_client(schema::migrate)? {
            Ok(found) => Ok((found, schema::LATEST)),
            Err(found) => Err(self.newer(found)),
        }
    }

    fn newer(&self, found: i64) -> StoreError {
        StoreError::NewerSchema {
            path: self.path(),
            found,
            supported: schema::LATEST,
        }
    }

    /// The server and database, as the `path` of errors.
    pub(in crate::store) fn path(&self) -> PathBuf {
        PathBuf::from(&self.target.shown)
    }

    /// The site this connection files check-ins under and lists.
    pub fn site(&self) -> &str {
        &self.site
    }

    /// Lists and files under another site from now on.
    pub fn set_site(&mut self, site: &str) {
        self.site = site.to_string();
    }

    fn open_client(&self) -> Result<Client, StoreError> {
        let fail = |detail: String| StoreError::Unreachable {
            path: self.path(),
            detail,
        };
        let mut client = if self.target.ssl == SslMode::Disable {
            self.target.config.connect(postgres::NoTls)
        } else {
            let tls = url::tls(&self.target).map_err(fail)?;
            self.target.config.connect(tls)
        }
        .map_err(|e| fail(e.to_string()))?;
        client
            .batch_execute(&format!("LISTEN {CHANNEL}"))
            .map_err(|e| fail(e.to_string()))?;
        Ok(client)
    }

    /// Runs `work` on the connection, opening it first if it was lost
    /// (unless the last try failed less than the backoff ago). A failure of
    /// the connection itself drops it, to be opened again next time.
    pub(in crate::store) fn with_client<T>(
        &mut self,
        work: impl FnOnce(&mut Client) -> Result<T, postgres::Error>,
    ) -> Result<T, StoreError> {
        let client = match self.client.as_mut() {
            Some(client) => client,
            None => {
                if self.retry_at.is_some_and(|at| Instant::now() < at) {
                    return Err(StoreError::Unreachable {
                        path: self.path(),
                        detail: "the last try to connect failed; trying again shortly".into(),
                    });
                }
                match self.open_client() {
                    Ok(client) => {
                        self.retry_at = None;
                        self.backoff = Duration::ZERO;
                        // Changes made while away were not announced to us.
                        self.stamp = self.stamp.wrapping_add(1);
                        self.client.insert(client)
                    }
                    Err(e) => {
                        self.backoff =
                            (self.backoff * 2).clamp(Duration::from_millis(250), MAX_BACKOFF);
                        self.retry_at = Some(Instant::now() + self.backoff);
                        return Err(e);
                    }
                }
            }
        };
        match work(client) {
            Ok(value) => Ok(value),
            Err(e) => {
                let lost = client.is_closed() || connection_failed(&e);
                if lost {
                    self.client = None;
                    self.retry_at = None;
                }
                Err(self.classify(&e, lost))
            }
        }
    }

    fn classify(&self, error: &postgres::Error, lost: bool) -> StoreError {
        let path = self.path();
        let detail = error
            .as_db_error()
            .map_or_else(|| error.to_string(), |db| db.message().to_string());
        if lost {
            return StoreError::Unreachable { path, detail };
        }
        match error.code() {
            Some(code)
                if *code == postgres::error::SqlState::QUERY_CANCELED
                    || *code == postgres::error::SqlState::LOCK_NOT_AVAILABLE =>
            {
                StoreError::Unreachable {
                    path,
                    detail: format!("the server did not answer in time ({detail})"),
                }
            }
            Some(code) if *code == postgres::error::SqlState::INSUFFICIENT_PRIVILEGE => {
                StoreError::ReadOnly { path, detail }
            }
            Some(code) if *code == postgres::error::SqlState::DISK_FULL => {
                StoreError::DiskFull { path }
            }
            _ => StoreError::Other { path, detail },
        }
    }

    /// Whether the connection is open (it is opened again by itself).
    pub fn is_connected(&self) -> bool {
        self.client.as_ref().is_some_and(|c| !c.is_closed())
    }

    /// The schema version on the server.
    pub fn schema_version(&mut self) -> Result<i64, StoreError> {
        self.with_client(schema::version)
    }

    /// The server-side process id of this connection, for the fault tests
    /// and for staff looking at `pg_stat_activity`.
    pub fn backend_pid(&mut self) -> Result<i32, StoreError> {
        self.with_client(|c| {
            c.query_one("SELECT pg_backend_pid()", &[])
                .map(|r| r.get(0))
        })
    }
}

/// Whether `error` means the connection is gone (or never answered), so
/// that whether a commit happened is unknown.
fn connection_failed(error: &postgres::Error) -> bool {
    if error.is_closed() {
        return true;
    }
    match error.code() {
        Some(code) => matches!(
            code.code(),
            // admin_shutdown, crash_shutdown, cannot_connect_now,
            // connection_exception and its kind.
            "57P01" | "57P02" | "57P03" | "08000" | "08003" | "08006" | "08001" | "08004"
        ),
        // No SQL state: an I/O error, a timeout or a closed socket.
        None => error.as_db_error().is_none(),
    }
}

/// Reads `url` with its password as for [`target`], for callers outside
/// the store.
pub fn parse(url: &str, password_file: Option<&Path>) -> Result<PgTarget, String> {
    target(url, password_file)
}

impl crate::store::Checkins for PgStore {
    fn describe(&self) -> String {
        format!("{} (site {})", self.target.shown, self.site)
    }

    fn name_actor(&mut self, actor: &str) {
        self.actor = crate::sanitize::printable(actor);
    }

    fn use_tz(&mut self, tz: Tz) {
        self.tz = tz;
    }

    fn add(
        &mut self,
        new: &crate::store::NewCheckin,
        key: &str,
        now: chrono::DateTime<chrono::Utc>,
        duplicate_window: chrono::Duration,
        source: crate::store::Source,
    ) -> Result<crate::store::Inserted, StoreError> {
        PgStore::add(self, new, key, now, duplicate_window, source)
    }

    fn list(
        &mut self,
        local_date: chrono::NaiveDate,
    ) -> Result<Vec<crate::store::CheckinRecord>, StoreError> {
        PgStore::list(self, local_date)
    }

    fn removed(
        &mut self,
        local_date: chrono::NaiveDate,
    ) -> Result<Vec<crate::store::RemovedRecord>, StoreError> {
        PgStore::removed(self, local_date)
    }

    fn history(
        &mut self,
        local_date: chrono::NaiveDate,
    ) -> Result<Vec<crate::store::AuditEntry>, StoreError> {
        PgStore::history(self, local_date)
    }

    fn set_status(
        &mut self,
        id: crate::store::CheckinId,
        status: crate::store::Status,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<(), StoreError> {
        PgStore::set_status(self, id, status, now)
    }

    fn change_status(
        &mut self,
        id: crate::store::CheckinId,
        expected: crate::store::StatusAt,
        new: crate::store::StatusAt,
        made: (chrono::DateTime<chrono::Utc>, bool),
    ) -> Result<bool, StoreError> {
        PgStore::change_status(self, id, expected, new, made)
    }

    fn edit_if(
        &mut self,
        id: crate::store::CheckinId,
        expected: &[(String, String)],
        new: &crate::store::NewCheckin,
        now: chrono::DateTime<chrono::Utc>,
        undo: bool,
    ) -> Result<bool, StoreError> {
        PgStore::edit_if(self, id, expected, new, now, undo)
    }

    fn remove_if(
        &mut self,
        id: crate::store::CheckinId,
        expected: crate::store::StatusAt,
        now: chrono::DateTime<chrono::Utc>,
        undo: bool,
    ) -> Result<bool, StoreError> {
        PgStore::remove_if(self, id, expected, now, undo)
    }

    fn restore_if(
        &mut self,
        id: crate::store::CheckinId,
        removed_at: chrono::DateTime<chrono::Utc>,
        now: chrono::DateTime<chrono::Utc>,
        undo: bool,
    ) -> Result<bool, StoreError> {
        PgStore::restore_if(self, id, removed_at, now, undo)
    }

    fn purge_older_than(
        &mut self,
        cutoff_date: chrono::NaiveDate,
        rules: crate::store::PurgeRules,
    ) -> Result<usize, StoreError> {
        PgStore::purge_older_than(self, cutoff_date, rules)
    }

    fn holds(&mut self, id: crate::store::CheckinId, ticket: u32) -> Result<bool, StoreError> {
        PgStore::holds(self, id, ticket)
    }

    fn change_stamp(&mut self) -> Result<i64, StoreError> {
        PgStore::change_stamp(self)
    }
}
