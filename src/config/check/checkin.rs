//! Checking `[checkin]`: the form's fields and its timings.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Duration;

use toml::Spanned;

use super::{Checker, nearest};
use crate::checkin::{DEFAULT_MAX_LENGTH, FieldKind, FieldSpec, KeyboardSetting};
use crate::config::raw::{RawCheckin, RawField};
use crate::config::{CheckinSettings, DuplicateKey};
use crate::sanitize::printable;

/// Where check-ins are kept unless `database` says otherwise.
const DEFAULT_DATABASE: &str = "data/checkins.db";

/// The longest label: labels sit on one line above the answer.
const MAX_LABEL: usize = 40;
/// Choices are picked with the keys 1 to 9.
const MAX_CHOICES: usize = 9;
/// What a date, time or phone field must allow for, spaces and
/// punctuation included ("+1 (720) 242-9756").
const MIN_TYPED_LENGTH: i64 = 20;
const DUPLICATE_KEY_HELP: &str = "list keys of [[checkin.fields]] that together tell one patient from another, e.g. [\"first_name\", \"last_name\", \"date_of_birth\"], or [] to turn duplicate detection off";
const CHOICES_HELP: &str =
    "list the answers to pick from, e.g. choices = [\"New patient\", \"Returning patient\"]";

impl Checker<'_> {
    pub(super) fn checkin(&mut self, raw: &RawCheckin, base_dir: &Path) -> CheckinSettings {
        let days = self.integer(raw.retention_days.as_ref(), 30, 1..3651, "retention_days");
        let database = match &raw.database {
            Some(value) if value.get_ref().trim().is_empty() => {
                self.error(
                    value.span(),
                    "`database` is empty",
                    "name the check-in database file, e.g. \"data/checkins.db\", or leave the key out to use that",
                );
                DEFAULT_DATABASE
            }
            Some(value) => value.get_ref().trim(),
            None => DEFAULT_DATABASE,
        };
        let fields = match &raw.fields {
            None => FieldSpec::defaults(),
            Some(list) if list.get_ref().is_empty() => {
                self.error(
                    list.span(),
                    "the check-in form needs at least one field",
                    "add a [[checkin.fields]] table, or remove `fields` to ask for first name, last name and date of birth",
                );
                Vec::new()
            }
            Some(list) => self.fields(list.get_ref()),
        };
        let minutes = |n: i64| Duration::from_secs(n.unsigned_abs() * 60);
        let open_before = raw.open_before_minutes.as_ref();
        let idle = raw.idle_timeout_seconds.as_ref();
        let window = raw.duplicate_window_minutes.as_ref();
        let duplicate_key = self.duplicate_key(raw.duplicate_key.as_ref(), &fields);
        let shown = raw.confirmation_seconds.as_ref();
        let confirmation = self.integer(shown, 20, 20..601, "confirmation_seconds");
        CheckinSettings {
            database: base_dir.join(database),
            retention_days: u32::try_from(days).unwrap_or(30),
            fields,
            open_before: minutes(self.integer(open_before, 15, 0..241, "open_before_minutes")),
            idle_timeout: Duration::from_secs(
                self.integer(idle, 60, 15..601, "idle_timeout_seconds")
                    .unsigned_abs(),
            ),
            duplicate_window: minutes(self.integer(
                window,
                120,
                0..1441,
                "duplicate_window_minutes",
            )),
            duplicate_key,
            touch_keyboard: self.touch_keyboard(raw.touch_keyboard.as_ref()),
            confirmation: Duration::from_secs(confirmation.unsigned_abs()),
        }
    }

    /// `touch_keyboard`: "auto", "always" or "never".
    fn touch_keyboard(&mut self, value: Option<&Spanned<String>>) -> KeyboardSetting {
        let Some(value) = value else {
            return KeyboardSetting::default();
        };
        let name = value.get_ref().trim();
        if let Some(found) = KeyboardSetting::ALL.into_iter().find(|k| k.name() == name) {
            return found;
        }
        let known = "touch_keyboard is \"auto\" (after the first touch), \"always\" or \"never\"";
        let help = match nearest(name, KeyboardSetting::ALL.iter().map(|k| k.name())) {
            Some(best) => format!("did you mean \"{best}\"? {known}"),
            None => known.to_string(),
        };
        let problem = format!("unknown touch_keyboard \"{}\"", printable(name));
        self.error(value.span(), problem, &help);
        KeyboardSetting::default()
    }

    /// `duplicate_key`: configured field keys, each once. Left out, it is
    /// first name, last name and date of birth when the form asks for all
    /// three, and otherwise off (a name alone, or a phone number, is shared
    /// by different people, and a wrong match turns a patient away).
    fn duplicate_key(
        &mut self,
        raw: Option<&Spanned<Vec<Spanned<String>>>>,
        fields: &[FieldSpec],
    ) -> DuplicateKey {
        let Some(list) = raw else {
            let has = |key: &str| fields.iter().any(|f| f.key == key);
            return if DuplicateKey::DEFAULT.iter().all(|k| has(k)) {
                DuplicateKey::Fields(DuplicateKey::DEFAULT.map(String::from).to_vec())
            } else {
                DuplicateKey::NoIdentifyingFields
            };
        };
        let mut keys: Vec<String> = Vec::new();
        for item in list.get_ref() {
            let key = item.get_ref().trim();
            if keys.iter().any(|k| k == key) {
                let message = format!("\"{}\" is listed twice", printable(key));
                self.error(item.span(), message, "name each field once");
            } else if fields.iter().any(|f| f.key == key) {
                keys.push(key.to_string());
            } else {
                let known = fields.iter().map(|f| f.key.as_str());
                let help = match nearest(key, known) {
                    Some(best) => format!("did you mean \"{best}\"? {DUPLICATE_KEY_HELP}"),
                    None => DUPLICATE_KEY_HELP.to_string(),
                };
                let message = format!("the form has no field \"{}\"", printable(key));
                self.error(item.span(), message, &help);
            }
        }
        if keys.is_empty() {
            DuplicateKey::Off
        } else {
            DuplicateKey::Fields(keys)
        }
    }

    fn fields(&mut self, raw: &[Spanned<RawField>]) -> Vec<FieldSpec> {
        let mut lines: BTreeMap<String, usize> = BTreeMap::new();
        let mut fields = Vec::with_capacity(raw.len());
        for entry in raw {
            let r = entry.get_ref();
            let key = r.key.get_ref();
            if !is_key(key) {
                self.bad_key(&r.key);
            } else if let Some(line) = lines.get(key) {
                let help = format!(
                    "the field on line {line} already uses it; each field needs its own key"
                );
                self.error(
                    r.key.span(),
                    format!("the key \"{key}\" is used twice"),
                    &help,
                );
            } else {
                lines.insert(key.clone(), self.line_of(r.key.span().start));
            }
            if let Some(field) = self.field(entry) {
                fields.push(field);
            }
        }
        fields
    }

    fn field(&mut self, entry: &Spanned<RawField>) -> Option<FieldSpec> {
        let r = entry.get_ref();
        let label = self.label(&r.label);
        let kind = self.kind(&r.kind);
        let max_length = self.integer(
            r.max_length.as_ref(),
            DEFAULT_MAX_LENGTH as i64,
            1..201,
            "max_length",
        );
        if let (Some(kind @ (FieldKind::Date | FieldKind::Time | FieldKind::Phone)), Some(m)) =
            (kind, &r.max_length)
            && (1..MIN_TYPED_LENGTH).contains(m.get_ref())
        {
            self.error(
                m.span(),
                format!(
                    "a {} field needs max_length of at least {MIN_TYPED_LENGTH}, not {}",
                    kind.name(),
                    m.get_ref()
                ),
                "it counts every character typed, spaces and punctuation included; leave it out to use 60",
            );
        }
        let max_length = usize::try_from(max_length).unwrap_or(DEFAULT_MAX_LENGTH);
        let choices = self.choices(entry, kind, max_length);
        Some(FieldSpec {
            key: r.key.get_ref().clone(),
            label: label?,
            kind: kind?,
            required: r.required.unwrap_or(true),
            max_length,
            choices: choices?,
        })
    }

    fn bad_key(&mut self, key: &Spanned<String>) {
        let shown = printable(key.get_ref());
        let suggestion: String = shown
            .trim()
            .to_lowercase()
            .chars()
            .map(|c| {
                if c.is_whitespace() || c == '-' {
                    '_'
                } else {
                    c
                }
            })
            .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        let help = if is_key(&suggestion) {
            format!(
                "try key = \"{suggestion}\"; the key names the answer, the label is what patients read"
            )
        } else {
            "for example key = \"first_name\"; the key names the answer, the label is what patients read".to_string()
        };
        self.error(
            key.span(),
            format!(
                "the key \"{shown}\" must start with a lowercase letter and use only a-z, 0-9 and _"
            ),
            &help,
        );
    }

    fn label(&mut self, label: &Spanned<String>) -> Option<String> {
        let text = printable(label.get_ref().trim());
        let length = text.chars().count();
        let problem = if length == 0 {
            "`label` is empty".to_string()
        } else if length > MAX_LABEL {
            format!("this label is {length} characters long; the most is {MAX_LABEL}")
        } else {
            return Some(text);
        };
        self.error(
            label.span(),
            problem,
            "the label sits above the answer, e.g. label = \"First name\"",
        );
        None
    }

    fn kind(&mut self, kind: &Spanned<String>) -> Option<FieldKind> {
        let name = kind.get_ref().trim();
        if let Some(found) = FieldKind::ALL.into_iter().find(|k| k.name() == name) {
            return Some(found);
        }
        let known = "kind is \"text\", \"date\", \"time\", \"phone\" or \"choice\"";
        let help = match nearest(name, FieldKind::ALL.iter().map(|k| k.name())) {
            Some(best) => format!("did you mean \"{best}\"? {known}"),
            None => known.to_string(),
        };
        self.error(
            kind.span(),
            format!("unknown field kind \"{}\"", printable(name)),
            &help,
        );
        None
    }

    /// The answers of a choice field; `choices` on any other kind is a
    /// mistake.
    fn choices(
        &mut self,
        entry: &Spanned<RawField>,
        kind: Option<FieldKind>,
        max_length: usize,
    ) -> Option<Vec<String>> {
        match (kind, &entry.get_ref().choices) {
            (Some(FieldKind::Choice), Some(list)) => self.choice_list(list, max_length),
            (Some(FieldKind::Choice), None) => {
                let message = "a \"choice\" field needs `choices`";
                self.error(entry.span(), message, CHOICES_HELP);
                None
            }
            (Some(kind), Some(list)) => {
                let message = format!(
                    "only \"choice\" fields have `choices`; this one is \"{}\"",
                    kind.name()
                );
                let help = "remove `choices`, or set kind = \"choice\"";
                self.error(list.span(), message, help);
                None
            }
            (_, None) | (None, _) => Some(Vec::new()),
        }
    }

    fn choice_list(
        &mut self,
        list: &Spanned<Vec<Spanned<String>>>,
        max_length: usize,
    ) -> Option<Vec<String>> {
        let items = list.get_ref();
        if items.is_empty() || items.len() > MAX_CHOICES {
            let (message, help) = match items.len() {
                0 => ("`choices` is empty".to_string(), CHOICES_HELP),
                n => (
                    format!("a choice field offers at most {MAX_CHOICES} answers, not {n}"),
                    "patients pick an answer with the keys 1 to 9; shorten the list or ask two questions",
                ),
            };
            self.error(list.span(), message, help);
            return None;
        }
        let mut answers: Vec<String> = Vec::with_capacity(items.len());
        let mut all_good = true;
        for item in items {
            let text = printable(item.get_ref())
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let length = text.chars().count();
            let (message, help) = if text.is_empty() {
                (
                    "this answer is empty".to_string(),
                    "write the answer between the quotes, or remove it",
                )
            } else if answers
                .iter()
                .any(|a| a.to_lowercase() == text.to_lowercase())
            {
                (
                    format!("\"{text}\" is listed twice"),
                    "each answer must be different",
                )
            } else if length > max_length {
                (
                    format!("this answer is {length} characters long; max_length is {max_length}"),
                    "shorten it, or raise max_length (up to 200)",
                )
            } else {
                answers.push(text);
                continue;
            };
            self.error(item.span(), message, help);
            all_good = false;
        }
        all_good.then_some(answers)
    }

    fn line_of(&self, offset: usize) -> usize {
        self.source
            .get(..offset)
            .map_or(0, |before| before.matches('\n').count())
            + 1
    }
}

/// Whether `key` matches `[a-z][a-z0-9_]*`.
fn is_key(key: &str) -> bool {
    let mut chars = key.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}
