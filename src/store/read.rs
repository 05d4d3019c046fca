//! Reading check-ins back.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::Row;
use rusqlite::types::{FromSqlError, Type};

use super::record::{CheckinId, CheckinRecord, RemovedRecord, Source, Status};
use super::write::date_text;
use super::{Store, StoreError};

impl Store {
    /// The check-ins of one local date in the clinic's zone, by ticket.
    /// One statement, so one consistent snapshot even while another process
    /// writes.
    /// Removed check-ins are left out (see [`removed`](Self::removed)).
    pub fn list(&self, local_date: NaiveDate) -> Result<Vec<CheckinRecord>, StoreError> {
        let rows = self
            .query_list(local_date, false)
            .map_err(|e| self.fail(&e))?;
        Ok(rows.into_iter().map(|(record, _)| record).collect())
    }

    /// The check-ins of one local date that staff removed, by ticket, with
    /// who removed them and when.
    pub fn removed(&self, local_date: NaiveDate) -> Result<Vec<RemovedRecord>, StoreError> {
        let rows = self
            .query_list(local_date, true)
            .map_err(|e| self.fail(&e))?;
        Ok(rows
            .into_iter()
            .filter_map(|(record, removed)| {
                let (at, by) = removed?;
                Some(RemovedRecord {
                    record,
                    removed_at: at,
                    removed_by: by,
                })
            })
            .collect())
    }

    /// A number that changes whenever another connection (another process,
    /// such as the kiosk) commits a change to the database: SQLite's
    /// `PRAGMA data_version`. Cheap enough to ask twice a second; compare
    /// it with the last one to know whether to [`list`](Self::list) again.
    /// This connection's own changes do not move it.
    pub fn change_stamp(&self) -> Result<i64, StoreError> {
        self.conn
            .pragma_query_value(None, "data_version", |row| row.get(0))
            .map_err(|e| self.fail(&e))
    }

    /// The check-ins of a day, either those still listed or (`removed`)
    /// those removed, with when and by whom.
    fn query_list(&self, local_date: NaiveDate, removed: bool) -> rusqlite::Result<Vec<Listed>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.id, c.ticket, c.checked_in_at_ms, c.local_date, c.status,
                    c.status_changed_at_ms, c.identity, f.key, f.value,
                    (SELECT count(*) FROM repeat_attempt r WHERE r.checkin_id = c.id),
                    (SELECT max(at_ms) FROM repeat_attempt r WHERE r.checkin_id = c.id),
                    c.source, c.removed_at_ms, c.removed_by, c.language
             FROM checkin c LEFT JOIN checkin_field f ON f.checkin_id = c.id
             WHERE c.local_date = ?1 AND (c.removed_at_ms IS NOT NULL) = ?2
             ORDER BY c.ticket, c.id, f.position",
        )?;
        let mut rows = stmt.query(rusqlite::params![date_text(local_date), removed])?;
        let mut out: Vec<Listed> = Vec::new();
        while let Some(row) = rows.next()? {
            let id = CheckinId(row.get(0)?);
            let field: Option<(String, String)> = match row.get::<_, Option<String>>(7)? {
                Some(key) => Some((key, row.get(8)?)),
                None => None,
            };
            match out.last_mut() {
                Some((last, _)) if last.id == id => last.fields.extend(field),
                _ => {
                    let mut record = record(row, id)?;
                    record.fields.extend(field);
                    let removed = match row.get::<_, Option<i64>>(12)? {
                        Some(_) => Some((
                            instant(row, 12)?,
                            row.get::<_, Option<String>>(13)?.unwrap_or_default(),
                        )),
                        None => None,
                    };
                    out.push((record, removed));
                }
            }
        }
        Ok(out)
    }
}

/// A check-in, and when and by whom it was removed, if it was.
type Listed = (CheckinRecord, Option<(DateTime<Utc>, String)>);

/// The check-in columns of a row, without fields.
fn record(row: &Row<'_>, id: CheckinId) -> rusqlite::Result<CheckinRecord> {
    let date: String = row.get(3)?;
    let status: String = row.get(4)?;
    Ok(CheckinRecord {
        language: row.get(14)?,
        id,
        ticket: row.get(1)?,
        checked_in_at: instant(row, 2)?,
        local_date: NaiveDate::parse_from_str(&date, "%Y-%m-%d")
            .map_err(|e| bad(3, Type::Text, e))?,
        status: Status::parse(&status)
            .ok_or_else(|| bad(4, Type::Text, FromSqlError::InvalidType))?,
        status_changed_at: instant(row, 5)?,
        fields: Vec::new(),
        identity: row.get(6)?,
        repeats: row.get(9)?,
        last_repeat_at: match row.get::<_, Option<i64>>(10)? {
            Some(_) => Some(instant(row, 10)?),
            None => None,
        },
        source: Source::parse(&row.get::<_, String>(11)?)
            .ok_or_else(|| bad(11, Type::Text, FromSqlError::InvalidType))?,
    })
}

fn instant(row: &Row<'_>, index: usize) -> rusqlite::Result<DateTime<Utc>> {
    let ms: i64 = row.get(index)?;
    DateTime::from_timestamp_millis(ms)
        .ok_or_else(|| bad(index, Type::Integer, FromSqlError::OutOfRange(ms)))
}

fn bad(
    index: usize,
    kind: Type,
    error: impl std::error::Error + Send + Sync + 'static,
) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(index, kind, Box::new(error))
}
