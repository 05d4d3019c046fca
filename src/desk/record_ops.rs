//! Changes to a check-in's record rather than its status: adding one at the
//! desk, correcting its answers, removing it as entered in error and putting
//! it back. The desk asks for them as [`RecordChange`]s; the runtime applies
//! them with [`apply`] and sends back the [`Answer`].

use chrono::{DateTime, Utc};

use crate::store::{
    CheckinId, Checkins, Inserted, NewCheckin, Source, Status, StatusAt, clean_fields, new_key,
};

/// A change to a check-in's record that the runtime must store.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RecordChange {
    /// A new check-in typed at the desk, made at `at`.
    Add {
        checkin: NewCheckin,
        name: String,
        at: DateTime<Utc>,
    },
    /// New answers for a check-in, if it still has the `old` ones.
    Edit {
        id: CheckinId,
        ticket: u32,
        name: String,
        old: Vec<(String, String)>,
        new: NewCheckin,
        at: DateTime<Utc>,
        undo: bool,
    },
    /// Take a check-in off the list, if its status is still `expected`.
    Remove {
        id: CheckinId,
        ticket: u32,
        name: String,
        expected: StatusAt,
        at: DateTime<Utc>,
        undo: bool,
    },
    /// Put back a check-in removed at `removed_at`.
    Restore {
        id: CheckinId,
        ticket: u32,
        name: String,
        removed_at: DateTime<Utc>,
        at: DateTime<Utc>,
        undo: bool,
    },
}

/// What became of a [`RecordChange`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answer {
    /// Stored.
    Done,
    /// Not stored: the check-in had been changed elsewhere (or was gone).
    Stale,
    /// What adding did: a new ticket, or the patient was already listed.
    Added(Inserted),
}

impl RecordChange {
    /// Whether this change undoes an earlier one.
    pub fn is_undo(&self) -> bool {
        match self {
            Self::Add { .. } => false,
            Self::Edit { undo, .. } | Self::Remove { undo, .. } | Self::Restore { undo, .. } => {
                *undo
            }
        }
    }

    /// The change that puts this one back once it was stored with
    /// `answer`; `key` is the duplicate key, for the identity of the old
    /// answers. `None` when there is nothing to put back.
    pub fn reversed(&self, answer: Answer, key: &[String]) -> Option<Self> {
        let at = DateTime::<Utc>::MIN_UTC;
        match (self, answer) {
            (Self::Add { name, at: made, .. }, Answer::Added(Inserted::New { ticket, id })) => {
                Some(Self::Remove {
                    id,
                    ticket,
                    name: name.clone(),
                    expected: StatusAt {
                        status: Status::Waiting,
                        at: *made,
                    },
                    at,
                    undo: true,
                })
            }
            (e @ Self::Edit { .. }, Answer::Done) => {
                let Self::Edit {
                    id,
                    ticket,
                    name,
                    old,
                    new,
                    ..
                } = e
                else {
                    return None;
                };
                Some(Self::Edit {
                    id: *id,
                    ticket: *ticket,
                    name: name.clone(),
                    old: clean_fields(&new.fields),
                    new: NewCheckin::new(old.clone(), key),
                    at,
                    undo: true,
                })
            }
            (
                Self::Remove {
                    id,
                    ticket,
                    name,
                    at: removed_at,
                    ..
                },
                Answer::Done,
            ) => Some(Self::Restore {
                id: *id,
                ticket: *ticket,
                name: name.clone(),
                removed_at: *removed_at,
                at,
                undo: true,
            }),
            _ => None,
        }
    }

    /// The same change, made at `now`.
    pub fn made_at(mut self, now: DateTime<Utc>) -> Self {
        match &mut self {
            Self::Add { at, .. }
            | Self::Edit { at, .. }
            | Self::Remove { at, .. }
            | Self::Restore { at, .. } => *at = now,
        }
        self
    }
}

/// Stores `change` (tickets and duplicates as for the kiosk's check-ins,
/// within `duplicate_window`); the error says why it could not be. An
/// added check-in gets its own idempotency key, kept by the store for its
/// retries.
pub fn apply(
    store: &mut dyn Checkins,
    change: &RecordChange,
    duplicate_window: chrono::Duration,
) -> Result<Answer, String> {
    let done = |changed: bool| if changed { Answer::Done } else { Answer::Stale };
    let result = match change {
        RecordChange::Add { checkin, at, .. } => store
            .add(checkin, &new_key(), *at, duplicate_window, Source::Desk)
            .map(Answer::Added),
        RecordChange::Edit {
            id,
            old,
            new,
            at,
            undo,
            ..
        } => store.edit_if(*id, old, new, *at, *undo).map(done),
        RecordChange::Remove {
            id,
            expected,
            at,
            undo,
            ..
        } => store.remove_if(*id, *expected, *at, *undo).map(done),
        RecordChange::Restore {
            id,
            removed_at,
            at,
            undo,
            ..
        } => store.restore_if(*id, *removed_at, *at, *undo).map(done),
    };
    result.map_err(|e| e.to_string())
}
