//! One step of a workload's move plan on one cluster: whether the cluster can take it now
//! (registered, Ready, its watch listed, the eviction rate), the write itself through
//! [`ClusterSync`](super::sync_cluster::ClusterSync), and the cluster's line of
//! `status.tmc.clusters`.
//!
//! ```text
//! Step ─► cluster Ready? watch listed? eviction rate? ─► apply · mark retiring · keep · delete
//!      ─► CopyOutcome ─► StepReport { written, recheck, status line }
//! ```

use std::sync::Arc;
use std::time::Duration;

use serde_json::Value;

use crate::api::{ClusterRegistration, Takeover};
use crate::observability::traces;
use crate::sync::desired::Target;
use crate::sync::drift::{DriftPolicy, FieldPath};
use crate::sync::moves::Step;
use crate::sync::references::{references, unused, References};
use crate::sync::status::{copy_status, ClusterEntry, Phase};

use super::downstream::{dependency_resources, DownstreamCopy};
use super::error::ReconcileError;
use super::runtime::ObjectKey;
use super::sync_cluster::{CopyOutcome, Dependency};
use super::sync_loop::{is_ready, SyncLoop, WorkloadKey, LOOK_AGAIN};
use super::workload_types::WorkloadType;

/// How soon to look again at a cluster where a foreign object stands at a copy's name.
const CONFLICT_RECHECK: Duration = Duration::from_secs(30);

impl SyncLoop {
    /// Carries out one step of the move plan on its cluster, as far as the cluster's state
    /// allows, in a `workload-sync` span: the requests to the cluster carry its trace context.
    pub(super) async fn carry_out(&self, step: &Step, inputs: &StepInputs<'_>) -> Result<StepReport, ReconcileError> {
        let span = tracing::info_span!(
            "workload-sync",
            workload.type = %inputs.ty.name(),
            cluster.name = step.cluster(),
            sync.step = step.verb(),
        );
        tracing::Instrument::instrument(self.carry_out_traced(step, inputs), span).await
    }

    async fn carry_out_traced(&self, step: &Step, inputs: &StepInputs<'_>) -> Result<StepReport, ReconcileError> {
        let wk = inputs.wk;
        let cluster = step.cluster();
        let live = inputs.copies.iter().find(|(c, _)| c == cluster).map(|(_, copy)| copy.clone());
        let replicas = match step {
            Step::Apply { .. } => inputs.chosen.iter().find(|(c, _)| c == cluster).and_then(|(_, r)| *r),
            // A copy on its way out keeps serving with what it runs now.
            _ => live.as_ref().and_then(|l| l.object["spec"]["replicas"].as_u64()).map(|r| r as u32),
        };
        let target = Target {
            logical_cluster: inputs.identity,
            workspace: self.workspace_path(),
            namespace: inputs.namespace,
            placement: inputs.placement,
            replicas,
            ignored: inputs.ignored,
            delete_when_ungoverned: inputs.delete_when_ungoverned,
        };
        let mut recheck = None;
        let mut attempted = false;
        let registration_key = ObjectKey::cluster_scoped(&wk.key.cluster, cluster);
        let outcome = match self.ctx.clusters.get(&registration_key) {
            // An orphan is left exactly as it is: nothing to ask of its cluster.
            _ if matches!(step, Step::Orphan { .. }) => CopyOutcome::Current,
            None => CopyOutcome::Skipped(format!("cluster {cluster} is not registered")),
            Some(registration) if !is_ready(&registration) => {
                CopyOutcome::Unreachable(format!("cluster {cluster} is not Ready; its copy is left as it is"))
            }
            Some(registration) => match self.downstream.synced_store(&registration_key, wk.type_index) {
                None => {
                    recheck = Some(LOOK_AGAIN);
                    CopyOutcome::Skipped(format!("waiting for the watch of cluster {cluster}"))
                }
                Some(_)
                    if matches!(step, Step::Delete { .. }) && !inputs.remove_all && self.evictions.check().is_err() =>
                {
                    recheck = Some(LOOK_AGAIN);
                    CopyOutcome::Skipped("waiting for the eviction rate limit".into())
                }
                Some(_) => {
                    self.ctx.may_write()?;
                    attempted = true;
                    let context = StepContext { registration: &registration, registration_key: &registration_key };
                    self.run_step(step, inputs, &target, live.as_deref(), &context).await
                }
            },
        };
        // A foreign object sends no event to our watch: look again now and then.
        if matches!(outcome, CopyOutcome::Conflict(_)) {
            recheck = Some(CONFLICT_RECHECK);
        }
        if let Step::Keep { until, .. } = step {
            recheck = Some(Duration::try_from(until.duration_since(*inputs.now)).unwrap_or(Duration::ZERO));
        }
        // A write the cluster refused or did not answer is tried again (with the loop's
        // back-off); one not attempted waits for what it waits for (readiness, the watch).
        let failed = attempted && matches!(outcome, CopyOutcome::Failed(_) | CopyOutcome::Unreachable(_));
        Ok(StepReport {
            failed: failed.then(|| cluster.to_string()),
            settled: !matches!(step, Step::Apply { .. })
                || matches!(outcome, CopyOutcome::Current | CopyOutcome::Drifted(_)),
            written: !matches!(step, Step::Apply { .. }) || outcome.written_or_current(),
            recheck,
            entry: self.entry(step, inputs.ty, cluster, inputs.namespace, live.as_deref(), &outcome),
        })
    }

    async fn run_step(
        &self,
        step: &Step,
        inputs: &StepInputs<'_>,
        target: &Target<'_>,
        live: Option<&DownstreamCopy>,
        context: &StepContext<'_>,
    ) -> CopyOutcome {
        let (ty, upstream) = (inputs.ty, inputs.upstream);
        let connection =
            match self.ctx.cluster_clients.get(&self.ctx, context.registration_key, context.registration).await {
                Ok(connection) => connection,
                Err(failure) => return CopyOutcome::Unreachable(failure.message().to_string()),
            };
        let cluster = &context.registration_key.name;
        let outcome = match (step, inputs.dependencies) {
            (Step::Apply { .. }, Err(failure)) => failure.clone(),
            (Step::Apply { .. }, Ok(dependencies)) => {
                let registration = context.registration_key;
                self.cluster_sync
                    .apply(
                        &connection,
                        registration,
                        ty,
                        upstream,
                        dependencies,
                        target,
                        live,
                        inputs.policy,
                        inputs.ignored,
                        inputs.takeover,
                    )
                    .await
            }
            (Step::MarkRetiring { .. }, _) => {
                self.cluster_sync.mark_retiring(&connection, ty, upstream, target, inputs.now).await
            }
            (Step::Keep { .. } | Step::Orphan { .. }, _) => CopyOutcome::Current,
            (Step::Delete { .. }, _) => {
                let name = upstream["metadata"]["name"].as_str().unwrap_or_default();
                let outcome = self.cluster_sync.delete(&connection, ty, target, name).await;
                if let (Some(removed), CopyOutcome::Written) = (live, &outcome) {
                    let copy = (inputs.wk.type_index, name);
                    self.remove_unused_dependencies(&connection, context.registration_key, target, copy, removed).await;
                }
                outcome
            }
        };
        match &outcome {
            CopyOutcome::Unreachable(message) => traces::record_error(&tracing::Span::current(), message),
            CopyOutcome::Failed(message) => {
                traces::record_error(&tracing::Span::current(), message);
                self.ctx.metrics.count_apply_error(cluster);
                let name = upstream["metadata"]["name"].as_str().unwrap_or_default();
                tracing::warn!(cluster = %cluster, namespace = %target.namespace, name, error = %message, "sync step failed");
            }
            CopyOutcome::Drifted(fields) => {
                self.ctx.metrics.count_drift(cluster, "report");
                tracing::info!(cluster = %cluster, fields = ?fields, "drift left in place (report)");
            }
            CopyOutcome::Healed(fields) => {
                self.ctx.metrics.count_drift(cluster, "heal");
                tracing::info!(cluster = %cluster, fields = ?fields, "drift healed");
            }
            _ => {}
        }
        outcome
    }

    /// After a copy went from a cluster: removes the ConfigMaps and ServiceAccounts tmcctl
    /// copied there for it that no other copy in that namespace refers to (reference counting
    /// by what the cluster's copies name). Only objects tmcctl copied are seen (the watches
    /// select its label), and nothing is removed while any watch of the cluster has not
    /// listed. Secrets stay: tmcctl cannot read them there to know they are its own. A workload writing one of them back at the same moment finds it gone through
    /// its watch, and writes it again.
    async fn remove_unused_dependencies(
        &self,
        connection: &crate::client::Connection,
        registration: &ObjectKey,
        target: &Target<'_>,
        (type_index, name): (usize, &str),
        removed: &DownstreamCopy,
    ) {
        let Some(copies) = self.downstream.copies_in(registration, target.namespace) else { return };
        let remaining: Vec<References> = copies
            .iter()
            .filter(|(index, copy)| !(*index == type_index && copy.object["metadata"]["name"] == name))
            .map(|(_, copy)| references(&copy.object))
            .collect();
        let unused = unused(&references(&removed.object), &remaining);
        let [config_maps, service_accounts] = dependency_resources();
        for (resource, names) in [(config_maps, &unused.config_maps), (service_accounts, &unused.service_accounts)] {
            for dependency in names {
                if self.downstream.holds_dependency(registration, &resource.kind, target.namespace, dependency)
                    != Some(true)
                {
                    continue;
                }
                match connection.delete(&resource, Some(target.namespace), dependency).await {
                    Ok(_) => tracing::info!(
                        cluster = %registration.name, namespace = target.namespace, kind = %resource.kind, name = dependency,
                        "no copy there refers to it any more; removed"
                    ),
                    Err(e) => tracing::info!(
                        cluster = %registration.name, kind = %resource.kind, name = dependency, error = %e,
                        "an unused copied object could not be removed; it stays"
                    ),
                }
            }
        }
    }

    /// The per-cluster line of `status.tmc.clusters`, and the sync-status metric.
    fn entry(
        &self,
        step: &Step,
        ty: &WorkloadType,
        cluster: &str,
        namespace: &str,
        live: Option<&DownstreamCopy>,
        outcome: &CopyOutcome,
    ) -> Option<ClusterEntry> {
        if matches!(step, Step::Delete { .. }) && matches!(outcome, CopyOutcome::Written | CopyOutcome::Current) {
            return None;
        }
        // A foreign object is not ours to count.
        let counted = live.filter(|_| !matches!(outcome, CopyOutcome::Conflict(_)));
        let status = counted.map(|l| copy_status(ty.kind, &l.object)).unwrap_or_default();
        let phase = match (step, outcome) {
            (_, CopyOutcome::Unreachable(_)) => Phase::Unreachable,
            (_, CopyOutcome::Failed(_)) => Phase::Failed,
            (_, CopyOutcome::Conflict(_)) => Phase::Conflict,
            (Step::Orphan { .. }, _) => Phase::Orphaned,
            (Step::MarkRetiring { .. } | Step::Keep { .. } | Step::Delete { .. }, _) => Phase::Retiring,
            (_, CopyOutcome::Drifted(_)) => Phase::Drifted,
            _ if live.is_none() => Phase::Pending,
            _ if status.failed => Phase::Failed,
            _ if status.available => Phase::Available,
            _ => Phase::Progressing,
        };
        let drift = match outcome {
            CopyOutcome::Drifted(fields) => fields.clone(),
            _ => Vec::new(),
        };
        let message = outcome.message().or_else(|| status.message.clone());
        Some(ClusterEntry {
            cluster: cluster.to_string(),
            namespace: namespace.to_string(),
            phase,
            last_seen: live.map(|l| l.seen.to_string()),
            status,
            drift,
            message,
        })
    }
}

/// What every step of one reconcile shares.
pub(super) struct StepInputs<'a> {
    pub(super) wk: &'a WorkloadKey,
    pub(super) ty: &'a WorkloadType,
    pub(super) upstream: &'a Value,
    /// The name the workspace's objects carry downstream (its downstream identity).
    pub(super) identity: &'a str,
    pub(super) namespace: &'a str,
    pub(super) placement: &'a str,
    /// The chosen clusters with each one's `spec.replicas`.
    pub(super) chosen: &'a [(String, Option<u32>)],
    /// The live copies, by cluster.
    pub(super) copies: &'a [(String, Arc<DownstreamCopy>)],
    pub(super) policy: DriftPolicy,
    pub(super) ignored: &'a [FieldPath],
    /// The placement's takeover policy for objects tmcctl did not create.
    pub(super) takeover: Takeover,
    /// The placement's deletion policy is `Delete` (recorded on each copy).
    pub(super) delete_when_ungoverned: bool,
    pub(super) remove_all: bool,
    /// What the pod template refers to, read from the workspace (or why it could not be).
    pub(super) dependencies: &'a Result<Vec<Dependency>, CopyOutcome>,
    pub(super) now: &'a jiff::Timestamp,
}

/// What one step came to, for the workload's status and its next look.
pub(super) struct StepReport {
    /// The cluster, when the step was attempted there and failed.
    pub(super) failed: Option<String>,
    /// The cluster already held what this step meant it to (an Apply that found its copy
    /// current, or drifted under `report`); always true of other steps.
    pub(super) settled: bool,
    /// The cluster holds what it should (always true of steps other than Apply).
    pub(super) written: bool,
    /// Look again after this long, if anything is left to do later.
    pub(super) recheck: Option<Duration>,
    /// The cluster's line of `status.tmc.clusters` (none for a copy removed).
    pub(super) entry: Option<ClusterEntry>,
}

struct StepContext<'a> {
    registration: &'a ClusterRegistration,
    registration_key: &'a ObjectKey,
}
