//! The real binary in a pseudo-terminal, resized a thousand times at random
//! (seeded, so a failure can be replayed): from 1x1 to 300x100, some sizes
//! back to back, some after a short pause. Then, at 100x30, it must still be
//! running and draw its whole screen, and Enter must open check-in; a
//! half-filled check-in form must survive more resizes too.
//!
//! `KIOSK_RESIZES=N` changes the number of resizes on the slides (default
//! 1000); `KIOSK_RESIZE_SEED=N` the seed.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::thread;
use std::time::Duration;

use common::{PtyKiosk, bundled_config, framed};
use kiosk::config::Config;
use kiosk::slides::load_deck;

/// A Monday morning: open until 6:00 PM.
const MONDAY_OPEN: &str = "2026-11-23T10:42:00-07:00";
const SEED: u64 = 0x4b10_5c00_2026_1123;
/// Resizes while a patient is filling in the form.
const FORM_RESIZES: usize = 200;

/// SplitMix64: small, seeded, and the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number from 0 to `n - 1`.
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn env_number(name: &str, default: u64) -> u64 {
    match std::env::var(name) {
        Ok(v) => v
            .parse()
            .unwrap_or_else(|_| panic!("{name}={v:?} is not a whole number")),
        Err(_) => default,
    }
}

/// `n` random sizes from 1x1 to 300x100: a quarter back to back, half
/// after up to 2 ms, a quarter after 5 to 20 ms.
fn resize_randomly(kiosk: &mut PtyKiosk, rng: &mut Rng, n: usize) {
    for _ in 0..n {
        let cols = 1 + u16::try_from(rng.below(300)).unwrap();
        let rows = 1 + u16::try_from(rng.below(100)).unwrap();
        kiosk.resize(cols, rows);
        let pause = match rng.below(4) {
            0 => 0,
            1 | 2 => rng.below(3),
            _ => 5 + rng.below(16),
        };
        if pause > 0 {
            thread::sleep(Duration::from_millis(pause));
        }
    }
}

/// The titles of the bundled slides.
fn titles() -> Vec<String> {
    let config = Config::load(&bundled_config()).unwrap();
    let deck = load_deck(&config.kiosk.content_dir);
    assert!(deck.problems.is_empty(), "{:#?}", deck.problems);
    deck.slides.into_iter().map(|s| s.title).collect()
}

/// The whole slides screen at 100x30: the clinic's name on the second row
/// beside the large sign, whose words (`● OPEN · …`) are in the header's
/// rows, a slide title, the check-in button and the note at the bottom, and
/// nothing wider than the screen.
fn complete_slides_screen(screen: &str, titles: &[String]) -> bool {
    let lines: Vec<&str> = screen.lines().collect();
    let header = lines
        .get(1)
        .is_some_and(|l| l.starts_with(" Lakewood Acupuncture"))
        && lines.iter().take(8).any(|l| l.contains("● OPEN · "));
    let title = titles.iter().any(|t| screen.contains(t.as_str()));
    // The check-in button, with the language button at its right end.
    let button = lines.iter().any(|l| {
        let rest = l.replacen("▶  Check in: press Enter or tap here", "", 1);
        rest.len() != l.len() && ["", "┃  Español  ┃", "[ Español ]"].contains(&rest.trim())
    });
    let note = lines
        .last()
        // The kiosk runs with --at: the note says it is a demonstration.
        .is_some_and(|l| {
            l.trim() == "DEMONSTRATION: check-ins kept apart · Education, not medical advice."
        });
    let fits = lines.len() <= 30 && lines.iter().all(|l| l.chars().count() <= 100);
    header && title && button && note && fits
}

fn assert_alive(kiosk: &mut PtyKiosk, what: &str) {
    // A crash prints a panic message and ends the process.
    let raw = String::from_utf8_lossy(&kiosk.raw_output()).into_owned();
    assert!(!raw.contains("panicked"), "the kiosk panicked {what}");
    assert!(
        kiosk.is_running(),
        "the kiosk stopped {what}; the screen shows:\n{}",
        framed(&kiosk.screen_text())
    );
}

#[test]
fn a_thousand_random_resizes_leave_the_kiosk_running_and_whole() {
    let resizes = usize::try_from(env_number("KIOSK_RESIZES", 1000)).unwrap();
    let seed = env_number("KIOSK_RESIZE_SEED", SEED);
    let titles = titles();
    let mut rng = Rng(seed);
    let mut kiosk = PtyKiosk::spawn_bundled(&["run", "--at", MONDAY_OPEN], 100, 30);
    kiosk.wait_for("the first full screen", |s| {
        complete_slides_screen(s, &titles)
    });

    resize_randomly(&mut kiosk, &mut rng, resizes);
    kiosk.resize(100, 30);
    kiosk.wait_for(
        &format!("the whole screen after {resizes} resizes (seed {seed:#x})"),
        |s| complete_slides_screen(s, &titles),
    );
    assert_alive(
        &mut kiosk,
        &format!("after {resizes} resizes (seed {seed:#x})"),
    );

    // Enter still opens check-in, and a half-filled form survives resizes.
    kiosk.send(b"\r");
    kiosk.wait_for_all(&["First name", "Last name", "Date of birth"]);
    kiosk.send("Zoë".as_bytes());
    kiosk.wait_for_text("Zoë");
    resize_randomly(&mut kiosk, &mut rng, FORM_RESIZES);
    kiosk.resize(100, 30);
    kiosk.wait_for("the form with the name typed", |s| {
        s.contains("First name") && s.contains("Zoë") && s.contains("Date of birth")
    });
    assert_alive(&mut kiosk, "after resizes on the check-in form");
}
