//! B2: placement → every workload's copy created downstream, and → Available summarised
//! upstream. N Deployments wait in a fresh workspace with the controller running and no
//! placement; then the placement is created (time zero) and list calls watch both ends:
//!
//! ```text
//! t0 create placement ─► decision ─► sync loop ─► copies on pc1, pc2 ─► pods ─► status upstream
//!                                   (a) list each cluster every ~100 ms   (b) list kcp every 250-500 ms
//! ```
//!
//! creationTimestamp has whole seconds only, so each copy's time is when a list first showed
//! it. The cluster lists ask for server-side tables without objects (name, ready, available:
//! ~100 bytes a row instead of a whole Deployment), so that watching 2,000 copies ten times a
//! second does not take the cores the measured servers need.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use super::fleet::{available_upstream, Fleet, CLUSTERS};
use super::lab::{cpu_percent, cpu_seconds, env_usize, round, summary_ms, Lab, MaxSampler};

/// What one cluster's lists saw: when each copy first appeared and first showed ready.
#[derive(Default)]
struct ClusterSeen {
    created: HashMap<String, Instant>,
    ready: HashMap<String, Instant>,
    list_ms: Vec<f64>,
    errors: usize,
}

/// What the upstream lists saw: when each workload was first summarised Available.
#[derive(Default)]
struct UpstreamSeen {
    available: HashMap<String, Instant>,
    list_ms: Vec<f64>,
    errors: usize,
}

const TABLE: &str = "application/json;as=Table;v=v1;g=meta.k8s.io";

/// Polls one cluster's copies of the fleet until all `n` exist and are ready, or `deadline`.
async fn poll_cluster(client: kube::Client, path: String, n: usize, every: Duration, deadline: Instant) -> ClusterSeen {
    let mut seen = ClusterSeen::default();
    while Instant::now() < deadline && seen.ready.len() < n {
        let started = Instant::now();
        let request = http::Request::get(&path).header(http::header::ACCEPT, TABLE).body(Vec::new()).unwrap();
        match client.request::<Value>(request).await {
            Ok(table) => {
                let at = Instant::now();
                seen.list_ms.push((at - started).as_secs_f64() * 1000.0);
                for (name, ready) in table_rows(&table) {
                    seen.created.entry(name.clone()).or_insert(at);
                    if ready {
                        seen.ready.entry(name).or_insert(at);
                    }
                }
            }
            Err(_) => seen.errors += 1,
        }
        tokio::time::sleep(every.saturating_sub(started.elapsed())).await;
    }
    seen
}

/// (name, ready) of each row of a Deployment table: ready when READY is "n/n" and AVAILABLE ≥ n.
fn table_rows(table: &Value) -> Vec<(String, bool)> {
    let columns: Vec<&str> =
        table["columnDefinitions"].as_array().into_iter().flatten().filter_map(|c| c["name"].as_str()).collect();
    let at = |name: &str| columns.iter().position(|c| c.eq_ignore_ascii_case(name));
    let (Some(name), Some(ready), Some(available)) = (at("Name"), at("Ready"), at("Available")) else {
        return Vec::new();
    };
    table["rows"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|row| {
            let cells = row["cells"].as_array()?;
            let (have, want) = cells.get(ready)?.as_str()?.split_once('/')?;
            let want: i64 = want.parse().ok()?;
            let done = have.parse::<i64>().ok() == Some(want) && cells.get(available)?.as_i64()? >= want;
            Some((cells.get(name)?.as_str()?.to_string(), done))
        })
        .collect()
}

/// Polls the upstream Deployments until all `n` are summarised Available, or `deadline`.
async fn poll_upstream(fleet: Arc<Fleet>, n: usize, every: Duration, deadline: Instant) -> UpstreamSeen {
    let mut seen = UpstreamSeen::default();
    let resource = super::fleet::deployments();
    while Instant::now() < deadline && seen.available.len() < n {
        let started = Instant::now();
        match fleet.hub.list(&resource, Some("default"), None).await {
            Ok(list) => {
                let at = Instant::now();
                seen.list_ms.push((at - started).as_secs_f64() * 1000.0);
                for item in &list.items {
                    if available_upstream(item, CLUSTERS.len()) {
                        let name = item["metadata"]["name"].as_str().unwrap_or_default().to_string();
                        seen.available.entry(name).or_insert(at);
                    }
                }
            }
            Err(_) => seen.errors += 1,
        }
        tokio::time::sleep(every.saturating_sub(started.elapsed())).await;
    }
    seen
}

fn ms_since(t0: Instant, at: &Instant) -> f64 {
    at.saturating_duration_since(t0).as_secs_f64() * 1000.0
}

/// One B2 run at `n` workloads on an already seeded `fleet` (workloads created, loop settled).
pub async fn measure(lab: &Lab, fleet: Arc<Fleet>, n: usize) -> Value {
    let cluster_every = Duration::from_millis(env_usize("BENCH_CLUSTER_POLL_MS", 100) as u64);
    // A list of 1,000 Deployments with their status is a few MB for kcp to serve: less often.
    let upstream_every =
        Duration::from_millis(env_usize("BENCH_UPSTREAM_POLL_MS", if n > 200 { 500 } else { 250 }) as u64);
    let limit = Duration::from_secs(env_usize("BENCH_B2_TIMEOUT_S", 180 + n / 2) as u64);
    let deadline = Instant::now() + limit;
    let selector = format!("tmc.kcp.io%2Fworkspace%3D{}", fleet.logical_cluster);
    let path = format!(
        "/apis/apps/v1/namespaces/{}/deployments?labelSelector={selector}&includeObject=None",
        fleet.downstream_namespace
    );
    let mut pollers = Vec::new();
    for cluster in CLUSTERS {
        let client = lab.raw_cluster(cluster).await;
        pollers.push(tokio::spawn(poll_cluster(client, path.clone(), n, cluster_every, deadline)));
    }
    let upstream = tokio::spawn(poll_upstream(fleet.clone(), n, upstream_every, deadline));
    tokio::time::sleep(Duration::from_millis(300)).await; // the pollers' first, empty lists

    let before = fleet.controller.metrics();
    let cpu_before = cpu_seconds(Some(fleet.controller.pid()));
    let t0 = Instant::now();
    fleet.create_placement("spread", false).await;
    let placement_created_ms = ms_since(t0, &Instant::now());
    let sampler = MaxSampler::spawn(Duration::from_millis(200), {
        let fleet = fleet.clone();
        move || fleet.controller.metrics().sync_queue()
    });
    let mut clusters = Vec::new();
    for poller in pollers {
        clusters.push(poller.await.unwrap());
    }
    let upstream = upstream.await.unwrap();
    let elapsed = t0.elapsed();
    let max_queue = sampler.stop().await;
    let cpu = cpu_percent(&cpu_before, &cpu_seconds(Some(fleet.controller.pid())), elapsed);
    let after = fleet.controller.metrics();

    // Per copy (n × clusters) and per workload (the later of its copies).
    let mut created = Vec::new();
    let mut ready = Vec::new();
    let mut per_workload_created = Vec::new();
    for name in &fleet.names {
        let times: Vec<f64> = clusters.iter().filter_map(|c| c.created.get(name)).map(|t| ms_since(t0, t)).collect();
        created.extend(&times);
        if times.len() == CLUSTERS.len() {
            per_workload_created.push(times.iter().copied().fold(0.0, f64::max));
        }
        ready.extend(clusters.iter().filter_map(|c| c.ready.get(name)).map(|t| ms_since(t0, t)));
    }
    let available: Vec<f64> = upstream.available.values().map(|t| ms_since(t0, t)).collect();
    let lists =
        |c: &ClusterSeen| json!({"lists": c.list_ms.len(), "errors": c.errors, "list_ms": summary_ms(&c.list_ms)});
    let status_lag: Vec<f64> = fleet
        .names
        .iter()
        .filter_map(|name| {
            let up = ms_since(t0, upstream.available.get(name)?);
            let down =
                clusters.iter().map(|c| c.ready.get(name).map(|t| ms_since(t0, t))).collect::<Option<Vec<_>>>()?;
            Some(up - down.into_iter().fold(0.0, f64::max))
        })
        .collect();
    let writes = after.sync_writes() - before.sync_writes();
    println!(
        "B2 {n}: created {}/{} copies (p99 {} ms), {}/{n} Available upstream (p99 {} ms) in {:.1}s",
        created.len(),
        n * CLUSTERS.len(),
        summary_ms(&created)["p99_ms"],
        available.len(),
        summary_ms(&available)["p99_ms"],
        elapsed.as_secs_f64()
    );

    // Nothing changes now: the loop should write nothing more.
    let settled = fleet.settle(Duration::from_secs(120)).await;
    let idle_before = fleet.controller.metrics();
    let idle_seconds = env_usize("BENCH_IDLE_SECONDS", 20);
    tokio::time::sleep(Duration::from_secs(idle_seconds as u64)).await;
    let idle_after = fleet.controller.metrics();

    json!({
        "workloads": n, "clusters": CLUSTERS.len(), "replicas_per_copy": 1, "replica_division": "Duplicated",
        "timed_out": created.len() < n * CLUSTERS.len() || available.len() < n, "limit_s": limit.as_secs(),
        "placement_create_ms": round(placement_created_ms, 1),
        "downstream_create_per_copy": summary_ms(&created),
        "downstream_create_per_workload_all_clusters": summary_ms(&per_workload_created),
        "downstream_ready_per_copy": summary_ms(&ready),
        "upstream_available_per_workload": summary_ms(&available),
        "status_lag_after_last_copy_ready": summary_ms(&status_lag),
        "window_s": round(elapsed.as_secs_f64(), 2),
        "polling": {"cluster_every_ms": cluster_every.as_millis() as u64, "upstream_every_ms": upstream_every.as_millis() as u64,
                    "pc1": lists(&clusters[0]), "pc2": lists(&clusters[1]),
                    "upstream": {"lists": upstream.list_ms.len(), "errors": upstream.errors, "list_ms": summary_ms(&upstream.list_ms)}},
        "controller": {"sync_writes": writes, "sync_writes_per_workload": round(writes / n as f64, 2),
                       "sync_reconciles": after.sync_reconciles() - before.sync_reconciles(),
                       "placement_writes": after.get(r#"tmc_controller_writes_total{controller="placement"}"#)
                           - before.get(r#"tmc_controller_writes_total{controller="placement"}"#),
                       "max_sync_queue_depth": max_queue,
                       "apply_errors": after.sum("tmc_workload_apply_errors_total", "cluster=")},
        "idle_after": {"seconds": idle_seconds, "queue_emptied_first": settled,
                       "sync_writes": idle_after.sync_writes() - idle_before.sync_writes(),
                       "sync_reconciles": idle_after.sync_reconciles() - idle_before.sync_reconciles()},
        "cpu_percent_of_one_core": cpu,
    })
}
