//! The real binary on the Linux console's terminal type (`TERM=linux`, as
//! the kiosk's unit sets it) keeps text readable with the console's 8
//! background colours: the "closing soon" sign, dark on yellow elsewhere,
//! is drawn white on the yellow that the console shows as brown. In any
//! other terminal the same sign stays dark on yellow.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{DEADLINE, PtyKiosk, bundled_config, kiosk_bin};

/// A Monday, 15 minutes before closing: the sign says "Closing soon".
const CLOSING_SOON: &str = "2026-11-23T17:45:00-07:00";

/// The colours of the "C" of "Closing soon" on the sign, with `term`.
fn sign_colours(term: &str) -> (vt100::Color, vt100::Color) {
    let config = bundled_config();
    let args = [
        format!("TERM={term}"),
        kiosk_bin().display().to_string(),
        "--config".into(),
        config.display().to_string(),
        "run".into(),
        "--at".into(),
        CLOSING_SOON.into(),
    ];
    let mut kiosk = PtyKiosk::spawn_program("env", args, 100, 30);
    kiosk.wait_for_text("Closing soon");
    let screen = kiosk.screen_text();
    let (row, line) = screen
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains("Closing soon"))
        .unwrap();
    let col = line[..line.find("Closing soon").unwrap()].chars().count();
    let colours = kiosk
        .cell_colours(u16::try_from(row).unwrap(), u16::try_from(col).unwrap())
        .unwrap();
    kiosk.signal("TERM");
    assert!(kiosk.wait_exit(DEADLINE).is_some_and(|s| s.success()));
    colours
}

#[test]
fn the_closing_soon_sign_is_white_on_yellow_on_the_console_and_dark_elsewhere() {
    use vt100::Color::Idx;
    // 3 is yellow (the console's brown), 15 bright white, 0 black.
    assert_eq!(sign_colours("linux"), (Idx(15), Idx(3)));
    assert_eq!(sign_colours("xterm-256color"), (Idx(0), Idx(3)));
}
