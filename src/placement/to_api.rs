//! From an engine decision to a `WorkloadPlacement` status: the chosen clusters with their
//! reasons, and the `Scheduled` / `NoCandidates` conditions. Pure.

use crate::api::{set_condition, Condition, ConditionStatus, PlacementDecisionEntry, WorkloadPlacementStatus};

use super::PlacementDecision;

/// The status a placement gets for `decision`, keeping condition transition times from
/// `previous` when nothing changed.
pub fn placement_status(
    decision: &PlacementDecision,
    previous: Option<&WorkloadPlacementStatus>,
    generation: Option<i64>,
    now: &str,
) -> WorkloadPlacementStatus {
    let mut status = previous.cloned().unwrap_or_default();
    // A decision was made: whatever made the placement unreadable is fixed.
    status.conditions.retain(|c| c.type_ != "Invalid");
    let decisions = decision_entries(decision);
    let changed = status.decisions != decisions || status.last_decision_time.is_none();
    status.decisions = decisions;
    status.observed_generation = generation;
    if changed {
        status.last_decision_time = Some(now.to_string());
    }
    let condition = |type_: &str, state: ConditionStatus, reason: &str, message: String| Condition {
        type_: type_.to_string(),
        status: state,
        reason: Some(reason.to_string()),
        message: Some(message),
        last_transition_time: Some(now.to_string()),
        observed_generation: generation,
    };
    match &decision.no_candidates {
        Some(summary) => {
            let message = format!("no eligible cluster: {summary}");
            set_condition(
                &mut status.conditions,
                condition("Scheduled", ConditionStatus::False, "NoCandidates", message.clone()),
            );
            set_condition(
                &mut status.conditions,
                condition("NoCandidates", ConditionStatus::True, "NoCandidates", message),
            );
        }
        None => {
            let names: Vec<&str> = decision.cluster_names().collect();
            let message =
                format!("{} of {} eligible cluster(s): {}", names.len(), decision.eligible_clusters, names.join(", "));
            set_condition(&mut status.conditions, condition("Scheduled", ConditionStatus::True, "Scheduled", message));
            let message = format!("{} cluster(s) eligible", decision.eligible_clusters);
            set_condition(
                &mut status.conditions,
                condition("NoCandidates", ConditionStatus::False, "CandidatesFound", message),
            );
        }
    }
    status
}

/// The decision as status entries. Replicas are left out for placement-level decisions
/// (no workload, so no replica count to divide).
pub fn decision_entries(decision: &PlacementDecision) -> Vec<PlacementDecisionEntry> {
    let with_replicas = decision.total_replicas() > 0;
    decision
        .assignments
        .iter()
        .map(|a| PlacementDecisionEntry {
            cluster: a.cluster.as_str().to_string(),
            replicas: with_replicas.then_some(a.replicas),
            reason: Some(a.reason.to_string()),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::placement::{place, ClusterHealth, ClusterInfo, Inventory, PlacementPolicy, Strategy, WorkloadDemand};

    fn cluster(name: &str, ready: bool) -> ClusterInfo {
        ClusterInfo {
            name: name.into(),
            labels: Default::default(),
            location: "eu".into(),
            capabilities: Default::default(),
            health: if ready { ClusterHealth::Ready } else { ClusterHealth::NotReady },
            unschedulable: false,
            taints: vec![],
            capacity: None,
        }
    }

    #[test]
    fn scheduled_then_no_candidates_with_reasons() {
        let policy = PlacementPolicy::new(Strategy::Spread);
        let demand = WorkloadDemand { key: "ws/p".into(), ..Default::default() };
        let ready = Inventory::new(vec![cluster("a", true), cluster("b", true)]).unwrap();
        let decision = place(&ready, &policy, &demand).unwrap();
        let first = placement_status(&decision, None, Some(1), "2026-01-01T00:00:00Z");
        assert_eq!(first.decisions.iter().map(|d| d.cluster.as_str()).collect::<Vec<_>>(), ["a", "b"]);
        assert!(first.decisions.iter().all(|d| d.replicas.is_none()));
        let scheduled = first.conditions.iter().find(|c| c.type_ == "Scheduled").unwrap();
        assert_eq!(scheduled.status, ConditionStatus::True);

        let same = placement_status(&decision, Some(&first), Some(1), "2026-01-01T00:00:10Z");
        assert_eq!(
            same.last_decision_time.as_deref(),
            Some("2026-01-01T00:00:00Z"),
            "unchanged decision keeps its time"
        );

        let down = Inventory::new(vec![cluster("a", false), cluster("b", false)]).unwrap();
        let none =
            placement_status(&place(&down, &policy, &demand).unwrap(), Some(&same), Some(2), "2026-01-01T00:01:00Z");
        assert!(none.decisions.is_empty());
        let nc = none.conditions.iter().find(|c| c.type_ == "NoCandidates").unwrap();
        assert_eq!(nc.status, ConditionStatus::True);
        assert!(nc.message.as_deref().unwrap().contains("on 2"), "{:?}", nc.message);
        assert_eq!(none.last_decision_time.as_deref(), Some("2026-01-01T00:01:00Z"));
    }
}
