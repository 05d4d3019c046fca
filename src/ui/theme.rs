//! Colours and text styles. Status is always carried by words and symbols
//! too; colour only repeats it.

use ratatui::style::{Color, Modifier, Style};

/// Joins the parts of a line: `● OPEN · Closes at 6:00 PM`.
pub const SEP: &str = " · ";
/// Symbols beside the words, so the status never rests on colour alone.
pub const OPEN_SYMBOL: &str = "●";
pub const CLOSED_SYMBOL: &str = "○";
/// Marks the items of a bullet list on a slide.
pub const BULLET: &str = "• ";
/// Runs down the left of a quotation on a slide.
pub const QUOTE_BAR: &str = "│ ";
/// Drawn across the slide for a horizontal rule.
pub const RULE: &str = "─";
/// Stands in for a character too wide for the whole line.
pub const TOO_WIDE: &str = "…";

pub fn title() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}

pub fn muted() -> Style {
    Style::new().fg(Color::Gray)
}

pub fn heading() -> Style {
    Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD)
}

pub fn today() -> Style {
    Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD)
}

pub fn open_badge() -> Style {
    Style::new()
        .fg(Color::Black)
        .bg(Color::Green)
        .add_modifier(Modifier::BOLD)
}

pub fn closing_soon_badge() -> Style {
    Style::new()
        .fg(Color::Black)
        .bg(Color::Yellow)
        .add_modifier(Modifier::BOLD)
}

pub fn closed_badge() -> Style {
    Style::new()
        .fg(Color::White)
        .bg(Color::Red)
        .add_modifier(Modifier::BOLD)
}

pub fn footer() -> Style {
    Style::new().fg(Color::Black).bg(Color::White)
}

pub fn warning() -> Style {
    Style::new()
        .fg(Color::Black)
        .bg(Color::Yellow)
        .add_modifier(Modifier::BOLD)
}

pub fn slide_title() -> Style {
    Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD)
}

pub fn sources() -> Style {
    Style::new().fg(Color::Gray).add_modifier(Modifier::ITALIC)
}

pub fn bar_done() -> Style {
    Style::new().fg(Color::Cyan)
}

pub fn form_label() -> Style {
    Style::new().fg(Color::White).add_modifier(Modifier::BOLD)
}

/// The focused field's label and frame.
pub fn form_focus() -> Style {
    Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD)
}

pub fn form_value() -> Style {
    Style::new().fg(Color::White).add_modifier(Modifier::BOLD)
}

pub fn form_error() -> Style {
    Style::new()
        .fg(Color::LightRed)
        .add_modifier(Modifier::BOLD)
}

pub fn form_hint() -> Style {
    Style::new().fg(Color::LightGreen)
}

/// The chosen answer of a choice field.
pub fn form_chosen() -> Style {
    Style::new()
        .fg(Color::Black)
        .bg(Color::White)
        .add_modifier(Modifier::BOLD)
}

pub fn button() -> Style {
    Style::new()
        .fg(Color::Black)
        .bg(Color::Green)
        .add_modifier(Modifier::BOLD)
}

pub fn ticket() -> Style {
    Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD)
}

/// The check-in button when check-in is closed.
pub fn button_off() -> Style {
    Style::new().fg(Color::White).bg(Color::DarkGray)
}

/// A check-in that just arrived, on the front desk's queue.
pub fn desk_new() -> Style {
    Style::new()
        .fg(Color::Black)
        .bg(Color::Yellow)
        .add_modifier(Modifier::BOLD)
}

/// A status word on the front desk's queue.
pub fn desk_status(status: crate::store::Status) -> Style {
    use crate::store::Status;
    match status {
        Status::Waiting => Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
        Status::Called => Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
        Status::Seen => Style::new().fg(Color::Green),
        Status::NoShow => Style::new().fg(Color::LightRed),
    }
}

/// A key of the on-screen keyboard, and a touch button on the form.
pub fn key() -> Style {
    Style::new()
        .fg(Color::White)
        .bg(Color::Black)
        .add_modifier(Modifier::BOLD)
}

/// A keyboard key that is on (Shift), or the page showing.
pub fn key_on() -> Style {
    Style::new()
        .fg(Color::Black)
        .bg(Color::White)
        .add_modifier(Modifier::BOLD)
}

/// A notice for the waiting room: dark on light, whatever the terminal's
/// own colours.
pub fn notice() -> Style {
    Style::new()
        .fg(Color::Black)
        .bg(Color::LightYellow)
        .add_modifier(Modifier::BOLD)
}

/// The number being served.
pub fn serving() -> Style {
    Style::new()
        .fg(Color::White)
        .bg(Color::Blue)
        .add_modifier(Modifier::BOLD)
}

/// The number being served, just changed.
pub fn serving_flash() -> Style {
    Style::new()
        .fg(Color::Black)
        .bg(Color::LightYellow)
        .add_modifier(Modifier::BOLD | Modifier::REVERSED)
}
