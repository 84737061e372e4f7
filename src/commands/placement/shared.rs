//! What the placement verbs share: the resource, reading the live cluster inventory, and
//! printing an engine explanation as a table.

use serde_json::Value;

use crate::api::{ClusterRegistration, WorkloadPlacement, WorkloadPlacementSpec};
use crate::client::{Connection, Resource};
use crate::error::{CliError, ExitKind};
use crate::output::{Describe, Table};
use crate::placement::from_api::{cluster_info, policy};
use crate::placement::{Inventory, PlacementExplanation, WorkloadDemand};

/// The WorkloadPlacement resource.
pub fn placements() -> Resource {
    Resource::of::<WorkloadPlacement>()
}

/// `workloadplacement.tmc.kcp.io`, the prefix of `-o name`.
pub fn kind_group() -> String {
    let r = placements();
    format!("{}.{}", r.kind.to_ascii_lowercase(), r.group)
}

use crate::commands::explain_tmc_error;

/// Reads a placement that must exist.
pub async fn require(connection: &Connection, name: &str) -> Result<Value, CliError> {
    match connection.get(&placements(), None, name).await {
        Ok(Some(found)) => Ok(found),
        Ok(None) => {
            let where_ = connection.workspace().map(|w| format!(" in workspace {w}")).unwrap_or_default();
            Err(CliError::new(ExitKind::NotFound, format!("placement \"{name}\" not found{where_}"))
                .with_hint("see `tmcctl placement list`"))
        }
        Err(e) => Err(explain_tmc_error(connection, e).await),
    }
}

/// The registered clusters of the workspace, as the engine's inventory.
pub async fn live_inventory(connection: &Connection) -> Result<Inventory, CliError> {
    let list = match connection.list(&Resource::of::<ClusterRegistration>(), None, None).await {
        Ok(list) => list,
        Err(e) => return Err(explain_tmc_error(connection, e).await),
    };
    inventory_from(&list.items)
}

/// An inventory from ClusterRegistration objects; objects that do not fit the schema are an
/// error naming them (silently dropping a cluster would change the decision).
pub fn inventory_from(objects: &[Value]) -> Result<Inventory, CliError> {
    let mut clusters = Vec::with_capacity(objects.len());
    for object in objects {
        let name = object["metadata"]["name"].as_str().unwrap_or("<unnamed>");
        let cluster: ClusterRegistration = serde_json::from_value(object.clone())
            .map_err(|e| CliError::usage(format!("cluster \"{name}\" is not a valid ClusterRegistration: {e}")))?;
        clusters.push(cluster);
    }
    inventory_of(&clusters)
}

/// The engine's inventory of typed registrations.
pub fn inventory_of(clusters: &[ClusterRegistration]) -> Result<Inventory, CliError> {
    Inventory::new(clusters.iter().map(cluster_info).collect())
        .map_err(|e| CliError::usage(format!("cluster inventory: {e}")))
}

/// Explains `spec` against `inventory` for a workload of `demand`.
pub fn explain_spec(
    inventory: &Inventory,
    spec: &WorkloadPlacementSpec,
    demand: &WorkloadDemand,
) -> Result<PlacementExplanation, CliError> {
    let policy = policy(spec).map_err(|e| CliError::usage(format!("placement policy: {e}")))?;
    let compiled = inventory.compile(&policy).map_err(|e| CliError::usage(format!("placement policy: {e}")))?;
    Ok(compiled.explain(demand))
}

/// The per-cluster verdict table: chosen or rejected, replicas, score and reasons.
pub fn verdict_table(explanation: &PlacementExplanation) -> Table {
    let with_replicas = explanation.decision.total_replicas() > 0;
    let mut table = Table::new(["CLUSTER", "LOCATION", "RESULT", "REPLICAS", "SCORE", "WHY"]);
    for verdict in &explanation.clusters {
        let (result, why) = match (&verdict.selection, verdict.rejections.is_empty()) {
            (Some(reason), _) => ("chosen", reason.to_string()),
            (None, true) => ("eligible", "not needed (enough clusters chosen)".to_string()),
            (None, false) => {
                ("rejected", verdict.rejections.iter().map(|r| r.to_string()).collect::<Vec<_>>().join("; "))
            }
        };
        let score = verdict.score.map(|s| s.total.to_string()).unwrap_or_else(|| "-".into());
        // A placement-level decision has no replica count to divide.
        let replicas = verdict.replicas.filter(|_| with_replicas).map(|r| r.to_string()).unwrap_or_else(|| "-".into());
        table.push(vec![
            verdict.cluster.as_str().to_string(),
            verdict.location.clone(),
            result.into(),
            replicas,
            score,
            why,
        ]);
    }
    table
}

/// Lines saying how the explanation's decision differs from the clusters of the current decision.
pub fn decision_diff(current: &[String], explanation: &PlacementExplanation) -> Vec<String> {
    let new: Vec<&str> = explanation.decision.cluster_names().collect();
    let mut lines: Vec<String> =
        new.iter().filter(|c| !current.iter().any(|x| x == *c)).map(|c| format!("+ {c}")).collect();
    lines.extend(current.iter().filter(|c| !new.contains(&c.as_str())).map(|c| format!("- {c}")));
    lines
}

/// The clusters of a placement object's current decision.
pub fn current_clusters(object: &Value) -> Vec<String> {
    object["status"]["decisions"]
        .as_array()
        .map(|ds| ds.iter().filter_map(|d| d["cluster"].as_str().map(String::from)).collect())
        .unwrap_or_default()
}

/// The decision part of `describe`, `explain` and `simulate`: what the engine chose now, how
/// many clusters were eligible, why none were (if so), how that differs from `current`
/// (`versus` names where `current` came from), and every cluster's verdict.
pub fn decision_page(page: Describe, explanation: &PlacementExplanation, current: &[String], versus: &str) -> String {
    let chosen: Vec<String> = explanation
        .decision
        .assignments
        .iter()
        .map(|a| match explanation.decision.total_replicas() {
            0 => a.cluster.as_str().to_string(),
            _ => format!("{} ({} replicas)", a.cluster.as_str(), a.replicas),
        })
        .collect();
    let diff = decision_diff(current, explanation);
    let mut page =
        page.field("Decision", if chosen.is_empty() { "<none>".to_string() } else { chosen.join(", ") }).field(
            "Eligible",
            format!("{} of {} clusters", explanation.decision.eligible_clusters, explanation.clusters.len()),
        );
    if let Some(summary) = &explanation.decision.no_candidates {
        page = page.field("No candidates", summary.to_string());
    }
    page.field(versus, if diff.is_empty() { "no change".to_string() } else { diff.join(" ") })
        .table("Clusters", verdict_table(explanation))
        .render()
}
