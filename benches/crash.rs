//! The kiosk killed with SIGKILL during check-ins: the release binary in a
//! pseudo-terminal, patients typing their check-ins one after another, and
//! the kiosk killed at random moments (while typing, right after the final
//! Enter, during the confirmation) and started again. After every kill the
//! database must pass `PRAGMA integrity_check`, hold every ticket the
//! screen confirmed under the right name, hold no patient twice, and number
//! its tickets 1, 2, 3 … without a gap or a repeat.
//!
//! Run with `scripts/crash.sh` (which builds the release binary first), or
//! `cargo bench --bench crash -- [options]`:
//!
//! ```text
//! --checkins N  check-ins attempted (default 1000)
//! --kills N     SIGKILLs (default 60)
//! --seed N      chooses the kill moments (default 1)
//! --kiosk PATH  the binary (default target/release/kiosk)
//! ```
//!
//! The same scenario runs in `cargo test` with 40 check-ins and 5 kills
//! (`tests/e2e_dbfaults/kill.rs`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../tests/common/mod.rs"]
mod common;
#[path = "../tests/e2e_dbfaults/crash.rs"]
mod crash;
#[path = "../tests/e2e_dbfaults/site.rs"]
mod site;
mod support;

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: scripts/crash.sh [--checkins N] [--kills N] [--seed N] [--kiosk PATH]";

fn options() -> Result<crash::Options, String> {
    let mut o = crash::Options {
        kiosk: support::release_kiosk(),
        checkins: 1000,
        kills: 60,
        seed: 1,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        let number = |name: &str, v: String| {
            v.parse::<u64>()
                .map_err(|_| format!("{name} takes a whole number, not {v:?}"))
        };
        match arg.as_str() {
            "--checkins" => o.checkins = number("--checkins", value("--checkins")?)? as usize,
            "--kills" => o.kills = number("--kills", value("--kills")?)? as usize,
            "--seed" => o.seed = number("--seed", value("--seed")?)?,
            "--kiosk" => o.kiosk = PathBuf::from(value("--kiosk")?),
            // `cargo bench` adds `--bench`; nothing else is expected.
            "--bench" => {}
            other => return Err(format!("unknown option {other:?}")),
        }
    }
    if o.kills > o.checkins {
        return Err("--kills cannot be more than --checkins".into());
    }
    Ok(o)
}

fn main() -> ExitCode {
    let options = match options() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("{e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    if !options.kiosk.is_file() {
        eprintln!(
            "{} not found: build it with `cargo build --release --bin kiosk`",
            options.kiosk.display()
        );
        return ExitCode::from(2);
    }
    println!(
        "{} check-ins, {} SIGKILLs, seed {}, {}",
        options.checkins,
        options.kills,
        options.seed,
        options.kiosk.display()
    );
    match crash::run(&options) {
        Ok(summary) => {
            println!("{}", summary.report());
            println!("every check: passed");
            ExitCode::SUCCESS
        }
        Err(problem) => {
            println!("FAILED: {problem}");
            ExitCode::FAILURE
        }
    }
}
