//! The staff screen's own keys: reload, pause, a notice for the waiting
//! room (written to `kiosk.toml`), names revealed for a while, and quitting
//! the kiosk, which asks first. It closes itself when left alone.

use chrono::{DateTime, Duration, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::{App, Effect, Screen};
use crate::desk::{self, Desk};
use crate::staff::notice_form::{FormEvent, NoticeForm};

/// The staff screen closes after this long without a key, unless
/// `[staff] idle_seconds` says otherwise.
pub const STAFF_IDLE: Duration = Duration::seconds(30);
/// Names revealed with `v` are hidden again after this long.
pub const REVEAL: Duration = Duration::seconds(30);

/// The staff screen's own state, beside the front-desk queue it shows.
#[derive(Clone, Debug)]
pub struct StaffScreen {
    pub desk: Desk,
    /// The notice being written, if any.
    pub notice_form: Option<Box<NoticeForm>>,
    pub last_input: DateTime<Utc>,
    /// Full names show until then.
    pub reveal_until: Option<DateTime<Utc>>,
    /// `Q` was pressed: the next key says whether to quit.
    pub confirm_quit: bool,
    /// What became of the last notice saved.
    pub note: Option<String>,
}

impl StaffScreen {
    pub fn new(config: &crate::config::Config, now: DateTime<Utc>) -> Self {
        let mut desk = Desk::new(config, now);
        desk.short_names = true;
        desk.on_kiosk = true;
        Self {
            desk,
            notice_form: None,
            last_input: now,
            reveal_until: None,
            confirm_quit: false,
            note: None,
        }
    }
}

impl App {
    /// How long the staff screen stays open without a key.
    pub(super) fn staff_idle(&self) -> Duration {
        Duration::from_std(self.config.staff.idle).unwrap_or(STAFF_IDLE)
    }

    pub(super) fn open_staff(&mut self) {
        let mut staff = StaffScreen::new(&self.config, self.now);
        staff.desk = staff
            .desk
            .with_catalog(std::sync::Arc::clone(&self.catalog));
        self.screen = Screen::Staff(Box::new(staff));
        self.effects.push(Effect::LoadQueue);
    }

    pub(super) fn staff_key(&mut self, key: KeyEvent) -> bool {
        let now = self.now;
        let Screen::Staff(staff) = &mut self.screen else {
            return false;
        };
        staff.last_input = now;
        if staff.notice_form.is_some() {
            return self.notice_key(key);
        }
        if std::mem::take(&mut staff.confirm_quit) {
            if key.code == KeyCode::Char('y') || key.code == KeyCode::Char('Y') {
                self.running = false;
            }
            return true;
        }
        // Typing a name to find, a form, a question: every key is the desk's.
        if staff.desk.captures_keys() {
            return self.pass_to_desk(desk::Msg::Key(key));
        }
        let plain = key.modifiers.difference(KeyModifiers::SHIFT).is_empty();
        match key.code {
            KeyCode::Esc | KeyCode::Char('q') => self.back_to_slides(),
            KeyCode::Char('Q') if plain => staff.confirm_quit = true,
            KeyCode::Char('r') => self.effects.push(Effect::Reload),
            KeyCode::Char('p') => self.show_held = !self.show_held,
            KeyCode::Char('v') => {
                let reveal = staff.reveal_until.is_none();
                staff.reveal_until = reveal.then_some(now + REVEAL);
                staff.desk.short_names = !reveal;
            }
            KeyCode::Char('m') => {
                staff.note = None;
                staff.notice_form = Some(Box::new(NoticeForm {
                    lang: self.config.kiosk.staff_language.clone(),
                    ..NoticeForm::default()
                }));
            }
            _ => return self.pass_to_desk(desk::Msg::Key(key)),
        }
        true
    }

    fn notice_key(&mut self, key: KeyEvent) -> bool {
        let wall = self.config.schedule.wall_at(self.now);
        let Screen::Staff(staff) = &mut self.screen else {
            return false;
        };
        let Some(form) = staff.notice_form.as_mut() else {
            return false;
        };
        match form.key(key, wall) {
            FormEvent::Ignored => false,
            FormEvent::Changed | FormEvent::Full => true,
            FormEvent::Cancel => {
                staff.notice_form = None;
                true
            }
            FormEvent::Save(notice) => {
                staff.notice_form = None;
                self.effects.push(Effect::SaveNotice(notice));
                true
            }
        }
    }

    /// The runtime's answer to [`Effect::SaveNotice`].
    pub(super) fn notice_saved(&mut self, result: Result<(), String>) -> bool {
        let w = self.staff_words();
        let note = match result {
            Ok(()) => w.t("notice-form-saved"),
            Err(why) => w.f("notice-not-saved", &[("why", why.into())]),
        };
        let Screen::Staff(staff) = &mut self.screen else {
            return false;
        };
        staff.note = Some(note);
        true
    }

    /// Hides the names again once their time is up.
    pub(super) fn hide_names_when_due(&mut self) {
        let now = self.now;
        if let Screen::Staff(staff) = &mut self.screen
            && staff.reveal_until.is_some_and(|until| now >= until)
        {
            staff.reveal_until = None;
            staff.desk.short_names = true;
        }
    }
}
