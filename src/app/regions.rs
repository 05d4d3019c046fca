//! Where the bands of the screen go: the header (with the sign), a notice
//! when one is showing, the body, the number being served, and the footer.
//! Pure: the app needs it for clicks and slide pages, the drawing for
//! everything, and both get the same answer.

use ratatui::layout::{Constraint, Layout, Rect};

/// Below this size the layout cannot work; a plain message shows instead.
pub const MIN_WIDTH: u16 = 24;
pub const MIN_HEIGHT: u16 = 8;
/// Below this width the header stacks its parts instead of setting them
/// side by side.
pub const WIDE: u16 = 60;
/// From this size up, the sign's word is drawn in large letters, and so is
/// the number being served.
pub const BIG: (u16, u16) = (80, 24);
/// Rows for the number being served in large digits.
pub const SERVING_ROWS: u16 = 4;

/// The bands of every screen.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Regions {
    pub header: Rect,
    /// The notice's rows (none when no notice shows).
    pub notice: Rect,
    pub body: Rect,
    /// The number being served in large digits (none when there is no
    /// number, or the screen is too small for large digits).
    pub serving: Rect,
    pub footer: Rect,
}

/// What, besides the fixed bands, takes rows on the screen.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Extras {
    /// Rows of the wrapped notice.
    pub notice_rows: u16,
    /// Whether a number is being served.
    pub serving: bool,
}

/// Whether the sign's word is drawn in large letters at this size.
pub fn big_sign(width: u16, height: u16) -> bool {
    width >= BIG.0 && height >= BIG.1
}

/// Rows the header takes on a screen of this size.
pub fn header_height(width: u16, height: u16) -> u16 {
    match (big_sign(width, height), width >= WIDE && height >= 30) {
        (true, true) => 8,
        (true, false) => 6,
        (false, true) => 5,
        (false, false) => 3,
    }
}

/// Rows under the body: a check-in button (three rows tall on a tall
/// screen) and a line for the "education, not medical advice" note.
pub fn footer_height(height: u16) -> u16 {
    match height {
        30.. => 4,
        16..30 => 2,
        _ => 1,
    }
}

/// Where the bands go on a screen of `area` with nothing extra showing, or
/// `None` if it is too small for any layout.
pub fn regions(area: Rect) -> Option<Regions> {
    regions_with(area, Extras::default())
}

/// Where the bands go with a notice and a number being served. The body
/// keeps at least a third of the screen: a notice gets the rows it needs
/// up to that.
pub fn regions_with(area: Rect, extras: Extras) -> Option<Regions> {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return None;
    }
    let header = header_height(area.width, area.height);
    let footer = footer_height(area.height);
    let serving = if extras.serving && big_sign(area.width, area.height) {
        SERVING_ROWS
    } else {
        0
    };
    let spare = area
        .height
        .saturating_sub(header + footer + serving + area.height / 3);
    let notice = extras.notice_rows.min(spare.max(1));
    let notice = if extras.notice_rows == 0 { 0 } else { notice };
    let [header, notice, body, serving, footer] = Layout::vertical([
        Constraint::Length(header),
        Constraint::Length(notice),
        Constraint::Fill(1),
        Constraint::Length(serving),
        Constraint::Length(footer),
    ])
    .areas(area);
    Some(Regions {
        header,
        notice,
        body,
        serving,
        footer,
    })
}

/// The rows of the footer that are the check-in button.
pub fn checkin_button(footer: Rect) -> Rect {
    match footer.height {
        0 | 1 => footer,
        h => Rect {
            height: h - 1,
            ..footer
        },
    }
}

/// Columns of padding on each side of a notice.
pub const NOTICE_PAD: u16 = 2;

/// `text` broken into lines of at most `width` characters, at spaces where
/// it can be (a word longer than a line is broken inside). Nothing is
/// dropped: joined again, the lines hold every word.
pub fn wrap_words(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let mut word: Vec<char> = word.chars().collect();
        loop {
            let used = line.chars().count();
            let gap = usize::from(used > 0);
            if used + gap + word.len() <= width {
                if gap == 1 {
                    line.push(' ');
                }
                line.extend(word.iter());
                break;
            }
            if used > 0 {
                lines.push(std::mem::take(&mut line));
                continue;
            }
            let rest = word.split_off(width);
            lines.push(word.iter().collect());
            word = rest;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// The lines of a notice on a screen `width` wide.
pub fn notice_lines(text: &str, width: u16) -> Vec<String> {
    let inner = width.saturating_sub(2 * NOTICE_PAD);
    wrap_words(text, usize::from(inner))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_wrap_at_spaces_and_long_words_are_broken_not_dropped() {
        assert_eq!(
            wrap_words("Dr. Lee is running 30 minutes late", 12),
            ["Dr. Lee is", "running 30", "minutes late"]
        );
        assert_eq!(wrap_words("abcdefghij xy", 4), ["abcd", "efgh", "ij", "xy"]);
        assert_eq!(wrap_words("José  Nguyễn", 20), ["José Nguyễn"]);
        assert!(wrap_words("", 10).is_empty());
    }

    #[test]
    fn a_notice_takes_rows_and_the_number_served_takes_four_on_a_big_screen() {
        let area = Rect::new(0, 0, 80, 24);
        let plain = regions(area).unwrap_or_default();
        assert_eq!(
            (plain.header.height, plain.body.height, plain.footer.height),
            (6, 16, 2)
        );
        let extras = Extras {
            notice_rows: 2,
            serving: true,
        };
        let r = regions_with(area, extras).unwrap_or_default();
        assert_eq!(
            (
                r.header.height,
                r.notice.height,
                r.body.height,
                r.serving.height
            ),
            (6, 2, 10, 4)
        );
        assert_eq!(r.notice.y, 6);
        // Too small for large digits: the number stays in the footer.
        let small = regions_with(Rect::new(0, 0, 60, 20), extras).unwrap_or_default();
        assert_eq!(small.serving.height, 0);
    }

    #[test]
    fn the_body_keeps_a_third_of_the_screen() {
        let extras = Extras {
            notice_rows: 30,
            serving: false,
        };
        let r = regions_with(Rect::new(0, 0, 80, 24), extras).unwrap_or_default();
        assert_eq!((r.notice.height, r.body.height), (8, 8));
        let tiny = regions_with(Rect::new(0, 0, 30, 8), extras).unwrap_or_default();
        assert_eq!((tiny.notice.height, tiny.body.height), (2, 2));
        // A short notice takes only its own rows.
        let one = Extras {
            notice_rows: 1,
            serving: false,
        };
        let r = regions_with(Rect::new(0, 0, 80, 24), one).unwrap_or_default();
        assert_eq!((r.notice.height, r.body.height), (1, 15));
    }
}
