//! Changes on the server: check-ins, status changes, corrections, purges.
//! Each is one transaction that also announces itself (`pg_notify`).

use chrono::{DateTime, Duration, NaiveDate, Utc};
use postgres::{Client, Transaction};

use super::{CHANNEL, PgStore};
use crate::store::StoreError;
use crate::store::audit::AuditAction;
use crate::store::record::{
    CheckinId, Inserted, NewCheckin, Source, Status, StatusAt, clean_fields,
};
use crate::store::write::{CLOCK_MARGIN_DAYS, PurgeRules, date_text};

/// A check-in ready for the server.
struct Row<'a> {
    key: &'a str,
    site: &'a str,
    actor: &'a str,
    source: Source,
    identity: Option<&'a str>,
    fields: Vec<(String, String)>,
    language: String,
    local_date: String,
    now_ms: i64,
    since_ms: i64,
}

impl PgStore {
    /// Stores a check-in (see [`Checkins::add`](crate::store::Checkins::add)).
    ///
    /// When the connection is lost before the answer arrives, whether the
    /// commit happened is unknown: the store connects again at once and
    /// sends the same check-in with the same key. The key makes that
    /// second try return the first one's check-in if it was committed (and
    /// wait for it if the server is still finishing it), or store it now if
    /// it was not; never both. Only if the second try fails too is the
    /// error returned, and the patient told to see the front desk.
    pub fn add(
        &mut self,
        new: &NewCheckin,
        key: &str,
        now: DateTime<Utc>,
        duplicate_window: Duration,
        source: Source,
    ) -> Result<Inserted, StoreError> {
        let site = self.site.clone();
        let actor = self.actor.clone();
        let row = Row {
            key,
            site: &site,
            actor: &actor,
            source,
            identity: new.identity.as_deref(),
            fields: clean_fields(&new.fields),
            language: crate::sanitize::printable(new.language.trim()),
            local_date: date_text(now.with_timezone(&self.tz).date_naive()),
            now_ms: now.timestamp_millis(),
            since_ms: now
                .checked_sub_signed(duplicate_window)
                .map_or(i64::MIN, |t| t.timestamp_millis()),
        };
        match self.with_client(|c| insert(c, &row)) {
            // Only a lost connection leaves the outcome unknown; a server
            // that ran out of time rolled the check-in back, and asking it
            // again would keep the patient waiting twice as long.
            Err(StoreError::Unreachable { .. }) if !self.is_connected() => {
                tracing::warn!(
                    "the connection was lost while storing a check-in; trying again with its key"
                );
                self.with_client(|c| insert(c, &row))
            }
            other => other,
        }
    }

    /// Moves a check-in to `status` whatever it was.
    pub fn set_status(
        &mut self,
        id: CheckinId,
        status: Status,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let (actor, site) = (self.actor.clone(), self.site.clone());
        let changed = self.with_client(|c| {
            let mut tx = c.transaction()?;
            let before = tx.query_opt(
                "SELECT status FROM checkin WHERE id = $1 FOR UPDATE",
                &[&id.0],
            )?;
            let changed = tx.execute(
                "UPDATE checkin SET status = $1, status_changed_at_ms = $2 WHERE id = $3",
                &[&status.as_str(), &now.timestamp_millis(), &id.0],
            )?;
            let before = before.and_then(|r| Status::parse(&r.get::<_, String>(0)));
            if let Some(before) = before {
                note(
                    &mut tx,
                    id,
                    now,
                    &actor,
                    &AuditAction::Status(before, status),
                    false,
                )?;
            }
            announce(&mut tx, &site)?;
            tx.commit()?;
            Ok(changed)
        })?;
        if changed == 0 {
            return Err(StoreError::NotFound {
                path: self.path(),
                id: id.0,
            });
        }
        Ok(())
    }

    /// Compare-and-set of a status, noted in the audit trail.
    pub fn change_status(
        &mut self,
        id: CheckinId,
        expected: StatusAt,
        new: StatusAt,
        (made_at, undo): (DateTime<Utc>, bool),
    ) -> Result<bool, StoreError> {
        let sql = "UPDATE checkin SET status = $1, status_changed_at_ms = $2
                   WHERE id = $3 AND status = $4 AND status_changed_at_ms = $5
                     AND removed_at_ms IS NULL";
        let (new_ms, old_ms) = (new.at.timestamp_millis(), expected.at.timestamp_millis());
        let action = AuditAction::Status(expected.status, new.status);
        self.guarded(
            sql,
            &[
                &new.status.as_str(),
                &new_ms,
                &id.0,
                &expected.status.as_str(),
                &old_ms,
            ],
            id,
            made_at,
            (action, undo),
        )
    }

    /// Removes a check-in entered in error, if its status is as expected.
    pub fn remove_if(
        &mut self,
        id: CheckinId,
        expected: StatusAt,
        now: DateTime<Utc>,
        undo: bool,
    ) -> Result<bool, StoreError> {
        let sql = "UPDATE checkin SET removed_at_ms = $1, removed_by = $2
                   WHERE id = $3 AND status = $4 AND status_changed_at_ms = $5
                     AND removed_at_ms IS NULL";
        let actor = self.actor.clone();
        let (now_ms, old_ms) = (now.timestamp_millis(), expected.at.timestamp_millis());
        self.guarded(
            sql,
            &[&now_ms, &actor, &id.0, &expected.status.as_str(), &old_ms],
            id,
            now,
            (AuditAction::Remove, undo),
        )
    }

    /// Puts back a check-in removed at `removed_at`, if it still is.
    pub fn restore_if(
        &mut self,
        id: CheckinId,
        removed_at: DateTime<Utc>,
        now: DateTime<Utc>,
        undo: bool,
    ) -> Result<bool, StoreError> {
        let sql = "UPDATE checkin SET removed_at_ms = NULL, removed_by = NULL
                   WHERE id = $1 AND removed_at_ms = $2";
        let removed_ms = removed_at.timestamp_millis();
        self.guarded(
            sql,
            &[&id.0, &removed_ms],
            id,
            now,
            (AuditAction::Restore, undo),
        )
    }

    /// One guarded UPDATE and, if it changed the row, its audit line.
    fn guarded(
        &mut self,
        sql: &str,
        args: &[&(dyn postgres::types::ToSql + Sync)],
        id: CheckinId,
        now: DateTime<Utc>,
        (action, undo): (AuditAction, bool),
    ) -> Result<bool, StoreError> {
        let (actor, site) = (self.actor.clone(), self.site.clone());
        self.with_client(|c| {
            let mut tx = c.transaction()?;
            let changed = tx.execute(sql, args)? == 1;
            if changed {
                note(&mut tx, id, now, &actor, &action, undo)?;
                announce(&mut tx, &site)?;
            }
            tx.commit()?;
            Ok(changed)
        })
    }

    /// Replaces a check-in's answers if they are still `expected`.
    pub fn edit_if(
        &mut self,
        id: CheckinId,
        expected: &[(String, String)],
        new: &NewCheckin,
        now: DateTime<Utc>,
        undo: bool,
    ) -> Result<bool, StoreError> {
        let (actor, site) = (self.actor.clone(), self.site.clone());
        let fields = clean_fields(&new.fields);
        let identity = new.identity.clone().unwrap_or_default();
        self.with_client(|c| {
            let mut tx = c.transaction()?;
            let listed = tx.query_opt(
                "SELECT id FROM checkin WHERE id = $1 AND removed_at_ms IS NULL FOR UPDATE",
                &[&id.0],
            )?;
            if listed.is_none() {
                return Ok(false);
            }
            let current: Vec<(String, String)> = tx
                .query(
                    "SELECT key, value FROM checkin_field WHERE checkin_id = $1 ORDER BY position",
                    &[&id.0],
                )?
                .iter()
                .map(|r| (r.get(0), r.get(1)))
                .collect();
            if current != expected {
                return Ok(false);
            }
            tx.execute(
                "UPDATE checkin SET identity = $1 WHERE id = $2",
                &[&identity, &id.0],
            )?;
            tx.execute("DELETE FROM checkin_field WHERE checkin_id = $1", &[&id.0])?;
            insert_fields(&mut tx, id.0, &fields)?;
            for (key, value) in &fields {
                let old = expected.iter().find(|(k, _)| k == key).map(|(_, v)| v);
                if old != Some(value) {
                    let action = AuditAction::Edit {
                        key: key.clone(),
                        old: old.cloned().unwrap_or_default(),
                        new: value.clone(),
                    };
                    note(&mut tx, id, now, &actor, &action, undo)?;
                }
            }
            announce(&mut tx, &site)?;
            tx.commit()?;
            Ok(true)
        })
    }

    /// Deletes the check-ins (of every site) of days before `cutoff_date`,
    /// within `rules`, as the SQLite store does: never one from
    /// `rules.keep_from` on, and nothing when even the newest check-in is
    /// far older than the cutoff (a clock set ahead) unless trusted.
    /// Deleted rows' space is reused by the server (autovacuum).
    pub fn purge_older_than(
        &mut self,
        cutoff_date: NaiveDate,
        rules: PurgeRules,
    ) -> Result<usize, StoreError> {
        let newest: Option<String> = self.with_client(|c| {
            c.query_one("SELECT max(local_date) FROM checkin", &[])
                .map(|r| r.get(0))
        })?;
        if !rules.trust_clock
            && let Some(newest) =
                newest.and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok())
        {
            let limit = cutoff_date
                .checked_sub_days(chrono::Days::new(CLOCK_MARGIN_DAYS))
                .unwrap_or(NaiveDate::MIN);
            if newest < limit {
                return Err(StoreError::ClockAhead {
                    path: self.path(),
                    newest,
                    cutoff: cutoff_date,
                });
            }
        }
        let keep_from = rules.keep_from.map(|id| id.0);
        let cutoff = date_text(cutoff_date);
        let deleted = self.with_client(|c| {
            let mut tx = c.transaction()?;
            let deleted = tx.execute(
                "DELETE FROM checkin WHERE local_date < $1
                   AND ($2::bigint IS NULL OR id < $2::bigint)",
                &[&cutoff, &keep_from],
            )?;
            tx.execute(
                "DELETE FROM ticket_counter WHERE local_date < $1",
                &[&cutoff],
            )?;
            tx.commit()?;
            Ok(deleted)
        })?;
        Ok(usize::try_from(deleted).unwrap_or(usize::MAX))
    }
}

/// The whole check-in transaction.
fn insert(client: &mut Client, row: &Row<'_>) -> Result<Inserted, postgres::Error> {
    let mut tx = client.transaction()?;
    if let Some(done) = stored_with_key(&mut tx, row.key)? {
        return Ok(done);
    }
    if let Some(identity) = row.identity {
        // The same patient at two kiosks at once: one waits here for the
        // other's commit, then finds its check-in below.
        tx.execute(
            "SELECT pg_advisory_xact_lock(hashtextextended($1, 0))",
            &[&format!(
                "{}\u{1f}{}\u{1f}{identity}",
                row.site, row.local_date
            )],
        )?;
        let earlier = tx.query_opt(
            "SELECT id, ticket FROM checkin
             WHERE site = $1 AND identity = $2 AND local_date = $3
               AND checked_in_at_ms >= $4 AND removed_at_ms IS NULL
             ORDER BY checked_in_at_ms DESC, id DESC LIMIT 1",
            &[&row.site, &identity, &row.local_date, &row.since_ms],
        )?;
        if let Some(earlier) = earlier {
            let id: i64 = earlier.get(0);
            tx.execute(
                "INSERT INTO repeat_attempt (checkin_id, at_ms, idem_key) VALUES ($1, $2, $3)
                 ON CONFLICT (idem_key) DO NOTHING",
                &[&id, &row.now_ms, &row.key],
            )?;
            announce(&mut tx, row.site)?;
            tx.commit()?;
            return Ok(Inserted::Duplicate {
                ticket: ticket(earlier.get(1)),
                id: CheckinId(id),
            });
        }
    }
    // The day's counter row stays locked until the commit: the next
    // check-in of this site waits for it, so tickets never repeat, and a
    // rolled-back check-in gives its number back.
    let last: i32 = tx
        .query_one(
            "INSERT INTO ticket_counter (site, local_date, last) VALUES ($1, $2, 1)
             ON CONFLICT (site, local_date) DO UPDATE SET last = ticket_counter.last + 1
             RETURNING last",
            &[&row.site, &row.local_date],
        )?
        .get(0);
    let inserted = tx.query_opt(
        "INSERT INTO checkin (site, ticket, checked_in_at_ms, local_date, status,
                              status_changed_at_ms, identity, source, idem_key, language)
         VALUES ($1, $2, $3, $4, 'waiting', $3, $5, $6, $7, $8)
         ON CONFLICT (idem_key) DO NOTHING
         RETURNING id",
        &[
            &row.site,
            &last,
            &row.now_ms,
            &row.local_date,
            &row.identity.unwrap_or_default(),
            &row.source.as_str(),
            &row.key,
            &row.language,
        ],
    )?;
    let Some(inserted) = inserted else {
        // Another connection committed this key meanwhile (an earlier try
        // whose answer was lost): that one is the check-in.
        tx.rollback()?;
        let mut tx = client.transaction()?;
        // Found, since the key is taken; a missing row is an error here.
        let found = tx.query_one(
            "SELECT id, ticket FROM checkin WHERE idem_key = $1",
            &[&row.key],
        )?;
        tx.commit()?;
        return Ok(Inserted::New {
            ticket: ticket(found.get(1)),
            id: CheckinId(found.get(0)),
        });
    };
    let id: i64 = inserted.get(0);
    let at = DateTime::from_timestamp_millis(row.now_ms).unwrap_or_default();
    note(
        &mut tx,
        CheckinId(id),
        at,
        row.actor,
        &AuditAction::Add,
        false,
    )?;
    insert_fields(&mut tx, id, &row.fields)?;
    announce(&mut tx, row.site)?;
    tx.commit()?;
    Ok(Inserted::New {
        ticket: ticket(last),
        id: CheckinId(id),
    })
}

/// What an earlier try with `key` stored, if any: a check-in, or a repeat
/// attempt against an earlier one (so a retry never counts twice).
fn stored_with_key(
    tx: &mut Transaction<'_>,
    key: &str,
) -> Result<Option<Inserted>, postgres::Error> {
    let row = tx.query_opt(
        "SELECT id, ticket FROM checkin WHERE idem_key = $1",
        &[&key],
    )?;
    if let Some(r) = row {
        return Ok(Some(Inserted::New {
            ticket: ticket(r.get(1)),
            id: CheckinId(r.get(0)),
        }));
    }
    let repeat = tx.query_opt(
        "SELECT c.id, c.ticket FROM repeat_attempt r JOIN checkin c ON c.id = r.checkin_id
         WHERE r.idem_key = $1",
        &[&key],
    )?;
    Ok(repeat.map(|r| Inserted::Duplicate {
        ticket: ticket(r.get(1)),
        id: CheckinId(r.get(0)),
    }))
}

fn insert_fields(
    tx: &mut Transaction<'_>,
    id: i64,
    fields: &[(String, String)],
) -> Result<(), postgres::Error> {
    let stmt = tx.prepare(
        "INSERT INTO checkin_field (checkin_id, position, key, value) VALUES ($1, $2, $3, $4)",
    )?;
    for (position, (key, value)) in (0_i32..).zip(fields) {
        tx.execute(&stmt, &[&id, &position, key, value])?;
    }
    Ok(())
}

/// Notes a change in the audit trail, in the caller's transaction.
pub(super) fn note(
    tx: &mut Transaction<'_>,
    id: CheckinId,
    at: DateTime<Utc>,
    actor: &str,
    action: &AuditAction,
    undo: bool,
) -> Result<(), postgres::Error> {
    let (word, detail) = action.columns();
    tx.execute(
        "INSERT INTO audit (checkin_id, at_ms, actor, action, undo, detail)
         VALUES ($1, $2, $3, $4, $5, $6)",
        &[&id.0, &at.timestamp_millis(), &actor, &word, &undo, &detail],
    )?;
    Ok(())
}

/// Tells the other machines, at commit, that `site`'s check-ins changed.
fn announce(tx: &mut Transaction<'_>, site: &str) -> Result<(), postgres::Error> {
    tx.execute("SELECT pg_notify($1, $2)", &[&CHANNEL, &site])?;
    Ok(())
}

fn ticket(value: i32) -> u32 {
    u32::try_from(value).unwrap_or_default()
}
