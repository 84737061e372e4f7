//! The pure placement engine: which clusters run a workload, with how many replicas, and why.
//!
//! Data flows `Vec<ClusterInfo>` → [`Inventory::new`] (index once per inventory change) →
//! [`Inventory::compile`]`(&PlacementPolicy)` (validate, pre-evaluate workload-independent
//! filters as bitsets) → [`CompiledPolicy::decide`]`(&WorkloadDemand)` → [`PlacementDecision`],
//! or [`CompiledPolicy::explain`] → [`PlacementExplanation`] (every cluster's verdict; slower,
//! same decision). No I/O, no clock, no randomness: the same inputs give the same decision on
//! every machine, whatever order the clusters came in.
//!
//! Choices worth knowing:
//! - **Filters** (all strategies): Ready health, not cordoned, location selector, at least one
//!   required affinity term, required capabilities available, `NoSchedule`/`NoExecute` taints
//!   tolerated, a static weight when Divided by static weights, reported capacity when Divided
//!   by capacity, and free capacity for all replicas (Duplicated) or one replica (Divided).
//!   Capacity is not checked for clusters that have not reported it.
//! - **Location** is a pseudo-label, [`LOCATION_LABEL`] (`location`), visible to the location
//!   selector and to affinity terms; `spec.location` wins over a metadata label of that name.
//! - **RoundRobin** balances workloads by rendezvous (highest-random-weight) hashing of
//!   (workload key, cluster name) instead of counting workloads per cluster: no state to feed
//!   in, no dependence on the order workloads are placed, and adding or removing a cluster
//!   moves only the workloads that gain or lose that cluster (about k/n of them).
//! - **Spread** uses every eligible cluster unless `numberOfClusters` is set; with
//!   `spread.byLocation` it picks clusters in rounds over locations and divides replicas
//!   between locations first. `maxSkew` bounds the replica difference between locations (or
//!   clusters) with the fewest moves.
//! - **Affinity** ranks by preferred affinity weights plus preferred capabilities minus
//!   `PreferNoSchedule` penalties. **Stickiness** (Affinity and Spread): clusters of the previous
//!   decision that are still eligible rank above everything else, so healthy placements do not
//!   churn when a better cluster appears. A cluster that becomes ineligible (cordoned, tainted,
//!   not Ready) is dropped at once; grace periods before acting on that are the controller's.
//! - **Ties** are broken by the rendezvous hash (FNV-1a + a 64-bit finaliser, see `hash`),
//!   then by cluster name.
//! - **Division**: Duplicated gives every chosen cluster all replicas; Divided splits them by
//!   largest remainder so the shares sum exactly to the request; clusters whose share is 0 are
//!   left out (unless the workload has 0 replicas, which keeps its clusters with 0 each).

mod bitset;
mod compile;
mod decision;
mod divide;
mod explain;
mod filter;
pub mod from_api;
mod hash;
mod inventory;
mod policy;
mod reasons;
mod strategy;
#[cfg(test)]
mod tests;
pub mod to_api;

pub use compile::CompiledPolicy;
pub use decision::{Assignment, ClusterName, PlacementDecision, SelectionReason, WorkloadDemand};
pub use divide::divide_replicas;
pub use explain::{ClusterVerdict, PlacementExplanation, ReasonCount, RejectionSummary, ScoreBreakdown};
pub use filter::rejected_only_for_health;
pub use hash::{fnv1a64, pair_hash};
pub use inventory::{
    ClusterCapacity, ClusterHealth, ClusterInfo, ClusterLabels, Inventory, InventoryError, ResourceAmounts, Taint,
    TaintEffect, LOCATION_LABEL,
};
pub use policy::{
    AffinityTerms, CapabilityRequirement, DivisionWeights, PlacementPolicy, PolicyError, ReplicaDivision,
    SpreadConstraint, Strategy, Toleration, TolerationOperator, WeightedAffinityTerm, MAX_AFFINITY_WEIGHT,
    PREFERRED_CAPABILITY_SCORE, PREFER_NO_SCHEDULE_PENALTY,
};
pub use reasons::RejectionReason;

/// Compiles `policy` against `inventory` and places one workload: the one-shot form for
/// `tmcctl placement simulate`. Loops should compile once and call [`CompiledPolicy::decide`].
pub fn place(
    inventory: &Inventory,
    policy: &PlacementPolicy,
    demand: &WorkloadDemand,
) -> Result<PlacementDecision, PolicyError> {
    Ok(inventory.compile(policy)?.decide(demand))
}
