//! Why a cluster was rejected, in words a platform engineer can act on, and the coarser key
//! under which rejections are counted for a `NoCandidates` summary.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::inventory::{ClusterHealth, Taint};

/// One reason a cluster cannot take the workload.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", tag = "reason")]
pub enum RejectionReason {
    /// Health is not Ready.
    NotReady {
        /// The health reported.
        health: ClusterHealth,
    },
    /// `unschedulable: true`.
    Cordoned,
    /// A selector needs label `key` and the cluster lacks it.
    LabelMissing {
        /// The label key.
        key: String,
    },
    /// A selector requirement on `key` fails for the cluster's value.
    LabelMismatch {
        /// The label key.
        key: String,
        /// The cluster's value.
        value: String,
        /// The failed requirement, in selector syntax.
        requirement: String,
    },
    /// A selector needs label `key` absent (`!key`) and the cluster has it.
    LabelPresent {
        /// The label key.
        key: String,
        /// The cluster's value.
        value: String,
    },
    /// The location selector needs a location and the cluster has none.
    LocationMissing {
        /// The failed requirement, in selector syntax.
        requirement: String,
    },
    /// The cluster's location fails the location selector.
    LocationMismatch {
        /// The cluster's location.
        location: String,
        /// The failed requirement, in selector syntax.
        requirement: String,
    },
    /// None of the required affinity terms matches.
    NoRequiredAffinityTermMatches {
        /// How many terms there are.
        terms: usize,
    },
    /// A required capability is not declared.
    CapabilityMissing {
        /// The capability type.
        capability: String,
    },
    /// A required capability is declared but not available.
    CapabilityUnavailable {
        /// The capability type.
        capability: String,
    },
    /// A `NoSchedule`/`NoExecute` taint that no toleration matches.
    TaintNotTolerated {
        /// The taint.
        taint: Taint,
    },
    /// Divided by static weights, and this cluster has no positive weight.
    NoStaticWeight,
    /// Divided by available capacity, and this cluster has not reported capacity.
    CapacityUnknown,
    /// Not enough free CPU.
    InsufficientCpu {
        /// Millicores needed on this cluster.
        needed_millis: u64,
        /// Millicores free.
        free_millis: u64,
    },
    /// Not enough free memory.
    InsufficientMemory {
        /// Bytes needed on this cluster.
        needed_bytes: u64,
        /// Bytes free.
        free_bytes: u64,
    },
    /// Not enough free pod slots.
    InsufficientPods {
        /// Pods needed on this cluster.
        needed: u64,
        /// Pod slots free.
        free: u64,
    },
}

impl RejectionReason {
    /// The reason without per-cluster details, for counting across clusters
    /// ("label region missing", "insufficient cpu").
    pub fn summary_key(&self) -> String {
        match self {
            Self::NotReady { .. } => "not ready".to_owned(),
            Self::Cordoned => "cordoned".to_owned(),
            Self::LabelMissing { key } => format!("label {key} missing"),
            Self::LabelMismatch { key, .. } => format!("label {key} does not match"),
            Self::LabelPresent { key, .. } => format!("label {key} present"),
            Self::LocationMissing { .. } => "location not set".to_owned(),
            Self::LocationMismatch { .. } => "location does not match".to_owned(),
            Self::NoRequiredAffinityTermMatches { .. } => "no required affinity term matches".to_owned(),
            Self::CapabilityMissing { capability } => format!("capability {capability} missing"),
            Self::CapabilityUnavailable { capability } => {
                format!("capability {capability} unavailable")
            }
            Self::TaintNotTolerated { taint } => {
                format!("taint {} not tolerated", TaintText(taint))
            }
            Self::NoStaticWeight => "no static weight".to_owned(),
            Self::CapacityUnknown => "capacity unknown".to_owned(),
            Self::InsufficientCpu { .. } => "insufficient cpu".to_owned(),
            Self::InsufficientMemory { .. } => "insufficient memory".to_owned(),
            Self::InsufficientPods { .. } => "insufficient pods".to_owned(),
        }
    }
}

/// Renders a taint as `kubectl` does: `key=value:Effect` (or `key:Effect`).
struct TaintText<'a>(&'a Taint);

impl fmt::Display for TaintText<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Taint { key, value, effect } = self.0;
        if value.is_empty() {
            write!(f, "{key}:{effect:?}")
        } else {
            write!(f, "{key}={value}:{effect:?}")
        }
    }
}

/// Binary-unit memory when exact (`512Mi`), else bytes, so numbers read like Kubernetes quantities.
fn memory(bytes: u64) -> String {
    const UNITS: [(u64, &str); 4] = [(1 << 40, "Ti"), (1 << 30, "Gi"), (1 << 20, "Mi"), (1 << 10, "Ki")];
    UNITS
        .iter()
        .find(|(size, _)| bytes >= *size && bytes.is_multiple_of(*size))
        .map_or_else(|| bytes.to_string(), |(size, unit)| format!("{}{unit}", bytes / size))
}

impl fmt::Display for RejectionReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotReady { health } => write!(f, "not ready (health {health:?})"),
            Self::LabelMismatch { key, value, requirement } => {
                write!(f, "label {key}={value} does not match {requirement}")
            }
            Self::LabelPresent { key, value } => write!(f, "label {key}={value} present, selector requires it absent"),
            Self::LocationMissing { requirement } => {
                write!(f, "location not set, selector requires {requirement}")
            }
            Self::LocationMismatch { location, requirement } => {
                write!(f, "location {location} does not match {requirement}")
            }
            Self::NoRequiredAffinityTermMatches { terms } => {
                write!(f, "matches none of the {terms} required affinity term(s)")
            }
            Self::NoStaticWeight => f.write_str("no static weight (Divided weights give it none)"),
            Self::CapacityUnknown => f.write_str("capacity unknown (Divided by available capacity needs it)"),
            Self::InsufficientCpu { needed_millis, free_millis } => {
                write!(f, "insufficient cpu: needs {needed_millis}m, {free_millis}m free")
            }
            Self::InsufficientMemory { needed_bytes, free_bytes } => {
                write!(f, "insufficient memory: needs {}, {} free", memory(*needed_bytes), memory(*free_bytes))
            }
            Self::InsufficientPods { needed, free } => {
                write!(f, "insufficient pods: needs {needed}, {free} free")
            }
            Self::Cordoned
            | Self::LabelMissing { .. }
            | Self::CapabilityMissing { .. }
            | Self::CapabilityUnavailable { .. }
            | Self::TaintNotTolerated { .. } => f.write_str(&self.summary_key()),
        }
    }
}
