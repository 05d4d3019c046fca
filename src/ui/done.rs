//! The end of a check-in: the ticket number, or where to go instead.
//! Only the first name is ever shown, and only to the patient who typed it.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Flex, Layout, Rect};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Widget, Wrap};

use super::{digits, theme};
use crate::app::Outcome;
use crate::strings;

/// The "saving" moment (normally too short to be seen).
pub fn render_saving(area: Rect, buf: &mut Buffer) {
    Clear.render(area, buf);
    let [middle] = Layout::vertical([Constraint::Length(1)])
        .flex(Flex::Center)
        .areas(area);
    Paragraph::new(strings::SAVING)
        .alignment(Alignment::Center)
        .render(middle, buf);
}

/// Draws the result; `quiet`: still in its first seconds, when nothing
/// dismisses it (the hint to continue appears after).
pub fn render(outcome: &Outcome, quiet: bool, area: Rect, buf: &mut Buffer) {
    Clear.render(area, buf);
    let (greeting, ticket) = match outcome {
        Outcome::CheckedIn { first_name, ticket } => {
            (strings::checked_in(first_name.as_deref()), Some(*ticket))
        }
        Outcome::MaybeListed => (strings::MAYBE_LISTED.to_string(), None),
        Outcome::Failed => (strings::SEE_DESK_SORRY.to_string(), None),
    };
    let big = ticket.filter(|_| area.height >= 16 && area.width >= 40);
    let number_rows = if big.is_some() { 5 } else { 1 };
    let (gap, button_rows) = if area.height >= 20 { (1, 3) } else { (0, 1) };
    let [greet, _, number, _, next, _, hint, _, button] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(1),
        Constraint::Length(number_rows),
        Constraint::Length(1),
        Constraint::Length(2),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(gap),
        Constraint::Length(button_rows),
    ])
    .flex(Flex::Center)
    .areas(area);
    let centred = |text: String| {
        Paragraph::new(text)
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true })
    };
    centred(greeting).style(theme::title()).render(greet, buf);
    match (ticket, big) {
        (_, Some(t)) => big_number(t, number, buf),
        (Some(t), None) => centred(strings::your_number(t))
            .style(theme::title())
            .render(number, buf),
        (None, _) => centred(strings::SEE_DESK.to_string())
            .style(theme::title())
            .render(number, buf),
    }
    let after = if ticket.is_some() {
        strings::PLEASE_SIT
    } else {
        ""
    };
    centred(after.to_string()).render(next, buf);
    if !quiet {
        centred(strings::TOUCH_TO_CONTINUE.to_string())
            .style(theme::muted())
            .render(hint, buf);
    }
    done_button(button, buf);
}

/// The "Done" button under the result.
fn done_button(row: Rect, buf: &mut Buffer) {
    let width = row.width.min(24);
    let [area] = Layout::horizontal([Constraint::Length(width)])
        .flex(Flex::Center)
        .areas(row);
    let (text, block) = if area.height >= 3 {
        let block = Block::bordered().border_type(BorderType::Thick);
        (strings::DONE.to_string(), block)
    } else {
        (format!("[ {} ]", strings::DONE), Block::new())
    };
    Paragraph::new(text)
        .alignment(Alignment::Center)
        .style(theme::button())
        .block(block)
        .render(area, buf);
}

/// "Your number is" beside the number in large digits.
fn big_number(ticket: u32, area: Rect, buf: &mut Buffer) {
    let label = strings::your_number(ticket);
    let words = label
        .trim_end_matches('.')
        .trim_end_matches(char::is_numeric)
        .trim_end();
    let how = digits::Beside {
        // The room of the whole sentence, so the digits stand where the
        // number would.
        label_width: u16::try_from(label.len()).unwrap_or(u16::MAX),
        gap: 2,
        label_style: theme::title(),
        digits_style: theme::ticket(),
    };
    digits::render(words, ticket, &how, area, buf);
}
