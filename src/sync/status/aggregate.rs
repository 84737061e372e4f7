//! Copies' statuses → the upstream `status` (see the parent module for the rules and why).
//! Data flows: entries split into chosen and retiring → per-kind sums and conditions →
//! one JSON `status` with `tmc` beside the kind's own fields.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::{Map, Value};

use super::{ClusterEntry, TmcStatus, WorkloadKind};

/// The whole `status` to write upstream: the kind's counts summed over the copies (see the
/// module doc: every existing copy for replicas/ready/available, chosen clusters that have
/// observed the current generation for updated), `observedGeneration` once every chosen
/// cluster has observed the upstream `metadata.generation` (else the previous value, kept
/// below the current generation), apps/v1-shaped Available and Progressing conditions with
/// `lastUpdateTime` = `now` and `lastTransitionTime` kept while a status does not change; Job:
/// counts, Complete/Failed and start/completion times; Service: the union of load-balancer
/// ingress; every kind: `tmc`.
pub fn aggregate(kind: WorkloadKind, upstream: &Value, chosen: &[String], tmc: TmcStatus, now: &str) -> Value {
    let view = View::new(upstream, chosen, &tmc);
    let mut status = match kind {
        WorkloadKind::Deployment => view.deployment(),
        WorkloadKind::StatefulSet => view.stateful_set(),
        WorkloadKind::DaemonSet => view.daemon_set(),
        WorkloadKind::ReplicaSet => view.replica_set(),
        WorkloadKind::Job => view.job(now),
        WorkloadKind::Service => view.service(),
        WorkloadKind::Other => Map::new(),
    };
    if matches!(
        kind,
        WorkloadKind::Deployment | WorkloadKind::StatefulSet | WorkloadKind::DaemonSet | WorkloadKind::ReplicaSet
    ) {
        if let Some(observed) = view.observed_generation() {
            status.insert("observedGeneration".into(), observed.into());
        }
        status.insert("conditions".into(), to_value(view.workload_conditions(now)));
    }
    status.insert("tmc".into(), to_value(&tmc));
    Value::Object(status)
}

/// The entries as the sums need them: the first entry per chosen cluster (in `chosen` order,
/// `None` where no copy is known) and every entry of a cluster not chosen.
struct View<'a> {
    upstream: &'a Value,
    generation: Option<i64>,
    chosen: Vec<(&'a str, Option<&'a ClusterEntry>)>,
    retiring: Vec<&'a ClusterEntry>,
}

impl<'a> View<'a> {
    fn new(upstream: &'a Value, chosen: &'a [String], tmc: &'a TmcStatus) -> Self {
        let mut by_cluster: BTreeMap<&str, &ClusterEntry> = BTreeMap::new();
        for entry in &tmc.clusters {
            by_cluster.entry(entry.cluster.as_str()).or_insert(entry);
        }
        let mut seen = std::collections::BTreeSet::new();
        let chosen: Vec<_> = chosen
            .iter()
            .filter(|c| seen.insert(c.as_str()))
            .map(|c| (c.as_str(), by_cluster.get(c.as_str()).copied()))
            .collect();
        let retiring = tmc.clusters.iter().filter(|e| !seen.contains(e.cluster.as_str())).collect();
        View { upstream, generation: upstream["metadata"]["generation"].as_i64(), chosen, retiring }
    }

    fn chosen_entries(&self) -> impl Iterator<Item = &'a ClusterEntry> + '_ {
        self.chosen.iter().filter_map(|(_, e)| *e)
    }

    fn all_entries(&self) -> impl Iterator<Item = &'a ClusterEntry> + '_ {
        self.chosen_entries().chain(self.retiring.iter().copied())
    }

    /// Whether this copy's counts are about the current upstream generation.
    fn current(&self, entry: &ClusterEntry) -> bool {
        self.generation.is_some() && entry.status.observed_upstream_generation == self.generation
    }

    /// Rolled out on its cluster, from the current upstream generation.
    fn done(&self, entry: &ClusterEntry) -> bool {
        self.current(entry) && entry.status.available && !entry.status.failed
    }

    fn observed_generation(&self) -> Option<i64> {
        let previous = self.upstream["status"]["observedGeneration"].as_i64();
        let generation = self.generation?;
        if self.chosen.iter().all(|(_, e)| e.is_some_and(|e| self.current(e))) {
            Some(generation)
        } else {
            // Never backwards past what was written, never a generation not seen everywhere.
            previous.map(|p| p.min(generation - 1))
        }
    }

    fn deployment(&self) -> Map<String, Value> {
        let mut sums = Sums::default();
        for entry in self.chosen_entries() {
            let c = Counts::of(entry);
            let updated = if self.current(entry) { c.updated.min(c.replicas) } else { 0 };
            // A copy still rolling out counts what it is bringing up, so that a cluster with
            // no pods yet still shows as a shortfall (see the module doc).
            let replicas = if self.done(entry) { c.replicas } else { c.replicas.max(c.desired) };
            sums.add(replicas, c.ready, c.available.min(c.replicas), updated);
            sums.desired = sums.desired.saturating_add(c.desired);
        }
        for entry in &self.retiring {
            let c = Counts::of(entry);
            sums.add(c.replicas, c.ready, c.available.min(c.replicas), 0);
        }
        let mut status = sums.apps();
        status.insert("unavailableReplicas".into(), (sums.desired - sums.available).max(0).into());
        status
    }

    fn stateful_set(&self) -> Map<String, Value> {
        let mut sums = Sums::default();
        for entry in self.all_entries() {
            let c = Counts::of(entry);
            let updated = if self.current(entry) && !self.is_retiring(entry) { c.updated } else { 0 };
            sums.add(c.replicas, c.ready, c.available, updated);
        }
        sums.apps()
    }

    fn daemon_set(&self) -> Map<String, Value> {
        let (mut desired, mut current, mut ready, mut available, mut updated) = (0, 0, 0, 0, 0);
        for entry in self.chosen_entries() {
            let c = Counts::of(entry);
            desired += c.desired;
            current += c.replicas;
            ready += c.ready;
            // Capped per cluster: one cluster over its target must not hide another under it.
            available += c.available.min(c.desired);
            if self.current(entry) {
                updated += c.updated.min(c.desired);
            }
        }
        let mut status = Map::new();
        status.insert("desiredNumberScheduled".into(), desired.into());
        status.insert("currentNumberScheduled".into(), current.into());
        status.insert("numberReady".into(), ready.into());
        status.insert("numberAvailable".into(), available.into());
        status.insert("numberUnavailable".into(), (desired - available).max(0).into());
        status.insert("updatedNumberScheduled".into(), updated.into());
        status.insert("numberMisscheduled".into(), 0.into());
        status
    }

    fn replica_set(&self) -> Map<String, Value> {
        let mut sums = Sums::default();
        for entry in self.all_entries() {
            let c = Counts::of(entry);
            sums.add(c.replicas, c.ready, c.available, 0);
        }
        let mut status = sums.apps();
        status.remove("updatedReplicas");
        status.insert("fullyLabeledReplicas".into(), sums.replicas.into());
        status
    }

    fn job(&self, now: &str) -> Map<String, Value> {
        let (mut active, mut succeeded, mut failed, mut ready) = (0, 0, 0, 0);
        for entry in self.all_entries() {
            let s = &entry.status;
            active += s.active.unwrap_or(0).max(0);
            succeeded += s.succeeded.unwrap_or(0).max(0);
            failed += s.failed_pods.unwrap_or(0).max(0);
            ready += s.ready_replicas.unwrap_or(0).max(0);
        }
        let all_complete =
            !self.chosen.is_empty() && self.chosen.iter().all(|(_, e)| e.is_some_and(|e| e.status.available));
        let failed_on = self.names(|e| e.is_some_and(|e| e.status.failed));
        let mut status = Map::new();
        status.insert("active".into(), active.into());
        status.insert("succeeded".into(), succeeded.into());
        status.insert("failed".into(), failed.into());
        status.insert("ready".into(), ready.into());
        // RFC 3339 timestamps in UTC order as strings; parsing would only add failure modes.
        if let Some(start) = self.chosen_entries().filter_map(|e| e.status.start_time.as_deref()).min() {
            status.insert("startTime".into(), start.into());
        }
        if all_complete {
            if let Some(end) = self.chosen_entries().filter_map(|e| e.status.completion_time.as_deref()).max() {
                status.insert("completionTime".into(), end.into());
            }
        }
        let mut conditions = Vec::new();
        if all_complete {
            conditions.push(self.condition("Complete", true, "AllClustersComplete", "complete on every cluster", now));
        }
        if !failed_on.is_empty() {
            let message = format!("failed on {failed_on}");
            conditions.push(self.condition("Failed", true, "ClustersFailed", &message, now));
        }
        for condition in &mut conditions {
            condition.last_probe_time = Some(now.to_owned());
        }
        status.insert("conditions".into(), to_value(conditions));
        status
    }

    fn service(&self) -> Map<String, Value> {
        let mut ingress: Vec<&Value> = Vec::new();
        for entry in self.all_entries() {
            for item in &entry.status.ingress {
                if !ingress.contains(&item) {
                    ingress.push(item);
                }
            }
        }
        let mut status = Map::new();
        status.insert("loadBalancer".into(), serde_json::json!({ "ingress": ingress }));
        status
    }

    /// The chosen clusters whose entry (or its absence) matches, comma-separated.
    fn names(&self, matches: impl Fn(Option<&ClusterEntry>) -> bool) -> String {
        self.chosen.iter().filter(|(_, e)| matches(*e)).map(|(c, _)| *c).collect::<Vec<_>>().join(", ")
    }

    fn is_retiring(&self, entry: &ClusterEntry) -> bool {
        !self.chosen.iter().any(|(c, _)| *c == entry.cluster)
    }

    fn workload_conditions(&self, now: &str) -> Vec<WorkloadCondition> {
        let unavailable = self.names(|e| !e.is_some_and(|e| e.status.available));
        let failed = self.names(|e| e.is_some_and(|e| e.status.failed));
        let available = if self.chosen.is_empty() {
            self.condition("Available", false, "NoClusters", "no cluster is chosen", now)
        } else if unavailable.is_empty() {
            self.condition("Available", true, "AllClustersAvailable", "available on every chosen cluster", now)
        } else {
            self.condition("Available", false, "ClustersUnavailable", &format!("not available on {unavailable}"), now)
        };
        let progressing = if !failed.is_empty() {
            let message = format!("progress deadline exceeded on {failed}");
            self.condition("Progressing", false, "ProgressDeadlineExceeded", &message, now)
        } else if !self.chosen.is_empty() && unavailable.is_empty() {
            self.condition("Progressing", true, "NewReplicaSetAvailable", "rolled out on every chosen cluster", now)
        } else {
            self.condition("Progressing", true, "ReplicaSetUpdated", "rolling out", now)
        };
        vec![available, progressing]
    }

    /// A condition stamped `now`, keeping the previous transition time when the status is the
    /// same as in the upstream object's current condition of that type.
    fn condition(&self, type_: &str, holds: bool, reason: &str, message: &str, now: &str) -> WorkloadCondition {
        let status = if holds { "True" } else { "False" };
        let previous = self.upstream["status"]["conditions"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|c| c["type"] == type_ && c["status"] == status)
            .and_then(|c| c["lastTransitionTime"].as_str());
        WorkloadCondition {
            type_: type_.to_owned(),
            status: status.to_owned(),
            reason: reason.to_owned(),
            message: message.to_owned(),
            last_update_time: now.to_owned(),
            last_transition_time: previous.unwrap_or(now).to_owned(),
            last_probe_time: None,
        }
    }
}

/// An apps/v1 condition as written upstream; batch/v1 conditions carry `lastProbeTime` too.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct WorkloadCondition {
    #[serde(rename = "type")]
    type_: String,
    status: String,
    reason: String,
    message: String,
    last_update_time: String,
    last_transition_time: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    last_probe_time: Option<String>,
}

/// One copy's counts, absent and negative values as 0.
struct Counts {
    replicas: i64,
    ready: i64,
    available: i64,
    updated: i64,
    desired: i64,
}

impl Counts {
    fn of(entry: &ClusterEntry) -> Self {
        let n = |v: Option<i64>| v.unwrap_or(0).max(0);
        let s = &entry.status;
        Counts {
            replicas: n(s.replicas),
            ready: n(s.ready_replicas),
            available: n(s.available_replicas),
            updated: n(s.updated_replicas),
            desired: n(s.desired_replicas),
        }
    }
}

#[derive(Default)]
struct Sums {
    replicas: i64,
    ready: i64,
    available: i64,
    updated: i64,
    desired: i64,
}

impl Sums {
    fn add(&mut self, replicas: i64, ready: i64, available: i64, updated: i64) {
        self.replicas = self.replicas.saturating_add(replicas);
        self.ready = self.ready.saturating_add(ready);
        self.available = self.available.saturating_add(available);
        self.updated = self.updated.saturating_add(updated);
    }

    fn apps(&self) -> Map<String, Value> {
        let mut status = Map::new();
        status.insert("replicas".into(), self.replicas.into());
        status.insert("readyReplicas".into(), self.ready.into());
        status.insert("availableReplicas".into(), self.available.into());
        status.insert("updatedReplicas".into(), self.updated.into());
        status
    }
}

fn to_value(v: impl Serialize) -> Value {
    // Only our own string-keyed types reach here; they always serialise.
    serde_json::to_value(v).unwrap_or(Value::Null)
}
