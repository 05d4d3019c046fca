//! The language patients read and the one staff read: which messages each
//! screen asks for.

use std::sync::Arc;

use crossterm::event::{KeyEvent, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};
use unicode_width::UnicodeWidthStr;

use super::{App, Screen, regions};
use crate::i18n::{Catalog, Words};
use crate::status::StatusReport;

impl App {
    /// The words of the language patients read now.
    pub fn words(&self) -> Words<'_> {
        self.catalog.words(&self.language)
    }

    /// The words of the staff screen and the PIN prompt.
    pub fn staff_words(&self) -> Words<'_> {
        self.catalog.words(&self.config.kiosk.staff_language)
    }

    /// Works out the sign's state again, at the app's clock, in the
    /// patients' language.
    pub(super) fn refresh_status(&mut self) {
        let words = self.catalog.words(&self.language);
        self.status = StatusReport::new_in(
            &self.config.schedule,
            self.config.kiosk.closing_soon,
            self.now,
            words,
        );
    }

    /// The app reading messages from `catalog` (the compiled-in ones with a
    /// folder's read over them).
    pub fn with_catalog(mut self, catalog: Arc<Catalog>) -> Self {
        self.catalog = catalog;
        self.refresh_status();
        self
    }

    /// Messages from `catalog` from now on (read again with kiosk.toml).
    pub fn set_catalog(&mut self, catalog: Arc<Catalog>) {
        self.catalog = catalog;
        self.refresh_status();
    }

    /// Patients read `code` from now on (until the app goes back to the
    /// default language).
    pub fn set_language(&mut self, code: &str) {
        self.language = code.to_string();
        self.refresh_status();
    }
}

/// The key that changes the language on every patient screen.
pub const LANGUAGE_KEY: crossterm::event::KeyCode = crossterm::event::KeyCode::F(2);

/// Narrower than this, the screen has no room for the button (the key
/// still works).
const BUTTON_MIN_WIDTH: u16 = 30;

impl App {
    /// The language the button offers: the next configured one after the
    /// one showing; none when only one is configured.
    pub fn next_language(&self) -> Option<&str> {
        let langs = &self.config.kiosk.languages;
        if langs.len() < 2 {
            return None;
        }
        let at = langs.iter().position(|l| *l == self.language);
        let next = at.map_or(0, |i| (i + 1) % langs.len());
        langs.get(next).map(String::as_str)
    }

    /// The button's label: the next language's name, in that language
    /// ("Español", "English").
    pub fn language_label(&self) -> Option<String> {
        let next = self.next_language()?;
        Some(self.catalog.words(next).t("language-name"))
    }

    /// Whether the screen showing is one patients use.
    fn patient_screen(&self) -> bool {
        matches!(
            self.screen,
            Screen::Slides | Screen::CheckIn(_) | Screen::Saving | Screen::Done { .. }
        )
    }

    /// Where the language button is on the screen showing, if anywhere: at
    /// the right of the check-in button on the slides, at the top right
    /// of the form and of the result.
    pub fn language_button(&self) -> Option<Rect> {
        let label = self.language_label()?;
        if !self.patient_screen() || self.size.0 < BUTTON_MIN_WIDTH {
            return None;
        }
        let width = u16::try_from(label.width() + 4).unwrap_or(u16::MAX);
        let rect = match self.screen {
            Screen::Slides => {
                let regions = self.regions()?;
                let row = regions::checkin_button(regions.footer);
                let width = if row.height >= 3 { width + 2 } else { width };
                Rect {
                    x: row.right().saturating_sub(width),
                    width: width.min(row.width),
                    ..row
                }
            }
            _ => {
                let area = self.form_area();
                Rect::new(area.right().saturating_sub(width), area.y, width, 1)
            }
        };
        Some(rect.intersection(self.screen_rect()))
    }

    fn screen_rect(&self) -> Rect {
        Rect::new(0, 0, self.size.0, self.size.1)
    }

    /// Changes to the next language (the button or its key); true if it
    /// changed.
    pub(super) fn switch_language(&mut self) -> bool {
        let Some(next) = self.next_language().map(str::to_string) else {
            return false;
        };
        self.set_language(&next);
        if let Screen::CheckIn(form) = &mut self.screen {
            form.set_language(&next);
            form.touch(self.now);
        }
        let idle = chrono::Duration::from_std(self.config.checkin.idle_timeout)
            .unwrap_or(chrono::Duration::seconds(60));
        self.language_until = Some(self.now + idle);
        true
    }

    /// The language key or a touch on the button, on a patient screen:
    /// `Some(redraw)` when it was one, `None` to pass the input on.
    pub(super) fn language_key(&mut self, key: &KeyEvent) -> Option<bool> {
        (key.code == LANGUAGE_KEY && self.patient_screen()).then(|| self.switch_language())
    }

    /// Whether a touch lands on the language button.
    pub(super) fn on_language_button(&self, mouse: &MouseEvent) -> bool {
        mouse.kind == MouseEventKind::Down(MouseButton::Left)
            && self
                .language_button()
                .is_some_and(|b| b.contains(Position::new(mouse.column, mouse.row)))
    }

    /// Back to the clinic's default language: the patient is done.
    pub(super) fn reset_language(&mut self) {
        self.language_until = None;
        if self.language != self.config.kiosk.default_language {
            let default = self.config.kiosk.default_language.clone();
            self.set_language(&default);
        }
    }

    /// A language chosen on the slides and left there goes back to the
    /// default after the form's idle time.
    pub(super) fn expire_language(&mut self) {
        if matches!(self.screen, Screen::Slides)
            && self.language_until.is_some_and(|until| self.now >= until)
        {
            self.reset_language();
        }
    }
}
