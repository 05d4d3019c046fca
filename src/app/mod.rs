//! The kiosk's state, the messages that change it, and `update`.
//!
//! Nothing here does I/O or reads the clock: the runtime passes the time in
//! with every message, so tests can replay any moment.

mod checkin;
mod clock_back;
mod language;
mod layout_memo;
pub mod regions;
mod serving;
mod sleep;
mod slides;
mod staff;
mod staff_screen;

use chrono::{DateTime, Duration, DurationRound, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEvent, MouseEventKind};

use crate::checkin::{Form, FormInput, Keyboard};
use crate::config::Config;
use crate::desk::{self, Change};
use crate::diagnostic::Diagnostic;
use crate::slides::Deck;
use crate::slideshow::Slideshow;
use crate::staff::{Attempt, ChordMatcher, Lockout, Pin, PinPrompt};
use crate::status::StatusReport;
use crate::store::{Inserted, NewCheckin};
use crate::ui::StaffNote;

pub use checkin::{Availability, CONFIRMATION, FAILURE, NOT_OPEN, Outcome, QUIET, greeting_name};
pub use serving::FLASH;
pub use sleep::{SleepLook, WAKE};
pub use slides::merge_reload;
pub use staff::Banner;
pub use staff_screen::{REVEAL, STAFF_IDLE, StaffScreen};

/// Which screen the body shows.
#[derive(Clone, Debug)]
pub enum Screen {
    Slides,
    /// A patient is filling in the check-in form.
    CheckIn(Box<Form>),
    /// The check-in was handed to the runtime to store; nothing is claimed
    /// until it answers.
    Saving,
    /// The result, shown until `until` or a touch, and shown since
    /// `since` (input is ignored for its first [`QUIET`]).
    Done {
        outcome: Outcome,
        until: DateTime<Utc>,
        since: DateTime<Utc>,
    },
    /// The staff PIN prompt.
    Pin {
        prompt: PinPrompt,
        note: Option<StaffNote>,
    },
    /// The staff screen: today's queue, problems, staff actions.
    Staff(Box<StaffScreen>),
}

/// Work the runtime does for the app (the app itself does no I/O).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Store a check-in durably, then answer with [`Msg::Stored`].
    Store(NewCheckin),
    /// Check a PIN against the shared lock file and the hash: read the
    /// file, compare only if not locked, write the result back, then
    /// answer with [`Msg::PinChecked`].
    TryPin(Pin),
    /// Read the shared lock file, then answer with [`Msg::Lockout`].
    ReadLockout,
    /// Read today's check-ins for the staff screen ([`Msg::Desk`]).
    LoadQueue,
    /// Save a status change from the staff screen, then read the list again.
    SaveStatus(Change),
    /// Store a record change from the staff screen (a patient added,
    /// corrected or removed), then read the list again.
    SaveRecord(desk::RecordChange),
    /// Read `kiosk.toml` and the slides again now.
    Reload,
    /// Ring the terminal bell once (a new number is being served).
    Chime,
    /// Add this notice to `kiosk.toml`, then answer with
    /// [`Msg::NoticeSaved`] and read the file again.
    SaveNotice(crate::hours::Notice),
}

/// Something that happened.
#[derive(Clone, Debug, PartialEq)]
pub enum Msg {
    /// The clock reached a moment the app asked to be woken at (or any
    /// later one).
    Tick(DateTime<Utc>),
    Key(KeyEvent),
    Mouse(MouseEvent),
    Paste(String),
    Resize(u16, u16),
    /// The slide folder changed and was read again.
    DeckLoaded(Deck),
    /// `kiosk.toml` changed and was read again: the new settings, or what
    /// is wrong with them (the last good settings stay).
    ConfigLoaded(Result<Box<Config>, Vec<Diagnostic>>),
    /// The answer to [`Effect::Store`]: what the store did (with the name
    /// to greet), or why it could not.
    Stored(Result<(Inserted, Option<String>), String>),
    /// The ticket most recently called by the front desk.
    NowServing(Option<u32>),
    /// Something went wrong with the check-in database that staff must
    /// know about (check-in may still be working).
    StoreProblem(String),
    /// The answer to [`Effect::TryPin`]: what became of the PIN, and the
    /// lockout as the lock file now holds it.
    PinChecked(Attempt, Lockout),
    /// The answer to [`Effect::ReadLockout`].
    Lockout(Lockout),
    /// For the queue on the staff screen: the list read, or a save's result.
    Desk(desk::Msg),
    /// The answer to [`Effect::SaveNotice`]: saved, or why not.
    NoticeSaved(Result<(), String>),
    /// For the runtime, which handles it before the app: a watched file
    /// changed (`watching`), or file notifications stopped working.
    FilesChanged {
        watching: bool,
    },
    /// SIGTERM or SIGHUP: leave cleanly.
    Shutdown,
}

/// Problems staff need to know about, from the last reload.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Problems {
    pub content: Vec<Diagnostic>,
    pub config: Vec<Diagnostic>,
    /// Mistakes in message files beside kiosk.toml (the compiled-in
    /// messages are used instead).
    pub messages: Vec<Diagnostic>,
    /// The last failure to store a check-in.
    pub store: Option<String>,
    /// Why the log file cannot be written, if it cannot.
    pub log: Option<String>,
    /// Settings changed in `kiosk.toml` that take effect only when the
    /// kiosk is restarted (it goes on with the old values until then).
    pub restart: Vec<&'static str>,
    /// Set while `kiosk.toml` is broken and the kiosk runs on its last good
    /// copy: the note for staff.
    pub last_good: Option<String>,
}

impl Problems {
    pub fn count(&self) -> usize {
        let others = usize::from(self.store.is_some())
            + usize::from(self.log.is_some())
            + usize::from(!self.restart.is_empty())
            + usize::from(self.last_good.is_some());
        self.content.len() + self.config.len() + self.messages.len() + others
    }
}

/// The whole state of the kiosk screen.
#[derive(Clone, Debug)]
pub struct App {
    pub config: Config,
    pub now: DateTime<Utc>,
    pub status: StatusReport,
    pub deck: Deck,
    pub show: Slideshow,
    pub screen: Screen,
    pub problems: Problems,
    /// Work for the runtime, taken with [`App::take_effects`].
    pub effects: Vec<Effect>,
    /// The terminal's size, for layout-dependent decisions (pages, clicks).
    pub size: (u16, u16),
    /// The ticket most recently called, when `now_serving` is on.
    pub now_serving: Option<u32>,
    /// A new number flashes until then.
    pub serving_flash_until: Option<DateTime<Utc>>,
    /// Whether the number called has been heard once (the first is not
    /// news: it was called before the kiosk started).
    serving_heard: bool,
    /// Watches keys for the staff chord.
    pub chord: ChordMatcher,
    /// Wrong PINs and any lock, as the runtime last read them from the
    /// lock file shared with other processes.
    pub lockout: Lockout,
    /// A staff message across the top of the screen.
    pub banner: Option<Banner>,
    /// Staff paused the slideshow.
    pub show_held: bool,
    /// Where and when the last touch began, for the corner long press.
    pub press: Option<crate::staff::Touch>,
    /// The on-screen keyboard beside the check-in form.
    pub keyboard: Keyboard,
    /// Until when the slides screen says why check-in is not open and when
    /// it opens (after a key or touch while it is not).
    pub not_open_until: Option<DateTime<Utc>>,
    /// Development mode: Ctrl-C quits, and the screen says so.
    pub dev: bool,
    pub running: bool,
    /// The showing slide's layout, kept between frames.
    layouts: layout_memo::LayoutMemo,
    /// Every language's messages.
    pub catalog: std::sync::Arc<crate::i18n::Catalog>,
    /// The language patients read now (a code such as `es`).
    pub language: String,
    /// A language chosen on the slides goes back to the default then.
    pub language_until: Option<DateTime<Utc>>,
    /// Slides shown so far, for `rotate_languages`.
    pub rotation: usize,
    /// What a sleeping screen shows (the runtime chooses for its terminal).
    pub sleep_look: SleepLook,
    /// A key or touch woke the sleeping screen until then.
    pub woken_until: Option<DateTime<Utc>>,
    /// Whether the schedule puts the screen to sleep now, and until when.
    sleep: sleep::SleepNow,
}

impl App {
    pub fn new(config: Config, now: DateTime<Utc>, dev: bool) -> Self {
        let catalog = crate::i18n::built_in();
        let language = config.kiosk.default_language.clone();
        let status = StatusReport::new_in(
            &config.schedule,
            config.kiosk.closing_soon,
            now,
            catalog.words(&language),
        );
        let config_chord = config.staff.chord.clone();
        Self {
            config,
            now,
            status,
            deck: Deck::default(),
            show: Slideshow::new(&[], now),
            screen: Screen::Slides,
            problems: Problems::default(),
            effects: Vec::new(),
            now_serving: None,
            serving_flash_until: None,
            serving_heard: false,
            chord: ChordMatcher::new(config_chord),
            lockout: Lockout::default(),
            banner: None,
            show_held: false,
            press: None,
            keyboard: Keyboard::default(),
            not_open_until: None,
            size: (80, 24),
            dev,
            running: true,
            layouts: layout_memo::LayoutMemo::default(),
            catalog,
            language,
            language_until: None,
            rotation: 0,
            sleep_look: SleepLook::default(),
            woken_until: None,
            sleep: sleep::SleepNow::default(),
        }
        .with_sleep_refreshed()
    }

    fn with_sleep_refreshed(mut self) -> Self {
        self.refresh_sleep();
        self
    }

    /// The app showing `look` while the screen sleeps.
    pub fn with_sleep_look(mut self, look: SleepLook) -> Self {
        self.sleep_look = look;
        self
    }

    /// The app with `deck` loaded and showing from its first eligible slide.
    pub fn with_deck(mut self, deck: Deck) -> Self {
        self.problems.content = deck.problems.clone();
        self.deck = deck;
        self.show = Slideshow::new(&self.eligible(), self.now);
        self
    }

    /// The app laid out for a terminal of this size.
    pub fn with_size(mut self, width: u16, height: u16) -> Self {
        self.size = (width, height);
        self.settle_show();
        self
    }

    /// Applies `msg`; returns whether anything visible changed.
    pub fn update(&mut self, msg: Msg) -> bool {
        match msg {
            Msg::Tick(now) => self.tick(now),
            Msg::Key(key) => self.key(key),
            Msg::Mouse(mouse) if self.staff_touch(&mouse) => true,
            Msg::Mouse(mouse) if self.screen_asleep() => {
                matches!(mouse.kind, MouseEventKind::Down(_)) && self.wake()
            }
            Msg::Mouse(mouse) if self.on_language_button(&mouse) => self.switch_language(),
            Msg::Mouse(mouse) => match self.screen {
                Screen::Slides => self.mouse(mouse),
                Screen::Pin { .. } | Screen::Staff(_) => false,
                _ => self.checkin_mouse(mouse),
            },
            Msg::Resize(w, h) => {
                self.size = (w, h);
                self.settle_show();
                true
            }
            Msg::Paste(text) => self.form_input(FormInput::Paste(text)),
            Msg::Stored(result) => self.stored(result),
            Msg::StoreProblem(problem) => {
                self.problems.store = Some(problem);
                true
            }
            Msg::Desk(msg) => self.pass_to_desk(msg),
            Msg::PinChecked(attempt, lockout) => self.pin_checked(attempt, lockout),
            Msg::Lockout(lockout) => self.lockout_read(lockout),
            Msg::NowServing(ticket) => self.now_serving_changed(ticket),
            Msg::DeckLoaded(deck) => self.deck_loaded(deck),
            Msg::ConfigLoaded(result) => self.config_loaded(result),
            Msg::NoticeSaved(result) => self.notice_saved(result),
            Msg::FilesChanged { .. } => false,
            Msg::Shutdown => {
                self.running = false;
                false
            }
        }
    }

    fn tick(&mut self, now: DateTime<Utc>) -> bool {
        if now < self.now {
            self.clock_set_back(self.now - now);
        }
        self.now = now;
        self.refresh_status();
        self.refresh_sleep();
        self.advance_if_due();
        self.expire_not_open();
        self.expire_checkin();
        self.expire_language();
        self.expire_staff();
        if matches!(self.screen, Screen::Staff(_)) {
            self.pass_to_desk(desk::Msg::Tick(now));
        }
        // The runtime only ticks at moments the app asked for, each of
        // which changes something on screen.
        true
    }

    fn key(&mut self, key: KeyEvent) -> bool {
        if key.kind == KeyEventKind::Release {
            return false;
        }
        let ctrl_c =
            key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL);
        if self.dev && ctrl_c {
            self.running = false;
            return false;
        }
        if let Some(redraw) = self.staff_chord(&key) {
            return redraw;
        }
        if self.wake() {
            return true;
        }
        if let Some(redraw) = self.language_key(&key) {
            return redraw;
        }
        match self.screen {
            Screen::Slides => self.slide_key(key),
            Screen::Pin { .. } => self.pin_key(key),
            Screen::Staff(_) => self.staff_key(key),
            _ => self.checkin_key(key),
        }
    }

    /// Moves the app's clock on without anything else a tick does, so input
    /// arriving between ticks is timed right.
    /// If a moment the app asked to be woken at has passed, this is a full
    /// tick (returns whether the screen changed).
    pub fn advance_clock(&mut self, now: DateTime<Utc>) -> bool {
        if now >= self.next_wake() {
            return self.tick(now);
        }
        if now > self.now {
            self.now = now;
        }
        false
    }

    /// The runtime's work, in order, leaving none behind.
    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

    fn config_loaded(&mut self, result: Result<Box<Config>, Vec<Diagnostic>>) -> bool {
        match result {
            Ok(mut config) => {
                self.problems.restart = self.config.keep_for_restart(&mut config);
                if config.staff.chord != self.config.staff.chord {
                    self.chord = ChordMatcher::new(config.staff.chord.clone());
                }
                self.config = *config;
                self.problems.config.clear();
                self.problems.last_good = None;
                self.tick(self.now)
            }
            Err(problems) => {
                self.problems.config = problems;
                true
            }
        }
    }

    /// The next moment something on screen changes by itself: the clock's
    /// next minute, the sign's next change, or the slideshow's next step.
    /// A sleeping screen changes only when it wakes, and with the clock
    /// showing, each minute.
    pub fn next_wake(&self) -> DateTime<Utc> {
        let next_minute = minute_of(self.now) + Duration::minutes(1);
        if self.screen_asleep() {
            let minute = (self.sleep_look == SleepLook::Clock).then_some(next_minute);
            let far = self.now + Duration::days(1);
            return [minute, self.next_sleep_wake()]
                .into_iter()
                .flatten()
                .filter(|t| *t > self.now)
                .min()
                .unwrap_or(far);
        }
        let screen = match self.screen {
            Screen::Slides => self
                .next_slide_wake()
                .into_iter()
                .chain(self.not_open_until)
                .min(),
            Screen::Pin { .. } | Screen::Staff(_) => self.next_staff_wake(),
            _ => self.next_checkin_wake(),
        };
        let banner = self.banner.as_ref().map(|b| b.until);
        let language = self
            .language_until
            .filter(|_| matches!(self.screen, Screen::Slides));
        let banner = banner.into_iter().chain(language).min();
        let flash = self.next_serving_wake();
        let sleep = self.next_sleep_wake();
        let screen = screen
            .into_iter()
            .chain(banner)
            .chain(flash)
            .chain(sleep)
            .min();
        [Some(next_minute), self.status.next_change, screen]
            .into_iter()
            .flatten()
            .filter(|t| *t > self.now)
            .min()
            .unwrap_or(next_minute)
    }
}

fn minute_of(t: DateTime<Utc>) -> DateTime<Utc> {
    t.duration_trunc(Duration::minutes(1)).unwrap_or(t)
}
