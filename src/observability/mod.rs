//! What tmcctl tells the outside world about itself while it runs: the Prometheus metrics of
//! DESIGN.md (names and labels exact) and the HTTP server for `/metrics`, `/healthz`, `/readyz`.
//! Loops record into [`Metrics`]; the server only reads it.

pub mod auth;
pub mod exposition;
mod metrics;
mod server;
pub mod tls;

pub use metrics::Metrics;
pub use server::{serve, Health, Protection};
