//! Every connection tmcctl makes: kubeconfig loading (`--kubeconfig`, merged `KUBECONFIG`,
//! `--context`), the kcp workspace URL (`/clusters/<path>`), pooled clients with their limits,
//! timeouts, and typed errors.
//!
//! ```text
//! ConnectionSettings ─► Connection ─(clones share)─► Pool: one kube::Client per server origin
//!                        │  url = origin + base path + /clusters/<workspace | logical cluster>
//!                        └─► every request: deadline ─► retry ─► rate + in-flight limits ─► HTTP
//! ```
//!
//! A [`Connection`] is cheap to clone and to re-point ([`Connection::for_workspace`],
//! [`Connection::for_logical_cluster`]): every clone sends through the same pooled client,
//! so thousands of workspaces share one connection pool and one TLS session per server.
//! Nothing outside this module builds a `kube::Client`.

mod access;
mod discovery;
mod error;
pub mod kcp;
mod kubeconfig;
mod limits;
mod objects;
mod redact;
pub mod stored;
mod transport;
pub mod workspace;

use std::collections::HashMap;
use std::future::Future;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

pub use discovery::ServedResource;
pub use error::{ClientError, Endpoint, ExecFailure};
pub use kcp::ServerInfo;
pub use kubeconfig::{contexts_in, ClusterCredentials};
pub use limits::RequestLimits;
pub use objects::{ApplyOptions, ObjectList, Resource, WatchEvent, WatchedObject};
pub use stored::{CredentialsTrust, StoredCredentialsError};
pub use workspace::{ServerUrl, WorkspacePath};

/// Makes ring the process's rustls crypto provider (once; later calls do nothing). reqwest,
/// under the S3 store and the trace exporter, is built without a provider of its own and
/// takes the process's: ring, as kube uses, so there is one TLS stack and one provider.
pub fn use_ring_for_tls() {
    let _ = rustls::crypto::ring::default_provider().install_default();
}

use limits::Limiter;
use transport::Flight;

/// How to connect, as resolved from flags, environment and config before any command runs.
#[derive(Clone, Debug, Default)]
pub struct ConnectionSettings {
    /// `--kubeconfig`; when unset, `KUBECONFIG` (a merged list) or `~/.kube/config`.
    pub kubeconfig: Option<PathBuf>,
    /// `--context`; when unset, the kubeconfig's current context.
    pub context: Option<String>,
    /// `--workspace`; when unset, the workspace in the context's server URL.
    pub workspace: Option<WorkspacePath>,
    /// Deadline for each request; `None` waits forever (`--request-timeout=0`).
    pub request_timeout: Option<Duration>,
    /// Rate and in-flight limits of the requests sent.
    pub limits: RequestLimits,
}

/// A resolved connection to one server (kcp or plain Kubernetes) through one context.
#[derive(Clone)]
pub struct Connection {
    pool: Arc<Pool>,
    server: ServerUrl,
    target: Option<WorkspacePath>,
    /// A `/clusters/<segment>` that is not a workspace path: a logical cluster name or `*`.
    cluster: Option<String>,
    request_timeout: Option<Duration>,
}

/// What every clone of a connection shares: the configuration, the limits, and the clients.
struct Pool {
    /// Credentials and TLS, with the cluster URL set to the server's origin.
    config: kube::Config,
    context: String,
    /// The kubeconfig user of the context, for messages.
    user: String,
    certificate_expiry: Option<jiff::Timestamp>,
    origin: String,
    limiter: Arc<Limiter>,
    /// The client for requests, built on first use (building needs the async runtime).
    requests: Mutex<Option<kube::Client>>,
    /// Clients for watches, without a read deadline, one per URL prefix watched.
    watches: Mutex<HashMap<String, kube::Client>>,
}

impl Connection {
    /// Loads the kubeconfig and selects the context. Makes no network call.
    pub async fn open(settings: &ConnectionSettings) -> Result<Self, ClientError> {
        let loaded = kubeconfig::load(settings).await?;
        Self::from_loaded(loaded, settings.workspace.clone(), settings.request_timeout, settings.limits)
    }

    /// A connection to a physical cluster through its stored credentials.
    pub async fn to_cluster(
        credentials: &ClusterCredentials,
        request_timeout: Option<Duration>,
        limits: RequestLimits,
    ) -> Result<Self, ClientError> {
        credentials.check()?;
        let source = format!("credentials of context \"{}\"", credentials.context());
        let loaded = kubeconfig::select(credentials.kubeconfig(), None, &source).await?;
        Self::from_loaded(loaded, None, request_timeout, limits)
    }

    fn from_loaded(
        loaded: kubeconfig::LoadedConfig,
        workspace: Option<WorkspacePath>,
        request_timeout: Option<Duration>,
        limits: RequestLimits,
    ) -> Result<Self, ClientError> {
        let server = ServerUrl::parse(&loaded.server);
        let target = workspace.or_else(|| server.workspace.clone());
        let mut config = loaded.config;
        config.connect_timeout = request_timeout;
        config.read_timeout = request_timeout;
        config.write_timeout = request_timeout;
        // kube's own retry layer would repeat any request up to 15 times; ours is bounded
        // and repeats only idempotent requests.
        config.default_retry = false;
        if let Some(expiry) = loaded.certificate_expiry {
            warn_if_expiring(&loaded.context, &loaded.user, expiry);
        }
        let mut pool = Pool::new(config, loaded.context, loaded.user, &server.base, Arc::new(Limiter::new(limits)))?;
        pool.certificate_expiry = loaded.certificate_expiry;
        Ok(Connection { pool: Arc::new(pool), server, target, cluster: None, request_timeout })
    }

    /// The kubeconfig context in use.
    pub fn context(&self) -> &str {
        &self.pool.context
    }

    /// The kubeconfig user of the context.
    pub fn user(&self) -> &str {
        &self.pool.user
    }

    /// When the context's client certificate expires, if it has one.
    pub fn certificate_expiry(&self) -> Option<jiff::Timestamp> {
        self.pool.certificate_expiry
    }

    /// The workspace commands act on: `--workspace`, else the one in the server URL.
    pub fn workspace(&self) -> Option<&WorkspacePath> {
        self.target.as_ref()
    }

    /// The URL of the target workspace (or of the plain server).
    pub fn url(&self) -> String {
        match &self.cluster {
            Some(segment) => format!("{}/clusters/{segment}", self.server.base),
            None => self.server.resolve(self.target.as_ref()),
        }
    }

    /// A connection to an APIExport virtual workspace at `url`, addressing every bound
    /// workspace at once (`{url}/clusters/*`). It shares this connection's pool when the
    /// URL is on the same server.
    pub fn virtual_workspace(&self, url: &str) -> Result<Connection, ClientError> {
        let base = url.trim_end_matches('/').to_string();
        let pool = if origin_of(&base) == self.pool.origin {
            self.pool.clone()
        } else {
            let mut pool = Pool::new(
                self.pool.config.clone(),
                self.pool.context.clone(),
                self.pool.user.clone(),
                &base,
                self.pool.limiter.clone(),
            )?;
            pool.certificate_expiry = self.pool.certificate_expiry;
            Arc::new(pool)
        };
        Ok(Connection {
            pool,
            server: ServerUrl { base, workspace: None },
            target: None,
            cluster: Some("*".into()),
            request_timeout: self.request_timeout,
        })
    }

    /// The same connection addressing one logical cluster by name (`/clusters/<name>`), as
    /// objects seen through a virtual workspace name it in their `kcp.io/cluster` annotation.
    pub fn for_logical_cluster(&self, name: &str) -> Connection {
        Connection { cluster: Some(name.to_string()), ..self.clone() }
    }

    /// The same connection pointed at another workspace of the same kcp.
    pub fn for_workspace(&self, workspace: &WorkspacePath) -> Connection {
        Connection { target: Some(workspace.clone()), cluster: None, ..self.clone() }
    }

    /// The same connection with another deadline per request.
    pub fn with_request_timeout(&self, request_timeout: Option<Duration>) -> Connection {
        Connection { request_timeout, ..self.clone() }
    }

    /// How many answers of this connection's server said 429 (Too Many Requests).
    pub fn throttled_requests(&self) -> u64 {
        self.pool.limiter.throttled()
    }

    /// How many requests this connection's server was sent (every attempt, watches included).
    pub fn requests_sent(&self) -> u64 {
        self.pool.limiter.sent()
    }

    fn endpoint(&self) -> Endpoint {
        Endpoint {
            context: self.pool.context.clone(),
            user: self.pool.user.clone(),
            url: self.url(),
            proxy: self.pool.config.proxy_url.as_ref().map(|p| redact_userinfo(&p.to_string())),
        }
    }

    /// The path of this connection's URL below the server's origin, prefixed to every request.
    fn path_prefix(&self) -> String {
        self.url()[self.pool.origin.len()..].to_string()
    }

    /// The pooled client for requests.
    fn client(&self) -> Result<kube::Client, ClientError> {
        let mut slot = self.pool.requests.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(client) = slot.as_ref() {
            return Ok(client.clone());
        }
        let client =
            transport::build(self.pool.config.clone(), &self.endpoint(), self.pool.limiter.clone(), Flight::Counted)?;
        *slot = Some(client.clone());
        Ok(client)
    }

    /// The pooled client for watches of this connection's URL (no read deadline: a watch
    /// waits for events).
    fn watch_client(&self) -> Result<kube::Client, ClientError> {
        let url = self.url();
        let mut watches = self.pool.watches.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(client) = watches.get(&url) {
            return Ok(client.clone());
        }
        let mut config = self.pool.config.clone();
        config.read_timeout = None;
        config.cluster_url = url.parse().map_err(|e: http::uri::InvalidUri| ClientError::Kubeconfig {
            source_name: format!("context \"{}\"", self.pool.context),
            cause: format!("server URL {url} is invalid: {e}"),
        })?;
        let client = transport::build(config, &self.endpoint(), self.pool.limiter.clone(), Flight::LongRunning)?;
        watches.insert(url, client.clone());
        Ok(client)
    }

    /// Runs one request with the request deadline, classifying its error.
    async fn call<T, F>(&self, request: F) -> Result<T, ClientError>
    where
        F: Future<Output = Result<T, kube::Error>>,
    {
        let outcome = match self.request_timeout {
            Some(limit) => tokio::time::timeout(limit, request).await.map_err(|_| ClientError::Timeout {
                url: self.url(),
                context: self.pool.context.clone(),
                after: limit,
            })?,
            None => request.await,
        };
        outcome.map_err(|e| match ClientError::from_kube(e, &self.endpoint()) {
            ClientError::Timeout { url, context, .. } => {
                ClientError::Timeout { url, context, after: self.request_timeout.unwrap_or_default() }
            }
            other => other,
        })
    }
}

impl Pool {
    fn new(
        mut config: kube::Config,
        context: String,
        user: String,
        url: &str,
        limiter: Arc<Limiter>,
    ) -> Result<Self, ClientError> {
        let origin = origin_of(url);
        config.cluster_url = origin.parse().map_err(|e: http::uri::InvalidUri| ClientError::Kubeconfig {
            source_name: format!("context \"{context}\""),
            cause: format!("server URL {url} is invalid: {e}"),
        })?;
        Ok(Pool {
            config,
            context,
            user,
            certificate_expiry: None,
            origin,
            limiter,
            requests: Mutex::new(None),
            watches: Mutex::new(HashMap::new()),
        })
    }
}

/// How long before a client certificate expires tmcctl starts to warn.
const CERTIFICATE_WARNING: std::time::Duration = std::time::Duration::from_secs(7 * 24 * 3600);

/// Warns (once per connection opened) about a client certificate that expires within
/// [`CERTIFICATE_WARNING`] or has expired: the server would answer only "unauthorized".
fn warn_if_expiring(context: &str, user: &str, expiry: jiff::Timestamp) {
    let now = jiff::Timestamp::now();
    if expiry <= now {
        tracing::warn!("the client certificate of user \"{user}\" in context \"{context}\" expired at {expiry}");
    } else if expiry.duration_since(now).unsigned_abs() < CERTIFICATE_WARNING {
        tracing::warn!("the client certificate of user \"{user}\" in context \"{context}\" expires at {expiry}");
    }
}

/// A proxy URL without its `user:password@`, for messages.
fn redact_userinfo(url: &str) -> String {
    let after_scheme = url.find("://").map_or(0, |i| i + 3);
    match url[after_scheme..].find('@') {
        Some(at) => format!("{}{}", &url[..after_scheme], &url[after_scheme + at + 1..]),
        None => url.to_string(),
    }
}

/// `scheme://host:port` of a URL (the whole string when it has no path).
fn origin_of(url: &str) -> String {
    let after_scheme = url.find("://").map_or(0, |i| i + 3);
    match url[after_scheme..].find('/') {
        Some(slash) => url[..after_scheme + slash].to_string(),
        None => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn proxy_passwords_stay_out_of_messages() {
        assert_eq!(redact_userinfo("http://u:secret@proxy:3128/"), "http://proxy:3128/");
        assert_eq!(redact_userinfo("http://proxy:3128/"), "http://proxy:3128/");
    }

    #[test]
    fn origins_drop_the_path() {
        assert_eq!(origin_of("https://127.0.0.1:6443/clusters/root"), "https://127.0.0.1:6443");
        assert_eq!(origin_of("https://kcp.example/services/apiexport/x/y"), "https://kcp.example");
        assert_eq!(origin_of("https://10.0.0.1:6443"), "https://10.0.0.1:6443");
    }
}
