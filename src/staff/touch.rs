//! The touch-screen way to open the PIN prompt: hold a finger on a corner
//! of the screen for three seconds, then lift it. Pure: positions, times
//! and the screen size are passed in.

use chrono::{DateTime, TimeDelta, Utc};

/// How long the press must last.
pub const LONG_PRESS: TimeDelta = TimeDelta::seconds(3);

/// The four corner cells of the screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Corner {
    TopLeft,
    TopRight,
    BottomLeft,
    BottomRight,
}

/// Where and when a finger went down or came up, in terminal cells
/// (column, row from the top left, as in crossterm's mouse events).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Touch {
    pub column: u16,
    pub row: u16,
    pub at: DateTime<Utc>,
}

/// Which corner cell of a `size` (columns, rows) screen `column`, `row`
/// is, if any. On a one-cell-wide screen a cell can be two corners; the
/// top and left ones win.
pub fn corner(column: u16, row: u16, size: (u16, u16)) -> Option<Corner> {
    let (width, height) = size;
    if width == 0 || height == 0 {
        return None;
    }
    let left = column == 0;
    let right = column == width - 1;
    let top = row == 0;
    let bottom = row == height - 1;
    match (left, right, top, bottom) {
        (true, _, true, _) => Some(Corner::TopLeft),
        (_, true, true, _) => Some(Corner::TopRight),
        (true, _, _, true) => Some(Corner::BottomLeft),
        (_, true, _, true) => Some(Corner::BottomRight),
        _ => None,
    }
}

/// Whether a press from `down` to `up` on a screen of `size` opens the PIN
/// prompt: both on the same corner cell, and at least [`LONG_PRESS`] apart.
pub fn long_press(down: Touch, up: Touch, size: (u16, u16)) -> bool {
    let Some(start) = corner(down.column, down.row, size) else {
        return false;
    };
    corner(up.column, up.row, size) == Some(start) && up.at - down.at >= LONG_PRESS
}

#[cfg(test)]
mod tests {
    use super::*;

    fn touch(column: u16, row: u16, seconds: i64) -> Touch {
        let base = DateTime::from_timestamp(1_795_000_000, 0).unwrap_or_default();
        Touch {
            column,
            row,
            at: base + TimeDelta::seconds(seconds),
        }
    }

    #[test]
    fn corners_of_an_80_by_24_screen() {
        let size = (80, 24);
        assert_eq!(corner(0, 0, size), Some(Corner::TopLeft));
        assert_eq!(corner(79, 0, size), Some(Corner::TopRight));
        assert_eq!(corner(0, 23, size), Some(Corner::BottomLeft));
        assert_eq!(corner(79, 23, size), Some(Corner::BottomRight));
        assert_eq!(corner(1, 0, size), None);
        assert_eq!(corner(40, 12, size), None);
        assert_eq!(corner(80, 0, size), None, "off screen");
        assert_eq!(corner(0, 0, (0, 0)), None);
        assert_eq!(corner(0, 0, (1, 1)), Some(Corner::TopLeft));
    }

    #[test]
    fn three_seconds_on_one_corner_opens() {
        let size = (80, 24);
        assert!(long_press(touch(79, 23, 0), touch(79, 23, 3), size));
        assert!(long_press(touch(0, 0, 0), touch(0, 0, 60), size));
        assert!(
            !long_press(touch(0, 0, 0), touch(0, 0, 2), size),
            "too short"
        );
    }

    #[test]
    fn moving_off_the_corner_or_away_from_it_does_not() {
        let size = (80, 24);
        assert!(!long_press(touch(0, 0, 0), touch(1, 0, 5), size));
        assert!(
            !long_press(touch(0, 0, 0), touch(79, 0, 5), size),
            "another corner"
        );
        assert!(!long_press(touch(40, 12, 0), touch(40, 12, 5), size));
        assert!(
            !long_press(touch(0, 0, 5), touch(0, 0, 0), size),
            "up before down"
        );
        assert!(!long_press(touch(0, 0, 0), touch(0, 0, 5), (0, 0)));
    }
}
