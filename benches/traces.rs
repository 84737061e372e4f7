//! B7's tracing overhead, in process: what the spans of one sync reconcile cost the thread
//! that reconciles — `reconcile` > `placement-decision` (entered, then its three fields
//! recorded) > a `workload-sync` per cluster (2) with its `traceparent` header made — through
//! the subscriber `controller run` installs (logs at the default level), with no trace export,
//! and with export sampled at 100 % and at 1 %. Export goes to a closed port on the batch
//! processor's own thread, so what is timed is the reconciling thread's share only (as in the
//! controller: a receiver never holds a reconcile). The three alternate round by round, the
//! order rotating (off 100 1, 100 1 off, 1 off 100, …). The lab run of B7 with the three
//! variants (`BENCH_PARTS=b7traces bash bench/workloads.sh`) gives the end-to-end view, where
//! the machine's noise is far larger than these figures.
//! Writes `bench/results/b7-tracing-overhead-spans.json`. Run: `cargo bench --bench traces`.

#![allow(clippy::print_stdout)]

use std::hint::black_box;
use std::time::{Duration, Instant};

use serde_json::json;
use tmcctl::observability::logs::{subscriber, LogSettings};
use tmcctl::observability::traces::{inject_context, ParentlessSampling, Sampling, TraceSettings, Tracing};
use tracing::field::Empty;

const RECONCILES: usize = 20_000;
const ROUNDS: usize = 15;

/// The spans of one sync reconcile of a workload placed on two clusters.
fn one_reconcile(key: &str) {
    let reconcile =
        tracing::info_span!(target: "tmcctl::controller::supervisor", "reconcile", controller = "sync", key = %key);
    let _in_reconcile = reconcile.enter();
    let decision = tracing::info_span!(
        target: "tmcctl::controller::sync_loop",
        "placement-decision",
        workload.name = %key,
        placement.strategy = Empty,
        placement.clusters.count = Empty,
        placement.reason = Empty,
    );
    decision.in_scope(|| black_box(key.len()));
    decision.record("placement.strategy", "Spread");
    decision.record("placement.clusters.count", 2_i64);
    decision.record("placement.reason", "placement web chose pc1 (every eligible cluster is used), pc2");
    drop(decision);
    for cluster in ["pc1", "pc2"] {
        let sync = tracing::info_span!(
            target: "tmcctl::controller::sync_step",
            "workload-sync",
            workload.type = "deployments.apps",
            cluster.name = cluster,
            sync.step = "apply",
        );
        let _in_sync = sync.enter();
        let mut headers = http::HeaderMap::new();
        inject_context(&mut headers);
        black_box(headers);
    }
}

fn timed(dispatch: &tracing::Dispatch) -> Duration {
    tracing::dispatcher::with_default(dispatch, || {
        let started = Instant::now();
        for i in 0..RECONCILES {
            one_reconcile(black_box(if i % 2 == 0 {
                "2x8d7r5q00000001|default/web"
            } else {
                "2x8d7r5q00000002|team/api"
            }));
        }
        started.elapsed()
    })
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let settings = |sampling| TraceSettings { endpoint: format!("http://127.0.0.1:{closed}/v1/traces"), sampling };
    let all = Tracing::start(&settings(Sampling::ParentBased(ParentlessSampling::Always))).unwrap();
    let one_percent = Tracing::start(&settings(Sampling::ParentBased(ParentlessSampling::Ratio(0.01)))).unwrap();
    let logs = LogSettings { verbose: 0, json: false };
    let variants = [
        ("off", tracing::Dispatch::new(subscriber(logs, None))),
        ("sampled_100_percent", tracing::Dispatch::new(subscriber(logs, Some(&all)))),
        ("sampled_1_percent", tracing::Dispatch::new(subscriber(logs, Some(&one_percent)))),
    ];
    for (_, dispatch) in &variants {
        timed(dispatch); // warm-up
    }
    let mut samples: Vec<Vec<Duration>> = vec![Vec::new(); variants.len()];
    for round in 0..ROUNDS {
        for step in 0..variants.len() {
            let index = (round + step) % variants.len();
            samples[index].push(timed(&variants[index].1));
        }
    }
    let per_reconcile_ns = |d: Duration| d.as_nanos() as f64 / RECONCILES as f64;
    let medians: Vec<f64> = samples.iter().map(|s| per_reconcile_ns(median(s.clone()))).collect();
    println!("B7 tracing overhead, spans of one sync reconcile (2 clusters), median of {ROUNDS} rotating rounds of {RECONCILES}:");
    let rows: Vec<_> = variants
        .iter()
        .zip(&medians)
        .map(|((name, _), ns)| {
            let added = ns - medians[0];
            println!("  {name:<20} {:>8.0} ns per reconcile ({added:+.0} ns against off)", ns);
            json!({"variant": name, "ns_per_reconcile_median": ns.round(), "added_ns_against_off": added.round(),
                   "samples_ms": samples[variants.iter().position(|(n, _)| n == name).unwrap()]
                       .iter().map(|d| (d.as_secs_f64() * 1e4).round() / 10.0).collect::<Vec<_>>()})
        })
        .collect();
    let result = json!({
        "bench": "B7 tracing overhead (in process)",
        "reconciles_per_sample": RECONCILES, "rounds": ROUNDS,
        "spans_per_reconcile": 4, "export": "OTLP/HTTP to a closed port on the batch processor's thread",
        "log_level": "default (tmcctl=warn)", "variants": rows,
        "machine": {"cores": std::thread::available_parallelism().map(|n| n.get()).unwrap_or(0),
                    "load_average": std::fs::read_to_string("/proc/loadavg").unwrap_or_default().trim()},
        "anchor": "the same reconcile's spans with no trace export (variant off), in the same rounds",
    });
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/bench/results/b7-tracing-overhead-spans.json");
    std::fs::write(path, serde_json::to_string_pretty(&result).unwrap() + "\n").unwrap();
    println!("wrote {path}");
    drop(variants);
    drop((all, one_percent));
}
