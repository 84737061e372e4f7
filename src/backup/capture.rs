//! The reading side of a backup: every kind of each workspace from one LIST at one
//! resourceVersion, server fields stripped. Used by `backup create` and by the controller's
//! scheduled backups; the rest of [`crate::backup`] is pure.

use std::collections::BTreeMap;

use serde_json::{json, Value};

use crate::api::ownership::DOWNSTREAM_IDENTITY_ANNOTATION;
use crate::api::{ClusterRegistration, WorkloadPlacement};
use crate::client::{ClientError, Connection, Resource, WorkspacePath};
use crate::controller::runtime::LOGICAL_CLUSTER_ANNOTATION;
use crate::controller::workload_types::{self, ExportLocation};
use crate::error::{CliError, ExitKind};

use super::{strip_server_fields, ArchivedObject, BoundApi, Capture, TypeRecord};

/// The core kinds a backup holds, as (kind, plural, namespaced); Secrets only when asked for.
const CORE_KINDS: [(&str, &str, bool); 4] = [
    ("Namespace", "namespaces", false),
    ("ConfigMap", "configmaps", true),
    ("Secret", "secrets", true),
    ("ServiceAccount", "serviceaccounts", true),
];

/// Namespaces every workspace has; restore does not need them.
const SYSTEM_NAMESPACES: [&str; 4] = ["default", "kube-system", "kube-public", "kube-node-lease"];

/// Objects the server makes by itself in every workspace or namespace.
pub fn made_by_the_server(kind: &str, object: &Value) -> bool {
    let name = object["metadata"]["name"].as_str().unwrap_or_default();
    match kind {
        "Namespace" => SYSTEM_NAMESPACES.contains(&name),
        "ConfigMap" => name == "kube-root-ca.crt",
        "ServiceAccount" => name == "default",
        "Secret" => object["type"] == "kubernetes.io/service-account-token",
        _ => false,
    }
}

/// [`CORE_KINDS`] as resources.
pub fn core_resources() -> impl Iterator<Item = Resource> {
    CORE_KINDS.into_iter().map(|(kind, plural, namespaced)| Resource::new("", "v1", kind, plural, namespaced))
}

/// What is read per workspace; `true` keeps status (a placement's decisions keep their
/// clusters on restore). The order does not matter: restore orders by kind.
fn kinds(include_secrets: bool, workloads: Vec<Resource>) -> Vec<(Resource, bool)> {
    let mut kinds: Vec<(Resource, bool)> =
        core_resources().filter(|r| include_secrets || r.kind != "Secret").map(|r| (r, false)).collect();
    kinds.push((Resource::of::<ClusterRegistration>(), false));
    kinds.push((Resource::of::<WorkloadPlacement>(), true));
    kinds.extend(workloads.into_iter().map(|r| (r, false)));
    kinds
}

/// One workspace to read, and how to reach it.
pub struct Source {
    /// Its path: how the archive names it, and where restore puts it back.
    pub workspace: String,
    /// A connection that reads it: the workspace itself, or the TMC export's virtual workspace
    /// for its logical cluster (all the controller's role reaches).
    pub at: Connection,
    /// Its logical cluster, when the server has them (kcp).
    pub logical_cluster: Option<String>,
    /// The TMC API it binds: the provider workspace's path and the workload types published.
    pub bound: Option<(String, Vec<Resource>)>,
}

/// `workspaces` read directly, as `backup create` does with the user's credentials.
pub async fn direct_sources(connection: &Connection, workspaces: &[WorkspacePath]) -> Result<Vec<Source>, CliError> {
    let logical_clusters = Resource::new("core.kcp.io", "v1alpha1", "LogicalCluster", "logicalclusters", false);
    let mut sources = Vec::new();
    for workspace in workspaces {
        let at = connection.for_workspace(workspace);
        let logical_cluster = match at.get(&logical_clusters, None, "cluster").await {
            Ok(found) => found
                .and_then(|lc| lc["metadata"]["annotations"][LOGICAL_CLUSTER_ANNOTATION].as_str().map(str::to_string)),
            Err(ClientError::NotFound { .. }) => None,
            Err(e) => return Err(e.into()),
        };
        let bound = match workload_types::bound_provider(&at).await? {
            Some(provider) => {
                // The binding is read once: the export is read where it names.
                let types = workload_types::resolve(ExportLocation::Provider(&at.for_workspace(&provider))).await?;
                Some((provider.to_string(), types.into_iter().map(|t| t.resource).collect()))
            }
            None => None,
        };
        sources.push(Source { workspace: workspace.to_string(), at, logical_cluster, bound });
    }
    Ok(sources)
}

/// The workspaces bound to the TMC export of `provider`, read through the export's virtual
/// workspaces `endpoints` (whose APIBindings name each workspace's path), keeping those in
/// `wanted` when given; a wanted workspace that is not bound is an error naming it.
pub async fn export_sources(
    endpoints: &[Connection],
    provider: &WorkspacePath,
    types: &[Resource],
    wanted: Option<&[String]>,
) -> Result<Vec<Source>, CliError> {
    let bindings = Resource::new("apis.kcp.io", "v1alpha1", "APIBinding", "apibindings", false);
    let mut sources = Vec::new();
    for endpoint in endpoints {
        for binding in endpoint.list(&bindings, None, None).await?.items {
            let annotations = &binding["metadata"]["annotations"];
            let Some(cluster) = annotations[LOGICAL_CLUSTER_ANNOTATION].as_str() else { continue };
            let path = annotations["kcp.io/path"].as_str().unwrap_or(cluster);
            if wanted.is_some_and(|w| !w.iter().any(|p| p == path)) {
                continue;
            }
            sources.push(Source {
                workspace: path.to_string(),
                at: endpoint.for_logical_cluster(cluster),
                logical_cluster: Some(cluster.to_string()),
                bound: Some((provider.to_string(), types.to_vec())),
            });
        }
    }
    for path in wanted.into_iter().flatten() {
        if !sources.iter().any(|s| s.workspace == *path) {
            return Err(CliError::new(
                ExitKind::NotFound,
                format!("workspace {path} does not bind the TMC API of {provider}"),
            )
            .with_hint(format!("bind it (`tmcctl install --provider-workspace {provider} --bind {path}`) or leave it out of the schedule")));
        }
    }
    sources.sort_by(|a, b| a.workspace.cmp(&b.workspace));
    Ok(sources)
}

/// Reads every source (Secrets only with `include_secrets`); `server` is what the manifest
/// names as where it came from.
pub async fn capture(
    server: String,
    sources: &[Source],
    include_secrets: bool,
) -> Result<(Capture, Vec<ArchivedObject>), CliError> {
    let created_at = jiff::Timestamp::now().to_string();
    let mut objects = Vec::new();
    let mut resource_versions = BTreeMap::new();
    let mut downstream_identities = BTreeMap::new();
    let mut bound_apis = BTreeMap::new();
    for source in sources {
        let (at, workspace) = (&source.at, &source.workspace);
        let workloads = source.bound.as_ref().map(|(_, types)| types.clone()).unwrap_or_default();
        if let Some((provider, types)) = &source.bound {
            let workload_types = types
                .iter()
                .map(|r| TypeRecord {
                    group: r.group.clone(),
                    version: r.version.clone(),
                    kind: r.kind.clone(),
                    plural: r.plural.clone(),
                })
                .collect();
            bound_apis.insert(workspace.clone(), BoundApi { provider: provider.clone(), workload_types });
        }
        for (resource, keep_status) in kinds(include_secrets, workloads) {
            let list = match at.list(&resource, None, None).await {
                Ok(list) => list,
                // A type the workspace does not serve (the TMC API not bound) holds nothing.
                Err(ClientError::NotFound { .. }) => continue,
                Err(e) => {
                    let e = CliError::from(e);
                    return Err(CliError {
                        message: format!("{} of {workspace}: {}", resource.plural, e.message),
                        ..e
                    });
                }
            };
            resource_versions.insert(
                (workspace.clone(), resource.api_version(), resource.kind.clone()),
                list.resource_version.clone().unwrap_or_default(),
            );
            for mut object in list.items {
                if made_by_the_server(&resource.kind, &object) {
                    continue;
                }
                // Lists leave out apiVersion and kind on items of some servers.
                object["apiVersion"] = json!(resource.api_version());
                object["kind"] = json!(resource.kind);
                strip_server_fields(&mut object, keep_status);
                objects.push(ArchivedObject { workspace: workspace.clone(), object });
            }
        }
        // The registrations just read say whether the workspace claims an identity (set by an
        // earlier restore); else its objects downstream carry its logical cluster's name.
        let claims = objects
            .iter()
            .filter(|o| o.workspace == *workspace && o.object["kind"] == "ClusterRegistration")
            .filter_map(|o| o.object["metadata"]["annotations"][DOWNSTREAM_IDENTITY_ANNOTATION].as_str());
        if let Some(cluster) = &source.logical_cluster {
            let identity = crate::sync::downstream_identity(cluster, claims).to_string();
            downstream_identities.insert(workspace.clone(), identity);
        }
    }
    let capture = Capture {
        source: server,
        created_at,
        workspaces: sources.iter().map(|s| s.workspace.clone()).collect(),
        resource_versions,
        downstream_identities,
        bound_apis,
    };
    Ok((capture, objects))
}
