//! Reading `kiosk.toml`'s sections into settings, and the demonstration
//! and reload rules.

use super::*;

const CLINIC: &str = "[clinic]\nname = \"C\"\ntimezone = \"America/Denver\"\n";

fn parse(extra: &str) -> Result<Config, Vec<Diagnostic>> {
    Config::parse(
        Path::new("kiosk.toml"),
        &format!("{CLINIC}{extra}"),
        Path::new("/srv/kiosk"),
    )
}

fn messages(extra: &str) -> Vec<String> {
    parse(extra)
        .err()
        .unwrap_or_default()
        .into_iter()
        .map(|d| format!("{}:{} {}", d.line, d.column, d.message))
        .collect()
}

#[test]
fn checkin_defaults_sit_beside_the_file() {
    let config = parse("").map(|c| c.checkin);
    assert_eq!(
        config,
        Ok(CheckinSettings {
            database: PathBuf::from("/srv/kiosk/data/checkins.db"),
            retention_days: 30,
            fields: crate::checkin::FieldSpec::defaults(),
            open_before: Duration::from_secs(15 * 60),
            idle_timeout: Duration::from_secs(60),
            duplicate_window: Duration::from_secs(120 * 60),
            duplicate_key: DuplicateKey::Fields(vec![
                "first_name".into(),
                "last_name".into(),
                "date_of_birth".into()
            ]),
            touch_keyboard: KeyboardSetting::Auto,
            confirmation: Duration::from_secs(20),
        })
    );
}

#[test]
fn a_demonstration_never_touches_the_real_files() -> Result<(), String> {
    let config = parse("").map_err(|e| format!("{e:?}"))?;
    let demo = config.clone().for_demonstration();
    assert!(demo.demo && !config.demo);
    assert_eq!(
        demo.checkin.database,
        PathBuf::from("/srv/kiosk/data/checkins.demo.db")
    );
    assert_eq!(
        demo.staff.lock_file,
        PathBuf::from("/srv/kiosk/data/staff.demo.lock")
    );
    assert_eq!(demo.clone().for_demonstration(), demo, "applied once");
    assert_eq!(
        demo_path(Path::new("/x/lock")),
        PathBuf::from("/x/lock.demo")
    );
    Ok(())
}

#[test]
fn checkin_keys_are_read() {
    let config = parse("[checkin]\ndatabase = \"/var/lib/kiosk/c.db\"\nretention_days = 3650\n")
        .map(|c| c.checkin);
    let stored = config.map(|c| (c.database, c.retention_days));
    assert_eq!(stored, Ok((PathBuf::from("/var/lib/kiosk/c.db"), 3650)));
}

#[test]
fn review_after_months_defaults_to_a_year_and_is_checked() {
    let months = |extra: &str| parse(extra).map(|c| c.kiosk.review_after_months);
    assert_eq!(months(""), Ok(12));
    assert_eq!(months("[kiosk]\nreview_after_months = 1\n"), Ok(1));
    assert_eq!(months("[kiosk]\nreview_after_months = 120\n"), Ok(120));
    assert_eq!(
        messages("[kiosk]\nreview_after_months = 0\n"),
        ["5:23 review_after_months must be from 1 to 120, not 0"]
    );
    assert_eq!(
        messages("[kiosk]\nreview_after_months = 121\n"),
        ["5:23 review_after_months must be from 1 to 120, not 121"]
    );
}

#[test]
fn the_desk_shows_dates_of_birth_or_ages_and_has_a_name() {
    let desk = |extra: &str| parse(extra).map(|c| c.desk);
    let default = desk("").map(|d| (d.birth, d.name));
    assert_eq!(default, Ok((BirthShown::Date, None)));
    let set = desk("[desk]\nbirth = \"age\"\nname = \" reception \"\n");
    assert_eq!(
        set.map(|d| (d.birth, d.name)),
        Ok((BirthShown::Age, Some("reception".to_string())))
    );
    assert_eq!(
        messages("[desk]\nbirth = \"years\"\n"),
        ["5:9 birth must be \"date\" or \"age\", not \"years\""]
    );
}

#[test]
fn desk_pin_is_off_unless_asked_for() {
    assert_eq!(parse("").map(|c| c.desk.desk_pin), Ok(false));
    assert_eq!(
        parse("[desk]\ndesk_pin = true\n").map(|c| c.desk.desk_pin),
        Ok(true)
    );
    assert_eq!(messages("[desk]\npin = true\n"), ["5:1 unknown key `pin`"]);
    assert_eq!(messages("[desk]\ndesk_pin = \"yes\"\n").len(), 1);
}

#[test]
fn checkin_mistakes_are_located() {
    assert_eq!(
        messages("[checkin]\nretention_days = 0\ndatabase = \" \"\n"),
        [
            "5:18 retention_days must be from 1 to 3650, not 0",
            "6:12 `database` is empty"
        ]
    );
    assert_eq!(
        messages("[checkin]\nretention = 3\n"),
        ["5:1 unknown key `retention`"]
    );
}

#[test]
fn staff_defaults_sit_beside_the_file() {
    assert_eq!(
        parse("").map(|c| c.staff),
        Ok(StaffSettings {
            pin_hash: None,
            chord: Chord::default(),
            lock_file: PathBuf::from("/srv/kiosk/data/staff.lock"),
            idle: Duration::from_secs(30),
        })
    );
}

#[test]
fn staff_keys_are_read() {
    let hash = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2g";
    let staff = parse(&format!(
        "[staff]\npin_hash = \"{hash}\"\nchord = \"alt-k F5\"\nlock_file = \"/var/lib/kiosk/lock\"\n"
    ))
    .map(|c| c.staff);
    let staff = staff.map(|s| (s.pin_hash, s.chord.to_string(), s.lock_file));
    assert_eq!(
        staff,
        Ok((
            Some(hash.to_string()),
            "alt-k f5".to_string(),
            PathBuf::from("/var/lib/kiosk/lock")
        ))
    );
}

#[test]
fn staff_mistakes_are_located() {
    assert_eq!(
        messages("[staff]\npin_hash = \"hunter2\"\nchord = \"ctrl-a sx\"\nlock_file = \"\"\n"),
        [
            "5:12 `pin_hash` is not a PIN hash (it should look like \"$argon2id$v=19$…\")",
            "6:17 unknown key `sx`",
            "7:13 `lock_file` is empty",
        ]
    );
    assert_eq!(
        messages("[staff]\npin_hash = \"$pbkdf2-sha256$i=1000$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo\"\n"),
        ["5:12 `pin_hash` is a pbkdf2-sha256 hash; the kiosk reads Argon2 hashes only"]
    );
    assert_eq!(
        messages("[staff]\npin = \"1\"\n"),
        ["5:1 unknown key `pin`"]
    );
}

#[test]
fn a_pin_written_as_its_hash_is_not_repeated() {
    let problems = parse("[staff]\npin_hash = \"73915\"\n")
        .err()
        .unwrap_or_default();
    let text = render_all(&problems);
    assert!(
        text.contains("`pin_hash` holds a PIN, not the hash of one"),
        "{text}"
    );
    assert!(!text.contains("73915"), "{text}");
    assert!(text.contains("pin_hash = \"*****\""), "{text}");
}

#[test]
fn screen_sleep_is_off_unless_set_and_takes_minutes() {
    assert_eq!(parse("").map(|c| c.kiosk.screen_sleep), Ok(None));
    let minutes = |a, b| {
        Some(ScreenSleep {
            after_closing: chrono::Duration::minutes(a),
            before_opening: chrono::Duration::minutes(b),
        })
    };
    let set =
        "[kiosk]\nscreen_sleep = { after_closing_minutes = 45, before_opening_minutes = 0 }\n";
    assert_eq!(parse(set).map(|c| c.kiosk.screen_sleep), Ok(minutes(45, 0)));
    // An empty table turns it on with both margins at 30 minutes.
    let empty = "[kiosk]\nscreen_sleep = {}\n";
    assert_eq!(
        parse(empty).map(|c| c.kiosk.screen_sleep),
        Ok(minutes(30, 30))
    );
}

#[test]
fn screen_sleep_mistakes_are_found_where_they_are() {
    assert_eq!(
        messages("[kiosk]\nscreen_sleep = { after_closing_minutes = 721 }\n"),
        ["5:42 after_closing_minutes must be from 0 to 720, not 721"]
    );
    assert_eq!(
        messages("[kiosk.screen_sleep]\nbefore_opening_minutes = -1\n"),
        ["5:26 before_opening_minutes must be from 0 to 720, not -1"]
    );
    assert_eq!(
        messages("[kiosk]\nscreen_sleep = { after_closing = 30 }\n"),
        ["5:18 unknown key `after_closing`"]
    );
}
