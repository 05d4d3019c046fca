//! Problems found in a file staff edit, located by `file:line:column`, and
//! rendered with the offending line and a caret under the problem.

use std::fmt;
use std::ops::Range;

use unicode_width::UnicodeWidthStr;

use crate::sanitize::printable;

/// The UTF-8 byte-order mark some editors put at the start of a file.
const BOM: char = '\u{FEFF}';

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

/// One problem in one file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub file: String,
    /// 1-based line and column (column counted in characters).
    pub line: usize,
    pub column: usize,
    /// The line the problem is on, made safe to print.
    pub source_line: String,
    /// Display columns before the caret and the caret's width.
    pub caret_indent: usize,
    pub caret_width: usize,
    pub message: String,
    pub help: Option<String>,
}

impl Diagnostic {
    /// A diagnostic for the bytes `span` of `source`, the text of `file`.
    pub fn new(file: &str, source: &str, span: Range<usize>, message: impl Into<String>) -> Self {
        // A byte-order mark is not part of the first line: it is neither a
        // column nor shown.
        let text_start = if source.starts_with(BOM) {
            BOM.len_utf8()
        } else {
            0
        };
        let start = floor_char_boundary(source, span.start.clamp(text_start, source.len()));
        let end = floor_char_boundary(source, span.end.clamp(start, source.len()));
        let line_start = source[..start].rfind('\n').map_or(text_start, |i| i + 1);
        let line_end = source[start..]
            .find('\n')
            .map_or(source.len(), |i| start + i);
        let line_text = source[line_start..line_end].trim_end_matches('\r');
        let before = &source[line_start..start];
        let marked = &source[start..end.min(line_end).max(start)];
        Self {
            severity: Severity::Error,
            file: printable(file),
            line: source[..start].matches('\n').count() + 1,
            column: before.chars().count() + 1,
            source_line: printable(line_text),
            caret_indent: printable(before).width(),
            caret_width: printable(marked).width().max(1),
            message: message.into(),
            help: None,
        }
    }

    /// A problem with the file as a whole (it cannot be read, say).
    pub fn whole_file(file: &str, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Error,
            file: printable(file),
            line: 0,
            column: 0,
            source_line: String::new(),
            caret_indent: 0,
            caret_width: 0,
            message: message.into(),
            help: None,
        }
    }

    /// The same problem without the line it is on: for a file that may
    /// not be a slide at all, whose text must not be echoed to a screen or
    /// a log. The location stays.
    pub fn hiding_source(mut self) -> Self {
        self.source_line = String::new();
        self.caret_indent = 0;
        self.caret_width = 0;
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn warning(mut self) -> Self {
        self.severity = Severity::Warning;
        self
    }

    /// `file:line:column`, or just the file for a whole-file problem.
    pub fn location(&self) -> String {
        if self.line == 0 {
            self.file.clone()
        } else {
            format!("{}:{}:{}", self.file, self.line, self.column)
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        writeln!(f, "{label}: {}", self.message)?;
        let number = self.line.to_string();
        let pad = " ".repeat(number.len());
        writeln!(f, "{pad}--> {}", self.location())?;
        if self.line > 0 && self.caret_width > 0 {
            writeln!(f, "{pad} |")?;
            writeln!(f, "{number} | {}", self.source_line)?;
            writeln!(
                f,
                "{pad} | {}{}",
                " ".repeat(self.caret_indent),
                "^".repeat(self.caret_width)
            )?;
        }
        if let Some(help) = &self.help {
            writeln!(f, "{pad} = help: {help}")?;
        }
        Ok(())
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// How many quote characters open a TOML string value written at `span` of
/// `source`, when the value is written without escapes (so byte offsets
/// inside the value line up with the file); `None` otherwise.
pub fn quote_len(source: &str, span: Range<usize>, value: &str) -> Option<usize> {
    let raw = source.get(span)?;
    let quote = if raw.starts_with("\"\"\"") || raw.starts_with("'''") {
        3
    } else {
        1
    };
    let inner = raw.get(quote..raw.len().checked_sub(quote)?)?;
    (inner == value).then_some(quote)
}

/// Renders several diagnostics, separated by blank lines.
pub fn render_all(diagnostics: &[Diagnostic]) -> String {
    diagnostics
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

/// The candidate closest to `word`, if it is close enough to be a likely typo
/// (used for "did you mean" help).
pub fn nearest<'a>(word: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let lower = word.to_lowercase();
    candidates
        .map(|c| (strsim::levenshtein(&lower, &c.to_lowercase()), c))
        .filter(|(d, c)| *d <= (c.chars().count() / 3).max(2))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_location_line_and_caret() {
        let src = "[clinic]\ntimezone = \"Mars/Base\"\n";
        let d = Diagnostic::new("kiosk.toml", src, 20..31, "unknown time zone \"Mars/Base\"")
            .with_help("use an IANA name such as \"America/Denver\"");
        assert_eq!(
            d.to_string(),
            "error: unknown time zone \"Mars/Base\"\n \
             --> kiosk.toml:2:12\n  |\n2 | timezone = \"Mars/Base\"\n  |            ^^^^^^^^^^^\n  \
             = help: use an IANA name such as \"America/Denver\"\n"
        );
    }

    #[test]
    fn columns_count_characters_and_carets_count_width() {
        let src = "name = \"李小龙\" x";
        let start = src.find('x').unwrap_or(0);
        let d = Diagnostic::new("f", src, start..start + 1, "m");
        assert_eq!(d.column, 14);
        assert_eq!(d.caret_indent, 16);
    }

    #[test]
    fn control_characters_never_reach_the_output() {
        let src = "a = \"\u{1b}[31mred\u{7}\"";
        let d = Diagnostic::new("f\u{1b}", src, 0..src.len(), "m");
        let out = d.to_string();
        assert!(!out.contains('\u{1b}') && !out.contains('\u{7}'), "{out:?}");
    }

    #[test]
    fn a_byte_order_mark_is_not_a_column() {
        let src = "\u{FEFF}[clinic] x\nb = 1\n";
        let start = src.find('x').unwrap_or(0);
        let d = Diagnostic::new("f", src, start..start + 1, "m");
        assert_eq!((d.line, d.column), (1, 10));
        assert_eq!(d.source_line, "[clinic] x");
        assert_eq!(d.caret_indent, 9);
        let at_bom = Diagnostic::new("f", src, 0..3, "m");
        assert_eq!((at_bom.line, at_bom.column), (1, 1));
        let second = Diagnostic::new("f", src, 16..17, "m");
        assert_eq!((second.line, second.column), (2, 3));
    }

    #[test]
    fn a_hidden_source_line_is_not_printed() {
        let d = Diagnostic::new("f", "secret words\n", 0..6, "m").hiding_source();
        assert_eq!(d.to_string(), "error: m\n --> f:1:1\n");
    }

    #[test]
    fn spans_past_the_end_or_inside_a_character_are_clamped() {
        let d = Diagnostic::new("f", "é", 1..99, "m");
        assert_eq!((d.line, d.column), (1, 1));
    }
}
