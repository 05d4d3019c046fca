//! The desk's thin shell: the terminal, keys, signals, the clock and the
//! database. It asks the database every half second whether anything
//! changed (`PRAGMA data_version`, one read of shared memory), reads the
//! list again only when it did, and draws only when the desk says something
//! on screen changed; otherwise it sleeps until the next poll or the next
//! minute.

use std::io::{self, Write};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread;
use std::time::{Duration, Instant, SystemTime};

use chrono::NaiveDate;
use chrono_tz::Tz;
use crossterm::event::{self, Event};
use ratatui::DefaultTerminal;
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::Signals;

use super::{Change, Desk, Msg, Outcome, RecordChange};
use crate::clock::Clock;
use crate::config::Config;
use crate::store::Checkins;

/// How often the database is asked whether anything changed.
pub const POLL_EVERY: Duration = Duration::from_millis(500);
/// A little past each wake-up time, so a tick never lands just before it.
const WAKE_SLACK: Duration = Duration::from_millis(2);
/// The terminal bell: the one byte the desk writes itself.
const BELL: &[u8] = b"\x07";

/// Runs the desk until staff quit it (q, Esc, Ctrl-C) or a signal (SIGTERM,
/// SIGHUP, SIGINT) ends it. The terminal is put back on every way out;
/// ratatui's panic hook restores it on a panic.
pub fn run(config: &Config, mut store: Box<dyn Checkins>, clock: Clock) -> io::Result<()> {
    store.name_actor(&super::station(
        config,
        &crate::i18n::english().t("role-desk"),
    ));
    let (tx, rx) = mpsc::channel();
    listen_for_signals(tx.clone())?;
    let mut terminal = ratatui::try_init()?;
    listen_for_input(tx);
    if super::require_pin(config) && !super::pin_gate::ask(&mut terminal, &rx, config, &clock)? {
        ratatui::restore();
        return Ok(());
    }
    let desk = Desk::new(config, clock.now()).with_catalog(std::sync::Arc::new(config.catalog()));
    let mut shell = Shell {
        store,
        tz: config.schedule.tz,
        clock,
        stamp: None,
        day: NaiveDate::MIN,
        next_poll: Instant::now() + POLL_EVERY,
        config: config.clone(),
        config_stamp: file_stamp(&config.path),
    };
    let result = event_loop(&mut terminal, desk, &mut shell, &rx);
    ratatui::restore();
    let _ = io::stdout().flush();
    result
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    mut desk: Desk,
    shell: &mut Shell,
    rx: &Receiver<Msg>,
) -> io::Result<()> {
    let mut todo = Outcome::default();
    for msg in shell.load() {
        merge(&mut todo, apply(&mut desk, shell, msg));
    }
    todo.redraw = true;
    let palette = crate::ui::console::Palette::from_term(std::env::var("TERM").ok().as_deref());
    while desk.running {
        if todo.redraw {
            terminal.draw(|frame| {
                frame.render_widget(&desk, frame.area());
                palette.adapt(frame.buffer_mut());
            })?;
        }
        if todo.bell {
            let mut out = io::stdout().lock();
            out.write_all(BELL)?;
            out.flush()?;
        }
        let until_wake = shell.clock.real_until(desk.next_wake()) + WAKE_SLACK;
        let until_poll = shell.next_poll.saturating_duration_since(Instant::now());
        todo = Outcome::default();
        let msg = match rx.recv_timeout(until_wake.min(until_poll)) {
            Ok(msg) => {
                merge(&mut todo, desk.update(Msg::Tick(shell.clock.now())));
                msg
            }
            Err(RecvTimeoutError::Timeout) if until_poll <= until_wake => {
                let mut msgs = shell.poll();
                let Some(last) = msgs.pop() else {
                    continue;
                };
                for msg in msgs {
                    merge(&mut todo, apply(&mut desk, shell, msg));
                }
                last
            }
            Err(RecvTimeoutError::Timeout) => Msg::Tick(shell.clock.now()),
            Err(RecvTimeoutError::Disconnected) => Msg::Shutdown,
        };
        merge(&mut todo, apply(&mut desk, shell, msg));
        // Take whatever else has arrived before drawing once for all of it.
        while let Ok(msg) = rx.try_recv() {
            merge(&mut todo, apply(&mut desk, shell, msg));
        }
    }
    Ok(())
}

/// Passes `msg` to the desk and, if it asks for a change to be saved, saves
/// it, tells the desk how that went and reads the list again.
fn apply(desk: &mut Desk, shell: &mut Shell, msg: Msg) -> Outcome {
    let mut outcome = desk.update(msg);
    let answer = if let Some(change) = outcome.save.take() {
        let result = shell.save(&change);
        Some(Msg::Saved { change, result })
    } else if let Some(change) = outcome.record.take() {
        let result = shell.record(&change);
        Some(Msg::Recorded { change, result })
    } else {
        None
    };
    if let Some(answer) = answer {
        let saved = desk.update(answer);
        merge(&mut outcome, saved);
        for reloaded in shell.load() {
            let loaded = desk.update(reloaded);
            merge(&mut outcome, loaded);
        }
    }
    outcome
}

fn merge(into: &mut Outcome, other: Outcome) {
    into.redraw |= other.redraw;
    into.bell |= other.bell;
    if other.save.is_some() {
        into.save = other.save;
    }
    if other.record.is_some() {
        into.record = other.record;
    }
}

/// The desk's hold on the database and the clock.
struct Shell {
    store: Box<dyn Checkins>,
    tz: Tz,
    clock: Clock,
    /// The change stamp when the list was last read (`None`: read again).
    stamp: Option<i64>,
    /// The clinic-zone day last listed.
    day: NaiveDate,
    next_poll: Instant,
    /// The settings in use, and the size and time of `kiosk.toml` when
    /// they were read.
    config: Config,
    config_stamp: Option<(u64, Option<SystemTime>)>,
}

impl Shell {
    /// Today's list again if the database changed or the day turned;
    /// otherwise nothing.
    fn poll(&mut self) -> Vec<Msg> {
        self.next_poll = Instant::now() + POLL_EVERY;
        if let Some(settings) = self.reload_settings() {
            return vec![settings];
        }
        let stamp = self.store.change_stamp().ok();
        let day = self.clock.now().with_timezone(&self.tz).date_naive();
        if stamp.is_some() && stamp == self.stamp && day == self.day {
            return Vec::new();
        }
        self.load()
    }

    /// Reads today's check-ins. The stamp is taken first, so a change made
    /// while reading is read again at the next poll rather than missed.
    /// With the list, how many of the day's check-ins were removed.
    fn load(&mut self) -> Vec<Msg> {
        let at = self.clock.now();
        self.day = at.with_timezone(&self.tz).date_naive();
        self.stamp = self.store.change_stamp().ok();
        let removed = self.store.removed(self.day).map(|r| r.len());
        match (self.store.list(self.day), removed) {
            (Ok(records), Ok(removed)) => {
                vec![Msg::RemovedCount(removed), Msg::Loaded { records, at }]
            }
            (Err(e), _) | (_, Err(e)) => {
                self.stamp = None;
                vec![Msg::LoadFailed(e.to_string())]
            }
        }
    }

    /// `kiosk.toml` again, when it changed and reads cleanly: the time zone
    /// and name apply at once (to the list too: the day is read again);
    /// the database stays the one opened at start.
    fn reload_settings(&mut self) -> Option<Msg> {
        let stamp = file_stamp(&self.config.path);
        if stamp == self.config_stamp {
            return None;
        }
        self.config_stamp = stamp;
        let mut new = Config::load(&self.config.path).ok()?;
        let restart = self.config.keep_for_restart(&mut new);
        self.tz = new.schedule.tz;
        self.stamp = None;
        let msg = Msg::Settings {
            clinic: new.clinic.name.clone(),
            tz: new.schedule.tz,
            restart,
        };
        self.config = new;
        Some(msg)
    }

    fn save(&mut self, change: &Change) -> Result<bool, String> {
        let made = (self.clock.now(), change.undo);
        self.store
            .change_status(change.id, change.expected, change.new, made)
            .map_err(|e| e.to_string())
    }

    fn record(&mut self, change: &RecordChange) -> Result<super::Answer, String> {
        let window =
            chrono::Duration::from_std(self.config.checkin.duplicate_window).unwrap_or_default();
        super::record_ops::apply(self.store.as_mut(), change, window)
    }
}

/// The size and modification time of a file, to notice it was saved.
fn file_stamp(path: &std::path::Path) -> Option<(u64, Option<SystemTime>)> {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.len(), meta.modified().ok()))
}

fn listen_for_input(tx: Sender<Msg>) {
    thread::spawn(move || {
        loop {
            let msg = match event::read() {
                Ok(Event::Key(key)) => Msg::Key(key),
                Ok(Event::Resize(w, h)) => Msg::Resize(w, h),
                Ok(_) => continue,
                Err(_) => Msg::Shutdown,
            };
            let stop = msg == Msg::Shutdown;
            if tx.send(msg).is_err() || stop {
                return;
            }
        }
    });
}

/// SIGTERM, SIGHUP and SIGINT end the desk cleanly (in raw mode Ctrl-C
/// arrives as a key, handled by the desk itself).
fn listen_for_signals(tx: Sender<Msg>) -> io::Result<()> {
    let mut signals = Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    thread::spawn(move || {
        for _ in signals.forever() {
            if tx.send(Msg::Shutdown).is_err() {
                return;
            }
        }
    });
    Ok(())
}
