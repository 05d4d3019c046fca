//! Screens as the Linux console shows them (`TERM=linux`): the kiosk's
//! last pass for the console (`kiosk::ui::console`) applied, then each
//! cell's colours as the console's 16-colour palette and 8 backgrounds
//! show them. Used by the snapshot tests (every screen they draw keeps its
//! text readable there) and by the QR scan test.
#![allow(dead_code)]

use kiosk::ui::console::{MIN_CONTRAST, PALETTE, Palette, contrast, shown};
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

pub type Rgb = (u8, u8, u8);

/// xterm's default colours, standing for a terminal emulator.
const XTERM: [Rgb; 16] = [
    (0, 0, 0),
    (205, 0, 0),
    (0, 205, 0),
    (205, 205, 0),
    (0, 0, 238),
    (205, 0, 205),
    (0, 205, 205),
    (229, 229, 229),
    (127, 127, 127),
    (255, 0, 0),
    (0, 255, 0),
    (255, 255, 0),
    (92, 92, 255),
    (255, 0, 255),
    (0, 255, 255),
    (255, 255, 255),
];

fn xterm_index(c: Color, default: u8) -> u8 {
    kiosk::ui::console::index(c).unwrap_or(default)
}

/// Every cell's (foreground, background) as shown, row by row: on a
/// terminal emulator (xterm's colours) or on the console.
pub fn colours(buffer: &Buffer, palette: Palette) -> Vec<(Rgb, Rgb)> {
    let mut buffer = buffer.clone();
    palette.adapt(&mut buffer);
    buffer
        .content
        .iter()
        .map(|cell| match palette {
            Palette::Console => {
                let (f, b) = shown(cell.fg, cell.bg, cell.modifier);
                (PALETTE[usize::from(f)], PALETTE[usize::from(b)])
            }
            Palette::Terminal => {
                let f = XTERM[usize::from(xterm_index(cell.fg, 7))];
                let b = XTERM[usize::from(xterm_index(cell.bg, 0))];
                if cell.modifier.contains(Modifier::REVERSED) {
                    (b, f)
                } else {
                    (f, b)
                }
            }
        })
        .collect()
}

/// Fails, naming the cells, if any character on `buffer` would show on the
/// console with less than WCAG's contrast for text against its background.
pub fn assert_readable(buffer: &Buffer, what: &str) {
    let shown = colours(buffer, Palette::Console);
    let width = usize::from(buffer.area.width);
    let poor: Vec<String> = buffer
        .content
        .iter()
        .zip(&shown)
        .enumerate()
        .filter(|(_, (cell, (fg, bg)))| {
            cell.symbol().trim() != "" && contrast(*fg, *bg) < MIN_CONTRAST
        })
        .map(|(i, (cell, (fg, bg)))| {
            format!(
                "({}, {}) {:?}: {:?} on {:?} ({:?}) shows {fg:?} on {bg:?}, contrast {:.1}",
                i % width,
                i / width,
                cell.symbol(),
                cell.fg,
                cell.bg,
                cell.modifier,
                contrast(*fg, *bg)
            )
        })
        .collect();
    assert!(
        poor.is_empty(),
        "{what}: {} cells are hard to read on the Linux console (below {MIN_CONTRAST}:1):\n{}",
        poor.len(),
        poor.iter().take(12).cloned().collect::<Vec<_>>().join("\n")
    );
}
