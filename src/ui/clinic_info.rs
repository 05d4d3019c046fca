//! The clinic's address, phone and the coming week's hours.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Padding, Paragraph, Widget, Wrap};

use super::theme;
use crate::app::App;
use crate::hours::week_from;
use crate::strings;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let visit = visit_lines(app);
    let week = week_lines(app);
    let pad = Block::new().padding(Padding::new(2, 2, 1, 0));
    if area.width >= 70 {
        let [left, right] =
            Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)])
                .areas(area);
        Paragraph::new(visit)
            .wrap(Wrap { trim: true })
            .block(pad.clone())
            .render(left, buf);
        Paragraph::new(week).block(pad).render(right, buf);
    } else {
        let mut lines = visit;
        lines.push(Line::raw(""));
        lines.extend(week);
        Paragraph::new(lines).block(pad).render(area, buf);
    }
}

fn visit_lines(app: &App) -> Vec<Line<'_>> {
    let clinic = &app.config.clinic;
    let mut lines = vec![Line::styled(clinic.name.as_str(), theme::heading())];
    lines.extend(clinic.address.iter().map(|l| Line::raw(l.as_str())));
    if let Some(phone) = &clinic.phone {
        lines.push(Line::from(vec![
            Span::styled(format!("{}: ", strings::CALL_US), theme::muted()),
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
    let mut lines = vec![Line::styled(strings::THIS_WEEK, theme::heading())];
    for day in week_from(schedule, today) {
        let marker = if day.is_today { "▸ " } else { "  " };
        let mut text = format!("{marker}{:<10} {}", day.day_label(), day.hours);
        if let Some(note) = &day.note {
            text.push_str(&format!(" ({note})"));
        }
        let style = if day.is_today {
            theme::today()
        } else {
            ratatui::style::Style::new()
        };
        lines.push(Line::styled(text, style));
    }
    lines
}
