//! The sleeping screen: black, and with [`SleepLook::Clock`] a small clock
//! (the clinic's time) that jumps to another place every
//! [`MOVE_EVERY_MINUTES`], so that no cell stays lit for hours.

use chrono::{DateTime, Timelike, Utc};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};

use crate::app::{App, SleepLook};

/// How often the clock moves.
pub const MOVE_EVERY_MINUTES: i64 = 10;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    buf.set_style(area, Style::new().bg(Color::Black));
    for position in area.positions() {
        if let Some(cell) = buf.cell_mut(position) {
            cell.set_symbol(" ");
        }
    }
    if app.sleep_look == SleepLook::Dark {
        return;
    }
    let wall = app.config.schedule.wall_at(app.now);
    let text = app.words().time(wall.hour(), wall.minute());
    let width = u16::try_from(text.chars().count()).unwrap_or(u16::MAX);
    if width > area.width || area.height == 0 {
        return;
    }
    let (x, y) = place(app.now, area.width - width, area.height - 1);
    let style = Style::new().fg(Color::DarkGray).bg(Color::Black);
    buf.set_string(area.x + x, area.y + y, text, style);
}

/// Where the clock's left end goes, at most `max_x` across and `max_y`
/// down: the same for [`MOVE_EVERY_MINUTES`], then elsewhere, spread over
/// the screen.
fn place(now: DateTime<Utc>, max_x: u16, max_y: u16) -> (u16, u16) {
    let step = now.timestamp().div_euclid(60 * MOVE_EVERY_MINUTES);
    // A multiplicative hash spreads consecutive steps across the screen.
    let mixed = (step as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    let x = (mixed >> 16) % (u64::from(max_x) + 1);
    let y = (mixed >> 40) % (u64::from(max_y) + 1);
    (u16::try_from(x).unwrap_or(0), u16::try_from(y).unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn the_clock_stays_put_for_a_while_then_moves_and_stays_on_screen() {
        let t = |min: i64| Utc.timestamp_opt(1_800_000_000 + min * 60, 0).unwrap();
        let first = place(t(0), 90, 29);
        assert_eq!(place(t(MOVE_EVERY_MINUTES - 1), 90, 29), first);
        let places: std::collections::HashSet<_> = (0..20)
            .map(|i| place(t(i * MOVE_EVERY_MINUTES), 90, 29))
            .collect();
        assert!(places.len() > 15, "{places:?}");
        for i in 0..200 {
            let (x, y) = place(t(i * 7), 3, 0);
            assert!(x <= 3 && y == 0);
        }
    }
}
