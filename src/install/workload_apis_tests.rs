use serde_json::{json, Value};

use super::*;

fn ty(plural: &str, group: &str) -> WorkloadType {
    WorkloadType { plural: plural.into(), group: group.into() }
}

fn served(source: &str, kind: &str, schema: Value) -> ServedType {
    ServedType {
        source: source.into(),
        version: "v1".into(),
        kind: kind.into(),
        singular: kind.to_ascii_lowercase(),
        short_names: vec![],
        categories: vec!["all".into()],
        schema,
    }
}

fn replicated() -> Value {
    json!({ "type": "object", "properties": {
        "apiVersion": { "type": "string" },
        "metadata": { "type": "object" },
        "spec": { "type": "object", "properties": { "replicas": { "type": "integer", "format": "int32" } } },
        "status": { "type": "object", "properties": {
            "replicas": { "type": "integer", "format": "int32" },
            "readyReplicas": { "type": "integer", "format": "int32" } } },
    }})
}

#[test]
fn the_flag_takes_plural_group_or_core_plural() {
    let parsed = parse_workload_types(DEFAULT_WORKLOAD_APIS).unwrap();
    let shown: Vec<String> = parsed.iter().map(ToString::to_string).collect();
    assert_eq!(
        shown,
        [
            "deployments.apps",
            "statefulsets.apps",
            "daemonsets.apps",
            "jobs.batch",
            "services",
            "ingresses.networking.k8s.io"
        ]
    );
    assert_eq!(parsed[4], ty("services", ""));
    assert_eq!(parsed[5], ty("ingresses", "networking.k8s.io"));
    assert_eq!(parse_workload_types("services, services").unwrap().len(), 1);
    for bad in ["", "deployments,", "Deployments.apps", "deployments..apps", "clusterregistrations.tmc.kcp.io"] {
        let err = parse_workload_types(bad).unwrap_err();
        assert!(matches!(err, WorkloadApiError::BadName { .. }), "{bad}: {err}");
    }
}

#[test]
fn a_published_type_has_tmc_status_scale_and_columns() {
    let published = publish(&ty("deployments", "apps"), &[served("pc1", "Deployment", replicated())]).unwrap();
    let schema = &published.schema;
    assert_eq!(schema["kind"], "APIResourceSchema");
    assert_eq!(schema["metadata"]["labels"][crate::install::MANAGED_BY_LABEL], crate::install::MANAGED_BY);
    let name = schema["metadata"]["name"].as_str().unwrap();
    assert!(name.starts_with('h') && name.ends_with(".deployments.apps"), "{name}");
    assert!(schema["metadata"].get("annotations").is_none(), "apps is not a protected group");
    let spec = &schema["spec"];
    assert_eq!(spec["scope"], "Namespaced");
    assert_eq!(
        spec["names"],
        json!({ "plural": "deployments", "singular": "deployment", "kind": "Deployment",
        "listKind": "DeploymentList", "categories": ["all"] })
    );
    let version = &spec["versions"][0];
    assert_eq!(version["name"], "v1");
    assert_eq!(
        version["schema"]["properties"]["status"]["properties"]["tmc"],
        json!({ "type": "object", "x-kubernetes-preserve-unknown-fields": true })
    );
    assert_eq!(
        version["subresources"],
        json!({ "status": {}, "scale": { "specReplicasPath": ".spec.replicas", "statusReplicasPath": ".status.replicas" } })
    );
    let columns: Vec<&str> =
        version["additionalPrinterColumns"].as_array().unwrap().iter().map(|c| c["name"].as_str().unwrap()).collect();
    assert_eq!(columns, ["Ready", "Age"]);
    assert_eq!(
        published.resource,
        json!({ "name": "deployments", "group": "apps", "schema": name, "storage": { "crd": {} } })
    );
    assert!(published.warnings.is_empty());
}

#[test]
fn a_core_type_is_named_core_and_gets_a_status_even_without_one() {
    let schema = json!({ "type": "object", "properties": { "data": { "type": "object",
        "additionalProperties": { "type": "string" } } } });
    let published = publish(&ty("widgets", ""), &[served("pc1", "Widget", schema)]).unwrap();
    assert!(published.schema["metadata"]["name"].as_str().unwrap().ends_with(".widgets.core"));
    assert_eq!(published.schema["spec"]["group"], "");
    assert_eq!(published.resource["group"], "");
    let status = &published.schema["spec"]["versions"][0]["schema"]["properties"]["status"];
    assert_eq!(status["properties"]["tmc"]["x-kubernetes-preserve-unknown-fields"], true);
    assert!(published.schema["spec"]["versions"][0]["subresources"].get("scale").is_none());
}

#[test]
fn kubernetes_groups_carry_the_approval_annotation() {
    let published = publish(&ty("ingresses", "networking.k8s.io"), &[served("pc1", "Ingress", replicated())]).unwrap();
    assert!(published.schema["metadata"]["annotations"]["api-approved.kubernetes.io"]
        .as_str()
        .unwrap()
        .starts_with("https://"));
}

#[test]
fn the_same_schema_keeps_its_name_and_a_changed_one_gets_a_new_one() {
    let deployments = ty("deployments", "apps");
    let first = publish(&deployments, &[served("pc1", "Deployment", replicated())]).unwrap();
    let again = publish(&deployments, &[served("pc2", "Deployment", replicated())]).unwrap();
    assert_eq!(first.schema, again.schema, "which cluster served it does not matter");
    let mut changed = replicated();
    changed["properties"]["spec"]["properties"]["paused"] = json!({ "type": "boolean" });
    let changed = publish(&deployments, &[served("pc1", "Deployment", changed)]).unwrap();
    assert_ne!(first.schema["metadata"]["name"], changed.schema["metadata"]["name"]);
    assert_eq!(changed.resource["schema"], changed.schema["metadata"]["name"]);
}

#[test]
fn fields_not_every_cluster_serves_are_published_without_and_warned_about() {
    let mut newer = replicated();
    newer["properties"]["spec"]["properties"]["paused"] = json!({ "type": "boolean" });
    let published = publish(
        &ty("deployments", "apps"),
        &[served("pc1", "Deployment", replicated()), served("pc2", "Deployment", newer)],
    )
    .unwrap();
    let spec = &published.schema["spec"]["versions"][0]["schema"]["properties"]["spec"];
    assert!(spec["properties"].get("paused").is_none());
    assert_eq!(published.warnings, ["deployments.apps: spec.paused is left out, as only pc2 of the clusters serve it"]);
}

#[test]
fn incompatible_schemas_are_refused_with_the_difference() {
    let mut odd = replicated();
    odd["properties"]["spec"]["properties"]["replicas"] = json!({ "type": "string" });
    let err = publish(
        &ty("deployments", "apps"),
        &[served("pc1", "Deployment", replicated()), served("pc2", "Deployment", odd)],
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "deployments.apps: the clusters serve incompatible schemas: spec.replicas (pc1 integer/int32, pc2 string)"
    );
    assert!(err.hint().contains("--workload-apis"));
}

#[test]
fn a_type_with_its_own_status_tmc_is_refused() {
    let mut taken = replicated();
    taken["properties"]["status"]["properties"]["tmc"] = json!({ "type": "string" });
    let err = publish(&ty("deployments", "apps"), &[served("pc1", "Deployment", taken)]).unwrap_err();
    assert!(matches!(err, WorkloadApiError::StatusTaken { .. }), "{err}");
}

#[test]
fn the_version_is_the_first_preferred_one_every_cluster_serves() {
    let jobs = ty("jobs", "batch");
    let offers = |lists: &[&[&str]]| -> Vec<(String, Vec<String>)> {
        lists.iter().enumerate().map(|(i, l)| (format!("pc{i}"), l.iter().map(|v| v.to_string()).collect())).collect()
    };
    assert_eq!(choose_version(&jobs, &offers(&[&["v2", "v1"], &["v1"]])).unwrap(), "v1");
    assert_eq!(choose_version(&jobs, &offers(&[&["v1", "v2"], &["v2", "v1"]])).unwrap(), "v1");
    let err = choose_version(&jobs, &offers(&[&["v2"], &["v1"]])).unwrap_err();
    assert_eq!(err.to_string(), "jobs.batch: no version is served by every cluster (pc0: v2; pc1: v1)");
}

#[test]
fn merging_keeps_earlier_workload_types_and_replaces_reimported_ones() {
    let entry = |name: &str, group: &str, schema: &str| json!({ "name": name, "group": group, "schema": schema, "storage": { "crd": {} } });
    let existing = [
        entry("clusterregistrations", "tmc.kcp.io", "h1.clusterregistrations.tmc.kcp.io"),
        entry("services", "", "hold.services.core"),
        entry("deployments", "apps", "hold.deployments.apps"),
    ];
    let merged = merge_resources(&existing, &[entry("deployments", "apps", "hnew.deployments.apps")]);
    let schemas: Vec<&str> = merged.iter().map(|r| r["schema"].as_str().unwrap()).collect();
    assert_eq!(schemas, ["hold.services.core", "hnew.deployments.apps"]);
    assert_eq!(merge_resources(&existing, &[]).len(), 2, "a plain install keeps every workload type");
}
