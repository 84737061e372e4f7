//! Where the controller reads and writes: the hub, in one of three shapes.
//!
//! | shape | watches through | writes through | lease in |
//! |---|---|---|---|
//! | every bound workspace (default on kcp) | `{endpoint}/clusters/*` of the TMC APIExport's endpoint slice | `{endpoint}/clusters/<logical cluster>` | the provider workspace |
//! | one workspace (`--workspace`) | the workspace | the workspace | the workspace |
//! | plain Kubernetes (CRDs) | the server | the server | the server |
//!
//! Objects seen through a virtual workspace carry `kcp.io/cluster`; that logical-cluster name
//! (never a `root:org:ws` path) is what writes address.

use std::sync::Arc;
use std::time::Duration;

use crate::client::{ClientError, Connection, WorkspacePath};
use crate::install::EXPORT_NAME;

use super::workload_types::ExportLocation;

/// How often to look again for the export's endpoint while no workspace binds it.
const ENDPOINT_POLL: Duration = Duration::from_secs(1);

/// Which workspaces the controller serves.
#[derive(Clone, Debug)]
pub enum Scope {
    /// Every workspace that binds the TMC APIExport of this provider workspace.
    AllBound {
        /// Where the APIExport (and the leader Lease) live.
        provider: WorkspacePath,
    },
    /// One kcp workspace, addressed by path.
    Workspace(WorkspacePath),
    /// A plain Kubernetes server with the TMC CRDs.
    Plain,
}

/// The resolved hub.
#[derive(Clone)]
pub struct Hub {
    /// What is watched: one connection per export endpoint (shard), or the one workspace.
    pub watch: Vec<Connection>,
    /// Where the Lease lives.
    pub lease: Connection,
    /// The logical cluster of objects that carry no `kcp.io/cluster` annotation.
    pub default_cluster: Arc<str>,
    /// In words, for the log and the start-up line.
    pub description: String,
    shape: Shape,
}

#[derive(Clone)]
enum Shape {
    /// Through the export's virtual workspaces; the provider workspace's path.
    Export(WorkspacePath),
    Direct(Connection),
}

impl Hub {
    /// Resolves `scope` against kcp. For every bound workspace, waits until the export has an
    /// endpoint (it has none until the first workspace binds it).
    pub async fn resolve(kcp: &Connection, scope: &Scope) -> Result<Hub, ClientError> {
        match scope {
            Scope::Plain => Ok(Hub::direct(kcp.clone(), kcp.url(), "")),
            Scope::Workspace(workspace) => {
                let connection = kcp.for_workspace(workspace);
                Ok(Hub::direct(connection, format!("workspace {workspace}"), workspace.as_str()))
            }
            Scope::AllBound { provider } => {
                let provider_connection = kcp.for_workspace(provider);
                let mut announced = false;
                loop {
                    let urls = provider_connection.export_endpoint_urls(EXPORT_NAME).await?;
                    if !urls.is_empty() {
                        let watch = urls.iter().map(|u| kcp.virtual_workspace(u)).collect::<Result<Vec<_>, _>>()?;
                        return Ok(Hub {
                            watch,
                            lease: provider_connection,
                            default_cluster: Arc::from(""),
                            description: format!("every workspace bound to {EXPORT_NAME} of {provider}"),
                            shape: Shape::Export(provider.clone()),
                        });
                    }
                    if !announced {
                        tracing::info!(provider = %provider, "no workspace binds the TMC APIExport yet; waiting for one");
                        announced = true;
                    }
                    tokio::time::sleep(ENDPOINT_POLL).await;
                }
            }
        }
    }

    fn direct(connection: Connection, description: String, default_cluster: &str) -> Hub {
        Hub {
            watch: vec![connection.clone()],
            lease: connection.clone(),
            default_cluster: Arc::from(default_cluster),
            description,
            shape: Shape::Direct(connection),
        }
    }

    /// The connection that writes objects of `logical_cluster`.
    pub fn writer(&self, logical_cluster: &str) -> Connection {
        match &self.shape {
            Shape::Direct(connection) => connection.clone(),
            // One shard in practice; with several, each object is written back where it was
            // watched, which the logical cluster's name alone does not say, so the first
            // endpoint is used. (Multi-shard kcp is not supported yet.)
            Shape::Export(_) => self.watch[0].for_logical_cluster(logical_cluster),
        }
    }

    /// The provider workspace, when every bound workspace is served through its export.
    pub fn provider(&self) -> Option<&WorkspacePath> {
        match &self.shape {
            Shape::Export(provider) => Some(provider),
            Shape::Direct(_) => None,
        }
    }

    /// Where the TMC APIExport (and so the synced workload types) can be read; `None` on a
    /// plain Kubernetes hub.
    pub fn export_location(&self) -> Option<ExportLocation<'_>> {
        match &self.shape {
            Shape::Export(_) => Some(ExportLocation::Provider(&self.lease)),
            Shape::Direct(connection) if !self.default_cluster.is_empty() => Some(ExportLocation::Binding(connection)),
            Shape::Direct(_) => None,
        }
    }
}
