//! The pure sync planner: from upstream objects and a placement decision, what to write to each
//! cluster and what to report back. Plain values in, plain values out; the controller reads,
//! calls these, and applies.
//!
//! Data flows decision → [`replicas::split`] (`spec.replicas` per chosen cluster) → the copies;
//! copies seen downstream → [`status::copy_status`] → [`status::aggregate`] (the upstream
//! `status`); chosen clusters + existing copies → [`moves::plan`] (apply first, delete last).

pub mod moves;
pub mod replicas;
pub mod status;
