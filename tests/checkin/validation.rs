//! Every field kind, and every message a patient can see, word for word.

use kiosk::checkin::{FieldKind, FieldSpec, Valid, validate};

use crate::today;

fn spec(kind: FieldKind) -> FieldSpec {
    let label = match kind {
        FieldKind::Text => "First name",
        FieldKind::Date => "Date of birth",
        FieldKind::Time => "Appointment time",
        FieldKind::Phone => "Phone",
        FieldKind::Choice => "Visit type",
    };
    let mut spec = FieldSpec::new("k", label, kind);
    if kind == FieldKind::Choice {
        spec.choices = vec!["New patient".into(), "Returning patient".into()];
    }
    spec
}

fn ok(kind: FieldKind, text: &str) -> (String, String) {
    match validate(&spec(kind), text, today(), kiosk::i18n::english()) {
        Ok(Valid { value, shown }) => (value, shown),
        Err(e) => (format!("error: {e}"), String::new()),
    }
}

fn err(kind: FieldKind, text: &str) -> String {
    match validate(&spec(kind), text, today(), kiosk::i18n::english()) {
        Ok(v) => format!("accepted as {v:?}"),
        Err(e) => e,
    }
}

#[test]
fn required_and_empty() {
    assert_eq!(err(FieldKind::Text, ""), "Please enter your first name.");
    assert_eq!(err(FieldKind::Text, "   "), "Please enter your first name.");
    assert_eq!(err(FieldKind::Date, ""), "Please enter your date of birth.");
    assert_eq!(
        err(FieldKind::Time, ""),
        "Please enter your appointment time."
    );
    assert_eq!(err(FieldKind::Phone, " "), "Please enter your phone.");
    assert_eq!(err(FieldKind::Choice, ""), "Please choose your visit type.");
    let last = FieldSpec::new("last_name", "Last name", FieldKind::Text);
    assert_eq!(
        validate(&last, "", today(), kiosk::i18n::english()),
        Err("Please enter your last name.".to_string())
    );
}

#[test]
fn optional_and_empty_is_fine() {
    for kind in FieldKind::ALL {
        let mut spec = spec(kind);
        spec.required = false;
        let valid = validate(&spec, "  ", today(), kiosk::i18n::english());
        assert_eq!(valid.map(|v| v.value), Ok(String::new()), "{kind:?}");
    }
}

#[test]
fn names_are_kept_as_typed() {
    for name in [
        "José",
        "Nguyễn Thị Minh Khai",
        "李小龙",
        "O'Brien-Smith",
        "Zoë",
        "St. John",
        "Jose\u{301}",
    ] {
        assert_eq!(
            ok(FieldKind::Text, name),
            (name.to_string(), name.to_string())
        );
    }
}

#[test]
fn names_are_trimmed_and_inner_spaces_collapsed() {
    assert_eq!(ok(FieldKind::Text, "  Mary   Ann \t ").0, "Mary Ann");
    assert_eq!(ok(FieldKind::Text, "Nguyễn\u{3000}Thị").0, "Nguyễn Thị");
}

#[test]
fn names_need_letters() {
    for text in ["12345", "!!!", "--", "4 5", "'.'"] {
        assert_eq!(
            err(FieldKind::Text, text),
            "Please type your first name using letters.",
            "{text}"
        );
    }
}

#[test]
fn dates_show_how_they_were_understood() {
    assert_eq!(
        ok(FieldKind::Date, "4/17/62"),
        ("1962-04-17".to_string(), "April 17, 1962".to_string())
    );
}

#[test]
fn date_messages() {
    assert_eq!(
        err(FieldKind::Date, "April 17"),
        "Date of birth: type it as MM/DD/YYYY, e.g. 04/17/1962"
    );
    assert_eq!(
        err(FieldKind::Date, "02/30/1990"),
        "Date of birth: February 1990 has only 28 days. Please check the day."
    );
    assert_eq!(
        err(FieldKind::Date, "17/04/1962"),
        "Date of birth: the month comes first. Type it as MM/DD/YYYY, e.g. 04/17/1962"
    );
    assert_eq!(
        err(FieldKind::Date, "01/01/2030"),
        "Date of birth can't be in the future. Please check the year."
    );
    assert_eq!(
        err(FieldKind::Date, "04/17/1862"),
        "Date of birth: please check the year, e.g. 04/17/1962"
    );
}

#[test]
fn times() {
    let cases = [
        ("9:30", "09:30", "9:30 AM"),
        ("9:30 am", "09:30", "9:30 AM"),
        ("9:30am", "09:30", "9:30 AM"),
        ("9:30 p.m.", "21:30", "9:30 PM"),
        ("9:30 PM", "21:30", "9:30 PM"),
        ("14:05", "14:05", "2:05 PM"),
        ("930", "09:30", "9:30 AM"),
        ("1405", "14:05", "2:05 PM"),
        ("9", "09:00", "9:00 AM"),
        ("9 pm", "21:00", "9:00 PM"),
        ("12 pm", "12:00", "12:00 PM"),
        ("12:15 am", "00:15", "12:15 AM"),
        ("0:00", "00:00", "12:00 AM"),
        ("９：３０", "09:30", "9:30 AM"),
        ("09:30", "09:30", "9:30 AM"),
    ];
    for (typed, value, shown) in cases {
        assert_eq!(
            ok(FieldKind::Time, typed),
            (value.to_string(), shown.to_string()),
            "{typed}"
        );
    }
}

#[test]
fn time_message() {
    for typed in [
        "25:00", "9:60", "13 pm", "0 am", "noon", "9:3", "12345", "9:30:00",
    ] {
        assert_eq!(
            err(FieldKind::Time, typed),
            "Appointment time: type a time such as 9:30 am or 14:05",
            "{typed}"
        );
    }
}

#[test]
fn phones() {
    for typed in [
        "7202429756",
        "720-242-9756",
        "(720) 242-9756",
        "720.242.9756",
        "720 242 9756",
        "1 720 242 9756",
        "1-720-242-9756",
        "+1 (720) 242-9756",
        "+17202429756",
        "７２０２４２９７５６",
    ] {
        assert_eq!(
            ok(FieldKind::Phone, typed),
            ("(720) 242-9756".to_string(), "(720) 242-9756".to_string()),
            "{typed}"
        );
    }
}

#[test]
fn phone_messages() {
    for typed in [
        "242-9756",
        "720242975",
        "72024297566",
        "+44 20 7946 0958",
        "+7202429756",
        "720-CALL-NOW",
        "2 7202429756",
        "720+2429756",
    ] {
        assert_eq!(
            err(FieldKind::Phone, typed),
            "Phone: type all 10 digits, starting with the area code",
            "{typed}"
        );
    }
    for typed in ["(020) 242-9756", "1 120 242 9756"] {
        assert_eq!(
            err(FieldKind::Phone, typed),
            "Phone: please check the area code",
            "{typed}"
        );
    }
}

#[test]
fn choices() {
    assert_eq!(ok(FieldKind::Choice, "New patient").0, "New patient");
    assert_eq!(
        err(FieldKind::Choice, "Someone else"),
        "Please choose your visit type."
    );
}

#[test]
fn every_value_checks_again_as_itself() {
    let cases = [
        (FieldKind::Text, " Zoë  Ann "),
        (FieldKind::Date, "4.17.1962"),
        (FieldKind::Time, "9:30 pm"),
        (FieldKind::Phone, "+1 720 242 9756"),
        (FieldKind::Choice, "Returning patient"),
    ];
    for (kind, typed) in cases {
        let (value, _) = ok(kind, typed);
        assert_eq!(ok(kind, &value).0, value, "{kind:?}");
    }
}
