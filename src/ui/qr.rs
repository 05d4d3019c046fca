//! A QR code drawn with block characters, light modules on black, so a
//! phone can scan it on any terminal theme and on the Linux console.
//!
//! Each cell holds two modules, one above the other (`▀ ▄ █` or a space).
//! Light modules are always the foreground, bright white, and the
//! background is always black: the console has no bright backgrounds (a
//! white one shows grey there), so drawing light modules as background
//! would halve the code's contrast on the console.

use qrcode::{EcLevel, QrCode};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::widgets::Widget;

/// Light modules around the code; scanners need a quiet border.
const QUIET: usize = 2;

/// A QR code ready to draw.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Qr {
    /// Modules including the quiet border, row by row; `true` is dark.
    modules: Vec<bool>,
    side: usize,
}

impl Qr {
    /// Encodes `text`, or `None` if it is too long for a QR code.
    pub fn new(text: &str) -> Option<Self> {
        let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).ok()?;
        let inner = code.width();
        let dark: Vec<bool> = code
            .to_colors()
            .into_iter()
            .map(|c| c == qrcode::Color::Dark)
            .collect();
        let side = inner + 2 * QUIET;
        let mut modules = vec![false; side * side];
        for y in 0..inner {
            for x in 0..inner {
                modules[(y + QUIET) * side + x + QUIET] = dark[y * inner + x];
            }
        }
        Some(Self { modules, side })
    }

    /// Columns and rows the code needs: one column per module, two module
    /// rows per terminal row.
    pub fn size(&self) -> (u16, u16) {
        let cols = u16::try_from(self.side).unwrap_or(u16::MAX);
        let rows = u16::try_from(self.side.div_ceil(2)).unwrap_or(u16::MAX);
        (cols, rows)
    }

    fn dark(&self, x: usize, y: usize) -> bool {
        y < self.side && self.modules[y * self.side + x]
    }
}

impl Widget for &Qr {
    /// Draws nothing unless the whole code fits: half a QR code scans as
    /// nothing at all.
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (cols, rows) = self.size();
        if area.width < cols || area.height < rows {
            return;
        }
        let style = Style::new().fg(Color::White).bg(Color::Black);
        for row in 0..rows {
            for col in 0..cols {
                let (x, y) = (usize::from(col), usize::from(row) * 2);
                if let Some(cell) = buf.cell_mut((area.x + col, area.y + row)) {
                    cell.set_symbol(halves(!self.dark(x, y), !self.dark(x, y + 1)))
                        .set_style(style);
                }
            }
        }
    }
}

/// The character whose foreground covers the light halves of a cell.
fn halves(top_light: bool, bottom_light: bool) -> &'static str {
    match (top_light, bottom_light) {
        (true, true) => "█",
        (true, false) => "▀",
        (false, true) => "▄",
        (false, false) => " ",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_phone_number_fits_in_a_small_square() {
        let qr = Qr::new("tel:+17202429756");
        assert_eq!(qr.as_ref().map(Qr::size), Some((25, 13)));
    }

    #[test]
    fn the_finder_pattern_is_dark_inside_a_light_border() {
        let Some(qr) = Qr::new("tel:+17202429756") else {
            unreachable!("a phone number always encodes")
        };
        assert!(!qr.dark(0, 0) && !qr.dark(1, 1));
        assert!(qr.dark(QUIET, QUIET) && qr.dark(QUIET + 6, QUIET));
        assert!(!qr.dark(QUIET + 1, QUIET + 1));
    }

    #[test]
    fn too_small_an_area_draws_nothing() {
        let Some(qr) = Qr::new("x") else {
            unreachable!()
        };
        let mut buf = Buffer::empty(Rect::new(0, 0, 10, 5));
        (&qr).render(buf.area, &mut buf);
        assert!(buf.content.iter().all(|c| c.symbol() == " "));
    }

    #[test]
    fn text_too_long_for_any_code_is_refused() {
        assert!(Qr::new(&"9".repeat(8000)).is_none());
    }
}
