//! What a restore will do, decided before it does anything: each archived object mapped to its
//! target workspace, filtered by kind, ordered so that what others need comes first, and marked
//! create, skip (it exists) or update (it exists and `--existing update`), and with `--prune`
//! what the target holds beyond the backup marked prune, removed last and in reverse order
//! (workloads before the placements and registrations they depend on). `restore --plan` prints
//! exactly this and writes nothing.
//!
//! ClusterRegistrations carry their workspace's downstream identity only when the restore
//! adopts the downstream objects (`--adopt-downstream`, the fleet recovery); otherwise any
//! identity in the archive is taken off, so that a restored copy of a workspace that still
//! lives never writes over that workspace's objects on the clusters.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use crate::api::ownership::DOWNSTREAM_IDENTITY_ANNOTATION;

use super::archive::ArchivedObject;

/// The order kinds are restored in; kinds not named come last (the synced workloads), in the
/// archive's order.
const ORDER: [&str; 7] = [
    "Namespace",
    "ConfigMap",
    "Secret",
    "ServiceAccount",
    "ClusterRegistration",
    "WorkloadPlacement",
    "PersistentVolumeClaim",
];

/// What happens to one object.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// It does not exist in the target: created.
    Create,
    /// It exists: left as it is (the default).
    Skip,
    /// It exists: server-side applied over (`--existing update`).
    Update,
    /// It exists in the target but not in the backup: deleted (`--prune`).
    Prune,
}

impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Action::Create => "create",
            Action::Skip => "skip (exists)",
            Action::Update => "update",
            Action::Prune => "prune",
        })
    }
}

/// One step of a restore.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    /// The target workspace.
    pub workspace: String,
    /// The object, as it will be sent.
    pub object: serde_json::Value,
    /// What happens to it.
    pub action: Action,
}

impl Step {
    /// `Kind namespace/name` for messages and the plan.
    pub fn describe(&self) -> String {
        let meta = &self.object["metadata"];
        let name = meta["name"].as_str().unwrap_or_default();
        match meta["namespace"].as_str() {
            Some(ns) => format!("{} {ns}/{name}", self.object["kind"].as_str().unwrap_or_default()),
            None => format!("{} {name}", self.object["kind"].as_str().unwrap_or_default()),
        }
    }
}

/// How to restore.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Archived workspace → target workspace; unmapped ones keep their name.
    pub mapping: BTreeMap<String, String>,
    /// Only these kinds, when not empty.
    pub include_kinds: BTreeSet<String>,
    /// Never these kinds.
    pub exclude_kinds: BTreeSet<String>,
    /// Update objects that exist instead of skipping them.
    pub update_existing: bool,
    /// Adopting the downstream objects: archived workspace → the identity its registrations
    /// claim in the target. `None`: no registration claims one.
    pub adopt_downstream: Option<BTreeMap<String, String>>,
}

/// The identity of an object in a target: (workspace, apiVersion, kind, namespace, name).
pub type Identity = (String, String, String, String, String);

/// The identity `object` would have in `workspace`.
pub fn identity(workspace: &str, object: &serde_json::Value) -> Identity {
    let text = |v: &serde_json::Value| v.as_str().unwrap_or_default().to_string();
    (
        workspace.to_string(),
        text(&object["apiVersion"]),
        text(&object["kind"]),
        text(&object["metadata"]["namespace"]),
        text(&object["metadata"]["name"]),
    )
}

/// The target workspace of an archived one.
pub fn target_workspace(options: &Options, archived: &str) -> String {
    options.mapping.get(archived).cloned().unwrap_or_else(|| archived.to_string())
}

/// Plans a restore of `objects` into targets where `existing` objects are.
pub fn plan(objects: &[ArchivedObject], existing: &BTreeSet<Identity>, options: &Options) -> Vec<Step> {
    let rank = |kind: &str| ORDER.iter().position(|k| *k == kind).unwrap_or(ORDER.len());
    let mut steps: Vec<(usize, usize, Step)> = objects
        .iter()
        .enumerate()
        .filter(|(_, o)| {
            let kind = o.object["kind"].as_str().unwrap_or_default();
            (options.include_kinds.is_empty() || options.include_kinds.contains(kind))
                && !options.exclude_kinds.contains(kind)
        })
        .map(|(i, o)| {
            let workspace = target_workspace(options, &o.workspace);
            let exists = existing.contains(&identity(&workspace, &o.object));
            let action = match (exists, options.update_existing) {
                (false, _) => Action::Create,
                (true, false) => Action::Skip,
                (true, true) => Action::Update,
            };
            let kind = o.object["kind"].as_str().unwrap_or_default();
            let mut object = o.object.clone();
            if kind == "ClusterRegistration" {
                let claim = options.adopt_downstream.as_ref().and_then(|m| m.get(&o.workspace));
                claim_identity(&mut object, claim.map(String::as_str));
            }
            (rank(kind), i, Step { workspace, object, action })
        })
        .collect();
    steps.sort_by_key(|(rank, index, _)| (*rank, *index));
    steps.into_iter().map(|(_, _, step)| step).collect()
}

/// The prune steps: every `candidate` (an object the target holds, of a kind the backup holds
/// for it; the caller leaves out what the server makes itself) that the backup does not hold,
/// within the kind filters; workloads first, then the kinds they depend on, in reverse order.
pub fn prune(candidates: &[Identity], objects: &[ArchivedObject], options: &Options) -> Vec<Step> {
    let kept: BTreeSet<Identity> =
        objects.iter().map(|o| identity(&target_workspace(options, &o.workspace), &o.object)).collect();
    let rank = |kind: &str| ORDER.iter().position(|k| *k == kind).unwrap_or(ORDER.len());
    let mut doomed: Vec<&Identity> = candidates
        .iter()
        .filter(|id| !kept.contains(*id))
        .filter(|(_, _, kind, _, _)| {
            (options.include_kinds.is_empty() || options.include_kinds.contains(kind))
                && !options.exclude_kinds.contains(kind)
        })
        .collect();
    doomed.sort_by(|a, b| rank(&b.2).cmp(&rank(&a.2)).then_with(|| a.cmp(b)));
    doomed
        .into_iter()
        .map(|(workspace, api_version, kind, namespace, name)| {
            let mut metadata = serde_json::json!({ "name": name });
            if !namespace.is_empty() {
                metadata["namespace"] = serde_json::json!(namespace);
            }
            Step {
                workspace: workspace.clone(),
                object: serde_json::json!({"apiVersion": api_version, "kind": kind, "metadata": metadata}),
                action: Action::Prune,
            }
        })
        .collect()
}

/// Sets (or, with `None`, removes) a registration's downstream identity annotation.
fn claim_identity(registration: &mut serde_json::Value, identity: Option<&str>) {
    let Some(metadata) = registration.get_mut("metadata").and_then(|m| m.as_object_mut()) else { return };
    match identity {
        Some(identity) => {
            let annotations = metadata.entry("annotations").or_insert_with(|| serde_json::json!({}));
            annotations[DOWNSTREAM_IDENTITY_ANNOTATION] = serde_json::json!(identity);
        }
        None => {
            if let Some(annotations) = metadata.get_mut("annotations").and_then(|a| a.as_object_mut()) {
                annotations.remove(DOWNSTREAM_IDENTITY_ANNOTATION);
                if annotations.is_empty() {
                    metadata.remove("annotations");
                }
            }
        }
    }
}

/// Parses `--workspace-mapping old=new`.
pub fn parse_mapping(text: &str) -> Result<(String, String), String> {
    match text.split_once('=') {
        Some((old, new)) if !old.is_empty() && !new.is_empty() => Ok((old.to_string(), new.to_string())),
        _ => Err(format!("workspace mapping {text:?} is not OLD=NEW (such as root:team-a=root:team-a-restored)")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn archived(workspace: &str, kind: &str, name: &str) -> ArchivedObject {
        let api_version =
            if kind.starts_with("Cluster") || kind.starts_with("Workload") { "tmc.kcp.io/v1alpha1" } else { "v1" };
        ArchivedObject {
            workspace: workspace.into(),
            object: json!({"apiVersion": api_version, "kind": kind, "metadata": {"name": name}}),
        }
    }

    fn sample() -> Vec<ArchivedObject> {
        vec![
            archived("root:a", "WorkloadPlacement", "web"),
            archived("root:a", "Deployment", "web"),
            archived("root:a", "ClusterRegistration", "pc1"),
            archived("root:a", "Namespace", "shop"),
            archived("root:a", "Secret", "tmc-cluster-pc1"),
        ]
    }

    #[test]
    fn what_others_need_is_restored_first() {
        let kinds: Vec<String> = plan(&sample(), &BTreeSet::new(), &Options::default())
            .iter()
            .map(|s| s.object["kind"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(kinds, ["Namespace", "Secret", "ClusterRegistration", "WorkloadPlacement", "Deployment"]);
    }

    #[test]
    fn existing_objects_are_skipped_unless_updates_are_asked_for() {
        let existing: BTreeSet<Identity> = [identity("root:a", &sample()[2].object)].into();
        let skipped = plan(&sample(), &existing, &Options::default());
        let action = |steps: &[Step], kind: &str| steps.iter().find(|s| s.object["kind"] == kind).unwrap().action;
        assert_eq!(action(&skipped, "ClusterRegistration"), Action::Skip);
        assert_eq!(action(&skipped, "Deployment"), Action::Create);
        let updated = plan(&sample(), &existing, &Options { update_existing: true, ..Options::default() });
        assert_eq!(action(&updated, "ClusterRegistration"), Action::Update);
    }

    #[test]
    fn a_mapping_moves_objects_and_existence_is_judged_in_the_target() {
        let options = Options { mapping: [("root:a".to_string(), "root:b".to_string())].into(), ..Options::default() };
        let in_old: BTreeSet<Identity> = sample().iter().map(|o| identity("root:a", &o.object)).collect();
        let steps = plan(&sample(), &in_old, &options);
        assert!(steps.iter().all(|s| s.workspace == "root:b" && s.action == Action::Create));
    }

    #[test]
    fn kinds_are_included_or_excluded() {
        let only = Options { include_kinds: ["ClusterRegistration".to_string()].into(), ..Options::default() };
        assert_eq!(plan(&sample(), &BTreeSet::new(), &only).len(), 1);
        let without = Options { exclude_kinds: ["Secret".to_string()].into(), ..Options::default() };
        assert!(plan(&sample(), &BTreeSet::new(), &without).iter().all(|s| s.object["kind"] != "Secret"));
    }

    #[test]
    fn registrations_claim_the_old_identity_only_when_adopting() {
        let mut archive = sample();
        archive[2].object["metadata"]["annotations"] = json!({(DOWNSTREAM_IDENTITY_ANNOTATION): "older"});
        let registration =
            |steps: Vec<Step>| steps.into_iter().find(|s| s.object["kind"] == "ClusterRegistration").unwrap();
        let cloned = registration(plan(&archive, &BTreeSet::new(), &Options::default()));
        assert!(cloned.object["metadata"].get("annotations").is_none(), "a clone must not claim the source's copies");
        let adopting =
            Options { adopt_downstream: Some([("root:a".into(), "2x8m3ux1".into())].into()), ..Options::default() };
        let adopted = registration(plan(&archive, &BTreeSet::new(), &adopting));
        assert_eq!(adopted.object["metadata"]["annotations"][DOWNSTREAM_IDENTITY_ANNOTATION], "2x8m3ux1");
        let others: Vec<Step> = plan(&archive, &BTreeSet::new(), &adopting);
        assert!(others
            .iter()
            .filter(|s| s.object["kind"] != "ClusterRegistration")
            .all(|s| s.object["metadata"].get("annotations").is_none()));
    }

    #[test]
    fn only_what_the_backup_lacks_is_pruned_workloads_first() {
        let mut candidates: Vec<Identity> = sample().iter().map(|o| identity("root:a", &o.object)).collect();
        let extra = [archived("root:a", "ClusterRegistration", "pc9"), archived("root:a", "Deployment", "old")];
        candidates.extend(extra.iter().map(|o| identity("root:a", &o.object)));
        let steps = prune(&candidates, &sample(), &Options::default());
        let names: Vec<&str> = steps.iter().map(|s| s.object["metadata"]["name"].as_str().unwrap()).collect();
        assert_eq!(names, ["old", "pc9"], "the workload goes before the registration it may run on");
        assert!(steps.iter().all(|s| s.action == Action::Prune));
        let only_registrations =
            Options { include_kinds: ["ClusterRegistration".to_string()].into(), ..Options::default() };
        assert_eq!(prune(&candidates, &sample(), &only_registrations).len(), 1);
    }

    #[test]
    fn pruning_judges_against_the_mapped_workspace() {
        let options = Options { mapping: [("root:a".to_string(), "root:b".to_string())].into(), ..Options::default() };
        let in_b: Vec<Identity> = sample().iter().map(|o| identity("root:b", &o.object)).collect();
        assert!(prune(&in_b, &sample(), &options).is_empty(), "what the backup holds, mapped, is kept");
    }

    #[test]
    fn mappings_are_old_equals_new() {
        assert_eq!(parse_mapping("root:a=root:b").unwrap(), ("root:a".into(), "root:b".into()));
        for bad in ["root:a", "=root:b", "root:a="] {
            assert!(parse_mapping(bad).is_err(), "{bad}");
        }
    }
}
