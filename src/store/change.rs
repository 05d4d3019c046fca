//! Staff corrections: editing a check-in's answers, removing one entered in
//! error, and putting it back. Each is a compare-and-set, like
//! [`Store::set_status_if`]: it applies only if the check-in is still as the
//! caller last read it, so a second desk making its own change is told
//! instead of silently overwriting the first.

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, Transaction, TransactionBehavior, params};

use super::audit::{AuditAction, note};
use super::record::{CheckinId, NewCheckin, StatusAt, clean_fields};
use super::{Store, StoreError};

impl Store {
    /// Replaces the answers of check-in `id` with `new`'s (and its
    /// duplicate-detection identity), if its answers are still `expected`
    /// and it has not been removed. Returns whether it was changed; each
    /// changed answer is noted in the audit trail.
    pub fn edit_if(
        &mut self,
        id: CheckinId,
        expected: &[(String, String)],
        new: &NewCheckin,
        now: DateTime<Utc>,
        undo: bool,
    ) -> Result<bool, StoreError> {
        let fail = |e: rusqlite::Error| StoreError::sqlite(&self.path, &e);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(fail)?;
        let current = fields_of(&tx, id).map_err(fail)?;
        if current.as_deref() != Some(expected) {
            return Ok(false);
        }
        let fields = clean_fields(&new.fields);
        let identity = new.identity.as_deref().unwrap_or_default();
        edit_in(&tx, id, &fields, identity).map_err(fail)?;
        for (key, value) in &fields {
            let old = expected.iter().find(|(k, _)| k == key).map(|(_, v)| v);
            if old != Some(value) {
                let action = AuditAction::Edit {
                    key: key.clone(),
                    old: old.cloned().unwrap_or_default(),
                    new: value.clone(),
                };
                note(&tx, id, now, &self.actor, &action, undo).map_err(fail)?;
            }
        }
        tx.commit().map_err(fail)?;
        Ok(true)
    }

    /// Removes check-in `id` as entered in error, if it still has the
    /// status `expected` and is not removed already: it leaves the lists
    /// but is kept, with who removed it and when, until the retention purge.
    pub fn remove_if(
        &mut self,
        id: CheckinId,
        expected: StatusAt,
        now: DateTime<Utc>,
        undo: bool,
    ) -> Result<bool, StoreError> {
        let sql = "UPDATE checkin SET removed_at_ms = ?1, removed_by = ?2
                   WHERE id = ?3 AND status = ?4 AND status_changed_at_ms = ?5
                     AND removed_at_ms IS NULL";
        let actor = self.actor.clone();
        let args = params![
            now.timestamp_millis(),
            actor,
            id.0,
            expected.status.as_str(),
            expected.at.timestamp_millis()
        ];
        self.guarded(sql, args, id, now, (AuditAction::Remove, undo))
    }

    /// Puts back check-in `id`, removed at `removed_at`, if it still is.
    pub fn restore_if(
        &mut self,
        id: CheckinId,
        removed_at: DateTime<Utc>,
        now: DateTime<Utc>,
        undo: bool,
    ) -> Result<bool, StoreError> {
        let sql = "UPDATE checkin SET removed_at_ms = NULL, removed_by = NULL
                   WHERE id = ?1 AND removed_at_ms = ?2";
        let args = params![id.0, removed_at.timestamp_millis()];
        self.guarded(sql, args, id, now, (AuditAction::Restore, undo))
    }

    /// Runs one guarded UPDATE and, if it changed the row, notes `action`.
    fn guarded(
        &mut self,
        sql: &str,
        args: &[&dyn rusqlite::ToSql],
        id: CheckinId,
        now: DateTime<Utc>,
        (action, undo): (AuditAction, bool),
    ) -> Result<bool, StoreError> {
        let fail = |e: rusqlite::Error| StoreError::sqlite(&self.path, &e);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(fail)?;
        let changed = tx.execute(sql, args).map_err(fail)? == 1;
        if changed {
            note(&tx, id, now, &self.actor, &action, undo).map_err(fail)?;
        }
        tx.commit().map_err(fail)?;
        Ok(changed)
    }
}

/// The answers of a listed (not removed) check-in, in form order; `None`
/// if there is no such check-in.
fn fields_of(
    tx: &Transaction<'_>,
    id: CheckinId,
) -> rusqlite::Result<Option<Vec<(String, String)>>> {
    let listed: Option<i64> = tx
        .query_row(
            "SELECT id FROM checkin WHERE id = ?1 AND removed_at_ms IS NULL",
            [id.0],
            |r| r.get(0),
        )
        .optional()?;
    if listed.is_none() {
        return Ok(None);
    }
    let mut stmt = tx.prepare_cached(
        "SELECT key, value FROM checkin_field WHERE checkin_id = ?1 ORDER BY position",
    )?;
    let rows = stmt.query_map([id.0], |r| Ok((r.get(0)?, r.get(1)?)))?;
    rows.collect::<rusqlite::Result<Vec<_>>>().map(Some)
}

fn edit_in(
    tx: &Transaction<'_>,
    id: CheckinId,
    fields: &[(String, String)],
    identity: &str,
) -> rusqlite::Result<()> {
    tx.execute(
        "UPDATE checkin SET identity = ?1 WHERE id = ?2",
        params![identity, id.0],
    )?;
    tx.execute("DELETE FROM checkin_field WHERE checkin_id = ?1", [id.0])?;
    let mut insert = tx.prepare_cached(
        "INSERT INTO checkin_field (checkin_id, position, key, value) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (position, (key, value)) in (0_i64..).zip(fields) {
        insert.execute(params![id.0, position, key, value])?;
    }
    Ok(())
}
