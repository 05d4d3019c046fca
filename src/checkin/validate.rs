//! Whether an answer is acceptable, what it is stored as, and how it is
//! shown back to the patient. Messages come from `strings`.

use chrono::{NaiveDate, NaiveTime, Timelike};

use super::century::{Birth, read_birth_date};
use super::date::DateProblem;
use super::text::narrow;
use super::{FieldKind, FieldSpec};
use crate::strings;

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
pub fn validate(spec: &FieldSpec, text: &str, today: NaiveDate) -> Result<Valid, String> {
    let trimmed = collapse(text);
    if trimmed.is_empty() {
        return match (spec.required, spec.kind) {
            (false, _) => Ok(Valid::same(String::new())),
            (true, FieldKind::Choice) => Err(strings::please_choose(&spec.label)),
            (true, _) => Err(strings::please_enter(&spec.label)),
        };
    }
    let label = spec.label.as_str();
    match spec.kind {
        FieldKind::Text if trimmed.chars().any(char::is_alphabetic) => Ok(Valid::same(trimmed)),
        FieldKind::Text => Err(strings::use_letters(label)),
        FieldKind::Date => date(label, &trimmed, today),
        FieldKind::Time => match parse_time(&trimmed) {
            Some(t) => Ok(Valid {
                value: format!("{:02}:{:02}", t.hour(), t.minute()),
                shown: strings::clock_time(t.hour(), t.minute()),
            }),
            None => Err(strings::time_format(label)),
        },
        FieldKind::Phone => match parse_phone(&trimmed) {
            Ok(phone) => Ok(Valid::same(phone)),
            Err(PhoneProblem::AreaCode) => Err(strings::phone_area_code(label)),
            Err(PhoneProblem::Digits) => Err(strings::phone_digits(label)),
        },
        FieldKind::Choice => match spec.choices.iter().find(|c| collapse(c) == trimmed) {
            Some(choice) => Ok(Valid::same(choice.clone())),
            None => Err(strings::please_choose(label)),
        },
    }
}

/// `text` trimmed, with every run of spaces inside it made one space.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn date(label: &str, text: &str, today: NaiveDate) -> Result<Valid, String> {
    match read_birth_date(text, today) {
        Ok(Birth::One(d)) => Ok(Valid {
            value: d.format("%Y-%m-%d").to_string(),
            shown: strings::full_date(d),
        }),
        Ok(Birth::Two { recent, older }) => Err(strings::date_which_century(
            label,
            &strings::full_date(recent),
            &strings::full_date(older),
        )),
        Err(DateProblem::Today) => Err(strings::date_today(label)),
        Err(DateProblem::Unreadable) => Err(strings::date_format(label)),
        Err(DateProblem::MonthFirst) => Err(strings::date_month_first(label)),
        Err(DateProblem::NoSuchDay { month, year, days }) => {
            Err(strings::date_no_such_day(label, month, year, days))
        }
        Err(DateProblem::Future) => Err(strings::date_future(label)),
        Err(DateProblem::TooOld) => Err(strings::date_too_old(label)),
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
