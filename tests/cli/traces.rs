//! OpenTelemetry traces end to end: the controller exports over OTLP/HTTP to the lab's Jaeger,
//! and the test reads the traces back from Jaeger's query API — the named spans and
//! attributes, errors on spans, and the trace context carried into pc1's kube-apiserver (which
//! the lab runs with a tracing configuration: it traces a request only when its caller's
//! context is sampled, so its span in our trace proves the `traceparent` arrived). A receiver
//! that is down costs spans and one warning, never a sync.

use std::collections::HashMap;
use std::time::Duration;

use serde_json::Value;

use crate::harness::{assert_exit, free_port, tmcctl, unique, using_clusters, Background, Lab};
use crate::workloads::wait_or_explain;

/// A workspace with pc1 registered, the workload APIs published, and placement `web` on pc1.
fn workspace_on_pc1(lab: &Lab) -> String {
    let (provider, ws) = lab.fresh_install();
    crate::controller::register(lab, &ws, "pc1", "PC1_KUBECONFIG", "name=pc1");
    assert_exit(&lab.tmcctl(&["install", "--provider-workspace", &provider, "--bind", &ws, "--workload-apis"]), 0);
    let place =
        ["--workspace", &ws, "placement", "create", "web", "--strategy", "Spread", "--location-selector", "name=pc1"];
    assert_exit(&lab.tmcctl(&place), 0);
    ws
}

fn deployment(name: &str) -> String {
    format!(
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: {{name: {name}, namespace: default}}\n\
         spec:\n  replicas: 1\n  selector: {{matchLabels: {{app: {name}}}}}\n  template:\n    \
         metadata: {{labels: {{app: {name}}}}}\n    spec: {{containers: [{{name: main, image: {name}:1}}]}}\n"
    )
}

/// The controller for `ws`, tracing to `endpoint` as service `service`, spans sent every 200 ms.
fn traced_controller(lab: &Lab, ws: &str, endpoint: &str, service: &str) -> Background {
    let port = free_port();
    let args: Vec<String> = [
        "--kubeconfig",
        lab.kcp_kubeconfig(),
        "--workspace",
        ws,
        "-v",
        "controller",
        "run",
        "--metrics-addr",
        &format!("127.0.0.1:{port}"),
        "--probe-interval",
        "1s",
        "--leader-elect=false",
        "--otlp-endpoint",
        endpoint,
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    Background::spawn_with_env(args, port, &[("OTEL_SERVICE_NAME", service), ("OTEL_BSP_SCHEDULE_DELAY", "200")])
}

/// Traces of `service` in Jaeger with a span named `operation` whose tags include `tags`.
fn traces(lab: &Lab, service: &str, operation: &str, tags: &[(&str, &str)]) -> Vec<Value> {
    let tags: HashMap<&str, &str> = tags.iter().copied().collect();
    let url = format!("{}/api/traces", lab.var("JAEGER_QUERY_URL"));
    let out = std::process::Command::new("curl")
        .args(["-fsS", "--max-time", "5", "--get", &url])
        .args(["--data-urlencode", &format!("service={service}")])
        .args(["--data-urlencode", &format!("operation={operation}")])
        .args(["--data-urlencode", &format!("tags={}", serde_json::to_string(&tags).unwrap())])
        .args(["--data-urlencode", "limit=500", "--data-urlencode", "lookback=1h"])
        .output()
        .expect("run curl");
    if !out.status.success() {
        return Vec::new();
    }
    let body: Value = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    body["data"].as_array().cloned().unwrap_or_default()
}

fn tag<'a>(span: &'a Value, key: &str) -> Option<&'a Value> {
    span["tags"].as_array()?.iter().find(|t| t["key"] == key).map(|t| &t["value"])
}

fn spans_named<'a>(trace: &'a Value, name: &str) -> Vec<&'a Value> {
    trace["spans"].as_array().map(|s| s.iter().filter(|s| s["operationName"] == name).collect()).unwrap_or_default()
}

fn parent_id(span: &Value) -> Option<&str> {
    span["references"].as_array()?.iter().find(|r| r["refType"] == "CHILD_OF")?["spanID"].as_str()
}

fn service_of<'a>(trace: &'a Value, span: &Value) -> &'a str {
    trace["processes"][span["processID"].as_str().unwrap_or_default()]["serviceName"].as_str().unwrap_or_default()
}

#[test]
fn a_sync_is_one_trace_from_the_reconcile_to_the_clusters_api_server_with_the_named_attributes() {
    let _shared = using_clusters();
    let lab = Lab::get();
    let ws = workspace_on_pc1(lab);
    let service = unique("tmcctl-traced");
    let controller = traced_controller(lab, &ws, lab.var("OTLP_HTTP_URL"), &service);
    assert_exit(&lab.kubectl(&ws, &["apply", "-f", "-"], Some(&deployment("web"))), 0);

    // The apply of the Deployment on pc1: a workload-sync span with the cluster API server's
    // own span under it, in the trace of the sync loop's reconcile.
    let tags = [("cluster.name", "pc1"), ("workload.type", "deployments.apps"), ("sync.step", "apply")];
    let (trace, sync) = wait_or_explain(
        &controller,
        "a workload-sync trace continued by pc1's kube-apiserver",
        Duration::from_secs(60),
        || {
            let found = traces(lab, &service, "workload-sync", &tags);
            let continued = found.iter().find_map(|trace| {
                let sync =
                    spans_named(trace, "workload-sync").into_iter().find(|s| tag(s, "cluster.name").is_some())?;
                let id = sync["spanID"].as_str()?;
                let by_apiserver = trace["spans"]
                    .as_array()?
                    .iter()
                    .any(|s| service_of(trace, s) == "apiserver" && parent_id(s) == Some(id));
                by_apiserver.then(|| (trace.clone(), sync.clone()))
            });
            continued.ok_or_else(|| {
                format!(
                    "{} workload-sync traces of {service}, none with an apiserver span under the sync span",
                    found.len()
                )
            })
        },
    );
    assert_eq!(tag(&sync, "workload.type"), Some(&Value::from("deployments.apps")));
    let reconcile = spans_named(&trace, "reconcile");
    let root = reconcile
        .iter()
        .find(|r| Some(r["spanID"].as_str().unwrap()) == parent_id(&sync))
        .expect("the sync span's parent is a reconcile span");
    assert_eq!(tag(root, "controller"), Some(&Value::from("sync")));
    assert!(tag(root, "key").and_then(Value::as_str).is_some_and(|k| k.contains("|default/web")), "{root}");

    let decision = spans_named(&trace, "placement-decision");
    let decision = decision.first().expect("the trace has a placement-decision span");
    assert_eq!(parent_id(decision), root["spanID"].as_str());
    assert!(
        tag(decision, "workload.name").and_then(Value::as_str).is_some_and(|k| k.ends_with("|default/web")),
        "{decision}"
    );
    assert_eq!(tag(decision, "placement.strategy"), Some(&Value::from("Spread")));
    assert_eq!(tag(decision, "placement.clusters.count").and_then(Value::as_i64), Some(1), "{decision}");
    let reason = tag(decision, "placement.reason").and_then(Value::as_str).unwrap_or_default();
    assert!(reason.starts_with("placement web chose pc1"), "placement.reason: {reason}");

    // A second placement selecting the workload: the decision is a conflict, recorded as an
    // error on its span (Jaeger shows OpenTelemetry's error status as the tag error=true, and
    // the exception event as a log).
    let second = [
        "--workspace",
        &ws,
        "placement",
        "create",
        "web-too",
        "--strategy",
        "Spread",
        "--location-selector",
        "name=pc1",
    ];
    assert_exit(&lab.tmcctl(&second), 0);
    let failed =
        wait_or_explain(&controller, "a placement-decision span with an error", Duration::from_secs(30), || {
            let found = traces(lab, &service, "placement-decision", &[]);
            found
                .iter()
                .flat_map(|t| spans_named(t, "placement-decision"))
                .find(|s| tag(s, "error") == Some(&Value::Bool(true)))
                .cloned()
                .ok_or_else(|| format!("{} traces with an erroneous decision", found.len()))
        });
    let reason = tag(&failed, "placement.reason").and_then(Value::as_str).unwrap_or_default();
    assert_eq!(reason, "placements web, web-too all select this workload");
    assert_eq!(tag(&failed, "otel.status_description").and_then(Value::as_str), Some(reason));
    let event = &failed["logs"][0]["fields"];
    assert!(event.to_string().contains("exception.message"), "an exception event on the span: {event}");
}

#[test]
fn a_receiver_that_is_down_costs_spans_and_one_warning_never_a_sync() {
    let _shared = using_clusters();
    let lab = Lab::get();
    let ws = workspace_on_pc1(lab);
    let nobody = format!("http://127.0.0.1:{}", free_port());
    let controller = traced_controller(lab, &ws, &nobody, &unique("tmcctl-untraced"));
    assert_exit(&lab.kubectl(&ws, &["apply", "-f", "-"], Some(&deployment("api"))), 0);
    wait_or_explain(&controller, "api ready upstream", Duration::from_secs(60), || {
        let out = lab.kubectl(
            &ws,
            &["get", "deployment", "api", "-n", "default", "-o", "jsonpath={.status.readyReplicas}"],
            None,
        );
        (out.stdout.trim() == "1").then_some(()).ok_or_else(|| format!("readyReplicas {:?}", out.stdout))
    });
    let warned = wait_or_explain(&controller, "the export warning", Duration::from_secs(20), || {
        let log = controller.log_text();
        let lines: Vec<String> = log.lines().filter(|l| l.contains("trace export failed")).map(String::from).collect();
        (!lines.is_empty()).then_some(lines).ok_or_else(|| "no warning yet".to_string())
    });
    assert_eq!(warned.len(), 1, "one warning while the receiver stays down: {warned:?}");
    assert!(warned[0].contains(&nobody), "the warning names the endpoint: {}", warned[0]);
}

#[test]
fn malformed_trace_settings_are_refused_before_anything_runs() {
    let refused = |args: &[&str], env: &[(&str, &str)]| {
        let mut command = crate::harness::tmcctl_command();
        command.args(["controller", "run", "--once"]).args(args).envs(env.iter().copied());
        let out = crate::harness::run_command(&mut command);
        assert_eq!(out.code, 2, "{args:?} {env:?}: {}{}", out.stdout, out.stderr);
        out.stderr
    };
    let err = refused(&["--otlp-endpoint", "jaeger:4318"], &[]);
    assert!(err.contains("--otlp-endpoint \"jaeger:4318\" is not an http:// or https:// URL"), "{err}");
    let err = refused(&["--otlp-endpoint", "http://c:4318", "--trace-sampling-ratio", "5"], &[]);
    assert!(err.contains("--trace-sampling-ratio: 5 is not a ratio between 0 and 1"), "{err}");
    let sampler = [
        ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4318"),
        ("OTEL_TRACES_SAMPLER", "traceidratio"),
        ("OTEL_TRACES_SAMPLER_ARG", "half"),
    ];
    let err = refused(&[], &sampler);
    assert!(err.contains("OTEL_TRACES_SAMPLER_ARG: \"half\" is not a number"), "{err}");
    let err =
        refused(&[], &[("OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4317"), ("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc")]);
    assert!(err.contains("OTEL_EXPORTER_OTLP_PROTOCOL=grpc") && err.contains("port 4318"), "{err}");
    let out = tmcctl(&["controller", "run", "--help"]);
    assert!(out.stdout.contains("--otlp-endpoint <URL>") && out.stdout.contains("--trace-sampling-ratio <RATIO>"));
}
