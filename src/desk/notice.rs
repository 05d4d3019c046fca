//! The line under the queue: what the last action did, or a problem. It
//! clears itself after a few seconds, and when it is too long for the
//! screen the patient's name is shortened first, so the ticket and what
//! happened ("#7 … called") stay readable.

use chrono::{DateTime, Duration, Utc};
use unicode_width::UnicodeWidthStr;

use super::table::fit;

/// How long a message stays.
pub const NOTICE_FOR: Duration = Duration::seconds(6);
/// How long a problem stays.
pub const WARNING_FOR: Duration = Duration::seconds(15);

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    pub warning: bool,
    /// When it clears itself.
    pub until: DateTime<Utc>,
    /// The part of `text` that may be shortened to fit (a name).
    pub name: Option<String>,
}

impl Notice {
    pub fn new(text: String, warning: bool, now: DateTime<Utc>) -> Self {
        let until = now + if warning { WARNING_FOR } else { NOTICE_FOR };
        Self {
            text,
            warning,
            until,
            name: None,
        }
    }

    /// Says that `name` (a part of the text) may be shortened.
    pub fn naming(mut self, name: &str) -> Self {
        self.name = Some(name.to_string()).filter(|n| !n.is_empty());
        self
    }

    /// The text in at most `width` columns: whole if it fits, else with the
    /// name shortened (down to one letter and `…`), else cut at the end.
    pub fn fitted(&self, width: usize) -> String {
        if self.text.width() <= width {
            return self.text.clone();
        }
        if let Some(name) = &self.name
            && let Some(start) = self.text.find(name.as_str())
        {
            let (before, rest) = self.text.split_at(start);
            let after = &rest[name.len()..];
            let room = width.saturating_sub(before.width() + after.width());
            if room >= 2 {
                let short = fit(name, room.min(name.width()));
                return format!("{before}{}{after}", short.trim_end());
            }
            let short = format!("{before}…{after}");
            if short.width() <= width {
                return short;
            }
        }
        fit(&self.text, width).trim_end().to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::desk::tests::at;

    #[test]
    fn the_name_gives_way_so_the_ticket_and_the_news_stay() {
        let text = "#7 Nguyễn Thị Minh Khai: called".to_string();
        let n = Notice::new(text.clone(), false, at("10:00")).naming("Nguyễn Thị Minh Khai");
        assert_eq!(n.fitted(80), text);
        assert_eq!(n.fitted(20), "#7 Nguyễn T…: called");
        assert_eq!(n.fitted(13), "#7 N…: called");
        assert_eq!(n.fitted(12), "#7 …: called");
        assert_eq!(n.fitted(8), "#7 Nguy…");
        let plain = Notice::new("Nothing to undo.".into(), false, at("10:00"));
        assert_eq!(plain.fitted(10), "Nothing t…");
        for width in 0..40 {
            assert!(n.fitted(width).width() <= width, "{width}");
        }
    }

    #[test]
    fn messages_clear_sooner_than_problems() {
        let now = at("10:00");
        assert_eq!(Notice::new("a".into(), false, now).until, now + NOTICE_FOR);
        assert_eq!(Notice::new("a".into(), true, now).until, now + WARNING_FOR);
    }
}
