//! What the controller caches of each type, decoded once per change. Typed objects keep only
//! the fields their types name; Secrets keep only their data.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::api::ownership::CREDENTIALS_CLUSTER_LABEL;
use crate::api::{ClusterRegistration, WorkloadPlacement};

use super::runtime::Cached;

impl Cached for ClusterRegistration {
    fn decode(object: Value) -> Result<Self, String> {
        serde_json::from_value(object).map_err(|e| format!("does not match the ClusterRegistration schema: {e}"))
    }
}

impl Cached for WorkloadPlacement {
    fn decode(object: Value) -> Result<Self, String> {
        serde_json::from_value(object).map_err(|e| format!("does not match the WorkloadPlacement schema: {e}"))
    }
}

/// A cluster-credentials Secret, as the health loop needs it: its data and version.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CredentialSecret {
    /// The cluster it belongs to (its `tmc.kcp.io/cluster` label).
    pub cluster: Option<String>,
    /// `metadata.resourceVersion`: a new one means new credentials, so a new client.
    pub resource_version: String,
    /// `data`, base64-encoded as the server sends it.
    pub data: BTreeMap<String, String>,
}

impl Cached for CredentialSecret {
    fn decode(mut object: Value) -> Result<Self, String> {
        let data = serde_json::from_value(object["data"].take()).unwrap_or_default();
        let resource_version = object["metadata"]["resourceVersion"].as_str().unwrap_or_default().to_string();
        let cluster = object["metadata"]["labels"][CREDENTIALS_CLUSTER_LABEL].as_str().map(String::from);
        Ok(CredentialSecret { cluster, resource_version, data })
    }
}
