//! Checking `[[notices]]`: the words, and the span they show for.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use toml::Spanned;

use super::Checker;
use crate::config::raw::RawNotice;
use crate::hours::{NOTICE_MAX_CHARS, Notice};
use crate::i18n::{english, num};
use crate::sanitize::printable;

impl Checker<'_> {
    pub(super) fn notices(&mut self, raw: &[Spanned<RawNotice>]) -> Vec<Notice> {
        raw.iter()
            .filter_map(|n| self.notice(n.get_ref()))
            .collect()
    }

    fn notice(&mut self, raw: &RawNotice) -> Option<Notice> {
        let text = printable(raw.text.get_ref().trim());
        let chars = text.chars().count();
        if text.is_empty() {
            self.error(
                raw.text.span(),
                english().t("notice-text-empty"),
                &english().t("notice-text-help"),
            );
        } else if chars > NOTICE_MAX_CHARS {
            self.error(
                raw.text.span(),
                english().f(
                    "notice-too-long",
                    &[("chars", num(chars)), ("max", num(NOTICE_MAX_CHARS))],
                ),
                &english().f("notice-too-long-help", &[("max", num(NOTICE_MAX_CHARS))]),
            );
        }
        let from = self.notice_time(&raw.from, false);
        let until = self.notice_time(&raw.until, true);
        let (Some(from), Some(until)) = (from, until) else {
            return None;
        };
        if until <= from {
            let message = english().f(
                "notice-ends-first",
                &[
                    ("until", raw.until.get_ref().as_str().into()),
                    ("from", raw.from.get_ref().as_str().into()),
                ],
            );
            self.error(raw.until.span(), message, &english().t("notice-order-help"));
            return None;
        }
        let fits = !text.is_empty() && chars <= NOTICE_MAX_CHARS;
        fits.then_some(Notice {
            text,
            from,
            until,
            closes: raw.closes.unwrap_or(false),
        })
    }

    fn notice_time(&mut self, value: &Spanned<String>, end: bool) -> Option<NaiveDateTime> {
        let parsed = parse_notice_time(value.get_ref(), end);
        if parsed.is_none() {
            let shown = printable(value.get_ref().trim());
            self.error(
                value.span(),
                english().f("notice-bad-time", &[("text", shown.as_str().into())]),
                &english().t("notice-time-help"),
            );
        }
        parsed
    }
}

/// `2026-12-03 07:00` or `2026-12-03T07:00` (seconds allowed); a date alone
/// is the start of that day, or for an end (`until`) the start of the next.
pub fn parse_notice_time(text: &str, end: bool) -> Option<NaiveDateTime> {
    let text = text.trim();
    for format in [
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M:%S",
    ] {
        if let Ok(t) = NaiveDateTime::parse_from_str(text, format) {
            return Some(t);
        }
    }
    let date = NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()?;
    let date = if end { date.succ_opt()? } else { date };
    Some(date.and_time(NaiveTime::MIN))
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use crate::config::Config;
    use crate::diagnostic::Diagnostic;
    use crate::hours::Notice;

    const CLINIC: &str = "[clinic]\nname = \"C\"\ntimezone = \"America/Denver\"\n";

    fn parse(extra: &str) -> Result<Vec<Notice>, Vec<String>> {
        Config::parse(
            Path::new("kiosk.toml"),
            &format!("{CLINIC}{extra}"),
            Path::new("."),
        )
        .map(|c| c.schedule.notices)
        .map_err(|e: Vec<Diagnostic>| {
            e.into_iter()
                .map(|d| format!("{}:{} {}", d.line, d.column, d.message))
                .collect()
        })
    }

    fn wall(text: &str) -> chrono::NaiveDateTime {
        super::parse_notice_time(text, false).unwrap_or_default()
    }

    #[test]
    fn notices_are_read_with_their_span() {
        let notices = parse(
            "[[notices]]\ntext = \"Closed today due to snow\"\nfrom = \"2026-12-03\"\nuntil = \"2026-12-03\"\ncloses = true\n\
             [[notices]]\ntext = \"Dr. Lee is running late\"\nfrom = \"2026-12-04 09:00\"\nuntil = \"2026-12-04T11:30\"\n",
        );
        assert_eq!(
            notices,
            Ok(vec![
                Notice {
                    text: "Closed today due to snow".into(),
                    from: wall("2026-12-03 00:00"),
                    until: wall("2026-12-04 00:00"),
                    closes: true,
                },
                Notice {
                    text: "Dr. Lee is running late".into(),
                    from: wall("2026-12-04 09:00"),
                    until: wall("2026-12-04 11:30"),
                    closes: false,
                },
            ])
        );
    }

    #[test]
    fn notice_mistakes_are_located() {
        let long = "x".repeat(161);
        assert_eq!(
            parse(&format!(
                "[[notices]]\ntext = \"{long}\"\nfrom = \"tomorrow\"\nuntil = \"2026-12-03 25:00\"\n"
            )),
            Err(vec![
                "5:8 this notice has 161 characters; the most is 160".to_string(),
                "6:8 \"tomorrow\" is not a date and time".to_string(),
                "7:9 \"2026-12-03 25:00\" is not a date and time".to_string(),
            ])
        );
        assert_eq!(
            parse(
                "[[notices]]\ntext = \" \"\nfrom = \"2026-12-03 10:00\"\nuntil = \"2026-12-03 09:00\"\n"
            ),
            Err(vec![
                "5:8 a notice needs some `text`".to_string(),
                "7:9 `until` (2026-12-03 09:00) is not after `from` (2026-12-03 10:00)".to_string(),
            ])
        );
        assert_eq!(
            parse(
                "[[notices]]\ntext = \"x\"\nfrom = \"2026-12-03\"\nuntil = \"2026-12-03\"\nclose = true\n"
            ),
            Err(vec!["8:1 unknown key `close`".to_string()])
        );
    }
}
