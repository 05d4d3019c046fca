//! The yardstick for the kiosk's idle CPU: a plain ratatui program that
//! redraws its whole screen every 250 ms, as ratatui's examples and
//! templates do, showing a title, a paragraph and a clock with seconds.
//! `scripts/measure.sh` runs it beside the kiosk, in the same run and at
//! the same size, and gives the kiosk's CPU as a share of this one's.
//!
//! Built as an example (`cargo build --release --example peer`), so it is
//! compiled with the kiosk's own release profile. It runs until it gets
//! SIGTERM or SIGHUP (or `q` is pressed).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use crossterm::event::{self, Event, KeyCode};
use ratatui::layout::{Constraint, Layout};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

const TICK: Duration = Duration::from_millis(250);

const TEXT: &str = "Acupuncture is a treatment in which very thin needles are \
placed at points on the body. Most people feel little or no pain. Ask the front \
desk if you have any questions about your visit today.";

fn main() -> io::Result<()> {
    let mut terminal = ratatui::init();
    let started = Instant::now();
    let result = (|| -> io::Result<()> {
        loop {
            let secs = SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| d.as_secs());
            let clock = format!(
                "{:02}:{:02}:{:02}  (up {} s)",
                secs / 3600 % 24,
                secs / 60 % 60,
                secs % 60,
                started.elapsed().as_secs()
            );
            terminal.draw(|frame| {
                let [title, body, footer] = frame.area().layout(&Layout::vertical([
                    Constraint::Length(3),
                    Constraint::Fill(1),
                    Constraint::Length(1),
                ]));
                frame.render_widget(
                    Paragraph::new("Peer: a plain ratatui loop")
                        .block(Block::default().borders(Borders::ALL)),
                    title,
                );
                frame.render_widget(Paragraph::new(TEXT).wrap(Wrap { trim: true }), body);
                frame.render_widget(Paragraph::new(clock), footer);
            })?;
            if event::poll(TICK)?
                && let Event::Key(key) = event::read()?
                && key.code == KeyCode::Char('q')
            {
                return Ok(());
            }
        }
    })();
    ratatui::restore();
    result
}
