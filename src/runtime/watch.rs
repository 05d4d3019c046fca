//! Watching the files staff edit: the slide folder and `kiosk.toml`.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use crate::app::Msg;
use crate::config::{Config, ConfigError};
use crate::diagnostic::Diagnostic;
use crate::slides::{ContentWatcher, load_deck};

/// How often the slide folder and `kiosk.toml` are checked for edits.
const POLL_EVERY: Duration = Duration::from_secs(2);
/// With a shared store, often enough for the "now serving" line to follow
/// a desk's call within a second; each poll then reads only the server's
/// notifications that arrived, without a round trip, unless one did.
const POLL_EVERY_SHARED: Duration = Duration::from_millis(500);

/// Watching the files staff edit: the slide folder and `kiosk.toml`.
pub struct Watch {
    content: ContentWatcher,
    content_dir: PathBuf,
    config_path: PathBuf,
    config_stamp: Option<(u64, Option<SystemTime>)>,
    pub next_poll: Instant,
}

impl Watch {
    pub fn new(config: &Config) -> Self {
        Self {
            content: ContentWatcher::new(&config.kiosk.content_dir),
            content_dir: config.kiosk.content_dir.clone(),
            config_path: config.path.clone(),
            config_stamp: stamp(&config.path),
            next_poll: Instant::now() + POLL_EVERY,
        }
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
        let every = match config.store.url {
            Some(_) => POLL_EVERY_SHARED,
            None => POLL_EVERY,
        };
        self.next_poll = Instant::now() + every;
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
                        tracing::warn!("{}", crate::strings::staff::needs_restart(&waiting));
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
