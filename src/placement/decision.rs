//! What goes into one decision besides the policy (the workload's demand and the previous
//! decision) and what comes out (assignments with reasons).

use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::explain::RejectionSummary;
use super::policy::Strategy;

/// A cluster name shared between the inventory and decisions, so that a decision naming 1k
/// clusters costs 1k reference-count increments rather than 1k string copies.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ClusterName(Arc<str>);

impl ClusterName {
    /// The name as a string slice.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl From<&str> for ClusterName {
    fn from(name: &str) -> Self {
        Self(Arc::from(name))
    }
}

impl Deref for ClusterName {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ClusterName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for ClusterName {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for ClusterName {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(|s| Self(Arc::from(s)))
    }
}

/// The workload being placed: its identity, its size and where it is now.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WorkloadDemand {
    /// Stable identity used for hashing, e.g. `root:org:ws/namespace/Deployment/name`.
    pub key: String,
    /// Requested replicas (use 1 for objects without replicas, such as ConfigMaps).
    pub replicas: u32,
    /// CPU request per replica, in millicores.
    #[serde(default)]
    pub cpu_millis_per_replica: u64,
    /// Memory request per replica, in bytes.
    #[serde(default)]
    pub memory_bytes_per_replica: u64,
    /// Clusters of the previous decision, for stickiness (Affinity, Spread).
    #[serde(default)]
    pub previous_clusters: Vec<String>,
}

/// The outcome of placing one workload.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PlacementDecision {
    /// The strategy that decided.
    pub strategy: Strategy,
    /// Chosen clusters, sorted by name.
    pub assignments: Vec<Assignment>,
    /// How many clusters passed every filter.
    pub eligible_clusters: usize,
    /// How many clusters the policy asked for (after defaults), before capping at the eligible count.
    pub wanted_clusters: usize,
    /// Set when no cluster is eligible: why, aggregated (the `NoCandidates` condition's message).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub no_candidates: Option<RejectionSummary>,
}

impl PlacementDecision {
    /// Total replicas over all assignments.
    pub fn total_replicas(&self) -> u64 {
        self.assignments.iter().map(|a| u64::from(a.replicas)).sum()
    }

    /// The chosen cluster names, sorted.
    pub fn cluster_names(&self) -> impl Iterator<Item = &str> {
        self.assignments.iter().map(|a| a.cluster.as_str())
    }
}

/// One chosen cluster.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assignment {
    /// The cluster.
    pub cluster: ClusterName,
    /// Replicas to run there.
    pub replicas: u32,
    /// Why this cluster was chosen.
    pub reason: SelectionReason,
}

/// Why a cluster was chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum SelectionReason {
    /// Every eligible cluster is used (Spread without `numberOfClusters`).
    AllEligible,
    /// It was in the previous decision and is still eligible.
    KeptFromPreviousDecision,
    /// Highest rendezvous hash for this workload (RoundRobin).
    HashRank {
        /// 1-based rank among eligible clusters.
        rank: u32,
    },
    /// Best score (ties broken by hash).
    ScoreRank {
        /// 1-based rank among eligible clusters.
        rank: u32,
        /// Total score.
        score: i64,
    },
    /// Chosen in a round over locations (Spread by location).
    LocationRound {
        /// 1-based round: 1 = the best cluster of each location.
        round: u32,
        /// Total score.
        score: i64,
    },
}

impl fmt::Display for SelectionReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SelectionReason::AllEligible => f.write_str("every eligible cluster is used"),
            SelectionReason::KeptFromPreviousDecision => {
                f.write_str("kept from the previous decision (still eligible)")
            }
            SelectionReason::HashRank { rank } => write!(f, "rendezvous hash rank {rank}"),
            SelectionReason::ScoreRank { rank, score } => write!(f, "rank {rank} by score {score}"),
            SelectionReason::LocationRound { round, score } => {
                write!(f, "location spread round {round} (score {score})")
            }
        }
    }
}
