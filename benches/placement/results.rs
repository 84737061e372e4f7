//! B1's results file. After Criterion has run, this reads the estimates it wrote for this run
//! (`<criterion home>/<group>/<function>/<parameter>/new/estimates.json`), adds the bench's own
//! timings (single-decision percentiles, interleaved engine-vs-anchor rounds) and writes
//! `bench/results/b1-placement.json`. Figures only: nothing here passes or fails on time.
//!
//! Criterion cases measured before this run started (a filtered run, `cargo bench -- decide/100`)
//! are stale: then no file is written, so the results never mix two runs.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::SystemTime;

use serde::{Deserialize, Serialize};

/// The published figure for a naive loop at 1k clusters (BENCHMARKS.md, B1's anchor), in ns.
const PUBLISHED_NAIVE_1K_NS: f64 = 58_000.0;

/// One single-decision latency distribution, from the bench's own timing pass.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Latency {
    /// Median, ns.
    pub p50_ns: u128,
    /// 99th percentile, ns.
    pub p99_ns: u128,
    /// Slowest sample, ns.
    pub max_ns: u128,
}

/// Engine and anchor timed in alternating rounds over one stretch of machine time.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct InterleavedRatio {
    /// The naive anchor's mean per decision, ns.
    pub naive_ns: f64,
    /// The compiled engine's mean per decision, ns.
    pub engine_ns: f64,
    /// naive / engine.
    pub speedup: f64,
}

/// Per inventory size, per strategy name.
pub type BySizeAndStrategy<T> = BTreeMap<usize, BTreeMap<&'static str, T>>;

/// What the bench timed itself, outside Criterion.
#[derive(Debug, Default)]
pub struct OwnTimings {
    /// Single-decision percentiles of the compiled engine.
    pub latency: BySizeAndStrategy<Latency>,
    /// Engine vs anchor, alternating rounds.
    pub interleaved: BySizeAndStrategy<InterleavedRatio>,
}

/// The sizes and strategies the Criterion groups were run with, to know which files to read.
pub struct Layout {
    /// Every `decide/<n>_clusters` group.
    pub sizes: Vec<usize>,
    /// The sizes with a `naive_anchor` case.
    pub anchor_sizes: Vec<usize>,
    /// The sizes with an `explain/Affinity` case.
    pub explain_sizes: Vec<usize>,
    /// The `inventory/build/<n>` cases.
    pub inventory_sizes: Vec<usize>,
    /// Strategy names, as in the case ids.
    pub strategies: Vec<&'static str>,
}

/// Criterion's `estimates.json`, the parts used here.
#[derive(Deserialize)]
struct Estimates {
    mean: Estimate,
    median: Estimate,
}

#[derive(Deserialize)]
struct Estimate {
    point_estimate: f64,
}

/// One Criterion case, per iteration.
#[derive(Debug, Clone, Copy, Serialize)]
struct CaseFigures {
    median_ns: f64,
    mean_ns: f64,
}

#[derive(Serialize)]
struct Machine {
    cpus: usize,
    cpu_model: String,
    memory_gib: f64,
    kernel: String,
    rustc: String,
    /// Other work on the machine while this ran shows here (1, 5, 15 min, at the end).
    load_average: String,
}

#[derive(Serialize)]
struct ResultsFile {
    benchmark: &'static str,
    machine: Machine,
    settings: &'static str,
    inventory: &'static str,
    policies: &'static str,
    anchor: &'static str,
    criterion_estimates: String,
    ratios_note: &'static str,
    decide_compiled: BySizeAndStrategy<CaseFigures>,
    naive_anchor: BySizeAndStrategy<CaseFigures>,
    compile_plus_decide: BySizeAndStrategy<CaseFigures>,
    speedup_vs_naive: BySizeAndStrategy<f64>,
    anchor_ratios_interleaved: BySizeAndStrategy<InterleavedRatio>,
    naive_anchor_1k_vs_published_58us: BTreeMap<&'static str, f64>,
    engine_1k_speedup_vs_published_58us: BTreeMap<&'static str, f64>,
    latency_single_decision_compiled: BySizeAndStrategy<Latency>,
    explain_affinity: BTreeMap<usize, CaseFigures>,
    inventory_build: BTreeMap<usize, CaseFigures>,
    replace_10k_workloads_1k_clusters: BTreeMap<&'static str, CaseFigures>,
    targets: Targets,
}

#[derive(Serialize)]
struct Targets {
    decisions_per_s_at_100_clusters: u32,
    decisions_per_s_at_1k_clusters: u32,
    p99_us_at_1k_clusters: u32,
    replace_10k_over_1k_s: f64,
}

/// Where Criterion keeps its reports, found the way Criterion finds it: `CRITERION_HOME`, else
/// `CARGO_TARGET_DIR/criterion`, else the target directory `cargo metadata` names.
fn criterion_home() -> PathBuf {
    if let Some(home) = std::env::var_os("CRITERION_HOME") {
        return home.into();
    }
    if let Some(target) = std::env::var_os("CARGO_TARGET_DIR") {
        return PathBuf::from(target).join("criterion");
    }
    #[derive(Deserialize)]
    struct Metadata {
        target_directory: PathBuf,
    }
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    Command::new(cargo)
        .args(["metadata", "--format-version", "1", "--no-deps"])
        .output()
        .ok()
        .and_then(|out| serde_json::from_slice::<Metadata>(&out.stdout).ok())
        .map_or_else(|| PathBuf::from("target"), |m| m.target_directory)
        .join("criterion")
}

/// Reads one case's estimates, refusing any written before `since`.
fn read_case(home: &Path, case: &str, since: SystemTime) -> Result<CaseFigures, String> {
    let path = home.join(case).join("new/estimates.json");
    let modified = std::fs::metadata(&path).and_then(|m| m.modified()).map_err(|e| format!("{case}: {e}"))?;
    if modified < since {
        return Err(format!("{case}: not measured in this run"));
    }
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{case}: {e}"))?;
    let estimates: Estimates = serde_json::from_str(&text).map_err(|e| format!("{case}: {e}"))?;
    let ns = |estimate: Estimate| (estimate.point_estimate * 10.0).round() / 10.0;
    Ok(CaseFigures { median_ns: ns(estimates.median), mean_ns: ns(estimates.mean) })
}

fn first_line(text: &str, prefix: &str) -> Option<String> {
    text.lines()
        .find_map(|line| line.strip_prefix(prefix))
        .map(|rest| rest.trim_start_matches([' ', '\t', ':']).trim().to_owned())
}

fn machine() -> Machine {
    let read = |path: &str| std::fs::read_to_string(path).unwrap_or_default();
    let memory_kib: f64 = first_line(&read("/proc/meminfo"), "MemTotal")
        .and_then(|v| v.trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0.0);
    let rustc = std::env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
    Machine {
        cpus: std::thread::available_parallelism().map_or(0, usize::from),
        cpu_model: first_line(&read("/proc/cpuinfo"), "model name").unwrap_or_default(),
        memory_gib: (memory_kib / (1024.0 * 1024.0) * 10.0).round() / 10.0,
        kernel: read("/proc/sys/kernel/osrelease").trim().to_owned(),
        load_average: read("/proc/loadavg").split_whitespace().take(3).collect::<Vec<_>>().join(" "),
        rustc: Command::new(rustc)
            .arg("--version")
            .output()
            .map(|out| String::from_utf8_lossy(&out.stdout).trim().to_owned())
            .unwrap_or_default(),
    }
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// Writes `bench/results/b1-placement.json` from this run's Criterion estimates and `own`.
/// Returns the path written, or why nothing was written.
pub fn write(layout: &Layout, own: OwnTimings, since: SystemTime) -> Result<PathBuf, String> {
    let home = criterion_home();
    let mut problems = Vec::new();
    let mut case = |id: String| {
        read_case(&home, &id, since)
            .map_err(|problem| problems.push(problem))
            .unwrap_or(CaseFigures { median_ns: f64::NAN, mean_ns: f64::NAN })
    };
    let mut per_strategy = |sizes: &[usize], function: &str| -> BySizeAndStrategy<CaseFigures> {
        sizes
            .iter()
            .map(|&n| {
                let row = layout
                    .strategies
                    .iter()
                    .map(|&s| (s, case(format!("decide_{n}_clusters/{function}/{s}"))))
                    .collect();
                (n, row)
            })
            .collect()
    };
    let decide_compiled = per_strategy(&layout.sizes, "compiled");
    let naive_anchor = per_strategy(&layout.anchor_sizes, "naive_anchor");
    let compile_plus_decide = per_strategy(&layout.sizes, "compile+decide");
    let explain_affinity =
        layout.explain_sizes.iter().map(|&n| (n, case(format!("decide_{n}_clusters/explain_Affinity")))).collect();
    let inventory_build = layout.inventory_sizes.iter().map(|&n| (n, case(format!("inventory/build/{n}")))).collect();
    let replace_10k_workloads_1k_clusters =
        layout.strategies.iter().map(|&s| (s, case(format!("replace_10k_workloads_1k_clusters/{s}")))).collect();
    if !problems.is_empty() {
        return Err(problems.join("; "));
    }

    let speedup_vs_naive = naive_anchor
        .iter()
        .map(|(&n, row)| {
            let ratios =
                row.iter().map(|(&s, naive)| (s, round1(naive.median_ns / decide_compiled[&n][s].median_ns))).collect();
            (n, ratios)
        })
        .collect();
    let at_1k = |figures: &BySizeAndStrategy<CaseFigures>, f: &dyn Fn(f64) -> f64| {
        figures.get(&1_000).map(|row| row.iter().map(|(&s, c)| (s, (f(c.median_ns) * 100.0).round() / 100.0)).collect())
    };
    let results = ResultsFile {
        benchmark: "B1 placement engine (pure)",
        machine: machine(),
        settings: "Criterion 0.8: sample 20, warm-up 300 ms, measurement 2 s (re-place: sample 10, 4 s); \
                   percentiles from 20k single timed decisions; interleaved: 3 alternating rounds of >= 60 ms each",
        inventory: "synthetic: 5 regions x 2 locations, env/tier/team labels, 30% gpu, 5% NotReady, 5% cordoned, \
                    10% NoSchedule taint",
        policies:
            "all: location selector env=prod,region in (eu,us,ap) + required gpu + preferred ssd; RoundRobin k=2; \
                   Spread k=3 by location, Divided ByAvailableCapacity, maxSkew 2; Affinity required tier in \
                   (gold,silver) + 2 preferred terms",
        anchor: "naive loop in benches/placement.rs (naive_anchor, bench-only): per decision walks every ClusterInfo, \
                 looks labels up in the cluster's own map (no copy, no per-cluster allocation), checks \
                 Ready/cordon/location selector/required affinity/required capabilities/NoSchedule+NoExecute \
                 taints/free capacity, scores, pushes the eligible, picks the best k by (score desc, name); same \
                 inventory, policies and workloads as decide_compiled; checked to find the same eligible count",
        criterion_estimates: home.display().to_string(),
        ratios_note: "speedup_vs_naive = naive_anchor median / decide_compiled median (Criterion, this run); \
                      *_vs_published_58us compare this run's 1k-cluster medians with the published 58 us naive figure",
        naive_anchor_1k_vs_published_58us: at_1k(&naive_anchor, &|ns| ns / PUBLISHED_NAIVE_1K_NS).unwrap_or_default(),
        engine_1k_speedup_vs_published_58us: at_1k(&decide_compiled, &|ns| PUBLISHED_NAIVE_1K_NS / ns)
            .unwrap_or_default(),
        decide_compiled,
        naive_anchor,
        compile_plus_decide,
        speedup_vs_naive,
        anchor_ratios_interleaved: own.interleaved,
        latency_single_decision_compiled: own.latency,
        explain_affinity,
        inventory_build,
        replace_10k_workloads_1k_clusters,
        targets: Targets {
            decisions_per_s_at_100_clusters: 200_000,
            decisions_per_s_at_1k_clusters: 20_000,
            p99_us_at_1k_clusters: 100,
            replace_10k_over_1k_s: 1.0,
        },
    };
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("bench/results/b1-placement.json");
    let text = serde_json::to_string_pretty(&results).map_err(|e| e.to_string())?;
    std::fs::write(&path, text + "\n").map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(path)
}
