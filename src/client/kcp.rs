//! kcp-specific requests: is this server kcp, which version is it, workspaces (create, wait
//! until Ready) and waiting for an APIBinding to be bound.

use std::time::{Duration, Instant};

use k8s_openapi::apimachinery::pkg::apis::meta::v1::{APIGroupList, APIResourceList};
use serde_json::{json, Value};

use super::{ClientError, Connection, Resource, WorkspacePath};

/// How often to poll while waiting for a workspace or a binding.
const POLL_INTERVAL: Duration = Duration::from_millis(250);

/// kcp's workspace type.
pub fn workspaces() -> Resource {
    Resource::new("tenancy.kcp.io", "v1alpha1", "Workspace", "workspaces", false)
}

/// kcp's APIResourceSchema: an immutable CRD-like schema an APIExport publishes.
pub fn api_resource_schemas() -> Resource {
    Resource::new("apis.kcp.io", "v1alpha1", "APIResourceSchema", "apiresourceschemas", false)
}

/// kcp's APIExport.
pub fn api_exports() -> Resource {
    Resource::new("apis.kcp.io", "v1alpha2", "APIExport", "apiexports", false)
}

/// kcp's APIBinding.
pub fn api_bindings() -> Resource {
    Resource::new("apis.kcp.io", "v1alpha2", "APIBinding", "apibindings", false)
}

/// kcp's APIExportEndpointSlice: where controllers reach an export's virtual workspace.
pub fn api_export_endpoint_slices() -> Resource {
    Resource::new("apis.kcp.io", "v1alpha1", "APIExportEndpointSlice", "apiexportendpointslices", false)
}

/// Kubernetes' CustomResourceDefinition.
pub fn custom_resource_definitions() -> Resource {
    Resource::new("apiextensions.k8s.io", "v1", "CustomResourceDefinition", "customresourcedefinitions", false)
}

/// What `/version` and discovery say about a server.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ServerInfo {
    /// The server's `gitVersion`.
    pub git_version: String,
    /// Whether the server serves kcp's `apis.kcp.io` group, i.e. is a kcp workspace.
    pub is_kcp: bool,
}

impl Connection {
    /// Asks `/version` and discovery what this server is.
    pub async fn server_info(&self) -> Result<ServerInfo, ClientError> {
        let version: k8s_openapi::apimachinery::pkg::version::Info = self.get_path("/version").await?;
        let groups: APIGroupList = self.get_path("/apis").await?;
        let is_kcp = groups.groups.iter().any(|g| g.name == "apis.kcp.io");
        Ok(ServerInfo { git_version: version.git_version, is_kcp })
    }

    /// How far the server's clock is from this machine's: its `Date` header (whole seconds)
    /// against our clock half-way through the request. `None` when it sends no `Date`.
    pub async fn clock_offset(&self) -> Result<Option<jiff::SignedDuration>, ClientError> {
        let request = http::Request::get(format!("{}/version", self.path_prefix()))
            .body(kube::client::Body::empty())
            .map_err(|e| ClientError::Invalid { message: format!("GET /version: {e}") })?;
        let client = self.client()?;
        let sent = jiff::Timestamp::now();
        let response = self.call(client.send(request)).await?;
        let received = jiff::Timestamp::now();
        let middle = sent + received.duration_since(sent) / 2;
        let date = response.headers().get(http::header::DATE).and_then(|d| d.to_str().ok());
        Ok(date.and_then(|d| jiff::fmt::rfc2822::parse(d).ok()).map(|server| server.timestamp().duration_since(middle)))
    }

    /// GETs a path below this connection's URL (discovery, `/version`).
    pub(super) async fn get_path<T: serde::de::DeserializeOwned>(&self, path: &str) -> Result<T, ClientError> {
        let request = http::Request::get(format!("{}{path}", self.path_prefix()))
            .body(Vec::new())
            .map_err(|e| ClientError::Invalid { message: format!("GET {path}: {e}") })?;
        let client = self.client()?;
        self.call(client.request(request)).await
    }

    /// Whether `workspace` exists (asked of its parent). A top-level path always exists.
    pub async fn workspace_exists(&self, workspace: &WorkspacePath) -> Result<bool, ClientError> {
        let Some((parent, name)) = workspace.split_parent() else { return Ok(true) };
        let found = self.for_workspace(&parent).get(&workspaces(), None, name).await;
        match found {
            Ok(found) => Ok(found.is_some()),
            // A missing parent answers 403 or 404 depending on kcp's authorizer.
            Err(ClientError::NotFound { .. } | ClientError::Forbidden { .. }) => Ok(false),
            Err(e) => Err(e),
        }
    }

    /// Creates `workspace` and any missing ancestors, waiting for each to be Ready.
    /// Returns the paths it created.
    pub async fn ensure_workspace(
        &self,
        workspace: &WorkspacePath,
        timeout: Duration,
    ) -> Result<Vec<WorkspacePath>, ClientError> {
        let mut created = Vec::new();
        for path in workspace.lineage() {
            let Some((parent, name)) = path.split_parent() else { continue };
            let parent_conn = self.for_workspace(&parent);
            if parent_conn.get(&workspaces(), None, name).await?.is_none() {
                let object = json!({
                    "apiVersion": "tenancy.kcp.io/v1alpha1",
                    "kind": "Workspace",
                    "metadata": { "name": name },
                });
                match parent_conn.create(&workspaces(), &object).await {
                    Ok(_) => created.push(path.clone()),
                    Err(ClientError::Conflict { .. }) => {}
                    Err(e) => return Err(e),
                }
            }
            let what = format!("workspace {path} to be Ready");
            parent_conn
                .wait_for(&workspaces(), None, name, &what, timeout, |ws| ws["status"]["phase"] == "Ready")
                .await?;
        }
        Ok(created)
    }

    /// Turns the error of a request into "workspace X does not exist" when that is the cause:
    /// kcp answers requests to a missing workspace with 403 or 404, which alone mislead.
    pub async fn explain_workspace(&self, err: ClientError) -> ClientError {
        if !matches!(err, ClientError::Forbidden { .. } | ClientError::NotFound { .. }) {
            return err;
        }
        match self.target.as_ref() {
            Some(ws) if matches!(self.workspace_exists(ws).await, Ok(false)) => {
                ClientError::NotFound { message: format!("workspace {ws} does not exist") }
            }
            _ => err,
        }
    }

    /// Polls an object until `ready` holds for it, or `timeout` passes.
    pub async fn wait_for(
        &self,
        resource: &Resource,
        namespace: Option<&str>,
        name: &str,
        what: &str,
        timeout: Duration,
        ready: impl Fn(&Value) -> bool,
    ) -> Result<Value, ClientError> {
        let started = Instant::now();
        loop {
            if let Some(object) = self.get(resource, namespace, name).await? {
                if ready(&object) {
                    return Ok(object);
                }
            }
            if started.elapsed() >= timeout {
                return Err(ClientError::WaitTimeout { what: what.to_string(), after: timeout });
            }
            tokio::time::sleep(POLL_INTERVAL).await;
        }
    }

    /// Polls until the object is gone (its finalizers done), or `timeout` passes.
    pub async fn wait_gone(
        &self,
        resource: &Resource,
        namespace: Option<&str>,
        name: &str,
        timeout: Duration,
    ) -> Result<(), ClientError> {
        let started = Instant::now();
        while self.get(resource, namespace, name).await?.is_some() {
            if started.elapsed() >= timeout {
                let what = format!("{} {name} to be deleted", resource.kind);
                return Err(ClientError::WaitTimeout { what, after: timeout });
            }
            tokio::time::sleep(POLL_INTERVAL).await;
        }
        Ok(())
    }

    /// Whether the server serves `resource` (discovery of its group/version).
    pub async fn serves(&self, resource: &Resource) -> Result<bool, ClientError> {
        let path = if resource.group.is_empty() {
            format!("/api/{}", resource.version)
        } else {
            format!("/apis/{}", resource.api_version())
        };
        let listed: Result<APIResourceList, ClientError> = self.get_path(&path).await;
        match listed {
            Ok(list) => Ok(list.resources.iter().any(|r| r.name == resource.plural)),
            Err(ClientError::NotFound { .. }) => Ok(false),
            Err(e) => Err(e),
        }
    }

    /// The URLs of an APIExport's virtual workspace, from its endpoint slice in this (the
    /// provider) workspace.
    pub async fn export_endpoint_urls(&self, export: &str) -> Result<Vec<String>, ClientError> {
        let slice = match self.get(&api_export_endpoint_slices(), None, export).await {
            Ok(slice) => slice,
            Err(ClientError::NotFound { .. }) => None,
            Err(e) => return Err(e),
        };
        let Some(slice) = slice else {
            return Err(ClientError::NotFound {
                message: format!(
                    "APIExportEndpointSlice {export} in {} (is the TMC API installed there? run `tmcctl install`)",
                    self.url()
                ),
            });
        };
        Ok(slice["status"]["endpoints"]
            .as_array()
            .map(|eps| eps.iter().filter_map(|e| e["url"].as_str().map(String::from)).collect())
            .unwrap_or_default())
    }

    /// The workspaces that bind `export` of this (the provider) workspace, by path. Every
    /// binding that accepted the export's claim on Namespaces shows its namespaces through the
    /// virtual workspace; their logical clusters are the bound workspaces, and each
    /// LogicalCluster knows its path.
    pub async fn bound_workspaces(&self, export: &str) -> Result<Vec<WorkspacePath>, ClientError> {
        let namespaces = Resource::new("", "v1", "Namespace", "namespaces", false);
        let mut clusters = std::collections::BTreeSet::new();
        for url in self.export_endpoint_urls(export).await? {
            for ns in self.virtual_workspace(&url)?.list(&namespaces, None, None).await?.items {
                if let Some(cluster) = ns["metadata"]["annotations"]["kcp.io/cluster"].as_str() {
                    clusters.insert(cluster.to_string());
                }
            }
        }
        let logical_clusters = Resource::new("core.kcp.io", "v1alpha1", "LogicalCluster", "logicalclusters", false);
        let mut paths = Vec::new();
        for cluster in clusters {
            let found = self.for_logical_cluster(&cluster).get(&logical_clusters, None, "cluster").await?;
            let path = found.as_ref().and_then(|lc| lc["metadata"]["annotations"]["kcp.io/path"].as_str());
            // Without a path the logical cluster's name addresses it just as well.
            let path = path.unwrap_or(&cluster);
            paths.push(path.parse().map_err(|e| ClientError::Protocol {
                url: self.url(),
                cause: format!("logical cluster {cluster} has path {path:?}, which is not a workspace path: {e}"),
            })?);
        }
        paths.sort();
        Ok(paths)
    }
}
