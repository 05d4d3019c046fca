//! The slideshow part of the app: which slide shows, moving on, and input
//! on the slides screen.

use std::rc::Rc;

use chrono::{DateTime, Duration, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;

use super::{App, Availability};
use crate::checkin::FormInput;
use crate::slides::{Deck, Slide, Vars, eligible_indices};
use crate::ui::SlideLayout;

impl App {
    /// The slides that may show now, by position in the deck.
    pub fn eligible(&self) -> Vec<usize> {
        let wall = self.config.schedule.wall_at(self.now);
        eligible_indices(
            &self.deck.slides,
            wall,
            self.status.open,
            self.status.closing_soon,
        )
    }

    /// The showing slide, if any (none: the clinic screen shows).
    pub fn current_slide(&self) -> Option<&Slide> {
        self.show.slide.and_then(|i| self.deck.slides.get(i))
    }

    /// The language the showing slide is in: the patients' language, or
    /// with `rotate_languages` (and nobody having chosen one) each slide in
    /// the next language in turn.
    pub fn slide_language(&self) -> &str {
        let langs = &self.config.kiosk.languages;
        let rotating = self.config.kiosk.rotate_languages
            && self.language_until.is_none()
            && self.language == self.config.kiosk.default_language
            && !langs.is_empty();
        if rotating {
            langs
                .get(self.rotation % langs.len())
                .map_or(self.language.as_str(), String::as_str)
        } else {
            &self.language
        }
    }

    /// The showing slide as shown: in the slide's language when it has a
    /// translation, else as written.
    pub fn shown_slide(&self) -> Option<&Slide> {
        let slide = self.current_slide()?;
        Some(
            self.deck
                .translation(&slide.file, self.slide_language())
                .unwrap_or(slide),
        )
    }

    /// Values for the placeholders in slide text.
    pub fn vars(&self) -> Vars {
        let words = self.catalog.words(self.slide_language());
        if words.code() == self.language {
            return Vars::new(&self.config, &self.status, self.now, words);
        }
        let status = crate::status::StatusReport::new_in(
            &self.config.schedule,
            self.config.kiosk.closing_soon,
            self.now,
            words,
        );
        Vars::new(&self.config, &status, self.now, words)
    }

    /// Where the showing slide's parts go on the current screen.
    pub fn slide_layout(&self) -> Option<Rc<SlideLayout>> {
        let slide = self.shown_slide()?;
        let regions = self.regions()?;
        let words = self.catalog.words(self.slide_language());
        Some(self.layouts.get(slide, self.vars(), regions.body, words))
    }

    fn screen_area(&self) -> Rect {
        Rect::new(0, 0, self.size.0, self.size.1)
    }

    /// Where the bands of the screen go now, with the notice showing and
    /// the number being served.
    pub fn regions(&self) -> Option<super::regions::Regions> {
        let area = self.screen_area();
        let notice_rows = self.status.notice.as_ref().map_or(0, |n| {
            let lines = super::regions::notice_lines(&n.text, area.width);
            u16::try_from(lines.len()).unwrap_or(u16::MAX)
        });
        let extras = super::regions::Extras {
            notice_rows,
            serving: self.now_serving.is_some(),
        };
        super::regions::regions_with(area, extras)
    }

    /// How long each page of the showing slide stays up: a translation's
    /// own `duration` (translations run longer), else the slide's.
    pub fn page_duration(&self) -> Duration {
        let own = self
            .shown_slide()
            .and_then(|s| s.duration)
            .or_else(|| self.current_slide().and_then(|s| s.duration));
        let std = own.unwrap_or(self.config.kiosk.slide_duration);
        Duration::from_std(std).unwrap_or(Duration::seconds(20))
    }

    fn pages(&self) -> usize {
        self.slide_layout().map_or(1, |l| l.pages())
    }

    /// Keeps the position valid after anything that may change which slides
    /// are eligible or how many pages the current one has.
    pub(super) fn settle_show(&mut self) {
        let eligible = self.eligible();
        let pages = self.pages();
        self.show.settle(&eligible, pages, self.now);
    }

    pub(super) fn advance_if_due(&mut self) {
        self.settle_show();
        if self.show_held {
            return;
        }
        if self.now >= self.show.page_end(self.page_duration()) {
            let eligible = self.eligible();
            let pages = self.pages();
            let before = self.show.slide;
            self.show.forward(&eligible, pages, self.now);
            self.settle_show();
            if self.show.slide != before || pages <= 1 {
                self.rotation = self.rotation.wrapping_add(1);
            }
        }
    }

    /// When the slideshow next changes something on screen: the end of the
    /// page, or the progress bar's next step.
    pub(super) fn next_slide_wake(&self) -> Option<DateTime<Utc>> {
        self.current_slide()?;
        if self.show_held {
            return None;
        }
        let duration = self.page_duration();
        if !self.show.is_paused(self.now) && self.slide_layout().is_none_or(|l| l.bar_width() == 0)
        {
            return Some(self.show.page_end(duration));
        }
        Some(self.show.next_step(duration, self.now))
    }

    /// Arrows turn the pages; Enter opens check-in, and so does a letter,
    /// which lands in the first answer. While check-in is not open, any
    /// other key says why and when it opens.
    pub(super) fn slide_key(&mut self, key: KeyEvent) -> bool {
        let chord = KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SUPER;
        let plain = !key.modifiers.intersects(chord);
        match key.code {
            KeyCode::Right | KeyCode::PageDown => self.step(true),
            KeyCode::Left | KeyCode::PageUp => self.step(false),
            KeyCode::Enter => self.start_checkin(false),
            KeyCode::Char(c) if plain && c.is_alphabetic() => {
                let opened = self.start_checkin(false);
                // Lands in the first answer when the form opened.
                self.form_input(FormInput::Char(c));
                opened
            }
            _ if self.checkin_availability() != Availability::Open => self.say_not_open(),
            _ => false,
        }
    }

    pub(super) fn mouse(&mut self, mouse: MouseEvent) -> bool {
        if mouse.kind != MouseEventKind::Down(MouseButton::Left) {
            return false;
        }
        let Some(regions) = self.regions() else {
            return false;
        };
        let button = super::regions::checkin_button(regions.footer);
        if button.contains(ratatui::layout::Position::new(mouse.column, mouse.row)) {
            return self.start_checkin(true);
        }
        // While check-in is not open, a touch anywhere but on a page turn
        // says why and when it opens.
        let not_open = self.checkin_availability() != Availability::Open;
        let body = regions.body;
        let inside = mouse.row >= body.y && mouse.row < body.bottom();
        if !inside || self.current_slide().is_none() {
            return not_open && self.say_not_open();
        }
        let third = body.width / 3;
        if mouse.column < body.x + third {
            self.step(false)
        } else if mouse.column >= body.right().saturating_sub(third) {
            self.step(true)
        } else {
            self.show.hold(self.now);
            if not_open {
                self.say_not_open();
            }
            true
        }
    }

    /// Moves one page on or back, then holds still for a while: someone is
    /// reading.
    fn step(&mut self, forward: bool) -> bool {
        let eligible = self.eligible();
        if forward {
            let pages = self.pages();
            self.show.forward(&eligible, pages, self.now);
        } else {
            self.show.back(&eligible, self.now);
        }
        self.settle_show();
        self.show.hold(self.now);
        true
    }

    pub(super) fn deck_loaded(&mut self, deck: Deck) -> bool {
        let showing = self.current_slide().map(|s| s.file.clone());
        self.problems.content = deck.problems.clone();
        self.deck = merge_reload(&self.deck, deck);
        // Stay on the same slide if it is still there.
        let position = showing.and_then(|f| self.deck.slides.iter().position(|s| s.file == f));
        if let Some(i) = position {
            self.show.slide = Some(i);
        }
        self.settle_show();
        true
    }
}

/// The deck after a reload: the new one, except that a slide whose file now
/// has a problem keeps its last good version, so a bad edit never takes a
/// slide off the screen.
pub fn merge_reload(old: &Deck, new: Deck) -> Deck {
    let broken: Vec<&str> = new
        .problems
        .iter()
        .filter_map(|d| std::path::Path::new(&d.file).file_name()?.to_str())
        .collect();
    let mut slides = new.slides.clone();
    for kept in old
        .slides
        .iter()
        .filter(|s| broken.contains(&s.file.as_str()))
    {
        if !slides.iter().any(|s| s.file == kept.file) {
            slides.push(kept.clone());
        }
    }
    slides.sort_by(|a, b| a.file.as_bytes().cmp(b.file.as_bytes()));
    let mut translations = new.translations.clone();
    for kept in old
        .translations
        .iter()
        .filter(|t| broken.contains(&t.slide.file.as_str()))
    {
        if !translations.iter().any(|t| t.slide.file == kept.slide.file) {
            translations.push(kept.clone());
        }
    }
    Deck {
        slides,
        problems: new.problems,
        translations,
    }
}
