//! From the TMC API (`ClusterRegistration`, `WorkloadPlacement`) to the engine's plain inputs.
//! Pure: the CLI and the controller read objects, this turns them into an inventory and a
//! policy, and a malformed selector becomes an error naming its field.

use std::collections::BTreeMap;

use k8s_openapi::apimachinery::pkg::apis::meta::v1::LabelSelector as ApiSelector;
use thiserror::Error;

use crate::api::quantity::{parse_milli, parse_units};
use crate::api::{
    self, ClusterRegistration, ConditionStatus, PlacementStrategy, ReplicaDivisionType, WorkloadPlacementSpec,
};
use crate::selector::{LabelSelector, LabelSelectorSpec, SelectorError};

use super::{
    AffinityTerms, CapabilityRequirement, ClusterCapacity, ClusterHealth, ClusterInfo, DivisionWeights,
    PlacementPolicy, ReplicaDivision, ResourceAmounts, SpreadConstraint, Strategy, Taint, TaintEffect, Toleration,
    TolerationOperator, WeightedAffinityTerm,
};

/// A placement spec the engine cannot take.
#[derive(Debug, Error)]
pub enum PolicyInputError {
    /// A selector in the spec is malformed.
    #[error("{field}: {source}")]
    Selector {
        /// Which field, e.g. `spec.locationSelector`.
        field: String,
        /// What is wrong with it.
        source: SelectorError,
    },
    /// The selector's JSON shape is not a label selector.
    #[error("{field}: not a label selector: {message}")]
    Shape {
        /// Which field.
        field: String,
        /// The decoding error.
        message: String,
    },
}

/// The engine's view of a registered cluster: labels, location, capabilities, Ready,
/// cordon, taints and (once reported) allocatable/allocated capacity.
pub fn cluster_info(cluster: &ClusterRegistration) -> ClusterInfo {
    let status = cluster.status.clone().unwrap_or_default();
    let health = match cluster.ready_condition().map(|c| c.status) {
        Some(ConditionStatus::True) => ClusterHealth::Ready,
        Some(ConditionStatus::False) => ClusterHealth::NotReady,
        _ => ClusterHealth::Unknown,
    };
    let amounts = |a: &api::ResourceAmounts| ResourceAmounts {
        cpu_millis: a.cpu.as_deref().and_then(|q| parse_milli(q).ok()).unwrap_or(0) as u64,
        memory_bytes: a.memory.as_deref().and_then(|q| parse_units(q).ok()).unwrap_or(0) as u64,
        pods: a.pods.as_deref().and_then(|q| parse_units(q).ok()).unwrap_or(0) as u64,
    };
    let capacity = match (&status.allocatable, &status.allocated) {
        (Some(allocatable), allocated) => Some(ClusterCapacity {
            allocatable: amounts(allocatable),
            allocated: allocated.as_ref().map(amounts).unwrap_or_default(),
        }),
        (None, _) => None,
    };
    ClusterInfo {
        name: cluster.metadata.name.clone().unwrap_or_default(),
        labels: cluster.metadata.labels.clone().unwrap_or_default().into_iter().collect(),
        location: cluster.spec.location.clone(),
        capabilities: cluster.spec.capabilities.iter().map(|c| (c.type_.clone(), c.available)).collect(),
        health,
        unschedulable: cluster.spec.unschedulable,
        taints: cluster
            .spec
            .taints
            .iter()
            .map(|t| Taint { key: t.key.clone(), value: t.value.clone().unwrap_or_default(), effect: effect(t.effect) })
            .collect(),
        capacity,
    }
}

fn effect(effect: api::TaintEffect) -> TaintEffect {
    match effect {
        api::TaintEffect::NoSchedule => TaintEffect::NoSchedule,
        api::TaintEffect::PreferNoSchedule => TaintEffect::PreferNoSchedule,
        api::TaintEffect::NoExecute => TaintEffect::NoExecute,
    }
}

/// The engine's policy for a placement spec.
pub fn policy(spec: &WorkloadPlacementSpec) -> Result<PlacementPolicy, PolicyInputError> {
    let strategy = match spec.strategy {
        PlacementStrategy::RoundRobin => Strategy::RoundRobin,
        PlacementStrategy::Spread => Strategy::Spread,
        PlacementStrategy::Affinity => Strategy::Affinity,
    };
    let replica_division = match &spec.replica_division {
        Some(d) if d.type_ == ReplicaDivisionType::Divided => ReplicaDivision::Divided(if !d.weights.is_empty() {
            DivisionWeights::Static(d.weights.iter().map(|w| (w.cluster.clone(), w.weight)).collect::<BTreeMap<_, _>>())
        } else if d.by_available_capacity {
            DivisionWeights::ByAvailableCapacity
        } else {
            DivisionWeights::Equal
        }),
        _ => ReplicaDivision::Duplicated,
    };
    let affinity = match &spec.affinity {
        Some(a) => AffinityTerms {
            required: a
                .required
                .iter()
                .enumerate()
                .map(|(i, s)| selector(Some(s), &format!("spec.affinity.required[{i}]")))
                .collect::<Result<_, _>>()?,
            preferred: a
                .preferred
                .iter()
                .enumerate()
                .map(|(i, t)| {
                    let selector = selector(Some(&t.selector), &format!("spec.affinity.preferred[{i}].selector"))?;
                    Ok(WeightedAffinityTerm { weight: t.weight, selector })
                })
                .collect::<Result<_, PolicyInputError>>()?,
        },
        None => AffinityTerms::default(),
    };
    Ok(PlacementPolicy {
        strategy,
        location_selector: selector(spec.location_selector.as_ref(), "spec.locationSelector")?,
        capability_requirements: spec
            .capability_requirements
            .iter()
            .map(|c| CapabilityRequirement { capability: c.type_.clone(), required: c.required })
            .collect(),
        number_of_clusters: spec.number_of_clusters,
        replica_division,
        tolerations: spec
            .tolerations
            .iter()
            .map(|t| Toleration {
                key: t.key.clone().unwrap_or_default(),
                operator: match t.operator {
                    api::TolerationOperator::Equal => TolerationOperator::Equal,
                    api::TolerationOperator::Exists => TolerationOperator::Exists,
                },
                value: t.value.clone().unwrap_or_default(),
                effect: t.effect.map(effect),
            })
            .collect(),
        affinity,
        spread: spec
            .spread
            .as_ref()
            .map(|s| SpreadConstraint { by_location: s.by_location, max_skew: s.max_skew })
            .unwrap_or_default(),
    })
}

/// A Kubernetes LabelSelector (structured) as the engine's selector; none selects everything.
pub fn selector(selector: Option<&ApiSelector>, field: &str) -> Result<LabelSelector, PolicyInputError> {
    let Some(selector) = selector else { return Ok(LabelSelector::everything()) };
    let json = serde_json::to_value(selector).expect("a LabelSelector serializes");
    let spec: LabelSelectorSpec = serde_json::from_value(json)
        .map_err(|e| PolicyInputError::Shape { field: field.to_string(), message: e.to_string() })?;
    LabelSelector::from_spec(&spec).map_err(|source| PolicyInputError::Selector { field: field.to_string(), source })
}

/// The structured form of a parsed selector, for writing into a spec.
pub fn api_selector(selector: &LabelSelector) -> ApiSelector {
    let json = serde_json::to_value(selector.to_spec()).expect("a selector spec serializes");
    serde_json::from_value(json).expect("the structured forms agree")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn maps_a_registration_with_status() {
        let cluster: ClusterRegistration = serde_json::from_value(json!({
            "apiVersion": "tmc.kcp.io/v1alpha1", "kind": "ClusterRegistration",
            "metadata": {"name": "pc1", "labels": {"env": "prod"}},
            "spec": {"location": "eu", "capabilities": [{"type": "gpu", "available": true}],
                     "taints": [{"key": "dedicated", "value": "ml", "effect": "NoSchedule"}]},
            "status": {"conditions": [{"type": "Ready", "status": "True"}],
                       "allocatable": {"cpu": "4", "memory": "8Gi", "pods": "110"}, "allocated": {"cpu": "500m"}}
        }))
        .unwrap();
        let info = cluster_info(&cluster);
        assert_eq!(info.health, ClusterHealth::Ready);
        assert_eq!(info.capabilities.get("gpu"), Some(&true));
        assert_eq!(info.taints[0].effect, TaintEffect::NoSchedule);
        let capacity = info.capacity.unwrap();
        assert_eq!((capacity.allocatable.cpu_millis, capacity.allocated.cpu_millis), (4000, 500));
    }

    #[test]
    fn maps_a_placement_and_names_a_bad_selector_field() {
        let spec: WorkloadPlacementSpec = serde_json::from_value(json!({
            "strategy": "Spread",
            "locationSelector": {"matchLabels": {"env": "prod"}, "matchExpressions": [{"key": "location", "operator": "In", "values": ["eu", "us"]}]},
            "capabilityRequirements": [{"type": "gpu", "required": true}],
            "replicaDivision": {"type": "Divided", "byAvailableCapacity": true},
            "spread": {"byLocation": true, "maxSkew": 1}
        }))
        .unwrap();
        let policy = policy(&spec).unwrap();
        assert_eq!(policy.strategy, Strategy::Spread);
        assert_eq!(policy.location_selector.to_string(), "env=prod,location in (eu,us)");
        assert_eq!(policy.replica_division, ReplicaDivision::Divided(DivisionWeights::ByAvailableCapacity));
        assert!(policy.spread.by_location);

        let bad: WorkloadPlacementSpec =
            serde_json::from_value(json!({"locationSelector": {"matchLabels": {"env": "x y"}}})).unwrap();
        let err = super::policy(&bad).unwrap_err().to_string();
        assert!(err.starts_with("spec.locationSelector:"), "{err}");
    }
}
