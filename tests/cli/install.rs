//! `tmcctl install`/`uninstall` against the lab's kcp and a kwok cluster, checked with the
//! lab's kubectl as an independent client.

use serde_json::Value;

use crate::harness::{assert_exit, unique, using_clusters, Lab, Output};

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

    // The controller's generated role is enough on a plain hub too: it runs as its ServiceAccount.
    assert_exit(&on_hub(&["rbac", "setup"]), 0);
    let secret = "apiVersion: v1\nkind: Secret\ntype: kubernetes.io/service-account-token\nmetadata: {name: tmc-controller-manager-token, namespace: tmc-system, annotations: {kubernetes.io/service-account.name: tmc-controller-manager}}\n";
    let kubectl = |args: &[&str], stdin: Option<&str>| {
        let mut command = std::process::Command::new(format!("{}/kubectl", lab.var("LAB_BIN")));
        command.arg("--kubeconfig").arg(kubeconfig).args(args);
        if let Some(text) = stdin {
            let path = crate::harness::write_file("stdin.yaml", text);
            command.args(["-f", &path]);
        }
        crate::harness::run_command(&mut command)
    };
    assert_exit(&kubectl(&["apply"], Some(secret)), 0);
    let (token, _) = crate::harness::eventually("the controller's token", std::time::Duration::from_secs(20), || {
        let out = kubectl(
            &["get", "secret", "-n", "tmc-system", "tmc-controller-manager-token", "-o", "jsonpath={.data.token}"],
            None,
        );
        use base64::Engine;
        let token = base64::engine::general_purpose::STANDARD.decode(out.stdout.trim()).ok()?;
        (!token.is_empty()).then(|| String::from_utf8(token).unwrap())
    });
    let hub = std::fs::read_to_string(kubeconfig).unwrap();
    let user: String = hub
        .lines()
        .filter(|l| !l.trim_start().starts_with("client-key:"))
        .map(|l| {
            if l.trim_start().starts_with("client-certificate:") {
                format!("    token: {token}")
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    let as_controller = crate::harness::write_file("hub-controller", &user);
    // The API server's authorizer sees the new binding a moment later.
    crate::harness::eventually("the controller's binding to take effect", std::time::Duration::from_secs(15), || {
        let can = kubectl(
            &[
                "auth",
                "can-i",
                "patch",
                "workloadplacements.tmc.kcp.io/status",
                "--as",
                "system:serviceaccount:tmc-system:tmc-controller-manager",
            ],
            None,
        );
        (can.stdout.trim() == "yes").then_some(())
    });
    assert_exit(&on_hub(&["placement", "create", "api", "--location-selector", "tier=gold"]), 0);
    let pass = crate::harness::tmcctl(&["--kubeconfig", &as_controller, "controller", "run", "--once"]);
    assert_exit(&pass, 0);
    assert!(pass.stdout.lines().any(|l| l.starts_with("api") && l.trim_end().ends_with('a')), "{}", pass.stdout);
    assert!(!pass.stderr.to_lowercase().contains("forbidden"), "{}", pass.stderr);
    assert_exit(&on_hub(&["placement", "delete", "api", "--yes"]), 0);
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

const WORKLOADS: &str = "apiVersion: v1
kind: ConfigMap
metadata:
  name: web-config
  namespace: default
data:
  greeting: hello
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: default
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: nginx:1.27
        ports:
        - containerPort: 80
        resources:
          limits: {cpu: 1, memory: 64Mi}
        envFrom:
        - configMapRef: {name: web-config}
---
apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: default
spec:
  selector: {app: web}
  ports:
  - port: 80
    targetPort: http
";

/// The last word of each report line but the header: the actions.
fn actions(out: &Output) -> Vec<String> {
    out.stdout.lines().skip(1).filter_map(|l| l.split_whitespace().last().map(String::from)).collect()
}

/// The export's workload entries (group, name) and its resourceVersion.
fn exported_workloads(lab: &Lab, provider: &str) -> (Vec<(String, String)>, String) {
    let out = lab.kubectl(provider, &["get", "apiexports.apis.kcp.io", "tmc.kcp.io", "-o", "json"], None);
    assert_exit(&out, 0);
    let export: Value = serde_json::from_str(&out.stdout).unwrap();
    let resources = export["spec"]["resources"].as_array().unwrap();
    let workloads = resources
        .iter()
        .filter(|r| r["group"] != "tmc.kcp.io")
        .map(|r| (r["group"].as_str().unwrap_or_default().to_string(), r["name"].as_str().unwrap().to_string()))
        .collect();
    (workloads, export["metadata"]["resourceVersion"].as_str().unwrap().to_string())
}

#[test]
fn workload_apis_from_a_registered_cluster_serve_kubectl_apply_get_and_scale() {
    let _shared = using_clusters();
    let lab = Lab::get();
    let (provider, consumer) = lab.fresh_install();
    let registered = lab.tmcctl(&[
        "--workspace",
        &consumer,
        "cluster",
        "register",
        "pc1",
        "--cluster-kubeconfig",
        lab.var("PC1_KUBECONFIG"),
        "--location",
        "lab",
    ]);
    assert_exit(&registered, 0);

    let install = ["install", "--provider-workspace", &provider, "--bind", &consumer, "--workload-apis"];
    let first = lab.tmcctl(&install);
    assert_exit(&first, 0);
    for schema in [
        "deployments.apps",
        "statefulsets.apps",
        "daemonsets.apps",
        "jobs.batch",
        ".services.core",
        "ingresses.networking.k8s.io",
    ] {
        assert!(
            first
                .stdout
                .lines()
                .any(|l| l.contains("APIResourceSchema") && l.contains(schema) && l.ends_with("created")),
            "{schema}:\n{}",
            first.stdout
        );
    }
    assert!(first.stdout.lines().any(|l| l.contains("APIExport") && l.ends_with("configured")), "{}", first.stdout);
    assert_eq!(first.stderr, "", "one cluster: nothing to leave out");

    let applied = lab.kubectl(&consumer, &["apply", "-f", "-"], Some(WORKLOADS));
    assert_exit(&applied, 0);
    let table = lab.kubectl(&consumer, &["get", "deploy", "-n", "default"], None);
    assert_exit(&table, 0);
    let header = table.stdout.lines().next().unwrap_or_default();
    assert!(header.contains("READY") && header.contains("UP-TO-DATE") && header.contains("AGE"), "{}", table.stdout);
    assert!(table.stdout.lines().nth(1).is_some_and(|l| l.starts_with("web")), "{}", table.stdout);
    let services = lab.kubectl(&consumer, &["get", "svc", "web", "-n", "default"], None);
    assert_exit(&services, 0);
    assert!(services.stdout.contains("TYPE") && services.stdout.contains("CLUSTER-IP"), "{}", services.stdout);

    let scaled = lab.kubectl(&consumer, &["scale", "deployment/web", "-n", "default", "--replicas=3"], None);
    assert_exit(&scaled, 0);
    let replicas =
        lab.kubectl(&consumer, &["get", "deploy", "web", "-n", "default", "-o", "jsonpath={.spec.replicas}"], None);
    assert_eq!(replicas.stdout, "3");
    // What kubectl wrote survives pruning: int-or-string ports, quantities, nested metadata.
    let stored = lab.kubectl(&consumer, &["get", "deploy", "web", "-n", "default", "-o", "json"], None);
    let stored: Value = serde_json::from_str(&stored.stdout).unwrap();
    let pod = &stored["spec"]["template"];
    assert_eq!(pod["metadata"]["labels"]["app"], "web");
    assert_eq!(pod["spec"]["containers"][0]["resources"]["limits"]["cpu"], 1);
    let port = lab.kubectl(
        &consumer,
        &["get", "svc", "web", "-n", "default", "-o", "jsonpath={.spec.ports[0].targetPort}"],
        None,
    );
    assert_eq!(port.stdout, "http");

    let (before, version_before) = exported_workloads(lab, &provider);
    assert_eq!(before.len(), 6, "{before:?}");
    let again = lab.tmcctl(&install);
    assert_exit(&again, 0);
    assert!(actions(&again).iter().all(|a| a == "unchanged"), "{}", again.stdout);
    let plain = lab.tmcctl(&["install", "--provider-workspace", &provider, "--bind", &consumer]);
    assert_exit(&plain, 0);
    assert!(actions(&plain).iter().all(|a| a == "unchanged"), "{}", plain.stdout);
    let (after, version_after) = exported_workloads(lab, &provider);
    assert_eq!((after, version_after), (before, version_before), "re-installing must write nothing and drop nothing");
    assert_exit(&lab.kubectl(&consumer, &["get", "deploy", "web", "-n", "default"], None), 0);
}

#[test]
fn workload_apis_need_a_schema_source_and_a_served_type() {
    let _shared = using_clusters();
    let lab = Lab::get();
    let (provider, consumer) = lab.fresh_install();
    let none = lab.tmcctl(&["install", "--provider-workspace", &provider, "--bind", &consumer, "--workload-apis"]);
    assert_exit(&none, 2);
    assert!(none.stderr.contains("register a cluster in a bound workspace first"), "{}", none.stderr);
    assert!(none.stderr.contains("--schema-kubeconfig"), "{}", none.stderr);

    let source = ["--schema-kubeconfig", lab.var("PC2_KUBECONFIG")];
    let base = ["install", "--provider-workspace", &provider, "--bind", &consumer];
    let run = |types: &str| {
        let mut args: Vec<&str> = base.to_vec();
        args.extend(["--workload-apis", types]);
        args.extend(source);
        lab.tmcctl(&args)
    };
    let missing = run("widgets.example.com");
    assert_exit(&missing, 6);
    assert!(missing.stderr.contains("widgets.example.com is not served by --schema-kubeconfig"), "{}", missing.stderr);
    let cluster_scoped = run("nodes");
    assert_exit(&cluster_scoped, 2);
    assert!(cluster_scoped.stderr.contains("nodes is cluster-scoped"), "{}", cluster_scoped.stderr);
    let (workloads, _) = exported_workloads(lab, &provider);
    assert!(workloads.is_empty(), "a refused import writes nothing: {workloads:?}");

    // A cluster given directly works as well as a registered one; an unreachable one fails
    // the whole import.
    let jobs = run("jobs.batch");
    assert_exit(&jobs, 0);
    assert!(jobs.stdout.lines().any(|l| l.contains(".jobs.batch") && l.ends_with("created")), "{}", jobs.stdout);
    // Two clusters serving the same schema publish the same schema: nothing to write, nothing
    // left out.
    let mut both: Vec<&str> = base.to_vec();
    both.extend(["--workload-apis", "jobs.batch", "--schema-kubeconfig", lab.var("PC1_KUBECONFIG")]);
    both.extend(source);
    let same = lab.tmcctl(&both);
    assert_exit(&same, 0);
    assert!(actions(&same).iter().all(|a| a == "unchanged"), "{}", same.stdout);
    assert_eq!(same.stderr, "");
    let dead = crate::harness::write_file(
        "dead-kubeconfig",
        "apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster: {server: 'https://127.0.0.1:1'}\ncontexts:\n- name: c\n  context: {cluster: c, user: u}\nusers:\n- name: u\n  user: {token: x}\ncurrent-context: c\n",
    );
    let mut args: Vec<&str> = base.to_vec();
    args.extend(["--workload-apis", "jobs.batch", "--schema-kubeconfig", &dead]);
    let unreachable = lab.tmcctl(&args);
    assert_exit(&unreachable, 4);
    assert!(
        unreachable.stderr.contains(&format!("cannot import workload APIs from --schema-kubeconfig {dead}")),
        "{}",
        unreachable.stderr
    );
}
