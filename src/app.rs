//! The kiosk's state, the messages that change it, and `update`.
//!
//! Nothing here does I/O or reads the clock: the runtime passes the time in
//! with every message, so tests can replay any moment.

use chrono::{DateTime, Duration, DurationRound, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEvent};

use crate::config::Config;
use crate::status::StatusReport;

/// Something that happened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Msg {
    /// The clock reached a moment the app asked to be woken at (or any
    /// later one).
    Tick(DateTime<Utc>),
    Key(KeyEvent),
    Mouse(MouseEvent),
    Paste(String),
    Resize(u16, u16),
    /// SIGTERM or SIGHUP: leave cleanly.
    Shutdown,
}

/// The whole state of the kiosk screen.
#[derive(Clone, Debug)]
pub struct App {
    pub config: Config,
    pub now: DateTime<Utc>,
    pub status: StatusReport,
    /// Development mode: Ctrl-C quits, and the screen says so.
    pub dev: bool,
    pub running: bool,
}

impl App {
    pub fn new(config: Config, now: DateTime<Utc>, dev: bool) -> Self {
        let status = StatusReport::new(&config.schedule, config.kiosk.closing_soon, now);
        Self {
            config,
            now,
            status,
            dev,
            running: true,
        }
    }

    /// Applies `msg`; returns whether anything visible changed.
    pub fn update(&mut self, msg: Msg) -> bool {
        match msg {
            Msg::Tick(now) => self.tick(now),
            Msg::Key(key) => self.key(key),
            Msg::Resize(..) => true,
            Msg::Mouse(_) | Msg::Paste(_) => false,
            Msg::Shutdown => {
                self.running = false;
                false
            }
        }
    }

    fn tick(&mut self, now: DateTime<Utc>) -> bool {
        let minute_changed = minute_of(now) != minute_of(self.now);
        self.now = now;
        let status = StatusReport::new(&self.config.schedule, self.config.kiosk.closing_soon, now);
        let changed = minute_changed || status.open != self.status.open;
        self.status = status;
        changed
    }

    fn key(&mut self, key: KeyEvent) -> bool {
        let ctrl_c =
            key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL);
        if self.dev && ctrl_c && key.kind != KeyEventKind::Release {
            self.running = false;
        }
        false
    }

    /// The next moment something on screen changes by itself: the next
    /// minute on the clock, or the next open/closed change if sooner.
    pub fn next_wake(&self) -> DateTime<Utc> {
        let next_minute = minute_of(self.now) + Duration::minutes(1);
        match self.status.next_change {
            Some(change) if change < next_minute => change,
            _ => next_minute,
        }
    }
}

fn minute_of(t: DateTime<Utc>) -> DateTime<Utc> {
    t.duration_trunc(Duration::minutes(1)).unwrap_or(t)
}
