//! The whole form: which field has focus, moving between fields, checking
//! answers, and how long since the patient last did anything.

use std::time::Duration;

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;

use super::century::{Birth, read_birth_date_in};
use super::field::Field;
use super::input::FormInput;
use super::keyboard::Key;
use super::validate::validate;
use super::{FieldKind, FieldSpec};
use std::sync::Arc;

use super::validate::{date_order, label_in};
use crate::i18n::{self, Catalog, Words};

/// The last seconds before an idle form is cleared, during which the screen
/// asks "Still there?".
pub const COUNTDOWN: Duration = Duration::from_secs(10);

/// What an input did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormOutcome {
    /// Nothing visible changed.
    Ignored,
    /// Text, cursor, choice or focus changed.
    Changed,
    /// An answer was checked and found wanting; its message is showing and
    /// the field with the first problem has focus.
    Invalid,
    /// Every answer is acceptable: `(key, value)` in form order.
    Submit(Vec<(String, String)>),
    /// The patient backed out of the form.
    Cancel,
}

/// What a click or touch landed on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormHit {
    Field(usize),
    /// One answer of a choice field.
    Choice {
        field: usize,
        choice: usize,
    },
    /// The "Next" button, which says "Check in" on the last question:
    /// checks the answer with focus and moves on, or checks in.
    Next,
    /// The "Back" button: the question before (on the first, as Cancel).
    Back,
    /// The "Cancel" button: asks "Clear your answers?" once, unless there
    /// is nothing to clear.
    Cancel,
    /// "No, keep them", while the form asks whether to clear.
    KeepAnswers,
    /// "Yes, clear them", while the form asks whether to clear.
    ClearAnswers,
    /// One reading of a two-digit year (0: the recent, 1: the older).
    Century {
        field: usize,
        choice: usize,
    },
    /// A key of the on-screen keyboard (the app types it).
    Key(Key),
}

/// The line under a field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Feedback {
    /// What is wrong, in the patient's words.
    Error(String),
    /// How an acceptable answer was read: "Understood as April 17, 1962".
    Understood(String),
    /// A two-digit year both of whose centuries make a plausible age: the
    /// question, and the two dates to pick from (recent first).
    Century {
        question: String,
        dates: [NaiveDate; 2],
    },
}

/// The check-in form.
#[derive(Clone, Debug)]
pub struct Form {
    fields: Vec<Field>,
    focus: usize,
    last_input: DateTime<Utc>,
    /// The clinic's time zone, which decides what "today" is.
    tz: Tz,
    /// Cancel was touched with answers given: "Clear your answers?" shows.
    asking: bool,
    /// The messages, and the language the patient reads them in.
    catalog: Arc<Catalog>,
    lang: String,
}

impl Form {
    /// An empty form with the first field focused; `now` starts the idle
    /// timer.
    pub fn new(fields: Vec<FieldSpec>, now: DateTime<Utc>) -> Self {
        Self {
            fields: fields.into_iter().map(Field::new).collect(),
            focus: 0,
            last_input: now,
            tz: Tz::UTC,
            asking: false,
            catalog: i18n::built_in(),
            lang: i18n::BASE.to_string(),
        }
    }

    /// The form in a language (its labels, hints and messages).
    pub fn in_language(mut self, catalog: Arc<Catalog>, lang: &str) -> Self {
        self.catalog = catalog;
        self.set_language(lang);
        self
    }

    /// Changes the form's language; any message shown is worded again.
    pub fn set_language(&mut self, lang: &str) {
        self.lang = lang.to_string();
        let today = self.today(self.last_input);
        let w = self.catalog.words(&self.lang);
        for field in &mut self.fields {
            if field.error().is_some() {
                let error = validate(field.spec(), &field.text(), today, w).err();
                field.set_error(error);
            }
        }
    }

    /// The words of the form's language.
    pub fn words(&self) -> Words<'_> {
        self.catalog.words(&self.lang)
    }

    /// What the patient reads above a field: the label in kiosk.toml, or
    /// in another language its `field-<key>` message when there is one.
    pub fn label(&self, spec: &FieldSpec) -> String {
        label_in(spec, self.words())
    }

    /// A form with the answers in `values` (by key) already typed in, for
    /// staff correcting a check-in.
    pub fn filled(fields: Vec<FieldSpec>, values: &[(String, String)], now: DateTime<Utc>) -> Self {
        let mut form = Self::new(fields, now);
        for field in &mut form.fields {
            let value = values.iter().find(|(k, _)| *k == field.spec().key);
            if let Some((_, value)) = value {
                field.prefill(value);
            }
        }
        form
    }

    /// Reads "today" (for dates of birth) in the clinic's time zone.
    pub fn in_timezone(mut self, tz: Tz) -> Self {
        self.tz = tz;
        self
    }

    pub fn fields(&self) -> &[Field] {
        &self.fields
    }

    /// The index of the focused field.
    pub fn focused(&self) -> usize {
        self.focus
    }

    pub fn focused_field(&self) -> Option<&Field> {
        self.fields.get(self.focus)
    }

    /// Whether nothing has been typed or chosen anywhere.
    pub fn is_empty(&self) -> bool {
        self.fields.iter().all(Field::is_empty)
    }

    /// The date in the clinic at `now`.
    pub fn today(&self, now: DateTime<Utc>) -> NaiveDate {
        now.with_timezone(&self.tz).date_naive()
    }

    /// Whether the form is asking "Clear your answers?".
    pub fn is_asking(&self) -> bool {
        self.asking
    }

    /// Applies one input at `now`. Typing answers "Clear your answers?"
    /// with no.
    pub fn handle(&mut self, input: FormInput, now: DateTime<Utc>) -> FormOutcome {
        self.touch(now);
        self.asking = false;
        let today = self.today(now);
        match input {
            FormInput::Next => self.move_focus(self.focus.checked_add(1), today),
            FormInput::Prev => self.move_focus(self.focus.checked_sub(1), today),
            FormInput::Enter => self.enter(now),
            FormInput::Escape => self.escape(today),
            edit => changed(
                self.fields
                    .get_mut(self.focus)
                    .is_some_and(|field| field.apply(edit)),
            ),
        }
    }

    /// Acts on a click or touch. Anything but "Yes, clear them" answers
    /// "Clear your answers?" with no.
    pub fn click(&mut self, hit: FormHit, now: DateTime<Utc>) -> FormOutcome {
        self.touch(now);
        let today = self.today(now);
        let asked = std::mem::take(&mut self.asking);
        match hit {
            FormHit::ClearAnswers if asked => {
                self.clear(now);
                FormOutcome::Cancel
            }
            FormHit::ClearAnswers | FormHit::KeepAnswers => changed(asked),
            FormHit::Cancel => self.cancel(),
            FormHit::Back if self.focus == 0 => self.cancel(),
            FormHit::Back => self.move_focus(self.focus.checked_sub(1), today),
            FormHit::Next => self.enter(now),
            FormHit::Century { field, choice } => self.pick_century(field, choice, today),
            FormHit::Key(_) => changed(asked),
            FormHit::Field(index) => {
                changed(self.move_focus(Some(index), today) != FormOutcome::Ignored || asked)
            }
            FormHit::Choice { field, choice } => {
                let moved = self.move_focus(Some(field), today);
                let chose = self
                    .fields
                    .get_mut(field)
                    .is_some_and(|f| f.choose(Some(choice)));
                changed(moved == FormOutcome::Changed || chose || asked)
            }
        }
    }

    /// Leaves at once when nothing was given, otherwise asks first.
    fn cancel(&mut self) -> FormOutcome {
        if self.is_empty() {
            return FormOutcome::Cancel;
        }
        self.asking = true;
        FormOutcome::Changed
    }

    /// The two readings of field `index`'s two-digit year, when both make
    /// a plausible age (see `century`).
    pub fn centuries(&self, index: usize) -> Option<[NaiveDate; 2]> {
        let field = self.fields.get(index)?;
        if field.spec().kind != FieldKind::Date {
            return None;
        }
        let order = date_order(self.words());
        match read_birth_date_in(&field.text(), self.today(self.last_input), order) {
            Ok(Birth::Two { recent, older }) => Some([recent, older]),
            _ => None,
        }
    }

    /// The question under field `index` when its year has two plausible
    /// readings, and the two dates.
    pub fn century_question(&self, index: usize) -> Option<(String, [NaiveDate; 2])> {
        let dates = self.centuries(index)?;
        let w = self.words();
        let label = label_in(self.fields.get(index)?.spec(), w);
        let [recent, older] = dates.map(|d| w.full_date(d));
        let question = w.f(
            "checkin-date-which-century",
            &[
                ("label", label.into()),
                ("recent", recent.into()),
                ("older", older.into()),
            ],
        );
        Some((question, dates))
    }

    /// Writes the reading the patient touched out in full (`07/04/1919`).
    fn pick_century(&mut self, index: usize, choice: usize, today: NaiveDate) -> FormOutcome {
        let Some(date) = self.centuries(index).and_then(|d| d.get(choice).copied()) else {
            return FormOutcome::Ignored;
        };
        self.move_focus(Some(index), today);
        if let Some(field) = self.fields.get_mut(index) {
            field.set_text(&date.format("%m/%d/%Y").to_string());
        }
        FormOutcome::Changed
    }

    /// Checks every answer, as the "Check in" button does: `Submit` if all
    /// are acceptable, otherwise `Invalid` with the first problem focused.
    pub fn submit(&mut self, now: DateTime<Utc>) -> FormOutcome {
        self.touch(now);
        let today = self.today(now);
        let mut values = Vec::with_capacity(self.fields.len());
        let mut first_problem = None;
        for (i, field) in self.fields.iter_mut().enumerate() {
            match validate(
                field.spec(),
                &field.text(),
                today,
                self.catalog.words(&self.lang),
            ) {
                Ok(valid) => {
                    field.set_error(None);
                    values.push((field.spec().key.clone(), valid.value));
                }
                Err(message) => {
                    field.set_error(Some(message));
                    first_problem = first_problem.or(Some(i));
                }
            }
        }
        match first_problem {
            None => FormOutcome::Submit(values),
            Some(i) => {
                self.set_focus(i);
                FormOutcome::Invalid
            }
        }
    }

    /// Empties every field and focuses the first, as after an idle timeout.
    pub fn clear(&mut self, now: DateTime<Utc>) {
        let specs = self.fields.iter().map(|f| f.spec().clone()).collect();
        *self = Self::new(specs, now).in_timezone(self.tz);
    }

    /// Records that the patient did something at `now`.
    pub fn touch(&mut self, now: DateTime<Utc>) {
        self.last_input = now;
    }

    /// The clock was set back by `by`: the time already idle still counts.
    pub fn clock_set_back(&mut self, by: chrono::Duration) {
        self.last_input = self
            .last_input
            .checked_sub_signed(by)
            .unwrap_or(self.last_input);
    }

    /// How long until the form should be cleared for the next patient.
    pub fn idle_left(&self, now: DateTime<Utc>, idle_timeout: Duration) -> Duration {
        let idle = (now - self.last_input).to_std().unwrap_or_default();
        idle_timeout.saturating_sub(idle)
    }

    /// Whole seconds left (rounded up) during the last [`COUNTDOWN`] before
    /// the form is cleared; `None` before that and once time is up.
    pub fn countdown(&self, now: DateTime<Utc>, idle_timeout: Duration) -> Option<u64> {
        let left = self.idle_left(now, idle_timeout);
        (!left.is_zero() && left <= COUNTDOWN).then(|| left.as_millis().div_ceil(1000) as u64)
    }

    /// The line under field `index`: its problem, or how its answer was
    /// understood when that differs from what was typed.
    pub fn feedback(&self, index: usize, now: DateTime<Utc>) -> Option<Feedback> {
        let field = self.fields.get(index)?;
        if let Some((question, dates)) = self.century_question(index) {
            return Some(Feedback::Century { question, dates });
        }
        if let Some(error) = field.error() {
            return Some(Feedback::Error(error.to_string()));
        }
        if field.is_empty() || field.spec().kind == FieldKind::Choice {
            return None;
        }
        let typed = field.text();
        let w = self.words();
        let valid = validate(field.spec(), &typed, self.today(now), w).ok()?;
        (valid.shown != typed.trim()).then(|| {
            Feedback::Understood(w.f("checkin-understood-as", &[("shown", valid.shown.into())]))
        })
    }

    fn enter(&mut self, now: DateTime<Utc>) -> FormOutcome {
        let today = self.today(now);
        let Some(field) = self.fields.get_mut(self.focus) else {
            return FormOutcome::Submit(Vec::new());
        };
        if let Err(message) = validate(
            field.spec(),
            &field.text(),
            today,
            self.catalog.words(&self.lang),
        ) {
            field.set_error(Some(message));
            return FormOutcome::Invalid;
        }
        field.set_error(None);
        if self.focus + 1 >= self.fields.len() {
            return self.submit(now);
        }
        self.move_focus(Some(self.focus + 1), today)
    }

    fn escape(&mut self, today: NaiveDate) -> FormOutcome {
        if self.focus == 0 || self.is_empty() {
            return FormOutcome::Cancel;
        }
        self.move_focus(self.focus.checked_sub(1), today)
    }

    /// Moves focus to `to` if there is such a field, checking the answer
    /// being left if anything was typed in it.
    fn move_focus(&mut self, to: Option<usize>, today: NaiveDate) -> FormOutcome {
        let Some(to) = to.filter(|&i| i < self.fields.len() && i != self.focus) else {
            return FormOutcome::Ignored;
        };
        if let Some(field) = self.fields.get_mut(self.focus) {
            let error = if field.is_empty() {
                None
            } else {
                validate(
                    field.spec(),
                    &field.text(),
                    today,
                    self.catalog.words(&self.lang),
                )
                .err()
            };
            field.set_error(error);
        }
        self.set_focus(to);
        FormOutcome::Changed
    }

    fn set_focus(&mut self, to: usize) {
        self.focus = to;
        if let Some(field) = self.fields.get_mut(to) {
            field.focus();
        }
    }
}

fn changed(changed: bool) -> FormOutcome {
    if changed {
        FormOutcome::Changed
    } else {
        FormOutcome::Ignored
    }
}
