//! B8: stop one lab cluster (pc2) under Divided workloads and time what follows:
//!
//! ```text
//! kwokctl stop pc2 ─► heartbeat grace ─► registration Unknown ─► eviction grace ─► decision without pc2
//!                  ─► pc1's copies scaled to the full replicas ─► Available there, and summarised upstream
//! ```
//!
//! The cluster is started again whatever happens ([`StoppedCluster`] does it on drop, then
//! waits for its /readyz), so a failed run does not leave the lab short of a cluster.

use std::time::{Duration, Instant};

use serde_json::{json, Value};

use super::fleet::{deployments, ready_condition, Fleet};
use super::lab::{round, summary_ms, Lab};

/// The cluster stopped, and the one the workloads must end on.
const STOPPED: &str = "pc2";
const SURVIVOR: &str = "pc1";

/// A lab cluster stopped with kwokctl; started again (and waited for) when dropped.
pub struct StoppedCluster<'a> {
    lab: &'a Lab,
    name: &'static str,
    running: bool,
}

impl<'a> StoppedCluster<'a> {
    /// Stops `name`.
    pub fn stop(lab: &'a Lab, name: &'static str) -> StoppedCluster<'a> {
        let mut cluster = StoppedCluster { lab, name, running: true };
        if let Err(why) = lab.kwokctl("stop", name) {
            panic!("{why}");
        }
        cluster.running = false;
        cluster
    }

    /// Starts it again and waits until /readyz answers: how long that took.
    pub fn start(&mut self) -> Result<Duration, String> {
        let started = Instant::now();
        if self.running {
            return Ok(Duration::ZERO);
        }
        self.lab.kwokctl("start", self.name)?;
        while !self.lab.cluster_ready(self.name) {
            if started.elapsed() > Duration::from_secs(180) {
                return Err(format!("{} was started again but does not answer /readyz", self.name));
            }
            std::thread::sleep(Duration::from_millis(500));
        }
        self.running = true;
        // kwok's controller, started again, takes a node over only once the old holder's node
        // lease expires; the old holder is gone, so its leases go and pods run again at once.
        let kubeconfig = self.lab.cluster_kubeconfig(self.name);
        let (code, _, stderr) =
            self.lab.kubectl(&["--kubeconfig", kubeconfig, "delete", "leases", "--all", "-n", "kube-node-lease"]);
        if code != 0 {
            return Err(format!("removing the node leases of {}: {stderr}", self.name));
        }
        Ok(started.elapsed())
    }
}

impl Drop for StoppedCluster<'_> {
    fn drop(&mut self) {
        if let Err(why) = self.start() {
            println!("B8: {why}");
        }
    }
}

/// Seconds from `t0` (the wall-clock time `wall0`) to an RFC 3339 time.
fn wall_offset(wall0: jiff::Timestamp, time: Option<&str>) -> Option<f64> {
    let at: jiff::Timestamp = time?.parse().ok()?;
    Some(at.duration_since(wall0).as_secs_f64())
}

/// The survivor's copy serves the full `replicas`: scaled, rolled out, all available.
fn full_on_survivor(copy: &Value, replicas: i64) -> bool {
    let status = &copy["status"];
    copy["spec"]["replicas"] == replicas
        && status["observedGeneration"] == copy["metadata"]["generation"]
        && status["updatedReplicas"] == replicas
        && status["readyReplicas"] == replicas
        && status["availableReplicas"] == replicas
}

/// Upstream shows the survivor's copy Available at the full `replicas`.
fn full_upstream(object: &Value, replicas: i64) -> bool {
    object["status"]["tmc"]["clusters"].as_array().is_some_and(|entries| {
        entries
            .iter()
            .any(|e| e["cluster"] == SURVIVOR && e["phase"] == "Available" && e["desiredReplicas"] == replicas)
    })
}

/// One failover on a fleet whose Divided workloads are Available on both clusters.
pub async fn run(lab: &Lab, fleet: &Fleet, replicas: i64, flags: &[&str]) -> Value {
    let survivor = lab.cluster(SURVIVOR).await;
    let placements =
        tmcctl::client::Resource::new("tmc.kcp.io", "v1alpha1", "WorkloadPlacement", "workloadplacements", false);
    let limit = Duration::from_secs(240);
    let n = fleet.names.len();

    let t0 = Instant::now();
    let wall0 = jiff::Timestamp::now();
    let mut outage = StoppedCluster::stop(lab, STOPPED);
    let stop_took = t0.elapsed().as_secs_f64();
    println!("B8: {STOPPED} stopped in {stop_took:.1}s");
    let mut unknown_seen = None;
    let mut unknown_transition = None;
    let mut replaced = None;
    let mut ready: std::collections::HashMap<String, f64> = Default::default();
    let mut upstream: std::collections::HashMap<String, f64> = Default::default();
    while t0.elapsed() < limit && (ready.len() < n || upstream.len() < n || replaced.is_none()) {
        let now = t0.elapsed().as_secs_f64();
        if unknown_seen.is_none() {
            if let Some(registration) = fleet.registration(STOPPED).await {
                if ready_condition(&registration).as_deref() == Some("Unknown") {
                    unknown_seen = Some(now);
                    let condition = registration["status"]["conditions"]
                        .as_array()
                        .and_then(|c| c.iter().find(|c| c["type"] == "Ready").cloned())
                        .unwrap_or_default();
                    unknown_transition = wall_offset(wall0, condition["lastTransitionTime"].as_str());
                }
            }
        }
        if replaced.is_none() {
            if let Ok(Some(placement)) = fleet.hub.get(&placements, None, "spread").await {
                let chosen: Vec<&str> = placement["status"]["decisions"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|d| d["cluster"].as_str())
                    .collect();
                if !chosen.is_empty() && !chosen.contains(&STOPPED) {
                    replaced = Some(now);
                }
            }
        }
        if replaced.is_some() {
            if let Ok(list) = survivor.list(&deployments(), Some(fleet.downstream_namespace.as_str()), None).await {
                for copy in list.items.iter().filter(|c| full_on_survivor(c, replicas)) {
                    let name = copy["metadata"]["name"].as_str().unwrap_or_default().to_string();
                    ready.entry(name).or_insert(t0.elapsed().as_secs_f64());
                }
            }
            for object in fleet.upstream().await.iter().filter(|o| full_upstream(o, replicas)) {
                let name = object["metadata"]["name"].as_str().unwrap_or_default().to_string();
                upstream.entry(name).or_insert(t0.elapsed().as_secs_f64());
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let restarted = outage.start();
    let mut back = None;
    if restarted.is_ok() {
        let since = Instant::now();
        while since.elapsed() < Duration::from_secs(120) {
            if fleet.clusters_ready().await {
                back = Some(since.elapsed().as_secs_f64());
                break;
            }
            tokio::time::sleep(Duration::from_millis(250)).await;
        }
    }
    drop(outage);

    let grace = |flag: &str| {
        flags
            .windows(2)
            .find(|w| w[0] == flag)
            .and_then(|w| humantime::parse_duration(w[1]).ok())
            .map_or(0.0, |d| d.as_secs_f64())
    };
    let (heartbeat, eviction) = (grace("--heartbeat-grace"), grace("--eviction-grace"));
    let decision_due = unknown_transition.map(|t| t + eviction);
    let ready_times: Vec<f64> = ready.values().map(|s| s * 1000.0).collect();
    let upstream_times: Vec<f64> = upstream.values().map(|s| s * 1000.0).collect();
    let last =
        |v: &std::collections::HashMap<String, f64>| (v.len() == n).then(|| v.values().copied().fold(0.0, f64::max));
    let result = json!({
        "workloads": n, "replicas_per_workload": replicas, "replica_division": "Divided", "stopped": STOPPED,
        "controller_flags": flags, "stop_command_s": round(stop_took, 2),
        "unknown_transition_s": unknown_transition.map(|t| round(t, 2)), "unknown_seen_s": unknown_seen.map(|t| round(t, 2)),
        "detection_minus_heartbeat_grace_s": unknown_transition.map(|t| round(t - heartbeat, 2)),
        "eviction_decision_due_s": decision_due.map(|t| round(t, 2)),
        "replaced_s": replaced.map(|t| round(t, 2)),
        "replaced_after_decision_due_s": replaced.zip(decision_due).map(|(r, d)| round(r - d, 2)),
        "survivor_full_and_available_s": last(&ready).map(|t| round(t, 2)),
        "survivor_full_after_replaced_s": last(&ready).zip(replaced).map(|(a, r)| round(a - r, 2)),
        "survivor_full_per_workload_since_stop": summary_ms(&ready_times),
        "upstream_shows_survivor_full_s": last(&upstream).map(|t| round(t, 2)),
        "upstream_shows_survivor_full_per_workload_since_stop": summary_ms(&upstream_times),
        "restart": {"readyz_s": restarted.as_ref().ok().map(|d| round(d.as_secs_f64(), 1)),
                    "error": restarted.err(), "registration_ready_again_s": back.map(|t| round(t, 1))},
        "target": {"detection": "within the heartbeat grace +/- 2 s", "replaced_s_after_decision": 1.0},
        "anchor": "Karmada: 40 s grace, then 5 min to eviction by default (published defaults; not run here)",
    });
    println!("B8: {result}");
    result
}
