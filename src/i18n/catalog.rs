//! The bundles of every language: the compiled-in files, then any folder
//! of `.ftl` files beside `kiosk.toml` read over them.

use std::path::Path;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use unic_langid::LanguageIdentifier;

use super::format::Clock;
use super::{BASE, Words};
use crate::diagnostic::Diagnostic;

/// The folder beside `kiosk.toml` whose `<lang>/*.ftl` files add a
/// language or override messages.
pub const LOCALES_DIR: &str = "locales";

/// The compiled-in message files: language, file name, text.
pub const BUILT_IN: &[(&str, &str, &str)] = &[
    ("en", "meta.ftl", include_str!("../../locales/en/meta.ftl")),
    ("en", "sign.ftl", include_str!("../../locales/en/sign.ftl")),
    (
        "en",
        "slides.ftl",
        include_str!("../../locales/en/slides.ftl"),
    ),
    (
        "en",
        "checkin.ftl",
        include_str!("../../locales/en/checkin.ftl"),
    ),
    (
        "en",
        "touch.ftl",
        include_str!("../../locales/en/touch.ftl"),
    ),
    (
        "en",
        "staff.ftl",
        include_str!("../../locales/en/staff.ftl"),
    ),
    ("en", "desk.ftl", include_str!("../../locales/en/desk.ftl")),
    ("en", "cli.ftl", include_str!("../../locales/en/cli.ftl")),
    ("es", "meta.ftl", include_str!("../../locales/es/meta.ftl")),
    ("es", "sign.ftl", include_str!("../../locales/es/sign.ftl")),
    (
        "es",
        "slides.ftl",
        include_str!("../../locales/es/slides.ftl"),
    ),
    (
        "es",
        "checkin.ftl",
        include_str!("../../locales/es/checkin.ftl"),
    ),
    (
        "es",
        "touch.ftl",
        include_str!("../../locales/es/touch.ftl"),
    ),
    (
        "es",
        "staff.ftl",
        include_str!("../../locales/es/staff.ftl"),
    ),
    ("es", "desk.ftl", include_str!("../../locales/es/desk.ftl")),
    ("es", "cli.ftl", include_str!("../../locales/es/cli.ftl")),
];

/// One source file of messages, kept for `kiosk check`.
#[derive(Clone, Debug)]
pub struct Source {
    pub lang: String,
    /// `locales/es/sign.ftl` (compiled in) or the path read.
    pub file: String,
    pub text: String,
    pub built_in: bool,
}

struct Language {
    code: String,
    bundle: FluentBundle<FluentResource>,
    clock: Clock,
}

/// Every language's messages.
pub struct Catalog {
    langs: Vec<Language>,
    sources: Vec<Source>,
    /// Mistakes in message files read from the folder (the compiled-in
    /// message is used instead).
    pub problems: Vec<Diagnostic>,
}

// A catalog does not change once built (formatting only fills caches of
// plural rules), so a panic while one is borrowed leaves nothing half done.
impl std::panic::RefUnwindSafe for Catalog {}
impl std::panic::UnwindSafe for Catalog {}

impl std::fmt::Debug for Catalog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let codes: Vec<&str> = self.langs.iter().map(|l| l.code.as_str()).collect();
        write!(f, "Catalog({codes:?})")
    }
}

impl Catalog {
    /// The compiled-in languages.
    pub fn built_in() -> Self {
        let mut catalog = Self {
            langs: Vec::new(),
            sources: Vec::new(),
            problems: Vec::new(),
        };
        for (lang, name, text) in BUILT_IN {
            let file = format!("{LOCALES_DIR}/{lang}/{name}");
            catalog.add(lang, &file, text, true);
        }
        catalog
    }

    /// The compiled-in languages with `dir/<lang>/*.ftl` read over them:
    /// a new language, or some messages of a known one. A file with
    /// mistakes is reported and its good messages still used.
    pub fn with_folder(dir: &Path) -> Self {
        let mut catalog = Self::built_in();
        let Ok(entries) = std::fs::read_dir(dir) else {
            return catalog;
        };
        let mut langs: Vec<_> = entries.flatten().map(|e| e.path()).collect();
        langs.sort();
        for lang_dir in langs.iter().filter(|p| p.is_dir()) {
            let Some(code) = lang_dir.file_name().and_then(|n| n.to_str()) else {
                continue;
            };
            if code.parse::<LanguageIdentifier>().is_err() {
                let file = lang_dir.display().to_string();
                catalog.problems.push(
                    Diagnostic::whole_file(&file, "this folder's name is not a language code")
                        .with_help("name it with a language code such as es or vi"),
                );
                continue;
            }
            catalog.read_language(code, lang_dir);
        }
        catalog
    }

    fn read_language(&mut self, code: &str, dir: &Path) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        let mut files: Vec<_> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
            .collect();
        files.sort();
        for path in files {
            let file = path.display().to_string();
            match std::fs::read_to_string(&path) {
                Ok(text) => self.add(code, &file, &text, false),
                Err(e) => self.problems.push(Diagnostic::whole_file(
                    &file,
                    format!("cannot read it: {e}"),
                )),
            }
        }
    }

    /// Adds one file's messages to a language (made if new); later files
    /// win over earlier ones.
    fn add(&mut self, code: &str, file: &str, text: &str, built_in: bool) {
        self.sources.push(Source {
            lang: code.to_string(),
            file: file.to_string(),
            text: text.to_string(),
            built_in,
        });
        let resource = match FluentResource::try_new(text.to_string()) {
            Ok(r) => r,
            Err((r, errors)) => {
                for e in errors {
                    self.problems.push(
                        Diagnostic::new(file, text, e.pos.clone(), e.to_string()).with_help(
                            "this message is not used (the built-in one or English is); see docs/content.md, \"Languages\"",
                        ),
                    );
                }
                r
            }
        };
        let index = self.index_or_new(code);
        if let Some(lang) = self.langs.get_mut(index) {
            lang.bundle.add_resource_overriding(resource);
            lang.clock = Clock::from_message(&lang.bundle).unwrap_or(lang.clock);
        }
    }

    fn index_or_new(&mut self, code: &str) -> usize {
        if let Some(i) = self.index(code) {
            return i;
        }
        let id: LanguageIdentifier = code.parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        // The terminal would draw Unicode's isolation marks as boxes.
        bundle.set_use_isolating(false);
        self.langs.push(Language {
            code: code.to_string(),
            bundle,
            clock: Clock::Twelve,
        });
        self.langs.len() - 1
    }

    fn index(&self, code: &str) -> Option<usize> {
        self.langs.iter().position(|l| l.code == code)
    }

    /// The words of a language; English for one the catalog lacks.
    pub fn words(&self, code: &str) -> Words<'_> {
        let lang = self.index(code).or_else(|| self.index(BASE)).unwrap_or(0);
        Words {
            catalog: self,
            lang,
        }
    }

    /// Every language with messages, in the order first read.
    pub fn languages(&self) -> Vec<&str> {
        self.langs.iter().map(|l| l.code.as_str()).collect()
    }

    /// Whether the catalog has a language.
    pub fn knows(&self, code: &str) -> bool {
        self.index(code).is_some()
    }

    /// The files read, compiled-in first.
    pub fn sources(&self) -> &[Source] {
        &self.sources
    }

    /// Sets a language's clock (from `kiosk.toml`).
    pub fn set_clock(&mut self, code: &str, clock: Clock) {
        if let Some(i) = self.index(code)
            && let Some(lang) = self.langs.get_mut(i)
        {
            lang.clock = clock;
        }
    }

    pub(super) fn code(&self, lang: usize) -> &str {
        self.langs.get(lang).map_or(BASE, |l| l.code.as_str())
    }

    pub(super) fn clock(&self, lang: usize) -> Clock {
        self.langs.get(lang).map_or(Clock::Twelve, |l| l.clock)
    }

    pub(super) fn has(&self, lang: usize, id: &str) -> bool {
        self.langs.get(lang).is_some_and(|l| {
            l.bundle
                .get_message(id)
                .is_some_and(|m| m.value().is_some())
        })
    }

    /// A message in a language, else in English; else its id (logged), so
    /// a missing message is never an empty space.
    pub(super) fn format(&self, lang: usize, id: &str, args: &FluentArgs) -> String {
        let base = self.index(BASE);
        for candidate in [Some(lang), base].into_iter().flatten() {
            let Some(l) = self.langs.get(candidate) else {
                continue;
            };
            let Some(pattern) = l.bundle.get_message(id).and_then(|m| m.value()) else {
                continue;
            };
            let mut errors = Vec::new();
            let text = l.bundle.format_pattern(pattern, Some(args), &mut errors);
            if !errors.is_empty() {
                tracing::warn!("message {id} in {}: {errors:?}", l.code);
                // A translation naming a variable English does not give
                // would show `{$name}`: English is shown instead.
                if Some(candidate) != base {
                    continue;
                }
            }
            return text.into_owned();
        }
        tracing::warn!("no message {id} in any language");
        id.to_string()
    }
}
