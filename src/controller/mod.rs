//! `tmcctl controller run`: the in-process reconcile loops. Each loop is a module; this one
//! only holds what they share. Today: the health loop (probe clusters → status + metrics).
//! One controller serves one kcp workspace; run one per workspace.

pub mod health_loop;
pub mod placement_loop;

/// Field manager of every write the controller makes.
pub const FIELD_MANAGER: &str = "tmcctl-controller";
