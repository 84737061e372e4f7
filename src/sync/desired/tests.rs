use proptest::prelude::*;
use serde_json::json;

use super::*;
use crate::api::ownership::{DRIFT_POLICY_ANNOTATION, UPSTREAM_WORKSPACE_ANNOTATION};

fn target<'a>(replicas: Option<u32>, ignored: &'a [FieldPath]) -> Target<'a> {
    Target {
        logical_cluster: "2x8m3ux1v0d1a8jj",
        workspace: Some("root:org:shop"),
        namespace: "k3f9a0zq-shop",
        placement: "web-eu",
        replicas,
        ignored,
        delete_when_ungoverned: false,
    }
}

fn deployment() -> Value {
    json!({
        "apiVersion": "apps/v1", "kind": "Deployment",
        "metadata": {
            "name": "web", "namespace": "shop", "uid": "u-1", "resourceVersion": "42", "generation": 7,
            "creationTimestamp": "2026-01-01T00:00:00Z", "managedFields": [{}], "finalizers": ["tmc.kcp.io/sync"],
            "ownerReferences": [{"kind": "X"}], "deletionTimestamp": "2026-01-02T00:00:00Z",
            "deletionGracePeriodSeconds": 30, "selfLink": "/x",
            "labels": {"app": "web"},
            "annotations": {
                "kcp.io/cluster": "2x8m3ux1v0d1a8jj",
                "claimed.internal.apis.kcp.io/abc": "x",
                "kubectl.kubernetes.io/last-applied-configuration": "{}",
                DRIFT_POLICY_ANNOTATION: "report",
                "team": "shop"
            }
        },
        "spec": {"replicas": 3, "selector": {"matchLabels": {"app": "web"}},
                 "template": {"metadata": {"labels": {"app": "web"}}, "spec": {"containers": [{"name": "web"}]}}},
        "status": {"replicas": 3}
    })
}

#[test]
fn a_copy_keeps_what_the_user_wrote_and_only_that() {
    let copy = desired_copy(&deployment(), &target(Some(2), &[])).unwrap();
    let expected = json!({
        "apiVersion": "apps/v1", "kind": "Deployment",
        "metadata": {
            "name": "web", "namespace": "k3f9a0zq-shop",
            "labels": {"app": "web", WORKSPACE_LABEL: "2x8m3ux1v0d1a8jj"},
            "annotations": {
                "team": "shop",
                UPSTREAM_NAME_ANNOTATION: "web",
                UPSTREAM_NAMESPACE_ANNOTATION: "shop",
                UPSTREAM_WORKSPACE_ANNOTATION: "root:org:shop",
                UPSTREAM_GENERATION_ANNOTATION: "7",
                PLACEMENT_ANNOTATION: "web-eu"
            }
        },
        "spec": {"replicas": 2, "selector": {"matchLabels": {"app": "web"}},
                 "template": {"metadata": {"labels": {"app": "web"}}, "spec": {"containers": [{"name": "web"}]}}}
    });
    assert_eq!(copy, expected);
}

#[test]
fn replicas_none_leaves_the_upstream_value_and_absence() {
    let copy = desired_copy(&deployment(), &target(None, &[])).unwrap();
    assert_eq!(copy["spec"]["replicas"], 3);
    let mut daemonset = deployment();
    daemonset["kind"] = "DaemonSet".into();
    daemonset["spec"].as_object_mut().unwrap().remove("replicas");
    let copy = desired_copy(&daemonset, &target(None, &[])).unwrap();
    assert!(copy["spec"].get("replicas").is_none());
}

#[test]
fn ignored_fields_are_left_out_even_when_replicas_are_set() {
    let ignored =
        [FieldPath::parse("spec.replicas").unwrap(), FieldPath::parse("spec.template.spec.containers.name").unwrap()];
    let copy = desired_copy(&deployment(), &target(Some(2), &ignored)).unwrap();
    assert!(copy["spec"].get("replicas").is_none(), "left to the cluster (an autoscaler, say)");
    assert_eq!(copy["spec"]["template"]["spec"]["containers"], json!([{}]));
}

#[test]
fn services_leave_addresses_and_node_ports_to_the_cluster() {
    let service = |cluster_ip: &str| {
        json!({"apiVersion": "v1", "kind": "Service", "metadata": {"name": "web", "namespace": "shop"},
            "spec": {"type": "LoadBalancer", "clusterIP": cluster_ip, "clusterIPs": [cluster_ip], "healthCheckNodePort": 31000,
                     "ports": [{"port": 80, "nodePort": 30080}, {"port": 443}]}})
    };
    let copy = desired_copy(&service("10.0.0.7"), &target(None, &[])).unwrap();
    assert_eq!(copy["spec"], json!({"type": "LoadBalancer", "ports": [{"port": 80}, {"port": 443}]}));
    let headless = desired_copy(&service("None"), &target(None, &[])).unwrap();
    assert_eq!(headless["spec"]["clusterIP"], "None", "headless is the user's choice, not an allocation");
}

#[test]
fn jobs_drop_the_generated_selector_unless_it_is_manual() {
    let generated =
        ["controller-uid", "batch.kubernetes.io/controller-uid", "batch.kubernetes.io/job-name", "job-name"];
    let labels: Map<String, Value> =
        generated.iter().map(|k| ((*k).to_string(), json!("x"))).chain([("app".into(), json!("batch"))]).collect();
    let job = |manual: bool| {
        json!({"apiVersion": "batch/v1", "kind": "Job",
            "metadata": {"name": "once", "namespace": "shop", "labels": labels},
            "spec": {"manualSelector": manual, "selector": {"matchLabels": {"controller-uid": "x"}},
                     "template": {"metadata": {"labels": labels}, "spec": {"restartPolicy": "Never"}}}})
    };
    let copy = desired_copy(&job(false), &target(None, &[])).unwrap();
    assert!(copy["spec"].get("selector").is_none());
    assert_eq!(copy["spec"]["template"]["metadata"]["labels"], json!({"app": "batch"}));
    assert_eq!(copy["metadata"]["labels"], json!({"app": "batch", WORKSPACE_LABEL: "2x8m3ux1v0d1a8jj"}));
    let manual = desired_copy(&job(true), &target(None, &[])).unwrap();
    assert_eq!(manual["spec"]["selector"], json!({"matchLabels": {"controller-uid": "x"}}));
}

#[test]
fn top_level_fields_other_than_spec_are_kept() {
    let role = json!({"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role",
        "metadata": {"name": "reader", "namespace": "shop"}, "rules": [{"verbs": ["get"]}]});
    let copy = desired_copy(&role, &target(None, &[])).unwrap();
    assert_eq!(copy["rules"], json!([{"verbs": ["get"]}]));
    assert!(copy["metadata"]["annotations"].get(UPSTREAM_GENERATION_ANNOTATION).is_none(), "no generation upstream");
}

#[test]
fn objects_that_cannot_be_copied_are_errors_naming_them() {
    let err = desired_copy(&json!([1]), &target(None, &[])).unwrap_err();
    assert_eq!(err, PlanError::NotAnObject { found: "an array" });
    let nameless = json!({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"namespace": "shop"}});
    let text = desired_copy(&nameless, &target(None, &[])).unwrap_err().to_string();
    assert!(text.contains("ConfigMap") && text.contains("metadata.name"), "{text}");
    let odd = json!({"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "web", "namespace": "shop"}, "spec": 3});
    let text = desired_copy(&odd, &target(Some(1), &[])).unwrap_err().to_string();
    assert!(text.contains("Deployment shop/web") && text.contains("spec is a number"), "{text}");
}

#[test]
fn dependencies_the_cluster_makes_itself_are_not_copied() {
    let none = [
        json!({"apiVersion": "v1", "kind": "ServiceAccount", "metadata": {"name": "default", "namespace": "shop"}}),
        json!({"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "t", "namespace": "shop"},
               "type": "kubernetes.io/service-account-token"}),
        json!({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "kube-root-ca.crt", "namespace": "shop"}}),
    ];
    for object in none {
        assert_eq!(desired_dependency(&object, &target(Some(3), &[])), Ok(None), "{object}");
    }
}

#[test]
fn dependencies_drop_what_binds_them_to_the_upstream() {
    let account = json!({"apiVersion": "v1", "kind": "ServiceAccount", "metadata": {"name": "web", "namespace": "shop"},
                         "secrets": [{"name": "web-token"}], "imagePullSecrets": [{"name": "registry"}]});
    let copy = desired_dependency(&account, &target(Some(3), &[])).unwrap().unwrap();
    assert!(copy.get("secrets").is_none());
    assert_eq!(copy["imagePullSecrets"], json!([{"name": "registry"}]));
    assert_eq!(copy["metadata"]["labels"][WORKSPACE_LABEL], "2x8m3ux1v0d1a8jj");

    let claim = json!({"apiVersion": "v1", "kind": "PersistentVolumeClaim",
        "metadata": {"name": "data", "namespace": "shop", "annotations": {"pv.kubernetes.io/bind-completed": "yes", "keep": "me"}},
        "spec": {"volumeName": "pv-1", "resources": {"requests": {"storage": "1Gi"}}}, "status": {"phase": "Bound"}});
    let copy = desired_dependency(&claim, &target(Some(3), &[])).unwrap().unwrap();
    assert_eq!(copy["spec"], json!({"resources": {"requests": {"storage": "1Gi"}}}), "no replicas, no bound volume");
    assert_eq!(copy["metadata"]["annotations"]["keep"], "me");
    assert!(copy["metadata"]["annotations"].get("pv.kubernetes.io/bind-completed").is_none());
    assert!(copy.get("status").is_none());

    let secret = json!({"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "db", "namespace": "shop"},
                        "type": "Opaque", "data": {"password": "cw=="}});
    assert_eq!(desired_dependency(&secret, &target(None, &[])).unwrap().unwrap()["data"], json!({"password": "cw=="}));
}

#[test]
fn a_workload_is_not_a_dependency() {
    let err = desired_dependency(&deployment(), &target(None, &[])).unwrap_err();
    assert_eq!(err, PlanError::NotADependency { object: "Deployment shop/web".into() });
}

#[test]
fn the_namespace_says_where_it_came_from_and_recognises_itself() {
    let namespace = desired_namespace(&target(None, &[]), "shop");
    assert_eq!(
        namespace,
        json!({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "k3f9a0zq-shop",
            "labels": {WORKSPACE_LABEL: "2x8m3ux1v0d1a8jj"},
            "annotations": {UPSTREAM_WORKSPACE_ANNOTATION: "root:org:shop", UPSTREAM_NAMESPACE_ANNOTATION: "shop"}}})
    );
    assert!(namespace_is_ours(&namespace, "2x8m3ux1v0d1a8jj", "shop"));
    assert!(!namespace_is_ours(&namespace, "another", "shop"), "another workspace's namespace");
    assert!(!namespace_is_ours(&namespace, "2x8m3ux1v0d1a8jj", "cart"));
    let foreign = json!({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "k3f9a0zq-shop"}});
    assert!(!namespace_is_ours(&foreign, "2x8m3ux1v0d1a8jj", "shop"), "someone else's namespace");
}

fn arb_metadata() -> impl Strategy<Value = Value> {
    let keys = proptest::sample::select(vec![
        "uid",
        "resourceVersion",
        "generation",
        "creationTimestamp",
        "managedFields",
        "finalizers",
        "ownerReferences",
        "deletionTimestamp",
        "deletionGracePeriodSeconds",
        "selfLink",
    ]);
    let annotation = proptest::sample::select(vec!["kcp.io/cluster", "x.kcp.io/y", "team", "a.b/c"]);
    (proptest::collection::vec(keys, 0..6), proptest::collection::vec(annotation, 0..4)).prop_map(
        |(keys, annotations)| {
            let mut metadata = json!({"name": "w", "namespace": "shop",
            "annotations": annotations.iter().map(|k| (k.to_string(), json!("v"))).collect::<Map<_, _>>()});
            for key in keys {
                metadata[key] = json!(1);
            }
            metadata
        },
    )
}

proptest! {
    #[test]
    fn copies_never_carry_server_state_or_kcp_annotations(metadata in arb_metadata(), replicas in proptest::option::of(0u32..9)) {
        let upstream = json!({"apiVersion": "apps/v1", "kind": "Deployment", "metadata": metadata,
                              "spec": {"replicas": 1}, "status": {"ready": 1}});
        let copy = desired_copy(&upstream, &target(replicas, &[])).unwrap();
        prop_assert!(copy.get("status").is_none());
        let keys: Vec<&String> = copy["metadata"].as_object().unwrap().keys().collect();
        prop_assert_eq!(keys, ["annotations", "labels", "name", "namespace"]);
        for key in copy["metadata"]["annotations"].as_object().unwrap().keys() {
            prop_assert!(!key.starts_with("kcp.io/") && !key.starts_with("x.kcp.io/"), "{}", key);
        }
        prop_assert_eq!(&copy["spec"]["replicas"], &json!(replicas.unwrap_or(1)));
        prop_assert_eq!(&copy["metadata"]["labels"][WORKSPACE_LABEL], "2x8m3ux1v0d1a8jj");
    }

    #[test]
    fn never_panics_on_odd_input(text in ".{0,40}") {
        let value: Value = serde_json::from_str(&text).unwrap_or(Value::String(text));
        let _ = desired_copy(&value, &target(Some(1), &[]));
        let _ = desired_dependency(&value, &target(None, &[]));
    }
}
