//! The summary screen (`t` on the desk): the day so far, in numbers.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use super::Desk;
use super::summary::{Summary, summarize};
use super::table::fit;
use crate::ui::theme;

impl Desk {
    /// Today's summary as the desk knows it.
    pub fn summary(&self) -> Summary {
        let date = self.now.with_timezone(&self.tz).date_naive();
        summarize(date, &self.rows, self.removed, self.tz, self.now)
    }
}

/// Draws the summary below the title bar, in `area`.
pub fn render(desk: &Desk, area: Rect, buf: &mut Buffer) {
    let [title, body, help] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let heading = format!(" {}", desk.words().t("summary-title"));
    Paragraph::new(Line::styled(heading, theme::heading())).render(title, buf);
    let width = usize::from(body.width);
    let bar = width.saturating_sub(20).min(40);
    let lines: Vec<Line> = desk
        .summary()
        .lines(bar, desk.words())
        .into_iter()
        .map(|l| Line::raw(fit(&format!(" {l}"), width).trim_end().to_string()))
        .collect();
    Paragraph::new(lines).render(body, buf);
    Paragraph::new(desk.words().t("summary-help"))
        .alignment(Alignment::Center)
        .style(theme::footer())
        .render(help, buf);
}
