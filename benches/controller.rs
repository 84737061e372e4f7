//! B3 (controller memory), B7 (edit → decision latency under churn), B9 (leader hand-over) and
//! B11 (restart with 10k placements in 100 workspaces), against the lab: a real kcp and the
//! release binary. Run through `bash bench/controller.sh`, which builds the binary and writes
//! the results to bench/results/. Sizes come from the environment (BENCH_WORKSPACES,
//! BENCH_PER_WORKSPACE, BENCH_EDIT_SECONDS) so a quick run can be small.

#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::collections::HashMap;
use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use futures::StreamExt;
use serde_json::{json, Value};
use tmcctl::api::WorkloadPlacement;
use tmcctl::client::{ApplyOptions, Connection, ConnectionSettings, RequestLimits, Resource, WatchedObject};

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

struct Lab {
    kubeconfig: String,
    binary: PathBuf,
}

impl Lab {
    fn read() -> Lab {
        let path = std::env::var("TMCCTL_LAB_ENV").expect("TMCCTL_LAB_ENV (bench/controller.sh sets it)");
        let text = std::fs::read_to_string(path).expect("lab env file");
        let var = |key: &str| {
            text.lines().find_map(|l| l.strip_prefix(&format!("{key}="))).map(|v| v.trim_matches('"').to_string())
        };
        Lab {
            kubeconfig: var("KCP_KUBECONFIG").expect("KCP_KUBECONFIG"),
            binary: std::env::var("TMCCTL_BIN").map(PathBuf::from).expect("TMCCTL_BIN (bench/controller.sh sets it)"),
        }
    }

    fn tmcctl(&self, args: &[&str]) {
        let status = Command::new(&self.binary)
            .arg("--kubeconfig")
            .arg(&self.kubeconfig)
            .args(args)
            .stdout(Stdio::null())
            .status()
            .expect("run tmcctl");
        assert!(status.success(), "tmcctl {args:?} failed");
    }
}

/// A `controller run` in the background.
struct Controller {
    child: Child,
    port: u16,
}

impl Controller {
    fn start(lab: &Lab, provider: &str, extra: &[&str]) -> Controller {
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let log = std::fs::File::create(format!("/tmp/tmcctl-bench-controller-{port}.log")).unwrap();
        let child = Command::new(&lab.binary)
            .args(["--kubeconfig", &lab.kubeconfig, "controller", "run", "--provider-workspace", provider])
            .args(["--metrics-addr", &format!("127.0.0.1:{port}"), "--probe-interval", "30s"])
            .args(["--kube-api-qps", "1000", "--kube-api-burst", "2000"])
            .args(extra)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .expect("start the controller");
        Controller { child, port }
    }

    fn get(&self, path: &str) -> Option<(u16, String)> {
        let mut stream = std::net::TcpStream::connect(("127.0.0.1", self.port)).ok()?;
        stream.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
        write!(stream, "GET {path} HTTP/1.0\r\n\r\n").ok()?;
        let mut response = String::new();
        stream.read_to_string(&mut response).ok()?;
        let code = response.split_whitespace().nth(1)?.parse().ok()?;
        Some((code, response.split_once("\r\n\r\n")?.1.to_string()))
    }

    fn ready(&self) -> bool {
        self.get("/readyz").is_some_and(|(code, _)| code == 200)
    }

    /// One series' value (0 when absent).
    fn metric(&self, series: &str) -> f64 {
        self.get("/metrics")
            .and_then(|(_, body)| {
                body.lines().find_map(|l| l.strip_prefix(series)?.strip_prefix(' ')?.trim().parse().ok())
            })
            .unwrap_or(0.0)
    }

    /// (VmRSS, VmHWM) in MB.
    fn rss(&self) -> (f64, f64) {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).unwrap_or_default();
        let field = |name: &str| {
            status
                .lines()
                .find_map(|l| l.strip_prefix(name))
                .and_then(|v| v.split_whitespace().next()?.parse::<f64>().ok())
                .map_or(0.0, |kb| kb / 1024.0)
        };
        (field("VmRSS:"), field("VmHWM:"))
    }

    fn signal(&self, signal: &str) {
        Command::new("kill").arg(format!("-{signal}")).arg(self.child.id().to_string()).status().unwrap();
    }

    fn stop(mut self) {
        self.signal("TERM");
        let _ = self.child.wait();
    }
}

impl Drop for Controller {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn wait_until(what: &str, limit: Duration, mut check: impl FnMut() -> bool) -> Duration {
    let started = Instant::now();
    while !check() {
        assert!(started.elapsed() < limit, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(20));
    }
    started.elapsed()
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn write_result(name: &str, value: &Value) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("bench/results");
    std::fs::write(dir.join(name), serde_json::to_string_pretty(value).unwrap() + "\n").unwrap();
    println!("wrote bench/results/{name}");
}

fn machine() -> Value {
    let cpus = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(0);
    json!({"cpus": cpus, "tmcctl": env!("CARGO_PKG_VERSION"), "date": jiff::Timestamp::now().to_string()})
}

/// Creates the provider, `n` bound workspaces and `per` registrations + placements in each;
/// returns (workspace path, logical cluster) pairs. Idempotent: a second run reuses them.
async fn seed(lab: &Lab, kcp: &Connection, provider: &str, n: usize, per: usize) -> Vec<(String, String)> {
    let workspaces: Vec<String> = (0..n).map(|i| format!("{provider}-w{i:03}")).collect();
    for chunk in workspaces.chunks(25) {
        let mut args = vec!["install", "--provider-workspace", provider, "--create-workspaces", "--timeout", "5m"];
        for ws in chunk {
            args.extend(["--bind", ws.as_str()]);
        }
        lab.tmcctl(&args);
    }
    let registrations = Resource::new("tmc.kcp.io", "v1alpha1", "ClusterRegistration", "clusterregistrations", false);
    let placements = Resource::of::<WorkloadPlacement>();
    let mut out = Vec::new();
    for ws in &workspaces {
        let conn = kcp.for_workspace(&ws.parse().unwrap());
        let last = format!("p{:04}", per - 1);
        let seeded = conn.get(&placements, None, &last).await.unwrap().is_some()
            && conn.get(&registrations, None, &format!("c{:04}", per - 1)).await.unwrap().is_some();
        let creates = (0..if seeded { 0 } else { per }).flat_map(|i| {
            let tier = ["gold", "silver"][i % 2];
            let cluster = json!({"apiVersion": "tmc.kcp.io/v1alpha1", "kind": "ClusterRegistration",
                "metadata": {"name": format!("c{i:04}"), "labels": {"tier": tier}},
                "spec": {"location": format!("region-{}", i % 5)}});
            let placement = json!({"apiVersion": "tmc.kcp.io/v1alpha1", "kind": "WorkloadPlacement",
                "metadata": {"name": format!("p{i:04}")},
                "spec": {"strategy": "Spread", "locationSelector": {"matchLabels": {"tier": "gold"}}}});
            [(registrations.clone(), cluster), (placements.clone(), placement)]
        });
        let results: Vec<_> = futures::stream::iter(creates.map(|(r, o)| {
            let conn = conn.clone();
            async move { conn.create(&r, &o).await }
        }))
        .buffer_unordered(32)
        .collect()
        .await;
        for r in results {
            if let Err(e) = r {
                assert!(matches!(e, tmcctl::client::ClientError::Conflict { .. }), "seeding {ws}: {e}");
            }
        }
        let any = conn.get(&placements, None, "p0000").await.unwrap().expect("seeded");
        let lc = any["metadata"]["annotations"]["kcp.io/cluster"].as_str().unwrap().to_string();
        out.push((ws.clone(), lc));
    }
    out
}

/// When each edit went out, by (logical cluster, placement, the generation it made).
type SentEdits = HashMap<(String, String, i64), Instant>;

/// B7: edits at `rate`/s for `seconds`, each a new generation of a placement's spec; the
/// latency is from sending the edit to seeing the decision for that generation written.
async fn churn(
    kcp: &Connection,
    endpoint: &str,
    workspaces: &[(String, String)],
    per: usize,
    controller: &Controller,
    rate: u32,
    seconds: u64,
) -> Value {
    let sent: Arc<Mutex<SentEdits>> = Arc::default();
    let latencies: Arc<Mutex<Vec<f64>>> = Arc::default();
    let placements = Resource::of::<WorkloadPlacement>();
    let watch = kcp.virtual_workspace(endpoint).unwrap().watch(&placements, None).unwrap();
    let watcher = tokio::spawn({
        let (sent, latencies) = (sent.clone(), latencies.clone());
        async move {
            futures::pin_mut!(watch);
            while let Some(Ok(WatchedObject::Changed(o))) = watch.next().await {
                let (Some(lc), Some(name), Some(observed)) = (
                    o["metadata"]["annotations"]["kcp.io/cluster"].as_str(),
                    o["metadata"]["name"].as_str(),
                    o["status"]["observedGeneration"].as_i64(),
                ) else {
                    continue;
                };
                if let Some(at) = sent.lock().unwrap().remove(&(lc.to_string(), name.to_string(), observed)) {
                    latencies.lock().unwrap().push(at.elapsed().as_secs_f64() * 1000.0);
                }
            }
        }
    });
    tokio::time::sleep(Duration::from_secs(2)).await; // the watch's initial list
    let mut tick = tokio::time::interval(Duration::from_secs_f64(1.0 / f64::from(rate)));
    let started = Instant::now();
    let mut edits = 0u64;
    let mut max_depth = 0f64;
    let mut last_sample = Instant::now();
    let mut tasks = tokio::task::JoinSet::new();
    while started.elapsed() < Duration::from_secs(seconds) {
        tick.tick().await;
        let (ws, lc) = &workspaces[edits as usize % workspaces.len()];
        let name = format!("p{:04}", (edits as usize / workspaces.len()) % per);
        let conn = kcp.for_workspace(&ws.parse().unwrap());
        let patch = json!({"apiVersion": "tmc.kcp.io/v1alpha1", "kind": "WorkloadPlacement",
            "metadata": {"name": name}, "spec": {"numberOfClusters": 1 + (edits % 3)}});
        let (sent, lc, placements) = (sent.clone(), lc.clone(), placements.clone());
        tasks.spawn(async move {
            let at = Instant::now();
            if let Ok(applied) = conn.apply(&placements, &patch, "bench-editor", ApplyOptions::default()).await {
                if let Some(generation) = applied["metadata"]["generation"].as_i64() {
                    sent.lock().unwrap().insert((lc, name, generation), at);
                }
            }
        });
        edits += 1;
        if last_sample.elapsed() > Duration::from_millis(200) {
            max_depth = max_depth.max(controller.metric(r#"tmc_controller_queue_depth{controller="placement"}"#));
            last_sample = Instant::now();
        }
    }
    while tasks.join_next().await.is_some() {}
    // Let the last decisions land.
    let settle = Instant::now();
    while settle.elapsed() < Duration::from_secs(10)
        && controller.metric(r#"tmc_controller_queue_depth{controller="placement"}"#) > 0.0
    {
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    tokio::time::sleep(Duration::from_secs(1)).await;
    watcher.abort();
    let mut l = latencies.lock().unwrap().clone();
    l.sort_by(f64::total_cmp);
    let coalesced = edits as usize - l.len();
    json!({"edits_per_second": rate, "seconds": seconds, "edits": edits, "decisions_seen": l.len(),
           "coalesced_or_missed": coalesced, "p50_ms": percentile(&l, 0.5), "p90_ms": percentile(&l, 0.9),
           "p99_ms": percentile(&l, 0.99), "max_queue_depth": max_depth})
}

fn main() {
    let lab = Lab::read();
    let n = env_usize("BENCH_WORKSPACES", 100);
    let per = env_usize("BENCH_PER_WORKSPACE", 100);
    let edit_seconds = env_usize("BENCH_EDIT_SECONDS", 60) as u64;
    // BENCH_PARTS=b11 (say) runs only those parts; the workspaces are seeded (or reused) always.
    let parts = std::env::var("BENCH_PARTS").unwrap_or_else(|_| "b3,b7,b9,b11".into());
    let want = |part: &str| parts.split(',').any(|p| p.trim() == part);
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let settings = ConnectionSettings {
        kubeconfig: Some(lab.kubeconfig.clone().into()),
        request_timeout: Some(Duration::from_secs(60)),
        limits: RequestLimits { qps: 2000, burst: 2000, max_in_flight: 128 },
        ..Default::default()
    };
    let kcp = runtime.block_on(Connection::open(&settings)).unwrap();
    let idle_rss = (want("b3") || want("b9")).then(|| idle_and_handover(&lab, want("b9")));

    let provider = format!("root:bench-ctl-{n}x{per}");
    println!("seeding {n} workspaces x {per} registrations + {per} placements under {provider}");
    let seeded_at = Instant::now();
    let workspaces = runtime.block_on(seed(&lab, &kcp, &provider, n, per));
    println!("seeded in {:.0}s", seeded_at.elapsed().as_secs_f64());
    let objects = n * per;
    let settled = |c: &Controller| {
        c.ready()
            && c.metric(r#"tmc_controller_queue_depth{controller="placement"}"#) == 0.0
            && c.metric(r#"tmc_controller_queue_depth{controller="health"}"#) == 0.0
            && c.metric(r#"tmc_controller_reconciles_total{controller="placement",result="success"}"#) >= objects as f64
    };

    // A first start decides whatever was never decided; B3's steady figures come from it.
    let first = Controller::start(&lab, &provider, &[]);
    wait_until("first controller settled", Duration::from_secs(900), || settled(&first));
    std::thread::sleep(Duration::from_secs(5));
    let (steady_rss, first_peak) = first.rss();
    let requests_before = first.metric("tmc_client_requests_total");
    std::thread::sleep(Duration::from_secs(30));
    let idle_rps = (first.metric("tmc_client_requests_total") - requests_before) / 30.0;
    println!("B3 steady RSS {steady_rss:.1} MB with {objects} registrations + {objects} placements; idle {idle_rps:.2} req/s");
    first.stop();

    // B11: restart; nothing changed, so nothing may be written.
    let started = Instant::now();
    let second = Controller::start(&lab, &provider, &[]);
    wait_until("caches synced", Duration::from_secs(300), || second.ready());
    let synced = started.elapsed().as_secs_f64();
    wait_until("queues empty", Duration::from_secs(300), || settled(&second));
    let emptied = started.elapsed().as_secs_f64();
    std::thread::sleep(Duration::from_secs(3));
    let placement_writes = second.metric(r#"tmc_controller_writes_total{controller="placement"}"#);
    let health_writes = second.metric(r#"tmc_controller_writes_total{controller="health"}"#);
    let (after_rss, restart_peak) = second.rss();
    println!(
        "B11 synced {synced:.1}s, queues empty {emptied:.1}s, {placement_writes} placement + {health_writes} health writes; peak {restart_peak:.1} MB"
    );
    if want("b11") {
        write_result(
            "b11-controller-restart.json",
            &json!({"machine": machine(), "workspaces": n, "placements": objects, "registrations": objects,
                    "caches_synced_s": synced, "queues_empty_s": emptied, "writes": placement_writes + health_writes,
                    "placement_writes": placement_writes, "health_writes": health_writes,
                    "target": {"seconds": 30, "writes": 0}}),
        );
    }

    if want("b7") {
        let endpoint = runtime.block_on(async {
            let slices =
                Resource::new("apis.kcp.io", "v1alpha1", "APIExportEndpointSlice", "apiexportendpointslices", false);
            let slice = kcp.for_workspace(&provider.parse().unwrap()).get(&slices, None, "tmc.kcp.io").await;
            slice.unwrap().unwrap()["status"]["endpoints"][0]["url"].as_str().unwrap().to_string()
        });
        let mut churns = Vec::new();
        for rate in [10, 100, 500] {
            let result = runtime.block_on(churn(&kcp, &endpoint, &workspaces, per, &second, rate, edit_seconds));
            println!("B7 {rate}/s: {result}");
            churns.push(result);
        }
        write_result(
            "b7-placement-latency.json",
            &json!({"machine": machine(), "workspaces": n, "placements": objects, "runs": churns,
                    "target": {"p50_ms_at_100": 50, "p99_ms_at_100": 500}}),
        );
    }
    let (after_churn_rss, _) = second.rss();
    second.stop();
    if let (true, Some(idle_rss)) = (want("b3"), idle_rss) {
        write_result(
            "b3-controller-memory.json",
            &json!({"machine": machine(), "idle_rss_mb": idle_rss, "cached_objects": objects * 2,
                    "steady_rss_mb": steady_rss, "first_sync_peak_mb": first_peak,
                    "restart_peak_mb": restart_peak, "restart_rss_mb": after_rss,
                    "after_churn_rss_mb": after_churn_rss, "idle_requests_per_second": idle_rps,
                    "per_10k_objects_mb": (steady_rss - idle_rss) / (objects as f64 * 2.0 / 10_000.0),
                    "relist_note": "the peak is that of a start-up list into an empty cache, then the steady size; a relist while running holds the old and the new map until the swap",
                    "target": {"idle_mb": 20, "per_10k_objects_mb": 50, "relist_peak_ratio": 2.0}}),
        );
    }
}

/// B3's idle figure and B9: a provider with one empty bound workspace.
fn idle_and_handover(lab: &Lab, handover: bool) -> f64 {
    // B3 idle: a provider with one empty bound workspace.
    let idle_provider = "root:bench-idle-p";
    lab.tmcctl(&[
        "install",
        "--provider-workspace",
        idle_provider,
        "--bind",
        "root:bench-idle-c",
        "--create-workspaces",
    ]);
    let idle = Controller::start(lab, idle_provider, &[]);
    wait_until("idle controller ready", Duration::from_secs(60), || idle.ready());
    std::thread::sleep(Duration::from_secs(5));
    let (idle_rss, _) = idle.rss();
    println!("B3 idle RSS {idle_rss:.1} MB");

    if !handover {
        idle.stop();
        return idle_rss;
    }
    // B9 on the idle provider: SIGKILL and SIGTERM hand-overs, alternating.
    let mut handovers = Vec::new();
    let mut leader = idle;
    for round in 0..6 {
        let standby = Controller::start(lab, idle_provider, &[]);
        wait_until("standby ready", Duration::from_secs(60), || standby.ready());
        let signal = if round % 2 == 0 { "KILL" } else { "TERM" };
        let started = Instant::now();
        leader.signal(signal);
        wait_until("hand-over", Duration::from_secs(30), || standby.metric("tmc_controller_leader") == 1.0);
        let took = started.elapsed().as_secs_f64();
        println!("B9 SIG{signal}: {took:.2}s");
        handovers.push((signal, took));
        drop(leader);
        leader = standby;
    }
    leader.stop();
    let times = |s: &str| {
        let mut t: Vec<f64> = handovers.iter().filter(|(k, _)| *k == s).map(|(_, t)| *t).collect();
        t.sort_by(f64::total_cmp);
        t
    };
    let (kill, term) = (times("KILL"), times("TERM"));
    write_result(
        "b9-leader-handover.json",
        &json!({"machine": machine(), "lease": {"duration_s": 15, "renew_deadline_s": 10, "retry_s": 2},
                "sigkill_s": kill, "sigterm_s": term, "sigkill_max_s": kill.last(), "sigterm_max_s": term.last(),
                "target": {"sigkill_s": 17, "sigterm_s": 3}}),
    );

    idle_rss
}
