//! The pure sync planner: from upstream objects in a kcp workspace and a placement decision,
//! what tmcctl writes on each cluster and what it reports back. No I/O, no clock.
//!
//! Data flows, per workload:
//! placements → [`governing`] (which one, or a conflict) → upstream annotations →
//! [`drift_settings`] → per chosen cluster a [`Target`] (namespace from
//! [`downstream_namespace`]) → [`desired_namespace`], [`desired_copy`], and for each of
//! [`references`] a [`desired_dependency`] → the controller applies them → live copies →
//! [`differences`] (drift to heal or report).
//!
//! Replica division per cluster (`replicas`), status aggregation (`status`) and moves between
//! clusters (`moves`) complete the planner; `leaving` says what a cluster's unregistering
//! does to the copies it holds.

pub mod desired;
pub mod drift;
pub mod governs;
pub mod leaving;
pub mod moves;
pub mod names;
pub mod references;
pub mod replicas;
pub mod status;
pub mod takeover;

pub use desired::{desired_copy, desired_dependency, desired_namespace, namespace_is_ours, PlanError, Target};
pub use drift::{differences, drift_settings, remove_fields, DriftError, DriftPolicy, FieldPath};
pub use governs::{governing, governing_despite_invalid, Governance, PlacementScope, ScopeRead};
pub use moves::{plan, Copy, MovePlan, Step};
pub use names::{downstream_identity, downstream_namespace, MAX_NAMESPACE_LEN};
pub use references::{references, References};
pub use replicas::{split, Share};
pub use status::{aggregate, copy_status, ClusterEntry, CopyStatus, Phase, TmcStatus, WorkloadKind};
pub use takeover::{judge, Existing};
