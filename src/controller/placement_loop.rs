//! The placement loop, keyed per placement: run the pure engine over the registered clusters
//! of the placement's workspace and write the decision and its conditions into its status.
//!
//! ```text
//! placement spec/decision changed ──────────────────────┐
//! cluster's engine view changed ─► placements it can affect ┴► queue ─► decide ─► write if different
//! ```
//!
//! A cluster change enqueues only the placements that use the cluster, whose location
//! selector matches it (before or after), or that have no candidates (their reasons count
//! every cluster), and only when the engine's view of it moved:
//! heartbeats alone cause no work, and a placement with no candidates is not retried hot.
//! Cluster-driven re-decisions wait a second for the rest of a burst ([`CLUSTER_SETTLE`]).
//! The inventory of a workspace is built once per change of its clusters and shared by every
//! placement decided meanwhile.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::api::{ClusterRegistration, Condition, ConditionStatus, WorkloadPlacement, WorkloadPlacementStatus};
use crate::placement::from_api::{cluster_info, policy};
use crate::placement::to_api::placement_status;
use crate::placement::{rejected_only_for_health, ClusterLabels, Inventory, PlacementPolicy, WorkloadDemand};
use crate::sync::governs::PlacementScope;

use super::context::Context;
use super::error::ReconcileError;
use super::runtime::{Change, ObjectKey, WorkQueue};
use super::write_status;

/// The loop's name in metrics and logs.
pub const CONTROLLER: &str = "placement";
/// How long a cluster-driven re-decision waits for more cluster changes. When a fleet's status
/// moves (a first health pass, an outage), each of a workspace's clusters changes within a few
/// seconds, and each change can affect every placement there: without this, each placement
/// would be decided (and written) once per cluster. A placement's own edit is decided at once.
const CLUSTER_SETTLE: Duration = Duration::from_secs(1);

/// What one reconcile decided, for `--once` and the logs.
#[derive(Clone, Debug)]
pub struct DecisionReport {
    /// The placement's name.
    pub name: String,
    /// The chosen clusters, or why there are none.
    pub decision: String,
    /// Whether the status was written (false: unchanged).
    pub written: bool,
}

/// A workspace's inventory, as of a revision of its clusters.
struct CachedInventory {
    revision: u64,
    inventory: Result<Arc<Inventory>, String>,
}

/// The loop: its queue and the inventories it built.
pub struct PlacementLoop {
    ctx: Arc<Context>,
    /// The loop's work queue.
    pub queue: Arc<WorkQueue<ObjectKey>>,
    inventories: Mutex<HashMap<Arc<str>, CachedInventory>>,
    inventory_reads: (AtomicU64, AtomicU64),
}

impl PlacementLoop {
    /// A loop over `ctx`'s caches.
    pub fn new(ctx: Arc<Context>) -> Self {
        PlacementLoop {
            ctx,
            queue: Arc::new(WorkQueue::default()),
            inventories: Mutex::default(),
            inventory_reads: (AtomicU64::new(0), AtomicU64::new(0)),
        }
    }

    /// A placement changed: decide again unless only its status moved in a way that was ours.
    pub fn on_placement(&self, change: &Change<WorkloadPlacement>) {
        let relevant = match (&change.old, &change.new) {
            // The same version reported again: it stopped (or started) decoding.
            (Some(old), Some(new)) if Arc::ptr_eq(old, new) => true,
            (Some(old), Some(new)) => {
                old.spec != new.spec
                    || old.metadata.generation != new.metadata.generation
                    || decisions(old) != decisions(new)
            }
            _ => true,
        };
        if relevant {
            self.queue.add(change.key.clone());
        }
    }

    /// A cluster changed: enqueue the placements of its workspace it can affect.
    pub fn on_cluster(&self, change: &Change<ClusterRegistration>) {
        // A registration being deleted is as good as gone (see `inventory`).
        let info = |c: &Option<Arc<ClusterRegistration>>| {
            c.as_deref().filter(|c| c.metadata.deletion_timestamp.is_none()).map(cluster_info)
        };
        let (old, new) = (info(&change.old), info(&change.new));
        if old == new {
            return;
        }
        let name = &change.key.name;
        for (key, placement) in self.ctx.placements.in_cluster(&change.key.cluster) {
            let uses = placement.status.as_ref().is_some_and(|s| s.decisions.iter().any(|d| &d.cluster == name));
            let selects = match policy(&placement.spec) {
                Ok(p) => {
                    [&old, &new].into_iter().flatten().any(|info| p.location_selector.matches(&ClusterLabels(info)))
                }
                // A placement whose spec the engine cannot read is re-judged on every change.
                Err(_) => true,
            };
            // Without candidates, the placement's reasons count every cluster of the workspace.
            let without_candidates = placement.status.as_ref().is_none_or(|s| s.decisions.is_empty());
            if uses || selects || without_candidates {
                self.queue.add_after(key, CLUSTER_SETTLE);
            }
        }
    }

    /// Decides one placement and writes its status when it differs from the stored one.
    pub async fn reconcile(&self, key: &ObjectKey) -> Result<Option<DecisionReport>, ReconcileError> {
        let undecodable = self.ctx.placements.invalid(key).map(|why| format!("the placement cannot be read: {why}"));
        let Some(placement) = self.ctx.placements.get(key) else {
            return match undecodable {
                Some(problem) => self.report_unreadable(key, &problem).await.map(Some),
                None => Ok(None),
            };
        };
        let previous = placement.status.clone().unwrap_or_default();
        let strategy = placement.spec.strategy.as_str();
        let now = jiff::Timestamp::now().to_string();
        let generation = placement.metadata.generation;
        let started = Instant::now();
        // Everything the engine and the sync loop read must parse, or nothing is decided: the
        // last good decision stays, and the sync loop keeps the last good selectors.
        let readable = match undecodable {
            Some(problem) => Err(problem),
            None => PlacementScope::from_placement(&key.name, &placement.spec).map(|_| ()).map_err(|e| e.to_string()),
        };
        let compiled = readable.and_then(|()| policy(&placement.spec).map_err(|e| e.to_string())).and_then(|p| {
            let inventory = self.inventory(&key.cluster)?;
            let decision = inventory.compile(&p).map_err(|e| e.to_string()).map(|c| {
                let demand = WorkloadDemand {
                    key: key.to_string(),
                    previous_clusters: previous.decisions.iter().map(|d| d.cluster.clone()).collect(),
                    ..Default::default()
                };
                c.decide(&demand)
            })?;
            Ok((decision, p))
        });
        let (status, result, summary) = match compiled {
            Ok((decision, policy)) => {
                let mut status = placement_status(&decision, Some(&previous), generation, &now);
                if let Some(recheck) = self.keep_in_grace(key, &policy, &previous, &mut status) {
                    self.queue.add_after(key.clone(), recheck);
                }
                match &decision.no_candidates {
                    Some(why) => (status, "no_candidates", format!("no candidates: {why}")),
                    None => (status, "scheduled", decision.cluster_names().collect::<Vec<_>>().join(",")),
                }
            }
            Err(problem) => (invalid_status(&previous, generation, &now, &problem), "invalid", problem),
        };
        self.ctx.metrics.record_decision(&key.cluster, strategy, result, started.elapsed().as_secs_f64());
        let written = !same_status(&status, &previous);
        if written {
            self.ctx.may_write()?;
            let writer = self.ctx.hub.writer(&key.cluster);
            write_status::<WorkloadPlacement>(&writer, &key.name, &status).await?;
            self.ctx.metrics.count_write(CONTROLLER);
            tracing::info!(placement = %key, result, decision = %summary, "placement decided");
        }
        Ok(Some(DecisionReport { name: key.name.clone(), decision: summary, written }))
    }

    /// A placement with no good version known (it did not decode since the controller
    /// started): its conditions say why, by a merge patch that leaves its decisions as they are.
    async fn report_unreadable(&self, key: &ObjectKey, problem: &str) -> Result<DecisionReport, ReconcileError> {
        let now = jiff::Timestamp::now().to_string();
        let status = invalid_status(&WorkloadPlacementStatus::default(), None, &now, problem);
        self.ctx.may_write()?;
        let writer = self.ctx.hub.writer(&key.cluster);
        let patch = serde_json::json!({"status": {"conditions": status.conditions}});
        let resource = crate::client::Resource::of::<WorkloadPlacement>();
        writer.merge_patch_status(&resource, None, &key.name, &patch, super::FIELD_MANAGER).await?;
        self.ctx.metrics.count_write(CONTROLLER);
        tracing::warn!(placement = %key, problem, "placement invalid; its workloads are held as they are");
        Ok(DecisionReport { name: key.name.clone(), decision: problem.to_string(), written: true })
    }

    /// Puts back the clusters of the previous decision that the engine dropped only for their
    /// health (Unknown, or Ready=False: no ready nodes, credentials or probes failing — all
    /// often transient), while they have been so for less than the eviction grace: an outage
    /// or a blip of a few minutes moves nothing. An operator's action (cordon, drain, a taint)
    /// or a policy change is not health, and moves at once. Returns when to decide again (the
    /// first grace to end).
    fn keep_in_grace(
        &self,
        key: &ObjectKey,
        policy: &PlacementPolicy,
        previous: &WorkloadPlacementStatus,
        status: &mut WorkloadPlacementStatus,
    ) -> Option<Duration> {
        let now = jiff::Timestamp::now();
        let mut recheck: Option<Duration> = None;
        for entry in &previous.decisions {
            if status.decisions.iter().any(|d| d.cluster == entry.cluster) {
                continue;
            }
            let Some(cluster) = self.ctx.clusters.get(&ObjectKey::cluster_scoped(&key.cluster, &entry.cluster)) else {
                continue;
            };
            if cluster.metadata.deletion_timestamp.is_some() {
                continue;
            }
            if !rejected_only_for_health(&cluster_info(&cluster), policy) {
                continue;
            }
            let Some(ready) = cluster.ready_condition().filter(|c| c.status != ConditionStatus::True) else {
                continue;
            };
            let since = ready.last_transition_time.as_deref().and_then(|t| t.parse::<jiff::Timestamp>().ok());
            let unknown_for = since.and_then(|t| Duration::try_from(now.duration_since(t)).ok()).unwrap_or_default();
            let Some(left) = self.ctx.settings.eviction_grace.checked_sub(unknown_for).filter(|d| !d.is_zero()) else {
                continue;
            };
            let mut kept = entry.clone();
            // No running count in the text: it would make every reconcile a write.
            kept.reason = Some(format!(
                "kept while {}, for the eviction grace of {}",
                ready.reason.as_deref().unwrap_or("not Ready"),
                humantime::format_duration(self.ctx.settings.eviction_grace)
            ));
            status.decisions.push(kept);
            recheck = Some(recheck.map_or(left, |r| r.min(left)));
        }
        recheck
    }

    /// The inventory of a workspace's clusters, built again only when they changed.
    fn inventory(&self, cluster: &Arc<str>) -> Result<Arc<Inventory>, String> {
        let revision = self.ctx.clusters.revision(cluster);
        let mut inventories = self.inventories.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(cached) = inventories.get(cluster).filter(|c| c.revision == revision) {
            self.inventory_reads.0.fetch_add(1, Ordering::Relaxed);
            return cached.inventory.clone();
        }
        self.inventory_reads.1.fetch_add(1, Ordering::Relaxed);
        // A cluster being unregistered is no candidate: its workloads move now.
        let infos = self
            .ctx
            .clusters
            .in_cluster(cluster)
            .iter()
            .filter(|(_, c)| c.metadata.deletion_timestamp.is_none())
            .map(|(_, c)| cluster_info(c))
            .collect();
        let inventory = Inventory::new(infos).map(Arc::new).map_err(|e| e.to_string());
        inventories.insert(cluster.clone(), CachedInventory { revision, inventory: inventory.clone() });
        inventory
    }

    /// The inventories as a cache: (workspaces held, decisions that reused one, builds).
    pub fn inventory_cache(&self) -> (usize, u64, u64) {
        let held = self.inventories.lock().unwrap_or_else(|e| e.into_inner()).len();
        let (hits, misses) = &self.inventory_reads;
        (held, hits.load(Ordering::Relaxed), misses.load(Ordering::Relaxed))
    }
}

fn decisions(placement: &WorkloadPlacement) -> Option<&Vec<crate::api::PlacementDecisionEntry>> {
    placement.status.as_ref().map(|s| &s.decisions)
}

/// Equal but for the times that every write would move.
fn same_status(a: &WorkloadPlacementStatus, b: &WorkloadPlacementStatus) -> bool {
    let strip = |s: &WorkloadPlacementStatus| {
        let mut s = s.clone();
        s.last_decision_time = None;
        for c in &mut s.conditions {
            c.last_transition_time = None;
        }
        s
    };
    strip(a) == strip(b)
}

/// The previous status, decisions kept, with `Invalid` true and `Scheduled` false, both saying
/// what cannot be read: nothing moves until the placement is fixed.
fn invalid_status(
    previous: &WorkloadPlacementStatus,
    generation: Option<i64>,
    now: &str,
    problem: &str,
) -> WorkloadPlacementStatus {
    let mut status = previous.clone();
    status.observed_generation = generation;
    let message =
        format!("{problem}; the last good decision is kept and nothing is moved or removed until it is fixed");
    for (type_, condition_status) in [(INVALID, ConditionStatus::True), ("Scheduled", ConditionStatus::False)] {
        crate::api::set_condition(
            &mut status.conditions,
            Condition {
                type_: type_.into(),
                status: condition_status,
                reason: Some(INVALID.into()),
                message: Some(message.clone()),
                last_transition_time: Some(now.to_string()),
                observed_generation: generation,
            },
        );
    }
    status
}

/// The condition (and reason) of a placement the controller cannot read.
pub const INVALID: &str = "Invalid";
