//! B7 on the workload path: edits of synced Deployments' pod templates at a fixed rate, each
//! one a new value of annotation `bench/edit`; the latency is from sending the edit to a watch
//! on each cluster showing the copy with that value (or a later one, when edits of the same
//! Deployment follow each other faster than they sync: the earlier is then superseded), and
//! also from kcp's answer to the edit, which leaves out the time the edit waited in kcp.
//!
//! ```text
//! apply spec.template annotation (seq) ─► kcp ─► sync loop ─► copy on pc1, pc2 ─► watch event (seq' ≥ seq)
//! ```

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use futures::StreamExt;
use serde_json::{json, Value};
use tmcctl::client::{ApplyOptions, WatchedObject};

use super::fleet::{deployments, Fleet, CLUSTERS};
use super::lab::{cpu_percent, cpu_seconds, round, summary_ms, Lab, MaxSampler};

const EDIT_ANNOTATION: &str = "bench/edit";

/// Edits sent and not yet seen everywhere, and what was seen.
#[derive(Default)]
struct Edits {
    /// name → (seq, when sent), in send order.
    sent: HashMap<String, Vec<(u64, Instant)>>,
    /// (cluster, name) → highest seq seen there.
    seen: HashMap<(usize, String), u64>,
    /// (cluster, seq) → latency ms, when it was seen, and whether a later edit carried it.
    latencies: HashMap<(usize, u64), (f64, Instant, bool)>,
    /// seq → when kcp answered the edit's apply.
    answered: HashMap<u64, Instant>,
}

impl Edits {
    fn observe(&mut self, cluster: usize, name: &str, seq: u64, at: Instant) {
        let key = (cluster, name.to_string());
        let before = self.seen.get(&key).copied().unwrap_or(0);
        if seq <= before {
            return;
        }
        self.seen.insert(key, seq);
        for (sent_seq, sent_at) in self.sent.get(name).into_iter().flatten() {
            if *sent_seq > before && *sent_seq <= seq {
                let ms = at.saturating_duration_since(*sent_at).as_secs_f64() * 1000.0;
                self.latencies.insert((cluster, *sent_seq), (ms, at, *sent_seq < seq));
            }
        }
    }
}

fn edit_seq(object: &Value) -> Option<u64> {
    object["spec"]["template"]["metadata"]["annotations"][EDIT_ANNOTATION].as_str()?.parse().ok()
}

/// One churn run at `rate` edits/s for `seconds` over the fleet's Deployments.
pub async fn churn(lab: &Lab, fleet: Arc<Fleet>, rate: u32, seconds: u64, first_seq: u64) -> (Value, u64) {
    let edits: Arc<Mutex<Edits>> = Arc::default();
    let selector = format!("tmc.kcp.io/workspace={}", fleet.logical_cluster);
    let mut watchers = Vec::new();
    for (index, cluster) in CLUSTERS.iter().enumerate() {
        let watch = lab.cluster(cluster).await.watch(&deployments(), Some(selector.as_str())).expect("watch");
        let edits = edits.clone();
        watchers.push(tokio::spawn(async move {
            futures::pin_mut!(watch);
            while let Some(event) = watch.next().await {
                let Ok(WatchedObject::Changed(object)) = event else { continue };
                let at = Instant::now();
                if let (Some(name), Some(seq)) = (object["metadata"]["name"].as_str(), edit_seq(&object)) {
                    edits.lock().unwrap().observe(index, name, seq, at);
                }
            }
        }));
    }
    tokio::time::sleep(Duration::from_secs(2)).await; // the watches' initial lists

    let sampler = MaxSampler::spawn(Duration::from_millis(100), {
        let fleet = fleet.clone();
        move || fleet.controller.metrics().sync_queue()
    });
    let before = fleet.controller.metrics();
    let cpu_before = cpu_seconds(Some(fleet.controller.pid()));
    let applies: Arc<Mutex<(Vec<f64>, usize)>> = Arc::default();
    let in_flight = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let mut max_in_flight = 0;
    let mut tick = tokio::time::interval(Duration::from_secs_f64(1.0 / f64::from(rate)));
    let mut tasks = tokio::task::JoinSet::new();
    let started = Instant::now();
    let mut seq = first_seq;
    while started.elapsed() < Duration::from_secs(seconds) {
        tick.tick().await;
        seq += 1;
        let name = fleet.names[(seq as usize) % fleet.names.len()].clone();
        let patch = json!({"apiVersion": "apps/v1", "kind": "Deployment",
            "metadata": {"name": name, "namespace": "default"},
            "spec": {"template": {"metadata": {"annotations": {EDIT_ANNOTATION: seq.to_string()}}}}});
        let (hub, edits, applies, in_flight) = (fleet.hub.clone(), edits.clone(), applies.clone(), in_flight.clone());
        max_in_flight = max_in_flight.max(in_flight.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1);
        tasks.spawn(async move {
            let at = Instant::now();
            edits.lock().unwrap().sent.entry(name.clone()).or_default().push((seq, at));
            let result = hub.apply(&deployments(), &patch, "bench-editor", ApplyOptions::default()).await;
            in_flight.fetch_sub(1, std::sync::atomic::Ordering::Relaxed);
            match result {
                Ok(_) => {
                    applies.lock().unwrap().0.push(at.elapsed().as_secs_f64() * 1000.0);
                    edits.lock().unwrap().answered.insert(seq, Instant::now());
                }
                Err(_) => {
                    applies.lock().unwrap().1 += 1;
                    // Never applied, so never expected downstream.
                    if let Some(sends) = edits.lock().unwrap().sent.get_mut(&name) {
                        sends.retain(|(s, _)| *s != seq);
                    }
                }
            }
        });
    }
    let sending = started.elapsed();
    while tasks.join_next().await.is_some() {}
    let applied_in = started.elapsed();
    let sent_edits = seq - first_seq;
    // Let the last copies land: every applied edit seen on every cluster, or 60 s.
    let settle = Instant::now();
    let expected = |e: &Edits| e.sent.values().map(Vec::len).sum::<usize>() * CLUSTERS.len();
    while settle.elapsed() < Duration::from_secs(60) {
        let landed = {
            let e = edits.lock().unwrap();
            e.latencies.len() >= expected(&e)
        };
        if landed {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let window = started.elapsed();
    let cpu = cpu_percent(&cpu_before, &cpu_seconds(Some(fleet.controller.pid())), window);
    let after = fleet.controller.metrics();
    let max_queue = sampler.stop().await;
    for w in &watchers {
        w.abort();
    }

    let e = edits.lock().unwrap();
    let per_copy: Vec<f64> = e.latencies.values().map(|(ms, _, _)| *ms).collect();
    let superseded = e.latencies.values().filter(|(_, _, s)| *s).count();
    // The controller's and the clusters' share: from kcp's answer to the copy seen (the
    // controller may see the edit before the editor does, so the floor is 0).
    let after_answer: Vec<f64> = e
        .latencies
        .iter()
        .filter_map(|((_, seq), (_, seen, _))| {
            Some(seen.saturating_duration_since(*e.answered.get(seq)?).as_secs_f64() * 1000.0)
        })
        .collect();
    let mut per_edit = Vec::new();
    for sends in e.sent.values() {
        for (s, _) in sends {
            let both: Option<Vec<f64>> = (0..CLUSTERS.len()).map(|c| e.latencies.get(&(c, *s)).map(|l| l.0)).collect();
            if let Some(both) = both {
                per_edit.push(both.into_iter().fold(0.0, f64::max));
            }
        }
    }
    let (apply_ms, apply_errors) = applies.lock().unwrap().clone();
    let applied = apply_ms.len();
    let result = json!({
        "edits_per_second": rate, "seconds": seconds, "workloads": fleet.names.len(),
        "edits_sent": sent_edits, "edits_applied": applied, "apply_errors": apply_errors,
        "sending_s": round(sending.as_secs_f64(), 2), "all_applies_answered_s": round(applied_in.as_secs_f64(), 2),
        "achieved_edits_per_second": round(applied as f64 / applied_in.as_secs_f64(), 1),
        "max_edits_in_flight": max_in_flight, "kcp_apply_ms": summary_ms(&apply_ms),
        "copies_expected": applied * CLUSTERS.len(), "copies_seen": per_copy.len(),
        "copies_superseded_by_a_later_edit": superseded,
        "copies_not_seen_within_60s_after": (applied * CLUSTERS.len()).saturating_sub(per_copy.len()),
        "edit_to_copy_visible": summary_ms(&per_copy), "edit_to_visible_on_both_clusters": summary_ms(&per_edit),
        "kcp_answered_to_copy_visible": summary_ms(&after_answer),
        "max_sync_queue_depth": max_queue,
        "sync_writes": after.sync_writes() - before.sync_writes(),
        "sync_reconciles": after.sync_reconciles() - before.sync_reconciles(),
        "window_s": round(window.as_secs_f64(), 1), "cpu_percent_of_one_core": cpu,
    });
    println!("B7 {rate}/s: {result}");
    (result, seq)
}
