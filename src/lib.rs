//! tmcctl: Transparent Multi-Cluster for kcp, as a library behind one binary.
//!
//! Data flows one way: `cli` parses → `settings` resolves → `commands` call the pure core
//! (`api`, `install`) and the `client` → results go to `output`.

#![forbid(unsafe_code)]

pub mod ages;
pub mod api;
pub mod backoff;
pub mod backup;
pub mod cli;
pub mod client;
pub mod commands;
pub mod controller;
pub mod diagnosis;
pub mod docs;
pub mod error;
pub mod health;
pub mod install;
pub mod observability;
pub mod output;
pub mod placement;
pub mod security;
pub mod selector;
pub mod settings;
pub mod sync;
