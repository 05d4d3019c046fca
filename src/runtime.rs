//! The thin shell around the app: the terminal, input, signals and the
//! clock. It draws only when something visible changed, and otherwise sleeps
//! until the next moment the screen has to change by itself.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread;
use std::time::{Duration, Instant, SystemTime};

use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event,
};
use crossterm::execute;
use ratatui::DefaultTerminal;
use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};
use signal_hook::iterator::Signals;

use crate::app::{App, Msg};
use crate::clock::Clock;
use crate::config::{Config, ConfigError};
use crate::diagnostic::Diagnostic;
use crate::slides::{ContentWatcher, load_deck};

/// A little past each wake-up time, so a tick never lands just before it.
const WAKE_SLACK: Duration = Duration::from_millis(2);
/// How often the slide folder and `kiosk.toml` are checked for edits.
const POLL_EVERY: Duration = Duration::from_secs(2);

pub struct RunOptions {
    pub clock: Clock,
    pub dev: bool,
}

/// Runs the full-screen kiosk until it is told to stop. The terminal is put
/// back on every way out, panics included.
pub fn run(config: Config, options: RunOptions) -> io::Result<()> {
    let (tx, rx) = mpsc::channel();
    listen_for_signals(tx.clone(), options.dev)?;
    install_panic_hook();
    let mut terminal = ratatui::try_init()?;
    let result = execute!(io::stdout(), EnableMouseCapture, EnableBracketedPaste).and_then(|()| {
        listen_for_input(tx);
        let size = terminal.size()?;
        let watch = Watch::new(&config);
        let deck = load_deck(&config.kiosk.content_dir);
        let app = App::new(config, options.clock.now(), options.dev)
            .with_deck(deck)
            .with_size(size.width, size.height);
        event_loop(&mut terminal, app, &options.clock, &rx, watch)
    });
    leave_terminal();
    result
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    mut app: App,
    clock: &Clock,
    rx: &Receiver<Msg>,
    mut watch: Watch,
) -> io::Result<()> {
    let mut dirty = true;
    while app.running {
        if dirty {
            terminal.draw(|frame| frame.render_widget(&app, frame.area()))?;
            dirty = false;
        }
        let until_wake = clock.real_until(app.next_wake()) + WAKE_SLACK;
        let until_poll = watch.next_poll.saturating_duration_since(Instant::now());
        let msg = match rx.recv_timeout(until_wake.min(until_poll)) {
            Ok(msg) => msg,
            Err(RecvTimeoutError::Timeout) if until_poll < until_wake => {
                match watch.poll(&app.config) {
                    Some(msg) => msg,
                    None => continue,
                }
            }
            Err(RecvTimeoutError::Timeout) => Msg::Tick(clock.now()),
            Err(RecvTimeoutError::Disconnected) => Msg::Shutdown,
        };
        dirty |= app.update(msg);
        // Take whatever else has arrived before drawing once for all of it.
        while let Ok(msg) = rx.try_recv() {
            dirty |= app.update(msg);
        }
    }
    Ok(())
}

/// Watching the files staff edit: the slide folder and `kiosk.toml`.
struct Watch {
    content: ContentWatcher,
    content_dir: PathBuf,
    config_path: PathBuf,
    config_stamp: Option<(u64, Option<SystemTime>)>,
    next_poll: Instant,
}

impl Watch {
    fn new(config: &Config) -> Self {
        Self {
            content: ContentWatcher::new(&config.kiosk.content_dir),
            content_dir: config.kiosk.content_dir.clone(),
            config_path: config.path.clone(),
            config_stamp: stamp(&config.path),
            next_poll: Instant::now() + POLL_EVERY,
        }
    }

    /// Looks for edits; returns what was read again, if anything changed.
    fn poll(&mut self, config: &Config) -> Option<Msg> {
        self.next_poll = Instant::now() + POLL_EVERY;
        if config.kiosk.content_dir != self.content_dir {
            self.content = ContentWatcher::new(&config.kiosk.content_dir);
            self.content_dir = config.kiosk.content_dir.clone();
            return Some(Msg::DeckLoaded(load_deck(&self.content_dir)));
        }
        let now = stamp(&self.config_path);
        if now != self.config_stamp {
            self.config_stamp = now;
            let loaded = match Config::load(&self.config_path) {
                Ok(config) => Ok(Box::new(config)),
                Err(ConfigError::Invalid(problems)) => Err(problems),
                Err(e @ ConfigError::Unreadable { .. }) => Err(vec![Diagnostic::whole_file(
                    &self.config_path.display().to_string(),
                    e.to_string(),
                )]),
            };
            return Some(Msg::ConfigLoaded(loaded));
        }
        self.content
            .changed()
            .then(|| Msg::DeckLoaded(load_deck(&self.content_dir)))
    }
}

/// A file's size and modification time, to notice edits.
fn stamp(path: &Path) -> Option<(u64, Option<SystemTime>)> {
    std::fs::metadata(path)
        .ok()
        .map(|m| (m.len(), m.modified().ok()))
}

fn listen_for_input(tx: Sender<Msg>) {
    thread::spawn(move || {
        loop {
            let msg = match event::read() {
                Ok(Event::Key(key)) => Msg::Key(key),
                Ok(Event::Mouse(mouse)) => Msg::Mouse(mouse),
                Ok(Event::Paste(text)) => Msg::Paste(text),
                Ok(Event::Resize(w, h)) => Msg::Resize(w, h),
                Ok(Event::FocusGained | Event::FocusLost) => continue,
                Err(_) => Msg::Shutdown,
            };
            let stop = msg == Msg::Shutdown;
            if tx.send(msg).is_err() || stop {
                return;
            }
        }
    });
}

/// SIGTERM and SIGHUP end the kiosk cleanly. SIGINT, SIGQUIT and SIGTSTP are
/// caught so that nobody at the keyboard can stop it; in development mode
/// SIGINT ends it too.
fn listen_for_signals(tx: Sender<Msg>, dev: bool) -> io::Result<()> {
    let mut signals = Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGTSTP])?;
    thread::spawn(move || {
        for signal in signals.forever() {
            let quit = matches!(signal, SIGTERM | SIGHUP) || (dev && signal == SIGINT);
            if quit && tx.send(Msg::Shutdown).is_err() {
                return;
            }
        }
    });
    Ok(())
}

/// Mouse reporting and bracketed paste are switched off before ratatui's own
/// hook restores the rest, so a crash never leaves the terminal odd.
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(io::stdout(), DisableMouseCapture, DisableBracketedPaste);
        previous(info);
    }));
}

fn leave_terminal() {
    let _ = execute!(io::stdout(), DisableMouseCapture, DisableBracketedPaste);
    ratatui::restore();
    let _ = io::stdout().flush();
}
