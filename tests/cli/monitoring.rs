//! Monitoring against the lab: a real Prometheus (Debian's package) scrapes the controller over
//! TLS with a ServiceAccount's token and stores every family; the chart's alert rules pass
//! `promtool` and evaluate cleanly on the real series, and every dashboard query runs.

use std::time::Duration;

use crate::harness::{assert_exit, eventually, run_command, scratch_dir, unique, write_file, Lab};
use crate::observability::{curl, scrapers_on_pc1, Pki};

/// Debian's Prometheus, started by the test on a port and a data directory of its own.
struct Prometheus {
    child: std::process::Child,
    port: u16,
}

impl Drop for Prometheus {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Prometheus {
    fn start(config: &str) -> Prometheus {
        let port = crate::harness::free_port();
        let dir = scratch_dir().join(unique("prometheus"));
        std::fs::create_dir_all(&dir).unwrap();
        let config_file = dir.join("prometheus.yml");
        std::fs::write(&config_file, config).unwrap();
        let log = std::fs::File::create(dir.join("prometheus.log")).unwrap();
        let child = std::process::Command::new("prometheus")
            .arg(format!("--config.file={}", config_file.display()))
            .arg(format!("--storage.tsdb.path={}", dir.join("data").display()))
            .arg(format!("--web.listen-address=127.0.0.1:{port}"))
            .stdout(log.try_clone().unwrap())
            .stderr(log)
            .spawn()
            .expect("prometheus is installed by lab/lab build (Debian's package)");
        Prometheus { child, port }
    }

    /// The metric names an instant query for every `tmc_` series returns.
    fn names(&self) -> Option<std::collections::BTreeSet<String>> {
        let url = format!("http://127.0.0.1:{}/api/v1/query?query=%7B__name__%3D~%22tmc_.%2A%22%7D", self.port);
        let out = run_command(std::process::Command::new("curl").args(["-sS", "--max-time", "5", &url]));
        let answer: serde_json::Value = serde_json::from_str(&out.stdout).ok()?;
        let names = answer["data"]["result"]
            .as_array()?
            .iter()
            .filter_map(|r| r["metric"]["__name__"].as_str().map(String::from))
            .collect();
        Some(names)
    }

    /// GET `/api/v1/<path>`, parsed.
    fn api(&self, path: &str) -> Option<serde_json::Value> {
        let url = format!("http://127.0.0.1:{}/api/v1/{path}", self.port);
        let out = run_command(std::process::Command::new("curl").args(["-sS", "--max-time", "5", &url]));
        serde_json::from_str(&out.stdout).ok()
    }

    /// An instant query's whole answer.
    fn query(&self, promql: &str) -> serde_json::Value {
        let url = format!("http://127.0.0.1:{}/api/v1/query", self.port);
        let out = run_command(std::process::Command::new("curl").args([
            "-sS",
            "--max-time",
            "5",
            "--data-urlencode",
            &format!("query={promql}"),
            &url,
        ]));
        serde_json::from_str(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", out.stdout))
    }

    /// The scrape target's health as Prometheus sees it, with its last error.
    fn target(&self) -> String {
        let url = format!("http://127.0.0.1:{}/api/v1/targets", self.port);
        let out = run_command(std::process::Command::new("curl").args(["-sS", "--max-time", "5", &url]));
        let answer: serde_json::Value = serde_json::from_str(&out.stdout).unwrap_or_default();
        let target = &answer["data"]["activeTargets"][0];
        format!("{} {}", target["health"], target["lastError"])
    }
}

/// The `tmc_` sample names (as Prometheus stores them: `_total`, `_bucket`, …) of an exposition.
fn sampled_names(exposition: &str) -> std::collections::BTreeSet<String> {
    exposition
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .filter_map(|l| l.split(['{', ' ']).next().map(String::from))
        .filter(|n| n.starts_with("tmc_"))
        .collect()
}

/// A real Prometheus scrapes the controller over TLS with a ServiceAccount's token: every
/// family the controller has samples for is in its TSDB, the seed families among them; the
/// exposition passes `promtool check metrics`.
#[test]
fn prometheus_scrapes_the_controller_over_tls_and_stores_every_family() {
    let _shared = crate::harness::using_clusters();
    let lab = Lab::get();
    let (provider, ws) = lab.fresh_install();
    let on_ws = |args: &[&str]| lab.tmcctl(&[&["--workspace", ws.as_str()][..], args].concat());
    let register = ["cluster", "register", "pc1", "--location", "eu", "--labels", "name=pc1", "--cluster-kubeconfig"];
    assert_exit(&on_ws(&[&register[..], &[lab.var("PC1_KUBECONFIG")]].concat()), 0);
    assert_exit(&on_ws(&["placement", "create", "web", "--location-selector", "name=pc1"]), 0);
    let pki = Pki::new();
    let (crt, key) = pki.issue("server", "/CN=controller-metrics", true);
    let ns = unique("prom");
    let (reader, _) = scrapers_on_pc1(lab, &ns);
    let token_file = write_file("scraper-token", &reader);
    let pc1 = lab.var("PC1_KUBECONFIG");
    let flags = [
        "--probe-interval",
        "1s",
        "--leader-elect=false",
        "--tls-cert-file",
        &crt,
        "--tls-private-key-file",
        &key,
        "--authn-authz",
        "--authn-authz-kubeconfig",
        pc1,
    ];
    let controller = crate::harness::Controller::start_all_bound(lab, &provider, &flags);
    let port = controller.metrics_port;
    let bearer = format!("Authorization: Bearer {reader}");
    let (exposition, _) = eventually("the controller to export cluster health", Duration::from_secs(60), || {
        let (_, status, body) = curl(&pki, port, "/metrics", &["-H", &bearer]);
        (status == "200" && body.contains("tmc_cluster_health_score{")).then_some(body)
    });
    let mut promtool = std::process::Command::new("promtool");
    promtool
        .args(["check", "metrics"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    let mut child = promtool.spawn().expect("promtool is installed by lab/lab build");
    std::io::Write::write_all(child.stdin.as_mut().unwrap(), exposition.as_bytes()).unwrap();
    let checked = child.wait_with_output().unwrap();
    assert!(
        checked.status.success(),
        "promtool check metrics: {}{}",
        String::from_utf8_lossy(&checked.stdout),
        String::from_utf8_lossy(&checked.stderr)
    );

    let config = format!(
        "global: {{scrape_interval: 1s, evaluation_interval: 1s}}\nrule_files: [{rules}]\nscrape_configs:\n- job_name: tmc-controller\n  scheme: https\n  \
         authorization: {{type: Bearer, credentials_file: {token_file}}}\n  tls_config: {{ca_file: {ca}}}\n  \
         static_configs: [{{targets: ['127.0.0.1:{port}']}}]\n",
        ca = pki.path("ca.crt"),
        rules = chart_file("files/alerts.yaml"),
    );
    let prometheus = Prometheus::start(&config);
    let seed = [
        "tmc_cluster_health_score",
        "tmc_cluster_resource_utilization_percent",
        "tmc_controller_reconciles_total",
        "tmc_placement_decisions_total",
        "tmc_placement_latency_seconds_bucket",
        "tmc_cache_hit_rate_percent",
    ];
    eventually("the seed families in Prometheus", Duration::from_secs(60), || {
        let names = prometheus.names()?;
        seed.iter().all(|s| names.contains(*s)).then_some(())
    });
    // Everything the controller exports with a sample is stored (a family's first sample may
    // come between a scrape and the query, hence the wait).
    let (_, status, now) = curl(&pki, port, "/metrics", &["-H", &bearer]);
    assert_eq!(status, "200");
    let exported = sampled_names(&now);
    eventually("every exported family in Prometheus", Duration::from_secs(20), || {
        let stored = prometheus.names()?;
        exported.is_subset(&stored).then_some(())
    });
    assert!(prometheus.target().starts_with("\"up\""), "{}", prometheus.target());

    // Every alert rule evaluates without error on the real series, and every query of the
    // dashboard runs.
    eventually("every alert rule evaluated cleanly", Duration::from_secs(20), || {
        let rules = prometheus.api("rules")?;
        let all: Vec<&serde_json::Value> =
            rules["data"]["groups"].as_array()?.iter().flat_map(|g| g["rules"].as_array().unwrap().iter()).collect();
        let bad: Vec<String> = all
            .iter()
            .filter(|r| r["health"] == "err")
            .map(|r| format!("{}: {} {}", r["name"], r["health"], r["lastError"]))
            .collect();
        assert!(bad.is_empty(), "rules failing on real data: {bad:?}");
        (all.len() == 9 && all.iter().all(|r| r["health"] == "ok")).then_some(())
    });
    let dashboard: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(chart_file("files/dashboard.json")).unwrap()).unwrap();
    let queries: Vec<String> = dashboard["panels"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| p["targets"].as_array().cloned().unwrap_or_default())
        .filter_map(|t| t["expr"].as_str().map(String::from))
        .collect();
    assert!(queries.len() >= 20, "{} queries", queries.len());
    for query in &queries {
        let answer = prometheus.query(query);
        assert_eq!(answer["status"], "success", "dashboard query {query}: {answer}");
    }
}

/// A file of the Helm chart's directory.
fn chart_file(name: &str) -> String {
    format!("{}/charts/tmc-operator/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// The alert rules pass `promtool check rules` and their unit tests (`promtool test rules`).
#[test]
fn alert_rules_pass_promtool_check_and_their_unit_tests() {
    for args in [["check", "rules", "files/alerts.yaml"], ["test", "rules", "tests/alerts.test.yaml"]] {
        let mut promtool = std::process::Command::new("promtool");
        promtool.args(args).current_dir(chart_file(""));
        let out = run_command(&mut promtool);
        assert_exit(&out, 0);
        assert!(out.stdout.contains("SUCCESS"), "{}{}", out.stdout, out.stderr);
    }
}
