use proptest::prelude::*;
use serde_json::{json, Value};

use super::*;
use crate::api::ownership::UPSTREAM_GENERATION_ANNOTATION;
use crate::sync::replicas::{split, Share};

const NOW: &str = "2025-06-01T12:00:00Z";

/// What `kubectl rollout status deployment/x` concludes from one read of the object.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Rollout {
    Done,
    Waiting(String),
    /// kubectl exits with an error (progress deadline exceeded).
    Failed,
}

/// kubectl's DeploymentStatusViewer rule, in its order: the spec must be observed; a
/// ProgressDeadlineExceeded Progressing condition is an error; then updated >= spec.replicas,
/// no replicas beyond the updated ones, and every updated replica available.
fn kubectl_rollout(deployment: &Value) -> Rollout {
    let n = |v: &Value| v.as_i64().unwrap_or(0);
    let status = &deployment["status"];
    if n(&deployment["metadata"]["generation"]) > n(&status["observedGeneration"]) {
        return Rollout::Waiting("spec update to be observed".into());
    }
    let timed_out = status["conditions"]
        .as_array()
        .into_iter()
        .flatten()
        .any(|c| c["type"] == "Progressing" && c["reason"] == "ProgressDeadlineExceeded");
    if timed_out {
        return Rollout::Failed;
    }
    let (replicas, updated, available) =
        (n(&status["replicas"]), n(&status["updatedReplicas"]), n(&status["availableReplicas"]));
    if let Some(spec) = deployment["spec"]["replicas"].as_i64() {
        if updated < spec {
            return Rollout::Waiting(format!("{updated} out of {spec} new replicas have been updated"));
        }
    }
    if replicas > updated {
        return Rollout::Waiting(format!("{} old replicas are pending termination", replicas - updated));
    }
    if available < updated {
        return Rollout::Waiting(format!("{available} of {updated} updated replicas are available"));
    }
    Rollout::Done
}

/// A downstream Deployment copy written from upstream generation `upstream_gen`.
#[allow(clippy::too_many_arguments)]
fn deployment_copy(
    upstream_gen: i64,
    observed: bool,
    spec: i64,
    replicas: i64,
    updated: i64,
    available: i64,
    timed_out: bool,
) -> Value {
    let reason = if timed_out { "ProgressDeadlineExceeded" } else { "NewReplicaSetAvailable" };
    json!({
        "metadata": {"generation": 3, "annotations": {UPSTREAM_GENERATION_ANNOTATION: upstream_gen.to_string()}},
        "spec": {"replicas": spec},
        "status": {
            "observedGeneration": if observed { 3 } else { 2 },
            "replicas": replicas, "updatedReplicas": updated,
            "readyReplicas": available, "availableReplicas": available,
            "conditions": [{"type": "Progressing", "status": if timed_out { "False" } else { "True" }, "reason": reason}],
        },
    })
}

fn rolled_out(upstream_gen: i64, n: i64) -> Value {
    deployment_copy(upstream_gen, true, n, n, n, n, false)
}

fn entry(cluster: &str, kind: WorkloadKind, copy: &Value) -> ClusterEntry {
    let status = copy_status(kind, copy);
    ClusterEntry {
        cluster: cluster.into(),
        namespace: "abcd1234-ns".into(),
        phase: Phase::of_copy(&status),
        status,
        drift: Vec::new(),
        last_seen: None,
        message: None,
    }
}

fn upstream(generation: i64, replicas: i64, observed: Option<i64>) -> Value {
    let mut up = json!({"metadata": {"generation": generation}, "spec": {"replicas": replicas}, "status": {}});
    if let Some(o) = observed {
        up["status"]["observedGeneration"] = o.into();
    }
    up
}

/// The upstream object as kubectl would read it after tmcctl wrote the aggregate.
fn with_aggregate(kind: WorkloadKind, mut up: Value, chosen: &[&str], entries: Vec<ClusterEntry>) -> Value {
    let chosen: Vec<String> = chosen.iter().map(|c| c.to_string()).collect();
    let tmc = TmcStatus { placement: Some("p".into()), clusters: entries, ..TmcStatus::default() };
    up["status"] = aggregate(kind, &up, &chosen, tmc, NOW);
    up
}

fn deployment(up: Value, chosen: &[&str], copies: &[(&str, Value)]) -> Value {
    let entries = copies.iter().map(|(c, v)| entry(c, WorkloadKind::Deployment, v)).collect();
    with_aggregate(WorkloadKind::Deployment, up, chosen, entries)
}

fn condition<'v>(object: &'v Value, type_: &str) -> &'v Value {
    object["status"]["conditions"]
        .as_array()
        .and_then(|cs| cs.iter().find(|c| c["type"] == type_))
        .unwrap_or(&Value::Null)
}

#[test]
fn kinds_are_recognised_by_group_and_kind() {
    assert_eq!(WorkloadKind::of("apps", "Deployment"), WorkloadKind::Deployment);
    assert_eq!(WorkloadKind::of("batch", "Job"), WorkloadKind::Job);
    assert_eq!(WorkloadKind::of("", "Service"), WorkloadKind::Service);
    assert_eq!(WorkloadKind::of("example.com", "Deployment"), WorkloadKind::Other);
}

#[test]
fn a_rolled_out_copy_is_available_and_reports_its_upstream_generation() {
    let s = copy_status(WorkloadKind::Deployment, &rolled_out(7, 2));
    assert!(s.available && !s.failed);
    assert_eq!(s.observed_upstream_generation, Some(7));
    assert_eq!((s.replicas, s.desired_replicas, s.message), (Some(2), Some(2), None));
}

#[test]
fn a_copy_whose_spec_is_not_observed_has_no_upstream_generation() {
    let s = copy_status(WorkloadKind::Deployment, &deployment_copy(7, false, 2, 2, 2, 2, false));
    assert_eq!(s.observed_upstream_generation, None);
    assert!(!s.available);
    assert_eq!(s.message.as_deref(), Some("spec update not observed yet"));
}

#[test]
fn a_copy_past_its_progress_deadline_failed() {
    let s = copy_status(WorkloadKind::Deployment, &deployment_copy(7, true, 2, 2, 1, 1, true));
    assert!(s.failed && !s.available);
    assert_eq!(Phase::of_copy(&s), Phase::Failed);
}

#[test]
fn duplicated_copies_sum_beyond_spec_and_roll_out_together() {
    let up = deployment(upstream(4, 2, Some(3)), &["a", "b"], &[("a", rolled_out(4, 2)), ("b", rolled_out(4, 2))]);
    assert_eq!(up["status"]["replicas"], 4);
    assert_eq!(up["status"]["availableReplicas"], 4);
    assert_eq!(up["status"]["observedGeneration"], 4);
    assert_eq!(condition(&up, "Available")["reason"], "AllClustersAvailable");
    assert_eq!(condition(&up, "Progressing")["reason"], "NewReplicaSetAvailable");
    assert_eq!(kubectl_rollout(&up), Rollout::Done);
}

#[test]
fn a_move_keeps_readiness_and_is_not_done_until_the_new_copy_is_available() {
    let old = rolled_out(4, 3);
    let new = deployment_copy(4, true, 3, 3, 3, 0, false);
    let up = deployment(upstream(4, 3, Some(4)), &["new"], &[("new", new), ("old", old.clone())]);
    assert_eq!(up["status"]["readyReplicas"], 3, "the retiring copy's pods still count");
    assert!(matches!(kubectl_rollout(&up), Rollout::Waiting(_)));
    assert_eq!(condition(&up, "Available")["status"], "False");

    // New copy available, old one not yet removed: still pending, as an old ReplicaSet is.
    let up = deployment(upstream(4, 3, Some(4)), &["new"], &[("new", rolled_out(4, 3)), ("old", old)]);
    assert_eq!(kubectl_rollout(&up), Rollout::Waiting("3 old replicas are pending termination".into()));
    assert_eq!(condition(&up, "Available")["status"], "True");

    let up = deployment(upstream(4, 3, Some(4)), &["new"], &[("new", rolled_out(4, 3))]);
    assert_eq!(kubectl_rollout(&up), Rollout::Done);
}

#[test]
fn a_new_cluster_without_pods_is_not_hidden_by_a_duplicated_one() {
    let empty = deployment_copy(4, true, 3, 0, 0, 0, false);
    let up = deployment(upstream(4, 3, Some(4)), &["a", "b"], &[("a", rolled_out(4, 3)), ("b", empty)]);
    assert!(matches!(kubectl_rollout(&up), Rollout::Waiting(_)));
    assert_eq!(up["status"]["unavailableReplicas"], 3);
}

#[test]
fn observed_generation_waits_for_every_chosen_cluster_even_when_unchanged() {
    // Generation 4 was observed everywhere before; cluster b was just chosen and has no copy.
    let up = deployment(upstream(4, 3, Some(4)), &["a", "b"], &[("a", rolled_out(4, 3))]);
    assert_eq!(up["status"]["observedGeneration"], 3);
    assert_eq!(kubectl_rollout(&up), Rollout::Waiting("spec update to be observed".into()));
    // Nothing written before: nothing claimed.
    let up = deployment(upstream(4, 3, None), &["a", "b"], &[("a", rolled_out(4, 3))]);
    assert!(up["status"].get("observedGeneration").is_none());
    // An older previous value is kept, not raised.
    let up = deployment(upstream(4, 3, Some(2)), &["a"], &[("a", rolled_out(3, 3))]);
    assert_eq!(up["status"]["observedGeneration"], 2);
}

#[test]
fn a_failed_copy_fails_the_rollout() {
    let failed = deployment_copy(4, true, 2, 2, 1, 1, true);
    let up = deployment(upstream(4, 2, Some(4)), &["a", "b"], &[("a", rolled_out(4, 2)), ("b", failed)]);
    assert_eq!(kubectl_rollout(&up), Rollout::Failed);
    assert_eq!(condition(&up, "Progressing")["message"], "progress deadline exceeded on b");
}

#[test]
fn conditions_keep_their_transition_time_while_unchanged() {
    let mut up = upstream(4, 2, Some(4));
    up["status"]["conditions"] = json!([
        {"type": "Available", "status": "True", "lastTransitionTime": "2025-01-01T00:00:00Z"},
        {"type": "Progressing", "status": "False", "lastTransitionTime": "2025-01-01T00:00:00Z"},
    ]);
    let up = deployment(up, &["a"], &[("a", rolled_out(4, 2))]);
    assert_eq!(condition(&up, "Available")["lastTransitionTime"], "2025-01-01T00:00:00Z");
    assert_eq!(condition(&up, "Available")["lastUpdateTime"], NOW);
    assert_eq!(condition(&up, "Progressing")["lastTransitionTime"], NOW);
}

#[test]
fn no_chosen_cluster_is_not_available() {
    let up = deployment(upstream(4, 2, Some(4)), &[], &[]);
    assert_eq!(condition(&up, "Available")["reason"], "NoClusters");
    assert!(matches!(kubectl_rollout(&up), Rollout::Waiting(_)));
}

#[test]
fn daemon_sets_cap_each_cluster_at_its_desired_count() {
    let ds = |desired: i64, available: i64| {
        json!({"metadata": {"generation": 1, "annotations": {UPSTREAM_GENERATION_ANNOTATION: "2"}},
               "status": {"observedGeneration": 1, "desiredNumberScheduled": desired, "currentNumberScheduled": available,
                          "numberReady": available, "numberAvailable": available, "updatedNumberScheduled": available}})
    };
    let entries = vec![entry("a", WorkloadKind::DaemonSet, &ds(2, 4)), entry("b", WorkloadKind::DaemonSet, &ds(2, 0))];
    let up = with_aggregate(WorkloadKind::DaemonSet, upstream(2, 0, Some(2)), &["a", "b"], entries);
    assert_eq!(up["status"]["desiredNumberScheduled"], 4);
    assert_eq!(up["status"]["numberAvailable"], 2, "a's surplus does not cover b");
    assert_eq!(up["status"]["updatedNumberScheduled"], 2);
}

#[test]
fn jobs_complete_when_every_copy_completes() {
    let job = |complete: bool, start: &str, end: &str| {
        let cond = if complete { json!([{"type": "Complete", "status": "True"}]) } else { json!([]) };
        json!({"status": {"active": i64::from(!complete), "succeeded": i64::from(complete), "startTime": start,
                          "completionTime": end, "conditions": cond}})
    };
    let a = entry("a", WorkloadKind::Job, &job(true, "2025-01-01T00:00:05Z", "2025-01-01T00:01:00Z"));
    let b = entry("b", WorkloadKind::Job, &job(true, "2025-01-01T00:00:01Z", "2025-01-01T00:02:00Z"));
    let up = with_aggregate(WorkloadKind::Job, upstream(1, 1, None), &["a", "b"], vec![a.clone(), b]);
    assert_eq!(up["status"]["succeeded"], 2);
    assert_eq!(up["status"]["startTime"], "2025-01-01T00:00:01Z");
    assert_eq!(up["status"]["completionTime"], "2025-01-01T00:02:00Z");
    assert_eq!(condition(&up, "Complete")["status"], "True");

    let running = entry("b", WorkloadKind::Job, &job(false, "2025-01-01T00:00:01Z", ""));
    let up = with_aggregate(WorkloadKind::Job, upstream(1, 1, None), &["a", "b"], vec![a, running]);
    assert!(up["status"].get("completionTime").is_none());
    assert!(condition(&up, "Complete").is_null());
    assert_eq!(up["status"]["active"], 1);
}

#[test]
fn failed_jobs_say_where() {
    let failed = json!({"status": {"failed": 3, "conditions": [{"type": "Failed", "status": "True"}]}});
    let up =
        with_aggregate(WorkloadKind::Job, upstream(1, 1, None), &["a"], vec![entry("a", WorkloadKind::Job, &failed)]);
    assert_eq!(condition(&up, "Failed")["message"], "failed on a");
    assert_eq!(up["status"]["failed"], 3);
}

#[test]
fn services_union_their_load_balancer_ingress() {
    let svc =
        |ingress: Value| json!({"spec": {"clusterIP": "10.0.0.1"}, "status": {"loadBalancer": {"ingress": ingress}}});
    let a = entry("a", WorkloadKind::Service, &svc(json!([{"ip": "1.2.3.4"}])));
    let b = entry("b", WorkloadKind::Service, &svc(json!([{"hostname": "lb.example"}, {"ip": "1.2.3.4"}])));
    let c = entry("c", WorkloadKind::Service, &svc(json!([])));
    assert_eq!(a.status.endpoints, ["1.2.3.4"]);
    assert_eq!(c.status.endpoints, ["10.0.0.1"]);
    assert!(c.status.available);
    let up = with_aggregate(WorkloadKind::Service, json!({}), &["a", "b", "c"], vec![a, b, c]);
    assert_eq!(up["status"]["loadBalancer"]["ingress"], json!([{"ip": "1.2.3.4"}, {"hostname": "lb.example"}]));
    assert!(up["status"].get("conditions").is_none());
}

#[test]
fn other_kinds_get_only_the_tmc_status() {
    let up = with_aggregate(WorkloadKind::Other, json!({}), &["a"], vec![entry("a", WorkloadKind::Other, &json!({}))]);
    assert_eq!(up["status"].as_object().map(|o| o.len()), Some(1));
    assert_eq!(up["status"]["tmc"]["clusters"][0]["phase"], "Available");
}

#[test]
fn cluster_entries_round_trip_without_colliding_messages() {
    let mut e = entry("a", WorkloadKind::Deployment, &deployment_copy(1, true, 2, 2, 2, 1, false));
    e.message = Some("watch restarted".into());
    let text = serde_json::to_string(&e).unwrap_or_default();
    assert_eq!(text.matches("\"message\"").count(), 1);
    assert!(text.contains("\"statusMessage\":\"1/2 available\""));
    let back: ClusterEntry = serde_json::from_str(&text).expect("round trip");
    assert_eq!(back, e);
}

/// One generated chosen copy; weighted so that fully rolled-out clusters are common.
#[derive(Debug, Clone)]
struct GenCopy {
    present: bool,
    current_annotation: bool,
    observed: bool,
    settled: bool,
    pods: (i64, i64, i64),
    timed_out: bool,
}

fn gen_copy() -> impl Strategy<Value = GenCopy> {
    (
        prop::bool::weighted(0.9),
        prop::bool::weighted(0.85),
        prop::bool::weighted(0.85),
        prop::bool::weighted(0.6),
        (0i64..6, 0i64..6, 0i64..6),
        prop::bool::weighted(0.05),
    )
        .prop_map(|(present, current_annotation, observed, settled, pods, timed_out)| GenCopy {
            present,
            current_annotation,
            observed,
            settled,
            pods,
            timed_out,
        })
}

impl GenCopy {
    /// A realistic copy: updated and available pods are subsets of its pods.
    fn object(&self, generation: i64, spec: i64) -> Value {
        let (replicas, updated, available) = if self.settled {
            (spec, spec, spec)
        } else {
            let replicas = self.pods.0;
            (replicas, self.pods.1.min(replicas), self.pods.2.min(replicas))
        };
        let gen = if self.current_annotation { generation } else { generation - 1 };
        deployment_copy(gen, self.observed, spec, replicas, updated, available, self.timed_out)
    }
}

proptest! {
    #[test]
    fn copy_availability_is_kubectls_verdict_on_the_cluster(copy in gen_copy(), spec in 0i64..5) {
        let object = copy.object(3, spec);
        let status = copy_status(WorkloadKind::Deployment, &object);
        prop_assert_eq!(status.available, kubectl_rollout(&object) == Rollout::Done);
        prop_assert_eq!(status.failed, kubectl_rollout(&object) == Rollout::Failed);
    }

    /// `kubectl rollout status` on the aggregated upstream Deployment is done exactly when every
    /// chosen cluster's copy has observed the current generation and rolled out there, and no
    /// retiring copy still runs pods; it fails exactly when all have observed it and one failed.
    #[test]
    fn kubectl_rollout_status_is_done_exactly_when_every_chosen_cluster_is(
        generation in 2i64..6,
        total in 0u32..5,
        divided in any::<bool>(),
        previous in prop::option::of(0i64..2),
        copies in proptest::collection::vec(gen_copy(), 0..4),
        retiring in proptest::collection::vec((0i64..3, 0i64..3), 0..3),
    ) {
        let names = ["a", "b", "c", "d"];
        let chosen = &names[..copies.len()];
        let shares: Vec<Share> = chosen.iter().map(|&cluster| Share { cluster, weight: 1 }).collect();
        let specs = split(total, &shares, divided);
        let mut objects = Vec::new();
        for ((copy, &spec), &name) in copies.iter().zip(&specs).zip(chosen) {
            if copy.present {
                objects.push((name, copy.object(generation, i64::from(spec))));
            }
        }
        for (i, &(pods, available)) in retiring.iter().enumerate() {
            let name = ["x", "y", "z"][i];
            objects.push((name, deployment_copy(generation - 1, true, pods, pods, pods, available.min(pods), false)));
        }
        let previous = previous.map(|back| generation - back);
        let up = deployment(upstream(generation, i64::from(total), previous), chosen, &objects);

        let copy_done = |c: &GenCopy, spec: u32| {
            c.present && c.current_annotation && kubectl_rollout(&c.object(generation, i64::from(spec))) == Rollout::Done
        };
        let every_chosen_done = copies.iter().zip(&specs).all(|(c, &s)| copy_done(c, s));
        let retiring_pods: i64 = retiring.iter().map(|r| r.0).sum();
        let expect_done = every_chosen_done && retiring_pods == 0 && (!chosen.is_empty() || total == 0);
        let all_observed = copies.iter().all(|c| c.present && c.current_annotation && c.observed);
        let expect_failed = all_observed && copies.iter().any(|c| c.timed_out);

        let verdict = kubectl_rollout(&up);
        prop_assert_eq!(verdict == Rollout::Done, expect_done, "{:?} for {}", verdict, up["status"]);
        prop_assert_eq!(verdict == Rollout::Failed, expect_failed, "{:?} for {}", verdict, up["status"]);
        let observed = up["status"]["observedGeneration"].as_i64();
        prop_assert!(observed.is_none_or(|o| o <= generation));
        prop_assert!(observed >= previous.map(|p| p.min(generation - 1)));
    }
}
