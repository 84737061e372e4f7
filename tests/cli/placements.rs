//! `tmcctl placement …` and the placement loop: decisions with reasons against the lab, a
//! decision that follows a cluster label change, and `simulate` with no server at all.

use std::time::Duration;

use serde_json::Value;

use crate::harness::{assert_exit, eventually, tmcctl, using_clusters, write_file, Controller, Lab};

pub(crate) fn decision(lab: &Lab, ws: &str, name: &str) -> (Vec<String>, Value) {
    let out = lab.tmcctl(&["--workspace", ws, "placement", "describe", name, "-o", "json"]);
    assert_exit(&out, 0);
    let object: Value = serde_json::from_str(&out.stdout).unwrap();
    let clusters = object["status"]["decisions"]
        .as_array()
        .map(|ds| ds.iter().map(|d| d["cluster"].as_str().unwrap().to_string()).collect())
        .unwrap_or_default();
    (clusters, object)
}

#[test]
fn placement_decides_explains_and_follows_label_changes() {
    let _shared = using_clusters();
    let lab = Lab::get();
    let (_, ws) = lab.fresh_install();
    let register = |name: &str, var: &str, extra: &[&str]| {
        let mut args =
            vec!["--workspace", ws.as_str(), "cluster", "register", name, "--cluster-kubeconfig", lab.var(var)];
        args.extend_from_slice(extra);
        assert_exit(&lab.tmcctl(&args), 0);
    };
    register("pc1", "PC1_KUBECONFIG", &["--location", "eu-west", "--labels", "env=prod", "--capabilities", "gpu:true"]);
    register("pc2", "PC2_KUBECONFIG", &["--location", "us-east", "--labels", "env=dev", "--capabilities", "gpu:false"]);
    assert_exit(&lab.tmcctl(&["--workspace", &ws, "controller", "run", "--once"]), 0);

    let unknown = lab.tmcctl(&["--workspace", &ws, "placement", "create", "p", "--capabilities", "tpu:true"]);
    assert_exit(&unknown, 2);
    assert!(unknown.stderr.contains("\"tpu\"") && unknown.stderr.contains("gpu"), "{}", unknown.stderr);

    let created = lab.tmcctl(&[
        "--workspace",
        &ws,
        "placement",
        "create",
        "web",
        "--strategy",
        "Spread",
        "--location-selector",
        "env=prod",
    ]);
    assert_exit(&created, 0);
    assert_eq!(created.stdout, "workloadplacement.tmc.kcp.io/web created\n");
    let again = lab.tmcctl(&["--workspace", &ws, "placement", "create", "web"]);
    assert_exit(&again, 7);

    let controller = Controller::start(lab, &ws, &["--probe-interval", "2s"]);
    eventually("web placed on pc1", Duration::from_secs(30), || (decision(lab, &ws, "web").0 == ["pc1"]).then_some(()));

    let described = lab.tmcctl(&["--workspace", &ws, "placement", "describe", "web"]);
    assert_exit(&described, 0);
    let text = &described.stdout;
    assert!(text.contains("Strategy:") && text.contains("Spread"), "{text}");
    let pc2_line = text.lines().find(|l| l.trim_start().starts_with("pc2")).expect("pc2 has a verdict");
    assert!(pc2_line.contains("rejected") && pc2_line.contains("env"), "{pc2_line}");
    let pc1_line =
        text.lines().find(|l| l.trim_start().starts_with("pc1") && l.contains("chosen")).expect("pc1 chosen");
    assert!(pc1_line.contains("eu-west"), "{pc1_line}");

    let listed = lab.tmcctl(&["--workspace", &ws, "placement", "list", "--no-headers"]);
    let cells: Vec<&str> = listed.stdout.split_whitespace().collect();
    assert_eq!(&cells[..4], ["web", "Spread", "pc1", "True"], "{}", listed.stdout);

    // A label change moves the decision, within seconds, without touching the placement.
    assert_exit(&lab.tmcctl(&["--workspace", &ws, "cluster", "update", "pc2", "--labels", "env=prod"]), 0);
    let (_, took) = eventually("web placed on pc1 and pc2", Duration::from_secs(15), || {
        (decision(lab, &ws, "web").0 == ["pc1", "pc2"]).then_some(())
    });
    assert!(took < Duration::from_secs(15));

    let explained = lab.tmcctl(&["--workspace", &ws, "placement", "explain", "web"]);
    assert_exit(&explained, 0);
    assert!(
        explained.stdout.contains("Versus stored:") && explained.stdout.contains("no change"),
        "{}",
        explained.stdout
    );

    // No cluster matches: NoCandidates with the reasons summarised.
    assert_exit(
        &lab.tmcctl(&["--workspace", &ws, "placement", "update", "web", "--location-selector", "env=staging"]),
        0,
    );
    let object = eventually("NoCandidates", Duration::from_secs(15), || {
        let (clusters, object) = decision(lab, &ws, "web");
        let no_candidates = object["status"]["conditions"]
            .as_array()?
            .iter()
            .any(|c| c["type"] == "NoCandidates" && c["status"] == "True");
        (clusters.is_empty() && no_candidates).then_some(object)
    })
    .0;
    let message =
        object["status"]["conditions"].as_array().unwrap().iter().find(|c| c["type"] == "NoCandidates").unwrap()
            ["message"]
            .as_str()
            .unwrap()
            .to_string();
    assert!(message.contains("on 2"), "{message}");
    let (_, metrics) = controller.get("/metrics");
    assert!(
        metrics.contains("tmc_placement_decisions_total{") && metrics.contains("result=\"no_candidates\""),
        "{metrics}"
    );
    assert!(metrics.contains("tmc_placement_latency_seconds_bucket{"), "{metrics}");

    assert_exit(&lab.tmcctl(&["--workspace", &ws, "placement", "delete", "web"]), 2);
    assert_exit(&lab.tmcctl(&["--workspace", &ws, "placement", "delete", "web", "--yes"]), 0);
    assert_exit(&lab.tmcctl(&["--workspace", &ws, "placement", "describe", "web"]), 6);
}

const CLUSTERS: &str = r#"
apiVersion: v1
kind: List
items:
- apiVersion: tmc.kcp.io/v1alpha1
  kind: ClusterRegistration
  metadata: {name: eu-1, labels: {env: prod}}
  spec: {location: eu-west, capabilities: [{type: gpu, available: true}]}
  status: {conditions: [{type: Ready, status: "True"}], allocatable: {cpu: "8", memory: 32Gi, pods: "110"}}
- apiVersion: tmc.kcp.io/v1alpha1
  kind: ClusterRegistration
  metadata: {name: us-1, labels: {env: prod}}
  spec: {location: us-east}
  status: {conditions: [{type: Ready, status: "True"}], allocatable: {cpu: "8", memory: 32Gi, pods: "110"}}
- apiVersion: tmc.kcp.io/v1alpha1
  kind: ClusterRegistration
  metadata: {name: eu-2, labels: {env: prod}}
  spec: {location: eu-west, unschedulable: true, capabilities: [{type: gpu, available: true}]}
  status: {conditions: [{type: Ready, status: "True"}]}
"#;

#[test]
fn simulate_from_files_needs_no_server() {
    let clusters = write_file("clusters.yaml", CLUSTERS);
    let placement = write_file(
        "placement.yaml",
        "apiVersion: tmc.kcp.io/v1alpha1\nkind: WorkloadPlacement\nmetadata: {name: gpu-jobs}\nspec:\n  strategy: Spread\n  capabilityRequirements: [{type: gpu, required: true}]\n  replicaDivision: {type: Divided}\nstatus:\n  decisions: [{cluster: us-1}]\n",
    );
    // The kubeconfig does not exist: proof that nothing is contacted.
    let args = [
        "--kubeconfig",
        "/nonexistent",
        "placement",
        "simulate",
        "-f",
        &placement,
        "--clusters-from",
        &clusters,
        "--replicas",
        "6",
    ];
    let out = tmcctl(&args);
    assert_exit(&out, 0);
    assert!(out.stdout.contains("eu-1 (6 replicas)"), "{}", out.stdout);
    assert!(out.stdout.contains("+ eu-1") && out.stdout.contains("- us-1"), "{}", out.stdout);
    let eu2 = out.stdout.lines().find(|l| l.trim_start().starts_with("eu-2")).unwrap();
    assert!(eu2.contains("rejected") && eu2.contains("cordon"), "{eu2}");
    let us1 = out.stdout.lines().find(|l| l.trim_start().starts_with("us-1")).unwrap();
    assert!(us1.contains("rejected") && us1.contains("gpu"), "{us1}");

    let json = tmcctl(&[&args[..], &["-o", "json"]].concat());
    assert_exit(&json, 0);
    let explanation: Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(explanation["decision"]["assignments"][0]["cluster"], "eu-1");
    assert_eq!(explanation["decision"]["assignments"][0]["replicas"], 6);
}

#[test]
fn malformed_placement_flags_are_usage_errors() {
    let cases: [(&[&str], &str); 4] = [
        (&["placement", "create", "p", "--strategy", "Random"], "allowed: RoundRobin, Spread, Affinity"),
        (&["placement", "create", "p", "--location-selector", "env in (prod"], "position"),
        (&["placement", "create", "p", "--capabilities", "gpu:yes"], "\"yes\""),
        (&["placement", "create", "p", "--clusters", "0"], "0"),
    ];
    for (args, message) in cases {
        let out = tmcctl(args);
        assert_exit(&out, 2);
        assert!(out.stderr.contains(message), "{args:?}: {}", out.stderr);
    }
}
