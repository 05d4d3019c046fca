//! The thin shell around the app: the terminal, input, signals and the
//! clock. It draws only when something visible changed, and otherwise sleeps
//! until the next moment the screen has to change by itself.

use std::io;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread;
use std::time::{Duration, Instant};

use crossterm::event::{self, Event};
use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};
use signal_hook::iterator::Signals;

mod checkins;
pub mod fallback;
mod log;
mod notices;
mod notify;
mod output;
mod terminal;
mod watch;

use checkins::Keeper;
use output::Control;
use terminal::KioskTerminal;
use watch::Watch;

use chrono::{DateTime, Utc};

use crate::app::{App, Effect, Msg, SleepLook};
use crate::clock::Clock;
use crate::config::Config;
use crate::slides::load_deck;
use crate::staff::{SharedLock, verify};

/// A little past each wake-up time, so a tick never lands just before it.
const WAKE_SLACK: Duration = Duration::from_millis(2);

pub struct RunOptions {
    pub clock: Clock,
    pub dev: bool,
    /// Set when `kiosk.toml` did not load and the kiosk runs on its last
    /// good copy: what is wrong with the file, and when the copy was saved.
    pub on_last_good: Option<(Vec<crate::diagnostic::Diagnostic>, String)>,
}

/// Runs the full-screen kiosk until it is told to stop. The terminal is put
/// back on every way out, panics included.
pub fn run(config: Config, options: RunOptions) -> io::Result<()> {
    let log_problem = log::start(&config.kiosk.log_dir);
    tracing::info!(
        "kiosk {} starting with {}",
        env!("CARGO_PKG_VERSION"),
        config.path.display()
    );
    let (tx, rx) = mpsc::channel();
    listen_for_signals(tx.clone(), options.dev)?;
    terminal::install_panic_hook();
    let (mut terminal, output) = terminal::enter()?;
    let result = terminal::enable_input(&mut terminal).and_then(|()| {
        let answers = tx.clone();
        listen_for_input(tx.clone());
        let size = terminal.size()?;
        let watch = Watch::new(&config, tx);
        let mut keeper = Keeper::open(&config);
        keeper.answer_to(answers);
        let deck = fallback::deck_with_copies(&config, load_deck(&config.kiosk.content_dir));
        let console = terminal::is_linux_console();
        let look = if console {
            SleepLook::Dark
        } else {
            SleepLook::Clock
        };
        let mut app = App::new(config, options.clock.now(), options.dev)
            .with_deck(deck)
            .with_size(size.width, size.height)
            .with_sleep_look(look);
        load_messages(&mut app);
        fallback::at_start(&mut app, options.on_last_good);
        app.problems.store = keeper.problem();
        let mut lock = SharedLock::default();
        app.lockout = lock.read(&app.config.staff.lock_file, app.now);
        app.problems.log = log_problem;
        let mut heartbeat = log::Heartbeat::new(&app.config.kiosk.heartbeat);
        heartbeat.beat(options.clock.now());
        for problem in &app.problems.content {
            tracing::warn!("{problem}");
        }
        let io = Io {
            clock: &options.clock,
            rx: &rx,
            watch,
            keeper,
            heartbeat,
            lock,
            output: &output,
            console,
        };
        event_loop(&mut terminal, app, io)
    });
    terminal::leave(&mut terminal, &output);
    tracing::info!("kiosk stopped");
    result
}

/// Everything the loop reads from or writes to, besides the terminal.
struct Io<'a> {
    clock: &'a Clock,
    rx: &'a Receiver<Msg>,
    watch: Watch,
    keeper: Keeper,
    heartbeat: log::Heartbeat,
    /// The staff lock file, shared with `kiosk desk`.
    lock: SharedLock,
    /// Watches what is written to the terminal.
    output: &'a Control,
    /// The terminal is the Linux console: it blanks itself while asleep.
    console: bool,
}

fn event_loop(terminal: &mut KioskTerminal, mut app: App, io: Io<'_>) -> io::Result<()> {
    let Io {
        clock,
        rx,
        mut watch,
        mut keeper,
        mut heartbeat,
        mut lock,
        output,
        console,
    } = io;
    let mut dirty = true;
    let mut screen = Screen {
        console,
        asleep: false,
        palette: terminal::palette(),
    };
    let result = loop {
        if !app.running {
            break Ok(());
        }
        if let Err(e) = screen.show(terminal, &app, output, dirty) {
            break Err(e);
        }
        dirty = false;
        let until_wake = clock.real_until(app.next_wake()) + WAKE_SLACK;
        let chores = watch.next_poll.min(heartbeat.due());
        let until_poll = chores.saturating_duration_since(Instant::now());
        let msg = match rx.recv_timeout(until_wake.min(until_poll)) {
            Ok(Msg::FilesChanged { watching }) => {
                watch.told(watching);
                continue;
            }
            Ok(msg) => {
                // Input is timed by the clock (chords, idle timers) even
                // between the ticks that redraw the screen.
                dirty |= app.advance_clock(clock.now());
                msg
            }
            Err(RecvTimeoutError::Timeout) if until_poll < until_wake => {
                let (changed, msg) = poll(&mut app, clock, &mut keeper, &mut heartbeat, &mut watch);
                dirty |= changed;
                match msg {
                    Some(msg) => msg,
                    None => continue,
                }
            }
            Err(RecvTimeoutError::Timeout) => {
                if watch.due_soon(heartbeat.due()) {
                    let (changed, msg) =
                        poll(&mut app, clock, &mut keeper, &mut heartbeat, &mut watch);
                    dirty |= changed | msg.is_some_and(|msg| apply(&mut app, msg));
                }
                Msg::Tick(clock.now())
            }
            Err(RecvTimeoutError::Disconnected) => Msg::Shutdown,
        };
        dirty |= apply(&mut app, msg);
        // Take whatever else has arrived before drawing once for all of it.
        while let Ok(msg) = rx.try_recv() {
            dirty |= app.update(msg);
        }
        let mut shell = Shell {
            keeper: &mut keeper,
            watch: &mut watch,
            lock: &mut lock,
        };
        dirty |= run_effects(&mut app, terminal, clock, &mut shell);
        if let Some(problem) = keeper.news() {
            dirty |= app.update(Msg::StoreProblem(problem));
        }
    };
    if screen.asleep {
        terminal::console_sleep(terminal, false);
    }
    result
}

/// The terminal as the loop last left it.
struct Screen {
    /// The terminal is the Linux console: it blanks itself while asleep.
    console: bool,
    /// The console's blanking is set.
    asleep: bool,
    /// Colours the Linux console can show (see `ui::console`).
    palette: crate::ui::console::Palette,
}

impl Screen {
    /// Draws the app if anything changed (or whole, if frames were
    /// dropped), and sets the console's blanking to match sleep.
    fn show(
        &mut self,
        terminal: &mut KioskTerminal,
        app: &App,
        output: &Control,
        dirty: bool,
    ) -> io::Result<()> {
        let mut dirty = dirty;
        if output.take_lost() {
            // Frames were dropped while output was stopped: draw it whole.
            terminal.clear()?;
            dirty = true;
        }
        if dirty {
            terminal.draw(|frame| {
                frame.render_widget(app, frame.area());
                self.palette.adapt(frame.buffer_mut());
            })?;
        }
        if self.console && app.screen_asleep() != self.asleep {
            self.asleep = !self.asleep;
            terminal::console_sleep(terminal, self.asleep);
        }
        Ok(())
    }
}

/// Applies `msg`; a good reload is kept as the last good copy. Returns
/// whether the screen changed.
fn apply(app: &mut App, msg: Msg) -> bool {
    let reloaded = matches!(msg, Msg::ConfigLoaded(Ok(_)) | Msg::DeckLoaded(_));
    let new_config = matches!(msg, Msg::ConfigLoaded(Ok(_)));
    let changed = app.update(msg);
    if new_config {
        load_messages(app);
    }
    if reloaded && app.problems.config.is_empty() {
        fallback::keep(&app.config, &app.deck);
    }
    changed
}

/// Reads the message files beside kiosk.toml over the compiled-in ones
/// (at start and with every new kiosk.toml); their mistakes go to the log
/// and the staff screen, and the compiled-in messages stand in.
fn load_messages(app: &mut App) {
    let catalog = app.config.catalog();
    for problem in &catalog.problems {
        tracing::warn!("{problem}");
    }
    app.problems.messages = catalog.problems.clone();
    app.set_catalog(std::sync::Arc::new(catalog));
}

/// The work of every poll: the database's files, the daily purge, the
/// heartbeat, the number served, and edits to `kiosk.toml` and the slides.
/// Returns whether the screen changed, and what was read again.
fn poll(
    app: &mut App,
    clock: &Clock,
    keeper: &mut Keeper,
    heartbeat: &mut log::Heartbeat,
    watch: &mut Watch,
) -> (bool, Option<Msg>) {
    let now = clock.now();
    keeper.check_files(&app.config, now);
    keeper.daily_purge(&app.config, now);
    heartbeat.beat(now);
    let mut changed = false;
    if app.config.kiosk.now_serving {
        let serving = keeper.now_serving(&app.config, now);
        if serving != app.now_serving {
            changed = app.update(Msg::NowServing(serving));
        }
    }
    (changed, watch.poll(&app.config))
}

/// Runs the app's effects until it asks for no more (an answer may ask
/// for more: a PIN accepted asks for the queue). Returns whether the
/// screen changed.
fn run_effects(
    app: &mut App,
    terminal: &mut KioskTerminal,
    clock: &Clock,
    shell: &mut Shell<'_>,
) -> bool {
    let mut dirty = false;
    let mut effects = app.take_effects();
    while !effects.is_empty() {
        for effect in effects {
            if effect == Effect::Chime {
                chime(terminal);
                continue;
            }
            for answer in run_effect(effect, &app.config, clock.now(), shell) {
                dirty |= app.update(answer);
            }
        }
        effects = app.take_effects();
    }
    dirty
}

/// What effects are run with.
struct Shell<'a> {
    keeper: &'a mut Keeper,
    watch: &'a mut Watch,
    lock: &'a mut SharedLock,
}

/// Does what the app asked; returns its answers, in order.
fn run_effect(
    effect: Effect,
    config: &Config,
    now: DateTime<Utc>,
    shell: &mut Shell<'_>,
) -> Vec<Msg> {
    let Shell {
        keeper,
        watch,
        lock,
    } = shell;
    match effect {
        Effect::Store(checkin) => keeper
            .store_or_send(&checkin, config, now)
            .into_iter()
            .collect(),
        Effect::LoadQueue => keeper.today(config, now),
        Effect::SaveStatus(change) => {
            let mut answers = vec![keeper.save_status(change, now)];
            answers.extend(keeper.today(config, now));
            answers
        }
        Effect::SaveRecord(change) => {
            let mut answers = vec![keeper.save_record(change, config, now)];
            answers.extend(keeper.today(config, now));
            answers
        }
        Effect::TryPin(pin) => {
            let hash = config.staff.pin_hash.as_deref();
            let check = || hash.is_some_and(|hash| verify(pin.digits(), hash));
            let (attempt, lockout) = lock.try_pin(&config.staff.lock_file, now, check);
            vec![Msg::PinChecked(attempt, lockout)]
        }
        Effect::ReadLockout => vec![Msg::Lockout(lock.read(&config.staff.lock_file, now))],
        Effect::Reload => watch.reload_now(config),
        // Rung by the loop, which holds the terminal.
        Effect::Chime => Vec::new(),
        Effect::SaveNotice(notice) => {
            let saved = notices::save(&config.path, &notice);
            let mut answers = vec![Msg::NoticeSaved(saved.clone())];
            if saved.is_ok() {
                answers.extend(watch.reload_now(config));
            }
            answers
        }
    }
}

/// The terminal bell, once. A terminal that cannot ring it is no reason
/// to stop: the number still flashes.
fn chime(terminal: &mut KioskTerminal) {
    use std::io::Write;
    let out = terminal.backend_mut();
    if out.write_all(b"\x07").and_then(|()| out.flush()).is_err() {
        tracing::warn!("the terminal bell could not be rung");
    }
}

pub(crate) fn listen_for_input(tx: Sender<Msg>) {
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
pub(crate) fn listen_for_signals(tx: Sender<Msg>, dev: bool) -> io::Result<()> {
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
