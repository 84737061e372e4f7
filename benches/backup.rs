//! B6, pure part: the backup archive's encode and decode+verify of 10k mixed objects (targets:
//! encode ≥ 50k objects/s, decode+verify ≥ 20k/s). Velero, the anchor, cannot run here; each
//! round also times a floor — the same objects as one JSON array through zstd, with no tar, no
//! manifest and no digests — so the format's own cost shows as a ratio. Archive and floor
//! alternate round by round (A B A B …). Writes `bench/results/b6-archive.json`.
//! Run: `cargo bench --bench backup`.

// A benchmark's job is to print its figures.
#![allow(clippy::print_stdout)]

use std::collections::BTreeMap;
use std::hint::black_box;
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use tmcctl::backup::{decode, encode, ArchivedObject, Capture};

const OBJECTS: usize = 10_000;
const ROUNDS: usize = 9;

/// Deployments, Services, ConfigMaps, Secrets, ClusterRegistrations and WorkloadPlacements in
/// 20 workspaces, each about the size it has in a real backup.
fn objects() -> Vec<ArchivedObject> {
    (0..OBJECTS)
        .map(|i| {
            let workspace = format!("root:team-{:02}", i % 20);
            let name = format!("app-{i:05}");
            let object = match i % 6 {
                0 => json!({"apiVersion": "apps/v1", "kind": "Deployment",
                    "metadata": {"name": name, "namespace": "default", "labels": {"app": name, "tier": "web"}},
                    "spec": {"replicas": 3, "selector": {"matchLabels": {"app": name}},
                             "template": {"metadata": {"labels": {"app": name}},
                                          "spec": {"containers": [{"name": "main", "image": format!("registry.example/{name}:1.2.3"),
                                                    "ports": [{"containerPort": 8080}],
                                                    "resources": {"requests": {"cpu": "100m", "memory": "128Mi"}},
                                                    "envFrom": [{"configMapRef": {"name": format!("{name}-settings")}}]}]}}}}),
                1 => json!({"apiVersion": "v1", "kind": "Service",
                    "metadata": {"name": name, "namespace": "default"},
                    "spec": {"selector": {"app": name}, "ports": [{"port": 80, "targetPort": 8080}]}}),
                2 => json!({"apiVersion": "v1", "kind": "ConfigMap",
                    "metadata": {"name": format!("{name}-settings"), "namespace": "default"},
                    "data": {"greeting": "hello", "config.yaml": "a: 1\nb: two\nc: [3, 4, 5]\n".repeat(8)}}),
                3 => json!({"apiVersion": "v1", "kind": "Secret",
                    "metadata": {"name": format!("{name}-token"), "namespace": "default"},
                    "type": "Opaque", "data": {"token": "dG9rZW4tdmFsdWUtZm9yLWEtYmVuY2htYXJr".repeat(4)}}),
                4 => json!({"apiVersion": "tmc.kcp.io/v1alpha1", "kind": "ClusterRegistration",
                    "metadata": {"name": format!("pc-{i:05}"), "labels": {"region": "eu", "env": "prod"}},
                    "spec": {"location": "eu-west-1", "credentials": {"namespace": "tmc-system", "name": format!("tmc-cluster-pc-{i:05}"), "key": "kubeconfig"},
                             "capabilities": [{"type": "gpu", "available": true}]}}),
                _ => json!({"apiVersion": "tmc.kcp.io/v1alpha1", "kind": "WorkloadPlacement",
                    "metadata": {"name": name},
                    "spec": {"strategy": "Spread", "locationSelector": {"matchLabels": {"env": "prod"}}},
                    "status": {"decisions": [{"cluster": "pc-00004", "replicas": 2}, {"cluster": "pc-00010", "replicas": 1}]}}),
            };
            ArchivedObject { workspace, object }
        })
        .collect()
}

fn capture() -> Capture {
    Capture {
        source: "https://kcp.example:6443".into(),
        created_at: "2026-12-02T00:00:00Z".into(),
        workspaces: (0..20).map(|w| format!("root:team-{w:02}")).collect(),
        resource_versions: BTreeMap::new(),
        downstream_identities: BTreeMap::new(),
        bound_apis: BTreeMap::new(),
    }
}

fn floor_encode(objects: &[ArchivedObject]) -> Vec<u8> {
    let array: Vec<&Value> = objects.iter().map(|o| &o.object).collect();
    zstd::encode_all(&serde_json::to_vec(&array).unwrap()[..], 3).unwrap()
}

fn floor_decode(bytes: &[u8]) -> Vec<Value> {
    serde_json::from_slice(&zstd::decode_all(bytes).unwrap()).unwrap()
}

fn timed<T>(f: impl FnOnce() -> T) -> (T, Duration) {
    let start = Instant::now();
    let out = f();
    (black_box(out), start.elapsed())
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn per_second(d: Duration) -> f64 {
    OBJECTS as f64 / d.as_secs_f64()
}

fn main() {
    // `cargo test --benches` runs this with `--bench` absent: do nothing then.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let objects = objects();
    let capture = capture();
    let (mut enc, mut dec, mut floor_enc, mut floor_dec) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut sizes = (0, 0);
    for _ in 0..ROUNDS {
        let (bytes, t) = timed(|| encode(&capture, &objects).unwrap());
        enc.push(t);
        let (archive, t) = timed(|| decode(&bytes).unwrap());
        assert_eq!(archive.objects.len(), OBJECTS, "lost or duplicated objects");
        dec.push(t);
        let (floor, t) = timed(|| floor_encode(&objects));
        floor_enc.push(t);
        let (values, t) = timed(|| floor_decode(&floor));
        assert_eq!(values.len(), OBJECTS);
        floor_dec.push(t);
        sizes = (bytes.len(), floor.len());
    }
    let (enc, dec, floor_enc, floor_dec) = (median(enc), median(dec), median(floor_enc), median(floor_dec));
    println!("B6 archive, {OBJECTS} objects, median of {ROUNDS} interleaved rounds:");
    println!("  encode          {:>9.0} objects/s ({enc:?}), floor {:>9.0}/s", per_second(enc), per_second(floor_enc));
    println!("  decode+verify   {:>9.0} objects/s ({dec:?}), floor {:>9.0}/s", per_second(dec), per_second(floor_dec));
    println!("  size            {} bytes (floor {} bytes)", sizes.0, sizes.1);
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("model name").map(|m| m.trim_start_matches([' ', '\t', ':']).to_string()))
        .unwrap_or_default();
    let results = json!({
        "benchmark": "B6 archive encode and decode+verify (pure)",
        "machine": {"cpu": cpu, "cpus": std::thread::available_parallelism().map(|n| n.get()).unwrap_or(0),
                    "load_average": load.split_whitespace().take(3).collect::<Vec<_>>().join(" ")},
        "tmcctl_version": env!("CARGO_PKG_VERSION"),
        "objects": OBJECTS,
        "rounds": ROUNDS,
        "encode_objects_per_second": per_second(enc).round(),
        "decode_verify_objects_per_second": per_second(dec).round(),
        "floor_encode_objects_per_second": per_second(floor_enc).round(),
        "floor_decode_objects_per_second": per_second(floor_dec).round(),
        "encode_vs_floor": (floor_enc.as_secs_f64() / enc.as_secs_f64() * 100.0).round() / 100.0,
        "decode_vs_floor": (floor_dec.as_secs_f64() / dec.as_secs_f64() * 100.0).round() / 100.0,
        "archive_bytes": sizes.0,
        "floor_bytes": sizes.1,
        "targets": {"encode_objects_per_second": 50_000, "decode_verify_objects_per_second": 20_000},
    });
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/bench/results/b6-archive.json");
    std::fs::write(path, serde_json::to_string_pretty(&results).unwrap() + "\n").unwrap();
    println!("wrote {path}");
}
