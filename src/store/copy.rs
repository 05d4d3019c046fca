//! Moving up: every check-in of an SQLite file (its answers, repeat
//! attempts, audit trail and removal) copied to a PostgreSQL server under
//! one site, in one transaction, idempotently: each copied check-in
//! carries the key `copy:<site>:<date>:<ticket>:<time>`, so running the
//! copy again adds only what is missing. The counts are checked before the
//! commit: every check-in of the file must be on the server, or nothing is
//! copied.

use rusqlite::params;

use super::postgres::PgStore;
use super::{Store, StoreError};

/// What a copy did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Copied {
    /// Check-ins copied now.
    pub copied: usize,
    /// Check-ins that an earlier copy had already put there.
    pub already: usize,
    /// The file's check-ins found on the server after the copy (all of
    /// them, or the copy would have been undone).
    pub checked: usize,
}

/// One check-in as the file holds it.
struct Source {
    id: i64,
    ticket: i32,
    checked_in_at_ms: i64,
    local_date: String,
    status: String,
    status_changed_at_ms: i64,
    identity: String,
    source: String,
    removed_at_ms: Option<i64>,
    removed_by: Option<String>,
    language: String,
    fields: Vec<(i32, String, String)>,
    repeats: Vec<i64>,
    audit: Vec<(i64, String, String, bool, String)>,
}

impl Source {
    fn key(&self, site: &str) -> String {
        format!(
            "copy:{site}:{}:{}:{}",
            self.local_date, self.ticket, self.checked_in_at_ms
        )
    }
}

impl Store {
    /// Every check-in in the file, with everything kept about it.
    fn everything(&self) -> rusqlite::Result<Vec<Source>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, ticket, checked_in_at_ms, local_date, status, status_changed_at_ms,
                    identity, source, removed_at_ms, removed_by, language
             FROM checkin ORDER BY local_date, ticket",
        )?;
        let mut out = stmt
            .query_map([], |r| {
                Ok(Source {
                    id: r.get(0)?,
                    ticket: r.get(1)?,
                    checked_in_at_ms: r.get(2)?,
                    local_date: r.get(3)?,
                    status: r.get(4)?,
                    status_changed_at_ms: r.get(5)?,
                    identity: r.get(6)?,
                    source: r.get(7)?,
                    removed_at_ms: r.get(8)?,
                    removed_by: r.get(9)?,
                    language: r.get(10)?,
                    fields: Vec::new(),
                    repeats: Vec::new(),
                    audit: Vec::new(),
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut fields = self.conn.prepare(
            "SELECT position, key, value FROM checkin_field WHERE checkin_id = ?1 ORDER BY position",
        )?;
        let mut repeats = self
            .conn
            .prepare("SELECT at_ms FROM repeat_attempt WHERE checkin_id = ?1 ORDER BY at_ms")?;
        let mut audit = self.conn.prepare(
            "SELECT at_ms, actor, action, undo, detail FROM audit WHERE checkin_id = ?1 ORDER BY id",
        )?;
        for one in &mut out {
            one.fields = fields
                .query_map(params![one.id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                .collect::<rusqlite::Result<_>>()?;
            one.repeats = repeats
                .query_map(params![one.id], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            one.audit = audit
                .query_map(params![one.id], |r| {
                    Ok((
                        r.get(0)?,
                        r.get(1)?,
                        r.get(2)?,
                        r.get::<_, i64>(3)? != 0,
                        r.get(4)?,
                    ))
                })?
                .collect::<rusqlite::Result<_>>()?;
        }
        Ok(out)
    }

    /// Copies every check-in of this file to `to`, under `to`'s site.
    pub fn copy_to(&self, to: &mut PgStore) -> Result<Copied, StoreError> {
        let all = self.everything().map_err(|e| self.fail(&e))?;
        let site = to.site().to_string();
        to.copy_in(&site, &all)
    }
}

impl PgStore {
    fn copy_in(&mut self, site: &str, all: &[Source]) -> Result<Copied, StoreError> {
        let counts = self.with_client(|client| {
            let mut tx = client.transaction()?;
            let mut copied = 0_usize;
            for one in all {
                let key = one.key(site);
                let taken = tx.query_opt(
                    "SELECT idem_key FROM checkin WHERE site = $1 AND local_date = $2 AND ticket = $3",
                    &[&site, &one.local_date, &one.ticket],
                )?;
                match taken.map(|r| r.get::<_, Option<String>>(0)) {
                    Some(Some(k)) if k == key => continue,
                    // The server already gave this ticket to another
                    // check-in: nothing of the copy may stay.
                    Some(_) => return Ok(Err((one.local_date.clone(), one.ticket))),
                    None => {}
                }
                let id: i64 = tx
                    .query_one(
                        "INSERT INTO checkin (site, ticket, checked_in_at_ms, local_date, status,
                             status_changed_at_ms, identity, source, removed_at_ms, removed_by,
                             language, idem_key)
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
                         RETURNING id",
                        &[
                            &site,
                            &one.ticket,
                            &one.checked_in_at_ms,
                            &one.local_date,
                            &one.status,
                            &one.status_changed_at_ms,
                            &one.identity,
                            &one.source,
                            &one.removed_at_ms,
                            &one.removed_by,
                            &one.language,
                            &key,
                        ],
                    )?
                    .get(0);
                for (position, key, value) in &one.fields {
                    tx.execute(
                        "INSERT INTO checkin_field (checkin_id, position, key, value)
                         VALUES ($1, $2, $3, $4)",
                        &[&id, position, key, value],
                    )?;
                }
                for at in &one.repeats {
                    tx.execute(
                        "INSERT INTO repeat_attempt (checkin_id, at_ms) VALUES ($1, $2)",
                        &[&id, at],
                    )?;
                }
                for (at, actor, action, undo, detail) in &one.audit {
                    tx.execute(
                        "INSERT INTO audit (checkin_id, at_ms, actor, action, undo, detail)
                         VALUES ($1, $2, $3, $4, $5, $6)",
                        &[&id, at, actor, action, undo, detail],
                    )?;
                }
                tx.execute(
                    "INSERT INTO ticket_counter (site, local_date, last) VALUES ($1, $2, $3)
                     ON CONFLICT (site, local_date)
                     DO UPDATE SET last = greatest(ticket_counter.last, excluded.last)",
                    &[&site, &one.local_date, &one.ticket],
                )?;
                copied += 1;
            }
            // The check before the commit: every check-in of the file, by
            // its key, with as many answers as the file has.
            let mut checked = 0_usize;
            for one in all {
                let row = tx.query_opt(
                    "SELECT (SELECT count(*) FROM checkin_field f WHERE f.checkin_id = c.id)
                     FROM checkin c WHERE c.idem_key = $1",
                    &[&one.key(site)],
                )?;
                let fields = row.map(|r| r.get::<_, i64>(0));
                if fields == Some(i64::try_from(one.fields.len()).unwrap_or(-1)) {
                    checked += 1;
                }
            }
            if checked != all.len() {
                tx.rollback()?;
                return Ok(Ok((copied, checked, false)));
            }
            tx.commit()?;
            Ok(Ok((copied, checked, true)))
        })?;
        match counts {
            Err((date, ticket)) => Err(StoreError::Other {
                path: self.path(),
                detail: format!(
                    "ticket {ticket} of {date} at site \"{site}\" is already another check-in on the server; nothing was copied (copy before the kiosks start using the server, or into a site of its own)"
                ),
            }),
            Ok((copied, checked, true)) => Ok(Copied {
                copied,
                already: all.len() - copied,
                checked,
            }),
            Ok((_, checked, false)) => Err(StoreError::Other {
                path: self.path(),
                detail: format!(
                    "only {checked} of the file's {} check-ins were found whole on the server after copying; nothing was copied",
                    all.len()
                ),
            }),
        }
    }
}
