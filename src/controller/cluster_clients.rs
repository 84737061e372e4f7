//! The pool of physical clusters' clients, shared by every loop: one client per registration,
//! built from its credentials Secret and built again only when that Secret's resourceVersion
//! changes.
//!
//! ```text
//! registration ─► credentials Secret (cache, else one read from kcp) ─► pooled client? ─► Connection
//!                                                                    └► build from the kubeconfig ─┘
//! ```

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use crate::api::ClusterRegistration;
use crate::client::{ClientError, ClusterCredentials, Connection, CredentialsTrust, Resource};
use crate::health::ProbeFailure;

use super::cached::CredentialSecret;
use super::context::Context;
use super::runtime::{Cached, ObjectKey};

/// A physical cluster's client, and the Secret version it was built from.
struct PooledCluster {
    secret_version: String,
    connection: Connection,
}

/// Clients of the physical clusters, keyed by their registration.
#[derive(Default)]
pub struct ClusterClients {
    clients: Mutex<HashMap<ObjectKey, PooledCluster>>,
    /// Requests for a client that found one pooled, and those that built one.
    reads: (AtomicU64, AtomicU64),
}

impl ClusterClients {
    /// The pooled client of a cluster, built again only when its Secret changed.
    pub async fn get(
        &self,
        ctx: &Context,
        key: &ObjectKey,
        cluster: &ClusterRegistration,
    ) -> Result<Connection, ProbeFailure> {
        let (secret, source) = credentials_secret(ctx, key, cluster).await?;
        let pooled = {
            let clients = self.lock();
            clients.get(key).filter(|c| c.secret_version == secret.resource_version).map(|c| c.connection.clone())
        };
        if let Some(connection) = pooled {
            self.reads.0.fetch_add(1, Ordering::Relaxed);
            return Ok(connection);
        }
        self.reads.1.fetch_add(1, Ordering::Relaxed);
        let reference = cluster.spec.credentials.as_ref().expect("checked by credentials_secret");
        let encoded = secret.data.get(&reference.key).map(String::as_str).unwrap_or_default();
        // A tenant wrote that Secret: exec only when this process and the registration both
        // allow it; insecure transport only when the registration does.
        let process = CredentialsTrust { allow_exec: ctx.settings.allow_exec, allow_insecure: true };
        let credentials = ClusterCredentials::from_secret_value(encoded, &source, process.and(reference.trust()))
            .map_err(|e| ProbeFailure::Credentials(e.to_string()))?;
        let connection =
            Connection::to_cluster(&credentials, Some(ctx.settings.probe_timeout), ctx.settings.cluster_limits)
                .await
                .map_err(probe_failure)?;
        self.lock().insert(
            key.clone(),
            PooledCluster { secret_version: secret.resource_version.clone(), connection: connection.clone() },
        );
        Ok(connection)
    }

    /// Drops a cluster's client (its Secret changed, or the registration is gone).
    pub fn forget(&self, key: &ObjectKey) {
        self.lock().remove(key);
    }

    /// The pool as a cache: (clients held, requests that reused one, requests that built one).
    pub fn stats(&self) -> (usize, u64, u64) {
        let (hits, misses) = &self.reads;
        (self.lock().len(), hits.load(Ordering::Relaxed), misses.load(Ordering::Relaxed))
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<ObjectKey, PooledCluster>> {
        self.clients.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// The cluster's credentials Secret: from the cache, else (just created, not yet watched)
/// read from kcp once.
async fn credentials_secret(
    ctx: &Context,
    key: &ObjectKey,
    cluster: &ClusterRegistration,
) -> Result<(Arc<CredentialSecret>, String), ProbeFailure> {
    let Some(reference) = &cluster.spec.credentials else {
        return Err(ProbeFailure::Credentials("spec.credentials is not set".into()));
    };
    let source = format!("Secret {}/{} key {}", reference.namespace, reference.name, reference.key);
    let secret_key = ObjectKey {
        cluster: key.cluster.clone(),
        namespace: reference.namespace.clone(),
        name: reference.name.clone(),
    };
    if let Some(secret) = ctx.secrets.get(&secret_key) {
        return Ok((secret, source));
    }
    ctx.secrets.count_miss();
    let writer = ctx.hub.writer(&key.cluster);
    let secrets = Resource::new("", "v1", "Secret", "secrets", true);
    match writer.get(&secrets, Some(&reference.namespace), &reference.name).await {
        Ok(Some(object)) => {
            let secret = CredentialSecret::decode(object).map_err(ProbeFailure::Credentials)?;
            Ok((Arc::new(secret), source))
        }
        Ok(None) => Err(ProbeFailure::Credentials(format!("{source} does not exist"))),
        Err(e) => Err(ProbeFailure::Credentials(format!("cannot read {source}: {e}"))),
    }
}

/// How a failed request to a cluster reads as a probe outcome.
pub fn probe_failure(err: ClientError) -> ProbeFailure {
    let message = err.to_string();
    match err {
        ClientError::Unreachable { .. } | ClientError::Timeout { .. } => ProbeFailure::Unreachable(message),
        ClientError::Unauthorized { .. } | ClientError::Forbidden { .. } => ProbeFailure::Unauthorized(message),
        ClientError::Tls { .. } => ProbeFailure::Tls(message),
        ClientError::Kubeconfig { .. }
        | ClientError::UnknownContext { .. }
        | ClientError::NoContext { .. }
        | ClientError::StoredCredentials(_)
        | ClientError::ExecPlugin { .. } => ProbeFailure::Credentials(message),
        _ => ProbeFailure::Other(message),
    }
}
