//! A PostgreSQL database of its own for each test: a fresh schema on the
//! test server (`KIOSK_TEST_PG_URL`, set by `scripts/pg-dev.sh` and
//! `.ci/run`), dropped at the end. When the variable is not set, the tests
//! start the throwaway server themselves with `scripts/pg-dev.sh`, so a
//! plain `cargo test` works where PostgreSQL is installed; where it cannot
//! be started, the test fails and says how: it is never skipped.
#![allow(dead_code, clippy::expect_used, clippy::unwrap_used, clippy::panic)]

use kiosk::store::PgStore;
use kiosk::store::postgres::{PgTarget, target};

pub const HOW_TO_START: &str = "the PostgreSQL tests need a server: run \
     `eval \"$(scripts/pg-dev.sh)\"` (it starts a throwaway one on port 54329 and sets \
     KIOSK_TEST_PG_URL), then run the tests again; .ci/run does this by itself";

/// The test server's URL: `KIOSK_TEST_PG_URL`, or the one
/// `scripts/pg-dev.sh` prints once it has started the server.
pub fn server_url() -> String {
    static STARTED: std::sync::OnceLock<Result<String, String>> = std::sync::OnceLock::new();
    if let Ok(url) = std::env::var("KIOSK_TEST_PG_URL")
        && !url.is_empty()
    {
        return url;
    }
    let started = STARTED.get_or_init(|| {
        let script = concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/pg-dev.sh");
        let out = std::process::Command::new("bash")
            .arg(script)
            .output()
            .map_err(|e| format!("cannot run {script}: {e}"))?;
        let stdout = String::from_utf8_lossy(&out.stdout);
        stdout
            .lines()
            .find_map(|l| l.strip_prefix("export KIOSK_TEST_PG_URL='"))
            .and_then(|rest| rest.strip_suffix('\''))
            .map(str::to_string)
            .filter(|_| out.status.success())
            .ok_or_else(|| String::from_utf8_lossy(&out.stderr).into_owned())
    });
    match started {
        Ok(url) => url.clone(),
        Err(why) => panic!(
            "KIOSK_TEST_PG_URL is not set and scripts/pg-dev.sh could not start a server ({}): {HOW_TO_START}",
            why.trim()
        ),
    }
}

/// A plain connection as the test role, for setting up and checking.
pub fn admin() -> postgres::Client {
    let url = server_url();
    postgres::Client::connect(&url, postgres::NoTls)
        .unwrap_or_else(|e| panic!("cannot reach the test server at {url} ({e}): {HOW_TO_START}"))
}

/// A schema of its own, dropped (with everything in it) when this goes.
pub struct Scratch {
    pub schema: String,
}

impl Scratch {
    pub fn new() -> Self {
        let schema = format!("t_{}", kiosk::store::new_key());
        admin()
            .batch_execute(&format!("CREATE SCHEMA {schema}"))
            .expect("a schema for the test");
        Self { schema }
    }

    /// The server's URL with this schema first on the search path, and its
    /// name as the connections' application name (to find them in
    /// `pg_stat_activity`).
    pub fn url(&self) -> String {
        let url = server_url();
        let sep = if url.contains('?') { '&' } else { '?' };
        format!(
            "{url}{sep}options=-c%20search_path%3D{0}&application_name={0}",
            self.schema
        )
    }

    pub fn target(&self) -> PgTarget {
        target(&self.url(), None).expect("the test URL reads")
    }

    /// A store on this schema for `site`, migrated.
    pub fn store(&self, site: &str) -> PgStore {
        PgStore::connect(self.target(), chrono_tz::America::Denver, site, true)
            .unwrap_or_else(|e| panic!("cannot open the store ({e}): {HOW_TO_START}"))
    }

    /// A plain connection working in this schema.
    pub fn client(&self) -> postgres::Client {
        let mut client = admin();
        client
            .batch_execute(&format!("SET search_path = {}", self.schema))
            .expect("search_path");
        client
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        if let Ok(mut client) = postgres::Client::connect(&server_url(), postgres::NoTls) {
            let _ = client.batch_execute(&format!("DROP SCHEMA {} CASCADE", self.schema));
        }
    }
}

/// `url` without its password, and the password (for a password file).
pub fn split_password(url: &str) -> (String, String) {
    let (scheme, rest) = url.split_once("://").expect("a URL");
    let (user_info, host) = rest.split_once('@').expect("a user in the test URL");
    let (user, password) = user_info.split_once(':').unwrap_or((user_info, ""));
    (format!("{scheme}://{user}@{host}"), password.to_string())
}
