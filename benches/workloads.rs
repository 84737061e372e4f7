//! The workload path against the lab (a real kcp, the two kwok clusters, the release binary):
//! B2 (placement → every copy created downstream, and → Available summarised upstream), the
//! hub footprint (B12), B7 on the workload path (pod-template edit → copy written, under a
//! fixed edit rate) and B8 (stop a cluster: Unknown, re-placed, Ready elsewhere). Run through
//! `bash bench/workloads.sh`, which builds the binary; results go to bench/results/.
//!
//! Parts: BENCH_PARTS (default `b2,footprint,b7`; `b8` stops pc2 for a minute or two and so
//! runs only when named; `b11` restarts the controller of the largest B2 fleet once every copy
//! is Available: time to synced and idle, writes, memory — B11 and B3 with synced workloads;
//! `b7traces` runs B7 at BENCH_TRACE_EDIT_RATE (10) without traces and with traces sampled at
//! 100 % and 1 %, BENCH_TRACE_ROUNDS (3) rotating rounds: b7-tracing-overhead.json). Sizes: BENCH_WORKLOADS (B2, default `100,1000`; the footprint is
//! taken on the largest), BENCH_EDIT_RATES (`10,50`), BENCH_EDIT_SECONDS (30),
//! BENCH_B7_WORKLOADS (100), BENCH_B8_WORKLOADS (10).
//!
//! Each part makes its own fresh workspace and deletes it (and its copies) afterwards. The
//! anchors (Karmada, KubeFleet) cannot run here; their published figures are quoted in the
//! results as text, not measured.

#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::sync::Arc;
use std::time::Duration;

use serde_json::{json, Value};

#[path = "workloads/b2.rs"]
mod b2;
#[path = "workloads/churn.rs"]
mod churn;
#[path = "workloads/failover.rs"]
mod failover;
#[path = "workloads/fleet.rs"]
mod fleet;
#[path = "workloads/footprint.rs"]
mod footprint;
#[path = "workloads/lab.rs"]
mod lab;
#[path = "workloads/nodes.rs"]
mod nodes;
#[path = "workloads/restart.rs"]
mod restart;
#[path = "workloads/traces.rs"]
mod traces;

use fleet::{Fleet, CLUSTERS};
use lab::{env_list, env_usize, machine, write_result, Lab};

const B2_ANCHORS: &str = "published, not run here: Karmada distribution p50 706 ms / p99 1.3 s, SLO p99 <= 2 s at 100 \
                          clusters; KubeFleet (Q1 2026 report, 1,000 members): a placement picking 100 clusters reaches \
                          Available at p90 20 s";

fn main() {
    let lab = Lab::read();
    let parts = std::env::var("BENCH_PARTS").unwrap_or_else(|_| "b2,footprint,b7".into());
    let want = |part: &str| parts.split(',').any(|p| p.trim() == part);
    let sizes = env_list("BENCH_WORKLOADS", "100,1000");
    let largest = sizes.iter().copied().max().unwrap_or(0);
    let b7_workloads = env_usize("BENCH_B7_WORKLOADS", 100);
    let b8_workloads = env_usize("BENCH_B8_WORKLOADS", 10);
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let kcp = runtime.block_on(lab.kcp());
    for cluster in CLUSTERS {
        assert!(lab.cluster_ready(cluster), "lab cluster {cluster} does not answer /readyz");
    }

    // Room on the bench's own nodes: one pod per copy (B2), two while a copy rolls out (B7),
    // the full replicas on the survivor (B8).
    let pods = [
        (want("b2") || want("footprint") || want("b11")).then_some(largest),
        (want("b7") || want("b7traces")).then_some(2 * b7_workloads),
        want("b8").then_some(2 * b8_workloads),
    ];
    let pods = pods.into_iter().flatten().max().unwrap_or(0) + 20;
    let bench_nodes = runtime.block_on(nodes::BenchNodes::ensure(&lab, &CLUSTERS, pods));

    if want("b2") || want("footprint") || want("b11") {
        let mut runs = Vec::new();
        let mut hub_footprint = None;
        let measured: Vec<usize> = if want("b2") { sizes.clone() } else { vec![largest] };
        // B11 and B3 with synced workloads restart the controller of the largest fleet once
        // every copy is Available (part `b11`).
        for n in measured {
            let footprint_here = want("footprint") && n == largest;
            let mut fleet = runtime.block_on(Fleet::new(&lab, &kcp, &format!("b2-{n}"), &[]));
            let created = runtime.block_on(fleet.create_workloads(n, 1));
            println!("created {n} Deployments in {:.1}s", created.as_secs_f64());
            let settled = runtime.block_on(fleet.settle(Duration::from_secs(300)));
            assert!(settled, "the sync loop did not settle before the placement:\n{}", fleet.controller.log_tail(30));
            let before = footprint_here.then(|| footprint::snapshot(&lab, &fleet));
            let fleet = Arc::new(fleet);
            let mut result = runtime.block_on(b2::measure(&lab, fleet.clone(), n));
            result["create_workloads_s"] = json!(lab::round(created.as_secs_f64(), 1));
            if let Some(before) = before {
                let after = footprint::snapshot(&lab, &fleet);
                hub_footprint = Some(footprint::report(&before, &after, n));
            }
            runs.push(result);
            let mut fleet = Arc::try_unwrap(fleet).unwrap_or_else(|_| panic!("the fleet is still shared"));
            if want("b11") && n == largest {
                let mut restart = runtime.block_on(restart::measure(&lab, &mut fleet, &[]));
                restart["machine"] = machine(&lab);
                restart["target"] = json!({"synced_and_idle_s": 30, "writes": 0});
                restart["anchor"] = json!("KubeFleet: ~100k bindings resync p90 11 min (published, not run here)");
                write_result("b11-workload-restart.json", &restart);
            }
            runtime.block_on(fleet.cleanup(&lab, &kcp));
        }
        if want("b2") {
            write_result(
                "b2-workload-sync.json",
                &json!({"machine": machine(&lab), "runs": runs, "anchors": B2_ANCHORS,
                        "bench_nodes_per_cluster": bench_nodes.per_cluster,
                        "controller_flags": "--kube-api-qps 1000 --kube-api-burst 2000, defaults otherwise (16 sync workers)",
                        "target": {"workloads": 100, "downstream_create_p99_ms": 1000, "upstream_available_p99_ms": 2000}}),
            );
        }
        if let Some(mut footprint) = hub_footprint {
            footprint["machine"] = machine(&lab);
            write_result("hub-footprint.json", &footprint);
        }
    }

    if want("b7") {
        let rates = env_list("BENCH_EDIT_RATES", "10,50");
        let seconds = env_usize("BENCH_EDIT_SECONDS", 30) as u64;
        let runs = runtime.block_on(b7(&lab, &kcp, b7_workloads, &rates, seconds));
        write_result(
            "b7-workload-latency.json",
            &json!({"machine": machine(&lab), "workloads": b7_workloads, "clusters": CLUSTERS.len(), "runs": runs,
                    "edit": "server-side apply of one pod-template annotation (a rollout on both clusters per edit)",
                    "anchor": "Karmada: ~200 Work objects/s synced, distribution p99 1.3 s (published, not run here)",
                    "target": {"p50_ms_at_100": 50, "p99_ms_at_100": 500}}),
        );
    }

    if want("b7traces") {
        let rate = env_usize("BENCH_TRACE_EDIT_RATE", 10) as u32;
        let seconds = env_usize("BENCH_EDIT_SECONDS", 30) as u64;
        let rounds = env_usize("BENCH_TRACE_ROUNDS", 3);
        let mut fleet = runtime.block_on(Fleet::new(&lab, &kcp, "b7t", &[]));
        runtime.block_on(fleet.create_workloads(b7_workloads, 1));
        runtime.block_on(fleet.settle(Duration::from_secs(120)));
        runtime.block_on(fleet.create_placement("spread", false));
        runtime.block_on(fleet.wait_available(Duration::from_secs(600)));
        let (mut result, fleet) = runtime.block_on(traces::measure(&lab, fleet, rate, seconds, rounds));
        result["machine"] = machine(&lab);
        result["workloads"] = json!(b7_workloads);
        result["anchor"] = json!("the same controller without traces, in the same rounds");
        write_result("b7-tracing-overhead.json", &result);
        runtime.block_on(fleet.cleanup(&lab, &kcp));
    }

    if want("b8") {
        let flags =
            ["--eviction-grace", "30s", "--heartbeat-grace", "10s", "--probe-interval", "1s", "--probe-timeout", "2s"];
        let mut fleet = runtime.block_on(Fleet::new(&lab, &kcp, "b8", &flags));
        runtime.block_on(fleet.create_workloads(b8_workloads, 2));
        runtime.block_on(fleet.settle(Duration::from_secs(120)));
        runtime.block_on(fleet.create_placement("spread", true));
        runtime.block_on(fleet.wait_available(Duration::from_secs(300)));
        let mut result = runtime.block_on(failover::run(&lab, &fleet, 2, &flags));
        result["machine"] = machine(&lab);
        write_result("b8-eviction.json", &result);
        runtime.block_on(fleet.cleanup(&lab, &kcp));
    }
    drop(bench_nodes);
}

/// B7: a fleet of `n` synced Deployments, then each rate in turn.
async fn b7(lab: &Lab, kcp: &tmcctl::client::Connection, n: usize, rates: &[usize], seconds: u64) -> Vec<Value> {
    let mut fleet = Fleet::new(lab, kcp, "b7", &[]).await;
    fleet.create_workloads(n, 1).await;
    fleet.settle(Duration::from_secs(120)).await;
    fleet.create_placement("spread", false).await;
    let took = fleet.wait_available(Duration::from_secs(600)).await;
    println!("B7: {n} workloads Available on both clusters in {:.1}s", took.as_secs_f64());
    let fleet = Arc::new(fleet);
    let mut runs = Vec::new();
    let mut seq = 0;
    for rate in rates {
        let (result, last) = churn::churn(lab, fleet.clone(), *rate as u32, seconds, seq).await;
        seq = last;
        runs.push(result);
        // The clusters finish the rollouts the edits started before the next rate.
        fleet.settle(Duration::from_secs(120)).await;
    }
    let fleet = Arc::try_unwrap(fleet).unwrap_or_else(|_| panic!("the fleet is still shared"));
    fleet.cleanup(lab, kcp).await;
    runs
}
