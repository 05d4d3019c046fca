//! The QR code on the "Visit us" slide scans, as a phone would read it off
//! the screen: the real slide is drawn from the bundled deck, each cell
//! becomes two pixels (its upper and lower half, as `▀ ▄ █` and spaces
//! split it) in the colours a terminal emulator shows, and in those the
//! Linux console shows (16 colours, 8 backgrounds, after the kiosk's own
//! pass for the console). A QR decoder must read the `tel:` link from the
//! picture of the whole screen; the modules must be exactly the code's,
//! and light and dark modules at full contrast.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod console_check;

use std::path::Path;

use chrono::DateTime;
use console_check::{Rgb, colours};
use kiosk::app::App;
use kiosk::config::Config;
use kiosk::slides::load_deck;
use kiosk::ui::console::{Palette, contrast};
use qrcode::{EcLevel, QrCode};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

const VISIT: &str = "900-visit-us.md";
const VISIT_QR: &str = "tel:+17202429756";
/// A Monday morning: open, so the slide shows.
const MONDAY_OPEN: &str = "2026-11-23T10:42:00-07:00";
/// The light border the kiosk draws around the code, in modules.
const QUIET: usize = 2;

/// The "Visit us" slide as the runtime draws it at `width`×`height`.
fn visit_slide(width: u16, height: u16) -> Buffer {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(dir.join("kiosk.toml")).unwrap();
    let config = Config::parse(Path::new("kiosk.toml"), &text, dir).unwrap();
    let deck = load_deck(&config.kiosk.content_dir);
    let now = DateTime::parse_from_rfc3339(MONDAY_OPEN).unwrap().to_utc();
    let mut app = App::new(config, now, false)
        .with_deck(deck)
        .with_size(width, height);
    let index = app
        .deck
        .slides
        .iter()
        .position(|s| s.file == VISIT)
        .unwrap();
    assert!(app.eligible().contains(&index), "{VISIT} may not show");
    app.show.slide = Some(index);
    app.show.page = 0;
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| frame.render_widget(&app, frame.area()))
        .unwrap();
    terminal.backend().buffer().clone()
}

/// A grey picture: `width` pixels across, row by row.
struct Picture {
    width: usize,
    pixels: Vec<Rgb>,
}

/// The screen as a picture, each cell two pixels high: the upper pixel in
/// the colour that covers the cell's upper half, the lower likewise. Other
/// characters (letters, thin lines) cover little of their cell and count
/// as background.
fn picture(buffer: &Buffer, palette: Palette) -> Picture {
    let width = usize::from(buffer.area.width);
    let shown = colours(buffer, palette);
    let mut pixels = vec![(0, 0, 0); width * usize::from(buffer.area.height) * 2];
    for (i, (cell, &(fg, bg))) in buffer.content.iter().zip(&shown).enumerate() {
        let (top, bottom) = match cell.symbol() {
            "█" => (fg, fg),
            "▀" => (fg, bg),
            "▄" => (bg, fg),
            _ => (bg, bg),
        };
        let (x, y) = (i % width, i / width);
        pixels[2 * y * width + x] = top;
        pixels[(2 * y + 1) * width + x] = bottom;
    }
    Picture { width, pixels }
}

fn grey((r, g, b): Rgb) -> u8 {
    let v = (u32::from(r) * 2126 + u32::from(g) * 7152 + u32::from(b) * 722) / 10_000;
    u8::try_from(v).unwrap_or(u8::MAX)
}

/// What a decoder reads in the picture, enlarged `scale` times.
fn decode(picture: &Picture, scale: usize) -> Vec<String> {
    let height = picture.pixels.len() / picture.width;
    let mut image = rqrr::PreparedImage::prepare_from_greyscale(
        picture.width * scale,
        height * scale,
        |x, y| grey(picture.pixels[(y / scale) * picture.width + x / scale]),
    );
    image
        .detect_grids()
        .iter()
        .map(|grid| match grid.decode() {
            Ok((_, text)) => text,
            Err(e) => format!("(unreadable: {e})"),
        })
        .collect()
}

/// The code's modules with the kiosk's light border, `true` dark.
fn expected_modules() -> (usize, Vec<bool>) {
    let code = QrCode::with_error_correction_level(VISIT_QR, EcLevel::M).unwrap();
    let inner = code.width();
    let side = inner + 2 * QUIET;
    let colours = code.to_colors();
    let modules = (0..side * side)
        .map(|i| {
            let (x, y) = (i % side, i / side);
            x >= QUIET
                && y >= QUIET
                && x < QUIET + inner
                && y < QUIET + inner
                && colours[(y - QUIET) * inner + x - QUIET] == qrcode::Color::Dark
        })
        .collect();
    (side, modules)
}

/// Where the code is drawn: the top-left cell of the white-on-black block
/// characters the QR widget draws.
fn code_origin(buffer: &Buffer) -> (usize, usize) {
    let width = usize::from(buffer.area.width);
    let i = buffer
        .content
        .iter()
        .position(|c| {
            c.fg == ratatui::style::Color::White
                && c.bg == ratatui::style::Color::Black
                && ["█", "▀", "▄", " "].contains(&c.symbol())
        })
        .expect("no QR code on the slide");
    (i % width, i / width)
}

/// Checks the picture of the code against the code: every module where it
/// belongs, every light module against every dark one at full contrast.
fn assert_modules(buffer: &Buffer, picture: &Picture, what: &str) {
    let (side, modules) = expected_modules();
    let (x0, row0) = code_origin(buffer);
    let y0 = row0 * 2;
    let mut light: Vec<Rgb> = Vec::new();
    let mut dark: Vec<Rgb> = Vec::new();
    for (i, &is_dark) in modules.iter().enumerate() {
        let pixel = picture.pixels[(y0 + i / side) * picture.width + x0 + i % side];
        if is_dark { &mut dark } else { &mut light }.push(pixel);
    }
    let lightest_dark = dark.iter().copied().max_by_key(|&p| grey(p)).unwrap();
    let darkest_light = light.iter().copied().min_by_key(|&p| grey(p)).unwrap();
    let ratio = contrast(lightest_dark, darkest_light);
    // 21:1 is white on black; anything short of ~20 means a module is
    // grey, misplaced, or the wrong colour.
    assert!(
        ratio >= 20.0,
        "{what}: light and dark modules only {ratio:.1}:1 apart (lightest dark {lightest_dark:?}, \
         darkest light {darkest_light:?})"
    );
}

fn assert_scans(width: u16, height: u16) {
    let buffer = visit_slide(width, height);
    for palette in [Palette::Terminal, Palette::Console] {
        let what = format!("{width}x{height}, {palette:?}");
        let picture = picture(&buffer, palette);
        assert_modules(&buffer, &picture, &what);
        // One pixel per module, and enlarged as a camera would see it.
        for scale in [1, 4] {
            let read = decode(&picture, scale);
            assert_eq!(
                read,
                [VISIT_QR],
                "{what}: what the decoder read at scale {scale}"
            );
        }
    }
}

#[test]
fn the_visit_slides_code_scans_on_a_terminal_and_on_the_console_at_120x33() {
    assert_scans(120, 33);
}

#[test]
fn the_code_scans_at_other_sizes_it_is_drawn_at() {
    for (width, height) in [(100, 30), (120, 40), (200, 60)] {
        assert_scans(width, height);
    }
}

#[test]
fn a_wrong_module_or_a_grey_background_fails_the_check() {
    let buffer = visit_slide(120, 33);
    let (x0, row0) = code_origin(&buffer);
    // One module flipped: the finder pattern's corner.
    let mut flipped = buffer.clone();
    let cell = flipped
        .cell_mut(((x0 + QUIET) as u16, (row0 + QUIET / 2) as u16))
        .unwrap();
    let turned = if cell.symbol() == "▄" { "█" } else { "▄" };
    cell.set_symbol(turned);
    let picture_of = |b: &Buffer| picture(b, Palette::Console);
    let result = std::panic::catch_unwind(|| {
        assert_modules(&flipped, &picture_of(&flipped), "flipped");
    });
    assert!(result.is_err(), "a flipped module went unnoticed");
    // The old way: light modules as a white background, which the console
    // shows grey.
    let mut grey_bg = buffer.clone();
    for cell in &mut grey_bg.content {
        if cell.fg == ratatui::style::Color::White
            && cell.bg == ratatui::style::Color::Black
            && cell.symbol() == "█"
        {
            cell.set_symbol(" ");
            cell.bg = ratatui::style::Color::White;
            cell.fg = ratatui::style::Color::Black;
        }
    }
    let result = std::panic::catch_unwind(|| {
        assert_modules(&buffer, &picture_of(&grey_bg), "grey");
    });
    assert!(result.is_err(), "light modules shown grey went unnoticed");
}
