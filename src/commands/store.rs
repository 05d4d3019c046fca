//! `kiosk store`: the shared PostgreSQL store's schema, and moving a
//! single kiosk's SQLite history onto it.

use std::path::PathBuf;

use clap::{Args, Subcommand};

use crate::config::Config;
use crate::i18n::english;
use crate::store::{PgStore, Store, StoreError, postgres};

#[derive(Debug, Subcommand)]
pub enum StoreCommand {
    /// Bring the schema of the server in `[store] url` up to date (run it
    /// as the role that owns the tables; the kiosk does it at start unless
    /// `migrate = false`).
    Migrate,
    /// Copy every check-in of the SQLite file (`[checkin] database`) to a
    /// PostgreSQL server, under this machine's site (or --site). Running
    /// it again copies only what is missing; the counts are checked before
    /// anything is kept.
    Copy(CopyArgs),
}

#[derive(Debug, Args)]
pub struct CopyArgs {
    /// The server: postgresql://user@host/database (the password from
    /// --password-file, PGPASSFILE or ~/.pgpass).
    #[arg(long, value_name = "URL")]
    pub to: String,
    /// A file holding the password (owner-only).
    #[arg(long, value_name = "PATH")]
    pub password_file: Option<PathBuf>,
    /// The site the copied check-ins belong to; default `[clinic] site`.
    #[arg(long, value_name = "NAME")]
    pub site: Option<String>,
}

/// Runs a `kiosk store` command; the text to print, or the error.
pub fn run(config: &Config, command: &StoreCommand) -> Result<String, StoreError> {
    match command {
        StoreCommand::Migrate => {
            let url = config.store.url.as_deref().ok_or_else(|| StoreError::Other {
                path: config.path.clone(),
                detail: "it names no [store] url; the SQLite file brings its own schema up to date whenever it is opened".into(),
            })?;
            let target = target(url, config.store.password_file.as_deref())?;
            let shown = target.shown.clone();
            let mut store = PgStore::connect_only(target, config.schedule.tz, &config.clinic.site)?;
            let (from, to) = store.migrate()?;
            Ok(format!(
                "{}\n",
                english().f(
                    if from == to {
                        "store-migrated-same"
                    } else {
                        "store-migrated"
                    },
                    &[
                        ("store", shown.as_str().into()),
                        ("from", from.into()),
                        ("to", to.into()),
                    ],
                )
            ))
        }
        StoreCommand::Copy(args) => {
            let from = Store::open(&config.checkin.database, config.schedule.tz)?;
            let target = target(&args.to, args.password_file.as_deref())?;
            let site = args.site.as_deref().unwrap_or(&config.clinic.site);
            let mut to = PgStore::connect(target, config.schedule.tz, site, true)?;
            let done = from.copy_to(&mut to)?;
            Ok(format!(
                "{}\n",
                english().f(
                    "store-copied",
                    &[
                        ("copied", done.copied.into()),
                        ("already", done.already.into()),
                        ("total", done.checked.into()),
                    ],
                )
            ))
        }
    }
}

fn target(
    url: &str,
    password_file: Option<&std::path::Path>,
) -> Result<postgres::PgTarget, StoreError> {
    postgres::target(url, password_file).map_err(|detail| StoreError::Other {
        path: url.into(),
        detail,
    })
}
