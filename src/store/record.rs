//! The check-in as the rest of the kiosk sees it, and the cleaning every
//! piece of text goes through before it is stored.

use std::fmt;

use chrono::{DateTime, NaiveDate, Utc};

use super::identity::identity_key;
use crate::sanitize::printable;

/// At most this many fields are stored per check-in; later ones are dropped.
pub const MAX_FIELDS: usize = 40;
/// Field values (and names) are cut to this many characters.
pub const MAX_VALUE_CHARS: usize = 200;
/// Field keys are cut to this many characters.
pub const MAX_KEY_CHARS: usize = 64;

/// A check-in's row id in the database.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CheckinId(pub i64);

/// Where a patient is in the day's queue.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    Waiting,
    Called,
    Seen,
    NoShow,
}

impl Status {
    pub const ALL: [Self; 4] = [Self::Waiting, Self::Called, Self::Seen, Self::NoShow];

    /// The word stored in the database and printed by `kiosk checkins`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Waiting => "waiting",
            Self::Called => "called",
            Self::Seen => "seen",
            Self::NoShow => "no_show",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == text)
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where a check-in came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Source {
    /// Typed by the patient on the kiosk.
    Kiosk,
    /// Added by staff at the front desk (a walk-in, a phone arrival).
    Desk,
}

impl Source {
    pub const ALL: [Self; 2] = [Self::Kiosk, Self::Desk];

    /// The word stored in the database and printed by `kiosk checkins`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Kiosk => "kiosk",
            Self::Desk => "desk",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == text)
    }
}

/// A status and when a check-in took it: what
/// [`Store::set_status_if`](super::Store::set_status_if) expects to find and
/// what it writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StatusAt {
    pub status: Status,
    /// Compared and stored to the millisecond.
    pub at: DateTime<Utc>,
}

/// A check-in about to be stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewCheckin {
    /// Who this is, for duplicate detection: the folded answers of the
    /// clinic's `duplicate_key` fields (see [`identity_key`]). `None` when
    /// detection is off or one of those answers is blank: such a check-in
    /// is always stored.
    pub identity: Option<String>,
    /// Every configured field in form order, key → value as typed (the
    /// names and date of birth too, if the form shows them).
    pub fields: Vec<(String, String)>,
    /// The language the patient used (`en`, `es`...), for the front desk.
    pub language: String,
}

impl NewCheckin {
    /// A check-in of these answers, identified by the answers of the
    /// fields named in `key` (in that order).
    pub fn new(fields: Vec<(String, String)>, key: &[impl AsRef<str>]) -> Self {
        Self {
            identity: identity_key(&fields, key),
            fields,
            language: crate::i18n::BASE.to_string(),
        }
    }

    /// The check-in as made in `language`.
    pub fn in_language(mut self, language: &str) -> Self {
        self.language = language.to_string();
        self
    }

    /// The answer given for `key`, if the form asked for it.
    pub fn field(&self, key: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

/// What [`Store::insert`](super::Store::insert) did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Inserted {
    /// A new check-in was stored with this ticket.
    New { ticket: u32, id: CheckinId },
    /// The same person already checked in today within the duplicate
    /// window: nothing was stored and this is their earlier ticket.
    Duplicate { ticket: u32, id: CheckinId },
}

impl Inserted {
    pub fn ticket(self) -> u32 {
        match self {
            Self::New { ticket, .. } | Self::Duplicate { ticket, .. } => ticket,
        }
    }

    pub fn id(self) -> CheckinId {
        match self {
            Self::New { id, .. } | Self::Duplicate { id, .. } => id,
        }
    }
}

/// A stored check-in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckinRecord {
    pub id: CheckinId,
    /// 1, 2, 3 … restarting each day in the clinic's time zone.
    pub ticket: u32,
    pub checked_in_at: DateTime<Utc>,
    /// The date of `checked_in_at` in the clinic's time zone.
    pub local_date: NaiveDate,
    pub status: Status,
    pub status_changed_at: DateTime<Utc>,
    /// The fields in the order they were given, cleaned.
    pub fields: Vec<(String, String)>,
    /// The normalised duplicate-detection key (`""` when it identifies
    /// nobody).
    pub identity: String,
    /// How many times someone tried to check in again as this patient.
    pub repeats: u32,
    /// When the last of those tries was.
    pub last_repeat_at: Option<DateTime<Utc>>,
    /// Where it came from.
    pub source: Source,
    /// The language the patient used (`en` for check-ins made before
    /// languages were recorded).
    pub language: String,
}

/// A check-in staff removed as entered in error: kept, with who and when,
/// until the retention purge.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RemovedRecord {
    pub record: CheckinRecord,
    pub removed_at: DateTime<Utc>,
    /// The desk or kiosk that removed it.
    pub removed_by: String,
}

impl CheckinRecord {
    /// The value stored under `key`, if any.
    pub fn field(&self, key: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

/// `text` without control characters, cut to `max` characters.
pub fn clean_text(text: &str, max: usize) -> String {
    printable(text).chars().take(max).collect()
}

/// The fields as stored: control characters removed, lengths limited, keys
/// trimmed; empty and repeated keys dropped (the first one wins).
pub fn clean_fields(fields: &[(String, String)]) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for (key, value) in fields {
        if out.len() == MAX_FIELDS {
            break;
        }
        let key = clean_text(key, MAX_KEY_CHARS).trim().to_string();
        if key.is_empty() || out.iter().any(|(k, _)| *k == key) {
            continue;
        }
        out.push((key, clean_text(value, MAX_VALUE_CHARS)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
        items
            .iter()
            .map(|(k, v)| ((*k).to_string(), (*v).to_string()))
            .collect()
    }

    #[test]
    fn statuses_round_trip_through_their_words() {
        for s in Status::ALL {
            assert_eq!(Status::parse(s.as_str()), Some(s));
        }
        assert_eq!(Status::parse("Waiting"), None);
    }

    #[test]
    fn fields_lose_controls_and_keep_unicode() {
        let cleaned = clean_fields(&pairs(&[
            ("first_name", "Zoë\u{1b}[2J"),
            ("last_name", "Nguyễn Thị Minh Khai"),
            (" note ", "a\tb"),
        ]));
        assert_eq!(
            cleaned,
            pairs(&[
                ("first_name", "Zoë[2J"),
                ("last_name", "Nguyễn Thị Minh Khai"),
                ("note", "a b"),
            ])
        );
    }

    #[test]
    fn lengths_and_counts_are_limited() {
        let long = "李".repeat(500);
        let many: Vec<(String, String)> = (0..100)
            .map(|i| (format!("k{i}"), long.clone()))
            .chain([("k0".to_string(), "again".to_string())])
            .chain([("".to_string(), "no key".to_string())])
            .collect();
        let cleaned = clean_fields(&many);
        assert_eq!(cleaned.len(), MAX_FIELDS);
        assert!(
            cleaned
                .iter()
                .all(|(_, v)| v.chars().count() == MAX_VALUE_CHARS)
        );
        assert_eq!(
            clean_fields(&pairs(&[("", "x"), ("a", "1"), ("a", "2")])).len(),
            1
        );
    }
}
