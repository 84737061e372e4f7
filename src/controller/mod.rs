//! `tmcctl controller run`: one controller for every workspace bound to the TMC APIExport (or
//! one workspace, or a plain Kubernetes hub), its reconcile loops on a shared runtime.
//!
//! ```text
//! commands/controller.rs ─► supervisor::run(config) ─► hub (where) ─► runtime: caches, queues, lease
//!                                                       ├─► health_loop    (per cluster: probe → status)
//!                                                       ├─► placement_loop (per placement: decide → status)
//!                                                       ├─► sync_loop      (per workload: copies down → status up)
//!                                                       └─► leaving        (registrations deleted: copies first)
//! ```
//!
//! Every key — cache, queue, metric label, log line — holds the logical cluster, so
//! same-named objects of two workspaces never collide.

pub mod backup_loop;
mod cached;
mod cluster_clients;
mod context;
mod downstream;
mod error;
pub mod health_loop;
pub mod hub;
mod leaving;
pub mod placement_loop;
pub mod runtime;
mod supervisor;
mod sync_cluster;
pub mod sync_loop;
mod sync_step;
pub mod workload_types;

pub use context::LoopSettings;
pub use error::ReconcileError;
pub use hub::Scope;
pub use supervisor::{run, run_once, ControllerConfig, ControllerError, OnceReport, Stop};

use serde::Serialize;
use serde_json::{json, Value};

use crate::client::{ClientError, Connection, Resource};

/// Field manager of every write the controller makes.
pub const FIELD_MANAGER: &str = "tmcctl-controller";

/// Writes `status` into the object `name` of type `K` with server-side apply, as the
/// controller's field manager (status is the controller's by design, so conflicts are forced).
pub async fn write_status<K>(connection: &Connection, name: &str, status: &impl Serialize) -> Result<Value, ClientError>
where
    K: kube::Resource<DynamicType = ()>,
{
    let resource = Resource::of::<K>();
    let patch = json!({
        "apiVersion": resource.api_version(),
        "kind": resource.kind,
        "metadata": {"name": name},
        "status": status,
    });
    connection.apply_status(&resource, &patch, FIELD_MANAGER).await
}
