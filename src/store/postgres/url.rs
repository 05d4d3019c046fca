//! Where the PostgreSQL server is and how to reach it: a libpq-style URL
//! (`postgresql://kiosk@db.clinic.lan/clinic?sslmode=verify-full`), the
//! password from a file (never from `kiosk.toml`), and TLS with rustls.

use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::{CryptoProvider, verify_tls12_signature, verify_tls13_signature};
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{ClientConfig, DigitallySignedStruct, RootCertStore, SignatureScheme};
use rustls_pki_types::pem::PemObject;

/// How the kiosk checks the server's certificate: libpq's `sslmode`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SslMode {
    /// No TLS.
    Disable,
    /// TLS when the server offers it, without checking who it is
    /// (libpq's default).
    Prefer,
    /// TLS always, without checking who the server is.
    Require,
    /// TLS always, with a certificate signed by a trusted authority for
    /// the host named in the URL (`verify-ca` is checked as strictly).
    VerifyFull,
}

/// What the store needs to connect.
#[derive(Clone, Debug)]
pub struct PgTarget {
    pub config: postgres::Config,
    pub ssl: SslMode,
    /// Extra authorities to trust (`sslrootcert`).
    pub root_cert: Option<PathBuf>,
    /// The URL without any password, for staff and logs.
    pub shown: String,
}

/// How long a statement may run before the server cancels it, so a hung
/// server cannot hold a check-in for long; the connection gets the same
/// limits for connecting and for an unanswered network.
pub const STATEMENT_TIMEOUT: Duration = Duration::from_secs(5);

/// Reads `url`; the password comes from the URL itself (for the command
/// line and tests), else from `password_file`, else from `PGPASSFILE` or
/// `~/.pgpass` like libpq. A password file readable by anyone but its
/// owner is refused.
pub fn target(url: &str, password_file: Option<&Path>) -> Result<PgTarget, String> {
    let (base, query) = url.split_once('?').unwrap_or((url, ""));
    let mut ssl = SslMode::Prefer;
    let mut root_cert = None;
    let mut kept = Vec::new();
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        match key {
            "sslmode" => {
                ssl = match value {
                    "disable" => SslMode::Disable,
                    "allow" | "prefer" => SslMode::Prefer,
                    "require" => SslMode::Require,
                    "verify-ca" | "verify-full" => SslMode::VerifyFull,
                    other => return Err(format!("unknown sslmode \"{other}\" in the store's URL")),
                }
            }
            "sslrootcert" => root_cert = Some(PathBuf::from(value)),
            _ => kept.push(pair),
        }
    }
    let rest = if kept.is_empty() {
        base.to_string()
    } else {
        format!("{base}?{}", kept.join("&"))
    };
    let mut config = postgres::Config::from_str(&rest)
        .map_err(|e| format!("the store's URL cannot be read: {e}"))?;
    let timeout = STATEMENT_TIMEOUT;
    // Added to any `options` the URL gives (a search_path, say).
    let options = format!(
        "{} -c statement_timeout={} -c lock_timeout={} -c idle_in_transaction_session_timeout=30000",
        config.get_options().unwrap_or_default(),
        timeout.as_millis(),
        timeout.as_millis()
    );
    config
        .options(&options)
        .connect_timeout(timeout)
        .tcp_user_timeout(timeout * 2)
        .keepalives(true)
        .keepalives_idle(Duration::from_secs(10))
        .ssl_mode(match ssl {
            SslMode::Disable => postgres::config::SslMode::Disable,
            SslMode::Prefer => postgres::config::SslMode::Prefer,
            SslMode::Require | SslMode::VerifyFull => postgres::config::SslMode::Require,
        });
    if config.get_application_name().is_none() {
        config.application_name("kiosk");
    }
    if config.get_user().is_none() {
        let user = std::env::var("PGUSER")
            .or_else(|_| std::env::var("USER"))
            .unwrap_or_else(|_| "kiosk".into());
        config.user(&user);
    }
    if config.get_password().is_none() {
        let password = match password_file {
            Some(file) => Some(read_password_file(file)?),
            None => from_pgpass(&config)?,
        };
        if let Some(password) = password {
            config.password(password);
        }
    }
    Ok(PgTarget {
        shown: shown(&config),
        config,
        ssl,
        root_cert,
    })
}

/// `postgresql://user@host:port/db`, never with the password.
fn shown(config: &postgres::Config) -> String {
    let host = match config.get_hosts().first() {
        Some(postgres::config::Host::Tcp(h)) => h.clone(),
        Some(postgres::config::Host::Unix(p)) => p.display().to_string(),
        None => "localhost".into(),
    };
    let port = config.get_ports().first().copied().unwrap_or(5432);
    format!(
        "postgresql://{}@{host}:{port}/{}",
        config.get_user().unwrap_or_default(),
        config.get_dbname().unwrap_or_default()
    )
}

/// Refuses a file that group or others may read or write: a password
/// anyone on the machine can read is not a secret.
fn owner_only(file: &Path) -> Result<(), String> {
    let meta = fs::metadata(file)
        .map_err(|e| format!("cannot read the password file {}: {e}", file.display()))?;
    if meta.mode() & 0o077 != 0 {
        return Err(format!(
            "the password file {} may be read by others (mode {:o}); make it owner-only: chmod 600 {}",
            file.display(),
            meta.mode() & 0o777,
            file.display()
        ));
    }
    Ok(())
}

/// The first line of `password_file`, without its line end.
fn read_password_file(file: &Path) -> Result<String, String> {
    owner_only(file)?;
    let text = fs::read_to_string(file)
        .map_err(|e| format!("cannot read the password file {}: {e}", file.display()))?;
    Ok(text.lines().next().unwrap_or_default().to_string())
}

/// The password for this server from `PGPASSFILE` or `~/.pgpass`
/// (`host:port:database:user:password`, `*` matching anything), if there
/// is such a file and it has a line for it.
fn from_pgpass(config: &postgres::Config) -> Result<Option<String>, String> {
    let file = match std::env::var_os("PGPASSFILE") {
        Some(f) => PathBuf::from(f),
        None => match std::env::var_os("HOME") {
            Some(home) => Path::new(&home).join(".pgpass"),
            None => return Ok(None),
        },
    };
    if !file.exists() {
        return Ok(None);
    }
    owner_only(&file)?;
    let text = fs::read_to_string(&file)
        .map_err(|e| format!("cannot read the password file {}: {e}", file.display()))?;
    let host = match config.get_hosts().first() {
        Some(postgres::config::Host::Tcp(h)) => h.clone(),
        _ => "localhost".into(),
    };
    let port = config
        .get_ports()
        .first()
        .copied()
        .unwrap_or(5432)
        .to_string();
    let wanted = [
        host.as_str(),
        port.as_str(),
        config.get_dbname().unwrap_or_default(),
        config.get_user().unwrap_or_default(),
    ];
    Ok(text.lines().find_map(|line| pgpass_match(line, &wanted)))
}

/// The password of a `.pgpass` line if its first four fields match
/// `wanted` (`\:` and `\\` are escapes).
fn pgpass_match(line: &str, wanted: &[&str; 4]) -> Option<String> {
    if line.starts_with('#') {
        return None;
    }
    let mut fields = Vec::new();
    let mut current = String::new();
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => current.extend(chars.next()),
            ':' if fields.len() < 4 => fields.push(std::mem::take(&mut current)),
            c => current.push(c),
        }
    }
    fields.push(current);
    if fields.len() != 5 {
        return None;
    }
    let matches = fields
        .iter()
        .zip(wanted)
        .all(|(field, want)| field == "*" || field == want);
    matches.then(|| fields.pop().unwrap_or_default())
}

/// The TLS set-up for `target`.
pub fn tls(target: &PgTarget) -> Result<tokio_postgres_rustls::MakeRustlsConnect, String> {
    // ring rather than aws-lc-rs: no C toolchain or cmake for the
    // Raspberry Pi cross-build. Its post-quantum key exchange is missing,
    // which a server on the clinic's own network does without.
    #[allow(deprecated)]
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let builder = ClientConfig::builder_with_provider(provider.clone())
        .with_safe_default_protocol_versions()
        .map_err(|e| format!("TLS cannot be set up: {e}"))?;
    let config = match target.ssl {
        SslMode::VerifyFull => {
            let mut roots = RootCertStore {
                roots: webpki_roots::TLS_SERVER_ROOTS.to_vec(),
            };
            if let Some(file) = &target.root_cert {
                let certs = CertificateDer::pem_file_iter(file)
                    .map_err(|e| format!("cannot read sslrootcert {}: {e}", file.display()))?;
                for cert in certs {
                    let cert = cert
                        .map_err(|e| format!("cannot read sslrootcert {}: {e}", file.display()))?;
                    roots
                        .add(cert)
                        .map_err(|e| format!("sslrootcert {}: {e}", file.display()))?;
                }
            }
            builder.with_root_certificates(roots).with_no_client_auth()
        }
        _ => builder
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(EncryptOnly(provider)))
            .with_no_client_auth(),
    };
    Ok(tokio_postgres_rustls::MakeRustlsConnect::new(config))
}

/// `sslmode=prefer` and `require`, as libpq: the connection is encrypted
/// but the server's certificate is not checked against an authority (the
/// handshake's signatures still are).
#[derive(Debug)]
struct EncryptOnly(Arc<CryptoProvider>);

impl ServerCertVerifier for EncryptOnly {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls12_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls13_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.signature_verification_algorithms.supported_schemes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn sslmode_and_rootcert_are_read_and_the_password_never_shown() -> Result<(), String> {
        let t = target(
            "postgresql://kiosk:secret@db.clinic.lan:6543/clinic?sslmode=verify-full&sslrootcert=/etc/kiosk/ca.pem",
            None,
        )?;
        assert_eq!(t.ssl, SslMode::VerifyFull);
        assert_eq!(t.root_cert, Some(PathBuf::from("/etc/kiosk/ca.pem")));
        assert_eq!(t.shown, "postgresql://kiosk@db.clinic.lan:6543/clinic");
        assert_eq!(t.config.get_password(), Some(&b"secret"[..]));
        assert!(target("postgresql://a@b/c?sslmode=sometimes", None).is_err());
        Ok(())
    }

    #[test]
    fn a_password_file_must_be_owner_only() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let file = dir.path().join("pw");
        fs::write(&file, "s3cret\n")?;
        fs::set_permissions(&file, fs::Permissions::from_mode(0o640))?;
        let refused = target("postgresql://kiosk@db/clinic", Some(&file));
        assert!(refused.is_err_and(|e| e.contains("chmod 600")));
        fs::set_permissions(&file, fs::Permissions::from_mode(0o600))?;
        let t = target("postgresql://kiosk@db/clinic", Some(&file))?;
        assert_eq!(t.config.get_password(), Some(&b"s3cret"[..]));
        Ok(())
    }

    #[test]
    fn pgpass_lines_match_like_libpq() {
        let want = ["db", "5432", "clinic", "kiosk"];
        assert_eq!(
            pgpass_match("db:5432:clinic:kiosk:pw", &want).as_deref(),
            Some("pw")
        );
        assert_eq!(
            pgpass_match("*:*:*:kiosk:a\\:b", &want).as_deref(),
            Some("a:b")
        );
        assert_eq!(pgpass_match("db:5432:other:kiosk:pw", &want), None);
        assert_eq!(pgpass_match("# db:5432:clinic:kiosk:pw", &want), None);
    }
}
