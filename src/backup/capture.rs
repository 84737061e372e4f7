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
use crate::error::CliError;

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

/// The name the workspace's objects carry downstream: the identity its registrations claim
/// (`claims`, from the registrations captured; set by an earlier restore), else its logical
/// cluster's name; `None` on a server without logical clusters (plain Kubernetes).
async fn downstream_identity<'a>(
    at: &Connection,
    claims: impl Iterator<Item = &'a str>,
) -> Result<Option<String>, CliError> {
    let logical_clusters = Resource::new("core.kcp.io", "v1alpha1", "LogicalCluster", "logicalclusters", false);
    let logical_cluster = match at.get(&logical_clusters, None, "cluster").await {
        Ok(Some(found)) => found["metadata"]["annotations"][LOGICAL_CLUSTER_ANNOTATION].as_str().map(str::to_string),
        Ok(None) | Err(ClientError::NotFound { .. }) => None,
        Err(e) => return Err(e.into()),
    };
    let claims: Vec<&str> = claims.collect();
    Ok(logical_cluster.map(|lc| crate::sync::downstream_identity(&lc, claims.iter().copied()).to_string()))
}

/// Reads `workspaces` (Secrets only with `include_secrets`).
pub async fn capture(
    connection: &Connection,
    workspaces: &[WorkspacePath],
    include_secrets: bool,
) -> Result<(Capture, Vec<ArchivedObject>), CliError> {
    let created_at = jiff::Timestamp::now().to_string();
    let mut objects = Vec::new();
    let mut resource_versions = BTreeMap::new();
    let mut downstream_identities = BTreeMap::new();
    let mut bound_apis = BTreeMap::new();
    for workspace in workspaces {
        let at = connection.for_workspace(workspace);
        let workloads: Vec<Resource> =
            workload_types::resolve(ExportLocation::Binding(&at)).await?.into_iter().map(|t| t.resource).collect();
        if let Some(provider) = workload_types::bound_provider(&at).await? {
            let workload_types = workloads
                .iter()
                .map(|r| TypeRecord {
                    group: r.group.clone(),
                    version: r.version.clone(),
                    kind: r.kind.clone(),
                    plural: r.plural.clone(),
                })
                .collect();
            bound_apis.insert(workspace.to_string(), BoundApi { provider: provider.to_string(), workload_types });
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
                (workspace.to_string(), resource.api_version(), resource.kind.clone()),
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
                objects.push(ArchivedObject { workspace: workspace.to_string(), object });
            }
        }
        // The registrations just read say whether the workspace claims an identity.
        let name = workspace.to_string();
        let claims = objects
            .iter()
            .filter(|o| o.workspace == name && o.object["kind"] == "ClusterRegistration")
            .filter_map(|o| o.object["metadata"]["annotations"][DOWNSTREAM_IDENTITY_ANNOTATION].as_str());
        if let Some(identity) = downstream_identity(&at, claims).await? {
            downstream_identities.insert(name, identity);
        }
    }
    let capture = Capture {
        source: connection.url(),
        created_at,
        workspaces: workspaces.iter().map(ToString::to_string).collect(),
        resource_versions,
        downstream_identities,
        bound_apis,
    };
    Ok((capture, objects))
}
