//! The bundled languages kept in step: every message English has exists in
//! every other language, no language has messages English lacks, and each
//! message uses the same variables in every language.

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
