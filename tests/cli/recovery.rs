//! Fleet disaster recovery against the lab: a kcp of the test's own runs a workload on pc1; it
//! is backed up (Secrets included, encrypted), then kcp loses everything (its state directory
//! removed). On the new kcp one restore with `--adopt-downstream` brings back the TMC API,
//! the workload types and the objects, then a controller starts: the workload comes back with its placement's decision, and the controller adopts
//! the Deployment and pods already running on pc1 — nothing there is deleted or re-created —
//! then serves a new edit.

// Recovery figures are printed, as the test output is where they are read.
#![allow(clippy::print_stdout)]

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::harness::{assert_exit, scratch_dir, unique, using_clusters, write_file, Controller, Lab};
use crate::private_kcp::PrivateKcp;
use crate::workloads::{deployment, on_cluster, wait_or_explain};

const PROVIDER: &str = "root:tmc-dr";
const WS: &str = "root:team-dr";

/// uid of every object of `kind` in `namespace` on pc1, by name.
fn uids(lab: &Lab, kind: &str, namespace: &str) -> BTreeMap<String, String> {
    let out = on_cluster(lab, "PC1_KUBECONFIG", &["get", kind, "-n", namespace, "-o", "json"]);
    let list: Value = serde_json::from_str(&out.stdout).unwrap_or_default();
    list["items"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|o| (o["metadata"]["name"].as_str().unwrap().into(), o["metadata"]["uid"].as_str().unwrap().into()))
        .collect()
}

fn downstream_deployment(lab: &Lab, namespace: &str) -> Option<Value> {
    let out = on_cluster(lab, "PC1_KUBECONFIG", &["get", "deployment", "web", "-n", namespace, "-o", "json"]);
    (out.code == 0).then(|| serde_json::from_str(&out.stdout).unwrap())
}

fn upstream_web(kcp: &PrivateKcp, lab: &Lab) -> Option<Value> {
    let out = kcp.kubectl(lab, WS, &["get", "deployment", "web", "-n", "default", "-o", "json"]);
    (out.code == 0).then(|| serde_json::from_str(&out.stdout).unwrap())
}

/// The TMC API and the Deployment and Service types in the workspace (the type is published from the
/// registered clusters, so it needs a registration first).
fn publish_deployments(kcp: &PrivateKcp) {
    let out = kcp.tmcctl(&[
        "install",
        "--provider-workspace",
        PROVIDER,
        "--bind",
        WS,
        "--workload-apis",
        "deployments.apps,services",
    ]);
    assert_exit(&out, 0);
}

#[test]
fn a_fleet_restored_onto_a_new_kcp_adopts_what_runs_downstream_and_restarts_nothing() {
    let _shared = using_clusters();
    let lab = Lab::get();
    let mut kcp = PrivateKcp::start(lab);
    kcp.install_bound(PROVIDER, WS);
    let on_ws = |kcp: &PrivateKcp, args: &[&str]| kcp.tmcctl(&[&["--workspace", WS][..], args].concat());
    let register = ["cluster", "register", "pc1", "--cluster-kubeconfig", lab.var("PC1_KUBECONFIG")];
    assert_exit(&on_ws(&kcp, &[&register[..], &["--location", "lab", "--labels", "name=pc1"]].concat()), 0);
    publish_deployments(&kcp);
    assert_exit(&on_ws(&kcp, &["placement", "create", "web", "--location-selector", "name=pc1"]), 0);
    let fast = ["--probe-interval", "1s", "--probe-timeout", "2s", "--leader-elect=false"];
    let controller = Controller::start_against(&kcp.kubeconfig, PROVIDER, &fast);
    assert_exit(
        &kcp.kubectl(
            lab,
            WS,
            &["apply", "-f", &write_file(&unique("dr-web"), &deployment("web", 2, "web:1", "tier: front"))],
        ),
        0,
    );
    let namespace = wait_or_explain(&controller, "web running on pc1", Duration::from_secs(120), || {
        let out = on_ws(&kcp, &["workload", "where", "deployment/web", "-o", "json"]);
        let rows: Value = serde_json::from_str(&out.stdout).map_err(|_| out.stderr.clone())?;
        let namespace = rows[0]["downstreamNamespace"].as_str().ok_or("no copy yet")?.to_string();
        let ready =
            downstream_deployment(lab, &namespace).map_or(0, |d| d["status"]["readyReplicas"].as_i64().unwrap_or(0));
        if ready == 2 {
            Ok(namespace)
        } else {
            Err(format!("{ready} of 2 ready on pc1"))
        }
    });
    let decisions = |kcp: &PrivateKcp| {
        kcp.kubectl(lab, WS, &["get", "workloadplacements.tmc.kcp.io", "web", "-o", "jsonpath={.status.decisions}"])
            .stdout
    };
    let decided = decisions(&kcp);
    let dir = scratch_dir().join(unique("dr")).display().to_string();
    let passphrase = write_file("dr-passphrase", "the whole fleet\n");
    let backup =
        on_ws(&kcp, &["backup", "create", "last", "--include-secrets", "--passphrase-file", &passphrase, "--to", &dir]);
    assert_exit(&backup, 0);
    let restore = |kcp: &PrivateKcp, extra: &[&str]| {
        let args = ["restore", "last", "--from", &dir, "--passphrase-file", &passphrase];
        kcp.tmcctl(&[&args[..], extra].concat())
    };
    // While the workspace lives, adopting its copies from elsewhere is refused.
    let clone = format!("{WS}-clone");
    kcp.install_bound(PROVIDER, &clone);
    let refused = restore(&kcp, &["--adopt-downstream", "--workspace-mapping", &format!("{WS}={clone}")]);
    assert_exit(&refused, 7);
    assert!(refused.stderr.contains("still exists on this kcp"), "{}", refused.stderr);

    let pods_before = uids(lab, "pods", &namespace);
    let deployment_before = uids(lab, "deployments", &namespace);
    assert_eq!(pods_before.len(), 2, "{pods_before:?}");
    drop(controller);
    kcp.wipe(lab);
    let lost = Instant::now();
    assert!(upstream_web(&kcp, lab).is_none(), "the new kcp still holds the workspace");

    // The runbook: the plan (nothing written), the restore (it creates the workspace, binds the
    // TMC API, restores registrations and credentials, publishes the workload types from the
    // restored cluster, then the workloads), the controller.
    let plan = restore(&kcp, &["--adopt-downstream", "--plan"]);
    assert_exit(&plan, 0);
    assert!(plan.stdout.contains("would create the workspace and bind"), "{}", plan.stdout);
    assert!(plan.stdout.contains("create (once deployments.apps is published)"), "{}", plan.stdout);
    assert!(upstream_web(&kcp, lab).is_none(), "--plan wrote");
    let out = kcp.kubectl(lab, "root", &["get", "workspaces", "-o", "name"]);
    assert!(!out.stdout.contains("team-dr"), "--plan created the workspace: {}", out.stdout);

    let restored = restore(&kcp, &["--adopt-downstream"]);
    assert_exit(&restored, 0);
    assert!(restored.stdout.contains("APIBinding tmc.kcp.io"), "{}", restored.stdout);
    assert!(
        restored.stdout.contains("Deployment default/web") && restored.stdout.contains("created"),
        "{}",
        restored.stdout
    );
    assert!(!restored.stdout.contains("kind not served here"), "{}", restored.stdout);
    assert_eq!(decisions(&kcp), decided, "the placement's decision was not kept");
    let controller = Controller::start_against(&kcp.kubeconfig, PROVIDER, &fast);
    wait_or_explain(&controller, "web's status summed up from pc1 again", Duration::from_secs(120), || {
        let available = upstream_web(&kcp, lab).map_or(0, |d| d["status"]["availableReplicas"].as_i64().unwrap_or(0));
        if available == 2 {
            Ok(())
        } else {
            Err(format!("{available} of 2 available upstream"))
        }
    });
    println!("fleet recovery: web Available upstream {:?} after kcp was wiped", lost.elapsed());
    let out = on_ws(&kcp, &["workload", "where", "deployment/web", "-o", "json"]);
    let rows: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(rows[0]["downstreamNamespace"], namespace.as_str(), "the copy moved to another namespace");
    assert_eq!(uids(lab, "deployments", &namespace), deployment_before, "the Deployment on pc1 was re-created");
    assert_eq!(uids(lab, "pods", &namespace), pods_before, "pods on pc1 were restarted");

    // And it serves new edits.
    assert_exit(&kcp.kubectl(lab, WS, &["scale", "deployment", "web", "-n", "default", "--replicas", "3"]), 0);
    wait_or_explain(&controller, "the new replica count on pc1", Duration::from_secs(60), || {
        let replicas =
            downstream_deployment(lab, &namespace).map_or(0, |d| d["spec"]["replicas"].as_i64().unwrap_or(0));
        if replicas == 3 {
            Ok(())
        } else {
            Err(format!("spec.replicas {replicas} on pc1"))
        }
    });
    assert_eq!(uids(lab, "deployments", &namespace), deployment_before);
}
