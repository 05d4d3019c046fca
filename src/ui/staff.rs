//! The staff PIN prompt: a small box in the middle of the screen with the
//! title "Staff", one `•` per digit typed, and a note when a PIN was wrong
//! or staff mode is locked. Draws in any area, however small.

use chrono::{DateTime, DurationRound, TimeDelta, Timelike, Utc};
use chrono_tz::Tz;
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Widget};

use super::theme;
use crate::i18n::{Words, num};
use crate::staff::PinPrompt;

/// The box's size when there is room for it.
const BOX_WIDTH: u16 = 34;
const BOX_HEIGHT: u16 = 8;

/// What to say under the digits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StaffNote {
    /// The last PIN was wrong; this many tries are left.
    WrongPin { left: u32 },
    /// Locked until this clock time (hour, minute) in the clinic's zone.
    LockedUntil { hour: u32, minute: u32 },
    /// Enter was pressed with too few digits.
    TooShort,
}

impl StaffNote {
    /// The note for a lock ending at `until`, shown in the clinic's time
    /// zone and rounded up to the minute, so staff never try too early.
    pub fn locked(until: DateTime<Utc>, tz: Tz) -> Self {
        let minute = TimeDelta::minutes(1);
        let rounded = match until.duration_trunc(minute) {
            Ok(t) if t == until => t,
            Ok(t) => t + minute,
            Err(_) => until,
        };
        let local = rounded.with_timezone(&tz);
        Self::LockedUntil {
            hour: local.hour(),
            minute: local.minute(),
        }
    }

    pub fn text(&self, w: Words<'_>) -> String {
        match self {
            Self::WrongPin { left } => w.f("pin-wrong", &[("left", num(*left))]),
            Self::LockedUntil { hour, minute } => w.f(
                "pin-locked-until",
                &[("time", w.time(*hour, *minute).into())],
            ),
            Self::TooShort => w.t("pin-too-short"),
        }
    }
}

/// The prompt, ready to draw.
pub struct PinPromptView<'a> {
    pub prompt: &'a PinPrompt,
    pub note: Option<StaffNote>,
    /// The staff's language.
    pub words: Words<'a>,
}

impl Widget for PinPromptView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        let width = BOX_WIDTH.min(area.width);
        let height = BOX_HEIGHT.min(area.height);
        let boxed = Rect {
            x: area.x + (area.width - width) / 2,
            y: area.y + (area.height - height) / 2,
            width,
            height,
        };
        Clear.render(boxed, buf);
        let block = Block::bordered()
            .border_type(BorderType::Thick)
            .title(Line::from(format!(" {} ", self.words.t("pin-title"))).style(theme::title()))
            .title_alignment(Alignment::Center);
        let inner = block.inner(boxed);
        block.render(boxed, buf);
        let lines = self.lines(inner);
        Paragraph::new(lines)
            .alignment(Alignment::Center)
            .render(inner, buf);
    }
}

impl PinPromptView<'_> {
    /// The lines that fit in `inner`, most important kept first: the
    /// digits, then the note, the question and the help.
    fn lines(&self, inner: Rect) -> Vec<Line<'static>> {
        let digits: String = self
            .prompt
            .masked()
            .chars()
            .flat_map(|c| [c, ' '])
            .collect();
        let note_style = Style::new().fg(Color::Red).add_modifier(Modifier::BOLD);
        let w = self.words;
        let help = if inner.width >= 26 {
            w.t("pin-help")
        } else {
            w.t("pin-help-short")
        };
        // (priority, line); a lower number is kept longer.
        let mut wanted: Vec<(u8, Line<'static>)> = vec![
            (2, Line::from(w.t("pin-ask"))),
            (
                0,
                Line::from(digits.trim_end().to_string()).style(theme::title()),
            ),
        ];
        if let Some(note) = &self.note {
            wanted.push((4, Line::default()));
            wanted.push((1, Line::from(note.text(w)).style(note_style)));
        }
        wanted.push((5, Line::default()));
        wanted.push((3, Line::from(help).style(theme::muted())));
        let room = usize::from(inner.height);
        while wanted.len() > room {
            let Some(worst) = (0..wanted.len()).max_by_key(|&i| (wanted[i].0, i)) else {
                break;
            };
            wanted.remove(worst);
        }
        let blank = room.saturating_sub(wanted.len()) / 2;
        std::iter::repeat_n(Line::default(), blank)
            .chain(wanted.into_iter().map(|(_, line)| line))
            .collect()
    }
}

#[cfg(test)]
#[path = "staff_tests.rs"]
mod tests;
