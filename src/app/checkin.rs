//! The check-in part of the app: starting the form, handling its input,
//! asking the runtime to store the result, and the confirmation.

use chrono::{DateTime, Duration, Utc};
use crossterm::event::{KeyCode, KeyEvent, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;

use super::{App, Effect, Screen};
use crate::checkin::{Form, FormHit, FormInput, FormOutcome, Keyboard, form_input};
use crate::store::{Inserted, NewCheckin};
use crate::ui;

/// How long the confirmation stays up unless "Done" is touched, when
/// `confirmation_seconds` does not say (also the least it may say).
pub const CONFIRMATION: Duration = Duration::seconds(20);
/// How long the "see the front desk" message stays up unless touched.
pub const FAILURE: Duration = Duration::seconds(20);
/// The result of a check-in ignores every key and touch this long, so the
/// press that submitted (or a second one close behind) cannot hide it.
pub const QUIET: Duration = Duration::seconds(2);
/// How long the slides say why check-in is not open, after a key or touch.
pub const NOT_OPEN: Duration = Duration::seconds(6);

/// What a finished check-in shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Stored: the ticket number.
    CheckedIn {
        first_name: Option<String>,
        ticket: u32,
    },
    /// Whoever typed these answers matched a patient already on today's
    /// list: nothing was stored, and nothing about that patient (not the
    /// name, not the ticket, not even that they are here for certain) is
    /// shown; the front desk sees the attempt.
    MaybeListed,
    /// Could not be stored: see the front desk.
    Failed,
}

/// When check-in is possible.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Availability {
    Open,
    /// Not yet: it opens at this moment.
    OpensAt(DateTime<Utc>),
    /// No opening hours ahead.
    Closed,
}

impl App {
    /// Check-in is open while the clinic is, and from `open_before_minutes`
    /// before it opens.
    pub fn checkin_availability(&self) -> Availability {
        if self.status.open {
            return Availability::Open;
        }
        let Some(opens) = self.status.next_open else {
            return Availability::Closed;
        };
        let early = Duration::from_std(self.config.checkin.open_before).unwrap_or_default();
        if self.now >= opens - early {
            Availability::Open
        } else {
            Availability::OpensAt(opens - early)
        }
    }

    /// Opens the form if check-in is open; otherwise says why not and
    /// when it opens. `by_touch`: a touch opened it (the on-screen keyboard
    /// shows at once with `touch_keyboard = "auto"`).
    pub(super) fn start_checkin(&mut self, by_touch: bool) -> bool {
        if self.checkin_availability() != Availability::Open {
            return self.say_not_open();
        }
        let fields = self.config.checkin.fields.clone();
        let form = Form::new(fields, self.now)
            .in_timezone(self.config.schedule.tz)
            .in_language(std::sync::Arc::clone(&self.catalog), &self.language);
        self.keyboard = Keyboard::new(self.config.checkin.touch_keyboard, by_touch);
        self.not_open_until = None;
        self.screen = Screen::CheckIn(Box::new(form));
        true
    }

    /// Shows, for [`NOT_OPEN`], why check-in is not open and when it opens.
    pub(super) fn say_not_open(&mut self) -> bool {
        let shown = self.not_open_until.is_some();
        self.not_open_until = Some(self.now + NOT_OPEN);
        !shown
    }

    /// Takes the "not open" notice away once its time is up, or as soon as
    /// check-in opens.
    pub(super) fn expire_not_open(&mut self) {
        let open = self.checkin_availability() == Availability::Open;
        if open || self.not_open_until.is_some_and(|t| self.now >= t) {
            self.not_open_until = None;
        }
    }

    /// Whether the result of a check-in is still in its first [`QUIET`].
    fn quiet(&self) -> bool {
        matches!(self.screen, Screen::Done { since, .. } if self.now < since + QUIET)
    }

    pub(super) fn checkin_key(&mut self, key: KeyEvent) -> bool {
        match &self.screen {
            Screen::Done { .. } if self.quiet() => false,
            Screen::Done { .. } => {
                self.back_to_slides();
                true
            }
            Screen::CheckIn(_) => match form_input(key) {
                Some(input) => self.form_input(input),
                None => self.touch_form(),
            },
            Screen::Slides => key.code == KeyCode::Enter && self.start_checkin(false),
            Screen::Saving | Screen::Pin { .. } | Screen::Staff(_) => false,
        }
    }

    pub(super) fn form_input(&mut self, input: FormInput) -> bool {
        let now = self.now;
        let Screen::CheckIn(form) = &mut self.screen else {
            return false;
        };
        let timeout = self.config.checkin.idle_timeout;
        let before = form.countdown(now, timeout);
        let outcome = form.handle(input, now);
        // Any key restarts the idle timer, so a "Still there?" countdown on
        // screen goes away even when the key changed nothing else.
        let countdown_went = before != form.countdown(now, timeout);
        self.form_outcome(outcome) || countdown_went
    }

    /// A key the form has no use for still counts as someone being there.
    fn touch_form(&mut self) -> bool {
        let (now, timeout) = (self.now, self.config.checkin.idle_timeout);
        let Screen::CheckIn(form) = &mut self.screen else {
            return false;
        };
        let before = form.countdown(now, timeout);
        form.touch(now);
        before.is_some()
    }

    pub(super) fn checkin_mouse(&mut self, mouse: MouseEvent) -> bool {
        match mouse.kind {
            MouseEventKind::Down(MouseButton::Left) => {}
            MouseEventKind::Down(_) | MouseEventKind::ScrollUp | MouseEventKind::ScrollDown => {
                return self.touch_form();
            }
            _ => return false,
        }
        match &self.screen {
            Screen::CheckIn(_) => self.touch_on_form(mouse.column, mouse.row),
            Screen::Done { .. } if self.quiet() => false,
            Screen::Done { .. } => {
                self.back_to_slides();
                true
            }
            Screen::Saving | Screen::Slides | Screen::Pin { .. } | Screen::Staff(_) => false,
        }
    }

    /// A touch at `x`, `y` on the form: a key of the on-screen keyboard
    /// types like the physical one, anything else is the form's.
    fn touch_on_form(&mut self, x: u16, y: u16) -> bool {
        let area = self.form_area();
        let now = self.now;
        let Screen::CheckIn(form) = &mut self.screen else {
            return false;
        };
        // Where the touch lands on the screen as drawn, before the keyboard
        // appears (with `auto`) and moves things.
        let hit = ui::form_hit(area, form, &self.keyboard, x, y);
        let appeared = self.keyboard.touched(self.config.checkin.touch_keyboard);
        let outcome = match hit {
            Some(FormHit::Key(key)) => {
                let focus = form.focused();
                match self.keyboard.press(key, focus, form.focused_field()) {
                    Some(input) => return self.form_input(input) || appeared,
                    None => {
                        form.click(FormHit::Key(key), now);
                        FormOutcome::Changed
                    }
                }
            }
            Some(hit) => form.click(hit, now),
            None => {
                form.touch(now);
                FormOutcome::Changed
            }
        };
        self.form_outcome(outcome) || appeared
    }

    /// Where the form is drawn: everything below the header.
    pub fn form_area(&self) -> Rect {
        // The whole screen: the form needs the rows more than the sign does.
        Rect::new(0, 0, self.size.0, self.size.1)
    }

    fn form_outcome(&mut self, outcome: FormOutcome) -> bool {
        match outcome {
            FormOutcome::Ignored => false,
            FormOutcome::Changed | FormOutcome::Invalid => true,
            FormOutcome::Cancel => {
                self.back_to_slides();
                true
            }
            FormOutcome::Submit(values) => {
                let key = self.config.checkin.duplicate_key.fields();
                let checkin = NewCheckin::new(values, key).in_language(&self.language);
                self.effects.push(Effect::Store(checkin));
                self.screen = Screen::Saving;
                true
            }
        }
    }

    /// The runtime's answer to [`Effect::Store`]. "Checked in" is shown only
    /// for a check-in the store has confirmed as saved.
    pub(super) fn stored(&mut self, result: Result<(Inserted, Option<String>), String>) -> bool {
        let confirmation = Duration::from_std(self.config.checkin.confirmation)
            .unwrap_or(CONFIRMATION)
            .max(CONFIRMATION);
        let (outcome, shown_for) = match result {
            Ok((Inserted::New { ticket, .. }, first_name)) => {
                (Outcome::CheckedIn { first_name, ticket }, confirmation)
            }
            Ok((Inserted::Duplicate { .. }, _)) => (Outcome::MaybeListed, FAILURE),
            Err(problem) => {
                self.problems.store = Some(problem);
                (Outcome::Failed, FAILURE)
            }
        };
        self.screen = Screen::Done {
            outcome,
            until: self.now + shown_for,
            since: self.now,
        };
        true
    }

    /// Leaves check-in: whatever was typed or shown is gone.
    pub(super) fn back_to_slides(&mut self) {
        self.screen = Screen::Slides;
        self.reset_language();
        self.show.page_started = self.now;
        self.settle_show();
    }

    /// Clears an abandoned form or a confirmation whose time is up.
    pub(super) fn expire_checkin(&mut self) {
        let expired = match &self.screen {
            Screen::CheckIn(form) => form
                .idle_left(self.now, self.config.checkin.idle_timeout)
                .is_zero(),
            Screen::Done { until, .. } => self.now >= *until,
            Screen::Saving | Screen::Slides | Screen::Pin { .. } | Screen::Staff(_) => false,
        };
        if expired {
            self.back_to_slides();
        }
    }

    /// When the check-in screens next change by themselves: each second of
    /// the "Still there?" countdown, the form's expiry, the confirmation's end.
    pub(super) fn next_checkin_wake(&self) -> Option<DateTime<Utc>> {
        match &self.screen {
            Screen::CheckIn(form) => {
                let left = form.idle_left(self.now, self.config.checkin.idle_timeout);
                let left = Duration::from_std(left).unwrap_or_default();
                let countdown = Duration::seconds(10);
                let step = if left > countdown {
                    left - countdown
                } else {
                    // The countdown shows whole seconds, rounded up: it
                    // changes each time `left` passes a whole second.
                    Duration::milliseconds((left.num_milliseconds() - 1).rem_euclid(1000) + 1)
                };
                Some(self.now + step.max(Duration::milliseconds(1)))
            }
            // The end of the quiet start (the hint to continue appears),
            // then the end.
            Screen::Done { until, since, .. } => {
                let quiet_end = *since + QUIET;
                Some(if self.now < quiet_end {
                    quiet_end
                } else {
                    *until
                })
            }
            Screen::Saving | Screen::Slides | Screen::Pin { .. } | Screen::Staff(_) => None,
        }
    }
}

/// The name a confirmation greets: the first name, when the form asks for it.
pub fn greeting_name(checkin: &NewCheckin) -> Option<String> {
    let name = checkin.field("first_name")?.trim();
    (!name.is_empty()).then(|| name.to_string())
}
