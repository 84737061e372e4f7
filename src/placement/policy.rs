//! The placement policy (a `WorkloadPlacement` spec minus its workload selectors) and its
//! validation. Parsing of strategy names and selector strings happens before this, in serde or
//! the CLI; what is checked here are combinations that parse but cannot mean anything.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::inventory::{Taint, TaintEffect};
use crate::selector::LabelSelector;

/// Score added per preferred capability that a cluster has available.
pub const PREFERRED_CAPABILITY_SCORE: i64 = 50;
/// Score removed per `PreferNoSchedule` taint that the workload does not tolerate.
pub const PREFER_NO_SCHEDULE_PENALTY: i64 = 50;
/// Largest weight of a preferred affinity term (as in Kubernetes).
pub const MAX_AFFINITY_WEIGHT: u32 = 100;

/// How to place workloads, as declared by a `WorkloadPlacement`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PlacementPolicy {
    /// Which strategy chooses among eligible clusters.
    pub strategy: Strategy,
    /// Clusters must match this selector over their labels and [`LOCATION_LABEL`](super::LOCATION_LABEL).
    #[serde(default)]
    pub location_selector: LabelSelector,
    /// Capabilities a cluster must (or preferably should) have available.
    #[serde(default)]
    pub capability_requirements: Vec<CapabilityRequirement>,
    /// How many clusters to choose; default 1 for RoundRobin and Affinity, every eligible
    /// cluster for Spread.
    #[serde(default)]
    pub number_of_clusters: Option<u32>,
    /// Whether each chosen cluster runs all replicas or a share.
    #[serde(default)]
    pub replica_division: ReplicaDivision,
    /// Taints the workload tolerates.
    #[serde(default)]
    pub tolerations: Vec<Toleration>,
    /// Cluster-label affinity (required and preferred terms).
    #[serde(default)]
    pub affinity: AffinityTerms,
    /// Spreading across locations and the allowed replica skew.
    #[serde(default)]
    pub spread: SpreadConstraint,
}

/// The strategy that ranks and chooses eligible clusters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Strategy {
    /// Balance workloads across eligible clusters by rendezvous hashing of (workload, cluster);
    /// ignores preferences and the previous decision, so load stays even as clusters come and go.
    RoundRobin,
    /// Spread replicas over many clusters (every eligible one by default), optionally across
    /// locations first, honouring weights and max skew.
    Spread,
    /// Choose by preferred affinity and capabilities, keeping the previous decision's clusters
    /// while they stay eligible.
    Affinity,
}

impl Strategy {
    /// Every strategy name, for "allowed values" messages.
    pub const ALL: [Strategy; 3] = [Strategy::RoundRobin, Strategy::Spread, Strategy::Affinity];

    /// The name as written in specs and metrics labels.
    pub fn as_str(self) -> &'static str {
        match self {
            Strategy::RoundRobin => "RoundRobin",
            Strategy::Spread => "Spread",
            Strategy::Affinity => "Affinity",
        }
    }
}

impl std::fmt::Display for Strategy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One capability requirement (`--capabilities gpu:true` on the CLI).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CapabilityRequirement {
    /// Capability type, e.g. `gpu`.
    #[serde(rename = "type")]
    pub capability: String,
    /// `true`: clusters without it are rejected; `false`: preferred, adds
    /// [`PREFERRED_CAPABILITY_SCORE`].
    #[serde(default = "required_by_default")]
    pub required: bool,
}

fn required_by_default() -> bool {
    true
}

/// How replicas are divided among chosen clusters.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum ReplicaDivision {
    /// Every chosen cluster runs all replicas.
    #[default]
    Duplicated,
    /// Replicas are shared out; the shares sum exactly to the requested count.
    Divided(DivisionWeights),
}

/// Relative weights for [`ReplicaDivision::Divided`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum DivisionWeights {
    /// Every chosen cluster weighs the same.
    #[default]
    Equal,
    /// Cluster name → weight; clusters not listed (or weighted 0) are not eligible.
    Static(BTreeMap<String, u32>),
    /// Weight = how many replicas fit in the cluster's free capacity.
    ByAvailableCapacity,
}

/// A toleration, with Kubernetes' matching rules.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Toleration {
    /// Taint key; empty with `Exists` tolerates every taint.
    #[serde(default)]
    pub key: String,
    /// `Equal` (default) compares the value; `Exists` ignores it.
    #[serde(default)]
    pub operator: TolerationOperator,
    /// Value for `Equal`.
    #[serde(default)]
    pub value: String,
    /// Effect to tolerate; `None` tolerates every effect.
    #[serde(default)]
    pub effect: Option<TaintEffect>,
}

/// How a toleration compares a taint's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum TolerationOperator {
    /// Key and value must both be equal.
    #[default]
    Equal,
    /// The key must be equal (or the toleration's key empty); the value is ignored.
    Exists,
}

impl Toleration {
    /// Whether this toleration tolerates `taint`.
    pub fn tolerates(&self, taint: &Taint) -> bool {
        if self.effect.is_some_and(|effect| effect != taint.effect) {
            return false;
        }
        match self.operator {
            TolerationOperator::Exists => self.key.is_empty() || self.key == taint.key,
            TolerationOperator::Equal => self.key == taint.key && self.value == taint.value,
        }
    }
}

/// Cluster-label affinity.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct AffinityTerms {
    /// A cluster must match at least one of these (OR, as Kubernetes' nodeSelectorTerms); empty
    /// means no requirement.
    #[serde(default)]
    pub required: Vec<LabelSelector>,
    /// Each matching term adds its weight to the cluster's score.
    #[serde(default)]
    pub preferred: Vec<WeightedAffinityTerm>,
}

/// A preferred affinity term.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WeightedAffinityTerm {
    /// 1..=100.
    pub weight: u32,
    /// Clusters matching this selector get the weight.
    pub selector: LabelSelector,
}

/// Spreading constraints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SpreadConstraint {
    /// Spread strategy only: choose clusters round-robin over locations, and divide replicas
    /// between locations before dividing them between a location's clusters.
    #[serde(default)]
    pub by_location: bool,
    /// Divided only: the largest allowed difference in replicas between two locations (when
    /// `by_location`) or two chosen clusters; at least 1.
    #[serde(default)]
    pub max_skew: Option<u32>,
}

/// A policy that parses but cannot be applied.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PolicyError {
    /// `numberOfClusters: 0`.
    #[error("numberOfClusters must be at least 1, found 0")]
    ZeroNumberOfClusters,
    /// `maxSkew: 0`.
    #[error("spread.maxSkew must be at least 1, found 0 (replicas cannot always divide evenly)")]
    ZeroMaxSkew,
    /// Static weights with no entries or only zeros.
    #[error("Divided static weights must give at least one cluster a weight above 0")]
    NoPositiveStaticWeight,
    /// Static weights that name no registered cluster.
    #[error("Divided static weights refer to no registered cluster (named: {})", .0.join(", "))]
    StaticWeightsMatchNoCluster(Vec<String>),
    /// A preferred affinity weight outside 1..=100.
    #[error("affinity.preferred[{index}].weight must be between 1 and 100, found {weight}")]
    AffinityWeightOutOfRange {
        /// Position of the term.
        index: usize,
        /// The weight given.
        weight: u32,
    },
    /// A capability requirement with an empty type.
    #[error("capabilityRequirements[{0}].type must not be empty")]
    EmptyCapability(usize),
    /// A toleration whose fields contradict its operator.
    #[error("tolerations[{index}]: {problem}")]
    InvalidToleration {
        /// Position of the toleration.
        index: usize,
        /// What is contradictory.
        problem: &'static str,
    },
}

impl PlacementPolicy {
    /// A policy with the given strategy and every other field at its default.
    pub fn new(strategy: Strategy) -> Self {
        Self {
            strategy,
            location_selector: LabelSelector::everything(),
            capability_requirements: Vec::new(),
            number_of_clusters: None,
            replica_division: ReplicaDivision::Duplicated,
            tolerations: Vec::new(),
            affinity: AffinityTerms::default(),
            spread: SpreadConstraint::default(),
        }
    }

    /// Checks what can be checked without the inventory.
    pub fn validate(&self) -> Result<(), PolicyError> {
        if self.number_of_clusters == Some(0) {
            return Err(PolicyError::ZeroNumberOfClusters);
        }
        if self.spread.max_skew == Some(0) {
            return Err(PolicyError::ZeroMaxSkew);
        }
        if let ReplicaDivision::Divided(DivisionWeights::Static(weights)) = &self.replica_division {
            if weights.values().all(|w| *w == 0) {
                return Err(PolicyError::NoPositiveStaticWeight);
            }
        }
        for (index, term) in self.affinity.preferred.iter().enumerate() {
            if !(1..=MAX_AFFINITY_WEIGHT).contains(&term.weight) {
                return Err(PolicyError::AffinityWeightOutOfRange { index, weight: term.weight });
            }
        }
        if let Some(index) = self.capability_requirements.iter().position(|c| c.capability.is_empty()) {
            return Err(PolicyError::EmptyCapability(index));
        }
        for (index, toleration) in self.tolerations.iter().enumerate() {
            let problem = match toleration.operator {
                TolerationOperator::Exists if !toleration.value.is_empty() => "operator Exists must not have a value",
                TolerationOperator::Equal if toleration.key.is_empty() => {
                    "operator Equal needs a key (use Exists with an empty key to tolerate everything)"
                }
                _ => continue,
            };
            return Err(PolicyError::InvalidToleration { index, problem });
        }
        Ok(())
    }

    /// Whether some toleration tolerates `taint`.
    pub fn tolerates(&self, taint: &Taint) -> bool {
        self.tolerations.iter().any(|t| t.tolerates(taint))
    }
}
