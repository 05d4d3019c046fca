//! `kiosk check`: the configuration and every slide, checked.

use chrono::{DateTime, Utc};
use ratatui::layout::Rect;

use crate::app::App;
use crate::config::{Config, DuplicateKey};
use crate::diagnostic::{Diagnostic, render_all};
use crate::hours::week_from;
use crate::slides::{Deck, load_deck};
use crate::status::StatusReport;
use crate::ui::{SlideLayout, regions};

/// The smallest screen slides are expected to fit on in one page.
const SMALL: (u16, u16) = (80, 24);

/// What `kiosk check` found.
pub struct CheckReport {
    /// The summary for standard output.
    pub summary: String,
    pub errors: Vec<Diagnostic>,
    /// Mistakes in message files: those messages are not used.
    pub message_errors: Vec<Diagnostic>,
    pub warnings: Vec<Diagnostic>,
}

/// Checks the slides of a configuration that is itself valid.
pub fn check(config: &Config, at: DateTime<Utc>) -> CheckReport {
    let deck = load_deck(&config.kiosk.content_dir);
    let today = config.schedule.wall_at(at).date();
    let mut warnings = deck.warnings(today);
    warnings.extend(deck.stale_reviews(today, config.kiosk.review_after_months));
    warnings.extend(long_slides(config, &deck, at));
    let mut summary = config_summary(config, at);
    let folder = config.kiosk.content_dir.display();
    let (n, e, w) = (deck.slides.len(), deck.problems.len(), warnings.len());
    summary.push_str(&match (n, e, w) {
        (0, 0, _) => format!("Slides: none in {folder}; the clinic's hours will show instead.\n"),
        (_, 0, 0) => format!("Slides: {n} in {folder}, all fine.\n"),
        _ => format!(
            "Slides: {n} in {folder}, {e} with errors, {w} warning{}.\n",
            plural(w)
        ),
    });
    let mut all = config_warnings(config);
    all.extend(warnings);
    let (language_errors, language_warnings) =
        super::check_languages::language_problems(config, &deck);
    if config.kiosk.languages.len() > 1 {
        summary.push_str(&format!(
            "Languages: {} (default {}).\n",
            config.kiosk.languages.join(", "),
            config.kiosk.default_language
        ));
    }
    all.extend(language_warnings);
    CheckReport {
        summary,
        errors: deck.problems,
        message_errors: language_errors,
        warnings: all,
    }
}

/// Settings that work but that staff should know about.
fn config_warnings(config: &Config) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if config.checkin.duplicate_key == DuplicateKey::NoIdentifyingFields {
        let file = config.path.display().to_string();
        out.push(
            Diagnostic::whole_file(&file, crate::i18n::english().t("duplicates-off"))
                .with_help(crate::i18n::english().t("duplicates-off-help"))
                .warning(),
        );
    }
    out
}

impl CheckReport {
    /// Errors then warnings, ready for standard error.
    pub fn problems_text(&self) -> String {
        let mut all = self.errors.clone();
        all.extend(self.message_errors.iter().cloned());
        all.extend(self.warnings.iter().cloned());
        if all.is_empty() {
            return String::new();
        }
        let mut text = render_all(&all);
        let e = self.errors.len();
        if e > 0 {
            text.push_str(&format!(
                "\n{e} slide problem{} found; those slides are not shown until fixed.\n",
                plural(e)
            ));
        }
        let m = self.message_errors.len();
        if m > 0 {
            text.push_str(&format!(
                "\n{m} message problem{} found; until fixed, those messages show as built in or in English.\n",
                plural(m)
            ));
        }
        text
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// A warning for each slide that needs more than one page at 80×24.
fn long_slides(config: &Config, deck: &Deck, at: DateTime<Utc>) -> Vec<Diagnostic> {
    let Some(area) = regions(Rect::new(0, 0, SMALL.0, SMALL.1)) else {
        return Vec::new();
    };
    let app = App::new(config.clone(), at, false);
    let vars = app.vars();
    deck.slides
        .iter()
        .filter_map(|slide| {
            let pages = SlideLayout::new(slide, &vars, area.body, app.words()).pages();
            (pages > 1).then(|| {
                let file = config
                    .kiosk
                    .content_dir
                    .join(&slide.file)
                    .display()
                    .to_string();
                Diagnostic::whole_file(
                    &file,
                    format!("this slide needs {pages} pages on an 80×24 screen"),
                )
                .with_help(
                    "each page shows for the slide's full duration; shorten the text if you can",
                )
                .warning()
            })
        })
        .collect()
}

fn config_summary(config: &Config, at: DateTime<Utc>) -> String {
    let schedule = &config.schedule;
    let report = StatusReport::new(schedule, config.kiosk.closing_soon, at);
    let today = schedule.wall_at(at).date();
    let mut out = format!("{} is valid.\n", config.path.display());
    out.push_str(&format!(
        "Clinic: {} ({})\n",
        config.clinic.name,
        schedule.tz.name()
    ));
    let w = crate::i18n::english();
    out.push_str(&format!("Now: {}\n", report.line(w)));
    out.push_str("Hours for the next 7 days:\n");
    for day in week_from(schedule, today, w) {
        let note = day
            .note
            .as_ref()
            .map(|n| format!("  ({n})"))
            .unwrap_or_default();
        out.push_str(&format!(
            "  {} {:<10} {}{note}\n",
            day.date,
            day.day_label(w),
            day.hours
        ));
    }
    let coming: Vec<_> = schedule
        .closures
        .iter()
        .filter(|c| c.to >= today)
        .take(5)
        .collect();
    if coming.is_empty() {
        out.push_str("No closures coming up.\n");
        return out;
    }
    out.push_str("Next closures:\n");
    for c in coming {
        let dates = if c.from == c.to {
            c.from.to_string()
        } else {
            format!("{} to {}", c.from, c.to)
        };
        let reason = c
            .reason
            .as_ref()
            .map(|r| format!("  {r}"))
            .unwrap_or_default();
        out.push_str(&format!("  {dates}{reason}\n"));
    }
    out
}
