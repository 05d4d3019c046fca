//! The command line, run as a real process: exact stdout, stderr and exit
//! codes for `check` and `status`, configuration mistakes, and argument
//! errors.
//!
//! Every folder in `tests/fixtures/configs/invalid/` holds a `kiosk.toml`
//! (or none, for the missing-file case) and the exact `expected.stderr` of
//! `kiosk check --config kiosk.toml` run in that folder.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::Path;

use common::{Test, bundled_config, fixture, mismatch, subfolders};
use serde_json::Value;

/// A Monday morning in Denver, when the bundled clinic is open.
const MONDAY_OPEN: &str = "2026-11-23T10:42:00-07:00";

/// Exit code for a configuration or argument the kiosk cannot use.
const INVALID: i32 = 2;

// ---------------------------------------------------------------------------
// Invalid configurations
// ---------------------------------------------------------------------------

/// Runs `kiosk check --config kiosk.toml` in `dir` and compares the result
/// with `expected_stderr`, exit code 2 and no stdout.
fn check_invalid_fixture(dir: &Path, expected_stderr: &str) -> Result<(), String> {
    Test::in_dir(dir)
        .args(["check", "--config", "kiosk.toml"])
        .stderr(expected_stderr)
        .status(INVALID)
        .try_run()
        .map(drop)
}

#[test]
fn every_invalid_fixture_prints_its_expected_stderr_and_exits_2() {
    let folders = subfolders(&fixture("configs/invalid"));
    assert!(
        folders.len() >= 17,
        "expected at least 17 invalid fixtures, found {}",
        folders.len()
    );
    let mut failures = Vec::new();
    for dir in &folders {
        let expected = std::fs::read_to_string(dir.join("expected.stderr"))
            .unwrap_or_else(|e| panic!("{}: cannot read expected.stderr: {e}", dir.display()));
        assert!(
            !expected.is_empty(),
            "{}: expected.stderr is empty",
            dir.display()
        );
        if let Err(report) = check_invalid_fixture(dir, &expected) {
            failures.push(report);
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} invalid fixtures failed:\n\n{}",
        failures.len(),
        folders.len(),
        failures.join("\n\n")
    );
}

#[test]
fn the_invalid_fixture_harness_detects_a_wrong_message() {
    let dir = fixture("configs/invalid/unknown-time-zone");
    let expected = std::fs::read_to_string(dir.join("expected.stderr")).unwrap();
    // The real expectation passes...
    assert_eq!(check_invalid_fixture(&dir, &expected), Ok(()));
    // ...and a one-character change to it does not.
    let wrong = expected.replace("America/Denver", "America/Denvar");
    let report = check_invalid_fixture(&dir, &wrong).unwrap_err();
    assert!(report.contains("stderr differs"), "{report}");
    assert!(report.contains("first difference on line 6"), "{report}");
    // A missing trailing newline is a difference too.
    let report = check_invalid_fixture(&dir, expected.trim_end()).unwrap_err();
    assert!(report.contains("stderr differs"), "{report}");
}

#[test]
fn the_harness_detects_wrong_stdout_and_wrong_exit_codes() {
    let ok = || {
        Test::new()
            .write("kiosk.toml", valid_config_text("minimal"))
            .args(["status", "--at", "2026-11-23T10:42:00Z"])
    };
    ok().stdout("CLOSED · no opening hours are set\n").run();

    let report = ok().stdout("OPEN\n").try_run().unwrap_err();
    assert!(report.contains("stdout differs"), "{report}");
    assert!(!report.contains("exit code"), "{report}");

    let report = ok()
        .stdout("CLOSED · no opening hours are set\n")
        .status(1)
        .try_run()
        .unwrap_err();
    assert!(report.contains("exit code: expected 1, got 0"), "{report}");

    // Unexpected stderr is caught even when stdout is right.
    let report = Test::new().args(["status"]).try_run().unwrap_err();
    assert!(report.contains("stderr differs"), "{report}");
    assert!(report.contains("exit code: expected 0, got 2"), "{report}");
}

#[test]
fn a_missing_config_names_the_path_as_given() {
    Test::new()
        .args(["--config", "nowhere/kiosk.toml", "status"])
        .stderr(
            "error: cannot read the configuration file: there is no such file\n \
             --> nowhere/kiosk.toml\n  \
             = help: check the path given with --config (the default is kiosk.toml in the current folder)\n",
        )
        .status(INVALID)
        .run();
}

#[test]
fn the_default_config_is_kiosk_toml_in_the_working_directory() {
    // No --config: the file read is ./kiosk.toml.
    Test::new()
        .args(["check"])
        .stderr(
            "error: cannot read the configuration file: there is no such file\n \
             --> kiosk.toml\n  \
             = help: check the path given with --config (the default is kiosk.toml in the current folder)\n",
        )
        .status(INVALID)
        .run();
    Test::new()
        .config(&valid_config_text("minimal"))
        .args(["status", "--at", "2026-11-23T10:42:00Z"])
        .stdout("CLOSED · no opening hours are set\n")
        .run();
}

#[test]
fn a_folder_given_as_the_config_is_reported() {
    let out = Test::new()
        .write("sub/kiosk.toml", valid_config_text("minimal"))
        .args(["--config", "sub", "check"])
        .any_stderr()
        .status(INVALID)
        .run();
    assert!(
        out.stderr
            .starts_with("error: cannot read the configuration file: "),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains(" --> sub\n"), "{}", out.stderr);
}

#[test]
fn problems_are_reported_in_the_file_named_by_a_relative_config_path() {
    let out = Test::new()
        .write(
            "settings/kiosk.toml",
            "[clinic]\nname = \"X\"\ntimezone = \"Mars/Base\"\n",
        )
        .args(["check", "--config", "settings/kiosk.toml"])
        .any_stderr()
        .status(INVALID)
        .run();
    assert!(
        out.stderr.contains(" --> settings/kiosk.toml:3:12\n"),
        "{}",
        out.stderr
    );
}

// ---------------------------------------------------------------------------
// Valid configurations
// ---------------------------------------------------------------------------

/// The text of `tests/fixtures/configs/valid/<name>/kiosk.toml`.
fn valid_config_text(name: &str) -> String {
    let path = fixture(&format!("configs/valid/{name}/kiosk.toml"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A run in the folder of valid fixture `name`.
fn valid(name: &str) -> Test {
    Test::in_dir(fixture(&format!("configs/valid/{name}")))
}

#[test]
fn every_valid_fixture_passes_check() {
    let folders = subfolders(&fixture("configs/valid"));
    assert!(
        folders.len() >= 5,
        "found only {} valid fixtures",
        folders.len()
    );
    for dir in folders {
        let out = Test::in_dir(&dir)
            .args(["check", "--at", MONDAY_OPEN])
            .any_stdout()
            .run();
        assert!(
            out.stdout.starts_with("kiosk.toml is valid.\n"),
            "{}:\n{}",
            dir.display(),
            out.stdout
        );
    }
}

#[test]
fn the_bundled_config_passes_check() {
    let out = Test::in_dir(common::manifest_dir())
        .args(["check", "--config", "kiosk.toml", "--at", MONDAY_OPEN])
        .any_stdout()
        .run();
    assert!(
        out.stdout.starts_with("kiosk.toml is valid.\n"),
        "{}",
        out.stdout
    );
}

#[test]
fn check_summarises_the_bundled_config() {
    valid("bundled")
        .args(["check", "--at", MONDAY_OPEN])
        .stdout(
            "\
kiosk.toml is valid.
Clinic: Lakewood Acupuncture (America/Denver)
Now: OPEN · closes at 6:00 PM (in 7 h 18 min)
Hours for the next 7 days:
  2026-11-23 Monday     9:00 AM – 6:00 PM
  2026-11-24 Tuesday    9:00 AM – 6:00 PM
  2026-11-25 Wednesday  9:00 AM – 6:00 PM
  2026-11-26 Thursday   Closed  (Thanksgiving Day)
  2026-11-27 Friday     9:00 AM – 2:00 PM
  2026-11-28 Saturday   9:00 AM – 2:00 PM
  2026-11-29 Sunday     Closed
Next closures:
  2026-11-26  Thanksgiving Day
  2026-12-25  Christmas Day
  2027-01-01  New Year's Day
Slides: none in content; the clinic's hours will show instead.
",
        )
        .run();
}

#[test]
fn check_shows_special_hours_and_only_coming_closures() {
    valid("bundled")
        .args(["check", "--at", "2026-12-23T08:00:00-07:00"])
        .stdout(
            "\
kiosk.toml is valid.
Clinic: Lakewood Acupuncture (America/Denver)
Now: CLOSED · opens today at 9:00 AM (in 1 h)
Hours for the next 7 days:
  2026-12-23 Wednesday  9:00 AM – 6:00 PM
  2026-12-24 Thursday   9:00 AM – 12:00 PM  (Christmas Eve: closing early)
  2026-12-25 Friday     Closed  (Christmas Day)
  2026-12-26 Saturday   9:00 AM – 2:00 PM
  2026-12-27 Sunday     Closed
  2026-12-28 Monday     9:00 AM – 6:00 PM
  2026-12-29 Tuesday    9:00 AM – 6:00 PM
Next closures:
  2026-12-25  Christmas Day
  2027-01-01  New Year's Day
Slides: none in content; the clinic's hours will show instead.
",
        )
        .run();
}

#[test]
fn check_across_the_end_of_daylight_saving_time() {
    valid("bundled")
        .args(["check", "--at", "2026-10-31T20:00:00-06:00"])
        .stdout(
            "\
kiosk.toml is valid.
Clinic: Lakewood Acupuncture (America/Denver)
Now: CLOSED · opens Monday at 9:00 AM
Hours for the next 7 days:
  2026-10-31 Saturday   9:00 AM – 2:00 PM
  2026-11-01 Sunday     Closed
  2026-11-02 Monday     9:00 AM – 6:00 PM
  2026-11-03 Tuesday    9:00 AM – 6:00 PM
  2026-11-04 Wednesday  9:00 AM – 6:00 PM
  2026-11-05 Thursday   9:00 AM – 6:00 PM
  2026-11-06 Friday     9:00 AM – 2:00 PM
Next closures:
  2026-11-26  Thanksgiving Day
  2026-12-25  Christmas Day
  2027-01-01  New Year's Day
Slides: none in content; the clinic's hours will show instead.
",
        )
        .run();
}

#[test]
fn check_a_split_shift_schedule() {
    valid("split-shift")
        .args(["check", "--at", "2026-11-23T11:50:00-05:00"])
        .stdout(
            "\
kiosk.toml is valid.
Clinic: Harbor Street Physiotherapy (America/New_York)
Now: OPEN · closes at 12:00 PM (in 10 min)
Hours for the next 7 days:
  2026-11-23 Monday     8:00 AM – 12:00 PM, 1:00 PM – 5:00 PM
  2026-11-24 Tuesday    8:00 AM – 12:00 PM, 1:00 PM – 5:00 PM
  2026-11-25 Wednesday  Closed
  2026-11-26 Thursday   8:00 AM – 12:00 PM, 1:00 PM – 7:30 PM
  2026-11-27 Friday     Closed  (Staff training)
  2026-11-28 Saturday   9:00 AM – 11:30 AM
  2026-11-29 Sunday     Closed
No closures coming up.
Slides: none in content; the clinic's hours will show instead.
",
        )
        .run();
}

#[test]
fn check_an_overnight_schedule() {
    valid("overnight")
        .args(["check", "--at", "2026-11-28T23:00:00-06:00"])
        .stdout(
            "\
kiosk.toml is valid.
Clinic: Night Owl Urgent Care (America/Chicago)
Now: OPEN · closes tomorrow at 2:00 AM (in 3 h)
Hours for the next 7 days:
  2026-11-28 Saturday   6:00 PM – 2:00 AM
  2026-11-29 Sunday     12:00 PM – midnight
  2026-11-30 Monday     Closed
  2026-12-01 Tuesday    Closed
  2026-12-02 Wednesday  Closed
  2026-12-03 Thursday   6:00 PM – 11:00 PM
  2026-12-04 Friday     6:00 PM – 2:00 AM
No closures coming up.
Slides: none in content; the clinic's hours will show instead.
",
        )
        .run();
}

#[test]
fn check_a_closure_spanning_several_days() {
    valid("closure-range")
        .args(["check", "--at", "2026-12-22T16:00:00-07:00"])
        .stdout(
            "\
kiosk.toml is valid.
Clinic: Lakewood Acupuncture (America/Denver)
Now: OPEN · closes at 6:00 PM (in 2 h)
Hours for the next 7 days:
  2026-12-22 Tuesday    9:00 AM – 6:00 PM
  2026-12-23 Wednesday  9:00 AM – 6:00 PM
  2026-12-24 Thursday   9:00 AM – 12:00 PM  (Christmas Eve)
  2026-12-25 Friday     Closed  (Winter break)
  2026-12-26 Saturday   Closed  (Winter break)
  2026-12-27 Sunday     Closed  (Winter break)
  2026-12-28 Monday     Closed  (Winter break)
Next closures:
  2026-12-25 to 2026-12-28  Winter break
  2027-01-01
Slides: none in content; the clinic's hours will show instead.
",
        )
        .run();
}

#[test]
fn check_a_minimal_config() {
    valid("minimal")
        .args(["check", "--at", "2026-11-23T10:42:00Z"])
        .stdout(
            "\
kiosk.toml is valid.
Clinic: Tiny Clinic (Europe/Lisbon)
Now: CLOSED · no opening hours are set
Hours for the next 7 days:
  2026-11-23 Monday     Closed
  2026-11-24 Tuesday    Closed
  2026-11-25 Wednesday  Closed
  2026-11-26 Thursday   Closed
  2026-11-27 Friday     Closed
  2026-11-28 Saturday   Closed
  2026-11-29 Sunday     Closed
No closures coming up.
Slides: none in content; the clinic's hours will show instead.
",
        )
        .run();
}

#[test]
fn the_computers_own_time_zone_does_not_matter() {
    for tz in ["UTC", "Asia/Kolkata", "Pacific/Chatham", "America/Denver"] {
        valid("bundled")
            .env("TZ", tz)
            .args(["status", "--at", "2026-11-23T17:42:00Z"])
            .stdout("OPEN · closes at 6:00 PM (in 7 h 18 min)\n")
            .run();
    }
}

// ---------------------------------------------------------------------------
// status
// ---------------------------------------------------------------------------

#[test]
fn status_lines_at_fixed_moments() {
    let cases = [
        (MONDAY_OPEN, "OPEN · closes at 6:00 PM (in 7 h 18 min)"),
        (
            "2026-11-23T17:45:00-07:00",
            "OPEN · closes at 6:00 PM (in 15 min)",
        ),
        (
            "2026-11-23T18:00:00-07:00",
            "CLOSED · opens tomorrow at 9:00 AM",
        ),
        (
            "2026-11-24T08:59:30-07:00",
            "CLOSED · opens today at 9:00 AM (in 1 min)",
        ),
        (
            "2026-11-22T12:00:00-07:00",
            "CLOSED · opens tomorrow at 9:00 AM",
        ),
        // Thanksgiving (a closure): closed all day, with its reason, opens
        // Friday.
        (
            "2026-11-26T10:00:00-07:00",
            "CLOSED · Thanksgiving Day · opens tomorrow at 9:00 AM",
        ),
        (
            "2026-11-25T18:30:00-07:00",
            "CLOSED · opens Friday at 9:00 AM",
        ),
        // Christmas Eve has special hours, 09:00-12:00.
        (
            "2026-12-24T11:00:00-07:00",
            "OPEN · closes at 12:00 PM (in 1 h)",
        ),
        (
            "2026-12-31T18:00:00-07:00",
            "CLOSED · opens Saturday at 9:00 AM",
        ),
    ];
    for (at, line) in cases {
        valid("bundled")
            .args(["status", "--at", at])
            .stdout(format!("{line}\n"))
            .run();
    }
}

/// `kiosk status --json --at <at>` in the bundled fixture, parsed.
fn status_json(fixture_name: &str, at: &str) -> Value {
    let out = valid(fixture_name)
        .args(["status", "--json", "--at", at])
        .any_stdout()
        .run();
    assert!(out.stdout.ends_with('\n'), "{:?}", out.stdout);
    assert_eq!(out.stdout.lines().count(), 1, "{:?}", out.stdout);
    serde_json::from_str(&out.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {:?}", out.stdout))
}

#[test]
fn status_json_when_open() {
    let v = status_json("bundled", MONDAY_OPEN);
    assert_eq!(v["open"], true);
    assert_eq!(v["next_change"], "2026-11-23T18:00:00-07:00");
    assert_eq!(v["next_open"], "2026-11-24T09:00:00-07:00");
    assert_eq!(v["closing_soon"], false);
    assert_eq!(v["message"], "Closes at 6:00 PM");
    assert_eq!(v["line"], "OPEN · closes at 6:00 PM (in 7 h 18 min)");
    assert_eq!(v["at"], "2026-11-23T10:42:00-07:00");
    assert_eq!(v["timezone"], "America/Denver");
    assert_eq!(v["reason"], Value::Null);
}

#[test]
fn status_json_when_closing_soon() {
    let v = status_json("bundled", "2026-11-23T17:45:00-07:00");
    assert_eq!(v["open"], true);
    assert_eq!(v["closing_soon"], true);
    assert_eq!(v["next_change"], "2026-11-23T18:00:00-07:00");
    assert_eq!(v["message"], "Closes at 6:00 PM");
    // Exactly 30 minutes before closing is "soon"; 31 is not.
    assert_eq!(
        status_json("bundled", "2026-11-23T17:30:00-07:00")["closing_soon"],
        true
    );
    assert_eq!(
        status_json("bundled", "2026-11-23T17:29:00-07:00")["closing_soon"],
        false
    );
}

#[test]
fn status_json_when_closed_across_daylight_saving_time() {
    // Saturday evening before DST ends (-06:00); opens Monday (-07:00).
    let v = status_json("bundled", "2026-10-31T20:00:00-06:00");
    assert_eq!(v["open"], false);
    assert_eq!(v["next_change"], "2026-11-02T09:00:00-07:00");
    assert_eq!(v["next_open"], "2026-11-02T09:00:00-07:00");
    assert_eq!(v["closing_soon"], false);
    assert_eq!(v["message"], "Opens Monday at 9:00 AM");
    assert_eq!(v["at"], "2026-10-31T20:00:00-06:00");
}

#[test]
fn status_json_on_a_closure_day() {
    let v = status_json("bundled", "2026-11-26T10:00:00-07:00");
    assert_eq!(v["open"], false);
    assert_eq!(v["next_change"], "2026-11-27T09:00:00-07:00");
    assert_eq!(v["message"], "Opens tomorrow at 9:00 AM");
    assert_eq!(v["reason"], "Thanksgiving Day");
    assert_eq!(
        v["line"],
        "CLOSED · Thanksgiving Day · opens tomorrow at 9:00 AM"
    );
    assert_eq!(v["notice"], Value::Null);
    // On an ordinary evening there is no reason to give.
    let v = status_json("bundled", "2026-11-25T18:30:00-07:00");
    assert_eq!(v["reason"], Value::Null);
}

#[test]
fn status_json_with_a_lunch_break() {
    let v = status_json("split-shift", "2026-11-23T11:50:00-05:00");
    assert_eq!(v["open"], true);
    assert_eq!(v["closing_soon"], true);
    assert_eq!(v["next_change"], "2026-11-23T12:00:00-05:00");
    assert_eq!(v["next_open"], "2026-11-23T13:00:00-05:00");
    assert_eq!(v["message"], "Closes at 12:00 PM");
}

#[test]
fn status_json_with_no_hours_at_all() {
    let v = status_json("minimal", "2026-11-23T10:42:00Z");
    assert_eq!(v["open"], false);
    assert_eq!(v["next_change"], Value::Null);
    assert_eq!(v["next_open"], Value::Null);
    assert_eq!(v["closing_soon"], false);
    assert_eq!(v["message"], "No opening hours are set");
    assert_eq!(v["timezone"], "Europe/Lisbon");
}

#[test]
fn status_json_overnight() {
    let v = status_json("overnight", "2026-11-28T23:00:00-06:00");
    assert_eq!(v["open"], true);
    assert_eq!(v["next_change"], "2026-11-29T02:00:00-06:00");
    assert_eq!(v["next_open"], "2026-11-29T12:00:00-06:00");
    assert_eq!(v["message"], "Closes tomorrow at 2:00 AM");
}

// ---------------------------------------------------------------------------
// --config relative to the working directory
// ---------------------------------------------------------------------------

#[test]
fn a_relative_config_path_is_read_from_the_working_directory() {
    let config = valid_config_text("bundled");
    // From the folder above the config.
    Test::new()
        .write("sub/kiosk.toml", &config)
        .write("sub/content/.keep", "")
        .args(["--config", "sub/kiosk.toml", "status", "--at", MONDAY_OPEN])
        .stdout("OPEN · closes at 6:00 PM (in 7 h 18 min)\n")
        .run();
    // The option may also follow the subcommand.
    let out = Test::new()
        .write("sub/kiosk.toml", &config)
        .write("sub/content/.keep", "")
        .args(["check", "--at", MONDAY_OPEN, "--config", "sub/kiosk.toml"])
        .any_stdout()
        .run();
    assert!(
        out.stdout.starts_with("sub/kiosk.toml is valid.\n"),
        "{}",
        out.stdout
    );
    // From a sibling folder, through `..`.
    Test::new()
        .write("sub/kiosk.toml", &config)
        .write("sub/content/.keep", "")
        .write("elsewhere/.keep", "")
        .current_dir("elsewhere")
        .args([
            "--config",
            "../sub/kiosk.toml",
            "status",
            "--at",
            MONDAY_OPEN,
        ])
        .stdout("OPEN · closes at 6:00 PM (in 7 h 18 min)\n")
        .run();
    // The same name from the wrong folder is not found.
    Test::new()
        .write("sub/kiosk.toml", &config)
        .write("sub/content/.keep", "")
        .write("elsewhere/.keep", "")
        .current_dir("elsewhere")
        .args(["--config", "sub/kiosk.toml", "status", "--at", MONDAY_OPEN])
        .any_stderr()
        .status(INVALID)
        .run();
}

#[test]
fn an_absolute_config_path_works_from_anywhere() {
    let bundled = bundled_config();
    let out = Test::new()
        .arg("--config")
        .arg(&bundled)
        .args(["check", "--at", MONDAY_OPEN])
        .any_stdout()
        .run();
    assert!(
        out.stdout
            .starts_with(&format!("{} is valid.\n", bundled.display())),
        "{}",
        out.stdout
    );
}

// ---------------------------------------------------------------------------
// Arguments
// ---------------------------------------------------------------------------

/// `kiosk <args>` prints help on stdout and exits 0; the help is returned.
fn help(args: &[&str]) -> String {
    let out = Test::new().args(args).any_stdout().run();
    assert!(
        out.stdout.contains("Usage: kiosk"),
        "{args:?}:\n{}",
        out.stdout
    );
    out.stdout
}

#[test]
fn help_for_the_whole_program() {
    for flag in ["--help", "-h"] {
        let text = help(&[flag]);
        for word in ["run", "status", "check", "--config", "--help", "--version"] {
            assert!(
                text.contains(word),
                "{flag} does not mention {word}:\n{text}"
            );
        }
    }
    let text = help(&["help"]);
    assert!(text.contains("check"), "{text}");
}

#[test]
fn help_for_every_subcommand() {
    let cases: [(&str, &[&str]); 3] = [
        ("run", &["--at", "--speed", "--dev", "--config"]),
        ("status", &["--at", "--json", "--config"]),
        ("check", &["--at", "--config"]),
    ];
    for (sub, options) in cases {
        for text in [help(&[sub, "--help"]), help(&["help", sub])] {
            assert!(text.contains(&format!("Usage: kiosk {sub}")), "{text}");
            for option in options {
                assert!(
                    text.contains(option),
                    "`{sub} --help` lacks {option}:\n{text}"
                );
            }
        }
    }
}

#[test]
fn help_does_not_need_a_config_file() {
    // Run in an empty folder: there is no kiosk.toml to read.
    help(&["check", "--help"]);
}

#[test]
fn version() {
    Test::new()
        .arg("--version")
        .stdout(format!("kiosk {}\n", env!("CARGO_PKG_VERSION")))
        .run();
}

#[test]
fn a_bad_at_value_exits_2() {
    for sub in ["run", "status", "check"] {
        let out = Test::new()
            .args([sub, "--at", "tomorrow"])
            .any_stderr()
            .status(INVALID)
            .run();
        assert!(
            out.stderr
                .starts_with("error: invalid value 'tomorrow' for '--at <TIME>': "),
            "{}",
            out.stderr
        );
        assert!(
            out.stderr.contains("e.g. 2026-11-23T17:45:00-07:00"),
            "{}",
            out.stderr
        );
    }
    // A time without an offset is refused too.
    Test::new()
        .args(["status", "--at", "2026-11-23T10:42:00"])
        .any_stderr()
        .status(INVALID)
        .run();
}

#[test]
fn a_bad_speed_exits_2() {
    let out = Test::new()
        .args(["run", "--speed", "0"])
        .any_stderr()
        .status(INVALID)
        .run();
    assert!(
        out.stderr.contains("give a number from 0.001 to 100000"),
        "{}",
        out.stderr
    );
}

#[test]
fn an_unknown_subcommand_exits_2() {
    Test::new()
        .arg("bogus")
        .stderr(
            "error: unrecognized subcommand 'bogus'\n\
             \n\
             Usage: kiosk [OPTIONS] [COMMAND]\n\
             \n\
             For more information, try '--help'.\n",
        )
        .status(INVALID)
        .run();
}

#[test]
fn an_unknown_option_exits_2() {
    let out = Test::new()
        .args(["status", "--jsn"])
        .any_stderr()
        .status(INVALID)
        .run();
    assert!(out.stderr.contains("--jsn"), "{}", out.stderr);
    assert!(
        out.stderr.contains("--json"),
        "suggests --json:\n{}",
        out.stderr
    );
}

#[test]
fn run_without_a_terminal_exits_1() {
    valid("bundled")
        .args(["run", "--at", MONDAY_OPEN])
        .stderr(
            "error: the kiosk needs a terminal to draw on; run it from a console or terminal window\n",
        )
        .status(1)
        .run();
}

#[test]
fn the_fixture_report_shows_both_texts() {
    // The report printed on failure is what a maintainer reads; keep it useful.
    let report = mismatch("stderr", "a\nb\n", "a\nc\n");
    assert!(report.contains("first difference on line 2"), "{report}");
    assert!(report.contains("expected: Some(\"b\\n\")"), "{report}");
    assert!(report.contains("actual:   Some(\"c\\n\")"), "{report}");
    assert_eq!(mismatch("stdout", "same", "same"), "");
}

// ---------------------------------------------------------------------------
// Slides: check, preview, timeline
// ---------------------------------------------------------------------------

const MINIMAL: &str = "[clinic]\nname = \"Test Clinic\"\ntimezone = \"America/Denver\"\n[hours]\nmonday = \"09:00-18:00\"\n";

#[test]
fn the_bundled_config_and_content_check_clean() {
    let out = Test::in_dir(common::manifest_dir())
        .args(["check", "--at", MONDAY_OPEN])
        .any_stdout()
        .run();
    assert!(
        out.stdout
            .ends_with("Slides: 20 in content, all fine.\nLanguages: en, es (default en).\n"),
        "{}",
        out.stdout
    );
}

#[test]
fn a_broken_slide_is_located_and_fails_check() {
    Test::new()
        .config(MINIMAL)
        .write("content/010-good.md", "+++\ntitle = \"Good\"\n+++\nFine.\n")
        .write("content/020-bad.md", "+++\ntitle = \"Bad\"\nduraton = 20\n+++\nText.\n")
        .args(["check", "--at", MONDAY_OPEN])
        .any_stdout()
        .stderr(
            "error: unknown setting duraton\n \
             --> content/020-bad.md:3:1\n  |\n3 | duraton = 20\n  | ^^^^^^^\n  \
             = help: did you mean duration? A slide's settings are title, duration, enabled, days, time, from, until, when, sources, review_by, reviewed and qr\n\n\
             1 slide problem found; those slides are not shown until fixed.\n",
        )
        .status(INVALID)
        .run();
}

#[test]
fn a_slide_past_its_review_date_warns_but_passes() {
    let out = Test::new()
        .config(MINIMAL)
        .write(
            "content/010-old.md",
            "+++\ntitle = \"Old\"\nreview_by = \"2026-01-01\"\nsources = [\"BMJ, 2005\"]\n+++\nText.\n",
        )
        .args(["check", "--at", MONDAY_OPEN])
        .any_stdout()
        .any_stderr()
        .status(0)
        .run();
    assert!(out.stderr.starts_with("warning: "), "{}", out.stderr);
    assert!(
        out.stderr.contains("content/010-old.md:3:"),
        "{}",
        out.stderr
    );
    assert!(
        out.stdout
            .ends_with("Slides: 1 in content, 0 with errors, 1 warning.\n"),
        "{}",
        out.stdout
    );
}

#[test]
fn a_slide_reviewed_too_long_ago_warns_naming_the_file_but_passes() {
    // On Monday 2026-11-23, 2025-11-22 is more than 12 months ago and
    // 2025-11-23 exactly 12: only the first warns.
    let old =
        "+++\ntitle = \"Old\"\nsources = [\"BMJ, 2005\"]\nreviewed = \"2025-11-22\"\n+++\nText.\n";
    let fresh = "+++\ntitle = \"Fresh\"\nsources = [\"BMJ, 2005\"]\nreviewed = \"2025-11-23\"\n+++\nText.\n";
    let out = Test::new()
        .config(MINIMAL)
        .write("content/010-old.md", old)
        .write("content/020-fresh.md", fresh)
        .args(["check", "--at", MONDAY_OPEN])
        .any_stdout()
        .stderr(
            "warning: health content last reviewed on 2025-11-22, more than 12 months ago\n \
             --> content/010-old.md:4:12\n  |\n4 | reviewed = \"2025-11-22\"\n  |            ^^^^^^^^^^^^\n  \
             = help: check this slide against the studies in its sources, then set reviewed to the date you did (review_after_months in kiosk.toml sets how long a review lasts)\n",
        )
        .status(0)
        .run();
    assert!(
        out.stdout
            .ends_with("Slides: 2 in content, 0 with errors, 1 warning.\n"),
        "{}",
        out.stdout
    );

    // review_after_months in kiosk.toml sets the time: 24 months, no warning...
    let out = Test::new()
        .config(&format!("{MINIMAL}[kiosk]\nreview_after_months = 24\n"))
        .write("content/010-old.md", old)
        .write("content/020-fresh.md", fresh)
        .args(["check", "--at", MONDAY_OPEN])
        .any_stdout()
        .run();
    assert!(
        out.stdout.ends_with("Slides: 2 in content, all fine.\n"),
        "{}",
        out.stdout
    );
    // ...6 months, both.
    let out = Test::new()
        .config(&format!("{MINIMAL}[kiosk]\nreview_after_months = 6\n"))
        .write("content/010-old.md", old)
        .write("content/020-fresh.md", fresh)
        .args(["check", "--at", MONDAY_OPEN])
        .any_stdout()
        .any_stderr()
        .status(0)
        .run();
    assert_eq!(
        out.stderr.matches("more than 6 months ago").count(),
        2,
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains(" --> content/020-fresh.md:4:12\n"),
        "{}",
        out.stderr
    );
}

#[test]
fn preview_draws_a_slide_as_plain_text_page_by_page() {
    let long: String = (1..=30)
        .map(|i| format!("Paragraph number {i}.\n\n"))
        .collect();
    let out = Test::new()
        .config(MINIMAL)
        .write(
            "content/010-long.md",
            format!("+++\ntitle = \"A long slide\"\n+++\n{long}"),
        )
        .args([
            "preview",
            "content/010-long.md",
            "--width",
            "80",
            "--height",
            "24",
            "--at",
            MONDAY_OPEN,
        ])
        .any_stdout()
        .run();
    assert!(out.stdout.contains("── Page 1 of "), "{}", out.stdout);
    assert!(out.stdout.contains("A long slide"), "{}", out.stdout);
    assert!(out.stdout.contains("Paragraph number 1."), "{}", out.stdout);
    assert!(
        out.stdout.contains("Paragraph number 30."),
        "{}",
        out.stdout
    );
    assert!(!out.stdout.contains('\u{1b}'), "plain text only");
}

#[test]
fn preview_of_a_broken_slide_shows_the_problem() {
    let out = Test::new()
        .config(MINIMAL)
        .write("content/bad.md", "no front matter here\n")
        .args(["preview", "content/bad.md"])
        .any_stderr()
        .status(INVALID)
        .run();
    assert!(out.stderr.contains("content/bad.md:1:1"), "{}", out.stderr);
}

#[test]
fn timeline_shows_the_sign_and_slides_changing() {
    Test::new()
        .config(MINIMAL)
        .write(
            "content/010-always.md",
            "+++\ntitle = \"Always\"\n+++\nHi.\n",
        )
        .write(
            "content/020-closed.md",
            "+++\ntitle = \"Closed\"\nwhen = \"closed\"\n+++\nBye.\n",
        )
        .args(["timeline", "--from", MONDAY_OPEN, "--days", "1"])
        .stdout(
            "\nMonday, November 23\n  \
             10:42 AM  OPEN · closes at 6:00 PM\n            \
             1 slide playing\n            010-always\n   \
             5:30 PM  OPEN · closes at 6:00 PM (closing soon)\n   \
             6:00 PM  CLOSED · opens Monday, November 30 at 9:00 AM\n            \
             2 slides playing\n            + 020-closed\n",
        )
        .run();
}

#[test]
fn timeline_lists_when_the_screen_sleeps_and_wakes() {
    let config = format!(
        "{MINIMAL}[kiosk]\nscreen_sleep = {{ after_closing_minutes = 30, before_opening_minutes = 15 }}\n"
    );
    Test::new()
        .config(&config)
        .write(
            "content/010-always.md",
            "+++\ntitle = \"Always\"\n+++\nHi.\n",
        )
        .args(["timeline", "--from", MONDAY_OPEN, "--days", "8"])
        .stdout(
            "\nMonday, November 23\n  \
             10:42 AM  OPEN · closes at 6:00 PM\n            \
             1 slide playing\n            010-always\n   \
             5:30 PM  OPEN · closes at 6:00 PM (closing soon)\n   \
             6:00 PM  CLOSED · opens Monday, November 30 at 9:00 AM\n   \
             6:30 PM  CLOSED · opens Monday, November 30 at 9:00 AM\n            \
             screen sleeps (dark until it wakes)\n\
             \nMonday, November 30\n   \
             8:45 AM  CLOSED · opens today at 9:00 AM\n            \
             screen wakes\n   \
             9:00 AM  OPEN · closes at 6:00 PM\n   \
             5:30 PM  OPEN · closes at 6:00 PM (closing soon)\n   \
             6:00 PM  CLOSED · opens Monday, December 7 at 9:00 AM\n   \
             6:30 PM  CLOSED · opens Monday, December 7 at 9:00 AM\n            \
             screen sleeps (dark until it wakes)\n",
        )
        .run();
}

#[test]
fn a_form_that_cannot_tell_patients_apart_warns_that_duplicates_are_not_detected() {
    let phone_only = format!(
        "{MINIMAL}[checkin]\n[[checkin.fields]]\nkey = \"phone\"\nlabel = \"Phone\"\nkind = \"phone\"\n"
    );
    Test::new()
        .config(&phone_only)
        .write("content/010-a.md", "+++\ntitle = \"A\"\n+++\nText.\n")
        .args(["check", "--at", MONDAY_OPEN])
        .any_stdout()
        .stderr(
            "warning: duplicate check-ins are not detected: the form does not ask for first_name, last_name and date_of_birth\n \
             --> kiosk.toml\n  \
             = help: to detect them, add duplicate_key = [...] under [checkin] with the keys of fields that together tell one patient from another; duplicate_key = [] says you want none (and silences this warning)\n",
        )
        .status(0)
        .run();
    // Said on purpose: no warning.
    Test::new()
        .config(&phone_only.replace("[checkin]\n", "[checkin]\nduplicate_key = []\n"))
        .write("content/010-a.md", "+++\ntitle = \"A\"\n+++\nText.\n")
        .args(["check", "--at", MONDAY_OPEN])
        .any_stdout()
        .stderr("")
        .status(0)
        .run();
}

#[test]
fn a_purge_that_would_empty_the_database_on_a_clock_far_ahead_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("kiosk.toml"), MINIMAL).unwrap();
    {
        let db = dir.path().join("data/checkins.db");
        let mut store = kiosk::store::Store::open(&db, chrono_tz::America::Denver).unwrap();
        let fields = vec![("first_name".to_string(), "Ana".to_string())];
        let new = kiosk::store::NewCheckin::new(fields, &["first_name"]);
        let at = chrono::DateTime::parse_from_rfc3339(MONDAY_OPEN)
            .unwrap()
            .to_utc();
        store.insert(&new, at, chrono::Duration::zero()).unwrap();
    }
    // A clock a year ahead would delete the newest check-in, and so all.
    let far = "2027-11-22T10:00:00-07:00";
    Test::in_dir(dir.path())
        .args(["checkins", "purge", "--at", far])
        .stderr(
            "error: old check-ins in data/checkins.db were not purged: the newest is from 2026-11-23, and deleting everything before 2027-10-23 would remove it too; check the computer's date and time (a clock set ahead, or a demonstration clock, would delete real check-ins)\n",
        )
        .status(1)
        .run();
    let kept = Test::in_dir(dir.path())
        .args(["checkins", "list", "--date", "2026-11-23", "--json"])
        .any_stdout()
        .run();
    assert!(
        kept.stdout.contains("\"first_name\":\"Ana\""),
        "{}",
        kept.stdout
    );
    // Staff who checked the clock can say so.
    Test::in_dir(dir.path())
        .args(["checkins", "purge", "--at", far, "--trust-clock"])
        .stdout("Deleted 1 check-in from before 2027-10-23.\n")
        .run();
}

// ---------------------------------------------------------------------------
// Closures and notices: the reason on the sign, in status and in timeline
// ---------------------------------------------------------------------------

const SNOW: &str = "[[notices]]\ntext = \"Closed today due to snow\"\nfrom = \"2026-11-24 06:00\"\nuntil = \"2026-11-24 13:00\"\ncloses = true\n\
[[notices]]\ntext = \"Dr. Lee is running 30 minutes late\"\nfrom = \"2026-11-23 09:00\"\nuntil = \"2026-11-23 11:00\"\n\
[[closures]]\ndate = \"2026-11-25\"\nreason = \"Staff training\"\n";

const WEEKDAYS: &str = "[clinic]\nname = \"Test Clinic\"\ntimezone = \"America/Denver\"\n[hours]\nmonday = \"09:00-18:00\"\ntuesday = \"09:00-18:00\"\nwednesday = \"09:00-18:00\"\nthursday = \"09:00-18:00\"\n";

#[test]
fn a_closing_notice_closes_the_sign_in_status_with_its_reason() {
    let config = format!("{WEEKDAYS}{SNOW}");
    let line = |at: &str, expected: &str| {
        Test::new()
            .config(&config)
            .args(["status", "--at", at])
            .stdout(format!("{expected}\n"))
            .run();
    };
    line(
        "2026-11-24T10:00:00-07:00",
        "CLOSED · today due to snow · opens today at 1:00 PM (in 3 h)",
    );
    line(
        "2026-11-24T13:00:00-07:00",
        "OPEN · closes at 6:00 PM (in 5 h)",
    );
    // A notice that does not close leaves the sign alone.
    line(
        "2026-11-23T10:00:00-07:00",
        "OPEN · closes at 6:00 PM (in 8 h)",
    );
    let out = Test::new()
        .config(&config)
        .args(["status", "--json", "--at", "2026-11-24T10:00:00-07:00"])
        .any_stdout()
        .run();
    let v: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(v["open"], false);
    assert_eq!(v["reason"], "Closed today due to snow");
    assert_eq!(v["notice"], "Closed today due to snow");
    assert_eq!(v["next_change"], "2026-11-24T13:00:00-07:00");
    let out = Test::new()
        .config(&config)
        .args(["status", "--json", "--at", "2026-11-23T10:00:00-07:00"])
        .any_stdout()
        .run();
    let v: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(v["reason"], Value::Null);
    assert_eq!(v["notice"], "Dr. Lee is running 30 minutes late");
}

#[test]
fn timeline_lists_closed_days_and_closing_notices_with_their_reason() {
    Test::new()
        .config(&format!("{WEEKDAYS}{SNOW}"))
        .write("content/README.txt", "No slides yet.\n")
        .args([
            "timeline",
            "--from",
            "2026-11-24T00:00:00-07:00",
            "--days",
            "2",
        ])
        .stdout(
            "\nTuesday, November 24\n  \
             12:00 AM  CLOSED · opens today at 1:00 PM\n            \
             0 slides playing (the clinic's hours show instead)\n   \
             6:00 AM  CLOSED · today due to snow · opens today at 1:00 PM\n   \
             1:00 PM  OPEN · closes at 6:00 PM\n   \
             5:30 PM  OPEN · closes at 6:00 PM (closing soon)\n   \
             6:00 PM  CLOSED · opens Thursday at 9:00 AM\n\
             \nWednesday, November 25\n  \
             12:00 AM  CLOSED · Staff training · opens tomorrow at 9:00 AM\n",
        )
        .run();
}

// ---------------------------------------------------------------------------
// A broken kiosk.toml with a last good copy
// ---------------------------------------------------------------------------

const BROKEN_MONDAY: &str = "[clinic]\nname = \"Test Clinic\"\ntimezone = \"America/Denver\"\n[hours]\nmonday = \"9 till 5\"\n";

const BROKEN_MONDAY_ERROR: &str = "error: \"9 till 5\" needs a start and an end joined by \"-\"\n \
--> kiosk.toml:5:11\n  |\n5 | monday = \"9 till 5\"\n  |           ^^^^^^^^\n  \
= help: write ranges as HH:MM-HH:MM in 24-hour time, separated by commas, e.g. \"09:00-12:00, 13:00-18:00\", or \"closed\"\n\n\
1 problem found; the kiosk will not start until it is fixed.\n";

#[test]
fn check_says_a_running_kiosk_uses_the_last_good_copy() {
    let out = Test::new()
        .config(BROKEN_MONDAY)
        .args(["check"])
        .any_stderr()
        .status(INVALID)
        .run();
    // Without a copy, only the located error.
    assert!(!out.stderr.contains("last good copy"), "{}", out.stderr);
    Test::new()
        .config(BROKEN_MONDAY)
        .write("data/last-good/kiosk.toml", MINIMAL)
        .args(["check"])
        .stderr(format!(
            "{BROKEN_MONDAY_ERROR}note: a running kiosk uses the last good copy, data/last-good/kiosk.toml, until this file is fixed\n"
        ))
        .status(INVALID)
        .run();
}

#[test]
fn run_without_a_terminal_and_a_broken_file_prints_the_error_and_exits_2() {
    // With no screen to keep calm, the located error goes to stderr, as
    // `kiosk check` gives it, whether or not a last good copy exists.
    Test::new()
        .config(BROKEN_MONDAY)
        .write("data/last-good/kiosk.toml", MINIMAL)
        .args(["run", "--at", MONDAY_OPEN])
        .stderr(BROKEN_MONDAY_ERROR)
        .status(INVALID)
        .run();
}
