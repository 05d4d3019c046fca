//! The Linux text console's colours (`TERM=linux`), and a last pass over a
//! drawn frame that keeps every cell readable there.
//!
//! The console has 16 foreground colours but only 8 backgrounds: a bright
//! background (light yellow, bright white) shows as its normal colour
//! (brown, grey), and the kiosk's dark-on-light notices and badges would
//! lose their contrast. Its "yellow" is brown, too dim as text on black.
//! On the console, a cell whose colours fall below [`MIN_CONTRAST`] gets
//! the nearest foreground that reaches it: the bright form of its colour,
//! else white, else black. Elsewhere nothing changes.

use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

/// WCAG's contrast ratio for ordinary text.
pub const MIN_CONTRAST: f64 = 4.5;

/// The console's default palette, in ANSI order: black, red, green, brown,
/// blue, magenta, cyan, white, then their bright forms.
pub const PALETTE: [(u8, u8, u8); 16] = [
    (0, 0, 0),
    (170, 0, 0),
    (0, 170, 0),
    (170, 85, 0),
    (0, 0, 170),
    (170, 0, 170),
    (0, 170, 170),
    (170, 170, 170),
    (85, 85, 85),
    (255, 85, 85),
    (85, 255, 85),
    (255, 255, 85),
    (85, 85, 255),
    (255, 85, 255),
    (85, 255, 255),
    (255, 255, 255),
];

/// Where the screen is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Palette {
    /// A terminal emulator: colours as drawn.
    Terminal,
    /// The Linux text console.
    Console,
}

impl Palette {
    /// From the value of `TERM`.
    pub fn from_term(term: Option<&str>) -> Self {
        match term {
            Some(t) if t == "linux" || t.starts_with("linux-") => Palette::Console,
            _ => Palette::Terminal,
        }
    }

    /// The last pass over a drawn frame: on the console, every cell gets
    /// colours that keep it readable there.
    pub fn adapt(self, buf: &mut Buffer) {
        if self == Palette::Terminal {
            return;
        }
        // Cells come in runs of one style: work each style out once.
        let mut last: Option<(Look, Look)> = None;
        for cell in &mut buf.content {
            let look = (cell.fg, cell.bg, cell.modifier);
            let fixed = match last {
                Some((seen, fixed)) if seen == look => fixed,
                _ => {
                    let fixed = readable(look);
                    last = Some((look, fixed));
                    fixed
                }
            };
            if fixed != look {
                (cell.fg, cell.bg, cell.modifier) = fixed;
            }
        }
    }
}

/// A cell's foreground, background and modifiers.
type Look = (Color, Color, Modifier);

/// `look` with reversed colours swapped in place, and a foreground that
/// reaches [`MIN_CONTRAST`] on the console if the one given does not.
fn readable((mut fg, mut bg, mut modifier): Look) -> Look {
    if modifier.contains(Modifier::REVERSED) {
        // Swapped here, so the colour fix below sees what shows.
        (fg, bg) = (
            if bg == Color::Reset { Color::Black } else { bg },
            if fg == Color::Reset { Color::Gray } else { fg },
        );
        modifier.remove(Modifier::REVERSED);
    }
    let enough = |fg: Color| {
        let (f, b) = shown(fg, bg, modifier);
        contrast(PALETTE[usize::from(f)], PALETTE[usize::from(b)]) >= MIN_CONTRAST
    };
    if !enough(fg) {
        let (f, _) = shown(fg, bg, Modifier::empty());
        let candidates = [colour(f | 8), Color::White, Color::Black];
        if let Some(better) = candidates.into_iter().find(|&c| enough(c)) {
            fg = better;
        }
    }
    (fg, bg, modifier)
}

/// The ANSI colour (0-15) a named colour is sent as.
pub fn index(c: Color) -> Option<u8> {
    Some(match c {
        Color::Black => 0,
        Color::Red => 1,
        Color::Green => 2,
        Color::Yellow => 3,
        Color::Blue => 4,
        Color::Magenta => 5,
        Color::Cyan => 6,
        Color::Gray => 7,
        Color::DarkGray => 8,
        Color::LightRed => 9,
        Color::LightGreen => 10,
        Color::LightYellow => 11,
        Color::LightBlue => 12,
        Color::LightMagenta => 13,
        Color::LightCyan => 14,
        Color::White => 15,
        Color::Indexed(i) if i < 16 => i,
        _ => return None,
    })
}

fn colour(i: u8) -> Color {
    const NAMED: [Color; 16] = [
        Color::Black,
        Color::Red,
        Color::Green,
        Color::Yellow,
        Color::Blue,
        Color::Magenta,
        Color::Cyan,
        Color::Gray,
        Color::DarkGray,
        Color::LightRed,
        Color::LightGreen,
        Color::LightYellow,
        Color::LightBlue,
        Color::LightMagenta,
        Color::LightCyan,
        Color::White,
    ];
    NAMED[usize::from(i & 15)]
}

/// The red, green and blue the kernel takes a colour for (its own table
/// for 256-colour values), or the colour itself.
fn rgb(c: Color) -> (u8, u8, u8) {
    match c {
        Color::Rgb(r, g, b) => (r, g, b),
        Color::Indexed(i) if i >= 232 => {
            let v = u8::try_from(u32::from(i) * 10 - 2312).unwrap_or(u8::MAX);
            (v, v, v)
        }
        Color::Indexed(i) if i >= 16 => {
            let step = |v: u8| u8::try_from(u32::from(v) * 255 / 6).unwrap_or(u8::MAX);
            let i = i - 16;
            (step(i / 36), step(i / 6 % 6), step(i % 6))
        }
        _ => index(c).map_or((0, 0, 0), |i| {
            let (on, off) = if i < 8 { (0xaa, 0) } else { (0xff, 0x55) };
            let bit = |b: u8| if i & b != 0 { on } else { off };
            (bit(1), bit(2), bit(4))
        }),
    }
}

/// The foreground the kernel picks for a colour sent as a 256-colour or
/// RGB value (as crossterm sends every colour): its hue, made bright when
/// the colour is brighter than the normal palette.
fn foreground(c: Color) -> u8 {
    if c == Color::Reset {
        return 7;
    }
    let (r, g, b) = rgb(c);
    let max = r.max(g).max(b);
    let hue = u8::from(r > max / 2) | u8::from(g > max / 2) << 1 | u8::from(b > max / 2) << 2;
    if hue == 7 && max <= 0x55 {
        8
    } else if max > 0xaa {
        hue | 8
    } else {
        hue
    }
}

/// The background the kernel picks: one of the 8 normal colours, "erring
/// on the dark side".
fn background(c: Color) -> u8 {
    if c == Color::Reset {
        return 0;
    }
    let (r, g, b) = rgb(c);
    u8::from(r >= 0x80) | u8::from(g >= 0x80) << 1 | u8::from(b >= 0x80) << 2
}

/// The foreground and background (ANSI 0-15) the console shows for a cell.
/// Italic and underlined text is shown in the console's own colours for
/// them (green, cyan), dim text in dark grey; reversed cells swap colours,
/// the brightness staying with the foreground. Bold follows the colour:
/// crossterm sends the colour after the attribute, and the colour sets
/// the brightness.
pub fn shown(fg: Color, bg: Color, modifier: Modifier) -> (u8, u8) {
    let mut f = foreground(fg);
    let b = background(bg);
    if modifier.contains(Modifier::ITALIC) {
        f = 2 | (f & 8);
    } else if modifier.contains(Modifier::UNDERLINED) {
        f = 6 | (f & 8);
    } else if modifier.contains(Modifier::DIM) {
        f = 8;
    }
    if modifier.contains(Modifier::REVERSED) {
        (b | (f & 8), f & 7)
    } else {
        (f, b)
    }
}

/// WCAG's contrast ratio between two colours, 1 to 21.
pub fn contrast(a: (u8, u8, u8), b: (u8, u8, u8)) -> f64 {
    let channel = |v: u8| {
        let v = f64::from(v) / 255.0;
        if v <= 0.040_45 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    let luminance =
        |(r, g, b): (u8, u8, u8)| 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;
    use ratatui::style::Style;

    #[test]
    fn bright_backgrounds_show_as_their_normal_colour() {
        assert_eq!(
            shown(Color::Black, Color::LightYellow, Modifier::BOLD),
            (0, 3)
        );
        assert_eq!(shown(Color::Black, Color::White, Modifier::empty()), (0, 7));
        assert_eq!(
            shown(Color::White, Color::DarkGray, Modifier::empty()),
            (15, 0)
        );
        assert_eq!(shown(Color::Reset, Color::Reset, Modifier::empty()), (7, 0));
        assert_eq!(
            shown(
                Color::Rgb(255, 255, 85),
                Color::Rgb(255, 255, 85),
                Modifier::empty()
            ),
            (11, 3)
        );
    }

    #[test]
    fn reversed_cells_keep_the_brightness_in_front() {
        let both = Modifier::BOLD | Modifier::REVERSED;
        assert_eq!(shown(Color::Black, Color::LightYellow, both), (3, 0));
        assert_eq!(
            shown(Color::White, Color::Blue, Modifier::REVERSED),
            (12, 7)
        );
    }

    #[test]
    fn the_consoles_own_colours_for_italic_and_underline() {
        assert_eq!(shown(Color::Gray, Color::Reset, Modifier::ITALIC), (2, 0));
        assert_eq!(
            shown(Color::Cyan, Color::Reset, Modifier::UNDERLINED),
            (6, 0)
        );
    }

    #[test]
    fn contrast_runs_from_one_to_twenty_one() {
        assert!((contrast(PALETTE[0], PALETTE[15]) - 21.0).abs() < 1e-9);
        assert!((contrast(PALETTE[7], PALETTE[7]) - 1.0).abs() < 1e-9);
        // Black on the console's brown: too little.
        assert!(contrast(PALETTE[0], PALETTE[3]) < MIN_CONTRAST);
    }

    fn adapted(style: Style, palette: Palette) -> (Color, Color, Modifier) {
        let mut buf = Buffer::empty(Rect::new(0, 0, 1, 1));
        if let Some(cell) = buf.cell_mut((0, 0)) {
            cell.set_symbol("x").set_style(style);
        }
        palette.adapt(&mut buf);
        let cell = &buf.content[0];
        (cell.fg, cell.bg, cell.modifier)
    }

    #[test]
    fn dark_text_on_a_light_yellow_notice_turns_white_on_the_console() {
        let notice = Style::new().fg(Color::Black).bg(Color::LightYellow);
        assert_eq!(
            adapted(notice, Palette::Console),
            (Color::White, Color::LightYellow, Modifier::empty())
        );
        assert_eq!(
            adapted(notice, Palette::Terminal),
            (Color::Black, Color::LightYellow, Modifier::empty())
        );
    }

    #[test]
    fn dim_colours_brighten_and_good_ones_stay() {
        let yellow = Style::new().fg(Color::Yellow);
        assert_eq!(adapted(yellow, Palette::Console).0, Color::LightYellow);
        let cyan = Style::new().fg(Color::Cyan).bg(Color::Black);
        assert_eq!(adapted(cyan, Palette::Console).0, Color::Cyan);
        let flash = Style::new()
            .fg(Color::Black)
            .bg(Color::LightYellow)
            .add_modifier(Modifier::REVERSED);
        let (fg, bg, modifier) = adapted(flash, Palette::Console);
        assert_eq!((fg, bg), (Color::LightYellow, Color::Black));
        assert!(!modifier.contains(Modifier::REVERSED));
    }

    #[test]
    fn only_linux_is_the_console() {
        assert_eq!(Palette::from_term(Some("linux")), Palette::Console);
        assert_eq!(Palette::from_term(Some("linux-16color")), Palette::Console);
        assert_eq!(
            Palette::from_term(Some("xterm-256color")),
            Palette::Terminal
        );
        assert_eq!(Palette::from_term(None), Palette::Terminal);
    }
}
