//! Every connection tmcctl makes: kubeconfig loading (`--kubeconfig`, merged `KUBECONFIG`,
//! `--context`), the kcp workspace URL (`/clusters/<path>`), timeouts, and typed errors.
//!
//! Settings flow in as a [`ConnectionSettings`]; out come [`Connection`]s whose methods return
//! plain values or a [`ClientError`]. Nothing outside this module builds a `kube::Client`.

mod error;
pub mod kcp;
mod kubeconfig;
mod objects;
mod redact;
mod transport;
pub mod workspace;

use std::future::Future;
use std::path::PathBuf;
use std::time::Duration;

pub use error::{ClientError, Endpoint, ExecFailure};
pub use kcp::ServerInfo;
pub use kubeconfig::ClusterCredentials;
pub use objects::{ApplyOptions, ObjectList, Resource, WatchedObject};
pub use workspace::{ServerUrl, WorkspacePath};

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
}

/// A resolved connection to one server (kcp or plain Kubernetes) through one context.
#[derive(Clone)]
pub struct Connection {
    config: kube::Config,
    context: String,
    server: ServerUrl,
    target: Option<WorkspacePath>,
    request_timeout: Option<Duration>,
}

impl Connection {
    /// Loads the kubeconfig and selects the context. Makes no network call.
    pub async fn open(settings: &ConnectionSettings) -> Result<Self, ClientError> {
        let loaded = kubeconfig::load(settings).await?;
        Ok(Self::from_loaded(loaded, settings.workspace.clone(), settings.request_timeout))
    }

    /// A connection to a physical cluster through its stored credentials.
    pub async fn to_cluster(
        credentials: &ClusterCredentials,
        request_timeout: Option<Duration>,
    ) -> Result<Self, ClientError> {
        let source = format!("credentials of context \"{}\"", credentials.context());
        let loaded = kubeconfig::select(credentials.kubeconfig(), None, &source).await?;
        Ok(Self::from_loaded(loaded, None, request_timeout))
    }

    fn from_loaded(
        loaded: kubeconfig::LoadedConfig,
        workspace: Option<WorkspacePath>,
        request_timeout: Option<Duration>,
    ) -> Self {
        let server = ServerUrl::parse(&loaded.server);
        let target = workspace.or_else(|| server.workspace.clone());
        let mut config = loaded.config;
        config.connect_timeout = request_timeout;
        config.read_timeout = request_timeout;
        config.write_timeout = request_timeout;
        Connection { config, context: loaded.context, server, target, request_timeout }
    }

    /// The same connection without a read deadline, for watches that wait for events.
    pub fn for_watching(&self) -> Connection {
        let mut watching = self.clone();
        watching.config.read_timeout = None;
        watching.request_timeout = None;
        watching
    }

    /// The kubeconfig context in use.
    pub fn context(&self) -> &str {
        &self.context
    }

    /// The workspace commands act on: `--workspace`, else the one in the server URL.
    pub fn workspace(&self) -> Option<&WorkspacePath> {
        self.target.as_ref()
    }

    /// The URL of the target workspace (or of the plain server).
    pub fn url(&self) -> String {
        self.server.resolve(self.target.as_ref())
    }

    /// A connection to an APIExport virtual workspace at `url`, addressing every bound
    /// workspace at once (`{url}/clusters/*`).
    pub fn virtual_workspace(&self, url: &str) -> Connection {
        let base = format!("{}/clusters/*", url.trim_end_matches('/'));
        Connection { server: ServerUrl { base, workspace: None }, target: None, ..self.clone() }
    }

    /// The same connection pointed at another workspace of the same kcp.
    pub fn for_workspace(&self, workspace: &WorkspacePath) -> Connection {
        Connection { target: Some(workspace.clone()), ..self.clone() }
    }

    fn endpoint(&self) -> Endpoint {
        Endpoint { context: self.context.clone(), url: self.url() }
    }

    fn client(&self) -> Result<kube::Client, ClientError> {
        let mut config = self.config.clone();
        let url = self.url();
        config.cluster_url = url.parse().map_err(|e: http::uri::InvalidUri| ClientError::Kubeconfig {
            source_name: format!("context \"{}\"", self.context),
            cause: format!("server URL {url} is invalid: {e}"),
        })?;
        transport::build(config, &self.endpoint())
    }

    /// Runs one request with the request deadline, classifying its error.
    async fn call<T, F>(&self, request: F) -> Result<T, ClientError>
    where
        F: Future<Output = Result<T, kube::Error>>,
    {
        let outcome = match self.request_timeout {
            Some(limit) => tokio::time::timeout(limit, request).await.map_err(|_| ClientError::Timeout {
                url: self.url(),
                context: self.context.clone(),
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
