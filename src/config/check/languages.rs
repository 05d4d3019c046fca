//! Checking the language settings of `[kiosk]`: `languages`,
//! `default_language`, `rotate_languages`, `staff_language` and `clock`.

use std::path::Path;

use toml::Spanned;

use super::Checker;
use crate::config::raw::RawKiosk;
use crate::i18n::{BASE, BUILT_IN, Clock, LOCALES_DIR};
use crate::sanitize::printable;

/// The checked language settings.
pub(in crate::config) struct Languages {
    pub languages: Vec<String>,
    pub default: String,
    pub rotate: bool,
    pub staff: String,
    pub clocks: Vec<(String, Clock)>,
}

const LANGUAGE_HELP: &str = "use a language code with messages: en and es are built in; another needs a folder of .ftl files such as locales/vi/ beside kiosk.toml (docs/content.md, \"Languages\")";

impl Checker<'_> {
    pub(super) fn languages(&mut self, k: &RawKiosk, base_dir: &Path) -> Languages {
        let mut languages = Vec::new();
        if let Some(list) = &k.languages {
            for code in list.get_ref() {
                if let Some(code) = self.language(code, base_dir)
                    && !languages.contains(&code)
                {
                    languages.push(code);
                }
            }
            if list.get_ref().is_empty() {
                self.error(
                    list.span(),
                    "languages needs at least one language",
                    "write languages = [\"en\"], or [\"en\", \"es\"] for English and Spanish",
                );
            }
        }
        let default = match &k.default_language {
            Some(code) => self.language(code, base_dir),
            None => None,
        };
        let default = default
            .or_else(|| languages.first().cloned())
            .unwrap_or_else(|| BASE.to_string());
        if languages.is_empty() {
            languages.push(default.clone());
        }
        if !languages.contains(&default) {
            if let Some(code) = &k.default_language {
                self.error(
                    code.span(),
                    format!("default_language {default:?} is not in languages"),
                    "add it to languages, or choose one of them",
                );
            }
            languages.insert(0, default.clone());
        }
        // The default first: the button offers the others.
        languages.retain(|l| *l != default);
        languages.insert(0, default.clone());
        let staff = match &k.staff_language {
            Some(code) => self.language(code, base_dir),
            None => None,
        };
        Languages {
            languages,
            default,
            rotate: k.rotate_languages.unwrap_or(false),
            staff: staff.unwrap_or_else(|| BASE.to_string()),
            clocks: self.clocks(k, base_dir),
        }
    }

    /// A language code that has messages, built in or in the folder.
    fn language(&mut self, code: &Spanned<String>, base_dir: &Path) -> Option<String> {
        let text = code.get_ref().trim();
        let known = BUILT_IN.iter().any(|(l, _, _)| *l == text)
            || (!text.is_empty()
                && !text.contains(['/', '\\', '.'])
                && base_dir.join(LOCALES_DIR).join(text).is_dir());
        if known {
            return Some(text.to_string());
        }
        self.error(
            code.span(),
            format!(
                "there are no messages for the language {:?}",
                printable(text)
            ),
            LANGUAGE_HELP,
        );
        None
    }

    fn clocks(&mut self, k: &RawKiosk, base_dir: &Path) -> Vec<(String, Clock)> {
        let Some(table) = &k.clock else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for (code, value) in table.get_ref() {
            let spanned = Spanned::new(value.span(), code.clone());
            let Some(code) = self.language(&spanned, base_dir) else {
                continue;
            };
            match Clock::parse(value.get_ref().trim()) {
                Some(clock) => out.push((code, clock)),
                None => self.error(
                    value.span(),
                    format!(
                        "the clock is \"12\" or \"24\", not {:?}",
                        printable(value.get_ref())
                    ),
                    "e.g. clock = { en = \"12\", es = \"24\" }",
                ),
            }
        }
        out
    }
}
