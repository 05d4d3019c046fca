//! The desk's keys: one table maps them to actions and writes the help line.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::i18n::Words;

/// What a key asks the desk to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    Up,
    Down,
    /// Call the selected patient if they are waiting, else the next one.
    Call,
    Seen,
    NoShow,
    Undo,
    /// Narrow the list as you type.
    Find,
    /// A patient who did not use the kiosk.
    Add,
    /// Correct the selected check-in's answers.
    Edit,
    /// Remove the selected check-in as entered in error.
    Remove,
    /// The day's summary.
    Summary,
    Quit,
}

/// Keys (with the modifiers they need) that do one action, and the
/// message the help line shows for it.
#[derive(Clone, Copy, Debug)]
pub struct Binding {
    pub keys: &'static [(KeyCode, KeyModifiers)],
    pub action: Action,
    pub help: &'static str,
}

const NONE: KeyModifiers = KeyModifiers::NONE;

/// Every key the desk knows, in help-line order. Neighbours with the same
/// help word share one entry in the help line (`↑/↓ select`).
pub const BINDINGS: [Binding; 12] = [
    Binding {
        keys: &[(KeyCode::Up, NONE)],
        action: Action::Up,
        help: "desk-do-select",
    },
    Binding {
        keys: &[(KeyCode::Down, NONE)],
        action: Action::Down,
        help: "desk-do-select",
    },
    Binding {
        keys: &[(KeyCode::Char('c'), NONE), (KeyCode::Enter, NONE)],
        action: Action::Call,
        help: "desk-do-call",
    },
    Binding {
        keys: &[(KeyCode::Char('s'), NONE)],
        action: Action::Seen,
        help: "desk-do-seen",
    },
    Binding {
        keys: &[(KeyCode::Char('n'), NONE)],
        action: Action::NoShow,
        help: "desk-do-no-show",
    },
    Binding {
        keys: &[(KeyCode::Char('u'), NONE)],
        action: Action::Undo,
        help: "desk-do-undo",
    },
    Binding {
        keys: &[(KeyCode::Char('/'), NONE)],
        action: Action::Find,
        help: "desk-do-find",
    },
    Binding {
        keys: &[(KeyCode::Char('a'), NONE)],
        action: Action::Add,
        help: "desk-do-add",
    },
    Binding {
        keys: &[(KeyCode::Char('e'), NONE)],
        action: Action::Edit,
        help: "desk-do-edit",
    },
    Binding {
        keys: &[(KeyCode::Char('d'), NONE)],
        action: Action::Remove,
        help: "desk-do-remove",
    },
    Binding {
        keys: &[(KeyCode::Char('t'), NONE)],
        action: Action::Summary,
        help: "desk-do-summary",
    },
    Binding {
        keys: &[
            (KeyCode::Char('q'), NONE),
            (KeyCode::Esc, NONE),
            (KeyCode::Char('c'), KeyModifiers::CONTROL),
        ],
        action: Action::Quit,
        help: "desk-do-quit",
    },
];

/// The action of a key press, if it has one. Letters work in either case;
/// Ctrl must match exactly, so Ctrl-C quits while `c` calls.
pub fn action_for(key: &KeyEvent) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let code = match key.code {
        KeyCode::Char(c) => KeyCode::Char(c.to_ascii_lowercase()),
        other => other,
    };
    let modifiers = key.modifiers.difference(KeyModifiers::SHIFT);
    BINDINGS
        .iter()
        .find(|b| b.keys.contains(&(code, modifiers)))
        .map(|b| b.action)
}

/// How a key is written in the help line: `↑`, `Enter`, `Ctrl-C`, `s`.
fn key_name(w: Words<'_>, code: KeyCode, modifiers: KeyModifiers) -> String {
    let name = match code {
        KeyCode::Up => "↑".to_string(),
        KeyCode::Down => "↓".to_string(),
        KeyCode::Enter => w.t("desk-key-enter"),
        KeyCode::Esc => w.t("desk-key-esc"),
        KeyCode::Char(c) if modifiers.contains(KeyModifiers::CONTROL) => {
            c.to_ascii_uppercase().to_string()
        }
        KeyCode::Char(c) => c.to_string(),
        other => other.to_string(),
    };
    if modifiers.contains(KeyModifiers::CONTROL) {
        format!("{}{name}", w.t("desk-key-ctrl"))
    } else {
        name
    }
}

/// The entries of the help line, from [`BINDINGS`]: `↑/↓ select`,
/// `c/Enter call next`, … `q/Esc/Ctrl-C quit`.
pub fn help_items(w: Words<'_>) -> Vec<String> {
    help_items_for(w, false)
}

/// The help items; on the kiosk's staff screen, without the desk's quit
/// keys (there Esc and q leave the staff screen, and the staff screen's
/// own line says so).
pub fn help_items_for(w: Words<'_>, on_kiosk: bool) -> Vec<String> {
    let mut groups: Vec<(Vec<String>, &str)> = Vec::new();
    let shown = BINDINGS
        .iter()
        .filter(|b| !(on_kiosk && b.action == Action::Quit));
    for binding in shown {
        let names = binding.keys.iter().map(|(c, m)| key_name(w, *c, *m));
        match groups.last_mut() {
            Some((keys, help)) if *help == binding.help => keys.extend(names),
            _ => groups.push((names.collect(), binding.help)),
        }
    }
    groups
        .iter()
        .map(|(keys, help)| format!("{} {}", keys.join("/"), w.t(help)))
        .collect()
}

/// The whole help line: [`help_items`] joined by ` · `.
pub fn help_line(w: Words<'_>) -> String {
    help_items(w).join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> Option<Action> {
        action_for(&KeyEvent::new(code, modifiers))
    }

    #[test]
    fn keys_map_to_actions() {
        assert_eq!(press(KeyCode::Char('c'), NONE), Some(Action::Call));
        assert_eq!(
            press(KeyCode::Char('C'), KeyModifiers::SHIFT),
            Some(Action::Call)
        );
        assert_eq!(press(KeyCode::Enter, NONE), Some(Action::Call));
        assert_eq!(
            press(KeyCode::Char('c'), KeyModifiers::CONTROL),
            Some(Action::Quit)
        );
        assert_eq!(press(KeyCode::Esc, NONE), Some(Action::Quit));
        assert_eq!(press(KeyCode::Char('q'), NONE), Some(Action::Quit));
        assert_eq!(press(KeyCode::Char('s'), KeyModifiers::ALT), None);
        assert_eq!(press(KeyCode::Char('x'), NONE), None);
        let mut release = KeyEvent::new(KeyCode::Char('s'), NONE);
        release.kind = KeyEventKind::Release;
        assert_eq!(action_for(&release), None);
    }

    #[test]
    fn the_help_line_comes_from_the_table() {
        assert_eq!(
            help_line(crate::i18n::english()),
            "↑/↓ select · c/Enter call next · s seen · n no-show · u undo · / find · a add · \
             e edit · d remove · t summary · q/Esc/Ctrl-C quit"
        );
    }

    #[test]
    fn every_action_has_a_key() {
        for action in [
            Action::Up,
            Action::Down,
            Action::Call,
            Action::Seen,
            Action::NoShow,
            Action::Undo,
            Action::Find,
            Action::Add,
            Action::Edit,
            Action::Remove,
            Action::Summary,
            Action::Quit,
        ] {
            assert!(BINDINGS.iter().any(|b| b.action == action), "{action:?}");
        }
    }
}
