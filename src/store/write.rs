//! Changing the database: check-ins, status changes and purges. Each change
//! is one IMMEDIATE transaction, committed (and so, with `synchronous=FULL`,
//! on disk) before the function returns `Ok`.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use rusqlite::{OptionalExtension, Transaction, TransactionBehavior, params};

use super::audit::{AuditAction, note};
use super::record::{CheckinId, Inserted, NewCheckin, Source, Status, StatusAt, clean_fields};
use super::{Store, StoreError};

impl Store {
    /// Stores a check-in made at `now` and gives it the next ticket of its
    /// day (the date of `now` in the clinic's zone; tickets start at 1).
    ///
    /// If the same patient (the same [`NewCheckin::identity`], never `None`)
    /// already checked in on that day no more than `duplicate_window`
    /// before `now`, nothing new is stored: the attempt is noted against the
    /// earlier check-in, for the front desk, and that check-in is returned
    /// as [`Inserted::Duplicate`].
    ///
    /// The ticket is worked out inside the same IMMEDIATE transaction as the
    /// insert, so two processes never hand out the same number. Returns only
    /// after the transaction is committed.
    pub fn insert(
        &mut self,
        new: &NewCheckin,
        now: DateTime<Utc>,
        duplicate_window: Duration,
    ) -> Result<Inserted, StoreError> {
        self.insert_from(new, now, duplicate_window, Source::Kiosk)
    }

    /// Like [`insert`](Self::insert), noting where the check-in came from:
    /// the kiosk, or staff at the desk. Tickets come from the same daily
    /// sequence either way, and duplicate detection applies to both.
    pub fn insert_from(
        &mut self,
        new: &NewCheckin,
        now: DateTime<Utc>,
        duplicate_window: Duration,
        source: Source,
    ) -> Result<Inserted, StoreError> {
        self.insert_keyed(new, None, now, duplicate_window, source)
    }

    /// Like [`insert_from`](Self::insert_from), with the attempt's
    /// idempotency key: if a check-in was already stored with `key`, it is
    /// returned as it was stored and nothing new is written.
    pub fn insert_keyed(
        &mut self,
        new: &NewCheckin,
        key: Option<&str>,
        now: DateTime<Utc>,
        duplicate_window: Duration,
        source: Source,
    ) -> Result<Inserted, StoreError> {
        let row = Row {
            key: key.map(str::to_string),
            source,
            actor: self.actor.clone(),
            identity: new.identity.clone(),
            language: crate::sanitize::printable(new.language.trim()),
            fields: clean_fields(&new.fields),
            local_date: date_text(now.with_timezone(&self.tz).date_naive()),
            now_ms: now.timestamp_millis(),
            since_ms: now
                .checked_sub_signed(duplicate_window)
                .map_or(i64::MIN, |t| t.timestamp_millis()),
        };
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| StoreError::sqlite(&self.path, &e))?;
        insert_in(tx, &row).map_err(|e| StoreError::sqlite(&self.path, &e))
    }

    /// Moves a check-in to `status`, noting when.
    pub fn set_status(
        &mut self,
        id: CheckinId,
        status: Status,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let fail = |e: rusqlite::Error| StoreError::sqlite(&self.path, &e);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(fail)?;
        let before: Option<String> = tx
            .query_row("SELECT status FROM checkin WHERE id = ?1", [id.0], |r| {
                r.get(0)
            })
            .optional()
            .map_err(fail)?;
        let changed = tx
            .execute(
                "UPDATE checkin SET status = ?1, status_changed_at_ms = ?2 WHERE id = ?3",
                params![status.as_str(), now.timestamp_millis(), id.0],
            )
            .map_err(fail)?;
        if let Some(before) = before.as_deref().and_then(Status::parse) {
            let action = AuditAction::Status(before, status);
            note(&tx, id, now, &self.actor, &action, false).map_err(fail)?;
        }
        tx.commit().map_err(fail)?;
        if changed == 0 {
            return Err(StoreError::NotFound {
                path: self.path.clone(),
                id: id.0,
            });
        }
        Ok(())
    }

    /// Moves a check-in to `new` only if it is still exactly as `expected`
    /// (the same status, changed at the same millisecond); returns whether it
    /// was changed. `false` means someone else changed it (or it is gone)
    /// since the caller read it, and their change is kept.
    ///
    /// The check and the change are one UPDATE in an IMMEDIATE transaction,
    /// so a writer in another process (the kiosk, a second desk) can never
    /// slip in between: one of the two changes wins and the other sees
    /// `false`, instead of one silently overwriting the other.
    pub fn set_status_if(
        &mut self,
        id: CheckinId,
        expected: StatusAt,
        new: StatusAt,
    ) -> Result<bool, StoreError> {
        self.change_status(id, expected, new, (new.at, false))
    }

    /// Like [`set_status_if`](Self::set_status_if), noting in the audit
    /// trail when the change was made (an undo puts back an earlier time as
    /// the status's) and whether it undoes an earlier one. A removed
    /// check-in is never changed.
    pub fn change_status(
        &mut self,
        id: CheckinId,
        expected: StatusAt,
        new: StatusAt,
        (made_at, undo): (DateTime<Utc>, bool),
    ) -> Result<bool, StoreError> {
        let fail = |e: rusqlite::Error| StoreError::sqlite(&self.path, &e);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(fail)?;
        let changed = tx
            .execute(
                "UPDATE checkin SET status = ?1, status_changed_at_ms = ?2
                 WHERE id = ?3 AND status = ?4 AND status_changed_at_ms = ?5
                   AND removed_at_ms IS NULL",
                params![
                    new.status.as_str(),
                    new.at.timestamp_millis(),
                    id.0,
                    expected.status.as_str(),
                    expected.at.timestamp_millis()
                ],
            )
            .map_err(fail)?;
        if changed == 1 {
            let action = AuditAction::Status(expected.status, new.status);
            note(&tx, id, made_at, &self.actor, &action, undo).map_err(fail)?;
        }
        tx.commit().map_err(fail)?;
        Ok(changed == 1)
    }

    /// Deletes every check-in (with its fields) whose local date is before
    /// `cutoff_date`, and returns how many, within `rules`: never one with
    /// an id from `rules.keep_from` on, and nothing at all (with
    /// [`StoreError::ClockAhead`]) when even the newest check-in is more
    /// than [`CLOCK_MARGIN_DAYS`] older than the cutoff, unless
    /// `rules.trust_clock`. Then gives the freed pages back
    /// (`incremental_vacuum`; deleted rows were already overwritten with
    /// zeros by `secure_delete`) and empties the WAL file
    /// (`wal_checkpoint(TRUNCATE)`), so the data does not linger on disk.
    /// The checkpoint cannot finish while another process is reading; it
    /// then completes at a later purge or when the last connection closes.
    pub fn purge_older_than(
        &mut self,
        cutoff_date: NaiveDate,
        rules: PurgeRules,
    ) -> Result<usize, StoreError> {
        if !rules.trust_clock {
            self.check_clock(cutoff_date)?;
        }
        let keep_from = rules.keep_from.map(|id| id.0);
        let deleted = self
            .conn
            .execute(
                "DELETE FROM checkin WHERE local_date < ?1 AND (?2 IS NULL OR id < ?2)",
                params![date_text(cutoff_date), keep_from],
            )
            .map_err(|e| self.fail(&e))?;
        for pragma in [
            "PRAGMA incremental_vacuum",
            "PRAGMA wal_checkpoint(TRUNCATE)",
        ] {
            run_to_end(&self.conn, pragma).map_err(|e| self.fail(&e))?;
        }
        Ok(deleted)
    }
}

/// How far (in days) the newest check-in may lie before a purge's cutoff
/// before the purge is taken for a wrong clock: a week of holidays on top
/// of the retention period.
pub const CLOCK_MARGIN_DAYS: u64 = 7;

/// What a purge must keep.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PurgeRules {
    /// Check-ins from this id on were stored by the running program: never
    /// purged, whatever their date says.
    pub keep_from: Option<CheckinId>,
    /// Purge even when the newest check-in is far older than the cutoff
    /// (staff checked the clock).
    pub trust_clock: bool,
}

impl Store {
    /// Refuses a cutoff that would delete even the newest check-in when that
    /// one is more than [`CLOCK_MARGIN_DAYS`] before it.
    fn check_clock(&self, cutoff: NaiveDate) -> Result<(), StoreError> {
        let newest: Option<String> = self
            .conn
            .query_row("SELECT max(local_date) FROM checkin", [], |r| r.get(0))
            .map_err(|e| self.fail(&e))?;
        let Some(newest) = newest.and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok())
        else {
            return Ok(());
        };
        let limit = cutoff
            .checked_sub_days(chrono::Days::new(CLOCK_MARGIN_DAYS))
            .unwrap_or(NaiveDate::MIN);
        if newest < limit {
            return Err(StoreError::ClockAhead {
                path: self.path.clone(),
                newest,
                cutoff,
            });
        }
        Ok(())
    }
}

/// A check-in, cleaned and ready for the database.
struct Row {
    key: Option<String>,
    source: Source,
    actor: String,
    identity: Option<String>,
    fields: Vec<(String, String)>,
    language: String,
    local_date: String,
    now_ms: i64,
    since_ms: i64,
}

fn insert_in(tx: Transaction<'_>, row: &Row) -> rusqlite::Result<Inserted> {
    if let Some(key) = &row.key {
        let stored: Option<(i64, i64)> = tx
            .query_row(
                "SELECT id, ticket FROM checkin WHERE idem_key = ?1",
                [key],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        if let Some((id, ticket)) = stored {
            tx.commit()?;
            return Ok(Inserted::New {
                ticket: ticket_number(ticket)?,
                id: CheckinId(id),
            });
        }
    }
    let earlier: Option<(i64, i64)> = match &row.identity {
        Some(identity) => tx
            .query_row(
                "SELECT id, ticket FROM checkin
                 WHERE identity = ?1 AND local_date = ?2 AND checked_in_at_ms >= ?3
                   AND removed_at_ms IS NULL
                 ORDER BY checked_in_at_ms DESC, id DESC LIMIT 1",
                params![identity, row.local_date, row.since_ms],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?,
        None => None,
    };
    if let Some((id, ticket)) = earlier {
        tx.execute(
            "INSERT INTO repeat_attempt (checkin_id, at_ms) VALUES (?1, ?2)",
            params![id, row.now_ms],
        )?;
        tx.commit()?;
        return Ok(Inserted::Duplicate {
            ticket: ticket_number(ticket)?,
            id: CheckinId(id),
        });
    }
    let last: i64 = tx.query_row(
        "SELECT coalesce(max(ticket), 0) FROM checkin WHERE local_date = ?1",
        [&row.local_date],
        |r| r.get(0),
    )?;
    let ticket = ticket_number(last.saturating_add(1))?;
    tx.execute(
        "INSERT INTO checkin (ticket, checked_in_at_ms, local_date, status,
                               status_changed_at_ms, identity, source, language, idem_key)
         VALUES (?1, ?2, ?3, ?4, ?2, ?5, ?6, ?7, ?8)",
        params![
            ticket,
            row.now_ms,
            row.local_date,
            Status::Waiting.as_str(),
            row.identity.as_deref().unwrap_or_default(),
            row.source.as_str(),
            row.language,
            row.key
        ],
    )?;
    let id = tx.last_insert_rowid();
    let at = DateTime::from_timestamp_millis(row.now_ms).unwrap_or_default();
    note(&tx, CheckinId(id), at, &row.actor, &AuditAction::Add, false)?;
    {
        let mut field = tx.prepare_cached(
            "INSERT INTO checkin_field (checkin_id, position, key, value) VALUES (?1, ?2, ?3, ?4)",
        )?;
        for (position, (key, value)) in (0_i64..).zip(&row.fields) {
            field.execute(params![id, position, key, value])?;
        }
    }
    tx.commit()?;
    Ok(Inserted::New {
        ticket,
        id: CheckinId(id),
    })
}

fn ticket_number(value: i64) -> rusqlite::Result<u32> {
    u32::try_from(value).map_err(|_| rusqlite::Error::IntegralValueOutOfRange(0, value))
}

/// The form dates take in the database: `YYYY-MM-DD`.
pub(super) fn date_text(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// Runs a statement, stepping through any rows it returns.
fn run_to_end(conn: &rusqlite::Connection, sql: &str) -> rusqlite::Result<()> {
    let mut stmt = conn.prepare(sql)?;
    let mut rows = stmt.query([])?;
    while rows.next()?.is_some() {}
    Ok(())
}
