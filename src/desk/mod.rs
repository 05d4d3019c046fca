//! The front desk's live queue (`kiosk desk`): today's check-ins, the keys
//! that call patients and mark them seen or no-show, and the day's counts.
//!
//! Shaped like the kiosk's `app`: a state ([`Desk`]), the messages that
//! change it ([`Msg`]) and `update`, which does no I/O and never reads the
//! clock. What the runtime must do in return (save a change, ring the bell,
//! draw) comes back as an [`Outcome`]; the result of a save comes back in as
//! [`Msg::Saved`].

mod actions;
pub mod filter;
mod form;
mod keys;
mod modes;
mod notice;
mod pin_gate;
pub mod queue;
pub mod record_ops;
pub mod runtime;
mod setup;
pub mod summary;
mod summary_view;
mod table;
mod view;
pub mod words;

#[cfg(test)]
pub(crate) mod tests;
#[cfg(test)]
mod tests_actions;
#[cfg(test)]
mod tests_day;

use chrono::{DateTime, Duration, DurationRound, NaiveDate, Utc};
use chrono_tz::Tz;
use crossterm::event::KeyEvent;

use crate::config::Config;
use crate::i18n::{self, Catalog, Words};
use crate::store::{CheckinId, CheckinRecord, Status, StatusAt};

pub use form::DeskForm;
pub use keys::{Action, BINDINGS, Binding, action_for, help_items, help_items_for, help_line};
pub use modes::{Mode, Pending};
pub use notice::Notice;
pub use record_ops::{Answer, RecordChange};
pub use setup::{DeskSetup, station};

/// A new check-in stays highlighted this long.
pub const HIGHLIGHT: Duration = Duration::seconds(5);
/// Changes kept for undo; older ones are forgotten.
pub const UNDO_DEPTH: usize = 100;

/// Whether `kiosk desk` must ask for the staff PIN first (`[desk] desk_pin`).
pub fn require_pin(config: &Config) -> bool {
    config.desk.desk_pin
}

/// Something that happened.
#[derive(Clone, Debug, PartialEq)]
pub enum Msg {
    /// The time is now this (the runtime sends it before anything else it
    /// passes on, and at the moments [`Desk::next_wake`] asks for).
    Tick(DateTime<Utc>),
    Key(KeyEvent),
    Resize(u16, u16),
    /// Today's check-ins, read at `at`.
    Loaded {
        records: Vec<CheckinRecord>,
        at: DateTime<Utc>,
    },
    /// How many of today's check-ins were removed as entered in error (read
    /// with the list, for the summary).
    RemovedCount(usize),
    /// Reading the check-ins failed; the text says why.
    LoadFailed(String),
    /// What became of a [`Change`] the desk asked for: `Ok(true)` saved,
    /// `Ok(false)` not saved because the check-in had been changed
    /// elsewhere, `Err` the reason it could not be saved.
    Saved {
        change: Change,
        result: Result<bool, String>,
    },
    /// What became of a [`RecordChange`] the desk asked for.
    Recorded {
        change: RecordChange,
        result: Result<Answer, String>,
    },
    /// `kiosk.toml` was read again: the clinic's name and time zone to use
    /// from now on, and the settings that wait for a restart.
    Settings {
        clinic: String,
        tz: Tz,
        restart: Vec<&'static str>,
    },
    /// Quit (a signal, or the terminal went away).
    Shutdown,
}

/// A status change the desk asks the runtime to save: from `expected`
/// (what the desk last read) to `new`, only if the check-in is still as
/// expected (see [`Store::set_status_if`](crate::store::Store::set_status_if)).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub id: CheckinId,
    pub ticket: u32,
    /// The name as shown, for the message afterwards.
    pub name: String,
    pub expected: StatusAt,
    pub new: StatusAt,
    /// Whether this change undoes an earlier one.
    pub undo: bool,
}

impl Change {
    /// The change that puts this one back (an undo, or the change an undo
    /// undid).
    fn reversed(&self) -> Self {
        Self {
            expected: self.new,
            new: self.expected,
            undo: !self.undo,
            ..self.clone()
        }
    }
}

/// What the runtime has to do after an update.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    /// Something on screen changed.
    pub redraw: bool,
    /// Ring the terminal bell: the queue just went from empty to not.
    pub bell: bool,
    /// Save this change, then send [`Msg::Saved`] and the list read again.
    pub save: Option<Change>,
    /// Store this change, then send [`Msg::Recorded`] and the list read
    /// again.
    pub record: Option<RecordChange>,
}

impl Outcome {
    fn redraw(redraw: bool) -> Self {
        Self {
            redraw,
            ..Self::default()
        }
    }
}

/// A change the desk made, kept so that `u` can undo it.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Op {
    /// A status change, as it was made.
    Status(Change),
    /// The change that puts a record change back.
    Record(RecordChange),
}

/// The whole state of the desk screen.
#[derive(Clone, Debug)]
pub struct Desk {
    /// The clinic's name, cleaned for the terminal.
    pub clinic: String,
    pub tz: Tz,
    pub now: DateTime<Utc>,
    /// Today's check-ins in the order shown ([`queue::sort`]).
    rows: Vec<CheckinRecord>,
    selected: Option<CheckinId>,
    /// Saved changes, newest last.
    undo: Vec<Op>,
    /// New check-ins and when their highlight ends.
    fresh: Vec<(CheckinId, DateTime<Utc>)>,
    /// Whether a list has been read yet.
    loaded: bool,
    /// The clinic-zone day of the last list.
    day: Option<NaiveDate>,
    notice: Option<Notice>,
    pub running: bool,
    pub setup: DeskSetup,
    /// What the keys do now: the queue, the find line, a form, a question.
    mode: Mode,
    /// The find text; rows that do not match are hidden while it is set.
    filter: String,
    /// Check-ins whose name another check-in of today shares.
    namesakes: Vec<CheckinId>,
    /// Today's check-ins removed as entered in error.
    removed: usize,
    /// Names as first name and last initial (the kiosk's staff screen,
    /// which patients may glimpse), until staff reveal them.
    pub short_names: bool,
    /// Shown on the kiosk's staff screen, where Esc and q leave the staff
    /// screen: the help line leaves out the desk's own quit keys.
    pub on_kiosk: bool,
    /// The messages, and the language staff read (`staff_language`).
    pub(crate) catalog: std::sync::Arc<Catalog>,
    pub lang: String,
    /// The clinic's default language: a patient who used another has it
    /// shown beside the name.
    pub patients_default: String,
}

impl Desk {
    pub fn new(config: &Config, now: DateTime<Utc>) -> Self {
        Self {
            clinic: crate::sanitize::printable(&config.clinic.name),
            tz: config.schedule.tz,
            now,
            rows: Vec::new(),
            selected: None,
            undo: Vec::new(),
            fresh: Vec::new(),
            loaded: false,
            day: None,
            notice: None,
            running: true,
            setup: DeskSetup::of(config),
            mode: Mode::Queue,
            filter: String::new(),
            namesakes: Vec::new(),
            removed: 0,
            short_names: false,
            on_kiosk: false,
            catalog: i18n::built_in(),
            lang: config.kiosk.staff_language.clone(),
            patients_default: config.kiosk.default_language.clone(),
        }
    }

    /// The desk reading messages from `catalog`.
    pub fn with_catalog(mut self, catalog: std::sync::Arc<Catalog>) -> Self {
        self.catalog = catalog;
        self
    }

    /// A language's name in itself (`Español`), or its code when there are
    /// no messages for it.
    pub fn language_name(&self, code: &str) -> String {
        if self.catalog.knows(code) {
            self.catalog.words(code).t("language-name")
        } else {
            crate::sanitize::printable(code)
        }
    }

    /// The words of the staff's language.
    pub fn words(&self) -> Words<'_> {
        self.catalog.words(&self.lang)
    }

    /// The name shown for `record`: in full, or first name and last
    /// initial when [`Desk::short_names`] is set.
    pub fn name_of(&self, record: &CheckinRecord) -> String {
        if self.short_names {
            short_name(record)
        } else {
            display_name(record)
        }
    }

    /// Today's check-ins, in the order shown.
    pub fn rows(&self) -> &[CheckinRecord] {
        &self.rows
    }

    pub fn is_loaded(&self) -> bool {
        self.loaded
    }

    /// The selected check-in's position in [`rows`](Self::rows).
    pub fn selected_index(&self) -> Option<usize> {
        let id = self.selected?;
        self.rows.iter().position(|r| r.id == id)
    }

    pub fn selected(&self) -> Option<&CheckinRecord> {
        self.selected_index().and_then(|i| self.rows.get(i))
    }

    pub fn notice(&self) -> Option<&Notice> {
        self.notice.as_ref()
    }

    /// Whether this check-in is still highlighted as new.
    pub fn is_fresh(&self, id: CheckinId) -> bool {
        self.fresh
            .iter()
            .any(|(f, until)| *f == id && *until > self.now)
    }

    pub fn undo_depth(&self) -> usize {
        self.undo.len()
    }

    pub fn counts(&self) -> queue::Counts {
        queue::counts(&self.rows, self.now)
    }

    fn waiting(&self) -> usize {
        self.rows
            .iter()
            .filter(|r| r.status == Status::Waiting)
            .count()
    }

    /// Applies `msg`; says what the runtime must do next.
    pub fn update(&mut self, msg: Msg) -> Outcome {
        match msg {
            Msg::Tick(now) => Outcome::redraw(self.tick(now)),
            Msg::Key(key) => self.key(key),
            Msg::Resize(..) => Outcome::redraw(true),
            Msg::Loaded { records, at } => self.loaded(records, at),
            Msg::RemovedCount(count) => {
                let changed = count != self.removed;
                self.removed = count;
                Outcome::redraw(changed && matches!(self.mode, Mode::Summary))
            }
            Msg::LoadFailed(error) => {
                let before = self.notice.clone();
                let text = self
                    .words()
                    .f("desk-read-failed", &[("error", error.as_str().into())]);
                self.warn(text);
                Outcome::redraw(self.notice != before)
            }
            Msg::Saved { change, result } => {
                self.saved(change, result);
                Outcome::redraw(true)
            }
            Msg::Recorded { change, result } => {
                self.recorded(change, result);
                Outcome::redraw(true)
            }
            Msg::Settings {
                clinic,
                tz,
                restart,
            } => {
                self.clinic = clinic;
                self.tz = tz;
                if !restart.is_empty() {
                    let text = self.words().f(
                        "staff-needs-restart",
                        &[("names", restart.join(", ").into())],
                    );
                    self.warn(text);
                }
                Outcome::redraw(true)
            }
            Msg::Shutdown => {
                self.running = false;
                Outcome::default()
            }
        }
    }

    /// Moves the clock; whether anything shown changed (the minute, or a
    /// highlight ending).
    fn tick(&mut self, now: DateTime<Utc>) -> bool {
        let minute_changed = minute_of(now) != minute_of(self.now);
        self.now = now;
        let before = self.fresh.len();
        self.fresh.retain(|(_, until)| *until > now);
        let expired = self.notice.as_ref().is_some_and(|n| n.until <= now);
        if expired {
            self.notice = None;
        }
        minute_changed || expired || self.fresh.len() != before
    }

    fn loaded(&mut self, mut records: Vec<CheckinRecord>, at: DateTime<Utc>) -> Outcome {
        let mut redraw = self.tick(at) || !self.loaded;
        queue::sort(&mut records);
        let was_waiting = self.waiting();
        let arrived: Vec<CheckinId> = records
            .iter()
            .filter(|r| r.status == Status::Waiting && !self.rows.iter().any(|old| old.id == r.id))
            .map(|r| r.id)
            .collect();
        // Nothing is new on the first read of a day (at start, or after
        // midnight): it was all there already.
        let day = at.with_timezone(&self.tz).date_naive();
        let same_day = self.day.replace(day) == Some(day);
        let arrived = if same_day { arrived } else { Vec::new() };
        self.fresh
            .extend(arrived.iter().map(|id| (*id, at + HIGHLIGHT)));
        let old_index = self.selected_index();
        redraw |= records != self.rows;
        self.namesakes = queue::namesakes(&records);
        self.rows = records;
        self.fresh
            .retain(|(id, _)| self.rows.iter().any(|r| r.id == *id));
        // A new check-in into an empty queue: not an undo back to waiting.
        let bell = was_waiting == 0 && !arrived.is_empty();
        self.loaded = true;
        self.settle_selection(old_index);
        Outcome {
            redraw: redraw || bell,
            bell,
            ..Outcome::default()
        }
    }

    /// Keeps the selection on the same check-in if it is still listed, else
    /// at the same place in the list, else on the first row.
    /// Only rows shown (see [`shown`](Self::shown)) can be selected.
    fn settle_selection(&mut self, old_index: Option<usize>) {
        let shown = self.shown();
        if self
            .selected
            .is_some_and(|id| shown.iter().any(|r| r.id == id))
        {
            return;
        }
        let last = shown.len().checked_sub(1);
        let index = match (old_index, last) {
            (_, None) => None,
            (Some(i), Some(last)) => Some(i.min(last)),
            (None, Some(_)) => Some(0),
        };
        self.selected = index.and_then(|i| shown.get(i)).map(|r| r.id);
    }

    /// The next moment the screen changes by itself: the next minute (the
    /// clock and the waits), or the end of a highlight.
    pub fn next_wake(&self) -> DateTime<Utc> {
        let next_minute = minute_of(self.now) + Duration::minutes(1);
        let notice = self.notice.as_ref().map(|n| n.until);
        self.fresh
            .iter()
            .map(|(_, until)| *until)
            .chain(notice)
            .filter(|t| *t > self.now)
            .chain([next_minute])
            .min()
            .unwrap_or(next_minute)
    }
}

/// The name shown for a check-in, or a stand-in when it has none.
pub fn display_name(record: &CheckinRecord) -> String {
    let name = queue::display_name(record);
    if name.is_empty() {
        i18n::english().t("desk-no-name")
    } else {
        name
    }
}

/// First name and last initial: `Maria L.`; without those fields, the
/// first word of the first answer and the initials of the others.
pub fn short_name(record: &CheckinRecord) -> String {
    let initial = |word: &str| {
        word.chars()
            .next()
            .map(|c| format!("{c}."))
            .unwrap_or_default()
    };
    let full = display_name(record);
    let first = record
        .field("first_name")
        .map(str::trim)
        .unwrap_or_default();
    let last = record.field("last_name").map(str::trim).unwrap_or_default();
    let parts: Vec<String> = if !first.is_empty() || !last.is_empty() {
        let first = crate::sanitize::printable(first);
        [first, initial(&crate::sanitize::printable(last))]
            .into_iter()
            .filter(|p| !p.is_empty())
            .collect()
    } else {
        let mut words = full.split_whitespace();
        let head = words.next().unwrap_or_default().to_string();
        std::iter::once(head).chain(words.map(initial)).collect()
    };
    parts.join(" ")
}

fn minute_of(t: DateTime<Utc>) -> DateTime<Utc> {
    t.duration_trunc(Duration::minutes(1)).unwrap_or(t)
}
