//! The top of every screen: clinic name, date and time, and the status badge.

use chrono::Timelike;
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Padding, Paragraph, Widget};

use super::theme;
use crate::app::App;
use crate::i18n;

use crate::app::regions::WIDE;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    if area.width < WIDE {
        return render_narrow(app, area, buf);
    }
    if area.height >= 6 {
        return super::sign::render(app, area, buf);
    }
    let badge_width = (area.width / 3).clamp(32, 48);
    let [left, badge] =
        Layout::horizontal([Constraint::Fill(1), Constraint::Length(badge_width)]).areas(area);
    let (date, time) = date_and_time(app);
    let mut lines = vec![
        Line::styled(app.config.clinic.name.as_str(), theme::title()),
        Line::raw(date),
        Line::styled(time, theme::title()),
    ];
    if area.height > 3 {
        lines.insert(0, Line::raw(""));
    }
    Paragraph::new(lines)
        .block(Block::new().padding(Padding::horizontal(1)))
        .render(left, buf);
    let block = if badge.height >= 5 {
        Block::bordered().border_type(BorderType::Thick)
    } else {
        Block::new()
    };
    let (word, style) = badge_word(app);
    let mut lines = vec![Line::raw(word), Line::raw(sign_line(app))];
    lines.extend(third_line(app).map(Line::raw));
    Paragraph::new(lines)
        .alignment(Alignment::Center)
        .style(style)
        .block(block)
        .render(badge, buf);
}

/// Three full-width rows: name and time, the badge, the date.
fn render_narrow(app: &App, area: Rect, buf: &mut Buffer) {
    let [top, badge, bottom] = Layout::vertical([Constraint::Length(1); 3]).areas(area);
    let (date, time) = date_and_time(app);
    let [name_area, time_area] = Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(u16::try_from(time.len()).unwrap_or(8) + 1),
    ])
    .areas(top);
    Paragraph::new(app.config.clinic.name.as_str())
        .style(theme::title())
        .render(name_area, buf);
    Paragraph::new(time)
        .style(theme::title())
        .alignment(Alignment::Right)
        .render(time_area, buf);
    let (word, style) = badge_word(app);
    let mut text = format!("{word}{}{}", theme::SEP, sign_line(app));
    if text.chars().count() > usize::from(badge.width) {
        // The reason is in the week's hours below; the next change fits.
        let change = i18n::capitalized(&app.status.change_text);
        text = format!("{word}{}{change}", theme::SEP);
    }
    Paragraph::new(text)
        .alignment(Alignment::Center)
        .style(style)
        .render(badge, buf);
    let third = third_line(app).unwrap_or_default();
    let both = date.chars().count() + third.chars().count() + 2 <= usize::from(bottom.width);
    if both || third.is_empty() {
        Paragraph::new(date).render(bottom, buf);
    }
    Paragraph::new(third)
        .alignment(Alignment::Right)
        .render(bottom, buf);
}

/// The next change in words, after the reason the clinic is closed (when
/// it has one and no notice under the sign says it already):
/// `Christmas Day · Opens Saturday at 9:00 AM`.
pub(super) fn sign_line(app: &App) -> String {
    let change = i18n::capitalized(&app.status.change_text);
    match &app.status.reason {
        Some(reason) if !app.status.closed_by_notice() => app.words().f(
            "sign-reason-change",
            &[
                ("reason", reason.as_str().into()),
                ("change", change.into()),
            ],
        ),
        _ => change,
    }
}

pub(super) fn date_and_time(app: &App) -> (String, String) {
    let wall = app.config.schedule.wall_at(app.now);
    let w = app.words();
    (w.long_date(wall.date()), w.time(wall.hour(), wall.minute()))
}

/// `● OPEN` or `○ CLOSED`, and the badge's colours.
pub(super) fn badge_word(app: &App) -> (String, Style) {
    let status = &app.status;
    let w = app.words();
    let (word, symbol, style) = match (status.open, status.closing_soon) {
        (true, false) => (w.t("sign-open"), theme::OPEN_SYMBOL, theme::open_badge()),
        (true, true) => (
            w.t("sign-open"),
            theme::OPEN_SYMBOL,
            theme::closing_soon_badge(),
        ),
        (false, _) => (
            w.t("sign-closed"),
            theme::CLOSED_SYMBOL,
            theme::closed_badge(),
        ),
    };
    (format!("{symbol} {word}"), style)
}

/// "Closing soon · in 15 min", or the countdown alone.
pub(super) fn third_line(app: &App) -> Option<String> {
    let status = &app.status;
    if !status.closing_soon {
        return status.countdown.clone();
    }
    let w = app.words();
    Some(match &status.countdown {
        Some(c) => w.f(
            "sign-closing-soon-countdown",
            &[("countdown", c.as_str().into())],
        ),
        None => w.t("sign-closing-soon"),
    })
}
