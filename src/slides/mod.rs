//! Slides: the files staff write in `content/`, turned into data the kiosk
//! can schedule and draw.
//!
//! A slide file is TOML front matter between two lines of exactly `+++`,
//! then a Markdown body. Everything here is pure except [`load_deck`] and
//! [`ContentWatcher`], which read the folder.

mod front;
mod load;
mod markdown;
mod parse;
mod style;
mod toml_error;
mod vars;
mod watch;
mod window;
mod wrap;

use std::time::Duration;

use chrono::{Months, NaiveDate, NaiveDateTime};

use crate::diagnostic::Diagnostic;

pub use load::{Deck, MAX_FILE_BYTES, Translation, load_deck, read_slide, translation_of};
pub use markdown::render_markdown;
pub use parse::parse_slide;
pub use vars::{PLACEHOLDERS, Vars, expand};
pub use watch::ContentWatcher;
pub use window::{When, Window};

/// One slide, checked and ready to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Slide {
    /// The file's name inside the content folder, e.g. `010-what-is-acupuncture.md`.
    pub file: String,
    /// The heading shown above the body; never empty, safe to print.
    pub title: String,
    /// How long the slide stays up; `None` means the default from kiosk.toml.
    pub duration: Option<Duration>,
    /// `enabled = false` keeps a slide in the folder without showing it.
    pub enabled: bool,
    /// The dates, days and time of day the slide may show.
    pub window: Window,
    /// Which clinic states the slide shows in.
    pub when: When,
    /// Citations shown small at the bottom, safe to print.
    pub sources: Vec<String>,
    /// The date after which the health content should be checked again.
    pub review_by: Option<ReviewBy>,
    /// The date the health content was last checked against its sources.
    pub reviewed: Option<Reviewed>,
    /// Text or a URL (e.g. `tel:+17202429756`) to draw as a QR code.
    pub qr: Option<String>,
    /// The Markdown body with placeholders such as `{{phone}}` still in it;
    /// control characters removed. Fill it with [`expand`], then draw it with
    /// [`render_markdown`].
    pub body: String,
}

/// A slide's `review_by` date, with a ready-made warning pointing at it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReviewBy {
    pub date: NaiveDate,
    /// "health content due for review since …", located at the value.
    pub warning: Diagnostic,
}

/// A slide's `reviewed` date: when someone last checked its health content
/// against the studies it cites.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reviewed {
    pub date: NaiveDate,
    /// Where the date is written, for the warning when it is too old.
    at: Diagnostic,
}

impl Reviewed {
    pub(crate) fn new(date: NaiveDate, at: Diagnostic) -> Self {
        Self { date, at }
    }

    /// The last day the review counts: `months` months after it was done
    /// (the end of the month when that month is shorter).
    pub fn valid_until(&self, months: u32) -> NaiveDate {
        self.date
            .checked_add_months(Months::new(months))
            .unwrap_or(NaiveDate::MAX)
    }

    /// A warning, located at the date, when on `today` the review is more
    /// than `months` months old.
    pub fn stale(&self, today: NaiveDate, months: u32) -> Option<Diagnostic> {
        if today <= self.valid_until(months) {
            return None;
        }
        let mut warning = self.at.clone().warning();
        warning.message = format!(
            "health content last reviewed on {}, more than {months} month{} ago",
            self.date,
            if months == 1 { "" } else { "s" }
        );
        warning.help = Some(
            "check this slide against the studies in its sources, then set reviewed to the date you did (review_after_months in kiosk.toml sets how long a review lasts)"
                .to_string(),
        );
        Some(warning)
    }
}

impl Slide {
    /// Whether the slide may show at wall-clock time `wall` (the clinic's
    /// local time) while the clinic is `open` (and `closing_soon`).
    pub fn is_eligible(&self, wall: NaiveDateTime, open: bool, closing_soon: bool) -> bool {
        self.enabled && self.window.contains(wall) && self.when.matches(open, closing_soon)
    }
}

/// The positions in `slides` of those that may show now, in order.
pub fn eligible_indices(
    slides: &[Slide],
    wall: NaiveDateTime,
    open: bool,
    closing_soon: bool,
) -> Vec<usize> {
    slides
        .iter()
        .enumerate()
        .filter(|(_, s)| s.is_eligible(wall, open, closing_soon))
        .map(|(i, _)| i)
        .collect()
}
