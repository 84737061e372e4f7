//! The flags that protect the metrics endpoint, shared by `controller run` and `metrics serve`:
//! TLS from certificate files (reloaded when they change), client certificates, and
//! authentication and authorization of scrapers against an API server (see
//! [`crate::observability::auth`]).

use std::path::PathBuf;

use clap::Args;

use crate::client::{Connection, ConnectionSettings};
use crate::error::{CliError, ExitKind};
use crate::observability::auth::Authorizer;
use crate::observability::tls::{server_config, CertFiles};
use crate::observability::Protection;

/// `--tls-cert-file`, `--tls-private-key-file`, `--client-ca-file`, `--authn-authz`.
#[derive(Debug, Args, Clone, Default)]
#[command(next_help_heading = "Metrics endpoint security")]
pub struct ServingArgs {
    /// Serve over TLS (1.2 or 1.3) with this PEM certificate chain; read again when the file
    /// changes, without a restart.
    #[arg(long, value_name = "FILE", requires = "tls_private_key_file")]
    pub tls_cert_file: Option<PathBuf>,
    /// The PEM private key of --tls-cert-file.
    #[arg(long, value_name = "FILE", requires = "tls_cert_file")]
    pub tls_private_key_file: Option<PathBuf>,
    /// Require a client certificate signed by a CA in this PEM file (mutual TLS).
    #[arg(long, value_name = "FILE", requires = "tls_cert_file")]
    pub client_ca_file: Option<PathBuf>,
    /// Let only authorized scrapers read /metrics: a bearer token is checked with a
    /// TokenReview (a client certificate names its user itself), then `get /metrics` with a
    /// SubjectAccessReview. /healthz and /readyz stay open. Needs TLS.
    #[arg(long, requires = "tls_cert_file")]
    pub authn_authz: bool,
    /// Send those reviews to the API server of this kubeconfig's current context (where the
    /// scrapers' ServiceAccounts live) instead of the one tmcctl connects to.
    #[arg(long, value_name = "FILE", requires = "authn_authz")]
    pub authn_authz_kubeconfig: Option<PathBuf>,
}

impl ServingArgs {
    /// `https` or `http`, for the start-up line.
    pub fn scheme(&self) -> &'static str {
        if self.tls_cert_file.is_some() {
            "https"
        } else {
            "http"
        }
    }

    /// Reads the certificate files and opens the review connection; every mistake is found
    /// here, before anything is served.
    pub async fn protection(&self, connection: &Connection) -> Result<Protection, CliError> {
        let tls = match (&self.tls_cert_file, &self.tls_private_key_file) {
            (Some(cert), Some(key)) => {
                let files = CertFiles { cert: cert.clone(), key: key.clone() };
                Some(server_config(&files, self.client_ca_file.as_deref()).map_err(|e| {
                    CliError::new(ExitKind::Config, format!("cannot serve metrics over TLS: {e}"))
                        .with_hint("--tls-cert-file and --tls-private-key-file take PEM files (as kubernetes.io/tls Secrets hold them)")
                })?)
            }
            _ => None,
        };
        let authorizer = if self.authn_authz {
            let reviews = match &self.authn_authz_kubeconfig {
                Some(file) => {
                    let settings =
                        ConnectionSettings { kubeconfig: Some(file.clone()), ..ConnectionSettings::default() };
                    Connection::open(&settings).await?
                }
                None => connection.clone(),
            };
            Some(Authorizer::new(reviews))
        } else {
            None
        };
        Ok(Protection { tls, authorizer })
    }
}
