//! B1: placement engine throughput. Decisions/s for 10, 100, 1k and 10k clusters per strategy
//! (selectors + capability requirements), the compile cost, the explain path, re-placing 10k
//! workloads over 1k clusters, and p50/p99 latency of single decisions at 100 and 1k clusters.
//! Kept short (small samples, ~2 s per case): the machine is shared.

// A benchmark's job is to print its figures.
#![allow(clippy::print_stdout)]

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion, Throughput};
use tmcctl::placement::{
    AffinityTerms, CapabilityRequirement, ClusterCapacity, ClusterHealth, ClusterInfo, DivisionWeights, Inventory,
    PlacementPolicy, ReplicaDivision, ResourceAmounts, SpreadConstraint, Strategy, Taint, TaintEffect,
    WeightedAffinityTerm, WorkloadDemand,
};
use tmcctl::selector::LabelSelector;

/// A deterministic stream (splitmix64), so every run benchmarks the same inventory.
struct Stream(u64);

impl Stream {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        (z ^ (z >> 31)) % below
    }
}

fn inventory(n: usize) -> Inventory {
    let mut s = Stream(n as u64);
    let regions = ["eu", "us", "ap", "sa", "af"];
    let clusters = (0..n)
        .map(|i| {
            let region = regions[s.next(5) as usize];
            ClusterInfo {
                name: format!("cluster-{i:05}"),
                labels: [
                    ("region".to_owned(), region.to_owned()),
                    ("env".to_owned(), if s.next(4) == 0 { "dev" } else { "prod" }.to_owned()),
                    ("tier".to_owned(), ["gold", "silver", "bronze"][s.next(3) as usize].to_owned()),
                    ("team".to_owned(), format!("team-{}", s.next(20))),
                ]
                .into(),
                location: format!("{region}-{}", s.next(2)),
                capabilities: [("gpu".to_owned(), s.next(10) < 3), ("ssd".to_owned(), s.next(2) == 0)].into(),
                health: if s.next(20) == 0 { ClusterHealth::NotReady } else { ClusterHealth::Ready },
                unschedulable: s.next(20) == 0,
                taints: if s.next(10) == 0 {
                    vec![Taint { key: "dedicated".into(), value: "batch".into(), effect: TaintEffect::NoSchedule }]
                } else {
                    Vec::new()
                },
                capacity: Some(ClusterCapacity {
                    allocatable: ResourceAmounts { cpu_millis: 64_000, memory_bytes: 256 << 30, pods: 500 },
                    allocated: ResourceAmounts {
                        cpu_millis: s.next(60_000),
                        memory_bytes: s.next(200) << 30,
                        pods: s.next(400),
                    },
                }),
            }
        })
        .collect();
    Inventory::new(clusters).expect("benchmark inventory is valid")
}

fn selector(text: &str) -> LabelSelector {
    LabelSelector::parse(text).expect("benchmark selector parses")
}

fn policy(strategy: Strategy) -> PlacementPolicy {
    let base = PlacementPolicy {
        location_selector: selector("env=prod,region in (eu,us,ap)"),
        capability_requirements: vec![
            CapabilityRequirement { capability: "gpu".into(), required: true },
            CapabilityRequirement { capability: "ssd".into(), required: false },
        ],
        ..PlacementPolicy::new(strategy)
    };
    match strategy {
        Strategy::RoundRobin => PlacementPolicy { number_of_clusters: Some(2), ..base },
        Strategy::Spread => PlacementPolicy {
            number_of_clusters: Some(3),
            replica_division: ReplicaDivision::Divided(DivisionWeights::ByAvailableCapacity),
            spread: SpreadConstraint { by_location: true, max_skew: Some(2) },
            ..base
        },
        Strategy::Affinity => PlacementPolicy {
            affinity: AffinityTerms {
                required: vec![selector("tier in (gold,silver)")],
                preferred: vec![
                    WeightedAffinityTerm { weight: 80, selector: selector("tier=gold") },
                    WeightedAffinityTerm { weight: 20, selector: selector("location in (eu-0,us-1)") },
                ],
            },
            ..base
        },
    }
}

fn demand(i: usize) -> WorkloadDemand {
    WorkloadDemand {
        key: format!("root:org:ws/ns-{}/Deployment/app-{i}", i % 50),
        replicas: 6,
        cpu_millis_per_replica: 250,
        memory_bytes_per_replica: 256 << 20,
        previous_clusters: Vec::new(),
    }
}

fn decisions(c: &mut Criterion) {
    let workloads: Vec<WorkloadDemand> = (0..1024).map(demand).collect();
    for n in [10, 100, 1_000, 10_000] {
        let inventory = inventory(n);
        let mut group = c.benchmark_group(format!("decide/{n}_clusters"));
        group.throughput(Throughput::Elements(1));
        for strategy in Strategy::ALL {
            let policy = policy(strategy);
            let compiled = inventory.compile(&policy).expect("valid");
            let mut i = 0;
            group.bench_function(BenchmarkId::new("compiled", strategy), |b| {
                b.iter(|| {
                    i = (i + 1) % workloads.len();
                    black_box(compiled.decide(&workloads[i]))
                })
            });
            group.bench_function(BenchmarkId::new("compile+decide", strategy), |b| {
                b.iter(|| black_box(inventory.compile(&policy).expect("valid").decide(&workloads[7])))
            });
        }
        if n <= 1_000 {
            let policy = policy(Strategy::Affinity);
            let compiled = inventory.compile(&policy).expect("valid");
            group.bench_function("explain/Affinity", |b| b.iter(|| black_box(compiled.explain(&workloads[3]))));
        }
        group.finish();
    }
    let mut group = c.benchmark_group("inventory");
    for n in [1_000, 10_000] {
        let clusters: Vec<ClusterInfo> = inventory(n).clusters().to_vec();
        group.bench_function(BenchmarkId::new("build", n), |b| b.iter(|| black_box(Inventory::new(clusters.clone()))));
    }
    group.finish();
}

/// Re-placing 10k workloads (each with its previous decision) over 1k clusters, one policy per
/// strategy, compile included: the controller's full resync.
fn replace_all(c: &mut Criterion) {
    let inventory = inventory(1_000);
    let workloads: Vec<WorkloadDemand> = (0..10_000)
        .map(|i| WorkloadDemand { previous_clusters: vec![format!("cluster-{:05}", i % 1000)], ..demand(i) })
        .collect();
    let mut group = c.benchmark_group("replace_10k_workloads_1k_clusters");
    group.sample_size(10).measurement_time(Duration::from_secs(4));
    for strategy in Strategy::ALL {
        let policy = policy(strategy);
        group.bench_function(strategy.as_str(), |b| {
            b.iter(|| {
                let compiled = inventory.compile(&policy).expect("valid");
                workloads.iter().map(|w| compiled.decide(w).assignments.len()).sum::<usize>()
            })
        });
    }
    group.finish();
}

/// Single-decision latency percentiles, which Criterion's means do not show.
fn latency_percentiles() {
    let workloads: Vec<WorkloadDemand> = (0..20_000).map(demand).collect();
    for n in [100, 1_000] {
        let inventory = inventory(n);
        for strategy in Strategy::ALL {
            let policy = policy(strategy);
            let compiled = inventory.compile(&policy).expect("valid");
            let mut samples: Vec<Duration> = workloads
                .iter()
                .map(|w| {
                    let start = Instant::now();
                    black_box(compiled.decide(w));
                    start.elapsed()
                })
                .collect();
            samples.sort_unstable();
            let at = |q: f64| samples[((samples.len() as f64 - 1.0) * q) as usize];
            println!(
                "latency {n:>5} clusters {strategy:<10} p50 {:>8.2?} p99 {:>8.2?} max {:>8.2?}",
                at(0.50),
                at(0.99),
                at(1.0)
            );
        }
    }
}

fn main() {
    let mut criterion = Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(2))
        .configure_from_args();
    decisions(&mut criterion);
    replace_all(&mut criterion);
    criterion.final_summary();
    latency_percentiles();
}
