//! The controller runtime: the generic parts every reconcile loop stands on, knowing nothing
//! of TMC's types.
//!
//! ```text
//! list+watch ─► cache::Store (one per type, shared) ─► Change ─► loop's handler ─► queue::WorkQueue
//!                                                                   workers ◄───────┘ (per key)
//! leader::Elector ─► WriteGate: every write asks it first
//! ```

mod cache;
mod key;
pub mod leader;
mod queue;

pub use cache::{decode, Cached, Change, Reflector, Store};
pub use key::{ObjectKey, LOGICAL_CLUSTER_ANNOTATION};
pub use leader::{
    identity, may_take, warn_about_other_holders, Elector, LeadershipLost, LeaseRecord, LeaseTiming, WriteGate,
    LEASE_NAME, LEASE_NAMESPACE,
};
pub use queue::WorkQueue;
