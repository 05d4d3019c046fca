//! Staff mode: a key chord opens a PIN prompt; the right PIN opens the staff
//! screen (today's queue, problems from the last reload, and the staff
//! actions). Wrong PINs lock it; idle, it closes by itself.

use chrono::{DateTime, Utc};
use crossterm::event::{KeyEvent, KeyEventKind, MouseButton, MouseEvent, MouseEventKind};

use super::{App, Effect, Msg, Screen};
use crate::desk;
use crate::staff::{
    Attempt, ChordProgress, Lockout, Pin, PinPrompt, PromptEvent, Touch, long_press, verify,
};
use crate::ui::StaffNote;

/// A message shown across the top of the kiosk until a time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Banner {
    pub text: String,
    pub until: DateTime<Utc>,
}

impl App {
    /// Watches every key for the staff chord. Returns `Some(redraw)` when the
    /// key belonged to the chord (and must not reach the screen).
    pub(super) fn staff_chord(&mut self, key: &KeyEvent) -> Option<bool> {
        if key.kind == KeyEventKind::Release || self.config.staff.pin_hash.is_none() {
            return None;
        }
        let progress = self.chord.feed(key, self.now);
        match progress {
            ChordProgress::None => None,
            ChordProgress::Partial => Some(false),
            ChordProgress::Complete => {
                self.open_pin();
                Some(true)
            }
        }
    }

    /// A finger held on a corner of the screen for three seconds opens the
    /// PIN prompt too (touch screens have no keyboard chord). Returns
    /// whether it did.
    pub(super) fn staff_touch(&mut self, mouse: &MouseEvent) -> bool {
        if self.config.staff.pin_hash.is_none() {
            return false;
        }
        let touch = Touch {
            column: mouse.column,
            row: mouse.row,
            at: self.now,
        };
        match mouse.kind {
            MouseEventKind::Down(MouseButton::Left) => self.press = Some(touch),
            MouseEventKind::Up(MouseButton::Left) => {
                let down = self.press.take();
                if down.is_some_and(|down| long_press(down, touch, self.size)) {
                    self.open_pin();
                    return true;
                }
            }
            _ => {}
        }
        false
    }

    fn open_pin(&mut self) {
        // Whatever a patient had typed is gone before staff mode opens.
        self.back_to_slides();
        let note = self
            .lockout
            .locked_until
            .filter(|_| self.lockout.is_locked(self.now));
        let note = note.map(|until| StaffNote::locked(until, self.config.schedule.tz));
        self.screen = Screen::Pin {
            prompt: PinPrompt::new(self.now),
            note,
        };
        // Another process (the desk) may have locked it since.
        self.effects.push(Effect::ReadLockout);
    }

    /// The lock file as just read: the prompt says so if it is locked.
    pub(super) fn lockout_read(&mut self, lockout: Lockout) -> bool {
        self.lockout = lockout;
        let Screen::Pin { note, .. } = &mut self.screen else {
            return false;
        };
        let locked = lockout.locked_until.filter(|_| lockout.is_locked(self.now));
        let Some(until) = locked else {
            return false;
        };
        *note = Some(StaffNote::locked(until, self.config.schedule.tz));
        true
    }

    /// What the runtime answers to [`Effect::TryPin`] when the lockout is
    /// kept only in this app (tests and fuzzing have no lock file).
    pub fn try_pin_in_memory(&self, pin: &Pin) -> Msg {
        let hash = self.config.staff.pin_hash.clone().unwrap_or_default();
        let mut lockout = self.lockout;
        let attempt = lockout.try_pin(self.now, || verify(pin.digits(), &hash));
        Msg::PinChecked(attempt, lockout)
    }

    pub(super) fn pin_key(&mut self, key: KeyEvent) -> bool {
        let now = self.now;
        let Screen::Pin { prompt, note } = &mut self.screen else {
            return false;
        };
        match prompt.key(key, now) {
            PromptEvent::Ignored => false,
            PromptEvent::Changed => true,
            PromptEvent::TooShort => {
                *note = Some(StaffNote::TooShort);
                true
            }
            PromptEvent::Cancel => {
                self.back_to_slides();
                true
            }
            PromptEvent::Submit(pin) => {
                // The lock file is shared with other processes: only the
                // runtime can read it, and it answers with PinChecked.
                self.effects.push(Effect::TryPin(pin));
                true
            }
        }
    }

    /// The runtime's answer to [`Effect::TryPin`].
    pub(super) fn pin_checked(&mut self, attempt: Attempt, lockout: Lockout) -> bool {
        self.lockout = lockout;
        if !matches!(self.screen, Screen::Pin { .. }) {
            // The prompt closed (timed out) while the PIN was checked.
            return false;
        }
        let tz = self.config.schedule.tz;
        let note = match attempt {
            Attempt::Accepted => {
                self.open_staff();
                return true;
            }
            Attempt::Rejected { left } => StaffNote::WrongPin { left },
            Attempt::Locked { until } => StaffNote::locked(until, tz),
        };
        if let Screen::Pin { note: shown, .. } = &mut self.screen {
            *shown = Some(note);
        }
        true
    }

    /// Passes a message to the queue on the staff screen.
    pub(super) fn pass_to_desk(&mut self, msg: desk::Msg) -> bool {
        let Screen::Staff(staff) = &mut self.screen else {
            return false;
        };
        let outcome = staff.desk.update(msg);
        if let Some(change) = outcome.save {
            self.effects.push(Effect::SaveStatus(change));
        }
        if let Some(change) = outcome.record {
            self.effects.push(Effect::SaveRecord(change));
        }
        outcome.redraw
    }

    /// Closes the PIN prompt or staff screen when left alone, and ends a
    /// banner whose time is up.
    pub(super) fn expire_staff(&mut self) {
        if self.banner.as_ref().is_some_and(|b| self.now >= b.until) {
            self.banner = None;
        }
        let expired = match &self.screen {
            Screen::Pin { prompt, .. } => prompt.timed_out(self.now),
            Screen::Staff(staff) => self.now >= staff.last_input + self.staff_idle(),
            _ => false,
        };
        if expired {
            self.back_to_slides();
        }
        self.hide_names_when_due();
    }

    pub(super) fn next_staff_wake(&self) -> Option<DateTime<Utc>> {
        let screen = match &self.screen {
            Screen::Pin { prompt, .. } => Some(prompt.deadline()),
            Screen::Staff(staff) => {
                let idle = staff.last_input + self.staff_idle();
                let reveal = staff.reveal_until.unwrap_or(idle);
                Some(staff.desk.next_wake().min(idle).min(reveal))
            }
            _ => None,
        };
        let banner = self.banner.as_ref().map(|b| b.until);
        screen.into_iter().chain(banner).min()
    }
}
