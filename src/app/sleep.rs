//! The screen asleep outside opening hours (`[kiosk] screen_sleep`): when
//! the schedule says so ([`crate::sleep`]) and only on the slides screen, so
//! a check-in, a confirmation or the staff screen in progress is never cut.
//! A key or touch while asleep wakes it for [`WAKE`], showing the sign and
//! when the clinic opens; that key or touch does nothing else.

use chrono::{DateTime, Duration, Utc};

use super::{App, Screen};

/// How long a key or touch wakes a sleeping screen.
pub const WAKE: Duration = Duration::minutes(1);

/// What a sleeping screen shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SleepLook {
    /// Nothing: the terminal itself goes dark (the Linux console blanks
    /// and powers the display down, see the runtime).
    Dark,
    /// Black, with a small clock that moves now and then so that nothing
    /// stays lit in one place.
    #[default]
    Clock,
}

/// The schedule's answer, kept from the last tick.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct SleepNow {
    pub asleep: bool,
    pub next_change: Option<DateTime<Utc>>,
}

impl App {
    /// Asks the schedule again; called with every tick.
    pub(super) fn refresh_sleep(&mut self) {
        self.sleep = match &self.config.kiosk.screen_sleep {
            Some(rule) => {
                let schedule = &self.config.schedule;
                SleepNow {
                    asleep: crate::sleep::asleep_at(schedule, rule, self.now),
                    next_change: crate::sleep::next_change(schedule, rule, self.now),
                }
            }
            None => SleepNow::default(),
        };
        if self.woken_until.is_some_and(|t| self.now >= t) || !self.sleep.asleep {
            self.woken_until = None;
        }
    }

    /// Whether the screen is asleep now.
    pub fn screen_asleep(&self) -> bool {
        self.sleep.asleep
            && self.woken_until.is_none()
            && matches!(self.screen, Screen::Slides)
            && self.banner.is_none()
    }

    /// A key or touch while asleep: wakes the screen and is used up.
    /// Returns whether it was.
    pub(super) fn wake(&mut self) -> bool {
        if !self.screen_asleep() {
            return false;
        }
        self.woken_until = Some(self.now + WAKE);
        // The slideshow goes on from where it was, with a full page.
        self.show.hold(self.now);
        true
    }

    /// When sleep next changes something on screen.
    pub(super) fn next_sleep_wake(&self) -> Option<DateTime<Utc>> {
        [self.sleep.next_change, self.woken_until]
            .into_iter()
            .flatten()
            .min()
    }
}
