//! The tmc-operator Helm chart against the lab: `helm lint` and `helm template` (helm built from
//! Go modules by the lab) for each documented values combination, the rendered objects accepted
//! by a real kube-apiserver (`kubectl apply --dry-run=server` on pc1), a misspelt value refused
//! by the schema, and the controller started from the rendered Deployment's arguments.

use std::time::Duration;

use serde_json::Value;

use crate::harness::{assert_exit, eventually, run_command, unique, write_file, Background, Lab, Output};
use crate::observability::{curl, scrapers_on_pc1, Pki};
use crate::workloads::on_cluster;

const CHART: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/charts/tmc-operator");

/// The combinations the README documents.
const COMBINATIONS: [&[&str]; 6] = [
    &[],
    &[
        "security.rbac.enabled=true",
        "security.tls.enabled=true",
        "monitoring.enabled=true",
        "tracing.jaegerEndpoint=http://jaeger.observability:14268/api/traces",
    ],
    &["tracing.otlpEndpoint=https://otel-collector.observability:4318", "tracing.samplingRatio=0.01"],
    &["security.tls.enabled=true", "security.tls.clientCASecretName=metrics-client-ca"],
    &["security.rbac.enabled=false", "networkPolicy.enabled=false", "replicaCount=1"],
    &["security.tls.enabled=true", "security.tls.authnAuthz=false", "controller.logFormat=text"],
];

fn helm(lab: &Lab, args: &[&str]) -> Output {
    let mut command = std::process::Command::new(std::path::Path::new(lab.var("LAB_BIN")).join("helm"));
    command.args(args).env("HOME", crate::harness::scratch_dir());
    run_command(&mut command)
}

fn set_flags(values: &[&str]) -> Vec<String> {
    values.iter().flat_map(|v| ["--set".to_string(), v.to_string()]).collect()
}

/// The rendered objects, parsed.
fn render(lab: &Lab, namespace: &str, values: &[&str]) -> Vec<Value> {
    let mut args = vec!["template", "t", CHART, "--namespace", namespace];
    let flags = set_flags(values);
    args.extend(flags.iter().map(String::as_str));
    let out = helm(lab, &args);
    assert_exit(&out, 0);
    documents(&out.stdout)
}

/// YAML documents as JSON values.
fn documents(yaml: &str) -> Vec<Value> {
    let documents: Vec<Value> = serde_saphyr::from_multiple(yaml).unwrap_or_else(|e| panic!("{e}:\n{yaml}"));
    documents.into_iter().filter(|d| !d.is_null()).collect()
}

#[test]
fn every_documented_combination_lints_renders_and_is_accepted_by_a_real_api_server() {
    let lab = Lab::get();
    let namespace = unique("chart");
    assert_exit(&on_cluster(lab, "PC1_KUBECONFIG", &["create", "namespace", &namespace]), 0);
    for values in COMBINATIONS {
        let mut lint = vec!["lint", CHART, "--strict"];
        let flags = set_flags(values);
        lint.extend(flags.iter().map(String::as_str));
        let linted = helm(lab, &lint);
        assert_exit(&linted, 0);

        let objects = render(lab, &namespace, values);
        let kinds: Vec<&str> = objects.iter().filter_map(|o| o["kind"].as_str()).collect();
        assert!(kinds.contains(&"Deployment") && kinds.contains(&"Service"), "{values:?}: {kinds:?}");
        // prometheus-operator's kinds are not served by the lab's clusters: their content is
        // checked below instead.
        let (monitoring, core): (Vec<Value>, Vec<Value>) =
            objects.into_iter().partition(|o| o["apiVersion"].as_str().unwrap().starts_with("monitoring.coreos.com"));
        let file = write_file(&unique("core"), &serde_json::to_string(&json_list(core)).unwrap());
        let applied = on_cluster(lab, "PC1_KUBECONFIG", &["apply", "--dry-run=server", "-n", &namespace, "-f", &file]);
        assert_exit(&applied, 0);
        assert!(
            applied.stdout.contains("deployment.apps/t-tmc-operator created (server dry run)"),
            "{}",
            applied.stdout
        );
        for rule in monitoring.iter().filter(|o| o["kind"] == "PrometheusRule") {
            let rules = write_file(&unique("rules"), &serde_json::to_string(&rule["spec"]).unwrap());
            let mut promtool = std::process::Command::new("promtool");
            let checked = run_command(promtool.args(["check", "rules", &rules]));
            assert_exit(&checked, 0);
            assert!(checked.stdout.contains("SUCCESS: 9 rules found"), "{}", checked.stdout);
        }
    }
    let _ = on_cluster(lab, "PC1_KUBECONFIG", &["delete", "namespace", &namespace, "--wait=false"]);
}

fn json_list(items: Vec<Value>) -> Value {
    serde_json::json!({"apiVersion": "v1", "kind": "List", "items": items})
}

#[test]
fn the_seed_values_enable_tls_rbac_and_monitoring_and_a_misspelt_value_is_refused() {
    let lab = Lab::get();
    let seed = [
        "security.rbac.enabled=true",
        "security.tls.enabled=true",
        "monitoring.enabled=true",
        "tracing.jaegerEndpoint=http://jaeger:14268/api/traces",
    ];
    let objects = render(lab, "tmc", &seed);
    let find = |kind: &str| objects.iter().find(|o| o["kind"] == kind).unwrap_or_else(|| panic!("no {kind}"));
    let deployment = find("Deployment");
    assert_eq!(deployment["spec"]["replicas"], 2);
    let pod = &deployment["spec"]["template"]["spec"];
    assert_eq!(pod["securityContext"]["runAsNonRoot"], true);
    let container = &pod["containers"][0];
    assert_eq!(container["securityContext"]["readOnlyRootFilesystem"], true);
    let args: Vec<&str> = container["args"].as_array().unwrap().iter().map(|a| a.as_str().unwrap()).collect();
    // The seed's Jaeger collector URL becomes its host's OTLP/HTTP receiver.
    for wanted in [
        "--tls-cert-file=/etc/tmc/tls/tls.crt",
        "--authn-authz",
        "controller",
        "run",
        "--otlp-endpoint=http://jaeger:4318",
        "--trace-sampling-ratio=1",
    ] {
        assert!(args.contains(&wanted), "{wanted} not in {args:?}");
    }
    assert_eq!(container["readinessProbe"]["httpGet"]["scheme"], "HTTPS");
    let monitor = find("ServiceMonitor");
    assert_eq!(monitor["spec"]["endpoints"][0]["scheme"], "https");
    let dashboard = objects
        .iter()
        .find(|o| o["kind"] == "ConfigMap" && o["metadata"]["labels"]["grafana_dashboard"] == "1")
        .expect("the dashboard ConfigMap for Grafana's sidecar");
    let json: Value = serde_json::from_str(dashboard["data"]["tmc-fleet.json"].as_str().unwrap()).unwrap();
    assert_eq!(json["uid"], "tmc-fleet");
    let role = objects
        .iter()
        .find(|o| o["kind"] == "ClusterRole" && o["metadata"]["name"] == "t-tmc-operator-metrics-reviews");
    let rules = serde_json::to_string(&role.expect("the reviews role")["rules"]).unwrap();
    assert!(!rules.contains('*'), "a wildcard in the chart's role: {rules}");
    assert_eq!(find("PodDisruptionBudget")["spec"]["minAvailable"], 1);

    let typo = helm(lab, &["template", "t", CHART, "--set", "security.tls.enabeld=true"]);
    assert_ne!(typo.code, 0, "a misspelt value was accepted");
    assert!(typo.stderr.contains("enabeld"), "{}", typo.stderr);
    let wrong_type = helm(lab, &["template", "t", CHART, "--set", "replicaCount=two"]);
    assert_ne!(wrong_type.code, 0);
    let not_a_url = helm(lab, &["template", "t", CHART, "--set", "tracing.otlpEndpoint=collector:4318"]);
    assert!(not_a_url.code != 0 && not_a_url.stderr.contains("otlpEndpoint"), "{}", not_a_url.stderr);
    for bad in ["tracing.samplingRatio=2", "tracing.samplingRatio=half"] {
        let ratio = helm(lab, &["template", "t", CHART, "--set", bad]);
        assert!(ratio.code != 0 && ratio.stderr.contains("samplingRatio"), "{bad}: {}", ratio.stderr);
    }
    let plain = render(lab, "tmc", &[]);
    let args = serde_json::to_string(&plain.iter().find(|o| o["kind"] == "Deployment").unwrap()["spec"]).unwrap();
    assert!(!args.contains("--otlp-endpoint"), "traces are off unless an endpoint is set");
}

/// The rendered Deployment's arguments, with its mounted paths pointed at the lab's files and
/// the address at a free port, start a controller that serves every bound workspace, TLS and
/// reviewed scrapes included.
#[test]
fn the_controller_runs_from_the_rendered_arguments() {
    let lab = Lab::get();
    let (provider, _) = lab.fresh_install();
    let values = [
        "security.tls.enabled=true".to_string(),
        format!("kcp.providerWorkspace={provider}"),
        "controller.probeInterval=1s".into(),
        format!("tracing.otlpEndpoint={}", lab.var("OTLP_HTTP_URL")),
    ];
    let values: Vec<&str> = values.iter().map(String::as_str).collect();
    let objects = render(lab, "tmc", &values);
    let deployment = objects.iter().find(|o| o["kind"] == "Deployment").unwrap();
    let rendered: Vec<String> = deployment["spec"]["template"]["spec"]["containers"][0]["args"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a.as_str().unwrap().to_string())
        .collect();
    let pki = Pki::new();
    let (crt, key) = pki.issue("server", "/CN=tmc-operator", true);
    let port = crate::harness::free_port();
    let paths = [
        ("/etc/tmc/kcp/kubeconfig", lab.kcp_kubeconfig().to_string()),
        ("/etc/tmc/tls/tls.crt", crt),
        ("/etc/tmc/tls/tls.key", key),
        ("/etc/tmc/reviews/kubeconfig", lab.var("PC1_KUBECONFIG").to_string()),
        ("0.0.0.0:8443", format!("127.0.0.1:{port}")),
    ];
    let args: Vec<String> =
        rendered.iter().map(|arg| paths.iter().fold(arg.clone(), |arg, (from, to)| arg.replace(from, to))).collect();
    assert!(args.iter().all(|a| !a.contains("/etc/tmc/")), "a mounted path left: {args:?}");
    assert!(args.contains(&format!("--otlp-endpoint={}", lab.var("OTLP_HTTP_URL"))), "{args:?}");
    let controller = Background::spawn(args, port);
    eventually("the controller ready, over TLS", Duration::from_secs(60), || {
        (curl(&pki, port, "/readyz", &[]).1 == "200").then_some(())
    });
    let (reader, _) = scrapers_on_pc1(lab, &unique("chart-scrape"));
    let (_, status, body) = curl(&pki, port, "/metrics", &["-H", &format!("Authorization: Bearer {reader}")]);
    assert_eq!(status, "200", "{body}");
    assert!(body.contains("tmc_controller_leader 1"), "{body}");
    assert_eq!(curl(&pki, port, "/metrics", &[]).1, "401");
    let log = controller.log_text();
    assert!(log.lines().all(|l| serde_json::from_str::<Value>(l).is_ok()), "the chart asks for JSON logs: {log}");
}
