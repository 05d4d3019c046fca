//! The bundled languages kept in step: every message English has exists in
//! every other language, no language has messages English lacks, and each
//! message uses the same variables in every language.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use kiosk::i18n::{self, BUILT_IN, compare};

/// The files of one bundled language, as (file name, text).
fn files_of(lang: &str) -> Vec<(String, String)> {
    BUILT_IN
        .iter()
        .filter(|(l, _, _)| *l == lang)
        .map(|(l, name, text)| (format!("locales/{l}/{name}"), (*text).to_string()))
        .collect()
}

fn bundled() -> Vec<&'static str> {
    let mut langs: Vec<&str> = BUILT_IN.iter().map(|(l, _, _)| *l).collect();
    langs.dedup();
    langs
}

#[test]
fn every_bundled_language_has_every_message_with_the_same_variables() {
    let english = files_of("en");
    let langs = bundled();
    assert!(langs.contains(&"es"), "Spanish is bundled: {langs:?}");
    for lang in langs.into_iter().filter(|l| *l != "en") {
        let diff = compare(&english, &files_of(lang));
        assert!(diff.missing.is_empty(), "{lang} lacks {:?}", diff.missing);
        assert!(diff.extra.is_empty(), "{lang} has extra {:?}", diff.extra);
        let differing: Vec<_> = diff
            .variables
            .iter()
            .map(|v| format!("{}: English {:?}, {lang} {:?}", v.id, v.english, v.here))
            .collect();
        assert!(differing.is_empty(), "{differing:#?}");
    }
}

#[test]
fn the_comparison_finds_a_missing_message_an_extra_one_and_other_variables() {
    let english = vec![(
        "en.ftl".to_string(),
        "a = One { $n }\nb = Two\nc = { $count ->\n    [one] one\n   *[other] { $count } many\n}\n"
            .to_string(),
    )];
    let other = vec![(
        "xx.ftl".to_string(),
        "a = Uno { $m }\nc = { $count } muchos\nd = Extra\n".to_string(),
    )];
    let diff = compare(&english, &other);
    assert_eq!(diff.missing, vec!["b".to_string()]);
    assert_eq!(diff.extra.len(), 1);
    assert_eq!(diff.extra[0].0, "d");
    assert_eq!(diff.variables.len(), 1);
    assert_eq!(diff.variables[0].id, "a");
}

#[test]
fn the_bundled_files_have_no_mistakes() {
    let catalog = i18n::built_in();
    assert!(catalog.problems.is_empty(), "{:#?}", catalog.problems);
    assert_eq!(catalog.languages(), vec!["en", "es"]);
}

#[test]
fn spanish_reads_dates_and_times_in_spanish() {
    let catalog = i18n::built_in();
    let es = catalog.words("es");
    let d = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default();
    assert_eq!(es.long_date(d("2026-12-07")), "lunes, 7 de diciembre");
    assert_eq!(es.full_date(d("1952-04-05")), "5 de abril de 1952");
    assert_eq!(es.time(9, 0), "9:00 a. m.");
    assert_eq!(es.time(13, 5), "1:05 p. m.");
    let today = d("2026-12-05"); // a Saturday
    let at = |s: &str, h| d(s).and_hms_opt(h, 0, 0).unwrap_or_default();
    assert_eq!(
        es.f(
            "status-opens",
            &[("when", es.when(today, at("2026-12-07", 9), true).into())]
        ),
        "abre el lunes a las 9:00 a. m."
    );
    assert_eq!(
        es.when(today, at("2026-12-05", 13), true),
        "hoy a la 1:00 p. m."
    );
    assert_eq!(es.in_duration(15 * 60), "en 15 min");
    assert_eq!(
        es.f("pin-wrong", &[("left", i18n::num(1))]),
        "PIN incorrecto — queda 1 intento"
    );
}

fn parse(kiosk: &str) -> Result<kiosk::config::Config, Vec<kiosk::diagnostic::Diagnostic>> {
    let text = format!(
        "[clinic]\nname = \"T\"\ntimezone = \"America/Denver\"\n[hours]\nmonday = \"09:00-18:00\"\n[kiosk]\n{kiosk}\n"
    );
    kiosk::config::Config::parse(
        std::path::Path::new("kiosk.toml"),
        &text,
        std::path::Path::new("."),
    )
}

#[test]
fn the_language_settings_are_read_and_checked() {
    let config = parse("languages = [\"es\", \"en\"]\ndefault_language = \"en\"\nstaff_language = \"es\"\nclock = { es = \"24\" }").unwrap();
    // The default comes first: the button offers the others in turn.
    assert_eq!(config.kiosk.languages, vec!["en", "es"]);
    assert_eq!(config.kiosk.staff_language, "es");
    let catalog = config.catalog();
    assert_eq!(catalog.words("es").time(18, 0), "18:00");
    assert_eq!(catalog.words("en").time(18, 0), "6:00 PM");

    let defaults = parse("").unwrap();
    assert_eq!(defaults.kiosk.languages, vec!["en"]);
    assert_eq!(defaults.kiosk.default_language, "en");
    assert!(!defaults.kiosk.rotate_languages);

    let problems = parse("languages = [\"en\", \"xx\"]\nclock = { en = \"13\" }").unwrap_err();
    let messages: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
    assert_eq!(
        messages,
        vec![
            "there are no messages for the language \"xx\"",
            "the clock is \"12\" or \"24\", not \"13\"",
        ]
    );
    let problems = parse("languages = [\"en\"]\ndefault_language = \"es\"").unwrap_err();
    assert_eq!(
        problems[0].message,
        "default_language \"es\" is not in languages"
    );
}
