//! Drawing. Reads the app state and never changes it.

mod asleep;
mod checkin;
mod clinic_info;
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

pub use self::checkin::{form_hit, render_form, render_titled_form};
pub use slide::{Position, SlideLayout};
pub use staff::{PinPromptView, StaffNote};

use crate::app::{App, Availability, Screen};
use crate::strings;

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
            return too_small(area, buf);
        };
        if matches!(self.screen, Screen::Slides | Screen::Pin { .. }) {
            header::render(self, regions.header, buf);
            notice::render_notice(self, regions.notice, buf);
        }
        match &self.screen {
            Screen::Slides => {
                match self.slide_layout() {
                    Some(layout) => slide::render(&layout, position(self), buf),
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
                render_form(form, &self.keyboard, area, buf, self.now, timeout);
            }
            Screen::Saving => done::render_saving(self.form_area(), buf),
            Screen::Done { outcome, since, .. } => {
                let quiet = self.now < *since + crate::app::QUIET;
                done::render(outcome, quiet, self.form_area(), buf);
            }
            Screen::Pin { prompt, note } => {
                let view = PinPromptView {
                    prompt,
                    note: note.clone(),
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

fn footer(app: &App, area: Rect, buf: &mut Buffer, serving_here: bool) {
    let button = checkin_button(area);
    let (label, style) = match app.checkin_availability() {
        Availability::Open => (strings::CHECKIN_PROMPT.to_string(), theme::button()),
        Availability::OpensAt(t) => {
            let when = crate::status::when_words(&app.config.schedule, app.now, t, true);
            (strings::checkin_opens(&when), theme::button_off())
        }
        Availability::Closed => (strings::CHECKIN_CLOSED.to_string(), theme::button_off()),
    };
    let note = if app.dev {
        strings::DEV_MODE
    } else if app.config.demo {
        strings::DEMO_MODE
    } else {
        strings::FOOTER_SHORT
    };
    if area.height == 1 {
        let open = style == theme::button();
        let text = one_line_footer(open, note, usize::from(area.width));
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
        let text = format!(" {}", strings::now_serving(ticket));
        let style = if app.serving_flash() {
            theme::serving_flash()
        } else {
            theme::title()
        };
        Paragraph::new(text).style(style).render(note_row, buf);
    }
    let problems = app.problems.count();
    if problems > 0 {
        let marker = format!("{} ", strings::staff_problems(problems));
        Paragraph::new(marker)
            .alignment(Alignment::Right)
            .style(theme::muted())
            .render(note_row, buf);
    }
}

/// The footer squeezed into one row: the check-in hint and the note,
/// shortened until they fit.
fn one_line_footer(open: bool, note: &str, width: usize) -> String {
    let hint = if open {
        strings::CHECKIN_PROMPT_SHORT
    } else {
        ""
    };
    let notes = [note, strings::NOT_ADVICE_SHORT];
    let joined = |note: &str| match hint {
        "" => note.to_string(),
        hint => format!("{hint}  ·  {note}"),
    };
    notes
        .iter()
        .map(|n| joined(n))
        .find(|t| t.chars().count() <= width)
        .unwrap_or_else(|| strings::NOT_ADVICE_SHORT.to_string())
}

fn too_small(area: Rect, buf: &mut Buffer) {
    let [_, middle, _] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(area);
    Paragraph::new(Line::raw(strings::TOO_SMALL))
        .alignment(Alignment::Center)
        .wrap(Wrap { trim: true })
        .render(middle, buf);
}
