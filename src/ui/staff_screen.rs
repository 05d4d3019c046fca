//! The staff screen on the kiosk: today's queue (the same view as
//! `kiosk desk`), the problems found by the last reload, and the staff keys.
//! Reached only through the chord and the PIN.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget, Wrap};

use super::theme;
use crate::app::{App, StaffScreen};
use crate::strings;

/// Rows for problems at most, so the queue keeps most of the screen.
const MAX_PROBLEM_ROWS: u16 = 8;

pub fn render(app: &App, staff: &StaffScreen, area: Rect, buf: &mut Buffer) {
    Clear.render(area, buf);
    let problems = Paragraph::new(problem_lines(app))
        .wrap(Wrap { trim: false })
        .block(
            Block::new()
                .borders(Borders::TOP)
                .title(strings::STAFF_TITLE),
        );
    // Rows as wrapped at this width (a long problem takes several), so
    // the ones after it are not pushed out of sight.
    let rows = u16::try_from(problems.line_count(area.width))
        .unwrap_or(u16::MAX)
        .min(MAX_PROBLEM_ROWS + 1);
    let [queue, panel, keys] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(rows.min(area.height / 3)),
        Constraint::Length(1),
    ])
    .areas(area);
    (&staff.desk).render(queue, buf);
    problems.render(panel, buf);
    let mut help = strings::STAFF_KEYS.to_string();
    if app.show_held {
        help = format!("{}  ·  {help}", strings::SLIDES_PAUSED_BY_STAFF);
    }
    Paragraph::new(help)
        .style(theme::footer())
        .render(keys, buf);
    if let Some(form) = &staff.banner_form {
        let timeout = app.config.checkin.idle_timeout;
        let keyboard = crate::checkin::Keyboard::default();
        super::render_form(form, &keyboard, area, buf, app.now, timeout);
    }
}

fn problem_lines(app: &App) -> Vec<Line<'static>> {
    let p = &app.problems;
    let mut lines: Vec<Line<'static>> = p
        .config
        .iter()
        .chain(p.content.iter())
        .map(|d| Line::styled(format!("{}: {}", d.location(), d.message), theme::warning()))
        .collect();
    for text in [&p.store, &p.log].into_iter().flatten() {
        lines.push(Line::styled(text.clone(), theme::warning()));
    }
    if !p.restart.is_empty() {
        let text = strings::staff::needs_restart(&p.restart);
        lines.push(Line::styled(text, theme::warning()));
    }
    if lines.is_empty() {
        lines.push(Line::styled(strings::STAFF_NO_PROBLEMS, theme::muted()));
    }
    lines
}
