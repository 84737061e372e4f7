//! One downstream copy → [`CopyStatus`]: the counts, whether it has observed the upstream
//! generation it was written from, and whether it has rolled out on its cluster (for
//! Deployments by exactly the rule `kubectl rollout status` applies there).

use serde_json::Value;

use super::{CopyStatus, WorkloadKind};
use crate::api::ownership::UPSTREAM_GENERATION_ANNOTATION;

/// Reads one cluster's copy. Missing or malformed fields count as absent, never as errors:
/// a copy the cluster has not touched yet simply is not available.
pub fn copy_status(kind: WorkloadKind, copy: &Value) -> CopyStatus {
    let status = &copy["status"];
    let observed = copy_observed(kind, copy);
    let mut out = CopyStatus {
        observed_upstream_generation: if observed { upstream_generation(copy) } else { None },
        ..CopyStatus::default()
    };
    match kind {
        WorkloadKind::Deployment | WorkloadKind::StatefulSet | WorkloadKind::ReplicaSet => {
            out.replicas = int(&status["replicas"]);
            out.ready_replicas = int(&status["readyReplicas"]);
            out.available_replicas = int(&status["availableReplicas"]);
            out.updated_replicas = int(&status["updatedReplicas"]);
            // The server defaults spec.replicas to 1; a copy read back always has it.
            out.desired_replicas = Some(int(&copy["spec"]["replicas"]).unwrap_or(1));
        }
        WorkloadKind::DaemonSet => {
            out.replicas = int(&status["currentNumberScheduled"]);
            out.ready_replicas = int(&status["numberReady"]);
            out.available_replicas = int(&status["numberAvailable"]);
            out.updated_replicas = int(&status["updatedNumberScheduled"]);
            out.desired_replicas = int(&status["desiredNumberScheduled"]);
        }
        WorkloadKind::Job => {
            out.active = int(&status["active"]);
            out.succeeded = int(&status["succeeded"]);
            out.failed_pods = int(&status["failed"]);
            out.ready_replicas = int(&status["ready"]);
            out.start_time = status["startTime"].as_str().map(str::to_owned);
            out.completion_time = status["completionTime"].as_str().map(str::to_owned);
        }
        WorkloadKind::Service => {
            out.ingress = status["loadBalancer"]["ingress"].as_array().cloned().unwrap_or_default();
            out.endpoints = service_endpoints(copy, &out.ingress);
        }
        WorkloadKind::Other => {}
    }
    let verdict = rollout(kind, copy, &out, observed);
    out.available = verdict.is_ok();
    out.failed = verdict == Err(NotDone::Failed) || (kind == WorkloadKind::Job && has_condition(status, "Failed"));
    out.message = verdict.err().map(|why| why.message(&out));
    out
}

/// Why a copy has not rolled out, in kubectl's order of checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NotDone {
    NotObserved,
    Failed,
    NotUpdated,
    OldPending,
    NotAvailable,
    NotReady,
    RevisionPending,
    NotComplete,
}

impl NotDone {
    fn message(self, s: &CopyStatus) -> String {
        let n = |v: Option<i64>| v.unwrap_or(0);
        match self {
            NotDone::NotObserved => "spec update not observed yet".to_owned(),
            NotDone::Failed => "progress deadline exceeded".to_owned(),
            NotDone::NotUpdated => format!("{}/{} updated", n(s.updated_replicas), n(s.desired_replicas)),
            NotDone::OldPending => {
                format!("{} old replicas pending termination", n(s.replicas) - n(s.updated_replicas))
            }
            // At this check updated >= desired where both exist, so the larger is the target.
            NotDone::NotAvailable => {
                format!("{}/{} available", n(s.available_replicas), n(s.updated_replicas.max(s.desired_replicas)))
            }
            NotDone::NotReady => format!("{}/{} ready", n(s.ready_replicas), n(s.desired_replicas)),
            NotDone::RevisionPending => "rolling update in progress".to_owned(),
            NotDone::NotComplete => {
                format!("{} active, {} succeeded, {} failed", n(s.active), n(s.succeeded), n(s.failed_pods))
            }
        }
    }
}

/// Whether the copy has rolled out on its cluster, or the first reason it has not.
fn rollout(kind: WorkloadKind, copy: &Value, s: &CopyStatus, observed: bool) -> Result<(), NotDone> {
    let n = |v: Option<i64>| v.unwrap_or(0);
    let check = |ok: bool, why: NotDone| if ok { Ok(()) } else { Err(why) };
    match kind {
        WorkloadKind::Deployment => {
            check(observed, NotDone::NotObserved)?;
            check(!progress_deadline_exceeded(&copy["status"]), NotDone::Failed)?;
            check(n(s.updated_replicas) >= n(s.desired_replicas), NotDone::NotUpdated)?;
            check(n(s.replicas) <= n(s.updated_replicas), NotDone::OldPending)?;
            check(n(s.available_replicas) >= n(s.updated_replicas), NotDone::NotAvailable)
        }
        WorkloadKind::StatefulSet => {
            check(observed, NotDone::NotObserved)?;
            let desired = n(s.desired_replicas);
            check(n(s.ready_replicas) >= desired, NotDone::NotReady)?;
            let partition = int(&copy["spec"]["updateStrategy"]["rollingUpdate"]["partition"]).unwrap_or(0);
            check(n(s.updated_replicas) >= desired - partition, NotDone::NotUpdated)?;
            let status = &copy["status"];
            check(partition > 0 || status["currentRevision"] == status["updateRevision"], NotDone::RevisionPending)
        }
        WorkloadKind::DaemonSet => {
            check(observed, NotDone::NotObserved)?;
            check(n(s.updated_replicas) >= n(s.desired_replicas), NotDone::NotUpdated)?;
            check(n(s.available_replicas) >= n(s.desired_replicas), NotDone::NotAvailable)
        }
        WorkloadKind::ReplicaSet => {
            check(observed, NotDone::NotObserved)?;
            check(n(s.replicas) <= n(s.desired_replicas), NotDone::OldPending)?;
            check(n(s.available_replicas) >= n(s.desired_replicas), NotDone::NotAvailable)
        }
        WorkloadKind::Job => check(has_condition(&copy["status"], "Complete"), NotDone::NotComplete),
        WorkloadKind::Service => Ok(()),
        WorkloadKind::Other => check(observed, NotDone::NotObserved),
    }
}

/// Whether the cluster's own controller has seen the copy's current spec.
fn copy_observed(kind: WorkloadKind, copy: &Value) -> bool {
    let generation = int(&copy["metadata"]["generation"]).unwrap_or(0);
    match int(&copy["status"]["observedGeneration"]) {
        Some(observed) => observed >= generation,
        // For the apps kinds absence means their controller has not written status yet.
        None => !kind.reports_observed_generation(),
    }
}

fn upstream_generation(copy: &Value) -> Option<i64> {
    copy["metadata"]["annotations"][UPSTREAM_GENERATION_ANNOTATION].as_str().and_then(|g| g.trim().parse().ok())
}

fn progress_deadline_exceeded(status: &Value) -> bool {
    conditions(status).any(|c| c["type"] == "Progressing" && c["reason"] == "ProgressDeadlineExceeded")
}

fn has_condition(status: &Value, type_: &str) -> bool {
    conditions(status).any(|c| c["type"] == type_ && c["status"] == "True")
}

fn conditions(status: &Value) -> impl Iterator<Item = &Value> {
    status["conditions"].as_array().into_iter().flatten()
}

fn service_endpoints(copy: &Value, ingress: &[Value]) -> Vec<String> {
    let from_ingress: Vec<String> = ingress
        .iter()
        .filter_map(|i| i["ip"].as_str().or_else(|| i["hostname"].as_str()))
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect();
    if !from_ingress.is_empty() {
        return from_ingress;
    }
    match copy["spec"]["clusterIP"].as_str() {
        Some(ip) if !ip.is_empty() && ip != "None" => vec![ip.to_owned()],
        _ => Vec::new(),
    }
}

/// An integer field; anything else counts as absent.
fn int(v: &Value) -> Option<i64> {
    v.as_i64()
}
