//! One test per filter and validation rule, on small hand-built inventories.

use super::*;

#[test]
fn health_and_cordon_filters() {
    let clusters = vec![
        ClusterInfo { health: ClusterHealth::NotReady, ..cluster("a") },
        ClusterInfo { health: ClusterHealth::Unknown, ..cluster("b") },
        ClusterInfo { unschedulable: true, ..cluster("c") },
        cluster("d"),
    ];
    let policy = PlacementPolicy::new(Strategy::Spread);
    let e = explain(clusters.clone(), &policy, &demand("ns/w", 1));
    assert_eq!(rejections_of(&e, "a"), ["not ready (health NotReady)"]);
    assert_eq!(rejections_of(&e, "b"), ["not ready (health Unknown)"]);
    assert_eq!(rejections_of(&e, "c"), ["cordoned"]);
    assert_eq!(chosen(&decide(clusters, &policy, &demand("ns/w", 1))), ["d"]);
}

#[test]
fn only_health_keeps_a_cluster_through_the_eviction_grace() {
    let policy = PlacementPolicy { location_selector: selector("env=prod"), ..PlacementPolicy::new(Strategy::Spread) };
    let prod = |name: &str| ClusterInfo { labels: labels(&[("env", "prod")]), ..cluster(name) };
    let not_ready = ClusterInfo { health: ClusterHealth::NotReady, ..prod("a") };
    let unknown = ClusterInfo { health: ClusterHealth::Unknown, ..prod("b") };
    assert!(rejected_only_for_health(&not_ready, &policy));
    assert!(rejected_only_for_health(&unknown, &policy));
    // Healthy: not rejected at all, so nothing to keep.
    assert!(!rejected_only_for_health(&prod("c"), &policy));
    // An operator's action or a policy change as well as the outage: it moves at once.
    let drained = ClusterInfo { unschedulable: true, ..not_ready.clone() };
    let tainted = ClusterInfo {
        taints: vec![Taint { key: "maintenance".into(), value: String::new(), effect: TaintEffect::NoExecute }],
        ..unknown.clone()
    };
    let relabelled = ClusterInfo { labels: labels(&[("env", "dev")]), ..not_ready.clone() };
    for cluster in [drained, tainted, relabelled] {
        assert!(!rejected_only_for_health(&cluster, &policy), "{}", cluster.name);
    }
}

#[test]
fn label_and_location_filters() {
    let clusters = vec![
        ClusterInfo { labels: labels(&[("env", "dev")]), location: "eu-west".into(), ..cluster("a") },
        ClusterInfo {
            labels: labels(&[("env", "prod"), ("legacy", "yes")]),
            location: "us-east".into(),
            ..cluster("b")
        },
        ClusterInfo { labels: labels(&[("env", "prod"), ("location", "us-east")]), ..cluster("c") },
        ClusterInfo {
            labels: labels(&[("env", "prod"), ("location", "eu-west")]),
            location: "us-east".into(),
            ..cluster("d")
        },
    ];
    let policy = PlacementPolicy {
        location_selector: selector("env=prod,location in (us-east),!legacy,region"),
        ..PlacementPolicy::new(Strategy::Spread)
    };
    let e = explain(clusters.clone(), &policy, &demand("ns/w", 1));
    assert_eq!(
        rejections_of(&e, "a"),
        [
            "label env=dev does not match env=prod",
            "location eu-west does not match location in (us-east)",
            "label region missing",
        ]
    );
    assert_eq!(
        rejections_of(&e, "b"),
        ["label legacy=yes present, selector requires it absent", "label region missing"]
    );
    // A metadata label stands in for an unset spec.location; spec.location wins when set.
    assert_eq!(rejections_of(&e, "c"), ["label region missing"]);
    assert_eq!(rejections_of(&e, "d"), ["label region missing"]);
    let policy = PlacementPolicy { location_selector: selector("location=us-east"), ..policy };
    assert_eq!(chosen(&decide(clusters, &policy, &demand("ns/w", 1))), ["b", "c", "d"]);
}

#[test]
fn capability_filters_and_preferences() {
    let gpu = |available| [("gpu".to_owned(), available)].into_iter().collect();
    let clusters = vec![
        cluster("a"),
        ClusterInfo { capabilities: gpu(false), ..cluster("b") },
        ClusterInfo { capabilities: gpu(true), ..cluster("c") },
    ];
    let required = PlacementPolicy {
        capability_requirements: vec![CapabilityRequirement { capability: "gpu".into(), required: true }],
        ..PlacementPolicy::new(Strategy::Spread)
    };
    let e = explain(clusters.clone(), &required, &demand("ns/w", 1));
    assert_eq!(rejections_of(&e, "a"), ["capability gpu missing"]);
    assert_eq!(rejections_of(&e, "b"), ["capability gpu unavailable"]);
    assert_eq!(chosen(&e.decision), ["c"]);
    let preferred = PlacementPolicy {
        capability_requirements: vec![CapabilityRequirement { capability: "gpu".into(), required: false }],
        ..PlacementPolicy::new(Strategy::Affinity)
    };
    for w in 0..20 {
        assert_eq!(chosen(&decide(clusters.clone(), &preferred, &demand(&format!("ns/w{w}"), 1))), ["c"]);
    }
}

#[test]
fn taints_and_tolerations() {
    let taint = |key: &str, value: &str, effect| Taint { key: key.into(), value: value.into(), effect };
    let clusters = vec![
        ClusterInfo { taints: vec![taint("dedicated", "gpu", TaintEffect::NoSchedule)], ..cluster("a") },
        ClusterInfo { taints: vec![taint("maintenance", "", TaintEffect::NoExecute)], ..cluster("b") },
        ClusterInfo { taints: vec![taint("spot", "true", TaintEffect::PreferNoSchedule)], ..cluster("c") },
    ];
    let policy = PlacementPolicy::new(Strategy::Spread);
    let e = explain(clusters.clone(), &policy, &demand("ns/w", 1));
    assert_eq!(rejections_of(&e, "a"), ["taint dedicated=gpu:NoSchedule not tolerated"]);
    assert_eq!(rejections_of(&e, "b"), ["taint maintenance:NoExecute not tolerated"]);
    assert_eq!(e.clusters[2].score.map(|s| s.taints), Some(-PREFER_NO_SCHEDULE_PENALTY));

    let tolerate = |t: Toleration| PlacementPolicy { tolerations: vec![t], ..policy.clone() };
    let equal = Toleration { key: "dedicated".into(), value: "gpu".into(), ..Toleration::default() };
    assert_eq!(chosen(&decide(clusters.clone(), &tolerate(equal), &demand("ns/w", 1))), ["a", "c"]);
    let wrong_effect = Toleration {
        key: "dedicated".into(),
        value: "gpu".into(),
        effect: Some(TaintEffect::NoExecute),
        ..Toleration::default()
    };
    assert_eq!(chosen(&decide(clusters.clone(), &tolerate(wrong_effect), &demand("ns/w", 1))), ["c"]);
    let exists =
        Toleration { key: "maintenance".into(), operator: TolerationOperator::Exists, ..Toleration::default() };
    assert_eq!(chosen(&decide(clusters.clone(), &tolerate(exists), &demand("ns/w", 1))), ["b", "c"]);
    let everything = Toleration { operator: TolerationOperator::Exists, ..Toleration::default() };
    assert_eq!(chosen(&decide(clusters, &tolerate(everything), &demand("ns/w", 1))), ["a", "b", "c"]);
}

#[test]
fn capacity_filter() {
    let small = |cpu, mem, pods, used_cpu| ClusterCapacity {
        allocatable: ResourceAmounts { cpu_millis: cpu, memory_bytes: mem, pods },
        allocated: ResourceAmounts { cpu_millis: used_cpu, ..ResourceAmounts::default() },
    };
    let clusters = vec![
        ClusterInfo { capacity: Some(small(1000, 1 << 30, 10, 800)), ..cluster("a") },
        ClusterInfo { capacity: Some(small(4000, 256 << 20, 1, 0)), ..cluster("b") },
        ClusterInfo { capacity: None, ..cluster("c") },
    ];
    let policy = PlacementPolicy::new(Strategy::Spread);
    let workload =
        WorkloadDemand { cpu_millis_per_replica: 250, memory_bytes_per_replica: 256 << 20, ..demand("ns/w", 2) };
    let e = explain(clusters.clone(), &policy, &workload);
    assert_eq!(rejections_of(&e, "a"), ["insufficient cpu: needs 500m, 200m free"]);
    assert_eq!(
        rejections_of(&e, "b"),
        ["insufficient memory: needs 512Mi, 256Mi free", "insufficient pods: needs 2, 1 free"]
    );
    assert_eq!(chosen(&e.decision), ["c"], "unreported capacity is not a rejection");
    // Divided needs room for one replica per cluster.
    let divided = PlacementPolicy { replica_division: ReplicaDivision::Divided(DivisionWeights::Equal), ..policy };
    assert_eq!(replicas(&decide(clusters, &divided, &workload)), [("b".into(), 1), ("c".into(), 1)]);
}

#[test]
fn no_candidates_summary_is_aggregated() {
    let mut clusters: Vec<ClusterInfo> = (0..40)
        .map(|i| ClusterInfo { capabilities: [("gpu".to_owned(), true)].into(), ..cluster(&format!("a{i:02}")) })
        .collect();
    clusters
        .extend((0..12).map(|i| ClusterInfo { labels: labels(&[("region", "eu")]), ..cluster(&format!("b{i:02}")) }));
    let policy = PlacementPolicy {
        location_selector: selector("region"),
        capability_requirements: vec![CapabilityRequirement { capability: "gpu".into(), required: true }],
        ..PlacementPolicy::new(Strategy::Affinity)
    };
    let decision = decide(clusters, &policy, &demand("ns/w", 1));
    assert!(decision.assignments.is_empty());
    let summary = decision.no_candidates.expect("NoCandidates summary");
    assert_eq!(summary.to_string(), "label region missing on 40, capability gpu missing on 12");
    assert_eq!((summary.clusters, summary.rejected), (52, 52));
    let empty = decide(Vec::new(), &policy, &demand("ns/w", 1));
    assert_eq!(empty.no_candidates.map(|s| s.to_string()).as_deref(), Some("no clusters are registered"));
}
