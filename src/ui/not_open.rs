//! Over the slides, for a few seconds after a key or touch while check-in
//! is not open: why, and when it opens, in large letters where they fit.

use chrono::Timelike;
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Flex, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph, Widget, Wrap};
use tui_big_text::{BigText, PixelSize};

use super::theme;
use crate::app::{App, Availability};
use crate::i18n::Words;

/// Columns and rows of one large letter.
const BIG_WIDTH: u16 = 8;
const BIG_HEIGHT: u16 = 4;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    Clear.render(area, buf);
    let schedule = &app.config.schedule;
    let w: Words<'_> = app.words();
    let why = match (&app.status.note, app.status.open) {
        (Some(note), _) => note.clone(),
        (None, false) => w.t("not-open-clinic-closed"),
        (None, true) => String::new(),
    };
    let (when, time) = match app.checkin_availability() {
        Availability::OpensAt(t) => {
            let today = schedule.wall_at(app.now).date();
            let wall = schedule.wall_at(t);
            let when = w.f(
                "checkin-opens",
                &[("when", w.when(today, wall, true).into())],
            );
            (when, Some(w.time(wall.hour(), wall.minute())))
        }
        Availability::Closed | Availability::Open => (w.t("not-open-no-hours"), None),
    };
    let title = w.t("not-open-title");
    let title = title.as_str();
    let title_rows = big_rows(title, area.width);
    let time_rows = time.as_deref().map_or(0, |t| big_rows(t, area.width));
    let [title_area, _, why_area, when_area, _, time_area] = Layout::vertical([
        Constraint::Length(title_rows),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(time_rows),
    ])
    .flex(Flex::Center)
    .areas(area);
    big_or_plain(title, title_rows, title_area, buf);
    plain(&why, theme::form_label(), why_area, buf);
    plain(&when, theme::title(), when_area, buf);
    if let Some(time) = time {
        big_or_plain(&time, time_rows, time_area, buf);
    }
}

/// Rows `text` takes in large letters at `width`, or 1 if only ordinary
/// ones fit.
fn big_rows(text: &str, width: u16) -> u16 {
    let chars = u16::try_from(text.chars().count()).unwrap_or(u16::MAX);
    if chars.saturating_mul(BIG_WIDTH) + 2 <= width {
        BIG_HEIGHT
    } else {
        1
    }
}

fn big_or_plain(text: &str, rows: u16, area: Rect, buf: &mut Buffer) {
    if rows < BIG_HEIGHT {
        return plain(text, theme::ticket(), area, buf);
    }
    BigText::builder()
        .pixel_size(PixelSize::HalfHeight)
        .style(theme::ticket())
        .alignment(Alignment::Center)
        .lines(vec![Line::raw(text.to_string())])
        .build()
        .render(area, buf);
}

fn plain(text: &str, style: ratatui::style::Style, area: Rect, buf: &mut Buffer) {
    Paragraph::new(text.to_string())
        .alignment(Alignment::Center)
        .style(style)
        .wrap(Wrap { trim: true })
        .render(area, buf);
}
