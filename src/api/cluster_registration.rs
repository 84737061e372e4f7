//! `ClusterRegistration`: one physical cluster that tmcctl may place workloads on.

use kube::CustomResource;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Condition, ResourceAmounts, Taint};

/// The desired state of a registered physical cluster, written by the platform team.
#[derive(CustomResource, Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[kube(
    group = "tmc.kcp.io",
    version = "v1alpha1",
    derive = "PartialEq",
    kind = "ClusterRegistration",
    plural = "clusterregistrations",
    shortname = "cr",
    status = "ClusterRegistrationStatus",
    printcolumn = r#"{"name":"Location","type":"string","jsonPath":".spec.location"}"#,
    printcolumn = r#"{"name":"Ready","type":"string","jsonPath":".status.conditions[?(@.type==\"Ready\")].status"}"#,
    printcolumn = r#"{"name":"Age","type":"date","jsonPath":".metadata.creationTimestamp"}"#
)]
#[serde(rename_all = "camelCase")]
pub struct ClusterRegistrationSpec {
    /// Where the cluster runs (a region, zone or site name); placements select on it.
    #[schemars(length(min = 1, max = 63))]
    pub location: String,
    /// What the cluster offers beyond plain compute, such as `gpu` or `arm64`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub capabilities: Vec<Capability>,
    /// The Secret in this workspace that holds the cluster's kubeconfig.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credentials: Option<CredentialsReference>,
    /// When true the cluster is cordoned: no new workloads are placed on it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub unschedulable: bool,
    /// Taints that repel placements which do not tolerate them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub taints: Vec<Taint>,
    /// What happens to the copies on the cluster when this registration is deleted: `Retain`
    /// (default: they stay, and each workload reports its copy there as left behind) or
    /// `Delete` (the controller removes them first, at the eviction rate, for at most five
    /// minutes, then lets the registration go and reports what it could not remove).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deletion_policy: Option<super::DeletionPolicy>,
}

/// One capability of a cluster and whether it is available now.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Capability {
    /// The capability's name, a DNS-1123 label such as `gpu`.
    #[serde(rename = "type")]
    #[schemars(length(min = 1, max = 63), regex(pattern = r"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"))]
    pub type_: String,
    /// Whether the capability can be used now.
    pub available: bool,
}

/// Where a cluster's credentials are: a key of a Secret in the registering workspace, and
/// what the registration allows them beyond a token or a client certificate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct CredentialsReference {
    /// The Secret's namespace (tmcctl uses `tmc-system`).
    pub namespace: String,
    /// The Secret's name.
    pub name: String,
    /// The key whose value is a kubeconfig.
    pub key: String,
    /// Set by `cluster register --allow-exec`: the kubeconfig may run an exec credential plugin
    /// (or auth provider). The controller runs it only when it was started with `--allow-exec` too.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub allow_exec: bool,
    /// Set by `cluster register --allow-insecure`: the server may be plain HTTP, or TLS
    /// verification off.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub allow_insecure: bool,
}

impl CredentialsReference {
    /// What the registration allows its credentials.
    pub fn trust(&self) -> crate::client::CredentialsTrust {
        crate::client::CredentialsTrust { allow_exec: self.allow_exec, allow_insecure: self.allow_insecure }
    }
}

/// What the health loop last observed about a cluster.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ClusterRegistrationStatus {
    /// `Ready`, `Reachable` and related conditions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conditions: Vec<Condition>,
    /// When the cluster last answered a probe (RFC 3339).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_heartbeat: Option<String>,
    /// The cluster's Kubernetes version, as its `/version` reports it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kubernetes_version: Option<String>,
    /// How many nodes the cluster has.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub node_count: Option<u32>,
    /// Sum of node capacity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capacity: Option<ResourceAmounts>,
    /// Sum of node allocatable resources.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allocatable: Option<ResourceAmounts>,
    /// Sum of the requests of the pods running there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allocated: Option<ResourceAmounts>,
    /// 0 (unusable) to 100 (healthy and empty).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0, max = 100))]
    pub health_score: Option<u8>,
    /// The spec generation this status describes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub observed_generation: Option<i64>,
}

impl ClusterRegistration {
    /// The `Ready` condition, if the health loop has written one.
    pub fn ready_condition(&self) -> Option<&Condition> {
        self.status.as_ref()?.conditions.iter().find(|c| c.type_ == "Ready")
    }
}
