//! The staff commands that print: `check`, `checkins`, `preview` and `timeline`; and
//! `staff set-pin`, which writes the staff PIN's hash into `kiosk.toml`; `store`, for the
//! shared PostgreSQL store.

pub mod check;
mod check_languages;
pub mod checkins;
pub mod preview;
pub mod run;
pub mod set_pin;
pub mod store;
pub mod timeline;

/// Exit codes.
pub mod exit {
    pub const OK: u8 = 0;
    pub const FAILURE: u8 = 1;
    pub const INVALID: u8 = 2;
}

use ratatui::buffer::Buffer;
use unicode_width::UnicodeWidthStr;

/// A drawn buffer as plain text, one line per row, trailing spaces removed.
pub fn buffer_text(buf: &Buffer) -> String {
    let area = buf.area;
    let mut out = String::new();
    for y in area.top()..area.bottom() {
        let mut line = String::new();
        let mut skip = 0;
        for x in area.left()..area.right() {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let symbol = buf.cell((x, y)).map_or(" ", |c| c.symbol());
            skip = symbol.width().saturating_sub(1);
            line.push_str(symbol);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}
