//! Every word a person reads, in their language: the message files of
//! `locales/<lang>/*.ftl` (Project Fluent), compiled in for English and
//! Spanish, plus any `locales/` folder beside `kiosk.toml` that adds a
//! language or overrides single messages without rebuilding.
//!
//! Screens ask a [`Words`] for a message by id, with named variables; they
//! never glue sentences together. Dates and times come from chrono's locale
//! data, in the patterns the message files give.

mod catalog;
mod format;
mod syntax;

use std::sync::{Arc, LazyLock};

use fluent_bundle::{FluentArgs, FluentValue};

pub use catalog::{BUILT_IN, Catalog, LOCALES_DIR};
pub use format::Clock;
pub use syntax::{Differences, MessageInfo, VariablesDiffer, compare, messages_of};

/// The language every message exists in; the last fallback.
pub const BASE: &str = "en";

static BUILT_IN_CATALOG: LazyLock<Arc<Catalog>> = LazyLock::new(|| Arc::new(Catalog::built_in()));

/// The compiled-in English and Spanish messages.
pub fn built_in() -> Arc<Catalog> {
    Arc::clone(&BUILT_IN_CATALOG)
}

/// English from the compiled-in messages: for the command line before any
/// configuration is read, and for tests.
pub fn english() -> Words<'static> {
    BUILT_IN_CATALOG.words(BASE)
}

/// The messages of one language, falling back to English for any message
/// the language lacks.
#[derive(Clone, Copy)]
pub struct Words<'a> {
    catalog: &'a Catalog,
    lang: usize,
}

impl std::fmt::Debug for Words<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Words({})", self.code())
    }
}

impl<'a> Words<'a> {
    /// The language's code, e.g. `es`.
    pub fn code(&self) -> &'a str {
        self.catalog.code(self.lang)
    }

    /// A message without variables.
    pub fn t(&self, id: &str) -> String {
        self.f(id, &[])
    }

    /// A message with named variables: `w.f("checked-in", &[("name", "Ana".into())])`.
    pub fn f(&self, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let mut fluent_args = FluentArgs::with_capacity(args.len());
        for (name, value) in args {
            fluent_args.set(*name, value.clone());
        }
        self.catalog.format(self.lang, id, &fluent_args)
    }

    /// Whether this language (not a fallback) has the message.
    pub fn has(&self, id: &str) -> bool {
        self.catalog.has(self.lang, id)
    }

    /// The 12- or 24-hour clock this language's times are read in.
    pub fn clock(&self) -> Clock {
        self.catalog.clock(self.lang)
    }
}

/// A number as a message variable.
pub fn num<T>(n: T) -> FluentValue<'static>
where
    FluentValue<'static>: From<T>,
{
    FluentValue::from(n)
}

/// A count (a `usize`) as a message variable.
pub fn count(n: usize) -> FluentValue<'static> {
    FluentValue::from(n)
}

/// Settings edited in kiosk.toml that wait for a restart, for the log.
pub fn needs_restart(names: &[&str]) -> String {
    english().f("staff-needs-restart", &[("names", names.join(", ").into())])
}

/// Capitalises the first letter, for a phrase that starts a line.
pub fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A label inside a sentence: "First name" becomes "first name", but
/// "ZIP code" stays as it is.
pub fn lower_first(label: &str) -> String {
    let first_word = label.split_whitespace().next().unwrap_or_default();
    if first_word.chars().filter(|c| c.is_uppercase()).count() > 1 {
        return label.to_string();
    }
    let mut chars = label.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests;
