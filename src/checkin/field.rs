//! One field's answer as it is being typed or chosen.

use super::input::FormInput;
use super::text::{clean_paste, columns, is_storable, next_stop, prev_stop};
use super::{FieldKind, FieldSpec};

/// A field of the form: its spec, the typed characters and the cursor, or
/// for a choice field the chosen answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field {
    spec: FieldSpec,
    chars: Vec<char>,
    /// A character index into `chars`, never a byte index.
    cursor: usize,
    choice: Option<usize>,
    /// The first letters typed on a choice field, to find an answer by.
    search: String,
    error: Option<String>,
}

impl Field {
    pub fn new(spec: FieldSpec) -> Self {
        Self {
            spec,
            chars: Vec::new(),
            cursor: 0,
            choice: None,
            search: String::new(),
            error: None,
        }
    }

    pub fn spec(&self) -> &FieldSpec {
        &self.spec
    }

    /// The typed characters (empty for a choice field).
    pub fn chars(&self) -> &[char] {
        &self.chars
    }

    /// The answer as it stands: the typed text, or the chosen answer.
    pub fn text(&self) -> String {
        match self.spec.kind {
            FieldKind::Choice => self.chosen().unwrap_or_default().to_string(),
            _ => self.chars.iter().collect(),
        }
    }

    /// The cursor as a character index.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// The display column of the cursor: wide characters count two.
    pub fn cursor_column(&self) -> usize {
        columns(&self.chars[..self.cursor.min(self.chars.len())])
    }

    /// The index of the chosen answer of a choice field.
    pub fn choice(&self) -> Option<usize> {
        self.choice
    }

    pub fn chosen(&self) -> Option<&str> {
        self.choice
            .and_then(|i| self.spec.choices.get(i))
            .map(String::as_str)
    }

    /// The message shown since the answer was last checked and found wanting.
    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    /// Whether nothing has been typed or chosen (spaces count as nothing).
    pub fn is_empty(&self) -> bool {
        self.choice.is_none() && self.chars.iter().all(|c| c.is_whitespace())
    }

    pub(super) fn set_error(&mut self, error: Option<String>) {
        self.error = error;
    }

    /// Replaces the typed text (cursor at the end), as when the patient
    /// picks how a date was meant.
    pub(super) fn set_text(&mut self, text: &str) {
        self.chars = text.chars().collect();
        self.cursor = self.chars.len();
        self.error = None;
    }

    /// Gets the field ready to be typed into: cursor at the end.
    pub(super) fn focus(&mut self) {
        self.cursor = self.chars.len();
        self.search.clear();
    }

    /// Applies an editing input; returns whether anything changed.
    /// Puts in an answer given earlier (to correct it): the text with the
    /// cursor at its end, or for a choice field the answer it names.
    pub(super) fn prefill(&mut self, value: &str) {
        match self.spec.kind {
            FieldKind::Choice => {
                self.choice = self.spec.choices.iter().position(|c| c == value);
            }
            _ => {
                self.chars = value.chars().take(self.spec.max_length).collect();
                self.cursor = self.chars.len();
            }
        }
    }

    pub(super) fn apply(&mut self, input: FormInput) -> bool {
        let changed = match self.spec.kind {
            FieldKind::Choice => self.apply_choice(input),
            _ => self.apply_text(input),
        };
        if changed {
            self.error = None;
        }
        changed
    }

    fn apply_text(&mut self, input: FormInput) -> bool {
        let len = self.chars.len();
        let cursor = self.cursor.min(len);
        let to = match input {
            FormInput::Char(c) if is_storable(c) => return self.insert(&[c]),
            FormInput::Paste(text) => return self.insert(&clean_paste(&text)),
            FormInput::Backspace => return self.remove(prev_stop(&self.chars, cursor)..cursor),
            FormInput::Delete => return self.remove(cursor..next_stop(&self.chars, cursor)),
            FormInput::Left => prev_stop(&self.chars, cursor),
            FormInput::Right => next_stop(&self.chars, cursor),
            FormInput::Home => 0,
            FormInput::End => len,
            _ => cursor,
        };
        let moved = to != self.cursor;
        self.cursor = to;
        moved
    }

    /// Inserts at the cursor as much of `new` as fits in `max_length`.
    fn insert(&mut self, new: &[char]) -> bool {
        let room = self.spec.max_length.saturating_sub(self.chars.len());
        let new = &new[..new.len().min(room)];
        if new.is_empty() {
            return false;
        }
        let at = self.cursor.min(self.chars.len());
        self.chars.splice(at..at, new.iter().copied());
        self.cursor = at + new.len();
        true
    }

    fn remove(&mut self, range: std::ops::Range<usize>) -> bool {
        if range.is_empty() || range.end > self.chars.len() {
            return false;
        }
        self.cursor = range.start;
        self.chars.drain(range);
        true
    }

    fn apply_choice(&mut self, input: FormInput) -> bool {
        let count = self.spec.choices.len();
        let last = count.checked_sub(1);
        let to = match input {
            FormInput::Char(c) => return self.type_choice(c),
            FormInput::Paste(text) => {
                self.search.clear();
                let found = self.first_match(clean_paste(&text).iter().collect::<String>().trim());
                return found.is_some() && self.choose(found);
            }
            FormInput::Left => self.choice.map_or(last, |i| Some(i.saturating_sub(1))),
            FormInput::Right => self
                .choice
                .map_or(Some(0), |i| Some((i + 1).min(count.saturating_sub(1)))),
            FormInput::Home => last.map(|_| 0),
            FormInput::End => last,
            FormInput::Backspace | FormInput::Delete => None,
            _ => self.choice,
        };
        self.search.clear();
        self.choose(to)
    }

    /// Sets the chosen answer (`None` clears it); returns whether it changed.
    pub(super) fn choose(&mut self, choice: Option<usize>) -> bool {
        let choice = choice.filter(|&i| i < self.spec.choices.len());
        let changed = choice != self.choice;
        self.choice = choice;
        if changed {
            self.error = None;
        }
        changed
    }

    /// A digit picks that answer; letters find the first answer that starts
    /// with the letters typed so far (or, failing that, with this letter).
    fn type_choice(&mut self, c: char) -> bool {
        if let Some(digit) = c.to_digit(10).filter(|d| (1..=9).contains(d)) {
            self.search.clear();
            let index = digit as usize - 1;
            return index < self.spec.choices.len() && self.choose(Some(index));
        }
        if !is_storable(c) {
            return false;
        }
        self.search.push(c);
        if self.first_match(&self.search).is_none() {
            self.search = c.to_string();
        }
        match self.first_match(&self.search) {
            Some(found) => self.choose(Some(found)),
            None => {
                self.search.clear();
                false
            }
        }
    }

    /// The first answer starting with `prefix`, ignoring case.
    fn first_match(&self, prefix: &str) -> Option<usize> {
        let prefix = prefix.to_lowercase();
        if prefix.is_empty() {
            return None;
        }
        self.spec
            .choices
            .iter()
            .position(|c| c.to_lowercase().starts_with(&prefix))
    }
}
