//! Bad slide files, end to end: the real binary with a `content/` folder
//! holding an empty file, a binary file, a file that is not UTF-8, a
//! symbolic-link loop and a 10 MB file beside two good slides, and one good
//! slide going bad while it runs; and with no `content/` folder at all. The
//! kiosk starts (and keeps running), shows what it can, and reports each
//! problem by file name: on screen for staff, in its log, and in
//! `kiosk check`. (Each kind of bad file is read by the loader in
//! `tests/slides.rs`; this is what the whole program does with them.)
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use common::{PtyKiosk, Test, framed};
use kiosk::staff::{Pin, hash_pin};
use tempfile::TempDir;

/// A Monday morning: open until 6:00 PM.
const MONDAY_OPEN: &str = "2026-11-23T10:42:00-07:00";
const PIN: &str = "2468";
/// The kiosk is told of edits to the slide folder as they happen.
const RELOAD: Duration = Duration::from_secs(10);

/// The bad files and the words `kiosk check` and the log use for each.
const BAD: [(&str, &str); 6] = [
    ("020-empty.md", "this slide file is empty"),
    ("030-binary.md", "not a text file"),
    ("040-latin1.md", "not UTF-8 text"),
    ("050-loop-a.md", "this link leads nowhere"),
    ("051-loop-b.md", "this link leads nowhere"),
    ("060-big.md", "a slide may be at most 256 KiB"),
];

fn slide(title: &str, body: &str) -> String {
    format!("+++\ntitle = \"{title}\"\nduration = 2\n+++\n{body}\n")
}

/// A kiosk folder with a staff PIN, two-second slides and its log in
/// `logs/`; `content/` is made by each test.
fn site() -> TempDir {
    let dir = tempfile::Builder::new()
        .prefix("kiosk-e2e-bad-")
        .tempdir()
        .unwrap();
    let hash = hash_pin(&Pin::parse(PIN).unwrap()).unwrap();
    let config = format!(
        "[clinic]\nname = \"Bad Content Clinic\"\ntimezone = \"America/Denver\"\n\
         [hours]\nmonday = \"09:00-18:00\"\n\
         [kiosk]\ncontent_dir = \"content\"\nslide_seconds = 2\nlog_dir = \"logs\"\n\
         [staff]\npin_hash = \"{hash}\"\n"
    );
    fs::write(dir.path().join("kiosk.toml"), config).unwrap();
    dir
}

/// Two good slides and every kind of bad file.
fn fill_content(content: &Path) {
    use std::os::unix::fs::symlink;
    fs::create_dir(content).unwrap();
    fs::write(
        content.join("010-first.md"),
        slide("First", "First good text."),
    )
    .unwrap();
    fs::write(content.join("020-empty.md"), "").unwrap();
    fs::write(
        content.join("030-binary.md"),
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
    )
    .unwrap();
    fs::write(
        content.join("040-latin1.md"),
        b"+++\ntitle = \"Caf\xe9\"\n+++\nCaf\xe9.\n",
    )
    .unwrap();
    symlink(content.join("051-loop-b.md"), content.join("050-loop-a.md")).unwrap();
    symlink(content.join("050-loop-a.md"), content.join("051-loop-b.md")).unwrap();
    let mut big = slide("Big", "Big text.").into_bytes();
    big.resize(10 * 1024 * 1024, b'a');
    fs::write(content.join("060-big.md"), big).unwrap();
    fs::write(
        content.join("070-second.md"),
        slide("Second", "Second good text."),
    )
    .unwrap();
}

fn run(dir: &Path, cols: u16, rows: u16) -> PtyKiosk {
    let config = dir.join("kiosk.toml");
    let args = [
        "--config",
        config.to_str().unwrap(),
        "run",
        "--at",
        MONDAY_OPEN,
    ];
    PtyKiosk::spawn(args, cols, rows)
}

/// Everything the kiosk has logged so far (one file per day).
fn log_text(dir: &Path) -> String {
    let mut files: Vec<PathBuf> = fs::read_dir(dir.join("logs"))
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    files
        .iter()
        .map(|f| fs::read_to_string(f).unwrap_or_default())
        .collect()
}

/// Waits until the log mentions every one of `texts`.
fn wait_for_log(kiosk: &mut PtyKiosk, dir: &Path, texts: &[&str]) {
    let start = std::time::Instant::now();
    while !texts.iter().all(|t| log_text(dir).contains(t)) {
        assert!(kiosk.is_running(), "the kiosk stopped");
        if start.elapsed() > RELOAD {
            panic!("the log lacks one of {texts:?}:\n{}", log_text(dir));
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Opens the staff screen with the chord and the PIN.
fn open_staff(kiosk: &mut PtyKiosk) {
    kiosk.send(b"\x01s");
    kiosk.wait_for_text("Enter the staff PIN");
    kiosk.send(format!("{PIN}\r").as_bytes());
    kiosk.wait_for_text("Front desk");
}

#[test]
fn kiosk_check_names_every_bad_file() {
    let dir = site();
    fill_content(&dir.path().join("content"));
    let out = Test::in_dir(dir.path())
        .args(["check", "--at", MONDAY_OPEN])
        .any_stdout()
        .any_stderr()
        .status(2)
        .run();
    assert!(
        out.stdout
            .ends_with("Slides: 2 in content, 6 with errors, 0 warnings.\n"),
        "{}",
        out.stdout
    );
    for (file, problem) in BAD {
        assert!(
            out.stderr.contains(&format!("content/{file}")),
            "{file} is not named:\n{}",
            out.stderr
        );
        assert!(out.stderr.contains(problem), "{problem:?}:\n{}", out.stderr);
    }
    assert!(
        out.stderr
            .ends_with("6 slide problems found; those slides are not shown until fixed.\n"),
        "{}",
        out.stderr
    );
}

#[test]
fn bad_files_are_reported_while_good_slides_show_and_a_file_going_bad_is_noticed() {
    let dir = site();
    let content = dir.path().join("content");
    fill_content(&content);
    // Wide enough for each problem on one row of the staff screen.
    let mut kiosk = run(dir.path(), 200, 60);
    kiosk.wait_for_all(&["First good text.", "⚠ staff: 6 problems"]);
    kiosk.wait_for_text("Second good text.");
    let names: Vec<&str> = BAD.iter().map(|(file, _)| *file).collect();
    wait_for_log(&mut kiosk, dir.path(), &names);

    // A good slide goes bad while it runs: the kiosk keeps running, keeps
    // the slide's last good version, and tells staff and the log.
    fs::write(
        content.join("070-second.md"),
        b"+++\ntitle = \"Second\"\n+++\n\xff\xfe\0",
    )
    .unwrap();
    kiosk.wait_for_within(RELOAD, "the seventh problem", |s| {
        s.contains("⚠ staff: 7 problems")
    });
    wait_for_log(&mut kiosk, dir.path(), &["070-second.md"]);
    kiosk.wait_for_text("Second good text.");
    kiosk.wait_for_text("First good text.");
    assert!(kiosk.is_running(), "the kiosk stopped");

    open_staff(&mut kiosk);
    let screen = kiosk.screen_text();
    for file in names.iter().chain(&["070-second.md"]) {
        assert!(
            screen.contains(file),
            "{file} is not on the staff screen:\n{}",
            framed(&screen)
        );
    }
}

#[test]
fn a_missing_content_folder_is_reported_and_its_arrival_noticed() {
    let dir = site();
    let content = dir.path().join("content");
    let out = Test::in_dir(dir.path())
        .args(["check", "--at", MONDAY_OPEN])
        .any_stdout()
        .any_stderr()
        .status(2)
        .run();
    assert!(
        out.stderr.contains("cannot read the slides folder"),
        "{}",
        out.stderr
    );
    // The folder as kiosk.toml names it.
    assert!(out.stderr.contains(" --> content\n"), "{}", out.stderr);

    let mut kiosk = run(dir.path(), 100, 30);
    // The clinic's details instead of slides, and a note for staff.
    kiosk.wait_for_all(&[
        "Bad Content Clinic",
        "This week's hours",
        "⚠ staff: 1 problem",
    ]);
    wait_for_log(&mut kiosk, dir.path(), &["cannot read the slides folder"]);

    fs::create_dir(&content).unwrap();
    fs::write(
        content.join("010-hello.md"),
        slide("Hello", "Hello from a new folder."),
    )
    .unwrap();
    kiosk.wait_for_within(RELOAD, "the new folder's slide, and no problem", |s| {
        s.contains("Hello from a new folder.") && !s.contains("⚠ staff")
    });
    assert!(kiosk.is_running(), "the kiosk stopped");
}
