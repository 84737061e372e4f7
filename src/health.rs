//! The health model of a registered cluster: from one probe's outcome (or failure) and the
//! previous status, the next status: conditions, heartbeat, capacity, health score. Pure; the
//! controller's health loop does the probing and writing.
//!
//! Health score (0–100): 0 when the cluster is not Ready; otherwise
//! `100 × readyNodes/nodes × (1 − maxUtilisation/2)`, where `maxUtilisation` is the largest of
//! the CPU, memory and pod fractions allocated of allocatable. An empty, fully ready cluster
//! scores 100; a full one 50; one with half its nodes ready at most 50.

use std::time::Duration;

use jiff::Timestamp;

use serde_json::Value;

use crate::api::quantity::{format_bytes, format_cpu, parse_milli, parse_units, QuantityError};
use crate::api::{set_condition, ClusterRegistrationStatus, Condition, ConditionStatus, ResourceAmounts};

/// Amounts of the three schedulable resources, as integers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Resources {
    /// CPU in millicores.
    pub cpu_milli: u128,
    /// Memory in bytes.
    pub memory_bytes: u128,
    /// Pod slots (capacity) or pods (allocated).
    pub pods: u128,
}

impl std::ops::Add for Resources {
    type Output = Resources;

    fn add(self, other: Resources) -> Resources {
        Resources {
            cpu_milli: self.cpu_milli + other.cpu_milli,
            memory_bytes: self.memory_bytes + other.memory_bytes,
            pods: self.pods + other.pods,
        }
    }
}

impl Resources {
    fn amounts(self) -> ResourceAmounts {
        ResourceAmounts {
            cpu: Some(format_cpu(self.cpu_milli)),
            memory: Some(format_bytes(self.memory_bytes)),
            pods: Some(self.pods.to_string()),
        }
    }
}

/// What a successful probe of a cluster saw.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProbeReport {
    /// `/version`'s gitVersion.
    pub kubernetes_version: String,
    /// Number of nodes.
    pub nodes: u32,
    /// Number of nodes whose Ready condition is True.
    pub ready_nodes: u32,
    /// Sum of node capacity.
    pub capacity: Resources,
    /// Sum of node allocatable.
    pub allocatable: Resources,
    /// Sum of the requests of pods that are not finished, and their count.
    pub allocated: Resources,
}

impl ProbeReport {
    /// Summarises a cluster's nodes and pods (as listed from its API) into a report.
    /// Quantities that cannot be parsed count as zero rather than failing the probe.
    pub fn from_objects(kubernetes_version: String, nodes: &[Value], pods: &[Value]) -> ProbeReport {
        let mut report = ProbeReport { kubernetes_version, ..ProbeReport::default() };
        for node in nodes {
            report.nodes += 1;
            let ready = node["status"]["conditions"]
                .as_array()
                .is_some_and(|cs| cs.iter().any(|c| c["type"] == "Ready" && c["status"] == "True"));
            report.ready_nodes += u32::from(ready);
            report.capacity = report.capacity + resources_of(&node["status"]["capacity"]);
            report.allocatable = report.allocatable + resources_of(&node["status"]["allocatable"]);
        }
        for pod in pods {
            let phase = pod["status"]["phase"].as_str().unwrap_or_default();
            if phase == "Succeeded" || phase == "Failed" || pod["spec"]["nodeName"].as_str().is_none() {
                continue;
            }
            let mut requests = pod_requests(&pod["spec"]);
            requests.pods = 1;
            report.allocated = report.allocated + requests;
        }
        report
    }
}

/// A pod's effective requests, as the scheduler counts them: the larger of the sum over its
/// containers and the largest init container, plus the pod overhead.
fn pod_requests(spec: &Value) -> Resources {
    let requests = |c: &Value| resources_of(&c["resources"]["requests"]);
    let containers =
        spec["containers"].as_array().into_iter().flatten().map(requests).fold(Resources::default(), |a, b| a + b);
    let init =
        spec["initContainers"].as_array().into_iter().flatten().map(requests).fold(Resources::default(), |a, b| {
            Resources {
                cpu_milli: a.cpu_milli.max(b.cpu_milli),
                memory_bytes: a.memory_bytes.max(b.memory_bytes),
                pods: 0,
            }
        });
    let overhead = resources_of(&spec["overhead"]);
    Resources {
        cpu_milli: containers.cpu_milli.max(init.cpu_milli) + overhead.cpu_milli,
        memory_bytes: containers.memory_bytes.max(init.memory_bytes) + overhead.memory_bytes,
        pods: 0,
    }
}

fn resources_of(list: &Value) -> Resources {
    let quantity = |key: &str, parse: fn(&str) -> Result<u128, QuantityError>| {
        list[key].as_str().and_then(|q| parse(q).ok()).unwrap_or(0)
    };
    Resources {
        cpu_milli: quantity("cpu", parse_milli),
        memory_bytes: quantity("memory", parse_units),
        pods: quantity("pods", parse_units),
    }
}

/// Why a probe failed, by what the operator has to do about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProbeFailure {
    /// The stored credentials are missing, unreadable or not allowed (an exec plugin).
    Credentials(String),
    /// Nothing answered, or not in time.
    Unreachable(String),
    /// The cluster refused the credentials.
    Unauthorized(String),
    /// The cluster's certificate was not trusted.
    Tls(String),
    /// Anything else the cluster answered with.
    Other(String),
}

impl ProbeFailure {
    fn reason(&self) -> &'static str {
        match self {
            ProbeFailure::Credentials(_) => "CredentialsInvalid",
            ProbeFailure::Unreachable(_) => "Unreachable",
            ProbeFailure::Unauthorized(_) => "Unauthorized",
            ProbeFailure::Tls(_) => "TLSError",
            ProbeFailure::Other(_) => "ProbeFailed",
        }
    }

    /// What went wrong, in words.
    pub fn message(&self) -> &str {
        match self {
            ProbeFailure::Credentials(m)
            | ProbeFailure::Unreachable(m)
            | ProbeFailure::Unauthorized(m)
            | ProbeFailure::Tls(m)
            | ProbeFailure::Other(m) => m,
        }
    }
}

/// The health score of a cluster that answered (see the module docs for the formula).
pub fn health_score(report: &ProbeReport) -> u8 {
    if report.nodes == 0 || report.ready_nodes == 0 {
        return 0;
    }
    let ready = f64::from(report.ready_nodes) / f64::from(report.nodes);
    let busiest = utilisation(report).into_iter().map(|(_, p)| p / 100.0).fold(0.0, f64::max).min(1.0);
    (100.0 * ready * (1.0 - busiest / 2.0)).round() as u8
}

/// Allocated as a percentage of allocatable, per resource (`cpu`, `memory`, `pods`).
pub fn utilisation(report: &ProbeReport) -> [(&'static str, f64); 3] {
    let percent = |used: u128, total: u128| if total == 0 { 0.0 } else { 100.0 * used as f64 / total as f64 };
    let (a, t) = (report.allocated, report.allocatable);
    [
        ("cpu", percent(a.cpu_milli, t.cpu_milli)),
        ("memory", percent(a.memory_bytes, t.memory_bytes)),
        ("pods", percent(a.pods, t.pods)),
    ]
}

/// The next status of a cluster after one probe.
///
/// A failed probe never makes a cluster look healthier: within `grace` of the last heartbeat
/// the Ready condition is kept (a blip is not an outage); after it, Ready becomes Unknown and
/// says when the cluster was last heard from. Broken credentials make Ready False at once,
/// since waiting will not mend them.
pub fn next_status(
    previous: Option<&ClusterRegistrationStatus>,
    outcome: &Result<ProbeReport, ProbeFailure>,
    now: Timestamp,
    grace: Duration,
    generation: Option<i64>,
) -> ClusterRegistrationStatus {
    let mut status = previous.cloned().unwrap_or_default();
    status.observed_generation = generation;
    let stamp = now.to_string();
    match outcome {
        Ok(report) => {
            status.last_heartbeat = Some(stamp.clone());
            status.kubernetes_version = Some(report.kubernetes_version.clone());
            status.node_count = Some(report.nodes);
            status.capacity = Some(report.capacity.amounts());
            status.allocatable = Some(report.allocatable.amounts());
            status.allocated = Some(report.allocated.amounts());
            status.health_score = Some(health_score(report));
            set_condition(
                &mut status.conditions,
                condition("Reachable", ConditionStatus::True, "ProbeSucceeded", "", &stamp),
            );
            let ready = if report.ready_nodes > 0 {
                let message = format!("{} of {} nodes ready", report.ready_nodes, report.nodes);
                condition("Ready", ConditionStatus::True, "ClusterReady", &message, &stamp)
            } else {
                let message = format!("none of {} nodes is ready", report.nodes);
                condition("Ready", ConditionStatus::False, "NoReadyNodes", &message, &stamp)
            };
            set_condition(&mut status.conditions, ready);
        }
        Err(failure) => {
            let reachable = condition("Reachable", ConditionStatus::False, failure.reason(), failure.message(), &stamp);
            set_condition(&mut status.conditions, reachable);
            let last = status.last_heartbeat.as_deref().and_then(|t| t.parse::<Timestamp>().ok());
            let silent_for =
                last.map(|t| Duration::from_secs(now.as_second().saturating_sub(t.as_second()).max(0) as u64));
            let ready = match (failure, silent_for) {
                (ProbeFailure::Credentials(message), _) => {
                    Some(condition("Ready", ConditionStatus::False, "CredentialsInvalid", message, &stamp))
                }
                (_, Some(silence)) if silence < grace => None,
                (_, Some(_)) => {
                    let message = format!(
                        "not heard from since {}: {}",
                        last.expect("silence implies a heartbeat"),
                        failure.message()
                    );
                    Some(condition("Ready", ConditionStatus::Unknown, "NotHeardFrom", &message, &stamp))
                }
                (_, None) => {
                    let message = format!("never heard from: {}", failure.message());
                    Some(condition("Ready", ConditionStatus::Unknown, "NotHeardFrom", &message, &stamp))
                }
            };
            if let Some(ready) = ready {
                status.health_score = Some(0);
                set_condition(&mut status.conditions, ready);
            }
        }
    }
    status
}

fn condition(type_: &str, status: ConditionStatus, reason: &str, message: &str, now: &str) -> Condition {
    Condition {
        type_: type_.to_string(),
        status,
        reason: Some(reason.to_string()),
        message: (!message.is_empty()).then(|| message.to_string()),
        last_transition_time: Some(now.to_string()),
        observed_generation: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(ready: u32, nodes: u32, cpu_used: u128) -> ProbeReport {
        let node = Resources { cpu_milli: 4000, memory_bytes: 16 << 30, pods: 110 };
        let total = Resources {
            cpu_milli: node.cpu_milli * u128::from(nodes),
            memory_bytes: node.memory_bytes * u128::from(nodes),
            pods: 110 * u128::from(nodes),
        };
        ProbeReport {
            kubernetes_version: "v1.36.1".into(),
            nodes,
            ready_nodes: ready,
            capacity: total,
            allocatable: total,
            allocated: Resources { cpu_milli: cpu_used, memory_bytes: 0, pods: 1 },
        }
    }

    fn at(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    fn ready_of(status: &ClusterRegistrationStatus) -> (ConditionStatus, String) {
        let c = status.conditions.iter().find(|c| c.type_ == "Ready").unwrap();
        (c.status, c.reason.clone().unwrap())
    }

    #[test]
    fn score_follows_the_documented_formula() {
        assert_eq!(health_score(&report(3, 3, 0)), 100);
        assert_eq!(health_score(&report(3, 3, 12_000)), 50, "a full cluster scores half");
        assert_eq!(health_score(&report(1, 2, 0)), 50);
        assert_eq!(health_score(&report(0, 3, 0)), 0);
        assert_eq!(health_score(&report(0, 0, 0)), 0);
    }

    #[test]
    fn a_good_probe_makes_the_cluster_ready_with_capacity() {
        let status =
            next_status(None, &Ok(report(3, 3, 6000)), at("2026-01-01T00:00:00Z"), Duration::from_secs(40), Some(2));
        assert_eq!(ready_of(&status), (ConditionStatus::True, "ClusterReady".into()));
        assert_eq!(status.node_count, Some(3));
        assert_eq!(status.allocatable.as_ref().unwrap().cpu.as_deref(), Some("12"));
        assert_eq!(status.allocated.as_ref().unwrap().cpu.as_deref(), Some("6"));
        assert_eq!(status.health_score, Some(75));
        assert_eq!(status.observed_generation, Some(2));
        assert_eq!(status.last_heartbeat.as_deref(), Some("2026-01-01T00:00:00Z"));
    }

    #[test]
    fn silence_within_grace_keeps_ready_then_turns_unknown() {
        let grace = Duration::from_secs(40);
        let healthy = next_status(None, &Ok(report(3, 3, 0)), at("2026-01-01T00:00:00Z"), grace, None);
        let down = Err(ProbeFailure::Unreachable("connection refused".into()));
        let blip = next_status(Some(&healthy), &down, at("2026-01-01T00:00:30Z"), grace, None);
        assert_eq!(ready_of(&blip).0, ConditionStatus::True);
        assert_eq!(blip.last_heartbeat, healthy.last_heartbeat, "a failed probe is not a heartbeat");
        let reachable = blip.conditions.iter().find(|c| c.type_ == "Reachable").unwrap();
        assert_eq!(reachable.status, ConditionStatus::False);

        let gone = next_status(Some(&blip), &down, at("2026-01-01T00:00:41Z"), grace, None);
        let (status, reason) = ready_of(&gone);
        assert_eq!((status, reason.as_str()), (ConditionStatus::Unknown, "NotHeardFrom"));
        let message = gone.conditions.iter().find(|c| c.type_ == "Ready").unwrap().message.clone().unwrap();
        assert!(message.contains("2026-01-01T00:00:00Z"), "{message}");
        assert_eq!(gone.health_score, Some(0));
        assert_eq!(gone.capacity, healthy.capacity, "last known capacity is kept");
    }

    #[test]
    fn broken_credentials_are_a_condition_at_once() {
        let healthy =
            next_status(None, &Ok(report(3, 3, 0)), at("2026-01-01T00:00:00Z"), Duration::from_secs(40), None);
        let broken = Err(ProbeFailure::Credentials("secret tmc-system/x not found".into()));
        let status = next_status(Some(&healthy), &broken, at("2026-01-01T00:00:05Z"), Duration::from_secs(40), None);
        assert_eq!(ready_of(&status), (ConditionStatus::False, "CredentialsInvalid".into()));
    }

    #[test]
    fn summarises_nodes_and_running_pods() {
        let node = |ready: &str| {
            serde_json::json!({"status": {
            "conditions": [{"type": "Ready", "status": ready}],
            "capacity": {"cpu": "4", "memory": "16Gi", "pods": "110"},
            "allocatable": {"cpu": "3900m", "memory": "15Gi", "pods": "110"}}})
        };
        let pod = |phase: &str, node: Option<&str>| {
            serde_json::json!({
            "spec": {"nodeName": node, "containers": [{"resources": {"requests": {"cpu": "250m", "memory": "64Mi"}}}, {}],
                     "initContainers": [{"resources": {"requests": {"cpu": "1", "memory": "1Mi"}}}]},
            "status": {"phase": phase}})
        };
        let nodes = [node("True"), node("False")];
        let pods = [pod("Running", Some("n1")), pod("Succeeded", Some("n1")), pod("Pending", None)];
        let report = ProbeReport::from_objects("v1.36.1".into(), &nodes, &pods);
        assert_eq!((report.nodes, report.ready_nodes), (2, 1));
        assert_eq!(report.allocatable.cpu_milli, 7800);
        assert_eq!(report.capacity.memory_bytes, 32 << 30);
        assert_eq!(report.allocated, Resources { cpu_milli: 1000, memory_bytes: 64 << 20, pods: 1 });
    }

    #[test]
    fn transition_time_moves_only_when_status_changes() {
        let grace = Duration::from_secs(40);
        let first = next_status(None, &Ok(report(3, 3, 0)), at("2026-01-01T00:00:00Z"), grace, None);
        let second = next_status(Some(&first), &Ok(report(3, 3, 0)), at("2026-01-01T00:00:10Z"), grace, None);
        let ready = second.conditions.iter().find(|c| c.type_ == "Ready").unwrap();
        assert_eq!(ready.last_transition_time.as_deref(), Some("2026-01-01T00:00:00Z"));
        assert_eq!(second.last_heartbeat.as_deref(), Some("2026-01-01T00:00:10Z"));
    }
}
