//! The clinic's address, phone and the coming week's hours: the screen shown
//! when no slide may show, so the screen is never blank.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::theme;
use crate::app::App;
use crate::hours::week_from;

/// Side by side needs room for both columns.
const TWO_COLUMNS: u16 = 76;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let visit = visit_lines(app);
    let week = week_lines(app);
    let area = inset(area);
    if area.width >= TWO_COLUMNS {
        let rows = u16::try_from(visit.len().max(week.len())).unwrap_or(u16::MAX);
        let [middle] = Layout::vertical([Constraint::Length(rows)])
            .flex(Flex::Center)
            .areas(area);
        let [left, right] =
            Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)])
                .areas(middle);
        Paragraph::new(visit)
            .wrap(Wrap { trim: false })
            .render(left, buf);
        Paragraph::new(week).render(right, buf);
    } else {
        let mut lines = week;
        lines.push(Line::raw(""));
        lines.extend(visit);
        let rows = u16::try_from(lines.len()).unwrap_or(u16::MAX);
        let [middle] = Layout::vertical([Constraint::Length(rows)])
            .flex(Flex::Center)
            .areas(area);
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .render(middle, buf);
    }
}

/// The area less a margin, where there is room for one.
fn inset(area: Rect) -> Rect {
    let dx = match area.width {
        100.. => 4,
        60..100 => 2,
        _ => 1,
    };
    let dy = u16::from(area.height >= 12);
    Rect::new(
        area.x + dx.min(area.width / 2),
        area.y + dy,
        area.width.saturating_sub(2 * dx),
        area.height.saturating_sub(2 * dy),
    )
}

fn visit_lines(app: &App) -> Vec<Line<'_>> {
    let clinic = &app.config.clinic;
    let w = app.words();
    let mut lines = vec![Line::styled(w.t("clinic-visit-us"), theme::heading())];
    lines.extend(clinic.address.iter().map(|l| Line::raw(l.as_str())));
    if let Some(phone) = &clinic.phone {
        lines.push(Line::from(vec![
            Span::styled(format!("{}: ", w.t("clinic-call-us")), theme::muted()),
            Span::styled(phone.as_str(), theme::title()),
        ]));
    }
    if let Some(note) = &app.status.note {
        lines.push(Line::raw(""));
        lines.push(Line::styled(note.as_str(), theme::today()));
    }
    lines
}

fn week_lines(app: &App) -> Vec<Line<'static>> {
    let schedule = &app.config.schedule;
    let today = schedule.wall_at(app.now).date();
    let w = app.words();
    let mut lines = vec![Line::styled(w.t("hours-this-week"), theme::heading())];
    for day in week_from(schedule, today, w) {
        let marker = if day.is_today { "▸ " } else { "  " };
        let mut text = format!("{marker}{:<10} {}", day.day_label(w), day.hours);
        if let Some(note) = &day.note {
            text.push_str(&format!(" ({note})"));
        }
        let style = if day.is_today {
            theme::today()
        } else {
            Style::new()
        };
        lines.push(Line::styled(text, style));
    }
    lines
}
