//! One test per strategy, division mode and stickiness rule.

use super::*;

#[test]
fn round_robin_balances_workloads_by_hash() {
    let clusters: Vec<ClusterInfo> = (0..10).map(|i| cluster(&format!("c{i}"))).collect();
    let inventory = Inventory::new(clusters).unwrap();
    let policy = PlacementPolicy::new(Strategy::RoundRobin);
    let compiled = inventory.compile(&policy).unwrap();
    let mut per_cluster: BTreeMap<String, u32> = BTreeMap::new();
    for w in 0..10_000 {
        let d = compiled.decide(&demand(&format!("ns/w{w}"), 3));
        assert_eq!(d.assignments.len(), 1);
        assert_eq!(d.assignments[0].reason, SelectionReason::HashRank { rank: 1 });
        *per_cluster.entry(d.assignments[0].cluster.to_string()).or_default() += 1;
    }
    assert!(per_cluster.values().all(|&n| (900..=1100).contains(&n)), "{per_cluster:?}");
}

#[test]
fn spread_divides_exactly_with_weights() {
    let clusters: Vec<ClusterInfo> = ["a", "b", "c"].into_iter().map(cluster).collect();
    let equal = PlacementPolicy {
        replica_division: ReplicaDivision::Divided(DivisionWeights::Equal),
        ..PlacementPolicy::new(Strategy::Spread)
    };
    let d = decide(clusters.clone(), &equal, &demand("ns/w", 10));
    assert_eq!(d.total_replicas(), 10);
    assert_eq!(d.assignments.iter().map(|a| a.replicas).max(), Some(4));
    let statics = PlacementPolicy {
        replica_division: ReplicaDivision::Divided(DivisionWeights::Static(
            [("a".to_owned(), 3), ("b".to_owned(), 1), ("zz".to_owned(), 9)].into(),
        )),
        ..equal.clone()
    };
    let e = explain(clusters.clone(), &statics, &demand("ns/w", 8));
    assert_eq!(replicas(&e.decision), [("a".into(), 6), ("b".into(), 2)]);
    assert_eq!(rejections_of(&e, "c"), ["no static weight (Divided weights give it none)"]);
    // Capacity weights: 1, 3 and 0 (unreported is rejected) replicas fit.
    let sized = |name, cpu| ClusterInfo {
        capacity: Some(ClusterCapacity {
            allocatable: ResourceAmounts { cpu_millis: cpu, memory_bytes: 1 << 30, pods: 100 },
            allocated: ResourceAmounts::default(),
        }),
        ..cluster(name)
    };
    let by_capacity = PlacementPolicy {
        replica_division: ReplicaDivision::Divided(DivisionWeights::ByAvailableCapacity),
        ..equal.clone()
    };
    let workload = WorkloadDemand { cpu_millis_per_replica: 1000, ..demand("ns/w", 8) };
    let clusters = vec![sized("a", 1000), sized("b", 3000), ClusterInfo { capacity: None, ..cluster("c") }];
    assert_eq!(replicas(&decide(clusters, &by_capacity, &workload)), [("a".into(), 2), ("b".into(), 6)]);
    // Fewer replicas than clusters: clusters with a zero share are left out; zero replicas keep all.
    let four: Vec<ClusterInfo> = ["a", "b", "c", "d"].into_iter().map(cluster).collect();
    assert_eq!(decide(four.clone(), &equal, &demand("ns/w", 2)).assignments.len(), 2);
    assert_eq!(decide(four, &equal, &demand("ns/w", 0)).assignments.len(), 4);
}

#[test]
fn spread_by_location_and_max_skew() {
    let at = |name: &str, location: &str| ClusterInfo { location: location.into(), ..cluster(name) };
    let clusters = vec![at("a1", "eu"), at("a2", "eu"), at("a3", "eu"), at("b1", "us"), at("c1", "ap")];
    let policy = PlacementPolicy {
        number_of_clusters: Some(3),
        spread: SpreadConstraint { by_location: true, max_skew: None },
        ..PlacementPolicy::new(Strategy::Spread)
    };
    for w in 0..20 {
        let d = decide(clusters.clone(), &policy, &demand(&format!("ns/w{w}"), 1));
        let locations: std::collections::BTreeSet<char> =
            d.cluster_names().map(|n| n.chars().next().unwrap()).collect();
        assert_eq!(locations.len(), 3, "one cluster per location first: {:?}", chosen(&d));
    }
    // Locations weigh by their clusters (3:1:1 of 10 → 6,2,2); max skew 1 evens them out.
    let divided = PlacementPolicy {
        number_of_clusters: None,
        replica_division: ReplicaDivision::Divided(DivisionWeights::Equal),
        spread: SpreadConstraint { by_location: true, max_skew: None },
        ..policy
    };
    let per_location = |d: &PlacementDecision| {
        let mut totals: BTreeMap<char, u32> = BTreeMap::new();
        d.assignments.iter().for_each(|a| *totals.entry(a.cluster.chars().next().unwrap()).or_default() += a.replicas);
        totals.into_values().collect::<Vec<_>>()
    };
    assert_eq!(per_location(&decide(clusters.clone(), &divided, &demand("ns/w", 10))), [6, 2, 2]);
    let skewed = PlacementPolicy { spread: SpreadConstraint { by_location: true, max_skew: Some(1) }, ..divided };
    let d = decide(clusters, &skewed, &demand("ns/w", 10));
    assert_eq!(per_location(&d), [4, 3, 3]);
    assert_eq!(d.total_replicas(), 10);
}

#[test]
fn affinity_prefers_and_sticks() {
    let clusters = vec![
        ClusterInfo { labels: labels(&[("tier", "gold")]), ..cluster("gold") },
        ClusterInfo { labels: labels(&[("tier", "silver")]), ..cluster("silver") },
        cluster("plain"),
    ];
    let policy = PlacementPolicy {
        affinity: AffinityTerms {
            required: vec![selector("tier")],
            preferred: vec![
                WeightedAffinityTerm { weight: 80, selector: selector("tier=gold") },
                WeightedAffinityTerm { weight: 20, selector: selector("tier in (gold,silver)") },
            ],
        },
        ..PlacementPolicy::new(Strategy::Affinity)
    };
    let e = explain(clusters.clone(), &policy, &demand("ns/w", 1));
    assert_eq!(chosen(&e.decision), ["gold"]);
    assert_eq!(e.decision.assignments[0].reason, SelectionReason::ScoreRank { rank: 1, score: 100 });
    assert_eq!(rejections_of(&e, "plain"), ["matches none of the 1 required affinity term(s)"]);
    let sticky = WorkloadDemand { previous_clusters: vec!["silver".into()], ..demand("ns/w", 1) };
    let d = decide(clusters.clone(), &policy, &sticky);
    assert_eq!(chosen(&d), ["silver"]);
    assert_eq!(d.assignments[0].reason, SelectionReason::KeptFromPreviousDecision);
    // A sticky cluster that becomes ineligible is left at once.
    let mut cordoned = clusters;
    cordoned[1].unschedulable = true;
    assert_eq!(chosen(&decide(cordoned, &policy, &sticky)), ["gold"]);
}

#[test]
fn number_of_clusters_is_capped_and_reported() {
    let clusters: Vec<ClusterInfo> = ["a", "b"].into_iter().map(cluster).collect();
    let policy = PlacementPolicy { number_of_clusters: Some(5), ..PlacementPolicy::new(Strategy::Affinity) };
    let d = decide(clusters, &policy, &demand("ns/w", 2));
    assert_eq!((d.assignments.len(), d.eligible_clusters, d.wanted_clusters), (2, 2, 5));
    assert!(d.assignments.iter().all(|a| a.replicas == 2), "Duplicated gives every cluster all replicas");
}

#[test]
fn spreading_by_location_never_displaces_sticky_clusters() {
    let at = |name: &str, location: &str| ClusterInfo { location: location.into(), ..cluster(name) };
    let clusters = vec![at("a1", "eu"), at("a2", "eu"), at("b1", "us")];
    let policy = PlacementPolicy {
        number_of_clusters: Some(2),
        spread: SpreadConstraint { by_location: true, max_skew: None },
        ..PlacementPolicy::new(Strategy::Spread)
    };
    let fresh = decide(clusters.clone(), &policy, &demand("ns/w", 1));
    assert_eq!(fresh.assignments.len(), 2);
    assert!(chosen(&fresh).contains(&"b1".to_owned()), "one per location first");
    let sticky = WorkloadDemand { previous_clusters: vec!["a1".into(), "a2".into()], ..demand("ns/w", 1) };
    let d = decide(clusters, &policy, &sticky);
    assert_eq!(chosen(&d), ["a1", "a2"]);
    assert!(d.assignments.iter().all(|a| a.reason == SelectionReason::KeptFromPreviousDecision));
}
