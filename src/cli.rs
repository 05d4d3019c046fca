//! The command line: parsing arguments and running the chosen command.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::{DateTime, Days, NaiveDate, Utc};
use clap::{Args, Parser, Subcommand};

use crate::clock::Clock;
use crate::commands;
pub use crate::commands::checkins::{CheckinsCommand, DayArgs, ListArgs, PurgeArgs};
use crate::config::{Config, demo_path, last_good};
use crate::desk;
use crate::diagnostic::render_all;
use crate::slides::load_deck;
use crate::status::StatusReport;
use crate::store::{PurgeRules, Store};

/// A full-screen kiosk for a clinic waiting room: educational slides, a live
/// OPEN / CLOSED sign, and check-in.
#[derive(Debug, Parser)]
#[command(name = "kiosk", version, about, long_about = None)]
pub struct Cli {
    /// The configuration file. Relative paths inside it are read from its
    /// folder.
    #[arg(long, global = true, value_name = "PATH", default_value = "kiosk.toml")]
    pub config: PathBuf,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Start the full-screen kiosk (the default).
    Run(RunArgs),
    /// Print whether the clinic is open and when that changes.
    Status(StatusArgs),
    /// Check the configuration and every slide; print a summary and every
    /// problem found.
    Check(CheckArgs),
    /// Print a slide as the kiosk would draw it, as plain text.
    Preview(PreviewArgs),
    /// Print, for the coming days, what the sign will say and which slides
    /// will play when.
    Timeline(TimelineArgs),
    /// For the front desk: list or purge the check-ins stored by the kiosk.
    #[command(subcommand)]
    Checkins(CheckinsCommand),
    /// For the front desk: today's queue, live and full screen; call
    /// patients and mark them seen or no-show. q, Esc or Ctrl-C quits.
    Desk(DeskArgs),
    /// For staff: set the PIN that opens staff mode on the kiosk.
    #[command(subcommand)]
    Staff(StaffCommand),
    /// For IT: the shared PostgreSQL store (`[store] url`): bring its
    /// schema up to date, or copy this kiosk's SQLite history onto it.
    #[command(subcommand)]
    Store(commands::store::StoreCommand),
}

#[derive(Debug, Subcommand)]
pub enum StaffCommand {
    /// Set or change the staff PIN (4 to 8 digits). It is asked for twice
    /// without being shown, and only its hash is written, as `pin_hash` in
    /// the [staff] table of kiosk.toml; the rest of the file is left as it
    /// is. For provisioning scripts: when standard input is not a terminal,
    /// the PIN is read from it instead, twice, one per line.
    SetPin,
}

#[derive(Debug, Args)]
pub struct DeskArgs {
    /// Start the desk's clock at this moment (RFC 3339); it runs on from
    /// there. For demonstrations and tests.
    #[arg(long, value_name = "TIME", value_parser = parse_instant)]
    pub at: Option<DateTime<Utc>>,
    /// With a shared store: the site whose queue to show; default
    /// `[clinic] site`.
    #[arg(long, value_name = "NAME")]
    pub site: Option<String>,
}

#[derive(Debug, Default, Args)]
pub struct RunArgs {
    /// Start the kiosk's clock at this moment (RFC 3339, e.g.
    /// 2026-11-23T17:45:00-07:00); it runs on from there.
    #[arg(long, value_name = "TIME", value_parser = parse_instant)]
    pub at: Option<DateTime<Utc>>,
    /// Run the kiosk's clock this many times faster than real time (for
    /// demonstrations and long tests).
    #[arg(long, value_name = "FACTOR", default_value_t = 1.0, value_parser = parse_speed)]
    pub speed: f64,
    /// Development mode: Ctrl-C quits, and the screen says so.
    #[arg(long)]
    pub dev: bool,
}

#[derive(Debug, Args)]
pub struct StatusArgs {
    /// The moment to ask about (RFC 3339); default now.
    #[arg(long, value_name = "TIME", value_parser = parse_instant)]
    pub at: Option<DateTime<Utc>>,
    /// Print one JSON object instead of a line of text.
    #[arg(long)]
    pub json: bool,
    /// The language to write it in (en, es, or one added in locales/);
    /// default the clinic's default language.
    #[arg(long, value_name = "LANG")]
    pub lang: Option<String>,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Summarise the week starting at this moment (RFC 3339); default now.
    #[arg(long, value_name = "TIME", value_parser = parse_instant)]
    pub at: Option<DateTime<Utc>>,
}

#[derive(Debug, Args)]
pub struct PreviewArgs {
    /// The slide file, e.g. content/010-what-is-acupuncture.md.
    pub file: PathBuf,
    /// Screen width in columns.
    #[arg(long, default_value_t = 80, value_parser = clap::value_parser!(u16).range(1..=1000))]
    pub width: u16,
    /// Screen height in rows.
    #[arg(long, default_value_t = 24, value_parser = clap::value_parser!(u16).range(1..=1000))]
    pub height: u16,
    /// Draw it as at this moment (RFC 3339); default now.
    #[arg(long, value_name = "TIME", value_parser = parse_instant)]
    pub at: Option<DateTime<Utc>>,
    /// The language to write it in (en, es, or one added in locales/);
    /// default the clinic's default language.
    #[arg(long, value_name = "LANG")]
    pub lang: Option<String>,
}

#[derive(Debug, Args)]
pub struct TimelineArgs {
    /// Start here (RFC 3339); default now.
    #[arg(long, value_name = "TIME", value_parser = parse_instant)]
    pub from: Option<DateTime<Utc>>,
    /// How many days to cover.
    #[arg(long, default_value_t = 7, value_parser = clap::value_parser!(u32).range(1..=366))]
    pub days: u32,
    /// The language to write it in (en, es, or one added in locales/);
    /// default the clinic's default language.
    #[arg(long, value_name = "LANG")]
    pub lang: Option<String>,
}

pub(crate) fn parse_instant(text: &str) -> Result<DateTime<Utc>, String> {
    DateTime::parse_from_rfc3339(text.trim())
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| {
            format!("{e}; write a moment in RFC 3339 form, e.g. 2026-11-23T17:45:00-07:00")
        })
}

pub(crate) fn parse_date(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|e| format!("{e}; write a date as YYYY-MM-DD, e.g. 2026-11-23"))
}

fn parse_speed(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(speed) if speed.is_finite() && (0.001..=100_000.0).contains(&speed) => Ok(speed),
        _ => Err("give a number from 0.001 to 100000, e.g. 60 for a minute per second".into()),
    }
}

/// Exit codes, as documented in the README.
pub use crate::commands::exit;

/// Parses the arguments, runs the command and returns its exit code.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() {
                exit::INVALID
            } else {
                exit::OK
            });
        }
    };
    ExitCode::from(run(cli))
}

fn run(cli: Cli) -> u8 {
    // Works on a kiosk.toml the kiosk would refuse, so that a broken
    // pin_hash can be replaced.
    if let Some(Command::Staff(StaffCommand::SetPin)) = cli.command {
        return commands::set_pin::main(&cli.config);
    }
    let command = cli.command.unwrap_or(Command::Run(RunArgs {
        speed: 1.0,
        ..RunArgs::default()
    }));
    let config = match Config::load(&cli.config) {
        Ok(config) => config,
        Err(e) => {
            return match command {
                // The waiting room never sees an error: it sees the last
                // good copy, or a calm set-up screen.
                Command::Run(args) if std::io::stdout().is_terminal() => {
                    commands::run::run_without_config(&cli.config, e, args)
                }
                Command::Check(_) => {
                    eprint!("{e}");
                    if let Some(copy) = last_good::exists_for(&cli.config) {
                        let note = crate::i18n::english().f(
                            "check-last-good",
                            &[("path", copy.display().to_string().into())],
                        );
                        eprintln!("{note}");
                    }
                    exit::INVALID
                }
                _ => {
                    eprint!("{e}");
                    exit::INVALID
                }
            };
        }
    };
    match command {
        Command::Run(args) => commands::run::run_kiosk(config, args, None),
        Command::Status(args) => status(&config, args),
        Command::Check(args) => check(&config, args.at.unwrap_or_else(Utc::now)),
        Command::Preview(args) => preview(&config, &args),
        Command::Timeline(args) => timeline(&config, &args),
        Command::Checkins(command) => checkins(&config, command),
        Command::Staff(StaffCommand::SetPin) => commands::set_pin::main(&config.path),
        Command::Desk(args) => run_desk(&config, &args),
        Command::Store(command) => match commands::store::run(&config, &command) {
            Ok(out) => print_out(&out),
            Err(e) => {
                eprintln!("error: {e}");
                exit::FAILURE
            }
        },
    }
}

fn run_desk(config: &Config, args: &DeskArgs) -> u8 {
    if desk::require_pin(config) && config.staff.pin_hash.is_none() {
        eprintln!("error: {}", crate::i18n::english().t("desk-pin-not-set"));
        return exit::INVALID;
    }
    if !std::io::stdout().is_terminal() {
        eprintln!("error: {}", crate::i18n::english().t("desk-needs-terminal"));
        return exit::FAILURE;
    }
    // A demonstration clock works on the demonstration's own files, like
    // the kiosk's (see `run_kiosk`).
    let mut config = match args.at {
        Some(_) => config.clone().for_demonstration(),
        None => config.clone(),
    };
    if let Some(site) = &args.site {
        config.clinic.site.clone_from(site);
    }
    let store = match crate::store_choice::open(&config) {
        Ok(store) => store,
        Err(e) => {
            eprintln!("error: {e}");
            return exit::FAILURE;
        }
    };
    let clock = args
        .at
        .map_or(Clock::System, |at| Clock::starting_at(at, 1.0));
    match desk::runtime::run(&config, store, clock) {
        Ok(()) => exit::OK,
        Err(e) => {
            eprintln!("error: the desk stopped: {e}");
            exit::FAILURE
        }
    }
}

fn checkins(config: &Config, command: CheckinsCommand) -> u8 {
    let tz = config.schedule.tz;
    let demo = match &command {
        CheckinsCommand::List(args) => args.demo,
        CheckinsCommand::Summary(args) | CheckinsCommand::History(args) => args.demo,
        CheckinsCommand::Purge(_) => false,
    };
    let database = if demo {
        demo_path(&config.checkin.database)
    } else {
        config.checkin.database.clone()
    };
    let mut config = config.clone();
    if let CheckinsCommand::List(args) = &command {
        if let Some(site) = &args.site {
            config.clinic.site.clone_from(site);
        }
        if args.all_sites
            && let Some(shared) = crate::store_choice::connect_shared(&config)
        {
            let listed =
                shared.and_then(|mut s| commands::checkins::list_all_sites(&mut s, tz, args));
            return match listed {
                Ok(out) => print_out(&out),
                Err(e) => {
                    eprintln!("error: {e}");
                    exit::FAILURE
                }
            };
        }
    }
    // A demonstration's check-ins are in their own SQLite file, never on
    // the shared server.
    let opened = if demo {
        Store::open(&database, tz).map(|s| Box::new(s) as Box<dyn crate::store::Checkins>)
    } else {
        crate::store_choice::open(&config)
    };
    let result = opened.and_then(|mut store| match command {
        CheckinsCommand::List(args) => commands::checkins::list(store.as_mut(), tz, &args),
        CheckinsCommand::Summary(args) => commands::checkins::summary(store.as_mut(), tz, &args),
        CheckinsCommand::History(args) => commands::checkins::history(store.as_mut(), tz, &args),
        CheckinsCommand::Purge(args) => {
            let days = args.older_than.unwrap_or(config.checkin.retention_days);
            let cutoff = commands::checkins::today(tz, args.at)
                .checked_sub_days(Days::new(days.into()))
                .unwrap_or(NaiveDate::MIN);
            let rules = PurgeRules {
                keep_from: None,
                trust_clock: args.trust_clock,
            };
            let deleted = store.purge_older_than(cutoff, rules)?;
            let plural = if deleted == 1 { "" } else { "s" };
            Ok(format!(
                "Deleted {deleted} check-in{plural} from before {cutoff}.\n"
            ))
        }
    });
    match result {
        Ok(out) => print_out(&out),
        Err(e) => {
            eprintln!("error: {e}");
            exit::FAILURE
        }
    }
}

/// The messages for `--lang` (or the clinic's default language), or why
/// there are none.
fn language(config: &Config, lang: Option<&str>) -> Result<(crate::i18n::Catalog, String), u8> {
    let catalog = config.catalog();
    let code = lang.unwrap_or(&config.kiosk.default_language).trim();
    if catalog.knows(code) {
        return Ok((catalog, code.to_string()));
    }
    eprintln!(
        "error: there are no messages for the language {:?}; use one of {}, or add locales/{}/ beside kiosk.toml",
        crate::sanitize::printable(code),
        catalog.languages().join(", "),
        crate::sanitize::printable(code)
    );
    Err(exit::INVALID)
}

fn status(config: &Config, args: StatusArgs) -> u8 {
    let (catalog, code) = match language(config, args.lang.as_deref()) {
        Ok(found) => found,
        Err(code) => return code,
    };
    let w = catalog.words(&code);
    let at = args.at.unwrap_or_else(Utc::now);
    let report = StatusReport::new_in(&config.schedule, config.kiosk.closing_soon, at, w);
    let out = if args.json {
        serde_json::to_string(&report.to_json(&config.schedule, w)).unwrap_or_default()
    } else {
        report.line(w)
    };
    print_out(&format!("{out}\n"))
}

fn check(config: &Config, at: DateTime<Utc>) -> u8 {
    let report = commands::check::check(config, at);
    eprint!("{}", report.problems_text());
    let code = print_out(&report.summary);
    if report.errors.is_empty() && report.message_errors.is_empty() {
        code
    } else {
        exit::INVALID
    }
}

fn preview(config: &Config, args: &PreviewArgs) -> u8 {
    let (catalog, code) = match language(config, args.lang.as_deref()) {
        Ok(found) => found,
        Err(code) => return code,
    };
    let at = args.at.unwrap_or_else(Utc::now);
    let size = (args.width, args.height);
    let lang = (std::sync::Arc::new(catalog), code.as_str());
    match commands::preview::preview(config, &args.file, size, at, lang) {
        Ok(text) => print_out(&text),
        Err(problems) => {
            eprint!("{}", render_all(&problems));
            exit::INVALID
        }
    }
}

fn timeline(config: &Config, args: &TimelineArgs) -> u8 {
    let (catalog, code) = match language(config, args.lang.as_deref()) {
        Ok(found) => found,
        Err(code) => return code,
    };
    let from = args.from.unwrap_or_else(Utc::now);
    let deck = load_deck(&config.kiosk.content_dir);
    if !deck.problems.is_empty() {
        eprint!("{}", render_all(&deck.problems));
    }
    let w = catalog.words(&code);
    let changes = commands::timeline::changes(config, &deck, from, args.days, w);
    print_out(&commands::timeline::render(config, &deck, &changes, w))
}

fn print_out(text: &str) -> u8 {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => exit::OK,
        Err(_) => exit::FAILURE,
    }
}
