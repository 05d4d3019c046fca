//! The end of a check-in: the ticket number, or where to go instead.
//! Only the first name is ever shown, and only to the patient who typed it.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Flex, Layout, Rect};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Widget, Wrap};

use super::{digits, theme};
use crate::app::Outcome;
use crate::i18n::{Words, num};

/// The "saving" moment (normally too short to be seen).
pub fn render_saving(w: Words<'_>, area: Rect, buf: &mut Buffer) {
    Clear.render(area, buf);
    let [middle] = Layout::vertical([Constraint::Length(1)])
        .flex(Flex::Center)
        .areas(area);
    Paragraph::new(w.t("checkin-saving"))
        .alignment(Alignment::Center)
        .render(middle, buf);
}

/// Draws the result; `quiet`: still in its first seconds, when nothing
/// dismisses it (the hint to continue appears after).
pub fn render(w: Words<'_>, outcome: &Outcome, quiet: bool, area: Rect, buf: &mut Buffer) {
    Clear.render(area, buf);
    let (greeting, ticket) = match outcome {
        Outcome::CheckedIn { first_name, ticket } => {
            let greeting = match first_name {
                Some(name) => w.f("checkin-checked-in-name", &[("name", name.as_str().into())]),
                None => w.t("checkin-checked-in"),
            };
            (greeting, Some(*ticket))
        }
        Outcome::MaybeListed => (w.t("checkin-maybe-listed"), None),
        Outcome::Failed => (w.t("checkin-sorry"), None),
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
        (_, Some(t)) => big_number(w, t, number, buf),
        (Some(t), None) => centred(your_number(w, t))
            .style(theme::title())
            .render(number, buf),
        (None, _) => centred(w.t("checkin-see-desk"))
            .style(theme::title())
            .render(number, buf),
    }
    let after = if ticket.is_some() {
        w.t("checkin-please-sit")
    } else {
        String::new()
    };
    centred(after).render(next, buf);
    if !quiet {
        centred(w.t("checkin-touch-to-continue"))
            .style(theme::muted())
            .render(hint, buf);
    }
    done_button(w, button, buf);
}

/// `Your number is 14.`
fn your_number(w: Words<'_>, ticket: u32) -> String {
    w.f("checkin-your-number", &[("ticket", num(ticket))])
}

/// The "Done" button under the result.
fn done_button(w: Words<'_>, row: Rect, buf: &mut Buffer) {
    let width = row.width.min(24);
    let [area] = Layout::horizontal([Constraint::Length(width)])
        .flex(Flex::Center)
        .areas(row);
    let (text, block) = if area.height >= 3 {
        let block = Block::bordered().border_type(BorderType::Thick);
        (w.t("form-done"), block)
    } else {
        (format!("[ {} ]", w.t("form-done")), Block::new())
    };
    Paragraph::new(text)
        .alignment(Alignment::Center)
        .style(theme::button())
        .block(block)
        .render(area, buf);
}

/// "Your number is" beside the number in large digits.
fn big_number(w: Words<'_>, ticket: u32, area: Rect, buf: &mut Buffer) {
    let label = your_number(w, ticket);
    let words = w.t("checkin-your-number-label");
    let how = digits::Beside {
        // The room of the whole sentence, so the digits stand where the
        // number would.
        label_width: u16::try_from(label.chars().count()).unwrap_or(u16::MAX),
        gap: 2,
        label_style: theme::title(),
        digits_style: theme::ticket(),
    };
    digits::render(&words, ticket, &how, area, buf);
}
