//! Adding a `[[notices]]` table to the text of `kiosk.toml`, changing
//! nothing else: it goes at the end, after a blank line, and every comment
//! and key above stays exactly where it was. As with `pin_hash`
//! ([`super::config_edit`]), the result is read back before it is used: it
//! must hold exactly what the original held plus the new notice.

use chrono::NaiveDateTime;
use toml::{Table, Value};

use super::config_edit::EditError;
use crate::hours::Notice;

/// How notice times are written: `2026-11-23 16:30`.
const TIME: &str = "%Y-%m-%d %H:%M";

/// `source` with `notice` added as a `[[notices]]` table at the end.
pub fn with_notice(source: &str, notice: &Notice) -> Result<String, EditError> {
    let before: Table = toml::from_str(source).map_err(EditError::NotToml)?;
    let eol = if source.contains("\r\n") {
        "\r\n"
    } else {
        "\n"
    };
    let mut edited = source.to_string();
    if !edited.is_empty() && !edited.ends_with('\n') {
        edited.push_str(eol);
    }
    let stamp = |t: NaiveDateTime| t.format(TIME).to_string();
    let quoted = |text: &str| Value::String(text.to_string()).to_string();
    let mut lines = vec![
        String::new(),
        "[[notices]]".to_string(),
        format!("text = {}", quoted(&notice.text)),
        format!("from = \"{}\"", stamp(notice.from)),
        format!("until = \"{}\"", stamp(notice.until)),
    ];
    if notice.closes {
        lines.push("closes = true".to_string());
    }
    for line in lines {
        edited.push_str(&line);
        edited.push_str(eol);
    }
    let mut expected = before;
    let mut table = Table::new();
    table.insert("text".into(), Value::String(notice.text.clone()));
    table.insert("from".into(), Value::String(stamp(notice.from)));
    table.insert("until".into(), Value::String(stamp(notice.until)));
    if notice.closes {
        table.insert("closes".into(), Value::Boolean(true));
    }
    match expected
        .entry("notices")
        .or_insert_with(|| Value::Array(Vec::new()))
    {
        Value::Array(items) => items.push(Value::Table(table)),
        _ => return Err(EditError::NoSafePlace),
    }
    match toml::from_str::<Table>(&edited) {
        Ok(after) if after == expected => Ok(edited),
        _ => Err(EditError::NoSafePlace),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn notice(text: &str, closes: bool) -> Notice {
        let at = |h| {
            NaiveDate::from_ymd_opt(2026, 11, 23)
                .and_then(|d| d.and_hms_opt(h, 0, 0))
                .unwrap_or_default()
        };
        Notice {
            text: text.into(),
            from: at(7),
            until: at(18),
            closes,
        }
    }

    #[test]
    fn a_notice_is_added_at_the_end_and_nothing_else_moves() {
        let source =
            "# The clinic\n[clinic]\nname = \"C\" # ours\n\n[[closures]]\ndate = \"2026-12-25\"";
        let edited = with_notice(source, &notice("Closed today due to \"snow\"", true));
        assert_eq!(
            edited.ok().as_deref(),
            Some(
                "# The clinic\n[clinic]\nname = \"C\" # ours\n\n[[closures]]\ndate = \"2026-12-25\"\n\n\
                 [[notices]]\ntext = 'Closed today due to \"snow\"'\nfrom = \"2026-11-23 07:00\"\n\
                 until = \"2026-11-23 18:00\"\ncloses = true\n"
            )
        );
    }

    #[test]
    fn a_second_notice_joins_the_first_and_crlf_files_stay_crlf() {
        let source = "[clinic]\r\nname = \"C\"\r\n\r\n[[notices]]\r\ntext = \"a\"\r\nfrom = \"2026-11-23 07:00\"\r\nuntil = \"2026-11-23 08:00\"\r\n";
        let edited = with_notice(source, &notice("Late", false)).unwrap_or_default();
        assert!(edited.starts_with(source));
        assert!(edited.ends_with("\r\n[[notices]]\r\ntext = \"Late\"\r\nfrom = \"2026-11-23 07:00\"\r\nuntil = \"2026-11-23 18:00\"\r\n"));
    }

    #[test]
    fn an_inline_notices_key_or_broken_toml_is_refused() {
        assert!(matches!(
            with_notice("notices = []\n", &notice("x", false)),
            Err(EditError::NoSafePlace)
        ));
        assert!(matches!(
            with_notice("[clinic\n", &notice("x", false)),
            Err(EditError::NotToml(_))
        ));
    }
}
