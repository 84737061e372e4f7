//! The explain path's filters and scores, evaluated cluster by cluster on the raw
//! [`ClusterInfo`], naming every reason. Written independently of the compiled bitsets so that
//! tests comparing the two paths check one against the other.

use super::decision::WorkloadDemand;
use super::inventory::{ClusterHealth, ClusterInfo, ClusterLabels, ResourceAmounts, TaintEffect, LOCATION_LABEL};
use super::policy::{
    DivisionWeights, PlacementPolicy, ReplicaDivision, PREFERRED_CAPABILITY_SCORE, PREFER_NO_SCHEDULE_PENALTY,
};
use super::reasons::RejectionReason;
use crate::selector::{LabelSelector, Labels, Operator};

/// The resources one cluster must have free: all replicas when Duplicated, one replica when
/// Divided (a share is at least one). `None` when nothing is needed (zero replicas).
pub(crate) fn replica_need(policy: &PlacementPolicy, demand: &WorkloadDemand) -> Option<ResourceAmounts> {
    let replicas = match policy.replica_division {
        _ if demand.replicas == 0 => return None,
        ReplicaDivision::Duplicated => u64::from(demand.replicas),
        ReplicaDivision::Divided(_) => 1,
    };
    Some(ResourceAmounts {
        cpu_millis: demand.cpu_millis_per_replica.saturating_mul(replicas),
        memory_bytes: demand.memory_bytes_per_replica.saturating_mul(replicas),
        pods: replicas,
    })
}

/// How many replicas of `demand` fit in `free` (the weight for Divided by available capacity).
pub(crate) fn replicas_that_fit(free: ResourceAmounts, demand: &WorkloadDemand) -> u64 {
    // A resource the workload does not request never limits it.
    let per = |available: u64, request: u64| available.checked_div(request).unwrap_or(u64::MAX);
    per(free.cpu_millis, demand.cpu_millis_per_replica)
        .min(per(free.memory_bytes, demand.memory_bytes_per_replica))
        .min(free.pods)
}

/// Whether the only thing keeping `cluster` from `policy` is its health: an outage or a
/// health blip, not an operator's action (cordon, drain, a taint) nor a change of policy. Such
/// a cluster keeps the workloads it runs for the eviction grace.
pub fn rejected_only_for_health(cluster: &ClusterInfo, policy: &PlacementPolicy) -> bool {
    if cluster.health == ClusterHealth::Ready {
        return false;
    }
    let healthy = ClusterInfo { health: ClusterHealth::Ready, ..cluster.clone() };
    rejections(&healthy, policy, &WorkloadDemand::default()).is_empty()
}

/// Every reason `cluster` cannot take the workload, in a fixed order; empty when eligible.
pub(crate) fn rejections(
    cluster: &ClusterInfo,
    policy: &PlacementPolicy,
    demand: &WorkloadDemand,
) -> Vec<RejectionReason> {
    let mut reasons = Vec::new();
    if cluster.health != ClusterHealth::Ready {
        reasons.push(RejectionReason::NotReady { health: cluster.health });
    }
    if cluster.unschedulable {
        reasons.push(RejectionReason::Cordoned);
    }
    selector_rejections(&policy.location_selector, cluster, &mut reasons);
    let required = &policy.affinity.required;
    if !required.is_empty() && !required.iter().any(|term| term.matches(&ClusterLabels(cluster))) {
        reasons.push(RejectionReason::NoRequiredAffinityTermMatches { terms: required.len() });
    }
    for requirement in policy.capability_requirements.iter().filter(|r| r.required) {
        let capability = requirement.capability.clone();
        match cluster.capabilities.get(&requirement.capability) {
            None => reasons.push(RejectionReason::CapabilityMissing { capability }),
            Some(false) => reasons.push(RejectionReason::CapabilityUnavailable { capability }),
            Some(true) => {}
        }
    }
    for taint in &cluster.taints {
        if taint.effect != TaintEffect::PreferNoSchedule && !policy.tolerates(taint) {
            reasons.push(RejectionReason::TaintNotTolerated { taint: taint.clone() });
        }
    }
    match &policy.replica_division {
        ReplicaDivision::Divided(DivisionWeights::Static(weights))
            if weights.get(&cluster.name).copied().unwrap_or(0) == 0 =>
        {
            reasons.push(RejectionReason::NoStaticWeight);
        }
        ReplicaDivision::Divided(DivisionWeights::ByAvailableCapacity) if cluster.capacity.is_none() => {
            reasons.push(RejectionReason::CapacityUnknown);
        }
        _ => {}
    }
    // A cluster that has not reported capacity is not rejected for it: readiness already says
    // whether it is alive, and a new cluster would otherwise never receive its first workload.
    if let (Some(need), Some(capacity)) = (replica_need(policy, demand), cluster.capacity) {
        let free = capacity.free();
        if free.cpu_millis < need.cpu_millis {
            reasons.push(RejectionReason::InsufficientCpu {
                needed_millis: need.cpu_millis,
                free_millis: free.cpu_millis,
            });
        }
        if free.memory_bytes < need.memory_bytes {
            reasons.push(RejectionReason::InsufficientMemory {
                needed_bytes: need.memory_bytes,
                free_bytes: free.memory_bytes,
            });
        }
        if free.pods < need.pods {
            reasons.push(RejectionReason::InsufficientPods { needed: need.pods, free: free.pods });
        }
    }
    reasons
}

/// One reason per unmet requirement of `selector`, phrased for labels or for the location.
fn selector_rejections(selector: &LabelSelector, cluster: &ClusterInfo, reasons: &mut Vec<RejectionReason>) {
    let labels = ClusterLabels(cluster);
    for requirement in selector.requirements() {
        let key = requirement.key();
        let value = labels.label(key);
        if requirement.matches(value) {
            continue;
        }
        let text = requirement.to_string();
        let is_location = key == LOCATION_LABEL;
        reasons.push(match (value, requirement.operator(), is_location) {
            (None, _, true) => RejectionReason::LocationMissing { requirement: text },
            (Some(location), _, true) => {
                RejectionReason::LocationMismatch { location: location.to_owned(), requirement: text }
            }
            (None, _, false) => RejectionReason::LabelMissing { key: key.to_owned() },
            (Some(value), Operator::DoesNotExist, false) => {
                RejectionReason::LabelPresent { key: key.to_owned(), value: value.to_owned() }
            }
            (Some(value), _, false) => {
                RejectionReason::LabelMismatch { key: key.to_owned(), value: value.to_owned(), requirement: text }
            }
        });
    }
}

/// The score components of an eligible cluster: (affinity, capabilities, taints).
pub(crate) fn score_components(cluster: &ClusterInfo, policy: &PlacementPolicy) -> (i64, i64, i64) {
    let labels = ClusterLabels(cluster);
    let affinity = policy
        .affinity
        .preferred
        .iter()
        .filter(|term| term.selector.matches(&labels))
        .map(|term| i64::from(term.weight))
        .sum();
    let capabilities = policy
        .capability_requirements
        .iter()
        .filter(|r| !r.required && cluster.capabilities.get(&r.capability) == Some(&true))
        .count() as i64
        * PREFERRED_CAPABILITY_SCORE;
    let taints =
        cluster.taints.iter().filter(|t| t.effect == TaintEffect::PreferNoSchedule && !policy.tolerates(t)).count()
            as i64
            * -PREFER_NO_SCHEDULE_PENALTY;
    (affinity, capabilities, taints)
}
