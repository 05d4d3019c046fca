//! Watching the files staff edit: the slide folder and `kiosk.toml`.
//!
//! The system says when they change ([`super::notify`]); the files are
//! then looked at a moment later, once for a whole burst of changes. The
//! same look is also part of the loop's regular chores (the heartbeat, the
//! database's files): once a minute while notifications work, every
//! [`POLL_UNWATCHED`] where they do not, and every [`POLL_SERVING`] while
//! the number served is shown (it is read from the database, which
//! `kiosk desk` changes).

use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::time::{Duration, Instant, SystemTime};

use super::notify::Notifier;
use crate::app::Msg;
use crate::config::{Config, ConfigError};
use crate::diagnostic::Diagnostic;
use crate::slides::{ContentWatcher, load_deck};

/// How long after the first notification of a burst the files are read.
const SETTLE: Duration = Duration::from_millis(200);
/// The chores' pace while notifications work.
const POLL_WATCHED: Duration = Duration::from_secs(60);
/// The chores' pace, and how soon an edit shows, without notifications.
const POLL_UNWATCHED: Duration = Duration::from_secs(30);
/// The chores' pace while the number served is on screen.
const POLL_SERVING: Duration = Duration::from_secs(2);
/// The first chores (the day's purge among them) come this soon after the
/// start, as they always have.
const FIRST_CHORES: Duration = Duration::from_secs(2);
/// A wake-up for something else this close to the chores' time does them
/// early, saving a wake-up of their own.
const EARLY: Duration = Duration::from_secs(10);
/// The chores' pace while the number served is on screen with a shared
/// store: often enough for it to follow a desk's call within a second; each
/// poll then reads only the server's notifications that arrived, without a
/// round trip, unless one did.
const POLL_SERVING_SHARED: Duration = Duration::from_millis(500);

/// Watching the files staff edit: the slide folder and `kiosk.toml`.
pub struct Watch {
    content: ContentWatcher,
    content_dir: PathBuf,
    config_path: PathBuf,
    config_stamp: Option<(u64, Option<SystemTime>)>,
    /// `None` where notifications are unavailable or stopped working.
    notifier: Option<Notifier>,
    pub next_poll: Instant,
    /// Whether the first chores have run (they keep their time).
    started: bool,
}

impl Watch {
    /// Watches `config`'s files; notifications reach the loop through `tx`.
    pub fn new(config: &Config, tx: Sender<Msg>) -> Self {
        let notifier = match Notifier::start(tx) {
            Ok(mut n) => {
                if !n.watch(&config.path, &config.kiosk.content_dir) {
                    tracing::info!("a watched folder is missing; it is looked for now and then");
                }
                Some(n)
            }
            Err(e) => {
                tracing::warn!("no file notifications ({e}); edits are looked for every 30 s");
                None
            }
        };
        Self {
            content: ContentWatcher::new(&config.kiosk.content_dir),
            content_dir: config.kiosk.content_dir.clone(),
            config_path: config.path.clone(),
            config_stamp: stamp(&config.path),
            notifier,
            next_poll: Instant::now() + FIRST_CHORES,
            started: false,
        }
    }

    /// How long between the chores.
    fn every(&self, config: &Config) -> Duration {
        if config.kiosk.now_serving && config.store.url.is_some() {
            POLL_SERVING_SHARED
        } else if config.kiosk.now_serving {
            POLL_SERVING
        } else if self.notifier.is_some() {
            POLL_WATCHED
        } else {
            POLL_UNWATCHED
        }
    }

    /// A notification came (or notifications stopped, `watching` false):
    /// look at the files shortly.
    pub fn told(&mut self, watching: bool) {
        if !watching {
            self.notifier = None;
        }
        self.next_poll = self.next_poll.min(Instant::now() + SETTLE);
    }

    /// Whether the chores (or the heartbeat, due at `beat`) are due soon
    /// enough to do them now, on a wake-up that happens anyway.
    pub fn due_soon(&self, beat: Instant) -> bool {
        self.started && self.next_poll.min(beat) <= Instant::now() + EARLY
    }

    /// Reads `kiosk.toml` and the slides again now (staff asked).
    pub fn reload_now(&mut self, config: &Config) -> Vec<Msg> {
        self.config_stamp = None;
        let mut out: Vec<Msg> = self.poll(config).into_iter().collect();
        self.content = ContentWatcher::new(&self.content_dir);
        out.push(reload_deck(&self.content_dir));
        out
    }

    /// Looks for edits; returns what was read again, if anything changed.
    pub fn poll(&mut self, config: &Config) -> Option<Msg> {
        self.next_poll = Instant::now() + self.every(config);
        self.started = true;
        if let Some(notifier) = &mut self.notifier {
            notifier.watch(&self.config_path, &config.kiosk.content_dir);
        }
        if config.kiosk.content_dir != self.content_dir {
            self.content = ContentWatcher::new(&config.kiosk.content_dir);
            self.content_dir = config.kiosk.content_dir.clone();
            return Some(reload_deck(&self.content_dir));
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
            match &loaded {
                Ok(new) => {
                    tracing::info!("{} reloaded", self.config_path.display());
                    let waiting = config.keep_for_restart(&mut new.as_ref().clone());
                    if !waiting.is_empty() {
                        tracing::warn!("{}", crate::i18n::needs_restart(&waiting));
                    }
                }
                Err(problems) => tracing::warn!(
                    "{} has problems; keeping the last good settings:\n{}",
                    self.config_path.display(),
                    crate::diagnostic::render_all(problems)
                ),
            }
            return Some(Msg::ConfigLoaded(loaded));
        }
        self.content
            .changed()
            .then(|| reload_deck(&self.content_dir))
    }
}

/// The slide folder read again. Its problems go to the log, as at start:
/// the screen only tells staff how many there are.
fn reload_deck(dir: &Path) -> Msg {
    let deck = load_deck(dir);
    for problem in &deck.problems {
        tracing::warn!("{problem}");
    }
    Msg::DeckLoaded(deck)
}

/// A file's size and modification time, to notice edits.
fn stamp(path: &Path) -> Option<(u64, Option<SystemTime>)> {
    std::fs::metadata(path)
        .ok()
        .map(|m| (m.len(), m.modified().ok()))
}
