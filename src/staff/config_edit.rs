//! Writing `pin_hash` into the text of `kiosk.toml`, changing nothing else:
//! every comment, blank line and key stays exactly where it was.
//!
//! The edit is made on the text, line by line: the `pin_hash` line of the
//! `[staff]` table is replaced; failing that, a line is added just below
//! `[staff]`; failing that, a `[staff]` table is added at the end. A line
//! scanner can be fooled (by a `[staff]` inside a multi-line string, say),
//! so the result is checked before it is used: read as TOML, it must hold
//! exactly what the original held plus the new `pin_hash`. If not, nothing
//! is written. This keeps the file byte-for-byte where `toml_edit` would
//! re-format the lines it touches, and needs no further dependency.

use toml::{Table, Value};

/// Why `pin_hash` could not be written into the text.
#[derive(Debug)]
pub enum EditError {
    /// The file is not valid TOML to begin with.
    NotToml(toml::de::Error),
    /// No safe place was found (for example, `staff` is written as a dotted
    /// key or an inline table); the file should be edited by hand.
    NoSafePlace,
}

/// `source` with `pin_hash = "<hash>"` in its `[staff]` table.
pub fn with_pin_hash(source: &str, hash: &str) -> Result<String, EditError> {
    let before: Table = toml::from_str(source).map_err(EditError::NotToml)?;
    if !hash
        .chars()
        .all(|c| c.is_ascii_graphic() && c != '"' && c != '\\')
    {
        return Err(EditError::NoSafePlace);
    }
    let edited = edit(source, hash);
    let mut expected = before;
    let staff = expected
        .entry("staff")
        .or_insert_with(|| Value::Table(Table::new()));
    let Value::Table(staff) = staff else {
        return Err(EditError::NoSafePlace);
    };
    staff.insert("pin_hash".into(), Value::String(hash.into()));
    match toml::from_str::<Table>(&edited) {
        Ok(after) if after == expected => Ok(edited),
        _ => Err(EditError::NoSafePlace),
    }
}

fn edit(source: &str, hash: &str) -> String {
    let lines: Vec<&str> = source.split_inclusive('\n').collect();
    let eol = if source.contains("\r\n") {
        "\r\n"
    } else {
        "\n"
    };
    let Some(header) = lines.iter().position(|l| table_name(l) == Some("staff")) else {
        return appended(source, hash, eol);
    };
    let body_end = lines[header + 1..]
        .iter()
        .position(|l| table_name(l).is_some())
        .map_or(lines.len(), |i| header + 1 + i);
    let mut out = String::with_capacity(source.len() + hash.len() + 16);
    let existing = (header + 1..body_end).find(|&i| is_pin_hash(lines[i]));
    for (i, line) in lines.iter().enumerate() {
        if Some(i) == existing {
            let indent = &line[..line.len() - line.trim_start().len()];
            let ending = line_ending(line);
            out.push_str(&format!("{indent}pin_hash = \"{hash}\"{ending}"));
            continue;
        }
        out.push_str(line);
        if i == header && existing.is_none() {
            if line_ending(line).is_empty() {
                out.push_str(eol);
            }
            out.push_str(&format!("pin_hash = \"{hash}\"{eol}"));
        }
    }
    out
}

fn appended(source: &str, hash: &str, eol: &str) -> String {
    let mut out = source.to_string();
    if !out.is_empty() && !out.ends_with('\n') {
        out.push_str(eol);
    }
    if !out.is_empty() {
        out.push_str(eol);
    }
    for line in [
        "# Staff mode. pin_hash is a one-way hash of the staff PIN, written by",
        "# `kiosk staff set-pin`; README.md, \"[staff]\", explains the other keys.",
        "[staff]",
    ] {
        out.push_str(line);
        out.push_str(eol);
    }
    out.push_str(&format!("pin_hash = \"{hash}\"{eol}"));
    out
}

/// `"\r\n"`, `"\n"` or `""`: how `line` ends.
fn line_ending(line: &str) -> &str {
    let body = line.trim_end_matches(['\r', '\n']);
    &line[body.len()..]
}

/// The name of the table a header line opens: `staff` for `[staff]` or
/// `[ staff ]  # note`; `None` for other lines. Array tables (`[[x]]`) get
/// a name with the brackets left on, which matches no plain table.
fn table_name(line: &str) -> Option<&str> {
    let t = line.trim_start();
    if !t.starts_with('[') {
        return None;
    }
    if t.starts_with("[[") {
        return Some("[[");
    }
    let inner = &t[1..t.find(']')?];
    Some(inner.trim())
}

/// Whether `line` sets `pin_hash`.
fn is_pin_hash(line: &str) -> bool {
    line.trim_start()
        .strip_prefix("pin_hash")
        .is_some_and(|rest| rest.trim_start().starts_with('='))
}

#[cfg(test)]
#[path = "config_edit_tests.rs"]
mod tests;
