//! The staff screen on the kiosk: today's queue (the same view as
//! `kiosk desk`), the problems found by the last reload, and the staff keys.
//! Reached only through the chord and the PIN.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget, Wrap};

use super::theme;
use crate::app::{App, StaffScreen};
use crate::i18n::Words;

/// Rows for problems at most, so the queue keeps most of the screen.
const MAX_PROBLEM_ROWS: u16 = 8;

pub fn render(app: &App, staff: &StaffScreen, area: Rect, buf: &mut Buffer) {
    Clear.render(area, buf);
    let problems = Paragraph::new(problem_lines(app))
        .wrap(Wrap { trim: false })
        .block(
            Block::new()
                .borders(Borders::TOP)
                .title(app.staff_words().t("staff-title")),
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
        (app.staff_words().t("staff-quit-confirm"), theme::warning())
    } else {
        (
            key_hints(
                app.staff_words(),
                app.show_held,
                staff.reveal_until.is_some(),
            ),
            theme::footer(),
        )
    };
    Paragraph::new(help).style(style).render(keys, buf);
    if let Some(form) = &staff.notice_form {
        let wall = app.config.schedule.wall_at(app.now);
        super::notice_form::render(app.staff_words(), form, wall, area, buf);
    }
}

/// The notice showing now and until when, or the answer to the last save.
fn notice_line(app: &App, staff: &StaffScreen) -> Paragraph<'static> {
    let schedule = &app.config.schedule;
    let w = app.staff_words();
    let text = match (&staff.note, &app.status.notice) {
        (Some(note), _) => note.clone(),
        (None, Some(n)) => {
            let today = schedule.wall_at(app.now).date();
            let until = w.when(today, n.until, true);
            let id = if n.closes {
                "notice-showing-closes"
            } else {
                "notice-showing"
            };
            w.f(
                id,
                &[("until", until.into()), ("text", n.text.as_str().into())],
            )
        }
        (None, None) => w.t("notice-none"),
    };
    Paragraph::new(text)
        .style(theme::today())
        .wrap(Wrap { trim: false })
}

/// The staff screen's keys, as they work now; at most 80 columns.
pub fn key_hints(w: Words<'_>, paused: bool, revealed: bool) -> String {
    let items = [
        "hint-reload",
        if paused { "hint-resume" } else { "hint-pause" },
        "hint-notice",
        if revealed { "hint-hide" } else { "hint-names" },
        "hint-quit",
        "hint-leave",
    ];
    items.map(|id| w.t(id)).join(" · ")
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
            .chain(p.messages.iter())
            .map(|d| Line::styled(format!("{}: {}", d.location(), d.message), theme::warning())),
    );
    for text in [&p.store, &p.log].into_iter().flatten() {
        lines.push(Line::styled(text.clone(), theme::warning()));
    }
    if !p.restart.is_empty() {
        let text = app.staff_words().f(
            "staff-needs-restart",
            &[("names", p.restart.join(", ").into())],
        );
        lines.push(Line::styled(text, theme::warning()));
    }
    if lines.is_empty() {
        lines.push(Line::styled(
            app.staff_words().t("staff-no-problems"),
            theme::muted(),
        ));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_line_fits_at_80_columns() {
        let catalog = crate::i18n::built_in();
        for lang in catalog.languages() {
            let w = catalog.words(lang);
            for paused in [false, true] {
                for revealed in [false, true] {
                    let line = key_hints(w, paused, revealed);
                    assert!(line.chars().count() <= 80, "{line}");
                }
            }
            let quit = w.t("staff-quit-confirm");
            assert!(quit.chars().count() <= 80, "{quit}");
        }
        assert_eq!(
            key_hints(crate::i18n::english(), false, false),
            "r reload · p pause slides · m notice · v names · Q quit · Esc/q leave"
        );
    }
}
