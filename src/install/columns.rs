//! How an imported workload type looks to `kubectl get` in a workspace: printer columns like
//! kubectl's own for the kinds it knows, and the subresources the schema allows.
//!
//! A CRD column shows one JSON path, so kubectl's `READY 1/3` becomes a `Ready` count. A
//! column is added only when its path exists in the published schema (a field dropped as not
//! served everywhere takes its column with it).

use serde_json::{json, Value};

/// (header, type, JSON path) of one printer column.
type Column = (&'static str, &'static str, &'static str);

const DEPLOYMENT: &[Column] = &[
    ("Ready", "integer", ".status.readyReplicas"),
    ("Up-to-date", "integer", ".status.updatedReplicas"),
    ("Available", "integer", ".status.availableReplicas"),
];
const DAEMON_SET: &[Column] = &[
    ("Desired", "integer", ".status.desiredNumberScheduled"),
    ("Current", "integer", ".status.currentNumberScheduled"),
    ("Ready", "integer", ".status.numberReady"),
    ("Up-to-date", "integer", ".status.updatedNumberScheduled"),
    ("Available", "integer", ".status.numberAvailable"),
];
const JOB: &[Column] =
    &[("Completions", "integer", ".spec.completions"), ("Succeeded", "integer", ".status.succeeded")];
const SERVICE: &[Column] = &[("Type", "string", ".spec.type"), ("Cluster-IP", "string", ".spec.clusterIP")];
const INGRESS: &[Column] = &[("Class", "string", ".spec.ingressClassName")];

/// The printer columns for `group`/`kind`: kubectl's where known, then Age for every type.
pub fn printer_columns(group: &str, kind: &str, schema: &Value) -> Vec<Value> {
    let known: &[Column] = match (group, kind) {
        ("apps", "Deployment" | "StatefulSet" | "ReplicaSet") => DEPLOYMENT,
        ("apps", "DaemonSet") => DAEMON_SET,
        ("batch", "Job") => JOB,
        ("", "Service") => SERVICE,
        ("networking.k8s.io", "Ingress") => INGRESS,
        _ => &[],
    };
    known
        .iter()
        .filter(|(_, _, path)| has_path(schema, path))
        .map(|(name, kind, path)| json!({ "name": name, "type": kind, "jsonPath": path }))
        .chain(std::iter::once(json!({ "name": "Age", "type": "date", "jsonPath": ".metadata.creationTimestamp" })))
        .collect()
}

/// The subresources: status always; scale when the type has replica counts in spec and
/// status (with a label selector only when the status carries one as a string).
pub fn subresources(schema: &Value) -> Value {
    let mut subresources = json!({ "status": {} });
    if has_path(schema, ".spec.replicas") && has_path(schema, ".status.replicas") {
        let mut scale = json!({ "specReplicasPath": ".spec.replicas", "statusReplicasPath": ".status.replicas" });
        if property(schema, ".status.selector").is_some_and(|s| s["type"] == "string") {
            scale["labelSelectorPath"] = json!(".status.selector");
        }
        subresources["scale"] = scale;
    }
    subresources
}

fn has_path(schema: &Value, path: &str) -> bool {
    property(schema, path).is_some()
}

/// The schema of the property at a dotted `path` (`.spec.replicas`).
fn property<'a>(schema: &'a Value, path: &str) -> Option<&'a Value> {
    path.trim_start_matches('.')
        .split('.')
        .try_fold(schema, |node, name| node.get("properties").and_then(|p| p.get(name)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn schema_with(spec: Value, status: Value) -> Value {
        json!({ "type": "object", "properties": { "spec": spec, "status": status } })
    }

    #[test]
    fn scale_needs_replicas_in_spec_and_status() {
        let replicas = json!({ "type": "object", "properties": { "replicas": { "type": "integer" } } });
        let scaled = subresources(&schema_with(replicas.clone(), replicas.clone()));
        assert_eq!(scaled["scale"]["specReplicasPath"], ".spec.replicas");
        assert_eq!(scaled["scale"]["statusReplicasPath"], ".status.replicas");
        assert!(scaled["scale"].get("labelSelectorPath").is_none());
        assert_eq!(scaled["status"], json!({}));
        let unscaled = subresources(&schema_with(replicas, json!({ "type": "object" })));
        assert!(unscaled.get("scale").is_none());
    }

    #[test]
    fn a_string_selector_in_status_becomes_the_label_selector_path() {
        let spec = json!({ "type": "object", "properties": { "replicas": { "type": "integer" } } });
        let status = json!({ "type": "object", "properties": {
            "replicas": { "type": "integer" }, "selector": { "type": "string" } } });
        assert_eq!(subresources(&schema_with(spec, status))["scale"]["labelSelectorPath"], ".status.selector");
    }

    #[test]
    fn columns_follow_the_schema_and_always_end_with_age() {
        let status = json!({ "type": "object", "properties": { "readyReplicas": { "type": "integer" } } });
        let columns = printer_columns("apps", "Deployment", &schema_with(json!({ "type": "object" }), status));
        let names: Vec<&str> = columns.iter().map(|c| c["name"].as_str().unwrap()).collect();
        assert_eq!(names, ["Ready", "Age"]);
        assert_eq!(columns[1]["type"], "date");
        let unknown = printer_columns("example.com", "Widget", &json!({}));
        assert_eq!(unknown.len(), 1);
    }
}
