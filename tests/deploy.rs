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
fn the_units_load_the_kiosks_own_console_font() {
    for (name, unit, font) in [
        (
            "deploy/kiosk.service",
            read("kiosk.service"),
            "/opt/kiosk/kiosk-console.psf.gz",
        ),
        (
            "deploy/debian/systemd/kiosk.service",
            packaged_unit("kiosk.service"),
            "/usr/share/kiosk/kiosk-console.psf.gz",
        ),
    ] {
        let pre = values(&unit, "Service", "ExecStartPre");
        let setfont: Vec<&String> = pre.iter().filter(|l| l.contains("setfont")).collect();
        assert_eq!(
            setfont,
            [&format!("-+/usr/bin/setfont -C /dev/tty1 {font}")],
            "{name}"
        );
    }
    // The font is the one in the repository, built by its script, with its
    // licence beside it; tests/console_font.rs checks what it holds.
    assert!(deploy("kiosk-console.psf.gz").is_file());
    let licence = read("kiosk-console.LICENSE");
    assert!(licence.contains("SIL OPEN FONT LICENSE Version 1.1"));
    assert!(licence.contains("Reserved Font Name \"Terminus Font\""));
    let docs = std::fs::read_to_string(manifest_dir().join("docs/deploy.md")).unwrap();
    assert!(docs.contains("deploy/kiosk-console.psf.gz /opt/kiosk/kiosk-console.psf.gz"));
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

// The Debian package (`cargo deb`; scripts/package.sh builds and checks
// it). These checks read Cargo.toml's [package.metadata.deb] and the files
// it names, so a broken package fails `cargo test` without cargo-deb.

/// How the `/opt/kiosk` set-up's paths become the package's, longest first.
const INSTALLED_PATHS: [(&str, &str); 9] = [
    (
        "/opt/kiosk/kiosk-console.psf.gz",
        "/usr/share/kiosk/kiosk-console.psf.gz",
    ),
    ("/opt/kiosk/kiosk.toml", "/etc/kiosk/kiosk.toml"),
    (
        "/opt/kiosk/kiosk-watchdog.sh",
        "/usr/libexec/kiosk/kiosk-watchdog.sh",
    ),
    (
        "/opt/kiosk/no-scroll-lock.map",
        "/usr/share/kiosk/no-scroll-lock.map",
    ),
    ("/opt/kiosk/docs/", "/usr/share/doc/kiosk/"),
    ("/opt/kiosk/data/", "/var/lib/kiosk/"),
    ("/opt/kiosk/data", "/var/lib/kiosk"),
    ("/opt/kiosk/kiosk", "/usr/bin/kiosk"),
    ("/opt/kiosk", "/var/lib/kiosk"),
];

fn packaged_unit(name: &str) -> String {
    read(&format!("debian/systemd/{name}"))
}

/// The lines systemd reads: no comments, no blank lines.
fn settings(unit: &str) -> Vec<String> {
    unit.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#') && !l.starts_with(';'))
        .map(str::to_string)
        .collect()
}

fn deb_metadata() -> toml::Table {
    let text = std::fs::read_to_string(manifest_dir().join("Cargo.toml")).unwrap();
    let manifest: toml::Table = toml::from_str(&text).unwrap();
    manifest["package"]["metadata"]["deb"]
        .as_table()
        .expect("[package.metadata.deb]")
        .clone()
}

/// Every file the package installs (no leading `/`), from `assets` and
/// the units cargo-deb finds in each `unit-scripts` folder.
fn packaged_files() -> Vec<String> {
    let deb = deb_metadata();
    let root = manifest_dir();
    let mut files = Vec::new();
    for asset in deb["assets"].as_array().expect("assets") {
        let fields: Vec<&str> = asset
            .as_array()
            .expect("[source, dest, mode]")
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        let [source, dest, mode] = fields[..] else {
            panic!("asset {asset:?} is not [source, dest, mode]")
        };
        assert!(
            u32::from_str_radix(mode, 8).is_ok_and(|m| m <= 0o755),
            "{source}: mode {mode}"
        );
        assert!(
            !dest.starts_with('/'),
            "{dest}: cargo-deb wants it relative"
        );
        let sources: Vec<String> = if let Some(built) = source.strip_prefix("target/release/") {
            vec![built.to_string()]
        } else if let Some((folder, pattern)) = source.rsplit_once('/')
            && let Some((before, after)) = pattern.split_once('*')
        {
            let mut names: Vec<String> = std::fs::read_dir(root.join(folder))
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .filter(|n| n.starts_with(before) && n.ends_with(after))
                .collect();
            names.sort();
            assert!(!names.is_empty(), "asset {source} matches no file");
            names
        } else {
            assert!(root.join(source).is_file(), "asset {source} does not exist");
            vec![source.rsplit('/').next().unwrap().to_string()]
        };
        for name in sources {
            files.push(if dest.ends_with('/') {
                format!("{dest}{name}")
            } else {
                dest.to_string()
            });
        }
    }
    for units in deb["systemd-units"].as_array().expect("systemd-units") {
        let folder = units["unit-scripts"].as_str().expect("unit-scripts");
        let name = units["unit-name"].as_str().expect("unit-name");
        for entry in std::fs::read_dir(root.join(folder)).unwrap() {
            let file = entry.unwrap().file_name().to_string_lossy().into_owned();
            if file.rsplit_once('.').is_some_and(|(stem, _)| stem == name) {
                files.push(format!("usr/lib/systemd/system/{file}"));
            }
        }
    }
    files
}

#[test]
fn the_packaged_config_differs_from_the_bundled_one_only_in_its_paths() {
    let bundled = std::fs::read_to_string(manifest_dir().join("kiosk.toml")).unwrap();
    let packaged = read("debian/kiosk.toml");
    let (bundled, packaged): (Vec<&str>, Vec<&str>) =
        (bundled.lines().collect(), packaged.lines().collect());
    assert_eq!(
        bundled.len(),
        packaged.len(),
        "deploy/debian/kiosk.toml has drifted from kiosk.toml"
    );
    let mut changed = Vec::new();
    for (n, (b, p)) in bundled.iter().zip(&packaged).enumerate() {
        if b == p {
            continue;
        }
        let key = b.split_once(" = ").map(|(k, _)| k);
        let packaged_key = p.split_once(" = ").map(|(k, _)| k);
        assert!(
            key.is_some() && key == packaged_key,
            "line {}: kiosk.toml has `{b}`, deploy/debian/kiosk.toml `{p}`",
            n + 1
        );
        changed.push(p.to_string());
    }
    assert_eq!(
        changed,
        [
            r#"content_dir = "/etc/kiosk/content""#,
            r#"log_dir = "/var/lib/kiosk/logs""#,
            r#"heartbeat_file = "/var/lib/kiosk/heartbeat""#,
            r#"database = "/var/lib/kiosk/checkins.db""#,
            r#"lock_file = "/var/lib/kiosk/staff.lock""#,
        ],
        "only the paths may differ, and they must be the installed ones"
    );
    // The slides it points at are the ones the package installs there.
    let files = packaged_files();
    assert!(
        files
            .iter()
            .any(|f| f == "etc/kiosk/content/000-welcome.md")
    );
}

#[test]
fn the_packaged_units_are_the_deploy_units_with_the_installed_paths() {
    for name in UNITS {
        let mut expected = read(name);
        for (from, to) in INSTALLED_PATHS {
            expected = expected.replace(from, to);
        }
        assert_eq!(
            settings(&packaged_unit(name)),
            settings(&expected),
            "deploy/debian/systemd/{name} has drifted from deploy/{name}"
        );
    }
}

#[test]
fn the_package_installs_every_file_its_units_and_config_name() {
    let files = packaged_files();
    let installed = |path: &str| files.iter().any(|f| f == path.trim_start_matches('/'));
    for path in [
        "/usr/bin/kiosk",
        "/etc/kiosk/kiosk.toml",
        "/usr/share/doc/kiosk/deploy.md",
        "/usr/share/doc/kiosk/README.md",
        "/usr/lib/systemd/system/kiosk.service",
        "/usr/lib/systemd/system/kiosk-watchdog.service",
        "/usr/lib/systemd/system/kiosk-watchdog.timer",
        "/usr/share/kiosk/kiosk-console.psf.gz",
        "/usr/share/doc/kiosk/kiosk-console.LICENSE",
    ] {
        assert!(installed(path), "the package does not install {path}");
    }
    // Settings are conffiles because they are in /etc; any listed by hand
    // must be there too.
    let deb = deb_metadata();
    for file in deb
        .get("conf-files")
        .and_then(|c| c.as_array())
        .into_iter()
        .flatten()
    {
        let file = file.as_str().unwrap();
        assert!(file.starts_with("/etc/"), "conf-file {file} is not in /etc");
        assert!(installed(file), "conf-file {file} is not installed");
    }
    // Every kiosk path the units name is installed, or is the data folder
    // that postinst creates.
    let postinst = read("debian/postinst");
    assert!(postinst.contains("install -d -m 0700 -o kiosk -g kiosk /var/lib/kiosk"));
    for name in UNITS {
        let unit = packaged_unit(name);
        for line in settings(&unit) {
            for word in line.split(|c: char| c.is_whitespace() || c == '=' || c == ':') {
                let path = word.trim_start_matches(['-', '+']);
                if !path.starts_with('/') || !path.contains("kiosk") || path.starts_with("/dev/") {
                    continue;
                }
                assert!(
                    installed(path) || path.starts_with("/var/lib/kiosk"),
                    "{name} names {path}, which the package does not install"
                );
            }
        }
    }
    let exec = one(&packaged_unit("kiosk.service"), "Service", "ExecStart");
    let cli = Cli::try_parse_from(exec.split_whitespace()).unwrap();
    assert!(matches!(cli.command, Some(KioskCommand::Run(_))));
    assert_eq!(cli.config, Path::new("/etc/kiosk/kiosk.toml"));
}

#[test]
fn the_maintainer_scripts_are_valid_shell_and_keep_data_until_purge() {
    use std::os::unix::fs::PermissionsExt;
    let deb = deb_metadata();
    let folder = deb["maintainer-scripts"].as_str().unwrap();
    for name in ["postinst", "postrm"] {
        let path = manifest_dir().join(folder).join(name);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains("#DEBHELPER#"), "{name} lacks #DEBHELPER#");
        let status = Command::new("sh").arg("-n").arg(&path).status().unwrap();
        assert!(status.success(), "sh -n {name}");
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o111, 0o111, "{name} is not executable");
    }
    let postinst = read("debian/postinst");
    assert!(postinst.contains("adduser --system --group --home /var/lib/kiosk"));
    assert!(postinst.contains("adduser --quiet kiosk tty"));
    assert!(postinst.contains("--add root kiosk 0640 /etc/kiosk/kiosk.toml"));
    let postrm = read("debian/postrm");
    let purge = postrm.split("purge)").nth(1).expect("a purge) branch");
    assert!(purge.contains("deleting /var/lib/kiosk"));
    assert!(purge.contains("rm -rf /var/lib/kiosk"));
    let remove = postrm
        .split("remove)")
        .nth(1)
        .unwrap()
        .split(";;")
        .next()
        .unwrap();
    assert!(!remove.contains("rm "), "remove must keep the data");
}
