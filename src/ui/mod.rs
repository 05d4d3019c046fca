//! Drawing. Reads the app state and never changes it.

mod checkin;
mod clinic_info;
mod header;
pub mod qr;
mod theme;

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

pub use self::checkin::{form_hit, render_form};
use crate::app::App;
use crate::strings;

/// Below this size the layout cannot work; a plain message shows instead.
pub const MIN_WIDTH: u16 = 24;
pub const MIN_HEIGHT: u16 = 8;

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            return too_small(area, buf);
        }
        let [top, body, bottom] = Layout::vertical([
            Constraint::Length(header::height(area.height)),
            Constraint::Fill(1),
            Constraint::Length(1),
        ])
        .areas(area);
        header::render(self, top, buf);
        clinic_info::render(self, body, buf);
        footer(self, bottom, buf);
    }
}

fn footer(app: &App, area: Rect, buf: &mut Buffer) {
    let (text, style) = if app.dev {
        (strings::DEV_MODE, theme::warning())
    } else {
        (strings::FOOTER, theme::footer())
    };
    Paragraph::new(text)
        .alignment(Alignment::Center)
        .style(style)
        .render(area, buf);
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
