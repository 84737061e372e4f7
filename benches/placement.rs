//! B1: placement engine throughput. Decisions/s for 10, 100, 1k and 10k clusters per strategy
//! (selectors + capability requirements), the compile cost, the explain path, re-placing 10k
//! workloads over 1k clusters, and p50/p99 latency of single decisions at 100 and 1k clusters.
//! Each compiled `decide` at 100, 1k and 10k clusters runs next to B1's anchor, the naive loop in
//! [`naive_anchor`], on the same inventory, policies and workloads; the engine-vs-naive ratio per
//! size and strategy is printed at the end. A full `cargo bench --bench placement` writes every
//! figure to `bench/results/b1-placement.json` (see [`results`]).
//! Kept short (small samples, ~2 s per case): the machine is shared.

// A benchmark's job is to print its figures.
#![allow(clippy::print_stdout)]

use std::hint::black_box;
use std::time::{Duration, Instant, SystemTime};

use criterion::{BenchmarkId, Criterion, Throughput};
use tmcctl::placement::{
    AffinityTerms, CapabilityRequirement, ClusterCapacity, ClusterHealth, ClusterInfo, CompiledPolicy, DivisionWeights,
    Inventory, PlacementPolicy, ReplicaDivision, ResourceAmounts, SpreadConstraint, Strategy, Taint, TaintEffect,
    WeightedAffinityTerm, WorkloadDemand,
};
use tmcctl::selector::LabelSelector;

use results::{BySizeAndStrategy, InterleavedRatio, Latency, Layout, OwnTimings};

// A crate root resolves modules beside it, where cargo would take the file for a bench of its own.
#[path = "placement/results.rs"]
mod results;

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

/// The inventory sizes at which the engine is compared with [`naive_anchor`]. (At 10 clusters the
/// synthetic inventory may have no eligible cluster at all, so the anchor has nothing to show.)
const ANCHOR_SIZES: [usize; 3] = [100, 1_000, 10_000];

fn decisions(c: &mut Criterion) {
    let workloads: Vec<WorkloadDemand> = (0..1024).map(demand).collect();
    for n in SIZES {
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
            if ANCHOR_SIZES.contains(&n) {
                check_anchor(&compiled, &workloads);
                let mut i = 0;
                group.bench_function(BenchmarkId::new("naive_anchor", strategy), |b| {
                    b.iter(|| {
                        i = (i + 1) % workloads.len();
                        black_box(naive_anchor::decide(inventory.clusters(), &policy, &workloads[i]))
                    })
                });
            }
            group.bench_function(BenchmarkId::new("compile+decide", strategy), |b| {
                b.iter(|| black_box(inventory.compile(&policy).expect("valid").decide(&workloads[7])))
            });
        }
        if EXPLAIN_SIZES.contains(&n) {
            let policy = policy(Strategy::Affinity);
            let compiled = inventory.compile(&policy).expect("valid");
            group.bench_function("explain/Affinity", |b| b.iter(|| black_box(compiled.explain(&workloads[3]))));
        }
        group.finish();
    }
    let mut group = c.benchmark_group("inventory");
    for n in INVENTORY_SIZES {
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
fn latency_percentiles() -> BySizeAndStrategy<Latency> {
    let workloads: Vec<WorkloadDemand> = (0..20_000).map(demand).collect();
    let mut figures = BySizeAndStrategy::new();
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
                "latency {n:>5} clusters {:<10} p50 {:>8.2?} p99 {:>8.2?} max {:>8.2?}",
                strategy.as_str(),
                at(0.50),
                at(0.99),
                at(1.0)
            );
            let latency =
                Latency { p50_ns: at(0.50).as_nanos(), p99_ns: at(0.99).as_nanos(), max_ns: at(1.0).as_nanos() };
            figures.entry(n).or_default().insert(strategy.as_str(), latency);
        }
    }
    figures
}

/// Refuses to benchmark an anchor that decides nothing or filters differently from the engine:
/// it must choose at least one cluster, and find exactly as many eligible clusters as `decide`
/// (the two rank ties differently, so the chosen sets themselves may differ).
fn check_anchor(compiled: &CompiledPolicy<'_>, workloads: &[WorkloadDemand]) {
    let (inventory, policy) = (compiled.inventory(), compiled.policy());
    for workload in workloads.iter().step_by(97) {
        let naive = naive_anchor::decide(inventory.clusters(), policy, workload);
        let engine = compiled.decide(workload);
        assert!(
            !naive.chosen.is_empty(),
            "naive anchor chose nothing ({} clusters, {})",
            inventory.len(),
            policy.strategy
        );
        assert_eq!(naive.eligible, engine.eligible_clusters, "naive anchor and engine disagree on eligibility");
        let wanted = engine.wanted_clusters.min(engine.eligible_clusters);
        assert_eq!(naive.chosen.len(), wanted, "naive anchor chose a different number of clusters");
    }
}

/// Engine vs anchor, per size and strategy, as one line each. Criterion's report holds the
/// means; this pass times both sides interleaved (in batches, so reading the clock does not
/// weigh on sub-microsecond decisions) to print their ratio from one stretch of machine time.
fn anchor_ratios() -> BySizeAndStrategy<InterleavedRatio> {
    const BATCH: usize = 32;
    const ROUNDS: u32 = 3;
    let budget = Duration::from_millis(60);
    let workloads: Vec<WorkloadDemand> = (0..1024).map(demand).collect();
    // Mean ns per call of `decide_one` over whole batches, run for at least `budget`.
    let mean_ns = |decide_one: &mut dyn FnMut(&WorkloadDemand)| {
        let (mut calls, mut i) = (0u64, 0usize);
        let start = Instant::now();
        while start.elapsed() < budget {
            for _ in 0..BATCH {
                i = (i + 1) % workloads.len();
                decide_one(&workloads[i]);
            }
            calls += BATCH as u64;
        }
        start.elapsed().as_nanos() as f64 / calls as f64
    };
    let mut figures = BySizeAndStrategy::new();
    for n in ANCHOR_SIZES {
        let inventory = inventory(n);
        for strategy in Strategy::ALL {
            let policy = policy(strategy);
            let compiled = inventory.compile(&policy).expect("valid");
            let (mut naive, mut engine) = (0.0, 0.0);
            for _ in 0..ROUNDS {
                naive += mean_ns(&mut |w| {
                    black_box(naive_anchor::decide(inventory.clusters(), &policy, w));
                });
                engine += mean_ns(&mut |w| {
                    black_box(compiled.decide(w));
                });
            }
            let (naive, engine) = (naive / f64::from(ROUNDS), engine / f64::from(ROUNDS));
            let ratio = engine / naive;
            println!(
                "anchor {n:>5} clusters {:<10} naive {:>9.2} µs  engine {:>7.2} µs  \
                 engine/naive {ratio:.4} ({:.0}x faster)",
                strategy.as_str(),
                naive / 1e3,
                engine / 1e3,
                1.0 / ratio
            );
            let speedup = (naive / engine * 10.0).round() / 10.0;
            let ratio = InterleavedRatio { naive_ns: naive.round(), engine_ns: engine.round(), speedup };
            figures.entry(n).or_default().insert(strategy.as_str(), ratio);
        }
    }
    figures
}

/// B1's anchor ("a naive Rust loop: 58 µs at 1k clusters" in BENCHMARKS.md), written for this
/// benchmark only. NOT product code: it is what a competent, straightforward implementation
/// does per decision without any precomputation, so that the engine's speedup is measured on the
/// same inputs in the same run. It walks every raw [`ClusterInfo`], tests each selector by looking
/// labels up in the cluster's own map (through [`ClusterLabels`], which adds the `location`
/// pseudo-label without copying anything), checks the policy's filters one by one, pushes each
/// eligible cluster with its score, then picks the best `numberOfClusters` by (score desc, name).
/// No per-cluster allocation; nothing is indexed, interned or kept between decisions.
///
/// It covers what the benchmarked policies use (no static weights, no stickiness, no spreading
/// by location, an even replica split), so its eligibility matches the engine's exactly but its
/// ranking only roughly.
mod naive_anchor {
    use tmcctl::placement::{
        ClusterHealth, ClusterInfo, ClusterLabels, DivisionWeights, PlacementPolicy, ReplicaDivision, Strategy,
        TaintEffect, WorkloadDemand, PREFERRED_CAPABILITY_SCORE, PREFER_NO_SCHEDULE_PENALTY,
    };

    /// What the naive loop decided.
    pub struct NaiveDecision {
        /// Chosen cluster names and their replicas, best first.
        pub chosen: Vec<(String, u32)>,
        /// How many clusters passed every filter.
        pub eligible: usize,
    }

    /// Places one workload by walking every cluster.
    pub fn decide(clusters: &[ClusterInfo], policy: &PlacementPolicy, demand: &WorkloadDemand) -> NaiveDecision {
        let divided = matches!(policy.replica_division, ReplicaDivision::Divided(_));
        let by_capacity =
            matches!(policy.replica_division, ReplicaDivision::Divided(DivisionWeights::ByAvailableCapacity));
        // Duplicated runs every replica on each chosen cluster; Divided at least one.
        let replicas_here = if divided { 1 } else { u64::from(demand.replicas) };
        let mut scored: Vec<(i64, &str)> = Vec::new();
        for cluster in clusters {
            if cluster.health != ClusterHealth::Ready || cluster.unschedulable {
                continue;
            }
            // Looks labels up in the cluster's own map (and its location): nothing is copied.
            let labels = ClusterLabels(cluster);
            if !policy.location_selector.matches(&labels) {
                continue;
            }
            let required_affinity = &policy.affinity.required;
            if !required_affinity.is_empty() && !required_affinity.iter().any(|term| term.matches(&labels)) {
                continue;
            }
            let has = |capability: &str| cluster.capabilities.get(capability) == Some(&true);
            if policy.capability_requirements.iter().any(|r| r.required && !has(&r.capability)) {
                continue;
            }
            if cluster.taints.iter().any(|taint| {
                matches!(taint.effect, TaintEffect::NoSchedule | TaintEffect::NoExecute) && !policy.tolerates(taint)
            }) {
                continue;
            }
            match cluster.capacity {
                None if by_capacity => continue,
                Some(capacity) if demand.replicas > 0 => {
                    let free = capacity.free();
                    if free.cpu_millis < demand.cpu_millis_per_replica.saturating_mul(replicas_here)
                        || free.memory_bytes < demand.memory_bytes_per_replica.saturating_mul(replicas_here)
                        || free.pods < replicas_here
                    {
                        continue;
                    }
                }
                _ => {}
            }
            let mut score = 0;
            for requirement in &policy.capability_requirements {
                if !requirement.required && has(&requirement.capability) {
                    score += PREFERRED_CAPABILITY_SCORE;
                }
            }
            for term in &policy.affinity.preferred {
                if term.selector.matches(&labels) {
                    score += i64::from(term.weight);
                }
            }
            for taint in &cluster.taints {
                if taint.effect == TaintEffect::PreferNoSchedule && !policy.tolerates(taint) {
                    score -= PREFER_NO_SCHEDULE_PENALTY;
                }
            }
            scored.push((score, &cluster.name));
        }
        let eligible = scored.len();
        let wanted = match (policy.number_of_clusters, policy.strategy) {
            (Some(n), _) => n as usize,
            (None, Strategy::Spread) => eligible,
            (None, _) => 1,
        }
        .min(eligible);
        // Only the chosen few need to be in order: partition around the last one, sort the head.
        let best_first = |a: &(i64, &str), b: &(i64, &str)| b.0.cmp(&a.0).then_with(|| a.1.cmp(b.1));
        if wanted > 0 && wanted < eligible {
            scored.select_nth_unstable_by(wanted - 1, best_first);
        }
        scored[..wanted].sort_unstable_by(best_first);
        let chosen = scored[..wanted]
            .iter()
            .enumerate()
            .map(|(rank, &(_, name))| {
                let replicas = if divided {
                    // An even split, the remainder to the best ranked.
                    let (share, rest) = (demand.replicas / wanted as u32, demand.replicas % wanted as u32);
                    share + u32::from((rank as u32) < rest)
                } else {
                    demand.replicas
                };
                (name.to_owned(), replicas)
            })
            .collect();
        NaiveDecision { chosen, eligible }
    }
}

/// Inventory sizes of the `decide/<n>_clusters` groups.
const SIZES: [usize; 4] = [10, 100, 1_000, 10_000];
/// Sizes with an `explain/Affinity` case.
const EXPLAIN_SIZES: [usize; 3] = [10, 100, 1_000];
/// Sizes of the `inventory/build/<n>` cases.
const INVENTORY_SIZES: [usize; 2] = [1_000, 10_000];

fn main() {
    // Criterion runs each case once, untimed, unless cargo asked for a benchmark run.
    let benchmarking = std::env::args().any(|arg| arg == "--bench");
    let started = SystemTime::now();
    let mut criterion = Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(2))
        .configure_from_args();
    decisions(&mut criterion);
    replace_all(&mut criterion);
    criterion.final_summary();
    if !benchmarking {
        return;
    }
    let own = OwnTimings { latency: latency_percentiles(), interleaved: anchor_ratios() };
    let layout = Layout {
        sizes: SIZES.to_vec(),
        anchor_sizes: ANCHOR_SIZES.to_vec(),
        explain_sizes: EXPLAIN_SIZES.to_vec(),
        inventory_sizes: INVENTORY_SIZES.to_vec(),
        strategies: Strategy::ALL.iter().map(|s| s.as_str()).collect(),
    };
    match results::write(&layout, own, started) {
        Ok(path) => println!("results written to {}", path.display()),
        Err(why) => println!("results not written (only a full run writes them): {why}"),
    }
}
