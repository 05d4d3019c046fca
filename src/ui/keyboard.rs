//! The on-screen keyboard: where its keys go and how they are drawn.
//! Drawing and hit-testing both read [`keys`], so a touch always lands on
//! the key drawn there. Its state (page, Shift) is `checkin::Keyboard`.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Position, Rect};
use ratatui::widgets::{Block, BorderType, Paragraph, Widget};

use super::theme;
use crate::checkin::keyboard::upper;
use crate::checkin::{Key, Page};
use crate::i18n::Words;

/// Keys are at least this many rows tall where there is room for three.
const TALL: u16 = 3;
/// The widest a unit (a letter key) grows, so keys stay within reach.
const MAX_UNIT: u16 = 12;
/// Units across the widest row.
const UNITS: u16 = 10;

/// Rows the keyboard takes at the bottom of `area`, or 0 when the screen is
/// too small for one (the physical keyboard still works).
pub fn height(area: Rect) -> u16 {
    let rows = u16::try_from(Page::Letters.rows().len()).unwrap_or(4);
    match (area.width, area.height) {
        (..40, _) | (_, ..16) => 0,
        (_, ..24) => rows,
        _ => rows * TALL,
    }
}

/// Each key of `page` and where it is drawn in `area`, the keyboard's own
/// rows (see [`height`]), rows centred.
pub fn keys(area: Rect, page: Page) -> Vec<(Key, Rect)> {
    let rows = page.rows();
    let count = u16::try_from(rows.len()).unwrap_or(1).max(1);
    let key_height = (area.height / count).clamp(1, TALL);
    let unit = (area.width / UNITS).min(MAX_UNIT);
    if unit == 0 || area.height == 0 {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (r, row) in (0u16..).zip(rows) {
        let units: u16 = row.iter().map(|(_, w)| w).sum();
        let mut x = area.x + area.width.saturating_sub(units * unit) / 2;
        let y = area.y + r * key_height;
        for &(key, w) in row.iter() {
            let rect = Rect::new(x, y, w * unit, key_height).intersection(area);
            out.push((key, rect));
            x = x.saturating_add(w * unit);
        }
    }
    out
}

/// The key drawn at `x`, `y`, if any.
pub fn hit(area: Rect, page: Page, x: u16, y: u16) -> Option<Key> {
    let at = Position { x, y };
    keys(area, page)
        .into_iter()
        .find(|(_, rect)| rect.contains(at))
        .map(|(key, _)| key)
}

/// What a key says.
pub fn label(w: Words<'_>, key: Key, capitals: bool) -> String {
    match key {
        Key::Char(c) if capitals => upper(c).to_string(),
        Key::Char(c) => c.to_string(),
        Key::Space => w.t("key-space"),
        Key::Erase => w.t("key-erase"),
        Key::Shift => w.t("key-shift"),
        Key::Show(Page::Letters) => w.t("key-letters"),
        Key::Show(Page::Accents) => w.t("key-accents"),
        Key::Show(Page::Numbers) => w.t("key-numbers"),
    }
}

/// Draws `page` in `area`; `capitals` says how letters are labelled, and
/// `shift` lights the Shift key.
pub fn render(w: Words<'_>, page: Page, capitals: bool, shift: bool, area: Rect, buf: &mut Buffer) {
    for (key, rect) in keys(area, page) {
        let on = key == Key::Shift && shift;
        let style = if on { theme::key_on() } else { theme::key() };
        let text = label(w, key, capitals);
        if rect.height >= TALL {
            Paragraph::new(text)
                .alignment(Alignment::Center)
                .style(style)
                .block(Block::bordered().border_type(BorderType::Plain))
                .render(rect, buf);
        } else {
            let text = format!("[{text}]");
            Paragraph::new(text)
                .alignment(Alignment::Center)
                .style(style)
                .render(rect, buf);
        }
    }
}
