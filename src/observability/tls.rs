//! TLS for the metrics endpoint: a certificate and key from files, read again whenever either
//! file changes (a cert-manager renewal or a rotated Secret needs no restart), and optionally
//! client certificates required and verified against a CA file (mutual TLS).
//!
//! ```text
//! handshake ─► ReloadingCert::resolve ─► files' modification times changed? ─► read both,
//!   check the key matches the certificate ─► serve the new pair (or keep the old one, warned)
//! ```
//!
//! rustls speaks TLS 1.2 and 1.3 only, so older versions are refused by construction.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};
use rustls::server::{ClientHello, ResolvesServerCert, WebPkiClientVerifier};
use rustls::sign::CertifiedKey;
use rustls::{RootCertStore, ServerConfig};
use thiserror::Error;

/// Why TLS cannot be set up.
#[derive(Debug, Error)]
pub enum TlsError {
    #[error("cannot read {file}: {cause}")]
    Unreadable { file: String, cause: String },
    #[error("{file} holds no PEM certificate")]
    NoCertificate { file: String },
    #[error("{file} holds no PEM private key")]
    NoKey { file: String },
    #[error("the private key in {key} does not belong to the certificate in {cert}")]
    Mismatch { cert: String, key: String },
    #[error("{file}: {cause}")]
    Invalid { file: String, cause: String },
}

/// The certificate and key files.
#[derive(Clone, Debug)]
pub struct CertFiles {
    pub cert: PathBuf,
    pub key: PathBuf,
}

impl CertFiles {
    fn modified(&self) -> Stamp {
        let time = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
        Some((time(&self.cert)?, time(&self.key)?))
    }

    /// Reads the pair and checks that the key is the certificate's.
    fn load(&self) -> Result<Arc<CertifiedKey>, TlsError> {
        let cert_name = self.cert.display().to_string();
        let key_name = self.key.display().to_string();
        let chain = read_certificates(&self.cert)?;
        let key_pem = std::fs::read(&self.key)
            .map_err(|e| TlsError::Unreadable { file: key_name.clone(), cause: e.to_string() })?;
        let key = PrivateKeyDer::from_pem_slice(&key_pem).map_err(|_| TlsError::NoKey { file: key_name.clone() })?;
        let provider = rustls::crypto::ring::default_provider();
        let certified = CertifiedKey::from_der(chain, key, &provider).map_err(|e| match e {
            rustls::Error::InconsistentKeys(_) => TlsError::Mismatch { cert: cert_name.clone(), key: key_name.clone() },
            e => TlsError::Invalid { file: key_name.clone(), cause: e.to_string() },
        })?;
        Ok(Arc::new(certified))
    }
}

fn read_certificates(path: &Path) -> Result<Vec<CertificateDer<'static>>, TlsError> {
    let file = path.display().to_string();
    let pem = std::fs::read(path).map_err(|e| TlsError::Unreadable { file: file.clone(), cause: e.to_string() })?;
    let chain: Vec<CertificateDer<'static>> = CertificateDer::pem_slice_iter(&pem)
        .collect::<Result<_, _>>()
        .map_err(|e| TlsError::Invalid { file: file.clone(), cause: e.to_string() })?;
    if chain.is_empty() {
        return Err(TlsError::NoCertificate { file });
    }
    Ok(chain)
}

/// The two files' modification times, when both could be read.
type Stamp = Option<(SystemTime, SystemTime)>;

/// The serving certificate, read again when its files change.
#[derive(Debug)]
struct ReloadingCert {
    files: CertFiles,
    current: Mutex<(Stamp, Arc<CertifiedKey>)>,
}

impl ResolvesServerCert for ReloadingCert {
    fn resolve(&self, _hello: ClientHello<'_>) -> Option<Arc<CertifiedKey>> {
        let mut current = self.current.lock().unwrap_or_else(|p| p.into_inner());
        let modified = self.files.modified();
        if modified.is_some() && modified != current.0 {
            match self.files.load() {
                Ok(fresh) => {
                    tracing::info!(cert = %self.files.cert.display(), "serving certificate reloaded");
                    *current = (modified, fresh);
                }
                // Half-way through a replacement (a new certificate, the old key): the pair in
                // use stays until both files agree; it is tried again at the next handshake.
                Err(e) => tracing::warn!(error = %e, "serving certificate not reloaded; the previous one stays"),
            }
        }
        Some(current.1.clone())
    }
}

/// The server's TLS configuration: `files` served (and watched), client certificates required
/// and verified against `client_ca` when given.
pub fn server_config(files: &CertFiles, client_ca: Option<&Path>) -> Result<Arc<ServerConfig>, TlsError> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let first = files.load()?;
    let resolver = ReloadingCert { files: files.clone(), current: Mutex::new((files.modified(), first)) };
    let builder = ServerConfig::builder_with_provider(provider.clone())
        .with_protocol_versions(&[&rustls::version::TLS12, &rustls::version::TLS13])
        .map_err(|e| TlsError::Invalid { file: files.cert.display().to_string(), cause: e.to_string() })?;
    let builder = match client_ca {
        Some(ca) => {
            let mut roots = RootCertStore::empty();
            for cert in read_certificates(ca)? {
                roots
                    .add(cert)
                    .map_err(|e| TlsError::Invalid { file: ca.display().to_string(), cause: e.to_string() })?;
            }
            let verifier = WebPkiClientVerifier::builder_with_provider(Arc::new(roots), provider)
                .build()
                .map_err(|e| TlsError::Invalid { file: ca.display().to_string(), cause: e.to_string() })?;
            builder.with_client_cert_verifier(verifier)
        }
        None => builder.with_no_client_auth(),
    };
    let mut config = builder.with_cert_resolver(Arc::new(resolver));
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    Ok(Arc::new(config))
}

/// The user a verified client certificate names: its subject's common name, and its
/// organizations as groups (as Kubernetes reads client certificates).
pub fn certificate_user(cert: &CertificateDer<'_>) -> Option<(String, Vec<String>)> {
    let (_, parsed) = x509_parser::parse_x509_certificate(cert.as_ref()).ok()?;
    let subject = parsed.subject();
    let name = subject.iter_common_name().next()?.as_str().ok()?.to_string();
    let groups = subject.iter_organization().filter_map(|o| o.as_str().ok().map(str::to_string)).collect();
    Some((name, groups))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_files_name_the_file() {
        let files = CertFiles { cert: "/nonexistent/tls.crt".into(), key: "/nonexistent/tls.key".into() };
        let e = server_config(&files, None).unwrap_err();
        assert!(e.to_string().starts_with("cannot read /nonexistent/tls.crt"), "{e}");
    }

    #[test]
    fn a_file_without_pem_says_so() {
        let dir = std::env::temp_dir().join(format!("tmcctl-tls-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("tls.crt"), "not a certificate\n").unwrap();
        std::fs::write(dir.join("tls.key"), "not a key\n").unwrap();
        let files = CertFiles { cert: dir.join("tls.crt"), key: dir.join("tls.key") };
        let e = server_config(&files, None).unwrap_err();
        assert!(matches!(e, TlsError::NoCertificate { .. }), "{e}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
