//! The check-in form in Spanish: labels, hints and messages in Spanish,
//! dates of birth read day first and always shown back in words, names
//! kept with every accent and ñ. English keeps reading month first.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

use chrono::{DateTime, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use kiosk::app::{App, Effect, Msg, Screen};
use kiosk::checkin::{Feedback, FieldSpec, Form};
use kiosk::config::Config;

const MONDAY_OPEN: &str = "2026-11-23T10:42:00-07:00";

fn config() -> Config {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(dir.join("kiosk.toml")).unwrap();
    let text = text
        .replacen("\nlanguages = [\"en\", \"es\"]\n", "\n", 1)
        .replacen("[kiosk]\n", "[kiosk]\nlanguages = [\"en\", \"es\"]\n", 1);
    Config::parse(Path::new("kiosk.toml"), &text, dir).unwrap()
}

fn at(rfc3339: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(rfc3339).unwrap().to_utc()
}

fn key(code: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn form_in(lang: &str, date: &str) -> Form {
    let catalog = kiosk::i18n::built_in();
    let mut form = Form::new(FieldSpec::defaults(), at(MONDAY_OPEN)).in_language(catalog, lang);
    for (i, text) in ["Ana", "Núñez", date].iter().enumerate() {
        for c in text.chars() {
            form.handle(kiosk::checkin::FormInput::Char(c), at(MONDAY_OPEN));
        }
        if i < 2 {
            form.handle(kiosk::checkin::FormInput::Enter, at(MONDAY_OPEN));
        }
    }
    form
}

fn feedback(form: &Form) -> String {
    match form.feedback(2, at(MONDAY_OPEN)) {
        Some(Feedback::Understood(text) | Feedback::Error(text)) => text,
        Some(Feedback::Century { question, .. }) => question,
        None => String::new(),
    }
}

#[test]
fn spanish_reads_the_day_first_and_says_the_date_in_words() {
    assert_eq!(
        feedback(&form_in("es", "05/04/1952")),
        "Entendido: 5 de abril de 1952"
    );
    // English still reads the month first.
    assert_eq!(
        feedback(&form_in("en", "05/04/1952")),
        "Understood as May 4, 1952"
    );
}

#[test]
fn spanish_says_what_is_wrong_in_spanish() {
    let mut form = form_in("es", "04/17/1962");
    form.handle(kiosk::checkin::FormInput::Enter, at(MONDAY_OPEN));
    assert_eq!(
        feedback(&form),
        "Fecha de nacimiento: el día va primero. Escríbala como DD/MM/AAAA, por ejemplo 17/04/1962"
    );
    let mut form = form_in("es", "30/02/1990");
    form.handle(kiosk::checkin::FormInput::Enter, at(MONDAY_OPEN));
    assert_eq!(
        feedback(&form),
        "Fecha de nacimiento: febrero de 1990 tiene solo 28 días. Revise el día, por favor."
    );
    let mut form = form_in("es", "01/01/2030");
    form.handle(kiosk::checkin::FormInput::Enter, at(MONDAY_OPEN));
    assert_eq!(
        feedback(&form),
        "Fecha de nacimiento: no puede ser en el futuro. Revise el año, por favor."
    );
    let mut form = form_in("es", "4/7/19");
    form.handle(kiosk::checkin::FormInput::Enter, at(MONDAY_OPEN));
    assert_eq!(
        feedback(&form),
        "Fecha de nacimiento: ¿4 de julio de 2019 o 4 de julio de 1919? Toque una, o escriba el año completo."
    );
}

#[test]
fn changing_the_language_mid_form_rewords_the_message_shown() {
    let mut form = form_in("en", "");
    form.handle(kiosk::checkin::FormInput::Enter, at(MONDAY_OPEN));
    assert_eq!(feedback(&form), "Please enter your date of birth.");
    form.set_language("es");
    assert_eq!(
        feedback(&form),
        "Por favor, escriba su fecha de nacimiento."
    );
}

#[test]
fn names_keep_their_accents_and_the_date_is_stored_as_read() {
    let mut app = App::new(config(), at(MONDAY_OPEN), false).with_size(80, 24);
    app.update(key(KeyCode::F(2)));
    app.update(key(KeyCode::Enter));
    assert!(matches!(app.screen, Screen::CheckIn(_)));
    for (text, last) in [
        ("José Ángel", false),
        ("Muñoz Güell", false),
        ("05/04/1952", true),
    ] {
        for c in text.chars() {
            app.update(key(KeyCode::Char(c)));
        }
        app.update(key(KeyCode::Enter));
        if last {
            break;
        }
    }
    let stored = app.take_effects().into_iter().find_map(|e| match e {
        Effect::Store(checkin) => Some(checkin),
        _ => None,
    });
    let checkin = stored.expect("the check-in is handed to the store");
    assert_eq!(checkin.field("first_name"), Some("José Ángel"));
    assert_eq!(checkin.field("last_name"), Some("Muñoz Güell"));
    assert_eq!(checkin.field("date_of_birth"), Some("1952-04-05"));
}
