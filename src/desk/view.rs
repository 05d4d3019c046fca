//! Drawing the desk. Reads the state and never changes it.
//!
//! Every piece of text from the database passes through
//! [`printable`](crate::sanitize::printable) (names already do, in
//! [`display_name`](super::display_name)), and columns are measured in
//! display width, so 李小龙 lines up with José.

use chrono::{DateTime, Duration, Timelike, Utc};
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::{Desk, help_items_for, queue};
use crate::sanitize::printable;
use crate::store::{CheckinRecord, Status};
use crate::strings;
use crate::ui::theme;

/// Below this size a plain message shows instead.
pub const MIN_WIDTH: u16 = 30;
pub const MIN_HEIGHT: u16 = 8;

/// Column widths, in cells: selection mark, ticket, gaps, check-in time,
/// wait, status, and the margin at the right edge.
const MARK: usize = 2;
const TICKET: usize = 4;
const GAP: usize = 2;
const TIME: usize = 10;
const WAIT: usize = 11;
const STATUS: usize = 7;
const EDGE: usize = 1;
/// The name column is never squeezed below this; columns are dropped
/// instead (check-in time first, then the wait).
const MIN_NAME: usize = 12;

impl Widget for &Desk {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            return too_small(area, buf);
        }
        // Short screens give the queue the rows, wide ones need fewer lines.
        let roomy = area.height >= 12;
        let width = usize::from(area.width);
        let mut summary = wrap(summary_groups(self), width.saturating_sub(EDGE), " ");
        summary.truncate(if roomy { 4 } else { 2 });
        let help_items = help_items_for(self.on_kiosk)
            .into_iter()
            .map(|i| vec![Span::raw(i)]);
        let mut help = wrap(vec![help_items.collect()], width, "");
        help.truncate(if roomy { 2 } else { 1 });
        let lines = |v: &Vec<Line>| u16::try_from(v.len()).unwrap_or(1);
        let [title, counts, _, table, notice, keys] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(lines(&summary)),
            Constraint::Length(u16::from(roomy)),
            Constraint::Fill(1),
            Constraint::Length(1),
            Constraint::Length(lines(&help)),
        ])
        .areas(area);
        title_bar(self, title, buf);
        Paragraph::new(summary).render(counts, buf);
        queue_table(self, table, buf);
        if let Some(n) = self.notice() {
            let style = if n.warning {
                theme::warning()
            } else {
                theme::heading()
            };
            Paragraph::new(format!(" {}", printable(&n.text)))
                .style(style)
                .render(notice, buf);
        }
        Paragraph::new(help)
            .alignment(Alignment::Center)
            .style(theme::footer())
            .render(keys, buf);
    }
}

/// ` Front desk · Clinic` on the left, the date and time on the right.
fn title_bar(desk: &Desk, area: Rect, buf: &mut Buffer) {
    let local = desk.now.with_timezone(&desk.tz);
    let time = strings::clock_time(local.hour(), local.minute());
    let left = format!(" {} · {}", strings::DESK_TITLE, desk.clinic);
    let width = usize::from(area.width);
    let full = format!("{} · {time} ", strings::long_date(local.date_naive()));
    // The time stays even if the clinic's name has to be shortened for it.
    let right = if left.width() + full.width() + 2 <= width {
        full
    } else if time.width() + 1 + MIN_NAME + 2 <= width {
        format!("{time} ")
    } else {
        String::new()
    };
    let line = Line::from(vec![
        // At least two blanks before the time.
        Span::raw(fit(&left, width.saturating_sub(right.width() + 2))),
        Span::raw("  "),
        Span::raw(right),
    ]);
    buf.set_style(area, theme::footer().add_modifier(Modifier::BOLD));
    buf.set_line(area.x, area.y, &line, area.width);
}

/// The counts, then the waits: each a group of items such as `Waiting 2`.
fn summary_groups(desk: &Desk) -> Vec<Vec<Vec<Span<'static>>>> {
    let counts = desk.counts();
    let item = |label: String, value: String| {
        vec![
            Span::raw(label),
            Span::raw(" "),
            Span::styled(value, theme::title()),
        ]
    };
    let statuses = Status::ALL
        .into_iter()
        .map(|s| {
            let label = strings::capitalized(strings::desk_status(s));
            item(label, counts.of(s).to_string())
        })
        .collect();
    let waits = vec![
        item(
            strings::DESK_AVERAGE_WAIT.into(),
            wait_text(counts.average_wait),
        ),
        item(
            strings::DESK_LONGEST_WAIT.into(),
            wait_text(counts.longest_wait),
        ),
    ];
    let tries: u32 = desk.rows().iter().map(|r| r.repeats).sum();
    let mut groups = vec![statuses, waits];
    if tries > 0 {
        groups.push(vec![vec![Span::styled(
            strings::desk_repeat_tries(tries),
            theme::warning(),
        )]]);
    }
    groups
}

/// Lays out groups of items, separated by ` · `, in lines of at most
/// `width` columns, each starting with `indent`: all on one line if they fit, else each group on lines
/// of its own, as many items to a line as fit.
fn wrap(
    groups: Vec<Vec<Vec<Span<'static>>>>,
    width: usize,
    indent: &'static str,
) -> Vec<Line<'static>> {
    let line = |items: &[Vec<Span<'static>>]| {
        let mut spans = vec![Span::raw(indent)];
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                spans.push(Span::styled(" · ", theme::muted()));
            }
            spans.extend(item.iter().cloned());
        }
        Line::from(spans)
    };
    let all: Vec<Vec<Span>> = groups.iter().flatten().cloned().collect();
    if line(&all).width() <= width {
        return vec![line(&all)];
    }
    let mut out = Vec::new();
    for group in &groups {
        let mut start = 0;
        for end in 1..=group.len() {
            let too_wide = line(&group[start..end]).width() > width;
            if too_wide && end - start > 1 {
                out.push(line(&group[start..end - 1]));
                start = end - 1;
            }
        }
        if start < group.len() {
            out.push(line(&group[start..]));
        }
    }
    out
}

fn wait_text(wait: Option<Duration>) -> String {
    wait.map_or_else(
        || strings::DESK_NONE.to_string(),
        |w| strings::desk_wait(w.num_minutes()),
    )
}

/// Which columns fit, and the name column's width.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Columns {
    name: usize,
    time: bool,
    wait: bool,
}

fn columns(width: usize) -> Columns {
    let base = MARK + TICKET + GAP + GAP + STATUS + EDGE;
    let name = |extra: usize| width.saturating_sub(base + extra);
    if name(GAP + TIME + GAP + WAIT) >= MIN_NAME {
        Columns {
            name: name(GAP + TIME + GAP + WAIT),
            time: true,
            wait: true,
        }
    } else if name(GAP + WAIT) >= MIN_NAME {
        Columns {
            name: name(GAP + WAIT),
            time: false,
            wait: true,
        }
    } else {
        Columns {
            name: name(0),
            time: false,
            wait: false,
        }
    }
}

/// The cells of one row (or the heading), fitted to `cols`.
fn cells(cols: Columns, mark: &str, texts: [&str; 5]) -> Vec<String> {
    let [ticket, name, time, wait, status] = texts;
    let gap = " ".repeat(GAP);
    let mut out = vec![fit(mark, MARK), fit_right(ticket, TICKET), gap.clone()];
    out.push(fit(name, cols.name));
    if cols.time {
        out.extend([gap.clone(), fit(time, TIME)]);
    }
    if cols.wait {
        out.extend([gap.clone(), fit(wait, WAIT)]);
    }
    out.extend([gap, fit(status, STATUS)]);
    out
}

fn queue_table(desk: &Desk, area: Rect, buf: &mut Buffer) {
    if area.height == 0 {
        return;
    }
    let rows = desk.rows();
    if rows.is_empty() {
        let text = if desk.is_loaded() {
            strings::DESK_EMPTY
        } else {
            strings::DESK_LOADING
        };
        let [_, middle, _] = Layout::vertical([
            Constraint::Max(2),
            Constraint::Length(1),
            Constraint::Fill(1),
        ])
        .areas(area);
        return Paragraph::new(text)
            .alignment(Alignment::Center)
            .style(theme::muted())
            .render(middle, buf);
    }
    let cols = columns(usize::from(area.width));
    let heading = cells(cols, "", strings::DESK_COLUMNS);
    buf.set_line(area.x, area.y, &Line::from(heading.concat()), area.width);
    buf.set_style(Rect { height: 1, ..area }, theme::heading());
    let visible = usize::from(area.height.saturating_sub(1));
    let selected = desk.selected_index().unwrap_or(0);
    let offset = (selected + 1).saturating_sub(visible);
    for (y, row) in (area.y.saturating_add(1)..area.bottom()).zip(rows.iter().skip(offset)) {
        let line = row_line(desk, row, cols);
        let row_area = Rect::new(area.x, y, area.width, 1);
        buf.set_style(row_area, row_style(desk, row));
        buf.set_line(area.x, y, &line, area.width);
    }
}

fn row_line(desk: &Desk, row: &CheckinRecord, cols: Columns) -> Line<'static> {
    let selected = desk.selected().is_some_and(|s| s.id == row.id);
    let wait = if desk.is_fresh(row.id) {
        strings::DESK_NEW.to_string()
    } else {
        queue::minutes_waiting(row, desk.now).map_or_else(String::new, strings::desk_wait)
    };
    let name = match row.last_repeat_at {
        Some(at) => strings::desk_tried_again(&desk.name_of(row), &local_time(at, desk)),
        None => desk.name_of(row),
    };
    let texts = [
        &row.ticket.to_string(),
        &name,
        &local_time(row.checked_in_at, desk),
        &wait,
        strings::desk_status(row.status),
    ];
    let mut spans: Vec<Span> = cells(cols, if selected { "▸" } else { "" }, texts)
        .into_iter()
        .map(Span::raw)
        .collect();
    if let Some(status) = spans.last_mut() {
        status.style = theme::desk_status(row.status);
    }
    Line::from(spans)
}

fn row_style(desk: &Desk, row: &CheckinRecord) -> Style {
    let selected = desk.selected().is_some_and(|s| s.id == row.id);
    let base = if desk.is_fresh(row.id) {
        theme::desk_new()
    } else if matches!(row.status, Status::Seen | Status::NoShow) {
        theme::muted()
    } else {
        Style::new()
    };
    if selected {
        base.add_modifier(Modifier::REVERSED)
    } else {
        base
    }
}

fn local_time(at: DateTime<Utc>, desk: &Desk) -> String {
    let local = at.with_timezone(&desk.tz);
    strings::clock_time(local.hour(), local.minute())
}

/// `text` cut (with `…`) or padded with spaces to exactly `width` columns.
pub fn fit(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    if text.width() <= width {
        out.push_str(text);
        used = text.width();
    } else if width > 0 {
        for c in text.chars() {
            let w = c.width().unwrap_or(0);
            if used + w + 1 > width {
                break;
            }
            out.push(c);
            used += w;
        }
        out.push('…');
        used += 1;
    }
    out.push_str(&" ".repeat(width.saturating_sub(used)));
    out
}

/// Like [`fit`], with the text against the right edge.
fn fit_right(text: &str, width: usize) -> String {
    let fitted = fit(text, width);
    let trimmed = fitted.trim_end();
    format!(
        "{}{trimmed}",
        " ".repeat(width.saturating_sub(trimmed.width()))
    )
}

fn too_small(area: Rect, buf: &mut Buffer) {
    let [_, middle, _] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(area);
    Paragraph::new(strings::TOO_SMALL)
        .alignment(Alignment::Center)
        .render(middle, buf);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fitting_counts_display_width() {
        assert_eq!(fit("李小龙", 8), "李小龙  ");
        assert_eq!(fit("李小龙", 5), "李小…");
        assert_eq!(fit("李小龙", 4), "李… ");
        assert_eq!(fit("Nguyễn Thị Minh Khai", 10), "Nguyễn Th…");
        assert_eq!(fit("abc", 0), "");
        assert_eq!(fit("abc", 1), "…");
        assert_eq!(fit_right("12", 4), "  12");
        assert_eq!(fit_right("123456", 4), "123…");
        for width in 0..12 {
            assert_eq!(fit("李小龙 Nguyễn", width).width(), width);
        }
    }

    #[test]
    fn columns_give_way_to_the_name() {
        let all = columns(100);
        assert_eq!((all.time, all.wait, all.name), (true, true, 57));
        let narrow = columns(40);
        assert_eq!((narrow.time, narrow.wait), (false, false));
        assert!(columns(30).name >= MIN_NAME);
        let mid = columns(46);
        assert_eq!((mid.time, mid.wait), (false, true));
    }
}
