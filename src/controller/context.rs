//! What every loop shares: the hub, the caches, the metrics, the write gate and the settings.

use std::sync::Arc;
use std::time::Duration;

use crate::api::{ClusterRegistration, WorkloadPlacement};
use crate::client::RequestLimits;
use crate::observability::Metrics;

use super::cached::CredentialSecret;
use super::cluster_clients::ClusterClients;
use super::error::ReconcileError;
use super::hub::Hub;
use super::runtime::{Store, WriteGate};
use super::sync_loop::{NamespaceObject, WorkloadObject};
use super::workload_types::WorkloadType;

/// How the loops behave, from `controller run`'s flags.
#[derive(Clone, Debug)]
pub struct LoopSettings {
    /// How often each cluster is probed.
    pub probe_interval: Duration,
    /// How long one probe may take.
    pub probe_timeout: Duration,
    /// How long without a heartbeat before Ready becomes Unknown.
    pub heartbeat_grace: Duration,
    /// Whether credentials with an exec plugin may be used.
    pub allow_exec: bool,
    /// Limits of the client of each physical cluster.
    pub cluster_limits: RequestLimits,
    /// Clusters probed at the same time.
    pub probe_workers: usize,
    /// Placements decided at the same time.
    pub placement_workers: usize,
    /// How often every key is reconciled again, in case a watch missed something.
    pub resync_period: Duration,
    /// Workloads synced at the same time.
    pub sync_workers: usize,
    /// How long a copy being replaced elsewhere is kept at most when the new copies do not
    /// become Available.
    pub move_timeout: Duration,
    /// How long a chosen cluster may be Unknown before its workloads are placed elsewhere.
    pub eviction_grace: Duration,
    /// Old copies removed after moves and evictions, at most this many a second.
    pub eviction_rate: u32,
}

/// The shared state of one controller process.
pub struct Context {
    /// Where to read and write.
    pub hub: Hub,
    /// Every ClusterRegistration of every served workspace.
    pub clusters: Arc<Store<ClusterRegistration>>,
    /// Every WorkloadPlacement.
    pub placements: Arc<Store<WorkloadPlacement>>,
    /// The clusters' credentials Secrets (only those labelled `tmc.kcp.io/cluster`).
    pub secrets: Arc<Store<CredentialSecret>>,
    /// The synced workload types (from the TMC APIExport).
    pub workload_types: Arc<Vec<WorkloadType>>,
    /// Every workload, one store per synced type (same order as `workload_types`).
    pub workloads: Vec<Arc<Store<WorkloadObject>>>,
    /// Every upstream Namespace (for placements' namespace selectors); empty without workload types.
    pub namespaces: Arc<Store<NamespaceObject>>,
    /// The physical clusters' clients.
    pub cluster_clients: ClusterClients,
    /// The metric registry.
    pub metrics: Arc<Metrics>,
    /// Open while this replica may write.
    pub gate: WriteGate,
    /// The loops' settings.
    pub settings: LoopSettings,
}

impl Context {
    /// Fails with [`ReconcileError::NotLeader`] unless a write may go out now.
    pub fn may_write(&self) -> Result<(), ReconcileError> {
        if self.gate.may_write() {
            Ok(())
        } else {
            Err(ReconcileError::NotLeader)
        }
    }

    /// The name `logical_cluster`'s objects carry downstream: see
    /// [`crate::sync::downstream_identity`] (claimed by its registrations after a restore).
    pub fn downstream_identity(&self, logical_cluster: &Arc<str>) -> Arc<str> {
        let registrations = self.clusters.in_cluster(logical_cluster);
        let claims = registrations.iter().filter_map(|(_, r)| {
            r.metadata
                .annotations
                .as_ref()?
                .get(crate::api::ownership::DOWNSTREAM_IDENTITY_ANNOTATION)
                .map(String::as_str)
        });
        let identity = crate::sync::downstream_identity(logical_cluster, claims);
        if identity == &**logical_cluster {
            logical_cluster.clone()
        } else {
            Arc::from(identity)
        }
    }

    /// Whether every cache has completed its first list.
    pub fn caches_synced(&self) -> bool {
        let workloads = self.workload_types.is_empty()
            || (self.namespaces.is_synced() && self.workloads.iter().all(|store| store.is_synced()));
        self.clusters.is_synced() && self.placements.is_synced() && self.secrets.is_synced() && workloads
    }
}
