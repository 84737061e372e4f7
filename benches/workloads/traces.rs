//! B7 with traces: the same edits of synced Deployments, the controller restarted between
//! variants — no traces, traces to the lab's Jaeger with every trace sampled, and with 1 % —
//! in rounds whose order rotates (off 100 1, 100 1 off, 1 off 100, …), so that no variant
//! always runs first after the fleet settles. Each variant's figures are the edits of all its
//! rounds together; the 100 % variant must have reached Jaeger (checked, not assumed).

use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use super::churn;
use super::fleet::Fleet;
use super::lab::Lab;

/// The service name the bench's controller traces as.
const SERVICE: &str = "tmcctl-bench-b7";

/// (name, flags) of each variant.
fn variants(lab: &Lab) -> Vec<(&'static str, Vec<String>)> {
    let endpoint = lab.var("OTLP_HTTP_URL").to_string();
    let traced =
        |ratio: &str| vec!["--otlp-endpoint".into(), endpoint.clone(), "--trace-sampling-ratio".into(), ratio.into()];
    vec![("off", Vec::new()), ("sampled_100_percent", traced("1")), ("sampled_1_percent", traced("0.01"))]
}

/// Runs `rounds` rounds of every variant at `rate` edits/s for `seconds` each.
pub async fn measure(lab: &Lab, mut fleet: Fleet, rate: u32, seconds: u64, rounds: usize) -> (Value, Fleet) {
    let variants = variants(lab);
    let mut runs: Vec<Vec<Value>> = vec![Vec::new(); variants.len()];
    let mut order_log = Vec::new();
    let mut seq = 1_000_000;
    for round in 0..rounds {
        for step in 0..variants.len() {
            let index = (round + step) % variants.len();
            let (name, flags) = &variants[index];
            order_log.push(*name);
            let flags: Vec<&str> = flags.iter().map(String::as_str).collect();
            restart(lab, &mut fleet, &flags).await;
            let shared = Arc::new(fleet);
            let (result, last) = churn::churn(lab, shared.clone(), rate, seconds, seq).await;
            seq = last;
            fleet = Arc::try_unwrap(shared).unwrap_or_else(|_| panic!("the fleet is still shared"));
            println!("B7 traces {name} round {round}: {}", result["edit_to_copy_visible"]);
            runs[index].push(result);
            fleet.settle(Duration::from_secs(120)).await;
        }
    }
    restart(lab, &mut fleet, &[]).await;
    let traces_in_jaeger = jaeger_trace_count(lab);
    assert!(traces_in_jaeger > 0, "no trace of {SERVICE} reached Jaeger: the traced variants measured nothing");
    let summary: Vec<Value> = variants
        .iter()
        .zip(&runs)
        .map(|((name, flags), runs)| {
            let p = |field: &str, q: &str| {
                let values: Vec<f64> = runs.iter().filter_map(|r| r[field][q].as_f64()).collect();
                super::lab::round(median(values), 1)
            };
            json!({"variant": name, "flags": flags.join(" "),
                   "edit_to_copy_visible_p50_ms_median_of_rounds": p("edit_to_copy_visible", "p50_ms"),
                   "edit_to_copy_visible_p99_ms_median_of_rounds": p("edit_to_copy_visible", "p99_ms"),
                   "cpu_percent_of_one_core": runs.iter().map(|r| r["cpu_percent_of_one_core"].clone()).collect::<Vec<_>>(),
                   "runs": runs})
        })
        .collect();
    let result = json!({
        "edits_per_second": rate, "seconds_per_run": seconds, "rounds": rounds, "order": order_log,
        "service_name": SERVICE, "traces_in_jaeger_after": traces_in_jaeger, "variants": summary,
    });
    (result, fleet)
}

async fn restart(lab: &Lab, fleet: &mut Fleet, flags: &[&str]) {
    let workspace = fleet.workspace.clone();
    fleet.controller.restart_with(lab, &workspace, flags, &[("OTEL_SERVICE_NAME", SERVICE)]);
    let started = Instant::now();
    while !(fleet.controller.ready() && fleet.clusters_ready().await) {
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "controller not leading:\n{}",
            fleet.controller.log_tail(30)
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    fleet.settle(Duration::from_secs(120)).await;
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied().unwrap_or(f64::NAN)
}

/// Traces of the bench's service Jaeger holds (its query API caps one answer at `limit`).
fn jaeger_trace_count(lab: &Lab) -> usize {
    let url = format!("{}/api/traces?service={SERVICE}&limit=100000&lookback=1h", lab.var("JAEGER_QUERY_URL"));
    let out = std::process::Command::new("curl").args(["-fsS", "--max-time", "30", &url]).output().expect("run curl");
    let body: Value = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    body["data"].as_array().map_or(0, Vec::len)
}
