//! Reading check-ins back.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::Row;
use rusqlite::types::{FromSqlError, Type};

use super::record::{CheckinId, CheckinRecord, Status};
use super::write::date_text;
use super::{Store, StoreError};

impl Store {
    /// The check-ins of one local date in the clinic's zone, by ticket.
    /// One statement, so one consistent snapshot even while another process
    /// writes.
    pub fn list(&self, local_date: NaiveDate) -> Result<Vec<CheckinRecord>, StoreError> {
        self.query_list(local_date).map_err(|e| self.fail(&e))
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

    fn query_list(&self, local_date: NaiveDate) -> rusqlite::Result<Vec<CheckinRecord>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.id, c.ticket, c.checked_in_at_ms, c.local_date, c.status,
                    c.status_changed_at_ms, c.identity, f.key, f.value,
                    (SELECT count(*) FROM repeat_attempt r WHERE r.checkin_id = c.id),
                    (SELECT max(at_ms) FROM repeat_attempt r WHERE r.checkin_id = c.id)
             FROM checkin c LEFT JOIN checkin_field f ON f.checkin_id = c.id
             WHERE c.local_date = ?1
             ORDER BY c.ticket, c.id, f.position",
        )?;
        let mut rows = stmt.query([date_text(local_date)])?;
        let mut out: Vec<CheckinRecord> = Vec::new();
        while let Some(row) = rows.next()? {
            let id = CheckinId(row.get(0)?);
            let field: Option<(String, String)> = match row.get::<_, Option<String>>(7)? {
                Some(key) => Some((key, row.get(8)?)),
                None => None,
            };
            match out.last_mut() {
                Some(last) if last.id == id => last.fields.extend(field),
                _ => {
                    let mut record = record(row, id)?;
                    record.fields.extend(field);
                    out.push(record);
                }
            }
        }
        Ok(out)
    }
}

/// The check-in columns of a row, without fields.
fn record(row: &Row<'_>, id: CheckinId) -> rusqlite::Result<CheckinRecord> {
    let date: String = row.get(3)?;
    let status: String = row.get(4)?;
    Ok(CheckinRecord {
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
