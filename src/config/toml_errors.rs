//! The TOML reader's complaints, reworded for the people who edit the files.

use crate::diagnostic::{Diagnostic, nearest};
use crate::sanitize::printable;

const SYNTAX_HELP: &str = "check the TOML syntax near here: keys look like `name = \"value\"` and sections like `[hours]`";

/// A located diagnostic for an error from `toml::from_str`.
pub fn toml_problem(file: &str, source: &str, e: &toml::de::Error) -> Diagnostic {
    let span = e.span().unwrap_or(0..0);
    let message = e.message().trim();
    let (message, help) = if let Some(rest) = message.strip_prefix("unknown field `") {
        unknown_key(rest)
    } else if let Some(rest) = message.strip_prefix("missing field `") {
        let name = printable(rest.split('`').next().unwrap_or_default());
        (
            format!("missing key `{name}`"),
            format!(
                "add `{name} = …` to this section; every key is described in README.md under \"Configuration\""
            ),
        )
    } else if let Some(rest) = message.strip_prefix("invalid type: ") {
        wrong_type(rest)
    } else if message.starts_with("duplicate key") {
        let key = source.get(span.clone()).unwrap_or_default().trim();
        (
            format!("`{}` is written twice", printable(key)),
            "keep only one of them".to_string(),
        )
    } else {
        (printable(message), SYNTAX_HELP.to_string())
    };
    Diagnostic::new(file, source, span, message).with_help(help)
}

fn unknown_key(rest: &str) -> (String, String) {
    let name = rest.split('`').next().unwrap_or_default();
    let known = backticked(rest.split_once("expected").map_or("", |(_, list)| list));
    let help = match nearest(name, known.iter().copied()) {
        Some(best) => format!("did you mean `{best}`?"),
        None if known.is_empty() => "remove this key".to_string(),
        None => {
            let list: Vec<String> = known.iter().map(|k| format!("`{k}`")).collect();
            format!("the keys allowed here are {}", list.join(", "))
        }
    };
    (format!("unknown key `{}`", printable(name)), help)
}

fn wrong_type(rest: &str) -> (String, String) {
    let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
    if found == "map" && expected == "a string" {
        return (
            "this value must be in double quotes".to_string(),
            "write dates and times in double quotes, e.g. \"2026-12-25\" or \"09:00-18:00\""
                .to_string(),
        );
    }
    let wanted = match expected {
        "a string" => "text in double quotes",
        "i64" | "u64" | "i32" | "u32" | "an integer" => "a whole number, without quotes",
        "a boolean" => "true or false, without quotes",
        "a sequence" => "a list in square brackets, e.g. [\"a\", \"b\"]",
        other => other,
    };
    let got = if let Some(text) = found.strip_prefix("string ") {
        format!("the text {text}")
    } else if let Some(value) = found.strip_prefix("integer ") {
        format!("the number {}", value.trim_matches('`'))
    } else if let Some(value) = found.strip_prefix("boolean ") {
        value.trim_matches('`').to_string()
    } else {
        found.to_string()
    };
    let help = match expected {
        "i64" | "u64" | "i32" | "u32" | "an integer" => "remove the quotes around the number",
        "a string" => "put the value in double quotes",
        _ => "see README.md, \"Configuration\", for what this key takes",
    };
    (
        format!("expected {wanted} here, found {}", printable(&got)),
        help.to_string(),
    )
}

fn backticked(text: &str) -> Vec<&str> {
    text.split('`').skip(1).step_by(2).collect()
}
