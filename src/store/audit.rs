//! The audit trail: every change of a check-in's status or record, with
//! when and which desk or kiosk made it. Written in the same transaction as
//! the change itself, so the trail never misses one nor lists one that did
//! not happen.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Connection, params};

use super::record::{CheckinId, Status};
use super::write::date_text;
use super::{Store, StoreError};

/// What a change did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AuditAction {
    /// A new check-in was stored.
    Add,
    /// The status went from the first to the second.
    Status(Status, Status),
    /// A field's answer was corrected: its key, the old and the new value.
    Edit {
        key: String,
        old: String,
        new: String,
    },
    Remove,
    Restore,
}

impl AuditAction {
    /// The `action` column's word and the `detail` column's text.
    pub(super) fn columns(&self) -> (&'static str, String) {
        match self {
            Self::Add => ("add", String::new()),
            Self::Status(from, to) => ("status", format!("{from}>{to}")),
            Self::Edit { key, old, new } => ("edit", format!("{key}\u{1f}{old}\u{1f}{new}")),
            Self::Remove => ("remove", String::new()),
            Self::Restore => ("restore", String::new()),
        }
    }

    pub(super) fn from_columns(action: &str, detail: &str) -> Option<Self> {
        Some(match action {
            "add" => Self::Add,
            "remove" => Self::Remove,
            "restore" => Self::Restore,
            "status" => {
                let (from, to) = detail.split_once('>')?;
                Self::Status(Status::parse(from)?, Status::parse(to)?)
            }
            "edit" => {
                let mut parts = detail.splitn(3, '\u{1f}');
                Self::Edit {
                    key: parts.next()?.to_string(),
                    old: parts.next()?.to_string(),
                    new: parts.next()?.to_string(),
                }
            }
            _ => return None,
        })
    }
}

/// One line of the day's history.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuditEntry {
    pub at: DateTime<Utc>,
    pub checkin: CheckinId,
    pub ticket: u32,
    /// The desk or kiosk that made the change.
    pub actor: String,
    pub action: AuditAction,
    /// Whether the change undid an earlier one.
    pub undo: bool,
}

/// Notes a change of check-in `id` (inside the caller's transaction).
pub(super) fn note(
    conn: &Connection,
    id: CheckinId,
    at: DateTime<Utc>,
    actor: &str,
    action: &AuditAction,
    undo: bool,
) -> rusqlite::Result<()> {
    let (word, detail) = action.columns();
    conn.execute(
        "INSERT INTO audit (checkin_id, at_ms, actor, action, undo, detail)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            id.0,
            at.timestamp_millis(),
            actor,
            word,
            i64::from(undo),
            detail
        ],
    )?;
    Ok(())
}

impl Store {
    /// Every change to the check-ins of one local date, oldest first.
    pub fn history(&self, local_date: NaiveDate) -> Result<Vec<AuditEntry>, StoreError> {
        self.query_history(local_date).map_err(|e| self.fail(&e))
    }

    fn query_history(&self, local_date: NaiveDate) -> rusqlite::Result<Vec<AuditEntry>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.at_ms, a.checkin_id, c.ticket, a.actor, a.action, a.detail, a.undo
             FROM audit a JOIN checkin c ON c.id = a.checkin_id
             WHERE c.local_date = ?1
             ORDER BY a.at_ms, a.id",
        )?;
        let mut rows = stmt.query([date_text(local_date)])?;
        let mut out = Vec::new();
        while let Some(row) = rows.next()? {
            let action: String = row.get(4)?;
            let detail: String = row.get(5)?;
            let Some(action) = AuditAction::from_columns(&action, &detail) else {
                continue;
            };
            let ms: i64 = row.get(0)?;
            out.push(AuditEntry {
                at: DateTime::from_timestamp_millis(ms).unwrap_or_default(),
                checkin: CheckinId(row.get(1)?),
                ticket: row.get(2)?,
                actor: row.get(3)?,
                action,
                undo: row.get::<_, i64>(6)? != 0,
            });
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actions_round_trip_through_their_columns() {
        let edit = AuditAction::Edit {
            key: "last_name".into(),
            old: "Garsia".into(),
            new: "García".into(),
        };
        for action in [
            AuditAction::Add,
            AuditAction::Status(Status::Waiting, Status::Called),
            AuditAction::Status(Status::Seen, Status::NoShow),
            edit,
            AuditAction::Remove,
            AuditAction::Restore,
        ] {
            let (word, detail) = action.columns();
            assert_eq!(AuditAction::from_columns(word, &detail), Some(action));
        }
        assert_eq!(AuditAction::from_columns("status", "x>y"), None);
        assert_eq!(AuditAction::from_columns("drop", ""), None);
    }
}
