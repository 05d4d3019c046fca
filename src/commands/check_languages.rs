//! `kiosk check` for languages: per configured language, the messages it
//! lacks (they show in English), those English does not have, those whose
//! variables differ from English's, mistakes in message files, and the
//! slides without a translation.

use std::collections::BTreeSet;

use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::i18n::{BASE, Catalog, compare, messages_of};
use crate::slides::Deck;

/// At most this many missing messages are listed one by one per language.
const MISSING_LISTED: usize = 10;

/// Errors and warnings about the configured languages' messages and slides.
pub fn language_problems(config: &Config, deck: &Deck) -> (Vec<Diagnostic>, Vec<Diagnostic>) {
    let catalog = config.catalog();
    let mut errors = catalog.problems.clone();
    let mut warnings = Vec::new();
    let english = files(&catalog, BASE);
    for lang in config.kiosk.languages.iter().filter(|l| *l != BASE) {
        let (e, w) = messages(&english, &files(&catalog, lang), lang);
        errors.extend(e);
        warnings.extend(w);
        warnings.extend(untranslated(config, deck, lang, &catalog));
    }
    (errors, warnings)
}

/// A language's files as (file, text), compiled-in first.
fn files(catalog: &Catalog, lang: &str) -> Vec<(String, String)> {
    catalog
        .sources()
        .iter()
        .filter(|s| s.lang == lang)
        .map(|s| (s.file.clone(), s.text.clone()))
        .collect()
}

fn text_of<'a>(files: &'a [(String, String)], file: &str) -> &'a str {
    files
        .iter()
        .find(|(f, _)| f == file)
        .map_or("", |(_, t)| t.as_str())
}

fn vars(set: &BTreeSet<String>) -> String {
    if set.is_empty() {
        return "none".into();
    }
    set.iter()
        .map(|v| format!("${v}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn messages(
    english: &[(String, String)],
    other: &[(String, String)],
    lang: &str,
) -> (Vec<Diagnostic>, Vec<Diagnostic>) {
    let diff = compare(english, other);
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    for v in &diff.variables {
        let text = text_of(other, &v.file);
        let span = v.offset..v.offset + v.id.len();
        errors.push(
            Diagnostic::new(
                &v.file,
                text,
                span,
                format!(
                    "the message {} uses {} in {lang} but {} in English",
                    v.id,
                    vars(&v.here),
                    vars(&v.english)
                ),
            )
            .with_help("use the same variables as the English message (until then English shows): a translation may reorder them but not rename, add or drop one"),
        );
    }
    for (id, file, offset) in &diff.extra {
        let text = text_of(other, file);
        warnings.push(
            Diagnostic::new(
                file,
                text,
                *offset..offset + id.len(),
                format!("English has no message {id}; it is never shown"),
            )
            .with_help("check the spelling of the id against locales/en/*.ftl, or remove it")
            .warning(),
        );
    }
    let located: Vec<(String, String, usize)> = diff
        .missing
        .iter()
        .filter_map(|id| {
            english.iter().find_map(|(file, text)| {
                messages_of(text)
                    .into_iter()
                    .find(|m| m.id == *id)
                    .map(|m| (id.clone(), file.clone(), m.offset))
            })
        })
        .collect();
    for (id, file, offset) in located.iter().take(MISSING_LISTED) {
        let text = text_of(english, file);
        warnings.push(
            Diagnostic::new(
                file,
                text,
                *offset..offset + id.len(),
                format!("{lang} has no message {id}; it shows in English"),
            )
            .with_help(format!("add {id} to a file in locales/{lang}/"))
            .warning(),
        );
    }
    if located.len() > MISSING_LISTED {
        let file = format!("locales/{lang}");
        warnings.push(
            Diagnostic::whole_file(
                &file,
                format!(
                    "{lang} lacks {} more messages; they show in English",
                    located.len() - MISSING_LISTED
                ),
            )
            .with_help("docs/content.md, \"Languages\", says how to translate them")
            .warning(),
        );
    }
    (errors, warnings)
}

/// A warning for each slide with no translation into `lang`.
fn untranslated(config: &Config, deck: &Deck, lang: &str, catalog: &Catalog) -> Vec<Diagnostic> {
    let name = catalog.words(lang).t("language-name");
    deck.slides
        .iter()
        .filter(|s| !deck.languages_of(&s.file).contains(&lang))
        .map(|s| {
            let file = config.kiosk.content_dir.join(&s.file).display().to_string();
            let translation = s.file.strip_suffix(".md").unwrap_or(&s.file);
            Diagnostic::whole_file(
                &file,
                format!("this slide has no translation into {lang} ({name}); it shows as written"),
            )
            .with_help(format!(
                "write it as {translation}.{lang}.md beside this file"
            ))
            .warning()
        })
        .collect()
}
