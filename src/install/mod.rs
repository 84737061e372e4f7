//! What `tmcctl install` puts on a server, as plain objects: on kcp, one APIResourceSchema per
//! TMC resource and per imported workload type plus an APIExport in the provider workspace and
//! an APIBinding in each consumer; on plain Kubernetes, the CRDs. Pure: the commands layer
//! sends these through `client`.
//!
//! ```text
//! api::crds() ─► TMC schemas ─┐
//! workload_apis::publish ─────┴─► export resources + permission claims ─► APIExport
//!                                             └─ same claims, accepted ─► APIBinding
//! ```

mod columns;
pub mod openapi;
mod subset;
pub mod workload_apis;

use k8s_openapi::apiextensions_apiserver::pkg::apis::apiextensions::v1::CustomResourceDefinition;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

use crate::api;

/// The APIExport's name in the provider workspace (the API group, as is kcp's habit).
pub const EXPORT_NAME: &str = "tmc.kcp.io";
/// The APIBinding's name in each consumer workspace.
pub const BINDING_NAME: &str = "tmc.kcp.io";
/// The provider workspace used when `--provider-workspace` is not given.
pub const DEFAULT_PROVIDER_WORKSPACE: &str = "root:tmc";
/// Label put on everything tmcctl installs, so uninstall finds exactly that.
pub const MANAGED_BY_LABEL: &str = "app.kubernetes.io/managed-by";
/// The value of [`MANAGED_BY_LABEL`].
pub const MANAGED_BY: &str = "tmcctl";
/// Field manager for server-side apply from the CLI.
pub const FIELD_MANAGER: &str = "tmcctl";

/// The objects that publish the TMC API in a kcp provider workspace.
#[derive(Clone, Debug)]
pub struct KcpPublication {
    /// One APIResourceSchema per resource, named after a hash of its content.
    pub schemas: Vec<Value>,
    /// The APIExport naming those schemas.
    pub export: Value,
}

/// Builds the APIResourceSchemas of the current TMC API and the APIExport publishing them
/// and `workload_resources` (entries of the export's `spec.resources` for workload types,
/// whose schemas the caller creates).
pub fn kcp_publication(workload_resources: &[Value]) -> KcpPublication {
    let schemas: Vec<Value> = api::crds().iter().map(schema_from_crd).collect();
    let resources: Vec<Value> = schemas
        .iter()
        .map(|s| {
            json!({
                "name": s["spec"]["names"]["plural"],
                "group": s["spec"]["group"],
                "schema": s["metadata"]["name"],
                "storage": { "crd": {} },
            })
        })
        .chain(workload_resources.iter().cloned())
        .collect();
    let export = json!({
        "apiVersion": "apis.kcp.io/v1alpha2",
        "kind": "APIExport",
        "metadata": { "name": EXPORT_NAME, "labels": managed_labels() },
        "spec": { "resources": resources, "permissionClaims": permission_claims(false) },
    });
    KcpPublication { schemas, export }
}

/// The APIBinding that makes a consumer workspace serve the export at `provider`.
pub fn binding(provider: &str) -> Value {
    json!({
        "apiVersion": "apis.kcp.io/v1alpha2",
        "kind": "APIBinding",
        "metadata": { "name": BINDING_NAME, "labels": managed_labels() },
        "spec": {
            "reference": { "export": { "path": provider, "name": EXPORT_NAME } },
            "permissionClaims": permission_claims(true),
        },
    })
}

/// The types kcp serves itself that the controller reads through the export's virtual
/// workspace besides the TMC and workload types: the clusters' credentials Secrets, and what
/// workloads depend on (ConfigMaps, Secrets, ServiceAccounts, their Namespaces). All in the
/// core group.
pub const CLAIMED_RESOURCES: [&str; 4] = ["secrets", "configmaps", "serviceaccounts", "namespaces"];

/// The verbs claimed on each of [`CLAIMED_RESOURCES`]. kcp grants a claim only as far as the
/// binding's verbs equal the export's, so both sides are built here from this one list.
pub const CLAIMED_VERBS: [&str; 3] = ["get", "list", "watch"];

/// The permission claims of the export (`accepted == false`) or of a binding accepting them.
fn permission_claims(accepted: bool) -> Value {
    CLAIMED_RESOURCES
        .iter()
        .map(|resource| {
            let mut claim = json!({ "group": "", "resource": resource, "verbs": CLAIMED_VERBS });
            if accepted {
                claim["selector"] = json!({ "matchAll": true });
                claim["state"] = json!("Accepted");
            }
            claim
        })
        .collect()
}

/// The CRDs for a plain Kubernetes server, labelled as ours.
pub fn crd_objects() -> Vec<Value> {
    api::crds()
        .into_iter()
        .map(|crd| {
            let mut value = serde_json::to_value(crd).expect("a CRD always serializes");
            value["metadata"]["labels"] = managed_labels();
            value
        })
        .collect()
}

/// An APIResourceSchema carrying a CRD's spec. Schemas are immutable in kcp, so the name holds
/// a hash of the content: installing the same API again finds the same name, a changed API
/// gets a new schema and the export moves to it.
fn schema_from_crd(crd: &CustomResourceDefinition) -> Value {
    let spec = &crd.spec;
    let versions: Vec<Value> = spec
        .versions
        .iter()
        .map(|v| {
            json!({
                "name": v.name,
                "served": v.served,
                "storage": v.storage,
                "schema": v.schema.as_ref().and_then(|s| s.open_api_v3_schema.as_ref()),
                "subresources": v.subresources,
                "additionalPrinterColumns": v.additional_printer_columns,
            })
        })
        .collect();
    // kcp requires listKind and singular, which CRDs leave to defaulting.
    let mut names = serde_json::to_value(&spec.names).expect("names serialize");
    if names["listKind"].is_null() {
        names["listKind"] = json!(format!("{}List", spec.names.kind));
    }
    if names["singular"].is_null() {
        names["singular"] = json!(spec.names.kind.to_ascii_lowercase());
    }
    let body = json!({
        "group": spec.group,
        "names": names,
        "scope": spec.scope,
        "versions": versions,
    });
    resource_schema(body, None)
}

/// An APIResourceSchema with `spec`, named `h<hash of spec>.<plural>.<group>` (`core` for the
/// core group, as kcp requires) and labelled as ours, so uninstall finds it.
fn resource_schema(spec: Value, annotations: Option<Value>) -> Value {
    let digest = Sha256::digest(serde_json::to_vec(&spec).expect("JSON values always serialize"));
    let hash: String = digest.iter().take(5).map(|b| format!("{b:02x}")).collect();
    let group = match spec["group"].as_str().unwrap_or_default() {
        "" => "core",
        group => group,
    };
    let plural = spec["names"]["plural"].as_str().unwrap_or_default();
    let mut metadata = json!({ "name": format!("h{hash}.{plural}.{group}"), "labels": managed_labels() });
    if let Some(annotations) = annotations {
        metadata["annotations"] = annotations;
    }
    json!({
        "apiVersion": "apis.kcp.io/v1alpha1",
        "kind": "APIResourceSchema",
        "metadata": metadata,
        "spec": spec,
    })
}

fn managed_labels() -> Value {
    json!({ MANAGED_BY_LABEL: MANAGED_BY })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schema_names_are_stable_and_export_points_at_them() {
        let first = kcp_publication(&[]);
        let second = kcp_publication(&[]);
        assert_eq!(first.schemas, second.schemas, "same API must give the same schema names");
        let names: Vec<&str> = first.schemas.iter().map(|s| s["metadata"]["name"].as_str().unwrap()).collect();
        assert_eq!(names.len(), 2);
        assert!(names[0].ends_with(".clusterregistrations.tmc.kcp.io"), "{}", names[0]);
        assert!(names[1].ends_with(".workloadplacements.tmc.kcp.io"), "{}", names[1]);
        let exported: Vec<&str> = first.export["spec"]["resources"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["schema"].as_str().unwrap())
            .collect();
        assert_eq!(exported, names);
    }

    #[test]
    fn workload_resources_follow_the_tmc_ones_in_the_export() {
        let deployments = json!({ "name": "deployments", "group": "apps", "schema": "habc.deployments.apps", "storage": { "crd": {} } });
        let publication = kcp_publication(std::slice::from_ref(&deployments));
        let resources = publication.export["spec"]["resources"].as_array().unwrap();
        assert_eq!(resources.len(), 3);
        assert_eq!(resources[2], deployments);
        assert_eq!(publication.schemas.len(), 2, "workload schemas are the caller's to create");
    }

    #[test]
    fn binding_references_the_provider_path() {
        let b = binding("root:tmc");
        assert_eq!(b["spec"]["reference"]["export"]["path"], "root:tmc");
        assert_eq!(b["spec"]["reference"]["export"]["name"], EXPORT_NAME);
    }

    #[test]
    fn the_binding_accepts_exactly_the_claims_the_export_makes() {
        let export = kcp_publication(&[]).export;
        let binding = binding("root:tmc");
        let claims = |v: &Value| -> Vec<(Value, Value, Value)> {
            v["spec"]["permissionClaims"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| (c["group"].clone(), c["resource"].clone(), c["verbs"].clone()))
                .collect()
        };
        assert_eq!(claims(&export), claims(&binding));
        let claimed: Vec<&str> = export["spec"]["permissionClaims"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["resource"].as_str().unwrap())
            .collect();
        assert_eq!(claimed, ["secrets", "configmaps", "serviceaccounts", "namespaces"]);
        for claim in binding["spec"]["permissionClaims"].as_array().unwrap() {
            assert_eq!(claim["state"], "Accepted");
            assert_eq!(claim["selector"]["matchAll"], true);
            assert_eq!(claim["verbs"], json!(CLAIMED_VERBS));
        }
    }

    #[test]
    fn crds_carry_the_managed_by_label() {
        for crd in crd_objects() {
            assert_eq!(crd["metadata"]["labels"][MANAGED_BY_LABEL], MANAGED_BY);
        }
    }
}
