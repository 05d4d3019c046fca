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
use crate::strings::sign;

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
    let notice = notice_line(app, staff);
    let notice_rows = u16::try_from(notice.line_count(area.width))
        .unwrap_or(1)
        .min(3);
    let [queue, panel, notice_row, keys] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(rows.min(area.height / 3)),
        Constraint::Length(notice_rows),
        Constraint::Length(1),
    ])
    .areas(area);
    (&staff.desk).render(queue, buf);
    problems.render(panel, buf);
    notice.render(notice_row, buf);
    let (help, style) = if staff.confirm_quit {
        (sign::QUIT_CONFIRM.to_string(), theme::warning())
    } else {
        (
            key_hints(app.show_held, staff.reveal_until.is_some()),
            theme::footer(),
        )
    };
    Paragraph::new(help).style(style).render(keys, buf);
    if let Some(form) = &staff.notice_form {
        let wall = app.config.schedule.wall_at(app.now);
        super::notice_form::render(form, wall, area, buf);
    }
}

/// The notice showing now and until when, or the answer to the last save.
fn notice_line(app: &App, staff: &StaffScreen) -> Paragraph<'static> {
    let schedule = &app.config.schedule;
    let text = match (&staff.note, &app.status.notice) {
        (Some(note), _) => note.clone(),
        (None, Some(n)) => {
            let today = schedule.wall_at(app.now).date();
            let until = strings::when_text(today, n.until, true);
            sign::showing_notice(&n.text, &until, n.closes)
        }
        (None, None) => sign::NO_NOTICE.to_string(),
    };
    Paragraph::new(text)
        .style(theme::today())
        .wrap(Wrap { trim: false })
}

/// The staff screen's keys, as they work now; at most 80 columns.
pub fn key_hints(paused: bool, revealed: bool) -> String {
    let mut items = vec![sign::HINT_RELOAD];
    items.push(if paused {
        sign::HINT_RESUME
    } else {
        sign::HINT_PAUSE
    });
    items.push(sign::HINT_NOTICE);
    items.push(if revealed {
        sign::HINT_HIDE
    } else {
        sign::HINT_NAMES
    });
    items.push(sign::HINT_QUIT);
    items.push(sign::HINT_LEAVE);
    items.join(" · ")
}

fn problem_lines(app: &App) -> Vec<Line<'static>> {
    let p = &app.problems;
    let mut lines: Vec<Line<'static>> = p
        .last_good
        .iter()
        .map(|note| Line::styled(note.clone(), theme::warning()))
        .collect();
    lines.extend(
        p.config
            .iter()
            .chain(p.content.iter())
            .map(|d| Line::styled(format!("{}: {}", d.location(), d.message), theme::warning())),
    );
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_line_fits_at_80_columns() {
        for paused in [false, true] {
            for revealed in [false, true] {
                let line = key_hints(paused, revealed);
                assert!(line.chars().count() <= 80, "{line}");
            }
        }
        assert!(sign::QUIT_CONFIRM.chars().count() <= 80);
        assert_eq!(
            key_hints(false, false),
            "r reload · p pause slides · m notice · v names · Q quit · Esc/q leave"
        );
    }
}
