//! `kiosk run`: the full-screen kiosk on the real or a demonstration
//! clock; with a `kiosk.toml` that does not load, on its last good copy or
//! behind the set-up screen.

use std::io::IsTerminal;

use chrono::{Timelike, Utc};

use super::exit;
use crate::cli::RunArgs;
use crate::clock::Clock;
use crate::config::{Config, ConfigError, last_good};
use crate::diagnostic::Diagnostic;
use crate::i18n::english;
use crate::runtime::{self, RunOptions};

/// `kiosk run` on a terminal with a `kiosk.toml` that does not load: the
/// last good copy, or the set-up screen until the file is fixed.
pub fn run_without_config(path: &std::path::Path, error: ConfigError, args: RunArgs) -> u8 {
    let problems = match error {
        ConfigError::Invalid(problems) => problems,
        ConfigError::Unreadable { path, error } => vec![Diagnostic::whole_file(
            &path.display().to_string(),
            english().f(
                "config-unreadable",
                &[("why", crate::config::io_reason(&error).into())],
            ),
        )],
    };
    if let Some((config, saved)) = last_good::load(path) {
        let saved = chrono::DateTime::<Utc>::from(saved).with_timezone(&config.schedule.tz);
        let saved = saved.naive_local();
        let saved = english().f(
            "staff-saved-at",
            &[
                ("date", english().long_date(saved.date()).into()),
                ("time", english().time(saved.hour(), saved.minute()).into()),
            ],
        );
        return run_kiosk(config, args, Some((problems, saved)));
    }
    match runtime::fallback::set_up_screen(path, args.dev) {
        Ok(Some(config)) => run_kiosk(config, args, None),
        Ok(None) => exit::OK,
        Err(e) => {
            eprintln!("error: the kiosk stopped: {e}");
            exit::FAILURE
        }
    }
}

pub fn run_kiosk(
    config: Config,
    args: RunArgs,
    on_last_good: Option<(Vec<Diagnostic>, String)>,
) -> u8 {
    if !std::io::stdout().is_terminal() {
        eprintln!(
            "error: the kiosk needs a terminal to draw on; run it from a console or terminal window"
        );
        return exit::FAILURE;
    }
    let clock = match args.at {
        Some(at) => Clock::starting_at(at, args.speed),
        None if args.speed != 1.0 => Clock::starting_at(Utc::now(), args.speed),
        None => Clock::System,
    };
    // A clock that is not the real one must never purge or add to the
    // clinic's list, nor lock staff out of the real kiosk.
    let config = match clock {
        Clock::System => config,
        _ => config.for_demonstration(),
    };
    match runtime::run(
        config,
        RunOptions {
            clock,
            dev: args.dev,
            on_last_good,
        },
    ) {
        Ok(()) => exit::OK,
        Err(e) => {
            eprintln!("error: the kiosk stopped: {e}");
            exit::FAILURE
        }
    }
}
