//! `kiosk timeline`: a dry run of the coming days — what the sign will say
//! and which slides will play, each time either changes.

use chrono::{DateTime, Duration, NaiveDate, Timelike, Utc};

use crate::config::Config;
use crate::i18n::Words;
use crate::slides::{Deck, eligible_indices};
use crate::status::StatusReport;

/// One moment at which the sign or the set of slides changes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub at: DateTime<Utc>,
    /// `OPEN · closes at 6:00 PM`, without the countdown.
    pub sign: String,
    /// Indices into the deck of the slides that play from `at`.
    pub slides: Vec<usize>,
    /// Whether the screen is asleep from `at` (`[kiosk] screen_sleep`).
    pub asleep: bool,
    /// What makes the sign different: open, closing soon, when it next
    /// changes (the words alone change at midnight: "tomorrow" → "today"),
    /// and why it is closed, with the date, so that every day closed for a
    /// reason is listed.
    key: SignKey,
}

type SignKey = (
    bool,
    bool,
    Option<DateTime<Utc>>,
    Option<String>,
    Option<NaiveDate>,
);

/// The changes from `from` for `days` days, found minute by minute (every
/// boundary in the hours and slide windows falls on a whole minute).
pub fn changes(
    config: &Config,
    deck: &Deck,
    from: DateTime<Utc>,
    days: u32,
    w: Words<'_>,
) -> Vec<Change> {
    let end = from + Duration::days(i64::from(days));
    let sleeps = config
        .kiosk
        .screen_sleep
        .as_ref()
        .map_or_else(Vec::new, |rule| {
            crate::sleep::periods(&config.schedule, rule, from, end)
        });
    let mut out: Vec<Change> = Vec::new();
    let mut t = from;
    while t < end {
        let report = StatusReport::new_in(&config.schedule, config.kiosk.closing_soon, t, w);
        let sign = sign_text(&report, w);
        let wall = config.schedule.wall_at(t);
        let slides = eligible_indices(&deck.slides, wall, report.open, report.closing_soon);
        let reason_day = report.reason.as_ref().map(|_| wall.date());
        let key = (
            report.open,
            report.closing_soon,
            report.next_change,
            report.reason.clone(),
            reason_day,
        );
        let asleep = sleeps.iter().any(|p| p.from <= t && t < p.until);
        let same = out
            .last()
            .is_some_and(|c| c.key == key && c.slides == slides && c.asleep == asleep);
        if !same {
            out.push(Change {
                at: t,
                sign,
                slides,
                asleep,
                key,
            });
        }
        let next_minute = t
            .with_second(0)
            .and_then(|m| m.with_nanosecond(0))
            .unwrap_or(t);
        t = next_minute + Duration::minutes(1);
    }
    out
}

fn sign_text(report: &StatusReport, w: Words<'_>) -> String {
    let without_countdown = StatusReport {
        countdown: None,
        ..report.clone()
    };
    let line = without_countdown.line(w);
    if report.closing_soon {
        w.f("timeline-closing-soon", &[("line", line.into())])
    } else {
        line
    }
}

/// The changes as text: a heading per day, then a line per change with the
/// sign and the slides that start or stop playing.
pub fn render(config: &Config, deck: &Deck, changes: &[Change], w: Words<'_>) -> String {
    let mut out = String::new();
    let mut day: Option<NaiveDate> = None;
    let mut previous: Option<&[usize]> = None;
    let mut was_asleep = false;
    let name = |i: &usize| {
        deck.slides
            .get(*i)
            .map_or("?", |s| s.file.trim_end_matches(".md"))
    };
    for change in changes {
        let wall = config.schedule.wall_at(change.at);
        if day != Some(wall.date()) {
            day = Some(wall.date());
            out.push_str(&format!("\n{}\n", w.long_date(wall.date())));
        }
        let time = w.time(wall.hour(), wall.minute());
        out.push_str(&format!("  {time:>8}  {}\n", change.sign));
        if change.asleep != was_asleep {
            let words = if change.asleep {
                w.t("timeline-screen-sleeps")
            } else {
                w.t("timeline-screen-wakes")
            };
            out.push_str(&format!("            {words}\n"));
            was_asleep = change.asleep;
        }
        let (added, removed): (Vec<_>, Vec<_>) = match previous {
            None => (change.slides.iter().map(name).collect(), Vec::new()),
            Some(before) => (
                change
                    .slides
                    .iter()
                    .filter(|i| !before.contains(i))
                    .map(name)
                    .collect(),
                before
                    .iter()
                    .filter(|i| !change.slides.contains(i))
                    .map(name)
                    .collect(),
            ),
        };
        let count = change.slides.len();
        if previous.is_none() || !added.is_empty() || !removed.is_empty() {
            out.push_str(&format!(
                "            {count} slide{} playing",
                if count == 1 { "" } else { "s" }
            ));
            if count == 0 {
                out.push_str(" (the clinic's hours show instead)");
            }
            out.push('\n');
        }
        if previous.is_none() {
            out.push_str(&wrap_list(&added));
        } else {
            for a in added {
                out.push_str(&format!("            + {a}\n"));
            }
            for r in removed {
                out.push_str(&format!("            - {r}\n"));
            }
        }
        previous = Some(&change.slides);
    }
    out
}

/// Names joined by commas, wrapped to fit 80 columns under the indent.
fn wrap_list(names: &[&str]) -> String {
    const INDENT: &str = "            ";
    let mut out = String::new();
    let mut line = String::new();
    for (i, name) in names.iter().enumerate() {
        let item = if i + 1 < names.len() {
            format!("{name},")
        } else {
            (*name).to_string()
        };
        if !line.is_empty() && INDENT.len() + line.len() + 1 + item.len() > 80 {
            out.push_str(&format!("{INDENT}{line}\n"));
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&item);
    }
    if !line.is_empty() {
        out.push_str(&format!("{INDENT}{line}\n"));
    }
    out
}
