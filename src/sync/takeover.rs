//! Objects found downstream at a copy's name that tmcctl did not create for this workspace:
//! (existing object, desired copy, the placement's takeover policy) → [`Existing`].
//!
//! A foreign object is never merged into, labelled or counted by default: the workload reports
//! a conflict on that cluster and nothing is written there. An operator adopts deliberately
//! with the placement's `takeover`: `IfNoDiff` (only when the object already is what the copy
//! would make it) or `Always`. Fleet recovery's adoption by downstream identity is not a
//! takeover: those objects carry the workspace's identity already and read as ours.

use serde_json::Value;

use super::drift::differences;
use crate::api::ownership::{UPSTREAM_NAMESPACE_ANNOTATION, UPSTREAM_NAME_ANNOTATION, WORKSPACE_LABEL};
use crate::api::Takeover;

/// What to do with an object that already exists where a copy would go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Existing {
    /// It is ours (this workspace's copy of this object): carry on as usual.
    Ours,
    /// It is someone else's, and the policy adopts it: it becomes the copy, whole.
    Adopt,
    /// It is someone else's: write nothing there (why, naming the policy that would adopt it).
    Conflict(String),
}

/// Judges `existing` (the object at the copy's name on the cluster) against `desired` (the copy
/// tmcctl would apply), under `policy`.
pub fn judge(existing: &Value, desired: &Value, policy: Takeover) -> Existing {
    let label = |o: &Value| o["metadata"]["labels"][WORKSPACE_LABEL].clone();
    let annotation = |o: &Value, key: &str| o["metadata"]["annotations"][key].clone();
    let ours = label(existing) == label(desired)
        && !label(desired).is_null()
        && annotation(existing, UPSTREAM_NAMESPACE_ANNOTATION) == annotation(desired, UPSTREAM_NAMESPACE_ANNOTATION)
        && annotation(existing, UPSTREAM_NAME_ANNOTATION) == annotation(desired, UPSTREAM_NAME_ANNOTATION);
    if ours {
        return Existing::Ours;
    }
    let kind = desired["kind"].as_str().unwrap_or("object");
    let namespace = desired["metadata"]["namespace"].as_str().unwrap_or_default();
    let name = desired["metadata"]["name"].as_str().unwrap_or_default();
    let what =
        format!("{kind} {namespace}/{name} exists on the cluster and was not created by tmcctl for this workload");
    match policy {
        Takeover::Always => Existing::Adopt,
        Takeover::IfNoDiff => {
            let found = differences(&without_ownership(desired), existing, &[]);
            if found.is_empty() {
                Existing::Adopt
            } else {
                Existing::Conflict(format!(
                    "{what}; it differs from the copy in {} (takeover IfNoDiff), so nothing is written there; \
                     make it match, remove it, or set the placement's takeover to Always",
                    found.join(", ")
                ))
            }
        }
        Takeover::Never => Existing::Conflict(format!(
            "{what}; nothing is written there (takeover Never); remove or rename it there, \
             or set the placement's takeover to IfNoDiff or Always to adopt it"
        )),
    }
}

/// The copy without the labels and annotations only tmcctl sets: what a foreign object must
/// already hold to be adopted under `IfNoDiff`.
fn without_ownership(desired: &Value) -> Value {
    let mut copy = desired.clone();
    for field in ["labels", "annotations"] {
        if let Some(map) = copy["metadata"][field].as_object_mut() {
            map.retain(|key, _| !key.starts_with("tmc.kcp.io/"));
        }
    }
    copy
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn desired() -> Value {
        json!({"apiVersion": "apps/v1", "kind": "Deployment",
               "metadata": {"name": "web", "namespace": "abc-default",
                            "labels": {WORKSPACE_LABEL: "abc", "app": "web"},
                            "annotations": {UPSTREAM_NAMESPACE_ANNOTATION: "default", UPSTREAM_NAME_ANNOTATION: "web"}},
               "spec": {"replicas": 2, "template": {"spec": {"containers": [{"name": "main", "image": "web:1"}]}}}})
    }

    fn foreign(image: &str) -> Value {
        json!({"apiVersion": "apps/v1", "kind": "Deployment",
               "metadata": {"name": "web", "namespace": "abc-default", "labels": {"app": "web"}, "uid": "u1"},
               "spec": {"replicas": 2, "template": {"spec": {"containers": [{"name": "main", "image": image}]}}}})
    }

    #[test]
    fn our_own_copy_is_ours_whatever_the_policy() {
        let mut existing = desired();
        existing["metadata"]["uid"] = json!("u1");
        for policy in [Takeover::Never, Takeover::IfNoDiff, Takeover::Always] {
            assert_eq!(judge(&existing, &desired(), policy), Existing::Ours);
        }
    }

    #[test]
    fn a_foreign_object_is_a_conflict_by_default_naming_it_and_the_way_out() {
        let Existing::Conflict(why) = judge(&foreign("other:9"), &desired(), Takeover::Never) else { panic!() };
        assert!(why.contains("Deployment abc-default/web") && why.contains("takeover"), "{why}");
    }

    #[test]
    fn another_workspace_copy_at_the_same_name_is_foreign() {
        let mut other = desired();
        other["metadata"]["labels"][WORKSPACE_LABEL] = json!("xyz");
        assert!(matches!(judge(&other, &desired(), Takeover::Never), Existing::Conflict(_)));
    }

    #[test]
    fn if_no_diff_adopts_only_an_object_that_already_matches() {
        assert_eq!(judge(&foreign("web:1"), &desired(), Takeover::IfNoDiff), Existing::Adopt);
        let Existing::Conflict(why) = judge(&foreign("other:9"), &desired(), Takeover::IfNoDiff) else { panic!() };
        assert!(why.contains("image"), "{why}");
        assert_eq!(judge(&foreign("other:9"), &desired(), Takeover::Always), Existing::Adopt);
    }
}
