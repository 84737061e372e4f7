//! What tmcctl tells the outside world about itself while it runs: the Prometheus metrics of
//! DESIGN.md (names and labels exact) and the HTTP server for `/metrics`, `/healthz`, `/readyz`;
//! log lines and OpenTelemetry traces, set up once by [`logs::init`].
//! Loops record into [`Metrics`]; the server only reads it.

pub mod auth;
pub mod exposition;
pub mod logs;
mod metrics;
mod server;
pub mod tls;
pub mod traces;

pub use metrics::Metrics;
pub use server::{serve, Health, Protection};
