//! `tmcctl install`/`uninstall` against the lab's kcp and a kwok cluster, checked with the
//! lab's kubectl as an independent client.

use serde_json::Value;

use crate::harness::{assert_exit, unique, using_clusters, Lab};

const REGISTRATION: &str = "apiVersion: tmc.kcp.io/v1alpha1
kind: ClusterRegistration
metadata:
  name: pc-east
  labels:
    env: prod
spec:
  location: us-east
  capabilities:
  - type: gpu
    available: true
";

#[test]
fn install_bind_create_with_kubectl_and_read_back_in_every_format() {
    let lab = Lab::get();
    let (_, consumer) = lab.fresh_install();

    let empty = lab.kubectl(&consumer, &["get", "clusterregistrations.tmc.kcp.io"], None);
    assert_exit(&empty, 0);
    let created = lab.kubectl(&consumer, &["create", "-f", "-"], Some(REGISTRATION));
    assert_exit(&created, 0);

    let table = lab.tmcctl(&["--workspace", &consumer, "cluster", "list"]);
    assert_exit(&table, 0);
    let lines: Vec<&str> = table.stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{}", table.stdout);
    assert!(
        lines[0].starts_with("NAME") && lines[0].contains("LOCATION") && lines[0].contains("LAST HEARTBEAT"),
        "{}",
        lines[0]
    );
    assert!(
        lines[1].starts_with("pc-east") && lines[1].contains("us-east") && lines[1].contains("Pending"),
        "{}",
        lines[1]
    );

    let no_headers = lab.tmcctl(&["--workspace", &consumer, "cluster", "list", "--no-headers"]);
    assert_eq!(no_headers.stdout.lines().count(), 1, "{}", no_headers.stdout);

    let wide = lab.tmcctl(&["--workspace", &consumer, "cluster", "list", "-o", "wide"]);
    assert!(
        wide.stdout.contains("CAPABILITIES") && wide.stdout.contains("gpu:true") && wide.stdout.contains("env=prod"),
        "{}",
        wide.stdout
    );

    let json = lab.tmcctl(&["--workspace", &consumer, "cluster", "list", "-o", "json"]);
    assert_exit(&json, 0);
    let parsed: Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(parsed["kind"], "List");
    assert_eq!(parsed["items"][0]["metadata"]["name"], "pc-east");
    assert_eq!(parsed["items"][0]["spec"]["capabilities"][0]["type"], "gpu");

    let yaml = lab.tmcctl(&["--workspace", &consumer, "cluster", "list", "-o", "yaml"]);
    let parsed: Value = serde_saphyr::from_str(&yaml.stdout).unwrap();
    assert_eq!(parsed["items"][0]["spec"]["location"], "us-east");

    let name = lab.tmcctl(&["--workspace", &consumer, "cluster", "list", "-o", "name"]);
    assert_eq!(name.stdout, "clusterregistration.tmc.kcp.io/pc-east\n");

    let jsonpath = lab.tmcctl(&[
        "--workspace",
        &consumer,
        "cluster",
        "list",
        "-o",
        "jsonpath={range .items[*]}{.metadata.name}:{.spec.location}{\"\\n\"}{end}",
    ]);
    assert_eq!(jsonpath.stdout, "pc-east:us-east\n");

    let selected = lab.tmcctl(&["--workspace", &consumer, "cluster", "list", "-l", "env=staging", "-o", "name"]);
    assert_exit(&selected, 0);
    assert_eq!(selected.stdout, "");
}

#[test]
fn installing_twice_changes_nothing() {
    let lab = Lab::get();
    let (provider, consumer) = lab.fresh_install();
    let again = lab.tmcctl(&["install", "--provider-workspace", &provider, "--bind", &consumer]);
    assert_exit(&again, 0);
    let actions: Vec<&str> = again.stdout.lines().skip(1).map(|l| l.split_whitespace().last().unwrap()).collect();
    assert_eq!(actions, ["unchanged"; 4], "{}", again.stdout);
}

#[test]
fn missing_bind_workspace_is_refused_before_any_write() {
    let lab = Lab::get();
    let provider = unique("p");
    let missing = format!("root:{}", unique("missing"));
    let out = lab.tmcctl(&["install", "--provider-workspace", &format!("root:{provider}"), "--bind", &missing]);
    assert_exit(&out, 6);
    assert!(out.stderr.contains(&format!("workspace {missing} does not exist")), "{}", out.stderr);
    assert!(out.stderr.contains("--create-workspaces"), "{}", out.stderr);
    let provider_ws = lab.kubectl("root", &["get", "workspaces.tenancy.kcp.io", &provider], None);
    assert_ne!(provider_ws.code, 0, "the provider workspace must not have been created");
}

#[test]
fn dry_run_prints_the_plan_and_writes_nothing() {
    let lab = Lab::get();
    let provider = unique("p");
    let out = lab.tmcctl(&["install", "--provider-workspace", &format!("root:{provider}"), "--dry-run", "-o", "yaml"]);
    assert_exit(&out, 0);
    let plan: Value = serde_saphyr::from_str(&out.stdout).unwrap();
    let kinds: Vec<&str> = plan["items"].as_array().unwrap().iter().map(|i| i["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["Workspace", "APIResourceSchema", "APIResourceSchema", "APIExport"]);
    let provider_ws = lab.kubectl("root", &["get", "workspaces.tenancy.kcp.io", &provider], None);
    assert_ne!(provider_ws.code, 0, "dry run must not create the workspace");
}

#[test]
fn uninstall_refuses_while_objects_exist_and_force_removes_the_api() {
    let lab = Lab::get();
    let (provider, consumer) = lab.fresh_install();
    assert_exit(&lab.kubectl(&consumer, &["create", "-f", "-"], Some(REGISTRATION)), 0);

    let refused = lab.tmcctl(&["uninstall", "--provider-workspace", &provider, "--bind", &consumer]);
    assert_exit(&refused, 7);
    assert!(refused.stderr.contains("1 clusterregistrations"), "{}", refused.stderr);
    assert_exit(&lab.kubectl(&consumer, &["get", "clusterregistrations.tmc.kcp.io", "pc-east"], None), 0);

    let forced = lab.tmcctl(&["uninstall", "--provider-workspace", &provider, "--bind", &consumer, "--force"]);
    assert_exit(&forced, 0);
    assert!(forced.stdout.contains("APIExport") && forced.stdout.contains("deleted"), "{}", forced.stdout);
    let gone = lab.kubectl(&consumer, &["get", "clusterregistrations.tmc.kcp.io"], None);
    assert_ne!(gone.code, 0, "the API must no longer be served: {}", gone.stdout);
}

#[test]
fn version_reports_kcp_and_the_workspace() {
    let _shared = using_clusters();
    let lab = Lab::get();
    let out = lab.tmcctl(&["version", "-o", "json"]);
    assert_exit(&out, 0);
    let report: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(report["serverVersion"]["isKcp"], true);
    assert_eq!(report["workspace"], "root");
    let plain = crate::harness::tmcctl(&["--kubeconfig", lab.var("PC1_KUBECONFIG"), "version"]);
    assert_exit(&plain, 0);
    assert!(plain.stdout.contains("(Kubernetes)"), "{}", plain.stdout);
}

#[test]
fn plain_kubernetes_gets_crds_and_uninstall_removes_them() {
    let _shared = using_clusters();
    let lab = Lab::get();
    let kubeconfig = lab.var("PC2_KUBECONFIG");
    let first = crate::harness::tmcctl(&["--kubeconfig", kubeconfig, "install"]);
    assert_exit(&first, 0);
    assert!(first.stdout.contains("CustomResourceDefinition"), "{}", first.stdout);
    let again = crate::harness::tmcctl(&["--kubeconfig", kubeconfig, "install"]);
    assert_exit(&again, 0);
    // One line per object after the first, as many as the first install wrote: `all` below
    // would hold on no lines at all.
    let objects = again.stdout.lines().skip(1).count();
    assert!(objects > 0 && objects == first.stdout.lines().skip(1).count(), "{}\n{}", first.stdout, again.stdout);
    assert!(again.stdout.lines().skip(1).all(|l| l.ends_with("unchanged")), "{}", again.stdout);
    let listed = crate::harness::tmcctl(&["--kubeconfig", kubeconfig, "cluster", "list"]);
    assert_exit(&listed, 0);
    // A plain Kubernetes hub is one "workspace" to the controller.
    let on_hub = |args: &[&str]| {
        let mut all = vec!["--kubeconfig", kubeconfig];
        all.extend_from_slice(args);
        crate::harness::tmcctl(&all)
    };
    let pc1 = lab.var("PC1_KUBECONFIG");
    assert_exit(
        &on_hub(&[
            "cluster",
            "register",
            "a",
            "--cluster-kubeconfig",
            pc1,
            "--location",
            "lab",
            "--labels",
            "tier=gold",
        ]),
        0,
    );
    assert_exit(&on_hub(&["placement", "create", "web", "--location-selector", "tier=gold"]), 0);
    let pass = on_hub(&["controller", "run", "--once"]);
    assert_exit(&pass, 0);
    assert!(pass.stdout.lines().any(|l| l.starts_with("web") && l.trim_end().ends_with('a')), "{}", pass.stdout);
    assert_exit(&on_hub(&["placement", "delete", "web", "--yes"]), 0);
    assert_exit(&on_hub(&["cluster", "unregister", "a", "--yes"]), 0);
    let removed = crate::harness::tmcctl(&["--kubeconfig", kubeconfig, "uninstall"]);
    assert_exit(&removed, 0);
    assert!(removed.stdout.contains("deleted"), "{}", removed.stdout);
}

#[test]
fn exec_plugin_credentials_work() {
    let lab = Lab::get();
    let admin = std::fs::read_to_string(lab.kcp_kubeconfig()).unwrap();
    let token_line =
        admin.lines().find(|l| l.trim_start().starts_with("token:")).expect("the lab kubeconfig has a token");
    let token = token_line.trim_start().trim_start_matches("token:").trim();
    let indent = &token_line[..token_line.len() - token_line.trim_start().len()];
    let marker = crate::harness::scratch_dir().join(format!("{}-exec-ran", unique("m")));
    let plugin = crate::harness::write_file(
        "exec-plugin.sh",
        &format!(
            "#!/bin/sh\ntouch {}\nprintf '{{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\",\"status\":{{\"token\":\"{token}\"}}}}'\n",
            marker.display()
        ),
    );
    std::fs::set_permissions(&plugin, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let exec = format!(
        "{indent}exec:\n{indent}  apiVersion: client.authentication.k8s.io/v1\n{indent}  command: {plugin}\n{indent}  interactiveMode: Never"
    );
    let kubeconfig = crate::harness::write_file("exec-kubeconfig", &admin.replace(token_line, &exec));
    let out = crate::harness::tmcctl(&["--kubeconfig", &kubeconfig, "version", "-o", "json"]);
    assert_exit(&out, 0);
    let report: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(report["serverVersion"]["isKcp"], true);
    assert!(marker.exists(), "the exec plugin was run");
}
