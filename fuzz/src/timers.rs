//! How long screens that close by themselves stay up, counted in the time
//! the app has seen pass: its clock moving forward counts, the system clock
//! being set back does not. A check-in form left alone must be cleared
//! within `idle_timeout`, a confirmation within its few seconds, the PIN
//! prompt and the staff screen (with patients' names) within their idle
//! times, and a touch holds the slides for `PAUSE` only.

use chrono::{DateTime, Duration, Utc};
use kiosk::app::{App, CONFIRMATION, FAILURE, STAFF_IDLE, Screen};
use kiosk::slideshow::PAUSE;
use kiosk::staff::prompt::PROMPT_IDLE;

/// Ticks land a little after the moment asked for.
const SLACK: Duration = Duration::seconds(1);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Slides,
    Paused,
    CheckIn,
    Saving,
    Done,
    Pin,
    Staff,
}

#[derive(Default)]
pub struct Timers {
    /// The app's clock when last looked at.
    seen: Option<DateTime<Utc>>,
    /// Time the app has seen pass since the script began.
    real: Duration,
    /// `real` at the last key, click or paste (any of them may restart a
    /// timer; counting all of them only makes the check looser).
    last_input: Duration,
    /// What showed after the last event, and since when.
    shown: Option<(Kind, Duration)>,
}

impl Timers {
    /// Counts the time the app's clock moved forward since last looked at.
    pub fn sync(&mut self, app: &App) {
        if let Some(seen) = self.seen {
            self.real += (app.now - seen).max(Duration::zero());
        }
        self.seen = Some(app.now);
    }

    /// Input is about to reach the app.
    pub fn input(&mut self, app: &App) {
        self.sync(app);
        self.last_input = self.real;
    }

    /// Notes what shows after an event; `ticked` says the app was just
    /// ticked, so anything whose time is up must be gone.
    pub fn check(&mut self, app: &App, ticked: bool) {
        self.sync(app);
        let kind = kind(app);
        let since = match self.shown {
            Some((shown, since)) if shown == kind => since,
            _ => self.real,
        };
        self.shown = Some((kind, since));
        let Some(limit) = limit(app, kind) else {
            return;
        };
        let up = self.real - since.max(self.last_input);
        assert!(
            !ticked || up <= limit + SLACK,
            "{kind:?} has been up for {} s with nobody touching it; it must go after {} s \
             (the kiosk's clock reads {})",
            up.num_seconds(),
            limit.num_seconds(),
            app.now,
        );
    }
}

fn kind(app: &App) -> Kind {
    match app.screen {
        Screen::Slides if app.show.is_paused(app.now) => Kind::Paused,
        Screen::Slides => Kind::Slides,
        Screen::CheckIn(_) => Kind::CheckIn,
        Screen::Saving => Kind::Saving,
        Screen::Done { .. } => Kind::Done,
        Screen::Pin { .. } => Kind::Pin,
        Screen::Staff(_) => Kind::Staff,
    }
}

/// The longest `kind` may stay up untouched.
fn limit(app: &App, kind: Kind) -> Option<Duration> {
    match kind {
        Kind::Slides | Kind::Saving => None,
        Kind::Paused => Some(PAUSE),
        Kind::CheckIn => Duration::from_std(app.config.checkin.idle_timeout).ok(),
        Kind::Done => Some(CONFIRMATION.max(FAILURE)),
        Kind::Pin => Some(PROMPT_IDLE),
        Kind::Staff => Some(STAFF_IDLE),
    }
}
