//! Which store the settings name: the SQLite file of `[checkin] database`,
//! or the PostgreSQL server of `[store] url` shared by several machines.

use crate::config::Config;
use crate::store::{Checkins, PgStore, Store, StoreError, postgres};

/// Connects to the server of `[store] url` for this machine's site.
/// `None` when the settings name no server.
pub fn connect_shared(config: &Config) -> Option<Result<PgStore, StoreError>> {
    let url = config.store.url.as_deref()?;
    let target = match postgres::target(url, config.store.password_file.as_deref()) {
        Ok(target) => target,
        Err(detail) => {
            return Some(Err(StoreError::Other {
                path: url.into(),
                detail,
            }));
        }
    };
    Some(PgStore::connect(
        target,
        config.schedule.tz,
        &config.clinic.site,
        config.store.migrate,
    ))
}

/// The store the settings name, opened: the server's when `[store] url`
/// is set, else the SQLite file (made if missing).
pub fn open(config: &Config) -> Result<Box<dyn Checkins>, StoreError> {
    match connect_shared(config) {
        Some(shared) => Ok(Box::new(shared?)),
        None => Ok(Box::new(Store::open(
            &config.checkin.database,
            config.schedule.tz,
        )?)),
    }
}
