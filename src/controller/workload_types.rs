//! Which types the controller syncs: the workload resources the TMC APIExport publishes
//! (`install --workload-apis`), read once at start from the export and its schemas.
//!
//! ```text
//! every bound workspace: APIExport tmc.kcp.io (provider) ─┐
//! one workspace: APIBinding tmc.kcp.io ─► its export ─────┴─► resources not in tmc.kcp.io ─► APIResourceSchema ─► WorkloadType
//! plain Kubernetes: none (no kcp, nothing to sync from)
//! ```

use serde_json::Value;

use crate::client::kcp::{api_bindings, api_exports, api_resource_schemas};
use crate::client::{ClientError, Connection, Resource, WorkspacePath};
use crate::install::{BINDING_NAME, EXPORT_NAME};
use crate::sync::status::WorkloadKind;

/// One synced type.
#[derive(Clone, Debug)]
pub struct WorkloadType {
    /// How to address it, upstream and downstream alike.
    pub resource: Resource,
    /// What its status looks like.
    pub kind: WorkloadKind,
}

impl WorkloadType {
    /// `deployments.apps`, for logs and metrics.
    pub fn name(&self) -> String {
        if self.resource.group.is_empty() {
            self.resource.plural.clone()
        } else {
            format!("{}.{}", self.resource.plural, self.resource.group)
        }
    }
}

/// Where the export is: the provider workspace, or read from the workspace's binding.
pub enum ExportLocation<'a> {
    /// The provider workspace's connection.
    Provider(&'a Connection),
    /// A consumer workspace: its binding names the export.
    Binding(&'a Connection),
}

/// The provider workspace whose export the workspace's TMC APIBinding names; `None` when the
/// TMC API is not bound there.
pub async fn bound_provider(workspace: &Connection) -> Result<Option<WorkspacePath>, ClientError> {
    let Some(binding) = workspace.get(&api_bindings(), None, BINDING_NAME).await? else { return Ok(None) };
    provider_in(&binding)
}

/// The provider workspace a TMC APIBinding names; `None` when it names no path.
pub fn provider_in(binding: &serde_json::Value) -> Result<Option<WorkspacePath>, ClientError> {
    let Some(path) = binding["spec"]["reference"]["export"]["path"].as_str() else { return Ok(None) };
    path.parse().map(Some).map_err(|e| ClientError::Invalid {
        message: format!("APIBinding {BINDING_NAME} names export path {path:?}, which is not a workspace path: {e}"),
    })
}

/// The workload types of the TMC APIExport.
pub async fn resolve(location: ExportLocation<'_>) -> Result<Vec<WorkloadType>, ClientError> {
    let provider = match location {
        ExportLocation::Provider(connection) => connection.clone(),
        ExportLocation::Binding(workspace) => match bound_provider(workspace).await? {
            Some(path) => workspace.for_workspace(&path),
            None => return Ok(Vec::new()),
        },
    };
    let Some(export) = provider.get(&api_exports(), None, EXPORT_NAME).await? else { return Ok(Vec::new()) };
    let mut types = Vec::new();
    for entry in export["spec"]["resources"].as_array().into_iter().flatten() {
        if entry["group"].as_str() == Some(crate::api::GROUP) {
            continue;
        }
        let Some(schema_name) = entry["schema"].as_str() else { continue };
        let Some(schema) = provider.get(&api_resource_schemas(), None, schema_name).await? else {
            tracing::warn!(
                schema = schema_name,
                "the export names a schema that does not exist; its type is not synced"
            );
            continue;
        };
        if let Some(found) = from_schema(&schema) {
            types.push(found);
        }
    }
    Ok(types)
}

/// A workload type from an APIResourceSchema: its storage version (else the first served).
fn from_schema(schema: &Value) -> Option<WorkloadType> {
    let spec = &schema["spec"];
    if spec["scope"].as_str() != Some("Namespaced") {
        return None;
    }
    let versions = spec["versions"].as_array()?;
    let version = versions
        .iter()
        .find(|v| v["storage"].as_bool() == Some(true))
        .or_else(|| versions.iter().find(|v| v["served"].as_bool() == Some(true)))?;
    let group = spec["group"].as_str().unwrap_or_default();
    let kind = spec["names"]["kind"].as_str()?;
    let resource = Resource::new(group, version["name"].as_str()?, kind, spec["names"]["plural"].as_str()?, true);
    Some(WorkloadType { kind: WorkloadKind::of(group, kind), resource })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_schema_gives_its_storage_version_and_kind() {
        let schema = json!({"spec": {"group": "apps", "scope": "Namespaced",
            "names": {"kind": "Deployment", "plural": "deployments"},
            "versions": [{"name": "v1beta1", "served": true, "storage": false}, {"name": "v1", "served": true, "storage": true}]}});
        let found = from_schema(&schema).unwrap();
        assert_eq!(found.resource.api_version(), "apps/v1");
        assert_eq!(found.resource.plural, "deployments");
        assert_eq!(found.kind, WorkloadKind::Deployment);
        assert_eq!(found.name(), "deployments.apps");
    }

    #[test]
    fn cluster_scoped_schemas_are_not_workloads() {
        let schema = json!({"spec": {"group": "x.io", "scope": "Cluster",
            "names": {"kind": "Thing", "plural": "things"}, "versions": [{"name": "v1", "served": true, "storage": true}]}});
        assert!(from_schema(&schema).is_none());
    }
}
