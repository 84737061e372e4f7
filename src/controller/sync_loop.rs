//! The sync loop, keyed per workload: reads the workload, its governing placement's decision
//! and what each cluster holds (all from caches), asks the pure planner ([`crate::sync`]) what
//! each cluster should hold and what may go, applies that, and writes the summed status back.
//!
//! ```text
//! workload / placement / namespace / registration / downstream copy changed ─► queue
//! queue ─► governing placement ─► targets (cluster, namespace, replicas) ─► moves::plan
//!       ─► per cluster: namespace · dependencies · copy (drift: heal or report) · retire · delete
//!       ─► status::aggregate ─► write status (only when it changed) ─► finalizer
//! ```
//!
//! Each cluster's step runs in [`super::sync_step`], the clusters at once.
//!
//! Deletes need a positive signal — the workload is being deleted, no placement governs it
//! any more, or its placement moved it and the new copies are Available (or the graceful
//! timeout passed). Nothing is written to a cluster that is not Ready or whose watch has not
//! completed its first list, so a lost connection or a restart never creates twice or deletes.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use futures::future::join_all;
use serde::Deserialize;
use serde_json::{json, Value};

use crate::api::ownership::{
    finalizer_patch, has_finalizer, DELETION_POLICY_ANNOTATION, RETIRING_SINCE_ANNOTATION, SYNC_FINALIZER,
    UPSTREAM_NAMESPACE_ANNOTATION,
};
use crate::api::{ClusterRegistration, ConditionStatus, ReplicaDivisionType, WorkloadPlacement};
use crate::observability::traces;
use crate::sync::drift::drift_settings;
use crate::sync::governs::{decision_reason, governing_despite_invalid, Governance, PlacementScope, ScopeRead};
use crate::sync::leaving::{holds_copies, left_behind};
use crate::sync::moves::{self, Copy, Step};
use crate::sync::names::downstream_namespace;
use crate::sync::references::references;
use crate::sync::replicas::{split, Share};
use crate::sync::status::{aggregate, copy_status, merge_patch, ClusterEntry, Phase, TmcStatus};

use super::context::Context;
use super::downstream::{Downstream, DownstreamChange, DownstreamCopy};
use super::error::ReconcileError;
use super::runtime::{Change, ObjectKey, WorkQueue};
use super::sync_cluster::ClusterSync;
use super::sync_step::StepInputs;
use super::workload_types::WorkloadType;
use super::FIELD_MANAGER;

/// The loop's name in metrics and logs.
pub const CONTROLLER: &str = "sync";
/// How long a workload being deleted waits for its copies to go before its finalizer is
/// released anyway (a cluster gone for good must not block deletion forever).
pub const FINALIZER_TIMEOUT: Duration = Duration::from_secs(300);
/// How long a copy on a cluster whose readiness just changed waits for its placement to decide
/// with that in view, before an older decision may retire it (a placement that decides the same
/// writes nothing, so its decision time does not move).
const DECISION_SETTLE: jiff::SignedDuration = jiff::SignedDuration::from_secs(30);
/// How soon to look again while a cluster's watch has not listed yet, or the eviction rate is spent.
pub(super) const LOOK_AGAIN: Duration = Duration::from_secs(1);

/// A workload: its type (index into the synced types) and its key.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct WorkloadKey {
    /// Index into the synced types.
    pub type_index: usize,
    /// (logical cluster, namespace, name).
    pub key: ObjectKey,
}

impl std::fmt::Display for WorkloadKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}#{}", self.key, self.type_index)
    }
}

/// The loop: its queue, the downstream watches and what it remembers between reconciles.
pub struct SyncLoop {
    pub(super) ctx: Arc<Context>,
    /// The loop's work queue.
    pub queue: Arc<WorkQueue<WorkloadKey>>,
    /// The copies on every cluster.
    pub downstream: Arc<Downstream>,
    pub(super) cluster_sync: ClusterSync,
    /// When an upstream change was first seen and not yet written everywhere (sync lag).
    pending_since: Mutex<HashMap<WorkloadKey, (i64, Instant)>>,
    /// The clusters whose `tmc_workload_sync_status` series each workload exported.
    exported: Mutex<HashMap<WorkloadKey, Vec<String>>>,
    /// The last status written for each workload, and the resourceVersion the cache held then:
    /// until the cache moves past it, that write is what the server holds (see [`UnseenWrites`]).
    unseen_writes: UnseenWrites,
    /// Removals of old copies after a move or an eviction, at most `--eviction-rate` a second,
    /// so a fleet-wide change (a drained or lost cluster) moves workloads in waves.
    pub(super) evictions: governor::DefaultDirectRateLimiter,
    /// The last selectors each placement had that parsed: an edit that breaks them changes
    /// no workload's governance (see [`governing_despite_invalid`]).
    last_good_scopes: Mutex<HashMap<ObjectKey, PlacementScope>>,
}

impl SyncLoop {
    /// A loop over `ctx`'s caches and `downstream`'s watches.
    pub fn new(ctx: Arc<Context>, downstream: Arc<Downstream>) -> Self {
        let rate = std::num::NonZeroU32::new(ctx.settings.eviction_rate).unwrap_or(std::num::NonZeroU32::MIN);
        SyncLoop {
            evictions: governor::RateLimiter::direct(governor::Quota::per_second(rate)),
            cluster_sync: ClusterSync::default(),
            ctx,
            queue: Arc::new(WorkQueue::default()),
            downstream,
            pending_since: Mutex::default(),
            exported: Mutex::default(),
            unseen_writes: UnseenWrites::default(),
            last_good_scopes: Mutex::default(),
        }
    }

    fn types(&self) -> &[WorkloadType] {
        &self.ctx.workload_types
    }

    /// A workload changed: reconcile it unless only its status moved (the loop's own write).
    pub fn on_workload(&self, type_index: usize, change: &Change<WorkloadObject>) {
        let relevant = match (&change.old, &change.new) {
            (Some(old), Some(new)) => without_status(&old.0) != without_status(&new.0),
            _ => true,
        };
        if relevant {
            let key = WorkloadKey { type_index, key: change.key.clone() };
            if let Some(new) = &change.new {
                let generation = new.0["metadata"]["generation"].as_i64().unwrap_or(0);
                let mut pending = self.lock_pending();
                if pending.get(&key).is_none_or(|(g, _)| *g != generation) {
                    pending.insert(key.clone(), (generation, Instant::now()));
                }
            }
            self.queue.add(key);
        }
    }

    /// A placement changed: every workload of its workspace may be governed differently.
    pub fn on_placement(&self, change: &Change<WorkloadPlacement>) {
        {
            let mut last_good = self.last_good_scopes.lock().unwrap_or_else(|e| e.into_inner());
            match (&change.new, &change.invalid) {
                (None, None) => {
                    last_good.remove(&change.key);
                }
                (Some(new), _) => {
                    if let Ok(scope) = PlacementScope::from_placement(&change.key.name, &new.spec) {
                        last_good.insert(change.key.clone(), scope);
                    }
                }
                (None, Some(_)) => {}
            }
        }
        let moved = match (&change.old, &change.new) {
            // The same version reported again: it stopped (or started) decoding.
            (Some(old), Some(new)) if Arc::ptr_eq(old, new) => true,
            (Some(old), Some(new)) => old.spec != new.spec || decisions(old) != decisions(new),
            _ => true,
        };
        if moved {
            self.enqueue_workspace(&change.key.cluster, None);
        }
    }

    /// A namespace's labels changed: its workloads may be governed differently.
    pub fn on_namespace(&self, change: &Change<NamespaceObject>) {
        let labels = |n: &Option<Arc<NamespaceObject>>| n.as_ref().map(|n| n.labels.clone());
        if labels(&change.old) != labels(&change.new) {
            self.enqueue_workspace(&change.key.cluster, Some(&change.key.name));
        }
    }

    /// A registration's readiness changed (its copies can, or cannot, be written now), or it
    /// is being unregistered, or its deletion policy changed.
    pub fn on_cluster(&self, change: &Change<ClusterRegistration>) {
        let state = |c: &Option<Arc<ClusterRegistration>>| {
            c.as_ref().map(|c| (is_ready(c), c.metadata.deletion_timestamp.is_some(), c.spec.deletion_policy))
        };
        if state(&change.old) != state(&change.new) {
            self.enqueue_workspace(&change.key.cluster, None);
        }
    }

    /// A copy changed downstream: its workload's status (or drift) needs a look.
    pub fn on_downstream(&self, change: &DownstreamChange) {
        if let Some(kind) = self.downstream.dependency_kind(change.type_index) {
            return self.on_dependency(&kind, change);
        }
        let Some(copy) = change.change.new.as_ref().or(change.change.old.as_ref()) else { return };
        if change.change.new.is_none() {
            // A copy gone by someone else's hand (or with its namespace): what was remembered
            // of its namespace and dependencies there may be gone too, so they are looked at
            // again when it is written back.
            let namespace = copy.object["metadata"]["namespace"].as_str().unwrap_or_default();
            self.cluster_sync.forget(&change.registration, namespace);
        }
        let metadata = &copy.object["metadata"];
        let Some(namespace) = metadata["annotations"][UPSTREAM_NAMESPACE_ANNOTATION].as_str() else { return };
        let Some(name) = metadata["name"].as_str() else { return };
        let key = ObjectKey {
            cluster: change.registration.cluster.clone(),
            namespace: namespace.to_string(),
            name: name.to_string(),
        };
        self.queue.add(WorkloadKey { type_index: change.type_index, key });
    }

    /// A ConfigMap or Secret of a workspace changed: the workloads of its namespace whose pod
    /// templates refer to it are synced again, so an edit reaches the clusters in seconds
    /// (each copy is written again only if its upstream version moved).
    pub fn on_referenced(&self, kind: ReferencedKind, change: &Change<ReferencedObject>) {
        let kind = match kind {
            ReferencedKind::ConfigMap => "ConfigMap",
            ReferencedKind::Secret => "Secret",
        };
        self.enqueue_referring(kind, &change.key);
    }

    /// Every workload whose pod template refers to the `kind` (ConfigMap, Secret or
    /// ServiceAccount) at `key` (its workspace, upstream namespace and name).
    fn enqueue_referring(&self, kind: &str, key: &ObjectKey) {
        for (type_index, store) in self.ctx.workloads.iter().enumerate() {
            for (workload_key, workload) in store.in_namespace(&key.cluster, &key.namespace) {
                let found = references(&workload.0);
                let names = match kind {
                    "ConfigMap" => &found.config_maps,
                    "Secret" => &found.secrets,
                    "ServiceAccount" => &found.service_accounts,
                    _ => continue,
                };
                if names.contains(&key.name) {
                    self.queue.add(WorkloadKey { type_index, key: workload_key });
                }
            }
        }
    }

    /// A copied ConfigMap or ServiceAccount went from a cluster (by hand, or with its
    /// namespace): what was remembered of that namespace is forgotten, and the workloads that
    /// refer to it write it again now.
    fn on_dependency(&self, kind: &crate::client::Resource, change: &DownstreamChange) {
        let (Some(gone), None) = (&change.change.old, &change.change.new) else { return };
        let metadata = &gone.object["metadata"];
        let namespace = metadata["namespace"].as_str().unwrap_or_default();
        self.cluster_sync.forget(&change.registration, namespace);
        let (Some(upstream_namespace), Some(name)) =
            (metadata["annotations"][UPSTREAM_NAMESPACE_ANNOTATION].as_str(), metadata["name"].as_str())
        else {
            return;
        };
        let key = ObjectKey {
            cluster: change.registration.cluster.clone(),
            namespace: upstream_namespace.to_string(),
            name: name.to_string(),
        };
        self.enqueue_referring(&kind.kind, &key);
    }

    fn enqueue_workspace(&self, cluster: &Arc<str>, namespace: Option<&str>) {
        for (type_index, store) in self.ctx.workloads.iter().enumerate() {
            for (key, _) in store.in_cluster(cluster) {
                if namespace.is_none_or(|n| n == key.namespace) {
                    self.queue.add(WorkloadKey { type_index, key });
                }
            }
        }
    }

    /// Every workload key, for the first pass of a new leader and the periodic resync.
    pub fn keys(&self) -> Vec<WorkloadKey> {
        let mut keys = Vec::new();
        for (type_index, store) in self.ctx.workloads.iter().enumerate() {
            keys.extend(store.keys().into_iter().map(|key| WorkloadKey { type_index, key }));
        }
        keys
    }

    /// Syncs one workload: downstream copies, then its status upstream.
    pub async fn reconcile(&self, wk: &WorkloadKey) -> Result<(), ReconcileError> {
        let Some(ty) = self.types().get(wk.type_index) else { return Ok(()) };
        let Some(store) = self.ctx.workloads.get(wk.type_index) else { return Ok(()) };
        let Some(upstream) = store.get(&wk.key) else {
            self.lock_pending().remove(wk);
            self.unseen_writes.forget(wk);
            self.export_sync_status(wk, ty, &[]);
            return Ok(());
        };
        let upstream = &upstream.0;
        let now = jiff::Timestamp::now();
        let deleting = upstream["metadata"]["deletionTimestamp"].is_string();
        let annotations: BTreeMap<String, String> =
            serde_json::from_value(upstream["metadata"]["annotations"].clone()).unwrap_or_default();
        let (policy, ignored) = match drift_settings(&annotations) {
            Ok(settings) => settings,
            Err(e) => {
                let tmc = TmcStatus { message: Some(e.to_string()), ..Default::default() };
                return self.write_status(wk, ty, upstream, &[], tmc, &now).await;
            }
        };
        // Where the workload goes and why, as the `placement-decision` span of its trace.
        let decision = tracing::info_span!(
            "placement-decision",
            workload.name = %wk.key,
            placement.strategy = tracing::field::Empty,
            placement.clusters.count = tracing::field::Empty,
            placement.reason = tracing::field::Empty,
        );
        let governance =
            decision.in_scope(|| if deleting { Governance::None } else { self.governance(&wk.key, upstream) });
        let identity = self.ctx.downstream_identity(&wk.key.cluster);
        let namespace = downstream_namespace(&identity, &wk.key.namespace);
        let copy_key =
            ObjectKey { cluster: wk.key.cluster.clone(), namespace: namespace.clone(), name: wk.key.name.clone() };
        let registered =
            |cluster: &str| self.ctx.clusters.get(&ObjectKey::cluster_scoped(&wk.key.cluster, cluster)).is_some();
        // A watch outlives its registration by up to one refresh: what it holds is no longer
        // tmcctl's to act on.
        let mut copies = self.downstream.copies(wk.type_index, &copy_key);
        copies.retain(|(cluster, _)| registered(cluster));
        let (placement, chosen, remove_all) = match &governance {
            Governance::Conflict(names) => {
                record_decision(&decision, &governance, None, &[]);
                // Two placements claim it: moving it would be a race between them; hold still.
                let tmc = TmcStatus {
                    conflicts: names.clone(),
                    message: Some(format!(
                        "placements {} all select this workload; nothing is synced until only one does",
                        names.join(", ")
                    )),
                    ..Default::default()
                };
                return self.write_status(wk, ty, upstream, &[], tmc, &now).await;
            }
            Governance::Frozen(_) => {
                // The placement loop reports the unreadable placement; this workload, its
                // copies and its status stay exactly as they are.
                record_decision(&decision, &governance, None, &[]);
                tracing::debug!(workload = %wk, "held while a placement of its workspace cannot be read");
                return Ok(());
            }
            // Being deleted upstream: every copy goes, at once. Ungoverned otherwise: each
            // copy as its placement's deletion policy says (see `moves::ungoverned`).
            Governance::None => (None, Vec::new(), deleting),
            Governance::One(name) => {
                let placement = self.ctx.placements.get(&ObjectKey::cluster_scoped(&wk.key.cluster, name));
                (placement, Vec::new(), false)
            }
        };
        let mut chosen: Vec<(String, Option<u32>)> = match &placement {
            Some(p) => decision.in_scope(|| targets(p, upstream)),
            None => chosen,
        };
        // A cluster unregistered, or being unregistered, gets nothing new, even before the
        // placement's next decision leaves it out.
        chosen.retain(|(cluster, _)| registered(cluster) && self.leaving(&wk.key.cluster, cluster).is_none());
        record_decision(&decision, &governance, placement.as_deref(), &chosen);
        drop(decision);
        let chosen_names: Vec<String> = chosen.iter().map(|(c, _)| c.clone()).collect();
        if !remove_all && !chosen.is_empty() {
            self.ensure_finalizer(wk, ty, upstream).await?;
        }
        let copy_states: Vec<Copy> = copies
            .iter()
            .map(|(cluster, copy)| Copy {
                cluster: cluster.clone(),
                available: copy_status(ty.kind, &copy.object).available,
                retiring_since: copy.object["metadata"]["annotations"][RETIRING_SINCE_ANNOTATION]
                    .as_str()
                    .and_then(|t| t.parse().ok()),
                delete_when_ungoverned: copy.object["metadata"]["annotations"][DELETION_POLICY_ANNOTATION] == "Delete",
                leaving: self.leaving(&wk.key.cluster, cluster) == Some(true),
            })
            .collect();
        let orphaned = matches!(governance, Governance::None) && !deleting;
        let plan = if orphaned {
            moves::ungoverned(&copy_states)
        } else {
            let planned = moves::plan(&chosen_names, &copy_states, remove_all, now, self.ctx.settings.move_timeout);
            match &placement {
                Some(p) if !remove_all => {
                    moves::hold_undecided(planned, &self.undecided(&wk.key.cluster, p, &copies, now))
                }
                _ => planned,
            }
        };
        let placement_name = placement.as_ref().and_then(|p| p.metadata.name.clone()).unwrap_or_default();
        // What the pod template refers to is read once for every cluster it goes to.
        let dependencies = if plan.steps.iter().any(|step| matches!(step, Step::Apply { .. })) {
            self.cluster_sync.read_dependencies(&self.ctx, &wk.key.cluster, upstream).await
        } else {
            Ok(Vec::new())
        };
        let inputs = StepInputs {
            wk,
            ty,
            upstream,
            identity: &identity,
            namespace: &namespace,
            placement: &placement_name,
            chosen: &chosen,
            copies: &copies,
            policy,
            ignored: &ignored,
            takeover: placement.as_ref().and_then(|p| p.spec.takeover).unwrap_or_default(),
            delete_when_ungoverned: placement
                .as_ref()
                .is_some_and(|p| p.spec.deletion_policy == Some(crate::api::DeletionPolicy::Delete)),
            remove_all,
            dependencies: &dependencies,
            now: &now,
        };
        // Each cluster is its own server: its steps go at once, applies (new copies) before
        // the steps that retire or remove old ones.
        let (applies, others): (Vec<&Step>, Vec<&Step>) =
            plan.steps.iter().partition(|step| matches!(step, Step::Apply { .. }));
        let mut reports = join_all(applies.into_iter().map(|step| self.carry_out(step, &inputs))).await;
        // The plan judged the replacements by what they ran before this reconcile: one just
        // rewritten (a drain scaling it up), or whose write failed, is not yet what it will be,
        // so old copies wait until every replacement is current (their watch wakes this loop;
        // a look in 2 s in case). Removing them now would leave the workload with the
        // replacements' old replicas.
        let unsettled = !reports.iter().all(|r| r.as_ref().is_ok_and(|r| r.settled));
        let others: Vec<Step> = others
            .into_iter()
            .map(|step| match step {
                Step::Delete { cluster } if unsettled && !remove_all => {
                    Step::Keep { cluster: cluster.clone(), until: now + jiff::SignedDuration::from_secs(2) }
                }
                other => other.clone(),
            })
            .collect();
        reports.extend(join_all(others.iter().map(|step| self.carry_out(step, &inputs))).await);
        let mut entries: Vec<ClusterEntry> = Vec::new();
        let mut failed: Vec<String> = Vec::new();
        let mut all_written = true;
        let mut recheck: Option<Duration> = None;
        for report in reports {
            let report = report?;
            all_written &= report.written;
            if let Some(wait) = report.recheck {
                recheck = Some(recheck.map_or(wait, |r| r.min(wait)));
            }
            entries.extend(report.entry);
            failed.extend(report.failed);
        }
        // What was left on clusters unregistered since is still reported (see `sync::leaving`).
        // Read in place: the status is not copied on every reconcile.
        let previous = TmcStatus::deserialize(&upstream["status"]["tmc"]).unwrap_or_default();
        entries.extend(left_behind(&previous.clusters, registered));
        if all_written {
            if let Some((_, since)) = self.lock_pending().remove(wk) {
                self.ctx.metrics.observe_sync_lag(since.elapsed().as_secs_f64());
            }
        }
        if let Some(delay) = recheck {
            self.queue.add_after(wk.clone(), delay.max(Duration::from_millis(100)));
        }
        // The finalizer is held while copies exist, so that deleting the workload upstream
        // still removes copies a Retain placement left behind.
        if deleting || orphaned {
            let remaining = self.downstream.copies(wk.type_index, &copy_key).len();
            let overdue = deleting && deletion_age(upstream, now) > FINALIZER_TIMEOUT;
            if remaining == 0 || overdue {
                if overdue && remaining > 0 {
                    tracing::warn!(workload = %wk, remaining, "copies could not be removed in time; releasing the finalizer");
                }
                self.release_finalizer(wk, ty, upstream).await?;
            } else if deleting {
                self.queue.add_after(wk.clone(), Duration::from_secs(5));
            }
            if deleting {
                return Ok(());
            }
        }
        let tmc = TmcStatus {
            placement: placement.as_ref().and_then(|p| p.metadata.name.clone()),
            clusters: entries,
            message: match (&governance, chosen.is_empty()) {
                (Governance::None, _) if !copies.is_empty() => Some(format!(
                    "no placement selects this workload; its copies stay where they are, orphaned \
                     (deletion policy Retain of the placement that put them there): {}",
                    copies.iter().map(|(c, _)| c.as_str()).collect::<Vec<_>>().join(", ")
                )),
                (Governance::None, _) => Some("no placement selects this workload".into()),
                (_, true) => Some(format!("placement {placement_name} has chosen no cluster")),
                _ => None,
            },
            ..Default::default()
        };
        self.write_status(wk, ty, upstream, &chosen_names, tmc, &now).await?;
        // A failed write is not left for the workload's next change or the resync: the queue
        // brings the workload back after its back-off (200 ms, doubling up to 60 s).
        if failed.is_empty() {
            Ok(())
        } else {
            Err(ReconcileError::ClusterSteps(failed.join(", ")))
        }
    }

    /// The clusters holding copies whose readiness changed after `placement` last decided, and
    /// until when to wait for its next decision (see [`moves::hold_undecided`]).
    fn undecided(
        &self,
        workspace: &Arc<str>,
        placement: &WorkloadPlacement,
        copies: &[(String, Arc<DownstreamCopy>)],
        now: jiff::Timestamp,
    ) -> BTreeMap<String, jiff::Timestamp> {
        let decided = placement
            .status
            .as_ref()
            .and_then(|s| s.last_decision_time.as_deref())
            .and_then(|t| t.parse::<jiff::Timestamp>().ok());
        let mut undecided = BTreeMap::new();
        for (cluster, _) in copies {
            let Some(registration) = self.ctx.clusters.get(&ObjectKey::cluster_scoped(workspace, cluster)) else {
                continue;
            };
            let Some(since) = registration
                .ready_condition()
                .and_then(|c| c.last_transition_time.as_deref())
                .and_then(|t| t.parse::<jiff::Timestamp>().ok())
            else {
                continue;
            };
            let until = since.checked_add(DECISION_SETTLE).unwrap_or(since);
            if decided.is_none_or(|d| d < since) && now < until {
                undecided.insert(cluster.clone(), until);
            }
        }
        undecided
    }

    /// Whether a workspace's cluster is being unregistered: `Some(true)` when its registration's
    /// deletion policy removes the copies it holds, `Some(false)` when it retains them.
    fn leaving(&self, workspace: &Arc<str>, cluster: &str) -> Option<bool> {
        let registration = self.ctx.clusters.get(&ObjectKey::cluster_scoped(workspace, cluster))?;
        registration.metadata.deletion_timestamp.as_ref()?;
        Some(holds_copies(registration.spec.deletion_policy))
    }

    /// The placement that governs a workload, by the placements' namespace and workload selectors.
    fn governance(&self, key: &ObjectKey, upstream: &Value) -> Governance {
        let placements = &self.ctx.placements;
        // Filled as placements arrive (see `on_placement`).
        let last_good = self.last_good_scopes.lock().unwrap_or_else(|e| e.into_inner());
        // The cache holds each placement's last version that decoded; whether its selectors
        // parse is judged here, and a placement that never decoded is read as invalid.
        let mut reads: Vec<ScopeRead> = placements
            .in_cluster(&key.cluster)
            .into_iter()
            .map(|(placement_key, p)| match PlacementScope::from_placement(&placement_key.name, &p.spec) {
                Ok(scope) => ScopeRead::Valid(scope),
                Err(e) => ScopeRead::Invalid {
                    name: placement_key.name.clone(),
                    problem: e.to_string(),
                    last_good: last_good.get(&placement_key).cloned(),
                },
            })
            .collect();
        for (placement_key, why) in placements.invalid_in(&key.cluster) {
            if placements.get(&placement_key).is_none() {
                reads.push(ScopeRead::Invalid {
                    name: placement_key.name.clone(),
                    problem: why,
                    last_good: last_good.get(&placement_key).cloned(),
                });
            }
        }
        drop(last_good);
        let namespace_labels = self
            .ctx
            .namespaces
            .get(&ObjectKey::cluster_scoped(&key.cluster, &key.namespace))
            .map(|n| n.labels.clone())
            .unwrap_or_default();
        let workload_labels: BTreeMap<String, String> =
            serde_json::from_value(upstream["metadata"]["labels"].clone()).unwrap_or_default();
        governing_despite_invalid(&reads, &key.namespace, &namespace_labels, &workload_labels)
    }

    pub(super) fn workspace_path(&self) -> Option<&str> {
        Some(&*self.ctx.hub.default_cluster).filter(|p| !p.is_empty())
    }

    async fn write_status(
        &self,
        wk: &WorkloadKey,
        ty: &WorkloadType,
        upstream: &Value,
        chosen: &[String],
        tmc: TmcStatus,
        now: &jiff::Timestamp,
    ) -> Result<(), ReconcileError> {
        self.export_sync_status(wk, ty, &tmc.clusters);
        // Judged against what the server holds: our last write when the cache has not seen it.
        let cached_version = upstream["metadata"]["resourceVersion"].as_str().unwrap_or_default().to_string();
        let with_unseen;
        let upstream = match self.unseen_writes.status(wk, &cached_version) {
            Some(written) => {
                with_unseen = with_status(upstream, written);
                &with_unseen
            }
            None => upstream,
        };
        let status = aggregate(ty.kind, upstream, chosen, tmc, &now.to_string());
        if same_ignoring_times(&status, &upstream["status"]) {
            return Ok(());
        }
        // A merge patch, not an apply: see `merge_patch` for why fields must be removed by name.
        let patch = json!({"status": merge_patch(&upstream["status"], &status)});
        self.patch_workload(wk, ty, true, &patch).await?;
        self.unseen_writes.remember(wk, cached_version, status);
        Ok(())
    }

    /// Merge-patches the workload (`status`: its status subresource) in its workspace. A
    /// workload gone meanwhile has nothing left to hold, release or report.
    async fn patch_workload(
        &self,
        wk: &WorkloadKey,
        ty: &WorkloadType,
        status: bool,
        patch: &Value,
    ) -> Result<(), ReconcileError> {
        self.ctx.may_write()?;
        let writer = self.ctx.hub.writer(&wk.key.cluster);
        let (resource, namespace, name) = (&ty.resource, Some(wk.key.namespace.as_str()), wk.key.name.as_str());
        let written = if status {
            writer.merge_patch_status(resource, namespace, name, patch, FIELD_MANAGER).await
        } else {
            writer.merge_patch(resource, namespace, name, patch, FIELD_MANAGER).await
        };
        match written {
            Ok(_) => {}
            Err(crate::client::ClientError::NotFound { .. }) => return Ok(()),
            Err(e) => return Err(e.into()),
        }
        self.ctx.metrics.count_write(CONTROLLER);
        Ok(())
    }

    /// One `tmc_workload_sync_status` series per copy: set those listed, drop the rest, so the
    /// series stay as many as copies exist.
    fn export_sync_status(&self, wk: &WorkloadKey, ty: &WorkloadType, entries: &[ClusterEntry]) {
        let namespace = format!("{}/{}", wk.key.cluster, wk.key.namespace);
        let metrics = &self.ctx.metrics;
        for entry in entries {
            let synced = matches!(entry.phase, Phase::Available | Phase::Progressing | Phase::Retiring);
            metrics.set_workload_sync(&wk.key.name, &namespace, &entry.cluster, &ty.resource.kind, synced);
        }
        let now: Vec<String> = entries.iter().map(|e| e.cluster.clone()).collect();
        let before = {
            let mut exported = self.exported.lock().unwrap_or_else(|e| e.into_inner());
            if now.is_empty() {
                exported.remove(wk)
            } else {
                exported.insert(wk.clone(), now.clone())
            }
        };
        for cluster in before.unwrap_or_default().iter().filter(|c| !now.contains(c)) {
            metrics.forget_workload_sync(&wk.key.name, &namespace, cluster, &ty.resource.kind);
        }
    }

    async fn ensure_finalizer(
        &self,
        wk: &WorkloadKey,
        ty: &WorkloadType,
        upstream: &Value,
    ) -> Result<(), ReconcileError> {
        if has_finalizer(upstream, SYNC_FINALIZER) {
            return Ok(());
        }
        self.set_finalizer(wk, ty, upstream, true).await
    }

    async fn release_finalizer(
        &self,
        wk: &WorkloadKey,
        ty: &WorkloadType,
        upstream: &Value,
    ) -> Result<(), ReconcileError> {
        if !has_finalizer(upstream, SYNC_FINALIZER) {
            return Ok(());
        }
        self.set_finalizer(wk, ty, upstream, false).await?;
        tracing::info!(workload = %wk, "downstream copies removed; finalizer released");
        Ok(())
    }

    /// Adds or removes the finalizer with a merge patch at the cached resourceVersion: a patch
    /// never creates (an apply would bring a just-deleted workload back as an empty object), and
    /// a workload changed meanwhile is a conflict, retried on the fresh version.
    async fn set_finalizer(
        &self,
        wk: &WorkloadKey,
        ty: &WorkloadType,
        upstream: &Value,
        held: bool,
    ) -> Result<(), ReconcileError> {
        self.patch_workload(wk, ty, false, &finalizer_patch(upstream, SYNC_FINALIZER, held)).await
    }

    fn lock_pending(&self) -> std::sync::MutexGuard<'_, HashMap<WorkloadKey, (i64, Instant)>> {
        self.pending_since.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// Fills in the `placement-decision` span: the strategy, how many clusters, and why.
fn record_decision(
    span: &tracing::Span,
    governance: &Governance,
    placement: Option<&WorkloadPlacement>,
    chosen: &[(String, Option<u32>)],
) {
    let (reason, failed) = decision_reason(governance, placement, chosen);
    span.record("placement.strategy", placement.map_or("none", |p| p.spec.strategy.as_str()));
    span.record("placement.clusters.count", chosen.len() as i64);
    span.record("placement.reason", reason.as_str());
    if failed {
        traces::record_error(span, &reason);
    }
}

/// The chosen clusters of a placement's decision, with each one's `spec.replicas`.
pub fn targets(placement: &WorkloadPlacement, upstream: &Value) -> Vec<(String, Option<u32>)> {
    let clusters: Vec<String> =
        placement.status.as_ref().map(|s| s.decisions.iter().map(|d| d.cluster.clone()).collect()).unwrap_or_default();
    let Some(total) = upstream["spec"]["replicas"].as_u64() else {
        return clusters.into_iter().map(|c| (c, None)).collect();
    };
    let division = placement.spec.replica_division.as_ref();
    let divided = division.is_some_and(|d| d.type_ == ReplicaDivisionType::Divided);
    let weight = |cluster: &str| {
        division.and_then(|d| d.weights.iter().find(|w| w.cluster == cluster)).map_or(1, |w| u64::from(w.weight))
    };
    let shares: Vec<Share> = clusters.iter().map(|c| Share { cluster: c, weight: weight(c) }).collect();
    let replicas = split(total.min(u64::from(u32::MAX)) as u32, &shares, divided);
    clusters.iter().cloned().zip(replicas.into_iter().map(Some)).collect()
}

fn decisions(placement: &WorkloadPlacement) -> Option<Vec<String>> {
    placement.status.as_ref().map(|s| s.decisions.iter().map(|d| format!("{}={:?}", d.cluster, d.replicas)).collect())
}

pub(super) fn is_ready(cluster: &ClusterRegistration) -> bool {
    cluster.ready_condition().is_some_and(|c| c.status == ConditionStatus::True)
}

fn deletion_age(object: &Value, now: jiff::Timestamp) -> Duration {
    object["metadata"]["deletionTimestamp"]
        .as_str()
        .and_then(|t| t.parse::<jiff::Timestamp>().ok())
        .and_then(|t| Duration::try_from(now.duration_since(t)).ok())
        .unwrap_or(Duration::ZERO)
}

/// The object without what the loop's own status writes move.
fn without_status(object: &Value) -> Value {
    let mut copy = object.clone();
    if let Some(map) = copy.as_object_mut() {
        map.remove("status");
    }
    if let Some(metadata) = copy["metadata"].as_object_mut() {
        metadata.remove("resourceVersion");
        metadata.remove("managedFields");
    }
    copy
}

/// The status each workload was last written with, while the cache still holds the version
/// it was computed against. A status write is a merge patch of the differences from what the
/// cache holds, and "unchanged" is judged against it too: when a reconcile runs before the
/// watch brings the previous write back, the cache's older status would make it leave out a
/// field that write changed (or skip the write), and the server keep a wrong value that no
/// event corrects (the loop does not react to its own status writes).
#[derive(Default)]
struct UnseenWrites(Mutex<HashMap<WorkloadKey, (String, Value)>>);

impl UnseenWrites {
    /// The status last written for `wk`, if the cache still holds `cached_version`, the
    /// version it was written over; otherwise the cache has moved on and the entry goes.
    fn status(&self, wk: &WorkloadKey, cached_version: &str) -> Option<Value> {
        let mut writes = self.0.lock().unwrap_or_else(|e| e.into_inner());
        match writes.get(wk) {
            Some((over, status)) if over == cached_version => Some(status.clone()),
            Some(_) => {
                writes.remove(wk);
                None
            }
            None => None,
        }
    }

    fn remember(&self, wk: &WorkloadKey, cached_version: String, status: Value) {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).insert(wk.clone(), (cached_version, status));
    }

    fn forget(&self, wk: &WorkloadKey) {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).remove(wk);
    }
}

/// `object` with its status replaced.
fn with_status(object: &Value, status: Value) -> Value {
    let mut object = object.clone();
    object["status"] = status;
    object
}

/// Equal but for the times every write moves (condition times, when copies were last seen),
/// and for nulls, which an apply stores as absent.
fn same_ignoring_times(a: &Value, b: &Value) -> bool {
    fn strip(value: &Value) -> Value {
        match value {
            Value::Object(map) => Value::Object(
                map.iter()
                    .filter(|(k, v)| {
                        !v.is_null() && !matches!(k.as_str(), "lastUpdateTime" | "lastTransitionTime" | "lastSeen")
                    })
                    .map(|(k, v)| (k.clone(), strip(v)))
                    .collect(),
            ),
            Value::Array(items) => Value::Array(items.iter().map(strip).collect()),
            other => other.clone(),
        }
    }
    strip(a) == strip(b)
}

/// An upstream workload as the cache holds it: the whole object but `managedFields`.
#[derive(Debug, PartialEq)]
pub struct WorkloadObject(pub Value);

impl super::runtime::Cached for WorkloadObject {
    fn decode(object: Value) -> Result<Self, String> {
        Ok(WorkloadObject(object))
    }
}

/// Which kind of object a pod template refers to, for [`SyncLoop::on_referenced`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReferencedKind {
    /// A ConfigMap.
    ConfigMap,
    /// A Secret.
    Secret,
}

/// A ConfigMap or Secret of a workspace, as far as noticing its edits goes: its version only.
/// Its data is never kept (a Secret's value has no business in the controller's memory).
#[derive(Debug, PartialEq)]
pub struct ReferencedObject {
    /// `metadata.resourceVersion`.
    pub resource_version: String,
}

impl super::runtime::Cached for ReferencedObject {
    fn decode(object: Value) -> Result<Self, String> {
        let resource_version = object["metadata"]["resourceVersion"].as_str().unwrap_or_default().to_string();
        Ok(ReferencedObject { resource_version })
    }
}

/// An upstream Namespace, as far as placements' namespace selectors look at it.
#[derive(Debug, PartialEq)]
pub struct NamespaceObject {
    /// Its labels.
    pub labels: BTreeMap<String, String>,
}

impl super::runtime::Cached for NamespaceObject {
    fn decode(object: Value) -> Result<Self, String> {
        let labels = serde_json::from_value(object["metadata"]["labels"].clone()).unwrap_or_default();
        Ok(NamespaceObject { labels })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_writes_of_the_loop_itself_are_not_changes() {
        let a = json!({"metadata": {"name": "x", "resourceVersion": "1", "generation": 2}, "spec": {"replicas": 3}, "status": {"replicas": 1}});
        let b = json!({"metadata": {"name": "x", "resourceVersion": "2", "generation": 2}, "spec": {"replicas": 3}, "status": {"replicas": 3}});
        assert_eq!(without_status(&a), without_status(&b));
        let c = json!({"metadata": {"name": "x", "resourceVersion": "3", "generation": 3}, "spec": {"replicas": 4}});
        assert_ne!(without_status(&a), without_status(&c));
    }

    #[test]
    fn a_status_differing_only_in_times_is_not_written_again() {
        let a = json!({"replicas": 3, "conditions": [{"type": "Available", "status": "True", "lastUpdateTime": "t1"}],
            "tmc": {"clusters": [{"cluster": "pc1", "lastSeen": "t1"}]}});
        let b = json!({"replicas": 3, "conditions": [{"type": "Available", "status": "True", "lastUpdateTime": "t2"}],
            "tmc": {"clusters": [{"cluster": "pc1", "lastSeen": "t2"}]}});
        assert!(same_ignoring_times(&a, &b));
        let c = json!({"replicas": 2, "conditions": [{"type": "Available", "status": "True", "lastUpdateTime": "t2"}]});
        assert!(!same_ignoring_times(&a, &c));
    }

    fn workload_key(name: &str) -> WorkloadKey {
        WorkloadKey {
            type_index: 0,
            key: ObjectKey { cluster: "lc".into(), namespace: "default".into(), name: name.into() },
        }
    }

    #[test]
    fn a_status_written_but_not_yet_seen_by_the_cache_is_what_the_next_write_is_judged_against() {
        let writes = UnseenWrites::default();
        let web = workload_key("web");
        assert_eq!(writes.status(&web, "10"), None);
        writes.remember(&web, "10".into(), json!({"updatedReplicas": 0}));
        writes.remember(&web, "10".into(), json!({"updatedReplicas": 3}));
        // The cache still holds version 10: the server holds the last write, not the cache's status.
        assert_eq!(writes.status(&web, "10"), Some(json!({"updatedReplicas": 3})));
        assert_eq!(writes.status(&workload_key("api"), "10"), None);
    }

    #[test]
    fn once_the_cache_moves_on_its_status_is_the_truth_again() {
        let writes = UnseenWrites::default();
        let web = workload_key("web");
        writes.remember(&web, "10".into(), json!({"updatedReplicas": 3}));
        assert_eq!(writes.status(&web, "11"), None);
        // Gone for good: a later return of the same version string does not bring it back.
        assert_eq!(writes.status(&web, "10"), None);
        writes.remember(&web, "12".into(), json!({}));
        writes.forget(&web);
        assert_eq!(writes.status(&web, "12"), None);
    }
}
