//! The deployment files in `deploy/`: the systemd units have the keys the
//! kiosk depends on, the command they run is one the kiosk accepts, the
//! scripts are valid shell, and, where `systemd-analyze` is installed,
//! systemd itself accepts the units.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use clap::Parser;
use common::{kiosk_bin, manifest_dir};
use kiosk::cli::{Cli, Command as KioskCommand};

const UNITS: [&str; 3] = [
    "kiosk.service",
    "kiosk-watchdog.service",
    "kiosk-watchdog.timer",
];

fn deploy(name: &str) -> PathBuf {
    manifest_dir().join("deploy").join(name)
}

fn read(name: &str) -> String {
    std::fs::read_to_string(deploy(name)).unwrap_or_else(|e| panic!("deploy/{name}: {e}"))
}

/// Every `Key=value` of `[section]` in a unit file, in order.
fn values(unit: &str, section: &str, key: &str) -> Vec<String> {
    let mut current = "";
    let mut out = Vec::new();
    for line in unit.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') || line.starts_with(';') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            current = name;
        } else if let Some((k, v)) = line.split_once('=')
            && current == section
            && k.trim() == key
        {
            out.push(v.trim().to_string());
        }
    }
    out
}

fn one(unit: &str, section: &str, key: &str) -> String {
    let found = values(unit, section, key);
    assert_eq!(
        found.len(),
        1,
        "[{section}] {key}= should appear once: {found:?}"
    );
    found[0].clone()
}

#[test]
fn the_kiosk_unit_runs_the_kiosk_on_tty1_for_good() {
    let unit = read("kiosk.service");
    for (section, key, value) in [
        ("Unit", "Conflicts", "getty@tty1.service"),
        ("Unit", "StartLimitIntervalSec", "0"),
        ("Service", "User", "kiosk"),
        ("Service", "WorkingDirectory", "/opt/kiosk"),
        ("Service", "TTYPath", "/dev/tty1"),
        ("Service", "StandardInput", "tty"),
        ("Service", "StandardOutput", "tty"),
        ("Service", "StandardError", "journal"),
        ("Service", "TTYReset", "yes"),
        ("Service", "TTYVHangup", "yes"),
        ("Service", "TTYVTDisallocate", "yes"),
        ("Service", "Restart", "always"),
        ("Service", "RestartSec", "2"),
        ("Service", "NoNewPrivileges", "yes"),
        ("Service", "ProtectSystem", "strict"),
        ("Service", "ReadWritePaths", "/opt/kiosk/data"),
        ("Service", "ProtectHome", "yes"),
        ("Service", "PrivateTmp", "yes"),
        ("Install", "WantedBy", "multi-user.target"),
    ] {
        assert_eq!(one(&unit, section, key), value, "[{section}] {key}");
    }
    assert!(
        values(&unit, "Service", "PrivateDevices").is_empty(),
        "PrivateDevices would hide /dev/tty1"
    );
    let pre = values(&unit, "Service", "ExecStartPre").join("\n");
    assert!(
        pre.contains("setterm --term linux --blank 0 --powerdown 0"),
        "{pre}"
    );
    assert!(values(&unit, "Service", "Environment").contains(&"TERM=linux".to_string()));
}

#[test]
fn scroll_lock_is_switched_off_on_the_console() {
    let unit = read("kiosk.service");
    let pre = values(&unit, "Service", "ExecStartPre").join("\n");
    assert!(
        pre.contains("-+/usr/bin/loadkeys -C /dev/tty1 /opt/kiosk/no-scroll-lock.map"),
        "{pre}"
    );
    let map = read("no-scroll-lock.map");
    assert!(map.lines().any(|l| l == "keycode 70 = VoidSymbol"), "{map}");
    let docs = std::fs::read_to_string(manifest_dir().join("docs/deploy.md")).unwrap();
    assert!(docs.contains("keycode 70 = VoidSymbol"));
    assert!(docs.contains("deploy/no-scroll-lock.map /opt/kiosk/no-scroll-lock.map"));
}

#[test]
fn the_unit_starts_the_run_command_with_the_installed_config() {
    let exec = one(&read("kiosk.service"), "Service", "ExecStart");
    let words: Vec<&str> = exec.split_whitespace().collect();
    assert_eq!(
        words,
        [
            "/opt/kiosk/kiosk",
            "run",
            "--config",
            "/opt/kiosk/kiosk.toml"
        ]
    );
    // The kiosk's own argument parser accepts exactly this.
    let args = std::iter::once("kiosk").chain(words[1..].iter().copied());
    let cli = Cli::try_parse_from(args).unwrap();
    assert!(matches!(cli.command, Some(KioskCommand::Run(_))));
    assert_eq!(cli.config, Path::new("/opt/kiosk/kiosk.toml"));
}

#[test]
fn the_watchdog_checks_the_documented_heartbeat_every_minute() {
    let service = read("kiosk-watchdog.service");
    assert_eq!(one(&service, "Service", "Type"), "oneshot");
    assert_eq!(
        one(&service, "Service", "ExecStart"),
        "/opt/kiosk/kiosk-watchdog.sh"
    );
    let env = values(&service, "Service", "Environment");
    for setting in [
        "UNIT=kiosk.service",
        "HEARTBEAT=/opt/kiosk/data/heartbeat",
        "MAX_AGE=180",
    ] {
        assert!(
            env.contains(&setting.to_string()),
            "{env:?} lacks {setting}"
        );
    }
    let timer = read("kiosk-watchdog.timer");
    assert_eq!(one(&timer, "Timer", "OnUnitActiveSec"), "1min");
    assert_eq!(one(&timer, "Install", "WantedBy"), "timers.target");
    let script = read("kiosk-watchdog.sh");
    assert!(script.contains("HEARTBEAT=${HEARTBEAT:-/opt/kiosk/data/heartbeat}"));
    assert!(script.contains("MAX_AGE=${MAX_AGE:-180}"));
    let docs = std::fs::read_to_string(manifest_dir().join("docs/deploy.md")).unwrap();
    assert!(docs.contains("`/opt/kiosk/data/heartbeat`"));
    assert!(docs.contains("at least every 60 seconds"));
}

#[test]
fn the_scripts_are_valid_shell_and_executable() {
    use std::os::unix::fs::PermissionsExt;
    for name in ["kiosk-watchdog.sh", "kiosk-desktop.sh"] {
        let status = Command::new("sh")
            .arg("-n")
            .arg(deploy(name))
            .status()
            .unwrap();
        assert!(status.success(), "sh -n deploy/{name}");
        let mode = std::fs::metadata(deploy(name))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o111, 0o111, "deploy/{name} is not executable");
    }
    let desktop = read("kiosk.desktop");
    assert_eq!(
        one(&desktop, "Desktop Entry", "Exec"),
        "/opt/kiosk/kiosk-desktop.sh"
    );
    assert!(read("kiosk-desktop.sh").contains("xset s off -dpms"));
}

/// `systemd-analyze verify` on copies of the units whose `/opt/kiosk` is a
/// temporary folder holding the real binary, since systemd checks that
/// every command exists.
#[test]
fn systemd_accepts_the_units() {
    let found = Command::new("systemd-analyze").arg("--version").output();
    if !found.is_ok_and(|o| o.status.success()) {
        println!("skipping `systemd-analyze verify`: systemd-analyze is not installed here");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("opt");
    std::fs::create_dir_all(root.join("data")).unwrap();
    std::os::unix::fs::symlink(kiosk_bin(), root.join("kiosk")).unwrap();
    std::fs::copy(deploy("kiosk-watchdog.sh"), root.join("kiosk-watchdog.sh")).unwrap();
    let units: Vec<PathBuf> = UNITS
        .iter()
        .map(|name| {
            let text = read(name).replace("/opt/kiosk", &root.display().to_string());
            let path = tmp.path().join(name);
            std::fs::write(&path, text).unwrap();
            path
        })
        .collect();
    let out = Command::new("systemd-analyze")
        .arg("verify")
        .args(&units)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    // Only complaints about these units count; the host's own units may
    // have warnings of their own.
    let ours: Vec<&str> = stderr
        .lines()
        .filter(|line| UNITS.iter().any(|name| line.contains(name)))
        .collect();
    assert!(
        out.status.success() && ours.is_empty(),
        "systemd-analyze verify failed ({}):\n{stderr}",
        out.status
    );
}
