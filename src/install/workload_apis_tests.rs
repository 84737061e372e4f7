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

/// The captured `apps/v1` document of the lab's kube-apiserver (see testdata/README.md).
fn captured_apps_v1() -> Value {
    serde_json::from_str(include_str!("testdata/apps-v1.openapi.json")).unwrap()
}

fn served_from_capture(kind: &str) -> ServedType {
    let doc = captured_apps_v1();
    let document = super::super::openapi::OpenApiDocument::new(&doc).unwrap();
    let name = document.find("apps", "v1", kind).unwrap();
    served("pc1", kind, document.structural_schema(name).unwrap())
}

/// Every node has a type or one of the escapes, and nothing apiextensions refuses is left.
fn assert_structural(node: &Value, path: &str) {
    let object = node.as_object().unwrap_or_else(|| panic!("{path}: not an object"));
    for refused in ["$ref", "allOf", "anyOf", "oneOf", "description", "x-kubernetes-group-version-kind"] {
        assert!(!object.contains_key(refused), "{path}: has {refused}");
    }
    let escaped = node["x-kubernetes-int-or-string"] == true || node["x-kubernetes-preserve-unknown-fields"] == true;
    assert!(node.get("type").is_some() || escaped, "{path}: no type");
    if node["x-kubernetes-int-or-string"] == true {
        assert!(node.get("type").is_none(), "{path}: int-or-string with a type");
    }
    if let Some(properties) = node.get("properties").and_then(Value::as_object) {
        for (name, child) in properties {
            assert_structural(child, &format!("{path}.{name}"));
        }
    }
    for (key, suffix) in [("items", "[]"), ("additionalProperties", "{}")] {
        if let Some(child) = node.get(key) {
            assert_structural(child, &format!("{path}{suffix}"));
        }
    }
}

#[test]
fn a_captured_deployment_schema_converts_to_a_structural_one() {
    let served = served_from_capture("Deployment");
    assert_structural(&served.schema, "");
    let properties = &served.schema["properties"];
    assert_eq!(properties["metadata"], json!({ "type": "object" }));
    let spec = &properties["spec"]["properties"];
    assert_eq!(spec["replicas"]["type"], "integer");
    let rolling = &spec["strategy"]["properties"]["rollingUpdate"]["properties"];
    assert_eq!(rolling["maxSurge"], json!({ "x-kubernetes-int-or-string": true }));
    let container = &spec["template"]["properties"]["spec"]["properties"]["containers"]["items"]["properties"];
    assert_eq!(
        container["resources"]["properties"]["limits"]["additionalProperties"],
        json!({ "x-kubernetes-int-or-string": true })
    );
    assert_eq!(container["ports"]["x-kubernetes-list-type"], "map");
    assert_eq!(container["ports"]["items"]["properties"]["protocol"]["default"], "TCP");
    let template_metadata = &spec["template"]["properties"]["metadata"]["properties"];
    assert_eq!(template_metadata["labels"]["additionalProperties"]["type"], "string");
}

#[test]
fn captured_apps_types_publish_with_scale_and_kubectl_columns() {
    for (kind, plural, columns) in [
        ("Deployment", "deployments", vec!["Ready", "Up-to-date", "Available", "Age"]),
        ("StatefulSet", "statefulsets", vec!["Ready", "Up-to-date", "Available", "Age"]),
        ("DaemonSet", "daemonsets", vec!["Desired", "Current", "Ready", "Up-to-date", "Available", "Age"]),
    ] {
        let published = publish(&ty(plural, "apps"), &[served_from_capture(kind)]).unwrap();
        let version = &published.schema["spec"]["versions"][0];
        assert_structural(&version["schema"], kind);
        assert_eq!(version["schema"]["properties"]["status"]["properties"]["tmc"]["type"], "object");
        let scale = version["subresources"].get("scale");
        assert_eq!(scale.is_some(), kind != "DaemonSet", "{kind}: {scale:?}");
        let names: Vec<&str> = version["additionalPrinterColumns"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["name"].as_str().unwrap())
            .collect();
        assert_eq!(names, columns, "{kind}");
        // Well below kcp's object size limit once descriptions are gone.
        assert!(published.schema.to_string().len() < 200_000, "{kind}: {} bytes", published.schema.to_string().len());
    }
}

#[test]
fn reimporting_a_captured_schema_is_a_no_op_and_a_change_renames_it() {
    let deployments = ty("deployments", "apps");
    let first = publish(&deployments, &[served_from_capture("Deployment")]).unwrap();
    let again = publish(&deployments, &[served_from_capture("Deployment")]).unwrap();
    assert_eq!(first.schema, again.schema);
    let mut older = served_from_capture("Deployment");
    older.source = "pc2".into();
    let spec = older.schema["properties"]["spec"]["properties"].as_object_mut().unwrap();
    spec.remove("minReadySeconds");
    let subset = publish(&deployments, &[served_from_capture("Deployment"), older]).unwrap();
    assert_ne!(subset.schema["metadata"]["name"], first.schema["metadata"]["name"]);
    assert_eq!(
        subset.warnings,
        ["deployments.apps: spec.minReadySeconds is left out, as only pc1 of the clusters serve it"]
    );
}
