//! `kiosk staff set-pin`: asks for the new staff PIN twice without showing
//! it, and writes its hash into `kiosk.toml`'s `[staff]` table, leaving the
//! rest of the file exactly as it was.
//!
//! On a terminal the PIN is read with echo off (crossterm's raw mode), one
//! `•` shown per character. When standard input is not a terminal, for
//! provisioning scripts, the PIN is read from it: two lines, the same PIN
//! on each. The PIN is never printed, logged or written anywhere.

use std::io::{self, IsTerminal, Read, Write};
use std::path::Path;

use crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use crossterm::terminal;

use super::exit;
use crate::config::toml_errors::toml_problem;
use crate::config::{ConfigError, io_reason};
use crate::i18n::{english, num};
use crate::staff::atomic::{Mode, write_atomically};
use crate::staff::config_edit::{EditError, with_pin_hash};
use crate::staff::{Pin, PinError, hash_pin};

/// The most characters accepted for one entry, typed or piped.
const MAX_ENTRY: usize = 64;

/// Why the command stopped, and its exit code.
#[derive(Debug)]
pub struct Failure {
    pub code: u8,
    pub message: String,
}

fn failure(code: u8, message: impl Into<String>) -> Failure {
    Failure {
        code,
        message: message.into(),
    }
}

/// Runs the command for the configuration file `config`; returns the exit
/// code after printing what happened.
pub fn main(config: &Path) -> u8 {
    match run(config) {
        Ok(done) => {
            println!("{done}");
            exit::OK
        }
        Err(f) => {
            eprintln!("{}", f.message.trim_end());
            f.code
        }
    }
}

fn run(config: &Path) -> Result<String, Failure> {
    let unreadable = |error| {
        let e = ConfigError::Unreadable {
            path: config.to_path_buf(),
            error,
        };
        failure(exit::INVALID, e.to_string())
    };
    // Write through a symbolic link to the real file, not over the link.
    let path = std::fs::canonicalize(config).map_err(unreadable)?;
    let source = std::fs::read_to_string(&path).map_err(unreadable)?;
    let file = config.display().to_string();
    if let Err(e) = toml::from_str::<toml::Table>(&source) {
        return Err(failure(
            exit::INVALID,
            toml_problem(&file, &source, &e).to_string(),
        ));
    }
    let pin = read_pin()?;
    let hash = hash_pin(&pin).map_err(|e| failure(exit::FAILURE, format!("error: {e}")))?;
    let edited = with_pin_hash(&source, &hash).map_err(|e| match e {
        EditError::NotToml(e) => {
            failure(exit::INVALID, toml_problem(&file, &source, &e).to_string())
        }
        EditError::NoSafePlace => failure(
            exit::FAILURE,
            english().f(
                "set-pin-by-hand",
                &[
                    ("file", file.as_str().into()),
                    ("hash", hash.as_str().into()),
                ],
            ),
        ),
    })?;
    let cannot_write = |e: io::Error| {
        failure(
            exit::FAILURE,
            format!("error: cannot write {file}: {}", io_reason(&e)),
        )
    };
    if std::fs::read_to_string(&path).map_err(cannot_write)? != source {
        return Err(failure(
            exit::FAILURE,
            english().f("set-pin-file-changed", &[("file", file.as_str().into())]),
        ));
    }
    let mode = Mode::of(&path).map_err(cannot_write)?;
    write_atomically(&path, edited.as_bytes(), mode).map_err(cannot_write)?;
    Ok(english().f("set-pin-done", &[("file", file.as_str().into())]))
}

/// The PIN, asked for twice.
fn read_pin() -> Result<Pin, Failure> {
    if io::stdin().is_terminal() {
        let first = ask_hidden(&english().t("set-pin-first"))?;
        let pin = check_entry(&first)?;
        let second = ask_hidden(&english().t("set-pin-again"))?;
        same(pin, &second)
    } else {
        let mut text = String::new();
        io::stdin()
            .take(4 * MAX_ENTRY as u64)
            .read_to_string(&mut text)
            .map_err(|_| failure(exit::INVALID, english().t("set-pin-stdin")))?;
        let mut lines = text.lines();
        let (Some(first), Some(second)) = (lines.next(), lines.next()) else {
            return Err(failure(exit::INVALID, english().t("set-pin-stdin")));
        };
        let pin = check_entry(first)?;
        same(pin, second)
    }
}

fn check_entry(entry: &str) -> Result<Pin, Failure> {
    Pin::parse(entry).map_err(|e| match e {
        PinError::NotDigits => failure(exit::INVALID, english().t("set-pin-not-digits")),
        PinError::WrongLength(n) => failure(
            exit::INVALID,
            english().f("set-pin-length", &[("len", num(n))]),
        ),
    })
}

fn same(pin: Pin, again: &str) -> Result<Pin, Failure> {
    if pin.digits() == again {
        Ok(pin)
    } else {
        Err(failure(exit::INVALID, english().t("set-pin-mismatch")))
    }
}

/// Puts the terminal back when dropped, on every way out.
struct RawMode;

impl RawMode {
    fn enter() -> io::Result<Self> {
        terminal::enable_raw_mode()?;
        Ok(Self)
    }
}

impl Drop for RawMode {
    fn drop(&mut self) {
        let _ = terminal::disable_raw_mode();
    }
}

/// Where prompts go: the terminal itself, so that they show even when
/// standard error is redirected.
fn prompt_output() -> Box<dyn Write> {
    match std::fs::OpenOptions::new().write(true).open("/dev/tty") {
        Ok(tty) => Box::new(tty),
        Err(_) => Box::new(io::stderr()),
    }
}

/// Shows `prompt` and reads one entry with echo off.
fn ask_hidden(prompt: &str) -> Result<String, Failure> {
    let broken = |e: io::Error| {
        failure(
            exit::FAILURE,
            format!("error: cannot read the PIN from the terminal: {e}"),
        )
    };
    let mut out = prompt_output();
    write!(out, "{prompt}")
        .and_then(|()| out.flush())
        .map_err(broken)?;
    let raw = RawMode::enter().map_err(broken)?;
    let mut entry = String::new();
    loop {
        let Event::Key(key) = event::read().map_err(broken)? else {
            continue;
        };
        let shown = match edit_secret(&mut entry, &key) {
            Edit::Typed => "•",
            Edit::Erased => "\u{8} \u{8}",
            Edit::Ignored => continue,
            Edit::Submit => break,
            Edit::Cancel => {
                drop(raw);
                let _ = write!(out, "\r\n");
                return Err(failure(exit::FAILURE, english().t("set-pin-cancelled")));
            }
        };
        write!(out, "{shown}")
            .and_then(|()| out.flush())
            .map_err(broken)?;
    }
    drop(raw);
    let _ = write!(out, "\r\n");
    Ok(entry)
}

/// What one key did to a hidden entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Edit {
    Typed,
    Erased,
    Ignored,
    Submit,
    Cancel,
}

/// Applies `key` to `entry`. Any printable character is taken (the entry
/// is checked after Enter, so a letter is reported rather than dropped);
/// Esc, Ctrl-C and Ctrl-D cancel.
fn edit_secret(entry: &mut String, key: &KeyEvent) -> Edit {
    if key.kind == KeyEventKind::Release {
        return Edit::Ignored;
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    match key.code {
        KeyCode::Enter => Edit::Submit,
        KeyCode::Esc => Edit::Cancel,
        KeyCode::Char('c' | 'd') if ctrl => Edit::Cancel,
        KeyCode::Backspace => match entry.pop() {
            Some(_) => Edit::Erased,
            None => Edit::Ignored,
        },
        KeyCode::Char(c) if !ctrl && !c.is_control() && entry.chars().count() < MAX_ENTRY => {
            entry.push(c);
            Edit::Typed
        }
        _ => Edit::Ignored,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(entry: &mut String, codes: &[KeyCode]) -> Vec<Edit> {
        codes
            .iter()
            .map(|&code| edit_secret(entry, &KeyEvent::new(code, KeyModifiers::NONE)))
            .collect()
    }

    #[test]
    fn a_hidden_entry_is_typed_erased_and_submitted() {
        let mut entry = String::new();
        let edits = keys(
            &mut entry,
            &[
                KeyCode::Backspace,
                KeyCode::Char('7'),
                KeyCode::Char('x'),
                KeyCode::Backspace,
                KeyCode::Char('3'),
                KeyCode::Left,
                KeyCode::Enter,
            ],
        );
        use Edit::*;
        assert_eq!(
            edits,
            [Ignored, Typed, Typed, Erased, Typed, Ignored, Submit]
        );
        assert_eq!(entry, "73");
    }

    #[test]
    fn escape_and_ctrl_c_cancel() {
        let mut entry = String::new();
        assert_eq!(keys(&mut entry, &[KeyCode::Esc]), [Edit::Cancel]);
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(edit_secret(&mut entry, &ctrl_c), Edit::Cancel);
    }

    #[test]
    fn entries_are_capped() {
        let mut entry = String::new();
        let many = vec![KeyCode::Char('1'); MAX_ENTRY + 5];
        keys(&mut entry, &many);
        assert_eq!(entry.len(), MAX_ENTRY);
    }

    #[test]
    fn entries_are_checked_then_compared() {
        let code = |r: Result<Pin, Failure>| r.map_err(|f| (f.code, f.message)).map(|_| ());
        assert_eq!(code(check_entry("7391")), Ok(()));
        assert_eq!(
            code(check_entry("12a45")),
            Err((exit::INVALID, english().t("set-pin-not-digits")))
        );
        assert_eq!(
            code(check_entry("123")),
            Err((
                exit::INVALID,
                english().f("set-pin-length", &[("len", num(3))])
            ))
        );
        let Ok(pin) = Pin::parse("73915") else { return };
        assert_eq!(
            code(same(pin.clone(), "73951")),
            Err((exit::INVALID, english().t("set-pin-mismatch")))
        );
        assert_eq!(code(same(pin, "73915")), Ok(()));
    }
}
