//! The cluster inventory: what the engine knows about each registered cluster, and the
//! precomputed index ([`Inventory`]) that compiled policies query.
//!
//! Data flows `Vec<ClusterInfo>` (from ClusterRegistrations or an inventory file) →
//! [`Inventory::new`] (sorts by name, interns labels, capabilities and taints into posting
//! lists, precomputes free capacity and name hashes) → `Inventory::compile` per policy.
//! Rebuild the inventory when any cluster changes; it is cheap (linear in labels).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::bitset::ClusterSet;
use super::decision::ClusterName;
use super::hash::name_hash;
use crate::selector::{LabelSelector, Labels, Operator};

/// The pseudo-label key under which a cluster's `location` is visible to every selector in a
/// policy (location selector and affinity terms). It resolves to `spec.location` when that is
/// set, and otherwise to a metadata label of the same name, so `location=eu-west` and
/// `location in (eu-west,eu-central)` work without the platform team duplicating the location
/// into a label.
pub const LOCATION_LABEL: &str = "location";

/// One registered cluster, as the placement engine sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ClusterInfo {
    /// The ClusterRegistration's name; unique in an inventory.
    pub name: String,
    /// Metadata labels.
    #[serde(default)]
    pub labels: BTreeMap<String, String>,
    /// `spec.location` (empty when not set).
    #[serde(default)]
    pub location: String,
    /// Capability type → whether it is currently available.
    #[serde(default)]
    pub capabilities: BTreeMap<String, bool>,
    /// Health from the health loop; only `Ready` clusters receive workloads.
    #[serde(default)]
    pub health: ClusterHealth,
    /// Cordoned: no new placements.
    #[serde(default)]
    pub unschedulable: bool,
    /// Taints; `NoSchedule`/`NoExecute` repel workloads that do not tolerate them.
    #[serde(default)]
    pub taints: Vec<Taint>,
    /// Allocatable and allocated resources; `None` until the cluster has reported them.
    #[serde(default)]
    pub capacity: Option<ClusterCapacity>,
}

/// The Ready condition of a cluster. Defaults to `Unknown`, so an inventory entry that says
/// nothing about health is never chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum ClusterHealth {
    /// Ready and reachable.
    Ready,
    /// Reachable but reporting not ready.
    NotReady,
    /// Not heard from within the grace period, or never.
    #[default]
    Unknown,
}

/// A taint on a cluster, with Kubernetes' key/value/effect meaning.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Taint {
    /// Taint key.
    pub key: String,
    /// Taint value (may be empty).
    #[serde(default)]
    pub value: String,
    /// What the taint does to workloads that do not tolerate it.
    pub effect: TaintEffect,
}

/// What a taint does to a workload that does not tolerate it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum TaintEffect {
    /// Never placed there.
    NoSchedule,
    /// Placed there only when nothing better exists (a score penalty).
    PreferNoSchedule,
    /// Never placed there, and existing placements move away.
    NoExecute,
}

/// CPU, memory and pod amounts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ResourceAmounts {
    /// CPU in millicores.
    #[serde(default)]
    pub cpu_millis: u64,
    /// Memory in bytes.
    #[serde(default)]
    pub memory_bytes: u64,
    /// Pod count.
    #[serde(default)]
    pub pods: u64,
}

/// What a cluster can hold and what is already used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ClusterCapacity {
    /// Allocatable resources.
    pub allocatable: ResourceAmounts,
    /// Resources already requested by running workloads.
    pub allocated: ResourceAmounts,
}

impl ClusterCapacity {
    /// Allocatable minus allocated, never below zero (over-commit shows as zero free).
    pub fn free(&self) -> ResourceAmounts {
        ResourceAmounts {
            cpu_millis: self.allocatable.cpu_millis.saturating_sub(self.allocated.cpu_millis),
            memory_bytes: self.allocatable.memory_bytes.saturating_sub(self.allocated.memory_bytes),
            pods: self.allocatable.pods.saturating_sub(self.allocated.pods),
        }
    }
}

/// Why an inventory could not be built.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum InventoryError {
    /// Two clusters share a name.
    #[error("cluster {0:?} appears more than once in the inventory")]
    DuplicateCluster(String),
    /// A cluster has an empty name.
    #[error("cluster #{0} in the inventory has an empty name")]
    EmptyName(usize),
}

/// The labels a selector sees on a cluster: its metadata labels plus [`LOCATION_LABEL`].
#[derive(Debug, Clone, Copy)]
pub struct ClusterLabels<'a>(pub &'a ClusterInfo);

impl Labels for ClusterLabels<'_> {
    fn label(&self, key: &str) -> Option<&str> {
        if key == LOCATION_LABEL && !self.0.location.is_empty() {
            return Some(&self.0.location);
        }
        self.0.labels.get(key).map(String::as_str)
    }
}

/// Posting lists (cluster indices, increasing) for one label key.
#[derive(Debug, Default)]
struct KeyPostings {
    any_value: Vec<u32>,
    by_value: BTreeMap<String, Vec<u32>>,
}

/// An indexed, immutable set of clusters, sorted by name. Build once per inventory change;
/// compile policies against it.
#[derive(Debug)]
pub struct Inventory {
    pub(crate) clusters: Vec<ClusterInfo>,
    pub(crate) names: Vec<ClusterName>,
    pub(crate) name_hashes: Vec<u64>,
    pub(crate) location_ids: Vec<u32>,
    pub(crate) free: Vec<Option<ResourceAmounts>>,
    pub(crate) ready_and_schedulable: ClusterSet,
    labels: BTreeMap<String, KeyPostings>,
    pub(crate) available_capabilities: BTreeMap<String, Vec<u32>>,
    pub(crate) taints: BTreeMap<Taint, Vec<u32>>,
}

impl Inventory {
    /// Validates and indexes `clusters` (any order; the inventory sorts them by name).
    pub fn new(mut clusters: Vec<ClusterInfo>) -> Result<Self, InventoryError> {
        if let Some(i) = clusters.iter().position(|c| c.name.is_empty()) {
            return Err(InventoryError::EmptyName(i));
        }
        clusters.sort_by(|a, b| a.name.cmp(&b.name));
        if let Some(pair) = clusters.windows(2).find(|w| w[0].name == w[1].name) {
            return Err(InventoryError::DuplicateCluster(pair[0].name.clone()));
        }
        let len = clusters.len();
        let mut inventory = Inventory {
            names: clusters.iter().map(|c| ClusterName::from(c.name.as_str())).collect(),
            name_hashes: clusters.iter().map(|c| name_hash(&c.name)).collect(),
            location_ids: Vec::with_capacity(len),
            free: clusters.iter().map(|c| c.capacity.map(|cap| cap.free())).collect(),
            ready_and_schedulable: ClusterSet::empty(len),
            labels: BTreeMap::new(),
            available_capabilities: BTreeMap::new(),
            taints: BTreeMap::new(),
            clusters: Vec::new(),
        };
        let mut location_ids: BTreeMap<&str, u32> = BTreeMap::new();
        for (i, cluster) in clusters.iter().enumerate() {
            let index = i as u32;
            if cluster.health == ClusterHealth::Ready && !cluster.unschedulable {
                inventory.ready_and_schedulable.insert(i);
            }
            let next_id = location_ids.len() as u32;
            inventory.location_ids.push(*location_ids.entry(cluster.location.as_str()).or_insert(next_id));
            let view = ClusterLabels(cluster);
            // `location` is indexed once, from the spec or else the label (see LOCATION_LABEL).
            let keys = cluster.labels.keys().map(String::as_str).filter(|k| *k != LOCATION_LABEL);
            for key in keys.chain(std::iter::once(LOCATION_LABEL)) {
                let Some(value) = view.label(key) else {
                    continue;
                };
                let postings = inventory.labels.entry(key.to_owned()).or_default();
                postings.any_value.push(index);
                postings.by_value.entry(value.to_owned()).or_default().push(index);
            }
            for (capability, available) in &cluster.capabilities {
                if *available {
                    inventory.available_capabilities.entry(capability.clone()).or_default().push(index);
                }
            }
            for taint in &cluster.taints {
                inventory.taints.entry(taint.clone()).or_default().push(index);
            }
        }
        inventory.clusters = clusters;
        Ok(inventory)
    }

    /// Number of clusters.
    pub fn len(&self) -> usize {
        self.clusters.len()
    }

    /// True when no cluster is registered.
    pub fn is_empty(&self) -> bool {
        self.clusters.is_empty()
    }

    /// The clusters, sorted by name.
    pub fn clusters(&self) -> &[ClusterInfo] {
        &self.clusters
    }

    /// The index of the cluster called `name`.
    pub fn index_of(&self, name: &str) -> Option<usize> {
        self.clusters.binary_search_by(|c| c.name.as_str().cmp(name)).ok()
    }

    /// The clusters whose labels (plus `location`) satisfy `selector`, via posting lists.
    pub(crate) fn select(&self, selector: &LabelSelector) -> ClusterSet {
        let len = self.len();
        let mut selected = ClusterSet::full(len);
        for requirement in selector.requirements() {
            let postings = self.labels.get(requirement.key());
            let mut hits = ClusterSet::empty(len);
            match requirement.operator() {
                Operator::Exists | Operator::DoesNotExist => {
                    if let Some(p) = postings {
                        hits = ClusterSet::from_indices(len, &p.any_value);
                    }
                }
                _ => {
                    for value in requirement.values() {
                        if let Some(list) = postings.and_then(|p| p.by_value.get(value)) {
                            hits.union(&ClusterSet::from_indices(len, list));
                        }
                    }
                }
            }
            match requirement.operator() {
                Operator::Equals | Operator::In | Operator::Exists => selected.intersect(&hits),
                Operator::NotEquals | Operator::NotIn | Operator::DoesNotExist => selected.subtract(&hits),
            }
        }
        selected
    }
}
