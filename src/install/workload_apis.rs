//! The workload APIs kcp lacks (`apps/v1` Deployments, Services…), published in the TMC
//! APIExport from schemas that registered clusters serve, so that `kubectl apply` works in a
//! bound workspace.
//!
//! ```text
//! --workload-apis ─► [WorkloadType] ─► per cluster: versions + structural schema (ServedType)
//!   ─► choose_version ─► publish: common subset ─► + status.tmc, subresources, columns
//!   ─► APIResourceSchema (named by content) + the export's resources entry ─► merge_resources
//! ```
//!
//! Pure: the commands layer asks the clusters (discovery, OpenAPI) and sends the result.

use std::fmt;

use serde_json::{json, Value};
use thiserror::Error;

use super::columns::{printer_columns, subresources};
use super::openapi::OpenApiError;
use super::subset::{common_subset, Disagreement};

/// The types `--workload-apis` imports when given no list.
pub const DEFAULT_WORKLOAD_APIS: &str =
    "deployments.apps,statefulsets.apps,daemonsets.apps,jobs.batch,services,ingresses.networking.k8s.io";

/// The annotation apiextensions requires on schemas of Kubernetes' own (`*.k8s.io`) groups.
const API_APPROVED_ANNOTATION: &str = "api-approved.kubernetes.io";
/// Where these APIs were approved: they are Kubernetes' own, copied as the clusters serve them.
const API_APPROVED_AT: &str = "https://github.com/kubernetes/kubernetes";

/// One resource type by name: `deployments.apps`, or `services` in the core group.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct WorkloadType {
    /// The plural resource name.
    pub plural: String,
    /// The API group; empty for the core group.
    pub group: String,
}

impl fmt::Display for WorkloadType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.group.is_empty() {
            f.write_str(&self.plural)
        } else {
            write!(f, "{}.{}", self.plural, self.group)
        }
    }
}

/// Parses `--workload-apis`: comma-separated `plural.group` or `plural` (core group), each
/// once, in the order given.
pub fn parse_workload_types(list: &str) -> Result<Vec<WorkloadType>, WorkloadApiError> {
    let mut types: Vec<WorkloadType> = Vec::new();
    for token in list.split(',').map(str::trim) {
        let bad = |why: &str| WorkloadApiError::BadName { token: token.to_string(), why: why.to_string() };
        if token.is_empty() {
            return Err(bad("empty name"));
        }
        let (plural, group) = token.split_once('.').unwrap_or((token, ""));
        let valid_label =
            |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !valid_label(plural) || !(group.is_empty() || group.split('.').all(valid_label)) {
            return Err(bad("names are lowercase letters, digits and '-', the group's parts joined by '.'"));
        }
        if group == crate::api::GROUP {
            return Err(bad("the TMC API is always published"));
        }
        let parsed = WorkloadType { plural: plural.to_string(), group: group.to_string() };
        if !types.contains(&parsed) {
            types.push(parsed);
        }
    }
    Ok(types)
}

/// What one cluster serves of a type in the chosen version.
#[derive(Clone, Debug)]
pub struct ServedType {
    /// The cluster, as messages name it.
    pub source: String,
    /// The version served.
    pub version: String,
    /// The kind.
    pub kind: String,
    /// The singular name (discovery's, else the lowercase kind).
    pub singular: String,
    /// Discovery's short names (`deploy`).
    pub short_names: Vec<String>,
    /// Discovery's categories (`all`).
    pub categories: Vec<String>,
    /// The structural schema converted from the cluster's OpenAPI document.
    pub schema: Value,
}

/// A type ready to publish: its APIResourceSchema, its entry in the export, and warnings
/// about fields left out because not every cluster serves them.
#[derive(Clone, Debug)]
pub struct PublishedType {
    /// The APIResourceSchema object.
    pub schema: Value,
    /// The export's `spec.resources` entry pointing at it.
    pub resource: Value,
    /// One line per field left out.
    pub warnings: Vec<String>,
}

/// Why a workload type cannot be published; each names the type, the cause and the fix.
#[derive(Debug, Error)]
pub enum WorkloadApiError {
    /// A `--workload-apis` item is not a resource name.
    #[error("--workload-apis: {token:?} is not a resource name: {why}")]
    BadName {
        /// The item.
        token: String,
        /// What is wrong with it.
        why: String,
    },
    /// A cluster does not serve the type.
    #[error("{ty} is not served by {source_name}")]
    NotServed {
        /// The type.
        ty: WorkloadType,
        /// The cluster.
        source_name: String,
    },
    /// The type is cluster-scoped on a cluster; workloads live in namespaces.
    #[error("{ty} is cluster-scoped on {source_name}; only namespaced types can be workload APIs")]
    ClusterScoped {
        /// The type.
        ty: WorkloadType,
        /// The cluster.
        source_name: String,
    },
    /// No version of the type is served by every cluster.
    #[error("{ty}: no version is served by every cluster ({offers})")]
    NoCommonVersion {
        /// The type.
        ty: WorkloadType,
        /// Each cluster's versions, for the message.
        offers: String,
    },
    /// The clusters give the type different kinds.
    #[error("{ty}: the clusters disagree on its kind ({kinds})")]
    KindMismatch {
        /// The type.
        ty: WorkloadType,
        /// Each cluster's kind.
        kinds: String,
    },
    /// A cluster's OpenAPI document could not be converted.
    #[error("{ty}: cannot convert the OpenAPI schema served by {source_name}: {cause}")]
    Conversion {
        /// The type.
        ty: WorkloadType,
        /// The cluster.
        source_name: String,
        /// Why.
        cause: Box<OpenApiError>,
    },
    /// The clusters type some fields differently; no subset serves them all.
    #[error("{ty}: the clusters serve incompatible schemas: {details}")]
    Incompatible {
        /// The type.
        ty: WorkloadType,
        /// Each field and each cluster's view of it.
        details: String,
    },
    /// The type already has `status.tmc`, where tmcctl keeps per-cluster status.
    #[error("{ty} already has a field status.tmc, which tmcctl needs for per-cluster status")]
    StatusTaken {
        /// The type.
        ty: WorkloadType,
    },
}

impl WorkloadApiError {
    /// What to do about it.
    pub fn hint(&self) -> String {
        match self {
            WorkloadApiError::BadName { .. } => {
                "name types as plural.group (deployments.apps), or plural alone for the core group (services)".into()
            }
            WorkloadApiError::NotServed { .. } => {
                "check `kubectl api-resources` on that cluster, or leave the type out of --workload-apis".into()
            }
            WorkloadApiError::ClusterScoped { .. } | WorkloadApiError::StatusTaken { .. } => {
                "leave the type out of --workload-apis".into()
            }
            WorkloadApiError::NoCommonVersion { .. }
            | WorkloadApiError::KindMismatch { .. }
            | WorkloadApiError::Incompatible { .. } => "upgrade the clusters that differ so they serve the same API, \
                 or leave the type out of --workload-apis"
                .into(),
            WorkloadApiError::Conversion { .. } => {
                "leave the type out of --workload-apis, or import it from another cluster with --schema-kubeconfig"
                    .into()
            }
        }
    }
}

/// The version to publish: the first, in the first cluster's order of preference, that every
/// cluster serves. `offers` holds (cluster, versions served in preference order).
pub fn choose_version(ty: &WorkloadType, offers: &[(String, Vec<String>)]) -> Result<String, WorkloadApiError> {
    let first = offers.first().map(|(_, v)| v.as_slice()).unwrap_or_default();
    first.iter().find(|v| offers.iter().all(|(_, served)| served.contains(v))).cloned().ok_or_else(|| {
        let offers = offers.iter().map(|(c, v)| format!("{c}: {}", v.join(", "))).collect::<Vec<_>>().join("; ");
        WorkloadApiError::NoCommonVersion { ty: ty.clone(), offers }
    })
}

/// Builds the APIResourceSchema of `ty` from what each cluster serves (all in one version,
/// at least one cluster): the common subset of their schemas, with `status.tmc` for the
/// controller's per-cluster status, the status (and scale) subresources and printer columns.
pub fn publish(ty: &WorkloadType, served: &[ServedType]) -> Result<PublishedType, WorkloadApiError> {
    let first = served.first().expect("publish needs at least one cluster's schema");
    if served.iter().any(|s| s.kind != first.kind) {
        let kinds = served.iter().map(|s| format!("{}: {}", s.source, s.kind)).collect::<Vec<_>>().join(", ");
        return Err(WorkloadApiError::KindMismatch { ty: ty.clone(), kinds });
    }
    let schemas: Vec<(String, Value)> = served.iter().map(|s| (s.source.clone(), s.schema.clone())).collect();
    let (mut schema, dropped) = common_subset(&schemas).map_err(|disagreements| WorkloadApiError::Incompatible {
        ty: ty.clone(),
        details: describe(&disagreements),
    })?;
    add_tmc_status(ty, &mut schema)?;
    let mut names = json!({
        "plural": ty.plural,
        "singular": first.singular,
        "kind": first.kind,
        "listKind": format!("{}List", first.kind),
    });
    if !first.short_names.is_empty() {
        names["shortNames"] = json!(first.short_names);
    }
    if !first.categories.is_empty() {
        names["categories"] = json!(first.categories);
    }
    let spec = json!({
        "group": ty.group,
        "names": names,
        "scope": "Namespaced",
        "versions": [{
            "name": first.version,
            "served": true,
            "storage": true,
            "subresources": subresources(&schema),
            "additionalPrinterColumns": printer_columns(&ty.group, &first.kind, &schema),
            "schema": schema,
        }],
    });
    let annotations = is_protected_group(&ty.group).then(|| json!({ API_APPROVED_ANNOTATION: API_APPROVED_AT }));
    let object = super::resource_schema(spec, annotations);
    let resource = json!({
        "name": ty.plural,
        "group": ty.group,
        "schema": object["metadata"]["name"],
        "storage": { "crd": {} },
    });
    let warnings = dropped
        .iter()
        .map(|d| format!("{ty}: {} is left out, as only {} of the clusters serve it", d.path, d.served_by.join(", ")))
        .collect();
    Ok(PublishedType { schema: object, resource, warnings })
}

/// The export's workload entries: those already there (found in `existing`, the export's
/// resources, TMC's own skipped) unless `published` replaces them, then the newly published;
/// sorted by group and name so the export does not churn.
pub fn merge_resources(existing: &[Value], published: &[Value]) -> Vec<Value> {
    let key = |r: &Value| {
        (r["group"].as_str().unwrap_or_default().to_string(), r["name"].as_str().unwrap_or_default().to_string())
    };
    let mut merged: Vec<Value> = existing
        .iter()
        .filter(|r| r["group"] != crate::api::GROUP)
        .filter(|r| !published.iter().any(|p| key(p) == key(r)))
        .cloned()
        .chain(published.iter().cloned())
        .collect();
    merged.sort_by_key(key);
    merged
}

/// The controller's per-cluster status lives in `status.tmc`, free-form.
fn add_tmc_status(ty: &WorkloadType, schema: &mut Value) -> Result<(), WorkloadApiError> {
    let properties = &mut schema["properties"];
    if properties.get("status").is_none() {
        properties["status"] = json!({ "type": "object", "properties": {} });
    }
    let status = &mut properties["status"];
    if status["properties"].get("tmc").is_some() {
        return Err(WorkloadApiError::StatusTaken { ty: ty.clone() });
    }
    status["properties"]["tmc"] = json!({ "type": "object", "x-kubernetes-preserve-unknown-fields": true });
    Ok(())
}

/// Kubernetes' own groups, whose schemas need an approval annotation.
fn is_protected_group(group: &str) -> bool {
    ["k8s.io", "kubernetes.io"].iter().any(|g| group == *g || group.ends_with(&format!(".{g}")))
}

fn describe(disagreements: &[Disagreement]) -> String {
    disagreements
        .iter()
        .map(|d| {
            let views = d.views.iter().map(|(c, v)| format!("{c} {v}")).collect::<Vec<_>>().join(", ");
            format!("{} ({views})", d.path)
        })
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
#[path = "workload_apis_tests.rs"]
mod tests;
