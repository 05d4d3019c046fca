//! The `[checkin]` table of `kiosk.toml`.

use std::path::Path;
use std::time::Duration;

use kiosk::checkin::{FieldKind, FieldSpec, KeyboardSetting};
use kiosk::config::{CheckinSettings, Config, DuplicateKey};
use kiosk::diagnostic::render_all;

const CLINIC: &str = "[clinic]\nname = \"Lakewood Acupuncture\"\ntimezone = \"America/Denver\"\n\n";

fn parse(checkin: &str) -> Result<Config, String> {
    let source = format!("{CLINIC}{checkin}");
    Config::parse(Path::new("kiosk.toml"), &source, Path::new(".")).map_err(|d| render_all(&d))
}

fn problems(checkin: &str) -> String {
    match parse(checkin) {
        Ok(_) => "accepted".to_string(),
        Err(e) => e,
    }
}

fn settings(checkin: &str) -> Option<CheckinSettings> {
    match parse(checkin) {
        Ok(config) => Some(config.checkin),
        Err(e) => {
            eprintln!("{e}");
            None
        }
    }
}

#[test]
fn defaults_without_a_checkin_table() {
    let want = CheckinSettings {
        database: Path::new(".").join("data/checkins.db"),
        retention_days: 30,
        fields: FieldSpec::defaults(),
        open_before: Duration::from_secs(15 * 60),
        idle_timeout: Duration::from_secs(60),
        duplicate_window: Duration::from_secs(120 * 60),
        duplicate_key: DuplicateKey::Fields(vec![
            "first_name".into(),
            "last_name".into(),
            "date_of_birth".into(),
        ]),
        touch_keyboard: KeyboardSetting::Auto,
        confirmation: Duration::from_secs(20),
    };
    assert_eq!(settings(""), Some(want.clone()));
    assert_eq!(settings("[checkin]\n"), Some(want));
    let keys: Vec<_> = FieldSpec::defaults().into_iter().map(|f| f.key).collect();
    assert_eq!(keys, ["first_name", "last_name", "date_of_birth"]);
}

#[test]
fn every_key_set() {
    let toml = r#"[checkin]
open_before_minutes = 0
idle_timeout_seconds = 600
duplicate_window_minutes = 1440
touch_keyboard = "always"
confirmation_seconds = 45

[[checkin.fields]]
key = "preferred_name"
label = "  Preferred name "
kind = "text"
required = false
max_length = 200

[[checkin.fields]]
key = "dob"
label = "Date of birth"
kind = "date"

[[checkin.fields]]
key = "phone2"
label = "Phone"
kind = "phone"
max_length = 20

[[checkin.fields]]
key = "time"
label = "Appointment time"
kind = "time"
required = true

[[checkin.fields]]
key = "visit"
label = "Visit type"
kind = "choice"
choices = [" New   patient ", "Returning patient"]
"#;
    let s = settings(toml);
    assert!(s.is_some(), "not accepted");
    let s = s.unwrap_or_else(|| CheckinSettings {
        database: Default::default(),
        retention_days: 0,
        fields: Vec::new(),
        open_before: Duration::MAX,
        idle_timeout: Duration::MAX,
        duplicate_window: Duration::MAX,
        duplicate_key: DuplicateKey::Off,
        touch_keyboard: KeyboardSetting::Never,
        confirmation: Duration::MAX,
    });
    assert_eq!(s.open_before, Duration::ZERO);
    assert_eq!(s.touch_keyboard, KeyboardSetting::Always);
    assert_eq!(s.confirmation, Duration::from_secs(45));
    assert_eq!(s.idle_timeout, Duration::from_secs(600));
    assert_eq!(s.duplicate_window, Duration::from_secs(1440 * 60));
    let summary: Vec<_> = s
        .fields
        .iter()
        .map(|f| {
            (
                f.key.as_str(),
                f.label.as_str(),
                f.kind,
                f.required,
                f.max_length,
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            (
                "preferred_name",
                "Preferred name",
                FieldKind::Text,
                false,
                200
            ),
            ("dob", "Date of birth", FieldKind::Date, true, 60),
            ("phone2", "Phone", FieldKind::Phone, true, 20),
            ("time", "Appointment time", FieldKind::Time, true, 60),
            ("visit", "Visit type", FieldKind::Choice, true, 60),
        ]
    );
    assert_eq!(s.fields[4].choices, ["New patient", "Returning patient"]);
    assert!(s.fields[..4].iter().all(|f| f.choices.is_empty()));
}

#[test]
fn the_bundled_file_uses_the_defaults() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("kiosk.toml");
    let config = Config::load(&path).map_err(|e| e.to_string());
    let checkin = config.map(|c| c.checkin);
    assert_eq!(checkin.map(|c| c.fields), Ok(FieldSpec::defaults()));
}

#[test]
fn touch_keyboard_and_confirmation_settings() {
    let keyboard = |value: &str| {
        let toml = format!("[checkin]\ntouch_keyboard = \"{value}\"\n");
        settings(&toml).map(|s| s.touch_keyboard)
    };
    assert_eq!(keyboard("auto"), Some(KeyboardSetting::Auto));
    assert_eq!(keyboard("always"), Some(KeyboardSetting::Always));
    assert_eq!(keyboard("never"), Some(KeyboardSetting::Never));
    assert_eq!(
        problems("[checkin]\ntouch_keyboard = \"allways\"\n"),
        r#"error: unknown touch_keyboard "allways"
 --> kiosk.toml:6:18
  |
6 | touch_keyboard = "allways"
  |                  ^^^^^^^^^
  = help: did you mean "always"? touch_keyboard is "auto" (after the first touch), "always" or "never"
"#
    );
    // The number must stay up long enough to be read and written down.
    assert_eq!(
        problems("[checkin]\nconfirmation_seconds = 10\n"),
        r#"error: confirmation_seconds must be from 20 to 600, not 10
 --> kiosk.toml:6:24
  |
6 | confirmation_seconds = 10
  |                        ^^
  = help: leave it out to use 20
"#
    );
}

#[test]
fn timings_out_of_range() {
    let toml = "[checkin]\nopen_before_minutes = 300\nidle_timeout_seconds = 5\nduplicate_window_minutes = 1441\n";
    assert_eq!(
        problems(toml),
        r#"error: open_before_minutes must be from 0 to 240, not 300
 --> kiosk.toml:6:23
  |
6 | open_before_minutes = 300
  |                       ^^^
  = help: leave it out to use 15

error: idle_timeout_seconds must be from 15 to 600, not 5
 --> kiosk.toml:7:24
  |
7 | idle_timeout_seconds = 5
  |                        ^
  = help: leave it out to use 60

error: duplicate_window_minutes must be from 0 to 1440, not 1441
 --> kiosk.toml:8:28
  |
8 | duplicate_window_minutes = 1441
  |                            ^^^^
  = help: leave it out to use 120
"#
    );
}

#[test]
fn key_with_capitals_and_a_space() {
    let toml =
        "[[checkin.fields]]\nkey = \"First Name\"\nlabel = \"First name\"\nkind = \"text\"\n";
    assert_eq!(
        problems(toml),
        r#"error: the key "First Name" must start with a lowercase letter and use only a-z, 0-9 and _
 --> kiosk.toml:6:7
  |
6 | key = "First Name"
  |       ^^^^^^^^^^^^
  = help: try key = "first_name"; the key names the answer, the label is what patients read
"#
    );
}

#[test]
fn key_starting_with_a_digit() {
    let toml = "[[checkin.fields]]\nkey = \"1st\"\nlabel = \"First name\"\nkind = \"text\"\n";
    assert_eq!(
        problems(toml),
        r#"error: the key "1st" must start with a lowercase letter and use only a-z, 0-9 and _
 --> kiosk.toml:6:7
  |
6 | key = "1st"
  |       ^^^^^
  = help: for example key = "first_name"; the key names the answer, the label is what patients read
"#
    );
}

#[test]
fn key_used_twice() {
    let toml = "[[checkin.fields]]\nkey = \"name\"\nlabel = \"First name\"\nkind = \"text\"\n\n[[checkin.fields]]\nkey = \"name\"\nlabel = \"Last name\"\nkind = \"text\"\n";
    assert_eq!(
        problems(toml),
        r#"error: the key "name" is used twice
  --> kiosk.toml:11:7
   |
11 | key = "name"
   |       ^^^^^^
   = help: the field on line 6 already uses it; each field needs its own key
"#
    );
}

#[test]
fn kind_misspelt() {
    let toml = "[[checkin.fields]]\nkey = \"phone\"\nlabel = \"Phone\"\nkind = \"phon\"\n";
    assert_eq!(
        problems(toml),
        r#"error: unknown field kind "phon"
 --> kiosk.toml:8:8
  |
8 | kind = "phon"
  |        ^^^^^^
  = help: did you mean "phone"? kind is "text", "date", "time", "phone" or "choice"
"#
    );
}

#[test]
fn kind_unknown() {
    let toml = "[[checkin.fields]]\nkey = \"age\"\nlabel = \"Age\"\nkind = \"number\"\n";
    assert_eq!(
        problems(toml),
        r#"error: unknown field kind "number"
 --> kiosk.toml:8:8
  |
8 | kind = "number"
  |        ^^^^^^^^
  = help: kind is "text", "date", "time", "phone" or "choice"
"#
    );
}

#[test]
fn choice_without_choices() {
    let toml = "[[checkin.fields]]\nkey = \"visit\"\nlabel = \"Visit type\"\nkind = \"choice\"\n";
    assert_eq!(
        problems(toml),
        r#"error: a "choice" field needs `choices`
 --> kiosk.toml:5:1
  |
5 | [[checkin.fields]]
  | ^^^^^^^^^^^^^^^^^^
  = help: list the answers to pick from, e.g. choices = ["New patient", "Returning patient"]
"#
    );
}

#[test]
fn choice_with_empty_choices() {
    let toml = "[[checkin.fields]]\nkey = \"visit\"\nlabel = \"Visit type\"\nkind = \"choice\"\nchoices = []\n";
    assert_eq!(
        problems(toml),
        r#"error: `choices` is empty
 --> kiosk.toml:9:11
  |
9 | choices = []
  |           ^^
  = help: list the answers to pick from, e.g. choices = ["New patient", "Returning patient"]
"#
    );
}

#[test]
fn choices_on_a_text_field() {
    let toml = "[[checkin.fields]]\nkey = \"name\"\nlabel = \"Name\"\nkind = \"text\"\nchoices = [\"A\"]\n";
    assert_eq!(
        problems(toml),
        r#"error: only "choice" fields have `choices`; this one is "text"
 --> kiosk.toml:9:11
  |
9 | choices = ["A"]
  |           ^^^^^
  = help: remove `choices`, or set kind = "choice"
"#
    );
}

#[test]
fn more_than_nine_choices() {
    let toml = "[[checkin.fields]]\nkey = \"n\"\nlabel = \"N\"\nkind = \"choice\"\nchoices = [\"1\", \"2\", \"3\", \"4\", \"5\", \"6\", \"7\", \"8\", \"9\", \"10\"]\n";
    assert_eq!(
        problems(toml),
        r#"error: a choice field offers at most 9 answers, not 10
 --> kiosk.toml:9:11
  |
9 | choices = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"]
  |           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  = help: patients pick an answer with the keys 1 to 9; shorten the list or ask two questions
"#
    );
}

#[test]
fn choices_repeated_or_empty() {
    let toml = "[[checkin.fields]]\nkey = \"visit\"\nlabel = \"Visit type\"\nkind = \"choice\"\nchoices = [\"New\", \"new\", \" \"]\n";
    assert_eq!(
        problems(toml),
        r#"error: "new" is listed twice
 --> kiosk.toml:9:19
  |
9 | choices = ["New", "new", " "]
  |                   ^^^^^
  = help: each answer must be different

error: this answer is empty
 --> kiosk.toml:9:26
  |
9 | choices = ["New", "new", " "]
  |                          ^^^
  = help: write the answer between the quotes, or remove it
"#
    );
}

#[test]
fn choice_longer_than_max_length() {
    let toml = "[[checkin.fields]]\nkey = \"visit\"\nlabel = \"Visit type\"\nkind = \"choice\"\nmax_length = 5\nchoices = [\"New\", \"Returning\"]\n";
    assert_eq!(
        problems(toml),
        r#"error: this answer is 9 characters long; max_length is 5
  --> kiosk.toml:10:19
   |
10 | choices = ["New", "Returning"]
   |                   ^^^^^^^^^^^
   = help: shorten it, or raise max_length (up to 200)
"#
    );
}

#[test]
fn max_length_out_of_range() {
    let toml =
        "[[checkin.fields]]\nkey = \"name\"\nlabel = \"Name\"\nkind = \"text\"\nmax_length = 0\n";
    assert_eq!(
        problems(toml),
        r#"error: max_length must be from 1 to 200, not 0
 --> kiosk.toml:9:14
  |
9 | max_length = 0
  |              ^
  = help: leave it out to use 60
"#
    );
}

#[test]
fn phone_max_length_too_short() {
    let toml = "[[checkin.fields]]\nkey = \"phone\"\nlabel = \"Phone\"\nkind = \"phone\"\nmax_length = 10\n";
    assert_eq!(
        problems(toml),
        r#"error: a phone field needs max_length of at least 20, not 10
 --> kiosk.toml:9:14
  |
9 | max_length = 10
  |              ^^
  = help: it counts every character typed, spaces and punctuation included; leave it out to use 60
"#
    );
}

#[test]
fn label_empty() {
    let toml = "[[checkin.fields]]\nkey = \"name\"\nlabel = \"  \"\nkind = \"text\"\n";
    assert_eq!(
        problems(toml),
        r#"error: `label` is empty
 --> kiosk.toml:7:9
  |
7 | label = "  "
  |         ^^^^
  = help: the label sits above the answer, e.g. label = "First name"
"#
    );
}

#[test]
fn label_too_long() {
    let toml = "[[checkin.fields]]\nkey = \"name\"\nlabel = \"Please type the name you would like us to call you\"\nkind = \"text\"\n";
    assert_eq!(
        problems(toml),
        r#"error: this label is 50 characters long; the most is 40
 --> kiosk.toml:7:9
  |
7 | label = "Please type the name you would like us to call you"
  |         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  = help: the label sits above the answer, e.g. label = "First name"
"#
    );
}

#[test]
fn field_key_misspelt() {
    let toml =
        "[[checkin.fields]]\nkey = \"name\"\nlabel = \"Name\"\nkind = \"text\"\nrequried = false\n";
    assert_eq!(
        problems(toml),
        r#"error: unknown key `requried`
 --> kiosk.toml:9:1
  |
9 | requried = false
  | ^^^^^^^^
  = help: did you mean `required`?
"#
    );
}

#[test]
fn field_without_label() {
    let toml = "[[checkin.fields]]\nkey = \"name\"\nkind = \"text\"\n";
    assert_eq!(
        problems(toml),
        r#"error: missing key `label`
 --> kiosk.toml:5:1
  |
5 | [[checkin.fields]]
  | ^^^^^^^^^^^^^^^^^^
  = help: add `label = …` to this section; every key is described in README.md under "Configuration"
"#
    );
}

#[test]
fn empty_field_list() {
    let toml = "[checkin]\nfields = []\n";
    assert_eq!(
        problems(toml),
        r#"error: the check-in form needs at least one field
 --> kiosk.toml:6:10
  |
6 | fields = []
  |          ^^
  = help: add a [[checkin.fields]] table, or remove `fields` to ask for first name, last name and date of birth
"#
    );
}

#[test]
fn table_key_misspelt() {
    let toml = "[checkin]\nidle_timeout_second = 90\n";
    assert_eq!(
        problems(toml),
        r#"error: unknown key `idle_timeout_second`
 --> kiosk.toml:6:1
  |
6 | idle_timeout_second = 90
  | ^^^^^^^^^^^^^^^^^^^
  = help: did you mean `idle_timeout_seconds`?
"#
    );
}

#[test]
fn several_problems_are_all_reported() {
    let toml =
        "[[checkin.fields]]\nkey = \"Name\"\nlabel = \"\"\nkind = \"txt\"\nmax_length = 500\n";
    let found = problems(toml);
    assert_eq!(found.matches("error:").count(), 4, "{found}");
}

/// The commented-out example in `kiosk.toml`, switched on, asks what the
/// form asks by default, plus the example choice.
#[test]
fn the_commented_example_matches_the_defaults() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("kiosk.toml");
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let example = [
        "[[checkin.fields]]",
        "key =",
        "label =",
        "kind =",
        "choices =",
    ];
    let switched_on: String = text
        .lines()
        .map(|line| match line.strip_prefix("# ") {
            Some(rest) if example.iter().any(|e| rest.starts_with(e)) => rest,
            _ => line,
        })
        .flat_map(|line| [line, "\n"])
        .collect();
    let config = Config::parse(&path, &switched_on, Path::new("."));
    let fields = config.map(|c| c.checkin.fields).unwrap_or_default();
    let mut visit = FieldSpec::new("visit", "Visit type", FieldKind::Choice);
    visit.choices = vec!["New patient".into(), "Returning patient".into()];
    let mut want = FieldSpec::defaults();
    want.push(visit);
    assert_eq!(fields, want);
}

const PHONE_AND_VISIT: &str = r#"[[checkin.fields]]
key = "phone"
label = "Phone"
kind = "phone"

[[checkin.fields]]
key = "visit"
label = "Visit type"
kind = "choice"
choices = ["New patient", "Returning patient"]
"#;

const NAMES_AND_PHONE: &str = r#"[[checkin.fields]]
key = "first_name"
label = "First name"
kind = "text"

[[checkin.fields]]
key = "last_name"
label = "Last name"
kind = "text"

[[checkin.fields]]
key = "phone"
label = "Phone"
kind = "phone"
"#;

#[test]
fn the_duplicate_key_defaults_to_names_and_birth_date_only_when_all_are_asked() {
    let key = |fields: &str| settings(&format!("[checkin]\n{fields}")).map(|s| s.duplicate_key);
    // Neither a phone and a visit type, nor a name without a birth date,
    // tells two patients apart: detection is off, never a guess.
    assert_eq!(
        key(PHONE_AND_VISIT),
        Some(DuplicateKey::NoIdentifyingFields)
    );
    assert_eq!(
        key(NAMES_AND_PHONE),
        Some(DuplicateKey::NoIdentifyingFields)
    );
}

#[test]
fn the_duplicate_key_names_configured_fields() {
    let toml = format!("[checkin]\nduplicate_key = [\"last_name\", \"phone\"]\n{NAMES_AND_PHONE}");
    assert_eq!(
        settings(&toml).map(|s| s.duplicate_key),
        Some(DuplicateKey::Fields(vec![
            "last_name".into(),
            "phone".into()
        ]))
    );
    let off = format!("[checkin]\nduplicate_key = []\n{PHONE_AND_VISIT}");
    assert_eq!(
        settings(&off).map(|s| s.duplicate_key),
        Some(DuplicateKey::Off)
    );
    let wrong =
        format!("[checkin]\nduplicate_key = [\"phone\", \"phnoe\", \"phone\"]\n{NAMES_AND_PHONE}");
    assert_eq!(
        problems(&wrong),
        r#"error: the form has no field "phnoe"
 --> kiosk.toml:6:27
  |
6 | duplicate_key = ["phone", "phnoe", "phone"]
  |                           ^^^^^^^
  = help: did you mean "phone"? list keys of [[checkin.fields]] that together tell one patient from another, e.g. ["first_name", "last_name", "date_of_birth"], or [] to turn duplicate detection off

error: "phone" is listed twice
 --> kiosk.toml:6:36
  |
6 | duplicate_key = ["phone", "phnoe", "phone"]
  |                                    ^^^^^^^
  = help: name each field once
"#
    );
}
