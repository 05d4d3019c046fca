//! What the kiosk, the desk and the command line need from a check-in
//! store, whichever engine keeps it: the SQLite file of a single kiosk
//! ([`Store`]) or a PostgreSQL server shared by several machines
//! ([`PgStore`](super::PgStore)).
//!
//! Ticket numbers and duplicate detection live behind this interface: each
//! engine makes them atomic in its own way (SQLite: one IMMEDIATE
//! transaction holding the file's write lock; PostgreSQL: a per-site,
//! per-day counter row and a lock on the patient's identity, both in the
//! transaction that stores the check-in).

use chrono::{DateTime, Duration, NaiveDate, Utc};
use chrono_tz::Tz;

use super::audit::AuditEntry;
use super::record::{CheckinId, CheckinRecord, Inserted, NewCheckin, RemovedRecord, Source};
use super::record::{Status, StatusAt};
use super::write::PurgeRules;
use super::{Store, StoreError};

/// A check-in store: one engine or the other.
pub trait Checkins: Send {
    /// Where the check-ins are, for staff and logs: the database file, or
    /// the server and database (never a password).
    fn describe(&self) -> String;

    /// Names the desk or kiosk making changes, for the audit trail.
    fn name_actor(&mut self, actor: &str);

    /// The clinic's time zone, which decides each check-in's local date.
    fn use_tz(&mut self, tz: Tz);

    /// Stores a check-in made at `now`, with the next ticket of its day, or
    /// notes a repeat attempt against the patient's earlier check-in of
    /// the day (see [`Store::insert_from`]). `key` is the attempt's
    /// idempotency key ([`new_key`]): storing again with the same key (after
    /// an answer lost on the way back) returns the check-in stored the
    /// first time and never stores a second one.
    fn add(
        &mut self,
        new: &NewCheckin,
        key: &str,
        now: DateTime<Utc>,
        duplicate_window: Duration,
        source: Source,
    ) -> Result<Inserted, StoreError>;

    /// The listed check-ins of one local date, by ticket.
    fn list(&mut self, local_date: NaiveDate) -> Result<Vec<CheckinRecord>, StoreError>;

    /// The check-ins of one local date that staff removed.
    fn removed(&mut self, local_date: NaiveDate) -> Result<Vec<RemovedRecord>, StoreError>;

    /// Every change to the check-ins of one local date, oldest first.
    fn history(&mut self, local_date: NaiveDate) -> Result<Vec<AuditEntry>, StoreError>;

    /// Moves a check-in to `status` whatever it was.
    fn set_status(
        &mut self,
        id: CheckinId,
        status: Status,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError>;

    /// Compare-and-set of a status (see [`Store::change_status`]).
    fn change_status(
        &mut self,
        id: CheckinId,
        expected: StatusAt,
        new: StatusAt,
        made: (DateTime<Utc>, bool),
    ) -> Result<bool, StoreError>;

    /// Compare-and-set of a check-in's answers (see [`Store::edit_if`]).
    fn edit_if(
        &mut self,
        id: CheckinId,
        expected: &[(String, String)],
        new: &NewCheckin,
        now: DateTime<Utc>,
        undo: bool,
    ) -> Result<bool, StoreError>;

    /// Removes a check-in entered in error (see [`Store::remove_if`]).
    fn remove_if(
        &mut self,
        id: CheckinId,
        expected: StatusAt,
        now: DateTime<Utc>,
        undo: bool,
    ) -> Result<bool, StoreError>;

    /// Puts back a removed check-in (see [`Store::restore_if`]).
    fn restore_if(
        &mut self,
        id: CheckinId,
        removed_at: DateTime<Utc>,
        now: DateTime<Utc>,
        undo: bool,
    ) -> Result<bool, StoreError>;

    /// Deletes the check-ins of days before `cutoff_date`, within `rules`
    /// (see [`Store::purge_older_than`]).
    fn purge_older_than(
        &mut self,
        cutoff_date: NaiveDate,
        rules: PurgeRules,
    ) -> Result<usize, StoreError>;

    /// Whether check-in `id` with `ticket` is stored.
    fn holds(&mut self, id: CheckinId, ticket: u32) -> Result<bool, StoreError>;

    /// A number that changes when another process changed the check-ins:
    /// compare it with the last one to know whether to list again.
    fn change_stamp(&mut self) -> Result<i64, StoreError>;
}

/// A fresh idempotency key for one check-in attempt: 128 random bits from
/// the kernel, in hex. Made once per attempt and kept for its retries.
pub fn new_key() -> String {
    use std::io::Read;
    use std::sync::atomic::{AtomicU64, Ordering};
    let mut bytes = [0_u8; 16];
    let random = std::fs::File::open("/dev/urandom").and_then(|mut f| f.read_exact(&mut bytes));
    if random.is_err() {
        // Never seen on Linux; still unique within this machine: the time,
        // the process and a counter.
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let nanos = Utc::now().timestamp_nanos_opt().unwrap_or_default();
        let count = COUNTER.fetch_add(1, Ordering::Relaxed);
        bytes[..8].copy_from_slice(&nanos.to_le_bytes());
        bytes[8..12].copy_from_slice(&std::process::id().to_le_bytes());
        bytes[12..].copy_from_slice(&count.to_le_bytes()[..4]);
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

impl Checkins for Store {
    fn describe(&self) -> String {
        self.path().display().to_string()
    }

    fn name_actor(&mut self, actor: &str) {
        self.set_actor(actor);
    }

    fn use_tz(&mut self, tz: Tz) {
        self.with_tz(tz);
    }

    fn add(
        &mut self,
        new: &NewCheckin,
        key: &str,
        now: DateTime<Utc>,
        duplicate_window: Duration,
        source: Source,
    ) -> Result<Inserted, StoreError> {
        self.insert_keyed(new, Some(key), now, duplicate_window, source)
    }

    fn list(&mut self, local_date: NaiveDate) -> Result<Vec<CheckinRecord>, StoreError> {
        Store::list(self, local_date)
    }

    fn removed(&mut self, local_date: NaiveDate) -> Result<Vec<RemovedRecord>, StoreError> {
        Store::removed(self, local_date)
    }

    fn history(&mut self, local_date: NaiveDate) -> Result<Vec<AuditEntry>, StoreError> {
        Store::history(self, local_date)
    }

    fn set_status(
        &mut self,
        id: CheckinId,
        status: Status,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        Store::set_status(self, id, status, now)
    }

    fn change_status(
        &mut self,
        id: CheckinId,
        expected: StatusAt,
        new: StatusAt,
        made: (DateTime<Utc>, bool),
    ) -> Result<bool, StoreError> {
        Store::change_status(self, id, expected, new, made)
    }

    fn edit_if(
        &mut self,
        id: CheckinId,
        expected: &[(String, String)],
        new: &NewCheckin,
        now: DateTime<Utc>,
        undo: bool,
    ) -> Result<bool, StoreError> {
        Store::edit_if(self, id, expected, new, now, undo)
    }

    fn remove_if(
        &mut self,
        id: CheckinId,
        expected: StatusAt,
        now: DateTime<Utc>,
        undo: bool,
    ) -> Result<bool, StoreError> {
        Store::remove_if(self, id, expected, now, undo)
    }

    fn restore_if(
        &mut self,
        id: CheckinId,
        removed_at: DateTime<Utc>,
        now: DateTime<Utc>,
        undo: bool,
    ) -> Result<bool, StoreError> {
        Store::restore_if(self, id, removed_at, now, undo)
    }

    fn purge_older_than(
        &mut self,
        cutoff_date: NaiveDate,
        rules: PurgeRules,
    ) -> Result<usize, StoreError> {
        Store::purge_older_than(self, cutoff_date, rules)
    }

    fn holds(&mut self, id: CheckinId, ticket: u32) -> Result<bool, StoreError> {
        Store::holds(self, id, ticket)
    }

    fn change_stamp(&mut self) -> Result<i64, StoreError> {
        Store::change_stamp(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_long_and_never_repeat() {
        let keys: std::collections::HashSet<String> = (0..1000).map(|_| new_key()).collect();
        assert_eq!(keys.len(), 1000);
        assert!(keys.iter().all(|k| k.len() == 32));
    }
}
