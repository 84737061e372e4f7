//! `WorkloadPlacement`: which workloads go to which clusters, and the decision taken.

use k8s_openapi::apimachinery::pkg::apis::meta::v1::LabelSelector;
use kube::CustomResource;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Condition, Toleration};

/// The placement policy an application or platform team writes.
#[derive(CustomResource, Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[kube(
    group = "tmc.kcp.io",
    version = "v1alpha1",
    derive = "PartialEq",
    kind = "WorkloadPlacement",
    plural = "workloadplacements",
    shortname = "wp",
    status = "WorkloadPlacementStatus",
    printcolumn = r#"{"name":"Strategy","type":"string","jsonPath":".spec.strategy"}"#,
    printcolumn = r#"{"name":"Scheduled","type":"string","jsonPath":".status.conditions[?(@.type==\"Scheduled\")].status"}"#,
    printcolumn = r#"{"name":"Age","type":"date","jsonPath":".metadata.creationTimestamp"}"#
)]
#[serde(rename_all = "camelCase")]
pub struct WorkloadPlacementSpec {
    /// How clusters are chosen among the eligible ones.
    #[serde(default)]
    pub strategy: PlacementStrategy,
    /// Which clusters are eligible, by their labels and their `location`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location_selector: Option<LabelSelector>,
    /// Capabilities a cluster must (or should) offer.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub capability_requirements: Vec<CapabilityRequirement>,
    /// Which namespaces of the workspace this placement governs; empty means all.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub namespace_selector: Option<LabelSelector>,
    /// Which workloads (by their labels) this placement governs; empty means all.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workload_selector: Option<LabelSelector>,
    /// How many clusters to choose; unset means one for RoundRobin and all eligible otherwise.
    /// At most 100000: the schema refuses what the controller could not hold.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1, max = 100000))]
    pub number_of_clusters: Option<u32>,
    /// Whether each chosen cluster runs all replicas or a share of them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replica_division: Option<ReplicaDivision>,
    /// Taints of clusters that this placement's workloads tolerate.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tolerations: Vec<Toleration>,
    /// Cluster-label terms the Affinity strategy requires or prefers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub affinity: Option<ClusterAffinity>,
    /// Spreading over locations, and the largest allowed replica difference.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spread: Option<SpreadSpec>,
    /// What to do with an object found on a cluster at a copy's name that tmcctl did not
    /// create for the workload: `Never` (default: report a conflict, write nothing there),
    /// `IfNoDiff` (adopt it only when it already matches the copy) or `Always`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub takeover: Option<Takeover>,
    /// What happens to the copies of a workload this placement stops governing (the placement
    /// deleted, or its selectors no longer match): `Retain` (default: they stay, reported as
    /// orphaned) or `Delete` (removed, at the eviction rate).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deletion_policy: Option<DeletionPolicy>,
}

/// What happens to copies their placement (or their cluster's registration) no longer holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum DeletionPolicy {
    /// The copies stay on their clusters, reported (orphaned, or left behind).
    #[default]
    Retain,
    /// The copies are removed, at the eviction rate.
    Delete,
}

impl std::str::FromStr for DeletionPolicy {
    type Err = String;

    /// `Retain` or `Delete`, in any case (as flags take it).
    fn from_str(text: &str) -> Result<Self, String> {
        [DeletionPolicy::Retain, DeletionPolicy::Delete]
            .into_iter()
            .find(|p| format!("{p:?}").eq_ignore_ascii_case(text))
            .ok_or_else(|| format!("unknown deletion policy \"{text}\"; allowed: Retain, Delete"))
    }
}

/// Whether a placement's copies may adopt objects tmcctl did not create.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum Takeover {
    /// Never adopt: a foreign object is a conflict on that cluster.
    #[default]
    Never,
    /// Adopt only an object that already holds what the copy would set.
    IfNoDiff,
    /// Adopt whatever is there, overwriting the fields the copy sets.
    Always,
}

/// How Spread balances clusters and locations.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct SpreadSpec {
    /// Pick clusters in rounds over locations, and divide replicas between locations first.
    #[serde(default)]
    pub by_location: bool,
    /// The largest replica difference allowed between locations (or clusters); 1 to 100000.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1, max = 100000))]
    pub max_skew: Option<u32>,
}

/// The strategies the placement engine knows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum PlacementStrategy {
    /// Spread workloads evenly, by count, over eligible clusters.
    #[default]
    RoundRobin,
    /// Divide a workload's replicas over clusters (or locations first).
    Spread,
    /// Follow required and preferred cluster-label terms, sticking to the current decision.
    Affinity,
}

impl PlacementStrategy {
    /// Every strategy, in the order help text lists them.
    pub const ALL: [PlacementStrategy; 3] = [Self::RoundRobin, Self::Spread, Self::Affinity];

    /// The strategy's name as written in the API.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::RoundRobin => "RoundRobin",
            Self::Spread => "Spread",
            Self::Affinity => "Affinity",
        }
    }
}

/// One capability a placement asks for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct CapabilityRequirement {
    /// The capability's name, such as `gpu`.
    #[serde(rename = "type")]
    #[schemars(length(min = 1, max = 63), regex(pattern = r"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"))]
    pub type_: String,
    /// True: clusters without it are not eligible. False: clusters with it are preferred.
    pub required: bool,
}

/// How replicas are shared between the chosen clusters.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ReplicaDivision {
    /// `Duplicated` (every cluster runs all replicas) or `Divided` (they add up to the total).
    #[serde(rename = "type", default)]
    pub type_: ReplicaDivisionType,
    /// Static weights by cluster name for `Divided`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub weights: Vec<ClusterWeight>,
    /// For `Divided` without weights: divide by free capacity instead of equally.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub by_available_capacity: bool,
}

/// The two ways of dividing replicas.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum ReplicaDivisionType {
    /// Every chosen cluster runs the full replica count.
    #[default]
    Duplicated,
    /// The replica count is divided between the chosen clusters.
    Divided,
}

/// A static weight for one cluster in a `Divided` placement.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ClusterWeight {
    /// The ClusterRegistration's name.
    pub cluster: String,
    /// The cluster's relative share, 0 to 1000000.
    #[schemars(range(min = 0, max = 1000000))]
    pub weight: u32,
}

/// Cluster-label terms for the Affinity strategy.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ClusterAffinity {
    /// Every term must match a cluster's labels for it to be eligible.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub required: Vec<LabelSelector>,
    /// Terms that raise a cluster's score by their weight when they match.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub preferred: Vec<WeightedClusterTerm>,
}

/// A preferred cluster-label term and its weight.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct WeightedClusterTerm {
    /// 1 to 100: how much a match counts.
    #[schemars(range(min = 1, max = 100))]
    pub weight: u32,
    /// The labels to match.
    pub selector: LabelSelector,
}

/// The decision the placement loop took, and why.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct WorkloadPlacementStatus {
    /// The chosen clusters.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub decisions: Vec<PlacementDecisionEntry>,
    /// `Scheduled`, `NoCandidates` and related conditions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conditions: Vec<Condition>,
    /// The spec generation this decision was taken for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub observed_generation: Option<i64>,
    /// When the decision was last taken (RFC 3339).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_decision_time: Option<String>,
}

/// One chosen cluster in a placement decision.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct PlacementDecisionEntry {
    /// The ClusterRegistration's name.
    pub cluster: String,
    /// Replicas this cluster runs, when the workload has a replica count.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replicas: Option<u32>,
    /// Why the cluster was chosen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}
