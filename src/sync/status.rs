//! Status from the clusters back to the workspace. Data flows: each downstream copy →
//! [`copy_status`] → [`CopyStatus`] (the controller wraps it in a [`ClusterEntry`] with a
//! [`Phase`]) → [`aggregate`]`(kind, upstream, chosen, TmcStatus, now)` → the upstream `status`:
//! the kind's own fields summed over the copies, plus `status.tmc` listing every copy.
//!
//! The aim is that tools reading the upstream object (`kubectl rollout status`, `kubectl wait`,
//! GitOps health checks) tell the truth about the workload as a whole:
//!
//! - **Summing.** `replicas`, `readyReplicas` and `availableReplicas` count every copy that
//!   exists, chosen or retiring, so readiness never looks lower while a workload moves;
//!   `updatedReplicas` counts only chosen clusters that have observed the current upstream
//!   generation (pods elsewhere do not run the current template, or will soon be gone). With
//!   Duplicated placements the sums exceed `spec.replicas` (N clusters × replicas): expected.
//! - **`observedGeneration`** is the upstream generation once every chosen cluster's copy has
//!   observed it. Until then it keeps the previous value but below the current generation: a
//!   newly chosen cluster has not seen the spec, even when the generation itself did not change.
//! - **Rollout done** (Deployment): `kubectl rollout status` returns exactly when every chosen
//!   cluster's copy has observed the current generation and rolled out by kubectl's own rule on
//!   that cluster, and no retiring copy still has pods — as a single Deployment's rollout ends
//!   only when its old ReplicaSet is scaled down. A copy that has not rolled out counts the
//!   replicas it is still bringing up in `replicas` (`max(status, spec)`), so the shortfall
//!   shows even on a cluster that has no pods yet: kubectl then waits ("pending") instead of
//!   reporting done. A copy past its progress deadline makes kubectl fail, as on one cluster.
//! - **DaemonSets** count chosen clusters only, each capped at its desired count, so a cluster
//!   over its target cannot hide one under it. StatefulSets, ReplicaSets and Jobs are summed;
//!   their Available/Complete conditions are the exact signal.

mod aggregate;
mod copy;
mod patch;
#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

pub use aggregate::aggregate;
pub use copy::copy_status;
pub use patch::merge_patch;

/// The kinds whose status tmcctl knows how to sum; others get only `status.tmc`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WorkloadKind {
    /// `apps/Deployment`.
    Deployment,
    /// `apps/StatefulSet`.
    StatefulSet,
    /// `apps/DaemonSet`.
    DaemonSet,
    /// `apps/ReplicaSet`.
    ReplicaSet,
    /// `batch/Job`.
    Job,
    /// core `Service`.
    Service,
    /// Anything else: synced, but its status is not summed.
    Other,
}

impl WorkloadKind {
    /// The kind of an API group (`""` for core) and kind name, as in `apiVersion`'s group.
    pub fn of(group: &str, kind: &str) -> Self {
        match (group, kind) {
            ("apps", "Deployment") => WorkloadKind::Deployment,
            ("apps", "StatefulSet") => WorkloadKind::StatefulSet,
            ("apps", "DaemonSet") => WorkloadKind::DaemonSet,
            ("apps", "ReplicaSet") => WorkloadKind::ReplicaSet,
            ("batch", "Job") => WorkloadKind::Job,
            ("", "Service") => WorkloadKind::Service,
            _ => WorkloadKind::Other,
        }
    }

    /// Whether the kind's own controller reports `status.observedGeneration`: then a copy whose
    /// status has none has not been observed yet.
    fn reports_observed_generation(self) -> bool {
        matches!(
            self,
            WorkloadKind::Deployment | WorkloadKind::StatefulSet | WorkloadKind::DaemonSet | WorkloadKind::ReplicaSet
        )
    }
}

/// One cluster's copy, read from the downstream object.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CopyStatus {
    /// Pods of the copy (DaemonSet: `currentNumberScheduled`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replicas: Option<i64>,
    /// Ready pods (DaemonSet: `numberReady`; Job: `ready`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ready_replicas: Option<i64>,
    /// Available pods (DaemonSet: `numberAvailable`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub available_replicas: Option<i64>,
    /// Pods of the copy's current template (DaemonSet: `updatedNumberScheduled`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_replicas: Option<i64>,
    /// What the copy asks for: `spec.replicas` (1 when unset, as the server defaults it;
    /// DaemonSet: `desiredNumberScheduled`). Needed to see a cluster that has no pods yet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub desired_replicas: Option<i64>,
    /// The upstream generation this copy is known to have observed: its UPSTREAM_GENERATION
    /// annotation when the copy's status.observedGeneration >= its metadata.generation
    /// (always for kinds without observedGeneration, e.g. Service), else None.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub observed_upstream_generation: Option<i64>,
    /// Rollout done on this cluster (Deployment: kubectl's rule — observed, updated >= spec
    /// replicas, replicas <= updated, available >= updated, no progress deadline exceeded;
    /// StatefulSet: observed, readyReplicas >= spec.replicas, updatedReplicas >= spec.replicas
    /// minus the partition, and currentRevision == updateRevision unless partitioned;
    /// DaemonSet: observed, updated and available >= desired; ReplicaSet: observed, available
    /// >= spec and no extra pods; Job: Complete condition; Service: true; others: observed).
    pub available: bool,
    /// Progressing with reason ProgressDeadlineExceeded (Deployment), or Job Failed.
    pub failed: bool,
    /// Job: succeeded pods.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub succeeded: Option<i64>,
    /// Job: failed pods.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub failed_pods: Option<i64>,
    /// Job: active pods.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<i64>,
    /// Job: `status.startTime` (RFC 3339).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_time: Option<String>,
    /// Job: `status.completionTime` (RFC 3339).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completion_time: Option<String>,
    /// Service: load-balancer ingress IPs/hostnames, else the clusterIP.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub endpoints: Vec<String>,
    /// Service: `status.loadBalancer.ingress` as the cluster wrote it, for the upstream union.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ingress: Vec<serde_json::Value>,
    /// A short human reason when not available (e.g. "1/2 available"). Serialised as
    /// `statusMessage` so that it does not collide with [`ClusterEntry::message`] when
    /// flattened into the entry.
    #[serde(default, rename = "statusMessage", skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// Where a copy stands, as `workload status -o wide` and `status.tmc.clusters[].phase` say it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Phase {
    /// Chosen, but no copy has been seen there yet.
    Pending,
    /// The copy exists and is rolling out.
    Progressing,
    /// The copy has rolled out.
    Available,
    /// The copy exceeded its progress deadline, or its Job failed.
    Failed,
    /// The cluster is no longer chosen; the copy stays until its replacements are Available.
    Retiring,
    /// The cluster's copy cannot be read (its watch is down).
    Unreachable,
    /// The copy differs from what tmcctl applied and the drift policy is `report`.
    Drifted,
    /// An object tmcctl did not create stands at the copy's name; nothing is written there
    /// and it is not counted (the placement's `takeover` can adopt it).
    Conflict,
    /// No placement governs the workload any more; the copy stays (deletion policy `Retain`).
    Orphaned,
    /// The cluster was unregistered with this copy on it: tmcctl neither sees nor manages it
    /// any more (its deletion policy was `Retain`, or the copy could not be removed in time).
    /// Not counted; kept until a cluster of that name is registered again.
    LeftBehind,
}

impl Phase {
    /// The phase a copy's own status implies. Pending, Retiring, Unreachable and Drifted are
    /// known only to the controller, which overrides this.
    pub fn of_copy(status: &CopyStatus) -> Phase {
        if status.failed {
            Phase::Failed
        } else if status.available {
            Phase::Available
        } else {
            Phase::Progressing
        }
    }
}

/// One entry of `status.tmc.clusters`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ClusterEntry {
    /// The cluster's name.
    pub cluster: String,
    /// The downstream namespace of the copy.
    pub namespace: String,
    /// Where the copy stands.
    pub phase: Phase,
    /// What the copy reports.
    #[serde(flatten)]
    pub status: CopyStatus,
    /// Fields that differ from what tmcctl applied (report policy), dotted paths.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub drift: Vec<String>,
    /// RFC 3339, when this copy was last seen by a watch.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_seen: Option<String>,
    /// The controller's note on this copy (e.g. why it cannot be written).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// The tmc part of status: `status.tmc`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TmcStatus {
    /// The governing placement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub placement: Option<String>,
    /// Set when two placements select this workload: their names; nothing is synced.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<String>,
    /// Every copy: chosen and retiring.
    #[serde(default)]
    pub clusters: Vec<ClusterEntry>,
    /// A note on the whole workload (e.g. why nothing is synced).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}
