//! Taking the terminal over and giving it back. Everything the kiosk draws
//! goes through [`Output`], so a stopped terminal never holds up the loop;
//! giving the terminal back waits for it only a moment.

use std::io::{self, Write};
use std::time::Duration;

use crossterm::cursor::Show;
use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use crossterm::{execute, queue};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use super::output::{Control, Output};
use crate::ui::console::Palette;

/// The kiosk's terminal: ratatui drawing into [`Output`].
pub type KioskTerminal = Terminal<CrosstermBackend<Output>>;

/// How long leaving waits for the terminal to take what is still queued,
/// at each of its two steps. A stopped terminal is then left as it is.
const LEAVE_WAIT: Duration = Duration::from_secs(1);

/// The colours of the screen drawn on: the Linux console's when `TERM` is
/// `linux` (as the kiosk's unit sets it), a terminal emulator's otherwise.
pub fn palette() -> Palette {
    Palette::from_term(std::env::var("TERM").ok().as_deref())
}

/// Raw mode and the alternate screen, drawn through [`Output`]; with the
/// handle that watches it.
pub fn enter() -> io::Result<(KioskTerminal, Control)> {
    let mut out = Output::to_terminal()?;
    let control = out.control();
    enable_raw_mode()?;
    queue!(out, EnterAlternateScreen)?;
    out.flush()?;
    Ok((Terminal::new(CrosstermBackend::new(out))?, control))
}

/// Mouse (and touch) reports and bracketed paste.
pub fn enable_input(terminal: &mut KioskTerminal) -> io::Result<()> {
    let out = terminal.backend_mut();
    queue!(out, EnableMouseCapture, EnableBracketedPaste)?;
    out.flush()
}

/// Whether the terminal is the Linux text console, whose blanking the
/// kiosk can control with escape sequences.
pub fn is_linux_console() -> bool {
    std::env::var("TERM").is_ok_and(|t| t == "linux" || t.starts_with("linux-"))
}

/// The Linux console's own sleep, set with its private escape sequences
/// (`man 4 console_codes`), which need no privileges and no `ioctl`:
/// `ESC [ 9 ; n ]` blanks the screen after `n` minutes without a key (0:
/// never; setting it also unblanks the screen at once) and `ESC [ 14 ; n ]`
/// powers the display down `n` minutes after that, where the system has
/// VESA power-down turned on. Asleep: blank after a minute, power down a
/// minute later. Awake (and when the kiosk stops): both off, as the kernel
/// starts.
pub fn console_sleep(terminal: &mut KioskTerminal, asleep: bool) {
    let codes: &[u8] = if asleep {
        b"\x1b[9;1]\x1b[14;1]"
    } else {
        b"\x1b[9;0]\x1b[14;0]"
    };
    let out = terminal.backend_mut();
    if out.write_all(codes).and_then(|()| out.flush()).is_err() {
        tracing::warn!("the console's blanking could not be set");
    }
}

/// Puts the terminal back as it was, waiting at most a moment for a
/// terminal whose output is stopped.
pub fn leave(terminal: &mut KioskTerminal, control: &Control) {
    let _ = terminal.show_cursor();
    let out = terminal.backend_mut();
    let _ = queue!(out, DisableMouseCapture, DisableBracketedPaste);
    let _ = out.flush();
    let drained = control.drain(LEAVE_WAIT);
    let _ = disable_raw_mode();
    let _ = queue!(out, LeaveAlternateScreen);
    let _ = out.flush();
    if !(drained && control.drain(LEAVE_WAIT)) {
        tracing::warn!("the terminal's output is stopped; leaving it without restoring the screen");
    }
}

/// On a panic the terminal is put back (straight to standard output: the
/// program is ending) before the message is printed.
pub fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(io::stdout(), DisableMouseCapture, DisableBracketedPaste);
        let _ = disable_raw_mode();
        let _ = execute!(io::stdout(), LeaveAlternateScreen, Show);
        previous(info);
    }));
}
