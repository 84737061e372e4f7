//! Engine tests: `filters` and `strategies` for each rule, `properties` for the invariants
//! (constraints, exact division, determinism, minimal churn, fast path = explain path).

mod filters;
mod properties;
mod strategies;
mod validation;

use std::collections::BTreeMap;

use super::*;
use crate::selector::LabelSelector;

/// A Ready cluster with plenty of capacity and nothing else.
pub(super) fn cluster(name: &str) -> ClusterInfo {
    ClusterInfo {
        name: name.to_owned(),
        labels: BTreeMap::new(),
        location: String::new(),
        capabilities: BTreeMap::new(),
        health: ClusterHealth::Ready,
        unschedulable: false,
        taints: Vec::new(),
        capacity: Some(ClusterCapacity {
            allocatable: ResourceAmounts { cpu_millis: 64_000, memory_bytes: 256 << 30, pods: 1000 },
            allocated: ResourceAmounts::default(),
        }),
    }
}

pub(super) fn labels(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
}

pub(super) fn selector(text: &str) -> LabelSelector {
    LabelSelector::parse(text).expect("test selector parses")
}

pub(super) fn demand(key: &str, replicas: u32) -> WorkloadDemand {
    WorkloadDemand { key: key.to_owned(), replicas, ..WorkloadDemand::default() }
}

pub(super) fn chosen(decision: &PlacementDecision) -> Vec<String> {
    decision.cluster_names().map(str::to_owned).collect()
}

pub(super) fn replicas(decision: &PlacementDecision) -> Vec<(String, u32)> {
    decision.assignments.iter().map(|a| (a.cluster.to_string(), a.replicas)).collect()
}

/// Decides with the fast path and checks the explain path agrees.
pub(super) fn decide(
    clusters: Vec<ClusterInfo>,
    policy: &PlacementPolicy,
    demand: &WorkloadDemand,
) -> PlacementDecision {
    let inventory = Inventory::new(clusters).expect("valid inventory");
    let compiled = inventory.compile(policy).expect("valid policy");
    let fast = compiled.decide(demand);
    assert_eq!(compiled.explain(demand).decision, fast, "explain and decide disagree");
    fast
}

pub(super) fn explain(
    clusters: Vec<ClusterInfo>,
    policy: &PlacementPolicy,
    demand: &WorkloadDemand,
) -> PlacementExplanation {
    let inventory = Inventory::new(clusters).expect("valid inventory");
    let explanation = inventory.compile(policy).expect("valid policy").explain(demand);
    explanation
}

pub(super) fn rejections_of(explanation: &PlacementExplanation, name: &str) -> Vec<String> {
    let verdict = explanation.clusters.iter().find(|v| v.cluster.as_str() == name).expect("cluster in verdicts");
    verdict.rejections.iter().map(ToString::to_string).collect()
}
