//! Problems the TOML reader finds in a slide's front matter, in words
//! staff can act on.

use std::ops::Range;

use super::parse::DATE_HELP;
use crate::diagnostic::{Diagnostic, nearest};
use crate::sanitize::printable;

/// A problem the TOML reader found in the front matter.
pub(super) fn toml_problem(
    label: &str,
    source: &str,
    offset: usize,
    e: &toml::de::Error,
    fence: Range<usize>,
) -> Diagnostic {
    let span = e.span().map_or(fence, |s| s.start + offset..s.end + offset);
    let written = source.get(span.clone()).unwrap_or_default().trim();
    let message = e.message().trim().to_string();
    let d = |m: String| Diagnostic::new(label, source, span.clone(), printable(&m));
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let name = rest.split('`').next().unwrap_or_default();
        let keys = "title, duration, enabled, days, time, from, until, when, sources, review_by, reviewed and qr";
        let all = keys.replace(" and", ",");
        let help = match nearest(name, all.split(", ")) {
            Some(best) => format!("did you mean {best}? A slide's settings are {keys}"),
            None => format!("a slide's settings are {keys}"),
        };
        return d(format!("unknown setting {name}")).with_help(help);
    }
    if message.starts_with("invalid type") {
        if !written.is_empty() && written.bytes().all(|b| b.is_ascii_digit() || b == b'-') {
            return d(format!("the date {written} needs double quotes")).with_help(DATE_HELP);
        }
        let message = message
            .replace("invalid type: ", "wrong kind of value: ")
            .replace("expected i64", "expected a whole number")
            .replace("expected a boolean", "expected true or false")
            .replace("expected a sequence", "expected a list in brackets")
            .replace("expected a string", "expected text in double quotes");
        return d(message).with_help("text and dates go in double quotes (title = \"Welcome\", from = \"2026-12-01\"); numbers and true/false do not (duration = 20, enabled = false); lists go in brackets (days = [\"mon\", \"fri\"])");
    }
    if message == "duplicate key" {
        return d(format!("{written} is set twice")).with_help("keep only one of them");
    }
    d(message.replace("field", "setting")).with_help(
        "check the TOML syntax near here: each setting is one line such as title = \"Welcome\"",
    )
}
