//! Markdown to styled, wrapped lines for a slide.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::style;
use super::wrap::{Run, Wrapper, spans_width};
use crate::sanitize::printable;
use crate::ui::theme::{BULLET, QUOTE_BAR, RULE};

/// A block that prefixes the lines inside it.
enum Container {
    Quote,
    Item { marker: String },
}

/// An open list: the next number (`None` for bullets) and items so far.
struct List {
    next: Option<u64>,
    items: usize,
}

struct Renderer {
    width: usize,
    lines: Vec<Line<'static>>,
    /// The current block's text, split at hard line breaks.
    segments: Vec<Vec<Run>>,
    /// Each entry is the whole style in effect at that depth, so the
    /// current style is the last (nesting stays cheap however deep).
    styles: Vec<Style>,
    containers: Vec<Container>,
    /// How many of the outermost containers have shown a line already; the
    /// rest are fresh (an item still owes its marker).
    shown: usize,
    /// Open list items, so a list inside an item is known at once.
    items_open: usize,
    lists: Vec<List>,
    need_gap: bool,
    in_code: bool,
}

/// Renders `markdown` as lines at most `width` columns wide: headings,
/// paragraphs, emphasis, lists, block quotes and rules. Links show their
/// text, images their alt text; raw HTML is dropped. Every piece of text is
/// made safe to print (entities such as `&#27;` cannot smuggle in escapes).
///
/// Cost grows with the length of the text (about a millisecond for a
/// screenful); callers drawing every frame should keep the lines for each
/// slide and width.
pub fn render_markdown(markdown: &str, width: u16) -> Vec<Line<'static>> {
    if width == 0 {
        return Vec::new();
    }
    let mut r = Renderer {
        width: usize::from(width),
        lines: Vec::new(),
        segments: vec![Vec::new()],
        styles: Vec::new(),
        containers: Vec::new(),
        shown: 0,
        items_open: 0,
        lists: Vec::new(),
        need_gap: false,
        in_code: false,
    };
    for event in Parser::new_ext(markdown, Options::ENABLE_STRIKETHROUGH) {
        r.event(event);
    }
    r.flush();
    r.lines
}

fn level_number(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

impl Renderer {
    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(text) if self.in_code => self.code_text(&text),
            Event::Text(text) | Event::Code(text) => self.text(&text),
            Event::SoftBreak => self.text(" "),
            Event::HardBreak => self.segments.push(Vec::new()),
            Event::Rule => self.rule(),
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Paragraph | Tag::CodeBlock(_) | Tag::HtmlBlock => {
                self.flush();
                self.in_code = matches!(tag, Tag::CodeBlock(_));
            }
            Tag::Heading { level, .. } => {
                self.flush();
                self.push_style(style::heading(level_number(level)));
            }
            Tag::BlockQuote(_) => {
                self.flush();
                self.containers.push(Container::Quote);
                self.push_style(style::quote());
            }
            Tag::List(start) => self.start_list(start),
            Tag::Item => self.start_item(),
            Tag::Emphasis => self.push_style(style::emphasis()),
            Tag::Strong => self.push_style(style::strong()),
            Tag::Strikethrough => self.push_style(style::strikethrough()),
            Tag::Link { .. } | Tag::Image { .. } => self.push_style(Style::new()),
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph | TagEnd::HtmlBlock => self.flush(),
            TagEnd::CodeBlock => {
                self.flush();
                self.in_code = false;
            }
            TagEnd::Heading(_) => {
                self.flush();
                self.styles.pop();
            }
            TagEnd::BlockQuote(_) => {
                self.flush();
                self.pop_container();
                self.styles.pop();
            }
            TagEnd::List(_) => {
                self.flush();
                self.lists.pop();
            }
            TagEnd::Item => {
                self.flush();
                self.pop_container();
                self.items_open = self.items_open.saturating_sub(1);
            }
            TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Link
            | TagEnd::Image => {
                self.styles.pop();
            }
            _ => {}
        }
    }

    fn start_list(&mut self, start: Option<u64>) {
        self.flush();
        if self.items_open > 0 {
            // A list inside an item follows its text directly.
            self.need_gap = false;
        }
        self.lists.push(List {
            next: start,
            items: 0,
        });
    }

    fn start_item(&mut self) {
        self.flush();
        let marker = match self.lists.last_mut() {
            Some(list) => {
                list.items += 1;
                if list.items > 1 {
                    self.need_gap = false;
                }
                match &mut list.next {
                    Some(n) => {
                        let marker = format!("{n}. ");
                        *n = n.saturating_add(1);
                        marker
                    }
                    None => BULLET.to_string(),
                }
            }
            None => BULLET.to_string(),
        };
        self.containers.push(Container::Item { marker });
        self.items_open += 1;
    }

    fn style(&self) -> Style {
        self.styles.last().copied().unwrap_or_default()
    }

    fn push_style(&mut self, style: Style) {
        self.styles.push(self.style().patch(style));
    }

    fn pop_container(&mut self) {
        self.containers.pop();
        self.shown = self.shown.min(self.containers.len());
    }

    fn text(&mut self, text: &str) {
        let style = self.style();
        let text = printable(text);
        if let Some(segment) = self.segments.last_mut() {
            segment.push((text, style));
        }
    }

    fn code_text(&mut self, text: &str) {
        for (i, line) in text.split('\n').enumerate() {
            if i > 0 {
                self.segments.push(Vec::new());
            }
            self.text(line);
        }
    }

    /// The prefixes of the next line of text: for its first line and for
    /// the lines after. Empty when they would not leave room for text.
    fn prefixes(&self) -> (Vec<Span<'static>>, Vec<Span<'static>>) {
        let mut first = Vec::new();
        let mut rest = Vec::new();
        let mut used = 0;
        for (i, container) in self.containers.iter().enumerate() {
            let (head, tail) = match container {
                Container::Quote => {
                    let bar = Span::styled(QUOTE_BAR, style::quote_bar());
                    (bar.clone(), bar)
                }
                Container::Item { marker } => {
                    let pad = Span::raw(" ".repeat(marker.width()));
                    let head = if i >= self.shown {
                        Span::styled(marker.clone(), style::marker())
                    } else {
                        pad.clone()
                    };
                    (head, pad)
                }
            };
            used += tail.width();
            if used >= self.width {
                return (Vec::new(), Vec::new());
            }
            first.push(head);
            rest.push(tail);
        }
        (first, rest)
    }

    /// A blank line between blocks, keeping the bars of the quotes that
    /// have already begun.
    fn gap(&mut self) {
        if !self.need_gap || self.lines.is_empty() {
            return;
        }
        let mut bars = String::new();
        for container in &self.containers[..self.shown] {
            if let Container::Quote = container {
                bars.push_str(QUOTE_BAR);
                if bars.width() >= self.width {
                    bars.clear();
                    break;
                }
            }
        }
        let bars = bars.trim_end().to_string();
        self.lines
            .push(Line::from(Span::styled(bars, style::quote_bar())));
    }

    /// Wraps the pending text as one block.
    fn flush(&mut self) {
        let empty = |s: &Vec<Run>| s.iter().all(|(t, _)| t.trim().is_empty());
        if self.segments.iter().all(empty) {
            self.segments = vec![Vec::new()];
            return;
        }
        let segments = std::mem::replace(&mut self.segments, vec![Vec::new()]);
        let (first, rest) = self.prefixes();
        let wrapped = Wrapper::new(first, rest, self.width).wrap(&segments);
        if wrapped.is_empty() {
            return;
        }
        self.gap();
        self.lines.extend(wrapped);
        self.began();
    }

    /// Marks every open container as having shown its first line.
    fn began(&mut self) {
        self.need_gap = true;
        self.shown = self.containers.len();
    }

    fn rule(&mut self) {
        self.flush();
        self.gap();
        let (_, mut spans) = self.prefixes();
        let room = self.width - spans_width(&spans).min(self.width);
        spans.push(Span::styled(RULE.repeat(room), style::rule()));
        self.lines.push(Line::from(spans));
        self.began();
    }
}

#[cfg(test)]
#[path = "markdown_tests.rs"]
mod tests;
