//! The health loop, keyed per cluster: each ClusterRegistration is probed every probe interval
//! through a pooled client of its own (rebuilt only when its credentials Secret changes), its
//! next status computed by the pure [`crate::health`] model and written with server-side apply.
//!
//! ```text
//! registration added/spec changed ─┐
//! its Secret changed ──────────────┼─► queue ─► probe (pooled client) ─► next_status ─► write
//! timer (probe interval) ──────────┘                                         └─► timer again
//! ```
//!
//! A cluster that cannot be probed is a condition on its registration, never a crash; status
//! writes alone (the loop's own, heartbeats) enqueue nothing.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use crate::api::{ClusterRegistration, ClusterRegistrationStatus};
use crate::client::Resource;
use crate::health::{next_status, ProbeFailure, ProbeReport};

use super::cached::CredentialSecret;
use super::cluster_clients::probe_failure;
use super::context::Context;
use super::error::ReconcileError;
use super::runtime::{Change, ObjectKey, WorkQueue};
use super::write_status;

/// The loop's name in metrics and logs.
pub const CONTROLLER: &str = "health";

/// What one reconcile of a cluster did, for `--once` and the logs.
#[derive(Clone, Debug)]
pub struct ClusterReport {
    /// The registration's name.
    pub name: String,
    /// Its Ready status after the probe.
    pub ready: String,
    /// The reason of that status.
    pub reason: String,
    /// The registration's resourceVersion after the write.
    pub written_version: Option<String>,
}

/// The loop: its queue, its pooled cluster clients, and the metric series it exported.
pub struct HealthLoop {
    ctx: Arc<Context>,
    /// The loop's work queue.
    pub queue: Arc<WorkQueue<ObjectKey>>,
    exported: Mutex<HashMap<ObjectKey, String>>,
}

impl HealthLoop {
    /// A loop over `ctx`'s caches.
    pub fn new(ctx: Arc<Context>) -> Self {
        HealthLoop { ctx, queue: Arc::new(WorkQueue::default()), exported: Mutex::default() }
    }

    /// A registration changed: probe it now if it is new, gone, or its spec moved.
    pub fn on_cluster(&self, change: &Change<ClusterRegistration>) {
        let relevant = match (&change.old, &change.new) {
            (Some(old), Some(new)) => old.spec != new.spec || old.metadata.generation != new.metadata.generation,
            _ => true,
        };
        if relevant {
            self.queue.add(change.key.clone());
        }
    }

    /// A credentials Secret changed: its cluster gets a new client and a probe now.
    pub fn on_secret(&self, change: &Change<CredentialSecret>) {
        let secret = change.new.as_ref().or(change.old.as_ref());
        let Some(name) = secret.and_then(|s| s.cluster.as_deref()) else { return };
        let key = ObjectKey::cluster_scoped(&change.key.cluster, name);
        self.ctx.cluster_clients.forget(&key);
        self.queue.add(key);
    }

    /// Probes one cluster and writes its next status, then schedules the next probe.
    pub async fn reconcile(&self, key: &ObjectKey) -> Result<Option<ClusterReport>, ReconcileError> {
        let Some(cluster) = self.ctx.clusters.get(key) else {
            self.forget(key);
            return Ok(None);
        };
        let outcome = self.probe(key, &cluster).await;
        if let Err(failure) = &outcome {
            tracing::info!(cluster = %key, reason = failure.message(), "probe failed");
        }
        let status = next_status(
            cluster.status.as_ref(),
            &outcome,
            jiff::Timestamp::now(),
            self.ctx.settings.heartbeat_grace,
            cluster.metadata.generation,
        );
        // Probe again one interval later, whether or not a write below goes through.
        self.queue.add_after(key.clone(), self.ctx.settings.probe_interval);
        let mut report = report(&key.name, &status);
        // A cluster that stays unreachable keeps its status to the letter (no heartbeat moves):
        // nothing to write, so a fleet of dead clusters costs kcp no requests.
        if cluster.status.as_ref() != Some(&status) {
            self.ctx.may_write()?;
            let writer = self.ctx.hub.writer(&key.cluster);
            let written = write_status::<ClusterRegistration>(&writer, &key.name, &status).await?;
            self.ctx.metrics.count_write(CONTROLLER);
            report.written_version = written["metadata"]["resourceVersion"].as_str().map(String::from);
        }
        self.export(key, &cluster.spec.location, &status);
        Ok(Some(report))
    }

    fn export(&self, key: &ObjectKey, location: &str, status: &ClusterRegistrationStatus) {
        self.ctx.metrics.record_cluster(&key.cluster, &key.name, location, status);
        let previous = self.lock_exported().insert(key.clone(), location.to_string());
        if let Some(old) = previous.filter(|old| old != location) {
            self.ctx.metrics.forget_cluster(&key.cluster, &key.name, &old);
        }
    }

    fn forget(&self, key: &ObjectKey) {
        self.ctx.cluster_clients.forget(key);
        if let Some(location) = self.lock_exported().remove(key) {
            self.ctx.metrics.forget_cluster(&key.cluster, &key.name, &location);
        }
    }

    async fn probe(&self, key: &ObjectKey, cluster: &ClusterRegistration) -> Result<ProbeReport, ProbeFailure> {
        let connection = self.ctx.cluster_clients.get(&self.ctx, key, cluster).await?;
        let info = connection.server_info().await.map_err(probe_failure)?;
        let nodes = connection
            .list(&Resource::new("", "v1", "Node", "nodes", false), None, None)
            .await
            .map_err(probe_failure)?;
        let pods =
            connection.list(&Resource::new("", "v1", "Pod", "pods", true), None, None).await.map_err(probe_failure)?;
        Ok(ProbeReport::from_objects(info.git_version, &nodes.items, &pods.items))
    }

    fn lock_exported(&self) -> std::sync::MutexGuard<'_, HashMap<ObjectKey, String>> {
        self.exported.lock().unwrap_or_else(|e| e.into_inner())
    }
}

fn report(name: &str, status: &ClusterRegistrationStatus) -> ClusterReport {
    let ready = status.conditions.iter().find(|c| c.type_ == "Ready");
    let (state, reason) =
        ready.map(|c| (format!("{:?}", c.status), c.reason.clone().unwrap_or_default())).unwrap_or_default();
    ClusterReport { name: name.to_string(), ready: state, reason, written_version: None }
}
