//! What the patient did, independent of the terminal, and the mapping from
//! crossterm's key events.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// One thing the patient did to the form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormInput {
    Char(char),
    Backspace,
    Delete,
    Left,
    Right,
    Home,
    End,
    /// Tab or ↓: the next field.
    Next,
    /// Shift-Tab or ↑: the previous field.
    Prev,
    Enter,
    Escape,
    Paste(String),
}

/// The form input a key press means, if any. Key releases and every
/// Ctrl, Alt, Super or Meta chord mean nothing; the numeric keypad's digits
/// and Enter work like the main keyboard's.
pub fn form_input(key: KeyEvent) -> Option<FormInput> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let chord = KeyModifiers::CONTROL
        | KeyModifiers::ALT
        | KeyModifiers::SUPER
        | KeyModifiers::HYPER
        | KeyModifiers::META;
    if key.modifiers.intersects(chord) {
        return None;
    }
    let shift = key.modifiers.contains(KeyModifiers::SHIFT);
    Some(match key.code {
        KeyCode::Char('\r' | '\n') | KeyCode::Enter => FormInput::Enter,
        KeyCode::Char(c) if c.is_control() => return None,
        KeyCode::Char(c) => FormInput::Char(c),
        KeyCode::Backspace => FormInput::Backspace,
        KeyCode::Delete => FormInput::Delete,
        KeyCode::Left => FormInput::Left,
        KeyCode::Right => FormInput::Right,
        KeyCode::Home => FormInput::Home,
        KeyCode::End => FormInput::End,
        KeyCode::Tab if shift => FormInput::Prev,
        KeyCode::Tab | KeyCode::Down => FormInput::Next,
        KeyCode::BackTab | KeyCode::Up => FormInput::Prev,
        KeyCode::Esc => FormInput::Escape,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use crossterm::event::KeyEventState;

    use super::*;

    fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn plain_keys() {
        let none = KeyModifiers::NONE;
        assert_eq!(
            form_input(key(KeyCode::Char('a'), none)),
            Some(FormInput::Char('a'))
        );
        assert_eq!(
            form_input(key(KeyCode::Char('A'), KeyModifiers::SHIFT)),
            Some(FormInput::Char('A'))
        );
        assert_eq!(
            form_input(key(KeyCode::Char('李'), none)),
            Some(FormInput::Char('李'))
        );
        assert_eq!(form_input(key(KeyCode::Tab, none)), Some(FormInput::Next));
        assert_eq!(form_input(key(KeyCode::Down, none)), Some(FormInput::Next));
        assert_eq!(
            form_input(key(KeyCode::BackTab, KeyModifiers::SHIFT)),
            Some(FormInput::Prev)
        );
        assert_eq!(
            form_input(key(KeyCode::Tab, KeyModifiers::SHIFT)),
            Some(FormInput::Prev)
        );
        assert_eq!(form_input(key(KeyCode::Up, none)), Some(FormInput::Prev));
        assert_eq!(form_input(key(KeyCode::Esc, none)), Some(FormInput::Escape));
        assert_eq!(form_input(key(KeyCode::F(5), none)), None);
    }

    #[test]
    fn keypad_digits_and_enter() {
        let mut enter = key(KeyCode::Enter, KeyModifiers::NONE);
        enter.state = KeyEventState::KEYPAD;
        assert_eq!(form_input(enter), Some(FormInput::Enter));
        let mut seven = key(KeyCode::Char('7'), KeyModifiers::NONE);
        seven.state = KeyEventState::KEYPAD;
        assert_eq!(form_input(seven), Some(FormInput::Char('7')));
        let cr = key(KeyCode::Char('\r'), KeyModifiers::NONE);
        assert_eq!(form_input(cr), Some(FormInput::Enter));
    }

    #[test]
    fn chords_releases_and_controls_mean_nothing() {
        for m in [
            KeyModifiers::CONTROL,
            KeyModifiers::ALT,
            KeyModifiers::SUPER,
        ] {
            assert_eq!(form_input(key(KeyCode::Char('c'), m)), None);
            assert_eq!(form_input(key(KeyCode::Enter, m)), None);
        }
        let mut release = key(KeyCode::Char('a'), KeyModifiers::NONE);
        release.kind = KeyEventKind::Release;
        assert_eq!(form_input(release), None);
        assert_eq!(
            form_input(key(KeyCode::Char('\u{1b}'), KeyModifiers::NONE)),
            None
        );
    }
}
