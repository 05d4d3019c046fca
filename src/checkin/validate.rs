//! Whether an answer is acceptable, what it is stored as, and how it is
//! shown back to the patient, in the patient's language.

use chrono::{NaiveDate, NaiveTime, Timelike};

use super::century::{Birth, read_birth_date_in};
use super::date::DateOrder;
use super::date::DateProblem;
use super::text::narrow;
use super::{FieldKind, FieldSpec};
use crate::i18n::{Words, lower_first, num};

/// An acceptable answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Valid {
    /// What the form hands back: trimmed text, `1962-04-17`, `09:30`,
    /// `(720) 242-9756`, or the chosen answer. Checking it again gives it
    /// back unchanged.
    pub value: String,
    /// How the answer was understood, in the patient's words:
    /// `April 17, 1962`, `9:30 AM`, `(720) 242-9756`.
    pub shown: String,
}

impl Valid {
    fn same(value: String) -> Self {
        Self {
            shown: value.clone(),
            value,
        }
    }
}

/// Checks `text` as the answer to `spec`, with `today` deciding what is in
/// the future. The error is the message for the patient.
pub fn validate(
    spec: &FieldSpec,
    text: &str,
    today: NaiveDate,
    w: Words<'_>,
) -> Result<Valid, String> {
    let trimmed = collapse(text);
    let label = label_in(spec, w);
    let field = lower_first(&label);
    let about = |id: &str| w.f(id, &[("label", label.as_str().into())]);
    let sentence = |id: &str| w.f(id, &[("field", field.as_str().into())]);
    if trimmed.is_empty() {
        return match (spec.required, spec.kind) {
            (false, _) => Ok(Valid::same(String::new())),
            (true, FieldKind::Choice) => Err(sentence("checkin-please-choose")),
            (true, _) => Err(sentence("checkin-please-enter")),
        };
    }
    match spec.kind {
        FieldKind::Text if trimmed.chars().any(char::is_alphabetic) => Ok(Valid::same(trimmed)),
        FieldKind::Text => Err(sentence("checkin-use-letters")),
        FieldKind::Date => date(&label, &trimmed, today, w),
        FieldKind::Time => match parse_time(&trimmed) {
            Some(t) => Ok(Valid {
                value: format!("{:02}:{:02}", t.hour(), t.minute()),
                shown: w.time(t.hour(), t.minute()),
            }),
            None => Err(about("checkin-time-format")),
        },
        FieldKind::Phone => match parse_phone(&trimmed) {
            Ok(phone) => Ok(Valid::same(phone)),
            Err(PhoneProblem::AreaCode) => Err(about("checkin-phone-area-code")),
            Err(PhoneProblem::Digits) => Err(about("checkin-phone-digits")),
        },
        FieldKind::Choice => match spec.choices.iter().find(|c| collapse(c) == trimmed) {
            Some(choice) => Ok(Valid::same(choice.clone())),
            None => Err(sentence("checkin-please-choose")),
        },
    }
}

/// How a language writes dates: `date-order` in its messages, `dmy` for
/// day first; month first otherwise.
pub fn date_order(w: Words<'_>) -> DateOrder {
    if w.t("date-order").trim() == "dmy" {
        DateOrder::DayFirst
    } else {
        DateOrder::MonthFirst
    }
}

/// A field's label in a language: the label in kiosk.toml, or in another
/// language than English its `field-<key>` message when there is one.
pub fn label_in(spec: &FieldSpec, w: Words<'_>) -> String {
    let id = format!("field-{}", spec.key);
    if w.code() != crate::i18n::BASE && w.has(&id) {
        w.t(&id)
    } else {
        spec.label.clone()
    }
}

/// `text` trimmed, with every run of spaces inside it made one space.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn date(label: &str, text: &str, today: NaiveDate, w: Words<'_>) -> Result<Valid, String> {
    let about = |id: &str| w.f(id, &[("label", label.into())]);
    match read_birth_date_in(text, today, date_order(w)) {
        Ok(Birth::One(d)) => Ok(Valid {
            value: d.format("%Y-%m-%d").to_string(),
            shown: w.full_date(d),
        }),
        Ok(Birth::Two { recent, older }) => Err(w.f(
            "checkin-date-which-century",
            &[
                ("label", label.into()),
                ("recent", w.full_date(recent).into()),
                ("older", w.full_date(older).into()),
            ],
        )),
        Err(DateProblem::Today) => Err(about("checkin-date-today")),
        Err(DateProblem::Unreadable) => Err(about("checkin-date-format")),
        Err(DateProblem::MonthFirst) => Err(about("checkin-date-month-first")),
        Err(DateProblem::DayFirst) => Err(about("checkin-date-day-first")),
        Err(DateProblem::NoSuchDay { month, year, days }) => Err(w.f(
            "checkin-date-no-such-day",
            &[
                ("label", label.into()),
                ("month", w.month(year, month).into()),
                ("year", num(year)),
                ("days", num(days)),
            ],
        )),
        Err(DateProblem::Future) => Err(about("checkin-date-future")),
        Err(DateProblem::TooOld) => Err(about("checkin-date-too-old")),
    }
}

/// Why typed text is not a phone number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PhoneProblem {
    /// Not ten digits (after an optional leading 1 or +1), or letters.
    Digits,
    /// Area codes never start with 0 or 1.
    AreaCode,
}

/// A US phone number written any way (`720.242.9756`, `+1 720 242 9756`,
/// `1-720-242-9756`), as `(720) 242-9756`.
pub fn parse_phone(text: &str) -> Result<String, PhoneProblem> {
    let text = narrow(text);
    let text = text.trim();
    let (plus, rest) = match text.strip_prefix('+') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let punctuation = |c: char| c.is_whitespace() || matches!(c, '(' | ')' | '-' | '.' | '/');
    if !rest.chars().all(|c| c.is_ascii_digit() || punctuation(c)) {
        return Err(PhoneProblem::Digits);
    }
    let digits: String = rest.chars().filter(char::is_ascii_digit).collect();
    let national = match (plus, digits.len()) {
        (_, 11) if digits.starts_with('1') => &digits[1..],
        (false, 10) => digits.as_str(),
        _ => return Err(PhoneProblem::Digits),
    };
    if national.starts_with(['0', '1']) {
        return Err(PhoneProblem::AreaCode);
    }
    Ok(format!(
        "({}) {}-{}",
        &national[..3],
        &national[3..6],
        &national[6..]
    ))
}

/// A time of day written `9:30`, `9:30 am`, `9:30 p.m.`, `14:05`, `930`,
/// `9 pm` or `9.30`.
pub fn parse_time(text: &str) -> Option<NaiveTime> {
    let compact: String = narrow(text)
        .to_lowercase()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let (body, pm) = half_day(&compact);
    if !body
        .bytes()
        .all(|b| b.is_ascii_digit() || b == b':' || b == b'.')
    {
        return None;
    }
    let (hour, minute) = match body.split_once([':', '.']) {
        Some((h, m)) if (1..=2).contains(&h.len()) && m.len() == 2 => (h, m),
        Some(_) => return None,
        None if (1..=2).contains(&body.len()) => (body, "00"),
        None if (3..=4).contains(&body.len()) => body.split_at(body.len() - 2),
        None => return None,
    };
    let (hour, minute): (u32, u32) = (hour.parse().ok()?, minute.parse().ok()?);
    let hour = match pm {
        None if hour < 24 => hour,
        Some(pm) if (1..=12).contains(&hour) => hour % 12 + if pm { 12 } else { 0 },
        _ => return None,
    };
    NaiveTime::from_hms_opt(hour, minute, 0)
}

/// Splits off "am"/"pm" in its usual spellings: whether it said pm, if it
/// said either.
fn half_day(text: &str) -> (&str, Option<bool>) {
    for (suffix, pm) in [
        ("a.m.", false),
        ("a.m", false),
        ("am", false),
        ("a", false),
        ("p.m.", true),
        ("p.m", true),
        ("pm", true),
        ("p", true),
    ] {
        if let Some(body) = text.strip_suffix(suffix) {
            return (body, Some(pm));
        }
    }
    (text, None)
}
