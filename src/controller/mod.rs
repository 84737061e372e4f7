//! `tmcctl controller run`: the in-process reconcile loops. Each loop is a module; this one
//! only holds what they share. Today: the health loop (probe clusters → status + metrics).
//! One controller serves one kcp workspace; run one per workspace.

pub mod health_loop;
pub mod placement_loop;

use serde::Serialize;
use serde_json::json;

use crate::client::{ClientError, Connection, Resource};

/// Field manager of every write the controller makes.
pub const FIELD_MANAGER: &str = "tmcctl-controller";

/// Writes `status` into the object `name` of type `K` with server-side apply, as the
/// controller's field manager (status is the controller's by design, so conflicts are forced).
pub async fn write_status<K>(kcp: &Connection, name: &str, status: &impl Serialize) -> Result<(), ClientError>
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
    kcp.apply_status(&resource, &patch, FIELD_MANAGER).await.map(|_| ())
}
