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

/// Every metric tmcctl exports.
pub struct Metrics {
    registry: Registry,
    cluster_health_score: Family<ClusterLabels, Gauge>,
    cluster_utilization: Family<ResourceLabels, Gauge<f64, AtomicU64>>,
    reconciles: Family<ReconcileLabels, Counter>,
    errors: Family<ErrorLabels, Counter>,
    placement_decisions: Family<DecisionLabels, Counter>,
    placement_latency: Family<LatencyLabels, Histogram>,
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
        Metrics {
            registry,
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

    /// The metrics in the Prometheus text format.
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
        metrics.forget_cluster("root:team", "pc1", "eu");
        assert!(!metrics.encode().contains("cluster=\"pc1\""));
    }
}
