//! The workload loop end to end, against the lab: workload APIs published from the registered
//! clusters, `kubectl apply` into a bound workspace, copies on both kwok clusters, status summed
//! back (so `kubectl rollout status` in the workspace tells the truth), moves without an outage,
//! drift, deletion, and two workspaces that never touch each other.

// Move and readiness figures are printed, as the test output is where they are read.
#![allow(clippy::print_stdout)]

use std::time::{Duration, Instant};

use serde_json::Value;

use crate::harness::{
    assert_exit, disrupting_clusters, eventually, using_clusters, write_file, Background, Controller, Lab,
    StoppedCluster,
};

/// A workspace with pc1 and pc2 registered (labelled `name=<cluster>`) and the workload APIs
/// published from them.
struct Fleet {
    ws: String,
}

impl Fleet {
    fn new(lab: &Lab) -> Fleet {
        let (provider, ws) = lab.fresh_install();
        for (name, var) in [("pc1", "PC1_KUBECONFIG"), ("pc2", "PC2_KUBECONFIG")] {
            crate::controller::register(lab, &ws, name, var, &format!("name={name}"));
        }
        let out = lab.tmcctl(&["install", "--provider-workspace", &provider, "--bind", &ws, "--workload-apis"]);
        assert_exit(&out, 0);
        Fleet { ws }
    }

    /// A Spread placement over the clusters `selector` matches; `divided` splits replicas.
    fn place(&self, lab: &Lab, name: &str, selector: &str, divided: bool) {
        let mut args = vec!["placement", "create", name, "--strategy", "Spread", "--location-selector", selector];
        if divided {
            args.extend(["--replicas", "divided"]);
        }
        assert_exit(&self.tmcctl(lab, &args), 0);
    }

    fn controller(&self, lab: &Lab, extra: &[&str]) -> Background {
        let mut args = vec!["--probe-interval", "1s", "--probe-timeout", "2s", "--leader-elect=false"];
        if !extra.contains(&"--heartbeat-grace") {
            args.extend(["--heartbeat-grace", "20s"]);
        }
        args.extend_from_slice(extra);
        Controller::start(lab, &self.ws, &args)
    }

    fn tmcctl(&self, lab: &Lab, args: &[&str]) -> crate::harness::Output {
        let mut all = vec!["--workspace", self.ws.as_str()];
        all.extend_from_slice(args);
        lab.tmcctl(&all)
    }

    fn kubectl(&self, lab: &Lab, args: &[&str], stdin: Option<&str>) -> crate::harness::Output {
        lab.kubectl(&self.ws, args, stdin)
    }

    fn upstream(&self, lab: &Lab, kind: &str, name: &str) -> Option<Value> {
        let out = self.kubectl(lab, &["get", kind, name, "-n", "default", "-o", "json"], None);
        (out.code == 0).then(|| serde_json::from_str(&out.stdout).unwrap())
    }

    /// (cluster, downstream namespace, phase) of every copy that exists, from `workload where`;
    /// a chosen cluster still Pending (its watch not listed yet, or the write not seen back)
    /// holds no copy yet and is left out.
    fn copies(&self, lab: &Lab, reference: &str) -> Vec<(String, String, String)> {
        let out = self.tmcctl(lab, &["workload", "where", reference, "-o", "json"]);
        if out.code != 0 {
            return Vec::new();
        }
        let rows: Vec<Value> = serde_json::from_str(&out.stdout).unwrap();
        rows.iter()
            .map(|r| {
                let text = |k: &str| r[k].as_str().unwrap().to_string();
                (text("cluster"), text("downstreamNamespace"), text("phase"))
            })
            .filter(|(_, _, phase)| phase != "Pending")
            .collect()
    }
}

/// A fresh workspace with pc1 and pc2 registered (labelled `name=<cluster>`) and the workload
/// APIs published from them.
pub(crate) fn fleet_workspace(lab: &Lab) -> String {
    Fleet::new(lab).ws
}

/// Polls `check` every 500 ms until it is `Ok`; after `limit`, fails with `what`, the last
/// state `check` described and the newest lines of the controller's log.
#[track_caller]
pub(crate) fn wait_or_explain<T>(
    controller: &Background,
    what: &str,
    limit: Duration,
    mut check: impl FnMut() -> Result<T, String>,
) -> T {
    let started = Instant::now();
    loop {
        match check() {
            Ok(value) => return value,
            Err(state) if started.elapsed() >= limit => {
                let log = controller.log_text();
                let tail: Vec<&str> = log.lines().rev().take(40).collect();
                panic!(
                    "timed out after {limit:?} waiting for {what}: {state}\ncontroller log, newest first:\n{}",
                    tail.join("\n")
                );
            }
            Err(_) => std::thread::sleep(Duration::from_millis(500)),
        }
    }
}

/// kubectl against a physical cluster of the lab (`PC1_KUBECONFIG` or `PC2_KUBECONFIG`).
pub(crate) fn on_cluster(lab: &Lab, var: &str, args: &[&str]) -> crate::harness::Output {
    let mut command = std::process::Command::new(std::path::PathBuf::from(lab.var("LAB_BIN")).join("kubectl"));
    command.arg("--kubeconfig").arg(lab.var(var)).args(args);
    crate::harness::run_command(&mut command)
}

fn cluster_var(cluster: &str) -> &'static str {
    match cluster {
        "pc1" => "PC1_KUBECONFIG",
        _ => "PC2_KUBECONFIG",
    }
}

/// The downstream object, or `None` when the cluster does not hold it.
fn downstream(lab: &Lab, cluster: &str, kind: &str, namespace: &str, name: &str) -> Option<Value> {
    let out = on_cluster(lab, cluster_var(cluster), &["get", kind, name, "-n", namespace, "-o", "json"]);
    (out.code == 0).then(|| serde_json::from_str(&out.stdout).unwrap())
}

pub(crate) fn deployment(name: &str, replicas: u32, image: &str, labels: &str) -> String {
    format!(
        r#"apiVersion: apps/v1
kind: Deployment
metadata:
  name: {name}
  namespace: default
  labels: {{{labels}}}
spec:
  replicas: {replicas}
  selector:
    matchLabels: {{app: {name}}}
  template:
    metadata:
      labels: {{app: {name}}}
    spec:
      containers:
      - name: main
        image: {image}
        envFrom:
        - configMapRef: {{name: {name}-settings}}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: {name}-settings
  namespace: default
data:
  greeting: hello
---
apiVersion: v1
kind: Service
metadata:
  name: {name}
  namespace: default
spec:
  clusterIP: None
  selector: {{app: {name}}}
  ports:
  - port: 80
    targetPort: 8080
"#
    )
}

fn ready_replicas(object: &Value) -> i64 {
    object["status"]["readyReplicas"].as_i64().unwrap_or(0)
}

#[test]
fn a_deployment_applied_with_kubectl_runs_divided_on_both_clusters_and_rolls_out_truthfully() {
    let _shared = using_clusters();
    let lab = Lab::get();
    let fleet = Fleet::new(lab);
    fleet.place(lab, "web", "name in (pc1,pc2)", true);
    let controller = fleet.controller(lab, &[]);
    let manifest = deployment("web", 3, "web:1", "tier: front");
    assert_exit(&fleet.kubectl(lab, &["apply", "-f", "-"], Some(&manifest)), 0);

    // Summed upstream: 3/3 ready, and rollout status returns in the workspace.
    let (_, took) = eventually("web 3/3 ready upstream", Duration::from_secs(90), || {
        fleet.upstream(lab, "deployment", "web").filter(|d| ready_replicas(d) == 3).map(|_| ())
    });
    println!("web: kubectl apply → 3/3 ready upstream in {took:?}");
    let rollout =
        fleet.kubectl(lab, &["rollout", "status", "deployment/web", "-n", "default", "--timeout", "150s"], None);
    assert_exit(&rollout, 0);

    // A copy on each cluster with 2 + 1 replicas; the ConfigMap it reads went with it.
    let copies = fleet.copies(lab, "deployment/web");
    assert_eq!(copies.len(), 2, "{copies:?}");
    let mut replicas = Vec::new();
    for (cluster, namespace, phase) in &copies {
        assert_eq!(phase, "Available", "{copies:?}");
        let copy = downstream(lab, cluster, "deployment", namespace, "web").expect("copy downstream");
        replicas.push(copy["spec"]["replicas"].as_i64().unwrap());
        assert!(copy["metadata"]["annotations"]["kcp.io/cluster"].is_null(), "kcp metadata went downstream");
        assert!(downstream(lab, cluster, "configmap", namespace, "web-settings").is_some(), "configmap on {cluster}");
        assert!(downstream(lab, cluster, "service", namespace, "web").is_some(), "service on {cluster}");
    }
    replicas.sort();
    assert_eq!(replicas, [1, 2]);

    // A new image: rollout status waits for both clusters, and observedGeneration says so.
    // (Under the whole suite's load this once did not finish within 90 s, 2 old replicas still
    // terminating; alone it takes seconds. The cause was not found.)
    let patch = r#"{"spec":{"template":{"spec":{"containers":[{"name":"main","image":"web:2"}]}}}}"#;
    assert_exit(
        &fleet.kubectl(lab, &["patch", "deployment", "web", "-n", "default", "--type", "strategic", "-p", patch], None),
        0,
    );
    let rollout =
        fleet.kubectl(lab, &["rollout", "status", "deployment/web", "-n", "default", "--timeout", "180s"], None);
    assert_exit(&rollout, 0);
    for (cluster, namespace, _) in &copies {
        let copy = downstream(lab, cluster, "deployment", namespace, "web").unwrap();
        assert_eq!(copy["spec"]["template"]["spec"]["containers"][0]["image"], "web:2", "{cluster} not updated");
        assert!(ready_replicas(&copy) >= 1, "{cluster}: {copy}");
    }
    let web = fleet.upstream(lab, "deployment", "web").unwrap();
    assert_eq!(web["status"]["observedGeneration"], web["metadata"]["generation"]);

    // The CLI's view.
    let status = fleet.tmcctl(lab, &["workload", "status", "-A", "-o", "wide"]);
    assert_exit(&status, 0);
    assert!(status.stdout.contains("NAMESPACE") && status.stdout.contains("web"), "{}", status.stdout);
    assert!(status.stdout.contains("3/3"), "{}", status.stdout);
    assert_exit(&fleet.tmcctl(lab, &["workload", "wait", "deployment/web", "--timeout", "30s"]), 0);

    // Deleted upstream: gone downstream, finalizer released, nothing hangs.
    assert_exit(&fleet.kubectl(lab, &["delete", "deployment", "web", "-n", "default", "--wait=false"], None), 0);
    wait_or_explain(&controller, "web gone upstream and downstream", Duration::from_secs(60), || {
        let up = fleet.upstream(lab, "deployment", "web");
        let down: Vec<bool> =
            copies.iter().map(|(c, ns, _)| downstream(lab, c, "deployment", ns, "web").is_some()).collect();
        if up.is_none() && !down.contains(&true) {
            Ok(())
        } else {
            Err(format!("upstream {up:?}, copies present {down:?}"))
        }
    });
}

#[test]
fn changing_the_placement_moves_the_workload_without_an_outage_and_drain_moves_it_back() {
    let _shared = using_clusters();
    let lab = Lab::get();
    let fleet = Fleet::new(lab);
    fleet.place(lab, "api", "name=pc1", true);
    let _controller = fleet.controller(lab, &[]);
    assert_exit(&fleet.kubectl(lab, &["apply", "-f", "-"], Some(&deployment("api", 2, "api:1", "tier: back"))), 0);
    eventually("api Available on pc1", Duration::from_secs(90), || {
        let copies = fleet.copies(lab, "deployment/api");
        (copies.len() == 1 && copies[0].0 == "pc1" && copies[0].2 == "Available").then_some(())
    });
    let namespace = fleet.copies(lab, "deployment/api")[0].1.clone();

    // Move to pc2, sampling ready replicas downstream every 200 ms: never zero.
    let out = fleet.tmcctl(lab, &["placement", "update", "api", "--location-selector", "name=pc2"]);
    assert_exit(&out, 0);
    let started = Instant::now();
    let mut lowest = i64::MAX;
    let mut samples = 0;
    loop {
        let on = |c: &str| downstream(lab, c, "deployment", &namespace, "api").map(|d| ready_replicas(&d));
        let (pc1, pc2) = (on("pc1"), on("pc2"));
        let ready = pc1.unwrap_or(0) + pc2.unwrap_or(0);
        lowest = lowest.min(ready);
        samples += 1;
        if pc1.is_none() && pc2 == Some(2) {
            break;
        }
        assert!(started.elapsed() < Duration::from_secs(90), "api did not move to pc2 (pc1 {pc1:?}, pc2 {pc2:?})");
        std::thread::sleep(Duration::from_millis(200));
    }
    println!("api: moved pc1 → pc2 in {:?}; lowest ready replicas over {samples} samples: {lowest}", started.elapsed());
    assert!(lowest >= 1, "ready replicas dropped to {lowest} during the move");

    // Back with a selector over both (one replica each), then drain pc2: pc1 is scaled to both
    // replicas before pc2's copy goes.
    assert_exit(&fleet.tmcctl(lab, &["placement", "update", "api", "--location-selector", "name in (pc1,pc2)"]), 0);
    eventually("api Available on both clusters", Duration::from_secs(90), || {
        let copies = fleet.copies(lab, "deployment/api");
        (copies.len() == 2 && copies.iter().all(|c| c.2 == "Available")).then_some(())
    });
    // A sample counts only when both clusters answered (a copy that is gone answers NotFound):
    // a kubectl call that failed under load says nothing of the ready count.
    let ready_on = |cluster: &str| -> Option<i64> {
        let out = on_cluster(lab, cluster_var(cluster), &["get", "deployment", "api", "-n", &namespace, "-o", "json"]);
        match out.code {
            0 => Some(ready_replicas(&serde_json::from_str(&out.stdout).ok()?)),
            _ if out.stderr.contains("NotFound") => Some(0),
            _ => None,
        }
    };
    let (drained, lowest, samples) = std::thread::scope(|scope| {
        let drain = scope.spawn(|| fleet.tmcctl(lab, &["cluster", "drain", "pc2", "--wait", "--timeout", "90s"]));
        let (mut lowest, mut samples) = (i64::MAX, 0);
        while !drain.is_finished() {
            if let (Some(pc1), Some(pc2)) = (ready_on("pc1"), ready_on("pc2")) {
                lowest = lowest.min(pc1 + pc2);
                samples += 1;
            }
            std::thread::sleep(Duration::from_millis(200));
        }
        (drain.join().unwrap(), lowest, samples)
    });
    assert_exit(&drained, 0);
    // Never zero is the promise. pc1 is scaled up before pc2's copy goes, so 2 is the aim, but
    // on loaded cores a sample of 1 was seen (cause not found yet); the figure is printed.
    println!("api: drained pc2; lowest ready replicas over {samples} samples: {lowest}");
    assert!(lowest >= 1, "ready replicas fell to {lowest} while pc2 was drained");
    let copies = fleet.copies(lab, "deployment/api");
    assert_eq!(copies.iter().map(|c| c.0.as_str()).collect::<Vec<_>>(), ["pc1"], "{copies:?}");
    assert!(downstream(lab, "pc2", "deployment", &namespace, "api").is_none(), "copy left on drained pc2");

    // Draining the last cluster would strand the placement: refused up front.
    let refused = fleet.tmcctl(lab, &["cluster", "drain", "pc1"]);
    assert_exit(&refused, 7);
    assert!(refused.stderr.contains("api"), "{}", refused.stderr);
    assert_exit(&fleet.tmcctl(lab, &["cluster", "uncordon", "pc2"]), 0);
    eventually("api back on pc2 after uncordon", Duration::from_secs(90), || {
        (fleet.copies(lab, "deployment/api").len() == 2).then_some(())
    });
}

#[test]
fn drift_downstream_is_healed_by_default_and_left_alone_under_report() {
    let _shared = using_clusters();
    let lab = Lab::get();
    let fleet = Fleet::new(lab);
    fleet.place(lab, "all", "name=pc1", false);
    let _controller = fleet.controller(lab, &[]);
    assert_exit(&fleet.kubectl(lab, &["apply", "-f", "-"], Some(&deployment("heal", 1, "heal:1", "tier: a"))), 0);
    let report = deployment("keep", 1, "keep:1", "tier: b").replacen(
        "  labels: {tier: b}",
        "  labels: {tier: b}\n  annotations: {tmc.kcp.io/drift-policy: report}",
        1,
    );
    assert_exit(&fleet.kubectl(lab, &["apply", "-f", "-"], Some(&report)), 0);
    let namespace = eventually("both synced", Duration::from_secs(90), || {
        let (heal, keep) = (fleet.copies(lab, "deployment/heal"), fleet.copies(lab, "deployment/keep"));
        (heal.len() == 1 && keep.len() == 1).then(|| heal[0].1.clone())
    })
    .0;
    for name in ["heal", "keep"] {
        let out =
            on_cluster(lab, "PC1_KUBECONFIG", &["scale", "deployment", name, "-n", &namespace, "--replicas", "4"]);
        assert_exit(&out, 0);
    }
    eventually("heal scaled back to 1 on pc1", Duration::from_secs(30), || {
        let copy = downstream(lab, "pc1", "deployment", &namespace, "heal")?;
        (copy["spec"]["replicas"] == 1).then_some(())
    });
    let (diff, _) = eventually("keep's drift reported", Duration::from_secs(30), || {
        let upstream = fleet.upstream(lab, "deployment", "keep")?;
        let drifted = upstream["status"]["tmc"]["clusters"][0]["drift"].as_array().is_some_and(|d| !d.is_empty());
        drifted.then(|| fleet.tmcctl(lab, &["workload", "diff", "deployment/keep"]))
    });
    assert_exit(&diff, 1);
    assert!(diff.stdout.contains("spec.replicas: intended 1, live 4"), "{}", diff.stdout);
    let copy = downstream(lab, "pc1", "deployment", &namespace, "keep").unwrap();
    assert_eq!(copy["spec"]["replicas"], 4, "report must leave the change alone");
    assert_exit(&fleet.tmcctl(lab, &["workload", "diff", "deployment/heal"]), 0);
}

#[test]
fn two_workspaces_with_the_same_names_land_in_distinct_namespaces() {
    let _shared = using_clusters();
    let lab = Lab::get();
    let (a, b) = (Fleet::new(lab), Fleet::new(lab));
    let mut controllers = Vec::new();
    for fleet in [&a, &b] {
        fleet.place(lab, "p", "name=pc1", false);
        controllers.push(fleet.controller(lab, &[]));
    }
    assert_exit(&a.kubectl(lab, &["apply", "-f", "-"], Some(&deployment("same", 1, "a:1", "x: a"))), 0);
    assert_exit(&b.kubectl(lab, &["apply", "-f", "-"], Some(&deployment("same", 2, "b:1", "x: b"))), 0);
    let (na, nb) = eventually("both synced", Duration::from_secs(90), || {
        let (ca, cb) = (a.copies(lab, "deployment/same"), b.copies(lab, "deployment/same"));
        (ca.len() == 1 && cb.len() == 1).then(|| (ca[0].1.clone(), cb[0].1.clone()))
    })
    .0;
    assert_ne!(na, nb);
    let image = |ns: &str| {
        downstream(lab, "pc1", "deployment", ns, "same").unwrap()["spec"]["template"]["spec"]["containers"][0]["image"]
            .clone()
    };
    assert_eq!(image(&na), "a:1");
    assert_eq!(image(&nb), "b:1");
    // Deleting one workspace's workload leaves the other's copy alone.
    assert_exit(&a.kubectl(lab, &["delete", "deployment", "same", "-n", "default"], None), 0);
    eventually("a's copy gone", Duration::from_secs(60), || {
        downstream(lab, "pc1", "deployment", &na, "same").is_none().then_some(())
    });
    assert!(downstream(lab, "pc1", "deployment", &nb, "same").is_some(), "b's copy was touched");
}

#[test]
fn a_restarted_controller_adopts_what_it_synced_and_creates_nothing_twice() {
    let _shared = using_clusters();
    let lab = Lab::get();
    let fleet = Fleet::new(lab);
    fleet.place(lab, "svc", "name=pc1", false);
    // Headless: a cluster's service IP range is small, and a test should not fill it.
    let count = 200;
    let services: String = (0..count)
        .map(|i| format!("apiVersion: v1\nkind: Service\nmetadata:\n  name: s{i}\n  namespace: default\nspec:\n  clusterIP: None\n  ports:\n  - port: 80\n---\n"))
        .collect();
    let file = write_file(&format!("{}-services.yaml", fleet.ws.replace(':', "-")), &services);
    assert_exit(&fleet.kubectl(lab, &["apply", "-f", &file], None), 0);
    let controller = fleet.controller(lab, &[]);
    let namespace = eventually("the first services synced", Duration::from_secs(60), || {
        fleet.copies(lab, "service/s0").first().map(|c| c.1.clone())
    })
    .0;
    // Stop it in the middle of the work, remember what is there, start another.
    drop(controller);
    let uids = |lab: &Lab| -> std::collections::BTreeMap<String, String> {
        let out = on_cluster(lab, "PC1_KUBECONFIG", &["get", "services", "-n", &namespace, "-o", "json"]);
        let list: Value = serde_json::from_str(&out.stdout).unwrap();
        list["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| {
                (
                    s["metadata"]["name"].as_str().unwrap().to_string(),
                    s["metadata"]["uid"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    };
    let before = uids(lab);
    println!("restart: {} of {count} services synced when the controller stopped", before.len());
    let controller = fleet.controller(lab, &[]);
    let started = Instant::now();
    let after =
        wait_or_explain(&controller, "every service synced after the restart", Duration::from_secs(120), || {
            let now = uids(lab);
            if now.len() == count {
                Ok(now)
            } else {
                Err(format!("{} of {count} synced", now.len()))
            }
        });
    println!("restart: all {count} synced {:?} after the second start", started.elapsed());
    for (name, uid) in &before {
        assert_eq!(after.get(name), Some(uid), "{name} was re-created after the restart");
    }
    // The placement deleted under the default deletion policy (Retain): every copy stays,
    // reported as orphaned.
    assert_exit(&fleet.tmcctl(lab, &["placement", "delete", "svc", "--yes"]), 0);
    wait_or_explain(&controller, "s0 reported orphaned", Duration::from_secs(60), || {
        let rows = fleet.tmcctl(lab, &["workload", "where", "service/s0", "-o", "json"]).stdout;
        if rows.contains("Orphaned") {
            Ok(())
        } else {
            Err(rows)
        }
    });
    assert_eq!(uids(lab), after, "a Retain placement's deletion removed or re-created copies");
    // A placement that deletes: it governs them again (adopted as they are), and once it is
    // deleted every copy goes, paced by the eviction rate (10 a second, a burst of 10).
    let create = ["placement", "create", "svc-delete", "--strategy", "Spread", "--location-selector", "name=pc1"];
    let mut create = create.to_vec();
    create.extend(["--deletion-policy", "Delete"]);
    assert_exit(&fleet.tmcctl(lab, &create), 0);
    wait_or_explain(&controller, "every copy marked for deletion with its placement", Duration::from_secs(120), || {
        let out = on_cluster(lab, "PC1_KUBECONFIG", &["get", "services", "-n", &namespace, "-o", "json"]);
        let list: Value = serde_json::from_str(&out.stdout).unwrap_or_default();
        let marked = list["items"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|s| s["metadata"]["annotations"]["tmc.kcp.io/deletion-policy"] == "Delete")
            .count();
        if marked == count {
            Ok(())
        } else {
            Err(format!("{marked} of {count} marked"))
        }
    });
    assert_eq!(uids(lab), after, "adopting orphans re-created them");
    assert_exit(&fleet.tmcctl(lab, &["placement", "delete", "svc-delete", "--yes"]), 0);
    let deleted = Instant::now();
    wait_or_explain(
        &controller,
        "every copy removed after the Delete placement was deleted",
        Duration::from_secs(120),
        || {
            let left = uids(lab).len();
            if left == 0 {
                Ok(())
            } else {
                Err(format!("{left} services left on pc1"))
            }
        },
    );
    // 200 removals at 10 a second with a burst of 10 take at least 19 s: a lower bound the
    // limiter guarantees, however fast the machine.
    let took = deleted.elapsed();
    println!("deletion policy Delete: {count} copies removed in {took:?}");
    assert!(took >= Duration::from_secs(15), "{count} copies removed in {took:?}: not paced by the eviction rate");
}

#[test]
fn a_stopped_cluster_keeps_its_copies_through_the_eviction_grace_then_they_move() {
    let _exclusive = disrupting_clusters();
    let lab = Lab::get();
    let fleet = Fleet::new(lab);
    fleet.place(lab, "ev", "name in (pc1,pc2)", true);
    let grace = Duration::from_secs(20);
    let controller = fleet.controller(lab, &["--heartbeat-grace", "5s", "--eviction-grace", "20s"]);
    assert_exit(&fleet.kubectl(lab, &["apply", "-f", "-"], Some(&deployment("ev", 2, "ev:1", "tier: ev"))), 0);
    let namespace = wait_or_explain(&controller, "ev Available on both", Duration::from_secs(90), || {
        let copies = fleet.copies(lab, "deployment/ev");
        if copies.len() == 2 && copies.iter().all(|c| c.2 == "Available") {
            Ok(copies[0].1.clone())
        } else {
            Err(format!("copies {copies:?}"))
        }
    });

    let mut outage = StoppedCluster::stop(lab, "pc2", "PC2_KUBECONFIG");
    let stopped = Instant::now();
    eventually("pc2 Unknown", Duration::from_secs(60), || {
        let out = fleet.kubectl(lab, &["get", "clusterregistration", "pc2", "-o", "json"], None);
        let reg: Value = serde_json::from_str(&out.stdout).ok()?;
        let ready = reg["status"]["conditions"].as_array()?.iter().find(|c| c["type"] == "Ready")?.clone();
        (ready["status"] == "Unknown").then_some(())
    });
    let unknown_after = stopped.elapsed();
    // Within the grace the decision keeps pc2 and pc1's copy is untouched.
    let (decided, _) = crate::placements::decision(lab, &fleet.ws, "ev");
    assert!(decided.contains(&"pc2".to_string()), "pc2 dropped before the eviction grace: {decided:?}");
    let pc1 = downstream(lab, "pc1", "deployment", &namespace, "ev").unwrap();
    assert_eq!(pc1["spec"]["replicas"], 1, "pc1 changed during the grace");
    // After it, pc1 takes both replicas.
    eventually("pc1 runs both replicas", Duration::from_secs(90), || {
        let copy = downstream(lab, "pc1", "deployment", &namespace, "ev")?;
        (copy["spec"]["replicas"] == 2 && ready_replicas(&copy) == 2).then_some(())
    });
    println!("eviction: Unknown after {unknown_after:?}, pc1 at full strength {:?} after the stop", stopped.elapsed());
    assert!(stopped.elapsed() >= grace, "moved before the eviction grace ended");
    // pc2 comes back cordoned (a Spread placement would otherwise choose it again at once, and
    // its copy would no longer be stale): the stale copy goes, pc1's Available copy stays.
    assert_exit(&fleet.tmcctl(lab, &["cluster", "cordon", "pc2"]), 0);
    outage.start_again();
    eventually("pc2's stale copy removed", Duration::from_secs(90), || {
        downstream(lab, "pc2", "deployment", &namespace, "ev").is_none().then_some(())
    });
    let pc1 = downstream(lab, "pc1", "deployment", &namespace, "ev").unwrap();
    assert_eq!(ready_replicas(&pc1), 2, "pc1 lost replicas while pc2's stale copy was removed");
}

/// UIDs of the Services in `namespace` on pc1.
fn service_uids(lab: &Lab, namespace: &str) -> std::collections::BTreeMap<String, String> {
    let out = on_cluster(lab, "PC1_KUBECONFIG", &["get", "services", "-n", namespace, "-o", "json"]);
    let list: Value = serde_json::from_str(&out.stdout).unwrap_or_default();
    list["items"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|s| {
            (s["metadata"]["name"].as_str().unwrap().to_string(), s["metadata"]["uid"].as_str().unwrap().to_string())
        })
        .collect()
}

#[test]
fn a_kcp_restarted_in_the_middle_of_syncing_loses_duplicates_and_deletes_nothing() {
    let _shared = using_clusters();
    let lab = Lab::get();
    let mut kcp = crate::private_kcp::PrivateKcp::start(lab);
    let (provider, ws) = ("root:tmc-w", "root:team-w");
    kcp.install_bound(provider, ws);
    let register = ["--workspace", ws, "cluster", "register", "pc1", "--cluster-kubeconfig", lab.var("PC1_KUBECONFIG")];
    assert_exit(&kcp.tmcctl(&[&register[..], &["--location", "lab", "--labels", "name=pc1"]].concat()), 0);
    // Only the type this test syncs, so the import stays short.
    assert_exit(
        &kcp.tmcctl(&["install", "--provider-workspace", provider, "--bind", ws, "--workload-apis", "services"]),
        0,
    );
    // At first the placement chooses no cluster, so each workload's status carries a message
    // that must go once it does (written through the export's virtual workspace).
    assert_exit(&kcp.tmcctl(&["--workspace", ws, "placement", "create", "svc", "--location-selector", "name=none"]), 0);
    // Every bound workspace, through the export's virtual workspace; a lease that outlives the restart.
    let patient =
        ["--probe-interval", "2s", "--leader-elect-lease-duration", "120s", "--leader-elect-renew-deadline", "100s"];
    let controller = Controller::start_against(&kcp.kubeconfig, provider, &patient);
    let count = 200;
    let services: String = (0..count)
        .map(|i| format!("apiVersion: v1\nkind: Service\nmetadata:\n  name: r{i}\n  namespace: default\nspec:\n  clusterIP: None\n  ports:\n  - port: 80\n---\n"))
        .collect();
    let file = write_file(&format!("{}-kcp-restart.yaml", crate::harness::unique("svc")), &services);
    assert_exit(&kcp.kubectl(lab, ws, &["apply", "-f", &file]), 0);
    let r0_message = |kcp: &crate::private_kcp::PrivateKcp| {
        let out = kcp.kubectl(lab, ws, &["get", "service", "r0", "-n", "default", "-o", "json"]);
        let object: Value = serde_json::from_str(&out.stdout).ok()?;
        object["status"]["tmc"]["message"].as_str().map(String::from)
    };
    wait_or_explain(&controller, "r0's status saying no cluster is chosen", Duration::from_secs(60), || {
        r0_message(&kcp).filter(|m| m.contains("chosen no cluster")).ok_or_else(|| "no message yet".to_string())
    });
    assert_exit(&kcp.tmcctl(&["--workspace", ws, "placement", "update", "svc", "--location-selector", "name=pc1"]), 0);
    let where_r0 = || {
        let out = kcp.tmcctl(&["--workspace", ws, "workload", "where", "service/r0", "-o", "json"]);
        let rows: Value = serde_json::from_str(&out.stdout).ok()?;
        rows[0]["downstreamNamespace"].as_str().map(String::from)
    };
    let namespace = wait_or_explain(&controller, "the first copies on pc1", Duration::from_secs(90), || {
        where_r0().ok_or_else(|| "no copy of r0 yet".to_string())
    });
    let before = service_uids(lab, &namespace);
    kcp.restart(lab);
    // The controller keeps writing to the clusters from its caches while kcp is down.
    println!("kcp restart: {} of {count} services on pc1 when kcp went down", before.len());
    let after =
        wait_or_explain(&controller, "every service on pc1 after the kcp restart", Duration::from_secs(180), || {
            let now = service_uids(lab, &namespace);
            if now.len() == count {
                Ok(now)
            } else {
                Err(format!("{} of {count} on pc1", now.len()))
            }
        });
    for (name, uid) in &before {
        assert_eq!(after.get(name), Some(uid), "{name} was deleted or re-created across the kcp restart");
    }
    wait_or_explain(&controller, "r0's stale status message removed", Duration::from_secs(60), || {
        match r0_message(&kcp) {
            None => Ok(()),
            Some(message) => Err(format!("status.tmc.message is still {message:?}")),
        }
    });
}
