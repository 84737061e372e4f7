//! `tmcctl controller run` on its runtime, against the lab: one controller for every bound
//! workspace (same names in each, one bound while it runs), two replicas with one leader and
//! a hand-over, and prompt stops under load.

// The hand-over and stop times are printed, as the test output is where they are read.
#![allow(clippy::print_stdout)]

use std::time::Duration;

use crate::harness::{assert_exit, eventually, soon, unique, using_clusters, write_file, Background, Controller, Lab};
use crate::placements::decision;

/// Registers the lab cluster behind `var` as `name` in `ws`, with labels.
pub(crate) fn register(lab: &Lab, ws: &str, name: &str, var: &str, labels: &str) {
    let out = lab.tmcctl(&[
        "--workspace",
        ws,
        "cluster",
        "register",
        name,
        "--cluster-kubeconfig",
        lab.var(var),
        "--location",
        "lab",
        "--labels",
        labels,
    ]);
    assert_exit(&out, 0);
}

fn place(lab: &Lab, ws: &str, name: &str, selector: &str) {
    let out = lab.tmcctl(&["--workspace", ws, "placement", "create", name, "--location-selector", selector]);
    assert_exit(&out, 0);
}

/// Installs the TMC API in a fresh provider workspace bound by `n` fresh workspaces.
fn install_bound(lab: &Lab, n: usize) -> (String, Vec<String>) {
    let provider = format!("root:{}", unique("p"));
    let consumers: Vec<String> = (0..n).map(|_| format!("root:{}", unique("c"))).collect();
    let mut args = vec!["install", "--provider-workspace", provider.as_str(), "--create-workspaces"];
    for ws in &consumers {
        args.extend(["--bind", ws.as_str()]);
    }
    assert_exit(&lab.tmcctl(&args), 0);
    (provider, consumers)
}

/// Whether the placement says NoCandidates.
fn no_candidates(lab: &Lab, ws: &str, name: &str) -> bool {
    let (_, object) = decision(lab, ws, name);
    object["status"]["conditions"].as_array().is_some_and(|cs| {
        cs.iter().any(|c| c["type"] == "Scheduled" && c["status"] == "False" && c["reason"] == "NoCandidates")
    })
}

fn leads(controller: &Background) -> Option<bool> {
    controller.metric("tmc_controller_leader").map(|v| v == 1.0)
}

#[test]
fn one_controller_decides_same_named_placements_in_every_bound_workspace() {
    let _shared = using_clusters();
    let lab = Lab::get();
    let (provider, ws) = install_bound(lab, 3);
    // The same names everywhere; only each workspace's own clusters may count.
    register(lab, &ws[0], "a", "PC1_KUBECONFIG", "tier=gold");
    register(lab, &ws[1], "a", "PC2_KUBECONFIG", "tier=silver");
    register(lab, &ws[2], "a", "PC1_KUBECONFIG", "tier=silver");
    register(lab, &ws[2], "b", "PC2_KUBECONFIG", "tier=gold");
    for w in &ws {
        place(lab, w, "web", "tier=gold");
    }
    let controller = Controller::start_all_bound(lab, &provider, &["--probe-interval", "2s"]);
    let limit = Duration::from_secs(40);
    eventually("web in ws0 on a", limit, || (decision(lab, &ws[0], "web").0 == ["a"]).then_some(()));
    eventually("web in ws1 has no candidates", limit, || no_candidates(lab, &ws[1], "web").then_some(()));
    eventually("web in ws2 on b", limit, || (decision(lab, &ws[2], "web").0 == ["b"]).then_some(()));
    assert!(decision(lab, &ws[1], "web").0.is_empty(), "ws1's silver cluster was not chosen");

    // A workspace bound while the controller runs is served without a restart.
    let late = format!("root:{}", unique("c"));
    assert_exit(
        &lab.tmcctl(&["install", "--provider-workspace", &provider, "--bind", &late, "--create-workspaces"]),
        0,
    );
    register(lab, &late, "a", "PC2_KUBECONFIG", "tier=gold");
    let placed = std::time::Instant::now();
    place(lab, &late, "web", "tier=gold");
    let (_, took) =
        eventually("web in the late workspace on a", limit, || (decision(lab, &late, "web").0 == ["a"]).then_some(()));
    println!("a workspace bound while running: decided {:.1}s after its placement was created", took.as_secs_f64());
    assert!(placed.elapsed() < limit);

    // Metrics keep the workspaces apart: one decision series per logical cluster.
    let (_, metrics) = controller.get("/metrics");
    let workspaces: std::collections::BTreeSet<&str> = metrics
        .lines()
        .filter(|l| l.starts_with("tmc_placement_decisions_total{"))
        .filter_map(|l| l.split("workspace=\"").nth(1)?.split('"').next())
        .collect();
    assert_eq!(workspaces.len(), 4, "one series set per workspace: {workspaces:?}");
    let (code, _) = controller.get("/readyz");
    assert_eq!(code, 200);
}

#[test]
fn two_replicas_one_writes_and_the_standby_takes_over() {
    let _shared = using_clusters();
    let lab = Lab::get();
    let (provider, ws) = install_bound(lab, 1);
    let ws = &ws[0];
    register(lab, ws, "a", "PC1_KUBECONFIG", "tier=gold");
    place(lab, ws, "web", "tier=gold");
    let mut first = Controller::start_all_bound(lab, &provider, &["--probe-interval", "2s"]);
    soon("the first replica to lead", Duration::from_secs(30), || leads(&first)?.then_some(()));
    let mut second = Controller::start_all_bound(lab, &provider, &["--probe-interval", "2s"]);
    soon("the second replica to be ready as a standby", Duration::from_secs(30), || {
        (second.try_get("/readyz")?.0 == 200).then_some(())
    });
    eventually("web decided", Duration::from_secs(30), || (decision(lab, ws, "web").0 == ["a"]).then_some(()));
    assert_eq!(leads(&second), Some(false), "the second replica stands by");
    // Only the leader reconciles (and so writes); the standby's counters never appear.
    let reconciles =
        |c: &Background| c.metric(r#"tmc_controller_reconciles_total{controller="placement",result="success"}"#);
    assert!(reconciles(&first).unwrap_or(0.0) >= 1.0, "the leader decided");
    assert_eq!(reconciles(&second), None, "the standby wrote nothing");

    first.signal("KILL");
    let (_, after_kill) =
        soon("the standby to lead after SIGKILL", Duration::from_secs(25), || leads(&second)?.then_some(()));
    println!("hand-over after SIGKILL: {:.1}s (lease 15s + retry 2s)", after_kill.as_secs_f64());
    assert!(after_kill <= Duration::from_secs(19), "took over in {after_kill:?}");
    first.wait_exit(Duration::from_secs(5));
    // The new leader writes: a new placement is decided.
    place(lab, ws, "api", "tier=gold");
    eventually("api decided by the new leader", Duration::from_secs(20), || {
        (decision(lab, ws, "api").0 == ["a"]).then_some(())
    });

    let third = Controller::start_all_bound(lab, &provider, &["--probe-interval", "2s"]);
    soon("a third replica ready as a standby", Duration::from_secs(30), || {
        (third.try_get("/readyz")?.0 == 200).then_some(())
    });
    second.signal("TERM");
    let (code, stopped) = second.wait_exit(Duration::from_secs(5)).expect("the leader stops on SIGTERM");
    assert_eq!(code, 0, "SIGTERM is a clean stop: {}", second.log_text());
    let (_, after_term) =
        soon("the standby to lead after SIGTERM", Duration::from_secs(10), || leads(&third)?.then_some(()));
    println!(
        "hand-over after SIGTERM: leader exited in {:.2}s, standby led {:.1}s later",
        stopped.as_secs_f64(),
        after_term.as_secs_f64()
    );
    assert!(after_term <= Duration::from_secs(4), "took over in {after_term:?}");
    assert!(second.log_text().contains("released the leader lease"), "{}", second.log_text());
}

/// `n` registrations whose credentials Secret does not exist: every probe fails at once, so
/// the health loop runs flat out.
fn unreachable_registrations(n: usize) -> String {
    let items: Vec<serde_json::Value> = (0..n)
        .map(|i| {
            serde_json::json!({
                "apiVersion": "tmc.kcp.io/v1alpha1",
                "kind": "ClusterRegistration",
                "metadata": {"name": format!("gone-{i:04}")},
                "spec": {"location": "nowhere", "credentials": {"namespace": "tmc-system", "name": "missing", "key": "kubeconfig"}},
            })
        })
        .collect();
    serde_json::json!({"apiVersion": "v1", "kind": "List", "items": items}).to_string()
}

#[test]
fn signals_stop_a_busy_controller_with_a_thousand_clusters_within_seconds() {
    let lab = Lab::get();
    let (_, ws) = lab.fresh_install();
    let file = write_file("registrations.json", &unreachable_registrations(1000));
    let created = lab.kubectl(&ws, &["create", "-f", &file, "-o", "name"], None);
    assert_exit(&created, 0);
    assert_eq!(created.stdout.lines().count(), 1000);
    for (signal, expected) in [("TERM", 0), ("INT", 130)] {
        let mut controller = Controller::start(lab, &ws, &["--probe-interval", "1s", "--leader-elect=false"]);
        eventually("the health loop to be busy", Duration::from_secs(60), || {
            let done = controller.metric(r#"tmc_controller_reconciles_total{controller="health",result="success"}"#)?;
            (done >= 300.0).then_some(())
        });
        controller.signal(signal);
        let (code, took) = controller.wait_exit(Duration::from_secs(10)).expect("the controller stops");
        println!("SIG{signal} with 1000 clusters: exit {code} after {:.2}s", took.as_secs_f64());
        assert_eq!(code, expected, "{}", controller.log_text());
        assert!(took <= Duration::from_secs(3), "stopped after {took:?}");
    }
}

#[test]
fn once_mode_still_probes_and_decides_one_workspace() {
    let _shared = using_clusters();
    let lab = Lab::get();
    let (_, ws) = lab.fresh_install();
    register(lab, &ws, "a", "PC1_KUBECONFIG", "tier=gold");
    place(lab, &ws, "web", "tier=gold");
    let out = lab.tmcctl(&["--workspace", &ws, "controller", "run", "--once"]);
    assert_exit(&out, 0);
    assert!(out.stdout.contains("CLUSTER") && out.stdout.contains("True"), "{}", out.stdout);
    assert!(out.stdout.lines().any(|l| l.starts_with("web") && l.contains('a')), "{}", out.stdout);
    assert_eq!(decision(lab, &ws, "web").0, ["a"]);
}

/// A placement's chosen clusters and its lastDecisionTime, in a private kcp.
fn decided_with_time(kcp: &crate::private_kcp::PrivateKcp, ws: &str, name: &str) -> Option<(Vec<String>, String)> {
    let out = kcp.tmcctl(&["--workspace", ws, "placement", "describe", name, "-o", "json"]);
    let object: serde_json::Value = serde_json::from_str(&out.stdout).ok()?;
    let clusters: Vec<String> = object["status"]["decisions"]
        .as_array()?
        .iter()
        .filter_map(|d| d["cluster"].as_str().map(String::from))
        .collect();
    Some((clusters, object["status"]["lastDecisionTime"].as_str()?.to_string()))
}

#[test]
fn the_controller_survives_a_frozen_and_a_restarted_kcp() {
    let _shared = using_clusters();
    let lab = Lab::get();
    let mut kcp = crate::private_kcp::PrivateKcp::start(lab);
    let (provider, ws) = ("root:tmc-p", "root:team");
    kcp.install_bound(provider, ws);
    let out = kcp.tmcctl(&[
        "--workspace",
        ws,
        "cluster",
        "register",
        "a",
        "--cluster-kubeconfig",
        lab.var("PC1_KUBECONFIG"),
        "--location",
        "lab",
        "--labels",
        "tier=gold",
    ]);
    assert_exit(&out, 0);
    assert_exit(&kcp.tmcctl(&["--workspace", ws, "placement", "create", "web", "--location-selector", "tier=gold"]), 0);
    let placed = |kcp: &crate::private_kcp::PrivateKcp, name: &str| decided_with_time(kcp, ws, name);
    // Renewals cannot reach a kcp that is down; a long lease keeps this leader through it.
    let patient =
        ["--probe-interval", "2s", "--leader-elect-lease-duration", "120s", "--leader-elect-renew-deadline", "100s"];

    // A leader cut off from kcp for longer than its renew deadline stops writing and exits.
    let short = [
        "--leader-elect-lease-duration",
        "6s",
        "--leader-elect-renew-deadline",
        "4s",
        "--leader-elect-retry-period",
        "1s",
    ];
    let mut cut_off = Controller::start_against(&kcp.kubeconfig, provider, &short);
    soon("the short-lease controller to lead", Duration::from_secs(30), || leads(&cut_off)?.then_some(()));
    kcp.signal("STOP");
    let lost = cut_off.wait_exit(Duration::from_secs(15));
    kcp.signal("CONT");
    let (code, took) = lost.expect("a leader that cannot renew exits");
    println!("leader cut off from kcp: exit {code} after {:.1}s (renew deadline 4s)", took.as_secs_f64());
    assert_eq!(code, 4, "{}", cut_off.log_text());
    assert!(cut_off.log_text().contains("lost the leader lease"), "{}", cut_off.log_text());

    // Frozen kcp: requests hang, yet SIGTERM ends the controller at once.
    let mut controller = Controller::start_against(&kcp.kubeconfig, provider, &["--probe-interval", "2s"]);
    soon("the next controller to lead (after the lost lease ran out)", Duration::from_secs(30), || {
        leads(&controller)?.then_some(())
    });
    eventually("web decided", Duration::from_secs(60), || placed(&kcp, "web").filter(|(c, _)| c == &["a"]).map(|_| ()));
    kcp.signal("STOP");
    std::thread::sleep(Duration::from_secs(2));
    controller.signal("TERM");
    let stopped = controller.wait_exit(Duration::from_secs(10));
    kcp.signal("CONT");
    let (code, took) = stopped.expect("the controller stops while kcp is frozen");
    println!("SIGTERM with kcp frozen: exit {code} after {:.2}s", took.as_secs_f64());
    assert_eq!(code, 0, "{}", controller.log_text());
    assert!(took <= Duration::from_secs(3), "stopped after {took:?}");

    // Restarted kcp: the controller reconnects, relists and converges; nothing flaps.
    // The frozen kcp never heard the release: the next leader waits out that lease (15 s).
    let controller = Controller::start_against(&kcp.kubeconfig, provider, &patient);
    soon("the controller to lead", Duration::from_secs(40), || leads(&controller)?.then_some(()));
    let (clusters, decided_at) = placed(&kcp, "web").expect("web has a decision");
    assert_eq!(clusters, ["a"]);
    kcp.restart(lab);
    // Authorization in a workspace comes back a moment after the root answers.
    eventually("kcp to serve the workspace again", Duration::from_secs(60), || {
        (kcp.tmcctl(&["--workspace", ws, "placement", "list"]).code == 0).then_some(())
    });
    assert_exit(&kcp.tmcctl(&["--workspace", ws, "placement", "create", "api", "--location-selector", "tier=gold"]), 0);
    let (_, converged) = eventually("api decided after the restart", Duration::from_secs(90), || {
        placed(&kcp, "api").filter(|(c, _)| c == &["a"]).map(|_| ())
    });
    println!("kcp restarted: a new placement decided {:.1}s after kcp was back", converged.as_secs_f64());
    assert_eq!(placed(&kcp, "web"), Some((clusters, decided_at)), "web's decision was not made again");
    assert_eq!(leads(&controller), Some(true), "still the leader: {}", controller.log_text());
    let (code, _) = controller.get("/readyz");
    assert_eq!(code, 200);
}
