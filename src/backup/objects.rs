//! Objects as archived: server-set fields removed, and one stable path per object.

use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::api::{ClusterRegistration, WorkloadPlacement};

/// Fields the server sets that a restore must not send back.
const SERVER_FIELDS: [&str; 6] =
    ["uid", "resourceVersion", "managedFields", "creationTimestamp", "generation", "selfLink"];

/// Checks `object` against its kind's schema where tmcctl knows it (its own API, the core kinds
/// a backup holds and the built-in workload kinds): a field of the wrong type, say, is found
/// before a restore sends it. Kinds it does not know (custom workload types) pass: the server
/// that serves them checks them on restore.
pub fn check_schema(object: &Value) -> Result<(), String> {
    use k8s_openapi::api::{apps::v1 as apps, batch::v1 as batch, core::v1 as core, networking::v1 as networking};
    fn parse<T: DeserializeOwned>(object: &Value) -> Result<(), String> {
        T::deserialize(object).map(|_| ()).map_err(|e| format!("it does not match its kind's schema: {e}"))
    }
    match (object["apiVersion"].as_str().unwrap_or_default(), object["kind"].as_str().unwrap_or_default()) {
        ("tmc.kcp.io/v1alpha1", "ClusterRegistration") => parse::<ClusterRegistration>(object),
        ("tmc.kcp.io/v1alpha1", "WorkloadPlacement") => parse::<WorkloadPlacement>(object),
        ("v1", "Namespace") => parse::<core::Namespace>(object),
        ("v1", "ConfigMap") => parse::<core::ConfigMap>(object),
        ("v1", "Secret") => parse::<core::Secret>(object),
        ("v1", "ServiceAccount") => parse::<core::ServiceAccount>(object),
        ("v1", "Service") => parse::<core::Service>(object),
        ("apps/v1", "Deployment") => parse::<apps::Deployment>(object),
        ("apps/v1", "StatefulSet") => parse::<apps::StatefulSet>(object),
        ("apps/v1", "DaemonSet") => parse::<apps::DaemonSet>(object),
        ("batch/v1", "Job") => parse::<batch::Job>(object),
        ("networking.k8s.io/v1", "Ingress") => parse::<networking::Ingress>(object),
        _ => Ok(()),
    }
}

/// Removes what the server set on `object` (and kcp's logical-cluster annotation, which names
/// where it came from). `status` is dropped unless `keep_status`: restore needs it only where
/// it carries intent, such as a placement's decisions (stickiness).
pub fn strip_server_fields(object: &mut Value, keep_status: bool) {
    if let Some(meta) = object.get_mut("metadata").and_then(Value::as_object_mut) {
        for field in SERVER_FIELDS {
            meta.remove(field);
        }
        if let Some(annotations) = meta.get_mut("annotations").and_then(Value::as_object_mut) {
            annotations.remove("kcp.io/cluster");
            if annotations.is_empty() {
                meta.remove("annotations");
            }
        }
    }
    if !keep_status {
        if let Some(map) = object.as_object_mut() {
            map.remove("status");
        }
    }
}

/// The path of `object` of `workspace` in an archive:
/// `objects/<workspace>/<group or core>/<kind>/<namespace or _cluster>/<name>.json`.
/// `None` when a part is missing or could leave its directory (`/`, `..`, empty).
pub fn entry_path(workspace: &str, object: &Value) -> Option<String> {
    let api_version = object["apiVersion"].as_str()?;
    let group = match api_version.rsplit_once('/') {
        Some((group, _)) => group,
        None => "core",
    };
    let kind = object["kind"].as_str()?;
    let name = object["metadata"]["name"].as_str()?;
    let namespace = object["metadata"]["namespace"].as_str().unwrap_or("_cluster");
    let parts = [workspace, group, kind, namespace, name];
    let safe =
        |p: &str| !p.is_empty() && p != "." && p != ".." && !p.contains('/') && !p.contains('\\') && !p.contains('\0');
    parts.iter().all(|p| safe(p)).then(|| format!("objects/{workspace}/{group}/{kind}/{namespace}/{name}.json"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn server_fields_go_and_intent_stays() {
        let mut placement = json!({"apiVersion": "tmc.kcp.io/v1alpha1", "kind": "WorkloadPlacement",
            "metadata": {"name": "web", "uid": "u", "resourceVersion": "7", "generation": 2, "creationTimestamp": "t",
                         "managedFields": [{}], "labels": {"a": "b"}, "annotations": {"kcp.io/cluster": "abc"}},
            "spec": {"strategy": "Spread"}, "status": {"decisions": [{"cluster": "pc1"}]}});
        strip_server_fields(&mut placement, true);
        assert_eq!(placement["metadata"], json!({"name": "web", "labels": {"a": "b"}}));
        assert_eq!(placement["status"]["decisions"][0]["cluster"], "pc1");
        strip_server_fields(&mut placement, false);
        assert!(placement.get("status").is_none());
    }

    #[test]
    fn paths_name_workspace_group_kind_namespace_and_name() {
        let secret = json!({"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "tmc-cluster-pc1", "namespace": "tmc-system"}});
        assert_eq!(
            entry_path("root:a", &secret).unwrap(),
            "objects/root:a/core/Secret/tmc-system/tmc-cluster-pc1.json"
        );
        let reg =
            json!({"apiVersion": "tmc.kcp.io/v1alpha1", "kind": "ClusterRegistration", "metadata": {"name": "pc1"}});
        assert_eq!(
            entry_path("root:a", &reg).unwrap(),
            "objects/root:a/tmc.kcp.io/ClusterRegistration/_cluster/pc1.json"
        );
    }

    #[test]
    fn parts_that_could_leave_their_directory_have_no_path() {
        for name in ["..", "a/b", "", "."] {
            let object = json!({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": name}});
            assert_eq!(entry_path("root:a", &object), None, "{name:?}");
        }
        assert_eq!(entry_path("../x", &json!({"apiVersion": "v1", "kind": "A", "metadata": {"name": "n"}})), None);
    }
}
