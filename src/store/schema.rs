//! The database's tables, and the ordered migrations that build them.
//!
//! `PRAGMA user_version` holds the number of migrations applied. Migration
//! `n` (counting from 1) is `MIGRATIONS[n - 1]`; each runs in its own
//! IMMEDIATE transaction together with the version bump, so a crash leaves
//! the database at one version or the next, never in between. To change the
//! schema, append an entry: never edit one that has shipped.

use rusqlite::{Connection, TransactionBehavior};

/// Migration 1: the check-ins and their fields.
///
/// - `checkin`: one row per check-in. Times are whole milliseconds since
///   1970-01-01 UTC (`*_ms`); `local_date` is the clinic-zone date of
///   `checked_in_at_ms` as `YYYY-MM-DD`; `ticket` restarts at 1 each local
///   date and is unique within it; `status` is one of the four words of
///   [`Status`](super::Status); `identity` is the folded name-and-birth-date
///   key used to spot duplicates.
/// - `checkin_field`: the configured fields of a check-in, key → value, in
///   form order (`position`); deleted with their check-in.
const V1: &str = "
CREATE TABLE checkin (
    id                   INTEGER PRIMARY KEY,
    ticket               INTEGER NOT NULL CHECK (ticket >= 1),
    checked_in_at_ms     INTEGER NOT NULL,
    local_date           TEXT    NOT NULL CHECK (length(local_date) = 10),
    status               TEXT    NOT NULL
        CHECK (status IN ('waiting', 'called', 'seen', 'no_show')),
    status_changed_at_ms INTEGER NOT NULL,
    identity             TEXT    NOT NULL,
    UNIQUE (local_date, ticket)
) STRICT;
CREATE INDEX checkin_by_identity ON checkin (identity, local_date, checked_in_at_ms);
CREATE TABLE checkin_field (
    checkin_id INTEGER NOT NULL REFERENCES checkin (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    key        TEXT    NOT NULL,
    value      TEXT    NOT NULL,
    PRIMARY KEY (checkin_id, position),
    UNIQUE (checkin_id, key)
) STRICT;
";

/// Migration 2: repeat check-in attempts, for the front desk.
///
/// - `repeat_attempt`: one row each time someone tried to check in again as
///   a patient already on the day's list (the same duplicate key within the
///   duplicate window). Nothing about the attempt is shown to whoever made
///   it; the desk sees it against the earlier check-in. Deleted with it.
/// - `checkin.identity` is `''` for a check-in that identifies nobody
///   (duplicate detection off, or an answer of the key left blank).
const V2: &str = "
CREATE TABLE repeat_attempt (
    checkin_id INTEGER NOT NULL REFERENCES checkin (id) ON DELETE CASCADE,
    at_ms      INTEGER NOT NULL
) STRICT;
CREATE INDEX repeat_attempt_by_checkin ON repeat_attempt (checkin_id, at_ms);
";

/// Migration 3: where a check-in came from, removal, and the audit trail.
///
/// - `checkin.source`: `kiosk` (typed by the patient) or `desk` (added by
///   staff for a walk-in or a phone arrival). Older rows are `kiosk`.
/// - `checkin.removed_at_ms`, `checkin.removed_by`: set when staff remove a
///   check-in entered in error. The row stays (for the day's audit) until
///   the retention purge deletes its day; lists leave it out.
/// - `audit`: one row per change of a check-in's status or record (added,
///   called, seen, no-show, back to waiting, edited, removed, restored), with
///   when, which desk or kiosk (`actor`), whether it was an undo, and a
///   short `detail` (`waiting>called`, or the field changed). Deleted with
///   its check-in.
const V3: &str = "
ALTER TABLE checkin ADD COLUMN source TEXT NOT NULL DEFAULT 'kiosk'
    CHECK (source IN ('kiosk', 'desk'));
ALTER TABLE checkin ADD COLUMN removed_at_ms INTEGER;
ALTER TABLE checkin ADD COLUMN removed_by TEXT;
CREATE TABLE audit (
    id         INTEGER PRIMARY KEY,
    checkin_id INTEGER NOT NULL REFERENCES checkin (id) ON DELETE CASCADE,
    at_ms      INTEGER NOT NULL,
    actor      TEXT    NOT NULL,
    action     TEXT    NOT NULL
        CHECK (action IN ('add', 'status', 'edit', 'remove', 'restore')),
    undo       INTEGER NOT NULL CHECK (undo IN (0, 1)),
    detail     TEXT    NOT NULL
) STRICT;
CREATE INDEX audit_by_checkin ON audit (checkin_id, at_ms);
";

/// Migration 4: the language the patient used (`en`, `es`...), shown at the
/// desk and in `kiosk checkins list`. Older rows are English.
const V4: &str = "
ALTER TABLE checkin ADD COLUMN language TEXT NOT NULL DEFAULT 'en';
";

/// Migration 5: the check-in attempt's idempotency key.
///
/// - `checkin.idem_key`: a random key the kiosk or desk makes once per
///   check-in attempt and sends again with each retry of it; the same key
///   never stores a second check-in (`NULL` for older rows).
const V5: &str = "
ALTER TABLE checkin ADD COLUMN idem_key TEXT;
CREATE UNIQUE INDEX checkin_by_idem_key ON checkin (idem_key) WHERE idem_key IS NOT NULL;
";

/// Every migration, oldest first.
const MIGRATIONS: &[&str] = &[V1, V2, V3, V4, V5];

/// The schema version this build writes: the number of migrations.
pub const LATEST: i64 = MIGRATIONS.len() as i64;

/// The schema version recorded in the database.
pub fn version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.pragma_query_value(None, "user_version", |row| row.get(0))
}

/// What [`migrate`] found.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Up to date (possibly after applying migrations).
    Current,
    /// The database is from a newer build (or carries a version no build
    /// ever wrote); it was left untouched.
    TooNew(i64),
}

/// Brings the database up to [`LATEST`]. Safe against another process
/// migrating at the same time: each step re-reads the version once it holds
/// the write lock.
pub fn migrate(conn: &mut Connection) -> rusqlite::Result<Outcome> {
    let found = version(conn)?;
    if !(0..=LATEST).contains(&found) {
        return Ok(Outcome::TooNew(found));
    }
    for (index, sql) in MIGRATIONS.iter().enumerate() {
        let target = i64::try_from(index).unwrap_or(i64::MAX).saturating_add(1);
        if target <= found {
            continue;
        }
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        if version(&tx)? < target {
            tx.execute_batch(sql)?;
            tx.pragma_update(None, "user_version", target)?;
        }
        tx.commit()?;
    }
    Ok(Outcome::Current)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_database_reaches_the_latest_version() -> rusqlite::Result<()> {
        let mut conn = Connection::open_in_memory()?;
        assert_eq!(migrate(&mut conn)?, Outcome::Current);
        assert_eq!(version(&conn)?, LATEST);
        assert_eq!(
            migrate(&mut conn)?,
            Outcome::Current,
            "running again is a no-op"
        );
        let tables: i64 = conn.query_row(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'table'",
            [],
            |r| r.get(0),
        )?;
        assert_eq!(tables, 4);
        Ok(())
    }

    #[test]
    fn a_newer_or_nonsense_version_is_left_alone() -> rusqlite::Result<()> {
        for v in [LATEST + 1, -1] {
            let mut conn = Connection::open_in_memory()?;
            conn.pragma_update(None, "user_version", v)?;
            assert_eq!(migrate(&mut conn)?, Outcome::TooNew(v));
            assert_eq!(version(&conn)?, v);
        }
        Ok(())
    }
}
