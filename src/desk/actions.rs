//! What the keys do: moving the selection, calling, marking, undoing, and
//! taking in the result of a save.

use super::{Action, Change, Desk, Notice, Outcome, UNDO_DEPTH};
use crate::store::{CheckinRecord, Status, StatusAt};
use crate::strings;

impl Desk {
    pub(super) fn act(&mut self, action: Action) -> Outcome {
        match action {
            Action::Up | Action::Down => Outcome::redraw(self.step(action == Action::Down)),
            Action::Call => self.call(),
            Action::Seen => self.mark(Status::Seen),
            Action::NoShow => self.mark(Status::NoShow),
            Action::Undo => match self.undo.pop() {
                Some(change) => ask(change.reversed()),
                None => self.say(strings::DESK_NOTHING_TO_UNDO),
            },
            Action::Quit => {
                self.running = false;
                Outcome::default()
            }
        }
    }

    /// Moves the selection one row; whether it moved.
    fn step(&mut self, down: bool) -> bool {
        let Some(index) = self.selected_index() else {
            self.settle_selection(None);
            return self.selected.is_some();
        };
        let next = if down {
            index.saturating_add(1)
        } else {
            index.saturating_sub(1)
        };
        match self.rows.get(next) {
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
            None => self.say(strings::DESK_NO_ONE_WAITING),
        }
    }

    /// Marks the selected patient.
    fn mark(&mut self, status: Status) -> Outcome {
        let Some(row) = self.selected() else {
            return self.say(strings::DESK_EMPTY);
        };
        if row.status == status {
            let text = strings::desk_already(row.ticket, &self.name_of(row), status);
            return self.say(&text);
        }
        ask(self.change(row, status))
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

    fn say(&mut self, text: &str) -> Outcome {
        self.notice = Some(Notice {
            text: text.to_string(),
            warning: false,
        });
        Outcome::redraw(true)
    }

    pub(super) fn warn(&mut self, text: String) {
        self.notice = Some(Notice {
            text,
            warning: true,
        });
    }

    pub(super) fn saved(&mut self, change: Change, result: Result<bool, String>) {
        match result {
            Ok(true) => {
                let text = strings::desk_changed(
                    change.ticket,
                    &change.name,
                    change.new.status,
                    change.undo,
                );
                self.say(&text);
                self.selected = Some(change.id);
                if !change.undo {
                    if self.undo.len() >= UNDO_DEPTH {
                        self.undo.remove(0);
                    }
                    self.undo.push(change);
                }
            }
            Ok(false) => {
                self.warn(strings::desk_changed_elsewhere(
                    change.ticket,
                    &change.name,
                    change.undo,
                ));
            }
            Err(error) => {
                self.warn(strings::desk_save_failed(&error));
                if change.undo {
                    // Not undone: it can be tried again.
                    self.undo.push(change.reversed());
                }
            }
        }
    }
}

/// Asks the runtime to save `change`.
fn ask(change: Change) -> Outcome {
    Outcome {
        redraw: false,
        bell: false,
        save: Some(change),
    }
}
