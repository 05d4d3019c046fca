//! Turning the raw file into a [`Config`], collecting every mistake.

mod checkin;
mod languages;
mod notices;
mod staff;

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;
use std::time::Duration;

use chrono::NaiveDate;
use chrono_tz::Tz;
use toml::Spanned;

use super::raw::{RawClosure, RawConfig, RawKiosk, RawSpecial};
use super::toml_errors::toml_problem;
use super::{BirthShown, Clinic, Config, DeskSettings, KioskSettings, ScreenSleep};
use crate::diagnostic::{Diagnostic, nearest, quote_len};
use crate::hours::{Closure, Schedule, SpecialDay, TimeRange, parse_ranges};
use crate::sanitize::printable;

const DATE_HELP: &str = "write dates as \"YYYY-MM-DD\" in quotes, e.g. \"2026-12-25\"";

struct Checker<'a> {
    file: String,
    source: &'a str,
    problems: Vec<Diagnostic>,
}

impl Checker<'_> {
    fn error(&mut self, span: Range<usize>, message: impl Into<String>, help: &str) {
        let d = Diagnostic::new(&self.file, self.source, span, message).with_help(help);
        self.problems.push(d);
    }

    /// Byte offset where the characters of a string value begin, when the
    /// value is written without escapes (so offsets inside it line up).
    fn content_start(&self, value: &Spanned<String>) -> Option<usize> {
        let span = value.span();
        let quote = quote_len(self.source, span.clone(), value.get_ref())?;
        Some(span.start + quote)
    }

    fn date(&mut self, value: &Spanned<String>) -> Option<NaiveDate> {
        let text = value.get_ref().trim();
        let parsed = NaiveDate::parse_from_str(text, "%Y-%m-%d").ok();
        if parsed.is_none() {
            let shown = printable(text);
            self.error(
                value.span(),
                format!("\"{shown}\" is not a date"),
                DATE_HELP,
            );
        }
        parsed
    }

    fn ranges(&mut self, value: &Spanned<String>) -> Option<Vec<TimeRange>> {
        match parse_ranges(value.get_ref()) {
            Ok(ranges) => Some(ranges),
            Err(e) => {
                let span = match self.content_start(value) {
                    Some(at) => at + e.start..at + e.end,
                    None => value.span(),
                };
                self.error(span, printable(&e.message), &e.help);
                None
            }
        }
    }

    fn timezone(&mut self, value: &Spanned<String>) -> Option<Tz> {
        let name = value.get_ref().trim();
        if let Ok(tz) = name.parse::<Tz>() {
            return Some(tz);
        }
        let help = match nearest(name, chrono_tz::TZ_VARIANTS.iter().map(|tz| tz.name())) {
            Some(best) => format!(
                "did you mean \"{best}\"? Time zones use IANA names such as \"America/Denver\""
            ),
            None => "use an IANA time zone name such as \"America/Denver\" or \"America/New_York\""
                .into(),
        };
        self.error(
            value.span(),
            format!("unknown time zone \"{}\"", printable(name)),
            &help,
        );
        None
    }

    fn integer(
        &mut self,
        value: Option<&Spanned<i64>>,
        default: i64,
        range: Range<i64>,
        what: &str,
    ) -> i64 {
        let Some(value) = value else { return default };
        let n = *value.get_ref();
        if !range.contains(&n) {
            let (lo, hi) = (range.start, range.end - 1);
            self.error(
                value.span(),
                format!("{what} must be from {lo} to {hi}, not {n}"),
                &format!("leave it out to use {default}"),
            );
            return default;
        }
        n
    }
}

/// Checks the whole file; every problem found is reported, not just the first.
pub fn check(path: &Path, source: &str, base_dir: &Path) -> Result<Config, Vec<Diagnostic>> {
    let file = path.display().to_string();
    let raw: RawConfig = match toml::from_str(source) {
        Ok(raw) => raw,
        Err(e) => return Err(vec![toml_problem(&file, source, &e)]),
    };
    let mut c = Checker {
        file,
        source,
        problems: Vec::new(),
    };
    let clinic = raw.clinic.get_ref();
    let tz = c.timezone(&clinic.timezone);
    let mut weekly: [Vec<TimeRange>; 7] = Default::default();
    for (slot, day) in weekly.iter_mut().zip(raw.hours.days()) {
        if let Some(value) = day {
            *slot = c.ranges(value).unwrap_or_default();
        }
    }
    let closures = closures(&mut c, &raw.closures);
    let special = special_days(&mut c, &raw.special_hours);
    let notices = c.notices(&raw.notices);
    let kiosk = kiosk(&mut c, &raw.kiosk, base_dir);
    let desk = desk(&mut c, &raw.desk);
    let checkin = c.checkin(&raw.checkin, base_dir);
    let staff = c.staff(&raw.staff, base_dir);
    let store = store(&mut c, &raw.store, base_dir);
    let site = site(&mut c, clinic.site.as_ref());
    let (Some(tz), true) = (tz, c.problems.is_empty()) else {
        return Err(c.problems);
    };
    Ok(Config {
        path: path.to_path_buf(),
        clinic: Clinic {
            name: printable(clinic.name.get_ref().trim()),
            address: clinic
                .address
                .iter()
                .map(|l| printable(l.get_ref().trim()))
                .collect(),
            phone: clinic.phone.as_ref().map(|p| printable(p.get_ref().trim())),
            site,
        },
        schedule: Schedule {
            tz,
            weekly,
            closures,
            special,
            notices,
        },
        kiosk,
        checkin,
        desk,
        staff,
        store,
        demo: false,
    })
}

/// `[store]`: a libpq-style URL without a password, and where the
/// password is.
fn store(c: &mut Checker<'_>, s: &super::raw::RawStore, base_dir: &Path) -> super::StoreSettings {
    let w = crate::i18n::english();
    let url = s.url.as_ref().and_then(|u| {
        let text = u.get_ref().trim();
        let rest = text
            .strip_prefix("postgresql://")
            .or_else(|| text.strip_prefix("postgres://"));
        let Some(rest) = rest else {
            c.error(u.span(), w.t("store-url-scheme"), &w.t("store-url-help"));
            return None;
        };
        let authority = rest.split(['/', '?']).next().unwrap_or_default();
        let user_info = authority.rsplit_once('@').map(|(info, _)| info);
        if user_info.is_some_and(|info| info.contains(':')) || text.contains("password=") {
            c.error(
                u.span(),
                w.t("store-url-password"),
                &w.t("store-url-password-help"),
            );
            return None;
        }
        Some(text.to_string())
    });
    super::StoreSettings {
        url,
        password_file: s
            .password_file
            .as_ref()
            .map(|p| base_dir.join(p.get_ref().trim())),
        migrate: s.migrate.unwrap_or(true),
    }
}

/// `[clinic] site`: `main` unless set.
fn site(c: &mut Checker<'_>, site: Option<&Spanned<String>>) -> String {
    let Some(site) = site else {
        return super::DEFAULT_SITE.to_string();
    };
    let text = site.get_ref().trim();
    let fine = (1..=40).contains(&text.chars().count())
        && text
            .chars()
            .all(|ch| ch.is_alphanumeric() || ch == '-' || ch == '_');
    if !fine {
        let w = crate::i18n::english();
        c.error(site.span(), w.t("site-invalid"), &w.t("site-help"));
    }
    text.to_string()
}

fn desk(c: &mut Checker<'_>, d: &super::raw::RawDesk) -> DeskSettings {
    let birth = match d.birth.as_ref() {
        None => BirthShown::Date,
        Some(b) => match b.get_ref().as_str() {
            "date" => BirthShown::Date,
            "age" => BirthShown::Age,
            other => {
                let w = crate::i18n::english();
                let message = w.f("birth-invalid", &[("value", format!("{other:?}").into())]);
                c.error(b.span(), message, &w.t("birth-help"));
                BirthShown::Date
            }
        },
    };
    let name = d
        .name
        .as_ref()
        .map(|n| printable(n.get_ref().trim()))
        .filter(|n| !n.is_empty());
    DeskSettings {
        desk_pin: d.desk_pin.unwrap_or(false),
        birth,
        name,
    }
}

fn kiosk(c: &mut Checker<'_>, k: &RawKiosk, base_dir: &Path) -> KioskSettings {
    let slide_seconds = c.integer(k.slide_seconds.as_ref(), 20, 1..3601, "slide_seconds");
    let soon = c.integer(
        k.closing_soon_minutes.as_ref(),
        30,
        0..721,
        "closing_soon_minutes",
    );
    let review = c.integer(
        k.review_after_months.as_ref(),
        12,
        1..121,
        "review_after_months",
    );
    let screen_sleep = k.screen_sleep.as_ref().map(|s| {
        let mut minutes = |value: &Option<Spanned<i64>>, what: &str| {
            let n = c.integer(value.as_ref(), 30, 0..721, what);
            chrono::Duration::minutes(n)
        };
        ScreenSleep {
            after_closing: minutes(&s.after_closing_minutes, "after_closing_minutes"),
            before_opening: minutes(&s.before_opening_minutes, "before_opening_minutes"),
        }
    });
    let path = |value: &Option<Spanned<String>>, default: &str| {
        let text = value.as_ref().map_or(default, |v| v.get_ref().trim());
        base_dir.join(if text.is_empty() { default } else { text })
    };
    let languages = c.languages(k, base_dir);
    KioskSettings {
        languages: languages.languages,
        default_language: languages.default,
        rotate_languages: languages.rotate,
        staff_language: languages.staff,
        clocks: languages.clocks,
        locales_dir: base_dir.join(crate::i18n::LOCALES_DIR),
        screen_sleep,
        content_dir: path(&k.content_dir, "content"),
        log_dir: path(&k.log_dir, "data/logs"),
        heartbeat: path(&k.heartbeat_file, "data/heartbeat"),
        now_serving: k.now_serving.unwrap_or(false),
        chime: k.chime.unwrap_or(false),
        review_after_months: u32::try_from(review).unwrap_or(12),
        slide_duration: Duration::from_secs(slide_seconds.unsigned_abs()),
        closing_soon: Duration::from_secs(soon.unsigned_abs() * 60),
    }
}

fn closures(c: &mut Checker<'_>, raw: &[Spanned<RawClosure>]) -> Vec<Closure> {
    let mut out: Vec<(Closure, Range<usize>)> = Vec::new();
    for entry in raw {
        let r = entry.get_ref();
        let reason = r.reason.as_ref().map(|s| printable(s.get_ref().trim()));
        let (from, to, span) = match (&r.date, &r.from, &r.to) {
            (Some(date), None, None) => {
                let d = c.date(date);
                (d, d, date.span())
            }
            (None, Some(from), Some(to)) => {
                let (f, t) = (c.date(from), c.date(to));
                if let (Some(f), Some(t)) = (f, t)
                    && t < f
                {
                    c.error(
                        to.span(),
                        format!("`to` ({t}) is before `from` ({f})"),
                        "`to` is the last closed date and must be on or after `from`",
                    );
                    continue;
                }
                (f, t, from.span().start..to.span().end)
            }
            _ => {
                c.error(entry.span(), "a closure needs either `date`, or both `from` and `to`", "write `date = \"2026-12-25\"` for one day, or `from = \"2026-12-24\"` and `to = \"2026-12-26\"` for several");
                continue;
            }
        };
        let (Some(from), Some(to)) = (from, to) else {
            continue;
        };
        if let Some((o, earlier)) = out.iter().find(|(o, _)| o.from <= to && from <= o.to) {
            let line = c.source[..earlier.start].matches('\n').count() + 1;
            let date = from.max(o.from);
            let help = format!(
                "{date} is already closed by the closure on line {line}; remove or merge one of them"
            );
            c.error(span, format!("{date} is listed twice"), &help);
            continue;
        }
        out.push((Closure { from, to, reason }, span));
    }
    let mut closures: Vec<Closure> = out.into_iter().map(|(c, _)| c).collect();
    closures.sort_by_key(|c| c.from);
    closures
}

fn special_days(
    c: &mut Checker<'_>,
    raw: &[Spanned<RawSpecial>],
) -> BTreeMap<NaiveDate, SpecialDay> {
    let mut out: BTreeMap<NaiveDate, (SpecialDay, usize)> = BTreeMap::new();
    for entry in raw {
        let r: &RawSpecial = entry.get_ref();
        let date = c.date(&r.date);
        let ranges = c.ranges(&r.hours);
        let (Some(date), Some(ranges)) = (date, ranges) else {
            continue;
        };
        if let Some((_, line)) = out.get(&date) {
            let help =
                format!("{date} already has special hours on line {line}; keep one entry per date");
            c.error(r.date.span(), format!("{date} is listed twice"), &help);
            continue;
        }
        let line = c.source[..r.date.span().start].matches('\n').count() + 1;
        let reason = r.reason.as_ref().map(|s| printable(s.get_ref().trim()));
        out.insert(date, (SpecialDay { ranges, reason }, line));
    }
    out.into_iter().map(|(d, (s, _))| (d, s)).collect()
}
