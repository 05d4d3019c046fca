//! Replays a [`Script`] the way `runtime/mod.rs` runs the kiosk: input is
//! timed by the clock (`advance_clock` first), ticks come at the moments
//! the app asks for, effects are answered with messages, and the screen is
//! drawn after every event. After each event it checks:
//!
//! - no drawn cell holds a control character;
//! - `next_wake` is later than the app's clock;
//! - the kiosk keeps running, unless staff quit from the staff screen (or
//!   Ctrl-C in development mode);
//! - when the app says nothing visible changed (so the runtime would not
//!   draw), the screen it would draw is the one already showing;
//! - screens that close by themselves do so in time ([`Timers`]).

use std::collections::VecDeque;
use std::io;
use std::path::Path;
use std::sync::OnceLock;

use chrono::{DateTime, Duration, TimeZone, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use kiosk::app::{App, Effect, Msg, Screen};
use kiosk::config::{Config, ConfigError};
use kiosk::desk;
use kiosk::diagnostic::Diagnostic;
use kiosk::slides::{Deck, load_deck, parse_slide};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

use crate::events::{self, Answer, ConfigChange, Event, PATIENTS, Script, press};
use crate::fixtures::{self, PIN, fixtures, monday_afternoon};
use crate::screen;
use crate::store::FakeStore;
use crate::timers::Timers;

/// The runtime wakes this long after the moment asked for.
const WAKE_SLACK: Duration = Duration::milliseconds(2);
/// A `[clinic]` table, so the rest of a fuzzed `kiosk.toml` can be valid.
const CLINIC: &str = "[clinic]\nname = \"C\"\ntimezone = \"America/Denver\"\n";

pub struct Driver {
    app: App,
    clock: DateTime<Utc>,
    size: (u16, u16),
    terminal: Terminal<TestBackend>,
    shown: Buffer,
    pending: VecDeque<Effect>,
    store: FakeStore,
    timers: Timers,
}

/// Runs one script, panicking if a check fails.
pub fn run(script: &Script) {
    let fx = fixtures();
    let config = fx.configs[usize::from(script.config & 0x7f) % fx.configs.len()].clone();
    let dev = script.config & 0x80 != 0;
    let start = monday_afternoon() + Duration::seconds(i64::from(script.start));
    let size = events::size(script.width, script.height);
    let app = App::new(config, start, dev)
        .with_deck(fx.deck.clone())
        .with_size(size.0, size.1);
    let mut terminal = screen::terminal(size.0, size.1);
    screen::draw(&mut terminal, &app, size);
    let shown = terminal.backend().buffer().clone();
    let mut driver = Driver {
        app,
        clock: start,
        size,
        terminal,
        shown,
        pending: VecDeque::new(),
        store: FakeStore::default(),
        timers: Timers::default(),
    };
    let trace = tracing();
    for event in &script.events {
        if trace {
            eprintln!("{event:?}");
        }
        let running = driver.step(event);
        if trace {
            eprintln!(
                "  -> {} at {}",
                screen_name(&driver.app.screen),
                driver.app.now
            );
        }
        if !running {
            return;
        }
    }
}

/// With `KIOSK_FUZZ_TRACE` set, each event and the screen after it are
/// printed, to see what an input does (`cargo fuzz run app FILE`).
fn tracing() -> bool {
    static TRACE: OnceLock<bool> = OnceLock::new();
    *TRACE.get_or_init(|| std::env::var_os("KIOSK_FUZZ_TRACE").is_some())
}

fn screen_name(screen: &Screen) -> &'static str {
    match screen {
        Screen::Slides => "slides",
        Screen::CheckIn(_) => "check-in form",
        Screen::Saving => "saving",
        Screen::Done { .. } => "done",
        Screen::Pin { .. } => "PIN prompt",
        Screen::Staff(_) => "staff screen",
    }
}

impl Driver {
    /// Applies one event and checks the result; false once the kiosk has
    /// stopped.
    fn step(&mut self, event: &Event) -> bool {
        let on_staff_screen = matches!(self.app.screen, Screen::Staff(_));
        let dirty = self.event(event);
        if !self.app.running {
            let staff_quit = on_staff_screen && typed(event, 'Q');
            let dev_quit = self.app.dev && is_ctrl_c(event);
            assert!(
                staff_quit || dev_quit,
                "the kiosk stopped after {event:?}, which must not stop it"
            );
            return false;
        }
        let ticked = matches!(event, Event::Wake | Event::Jump(_));
        self.timers.check(&self.app, ticked);
        let wake = self.app.next_wake();
        assert!(
            wake > self.app.now,
            "next_wake {wake} is not after now {}",
            self.app.now
        );
        screen::draw(&mut self.terminal, &self.app, self.size);
        let drawn = self.terminal.backend().buffer();
        if dirty {
            self.shown = drawn.clone();
        } else {
            assert!(
                *drawn == self.shown,
                "after {event:?} the app said nothing visible changed, but the screen did:\n\
                 showing:\n{}\nshould show:\n{}",
                text(&self.shown),
                text(drawn),
            );
        }
        true
    }

    /// Whether the runtime would draw after `event`.
    fn event(&mut self, event: &Event) -> bool {
        match event {
            Event::Key(key) => self.input(Msg::Key(key.event())),
            Event::Type(text) => self.keys(text.chars().map(|c| press(KeyCode::Char(c)))),
            Event::Mouse {
                kind,
                column,
                row,
                modifiers,
            } => {
                let mouse = events::mouse(*kind, *column, *row, *modifiers, self.size);
                self.input(Msg::Mouse(mouse))
            }
            Event::Paste(text) => self.input(Msg::Paste(text.clone())),
            Event::Resize(w, h) => {
                self.size = events::size(*w, *h);
                self.input(Msg::Resize(self.size.0, self.size.1))
            }
            Event::Wake => {
                self.set_clock(self.clock.max(self.app.next_wake() + WAKE_SLACK));
                self.app.update(Msg::Tick(self.clock))
            }
            Event::Wait(ms) => {
                self.set_clock(self.clock + Duration::milliseconds(i64::from(*ms)));
                false
            }
            Event::Jump(seconds) => {
                self.set_clock(self.clock + Duration::seconds(i64::from(*seconds)));
                self.app.update(Msg::Tick(self.clock))
            }
            Event::Answer(answer) => self.answer(answer),
            Event::NowServing(ticket) => {
                // The runtime sends it only when it differs.
                let serving = ticket.filter(|_| self.app.config.kiosk.now_serving);
                serving != self.app.now_serving && self.app.update(Msg::NowServing(serving))
            }
            Event::External(record) => {
                self.store.external(record, &self.app.config, self.clock);
                false
            }
            Event::Deck { keep, extra } => {
                let deck = deck(*keep, extra.as_ref());
                self.app.update(Msg::DeckLoaded(deck))
            }
            Event::Config(change) => {
                let loaded = config_change(change);
                self.app.update(Msg::ConfigLoaded(loaded))
            }
            Event::Chord => {
                let steps = self.app.config.staff.chord.steps().to_vec();
                self.keys(steps.iter().map(|s| KeyEvent::new(s.code, s.modifiers)))
            }
            Event::Pin(right) => {
                let last = if *right { '8' } else { '9' };
                let digits = PIN[..PIN.len() - 1].chars().chain([last]);
                let keys = digits.map(KeyCode::Char).chain([KeyCode::Enter]);
                self.keys(keys.map(press))
            }
            Event::Staff => self.event(&Event::Chord) | self.event(&Event::Pin(true)),
            Event::CheckIn(i) => {
                let patient = PATIENTS[usize::from(*i) % PATIENTS.len()];
                let enter = [KeyCode::Enter];
                let answers = patient
                    .iter()
                    .flat_map(|a| a.chars().map(KeyCode::Char).chain(enter));
                self.keys(enter.into_iter().chain(answers).map(press))
            }
        }
    }

    /// The system clock moves; kept within years the kiosk can be run in.
    fn set_clock(&mut self, to: DateTime<Utc>) {
        let earliest = Utc.with_ymd_and_hms(1971, 1, 1, 0, 0, 0).single();
        let latest = Utc.with_ymd_and_hms(2199, 1, 1, 0, 0, 0).single();
        if let (Some(earliest), Some(latest)) = (earliest, latest) {
            self.clock = to.clamp(earliest, latest);
        }
    }

    /// One message from the input thread, as the runtime handles it.
    fn input(&mut self, msg: Msg) -> bool {
        let ticked = self.app.advance_clock(self.clock);
        self.timers.input(&self.app);
        let changed = self.app.update(msg);
        self.pending.extend(self.app.take_effects());
        ticked | changed
    }

    fn keys(&mut self, keys: impl Iterator<Item = KeyEvent>) -> bool {
        let mut dirty = false;
        for key in keys {
            dirty |= self.input(Msg::Key(key));
            if !self.app.running {
                break;
            }
        }
        dirty
    }

    /// Answers the oldest effect waiting, as `run_effect` does.
    fn answer(&mut self, answer: &Answer) -> bool {
        let Some(effect) = self.pending.pop_front() else {
            return false;
        };
        let (config, now) = (&self.app.config, self.clock);
        let answers = match effect {
            Effect::Store(checkin) => vec![self.store.store(&checkin, answer, config, now)],
            Effect::LoadQueue => vec![self.store.today(answer, config, now)],
            Effect::SaveStatus(change) => self.store.save(change, answer, config, now).into(),
            Effect::TryPin(pin) => vec![self.app.try_pin_in_memory(&pin)],
            Effect::ReadLockout => vec![Msg::Lockout(self.app.lockout)],
            Effect::Reload => reload(answer, config),
            Effect::SaveRecord(change) => {
                let result = match answer.result % 3 {
                    0 => Ok(desk::Answer::Done),
                    1 => Ok(desk::Answer::Stale),
                    _ => Err(answer.problem.clone()),
                };
                vec![
                    Msg::Desk(desk::Msg::Recorded { change, result }),
                    self.store.today(answer, config, now),
                ]
            }
            Effect::Chime => Vec::new(),
            Effect::SaveNotice(_) => vec![Msg::NoticeSaved(match answer.result % 2 {
                0 => Ok(()),
                _ => Err(answer.problem.clone()),
            })],
        };
        let mut dirty = false;
        for msg in answers {
            dirty |= self.app.update(msg);
        }
        self.pending.extend(self.app.take_effects());
        dirty
    }
}

/// What reading `kiosk.toml` and the slides again gives.
fn reload(answer: &Answer, config: &Config) -> Vec<Msg> {
    let fx = fixtures();
    let (loaded, deck) = match answer.result % 4 {
        0 => (Ok(Box::new(config.clone())), fx.deck.clone()),
        1 => {
            let text = format!("{CLINIC}{}", answer.problem);
            (fixtures::parse_config(&text).map(Box::new), fx.deck.clone())
        }
        2 => (Err(vec![unreadable(&config.path)]), fx.deck.clone()),
        _ => {
            let gone = load_deck(Path::new("/nonexistent/kiosk-fuzz/content"));
            (Ok(Box::new(config.clone())), gone)
        }
    };
    vec![Msg::ConfigLoaded(loaded), Msg::DeckLoaded(deck)]
}

/// The problem the runtime reports when `kiosk.toml` cannot be read.
fn unreadable(path: &Path) -> Diagnostic {
    let e = ConfigError::Unreadable {
        path: path.to_path_buf(),
        error: io::Error::from(io::ErrorKind::NotFound),
    };
    Diagnostic::whole_file(&path.display().to_string(), e.to_string())
}

fn config_change(change: &ConfigChange) -> Result<Box<Config>, Vec<Diagnostic>> {
    match change {
        ConfigChange::Fixture(i) => {
            let configs = &fixtures().configs;
            Ok(Box::new(configs[usize::from(*i) % configs.len()].clone()))
        }
        ConfigChange::Text { header, text } => {
            let text = if *header {
                format!("{CLINIC}{text}")
            } else {
                text.clone()
            };
            fixtures::parse_config(&text).map(Box::new)
        }
    }
}

/// The content folder after an edit.
fn deck(keep: u32, extra: Option<&(u8, String)>) -> Deck {
    let bundled = &fixtures().deck.slides;
    let mut deck = Deck {
        slides: bundled
            .iter()
            .enumerate()
            .filter(|(i, _)| keep & (1 << (i % 32)) != 0)
            .map(|(_, s)| s.clone())
            .collect(),
        problems: Vec::new(),
    };
    if let Some((name, text)) = extra {
        let file = match bundled.get(usize::from(*name)) {
            Some(slide) => slide.file.clone(),
            None => "950-fuzz.md".to_string(),
        };
        deck.slides.retain(|s| s.file != file);
        let label = format!("content/{file}");
        match parse_slide(&file, &label, text) {
            Ok(slide) => deck.slides.push(slide),
            Err(problems) => deck.problems.extend(problems),
        }
        deck.slides.sort_by(|a, b| a.file.cmp(&b.file));
    }
    deck
}

fn typed(event: &Event, c: char) -> bool {
    match event {
        Event::Key(key) => key.code.key_code() == KeyCode::Char(c),
        Event::Type(text) => text.contains(c),
        _ => false,
    }
}

fn is_ctrl_c(event: &Event) -> bool {
    match event {
        Event::Key(key) => {
            let key = key.event();
            key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL)
        }
        _ => false,
    }
}

/// The screen as plain text, for failure messages.
fn text(buf: &Buffer) -> String {
    let width = usize::from(buf.area.width.max(1));
    buf.content
        .chunks(width)
        .map(|row| row.iter().map(|c| c.symbol()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}
