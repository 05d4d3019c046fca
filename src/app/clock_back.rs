//! The system clock set back while the kiosk runs (a time server's
//! correction, or someone fixing the date). Each running timer keeps the
//! time it has already run; otherwise it would wait for the clock to catch
//! up, keeping a check-in form, a confirmation or the staff screen up, or
//! the slideshow still, for as long as the clock went back.

use chrono::{DateTime, Duration, Utc};

use super::{App, Screen};

impl App {
    /// The clock now reads `by` earlier than before: moves the start of
    /// each running timer back as much.
    pub(super) fn clock_set_back(&mut self, by: Duration) {
        let back = |t: DateTime<Utc>| t.checked_sub_signed(by).unwrap_or(t);
        self.show.page_started = back(self.show.page_started);
        self.not_open_until = self.not_open_until.map(back);
        self.woken_until = self.woken_until.map(back);
        match &mut self.screen {
            Screen::CheckIn(form) => form.clock_set_back(by),
            Screen::Done { until, since, .. } => {
                *until = back(*until);
                *since = back(*since);
            }
            Screen::Pin { prompt, .. } => prompt.last_input = back(prompt.last_input),
            Screen::Staff(staff) => staff.last_input = back(staff.last_input),
            Screen::Slides | Screen::Saving => {}
        }
    }
}
