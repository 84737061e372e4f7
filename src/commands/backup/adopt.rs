//! `restore --adopt-downstream`: which downstream identity each restored workspace claims, and
//! the check that the workspace it was backed up from is gone (see
//! [`crate::sync::downstream_identity`]).

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use crate::backup::plan::{self, Options};
use crate::client::{ClientError, Connection, Resource, WorkspacePath};
use crate::controller::runtime::LOGICAL_CLUSTER_ANNOTATION;
use crate::error::{CliError, ExitKind};

/// For `--adopt-downstream`: archived workspace → the identity its restored registrations
/// claim. Refused for a workspace whose identity is not recorded, or whose old logical cluster
/// still exists here (it is alive: two workspaces would then write the same copies). A target
/// that is that logical cluster itself needs no claim.
pub(super) async fn adoptions(
    connection: &Connection,
    archive: &crate::backup::Archive,
    options: &Options,
    name: &str,
) -> Result<BTreeMap<String, String>, CliError> {
    let logical_clusters = Resource::new("core.kcp.io", "v1alpha1", "LogicalCluster", "logicalclusters", false);
    let logical_cluster_of = |found: Option<Value>| {
        found.and_then(|lc| lc["metadata"]["annotations"][LOGICAL_CLUSTER_ANNOTATION].as_str().map(str::to_string))
    };
    let sources: BTreeSet<&str> = archive
        .objects
        .iter()
        .filter(|o| o.object["kind"] == "ClusterRegistration")
        .map(|o| o.workspace.as_str())
        .collect();
    let mut claims = BTreeMap::new();
    for source in sources {
        let Some(identity) = archive.manifest.downstream_identities.get(source) else {
            return Err(CliError::usage(format!(
                "backup \"{name}\" does not record the downstream identity of workspace {source} (written by an older tmcctl, or from a server without logical clusters)"
            ))
            .with_hint("restore without --adopt-downstream: the controller then makes new copies"));
        };
        let target: WorkspacePath = plan::target_workspace(options, source)
            .parse()
            .map_err(|e| CliError::usage(format!("workspace {source}: {e}")))?;
        let target_cluster = match connection.for_workspace(&target).get(&logical_clusters, None, "cluster").await {
            Ok(found) => logical_cluster_of(found),
            Err(ClientError::NotFound { .. } | ClientError::Forbidden { .. }) => None,
            Err(e) => return Err(e.into()),
        };
        if target_cluster.as_deref() == Some(identity.as_str()) {
            continue;
        }
        // kcp answers a logical cluster that is not there with 403, even to its admin.
        match connection.for_logical_cluster(identity).get(&logical_clusters, None, "cluster").await {
            Ok(Some(_)) => {
                return Err(CliError::new(
                    ExitKind::Conflict,
                    format!(
                        "workspace {source}'s downstream objects belong to logical cluster {identity}, which still exists on this kcp: adopting them would make two workspaces write the same copies"
                    ),
                )
                .with_hint("restore without --adopt-downstream to make an independent copy (new downstream copies)"))
            }
            Ok(None) | Err(ClientError::NotFound { .. } | ClientError::Forbidden { .. }) => {}
            Err(e) => return Err(e.into()),
        }
        claims.insert(source.to_string(), identity.clone());
    }
    Ok(claims)
}
