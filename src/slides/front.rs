//! Splitting a slide file into its `+++` front matter and its body.

use std::ops::Range;

use crate::diagnostic::Diagnostic;

const FENCE: &str = "+++";

/// A slide file cut in two, with where each part starts in the file.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Parts<'a> {
    /// The TOML between the fences.
    pub front: &'a str,
    pub front_start: usize,
    /// The bytes of the opening fence line, for problems with the settings
    /// as a whole.
    pub open_fence: Range<usize>,
    /// Everything after the closing fence line.
    pub body: &'a str,
    pub body_start: usize,
}

/// The lines of `source` with their byte ranges (without the line break).
fn lines(source: &str) -> impl Iterator<Item = (Range<usize>, &str)> {
    let mut at = 0;
    source.split_inclusive('\n').map(move |raw| {
        let start = at;
        at += raw.len();
        let text = raw.strip_suffix('\n').unwrap_or(raw);
        (start..start + text.len(), text)
    })
}

fn is_fence(line: &str) -> bool {
    line.trim_end() == FENCE
}

/// Finds the front matter of `source`, the text of the file `label`.
pub(super) fn split<'a>(label: &str, source: &'a str) -> Result<Parts<'a>, Box<Diagnostic>> {
    let skip = if source.starts_with('\u{FEFF}') { 3 } else { 0 };
    let text = &source[skip..];
    let mut iter = lines(text).map(|(r, l)| (r.start + skip..r.end + skip, l));
    let Some((first, first_text)) = iter.next() else {
        return Err(Box::new(no_fence(label, source, skip..skip, "")));
    };
    if !is_fence(first_text) {
        return Err(Box::new(no_fence(label, source, first, first_text)));
    }
    let front_start = (first.end + 1).min(source.len());
    for (range, line) in iter {
        if is_fence(line) {
            let body_start = (range.end + 1).min(source.len());
            return Ok(Parts {
                front: &source[front_start..range.start],
                front_start,
                open_fence: first,
                body: &source[body_start..],
                body_start,
            });
        }
    }
    let message = "the settings at the top are never closed";
    let help = "add a line of exactly +++ after the last setting, before the slide's text";
    Err(Box::new(
        Diagnostic::new(label, source, first, message).with_help(help),
    ))
}

fn no_fence(label: &str, source: &str, first: Range<usize>, first_text: &str) -> Diagnostic {
    let trimmed = first_text.trim();
    let (message, help) = if trimmed == "---" {
        (
            "slide settings go between +++ lines, not ---",
            "replace both --- lines with +++; the settings are TOML, e.g. title = \"Welcome\"",
        )
    } else if trimmed.is_empty() && lines(source).any(|(_, l)| is_fence(l)) {
        (
            "the +++ line must be the very first line of the file",
            "remove the blank lines above it",
        )
    } else {
        // The file may not be a slide at all: its first line is not echoed.
        let help = "start the file with +++, then settings such as title = \"Welcome\", then another +++ line; the slide's text goes after that";
        return Diagnostic::new(
            label,
            source,
            first,
            "a slide must start with a line of exactly +++",
        )
        .hiding_source()
        .with_help(help);
    };
    Diagnostic::new(label, source, first, message).with_help(help)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(source: &str) -> String {
        split("s.md", source).map_or_else(|d| d.to_string(), |p| format!("ok {p:?}"))
    }

    #[test]
    fn splits_front_and_body() {
        let src = "+++\ntitle = \"A\"\n+++\nHello\n";
        let p = split("s.md", src).ok();
        assert_eq!(p.as_ref().map(|p| p.front), Some("title = \"A\"\n"));
        assert_eq!(p.as_ref().map(|p| p.front_start), Some(4));
        assert_eq!(p.as_ref().map(|p| p.body), Some("Hello\n"));
    }

    #[test]
    fn tolerates_crlf_a_bom_and_a_missing_final_newline() {
        let src = "\u{FEFF}+++\r\ntitle = \"A\"\r\n+++";
        let p = split("s.md", src).ok();
        assert_eq!(p.as_ref().map(|p| p.front), Some("title = \"A\"\r\n"));
        assert_eq!(p.as_ref().map(|p| p.body), Some(""));
        assert_eq!(p.as_ref().map(|p| p.front_start), Some(8));
    }

    #[test]
    fn missing_front_matter() {
        assert_eq!(
            err("# Hello\n"),
            "error: a slide must start with a line of exactly +++\n --> s.md:1:1\n  = help: start the file with +++, then settings such as title = \"Welcome\", then another +++ line; the slide's text goes after that\n"
        );
    }

    #[test]
    fn yaml_fences_and_blank_lines_get_their_own_help() {
        assert!(err("---\ntitle: A\n---\n").contains("not ---"));
        assert!(err("\n+++\ntitle = \"A\"\n+++\n").contains("very first line"));
    }

    #[test]
    fn unclosed_front_matter() {
        assert_eq!(
            err("+++\ntitle = \"A\"\nHello\n"),
            "error: the settings at the top are never closed\n --> s.md:1:1\n  |\n1 | +++\n  | ^^^\n  = help: add a line of exactly +++ after the last setting, before the slide's text\n"
        );
    }
}
