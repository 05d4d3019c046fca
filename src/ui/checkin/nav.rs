//! The form's touch buttons: Back, Cancel and Next (Check in on the last
//! question) on every question, the answers to "Clear your answers?", and
//! the two readings of a two-digit year.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::widgets::{Block, BorderType, Paragraph, Widget};

use super::layout::{CHOICE_GAP, ChoiceArea, FormLayout, text_width};
use super::theme;
use crate::checkin::Form;

/// The widest a boxed button grows.
const MAX_BUTTON: u16 = 24;

/// Back at the left of `row`, Next at its right, Cancel between.
pub fn buttons(row: Rect, boxed: bool) -> [Rect; 3] {
    let gap = if boxed { 2 } else { 1 };
    let most = if boxed { MAX_BUTTON } else { 16 };
    let width = (row.width.saturating_sub(2 * gap) / 3).min(most);
    let middle = row.x + row.width.saturating_sub(width) / 2;
    let right = row.right().saturating_sub(width);
    [row.x, middle, right].map(|x| Rect::new(x, row.y, width, row.height))
}

/// `texts` side by side from the left of `row`, each where it is drawn.
pub fn side_by_side(texts: &[String], row: Rect) -> Vec<ChoiceArea> {
    let mut x = row.x;
    let mut out = Vec::with_capacity(texts.len());
    for (choice, text) in texts.iter().enumerate() {
        let width = text_width(text);
        let rect = Rect::new(x, row.y, width, 1).intersection(row);
        if !rect.is_empty() {
            out.push(ChoiceArea {
                choice,
                rect,
                text: text.clone(),
            });
        }
        x = x.saturating_add(width + CHOICE_GAP);
    }
    out
}

/// Draws the three buttons, or while the form asks whether to clear, its
/// two answers.
pub fn render(l: &FormLayout, form: &Form, buf: &mut Buffer) {
    let w = form.words();
    let last = form.focused() + 1 >= form.fields().len();
    let next = if last {
        w.t("checkin-button")
    } else {
        w.t("form-next")
    };
    let labels = if form.is_asking() {
        [
            Some(w.t("form-clear-no")),
            None,
            Some(w.t("form-clear-yes")),
        ]
    } else {
        [Some(w.t("form-back")), Some(w.t("form-cancel")), Some(next)]
    };
    let styles = [theme::key(), theme::key(), theme::button()];
    for ((area, label), style) in l.buttons.iter().zip(labels).zip(styles) {
        let Some(label) = label else { continue };
        if area.is_empty() {
            continue;
        }
        let (text, block) = if l.boxed {
            let kind = if style == theme::button() {
                BorderType::Thick
            } else {
                BorderType::Plain
            };
            (label.to_string(), Block::bordered().border_type(kind))
        } else {
            let bracketed = format!("[ {label} ]");
            let fits = text_width(&bracketed) <= area.width;
            (
                if fits { bracketed } else { label.to_string() },
                Block::new(),
            )
        };
        Paragraph::new(text)
            .alignment(Alignment::Center)
            .style(style)
            .block(block)
            .render(*area, buf);
    }
}

/// Draws the readings of a two-digit year to touch.
pub fn render_centuries(areas: &[ChoiceArea], buf: &mut Buffer) {
    for c in areas {
        let width = usize::from(c.rect.width);
        buf.set_stringn(c.rect.x, c.rect.y, &c.text, width, theme::form_chosen());
    }
}
