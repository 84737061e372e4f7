//! B10: one `/metrics` scrape at 1,000 clusters and 10,000 workloads (each on 2 clusters), in
//! both formats the endpoint speaks and gzip-compressed as Prometheus receives it (targets:
//! ≤ 20 ms, ≤ 2 MB). Each round also times a floor —
//! the same sample lines written straight into a String with no registry — so the registry's
//! own cost shows as a ratio; registry and floor alternate round by round (A B A B …). Also
//! counts the series per family. Writes `bench/results/b10-metrics-scrape.json`.
//! Run: `cargo bench --bench metrics`.

// A benchmark's job is to print its figures.
#![allow(clippy::print_stdout)]

use std::collections::BTreeMap;
use std::fmt::Write;
use std::hint::black_box;
use std::time::{Duration, Instant};

use serde_json::json;
use tmcctl::api::{ClusterRegistrationStatus, ResourceAmounts};
use tmcctl::observability::exposition::{gzip, to_prometheus_text};
use tmcctl::observability::Metrics;

const CLUSTERS: usize = 1_000;
const WORKLOADS: usize = 10_000;
const COPIES: usize = 2;
const WORKSPACES: usize = 20;
const ROUNDS: usize = 15;

fn workspace(i: usize) -> String {
    format!("2x8d7r5q{:08}", i % WORKSPACES)
}

/// A registry as the controller holds it at that size.
fn populated() -> Metrics {
    let metrics = Metrics::new();
    let amounts = |cpu: &str, memory: &str, pods: &str| ResourceAmounts {
        cpu: Some(cpu.into()),
        memory: Some(memory.into()),
        pods: Some(pods.into()),
    };
    for c in 0..CLUSTERS {
        let status = ClusterRegistrationStatus {
            health_score: Some((c % 101) as u8),
            allocatable: Some(amounts("64", "256Gi", "110")),
            allocated: Some(amounts("12500m", "40Gi", "37")),
            ..ClusterRegistrationStatus::default()
        };
        metrics.record_cluster(&workspace(c), &format!("pc-{c:04}"), &format!("region-{}", c % 12), &status);
    }
    for w in 0..WORKLOADS {
        let kind = ["deployments.apps", "statefulsets.apps", "services", "jobs.batch"][w % 4];
        for copy in 0..COPIES {
            let cluster = format!("pc-{:04}", (w * 7 + copy * 13) % CLUSTERS);
            metrics.set_workload_sync(
                &format!("app-{w:05}"),
                &format!("{}/team-ns", workspace(w)),
                &cluster,
                kind,
                w % 50 != 0,
            );
        }
    }
    for ws in 0..WORKSPACES {
        for strategy in ["Spread", "Binpack", "Singleton"] {
            for result in ["scheduled", "no_candidates", "invalid"] {
                metrics.record_decision(&workspace(ws), strategy, result, 0.000_05);
            }
        }
    }
    for controller in ["health", "placement", "sync"] {
        metrics.count_reconcile(controller, "success");
        metrics.count_reconcile(controller, "error");
        metrics.count_error(controller, "server");
        metrics.observe_reconcile(controller, 0.01);
        metrics.set_queue_depth(controller, 3);
        metrics.count_write(controller);
    }
    for cache in ["workloads", "downstream", "clusters", "placements", "secrets", "cluster_clients", "inventories"] {
        metrics.set_cache(cache, 10_000, 990, 10);
    }
    for c in (0..CLUSTERS).step_by(10) {
        metrics.count_apply_error(&format!("pc-{c:04}"));
        metrics.count_drift(&format!("pc-{c:04}"), "heal");
    }
    metrics.set_leader(true);
    metrics.set_requests(123_456);
    metrics.observe_sync_lag(0.2);
    metrics
}

/// The floor: the exposition's sample lines written directly, no registry and no HELP/TYPE.
fn floor(samples: &[(String, i64)]) -> String {
    let mut out = String::with_capacity(samples.len() * 128);
    for (series, value) in samples {
        let _ = writeln!(out, "{series} {value}");
    }
    out
}

fn timed<T>(f: impl FnOnce() -> T) -> (T, Duration) {
    let start = Instant::now();
    let out = black_box(f());
    (out, start.elapsed())
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    let metrics = populated();
    let sample_lines: Vec<(String, i64)> = metrics
        .encode()
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.rsplit_once(' ').map(|(s, _)| (s.to_string(), 1)))
        .collect();
    let (mut openmetrics, mut text, mut floors, mut gzipped) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let (mut om_bytes, mut text_bytes, mut gzip_bytes) = (0, 0, 0);
    for _ in 0..ROUNDS {
        let (body, t) = timed(|| metrics.encode());
        openmetrics.push(t);
        om_bytes = body.len();
        let (body, t) = timed(|| to_prometheus_text(&metrics.encode()));
        text.push(t);
        text_bytes = body.len();
        let (_, t) = timed(|| floor(&sample_lines));
        floors.push(t);
        let (body, t) = timed(|| gzip(metrics.encode().as_bytes()));
        gzipped.push(t);
        gzip_bytes = body.len();
    }
    let (openmetrics, text, floor_time, gzipped) = (median(openmetrics), median(text), median(floors), median(gzipped));
    let mut series: BTreeMap<String, usize> = BTreeMap::new();
    for (line, _) in &sample_lines {
        let name = line.split('{').next().unwrap_or_default();
        let family = ["_bucket", "_sum", "_count", "_total"].iter().find_map(|s| name.strip_suffix(s)).unwrap_or(name);
        *series.entry(family.to_string()).or_default() += 1;
    }
    println!("B10 /metrics scrape, {CLUSTERS} clusters x {WORKLOADS} workloads ({COPIES} copies each), median of {ROUNDS} interleaved rounds:");
    println!("  OpenMetrics        {openmetrics:?}, {om_bytes} bytes");
    println!("  Prometheus text    {text:?}, {text_bytes} bytes");
    println!("  OpenMetrics, gzip  {gzipped:?}, {gzip_bytes} bytes (what Prometheus receives)");
    println!("  floor (no registry) {floor_time:?}");
    println!("  series: {} in all", sample_lines.len());
    for (family, count) in &series {
        println!("    {family:<48} {count}");
    }
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    let results = json!({
        "benchmark": "B10 /metrics scrape at 1k clusters x 10k workloads",
        "machine": {"cpus": std::thread::available_parallelism().map(|n| n.get()).unwrap_or(0),
                    "load_average": load.split_whitespace().take(3).collect::<Vec<_>>().join(" ")},
        "tmcctl_version": env!("CARGO_PKG_VERSION"),
        "clusters": CLUSTERS,
        "workloads": WORKLOADS,
        "copies_per_workload": COPIES,
        "rounds": ROUNDS,
        "openmetrics_ms": (openmetrics.as_secs_f64() * 1e5).round() / 100.0,
        "openmetrics_bytes": om_bytes,
        "prometheus_text_ms": (text.as_secs_f64() * 1e5).round() / 100.0,
        "prometheus_text_bytes": text_bytes,
        "openmetrics_gzip_ms": (gzipped.as_secs_f64() * 1e5).round() / 100.0,
        "openmetrics_gzip_bytes": gzip_bytes,
        "floor_ms": (floor_time.as_secs_f64() * 1e5).round() / 100.0,
        "openmetrics_vs_floor": (openmetrics.as_secs_f64() / floor_time.as_secs_f64() * 100.0).round() / 100.0,
        "series_total": sample_lines.len(),
        "series_by_family": series,
        "targets": {"scrape_ms": 20, "bytes": 2_000_000},
    });
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/bench/results/b10-metrics-scrape.json");
    std::fs::write(path, serde_json::to_string_pretty(&results).unwrap() + "\n").unwrap();
    println!("wrote {path}");
}
