//! A notice across the screen, just under the sign and apart from the
//! slide, and the number being served in large digits. Both in explicit
//! colours, so they read the same on any terminal's default colours.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use super::{digits, theme};
use crate::app::App;
use crate::app::regions::{NOTICE_PAD, notice_lines};

/// The showing notice, wrapped; when the screen is too small for all of
/// it, the last row that fits ends with `…`, so it is never cut silently.
pub fn render_notice(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(notice) = &app.status.notice else {
        return;
    };
    if area.height == 0 {
        return;
    }
    let mut lines = notice_lines(&notice.text, area.width);
    let rows = usize::from(area.height);
    if lines.len() > rows {
        lines.truncate(rows);
        if let Some(last) = lines.last_mut() {
            let keep = last.chars().count().saturating_sub(1);
            *last = last.chars().take(keep).chain(['…']).collect();
        }
    }
    let lines: Vec<Line<'static>> = lines.into_iter().map(Line::raw).collect();
    let style = if notice.closes {
        theme::closed_badge()
    } else {
        theme::notice()
    };
    let inner = Rect {
        x: area.x + NOTICE_PAD.min(area.width / 2),
        width: area.width.saturating_sub(2 * NOTICE_PAD),
        ..area
    };
    Paragraph::new("").style(style).render(area, buf);
    Paragraph::new(lines)
        .alignment(Alignment::Center)
        .style(style)
        .render(inner, buf);
}

/// "Now serving" and the number in large digits; for a few seconds after
/// it changes, "▶ Now calling ◀" in reversed colours.
pub fn render_serving(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(ticket) = app.now_serving else {
        return;
    };
    let w = app.words();
    let (label, style) = if app.serving_flash() {
        (w.t("serving-calling"), theme::serving_flash())
    } else {
        (w.t("serving-now"), theme::serving())
    };
    Paragraph::new("").style(style).render(area, buf);
    let how = digits::Beside {
        label_width: u16::try_from(label.chars().count()).unwrap_or(0),
        gap: 3,
        label_style: style,
        digits_style: style,
    };
    digits::render(&label, ticket, &how, area, buf);
}
