//! What the keys do depends on what the desk shows: the queue, the find
//! line, a form, a question waiting for `y`, or the day's summary.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::form::DeskForm;
use super::words;
use super::{Change, Desk, Outcome, RecordChange, action_for, filter};
use crate::i18n::num;
use crate::store::{CheckinId, CheckinRecord};

/// What the desk is doing.
#[derive(Clone, Debug)]
pub enum Mode {
    /// The queue; the keys of [`BINDINGS`](super::BINDINGS).
    Queue,
    /// Typing after `/`: the list narrows with every key.
    Find,
    /// Adding a patient, or correcting one.
    Form(Box<DeskForm>),
    /// A change that needs a `y` first.
    Confirm(Pending),
    /// The day's summary, until any key.
    Summary,
}

/// A change waiting for `y`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pending {
    /// Seen to no-show, or no-show to seen.
    Mark(Change),
    Remove(RecordChange),
}

impl Desk {
    pub fn mode(&self) -> &Mode {
        &self.mode
    }

    /// The find text (empty: every check-in is shown).
    pub fn filter(&self) -> &str {
        &self.filter
    }

    /// Whether another check-in of today has this one's name.
    pub fn is_namesake(&self, id: CheckinId) -> bool {
        self.namesakes.contains(&id)
    }

    /// How many check-ins share a name with another.
    pub fn namesake_count(&self) -> usize {
        self.namesakes.len()
    }

    /// The rows shown: those matching the find text, in queue order.
    pub fn shown(&self) -> Vec<&CheckinRecord> {
        let key = self.setup.birth_key.as_deref();
        self.rows
            .iter()
            .filter(|r| filter::matches(r, &self.filter, key))
            .collect()
    }

    /// Whether every key goes to the desk (typing, a question, the
    /// summary), so the staff screen must not take any for itself.
    pub fn captures_keys(&self) -> bool {
        !matches!(self.mode, Mode::Queue) || !self.filter.is_empty()
    }

    pub(super) fn key(&mut self, key: KeyEvent) -> Outcome {
        if key.kind == KeyEventKind::Release {
            return Outcome::default();
        }
        if key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL) {
            self.running = false;
            return Outcome::default();
        }
        match &self.mode {
            Mode::Queue if key.code == KeyCode::Esc && !self.filter.is_empty() => {
                self.set_filter(String::new());
                Outcome::redraw(true)
            }
            Mode::Queue => action_for(&key).map_or_else(Outcome::default, |a| self.act(a)),
            Mode::Find => self.find_key(key),
            Mode::Form(_) => self.form_key(key),
            Mode::Confirm(_) => self.confirm_key(key),
            Mode::Summary => {
                self.mode = Mode::Queue;
                Outcome::redraw(true)
            }
        }
    }

    fn find_key(&mut self, key: KeyEvent) -> Outcome {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let mut text = self.filter.clone();
        match key.code {
            KeyCode::Esc => {
                self.mode = Mode::Queue;
                text.clear();
            }
            KeyCode::Enter => self.mode = Mode::Queue,
            KeyCode::Backspace => {
                text.pop();
            }
            KeyCode::Up | KeyCode::Down => {
                return Outcome::redraw(self.step(key.code == KeyCode::Down));
            }
            KeyCode::Char(c) if !ctrl && !c.is_control() && text.chars().count() < 40 => {
                text.push(c);
            }
            _ => return Outcome::default(),
        }
        self.set_filter(text);
        Outcome::redraw(true)
    }

    /// Narrows the list, keeping the selection if it is still shown, else
    /// on the first row shown.
    pub(super) fn set_filter(&mut self, text: String) {
        self.filter = text;
        self.settle_selection(None);
    }

    pub(super) fn ask_first(&mut self, pending: Pending) -> Outcome {
        self.mode = Mode::Confirm(pending);
        Outcome::redraw(true)
    }

    fn confirm_key(&mut self, key: KeyEvent) -> Outcome {
        let Mode::Confirm(pending) = std::mem::replace(&mut self.mode, Mode::Queue) else {
            return Outcome::default();
        };
        if !matches!(key.code, KeyCode::Char('y' | 'Y')) {
            return self.say(&self.words().t("desk-not-changed"));
        }
        match pending {
            Pending::Mark(change) => super::actions::ask(change),
            Pending::Remove(change) => super::actions::record(change),
        }
    }

    /// The question shown while the desk waits for `y`.
    pub fn question(&self) -> Option<String> {
        let Mode::Confirm(pending) = &self.mode else {
            return None;
        };
        let w = self.words();
        Some(match pending {
            Pending::Mark(c) => w.f(
                "desk-confirm-mark",
                &[
                    ("ticket", num(c.ticket)),
                    ("name", c.name.as_str().into()),
                    ("from", words::status(w, c.expected.status).into()),
                    ("to", words::status(w, c.new.status).into()),
                ],
            ),
            Pending::Remove(RecordChange::Remove { ticket, name, .. }) => w.f(
                "desk-confirm-remove",
                &[("ticket", num(*ticket)), ("name", name.as_str().into())],
            ),
            Pending::Remove(_) => String::new(),
        })
    }
}
