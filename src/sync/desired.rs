//! The objects tmcctl server-side applies on a cluster: a workload's copy, the ConfigMaps,
//! Secrets, ServiceAccounts and claims beside it, and the namespace that holds them.
//!
//! Data flows (upstream object, [`Target`]) → [`desired_copy`] / [`desired_dependency`] → the
//! object to apply; [`desired_namespace`] and [`namespace_is_ours`] guard the namespace first.
//!
//! A copy carries what the user wrote and nothing the upstream server made up: no status, no
//! server-owned metadata, no kcp bookkeeping, and none of the fields each cluster allocates
//! for itself (Service IPs and node ports, a Job's generated selector, a claim's bound
//! volume). Copying those would make the cluster reject the object or fight over it.

use serde_json::{Map, Value};
use thiserror::Error;

use super::drift::{remove_fields, FieldPath};
use crate::api::ownership::{
    DELETION_POLICY_ANNOTATION, PLACEMENT_ANNOTATION, UPSTREAM_GENERATION_ANNOTATION, UPSTREAM_NAMESPACE_ANNOTATION,
    UPSTREAM_NAME_ANNOTATION, UPSTREAM_WORKSPACE_ANNOTATION, WORKSPACE_LABEL,
};

/// Where one copy goes and what differs there.
#[derive(Debug, Clone, Copy)]
pub struct Target<'a> {
    /// kcp logical cluster name of the upstream object (value of WORKSPACE_LABEL).
    pub logical_cluster: &'a str,
    /// The workspace path for people, when known (UPSTREAM_WORKSPACE_ANNOTATION).
    pub workspace: Option<&'a str>,
    /// The downstream namespace (from names::downstream_namespace).
    pub namespace: &'a str,
    /// The governing placement's name.
    pub placement: &'a str,
    /// `spec.replicas` on this cluster; `None` leaves the upstream value (or absence).
    pub replicas: Option<u32>,
    /// Fields left to the cluster (drift-ignore): removed from the copy.
    pub ignored: &'a [FieldPath],
    /// The placement removes the copy once it no longer governs the workload (its deletion
    /// policy is `Delete`): said on the copy by DELETION_POLICY_ANNOTATION.
    pub delete_when_ungoverned: bool,
}

/// Why an upstream object cannot be turned into a downstream one; each names the object, what
/// is wrong and what to do.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PlanError {
    /// The value is not a JSON object at all.
    #[error("the upstream object is {found}, not a Kubernetes object; only objects with apiVersion, kind and metadata.name can be synced")]
    NotAnObject {
        /// What it is instead ("an array", "a string", …).
        found: &'static str,
    },
    /// A field every synced object needs is missing or not a string.
    #[error("upstream {object} has no {field}; set it on the object in the workspace")]
    MissingField {
        /// The object, as well as it can be named.
        object: String,
        /// The missing field.
        field: &'static str,
    },
    /// A field holds the wrong type for what the copy must set inside it.
    #[error("upstream {object}: {field} is {found}, not an object, so tmcctl cannot set {inner} in it; fix {field} in the workspace")]
    NotAnObjectField {
        /// The object.
        object: String,
        /// The field of the wrong type.
        field: &'static str,
        /// What it is instead.
        found: &'static str,
        /// What tmcctl needed to set inside it.
        inner: &'static str,
    },
    /// A dependency of a kind that is never copied beside a workload.
    #[error(
        "upstream {object} is not copied beside workloads: only ConfigMaps, Secrets, ServiceAccounts and \
         PersistentVolumeClaims are; sync it as a workload of its own instead"
    )]
    NotADependency {
        /// The object.
        object: String,
    },
}

/// The object to server-side apply downstream: apiVersion, kind, metadata {name, namespace =
/// target.namespace, labels = upstream labels + WORKSPACE_LABEL, annotations = upstream
/// annotations minus kcp-only ones (keys in the `kcp.io` domain or a subdomain of it, such as
/// `kcp.io/cluster`, `claimed.internal.apis.kcp.io/*` and tmcctl's own upstream settings like
/// `tmc.kcp.io/drift-policy`; `kubectl.kubernetes.io/last-applied-configuration`) plus
/// UPSTREAM_* annotations (generation = upstream metadata.generation), PLACEMENT_ANNOTATION},
/// and `spec` (with `spec.replicas` = target.replicas when Some). Never: status, uid,
/// resourceVersion, generation, creationTimestamp, managedFields, finalizers, ownerReferences,
/// deletionTimestamp/GracePeriod, selfLink. Kind-specific: Service drops spec.clusterIP,
/// spec.clusterIPs (unless headless, `None`), spec.healthCheckNodePort and every
/// spec.ports[].nodePort (allocated per cluster); Job drops its generated selector and labels
/// (`controller-uid`, `batch.kubernetes.io/controller-uid`, `batch.kubernetes.io/job-name`,
/// `job-name`) unless spec.manualSelector is true. Fields in target.ignored are removed.
/// Top-level fields other than apiVersion/kind/metadata/status (e.g. `spec`, `data`, `rules`)
/// are kept.
pub fn desired_copy(upstream: &Value, target: &Target) -> Result<Value, PlanError> {
    let source = Source::read(upstream)?;
    let mut body = source.body();
    if let Some(replicas) = target.replicas {
        let spec = body.entry("spec").or_insert_with(|| Value::Object(Map::new()));
        let Value::Object(spec) = spec else {
            let found = type_name(spec);
            return Err(PlanError::NotAnObjectField {
                object: source.describe(),
                field: "spec",
                found,
                inner: "replicas",
            });
        };
        spec.insert("replicas".into(), replicas.into());
    }
    let mut drop_labels: &[&str] = &[];
    match (source.api_version, source.kind) {
        ("v1", "Service") => strip_service(&mut body),
        ("batch/v1", "Job") if body_at(&body, "spec")["manualSelector"] != true => {
            strip_job(&mut body);
            drop_labels = &JOB_GENERATED_LABELS;
        }
        _ => {}
    }
    Ok(source.finish(body, target, drop_labels))
}

/// A referenced ConfigMap / Secret / ServiceAccount / PVC copied beside the workload
/// (same metadata rules and ignored fields, no replicas). `None` when it must not be copied:
/// the `default` ServiceAccount, Secrets of type `kubernetes.io/service-account-token`, and the
/// `kube-root-ca.crt` ConfigMap (each cluster makes and owns its own of all three).
/// ServiceAccount copies drop `secrets`. PVC copies drop spec.volumeName and the
/// `pv.kubernetes.io/*`, `volume.kubernetes.io/*` and `volume.beta.kubernetes.io/*` binding
/// annotations, since binding is the cluster's own business.
pub fn desired_dependency(upstream: &Value, target: &Target) -> Result<Option<Value>, PlanError> {
    let source = Source::read(upstream)?;
    let mut body = source.body();
    let mut drop_prefixes: &[&str] = &[];
    match (source.api_version, source.kind) {
        ("v1", "ConfigMap") if source.name == "kube-root-ca.crt" => return Ok(None),
        ("v1", "ConfigMap") => {}
        ("v1", "Secret") if body_at(&body, "type") == "kubernetes.io/service-account-token" => return Ok(None),
        ("v1", "Secret") => {}
        ("v1", "ServiceAccount") if source.name == "default" => return Ok(None),
        ("v1", "ServiceAccount") => {
            body.remove("secrets");
        }
        ("v1", "PersistentVolumeClaim") => {
            if let Some(Value::Object(spec)) = body.get_mut("spec") {
                spec.remove("volumeName");
            }
            drop_prefixes = &["pv.kubernetes.io/", "volume.kubernetes.io/", "volume.beta.kubernetes.io/"];
        }
        _ => return Err(PlanError::NotADependency { object: source.describe() }),
    }
    let mut copy = source.finish(body, target, &[]);
    if let Some(Value::Object(annotations)) = copy.pointer_mut("/metadata/annotations") {
        annotations.retain(|key, _| !drop_prefixes.iter().any(|p| key.starts_with(p)));
    }
    Ok(Some(copy))
}

/// The downstream Namespace object: name = target.namespace, WORKSPACE_LABEL, and
/// UPSTREAM_WORKSPACE/NAMESPACE annotations (`upstream_namespace` given).
pub fn desired_namespace(target: &Target, upstream_namespace: &str) -> Value {
    let mut annotations = Map::new();
    if let Some(workspace) = target.workspace {
        annotations.insert(UPSTREAM_WORKSPACE_ANNOTATION.into(), workspace.into());
    }
    annotations.insert(UPSTREAM_NAMESPACE_ANNOTATION.into(), upstream_namespace.into());
    serde_json::json!({
        "apiVersion": "v1",
        "kind": "Namespace",
        "metadata": {
            "name": target.namespace,
            "labels": {WORKSPACE_LABEL: target.logical_cluster},
            "annotations": annotations,
        }
    })
}

/// Whether an existing downstream Namespace belongs to this (logical cluster, namespace):
/// its WORKSPACE_LABEL and UPSTREAM_NAMESPACE annotation match. A namespace without our label
/// (someone else's) or with another workspace's is a collision: never write into it.
pub fn namespace_is_ours(namespace: &Value, logical_cluster: &str, upstream_namespace: &str) -> bool {
    let metadata = &namespace["metadata"];
    metadata["labels"][WORKSPACE_LABEL] == logical_cluster
        && metadata["annotations"][UPSTREAM_NAMESPACE_ANNOTATION] == upstream_namespace
}

/// Labels the Job controller adds for its generated selector; they hold the upstream Job's
/// uid, which matches nothing on the cluster.
const JOB_GENERATED_LABELS: [&str; 4] =
    ["controller-uid", "batch.kubernetes.io/controller-uid", "batch.kubernetes.io/job-name", "job-name"];

/// The parts of an upstream object every copy is built from, checked once.
struct Source<'u> {
    object: &'u Map<String, Value>,
    api_version: &'u str,
    kind: &'u str,
    name: &'u str,
    namespace: Option<&'u str>,
}

impl<'u> Source<'u> {
    fn read(upstream: &'u Value) -> Result<Self, PlanError> {
        let object = upstream.as_object().ok_or(PlanError::NotAnObject { found: type_name(upstream) })?;
        let text = |value: &'u Value| value.as_str().filter(|s| !s.is_empty());
        let metadata = &upstream["metadata"];
        let namespace = text(&metadata["namespace"]);
        let described = || describe(text(&upstream["kind"]), namespace, text(&metadata["name"]));
        let missing = |field| PlanError::MissingField { object: described(), field };
        Ok(Source {
            object,
            api_version: text(&upstream["apiVersion"]).ok_or_else(|| missing("apiVersion"))?,
            kind: text(&upstream["kind"]).ok_or_else(|| missing("kind"))?,
            name: text(&metadata["name"]).ok_or_else(|| missing("metadata.name"))?,
            namespace,
        })
    }

    fn describe(&self) -> String {
        describe(Some(self.kind), self.namespace, Some(self.name))
    }

    /// Every top-level field but the identity, metadata and status.
    fn body(&self) -> Map<String, Value> {
        let skip = ["apiVersion", "kind", "metadata", "status"];
        self.object.iter().filter(|(k, _)| !skip.contains(&k.as_str())).map(|(k, v)| (k.clone(), v.clone())).collect()
    }

    /// Removes the ignored fields from `body` (before metadata goes in, so no drift-ignore
    /// path can touch tmcctl's own labels) and adds identity and metadata.
    fn finish(&self, body: Map<String, Value>, target: &Target, drop_labels: &[&str]) -> Value {
        let mut copy = Value::Object(body);
        remove_fields(&mut copy, target.ignored);
        if let Value::Object(fields) = &mut copy {
            fields.insert("apiVersion".into(), self.api_version.into());
            fields.insert("kind".into(), self.kind.into());
            fields.insert("metadata".into(), Value::Object(self.metadata(target, drop_labels)));
        }
        copy
    }

    fn metadata(&self, target: &Target, drop_labels: &[&str]) -> Map<String, Value> {
        let upstream = self.object.get("metadata").unwrap_or(&Value::Null);
        let strings = |field: &str| -> Map<String, Value> {
            upstream[field]
                .as_object()
                .into_iter()
                .flatten()
                .filter(|(_, v)| v.is_string())
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect()
        };
        let mut labels = strings("labels");
        labels.retain(|key, _| !drop_labels.contains(&key.as_str()));
        labels.insert(WORKSPACE_LABEL.into(), target.logical_cluster.into());
        let mut annotations = strings("annotations");
        annotations.retain(|key, _| !is_kcp_only(key));
        let mut ours = vec![(UPSTREAM_NAME_ANNOTATION, self.name.to_string())];
        ours.push((PLACEMENT_ANNOTATION, target.placement.to_string()));
        if target.delete_when_ungoverned {
            ours.push((DELETION_POLICY_ANNOTATION, "Delete".to_string()));
        }
        ours.extend(target.workspace.map(|w| (UPSTREAM_WORKSPACE_ANNOTATION, w.to_string())));
        ours.extend(self.namespace.map(|n| (UPSTREAM_NAMESPACE_ANNOTATION, n.to_string())));
        ours.extend(upstream["generation"].as_i64().map(|g| (UPSTREAM_GENERATION_ANNOTATION, g.to_string())));
        annotations.extend(ours.into_iter().map(|(k, v)| (k.to_string(), Value::String(v))));
        let mut metadata = Map::new();
        metadata.insert("name".into(), self.name.into());
        metadata.insert("namespace".into(), target.namespace.into());
        metadata.insert("labels".into(), Value::Object(labels));
        metadata.insert("annotations".into(), Value::Object(annotations));
        metadata
    }
}

/// Annotations that mean something only in kcp (or only upstream, for tmcctl's own settings);
/// on a cluster they would be stale at best.
fn is_kcp_only(key: &str) -> bool {
    let domain = key.split_once('/').map_or("", |(domain, _)| domain);
    domain == "kcp.io" || domain.ends_with(".kcp.io") || key == "kubectl.kubernetes.io/last-applied-configuration"
}

fn strip_service(body: &mut Map<String, Value>) {
    let Some(Value::Object(spec)) = body.get_mut("spec") else { return };
    // "None" is not an allocation but the user's choice of a headless Service; keep it.
    if spec.get("clusterIP").is_none_or(|ip| ip != "None") {
        spec.remove("clusterIP");
        spec.remove("clusterIPs");
    }
    spec.remove("healthCheckNodePort");
    for port in spec.get_mut("ports").and_then(Value::as_array_mut).into_iter().flatten() {
        if let Value::Object(port) = port {
            port.remove("nodePort");
        }
    }
}

fn strip_job(body: &mut Map<String, Value>) {
    let Some(Value::Object(spec)) = body.get_mut("spec") else { return };
    spec.remove("selector");
    if let Some(Value::Object(labels)) = spec.get_mut("template").and_then(|t| t.pointer_mut("/metadata/labels")) {
        labels.retain(|key, _| !JOB_GENERATED_LABELS.contains(&key.as_str()));
    }
}

fn body_at<'b>(body: &'b Map<String, Value>, key: &str) -> &'b Value {
    body.get(key).unwrap_or(&Value::Null)
}

fn describe(kind: Option<&str>, namespace: Option<&str>, name: Option<&str>) -> String {
    let kind = kind.unwrap_or("object");
    match (namespace, name) {
        (Some(ns), Some(name)) => format!("{kind} {ns}/{name}"),
        (None, Some(name)) => format!("{kind} {name}"),
        (_, None) => format!("{kind} without a name"),
    }
}

fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests;
