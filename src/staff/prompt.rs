//! The PIN prompt: digits typed so far, shown masked. Pure; the app feeds
//! it keys with the time they arrived.

use std::fmt;

use chrono::{DateTime, TimeDelta, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::pin::{MAX_DIGITS, MIN_DIGITS, Pin};

/// A prompt nobody types into for this long closes by itself.
pub const PROMPT_IDLE: TimeDelta = TimeDelta::seconds(30);
/// Shown for each digit typed.
pub const MASK: char = '•';

/// The PIN prompt's state. `Debug` shows how many digits were typed, never
/// which.
#[derive(Clone, PartialEq, Eq)]
pub struct PinPrompt {
    /// The digits typed so far, at most [`MAX_DIGITS`].
    pub digits: Vec<char>,
    /// When the prompt opened or last had a key.
    pub last_input: DateTime<Utc>,
}

/// What a key did to the prompt.
#[derive(Clone, PartialEq, Eq)]
pub enum PromptEvent {
    /// A digit was added or removed: draw again.
    Changed,
    /// The key does nothing here.
    Ignored,
    /// Enter with fewer than [`MIN_DIGITS`] digits; nothing is checked.
    TooShort,
    /// Enter: check this PIN. The prompt is emptied.
    Submit(Pin),
    /// Esc: close the prompt. The prompt is emptied.
    Cancel,
}

impl fmt::Debug for PinPrompt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PinPrompt")
            .field("digits", &self.digits.len())
            .field("last_input", &self.last_input)
            .finish()
    }
}

impl fmt::Debug for PromptEvent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Changed => f.write_str("Changed"),
            Self::Ignored => f.write_str("Ignored"),
            Self::TooShort => f.write_str("TooShort"),
            Self::Submit(pin) => write!(f, "Submit({pin:?})"),
            Self::Cancel => f.write_str("Cancel"),
        }
    }
}

impl PinPrompt {
    /// An empty prompt opened at `now`.
    pub fn new(now: DateTime<Utc>) -> Self {
        Self {
            digits: Vec::with_capacity(MAX_DIGITS),
            last_input: now,
        }
    }

    /// Applies a key pressed at `now`.
    pub fn key(&mut self, key: KeyEvent, now: DateTime<Utc>) -> PromptEvent {
        if key.kind == KeyEventKind::Release {
            return PromptEvent::Ignored;
        }
        self.last_input = now;
        let plain = !key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        match key.code {
            KeyCode::Char(c) if plain && c.is_ascii_digit() => {
                if self.digits.len() >= MAX_DIGITS {
                    return PromptEvent::Ignored;
                }
                self.digits.push(c);
                PromptEvent::Changed
            }
            KeyCode::Backspace => match self.digits.pop() {
                Some(_) => PromptEvent::Changed,
                None => PromptEvent::Ignored,
            },
            KeyCode::Enter if self.digits.len() < MIN_DIGITS => PromptEvent::TooShort,
            KeyCode::Enter => {
                let typed: String = self.digits.drain(..).collect();
                match Pin::parse(&typed) {
                    Ok(pin) => PromptEvent::Submit(pin),
                    Err(_) => PromptEvent::TooShort,
                }
            }
            KeyCode::Esc => {
                self.digits.clear();
                PromptEvent::Cancel
            }
            _ => PromptEvent::Ignored,
        }
    }

    /// One [`MASK`] per digit typed.
    pub fn masked(&self) -> String {
        std::iter::repeat_n(MASK, self.digits.len()).collect()
    }

    /// When the prompt closes by itself unless a key comes first.
    pub fn deadline(&self) -> DateTime<Utc> {
        self.last_input + PROMPT_IDLE
    }

    /// Whether nobody has typed for [`PROMPT_IDLE`].
    pub fn timed_out(&self, now: DateTime<Utc>) -> bool {
        now >= self.deadline()
    }
}

#[cfg(test)]
#[allow(clippy::panic)]
mod tests {
    use super::*;

    fn t0() -> DateTime<Utc> {
        DateTime::from_timestamp(1_795_000_000, 0).unwrap_or_default()
    }

    fn press(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    fn type_text(prompt: &mut PinPrompt, text: &str) {
        for c in text.chars() {
            prompt.key(press(KeyCode::Char(c)), t0());
        }
    }

    #[test]
    fn digits_are_typed_masked_and_submitted() {
        let mut prompt = PinPrompt::new(t0());
        assert_eq!(
            prompt.key(press(KeyCode::Char('7')), t0()),
            PromptEvent::Changed
        );
        type_text(&mut prompt, "3x9-15");
        assert_eq!(prompt.digits, ['7', '3', '9', '1', '5']);
        assert_eq!(prompt.masked(), "•••••");
        assert_eq!(format!("{prompt:?}").matches("73915").count(), 0);
        let submitted = prompt.key(press(KeyCode::Enter), t0());
        let Ok(expected) = Pin::parse("73915") else {
            panic!("a valid PIN")
        };
        assert_eq!(submitted, PromptEvent::Submit(expected));
        assert_eq!(format!("{submitted:?}"), "Submit(Pin(<hidden>))");
        assert!(prompt.digits.is_empty(), "emptied after submitting");
    }

    #[test]
    fn backspace_escape_and_the_eight_digit_limit() {
        let mut prompt = PinPrompt::new(t0());
        assert_eq!(
            prompt.key(press(KeyCode::Backspace), t0()),
            PromptEvent::Ignored
        );
        type_text(&mut prompt, "1234567890");
        assert_eq!(prompt.masked().chars().count(), 8);
        assert_eq!(
            prompt.key(press(KeyCode::Backspace), t0()),
            PromptEvent::Changed
        );
        assert_eq!(prompt.digits.len(), 7);
        assert_eq!(prompt.key(press(KeyCode::Esc), t0()), PromptEvent::Cancel);
        assert!(prompt.digits.is_empty());
    }

    #[test]
    fn too_short_is_not_submitted_and_keeps_the_digits() {
        let mut prompt = PinPrompt::new(t0());
        type_text(&mut prompt, "123");
        assert_eq!(
            prompt.key(press(KeyCode::Enter), t0()),
            PromptEvent::TooShort
        );
        assert_eq!(prompt.digits.len(), 3);
    }

    #[test]
    fn control_digits_and_releases_are_ignored() {
        let mut prompt = PinPrompt::new(t0());
        let ctrl = KeyEvent::new(KeyCode::Char('1'), KeyModifiers::CONTROL);
        assert_eq!(prompt.key(ctrl, t0()), PromptEvent::Ignored);
        let mut release = press(KeyCode::Char('1'));
        release.kind = KeyEventKind::Release;
        assert_eq!(prompt.key(release, t0()), PromptEvent::Ignored);
        assert!(prompt.digits.is_empty());
    }

    #[test]
    fn it_times_out_thirty_seconds_after_the_last_key() {
        let mut prompt = PinPrompt::new(t0());
        assert!(!prompt.timed_out(t0() + TimeDelta::seconds(29)));
        assert!(prompt.timed_out(t0() + PROMPT_IDLE));
        let later = t0() + TimeDelta::seconds(20);
        prompt.key(press(KeyCode::Char('1')), later);
        assert_eq!(prompt.deadline(), later + PROMPT_IDLE);
        assert!(!prompt.timed_out(t0() + PROMPT_IDLE));
    }
}
