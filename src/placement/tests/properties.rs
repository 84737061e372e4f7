//! Property tests over random inventories, policies and workloads: required constraints are
//! never violated, Divided shares sum exactly, cluster order does not matter, the explain path
//! agrees with the fast path, and adding or removing one cluster moves the fewest workloads.

use std::collections::BTreeSet;

use proptest::prelude::*;
use proptest::strategy::Strategy as Gen;

use super::*;
use crate::placement::Strategy;

fn arb_cluster() -> impl Gen<Value = ClusterInfo> {
    let label = |key: &'static str, values: &'static [&'static str]| {
        proptest::option::of(proptest::sample::select(values))
            .prop_map(move |v| v.map(|v| (key.to_owned(), v.to_owned())))
    };
    let taint = proptest::sample::select(vec![
        Taint { key: "dedicated".into(), value: "gpu".into(), effect: TaintEffect::NoSchedule },
        Taint { key: "spot".into(), value: String::new(), effect: TaintEffect::PreferNoSchedule },
        Taint { key: "maintenance".into(), value: String::new(), effect: TaintEffect::NoExecute },
    ]);
    let capacity = proptest::option::of((0u64..8, 0u64..8, 0u64..8, 0u64..8, 0u64..30, 0u64..30)).prop_map(|c| {
        c.map(|(cpu, used_cpu, mem, used_mem, pods, used_pods)| ClusterCapacity {
            allocatable: ResourceAmounts { cpu_millis: cpu * 1000, memory_bytes: mem << 30, pods },
            allocated: ResourceAmounts {
                cpu_millis: used_cpu * 500,
                memory_bytes: used_mem << 29,
                pods: used_pods / 2,
            },
        })
    });
    (
        (label("region", &["eu", "us", "ap"]), label("env", &["prod", "dev"]), label("legacy", &["yes"])),
        proptest::sample::select(vec!["", "eu-west", "eu-central", "us-east"]),
        proptest::option::of(any::<bool>()),
        prop_oneof![6 => Just(ClusterHealth::Ready), 1 => Just(ClusterHealth::NotReady), 1 => Just(ClusterHealth::Unknown)],
        proptest::bool::weighted(0.1),
        proptest::collection::vec(taint, 0..2),
        capacity,
    )
        .prop_map(|((region, env, legacy), location, gpu, health, unschedulable, taints, capacity)| ClusterInfo {
            labels: [region, env, legacy].into_iter().flatten().collect(),
            location: location.to_owned(),
            capabilities: gpu.map(|g| ("gpu".to_owned(), g)).into_iter().collect(),
            health,
            unschedulable,
            taints,
            capacity,
            ..cluster("unnamed")
        })
}

/// Clusters named `c000`, `c001`, … so names are unique and static weights can refer to them.
fn arb_clusters(max: usize) -> impl Gen<Value = Vec<ClusterInfo>> {
    proptest::collection::vec(arb_cluster(), 0..max).prop_map(|clusters| {
        clusters.into_iter().enumerate().map(|(i, c)| ClusterInfo { name: format!("c{i:03}"), ..c }).collect()
    })
}

fn arb_policy() -> impl Gen<Value = PlacementPolicy> {
    let strategy = proptest::sample::select(Strategy::ALL.to_vec());
    let location = proptest::sample::select(vec![
        "",
        "region",
        "region in (eu,us)",
        "env!=dev",
        "location in (eu-west,us-east)",
        "!legacy",
    ]);
    let capabilities = proptest::option::of(any::<bool>()).prop_map(|c| {
        c.map(|required| CapabilityRequirement { capability: "gpu".into(), required }).into_iter().collect()
    });
    let division =
        prop_oneof![
            Just(ReplicaDivision::Duplicated),
            Just(ReplicaDivision::Divided(DivisionWeights::Equal)),
            Just(ReplicaDivision::Divided(DivisionWeights::ByAvailableCapacity)),
            proptest::collection::btree_map((0u32..12).prop_map(|i| format!("c{i:03}")), 0u32..5, 1..6)
                .prop_filter_map("a positive weight", |mut w| {
                    w.insert("c000".into(), 1);
                    Some(ReplicaDivision::Divided(DivisionWeights::Static(w)))
                }),
        ];
    let tolerations = proptest::sample::select(vec![
        vec![],
        vec![Toleration { key: "dedicated".into(), value: "gpu".into(), ..Toleration::default() }],
        vec![Toleration { operator: TolerationOperator::Exists, ..Toleration::default() }],
    ]);
    let required = proptest::sample::select(vec![vec![], vec!["env=prod", "region=eu"]]);
    let preferred = proptest::sample::select(vec![vec![], vec![(50, "region=us"), (30, "location=eu-west")]]);
    let spread = (any::<bool>(), proptest::option::of(1u32..3))
        .prop_map(|(by_location, max_skew)| SpreadConstraint { by_location, max_skew });
    (
        strategy,
        location,
        capabilities,
        proptest::option::of(1u32..5),
        division,
        tolerations,
        required,
        preferred,
        spread,
    )
        .prop_map(
            |(
                strategy,
                location,
                capability_requirements,
                number_of_clusters,
                replica_division,
                tolerations,
                required,
                preferred,
                spread,
            )| {
                PlacementPolicy {
                    strategy,
                    location_selector: selector(location),
                    capability_requirements,
                    number_of_clusters,
                    replica_division,
                    tolerations,
                    affinity: AffinityTerms {
                        required: required.into_iter().map(selector).collect(),
                        preferred: preferred
                            .into_iter()
                            .map(|(weight, s)| WeightedAffinityTerm { weight, selector: selector(s) })
                            .collect(),
                    },
                    spread,
                }
            },
        )
}

fn arb_demand() -> impl Gen<Value = WorkloadDemand> {
    (0u32..1000, 0u32..20, 0u64..3000, 0u64..3, proptest::collection::vec(0u32..12, 0..3)).prop_map(
        |(w, replicas, cpu, mem, previous)| WorkloadDemand {
            key: format!("ns/w{w}"),
            replicas,
            cpu_millis_per_replica: cpu,
            memory_bytes_per_replica: mem << 28,
            previous_clusters: previous.into_iter().map(|i| format!("c{i:03}")).collect(),
        },
    )
}

/// Checks one chosen cluster against every hard constraint, straight from the raw data.
fn violates_required(c: &ClusterInfo, policy: &PlacementPolicy, demand: &WorkloadDemand) -> Option<&'static str> {
    let labels = ClusterLabels(c);
    let needed = match policy.replica_division {
        ReplicaDivision::Duplicated => u64::from(demand.replicas),
        ReplicaDivision::Divided(_) => u64::from(demand.replicas.min(1)),
    };
    let fits = c.capacity.is_none_or(|cap| {
        let free = cap.free();
        free.cpu_millis >= demand.cpu_millis_per_replica * needed
            && free.memory_bytes >= demand.memory_bytes_per_replica * needed
            && free.pods >= needed
    });
    let checks = [
        (c.health == ClusterHealth::Ready, "not ready"),
        (!c.unschedulable, "cordoned"),
        (policy.location_selector.matches(&labels), "location selector"),
        (
            policy.affinity.required.is_empty() || policy.affinity.required.iter().any(|t| t.matches(&labels)),
            "required affinity",
        ),
        (
            policy
                .capability_requirements
                .iter()
                .filter(|r| r.required)
                .all(|r| c.capabilities.get(&r.capability) == Some(&true)),
            "capability",
        ),
        (
            c.taints.iter().all(|t| {
                t.effect == TaintEffect::PreferNoSchedule || policy.tolerations.iter().any(|tol| tol.tolerates(t))
            }),
            "taint",
        ),
        (fits, "capacity"),
    ];
    checks.into_iter().find(|(ok, _)| !ok).map(|(_, what)| what)
}

fn decide_in(clusters: &[ClusterInfo], policy: &PlacementPolicy, demand: &WorkloadDemand) -> Option<PlacementDecision> {
    let inventory = Inventory::new(clusters.to_vec()).unwrap();
    let compiled = inventory.compile(policy).ok()?;
    Some(compiled.decide(demand))
}

fn set(decision: &PlacementDecision) -> BTreeSet<String> {
    decision.cluster_names().map(str::to_owned).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn decisions_respect_constraints_sum_and_agree_with_explain(
        clusters in arb_clusters(24), policy in arb_policy(), demand in arb_demand(),
    ) {
        let inventory = Inventory::new(clusters.clone()).unwrap();
        let Ok(compiled) = inventory.compile(&policy) else { return Ok(()) };
        let decision = compiled.decide(&demand);
        let explanation = compiled.explain(&demand);
        prop_assert_eq!(&explanation.decision, &decision);
        for assignment in &decision.assignments {
            let c = inventory.clusters().iter().find(|c| c.name == assignment.cluster.as_str()).unwrap();
            prop_assert_eq!(violates_required(c, &policy, &demand), None, "{} chosen", c.name);
        }
        prop_assert_eq!(decision.assignments.is_empty(), decision.eligible_clusters == 0);
        prop_assert_eq!(decision.no_candidates.is_some(), decision.eligible_clusters == 0);
        let expected_clusters = decision.wanted_clusters.min(decision.eligible_clusters);
        match policy.replica_division {
            ReplicaDivision::Duplicated => {
                prop_assert_eq!(decision.assignments.len(), expected_clusters);
                prop_assert!(decision.assignments.iter().all(|a| a.replicas == demand.replicas));
            }
            ReplicaDivision::Divided(_) if !decision.assignments.is_empty() => {
                prop_assert_eq!(decision.total_replicas(), u64::from(demand.replicas));
                prop_assert!(decision.assignments.len() <= expected_clusters);
            }
            ReplicaDivision::Divided(_) => {}
        }
        // Every cluster gets a verdict; eligible ones have a score, rejected ones a reason.
        prop_assert_eq!(explanation.clusters.len(), clusters.len());
        for verdict in &explanation.clusters {
            prop_assert_eq!(verdict.score.is_some(), verdict.rejections.is_empty());
        }
    }

    #[test]
    fn cluster_order_does_not_matter(clusters in arb_clusters(24), policy in arb_policy(), demand in arb_demand(), seed in any::<u64>()) {
        let mut shuffled = clusters.clone();
        // A deterministic shuffle driven by the seed (Fisher–Yates with a hash stream).
        for i in (1..shuffled.len()).rev() {
            let j = (pair_hash(seed, i as u64) % (i as u64 + 1)) as usize;
            shuffled.swap(i, j);
        }
        prop_assert_eq!(decide_in(&clusters, &policy, &demand), decide_in(&shuffled, &policy, &demand));
    }

    /// Ranking strategies with a fixed number of clusters rank each cluster by a key of its own,
    /// so one more cluster can displace at most one chosen cluster, and only by being chosen
    /// itself; one cluster fewer moves only workloads that were on it, to one replacement.
    #[test]
    fn one_cluster_more_or_less_moves_the_minimum(
        clusters in arb_clusters(24), extra in arb_cluster(), policy in arb_policy(), demand in arb_demand(), removed in any::<prop::sample::Index>(),
    ) {
        let policy = PlacementPolicy {
            strategy: if policy.strategy == Strategy::Spread { Strategy::RoundRobin } else { policy.strategy },
            number_of_clusters: Some(policy.number_of_clusters.unwrap_or(2)),
            replica_division: ReplicaDivision::Duplicated,
            ..policy
        };
        let demand = WorkloadDemand { previous_clusters: Vec::new(), ..demand };
        let Some(before) = decide_in(&clusters, &policy, &demand) else { return Ok(()) };
        let before = set(&before);

        let mut grown = clusters.clone();
        grown.push(ClusterInfo { name: "new".into(), ..extra });
        let after = set(&decide_in(&grown, &policy, &demand).unwrap());
        let lost: Vec<_> = before.difference(&after).collect();
        let gained: Vec<_> = after.difference(&before).collect();
        prop_assert!(gained.is_empty() || gained == ["new"], "gained {gained:?}");
        prop_assert!(lost.len() <= gained.len(), "lost {lost:?}, gained {gained:?}");

        if clusters.is_empty() { return Ok(()) }
        let gone = clusters[removed.index(clusters.len())].name.clone();
        let shrunk: Vec<ClusterInfo> = clusters.iter().filter(|c| c.name != gone).cloned().collect();
        let after = set(&decide_in(&shrunk, &policy, &demand).unwrap());
        if before.contains(&gone) {
            prop_assert!(before.iter().filter(|n| **n != gone).all(|n| after.contains(n)));
            prop_assert!(after.difference(&before).count() <= 1);
        } else {
            prop_assert_eq!(after, before);
        }
    }

    /// With the previous decision fed back, Affinity and Spread keep every still-eligible
    /// cluster, whatever cluster is added.
    #[test]
    fn sticky_strategies_keep_previous_clusters(
        clusters in arb_clusters(24), extra in arb_cluster(), policy in arb_policy(), demand in arb_demand(),
    ) {
        let policy = PlacementPolicy {
            strategy: if policy.strategy == Strategy::RoundRobin { Strategy::Affinity } else { policy.strategy },
            number_of_clusters: Some(policy.number_of_clusters.unwrap_or(1)),
            replica_division: ReplicaDivision::Duplicated,
            ..policy
        };
        let Some(first) = decide_in(&clusters, &policy, &WorkloadDemand { previous_clusters: Vec::new(), ..demand.clone() }) else { return Ok(()) };
        let demand = WorkloadDemand { previous_clusters: chosen(&first), ..demand };
        let mut grown = clusters.clone();
        grown.push(ClusterInfo { name: "new".into(), ..extra });
        let again = set(&decide_in(&grown, &policy, &demand).unwrap());
        let first = set(&first);
        prop_assert!(first.is_subset(&again), "{first:?} not kept in {again:?}");
        if first.len() == policy.number_of_clusters.unwrap() as usize {
            prop_assert_eq!(again, first);
        }
    }
}
