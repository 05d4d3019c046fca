//! The duplicate-detection key: the same person typed twice, with or without
//! accents or capitals, gives the same key.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use super::record::{MAX_VALUE_CHARS, clean_text};

/// Separates the parts of the key; control characters never survive
/// cleaning, so no name can contain it.
const SEPARATOR: char = '\u{1f}';

/// The answers under each of `key`, folded by [`fold`] and joined by
/// U+001F, in the order of `key`: with the default key (first name, last
/// name, date of birth) `jose␟garcia␟1980-02-29`. `None` when `key` is empty
/// or any of its answers is missing or blank: two patients who both left a
/// field empty are not the same patient.
pub fn identity_key(fields: &[(String, String)], key: &[impl AsRef<str>]) -> Option<String> {
    if key.is_empty() {
        return None;
    }
    let mut parts = Vec::with_capacity(key.len());
    for name in key {
        let value = fields.iter().find(|(k, _)| k == name.as_ref())?;
        let folded = fold(&value.1);
        if folded.is_empty() {
            return None;
        }
        parts.push(folded);
    }
    Some(parts.join(&SEPARATOR.to_string()))
}

/// A name folded for comparison: control characters removed, lowercased,
/// decomposed (NFKD) with the combining marks dropped, and runs of
/// whitespace collapsed to one space. "  JOSÉ " → "jose", "Nguyễn" →
/// "nguyen", "Ｚｏë" → "zoe". Letters without a decomposition (ø, ł, đ, ß)
/// stay as they are.
pub fn fold(name: &str) -> String {
    let lower = clean_text(name, MAX_VALUE_CHARS).to_lowercase();
    let bare: String = lower.nfkd().filter(|c| !is_combining_mark(*c)).collect();
    bare.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: [&str; 3] = ["first_name", "last_name", "date_of_birth"];

    fn answers(first: &str, last: &str) -> Vec<(String, String)> {
        vec![
            ("first_name".into(), first.into()),
            ("last_name".into(), last.into()),
            ("date_of_birth".into(), "1980-02-29".into()),
            ("phone".into(), "720-555-0100".into()),
        ]
    }

    fn person(first: &str, last: &str) -> Option<String> {
        identity_key(&answers(first, last), &KEY)
    }

    #[test]
    fn case_accents_and_spacing_do_not_matter() {
        let key = person("José", "García");
        for (first, last) in [
            ("JOSE", "GARCIA"),
            ("  jose ", "garcía"),
            ("Jose\u{301}", "Garci\u{301}a"),
        ] {
            assert_eq!(person(first, last), key, "{first} {last}");
        }
        assert_eq!(key.as_deref(), Some("jose\u{1f}garcia\u{1f}1980-02-29"));
    }

    #[test]
    fn other_scripts_fold_sensibly() {
        assert_eq!(fold("Nguyễn  Thị\tMinh Khai"), "nguyen thi minh khai");
        assert_eq!(fold("李小龙"), "李小龙");
        assert_eq!(fold("O'Brien-Smith"), "o'brien-smith");
        assert_eq!(fold("Ｚｏë"), "zoe");
        assert_eq!(fold("İlkay"), "ilkay");
    }

    #[test]
    fn parts_cannot_run_into_each_other() {
        assert_ne!(person("Ann", "a Lee"), person("Ann a", "Lee"));
        assert_ne!(person("Jo", "Ann"), person("Joa", "nn"));
    }

    #[test]
    fn only_the_configured_fields_make_the_key() {
        let phone = ["phone"];
        assert_eq!(
            identity_key(&answers("John", "Smith"), &phone).as_deref(),
            Some("720-555-0100")
        );
        // Two John Smiths with different birth dates are different people.
        let mut other = answers("John", "Smith");
        other[2].1 = "1975-01-01".into();
        assert_ne!(identity_key(&other, &KEY), person("John", "Smith"));
        assert_eq!(
            identity_key(&answers("John", "Smith"), &["last_name", "first_name"]).as_deref(),
            Some("smith\u{1f}john")
        );
    }

    #[test]
    fn no_key_or_a_blank_or_missing_answer_identifies_nobody() {
        let none: [&str; 0] = [];
        assert_eq!(identity_key(&answers("A", "B"), &none), None);
        assert_eq!(identity_key(&answers("  ", "B"), &KEY), None);
        assert_eq!(identity_key(&answers("A", "B"), &["visit"]), None);
    }
}
