use proptest::prelude::*;
use serde_json::json;

use super::*;

fn paths(text: &[&str]) -> Vec<FieldPath> {
    text.iter().map(|t| FieldPath::parse(t).unwrap()).collect()
}

fn annotations(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs.iter().map(|(k, v)| ((*k).to_string(), (*v).to_string())).collect()
}

#[test]
fn field_paths_are_dotted_names_and_print_back() {
    let path = FieldPath::parse(" spec.template.spec.containers ").unwrap();
    assert_eq!(path.segments(), ["spec", "template", "spec", "containers"]);
    assert_eq!(path.to_string(), "spec.template.spec.containers");
    for bad in ["", " ", "spec.", ".spec", "spec..replicas", "spec.containers[0]", "spec.a b", "spec/x"] {
        let err = FieldPath::parse(bad).unwrap_err();
        assert!(err.to_string().contains("spec.replicas"), "{bad:?}: the error shows a good path: {err}");
    }
}

#[test]
fn absent_settings_heal_and_ignore_nothing() {
    assert_eq!(drift_settings(&BTreeMap::new()), Ok((DriftPolicy::Heal, Vec::new())));
}

#[test]
fn settings_read_the_policy_and_the_ignored_paths_sorted() {
    let settings = drift_settings(&annotations(&[
        (DRIFT_POLICY_ANNOTATION, "report"),
        (DRIFT_IGNORE_ANNOTATION, "spec.template.spec.containers.resources, spec.replicas,,spec.replicas"),
    ]));
    assert_eq!(
        settings,
        Ok((DriftPolicy::Report, paths(&["spec.replicas", "spec.template.spec.containers.resources"])))
    );
    let heal = drift_settings(&annotations(&[(DRIFT_POLICY_ANNOTATION, " Heal ")]));
    assert_eq!(heal, Ok((DriftPolicy::Heal, Vec::new())));
}

#[test]
fn an_unknown_policy_is_an_error_naming_the_annotation_and_the_choices() {
    let err = drift_settings(&annotations(&[(DRIFT_POLICY_ANNOTATION, "fix")])).unwrap_err();
    let text = err.to_string();
    for part in [DRIFT_POLICY_ANNOTATION, "\"fix\"", "heal", "report"] {
        assert!(text.contains(part), "{text} lacks {part}");
    }
}

#[test]
fn a_bad_ignored_path_is_an_error_naming_the_annotation_and_the_value() {
    let err = drift_settings(&annotations(&[(DRIFT_IGNORE_ANNOTATION, "spec.replicas,spec.ports[0]")])).unwrap_err();
    let text = err.to_string();
    assert!(text.contains(DRIFT_IGNORE_ANNOTATION) && text.contains("spec.ports[0]"), "{text}");
    let err = drift_settings(&annotations(&[(DRIFT_IGNORE_ANNOTATION, "metadata.labels")])).unwrap_err();
    assert_eq!(err, DriftError::ProtectedPath { path: "metadata.labels".into() });
}

#[test]
fn server_defaults_and_extra_keys_are_not_drift() {
    let desired = json!({"spec": {"replicas": 2, "template": {"metadata": {"creationTimestamp": null},
        "spec": {"containers": [{"name": "web", "image": "nginx", "env": []}]}}, "paused": false}});
    let live = json!({"spec": {"replicas": 2, "revisionHistoryLimit": 10, "template": {"metadata": {},
        "spec": {"containers": [{"name": "web", "image": "nginx", "imagePullPolicy": "Always"}],
                 "restartPolicy": "Always"}}}, "status": {"replicas": 2}});
    assert_eq!(differences(&desired, &live, &[]), Vec::<String>::new());
}

#[test]
fn changed_missing_and_mistyped_fields_are_drift_with_their_paths() {
    let desired = json!({"spec": {"replicas": 2, "selector": {"app": "web"},
        "template": {"spec": {"containers": [{"name": "web", "image": "nginx:1"}, {"name": "log", "image": "fluent"}]}}}});
    let live = json!({"spec": {"replicas": 5, "selector": "app=web",
        "template": {"spec": {"containers": [{"name": "web", "image": "nginx:2"}, {"name": "log"}]}}}});
    assert_eq!(
        differences(&desired, &live, &[]),
        [
            "spec.replicas",
            "spec.selector",
            "spec.template.spec.containers[0].image",
            "spec.template.spec.containers[1].image",
        ]
    );
    let shorter = json!({"spec": {"template": {"spec": {"containers": [{"name": "web"}]}}}});
    assert_eq!(differences(&desired, &shorter, &[]).len(), 3, "replicas, selector, the whole list");
}

#[test]
fn numbers_compare_by_value_and_quantities_by_amount() {
    let desired = json!({"spec": {"weight": 1, "containers": [{"resources": {
        "requests": {"cpu": "1000m", "memory": "1024Mi"}, "limits": {"cpu": 2, "memory": "1Gi"}}}]}});
    let live = json!({"spec": {"weight": 1.0, "containers": [{"resources": {
        "requests": {"cpu": "1", "memory": "1Gi"}, "limits": {"cpu": "2", "memory": "1Gi"}}}]}});
    assert_eq!(differences(&desired, &live, &[]), Vec::<String>::new());
    let more = json!({"spec": {"weight": 1, "containers": [{"resources": {
        "requests": {"cpu": "1001m", "memory": "1Gi"}, "limits": {"cpu": "2", "memory": "1Gi"}}}]}});
    assert_eq!(differences(&desired, &more, &[]), ["spec.containers[0].resources.requests.cpu"]);
}

#[test]
fn equal_looking_quantities_elsewhere_are_still_drift() {
    let desired = json!({"spec": {"env": [{"name": "N", "value": "1e3"}]}});
    let live = json!({"spec": {"env": [{"name": "N", "value": "1000"}]}});
    assert_eq!(differences(&desired, &live, &[]), ["spec.env[0].value"]);
}

#[test]
fn labels_and_annotations_compare_only_the_keys_desired_sets() {
    let desired = json!({"metadata": {"labels": {"app.kubernetes.io/name": "web"}, "annotations": {"a": "1"}}});
    let live = json!({"metadata": {"labels": {"app.kubernetes.io/name": "api", "pod-template-hash": "x"},
                                   "annotations": {"deployment.kubernetes.io/revision": "3"}}});
    assert_eq!(
        differences(&desired, &live, &[]),
        ["metadata.annotations.a", "metadata.labels[\"app.kubernetes.io/name\"]"]
    );
}

#[test]
fn ignored_paths_are_skipped_in_every_list_element() {
    let desired = json!({"spec": {"replicas": 2, "containers": [{"image": "a", "resources": {"cpu": "1"}},
                                                                {"image": "b", "resources": {"cpu": "1"}}]}});
    let live = json!({"spec": {"replicas": 7, "containers": [{"image": "a", "resources": {"cpu": "3"}},
                                                             {"image": "c", "resources": {}}]}});
    let ignored = paths(&["spec.replicas", "spec.containers.resources"]);
    assert_eq!(differences(&desired, &live, &ignored), ["spec.containers[1].image"]);
}

#[test]
fn removing_fields_reaches_into_lists_and_leaves_the_rest() {
    let mut object = json!({"spec": {"replicas": 2, "paused": true,
        "containers": [{"name": "a", "resources": {}}, {"name": "b"}], "missing": null}});
    remove_fields(&mut object, &paths(&["spec.replicas", "spec.containers.resources", "spec.nothing.here"]));
    assert_eq!(
        object,
        json!({"spec": {"paused": true, "containers": [{"name": "a"}, {"name": "b"}], "missing": null}})
    );
}

#[test]
fn a_live_object_of_another_shape_is_drift_of_the_whole_object() {
    assert_eq!(differences(&json!({"spec": {}}), &json!({"spec": [1]}), &[]), ["spec"]);
    assert_eq!(differences(&json!({"spec": {"a": 1}}), &json!("x"), &[]), ["(the whole object)"]);
}

/// Any JSON value, nested up to three levels: for property tests of JSON-walking code.
pub(crate) fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        (-5i64..5).prop_map(Value::from),
        "[a-c]{0,2}".prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..3).prop_map(Value::Array),
            proptest::collection::btree_map("[a-d]", inner, 0..4).prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #[test]
    fn an_object_never_drifts_from_itself(value in arb_json()) {
        prop_assert!(differences(&value, &value, &[]).is_empty());
    }

    #[test]
    fn extra_live_keys_are_never_drift(value in arb_json(), extra in arb_json()) {
        let desired = json!({"spec": value});
        let mut live = desired.clone();
        live["zzz-extra"] = extra;
        prop_assert!(differences(&desired, &live, &[]).is_empty());
    }

    #[test]
    fn differences_are_sorted_unique_and_never_under_an_ignored_path(
        desired in arb_json(), live in arb_json(), ignore in proptest::sample::select(vec!["a", "b", "a.b", "c.d"]),
    ) {
        let ignored = paths(&[ignore]);
        let found = differences(&desired, &live, &ignored);
        let mut sorted = found.clone();
        sorted.sort();
        sorted.dedup();
        prop_assert_eq!(&found, &sorted);
        let mut stripped = desired.clone();
        remove_fields(&mut stripped, &ignored);
        prop_assert_eq!(found, differences(&stripped, &live, &[]), "ignoring = comparing without the field");
    }
}
