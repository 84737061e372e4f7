//! What the physical clusters hold: one list-and-watch per (registration, workload type),
//! selecting only objects labelled with the registration's workspace, each filling a store the
//! sync loop reads instead of asking the cluster.
//!
//! ```text
//! registrations (cache) ─► refresh ─► Reflector per (registration, type) ─► Store<DownstreamCopy>
//!                                                       └─► changes ─► one channel ─► sync loop
//! ```
//!
//! The ConfigMaps and ServiceAccounts copied beside workloads are watched the same way (after
//! the workload types, in index order): one deleted by hand is written again at once, and one
//! that no copy on the cluster refers to any more can be removed. Secrets are not: tmcctl's
//! role on a cluster may write Secrets but never read them.
//!
//! A registration whose credentials Secret changes gets its watches started again with the new
//! client (and one whose workspace's downstream identity changes, with the new selector). A store that has not completed its first list is never read as "the cluster holds
//! nothing": the sync loop waits for it (or skips an unreachable cluster) instead, so a lost
//! or slow watch never causes a create twice or a delete at all.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use serde_json::Value;
use tokio::sync::mpsc;

use crate::api::ownership::WORKSPACE_LABEL;

use super::context::Context;
use crate::client::Resource;

use super::runtime::{Cached, Change, ObjectKey, Reflector, Store};
use super::workload_types::WorkloadType;

/// One object on a physical cluster, as last seen by its watch.
#[derive(Debug)]
pub struct DownstreamCopy {
    /// The object, without `managedFields`.
    pub object: Value,
    /// When the watch delivered this version.
    pub seen: jiff::Timestamp,
}

impl PartialEq for DownstreamCopy {
    // When it was seen is not a change of the object.
    fn eq(&self, other: &Self) -> bool {
        self.object == other.object
    }
}

impl Cached for DownstreamCopy {
    fn decode(mut object: Value) -> Result<Self, String> {
        // A copied ConfigMap's values have no business in the controller's memory: that it
        // exists is all the watch is for. (No workload kind has these fields.)
        if let Some(fields) = object.as_object_mut() {
            for values in ["data", "stringData", "binaryData"] {
                fields.remove(values);
            }
        }
        Ok(DownstreamCopy { object, seen: jiff::Timestamp::now() })
    }
}

/// A change of a downstream copy: which registration and type it was seen on.
pub struct DownstreamChange {
    /// The registration whose cluster holds it.
    pub registration: ObjectKey,
    /// Index into the workload types.
    pub type_index: usize,
    /// The change itself (its key: the registration's logical cluster, downstream namespace, name).
    pub change: Change<DownstreamCopy>,
}

struct Watch {
    store: Arc<Store<DownstreamCopy>>,
    /// The credentials Secret's resourceVersion the watch's client was built from, and the
    /// workspace's downstream identity its selector names.
    credentials: (Option<String>, Arc<str>),
    tasks: Vec<tokio::task::JoinHandle<()>>,
}

impl Drop for Watch {
    fn drop(&mut self) {
        for task in &self.tasks {
            task.abort();
        }
    }
}

/// The kinds copied beside workloads (see [`crate::sync::references`]) that are watched, after
/// the workload types: not Secrets (see the module doc).
pub fn dependency_resources() -> [Resource; 2] {
    [
        Resource::new("", "v1", "ConfigMap", "configmaps", true),
        Resource::new("", "v1", "ServiceAccount", "serviceaccounts", true),
    ]
}

/// Every downstream watch, started and stopped as registrations come and go.
pub struct Downstream {
    types: Arc<Vec<WorkloadType>>,
    watches: Mutex<HashMap<(ObjectKey, usize), Watch>>,
    changes: mpsc::UnboundedSender<DownstreamChange>,
}

impl Downstream {
    /// No watches yet; changes will go to `changes`.
    pub fn new(types: Arc<Vec<WorkloadType>>, changes: mpsc::UnboundedSender<DownstreamChange>) -> Self {
        Downstream { types, watches: Mutex::default(), changes }
    }

    /// Starts a watch per type for every registration whose cluster a client can be built for,
    /// and stops those of registrations that are gone.
    pub async fn refresh(&self, ctx: &Context) {
        let registrations = ctx.clusters.keys();
        let versions: HashMap<ObjectKey, (Option<String>, Arc<str>)> = registrations
            .iter()
            .map(|r| (r.clone(), (credentials_version(ctx, r), ctx.downstream_identity(&r.cluster))))
            .collect();
        // Gone registrations stop; rotated credentials start again with the new client, a new
        // downstream identity with the new selector.
        self.lock().retain(|(registration, _), watch| versions.get(registration) == Some(&watch.credentials));
        for registration in registrations {
            let watched = self.types.len() + dependency_resources().len();
            let missing: Vec<usize> =
                (0..watched).filter(|i| !self.lock().contains_key(&(registration.clone(), *i))).collect();
            if missing.is_empty() {
                continue;
            }
            let Some(cluster) = ctx.clusters.get(&registration) else { continue };
            let connection = match ctx.cluster_clients.get(ctx, &registration, &cluster).await {
                Ok(connection) => connection,
                Err(failure) => {
                    tracing::debug!(cluster = %registration, reason = failure.message(), "no client yet; downstream watch waits");
                    continue;
                }
            };
            let Some(credentials) = versions.get(&registration).cloned() else { continue };
            for type_index in missing {
                match self.start(&registration, type_index, connection.clone(), credentials.clone()) {
                    Ok(watch) => {
                        self.lock().insert((registration.clone(), type_index), watch);
                    }
                    Err(e) => tracing::warn!(cluster = %registration, error = %e, "cannot watch the cluster"),
                }
            }
        }
    }

    fn start(
        &self,
        registration: &ObjectKey,
        type_index: usize,
        connection: crate::client::Connection,
        credentials: (Option<String>, Arc<str>),
    ) -> Result<Watch, crate::client::ClientError> {
        let store: Arc<Store<DownstreamCopy>> = Arc::default();
        let (sender, mut receiver) = mpsc::unbounded_channel();
        let reflector = Reflector {
            store: store.clone(),
            connection,
            resource: self.resource(type_index),
            label_selector: Some(format!("{WORKSPACE_LABEL}={}", credentials.1)),
            default_cluster: registration.cluster.clone(),
        };
        let watching = reflector.spawn(sender)?;
        let (out, registration) = (self.changes.clone(), registration.clone());
        let forwarding = tokio::spawn(async move {
            while let Some(change) = receiver.recv().await {
                let forwarded = DownstreamChange { registration: registration.clone(), type_index, change };
                if out.send(forwarded).is_err() {
                    return;
                }
            }
        });
        Ok(Watch { store, credentials, tasks: vec![watching, forwarding] })
    }

    /// What watch `index` watches: a workload type, or a kind copied beside workloads.
    fn resource(&self, index: usize) -> Resource {
        match self.types.get(index) {
            Some(ty) => ty.resource.clone(),
            None => dependency_resources()[index - self.types.len()].clone(),
        }
    }

    /// The kind copied beside workloads that watch `index` watches, if it is one of those.
    pub fn dependency_kind(&self, index: usize) -> Option<Resource> {
        index.checked_sub(self.types.len()).and_then(|i| dependency_resources().get(i).cloned())
    }

    /// Every workload copy in one downstream namespace of a registration's cluster, by type;
    /// `None` until every type's watch has listed.
    pub fn copies_in(&self, registration: &ObjectKey, namespace: &str) -> Option<Vec<(usize, Arc<DownstreamCopy>)>> {
        let watches = self.lock();
        let mut found = Vec::new();
        for index in 0..self.types.len() {
            let store = &watches.get(&(registration.clone(), index))?.store;
            if !store.is_synced() {
                return None;
            }
            found.extend(store.in_namespace(&registration.cluster, namespace).into_iter().map(|(_, c)| (index, c)));
        }
        Some(found)
    }

    /// Whether the cluster holds a copied object of `kind` at `namespace/name` (one of ours:
    /// the watches see only those); `None` until that watch has listed.
    pub fn holds_dependency(&self, registration: &ObjectKey, kind: &str, namespace: &str, name: &str) -> Option<bool> {
        let index = self.types.len() + dependency_resources().iter().position(|r| r.kind == kind)?;
        let watches = self.lock();
        let store = &watches.get(&(registration.clone(), index))?.store;
        let key = ObjectKey { cluster: registration.cluster.clone(), namespace: namespace.into(), name: name.into() };
        store.is_synced().then(|| store.get(&key).is_some())
    }

    /// The store of one registration's copies of one type, once its first list completed.
    pub fn synced_store(&self, registration: &ObjectKey, type_index: usize) -> Option<Arc<Store<DownstreamCopy>>> {
        self.lock().get(&(registration.clone(), type_index)).map(|w| w.store.clone()).filter(|s| s.is_synced())
    }

    /// Whether every watch of the registrations `ready` accepts has completed its first list,
    /// for every type: until then what those clusters hold is not known.
    pub fn listed(&self, registrations: &[ObjectKey], ready: impl Fn(&ObjectKey) -> bool) -> bool {
        let watches = self.lock();
        registrations.iter().filter(|r| ready(r)).all(|registration| {
            (0..self.types.len())
                .all(|index| watches.get(&(registration.clone(), index)).is_some_and(|watch| watch.store.is_synced()))
        })
    }

    /// Every copy of one object across the clusters of its workspace: (registration name, copy).
    pub fn copies(&self, type_index: usize, key: &ObjectKey) -> Vec<(String, Arc<DownstreamCopy>)> {
        let watches = self.lock();
        let mut found: Vec<(String, Arc<DownstreamCopy>)> = watches
            .iter()
            .filter(|((registration, index), _)| *index == type_index && registration.cluster == key.cluster)
            .filter_map(|((registration, _), watch)| watch.store.get(key).map(|c| (registration.name.clone(), c)))
            .collect();
        found.sort_by(|a, b| a.0.cmp(&b.0));
        found
    }

    /// How many copies one registration's cluster holds, of every type; `None` until each of
    /// its watches has completed its first list (what the cluster holds is not known).
    pub fn held_by(&self, registration: &ObjectKey) -> Option<usize> {
        let watches = self.lock();
        (0..self.types.len()).try_fold(0, |held, index| {
            let store = &watches.get(&(registration.clone(), index))?.store;
            store.is_synced().then(|| held + store.len())
        })
    }

    /// (watches running, copies held).
    pub fn stats(&self) -> (usize, usize) {
        let watches = self.lock();
        (watches.len(), watches.values().map(|w| w.store.len()).sum())
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<(ObjectKey, usize), Watch>> {
        self.watches.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// The resourceVersion of a registration's credentials Secret, as the cache holds it.
fn credentials_version(ctx: &Context, registration: &ObjectKey) -> Option<String> {
    let cluster = ctx.clusters.get(registration)?;
    let reference = cluster.spec.credentials.as_ref()?;
    let key = ObjectKey {
        cluster: registration.cluster.clone(),
        namespace: reference.namespace.clone(),
        name: reference.name.clone(),
    };
    ctx.secrets.get(&key).map(|s| s.resource_version.clone())
}
