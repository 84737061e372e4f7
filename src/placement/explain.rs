//! The explain path: the verdict on every cluster (chosen with replicas, or rejected with every
//! reason), score breakdowns, and the aggregated summary used for `NoCandidates`.
//!
//! Filters and scores come from [`super::filter`] (cluster by cluster, on raw data); the choice
//! comes from the same [`choose`] as the fast path, so both paths give the same decision.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use super::compile::CompiledPolicy;
use super::decision::{ClusterName, PlacementDecision, SelectionReason, WorkloadDemand};
use super::filter::{rejections, replicas_that_fit, score_components};
use super::hash::{name_hash, pair_hash};
use super::policy::{DivisionWeights, ReplicaDivision};
use super::reasons::RejectionReason;
use super::strategy::{choose, Candidate};

/// A decision with the reasoning behind it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PlacementExplanation {
    /// The decision (equal to what `decide` returns).
    pub decision: PlacementDecision,
    /// One verdict per cluster in the inventory, sorted by name.
    pub clusters: Vec<ClusterVerdict>,
    /// Rejections counted across clusters.
    pub rejection_summary: RejectionSummary,
}

/// The engine's verdict on one cluster.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ClusterVerdict {
    /// The cluster.
    pub cluster: ClusterName,
    /// Its location.
    pub location: String,
    /// Replicas assigned, when chosen.
    pub replicas: Option<u32>,
    /// Why it was chosen, when chosen.
    pub selection: Option<SelectionReason>,
    /// Why it is not eligible (empty when eligible, chosen or not).
    pub rejections: Vec<RejectionReason>,
    /// Score breakdown, when eligible.
    pub score: Option<ScoreBreakdown>,
}

/// How an eligible cluster's rank came about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ScoreBreakdown {
    /// Sum of matching preferred affinity term weights.
    pub affinity: i64,
    /// Preferred capabilities available × `PREFERRED_CAPABILITY_SCORE`.
    pub capabilities: i64,
    /// Untolerated `PreferNoSchedule` taints × −`PREFER_NO_SCHEDULE_PENALTY`.
    pub taints: i64,
    /// The sum, which ranks clusters (RoundRobin ignores it).
    pub total: i64,
    /// In the previous decision; ranks above any score (Spread, Affinity).
    pub sticky: bool,
    /// Rendezvous hash of (workload, cluster): the tie-break (RoundRobin's only criterion).
    pub hash: u64,
    /// Division weight (Divided only).
    pub weight: u64,
}

/// Rejections counted across clusters: "label region missing on 40, capability gpu missing on 12".
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RejectionSummary {
    /// Clusters in the inventory.
    pub clusters: usize,
    /// Clusters with at least one rejection.
    pub rejected: usize,
    /// Each reason (see [`RejectionReason::summary_key`]) with how many clusters it hit, most first.
    pub reasons: Vec<ReasonCount>,
}

/// One line of a [`RejectionSummary`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReasonCount {
    /// The reason without per-cluster detail.
    pub reason: String,
    /// Number of clusters it applies to.
    pub clusters: usize,
}

impl RejectionSummary {
    /// Counts each reason once per cluster.
    pub fn from_verdicts<'a>(clusters: usize, rejections: impl IntoIterator<Item = &'a [RejectionReason]>) -> Self {
        let mut counts: BTreeMap<String, usize> = BTreeMap::new();
        let mut rejected = 0;
        for reasons in rejections {
            if reasons.is_empty() {
                continue;
            }
            rejected += 1;
            let mut keys: Vec<String> = reasons.iter().map(RejectionReason::summary_key).collect();
            keys.sort();
            keys.dedup();
            for key in keys {
                *counts.entry(key).or_default() += 1;
            }
        }
        let mut reasons: Vec<ReasonCount> =
            counts.into_iter().map(|(reason, clusters)| ReasonCount { reason, clusters }).collect();
        reasons.sort_by(|a, b| b.clusters.cmp(&a.clusters).then_with(|| a.reason.cmp(&b.reason)));
        Self { clusters, rejected, reasons }
    }
}

impl fmt::Display for RejectionSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.clusters == 0 {
            return f.write_str("no clusters are registered");
        }
        if self.reasons.is_empty() {
            return write!(f, "none of {} clusters rejected", self.clusters);
        }
        for (i, count) in self.reasons.iter().enumerate() {
            let separator = if i == 0 { "" } else { ", " };
            write!(f, "{separator}{} on {}", count.reason, count.clusters)?;
        }
        Ok(())
    }
}

pub(super) fn explain(compiled: &CompiledPolicy<'_>, demand: &WorkloadDemand) -> PlacementExplanation {
    let inventory = compiled.inventory;
    let policy = compiled.policy;
    let workload = name_hash(&demand.key);
    let mut candidates = Vec::new();
    let mut verdicts = Vec::with_capacity(inventory.len());
    for (i, cluster) in inventory.clusters.iter().enumerate() {
        let reasons = rejections(cluster, policy, demand);
        let score = reasons.is_empty().then(|| {
            let (affinity, capabilities, taints) = score_components(cluster, policy);
            let weight = match &policy.replica_division {
                ReplicaDivision::Divided(DivisionWeights::Static(weights)) => {
                    u64::from(weights.get(&cluster.name).copied().unwrap_or(0))
                }
                ReplicaDivision::Divided(DivisionWeights::ByAvailableCapacity) => {
                    cluster.capacity.map_or(0, |capacity| replicas_that_fit(capacity.free(), demand))
                }
                _ => 1,
            };
            ScoreBreakdown {
                affinity,
                capabilities,
                taints,
                total: affinity + capabilities + taints,
                sticky: demand.previous_clusters.contains(&cluster.name),
                hash: pair_hash(workload, name_hash(&cluster.name)),
                weight,
            }
        });
        if let Some(s) = score {
            candidates.push(Candidate {
                index: i as u32,
                location: inventory.location_ids[i],
                sticky: s.sticky,
                score: s.total,
                tie: s.hash,
                weight: s.weight,
            });
        }
        verdicts.push(ClusterVerdict {
            cluster: inventory.names[i].clone(),
            location: cluster.location.clone(),
            replicas: None,
            selection: None,
            rejections: reasons,
            score,
        });
    }
    let summary = RejectionSummary::from_verdicts(inventory.len(), verdicts.iter().map(|v| v.rejections.as_slice()));
    let eligible = candidates.len();
    let choices = choose(policy, demand.replicas, &mut candidates);
    for choice in &choices {
        let verdict = &mut verdicts[choice.index as usize];
        verdict.replicas = Some(choice.replicas);
        verdict.selection = Some(choice.reason);
    }
    let no_candidates = (eligible == 0).then(|| summary.clone());
    PlacementExplanation {
        decision: compiled.decision(eligible, &choices, no_candidates),
        clusters: verdicts,
        rejection_summary: summary,
    }
}
