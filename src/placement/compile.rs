//! The fast path: a policy compiled against an inventory, then one cheap call per workload.
//!
//! [`Inventory::compile`] evaluates everything that does not depend on the workload —
//! readiness, cordon, location selector, required affinity, required capabilities, taints,
//! static weights — as bitsets over posting lists, and the static score of every cluster.
//! [`CompiledPolicy::decide`] then only checks capacity, hashes, and runs the strategy, so its
//! cost is linear in the eligible clusters with a small constant.

use super::bitset::ClusterSet;
use super::decision::{Assignment, PlacementDecision, WorkloadDemand};
use super::explain::PlacementExplanation;
use super::filter::{replica_need, replicas_that_fit};
use super::hash::{name_hash, pair_hash};
use super::inventory::{Inventory, TaintEffect};
use super::policy::{
    DivisionWeights, PlacementPolicy, PolicyError, ReplicaDivision, PREFERRED_CAPABILITY_SCORE,
    PREFER_NO_SCHEDULE_PENALTY,
};
use super::strategy::{choose, wanted_clusters, Candidate, Choice};

/// A policy checked and pre-evaluated against one inventory. Cheap to keep per
/// (policy, inventory version); recompile when either changes.
#[derive(Debug)]
pub struct CompiledPolicy<'a> {
    pub(crate) inventory: &'a Inventory,
    pub(crate) policy: &'a PlacementPolicy,
    eligible: ClusterSet,
    eligible_count: usize,
    scores: Vec<i64>,
    static_weights: Vec<u64>,
}

impl Inventory {
    /// Validates `policy` and pre-evaluates its workload-independent parts.
    pub fn compile<'a>(&'a self, policy: &'a PlacementPolicy) -> Result<CompiledPolicy<'a>, PolicyError> {
        policy.validate()?;
        let len = self.len();
        let mut eligible = self.ready_and_schedulable.clone();
        eligible.intersect(&self.select(&policy.location_selector));
        if !policy.affinity.required.is_empty() {
            let mut any_term = ClusterSet::empty(len);
            for term in &policy.affinity.required {
                any_term.union(&self.select(term));
            }
            eligible.intersect(&any_term);
        }
        let mut scores = vec![0i64; len];
        for requirement in &policy.capability_requirements {
            let holders = self.available_capabilities.get(&requirement.capability);
            if requirement.required {
                eligible.intersect(&ClusterSet::from_indices(len, holders.map_or(&[], Vec::as_slice)));
            } else {
                for &i in holders.into_iter().flatten() {
                    scores[i as usize] += PREFERRED_CAPABILITY_SCORE;
                }
            }
        }
        for (taint, holders) in &self.taints {
            if policy.tolerates(taint) {
                continue;
            }
            match taint.effect {
                TaintEffect::NoSchedule | TaintEffect::NoExecute => {
                    eligible.subtract(&ClusterSet::from_indices(len, holders));
                }
                TaintEffect::PreferNoSchedule => {
                    for &i in holders {
                        scores[i as usize] -= PREFER_NO_SCHEDULE_PENALTY;
                    }
                }
            }
        }
        for term in &policy.affinity.preferred {
            for i in self.select(&term.selector).iter() {
                scores[i] += i64::from(term.weight);
            }
        }
        let mut static_weights = Vec::new();
        match &policy.replica_division {
            ReplicaDivision::Divided(DivisionWeights::Static(weights)) => {
                static_weights = vec![0; len];
                let mut weighted = ClusterSet::empty(len);
                for (name, weight) in weights {
                    if let Some(i) = self.index_of(name) {
                        static_weights[i] = u64::from(*weight);
                        if *weight > 0 {
                            weighted.insert(i);
                        }
                    }
                }
                if !weights.keys().any(|name| self.index_of(name).is_some()) {
                    return Err(PolicyError::StaticWeightsMatchNoCluster(weights.keys().cloned().collect()));
                }
                eligible.intersect(&weighted);
            }
            ReplicaDivision::Divided(DivisionWeights::ByAvailableCapacity) => {
                let mut reported = ClusterSet::empty(len);
                self.free.iter().enumerate().filter(|(_, f)| f.is_some()).for_each(|(i, _)| reported.insert(i));
                eligible.intersect(&reported);
            }
            ReplicaDivision::Duplicated | ReplicaDivision::Divided(DivisionWeights::Equal) => {}
        }
        let eligible_count = eligible.count();
        Ok(CompiledPolicy { inventory: self, policy, eligible, eligible_count, scores, static_weights })
    }
}

impl<'a> CompiledPolicy<'a> {
    /// The policy this was compiled from.
    pub fn policy(&self) -> &'a PlacementPolicy {
        self.policy
    }

    /// The inventory this was compiled against.
    pub fn inventory(&self) -> &'a Inventory {
        self.inventory
    }

    /// Places one workload. Identical to `explain(demand).decision`, but without the
    /// per-cluster explanation (except when nothing is eligible: then the rejection summary is
    /// computed, on the slower explain path).
    pub fn decide(&self, demand: &WorkloadDemand) -> PlacementDecision {
        let inventory = self.inventory;
        let need = replica_need(self.policy, demand);
        let workload = name_hash(&demand.key);
        let previous: Vec<usize> = demand.previous_clusters.iter().filter_map(|n| inventory.index_of(n)).collect();
        let by_capacity =
            matches!(self.policy.replica_division, ReplicaDivision::Divided(DivisionWeights::ByAvailableCapacity));
        let mut candidates = Vec::with_capacity(self.eligible_count);
        for i in self.eligible.iter() {
            let free = inventory.free[i];
            if let (Some(need), Some(free)) = (need, free) {
                if free.cpu_millis < need.cpu_millis || free.memory_bytes < need.memory_bytes || free.pods < need.pods {
                    continue;
                }
            }
            let weight = match free {
                Some(free) if by_capacity => replicas_that_fit(free, demand),
                _ => self.static_weights.get(i).copied().unwrap_or(1),
            };
            candidates.push(Candidate {
                index: i as u32,
                location: inventory.location_ids[i],
                sticky: previous.contains(&i),
                score: self.scores[i],
                tie: pair_hash(workload, inventory.name_hashes[i]),
                weight,
            });
        }
        if candidates.is_empty() {
            return self.explain(demand).decision;
        }
        let eligible = candidates.len();
        let choices = choose(self.policy, demand.replicas, &mut candidates);
        self.decision(eligible, &choices, None)
    }

    /// Assembles a decision from chosen clusters.
    pub(crate) fn decision(
        &self,
        eligible_clusters: usize,
        choices: &[Choice],
        no_candidates: Option<super::explain::RejectionSummary>,
    ) -> PlacementDecision {
        PlacementDecision {
            strategy: self.policy.strategy,
            assignments: choices
                .iter()
                .map(|c| Assignment {
                    cluster: self.inventory.names[c.index as usize].clone(),
                    replicas: c.replicas,
                    reason: c.reason,
                })
                .collect(),
            eligible_clusters,
            wanted_clusters: wanted_clusters(self.policy, eligible_clusters),
            no_candidates,
        }
    }

    /// Places one workload and explains the verdict on every cluster (slower; for
    /// `placement explain` and for `NoCandidates` conditions).
    pub fn explain(&self, demand: &WorkloadDemand) -> PlacementExplanation {
        super::explain::explain(self, demand)
    }
}
