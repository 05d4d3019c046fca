//! Drawing. Reads the app state and never changes it.

mod asleep;
mod checkin;
mod clinic_info;
pub mod console;
mod digits;
mod done;
mod header;
pub mod keyboard;
mod not_open;
mod notice;
mod notice_form;
pub mod qr;
mod sign;
mod slide;
mod staff;
mod staff_screen;
pub(crate) mod theme;

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Flex, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

pub use self::checkin::{form_hit, render_form, render_patient_form, render_titled_form};
pub use slide::{Position, SlideLayout};
pub use staff::{PinPromptView, StaffNote};

use crate::app::{App, Availability, Screen};
use crate::i18n::Words;

pub use crate::app::regions::{
    MIN_HEIGHT, MIN_WIDTH, Regions, checkin_button, regions, regions_with,
};

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if (area.width, area.height) != self.size {
            // The window changed size again before the app heard of it:
            // lay the screen out for the size it is drawn at, never past it.
            let resized = self.clone().with_size(area.width, area.height);
            return (&resized).render(area, buf);
        }
        if self.screen_asleep() {
            return asleep::render(self, area, buf);
        }
        let Some(regions) = self.regions() else {
            return too_small(self.words(), area, buf);
        };
        if matches!(self.screen, Screen::Slides | Screen::Pin { .. }) {
            header::render(self, regions.header, buf);
            notice::render_notice(self, regions.notice, buf);
        }
        match &self.screen {
            Screen::Slides => {
                match self.slide_layout() {
                    Some(layout) => slide::render(&layout, position(self), self.words(), buf),
                    None => clinic_info::render(self, regions.body, buf),
                }
                if self.not_open_until.is_some() {
                    not_open::render(self, regions.body, buf);
                }
                notice::render_serving(self, regions.serving, buf);
                footer(self, regions.footer, buf, regions.serving.height == 0);
            }
            Screen::CheckIn(form) => {
                let timeout = self.config.checkin.idle_timeout;
                let area = self.form_area();
                let reserve = self.language_button().map_or(0, |b| b.width + 1);
                render_patient_form(
                    form,
                    &self.keyboard,
                    area,
                    buf,
                    (self.now, timeout),
                    reserve,
                );
            }
            Screen::Saving => done::render_saving(self.words(), self.form_area(), buf),
            Screen::Done { outcome, since, .. } => {
                let quiet = self.now < *since + crate::app::QUIET;
                done::render(self.words(), outcome, quiet, self.form_area(), buf);
            }
            Screen::Pin { prompt, note } => {
                let view = PinPromptView {
                    prompt,
                    note: note.clone(),
                    words: self.staff_words(),
                };
                let body = Rect {
                    height: regions.body.height + regions.footer.height,
                    ..regions.body
                };
                ratatui::widgets::Clear.render(body, buf);
                view.render(body, buf);
            }
            Screen::Staff(staff) => staff_screen::render(self, staff, area, buf),
        }
        if let Some(button) = self.language_button() {
            language_button(self, button, buf);
        }
        if let (Some(banner), Screen::Slides) = (&self.banner, &self.screen) {
            let row = Rect {
                height: 1,
                ..regions.body
            };
            Paragraph::new(banner.text.clone())
                .alignment(Alignment::Center)
                .style(theme::warning())
                .render(row, buf);
        }
    }
}

fn position(app: &App) -> Position {
    let eligible = app.eligible();
    let slide = app
        .show
        .slide
        .and_then(|i| eligible.iter().position(|&e| e == i));
    Position {
        slide: slide.unwrap_or(0),
        slides: eligible.len(),
        page: app.show.page,
        progress: app.show.progress(app.page_duration(), app.now),
        paused: app.show.is_paused(app.now),
    }
}

/// The button that changes the language, labelled in the language it
/// offers ("Español", "English"), boxed when it has three rows.
fn language_button(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(label) = app.language_label() else {
        return;
    };
    ratatui::widgets::Clear.render(area, buf);
    let block = if area.height >= 3 {
        ratatui::widgets::Block::bordered().border_type(ratatui::widgets::BorderType::Thick)
    } else {
        ratatui::widgets::Block::new()
    };
    let text = if area.height >= 3 {
        label
    } else {
        format!("[ {label} ]")
    };
    Paragraph::new(text)
        .alignment(Alignment::Center)
        .style(theme::button())
        .block(block)
        .render(area, buf);
}

fn footer(app: &App, area: Rect, buf: &mut Buffer, serving_here: bool) {
    let mut button = checkin_button(area);
    let mut area = area;
    if let Some(lang) = app.language_button() {
        // The check-in button (or the one-line footer) keeps to its left.
        let room = lang.width + 1;
        button.width = button.width.saturating_sub(room);
        if area.height == 1 {
            area.width = area.width.saturating_sub(room);
        }
    }
    let w = app.words();
    let (label, style) = match app.checkin_availability() {
        Availability::Open => (w.t("checkin-prompt"), theme::button()),
        Availability::OpensAt(t) => {
            let when = crate::status::when_words(&app.config.schedule, app.now, t, true, w);
            (
                w.f("checkin-opens", &[("when", when.into())]),
                theme::button_off(),
            )
        }
        Availability::Closed => (w.t("checkin-closed"), theme::button_off()),
    };
    let note = if app.dev {
        w.t("footer-dev")
    } else if app.config.demo {
        w.t("footer-demo")
    } else {
        w.t("footer-short")
    };
    if area.height == 1 {
        let open = style == theme::button();
        let text = one_line_footer(w, open, &note, usize::from(area.width));
        Paragraph::new(text)
            .alignment(Alignment::Center)
            .style(theme::footer())
            .render(area, buf);
        return;
    }
    let [text_row] = Layout::vertical([Constraint::Length(1)])
        .flex(Flex::Center)
        .areas(button);
    Paragraph::new("").style(style).render(button, buf);
    Paragraph::new(label)
        .alignment(Alignment::Center)
        .style(style)
        .render(text_row, buf);
    let note_row = Rect {
        y: area.bottom() - 1,
        height: 1,
        ..area
    };
    let note_style = if app.dev || app.config.demo {
        theme::warning()
    } else {
        theme::muted()
    };
    Paragraph::new(note)
        .alignment(Alignment::Center)
        .style(note_style)
        .render(note_row, buf);
    if let Some(ticket) = app.now_serving.filter(|_| serving_here) {
        let text = format!(
            " {}",
            w.f("serving-line", &[("ticket", crate::i18n::num(ticket))])
        );
        let style = if app.serving_flash() {
            theme::serving_flash()
        } else {
            theme::title()
        };
        Paragraph::new(text).style(style).render(note_row, buf);
    }
    let problems = app.problems.count();
    if problems > 0 {
        let marker = format!(
            "{} ",
            app.staff_words()
                .f("staff-problems", &[("count", crate::i18n::count(problems))])
        );
        Paragraph::new(marker)
            .alignment(Alignment::Right)
            .style(theme::muted())
            .render(note_row, buf);
    }
}

/// The footer squeezed into one row: the check-in hint and the note,
/// shortened until they fit.
fn one_line_footer(w: Words<'_>, open: bool, note: &str, width: usize) -> String {
    let hint = if open {
        w.t("checkin-prompt-short")
    } else {
        String::new()
    };
    let not_advice = w.t("footer-not-advice");
    let notes = [note, not_advice.as_str()];
    let joined = |note: &str| match hint.as_str() {
        "" => note.to_string(),
        hint => format!("{hint}  ·  {note}"),
    };
    notes
        .iter()
        .map(|n| joined(n))
        .find(|t| t.chars().count() <= width)
        .unwrap_or(not_advice)
}

fn too_small(w: Words<'_>, area: Rect, buf: &mut Buffer) {
    let [_, middle, _] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(area);
    Paragraph::new(Line::raw(w.t("screen-too-small")))
        .alignment(Alignment::Center)
        .wrap(Wrap { trim: true })
        .render(middle, buf);
}
