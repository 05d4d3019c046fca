//! The top of every screen: clinic name, date and time, and the status badge.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Paragraph, Widget};

use super::theme;
use crate::app::App;
use crate::strings;

/// Rows the header takes on a screen `height` rows tall.
pub fn height(height: u16) -> u16 {
    if height >= 16 { 5 } else { 3 }
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let badge_width = (area.width / 2).min(32);
    let [left, badge] =
        Layout::horizontal([Constraint::Fill(1), Constraint::Length(badge_width)]).areas(area);
    render_clock(app, left, buf);
    render_badge(app, badge, buf);
}

fn render_clock(app: &App, area: Rect, buf: &mut Buffer) {
    let wall = app.config.schedule.wall_at(app.now);
    let time = strings::clock_time(
        chrono::Timelike::hour(&wall),
        chrono::Timelike::minute(&wall),
    );
    let mut lines = vec![
        Line::styled(app.config.clinic.name.as_str(), theme::title()),
        Line::raw(strings::long_date(wall.date())),
        Line::styled(time, theme::title()),
    ];
    if area.height > 3 {
        lines.insert(0, Line::raw(""));
    }
    Paragraph::new(lines)
        .block(Block::new().padding(ratatui::widgets::Padding::horizontal(1)))
        .render(area, buf);
}

fn render_badge(app: &App, area: Rect, buf: &mut Buffer) {
    let status = &app.status;
    let (word, symbol, style) = match (status.open, status.closing_soon) {
        (true, false) => (strings::OPEN, strings::OPEN_SYMBOL, theme::open_badge()),
        (true, true) => (
            strings::OPEN,
            strings::OPEN_SYMBOL,
            theme::closing_soon_badge(),
        ),
        (false, _) => (
            strings::CLOSED,
            strings::CLOSED_SYMBOL,
            theme::closed_badge(),
        ),
    };
    let mut lines = vec![
        Line::raw(format!("{symbol} {word}")),
        Line::raw(strings::capitalized(&status.change_text)),
    ];
    let third = if status.closing_soon {
        Some(match &status.countdown {
            Some(c) => format!("{} · {c}", strings::CLOSING_SOON),
            None => strings::CLOSING_SOON.to_string(),
        })
    } else {
        status.countdown.clone()
    };
    lines.extend(third.map(Line::raw));
    let block = if area.height >= 5 {
        Block::bordered().border_type(BorderType::Thick)
    } else {
        Block::new()
    };
    Paragraph::new(lines)
        .alignment(Alignment::Center)
        .style(style)
        .block(block)
        .render(area, buf);
}
