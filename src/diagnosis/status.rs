//! `status`'s one screen: the workspace's registrations, placements, workloads and backup
//! schedules counted, and every problem among them named. Degraded means `problems` is not
//! empty; a cordoned cluster is a choice, not a problem.

use serde::Serialize;
use serde_json::Value;

use super::{Check, Verdict};
use crate::api::ownership::{
    BACKUP_LAST_BACKUP_ANNOTATION, BACKUP_LAST_ERROR_ANNOTATION, BACKUP_LAST_SUCCESS_ANNOTATION,
};

/// A workload as the command judged it (readiness needs the type's rules, which live there).
#[derive(Clone, Debug)]
pub struct WorkloadFacts {
    /// `namespace/Kind/name`.
    pub name: String,
    pub ready: bool,
    /// (cluster, drifted fields) of each copy that drifted under the `report` policy.
    pub drift: Vec<(String, Vec<String>)>,
    /// Clusters where an object tmcctl did not create stands at the copy's name.
    pub conflicts: Vec<String>,
    /// Clusters whose copy stays though no placement governs the workload (Retain).
    pub orphaned: Vec<String>,
    /// Unregistered clusters that still hold a copy tmcctl no longer manages.
    pub left_behind: Vec<String>,
}

/// What `status` read.
#[derive(Clone, Debug, Default)]
pub struct Facts {
    pub registrations: Vec<Value>,
    pub placements: Vec<Value>,
    pub workloads: Vec<WorkloadFacts>,
    /// The backup schedules' ConfigMaps (their annotations carry the last run).
    pub schedules: Vec<Value>,
}

/// The fleet at a glance.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FleetStatus {
    pub clusters: Clusters,
    pub placements: Placements,
    pub workloads: Workloads,
    pub backups: Vec<Backup>,
    /// Everything that makes the fleet degraded, one sentence each.
    pub problems: Vec<String>,
}

#[derive(Clone, Debug, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Clusters {
    pub total: usize,
    pub ready: usize,
    /// `name: status (reason)` of each cluster not Ready.
    pub not_ready: Vec<String>,
    pub cordoned: Vec<String>,
}

#[derive(Clone, Debug, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Placements {
    pub total: usize,
    pub no_candidates: Vec<String>,
    /// `name: why` of each placement the controller cannot read (it holds its workloads still).
    pub invalid: Vec<String>,
    /// The placements whose copies go when they stop governing a workload (deletion policy
    /// `Delete`); the others retain them.
    pub deleting_copies: Vec<String>,
}

#[derive(Clone, Debug, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Workloads {
    pub total: usize,
    pub not_ready: Vec<String>,
    /// `workload on cluster: fields`.
    pub drifted: Vec<String>,
    /// `workload on cluster` where a foreign object stands at the copy's name.
    pub conflicts: Vec<String>,
    /// `workload on cluster` of each copy left by a placement with deletion policy Retain: a
    /// choice, not a problem.
    pub orphaned: Vec<String>,
    /// `workload on cluster` of each copy left on a cluster since unregistered (its deletion
    /// policy Retain, or its copies not removed in time): tmcctl no longer manages it.
    pub left_behind: Vec<String>,
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Backup {
    pub schedule: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_success: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_backup: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_error: Option<String>,
}

/// Counts what was read and names each problem; `controller` is [`super::checks::controller`]'s
/// verdict on the leader Lease.
pub fn summarize(facts: &Facts, controller: &Check) -> FleetStatus {
    let mut problems = Vec::new();
    if controller.verdict == Verdict::Fail {
        problems.push(controller.detail.clone());
    }
    let clusters = clusters(&facts.registrations, &mut problems);
    let placements = placements(&facts.placements, &mut problems);
    let workloads = workloads(&facts.workloads, &mut problems);
    let backups = backups(&facts.schedules, &mut problems);
    FleetStatus { clusters, placements, workloads, backups, problems }
}

fn name(object: &Value) -> String {
    object["metadata"]["name"].as_str().unwrap_or("?").to_string()
}

fn condition<'a>(object: &'a Value, type_: &str) -> Option<&'a Value> {
    object["status"]["conditions"].as_array()?.iter().find(|c| c["type"] == type_)
}

fn clusters(registrations: &[Value], problems: &mut Vec<String>) -> Clusters {
    let mut out = Clusters { total: registrations.len(), ..Clusters::default() };
    for registration in registrations {
        let name = name(registration);
        if registration["spec"]["unschedulable"] == true {
            out.cordoned.push(name.clone());
        }
        let ready = condition(registration, "Ready");
        match ready.and_then(|c| c["status"].as_str()) {
            Some("True") => out.ready += 1,
            status => {
                let status = status.unwrap_or("not probed yet");
                let why = ready.and_then(|c| c["message"].as_str().or(c["reason"].as_str()));
                let line = match why {
                    Some(why) => format!("{name}: {status} ({why})"),
                    None => format!("{name}: {status}"),
                };
                problems.push(format!("cluster {line}"));
                out.not_ready.push(line);
            }
        }
    }
    out
}

fn placements(placements: &[Value], problems: &mut Vec<String>) -> Placements {
    let mut out = Placements { total: placements.len(), ..Placements::default() };
    for placement in placements {
        if placement["spec"]["deletionPolicy"] == "Delete" {
            out.deleting_copies.push(name(placement));
        }
        if let Some(c) = condition(placement, "Invalid").filter(|c| c["status"] == "True") {
            let line = format!("{}: {}", name(placement), c["message"].as_str().unwrap_or("cannot be read"));
            problems.push(format!("placement {line}"));
            out.invalid.push(line);
        }
        let Some(c) = condition(placement, "NoCandidates").filter(|c| c["status"] == "True") else { continue };
        let line = format!("{}: {}", name(placement), c["message"].as_str().unwrap_or("no cluster is eligible"));
        problems.push(format!("placement {line}"));
        out.no_candidates.push(line);
    }
    out
}

fn workloads(workloads: &[WorkloadFacts], problems: &mut Vec<String>) -> Workloads {
    let mut out = Workloads { total: workloads.len(), ..Workloads::default() };
    for workload in workloads {
        if !workload.ready {
            out.not_ready.push(workload.name.clone());
        }
        for (cluster, fields) in &workload.drift {
            out.drifted.push(format!("{} on {cluster}: {}", workload.name, fields.join(", ")));
        }
        out.conflicts.extend(workload.conflicts.iter().map(|c| format!("{} on {c}", workload.name)));
        out.orphaned.extend(workload.orphaned.iter().map(|c| format!("{} on {c}", workload.name)));
        out.left_behind.extend(workload.left_behind.iter().map(|c| format!("{} on {c}", workload.name)));
    }
    if !out.conflicts.is_empty() {
        problems.push(format!(
            "objects tmcctl did not create stand where copies go (nothing written there; see `workload where`): {}",
            listed(&out.conflicts)
        ));
    }
    if !out.not_ready.is_empty() {
        problems.push(format!(
            "{} of {} workloads not Ready: {}",
            out.not_ready.len(),
            out.total,
            listed(&out.not_ready)
        ));
    }
    if !out.drifted.is_empty() {
        problems.push(format!("drift left in place (report policy): {}", listed(&out.drifted)));
    }
    out
}

/// The first few of a list, and how many more.
fn listed(items: &[String]) -> String {
    const SHOWN: usize = 5;
    let mut text = items.iter().take(SHOWN).cloned().collect::<Vec<_>>().join("; ");
    if items.len() > SHOWN {
        text.push_str(&format!("; and {} more", items.len() - SHOWN));
    }
    text
}

fn backups(schedules: &[Value], problems: &mut Vec<String>) -> Vec<Backup> {
    let annotation = |o: &Value, key: &str| o["metadata"]["annotations"][key].as_str().map(String::from);
    let mut out = Vec::new();
    for schedule in schedules {
        let backup = Backup {
            schedule: name(schedule),
            last_success: annotation(schedule, BACKUP_LAST_SUCCESS_ANNOTATION),
            last_backup: annotation(schedule, BACKUP_LAST_BACKUP_ANNOTATION),
            last_error: annotation(schedule, BACKUP_LAST_ERROR_ANNOTATION),
        };
        if let Some(error) = &backup.last_error {
            problems.push(format!("backup schedule {}: the last run failed: {error}", backup.schedule));
        }
        out.push(backup);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn registration(name: &str, ready: &str, cordoned: bool) -> Value {
        json!({"metadata": {"name": name}, "spec": {"unschedulable": cordoned},
               "status": {"conditions": [{"type": "Ready", "status": ready, "reason": "HeartbeatMissed"}]}})
    }

    fn leading() -> Check {
        Check::pass("controller", "pod-a leads")
    }

    #[test]
    fn a_healthy_fleet_has_no_problems_and_a_cordoned_cluster_is_not_one() {
        let facts = Facts {
            registrations: vec![registration("pc1", "True", false), registration("pc2", "True", true)],
            workloads: vec![WorkloadFacts {
                name: "default/Deployment/web".into(),
                ready: true,
                drift: vec![],
                conflicts: vec![],
                orphaned: vec![],
                left_behind: vec![],
            }],
            ..Facts::default()
        };
        let status = summarize(&facts, &leading());
        assert!(status.problems.is_empty(), "{:?}", status.problems);
        assert_eq!((status.clusters.total, status.clusters.ready), (2, 2));
        assert_eq!(status.clusters.cordoned, ["pc2"]);
    }

    #[test]
    fn each_cluster_not_ready_is_named_with_its_reason() {
        let facts = Facts {
            registrations: vec![registration("pc1", "True", false), registration("pc2", "Unknown", false)],
            ..Facts::default()
        };
        let status = summarize(&facts, &leading());
        assert_eq!(status.clusters.not_ready, ["pc2: Unknown (HeartbeatMissed)"]);
        assert_eq!(status.problems, ["cluster pc2: Unknown (HeartbeatMissed)"]);
        let unprobed = Facts { registrations: vec![json!({"metadata": {"name": "new"}})], ..Facts::default() };
        assert_eq!(summarize(&unprobed, &leading()).clusters.not_ready, ["new: not probed yet"]);
    }

    #[test]
    fn no_candidates_unready_workloads_drift_failed_backups_and_a_dead_controller_are_problems() {
        let facts = Facts {
            placements: vec![
                json!({"metadata": {"name": "gpu"}, "status": {"conditions": [{"type": "NoCandidates", "status": "True", "message": "2 clusters lack gpu"}]}}),
                json!({"metadata": {"name": "web"}, "spec": {"deletionPolicy": "Delete"}, "status": {"conditions": [{"type": "NoCandidates", "status": "False"}]}}),
                json!({"metadata": {"name": "bad"}, "status": {"conditions": [{"type": "Invalid", "status": "True", "message": "spec.namespaceSelector: unknown operator"}]}}),
            ],
            workloads: vec![
                WorkloadFacts {
                    name: "a/Deployment/x".into(),
                    ready: false,
                    drift: vec![],
                    conflicts: vec!["pc1".into()],
                    orphaned: vec!["pc2".into()],
                    left_behind: vec!["pc9".into()],
                },
                WorkloadFacts {
                    name: "a/Deployment/y".into(),
                    ready: true,
                    drift: vec![("pc1".into(), vec!["spec.replicas".into()])],
                    conflicts: vec![],
                    orphaned: vec![],
                    left_behind: vec![],
                },
            ],
            schedules: vec![
                json!({"metadata": {"name": "nightly", "annotations": {BACKUP_LAST_ERROR_ANNOTATION: "bucket gone"}}}),
            ],
            ..Facts::default()
        };
        let dead = Check::fail("controller", "no controller leads in root:tmc", "start it");
        let status = summarize(&facts, &dead);
        assert_eq!(status.placements.no_candidates, ["gpu: 2 clusters lack gpu"]);
        assert_eq!(status.workloads.drifted, ["a/Deployment/y on pc1: spec.replicas"]);
        assert_eq!(status.placements.invalid, ["bad: spec.namespaceSelector: unknown operator"]);
        assert_eq!(status.placements.deleting_copies, ["web"]);
        assert_eq!(status.workloads.conflicts, ["a/Deployment/x on pc1"]);
        assert_eq!(status.workloads.orphaned, ["a/Deployment/x on pc2"]);
        assert_eq!(status.workloads.left_behind, ["a/Deployment/x on pc9"]);
        let problems = status.problems.join("\n");
        assert!(
            !problems.contains("on pc2"),
            "an orphan (deletion policy Retain) is a choice, not a problem: {problems}"
        );
        for expected in [
            "no controller leads",
            "placement gpu",
            "placement bad: spec.namespaceSelector",
            "1 of 2 workloads not Ready: a/Deployment/x",
            "drift",
            "did not create stand where copies go",
            "nightly",
        ] {
            assert!(problems.contains(expected), "{expected} missing from {problems}");
        }
    }

    #[test]
    fn long_lists_are_cut_with_a_count() {
        let items: Vec<String> = (0..8).map(|i| format!("w{i}")).collect();
        assert_eq!(listed(&items), "w0; w1; w2; w3; w4; and 3 more");
    }
}
