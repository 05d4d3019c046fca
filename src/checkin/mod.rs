//! The check-in form: fields, editing, validation and idle timing.
//!
//! Pure: nothing here draws, reads the clock or touches the terminal. The
//! runtime turns key presses into [`FormInput`]s with [`form_input`] and
//! passes the time in; `ui::render_form` draws the result.

pub mod century;
mod date;
mod field;
mod form;
mod input;
pub mod keyboard;
mod text;
mod validate;

pub use date::{DateOrder, DateProblem, parse_date, parse_date_in};
pub use field::Field;
pub use form::{Feedback, Form, FormHit, FormOutcome};
pub use input::{FormInput, form_input};
pub use keyboard::{Key, Keyboard, KeyboardSetting, Page};
pub use text::{char_columns, clusters, columns};
pub use validate::{PhoneProblem, Valid, parse_phone, parse_time, validate};

/// What a field asks for, which decides how it is checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldKind {
    /// A name or other words.
    Text,
    /// A date in the past, such as a date of birth.
    Date,
    /// A time of day.
    Time,
    /// A US phone number.
    Phone,
    /// One of a fixed list of answers.
    Choice,
}

impl FieldKind {
    /// The word used for this kind in `kiosk.toml`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Text => "text",
            Self::Date => "date",
            Self::Time => "time",
            Self::Phone => "phone",
            Self::Choice => "choice",
        }
    }

    pub const ALL: [Self; 5] = [
        Self::Text,
        Self::Date,
        Self::Time,
        Self::Phone,
        Self::Choice,
    ];
}

/// One question on the form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldSpec {
    /// Names the answer in what the form hands back.
    pub key: String,
    /// What the patient reads above the field.
    pub label: String,
    pub kind: FieldKind,
    pub required: bool,
    /// The most characters the patient can type (not used by choices).
    pub max_length: usize,
    /// The answers of a [`FieldKind::Choice`] field; empty otherwise.
    pub choices: Vec<String>,
}

impl FieldSpec {
    /// The form used when `kiosk.toml` lists no fields: first name, last
    /// name and date of birth, all required.
    pub fn defaults() -> Vec<Self> {
        let w = crate::i18n::english();
        vec![
            Self::new("first_name", &w.t("field-first_name"), FieldKind::Text),
            Self::new("last_name", &w.t("field-last_name"), FieldKind::Text),
            Self::new(
                "date_of_birth",
                &w.t("field-date_of_birth"),
                FieldKind::Date,
            ),
        ]
    }

    /// A required field of `kind` with the default length limit (60).
    pub fn new(key: &str, label: &str, kind: FieldKind) -> Self {
        Self {
            key: key.to_string(),
            label: label.to_string(),
            kind,
            required: true,
            max_length: DEFAULT_MAX_LENGTH,
            choices: Vec::new(),
        }
    }
}

/// The length limit of a field that does not set one.
pub const DEFAULT_MAX_LENGTH: usize = 60;
