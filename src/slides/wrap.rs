//! Word-wrapping styled text by display width.
//!
//! Widths are those of `unicode-width`, measured span by span exactly as
//! `ratatui::text::Line::width` does, so a wrapped line never reports wider
//! than the limit. Text is only broken between clusters: a character and
//! the zero-width characters after it (combining marks, variation
//! selectors, and anything joined by a zero-width joiner) stay together.
//! Lines break at spaces, but not at no-break spaces.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// A piece of text in one style.
pub(super) type Run = (String, Style);

/// The text of `text` split into clusters that must not be broken.
pub(super) fn clusters(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut after_joiner = false;
    for (i, c) in text.char_indices() {
        let zero = c.width().unwrap_or(0) == 0;
        if i > start && !after_joiner && !zero {
            out.push(&text[start..i]);
            start = i;
        }
        after_joiner = c == '\u{200D}';
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// Whether `c` is a space a line may break at (a no-break space, as in
/// `&nbsp;` or a phone number, is not).
fn is_break_space(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\u{A0}' | '\u{2007}' | '\u{202F}')
}

/// A word or the space between words.
enum Token {
    Space(Style),
    Word(Vec<Run>),
}

fn push_run(runs: &mut Vec<Run>, text: &str, style: Style) {
    match runs.last_mut() {
        Some((last, s)) if *s == style => last.push_str(text),
        _ => runs.push((text.to_string(), style)),
    }
}

fn tokens(runs: &[Run]) -> Vec<Token> {
    let mut out = Vec::new();
    let mut word: Vec<Run> = Vec::new();
    for (text, style) in runs {
        for cluster in clusters(text) {
            if cluster.starts_with(is_break_space) {
                if !word.is_empty() {
                    out.push(Token::Word(std::mem::take(&mut word)));
                }
                if !matches!(out.last(), Some(Token::Space(_))) {
                    out.push(Token::Space(*style));
                }
            } else {
                push_run(&mut word, cluster, *style);
            }
        }
    }
    if !word.is_empty() {
        out.push(Token::Word(word));
    }
    out
}

/// The content of one line being filled, and its width.
#[derive(Clone, Default)]
struct LineBuf {
    runs: Vec<Run>,
    width: usize,
}

impl LineBuf {
    fn push(&mut self, text: &str, style: Style) {
        match self.runs.last_mut() {
            Some((last, s)) if *s == style => {
                self.width -= last.width();
                last.push_str(text);
                self.width += last.width();
            }
            _ => {
                self.width += text.width();
                self.runs.push((text.to_string(), style));
            }
        }
    }

    /// This line with `space` (if any) and `word` added, if that fits.
    fn with_word(&self, space: Option<Style>, word: &[Run], limit: usize) -> Option<Self> {
        let mut next = self.clone();
        if let Some(style) = space {
            next.push(" ", style);
        }
        for (text, style) in word {
            next.push(text, *style);
        }
        (next.width <= limit).then_some(next)
    }
}

/// Fills lines of at most `width` columns, each starting with a prefix.
pub(super) struct Wrapper {
    first: Vec<Span<'static>>,
    rest: Vec<Span<'static>>,
    limit: usize,
    lines: Vec<Line<'static>>,
    line: LineBuf,
}

/// The display width of `spans`, as ratatui measures it.
pub(super) fn spans_width(spans: &[Span<'_>]) -> usize {
    spans.iter().map(Span::width).sum()
}

impl Wrapper {
    /// A wrapper for one block. The prefixes are dropped when they would
    /// leave no room for text.
    pub fn new(first: Vec<Span<'static>>, rest: Vec<Span<'static>>, width: usize) -> Self {
        let prefix = spans_width(&first).max(spans_width(&rest));
        let (first, rest, limit) = if prefix < width {
            (first, rest, width - prefix)
        } else {
            (Vec::new(), Vec::new(), width)
        };
        Self {
            first,
            rest,
            limit,
            lines: Vec::new(),
            line: LineBuf::default(),
        }
    }

    /// Wraps `segments` (pieces of text separated by hard line breaks).
    /// Returns no lines when there is no text at all.
    pub fn wrap(mut self, segments: &[Vec<Run>]) -> Vec<Line<'static>> {
        let segments: Vec<Vec<Token>> = segments.iter().map(|s| tokens(s)).collect();
        let has_word = |s: &Vec<Token>| s.iter().any(|t| matches!(t, Token::Word(_)));
        let (Some(first), Some(last)) = (
            segments.iter().position(has_word),
            segments.iter().rposition(has_word),
        ) else {
            return Vec::new();
        };
        for tokens in &segments[first..=last] {
            self.segment(tokens);
            self.finish_line();
        }
        self.lines
    }

    fn segment(&mut self, tokens: &[Token]) {
        let mut space = None;
        for token in tokens {
            match token {
                Token::Space(style) => space = Some(*style),
                Token::Word(word) => {
                    self.place(word, space.take());
                }
            }
        }
    }

    fn place(&mut self, word: &[Run], space: Option<Style>) {
        if !self.line.runs.is_empty() {
            if let Some(next) = self.line.with_word(space, word, self.limit) {
                self.line = next;
                return;
            }
            self.finish_line();
        }
        if let Some(next) = self.line.with_word(None, word, self.limit) {
            self.line = next;
            return;
        }
        for (text, style) in word {
            for cluster in clusters(text) {
                self.place_cluster(cluster, *style);
            }
        }
    }

    /// Adds one cluster of a word too long for a line, starting a new line
    /// when it does not fit. A cluster wider than a whole line is replaced.
    fn place_cluster(&mut self, cluster: &str, style: Style) {
        let piece = [(cluster.to_string(), style)];
        if let Some(next) = self.line.with_word(None, &piece, self.limit) {
            self.line = next;
            return;
        }
        if !self.line.runs.is_empty() {
            self.finish_line();
            if let Some(next) = self.line.with_word(None, &piece, self.limit) {
                self.line = next;
                return;
            }
        }
        self.line.push(crate::ui::theme::TOO_WIDE, style);
    }

    fn finish_line(&mut self) {
        let content = std::mem::take(&mut self.line);
        let prefix = if self.lines.is_empty() {
            self.first.clone()
        } else {
            self.rest.clone()
        };
        let mut spans = prefix;
        spans.extend(content.runs.into_iter().map(|(t, s)| Span::styled(t, s)));
        self.lines.push(Line::from(spans));
    }
}

#[cfg(test)]
#[path = "wrap_tests.rs"]
mod tests;
