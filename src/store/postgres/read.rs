//! Reading check-ins back from the server, and the change stamp that
//! LISTEN/NOTIFY keeps.

use chrono::{DateTime, NaiveDate, Utc};
use postgres::Row;
use postgres::fallible_iterator::FallibleIterator;

use super::PgStore;
use crate::store::StoreError;
use crate::store::audit::{AuditAction, AuditEntry};
use crate::store::record::{CheckinId, CheckinRecord, RemovedRecord, Source, Status};
use crate::store::write::date_text;

impl PgStore {
    /// The listed check-ins of one local date at this store's site.
    pub fn list(&mut self, local_date: NaiveDate) -> Result<Vec<CheckinRecord>, StoreError> {
        let site = self.site.clone();
        let rows = self.query_list(local_date, &site, false)?;
        Ok(rows.into_iter().map(|(r, _)| r).collect())
    }

    /// The listed check-ins of one local date at every site, by site and
    /// ticket, each with its site.
    pub fn list_all_sites(
        &mut self,
        local_date: NaiveDate,
    ) -> Result<Vec<(String, CheckinRecord)>, StoreError> {
        let date = date_text(local_date);
        let rows = self.with_client(|c| {
            c.query(
                "SELECT DISTINCT site FROM checkin WHERE local_date = $1 ORDER BY site",
                &[&date],
            )
        })?;
        let sites: Vec<String> = rows.iter().map(|r| r.get(0)).collect();
        let mut out = Vec::new();
        for site in sites {
            let listed = self.query_list(local_date, &site, false)?;
            out.extend(listed.into_iter().map(|(r, _)| (site.clone(), r)));
        }
        Ok(out)
    }

    /// The removed check-ins of one local date at this store's site.
    pub fn removed(&mut self, local_date: NaiveDate) -> Result<Vec<RemovedRecord>, StoreError> {
        let site = self.site.clone();
        let rows = self.query_list(local_date, &site, true)?;
        Ok(rows
            .into_iter()
            .filter_map(|(record, removed)| {
                let (removed_at, removed_by) = removed?;
                Some(RemovedRecord {
                    record,
                    removed_at,
                    removed_by,
                })
            })
            .collect())
    }

    fn query_list(
        &mut self,
        local_date: NaiveDate,
        site: &str,
        removed: bool,
    ) -> Result<Vec<Listed>, StoreError> {
        let date = date_text(local_date);
        let site = site.to_string();
        let rows = self.with_client(|c| {
            c.query(
                "SELECT c.id, c.ticket, c.checked_in_at_ms, c.local_date, c.status,
                        c.status_changed_at_ms, c.identity, f.key, f.value,
                        (SELECT count(*) FROM repeat_attempt r WHERE r.checkin_id = c.id),
                        (SELECT max(at_ms) FROM repeat_attempt r WHERE r.checkin_id = c.id),
                        c.source, c.removed_at_ms, c.removed_by, c.language
                 FROM checkin c LEFT JOIN checkin_field f ON f.checkin_id = c.id
                 WHERE c.local_date = $1 AND c.site = $2
                   AND (c.removed_at_ms IS NOT NULL) = $3
                 ORDER BY c.ticket, c.id, f.position",
                &[&date, &site, &removed],
            )
        })?;
        let mut out: Vec<Listed> = Vec::new();
        for row in &rows {
            let id = CheckinId(row.get(0));
            let field: Option<(String, String)> =
                row.get::<_, Option<String>>(7).map(|key| (key, row.get(8)));
            match out.last_mut() {
                Some((last, _)) if last.id == id => last.fields.extend(field),
                _ => {
                    let mut record = self.record(row, id)?;
                    record.fields.extend(field);
                    let removed = row.get::<_, Option<i64>>(12).map(|ms| {
                        (
                            instant(ms),
                            row.get::<_, Option<String>>(13).unwrap_or_default(),
                        )
                    });
                    out.push((record, removed));
                }
            }
        }
        Ok(out)
    }

    fn record(&self, row: &Row, id: CheckinId) -> Result<CheckinRecord, StoreError> {
        let corrupt = |what: &str| StoreError::Corrupt {
            path: self.path(),
            detail: format!("check-in {} has {what}", id.0),
        };
        let date: String = row.get(3);
        let status: String = row.get(4);
        let source: String = row.get(11);
        Ok(CheckinRecord {
            id,
            ticket: u32::try_from(row.get::<_, i32>(1)).map_err(|_| corrupt("a bad ticket"))?,
            checked_in_at: instant(row.get(2)),
            local_date: NaiveDate::parse_from_str(&date, "%Y-%m-%d")
                .map_err(|_| corrupt("a bad date"))?,
            status: Status::parse(&status).ok_or_else(|| corrupt("an unknown status"))?,
            status_changed_at: instant(row.get(5)),
            fields: Vec::new(),
            identity: row.get(6),
            repeats: u32::try_from(row.get::<_, i64>(9)).unwrap_or(u32::MAX),
            last_repeat_at: row.get::<_, Option<i64>>(10).map(instant),
            source: Source::parse(&source).ok_or_else(|| corrupt("an unknown source"))?,
            language: row.get(14),
        })
    }

    /// Every change to this site's check-ins of one local date, oldest
    /// first.
    pub fn history(&mut self, local_date: NaiveDate) -> Result<Vec<AuditEntry>, StoreError> {
        let (date, site) = (date_text(local_date), self.site.clone());
        let rows = self.with_client(|c| {
            c.query(
                "SELECT a.at_ms, a.checkin_id, c.ticket, a.actor, a.action, a.detail, a.undo
                 FROM audit a JOIN checkin c ON c.id = a.checkin_id
                 WHERE c.local_date = $1 AND c.site = $2
                 ORDER BY a.at_ms, a.id",
                &[&date, &site],
            )
        })?;
        Ok(rows
            .iter()
            .filter_map(|row| {
                let action: String = row.get(4);
                let detail: String = row.get(5);
                Some(AuditEntry {
                    at: instant(row.get(0)),
                    checkin: CheckinId(row.get(1)),
                    ticket: u32::try_from(row.get::<_, i32>(2)).ok()?,
                    actor: row.get(3),
                    action: AuditAction::from_columns(&action, &detail)?,
                    undo: row.get(6),
                })
            })
            .collect())
    }

    /// Whether check-in `id` with `ticket` is stored.
    pub fn holds(&mut self, id: CheckinId, ticket: u32) -> Result<bool, StoreError> {
        let ticket = i32::try_from(ticket).unwrap_or(-1);
        self.with_client(|c| {
            c.query_one(
                "SELECT count(*) FROM checkin WHERE id = $1 AND ticket = $2",
                &[&id.0, &ticket],
            )
            .map(|r| r.get::<_, i64>(0) > 0)
        })
    }

    /// A number that moves when another machine changed the check-ins (an
    /// announcement arrived) or the connection was opened again (some may
    /// have been missed). Reads only what the server already sent (waiting
    /// 2 ms at most): no round trip, so it can be asked many times a
    /// second.
    pub fn change_stamp(&mut self) -> Result<i64, StoreError> {
        if self.client.is_none() {
            // Connects again (or says why not).
            self.with_client(|_| Ok(()))?;
        }
        let Some(client) = self.client.as_mut() else {
            return Ok(self.stamp);
        };
        let mut seen = 0_i64;
        let mut lost = false;
        {
            let mut notes = client.notifications();
            // A short wait rather than `iter()`: only waiting lets the
            // connection read what arrived on its socket.
            let mut pending = notes.timeout_iter(std::time::Duration::from_millis(2));
            loop {
                match pending.next() {
                    Ok(Some(_)) => seen += 1,
                    Ok(None) => break,
                    Err(_) => {
                        lost = true;
                        break;
                    }
                }
            }
        }
        if lost || client.is_closed() {
            self.client = None;
            self.stamp = self.stamp.wrapping_add(1);
        }
        self.stamp = self.stamp.wrapping_add(seen);
        Ok(self.stamp)
    }
}

/// A check-in, and when and by whom it was removed, if it was.
type Listed = (CheckinRecord, Option<(DateTime<Utc>, String)>);

fn instant(ms: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_millis(ms).unwrap_or_default()
}
