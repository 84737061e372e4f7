//! The placement loop: for each WorkloadPlacement of the workspace, run the pure engine over
//! the registered clusters and write the decision and its conditions into the placement's
//! status. A placement is re-decided only when its inputs changed (its spec, its stored
//! decision, or the inventory as the engine sees it), so a placement with no candidates is
//! not retried hot, and heartbeats alone cause no work.

use std::collections::BTreeMap;
use std::time::Instant;

use crate::api::{ClusterRegistration, Condition, ConditionStatus, WorkloadPlacement};
use crate::client::{ClientError, Connection, Resource};
use crate::observability::Metrics;
use crate::placement::from_api::{cluster_info, policy};
use crate::placement::to_api::placement_status;
use crate::placement::{fnv1a64, Inventory, WorkloadDemand};

use super::write_status;

/// What one pass did.
#[derive(Clone, Debug, Default)]
pub struct PlacementPassReport {
    /// (placement, chosen clusters, or the reason there are none)
    pub decided: Vec<(String, String)>,
    /// Placements whose inputs had not changed.
    pub unchanged: usize,
}

/// The loop's memory: the fingerprint of each placement's inputs at its last decision.
#[derive(Default)]
pub struct PlacementLoop {
    decided_inputs: BTreeMap<String, u64>,
}

impl PlacementLoop {
    /// Decides every placement whose inputs changed since the last pass.
    pub async fn pass(&mut self, kcp: &Connection, metrics: &Metrics) -> Result<PlacementPassReport, ClientError> {
        let workspace = kcp.workspace().map(|w| w.to_string()).unwrap_or_default();
        let clusters = kcp.list(&Resource::of::<ClusterRegistration>(), None, None).await?;
        let placements = kcp.list(&Resource::of::<WorkloadPlacement>(), None, None).await?;
        let infos: Vec<_> = clusters
            .items
            .iter()
            .filter_map(|o| serde_json::from_value::<ClusterRegistration>(o.clone()).ok())
            .map(|c| cluster_info(&c))
            .collect();
        let inventory_print = fnv1a64(&serde_json::to_vec(&infos).expect("cluster infos serialize"));
        let inventory = Inventory::new(infos).map_err(|e| ClientError::Invalid { message: e.to_string() })?;
        let mut report = PlacementPassReport::default();
        let mut seen = BTreeMap::new();
        for object in &placements.items {
            let Ok(placement) = serde_json::from_value::<WorkloadPlacement>(object.clone()) else { continue };
            let name = placement.metadata.name.clone().unwrap_or_default();
            let previous = placement.status.clone().unwrap_or_default();
            let inputs = fnv1a64(
                &serde_json::to_vec(&(
                    inventory_print,
                    &placement.spec,
                    &previous.decisions,
                    placement.metadata.generation,
                ))
                .expect("inputs serialize"),
            );
            seen.insert(name.clone(), inputs);
            if self.decided_inputs.get(&name) == Some(&inputs) {
                report.unchanged += 1;
                continue;
            }
            let strategy = placement.spec.strategy.as_str();
            let now = jiff::Timestamp::now().to_string();
            let generation = placement.metadata.generation;
            let started = Instant::now();
            let engine_policy = policy(&placement.spec).map_err(|e| e.to_string());
            let compiled = engine_policy
                .as_ref()
                .map_err(Clone::clone)
                .and_then(|p| inventory.compile(p).map_err(|e| e.to_string()));
            let (status, result, summary) = match compiled {
                Ok(compiled) => {
                    let demand = WorkloadDemand {
                        key: format!("{workspace}/{name}"),
                        previous_clusters: previous.decisions.iter().map(|d| d.cluster.clone()).collect(),
                        ..Default::default()
                    };
                    let decision = compiled.decide(&demand);
                    let status = placement_status(&decision, Some(&previous), generation, &now);
                    match &decision.no_candidates {
                        Some(why) => (status, "no_candidates", format!("no candidates: {why}")),
                        None => (status, "scheduled", decision.cluster_names().collect::<Vec<_>>().join(",")),
                    }
                }
                Err(problem) => (invalid_status(&previous, generation, &now, &problem), "invalid", problem),
            };
            metrics.record_decision(&workspace, strategy, result, started.elapsed().as_secs_f64());
            if !same_status(&status, &previous) {
                write_status::<WorkloadPlacement>(kcp, &name, &status).await?;
                tracing::info!(placement = %name, result, decision = %summary, "placement decided");
                // The write changes the stored decision, part of the inputs; remember the
                // inputs as they will read back, so the next pass does not decide again.
                let written = fnv1a64(
                    &serde_json::to_vec(&(inventory_print, &placement.spec, &status.decisions, generation))
                        .expect("inputs serialize"),
                );
                seen.insert(name.clone(), written);
            }
            report.decided.push((name, summary));
        }
        self.decided_inputs = seen;
        Ok(report)
    }
}

/// Equal but for the times that every write would move.
fn same_status(a: &crate::api::WorkloadPlacementStatus, b: &crate::api::WorkloadPlacementStatus) -> bool {
    let strip = |s: &crate::api::WorkloadPlacementStatus| {
        let mut s = s.clone();
        s.last_decision_time = None;
        for c in &mut s.conditions {
            c.last_transition_time = None;
        }
        s
    };
    strip(a) == strip(b)
}

fn invalid_status(
    previous: &crate::api::WorkloadPlacementStatus,
    generation: Option<i64>,
    now: &str,
    problem: &str,
) -> crate::api::WorkloadPlacementStatus {
    let mut status = previous.clone();
    status.observed_generation = generation;
    crate::api::set_condition(
        &mut status.conditions,
        Condition {
            type_: "Scheduled".into(),
            status: ConditionStatus::False,
            reason: Some("InvalidPolicy".into()),
            message: Some(problem.to_string()),
            last_transition_time: Some(now.to_string()),
            observed_generation: generation,
        },
    );
    status
}
