//! The duplicate-detection key: the same person typed twice, with or without
//! accents or capitals, gives the same key.

use chrono::NaiveDate;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use super::record::{MAX_VALUE_CHARS, Person, clean_text};

/// Separates the parts of the key; control characters never survive
/// cleaning, so no name can contain it.
const SEPARATOR: char = '\u{1f}';

/// `first`, `last` and the date of birth, each folded by [`fold`], joined by
/// U+001F: `jose␟garcia␟1980-02-29`.
pub fn identity_key(person: &Person) -> String {
    format!(
        "{}{SEPARATOR}{}{SEPARATOR}{}",
        fold(&person.first_name),
        fold(&person.last_name),
        date_text(person.date_of_birth)
    )
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

fn date_text(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(first: &str, last: &str) -> Person {
        Person {
            first_name: first.into(),
            last_name: last.into(),
            date_of_birth: NaiveDate::from_ymd_opt(1980, 2, 29).unwrap_or_default(),
        }
    }

    #[test]
    fn case_accents_and_spacing_do_not_matter() {
        let key = identity_key(&person("José", "García"));
        for (first, last) in [
            ("JOSE", "GARCIA"),
            ("  jose ", "garcía"),
            ("Jose\u{301}", "Garci\u{301}a"),
        ] {
            assert_eq!(identity_key(&person(first, last)), key, "{first} {last}");
        }
        assert_eq!(key, "jose\u{1f}garcia\u{1f}1980-02-29");
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
        assert_ne!(
            identity_key(&person("Ann", "a Lee")),
            identity_key(&person("Ann a", "Lee"))
        );
        assert_ne!(
            identity_key(&person("Jo", "Ann")),
            identity_key(&person("Joa", "nn"))
        );
    }
}
