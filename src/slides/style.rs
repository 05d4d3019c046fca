//! How slide text looks. Meaning is always carried by the words and
//! symbols too (bullets, quote bars); styles only repeat it.

use ratatui::style::{Color, Modifier, Style};

/// Level 1 is bold, underlined and coloured; level 2 bold and coloured;
/// deeper levels bold.
pub fn heading(level: u8) -> Style {
    let bold = Style::new().add_modifier(Modifier::BOLD);
    match level {
        1 => bold.fg(Color::Cyan).add_modifier(Modifier::UNDERLINED),
        2 => bold.fg(Color::Cyan),
        _ => bold,
    }
}

pub fn strong() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}

pub fn emphasis() -> Style {
    Style::new().add_modifier(Modifier::ITALIC)
}

pub fn strikethrough() -> Style {
    Style::new().add_modifier(Modifier::CROSSED_OUT)
}

/// The text of a block quote.
pub fn quote() -> Style {
    Style::new().add_modifier(Modifier::ITALIC)
}

/// The bar to the left of a block quote.
pub fn quote_bar() -> Style {
    Style::new().fg(Color::Gray)
}

/// A list's bullet or number.
pub fn marker() -> Style {
    Style::new().fg(Color::Cyan)
}

pub fn rule() -> Style {
    Style::new().fg(Color::Gray)
}
