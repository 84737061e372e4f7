//! Tests that run the real `tmcctl` binary: offline behaviour, and end to end against the lab
//! (a real kcp and real kwok-simulated clusters; see lab/README.md). Each lab test works in
//! workspaces of its own, so tests do not see each other's objects.

mod backup;
mod chart;
mod clusters;
mod controller;
mod docs;
mod errors;
mod harness;
mod install;
mod monitoring;
mod observability;
mod operator;
mod placements;
mod private_kcp;
mod rbac;
mod recovery;
mod traces;
mod trust;
mod workloads;
