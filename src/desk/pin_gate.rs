//! `desk_pin = true`: the desk asks for the staff PIN before it shows any
//! name. Wrong PINs count towards the same lock as the kiosk's: the lock
//! file, read again before every attempt.

use std::io;
use std::sync::mpsc::{Receiver, RecvTimeoutError};

use ratatui::DefaultTerminal;

use super::Msg;
use crate::clock::Clock;
use crate::config::Config;
use crate::staff::{Attempt, PinPrompt, PromptEvent, SharedLock, verify};
use crate::ui::{PinPromptView, StaffNote};

/// Asks for the PIN until it is right (true), or staff give up, the prompt
/// times out or a signal arrives (false).
pub fn ask(
    terminal: &mut DefaultTerminal,
    rx: &Receiver<Msg>,
    config: &Config,
    clock: &Clock,
) -> io::Result<bool> {
    let Some(hash) = config.staff.pin_hash.as_deref() else {
        return Ok(false);
    };
    let path = &config.staff.lock_file;
    let mut lock = SharedLock::default();
    let lockout = lock.read(path, clock.now());
    let mut prompt = PinPrompt::new(clock.now());
    let mut note = lockout
        .locked_until
        .filter(|_| lockout.is_locked(clock.now()))
        .map(|until| StaffNote::locked(until, config.schedule.tz));
    let palette = crate::ui::console::Palette::from_term(std::env::var("TERM").ok().as_deref());
    let catalog = config.catalog();
    loop {
        terminal.draw(|f| {
            let view = PinPromptView {
                prompt: &prompt,
                note: note.clone(),
                words: catalog.words(&config.kiosk.staff_language),
            };
            f.render_widget(view, f.area());
            palette.adapt(f.buffer_mut());
        })?;
        let wait = clock.real_until(prompt.deadline());
        let key = match rx.recv_timeout(wait) {
            Ok(Msg::Key(key)) => key,
            Ok(Msg::Shutdown) | Err(RecvTimeoutError::Disconnected) => return Ok(false),
            Ok(_) => continue,
            Err(RecvTimeoutError::Timeout) => return Ok(false),
        };
        let now = clock.now();
        match prompt.key(key, now) {
            PromptEvent::Cancel => return Ok(false),
            PromptEvent::TooShort => note = Some(StaffNote::TooShort),
            PromptEvent::Submit(pin) => {
                // The lock file is read again, and written, under a file
                // lock: the kiosk may have counted wrong PINs meanwhile.
                let (attempt, _) = lock.try_pin(path, now, || verify(pin.digits(), hash));
                note = match attempt {
                    Attempt::Accepted => return Ok(true),
                    Attempt::Rejected { left } => Some(StaffNote::WrongPin { left }),
                    Attempt::Locked { until } => Some(StaffNote::locked(until, config.schedule.tz)),
                };
            }
            PromptEvent::Changed | PromptEvent::Ignored => {}
        }
    }
}
