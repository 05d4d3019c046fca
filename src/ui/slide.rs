//! A slide on screen: its title (large where there is room), one page of its
//! text in a readable column, a QR code beside it when it has one and it
//! fits, its sources, and where the show is.
//!
//! [`SlideLayout::new`] is pure and shared by drawing and by the app (which
//! needs the page count), so both always agree.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use tui_big_text::{BigText, PixelSize};

use super::qr::Qr;
use super::theme;
use crate::i18n::{Words, num};
use crate::slides::{Slide, Vars, expand, render_markdown};

/// The widest a column of text gets: longer lines are hard to read.
const MAX_COLUMN: u16 = 76;
/// Big titles need this many rows on screen.
const BIG_TITLE_MIN_HEIGHT: u16 = 28;
/// Rows for sources at most.
const MAX_SOURCE_ROWS: usize = 2;
/// The progress bar's widest.
const MAX_BAR: u16 = 30;

/// Where everything on a slide goes at one size.
#[derive(Clone, Debug)]
pub struct SlideLayout {
    title: Vec<String>,
    big_title: bool,
    title_area: Rect,
    body: Vec<Line<'static>>,
    /// Start of each page in `body`.
    page_starts: Vec<usize>,
    body_area: Rect,
    qr: Option<(Qr, Rect)>,
    sources: Vec<Line<'static>>,
    sources_area: Rect,
    status_area: Rect,
}

impl SlideLayout {
    pub fn new(slide: &Slide, vars: &Vars, area: Rect, w: Words<'_>) -> Self {
        let [main, status_area] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(area);
        let qr = slide.qr.as_deref().and_then(Qr::new);
        let (column, qr) = column_and_qr(main, qr);
        let sources = source_lines(slide, column.width, w);
        let source_rows = u16::try_from(sources.len()).unwrap_or(0);
        let [text, sources_area] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(source_rows)]).areas(column);
        // The body's height decides, not the screen's: the header and the
        // footer take more rows on a tall screen.
        let (title, big_title) = title_lines(&slide.title, text.width, area.height);
        let title_rows = if big_title {
            title.len() * 4 + 1
        } else {
            title.len() + 1
        };
        let title_rows = u16::try_from(title_rows)
            .unwrap_or(u16::MAX)
            .min(text.height);
        let [title_area, body_area] =
            Layout::vertical([Constraint::Length(title_rows), Constraint::Fill(1)]).areas(text);
        let body = render_markdown(&expand(&slide.body, vars, w), body_area.width);
        let page_starts = paginate(&body, usize::from(body_area.height));
        Self {
            title,
            big_title,
            title_area,
            body,
            page_starts,
            body_area,
            qr,
            sources,
            sources_area,
            status_area,
        }
    }

    /// How many pages the slide needs at this size (at least one).
    pub fn pages(&self) -> usize {
        self.page_starts.len().max(1)
    }

    /// Cells in the progress bar (the app wakes to move it one cell on).
    pub fn bar_width(&self) -> u16 {
        bar_width(self.status_area.width)
    }

    fn page_lines(&self, page: usize) -> &[Line<'static>] {
        let start = self.page_starts.get(page).copied().unwrap_or(0);
        let end = self
            .page_starts
            .get(page + 1)
            .copied()
            .unwrap_or(self.body.len());
        self.body.get(start..end).unwrap_or_default()
    }
}

/// The show's position, drawn under the slide.
#[derive(Clone, Copy, Debug)]
pub struct Position {
    pub slide: usize,
    pub slides: usize,
    pub page: usize,
    /// Share of the page's time gone, 0.0 to 1.0.
    pub progress: f64,
    pub paused: bool,
}

/// Draws page `position.page` of a slide laid out as `layout`.
pub fn render(layout: &SlideLayout, position: Position, w: Words<'_>, buf: &mut Buffer) {
    render_title(layout, buf);
    let lines = layout.page_lines(position.page);
    Paragraph::new(lines.to_vec()).render(layout.body_area, buf);
    if let Some((qr, area)) = &layout.qr {
        qr.render(*area, buf);
        let caption = Rect {
            y: area.bottom().saturating_sub(1),
            height: 1,
            ..*area
        };
        Paragraph::new(w.t("slides-qr-caption"))
            .alignment(Alignment::Center)
            .style(theme::muted())
            .render(caption, buf);
    }
    // Sources sit just under the text when the page leaves room, not at the
    // far bottom of a big screen.
    let used = u16::try_from(lines.len()).unwrap_or(u16::MAX);
    let under_text = layout.body_area.y.saturating_add(used).saturating_add(1);
    let sources = Rect {
        y: under_text.min(layout.sources_area.y),
        ..layout.sources_area
    };
    Paragraph::new(layout.sources.clone()).render(sources, buf);
    render_position(layout, position, w, buf);
}

fn render_title(layout: &SlideLayout, buf: &mut Buffer) {
    let lines: Vec<Line<'static>> = layout.title.iter().map(|t| Line::raw(t.clone())).collect();
    if layout.big_title {
        let rows = u16::try_from(lines.len() * 4).unwrap_or(0);
        let [area] = Layout::vertical([Constraint::Length(rows)]).areas(layout.title_area);
        BigText::builder()
            .pixel_size(PixelSize::Quadrant)
            .style(theme::slide_title())
            .lines(lines)
            .build()
            .render(area, buf);
    } else {
        Paragraph::new(lines)
            .style(theme::slide_title())
            .render(layout.title_area, buf);
    }
}

fn render_position(layout: &SlideLayout, p: Position, w: Words<'_>, buf: &mut Buffer) {
    let area = layout.status_area;
    let count = format!(" {} / {}", p.slide + 1, p.slides.max(1));
    let pages = layout.pages();
    let mut right = Vec::new();
    if pages > 1 {
        right.push(w.f(
            "slides-page-of",
            &[("page", num(p.page + 1)), ("pages", num(pages))],
        ));
    }
    if p.paused {
        right.push(w.t("slides-paused"));
    }
    let right = right.join("  ·  ");
    Paragraph::new(count)
        .style(theme::muted())
        .render(area, buf);
    Paragraph::new(format!("{right} "))
        .alignment(Alignment::Right)
        .style(theme::muted())
        .render(area, buf);
    let width = bar_width(area.width);
    let [bar] = Layout::horizontal([Constraint::Length(width)])
        .flex(Flex::Center)
        .areas(area);
    let done = ((f64::from(width) * p.progress).round() as u16).min(width);
    let line = Line::from(vec![
        Span::styled("━".repeat(usize::from(done)), theme::bar_done()),
        Span::styled("─".repeat(usize::from(width - done)), theme::muted()),
    ]);
    Paragraph::new(line).render(bar, buf);
}

fn bar_width(width: u16) -> u16 {
    (width / 3).min(MAX_BAR)
}

/// The text column, centred, and the QR code beside it if both fit.
fn column_and_qr(area: Rect, qr: Option<Qr>) -> (Rect, Option<(Qr, Rect)>) {
    let margin = if area.width >= 60 { 4 } else { 1 };
    let usable = area.width.saturating_sub(2 * margin);
    if let Some(qr) = qr {
        let (cols, rows) = qr.size();
        let text = usable.saturating_sub(cols + 4).min(MAX_COLUMN);
        if text >= 40 && area.height > rows + 3 {
            let [column, _, code] = Layout::horizontal([
                Constraint::Length(text),
                Constraint::Length(4),
                Constraint::Length(cols),
            ])
            .flex(Flex::Center)
            .areas(area);
            // Level with the top of the text, with a caption under it.
            let column = pad_top(column);
            let code = Rect {
                y: column.y,
                height: rows + 1,
                ..code
            };
            return (column, Some((qr, code)));
        }
    }
    let [column] = Layout::horizontal([Constraint::Length(usable.min(MAX_COLUMN))])
        .flex(Flex::Center)
        .areas(area);
    (pad_top(column), None)
}

/// A row of air under the header where there is room.
fn pad_top(area: Rect) -> Rect {
    if area.height >= 12 {
        Rect {
            y: area.y + 1,
            height: area.height - 1,
            ..area
        }
    } else {
        area
    }
}

/// The title as big-text lines when it fits (ASCII only: the big font has
/// no other letters), else as wrapped plain lines.
fn title_lines(title: &str, width: u16, screen_height: u16) -> (Vec<String>, bool) {
    let per_line = usize::from(width / 4);
    if screen_height >= BIG_TITLE_MIN_HEIGHT && title.is_ascii() {
        let lines = wrap_words(title, per_line);
        if lines.len() <= 2 && lines.iter().all(|l| l.len() <= per_line) {
            return (lines, true);
        }
    }
    let lines = render_markdown(&escape(title), width.max(1));
    let plain = lines
        .iter()
        .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
        .collect();
    (plain, false)
}

fn wrap_words(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.len() + 1 + word.len() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

fn source_lines(slide: &Slide, width: u16, w: Words<'_>) -> Vec<Line<'static>> {
    if slide.sources.is_empty() || width == 0 {
        return Vec::new();
    }
    let text = w.f(
        "slides-sources",
        &[
            ("count", num(slide.sources.len())),
            ("list", slide.sources.join("; ").into()),
        ],
    );
    let mut lines = render_markdown(&escape(&text), width);
    lines.truncate(MAX_SOURCE_ROWS);
    lines
        .into_iter()
        .map(|l| l.style(theme::sources()))
        .collect()
}

/// Citations are plain text, not Markdown.
fn escape(text: &str) -> String {
    text.chars()
        .flat_map(|c| {
            let slash = matches!(c, '*' | '_' | '`' | '[' | ']' | '#' | '<' | '\\').then_some('\\');
            slash.into_iter().chain(std::iter::once(c))
        })
        .collect()
}

/// Splits `lines` into pages of `rows`, never starting a page with a blank
/// line. Returns the first line of each page.
fn paginate(lines: &[Line<'_>], rows: usize) -> Vec<usize> {
    let rows = rows.max(1);
    let blank = |l: &Line<'_>| l.spans.iter().all(|s| s.content.trim().is_empty());
    let mut starts = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        while i < lines.len() && blank(&lines[i]) {
            i += 1;
        }
        if i >= lines.len() {
            break;
        }
        starts.push(i);
        let end = i + rows;
        // Break at the last paragraph break on the page rather than in the
        // middle of a paragraph or list item.
        i = match (i + 1..end.min(lines.len()))
            .rev()
            .find(|&j| blank(&lines[j]))
        {
            Some(gap) if end < lines.len() => gap,
            _ => end,
        };
    }
    starts
}
