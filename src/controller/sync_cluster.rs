//! What the sync loop does on one physical cluster for one workload: make sure the downstream
//! namespace is ours, copy the objects the pod template refers to, apply the copy (or leave a
//! drifted one alone under `report`), mark a copy retiring, delete one.
//!
//! ```text
//! Apply ─► namespace (ours? create) ─► dependencies (differ? apply) ─► copy: differs from desired?
//!                                                                    ├─ no ─► Current (no write)
//!                                                                    ├─ ours changed ─► apply ─► Written
//!                                                                    └─ someone else's change ─► heal: apply ─► Healed
//!                                                                                               report: ─► Drifted
//! ```
//!
//! A copy is told apart from drift by what this process last applied (a hash per copy) and,
//! after a restart, by the upstream generation stamped on the copy: same generation, different
//! fields means someone changed it downstream.

use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::sync::Mutex;

use serde_json::Value;

use crate::api::ownership::{RETIRING_SINCE_ANNOTATION, UPSTREAM_GENERATION_ANNOTATION};
use crate::api::Takeover;
use crate::client::{ApplyOptions, ClientError, Connection, Resource};
use crate::sync::desired::{desired_copy, desired_dependency, desired_namespace, namespace_is_ours, Target};
use crate::sync::drift::{differences, DriftPolicy, FieldPath};
use crate::sync::references::references;
use crate::sync::takeover::{judge, Existing};

use super::context::Context;
use super::downstream::DownstreamCopy;
use super::runtime::ObjectKey;
use super::workload_types::WorkloadType;
use super::FIELD_MANAGER;

/// What one step on one cluster came to.
#[derive(Debug, Clone, PartialEq)]
pub enum CopyOutcome {
    /// Something was written (created, updated, marked or deleted).
    Written,
    /// The cluster already held what it should; nothing written.
    Current,
    /// Someone changed our fields downstream; they were put back (paths).
    Healed(Vec<String>),
    /// Someone changed our fields downstream; left alone under `report` (paths).
    Drifted(Vec<String>),
    /// The cluster cannot be reached or is not Ready.
    Unreachable(String),
    /// Not attempted now (why).
    Skipped(String),
    /// The cluster refused, or the planner could not build the object.
    Failed(String),
    /// An object tmcctl did not create stands where the copy would go; nothing was written.
    Conflict(String),
}

impl CopyOutcome {
    /// Whether the cluster holds what was intended after this step.
    pub fn written_or_current(&self) -> bool {
        matches!(self, CopyOutcome::Written | CopyOutcome::Current | CopyOutcome::Healed(_))
    }

    /// A message for the status line of the cluster, if any.
    pub fn message(&self) -> Option<String> {
        match self {
            CopyOutcome::Unreachable(m)
            | CopyOutcome::Skipped(m)
            | CopyOutcome::Failed(m)
            | CopyOutcome::Conflict(m) => Some(m.clone()),
            CopyOutcome::Drifted(fields) => Some(format!("changed on the cluster: {}", fields.join(", "))),
            _ => None,
        }
    }
}

/// An object the pod template refers to, as read from the workspace.
pub struct Dependency {
    resource: Resource,
    name: String,
    source: Value,
}

/// What the loop remembers across reconciles about what it wrote to clusters.
#[derive(Default)]
pub struct ClusterSync {
    /// Downstream namespaces known to be ours: (registration, namespace).
    namespaces: Mutex<HashSet<(ObjectKey, String)>>,
    /// The hash of the copy last applied: (registration, type, namespace, name).
    applied: Mutex<HashMap<(ObjectKey, String, String, String), u64>>,
    /// The upstream resourceVersion of each dependency last copied: (registration, kind, namespace, name).
    dependencies: Mutex<HashMap<(ObjectKey, String, String, String), String>>,
}

const FORCE: ApplyOptions = ApplyOptions { dry_run: false, force: true };

impl ClusterSync {
    /// Creates or updates the copy (and its namespace and dependencies) on one cluster.
    #[allow(clippy::too_many_arguments)]
    pub async fn apply(
        &self,
        cluster: &Connection,
        registration: &ObjectKey,
        ty: &WorkloadType,
        upstream: &Value,
        dependencies: &[Dependency],
        target: &Target<'_>,
        live: Option<&DownstreamCopy>,
        policy: DriftPolicy,
        ignored: &[FieldPath],
        takeover: Takeover,
    ) -> CopyOutcome {
        let desired = match desired_copy(upstream, target) {
            Ok(d) => d,
            Err(e) => return CopyOutcome::Failed(e.to_string()),
        };
        if let Err(outcome) = self.ensure_namespace(cluster, registration, upstream, target).await {
            return outcome;
        }
        // The watch sees only our objects: one it does not hold may still stand at the name.
        if live.is_none() {
            if let Err(outcome) = foreign_at_name(cluster, &ty.resource, &desired, takeover).await {
                return outcome;
            }
        }
        if let Err(outcome) = self.copy_dependencies(cluster, registration, dependencies, target, takeover).await {
            return outcome;
        }
        let memo_key = (
            registration.clone(),
            ty.name(),
            target.namespace.to_string(),
            desired["metadata"]["name"].as_str().unwrap_or_default().to_string(),
        );
        let hash = hash_of(&desired);
        let outcome = match live {
            None => CopyOutcome::Written,
            Some(live) => {
                let diffs = differences(&desired, &live.object, ignored);
                let retiring = live.object["metadata"]["annotations"][RETIRING_SINCE_ANNOTATION].is_string();
                if diffs.is_empty() && !retiring {
                    self.lock_applied().insert(memo_key, hash);
                    return CopyOutcome::Current;
                }
                let ours_unchanged = match self.lock_applied().get(&memo_key) {
                    Some(previous) => *previous == hash,
                    None => {
                        live.object["metadata"]["annotations"][UPSTREAM_GENERATION_ANNOTATION]
                            == desired["metadata"]["annotations"][UPSTREAM_GENERATION_ANNOTATION]
                    }
                };
                match (ours_unchanged && !retiring && !diffs.is_empty(), policy) {
                    (true, DriftPolicy::Report) => return CopyOutcome::Drifted(diffs),
                    (true, DriftPolicy::Heal) => CopyOutcome::Healed(diffs),
                    (false, _) => CopyOutcome::Written,
                }
            }
        };
        match cluster.apply(&ty.resource, &desired, FIELD_MANAGER, FORCE).await {
            Ok(_) => {
                self.lock_applied().insert(memo_key, hash);
                outcome
            }
            Err(e) => {
                // The namespace went since it was remembered: look at it again next time.
                if matches!(e, ClientError::NotFound { .. }) {
                    self.forget(registration, target.namespace);
                }
                failed(&e)
            }
        }
    }

    /// Re-applies the copy with the retiring mark (so a restart still knows when it started).
    pub async fn mark_retiring(
        &self,
        cluster: &Connection,
        ty: &WorkloadType,
        upstream: &Value,
        target: &Target<'_>,
        now: &jiff::Timestamp,
    ) -> CopyOutcome {
        let mut desired = match desired_copy(upstream, target) {
            Ok(d) => d,
            Err(e) => return CopyOutcome::Failed(e.to_string()),
        };
        desired["metadata"]["annotations"][RETIRING_SINCE_ANNOTATION] = Value::String(now.to_string());
        match cluster.apply(&ty.resource, &desired, FIELD_MANAGER, FORCE).await {
            Ok(_) => CopyOutcome::Written,
            Err(e) => failed(&e),
        }
    }

    /// Removes the copy from one cluster.
    pub async fn delete(
        &self,
        cluster: &Connection,
        ty: &WorkloadType,
        target: &Target<'_>,
        name: &str,
    ) -> CopyOutcome {
        match cluster.delete(&ty.resource, Some(target.namespace), name).await {
            Ok(true) => CopyOutcome::Written,
            Ok(false) => CopyOutcome::Current,
            Err(e) => failed(&e),
        }
    }

    async fn ensure_namespace(
        &self,
        cluster: &Connection,
        registration: &ObjectKey,
        upstream: &Value,
        target: &Target<'_>,
    ) -> Result<(), CopyOutcome> {
        let memo = (registration.clone(), target.namespace.to_string());
        if self.lock_namespaces().contains(&memo) {
            return Ok(());
        }
        let upstream_namespace = upstream["metadata"]["namespace"].as_str().unwrap_or_default();
        let namespaces = Resource::new("", "v1", "Namespace", "namespaces", false);
        match cluster.get(&namespaces, None, target.namespace).await {
            // Being deleted (by hand): not remembered, and nothing written into it until gone.
            Ok(Some(existing)) if existing["metadata"]["deletionTimestamp"].is_string() => {
                return Err(CopyOutcome::Failed(format!(
                    "namespace {} on cluster {} is being deleted; the copy is written again once it is gone",
                    target.namespace, registration.name
                )))
            }
            Ok(Some(existing)) if namespace_is_ours(&existing, target.logical_cluster, upstream_namespace) => {}
            Ok(Some(_)) => {
                return Err(CopyOutcome::Failed(format!(
                    "namespace {} on cluster {} exists and does not belong to this workspace's namespace {upstream_namespace}; \
                     nothing is written into it (remove or rename it there)",
                    target.namespace, registration.name
                )))
            }
            Ok(None) => {
                let desired = desired_namespace(target, upstream_namespace);
                cluster.apply(&namespaces, &desired, FIELD_MANAGER, FORCE).await.map_err(|e| failed(&e))?;
            }
            Err(e) => return Err(failed(&e)),
        }
        self.lock_namespaces().insert(memo);
        Ok(())
    }

    /// Reads the ConfigMaps, Secrets and ServiceAccounts the pod template refers to from the
    /// workspace, once for all clusters of a reconcile. One that does not exist is left out:
    /// the pods will say what is missing, and the workload itself is still copied.
    pub async fn read_dependencies(
        &self,
        ctx: &Context,
        logical_cluster: &str,
        upstream: &Value,
    ) -> Result<Vec<Dependency>, CopyOutcome> {
        let found = references(upstream);
        let namespace = upstream["metadata"]["namespace"].as_str().unwrap_or_default();
        let kinds = [
            (Resource::new("", "v1", "ConfigMap", "configmaps", true), &found.config_maps),
            (Resource::new("", "v1", "Secret", "secrets", true), &found.secrets),
            (Resource::new("", "v1", "ServiceAccount", "serviceaccounts", true), &found.service_accounts),
        ];
        let hub = ctx.hub.writer(logical_cluster);
        let mut sources = Vec::new();
        for (resource, names) in kinds {
            for name in names {
                match hub.get(&resource, Some(namespace), name).await.map_err(|e| failed(&e))? {
                    Some(source) => sources.push(Dependency { resource: resource.clone(), name: name.clone(), source }),
                    None => {
                        tracing::info!(kind = %resource.kind, namespace, name, "a referenced object does not exist upstream")
                    }
                }
            }
        }
        Ok(sources)
    }

    /// Copies the objects the pod template refers to (read by [`ClusterSync::read_dependencies`]).
    async fn copy_dependencies(
        &self,
        cluster: &Connection,
        registration: &ObjectKey,
        dependencies: &[Dependency],
        target: &Target<'_>,
        takeover: Takeover,
    ) -> Result<(), CopyOutcome> {
        for Dependency { resource, name, source } in dependencies {
            let version = source["metadata"]["resourceVersion"].as_str().unwrap_or_default().to_string();
            let memo = (registration.clone(), resource.kind.clone(), target.namespace.to_string(), name.clone());
            if self.lock_dependencies().get(&memo) == Some(&version) {
                continue;
            }
            let Some(desired) = desired_dependency(source, target).map_err(|e| CopyOutcome::Failed(e.to_string()))?
            else {
                continue;
            };
            let live = cluster.get(resource, Some(target.namespace), name).await.map_err(|e| failed(&e))?;
            if let Some(Existing::Conflict(why)) = live.as_ref().map(|l| judge(l, &desired, takeover)) {
                return Err(CopyOutcome::Conflict(why));
            }
            if live.as_ref().is_none_or(|l| !differences(&desired, l, &[]).is_empty()) {
                cluster.apply(resource, &desired, FIELD_MANAGER, FORCE).await.map_err(|e| failed(&e))?;
            }
            self.lock_dependencies().insert(memo, version);
        }
        Ok(())
    }

    /// Forgets what is remembered of `namespace` on `registration`'s cluster (that it is ours,
    /// which dependencies were copied into it): looked at again on the next write.
    pub fn forget(&self, registration: &ObjectKey, namespace: &str) {
        self.lock_namespaces().remove(&(registration.clone(), namespace.to_string()));
        self.lock_dependencies().retain(|(r, _, n, _), _| !(r == registration && n == namespace));
    }

    fn lock_namespaces(&self) -> std::sync::MutexGuard<'_, HashSet<(ObjectKey, String)>> {
        self.namespaces.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn lock_applied(&self) -> std::sync::MutexGuard<'_, HashMap<(ObjectKey, String, String, String), u64>> {
        self.applied.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn lock_dependencies(&self) -> std::sync::MutexGuard<'_, HashMap<(ObjectKey, String, String, String), String>> {
        self.dependencies.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// Refuses to write where an object tmcctl did not create stands at the copy's name, unless
/// `takeover` adopts it.
async fn foreign_at_name(
    cluster: &Connection,
    resource: &Resource,
    desired: &Value,
    takeover: Takeover,
) -> Result<(), CopyOutcome> {
    let namespace = desired["metadata"]["namespace"].as_str();
    let name = desired["metadata"]["name"].as_str().unwrap_or_default();
    match cluster.get(resource, namespace, name).await.map_err(|e| failed(&e))? {
        Some(existing) => match judge(&existing, desired, takeover) {
            Existing::Conflict(why) => Err(CopyOutcome::Conflict(why)),
            Existing::Ours => Ok(()),
            Existing::Adopt => {
                // Adopted whole: replaced by the copy (at the version read, so a concurrent
                // change is a conflict, tried again). An apply alone would leave the other
                // manager's list entries (a second container) in it for good.
                let mut replacement = desired.clone();
                replacement["metadata"]["resourceVersion"] = existing["metadata"]["resourceVersion"].clone();
                cluster.replace(resource, &replacement).await.map_err(|e| failed(&e))?;
                tracing::info!(kind = %resource.kind, namespace, name, "adopted an object tmcctl did not create (takeover)");
                Ok(())
            }
        },
        None => Ok(()),
    }
}

fn failed(e: &ClientError) -> CopyOutcome {
    match e {
        ClientError::Unreachable { .. } | ClientError::Timeout { .. } => CopyOutcome::Unreachable(e.to_string()),
        _ => CopyOutcome::Failed(e.to_string()),
    }
}

fn hash_of(value: &Value) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    serde_json::to_string(value).unwrap_or_default().hash(&mut hasher);
    hasher.finish()
}
