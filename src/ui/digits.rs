//! A label beside a number in large digits: the patient's ticket, and the
//! number being served.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};
use tui_big_text::{BigText, PixelSize};

/// Each large digit's width in cells.
const DIGIT_WIDTH: usize = 8;

/// How the label sits: the width kept for it (at most half the area),
/// the gap before the digits, and the label's and the digits' styles.
pub struct Beside {
    pub label_width: u16,
    pub gap: u16,
    pub label_style: Style,
    pub digits_style: Style,
}

/// Draws `label`, centred on its row, then `number` in half-height large
/// digits, the pair centred in `area`.
pub fn render(label: &str, number: u32, how: &Beside, area: Rect, buf: &mut Buffer) {
    let digits = number.to_string();
    let digits_width = u16::try_from(digits.len() * DIGIT_WIDTH).unwrap_or(u16::MAX);
    let [text, _, big] = Layout::horizontal([
        Constraint::Length(how.label_width.min(area.width / 2)),
        Constraint::Length(how.gap),
        Constraint::Length(digits_width),
    ])
    .flex(Flex::Center)
    .areas(area);
    let [text] = Layout::vertical([Constraint::Length(1)])
        .flex(Flex::Center)
        .areas(text);
    Paragraph::new(label)
        .style(how.label_style)
        .render(text, buf);
    BigText::builder()
        .pixel_size(PixelSize::HalfHeight)
        .style(how.digits_style)
        .lines(vec![Line::raw(digits)])
        .build()
        .render(big, buf);
}
