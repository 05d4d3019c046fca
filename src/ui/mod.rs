//! Drawing. Reads the app state and never changes it.

mod checkin;
mod clinic_info;
mod header;
pub mod qr;
mod slide;
mod staff;
mod theme;

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

pub use self::checkin::{form_hit, render_form};
pub use slide::{Position, SlideLayout};
pub use staff::{PinPromptView, StaffNote};

use crate::app::App;
use crate::strings;

/// Below this size the layout cannot work; a plain message shows instead.
pub const MIN_WIDTH: u16 = 24;
pub const MIN_HEIGHT: u16 = 8;

/// The three bands of every screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Regions {
    pub header: Rect,
    pub body: Rect,
    pub footer: Rect,
}

/// Where the bands go on a screen of `area`, or `None` if it is too small
/// for any layout.
pub fn regions(area: Rect) -> Option<Regions> {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return None;
    }
    let [header, body, footer] = Layout::vertical([
        Constraint::Length(header::height(area.width, area.height)),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area);
    Some(Regions {
        header,
        body,
        footer,
    })
}

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let Some(regions) = regions(area) else {
            return too_small(area, buf);
        };
        header::render(self, regions.header, buf);
        match self.slide_layout() {
            Some(layout) => slide::render(&layout, position(self), buf),
            None => clinic_info::render(self, regions.body, buf),
        }
        footer(self, regions.footer, buf);
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

fn footer(app: &App, area: Rect, buf: &mut Buffer) {
    let (text, style) = if app.dev {
        (strings::DEV_MODE, theme::warning())
    } else if usize::from(area.width) < strings::FOOTER.chars().count() {
        (strings::FOOTER_SHORT, theme::footer())
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
