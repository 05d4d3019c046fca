//! Watching the keys go by for the staff chord. Pure: each key comes with
//! the time it arrived.

use chrono::{DateTime, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::chord::{CHORD_GAP, Chord, Step};

impl Step {
    /// Whether `key` is this step. Letters match either case, and shift is
    /// ignored for characters (it is how a capital letter arrives).
    pub fn matches(&self, key: &KeyEvent) -> bool {
        let held = KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT;
        let (code, mods) = match key.code {
            KeyCode::Char(c) => (
                KeyCode::Char(c.to_ascii_lowercase()),
                key.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT),
            ),
            code => (code, key.modifiers & held),
        };
        code == self.code && mods == self.modifiers
    }
}

/// How far a chord has got.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChordProgress {
    /// The key is not part of the chord: handle it as usual.
    None,
    /// The key continues the chord; the app may hold it back.
    Partial,
    /// The key finished the chord: open the PIN prompt.
    Complete,
}

/// Watches keys for a chord.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChordMatcher {
    chord: Chord,
    /// How many steps of the chord the latest keys matched.
    matched: usize,
    last: Option<DateTime<Utc>>,
}

impl ChordMatcher {
    pub fn new(chord: Chord) -> Self {
        Self {
            chord,
            matched: 0,
            last: None,
        }
    }

    /// Feeds one key that arrived at `now`.
    pub fn feed(&mut self, key: &KeyEvent, now: DateTime<Utc>) -> ChordProgress {
        if key.kind == KeyEventKind::Release || matches!(key.code, KeyCode::Modifier(_)) {
            return self.progress();
        }
        if self.last.is_some_and(|last| now - last > CHORD_GAP) {
            self.matched = 0;
        }
        self.matched = self.matched_after(key);
        self.last = Some(now);
        if self.matched == self.chord.steps().len() {
            self.reset();
            return ChordProgress::Complete;
        }
        self.progress()
    }

    /// Forgets any chord under way.
    pub fn reset(&mut self) {
        self.matched = 0;
        self.last = None;
    }

    fn progress(&self) -> ChordProgress {
        if self.matched > 0 {
            ChordProgress::Partial
        } else {
            ChordProgress::None
        }
    }

    /// The longest start of the chord that the keys so far, then `key`,
    /// end with. The keys so far are `steps[..matched]`, so only steps are
    /// compared (as in Knuth–Morris–Pratt).
    fn matched_after(&self, key: &KeyEvent) -> usize {
        let steps = self.chord.steps();
        let m = self.matched;
        (1..=(m + 1).min(steps.len()))
            .rev()
            .find(|&k| steps[k - 1].matches(key) && steps[..k - 1] == steps[m + 1 - k..m])
            .unwrap_or(0)
    }
}
