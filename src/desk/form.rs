//! Adding a patient at the desk (a walk-in, a phone arrival) and correcting
//! a check-in's answers: the kiosk's own form, with the same fields and the
//! same checks, and what it hands the runtime to store.

use crossterm::event::KeyEvent;

use super::modes::Mode;
use super::{Desk, Outcome, RecordChange, actions, display_name, queue};
use crate::checkin::{Form, FormOutcome, form_input};
use crate::i18n::num;
use crate::store::{CheckinRecord, NewCheckin};

/// The form on the desk and what it is for.
#[derive(Clone, Debug)]
pub struct DeskForm {
    pub form: Form,
    /// `None`: a new patient; otherwise the check-in being corrected.
    pub editing: Option<CheckinRecord>,
}

impl DeskForm {
    pub fn title(&self) -> String {
        match &self.editing {
            None => self.form.words().t("desk-add-title"),
            Some(record) => self
                .form
                .words()
                .f("desk-edit-title", &[("ticket", num(record.ticket))]),
        }
    }
}

impl Desk {
    pub(super) fn open_add(&mut self) -> Outcome {
        let form = Form::new(self.setup.fields.clone(), self.now)
            .in_timezone(self.tz)
            .in_language(std::sync::Arc::clone(&self.catalog), &self.lang);
        self.mode = Mode::Form(Box::new(DeskForm {
            form,
            editing: None,
        }));
        Outcome::redraw(true)
    }

    pub(super) fn open_edit(&mut self) -> Outcome {
        let Some(record) = self.selected().cloned() else {
            return self.say(&self.words().t("desk-empty"));
        };
        let form = Form::filled(self.setup.fields.clone(), &record.fields, self.now)
            .in_timezone(self.tz)
            .in_language(std::sync::Arc::clone(&self.catalog), &self.lang);
        self.mode = Mode::Form(Box::new(DeskForm {
            form,
            editing: Some(record),
        }));
        Outcome::redraw(true)
    }

    pub(super) fn form_key(&mut self, key: KeyEvent) -> Outcome {
        let now = self.now;
        let Mode::Form(desk_form) = &mut self.mode else {
            return Outcome::default();
        };
        let Some(input) = form_input(key) else {
            return Outcome::default();
        };
        match desk_form.form.handle(input, now) {
            FormOutcome::Ignored => Outcome::default(),
            FormOutcome::Changed | FormOutcome::Invalid => Outcome::redraw(true),
            FormOutcome::Cancel => {
                self.mode = Mode::Queue;
                Outcome::redraw(true)
            }
            FormOutcome::Submit(values) => {
                let editing = desk_form.editing.take();
                self.mode = Mode::Queue;
                self.submitted(values, editing)
            }
        }
    }

    fn submitted(
        &mut self,
        values: Vec<(String, String)>,
        editing: Option<CheckinRecord>,
    ) -> Outcome {
        let key = &self.setup.duplicate_key;
        let Some(record) = editing else {
            let name = queue::name_of(&values);
            // The patient's language is not known at the desk: the clinic's usual one.
            let checkin = NewCheckin::new(values, key).in_language(&self.patients_default);
            return actions::record(RecordChange::Add {
                checkin,
                name,
                at: self.now,
            });
        };
        // Answers the form does not ask for (the form changed since) stay.
        let mut fields = record.fields.clone();
        for (k, v) in values {
            match fields.iter_mut().find(|(old, _)| *old == k) {
                Some(slot) => slot.1 = v,
                None => fields.push((k, v)),
            }
        }
        if fields == record.fields {
            let text = self
                .words()
                .f("desk-unchanged", &[("ticket", num(record.ticket))]);
            return self.say(&text);
        }
        actions::record(RecordChange::Edit {
            id: record.id,
            ticket: record.ticket,
            name: display_name(&record),
            old: record.fields.clone(),
            new: NewCheckin::new(fields, key),
            at: self.now,
            undo: false,
        })
    }
}
