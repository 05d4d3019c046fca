//! The sign across the room: OPEN or CLOSED in large letters, the reason
//! and the next change in normal text beneath, the clinic's name, date and
//! time beside it. Drawn from 80×24 up; the words and the symbol say it
//! all, colour only repeats it.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Padding, Paragraph, Widget};
use tui_big_text::{BigText, PixelSize};

use super::header::{badge_word, date_and_time, sign_line, third_line};
use super::theme;
use crate::app::App;

/// Columns for the name, date and time at most.
const INFO_WIDTH: u16 = 28;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let info_width = INFO_WIDTH.min(area.width / 3);
    let [info, sign] =
        Layout::horizontal([Constraint::Length(info_width), Constraint::Fill(1)]).areas(area);
    render_info(app, info, buf);
    let (word, style) = badge_word(app);
    let block = if sign.height >= 8 {
        Block::bordered().border_type(BorderType::Thick)
    } else {
        Block::new().padding(Padding::vertical(0))
    };
    let inner = block.inner(sign);
    Paragraph::new("")
        .style(style)
        .block(block)
        .render(sign, buf);
    let [big, under, third] = Layout::vertical([
        Constraint::Length(4),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    let w = app.words();
    let big_word = if app.status.open {
        w.t("sign-open")
    } else {
        w.t("sign-closed")
    };
    // Eight columns a letter, or four where a longer word (Spanish
    // ABIERTO, CERRADO) would not fit: never cut.
    let letters = u16::try_from(big_word.chars().count()).unwrap_or(u16::MAX);
    let size = if letters.saturating_mul(8) <= big.width {
        PixelSize::HalfHeight
    } else {
        PixelSize::Quadrant
    };
    BigText::builder()
        .pixel_size(size)
        .style(style)
        .alignment(Alignment::Center)
        .lines(vec![Line::raw(big_word)])
        .build()
        .render(big, buf);
    // The symbol and the word again in the line beneath, so the sign reads
    // without colour, and even where the large letters cannot be drawn:
    // `○ CLOSED · Christmas Day · Opens Saturday at 9:00 AM`.
    Paragraph::new(format!("{word}{}{}", theme::SEP, sign_line(app)))
        .alignment(Alignment::Center)
        .style(style)
        .render(under, buf);
    if let Some(text) = third_line(app) {
        Paragraph::new(text)
            .alignment(Alignment::Center)
            .style(style)
            .render(third, buf);
    }
}

fn render_info(app: &App, area: Rect, buf: &mut Buffer) {
    let (date, time) = date_and_time(app);
    let mut lines = vec![
        Line::styled(app.config.clinic.name.as_str(), theme::title()),
        Line::raw(date),
        Line::styled(time, theme::title()),
    ];
    if area.height > 6 {
        lines.insert(0, Line::raw(""));
    }
    Paragraph::new(lines)
        .block(Block::new().padding(Padding::horizontal(1)))
        .render(area, buf);
}
