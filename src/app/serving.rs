//! The number being served: a new number flashes for a few seconds, and
//! rings the terminal bell when the clinic asks for it (`chime = true`).
//! Only ever a number, never a name.

use chrono::{DateTime, Duration, Utc};

use super::{App, Effect};

/// How long a newly called number flashes.
pub const FLASH: Duration = Duration::seconds(6);

impl App {
    /// The front desk called `ticket` (or nobody, `None`).
    pub(super) fn now_serving_changed(&mut self, ticket: Option<u32>) -> bool {
        let ticket = ticket.filter(|_| self.config.kiosk.now_serving);
        if ticket == self.now_serving {
            return false;
        }
        // The first number heard at start is not news: it was called
        // before the kiosk started.
        let news = ticket.is_some() && self.serving_heard;
        self.serving_heard = true;
        self.now_serving = ticket;
        if news {
            self.serving_flash_until = Some(self.now + FLASH);
            if self.config.kiosk.chime {
                self.effects.push(Effect::Chime);
            }
        } else {
            self.serving_flash_until = None;
        }
        true
    }

    /// Whether the number being served is flashing now.
    pub fn serving_flash(&self) -> bool {
        self.serving_flash_until
            .is_some_and(|until| self.now < until)
    }

    /// When the flash ends, if it is on.
    pub(super) fn next_serving_wake(&self) -> Option<DateTime<Utc>> {
        self.serving_flash_until.filter(|until| *until > self.now)
    }
}
