//! What the keys do: moving the selection, calling, marking, undoing, and
//! taking in the result of a save.

use super::modes::{Mode, Pending};
use super::words;
use super::{Action, Answer, Change, Desk, Notice, Op, Outcome, RecordChange, UNDO_DEPTH};
use crate::i18n::num;
use crate::store::{CheckinRecord, Inserted, Status, StatusAt};

impl Desk {
    pub(super) fn act(&mut self, action: Action) -> Outcome {
        match action {
            Action::Up | Action::Down => Outcome::redraw(self.step(action == Action::Down)),
            Action::Call => self.call(),
            Action::Seen => self.mark(Status::Seen),
            Action::NoShow => self.mark(Status::NoShow),
            Action::Undo => match self.undo.pop() {
                Some(Op::Status(change)) => ask(change.reversed()),
                Some(Op::Record(change)) => record(change.made_at(self.now)),
                None => self.say(&self.words().t("desk-nothing-to-undo")),
            },
            Action::Find => {
                self.mode = Mode::Find;
                Outcome::redraw(true)
            }
            Action::Add => self.open_add(),
            Action::Edit => self.open_edit(),
            Action::Remove => self.remove(),
            Action::Summary => {
                self.mode = Mode::Summary;
                Outcome::redraw(true)
            }
            Action::Quit => {
                self.running = false;
                Outcome::default()
            }
        }
    }

    /// Moves the selection one row among those shown; whether it moved.
    pub(super) fn step(&mut self, down: bool) -> bool {
        let shown = self.shown();
        let Some(index) = self
            .selected
            .and_then(|id| shown.iter().position(|r| r.id == id))
        else {
            self.settle_selection(None);
            return self.selected.is_some();
        };
        let next = if down {
            index.saturating_add(1)
        } else {
            index.saturating_sub(1)
        };
        match shown.get(next) {
            Some(row) if next != index => {
                self.selected = Some(row.id);
                true
            }
            _ => false,
        }
    }

    /// Calls the selected patient if they are waiting, otherwise the one
    /// waiting first in line.
    fn call(&mut self) -> Outcome {
        let target = match self.selected() {
            Some(r) if r.status == Status::Waiting => Some(r),
            _ => self.rows.iter().find(|r| r.status == Status::Waiting),
        };
        match target.map(|r| self.change(r, Status::Called)) {
            Some(change) => ask(change),
            None => self.say(&self.words().t("desk-no-one-waiting")),
        }
    }

    /// Marks the selected patient.
    fn mark(&mut self, status: Status) -> Outcome {
        let Some(row) = self.selected() else {
            return self.say(&self.words().t("desk-empty"));
        };
        let name = self.name_of(row);
        if row.status == status {
            let w = self.words();
            let text = w.f(
                "desk-already",
                &[
                    ("ticket", num(row.ticket)),
                    ("name", name.as_str().into()),
                    ("word", words::status(w, status).into()),
                ],
            );
            return self.say_about(&text, &name);
        }
        let change = self.change(row, status);
        // Seen to no-show or back is rare and easy to press by mistake.
        if matches!(row.status, Status::Seen | Status::NoShow) {
            return self.ask_first(Pending::Mark(change));
        }
        ask(change)
    }

    /// Asks before removing the selected check-in as entered in error.
    fn remove(&mut self) -> Outcome {
        let Some(row) = self.selected() else {
            return self.say(&self.words().t("desk-empty"));
        };
        let change = RecordChange::Remove {
            id: row.id,
            ticket: row.ticket,
            name: self.name_of(row),
            expected: StatusAt {
                status: row.status,
                at: row.status_changed_at,
            },
            at: self.now,
            undo: false,
        };
        self.ask_first(Pending::Remove(change))
    }

    fn change(&self, row: &CheckinRecord, status: Status) -> Change {
        Change {
            id: row.id,
            ticket: row.ticket,
            name: self.name_of(row),
            expected: StatusAt {
                status: row.status,
                at: row.status_changed_at,
            },
            new: StatusAt {
                status,
                at: self.now,
            },
            undo: false,
        }
    }

    pub(super) fn say(&mut self, text: &str) -> Outcome {
        self.notice = Some(Notice::new(text.to_string(), false, self.now));
        Outcome::redraw(true)
    }

    /// Says `text`, in which `name` may be shortened to fit.
    fn say_about(&mut self, text: &str, name: &str) -> Outcome {
        self.notice = Some(Notice::new(text.to_string(), false, self.now).naming(name));
        Outcome::redraw(true)
    }

    pub(super) fn warn(&mut self, text: String) {
        self.notice = Some(Notice::new(text, true, self.now));
    }

    fn warn_about(&mut self, text: String, name: &str) {
        self.notice = Some(Notice::new(text, true, self.now).naming(name));
    }

    fn remember(&mut self, op: Op) {
        if self.undo.len() >= UNDO_DEPTH {
            self.undo.remove(0);
        }
        self.undo.push(op);
    }

    pub(super) fn saved(&mut self, change: Change, result: Result<bool, String>) {
        match result {
            Ok(true) => {
                let w = self.words();
                let id = if change.undo {
                    "desk-changed-undo"
                } else {
                    "desk-changed"
                };
                let text = w.f(
                    id,
                    &[
                        ("ticket", num(change.ticket)),
                        ("name", change.name.as_str().into()),
                        ("word", words::status(w, change.new.status).into()),
                    ],
                );
                self.say_about(&text, &change.name);
                self.selected = Some(change.id);
                if !change.undo {
                    self.remember(Op::Status(change));
                }
            }
            Ok(false) => {
                let text = changed_elsewhere(self, change.ticket, &change.name, change.undo);
                self.warn_about(text, &change.name);
            }
            Err(error) => {
                self.warn(save_failed(self, &error));
                if change.undo {
                    // Not undone: it can be tried again.
                    self.undo.push(Op::Status(change.reversed()));
                }
            }
        }
    }

    pub(super) fn recorded(&mut self, change: RecordChange, result: Result<Answer, String>) {
        let answer = match result {
            Ok(answer) => answer,
            Err(error) => {
                self.warn(save_failed(self, &error));
                if change.is_undo() {
                    self.undo.push(Op::Record(change));
                }
                return;
            }
        };
        let (text, name) = recorded_text(self, &change, answer);
        match answer {
            Answer::Stale => self.warn_about(text, &name),
            _ => {
                self.say_about(&text, &name);
            }
        }
        if let Answer::Added(inserted) = answer {
            // Shown and selected once the list is read again.
            self.selected = Some(inserted.id());
            self.filter.clear();
        }
        if !change.is_undo()
            && let Some(back) = change.reversed(answer, &self.setup.duplicate_key)
        {
            self.remember(Op::Record(back));
        }
    }
}

/// What to say about a stored record change, and the name in it.
fn recorded_text(desk: &Desk, change: &RecordChange, answer: Answer) -> (String, String) {
    let w = desk.words();
    let (ticket, name) = match change {
        RecordChange::Add { name, .. } => (0, name.clone()),
        RecordChange::Edit { ticket, name, .. }
        | RecordChange::Remove { ticket, name, .. }
        | RecordChange::Restore { ticket, name, .. } => (*ticket, name.clone()),
    };
    let say = |id: &str, ticket: u32| {
        w.f(
            id,
            &[("ticket", num(ticket)), ("name", name.as_str().into())],
        )
    };
    let text = match (change, answer) {
        (_, Answer::Stale) => changed_elsewhere(desk, ticket, &name, change.is_undo()),
        (_, Answer::Added(Inserted::New { ticket, .. })) => say("desk-added", ticket),
        (_, Answer::Added(Inserted::Duplicate { ticket, .. })) => {
            say("desk-already-listed", ticket)
        }
        (RecordChange::Edit { undo: true, .. }, _) => say("desk-edited-undo", ticket),
        (RecordChange::Edit { .. }, _) => say("desk-edited", ticket),
        (RecordChange::Remove { undo: true, .. }, _) => say("desk-removed-undo", ticket),
        (RecordChange::Remove { .. }, _) => say("desk-removed", ticket),
        (RecordChange::Restore { .. } | RecordChange::Add { .. }, _) => {
            say("desk-restored", ticket)
        }
    };
    (text, name)
}

/// Someone else changed the check-in between reading and saving.
fn changed_elsewhere(desk: &Desk, ticket: u32, name: &str, undo: bool) -> String {
    let id = if undo {
        "desk-changed-elsewhere-undo"
    } else {
        "desk-changed-elsewhere"
    };
    desk.words()
        .f(id, &[("ticket", num(ticket)), ("name", name.into())])
}

fn save_failed(desk: &Desk, error: &str) -> String {
    desk.words()
        .f("desk-save-failed", &[("error", error.into())])
}

/// Asks the runtime to save `change`.
pub(super) fn ask(change: Change) -> Outcome {
    Outcome {
        save: Some(change),
        ..Outcome::default()
    }
}

/// Asks the runtime to store `change`.
pub(super) fn record(change: RecordChange) -> Outcome {
    Outcome {
        record: Some(change),
        ..Outcome::default()
    }
}
