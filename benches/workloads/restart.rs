//! B11 and B3 with synced workloads: the controller of a fleet whose workloads are all
//! Available on both clusters is stopped and started again, nothing having changed.
//!
//! ```text
//! RSS of the running controller ─► SIGTERM ─► new controller ─► leading ─► sync queue empty
//!   ─► kcp writes it made, copies whose resourceVersion moved, its RSS (now and peak)
//! ```
//!
//! A restart must adopt what is there: no kcp write and no downstream write is expected.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use super::fleet::{deployments, Fleet, CLUSTERS};
use super::lab::{round, Controller, Lab};

/// Resident and peak resident memory of a process, in MB (`VmRSS`, `VmHWM`).
pub fn memory_mb(pid: u32) -> (f64, f64) {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
            .map_or(0.0, |kb| round(kb / 1000.0, 1))
    };
    (field("VmRSS:"), field("VmHWM:"))
}

/// The resourceVersion of every copy in the fleet's downstream namespace, per cluster.
async fn copy_versions(lab: &Lab, fleet: &Fleet) -> BTreeMap<(String, String), String> {
    let mut versions = BTreeMap::new();
    for cluster in CLUSTERS {
        let connection = lab.cluster(cluster).await;
        let list = connection.list(&deployments(), Some(fleet.downstream_namespace.as_str()), None).await;
        for item in list.map(|l| l.items).unwrap_or_default() {
            let name = item["metadata"]["name"].as_str().unwrap_or_default().to_string();
            let version = item["metadata"]["resourceVersion"].as_str().unwrap_or_default().to_string();
            versions.insert((cluster.to_string(), name), version);
        }
    }
    versions
}

/// Restarts the fleet's controller (started with `flags`) and measures the new one.
pub async fn measure(lab: &Lab, fleet: &mut Fleet, flags: &[&str]) -> Value {
    let (rss_before, peak_before) = memory_mb(fleet.controller.pid());
    let before = copy_versions(lab, fleet).await;
    let old = std::mem::replace(&mut fleet.controller, Controller::start(lab, &fleet.workspace, flags));
    // As in a rolling update: the new replica stands by until the old one, stopped, hands
    // over the lease.
    old.stop();
    let started = Instant::now();
    while !fleet.controller.ready() {
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "the new controller did not lead:\n{}",
            fleet.controller.log_tail(30)
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let leading = started.elapsed();
    let settled = fleet.settle(Duration::from_secs(300)).await;
    let idle = started.elapsed();
    let scrape = fleet.controller.metrics();
    let after = copy_versions(lab, fleet).await;
    let moved = before.iter().filter(|(key, version)| after.get(*key) != Some(*version)).count();
    let (rss_after, peak_after) = memory_mb(fleet.controller.pid());
    let writes = |controller: &str| scrape.get(&format!(r#"tmc_controller_writes_total{{controller="{controller}"}}"#));
    json!({
        "workloads": fleet.names.len(), "copies": before.len(),
        "leading_s": round(leading.as_secs_f64(), 2),
        "synced_and_idle_s": round(idle.as_secs_f64(), 2), "settled": settled,
        "kcp_writes": {"sync": writes("sync"), "placement": writes("placement"), "health": writes("health")},
        "sync_reconciles": scrape.sync_reconciles(),
        "copies_written_downstream": moved,
        "copies_missing_after": before.keys().filter(|k| !after.contains_key(*k)).count(),
        "controller_rss_mb": {"before_restart": rss_before, "before_restart_peak": peak_before,
                              "after_restart": rss_after, "after_restart_peak": peak_after},
    })
}
