//! Hostile and careless tenants, against the lab: credentials Secrets that would run a program,
//! read a file of the controller's machine or leak a value; placements edited into something
//! the controller cannot read; a cluster whose health blips. None of them may make tmcctl run
//! code, send a secret, or delete or move a workload.

use std::io::Read;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use base64::Engine;
use serde_json::Value;

use crate::harness::{
    assert_exit, disrupting_clusters, scratch_dir, unique, using_clusters, Background, Controller, Lab, PausedKwok,
};
use crate::workloads::{deployment, on_cluster, wait_or_explain};

/// A Secret `tmc-system/NAME` holding `value` under `kubeconfig`, and a ClusterRegistration
/// `NAME` pointing at it with `credentials_extra` (such as `allowInsecure: true`), written with
/// kubectl as a tenant would.
fn tenant_registration(lab: &Lab, ws: &str, name: &str, value: &str, credentials_extra: &str) {
    let encoded = base64::engine::general_purpose::STANDARD.encode(value);
    let manifest = format!(
        "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: tmc-system\n---\n\
         apiVersion: v1\nkind: Secret\nmetadata:\n  name: {name}\n  namespace: tmc-system\ndata:\n  kubeconfig: {encoded}\n---\n\
         apiVersion: tmc.kcp.io/v1alpha1\nkind: ClusterRegistration\nmetadata:\n  name: {name}\nspec:\n  location: lab\n  \
         credentials: {{namespace: tmc-system, name: {name}, key: kubeconfig{credentials_extra}}}\n"
    );
    assert_exit(&lab.kubectl(ws, &["apply", "-f", "-"], Some(&manifest)), 0);
}

/// The registration's Ready condition once it has one: (status, reason, message).
fn ready_of(lab: &Lab, ws: &str, name: &str) -> Option<(String, String, String)> {
    let out = lab.kubectl(ws, &["get", "clusterregistration", name, "-o", "json"], None);
    let registration: Value = serde_json::from_str(&out.stdout).ok()?;
    let ready = registration["status"]["conditions"].as_array()?.iter().find(|c| c["type"] == "Ready")?.clone();
    let text = |k: &str| ready[k].as_str().unwrap_or_default().to_string();
    Some((text("status"), text("reason"), text("message")))
}

/// A kubeconfig whose first user is a harmless token and whose current context's user is
/// `user`, for `server`.
fn two_user_kubeconfig(server: &str, user: &str) -> String {
    format!(
        "apiVersion: v1\nkind: Config\ncurrent-context: chosen\n\
         clusters:\n- name: c\n  cluster:\n    server: {server}\n\
         contexts:\n- name: harmless\n  context: {{cluster: c, user: harmless}}\n\
         - name: chosen\n  context: {{cluster: c, user: chosen}}\n\
         users:\n- name: harmless\n  user: {{token: not-a-secret}}\n- name: chosen\n  user: {user}\n"
    )
}

/// tmcctl against kcp's workspace `ws`.
fn in_workspace(lab: &Lab, ws: &str, args: &[&str]) -> crate::harness::Output {
    let mut all = vec!["--workspace", ws];
    all.extend_from_slice(args);
    lab.tmcctl(&all)
}

/// A kubeconfig user whose exec plugin creates `marker` when it runs, then runs `then`.
fn exec_user(marker: &std::path::Path, then: &str) -> String {
    format!(
        "{{exec: {{apiVersion: client.authentication.k8s.io/v1, command: /bin/sh, args: [-c, 'touch {}; {then}']}}}}",
        marker.display()
    )
}

/// A plain-HTTP listener on loopback that keeps every byte sent to it.
fn recording_listener() -> (u16, Arc<Mutex<Vec<u8>>>) {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let received = Arc::new(Mutex::new(Vec::new()));
    let sink = received.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mut stream = stream;
            stream.set_read_timeout(Some(Duration::from_secs(2))).ok();
            let mut buffer = [0u8; 4096];
            while let Ok(n) = stream.read(&mut buffer) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().extend_from_slice(&buffer[..n]);
            }
        }
    });
    (port, received)
}

#[test]
fn tenant_credentials_never_run_a_program_read_a_file_or_show_a_value() {
    let lab = Lab::get();
    let (_, ws) = lab.fresh_install();
    let marker = scratch_dir().join(unique("exec-ran"));
    // 1. The current context's user runs a program (the first user is harmless).
    let exec_user = exec_user(&marker, "echo {}");
    tenant_registration(lab, &ws, "runs-exec", &two_user_kubeconfig(lab.var("PC1_URL"), &exec_user), "");
    // 2. A token file naming a secret of the controller's machine, sent to a server of the
    //    tenant's over plain HTTP (allowed by the registration, so only the file is at issue).
    let (port, received) = recording_listener();
    let canary_token = unique("controller-identity-canary");
    let token_file = scratch_dir().join(unique("token"));
    std::fs::write(&token_file, &canary_token).unwrap();
    let file_user = format!("{{tokenFile: {}}}", token_file.display());
    let http = format!("http://127.0.0.1:{port}");
    tenant_registration(lab, &ws, "reads-file", &two_user_kubeconfig(&http, &file_user), ", allowInsecure: true");
    // 3. A Secret that is not a kubeconfig at all, holding a canary.
    let canary = unique("secret-value-canary");
    tenant_registration(lab, &ws, "not-kubeconfig", &format!("password: {canary}\n"), "");

    let controller = Controller::start(lab, &ws, &["--probe-interval", "1s", "--leader-elect=false"]);
    for (name, field) in
        [("runs-exec", "user.exec"), ("reads-file", "user.tokenFile"), ("not-kubeconfig", "is not a kubeconfig")]
    {
        let (status, reason, message) = wait_or_explain(&controller, name, Duration::from_secs(30), || {
            ready_of(lab, &ws, name).ok_or_else(|| "no Ready condition yet".to_string())
        });
        assert_eq!((status.as_str(), reason.as_str()), ("False", "CredentialsInvalid"), "{name}: {message}");
        assert!(message.contains(field), "{name}: the condition should name {field}: {message}");
    }
    // The CLI's commands that use stored credentials run nothing either.
    let in_ws = |args: &[&str]| in_workspace(lab, &ws, args);
    let doctor = in_ws(&["doctor"]);
    assert!(doctor.stdout.contains("user.exec"), "doctor names the refusal:\n{}{}", doctor.stdout, doctor.stderr);
    let check = in_ws(&["rbac", "check", "get", "pods", "--as-me", "--clusters", "runs-exec,reads-file"]);
    assert!(
        check.stdout.contains("user.exec") || check.stderr.contains("user.exec"),
        "{}{}",
        check.stdout,
        check.stderr
    );
    let status = in_ws(&["cluster", "status", "not-kubeconfig"]);
    std::thread::sleep(Duration::from_secs(2));
    let log = controller.log_text();
    drop(controller);

    assert!(!marker.exists(), "the exec plugin of a tenant's Secret ran");
    let sent = String::from_utf8_lossy(&received.lock().unwrap()).into_owned();
    assert!(sent.is_empty(), "a request reached the tenant's plain-HTTP server: {sent}");
    let registrations = lab.kubectl(&ws, &["get", "clusterregistrations", "-o", "json"], None).stdout;
    let everything =
        [registrations, doctor.stdout, doctor.stderr, check.stdout, check.stderr, status.stdout, status.stderr, log]
            .join("\n");
    assert!(!everything.contains(&canary), "the Secret's value was shown:\n{everything}");
    assert!(!everything.contains(&canary_token), "the token file's content was shown");
}

#[test]
fn the_controller_runs_a_stored_exec_plugin_only_when_it_and_the_registration_both_allow_it() {
    let lab = Lab::get();
    let (_, ws) = lab.fresh_install();
    let marker = scratch_dir().join(unique("exec-allowed"));
    let exec_user = exec_user(&marker, "exit 1");
    let kubeconfig = two_user_kubeconfig(lab.var("PC1_URL"), &exec_user);
    // Allowed by the controller's flag but not by the registration: still refused.
    tenant_registration(lab, &ws, "exec-flag-only", &kubeconfig, "");
    let controller = Controller::start(lab, &ws, &["--probe-interval", "1s", "--leader-elect=false", "--allow-exec"]);
    let (_, reason, message) = wait_or_explain(&controller, "exec-flag-only", Duration::from_secs(30), || {
        ready_of(lab, &ws, "exec-flag-only").ok_or_else(|| "no Ready condition yet".to_string())
    });
    assert_eq!(reason, "CredentialsInvalid", "{message}");
    assert!(message.contains("user.exec"), "{message}");
    assert!(!marker.exists(), "ran without the registration's consent");
    // Allowed by both: the plugin runs (it fails on purpose, so nothing connects).
    tenant_registration(lab, &ws, "exec-both", &kubeconfig, ", allowExec: true");
    wait_or_explain(&controller, "the plugin allowed twice to run", Duration::from_secs(30), || {
        if marker.exists() {
            Ok(())
        } else {
            Err("not run yet".into())
        }
    });
}

/// The placement's condition of `type_`: (status, reason, message).
fn placement_condition(lab: &Lab, ws: &str, name: &str, type_: &str) -> Option<(String, String, String)> {
    let out = lab.kubectl(ws, &["get", "workloadplacement", name, "-o", "json"], None);
    let placement: Value = serde_json::from_str(&out.stdout).ok()?;
    let found = placement["status"]["conditions"].as_array()?.iter().find(|c| c["type"] == type_)?.clone();
    let text = |k: &str| found[k].as_str().unwrap_or_default().to_string();
    Some((text("status"), text("reason"), text("message")))
}

/// UIDs of the Deployment `name`'s copies on pc1 and pc2 (`None` where a cluster has none).
fn copy_uids(lab: &Lab, namespace: &str, name: &str) -> Vec<Option<String>> {
    ["PC1_KUBECONFIG", "PC2_KUBECONFIG"]
        .iter()
        .map(|var| {
            let out =
                on_cluster(lab, var, &["get", "deployment", name, "-n", namespace, "-o", "jsonpath={.metadata.uid}"]);
            (out.code == 0 && !out.stdout.is_empty()).then(|| out.stdout.clone())
        })
        .collect()
}

fn patch_placement(lab: &Lab, ws: &str, name: &str, patch: &str) -> crate::harness::Output {
    lab.kubectl(ws, &["patch", "workloadplacement", name, "--type=merge", "-p", patch], None)
}

#[test]
fn a_placement_edited_into_something_unreadable_moves_and_deletes_nothing_until_fixed() {
    let _shared = using_clusters();
    let lab = Lab::get();
    let ws = crate::workloads::fleet_workspace(lab);
    let tmcctl = |args: &[&str]| in_workspace(lab, &ws, args);
    let create = ["placement", "create", "web", "--strategy", "Spread", "--location-selector", "name in (pc1,pc2)"];
    assert_exit(&tmcctl(&create), 0);
    assert_exit(&lab.kubectl(&ws, &["apply", "-f", "-"], Some(&deployment("web", 2, "web:1", "tier: web"))), 0);
    let start = |lab: &Lab| -> Background {
        Controller::start(lab, &ws, &["--probe-interval", "1s", "--leader-elect=false", "--heartbeat-grace", "20s"])
    };
    let mut controller = start(lab);
    let namespace = wait_or_explain(&controller, "web on both clusters", Duration::from_secs(90), || {
        let out = tmcctl(&["workload", "where", "deployment/web", "-o", "json"]);
        let rows: Vec<Value> = serde_json::from_str(&out.stdout).unwrap_or_default();
        match rows.as_slice() {
            [a, b] if a["phase"] == "Available" && b["phase"] == "Available" => {
                Ok(a["downstreamNamespace"].as_str().unwrap().to_string())
            }
            _ => Err(format!("copies {rows:?}")),
        }
    });
    let before = copy_uids(lab, &namespace, "web");
    assert!(before.iter().all(Option::is_some), "{before:?}");

    for (edit, field) in [
        (
            r#"{"spec":{"namespaceSelector":{"matchExpressions":[{"key":"team","operator":"in","values":["a"]}]}}}"#,
            "spec.namespaceSelector",
        ),
        (
            r#"{"spec":{"namespaceSelector":null,"workloadSelector":{"matchExpressions":[{"key":"tier","operator":"In","values":[]}]}}}"#,
            "spec.workloadSelector",
        ),
    ] {
        assert_exit(&patch_placement(lab, &ws, "web", edit), 0);
        let (_, reason, message) = wait_or_explain(
            &controller,
            "the placement Invalid",
            Duration::from_secs(30),
            || match placement_condition(lab, &ws, "web", "Invalid") {
                Some((status, reason, message)) if status == "True" && message.contains(field) => {
                    Ok((status, reason, message))
                }
                other => Err(format!("Invalid condition {other:?}")),
            },
        );
        assert_eq!(reason, "Invalid", "{message}");
        let scheduled = placement_condition(lab, &ws, "web", "Scheduled").unwrap();
        assert_eq!((scheduled.0.as_str(), scheduled.1.as_str()), ("False", "Invalid"), "{scheduled:?}");
        let status = tmcctl(&["status", "-o", "json"]);
        assert!(status.stdout.contains("placement web: ") && status.stdout.contains(field), "{}", status.stdout);
        // Running on: several reconciles' worth of time, then a restart with no good version known.
        std::thread::sleep(Duration::from_secs(4));
        assert_eq!(copy_uids(lab, &namespace, "web"), before, "a copy moved or went after the edit {edit}");
        drop(controller);
        controller = start(lab);
        wait_or_explain(&controller, "the restarted controller's first pass", Duration::from_secs(30), || {
            match controller.try_get("/readyz") {
                Some((200, _)) => Ok(()),
                other => Err(format!("/readyz {other:?}")),
            }
        });
        std::thread::sleep(Duration::from_secs(4));
        assert_eq!(copy_uids(lab, &namespace, "web"), before, "a copy moved or went after a restart under {edit}");
        let log = controller.log_text();
        assert!(!log.contains("finalizer released"), "a restart under an invalid placement released: {log}");
    }

    // A weight the controller could not hold is refused by the published schema.
    let weights = r#"{"spec":{"workloadSelector":null,"replicaDivision":{"type":"Divided","weights":[{"cluster":"pc1","weight":99999999999}]}}}"#;
    let refused = patch_placement(lab, &ws, "web", weights);
    assert_ne!(refused.code, 0, "kcp accepted a weight above 2^32: {}", refused.stdout);
    assert!(refused.stderr.contains("weight"), "{}", refused.stderr);

    // Fixed: normal work resumes, and the copies it kept are the ones it goes on with.
    assert_exit(&patch_placement(lab, &ws, "web", r#"{"spec":{"workloadSelector":null}}"#), 0);
    wait_or_explain(&controller, "the placement valid again", Duration::from_secs(30), || {
        match (placement_condition(lab, &ws, "web", "Invalid"), placement_condition(lab, &ws, "web", "Scheduled")) {
            (None, Some((status, _, _))) if status == "True" => Ok(()),
            other => Err(format!("conditions {other:?}")),
        }
    });
    assert_eq!(copy_uids(lab, &namespace, "web"), before);
}

/// `workload where` rows of `reference` in `ws`: (cluster, downstream namespace, phase).
fn where_rows(lab: &Lab, ws: &str, reference: &str) -> Vec<(String, String, String)> {
    let out = lab.tmcctl(&["--workspace", ws, "workload", "where", reference, "-o", "json"]);
    let rows: Vec<Value> = serde_json::from_str(&out.stdout).unwrap_or_default();
    rows.iter()
        .map(|r| {
            let text = |k: &str| r[k].as_str().unwrap_or_default().to_string();
            (text("cluster"), text("downstreamNamespace"), text("phase"))
        })
        .collect()
}

fn on_pc1_json(lab: &Lab, args: &[&str]) -> Option<Value> {
    let out = on_cluster(lab, "PC1_KUBECONFIG", args);
    (out.code == 0).then(|| serde_json::from_str(&out.stdout).unwrap())
}

#[test]
fn a_foreign_object_at_a_copys_name_is_left_alone_and_not_counted_until_taken_over() {
    let _shared = using_clusters();
    let lab = Lab::get();
    let ws = crate::workloads::fleet_workspace(lab);
    let tmcctl = |args: &[&str]| in_workspace(lab, &ws, args);
    assert_exit(
        &tmcctl(&["placement", "create", "fx", "--strategy", "Spread", "--location-selector", "name in (pc1,pc2)"]),
        0,
    );
    let controller =
        Controller::start(lab, &ws, &["--probe-interval", "1s", "--leader-elect=false", "--heartbeat-grace", "20s"]);
    // A first workload shows where this workspace's copies go on pc1.
    assert_exit(&lab.kubectl(&ws, &["apply", "-f", "-"], Some(&deployment("first", 1, "first:1", "tier: first"))), 0);
    let namespace = wait_or_explain(&controller, "first on pc1", Duration::from_secs(90), || {
        match where_rows(lab, &ws, "deployment/first").into_iter().find(|r| r.0 == "pc1" && r.2 == "Available") {
            Some(row) => Ok(row.1),
            None => Err("not yet".into()),
        }
    });
    // Someone with access to pc1 puts a Deployment of their own at the name the next one takes.
    let created = on_cluster(
        lab,
        "PC1_KUBECONFIG",
        &["create", "deployment", "fx", "-n", &namespace, "--image", "foreign:1", "--replicas", "1"],
    );
    assert_exit(&created, 0);
    let foreign_before = on_pc1_json(lab, &["get", "deployment", "fx", "-n", &namespace, "-o", "json"]).unwrap();
    assert_exit(&lab.kubectl(&ws, &["apply", "-f", "-"], Some(&deployment("fx", 2, "fx:1", "tier: fx"))), 0);
    let message =
        wait_or_explain(&controller, "fx: Conflict on pc1, Available on pc2", Duration::from_secs(90), || {
            let rows = where_rows(lab, &ws, "deployment/fx");
            let phase = |c: &str| rows.iter().find(|r| r.0 == c).map(|r| r.2.clone()).unwrap_or_default();
            if phase("pc1") != "Conflict" || phase("pc2") != "Available" {
                return Err(format!("rows {rows:?}"));
            }
            let upstream: Value =
                serde_json::from_str(&lab.kubectl(&ws, &["get", "deployment", "fx", "-o", "json"], None).stdout)
                    .unwrap();
            let pc1 = upstream["status"]["tmc"]["clusters"]
                .as_array()
                .and_then(|c| c.iter().find(|e| e["cluster"] == "pc1").cloned());
            match (upstream["status"]["readyReplicas"].as_i64(), pc1) {
                (Some(2), Some(entry)) => Ok(entry["message"].as_str().unwrap_or_default().to_string()),
                other => Err(format!("status {other:?}")),
            }
        });
    assert!(message.contains(&format!("Deployment {namespace}/fx")) && message.contains("takeover"), "{message}");
    let status = tmcctl(&["status", "-o", "json"]);
    assert_exit(&status, 11);
    let fleet: Value = serde_json::from_str(&status.stdout).unwrap();
    assert_eq!(fleet["workloads"]["conflicts"], serde_json::json!(["default/Deployment/fx on pc1"]), "{fleet}");
    // Untouched: no container merged in, no label of ours, no new owner; the ConfigMap not copied there.
    let foreign_after = on_pc1_json(lab, &["get", "deployment", "fx", "-n", &namespace, "-o", "json"]).unwrap();
    assert_eq!(
        foreign_after["spec"]["template"], foreign_before["spec"]["template"],
        "the foreign Deployment was changed"
    );
    assert_eq!(
        foreign_after["metadata"]["labels"], foreign_before["metadata"]["labels"],
        "the foreign Deployment was labelled"
    );
    assert!(on_pc1_json(lab, &["get", "configmap", "fx-settings", "-n", &namespace, "-o", "json"]).is_none());

    // Taken over deliberately: adopted, with the copy's own image and labels.
    let patch = lab.kubectl(
        &ws,
        &["patch", "workloadplacement", "fx", "--type=merge", "-p", r#"{"spec":{"takeover":"Always"}}"#],
        None,
    );
    assert_exit(&patch, 0);
    wait_or_explain(&controller, "fx adopted on pc1", Duration::from_secs(90), || {
        let copy = on_pc1_json(lab, &["get", "deployment", "fx", "-n", &namespace, "-o", "json"]).ok_or("gone")?;
        let image = copy["spec"]["template"]["spec"]["containers"][0]["image"].clone();
        let rows = where_rows(lab, &ws, "deployment/fx");
        let adopted = copy["metadata"]["uid"] == foreign_before["metadata"]["uid"]
            && copy["metadata"]["labels"]["tmc.kcp.io/workspace"].is_string()
            && rows.iter().any(|r| r.0 == "pc1" && r.2 != "Conflict");
        if adopted && image.as_str().is_some_and(|i| i.starts_with("fx")) {
            Ok(())
        } else {
            Err(format!("image {image}, rows {rows:?}"))
        }
    });
}

/// A fresh fleet workspace with a Divided Spread placement `name` over pc1 and pc2, a
/// controller with the default eviction grace (5m: the outages the tests make are far
/// shorter), and a 2-replica Deployment `name` Available on both clusters: (workspace,
/// controller, downstream namespace, the copies' UIDs).
fn divided_over_both(lab: &'static Lab, name: &str) -> (String, Background, String, Vec<Option<String>>) {
    let ws = crate::workloads::fleet_workspace(lab);
    let create = [
        "placement",
        "create",
        name,
        "--strategy",
        "Spread",
        "--location-selector",
        "name in (pc1,pc2)",
        "--replicas",
        "divided",
    ];
    assert_exit(&in_workspace(lab, &ws, &create), 0);
    let controller =
        Controller::start(lab, &ws, &["--probe-interval", "1s", "--leader-elect=false", "--heartbeat-grace", "20s"]);
    let manifest = deployment(name, 2, &format!("{name}:1"), &format!("tier: {name}"));
    assert_exit(&lab.kubectl(&ws, &["apply", "-f", "-"], Some(&manifest)), 0);
    let reference = format!("deployment/{name}");
    let namespace = wait_or_explain(&controller, &format!("{name} on both"), Duration::from_secs(90), || {
        let rows = where_rows(lab, &ws, &reference);
        if rows.len() == 2 && rows.iter().all(|r| r.2 == "Available") {
            Ok(rows[0].1.clone())
        } else {
            Err(format!("rows {rows:?}"))
        }
    });
    let before = copy_uids(lab, &namespace, name);
    (ws, controller, namespace, before)
}

#[test]
fn a_cluster_not_ready_for_a_while_keeps_its_workloads_through_the_eviction_grace() {
    let _shared = using_clusters();
    let lab = Lab::get();
    let (ws, controller, namespace, before) = divided_over_both(lab, "blip");
    // pc2's credentials stop working: Ready=False at once (CredentialsInvalid), for 20 s.
    let secret = lab.kubectl(&ws, &["get", "secret", "tmc-cluster-pc2", "-n", "tmc-system", "-o", "json"], None);
    let secret: Value = serde_json::from_str(&secret.stdout).unwrap();
    let good = secret["data"]["kubeconfig"].as_str().unwrap().to_string();
    let broken = base64::engine::general_purpose::STANDARD.encode("apiVersion: v1\nkind: Config\n");
    let set = |value: &str| {
        let patch = format!(r#"{{"data":{{"kubeconfig":"{value}"}}}}"#);
        assert_exit(
            &lab.kubectl(
                &ws,
                &["patch", "secret", "tmc-cluster-pc2", "-n", "tmc-system", "--type=merge", "-p", &patch],
                None,
            ),
            0,
        );
    };
    set(&broken);
    wait_or_explain(&controller, "pc2 Ready=False", Duration::from_secs(30), || match ready_of(lab, &ws, "pc2") {
        Some((status, reason, _)) if status == "False" => Ok(reason),
        other => Err(format!("{other:?}")),
    });
    std::thread::sleep(Duration::from_secs(20));
    let (decided, _) = crate::placements::decision(lab, &ws, "blip");
    assert!(decided.contains(&"pc2".to_string()), "pc2 dropped from the decision during a blip: {decided:?}");
    let pc1 = on_pc1_json(lab, &["get", "deployment", "blip", "-n", &namespace, "-o", "json"]).unwrap();
    assert_eq!(pc1["spec"]["replicas"], 1, "pc1 took pc2's replica during a blip");
    assert_eq!(copy_uids(lab, &namespace, "blip"), before);
    set(&good);
    wait_or_explain(&controller, "pc2 Ready again", Duration::from_secs(30), || match ready_of(lab, &ws, "pc2") {
        Some((status, _, _)) if status == "True" => Ok(()),
        other => Err(format!("{other:?}")),
    });
    assert_eq!(copy_uids(lab, &namespace, "blip"), before);
}

#[test]
fn every_node_of_a_cluster_not_ready_for_20s_moves_nothing() {
    let _exclusive = disrupting_clusters();
    let lab = Lab::get();
    let (ws, controller, namespace, before) = divided_over_both(lab, "nodes");
    // kwok paused, so that the status written below stays; then every node of pc2 NotReady.
    let paused = PausedKwok::pause("pc2");
    let nodes = on_cluster(lab, "PC2_KUBECONFIG", &["get", "nodes", "-o", "json"]);
    let nodes: Value = serde_json::from_str(&nodes.stdout).unwrap();
    for node in nodes["items"].as_array().unwrap() {
        let name = node["metadata"]["name"].as_str().unwrap();
        let index = node["status"]["conditions"].as_array().unwrap().iter().position(|c| c["type"] == "Ready").unwrap();
        let patch = format!(
            r#"[{{"op":"replace","path":"/status/conditions/{index}/status","value":"False"}},
                {{"op":"replace","path":"/status/conditions/{index}/reason","value":"KubeletNotReady"}}]"#
        );
        let patched = on_cluster(
            lab,
            "PC2_KUBECONFIG",
            &["patch", "node", name, "--subresource=status", "--type=json", "-p", &patch],
        );
        assert_exit(&patched, 0);
    }
    wait_or_explain(&controller, "pc2 Ready=False", Duration::from_secs(30), || match ready_of(lab, &ws, "pc2") {
        Some((status, reason, _)) if status == "False" => Ok(reason),
        other => Err(format!("{other:?}")),
    });
    std::thread::sleep(Duration::from_secs(20));
    let (reason, decided) = (ready_of(lab, &ws, "pc2"), crate::placements::decision(lab, &ws, "nodes").0);
    let pc1 = on_pc1_json(lab, &["get", "deployment", "nodes", "-n", &namespace, "-o", "json"]).unwrap();
    let uids = copy_uids(lab, &namespace, "nodes");
    drop(paused);
    assert!(reason.as_ref().is_some_and(|r| r.1 == "NoReadyNodes"), "pc2 was not NotReady for its nodes: {reason:?}");
    assert!(decided.contains(&"pc2".to_string()), "pc2 dropped from the decision while its nodes were not ready");
    assert_eq!(pc1["spec"]["replicas"], 1, "pc1 took pc2's replica while pc2's nodes were not ready");
    assert_eq!(uids, before);
    wait_or_explain(&controller, "pc2 Ready again", Duration::from_secs(60), || match ready_of(lab, &ws, "pc2") {
        Some((status, _, _)) if status == "True" => Ok(()),
        other => Err(format!("{other:?}")),
    });
    assert_eq!(copy_uids(lab, &namespace, "nodes"), before);
}

#[test]
fn a_downstream_namespace_or_configmap_deleted_by_hand_is_made_again_edits_arrive_in_seconds_and_the_last_user_takes_it_along(
) {
    let _shared = using_clusters();
    let lab = Lab::get();
    let ws = crate::workloads::fleet_workspace(lab);
    let create = [
        "--workspace",
        ws.as_str(),
        "placement",
        "create",
        "ns",
        "--strategy",
        "Spread",
        "--location-selector",
        "name=pc1",
    ];
    assert_exit(&lab.tmcctl(&create), 0);
    let controller =
        Controller::start(lab, &ws, &["--probe-interval", "1s", "--leader-elect=false", "--heartbeat-grace", "20s"]);
    assert_exit(&lab.kubectl(&ws, &["apply", "-f", "-"], Some(&deployment("ns", 1, "ns:1", "tier: ns"))), 0);
    let available = |rows: &[(String, String, String)]| {
        rows.iter().find(|r| r.0 == "pc1" && r.2 == "Available").map(|r| r.1.clone())
    };
    let namespace = wait_or_explain(&controller, "ns on pc1", Duration::from_secs(90), || {
        available(&where_rows(lab, &ws, "deployment/ns")).ok_or_else(|| "not yet".to_string())
    });
    let uid = |lab: &Lab| {
        on_pc1_json(lab, &["get", "namespace", &namespace, "-o", "json"]).map(|n| n["metadata"]["uid"].clone())
    };
    let before = uid(lab).unwrap();
    assert_exit(&on_cluster(lab, "PC1_KUBECONFIG", &["delete", "namespace", &namespace, "--wait=false"]), 0);
    wait_or_explain(&controller, "the namespace and the copy made again", Duration::from_secs(120), || {
        let now = uid(lab);
        let copy = on_pc1_json(lab, &["get", "deployment", "ns", "-n", &namespace, "-o", "json"]);
        let settings = on_pc1_json(lab, &["get", "configmap", "ns-settings", "-n", &namespace, "-o", "json"]);
        match (now, copy, settings) {
            (Some(now), Some(_), Some(_)) if now != before => Ok(()),
            other => Err(format!("namespace, copy, configmap: {:?}", (other.0, other.1.is_some(), other.2.is_some()))),
        }
    });
    // The referenced ConfigMap edited upstream, the workload untouched: on the cluster in
    // seconds (not at the resync, 5 minutes away).
    let edit = r#"{"data":{"greeting":"edited upstream"}}"#;
    assert_exit(
        &lab.kubectl(&ws, &["patch", "configmap", "ns-settings", "-n", "default", "--type=merge", "-p", edit], None),
        0,
    );
    wait_or_explain(&controller, "the edited ConfigMap on pc1", Duration::from_secs(30), || {
        let settings = on_pc1_json(lab, &["get", "configmap", "ns-settings", "-n", &namespace, "-o", "json"]);
        match settings.as_ref().map(|c| c["data"]["greeting"].clone()) {
            Some(Value::String(text)) if text == "edited upstream" => Ok(()),
            other => Err(format!("greeting {other:?}")),
        }
    });
    // The copied ConfigMap deleted by hand: written again in seconds, not at the resync.
    let settings_uid = |lab: &Lab| {
        on_pc1_json(lab, &["get", "configmap", "ns-settings", "-n", &namespace, "-o", "json"])
            .map(|c| c["metadata"]["uid"].clone())
    };
    let first = settings_uid(lab).unwrap();
    assert_exit(&on_cluster(lab, "PC1_KUBECONFIG", &["delete", "configmap", "ns-settings", "-n", &namespace]), 0);
    wait_or_explain(&controller, "the ConfigMap on pc1 again", Duration::from_secs(30), || match settings_uid(lab) {
        Some(uid) if uid != first => Ok(()),
        other => Err(format!("uid {other:?}")),
    });
    // The last workload referring to it leaves pc1: the ConfigMap goes from pc1 with it.
    let moved = ["--workspace", ws.as_str(), "placement", "update", "ns", "--location-selector", "name=pc2"];
    assert_exit(&lab.tmcctl(&moved), 0);
    wait_or_explain(&controller, "ns and its ConfigMap only on pc2", Duration::from_secs(120), || {
        let on = |var: &str, kind: &str, name: &str| {
            on_cluster(lab, var, &["get", kind, name, "-n", &namespace, "-o", "name"]).code == 0
        };
        let held = [
            on("PC1_KUBECONFIG", "deployment", "ns"),
            on("PC1_KUBECONFIG", "configmap", "ns-settings"),
            on("PC2_KUBECONFIG", "deployment", "ns"),
            on("PC2_KUBECONFIG", "configmap", "ns-settings"),
        ];
        if held == [false, false, true, true] {
            Ok(())
        } else {
            Err(format!("pc1 deployment, pc1 configmap, pc2 deployment, pc2 configmap: {held:?}"))
        }
    });
}

/// The `status.tmc.clusters` entry of the Deployment `name` for `cluster`: (phase, message).
fn tmc_entry(lab: &Lab, ws: &str, name: &str, cluster: &str) -> Option<(String, String)> {
    let out = lab.kubectl(ws, &["get", "deployment", name, "-o", "json"], None);
    let upstream: Value = serde_json::from_str(&out.stdout).ok()?;
    let entry = upstream["status"]["tmc"]["clusters"].as_array()?.iter().find(|e| e["cluster"] == cluster)?.clone();
    let text = |k: &str| entry[k].as_str().unwrap_or_default().to_string();
    Some((text("phase"), text("message")))
}

#[test]
fn unregistering_a_cluster_retains_or_removes_its_copies_as_its_deletion_policy_says() {
    let _shared = using_clusters();
    let lab = Lab::get();
    let ws = crate::workloads::fleet_workspace(lab);
    let tmcctl = |args: &[&str]| in_workspace(lab, &ws, args);
    let create = ["placement", "create", "un", "--strategy", "Spread", "--location-selector", "name in (pc1,pc2)"];
    assert_exit(&tmcctl(&create), 0);
    let controller =
        Controller::start(lab, &ws, &["--probe-interval", "1s", "--leader-elect=false", "--heartbeat-grace", "20s"]);
    assert_exit(&lab.kubectl(&ws, &["apply", "-f", "-"], Some(&deployment("un", 1, "un:1", "tier: un"))), 0);
    let namespace = wait_or_explain(&controller, "un on both", Duration::from_secs(90), || {
        let rows = where_rows(lab, &ws, "deployment/un");
        if rows.len() == 2 && rows.iter().all(|r| r.2 == "Available") {
            Ok(rows[0].1.clone())
        } else {
            Err(format!("rows {rows:?}"))
        }
    });
    let before = copy_uids(lab, &namespace, "un");

    // Retain (the default): pc2's copy stays, and the workload says it was left there.
    let out = tmcctl(&["cluster", "unregister", "pc2", "--force", "--yes"]);
    assert_exit(&out, 0);
    assert!(out.stdout.contains("copies retained"), "{}", out.stdout);
    let message = wait_or_explain(&controller, "un's copy on pc2 left behind", Duration::from_secs(30), || {
        match tmc_entry(lab, &ws, "un", "pc2") {
            Some((phase, message)) if phase == "LeftBehind" => Ok(message),
            other => Err(format!("{other:?}")),
        }
    });
    assert!(message.contains("cluster pc2 was unregistered"), "{message}");
    assert_eq!(copy_uids(lab, &namespace, "un"), before, "a retained copy was touched");
    let status = tmcctl(&["status", "-o", "json"]);
    let fleet: Value = serde_json::from_str(&status.stdout).unwrap();
    let left_behind = serde_json::json!(["default/Deployment/un on pc2", "default/Service/un on pc2"]);
    assert_eq!(fleet["workloads"]["leftBehind"], left_behind, "{fleet}");
    assert_eq!(fleet["workloads"]["notReady"], serde_json::json!([]), "a copy left behind made un not Ready");
    let doctor = tmcctl(&["doctor", "-o", "json"]);
    let findings: Vec<Value> = serde_json::from_str(&doctor.stdout).unwrap_or_default();
    let left = findings.iter().find(|f| f["name"] == "copies left behind");
    let left = left.unwrap_or_else(|| panic!("doctor has no left-behind check: {}", doctor.stdout));
    assert_eq!(left["verdict"], "Warn", "{left}");
    assert!(left["detail"].as_str().unwrap_or_default().contains("default/Deployment/un on pc2"), "{left}");

    // Registered again, with Delete: the copy is managed again (the same one), then removed
    // when pc2 is unregistered, and the registration and its Secret go once it is.
    let register = [
        "cluster",
        "register",
        "pc2",
        "--cluster-kubeconfig",
        lab.var("PC2_KUBECONFIG"),
        "--location",
        "lab",
        "--labels",
        "name=pc2",
        "--deletion-policy",
        "Delete",
    ];
    assert_exit(&tmcctl(&register), 0);
    wait_or_explain(&controller, "un managed on pc2 again", Duration::from_secs(60), || {
        match tmc_entry(lab, &ws, "un", "pc2") {
            Some((phase, _)) if phase == "Available" => Ok(()),
            other => Err(format!("{other:?}")),
        }
    });
    assert_eq!(copy_uids(lab, &namespace, "un"), before, "the copy left behind was made again");
    let out = tmcctl(&["cluster", "unregister", "pc2", "--force", "--yes", "--timeout", "90s"]);
    assert_exit(&out, 0);
    assert!(out.stdout.contains("copies removed"), "{}", out.stdout);
    assert_eq!(copy_uids(lab, &namespace, "un"), vec![before[0].clone(), None], "pc2's copy was not removed");
    assert_ne!(lab.kubectl(&ws, &["get", "secret", "tmc-cluster-pc2", "-n", "tmc-system"], None).code, 0);
    wait_or_explain(&controller, "no entry for pc2", Duration::from_secs(30), || {
        match tmc_entry(lab, &ws, "un", "pc2") {
            None => Ok(()),
            other => Err(format!("{other:?}")),
        }
    });

    // A cluster gone for good, with Delete: the command waits no longer than it is told,
    // names the way out, and --force lets the registration go at once.
    tenant_registration(lab, &ws, "gone", &two_user_kubeconfig("https://127.0.0.1:1", "{token: t}"), "");
    let set = r#"{"spec":{"deletionPolicy":"Delete"}}"#;
    assert_exit(&lab.kubectl(&ws, &["patch", "clusterregistration", "gone", "--type=merge", "-p", set], None), 0);
    let waited = tmcctl(&["cluster", "unregister", "gone", "--yes", "--timeout", "3s"]);
    assert_exit(&waited, 4);
    assert!(waited.stderr.contains("--force"), "{}", waited.stderr);
    let registration = lab.kubectl(&ws, &["get", "clusterregistration", "gone", "-o", "json"], None);
    let registration: Value = serde_json::from_str(&registration.stdout).unwrap();
    assert!(registration["metadata"]["deletionTimestamp"].is_string(), "{registration}");
    let forced = tmcctl(&["cluster", "unregister", "gone", "--yes", "--force"]);
    assert_exit(&forced, 0);
    assert!(forced.stdout.contains("left behind"), "{}", forced.stdout);
    assert_ne!(lab.kubectl(&ws, &["get", "clusterregistration", "gone"], None).code, 0);
}
