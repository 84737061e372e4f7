//! The metric registry. Labels are bounded by what exists (clusters, controllers, resources),
//! never by objects, so a scrape stays small at thousands of workloads.

use std::sync::atomic::AtomicU64;

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{exponential_buckets, Histogram};
use prometheus_client::registry::Registry;

use crate::api::quantity::{parse_milli, parse_units};
use crate::api::{ClusterRegistrationStatus, ResourceAmounts};

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct ClusterLabels {
    cluster: String,
    workspace: String,
    location: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct ResourceLabels {
    cluster: String,
    resource: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct DecisionLabels {
    workspace: String,
    strategy: String,
    result: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct LatencyLabels {
    workspace: String,
    strategy: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct ReconcileLabels {
    controller: String,
    result: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct ErrorLabels {
    controller: String,
    error_type: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct ControllerLabels {
    controller: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct CacheLabels {
    cache_type: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct WorkloadSyncLabels {
    workload: String,
    namespace: String,
    cluster: String,
    r#type: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct SyncClusterLabels {
    cluster: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct ScheduleLabels {
    schedule: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct DriftLabels {
    cluster: String,
    policy: String,
}

/// Every metric tmcctl exports.
pub struct Metrics {
    registry: Registry,
    cluster_health_score: Family<ClusterLabels, Gauge>,
    cluster_utilization: Family<ResourceLabels, Gauge<f64, AtomicU64>>,
    reconciles: Family<ReconcileLabels, Counter>,
    errors: Family<ErrorLabels, Counter>,
    placement_decisions: Family<DecisionLabels, Counter>,
    placement_latency: Family<LatencyLabels, Histogram>,
    reconcile_duration: Family<ControllerLabels, Histogram>,
    queue_depth: Family<ControllerLabels, Gauge>,
    cache_hit_rate: Family<CacheLabels, Gauge<f64, AtomicU64>>,
    cache_objects: Family<CacheLabels, Gauge>,
    leader: Gauge,
    throttled: Counter,
    requests: Counter,
    writes: Family<ControllerLabels, Counter>,
    workload_sync: Family<WorkloadSyncLabels, Gauge>,
    apply_errors: Family<SyncClusterLabels, Counter>,
    drift: Family<DriftLabels, Counter>,
    sync_lag: Histogram,
    backup_last_success: Family<ScheduleLabels, Gauge>,
    backup_failures: Family<ScheduleLabels, Counter>,
}

impl Default for Metrics {
    fn default() -> Self {
        Self::new()
    }
}

impl Metrics {
    /// A registry with every metric registered and none yet observed.
    pub fn new() -> Self {
        let mut registry = Registry::default();
        let cluster_health_score = Family::<ClusterLabels, Gauge>::default();
        registry.register(
            "tmc_cluster_health_score",
            "Health score of a registered cluster, 0-100",
            cluster_health_score.clone(),
        );
        let cluster_utilization = Family::<ResourceLabels, Gauge<f64, AtomicU64>>::default();
        registry.register(
            "tmc_cluster_resource_utilization_percent",
            "Requests of running pods as a percentage of allocatable, per cluster and resource",
            cluster_utilization.clone(),
        );
        let reconciles = Family::<ReconcileLabels, Counter>::default();
        registry.register("tmc_controller_reconciles", "Reconciles by controller and result", reconciles.clone());
        let errors = Family::<ErrorLabels, Counter>::default();
        registry.register("tmc_controller_errors", "Reconcile errors by controller and error type", errors.clone());
        let placement_decisions = Family::<DecisionLabels, Counter>::default();
        registry.register("tmc_placement_decisions", "Placement decisions by result", placement_decisions.clone());
        // Decisions take microseconds; buckets from 1 µs to about 1 s.
        let placement_latency = Family::<LatencyLabels, Histogram>::new_with_constructor(|| {
            Histogram::new(exponential_buckets(1e-6, 4.0, 11))
        });
        registry.register(
            "tmc_placement_latency_seconds",
            "Time to take one placement decision",
            placement_latency.clone(),
        );
        // Reconciles take from a millisecond (a decision) to seconds (a probe of a slow cluster).
        let reconcile_duration = Family::<ControllerLabels, Histogram>::new_with_constructor(|| {
            Histogram::new(exponential_buckets(0.0005, 4.0, 9))
        });
        registry.register(
            "tmc_controller_reconcile_duration_seconds",
            "Time to reconcile one key, by controller",
            reconcile_duration.clone(),
        );
        let queue_depth = Family::<ControllerLabels, Gauge>::default();
        registry.register(
            "tmc_controller_queue_depth",
            "Keys waiting in a controller's work queue",
            queue_depth.clone(),
        );
        let cache_hit_rate = Family::<CacheLabels, Gauge<f64, AtomicU64>>::default();
        registry.register(
            "tmc_cache_hit_rate_percent",
            "Reads served by the cache as a percentage of all reads of that type (cache reads plus reads sent to the server)",
            cache_hit_rate.clone(),
        );
        let cache_objects = Family::<CacheLabels, Gauge>::default();
        registry.register("tmc_cache_objects", "Objects held in a cache", cache_objects.clone());
        let leader = Gauge::default();
        registry.register(
            "tmc_controller_leader",
            "1 while this replica leads (or runs without election), else 0",
            leader.clone(),
        );
        let throttled = Counter::default();
        registry.register(
            "tmc_client_throttled_requests",
            "Answers of 429 Too Many Requests from kcp or a cluster",
            throttled.clone(),
        );
        let requests = Counter::default();
        registry.register(
            "tmc_client_requests",
            "Requests sent to kcp (every attempt, watches included)",
            requests.clone(),
        );
        let writes = Family::<ControllerLabels, Counter>::default();
        registry.register("tmc_controller_writes", "Writes to kcp by controller", writes.clone());
        let workload_sync = Family::<WorkloadSyncLabels, Gauge>::default();
        registry.register(
            "tmc_workload_sync_status",
            "1 while a workload's copy on a cluster is synced (written and not failed), else 0; namespace is <logical cluster>/<namespace>",
            workload_sync.clone(),
        );
        let apply_errors = Family::<SyncClusterLabels, Counter>::default();
        registry.register(
            "tmc_workload_apply_errors",
            "Writes of workload copies that a cluster refused or did not answer",
            apply_errors.clone(),
        );
        let drift = Family::<DriftLabels, Counter>::default();
        registry.register(
            "tmc_workload_drift_detected",
            "Copies found changed on a cluster by someone else, by policy (heal or report)",
            drift.clone(),
        );
        // From a workload change seen upstream to its copies written on every chosen cluster.
        let sync_lag = Histogram::new(exponential_buckets(0.005, 2.0, 14));
        registry.register(
            "tmc_workload_sync_lag_seconds",
            "Time from an upstream workload change to its copies written on every chosen cluster",
            sync_lag.clone(),
        );
        let backup_last_success = Family::<ScheduleLabels, Gauge>::default();
        registry.register(
            "tmc_backup_last_success_timestamp_seconds",
            "When a scheduled backup last succeeded (Unix seconds), by schedule",
            backup_last_success.clone(),
        );
        let backup_failures = Family::<ScheduleLabels, Counter>::default();
        registry.register("tmc_backup_failures", "Scheduled backups that failed, by schedule", backup_failures.clone());
        Metrics {
            backup_last_success,
            backup_failures,
            workload_sync,
            apply_errors,
            drift,
            sync_lag,
            registry,
            requests,
            writes,
            reconcile_duration,
            queue_depth,
            cache_hit_rate,
            cache_objects,
            leader,
            throttled,
            cluster_health_score,
            cluster_utilization,
            reconciles,
            errors,
            placement_decisions,
            placement_latency,
        }
    }

    /// Records a cluster's health score and utilisation from its status.
    pub fn record_cluster(&self, workspace: &str, cluster: &str, location: &str, status: &ClusterRegistrationStatus) {
        let labels = ClusterLabels { cluster: cluster.into(), workspace: workspace.into(), location: location.into() };
        self.cluster_health_score.get_or_create(&labels).set(i64::from(status.health_score.unwrap_or(0)));
        let (Some(used), Some(total)) = (&status.allocated, &status.allocatable) else { return };
        for (resource, percent) in utilisation(used, total) {
            let labels = ResourceLabels { cluster: cluster.into(), resource: resource.into() };
            self.cluster_utilization.get_or_create(&labels).set(percent);
        }
    }

    /// Drops the series of a cluster that is no longer registered.
    pub fn forget_cluster(&self, workspace: &str, cluster: &str, location: &str) {
        let labels = ClusterLabels { cluster: cluster.into(), workspace: workspace.into(), location: location.into() };
        self.cluster_health_score.remove(&labels);
        for resource in ["cpu", "memory", "pods"] {
            self.cluster_utilization.remove(&ResourceLabels { cluster: cluster.into(), resource: resource.into() });
        }
    }

    /// Records a scheduled backup: its success time (Unix seconds), or `None` for a failure.
    pub fn record_backup(&self, schedule: &str, succeeded_at: Option<i64>) {
        let labels = ScheduleLabels { schedule: schedule.to_string() };
        match succeeded_at {
            Some(seconds) => {
                self.backup_last_success.get_or_create(&labels).set(seconds);
            }
            None => {
                self.backup_failures.get_or_create(&labels).inc();
            }
        }
    }

    /// Counts one reconcile of `controller` with `result` (`success` or `error`).
    pub fn count_reconcile(&self, controller: &str, result: &str) {
        self.reconciles.get_or_create(&ReconcileLabels { controller: controller.into(), result: result.into() }).inc();
    }

    /// Counts one error of `controller` of the given type.
    pub fn count_error(&self, controller: &str, error_type: &str) {
        self.errors.get_or_create(&ErrorLabels { controller: controller.into(), error_type: error_type.into() }).inc();
    }

    /// Records one placement decision: its result (`scheduled`, `no_candidates`, `invalid`) and
    /// how long it took.
    pub fn record_decision(&self, workspace: &str, strategy: &str, result: &str, seconds: f64) {
        let labels = DecisionLabels { workspace: workspace.into(), strategy: strategy.into(), result: result.into() };
        self.placement_decisions.get_or_create(&labels).inc();
        self.placement_latency
            .get_or_create(&LatencyLabels { workspace: workspace.into(), strategy: strategy.into() })
            .observe(seconds);
    }

    /// Records how long one reconcile of `controller` took.
    pub fn observe_reconcile(&self, controller: &str, seconds: f64) {
        self.reconcile_duration.get_or_create(&ControllerLabels { controller: controller.into() }).observe(seconds);
    }

    /// Sets how many keys wait in `controller`'s queue.
    pub fn set_queue_depth(&self, controller: &str, depth: usize) {
        self.queue_depth.get_or_create(&ControllerLabels { controller: controller.into() }).set(depth as i64);
    }

    /// Sets a cache's size and hit rate from its (hits, misses) so far; no reads yet is 100 %.
    pub fn set_cache(&self, cache_type: &str, objects: usize, hits: u64, misses: u64) {
        let labels = CacheLabels { cache_type: cache_type.into() };
        self.cache_objects.get_or_create(&labels).set(objects as i64);
        let total = hits + misses;
        let rate = if total == 0 { 100.0 } else { 100.0 * hits as f64 / total as f64 };
        self.cache_hit_rate.get_or_create(&labels).set(rate);
    }

    /// Sets whether this replica leads.
    pub fn set_leader(&self, leading: bool) {
        self.leader.set(i64::from(leading));
    }

    /// Counts one write of `controller` to kcp.
    pub fn count_write(&self, controller: &str) {
        self.writes.get_or_create(&ControllerLabels { controller: controller.into() }).inc();
    }

    /// Raises the sent-requests counter to `total` (it only grows).
    pub fn set_requests(&self, total: u64) {
        let now = self.requests.get();
        if total > now {
            self.requests.inc_by(total - now);
        }
    }

    /// Raises the throttled-requests counter to `total` (it only grows).
    pub fn set_throttled(&self, total: u64) {
        let now = self.throttled.get();
        if total > now {
            self.throttled.inc_by(total - now);
        }
    }

    /// Sets whether a workload's copy on a cluster is synced.
    pub fn set_workload_sync(&self, workload: &str, namespace: &str, cluster: &str, kind: &str, synced: bool) {
        let labels = WorkloadSyncLabels {
            workload: workload.into(),
            namespace: namespace.into(),
            cluster: cluster.into(),
            r#type: kind.into(),
        };
        self.workload_sync.get_or_create(&labels).set(i64::from(synced));
    }

    /// Drops the series of a copy that no longer exists.
    pub fn forget_workload_sync(&self, workload: &str, namespace: &str, cluster: &str, kind: &str) {
        self.workload_sync.remove(&WorkloadSyncLabels {
            workload: workload.into(),
            namespace: namespace.into(),
            cluster: cluster.into(),
            r#type: kind.into(),
        });
    }

    /// Counts a write of a copy that `cluster` refused or did not answer.
    pub fn count_apply_error(&self, cluster: &str) {
        self.apply_errors.get_or_create(&SyncClusterLabels { cluster: cluster.into() }).inc();
    }

    /// Counts a copy found changed on `cluster`, handled by `policy`.
    pub fn count_drift(&self, cluster: &str, policy: &str) {
        self.drift.get_or_create(&DriftLabels { cluster: cluster.into(), policy: policy.into() }).inc();
    }

    /// Records the time from an upstream change to its copies written everywhere.
    pub fn observe_sync_lag(&self, seconds: f64) {
        self.sync_lag.observe(seconds);
    }

    /// The metrics as OpenMetrics text ([`super::exposition`] makes the Prometheus text format).
    pub fn encode(&self) -> String {
        let mut out = String::new();
        prometheus_client::encoding::text::encode(&mut out, &self.registry).expect("writing to a String cannot fail");
        out
    }
}

fn utilisation(used: &ResourceAmounts, total: &ResourceAmounts) -> Vec<(&'static str, f64)> {
    let ratio = |u: &Option<String>, t: &Option<String>, parse: fn(&str) -> Result<u128, _>| {
        let (u, t) = (parse(u.as_deref()?).ok()?, parse(t.as_deref()?).ok()?);
        (t > 0).then(|| 100.0 * u as f64 / t as f64)
    };
    let mut out = Vec::new();
    if let Some(p) = ratio(&used.cpu, &total.cpu, parse_milli) {
        out.push(("cpu", p));
    }
    if let Some(p) = ratio(&used.memory, &total.memory, parse_units) {
        out.push(("memory", p));
    }
    if let Some(p) = ratio(&used.pods, &total.pods, parse_units) {
        out.push(("pods", p));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exports_the_design_names_and_labels() {
        let metrics = Metrics::new();
        let status = ClusterRegistrationStatus {
            health_score: Some(88),
            allocatable: Some(ResourceAmounts {
                cpu: Some("4".into()),
                memory: Some("8Gi".into()),
                pods: Some("100".into()),
            }),
            allocated: Some(ResourceAmounts {
                cpu: Some("1".into()),
                memory: Some("2Gi".into()),
                pods: Some("10".into()),
            }),
            ..Default::default()
        };
        metrics.record_cluster("root:team", "pc1", "eu", &status);
        metrics.count_reconcile("health", "success");
        metrics.record_decision("root:team", "Spread", "scheduled", 0.000_02);
        let text = metrics.encode();
        assert!(
            text.contains(r#"tmc_cluster_health_score{cluster="pc1",workspace="root:team",location="eu"} 88"#),
            "{text}"
        );
        assert!(
            text.contains(r#"tmc_cluster_resource_utilization_percent{cluster="pc1",resource="cpu"} 25.0"#),
            "{text}"
        );
        assert!(
            text.contains(r#"tmc_cluster_resource_utilization_percent{cluster="pc1",resource="pods"} 10.0"#),
            "{text}"
        );
        assert!(text.contains(r#"tmc_controller_reconciles_total{controller="health",result="success"} 1"#), "{text}");
        assert!(
            text.contains(
                r#"tmc_placement_decisions_total{workspace="root:team",strategy="Spread",result="scheduled"} 1"#
            ),
            "{text}"
        );
        assert!(
            text.contains(r#"tmc_placement_latency_seconds_count{workspace="root:team",strategy="Spread"} 1"#),
            "{text}"
        );
        metrics.set_cache("clusters", 3, 3, 1);
        metrics.set_queue_depth("placement", 2);
        metrics.set_leader(true);
        let text = metrics.encode();
        assert!(text.contains(r#"tmc_cache_hit_rate_percent{cache_type="clusters"} 75.0"#), "{text}");
        assert!(text.contains(r#"tmc_controller_queue_depth{controller="placement"} 2"#), "{text}");
        assert!(text.contains("tmc_controller_leader 1"), "{text}");
        metrics.forget_cluster("root:team", "pc1", "eu");
        assert!(!metrics.encode().contains("cluster=\"pc1\""));
        metrics.set_workload_sync("web", "lc1/default", "pc2", "Deployment", true);
        metrics.count_drift("pc2", "heal");
        let text = metrics.encode();
        assert!(
            text.contains(
                r#"tmc_workload_sync_status{workload="web",namespace="lc1/default",cluster="pc2",type="Deployment"} 1"#
            ),
            "{text}"
        );
        assert!(text.contains(r#"tmc_workload_drift_detected_total{cluster="pc2",policy="heal"} 1"#), "{text}");
        metrics.forget_workload_sync("web", "lc1/default", "pc2", "Deployment");
        assert!(!metrics.encode().contains("tmc_workload_sync_status{"));
    }
}
