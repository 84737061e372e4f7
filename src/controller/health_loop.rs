//! The health loop: every probe interval, for each ClusterRegistration of the workspace, read
//! its credentials Secret, probe the physical cluster (version, nodes, pod requests), compute
//! the next status with the pure [`crate::health`] model and write it with server-side apply.
//! A cluster that cannot be probed is a condition on its registration, never a crash.

use std::collections::BTreeSet;
use std::time::Duration;

use base64::Engine;
use futures::StreamExt;
use serde_json::Value;

use crate::api::{ClusterRegistration, ClusterRegistrationStatus};
use crate::client::{ClientError, ClusterCredentials, Connection, Resource};
use crate::health::{next_status, ProbeFailure, ProbeReport};
use crate::observability::Metrics;

use super::write_status;

const CONTROLLER: &str = "health";
/// How many clusters are probed at the same time.
const PROBE_CONCURRENCY: usize = 32;

/// How the health loop probes and judges.
#[derive(Clone, Debug)]
pub struct HealthSettings {
    /// How long a probe may take before the cluster counts as unreachable.
    pub probe_timeout: Duration,
    /// How long without a heartbeat before Ready becomes Unknown.
    pub grace: Duration,
    /// Whether credentials with an exec plugin may be used.
    pub allow_exec: bool,
}

/// What one pass saw, for `--once` and the logs.
#[derive(Clone, Debug, Default)]
pub struct PassReport {
    /// (cluster, Ready status, reason) for each registration probed.
    pub clusters: Vec<(String, String, String)>,
    /// Clusters whose status could not be written.
    pub write_failures: Vec<(String, String)>,
}

/// The health loop's memory between passes: which clusters it exported metrics for.
#[derive(Default)]
pub struct HealthLoop {
    known: BTreeSet<(String, String)>,
}

impl HealthLoop {
    /// Probes every registered cluster once and writes their status.
    pub async fn pass(
        &mut self,
        kcp: &Connection,
        settings: &HealthSettings,
        metrics: &Metrics,
    ) -> Result<PassReport, ClientError> {
        let workspace = kcp.workspace().map(|w| w.to_string()).unwrap_or_default();
        let registrations = kcp.list(&Resource::of::<ClusterRegistration>(), None, None).await?;
        let probes = registrations.items.iter().map(|object| reconcile(kcp, object, settings));
        // Probes wait on the network, so many run at once, but not thousands: each holds a
        // connection and a TLS session.
        let outcomes: Vec<_> = futures::stream::iter(probes).buffered(PROBE_CONCURRENCY).collect().await;
        let mut report = PassReport::default();
        let mut seen = BTreeSet::new();
        for (object, outcome) in registrations.items.iter().zip(outcomes) {
            let Ok(cluster) = serde_json::from_value::<ClusterRegistration>(object.clone()) else { continue };
            let name = cluster.metadata.name.clone().unwrap_or_default();
            match outcome {
                Ok(status) => {
                    metrics.record_cluster(&workspace, &name, &cluster.spec.location, &status);
                    metrics.count_reconcile(CONTROLLER, "success");
                    let ready = status.conditions.iter().find(|c| c.type_ == "Ready");
                    let (state, reason) = ready
                        .map(|c| (format!("{:?}", c.status), c.reason.clone().unwrap_or_default()))
                        .unwrap_or_default();
                    report.clusters.push((name.clone(), state, reason));
                }
                Err(e) => {
                    metrics.count_reconcile(CONTROLLER, "error");
                    metrics.count_error(CONTROLLER, error_type(&e));
                    tracing::warn!(cluster = %name, error = %e, "cannot write cluster status");
                    report.write_failures.push((name.clone(), e.to_string()));
                }
            }
            seen.insert((name, cluster.spec.location.clone()));
        }
        for (name, location) in self.known.difference(&seen) {
            metrics.forget_cluster(&workspace, name, location);
        }
        self.known = seen;
        Ok(report)
    }
}

/// Probes one cluster and writes its next status; errors only when the write fails.
async fn reconcile(
    kcp: &Connection,
    object: &Value,
    settings: &HealthSettings,
) -> Result<ClusterRegistrationStatus, ClientError> {
    let cluster: ClusterRegistration = serde_json::from_value(object.clone())
        .map_err(|e| ClientError::Invalid { message: format!("registration does not match the schema: {e}") })?;
    let name = cluster.metadata.name.clone().unwrap_or_default();
    let outcome = probe(kcp, &cluster, settings).await;
    if let Err(failure) = &outcome {
        tracing::info!(cluster = %name, ?failure, "probe failed");
    }
    let status = next_status(
        cluster.status.as_ref(),
        &outcome,
        jiff::Timestamp::now(),
        settings.grace,
        cluster.metadata.generation,
    );
    write_status::<ClusterRegistration>(kcp, &name, &status).await?;
    Ok(status)
}

async fn probe(
    kcp: &Connection,
    cluster: &ClusterRegistration,
    settings: &HealthSettings,
) -> Result<ProbeReport, ProbeFailure> {
    let credentials = read_credentials(kcp, cluster).await?;
    if let (Some(program), false) = (credentials.exec_command(), settings.allow_exec) {
        return Err(ProbeFailure::Credentials(format!(
            "the credentials run an external program ({program}); the controller runs them only with --allow-exec"
        )));
    }
    let connection = Connection::to_cluster(&credentials, Some(settings.probe_timeout)).await.map_err(failure)?;
    let info = connection.server_info().await.map_err(failure)?;
    let nodes = connection.list(&Resource::new("", "v1", "Node", "nodes", false), None, None).await.map_err(failure)?;
    let pods = connection.list(&Resource::new("", "v1", "Pod", "pods", true), None, None).await.map_err(failure)?;
    Ok(ProbeReport::from_objects(info.git_version, &nodes.items, &pods.items))
}

async fn read_credentials(kcp: &Connection, cluster: &ClusterRegistration) -> Result<ClusterCredentials, ProbeFailure> {
    let Some(reference) = &cluster.spec.credentials else {
        return Err(ProbeFailure::Credentials("spec.credentials is not set".into()));
    };
    let source = format!("Secret {}/{} key {}", reference.namespace, reference.name, reference.key);
    let secrets = Resource::new("", "v1", "Secret", "secrets", true);
    let secret = match kcp.get(&secrets, Some(&reference.namespace), &reference.name).await {
        Ok(Some(secret)) => secret,
        Ok(None) => return Err(ProbeFailure::Credentials(format!("{source} does not exist"))),
        Err(e) => return Err(ProbeFailure::Credentials(format!("cannot read {source}: {e}"))),
    };
    let encoded = secret["data"][&reference.key].as_str().unwrap_or_default();
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(encoded)
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .filter(|text| !text.is_empty())
        .ok_or_else(|| ProbeFailure::Credentials(format!("{source} is empty or not base64 text")))?;
    ClusterCredentials::from_yaml(&decoded, &source).map_err(|e| ProbeFailure::Credentials(e.to_string()))
}

fn failure(err: ClientError) -> ProbeFailure {
    let message = err.to_string();
    match err {
        ClientError::Unreachable { .. } | ClientError::Timeout { .. } => ProbeFailure::Unreachable(message),
        ClientError::Unauthorized { .. } | ClientError::Forbidden { .. } => ProbeFailure::Unauthorized(message),
        ClientError::Tls { .. } => ProbeFailure::Tls(message),
        ClientError::Kubeconfig { .. } | ClientError::UnknownContext { .. } | ClientError::NoContext { .. } => {
            ProbeFailure::Credentials(message)
        }
        _ => ProbeFailure::Other(message),
    }
}

fn error_type(err: &ClientError) -> &'static str {
    match err {
        ClientError::Unreachable { .. } | ClientError::Timeout { .. } => "unavailable",
        ClientError::Conflict { .. } => "conflict",
        ClientError::Forbidden { .. } | ClientError::Unauthorized { .. } => "forbidden",
        ClientError::NotFound { .. } => "not_found",
        _ => "other",
    }
}
