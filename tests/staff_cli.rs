//! `kiosk staff set-pin`, run as a provisioning script would: the PIN piped
//! on standard input, twice. It must write a `pin_hash` that verifies,
//! change nothing else in kiosk.toml, and never write the PIN itself.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::os::unix::fs::PermissionsExt;

use common::{Output, Test, bundled_config};
use kiosk::staff::verify;

/// Chosen so it cannot turn up in a hash by chance (about 1 in 10⁷).
const PIN: &str = "73915";
const INVALID: i32 = 2;

fn bundled_text() -> String {
    std::fs::read_to_string(bundled_config()).unwrap()
}

fn set_pin(config: &str, stdin: &str) -> Test {
    Test::new()
        .config(config)
        .args(["staff", "set-pin", "--config", "kiosk.toml"])
        .stdin(stdin)
}

fn done() -> String {
    "The staff PIN is set: its hash is in kiosk.toml, under [staff].\n\
     A running kiosk picks it up within a few seconds.\n"
        .to_string()
}

fn written(out: &Output) -> String {
    std::fs::read_to_string(out.root.join("kiosk.toml")).unwrap()
}

/// The value of the one `pin_hash = "…"` line.
fn pin_hash(text: &str) -> String {
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| l.trim_start().starts_with("pin_hash"))
        .collect();
    assert_eq!(lines.len(), 1, "{text}");
    let value = lines[0].split_once('=').unwrap().1.trim();
    value.trim_matches('"').to_string()
}

#[test]
fn the_hash_verifies_and_nothing_else_changes() {
    let before = bundled_text();
    let out = set_pin(&before, &format!("{PIN}\n{PIN}\n"))
        .stdout(done())
        .run();
    let after = written(&out);
    let hash = pin_hash(&after);
    assert!(hash.starts_with("$argon2id$v=19$"), "{hash}");
    assert!(verify(PIN, &hash));
    assert!(!verify("73916", &hash));
    assert!(!after.contains(PIN), "the PIN itself is in the file");
    // No plain `pin = …` key (`desk_pin = false` is another setting).
    assert!(
        !after.lines().any(|l| l.trim_start().starts_with("pin = ")),
        "{after}"
    );
    // Byte for byte, the file is the old one plus one line under [staff].
    let line = format!("pin_hash = \"{hash}\"\n");
    assert_eq!(after.replacen(&line, "", 1), before);
    assert!(after.contains(&format!("[staff]\n{line}")), "{after}");
    // The kiosk reads it.
    let config = kiosk::config::Config::load(&out.root.join("kiosk.toml")).unwrap();
    assert_eq!(config.staff.pin_hash.as_deref(), Some(hash.as_str()));
}

#[test]
fn setting_it_again_replaces_the_line_and_keeps_permissions() {
    let first = set_pin(&bundled_text(), "1234\n1234\n")
        .stdout(done())
        .run();
    let path = first.root.join("kiosk.toml");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    let old = written(&first);
    let out = Test::in_dir(&first.root)
        .args(["staff", "set-pin"])
        .stdin("87654321\r\n87654321\r\n")
        .stdout(done())
        .run();
    let new = written(&out);
    let hash = pin_hash(&new);
    assert!(verify("87654321", &hash) && !verify("1234", &hash));
    assert_eq!(new.lines().count(), old.lines().count());
    assert_eq!(
        new.replace(&hash, "HASH"),
        old.replace(&pin_hash(&old), "HASH")
    );
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o7777;
    assert_eq!(mode, 0o640);
}

#[test]
fn a_file_without_a_staff_table_gets_one() {
    let config = "[clinic]\nname = \"C\"\ntimezone = \"America/Denver\"\n";
    let out = set_pin(config, &format!("{PIN}\n{PIN}\n"))
        .stdout(done())
        .run();
    let after = written(&out);
    assert!(after.starts_with(config), "{after}");
    assert!(
        after.contains("\n[staff]\npin_hash = \"$argon2id$"),
        "{after}"
    );
    assert!(verify(PIN, &pin_hash(&after)));
}

#[test]
fn a_config_the_kiosk_refuses_can_still_get_a_pin() {
    // A PIN typed where its hash belongs: the kiosk will not start...
    let config =
        "[clinic]\nname = \"C\"\ntimezone = \"America/Denver\"\n[staff]\npin_hash = \"4821\"\n";
    let out = Test::new()
        .config(config)
        .args(["check"])
        .any_stderr()
        .status(INVALID)
        .run();
    assert!(
        out.stderr.contains("`pin_hash` holds a PIN"),
        "{}",
        out.stderr
    );
    assert!(!out.stderr.contains("4821"), "{}", out.stderr);
    // ...and set-pin is how to mend it.
    let out = set_pin(config, &format!("{PIN}\n{PIN}\n"))
        .stdout(done())
        .run();
    let after = written(&out);
    assert!(!after.contains("4821"), "{after}");
    assert!(verify(PIN, &pin_hash(&after)));
}

/// Entries that are refused: exit 2, the message, and the file untouched.
#[test]
fn bad_entries_change_nothing() {
    let cases = [
        (
            "73915\n73951\n",
            "error: the two PINs differ; nothing was changed\n",
        ),
        (
            "12a45\n12a45\n",
            "error: the PIN must be digits only (0 to 9); nothing was changed\n",
        ),
        (
            "123\n123\n",
            "error: the PIN must have 4 to 8 digits, not 3; nothing was changed\n",
        ),
        (
            "123456789\n123456789\n",
            "error: the PIN must have 4 to 8 digits, not 9; nothing was changed\n",
        ),
        (
            "73915\n",
            "error: give the PIN twice on standard input, one per line; nothing was changed\n",
        ),
        (
            "",
            "error: give the PIN twice on standard input, one per line; nothing was changed\n",
        ),
    ];
    let before = bundled_text();
    for (stdin, message) in cases {
        let out = set_pin(&before, stdin)
            .stderr(message)
            .status(INVALID)
            .run();
        assert_eq!(written(&out), before, "{stdin:?} changed the file");
        let names = std::fs::read_dir(&out.root).unwrap().count();
        assert_eq!(names, 1, "{stdin:?} left a file behind");
    }
}

#[test]
fn a_file_that_is_not_toml_is_refused_before_asking() {
    let config = "[clinic\nname = \"C\"\n";
    let out = set_pin(config, &format!("{PIN}\n{PIN}\n"))
        .any_stderr()
        .status(INVALID)
        .run();
    assert!(out.stderr.contains("--> kiosk.toml:1:"), "{}", out.stderr);
    assert_eq!(written(&out), config);
}

#[test]
fn a_missing_file_is_reported() {
    Test::new()
        .args(["staff", "set-pin", "--config", "nowhere.toml"])
        .stdin(format!("{PIN}\n{PIN}\n"))
        .stderr(
            "error: cannot read the configuration file: there is no such file\n \
             --> nowhere.toml\n  \
             = help: check the path given with --config (the default is kiosk.toml in the current folder)\n",
        )
        .status(INVALID)
        .run();
}

#[test]
fn a_symbolic_link_is_followed_not_replaced() {
    let root = tempfile::tempdir().unwrap();
    std::fs::write(root.path().join("target.toml"), bundled_text()).unwrap();
    std::os::unix::fs::symlink("target.toml", root.path().join("kiosk.toml")).unwrap();
    Test::in_dir(root.path())
        .args(["staff", "set-pin"])
        .stdin(format!("{PIN}\n{PIN}\n"))
        .stdout(done())
        .run();
    let link = root.path().join("kiosk.toml");
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let target = std::fs::read_to_string(root.path().join("target.toml")).unwrap();
    assert!(verify(PIN, &pin_hash(&target)));
}

#[test]
fn help_explains_the_stdin_form() {
    let out = Test::new()
        .args(["staff", "set-pin", "--help"])
        .any_stdout()
        .run();
    assert!(out.stdout.contains("standard input"), "{}", out.stdout);
}
