//! `tmcctl cluster …` and the health loop against the lab: the two kwok clusters are
//! registered, probed, cordoned, drained, stopped and started, and unregistered.

use std::time::Duration;

use serde_json::Value;

use crate::harness::{
    assert_exit, disrupting_clusters, eventually, unique, using_clusters, write_file, Background, Controller, Lab,
    StoppedCluster,
};

fn register(lab: &Lab, workspace: &str, name: &str, kubeconfig_var: &str, extra: &[&str]) -> crate::harness::Output {
    let mut args =
        vec!["--workspace", workspace, "cluster", "register", name, "--cluster-kubeconfig", lab.var(kubeconfig_var)];
    args.extend_from_slice(extra);
    lab.tmcctl(&args)
}

fn node_count(lab: &Lab, kubeconfig_var: &str) -> usize {
    let out =
        crate::harness::run_command(std::process::Command::new(format!("{}/kubectl", lab.var("LAB_BIN"))).args([
            "--kubeconfig",
            lab.var(kubeconfig_var),
            "get",
            "nodes",
            "--no-headers",
        ]));
    assert_exit(&out, 0);
    out.stdout.lines().count()
}

fn ready_status(lab: &Lab, workspace: &str, name: &str) -> Option<String> {
    let out = lab.tmcctl(&["--workspace", workspace, "cluster", "status", name, "-o", "json"]);
    let object: Value = serde_json::from_str(&out.stdout).ok()?;
    object["status"]["conditions"]
        .as_array()?
        .iter()
        .find(|c| c["type"] == "Ready")
        .and_then(|c| c["status"].as_str().map(String::from))
}

/// What is in the workspace: (registrations, tmcctl credential Secrets).
fn leftovers(lab: &Lab, workspace: &str) -> (usize, usize) {
    let regs = lab.kubectl(workspace, &["get", "clusterregistrations.tmc.kcp.io", "-o", "name"], None);
    let secrets = lab.kubectl(
        workspace,
        &["get", "secrets", "-n", "tmc-system", "-l", "app.kubernetes.io/managed-by=tmcctl", "-o", "name"],
        None,
    );
    (regs.stdout.lines().count(), secrets.stdout.lines().count())
}

#[test]
fn register_both_clusters_probe_them_and_read_them_back() {
    let _shared = using_clusters();
    let lab = Lab::get();
    let (_, ws) = lab.fresh_install();
    let out = register(
        lab,
        &ws,
        "pc1",
        "PC1_KUBECONFIG",
        &["--location", "eu-west", "--labels", "env=prod", "--capabilities", "gpu:true"],
    );
    assert_exit(&out, 0);
    let nodes = node_count(lab, "PC1_KUBECONFIG");
    assert!(out.stdout.contains(&format!("registered (Kubernetes v1.36.1, {nodes} nodes)")), "{}", out.stdout);
    assert_exit(&register(lab, &ws, "pc2", "PC2_KUBECONFIG", &["--location", "us-east"]), 0);

    let before = lab.tmcctl(&["--workspace", &ws, "cluster", "list", "--no-headers"]);
    assert_exit(&before, 0);
    assert_eq!(before.stdout.lines().count(), 2, "{}", before.stdout);
    assert!(before.stdout.lines().all(|l| l.contains("Pending") && l.contains("<never>")), "{}", before.stdout);

    let pass = lab.tmcctl(&["--workspace", &ws, "controller", "run", "--once"]);
    assert_exit(&pass, 0);
    assert!(
        pass.stdout.contains("pc1       True    ClusterReady")
            || pass.stdout.lines().filter(|l| l.contains("True")).count() == 2,
        "{}",
        pass.stdout
    );

    let wide = lab.tmcctl(&["--workspace", &ws, "cluster", "list", "-o", "wide", "--no-headers"]);
    assert_exit(&wide, 0);
    assert_eq!(wide.stdout.lines().count(), 2, "{}", wide.stdout);
    for (line, var) in wide.stdout.lines().zip(["PC1_KUBECONFIG", "PC2_KUBECONFIG"]) {
        let cells: Vec<&str> = line.split_whitespace().collect();
        assert_eq!(cells[2], "Ready", "{line}");
        assert!(cells[3].ends_with('s') && cells[4] == "ago", "heartbeat age: {line}");
        assert_eq!(cells[6], "v1.36.1", "{line}");
        assert_eq!(cells[7], node_count(lab, var).to_string(), "{line}");
    }

    let status = lab.tmcctl(&["--workspace", &ws, "cluster", "describe", "pc1"]);
    assert_exit(&status, 0);
    for expected in [
        "Location:",
        "eu-west",
        "Health score:",
        "/100",
        "Ready",
        "ClusterReady",
        "Reachable",
        "cpu",
        "Placed workloads:",
    ] {
        assert!(status.stdout.contains(expected), "missing {expected} in\n{}", status.stdout);
    }

    // Re-running register updates in place and keeps the status.
    let again = register(
        lab,
        &ws,
        "pc1",
        "PC1_KUBECONFIG",
        &["--location", "eu-west", "--labels", "env=prod,tier=gold", "--capabilities", "gpu:true"],
    );
    assert_exit(&again, 0);
    let labels = lab.tmcctl(&["--workspace", &ws, "cluster", "list", "-l", "tier=gold", "-o", "name"]);
    assert_eq!(labels.stdout, "clusterregistration.tmc.kcp.io/pc1\n");
    assert_eq!(ready_status(lab, &ws, "pc1").as_deref(), Some("True"));
}

#[test]
fn cordon_drain_uncordon_and_unregister() {
    let _shared = using_clusters();
    let lab = Lab::get();
    let (_, ws) = lab.fresh_install();
    assert_exit(&register(lab, &ws, "pc1", "PC1_KUBECONFIG", &["--location", "eu-west"]), 0);

    assert_exit(&lab.tmcctl(&["--workspace", &ws, "cluster", "cordon", "pc1"]), 0);
    let listed = lab.tmcctl(&["--workspace", &ws, "cluster", "list", "--no-headers"]);
    assert!(listed.stdout.contains("Pending,SchedulingDisabled"), "{}", listed.stdout);
    // Registering again must not uncordon.
    assert_exit(&register(lab, &ws, "pc1", "PC1_KUBECONFIG", &["--location", "eu-west"]), 0);
    let listed = lab.tmcctl(&["--workspace", &ws, "cluster", "list", "--no-headers"]);
    assert!(listed.stdout.contains("SchedulingDisabled"), "{}", listed.stdout);

    let drain = lab.tmcctl(&["--workspace", &ws, "cluster", "drain", "pc1", "--wait"]);
    assert_exit(&drain, 0);
    assert!(drain.stderr.contains("nothing to move"), "{}", drain.stderr);
    let status = lab.tmcctl(&["--workspace", &ws, "cluster", "status", "pc1"]);
    assert!(status.stdout.contains("no (draining since"), "{}", status.stdout);

    assert_exit(&lab.tmcctl(&["--workspace", &ws, "cluster", "uncordon", "pc1"]), 0);
    let status = lab.tmcctl(&["--workspace", &ws, "cluster", "status", "pc1"]);
    assert!(status.stdout.contains("Schedulable:      yes"), "{}", status.stdout);

    let update = lab.tmcctl(&[
        "--workspace",
        &ws,
        "cluster",
        "update",
        "pc1",
        "--location",
        "eu-north",
        "--labels",
        "env=dev",
        "--capabilities",
        "arm64:true",
    ]);
    assert_exit(&update, 0);
    let object: Value =
        serde_json::from_str(&lab.tmcctl(&["--workspace", &ws, "cluster", "status", "pc1", "-o", "json"]).stdout)
            .unwrap();
    assert_eq!(object["spec"]["location"], "eu-north");
    assert_eq!(object["metadata"]["labels"]["env"], "dev");
    assert_eq!(object["spec"]["capabilities"][0]["type"], "arm64");
    assert!(object["spec"]["credentials"]["name"].is_string(), "update keeps the credentials reference");

    // Without a terminal and without --yes, unregister refuses rather than blocks.
    let refused = lab.tmcctl(&["--workspace", &ws, "cluster", "unregister", "pc1"]);
    assert_exit(&refused, 2);
    assert!(refused.stderr.contains("--yes"), "{}", refused.stderr);
    assert_eq!(leftovers(lab, &ws), (1, 1));

    assert_exit(&lab.tmcctl(&["--workspace", &ws, "cluster", "unregister", "pc1", "--yes"]), 0);
    assert_eq!(leftovers(lab, &ws), (0, 0));
    let again = lab.tmcctl(&["--workspace", &ws, "cluster", "unregister", "pc1", "--yes"]);
    assert_exit(&again, 0);
    assert!(again.stderr.contains("not registered; nothing to do"), "{}", again.stderr);
    assert_exit(&lab.tmcctl(&["--workspace", &ws, "cluster", "status", "pc1"]), 6);
}

#[test]
fn bad_registrations_fail_clearly_and_leave_nothing_behind() {
    let _shared = using_clusters();
    let lab = Lab::get();
    let (_, ws) = lab.fresh_install();
    let pc1 = std::fs::read_to_string(lab.var("PC1_KUBECONFIG")).unwrap();
    let garbage = write_file("garbage-kubeconfig", "clusters: [oops");
    let closed_port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let server_line = pc1.lines().find(|l| l.trim_start().starts_with("server:")).unwrap().to_string();
    let unreachable =
        write_file("unreachable", &pc1.replace(&server_line, &format!("    server: https://127.0.0.1:{closed_port}")));
    let ca_line = pc1.lines().find(|l| l.trim_start().starts_with("certificate-authority:")).unwrap().to_string();
    let token_kubeconfig = format!(
        "apiVersion: v1\nkind: Config\ncurrent-context: t\nclusters:\n- name: c\n  cluster:\n{}\n{}\ncontexts:\n- name: t\n  context: {{cluster: c, user: u}}\nusers:\n- name: u\n  user: {{token: expired-token-0000}}\n",
        server_line, ca_line
    );
    let bad_token = write_file("bad-token", &token_kubeconfig);
    let insecure = write_file("insecure", &token_kubeconfig.replace(&ca_line, "    insecure-skip-tls-verify: true"));
    let exec = write_file(
        "exec",
        &token_kubeconfig.replace(
            "user: {token: expired-token-0000}",
            "user: {exec: {apiVersion: client.authentication.k8s.io/v1, command: /bin/echo}}",
        ),
    );
    let cases: Vec<(Vec<&str>, i32, &str)> = vec![
        (vec!["--cluster-kubeconfig", &garbage], 3, "is not a valid kubeconfig"),
        (
            vec!["--cluster-kubeconfig", lab.var("PC1_KUBECONFIG"), "--cluster-context", "nope"],
            3,
            "context \"nope\" not found",
        ),
        (vec!["--cluster-kubeconfig", &unreachable], 4, "cannot verify cluster \"bad\": cannot reach"),
        (
            vec!["--cluster-kubeconfig", &bad_token],
            5,
            "unauthorized: credentials for user \"u\" in context \"t\" are expired or invalid",
        ),
        (vec!["--cluster-kubeconfig", &insecure], 2, "--allow-insecure"),
        (vec!["--cluster-kubeconfig", &exec], 2, "--allow-exec"),
        (vec!["--cluster-kubeconfig", lab.var("PC1_KUBECONFIG"), "--capabilities", "gpu:yes"], 2, "\"yes\""),
        (vec!["--cluster-kubeconfig", lab.var("PC1_KUBECONFIG"), "--capabilities", "gpu"], 2, "\"gpu\""),
        (vec!["--cluster-kubeconfig", lab.var("PC1_KUBECONFIG"), "--capabilities", ":true"], 2, "\":true\""),
        (vec!["--cluster-kubeconfig", lab.var("PC1_KUBECONFIG"), "--capabilities", "gpu:true,gpu:false"], 2, "twice"),
        (vec!["--cluster-kubeconfig", lab.var("PC1_KUBECONFIG"), "--labels", "env"], 2, "\"env\""),
    ];
    for (extra, code, message) in cases {
        let mut args = vec!["--workspace", ws.as_str(), "cluster", "register", "bad", "--location", "x"];
        args.extend(extra.iter().copied());
        let out = lab.tmcctl(&args);
        assert_exit(&out, code);
        assert!(out.stderr.contains(message), "{extra:?}: expected {message:?} in {}", out.stderr);
        assert!(out.stdout.is_empty(), "{extra:?}: {}", out.stdout);
    }
    let bad_name = lab.tmcctl(&[
        "--workspace",
        &ws,
        "cluster",
        "register",
        "Bad_Name",
        "--location",
        "x",
        "--cluster-kubeconfig",
        lab.var("PC1_KUBECONFIG"),
    ]);
    assert_exit(&bad_name, 2);
    assert!(bad_name.stderr.contains("DNS-1123"), "{}", bad_name.stderr);
    assert_eq!(leftovers(lab, &ws), (0, 0), "a failed registration must leave no object or Secret");
}

#[test]
fn credentials_never_appear_in_output_or_logs() {
    let _shared = using_clusters();
    let lab = Lab::get();
    let (_, ws) = lab.fresh_install();
    let canary = format!("canary{}", unique("tok").replace('-', ""));
    let pc1 = std::fs::read_to_string(lab.var("PC1_KUBECONFIG")).unwrap();
    let server_line = pc1.lines().find(|l| l.trim_start().starts_with("server:")).unwrap().to_string();
    let ca_line = pc1.lines().find(|l| l.trim_start().starts_with("certificate-authority:")).unwrap().to_string();
    let kubeconfig = write_file("canary", &format!(
        "apiVersion: v1\nkind: Config\ncurrent-context: t\nclusters:\n- name: c\n  cluster:\n{server_line}\n{ca_line}\ncontexts:\n- name: t\n  context: {{cluster: c, user: u}}\nusers:\n- name: u\n  user: {{token: {canary}}}\n"
    ));
    let mut outputs = Vec::new();
    let register = lab.tmcctl(&[
        "--workspace",
        &ws,
        "cluster",
        "register",
        "canary",
        "--location",
        "x",
        "--cluster-kubeconfig",
        &kubeconfig,
        "--skip-verify",
        "-o",
        "yaml",
    ]);
    assert_exit(&register, 0);
    outputs.push(register);
    outputs.push(lab.tmcctl(&["--workspace", &ws, "-vvv", "controller", "run", "--once"]));
    for args in [
        vec!["cluster", "list", "-o", "yaml"],
        vec!["cluster", "status", "canary"],
        vec!["cluster", "status", "canary", "-o", "json"],
    ] {
        let mut full = vec!["--workspace", ws.as_str(), "-vvv"];
        full.extend(args);
        outputs.push(lab.tmcctl(&full));
    }
    let status = lab.tmcctl(&["--workspace", &ws, "cluster", "status", "canary"]);
    assert!(
        status.stdout.contains("Unauthorized") || status.stdout.contains("unauthorized"),
        "the canary token is refused by the cluster: {}",
        status.stdout
    );
    for out in &outputs {
        assert!(
            !out.stdout.contains(&canary) && !out.stderr.contains(&canary),
            "credential leaked:\n{}\n{}",
            out.stdout,
            out.stderr
        );
    }
    assert!(outputs[1].stderr.len() > 100, "the -vvv controller log is not empty: {}", outputs[1].stderr);
}

#[test]
fn parallel_registers_converge_to_one_object() {
    let _shared = using_clusters();
    let lab = Lab::get();
    let (_, ws) = lab.fresh_install();
    let handles: Vec<_> = (0..2)
        .map(|_| {
            let ws = ws.clone();
            std::thread::spawn(move || {
                let lab = Lab::get();
                register(lab, &ws, "twin", "PC2_KUBECONFIG", &["--location", "us-east", "--labels", "env=prod"])
            })
        })
        .collect();
    for handle in handles {
        assert_exit(&handle.join().unwrap(), 0);
    }
    assert_eq!(leftovers(lab, &ws), (1, 1));
}

#[test]
fn stopped_cluster_turns_unknown_within_the_grace_is_named_by_status_and_doctor_and_recovers() {
    let _exclusive = disrupting_clusters();
    let lab = Lab::get();
    let (_, ws) = lab.fresh_install();
    assert_exit(&register(lab, &ws, "pc2", "PC2_KUBECONFIG", &["--location", "us-east"]), 0);
    let grace = Duration::from_secs(10);
    let controller =
        Controller::start(lab, &ws, &["--probe-interval", "1s", "--probe-timeout", "2s", "--heartbeat-grace", "10s"]);
    eventually("pc2 Ready", Duration::from_secs(60), || {
        (ready_status(lab, &ws, "pc2").as_deref() == Some("True")).then_some(())
    });
    let (code, _) = eventually("/readyz", Duration::from_secs(30), || {
        let (code, body) = controller.get("/readyz");
        (code == 200).then_some((code, body))
    })
    .0;
    assert_eq!(code, 200);
    let (_, metrics) = controller.get("/metrics");
    assert!(metrics.contains("tmc_cluster_health_score{cluster=\"pc2\""), "{metrics}");
    assert!(
        metrics.contains("tmc_cluster_resource_utilization_percent{cluster=\"pc2\",resource=\"pods\"}"),
        "{metrics}"
    );
    // A healthy fleet: `status` and `doctor` exit 0 (a lease renewed by the controller above).
    let fleet = lab.tmcctl(&["--workspace", &ws, "status"]);
    assert_exit(&fleet, 0);
    assert!(fleet.stdout.contains("1 of 1 Ready") && fleet.stdout.contains("leads in"), "{}", fleet.stdout);
    let doctor = lab.tmcctl(&["--workspace", &ws, "doctor"]);
    assert_exit(&doctor, 0);
    assert!(
        doctor.stdout.contains("ok       ") && doctor.stdout.contains("cluster pc2: reachable"),
        "{}",
        doctor.stdout
    );

    let mut outage = StoppedCluster::stop(lab, "pc2", "PC2_KUBECONFIG");
    let stopped = std::time::Instant::now();
    // doctor asks the cluster itself, so it knows at once; status reads what the controller wrote.
    let doctor = lab.tmcctl(&["--workspace", &ws, "doctor", "-o", "json"]);
    let _ = eventually("pc2 Unknown", Duration::from_secs(60), || {
        (ready_status(lab, &ws, "pc2").as_deref() == Some("Unknown")).then_some(())
    });
    let detection = stopped.elapsed();
    // Read the outage's status before the cluster comes back: the loop probes every second.
    let status = lab.tmcctl(&["--workspace", &ws, "cluster", "status", "pc2"]);
    let fleet = lab.tmcctl(&["--workspace", &ws, "status"]);
    outage.start_again();
    assert_exit(&doctor, 11);
    let findings: Vec<Value> = serde_json::from_str(&doctor.stdout).unwrap();
    let pc2 = findings.iter().find(|f| f["name"] == "cluster pc2").expect("a finding for pc2");
    assert_eq!(pc2["verdict"], "Fail", "{pc2}");
    assert!(pc2["fix"].as_str().unwrap().contains("cluster register pc2 --location us-east"), "{pc2}");
    assert!(doctor.stderr.contains("checks failed"), "{}", doctor.stderr);
    assert_exit(&fleet, 11);
    assert!(fleet.stdout.contains("cluster pc2: Unknown"), "{}", fleet.stdout);
    assert!(fleet.stderr.contains("degraded: 1 problem") && fleet.stderr.contains("tmcctl doctor"), "{}", fleet.stderr);
    assert!(detection >= grace - Duration::from_secs(2), "Unknown came before the grace: {detection:?}");
    assert!(detection <= grace + Duration::from_secs(8), "Unknown came late: {detection:?}");
    assert!(
        status.stdout.contains("NotHeardFrom") && status.stdout.contains("not heard from since"),
        "{}",
        status.stdout
    );
    eventually("pc2 Ready again", Duration::from_secs(120), || {
        (ready_status(lab, &ws, "pc2").as_deref() == Some("True")).then_some(())
    });
    assert_eq!(leftovers(lab, &ws), (1, 1), "an outage deletes nothing");
    let log = controller.log_text();
    assert!(log.contains("probe failed") && log.contains("pc2"), "the controller logs the failed probes: {log}");
}

#[test]
fn list_watch_prints_changes_and_metrics_serve_exports_stored_health() {
    let _shared = using_clusters();
    let lab = Lab::get();
    let (_, ws) = lab.fresh_install();
    // One registration before the watch starts, so that the watch has a first output to wait
    // for. Its name sorts before pc1: `-w` skips as many of the watch's initial objects as it
    // listed, so should pc1 already be in them it comes second and is printed.
    let existing = register(lab, &ws, "existing", "PC2_KUBECONFIG", &["--location", "us-east", "--skip-verify"]);
    assert_exit(&existing, 0);
    let watch = Background::start(lab, &ws, |_| ["cluster", "list", "-w", "-o", "name"].map(String::from).to_vec());
    // The initial list is printed just before the watch begins: only then make the change.
    eventually("the watch to list the existing registration", Duration::from_secs(20), || {
        watch.stdout_text().contains("clusterregistration.tmc.kcp.io/existing").then_some(())
    });
    assert_exit(&register(lab, &ws, "pc1", "PC1_KUBECONFIG", &["--location", "eu-west"]), 0);
    eventually("the watch to print pc1", Duration::from_secs(20), || {
        watch.stdout_text().contains("clusterregistration.tmc.kcp.io/pc1").then_some(())
    });

    assert_exit(&lab.tmcctl(&["--workspace", &ws, "controller", "run", "--once"]), 0);
    let serve = Background::start(lab, &ws, |port| {
        ["metrics", "serve", "--listen", &format!("127.0.0.1:{port}"), "--refresh", "1s"].map(String::from).to_vec()
    });
    let metrics = eventually("metrics serve to export pc1", Duration::from_secs(20), || {
        let (code, body) =
            std::net::TcpStream::connect(("127.0.0.1", serve.metrics_port)).ok().map(|_| serve.get("/metrics"))?;
        (code == 200 && body.contains("tmc_cluster_health_score{cluster=\"pc1\"")).then_some(body)
    })
    .0;
    let line = metrics.lines().find(|l| l.starts_with("tmc_cluster_health_score{cluster=\"pc1\"")).unwrap();
    let score: f64 = line.rsplit(' ').next().unwrap().parse().unwrap();
    assert!(score > 0.0, "a ready cluster scores above 0: {line}");
    // A listing that failed under load makes readiness 503 until the next refresh.
    eventually("metrics serve to be ready", Duration::from_secs(30), || (serve.get("/readyz").0 == 200).then_some(()));
    assert_eq!(serve.get("/healthz").0, 200);
}

#[test]
fn update_refuses_fields_another_manager_owns_unless_forced() {
    let lab = Lab::get();
    let (_, ws) = lab.fresh_install();
    let registered = lab.tmcctl(&[
        "--workspace",
        &ws,
        "cluster",
        "register",
        "owned",
        "--location",
        "eu-west",
        "--skip-verify",
        "--cluster-kubeconfig",
        lab.var("PC1_KUBECONFIG"),
    ]);
    assert_exit(&registered, 0);
    // Another manager takes spec.location over with server-side apply.
    let manifest = "apiVersion: tmc.kcp.io/v1alpha1\nkind: ClusterRegistration\nmetadata: {name: owned}\nspec: {location: ap-south}\n";
    let taken = lab.kubectl(
        &ws,
        &["apply", "--server-side", "--force-conflicts", "--field-manager=ops-team", "-f", "-"],
        Some(manifest),
    );
    assert_exit(&taken, 0);

    let refused = lab.tmcctl(&["--workspace", &ws, "cluster", "update", "owned", "--location", "us-east"]);
    assert_exit(&refused, 7);
    assert!(refused.stderr.contains("ops-team") && refused.stderr.contains("--force-conflicts"), "{}", refused.stderr);

    let forced =
        lab.tmcctl(&["--workspace", &ws, "cluster", "update", "owned", "--location", "us-east", "--force-conflicts"]);
    assert_exit(&forced, 0);
    let object: Value =
        serde_json::from_str(&lab.tmcctl(&["--workspace", &ws, "cluster", "status", "owned", "-o", "json"]).stdout)
            .unwrap();
    assert_eq!(object["spec"]["location"], "us-east");
}
