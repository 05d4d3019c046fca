//! The key chord that opens the PIN prompt, and a matcher that watches the
//! keys go by. Pure: each key comes with the time it arrived.
//!
//! # Syntax
//!
//! A chord is one to four keys pressed one after another, separated by
//! spaces: `"ctrl-a s"` is Ctrl-A, then S. Each key may be held with
//! modifiers written before it and joined by `-`: `ctrl`, `alt`, `shift`.
//! Keys are
//!
//! - a letter, digit or punctuation mark: `a`, `7`, `/`, `-`;
//! - `space`, `enter`, `tab`, `backspace`, `delete`, `insert`, `home`,
//!   `end`, `pageup`, `pagedown`, `up`, `down`, `left`, `right`;
//! - `f1` to `f12`.
//!
//! Case does not matter, and a letter matches either case, so `shift`
//! goes only with the named keys (`shift-f5`). `ctrl` goes only with a
//! letter, and not with `i` or `m` (terminals send those as Tab and Enter).
//! The first key must be held with `ctrl` or `alt`, or be a function key,
//! so that typing on the check-in form can never open the prompt.
//! Consecutive keys must come within [`CHORD_GAP`] of each other.

use std::fmt;
use std::ops::Range;

use chrono::TimeDelta;
use crossterm::event::{KeyCode, KeyModifiers};

pub use super::matcher::{ChordMatcher, ChordProgress};

/// The chord used when `[staff]` does not name one.
pub const DEFAULT_CHORD: &str = "ctrl-a s";
/// The longest pause allowed between two keys of the chord.
pub const CHORD_GAP: TimeDelta = TimeDelta::seconds(2);
/// The most keys in a chord.
pub const MAX_STEPS: usize = 4;

const NAMED: [(&str, KeyCode); 14] = [
    ("space", KeyCode::Char(' ')),
    ("enter", KeyCode::Enter),
    ("tab", KeyCode::Tab),
    ("backspace", KeyCode::Backspace),
    ("delete", KeyCode::Delete),
    ("insert", KeyCode::Insert),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
    ("pageup", KeyCode::PageUp),
    ("pagedown", KeyCode::PageDown),
    ("up", KeyCode::Up),
    ("down", KeyCode::Down),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
];

const KEYS_HELP: &str = "a key is a letter, digit or punctuation mark, space, enter, tab, backspace, delete, insert, home, end, pageup, pagedown, up, down, left, right, or f1 to f12";

/// One key of a chord, with the modifiers held.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Step {
    /// Letters are kept lower-case.
    pub code: KeyCode,
    /// Only `CONTROL`, `ALT` and `SHIFT`.
    pub modifiers: KeyModifiers,
}

/// A parsed chord.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chord {
    steps: Vec<Step>,
}

/// Why a chord could not be read; `span` is the byte range of the chord's
/// text at fault.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChordError {
    pub span: Range<usize>,
    pub message: String,
    pub help: String,
}

fn fail(span: Range<usize>, message: impl Into<String>, help: &str) -> ChordError {
    ChordError {
        span,
        message: message.into(),
        help: help.to_string(),
    }
}

impl Default for Chord {
    /// Ctrl-A, then S.
    fn default() -> Self {
        Self {
            steps: vec![
                Step {
                    code: KeyCode::Char('a'),
                    modifiers: KeyModifiers::CONTROL,
                },
                Step {
                    code: KeyCode::Char('s'),
                    modifiers: KeyModifiers::NONE,
                },
            ],
        }
    }
}

impl Chord {
    /// Reads a chord written as described in the module documentation.
    pub fn parse(text: &str) -> Result<Self, ChordError> {
        let words = words(text);
        if words.is_empty() {
            return Err(fail(
                0..text.len(),
                "the chord is empty",
                "write the keys to press one after another, e.g. \"ctrl-a s\"",
            ));
        }
        if words.len() > MAX_STEPS {
            let from = words.get(MAX_STEPS).map_or(0, |w| w.0);
            return Err(fail(
                from..text.len(),
                format!("a chord has at most {MAX_STEPS} keys, not {}", words.len()),
                "use fewer keys, e.g. \"ctrl-a s\"",
            ));
        }
        let mut steps = Vec::with_capacity(words.len());
        for &(start, word) in &words {
            steps.push(
                step(word)
                    .map_err(|(message, help)| fail(start..start + word.len(), message, &help))?,
            );
        }
        if let (Some(first), Some(&(start, word))) = (steps.first(), words.first())
            && first
                .modifiers
                .intersection(KeyModifiers::CONTROL | KeyModifiers::ALT)
                .is_empty()
            && !matches!(first.code, KeyCode::F(_))
        {
            return Err(fail(
                start..start + word.len(),
                format!("the chord starts with `{word}`, which anyone typing could press"),
                "start with a key held with ctrl or alt, or a function key, e.g. \"ctrl-a s\"",
            ));
        }
        Ok(Self { steps })
    }

    /// The keys, in order.
    pub fn steps(&self) -> &[Step] {
        &self.steps
    }
}

/// The words of `text` with their byte offsets.
fn words(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                out.push((s, &text[s..i]));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    out
}

/// One word: modifiers, then the key. `-` is itself a key (`alt--`).
fn step(word: &str) -> Result<Step, (String, String)> {
    let lower = word.to_lowercase();
    let (mods, key) = if lower == "-" {
        ("", "-")
    } else if let Some(mods) = lower.strip_suffix("--") {
        (mods, "-")
    } else {
        match lower.rsplit_once('-') {
            Some((mods, key)) => (mods, key),
            None => ("", lower.as_str()),
        }
    };
    let mut modifiers = KeyModifiers::NONE;
    for name in mods
        .split('-')
        .filter(|m| !m.is_empty() || !mods.is_empty())
    {
        let bit = match name {
            "ctrl" | "control" => KeyModifiers::CONTROL,
            "alt" | "meta" => KeyModifiers::ALT,
            "shift" => KeyModifiers::SHIFT,
            other => {
                return Err((
                    format!("unknown modifier `{other}` in `{word}`"),
                    "the modifiers are ctrl, alt and shift, written before the key: \"ctrl-a\""
                        .into(),
                ));
            }
        };
        if modifiers.contains(bit) {
            return Err((
                format!("`{name}` is written twice in `{word}`"),
                "write each modifier once".into(),
            ));
        }
        modifiers |= bit;
    }
    if key.is_empty() {
        return Err((
            format!("`{word}` has no key after `-`"),
            KEYS_HELP.to_string(),
        ));
    }
    let code = key_code(key).ok_or_else(|| {
        let message = if lower == key {
            format!("unknown key `{key}`")
        } else {
            format!("unknown key `{key}` in `{word}`")
        };
        (message, KEYS_HELP.to_string())
    })?;
    check_combination(code, modifiers, word)?;
    Ok(Step { code, modifiers })
}

fn key_code(key: &str) -> Option<KeyCode> {
    if let Some((_, code)) = NAMED.iter().find(|(name, _)| *name == key) {
        return Some(*code);
    }
    if let Some(n) = key.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
        return (1..=12).contains(&n).then_some(KeyCode::F(n));
    }
    let mut chars = key.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if c.is_ascii_graphic() => Some(KeyCode::Char(c)),
        _ => None,
    }
}

fn check_combination(
    code: KeyCode,
    mods: KeyModifiers,
    word: &str,
) -> Result<(), (String, String)> {
    let KeyCode::Char(c) = code else {
        return Ok(());
    };
    if mods.contains(KeyModifiers::SHIFT) && c != ' ' {
        return Err((
            format!("`{word}`: shift cannot be used with a character"),
            "letters match either case, so leave shift out; shift goes with named keys such as f5"
                .into(),
        ));
    }
    if mods.contains(KeyModifiers::CONTROL) && !c.is_ascii_lowercase() {
        return Err((
            format!("`{word}`: ctrl goes only with a letter"),
            "terminals cannot send ctrl with most other keys; use a letter, e.g. \"ctrl-a\"".into(),
        ));
    }
    if mods.contains(KeyModifiers::CONTROL) && matches!(c, 'i' | 'm') {
        let sent = if c == 'i' { "tab" } else { "enter" };
        return Err((
            format!("`{word}` reaches the kiosk as {sent}"),
            "terminals send ctrl-i as tab and ctrl-m as enter; use another letter".into(),
        ));
    }
    Ok(())
}

impl fmt::Display for Step {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (bit, name) in [
            (KeyModifiers::CONTROL, "ctrl-"),
            (KeyModifiers::ALT, "alt-"),
            (KeyModifiers::SHIFT, "shift-"),
        ] {
            if self.modifiers.contains(bit) {
                f.write_str(name)?;
            }
        }
        match self.code {
            KeyCode::F(n) => write!(f, "f{n}"),
            KeyCode::Char(' ') => f.write_str("space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            code => {
                let name = NAMED
                    .iter()
                    .find(|(_, k)| *k == code)
                    .map_or("?", |(n, _)| n);
                f.write_str(name)
            }
        }
    }
}

impl fmt::Display for Chord {
    /// The chord written back in its canonical form: `ctrl-a s`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, step) in self.steps.iter().enumerate() {
            if i > 0 {
                f.write_str(" ")?;
            }
            write!(f, "{step}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
#[path = "chord_tests.rs"]
mod tests;
