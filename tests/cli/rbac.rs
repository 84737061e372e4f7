//! `tmcctl rbac …`, least-privilege cluster credentials and connection security against the
//! lab. kcp knows the test users alice (group lab:team-a), bob (lab:team-b), carol and dave by
//! bearer token (lab/lib/run.sh); what they may do is only what each test grants them.

use base64::Engine;
use serde_json::Value;

use crate::harness::{assert_exit, tmcctl, using_clusters, write_file, Lab, Output};

/// A kubeconfig that reaches kcp as the lab's test user `user` (its token from the env file),
/// trusting kcp's CA as the admin kubeconfig does.
fn user_kubeconfig(lab: &Lab, user: &str) -> String {
    token_kubeconfig(lab, user, "root", lab.var(&format!("KCP_TOKEN_{}", user.to_uppercase())))
}

/// A kubeconfig (context and user `name`) that reaches kcp's `workspace` with a bearer token,
/// trusting kcp's CA as the admin kubeconfig does.
fn token_kubeconfig(lab: &Lab, name: &str, workspace: &str, token: &str) -> String {
    let admin = std::fs::read_to_string(lab.kcp_kubeconfig()).unwrap();
    let ca = admin.lines().find(|l| l.trim_start().starts_with("certificate-authority-data:")).unwrap().trim();
    let text = format!(
        "apiVersion: v1\nkind: Config\ncurrent-context: {name}\nclusters:\n- name: kcp\n  cluster:\n    server: {}/clusters/{workspace}\n    {ca}\ncontexts:\n- name: {name}\n  context: {{cluster: kcp, user: {name}}}\nusers:\n- name: {name}\n  user: {{token: {token}}}\n",
        lab.kcp_url()
    );
    write_file(&format!("{name}-kubeconfig"), &text)
}

/// Runs tmcctl as a test user in `workspace`.
fn as_user(lab: &Lab, user: &str, workspace: &str, args: &[&str]) -> Output {
    let kubeconfig = user_kubeconfig(lab, user);
    let mut all = vec!["--kubeconfig", kubeconfig.as_str(), "--workspace", workspace];
    all.extend_from_slice(args);
    tmcctl(&all)
}

/// kcp's authorizer sees RBAC changes through its caches, a moment after they are written:
/// runs `run` until it exits with `code` (at most 15 s) and returns that run.
#[track_caller]
fn until_exit(what: &str, code: i32, mut run: impl FnMut() -> Output) -> Output {
    crate::harness::eventually(what, std::time::Duration::from_secs(15), || {
        let out = run();
        (out.code == code).then_some(out)
    })
    .0
}

fn admin(lab: &Lab, workspace: &str, args: &[&str]) -> Output {
    let mut all = vec!["--workspace", workspace];
    all.extend_from_slice(args);
    lab.tmcctl(&all)
}

/// A workspace with the TMC API bound and the roles set up; returns (provider, consumer).
fn set_up(lab: &Lab) -> (String, String) {
    let (provider, ws) = lab.fresh_install();
    let out = admin(lab, &ws, &["rbac", "setup", "--provider-workspace", &provider]);
    assert_exit(&out, 0);
    (provider, ws)
}

#[test]
fn setup_twice_changes_nothing_and_prints_the_controller_role() {
    let lab = Lab::get();
    let (provider, ws) = lab.fresh_install();
    let dry = admin(lab, &ws, &["rbac", "setup", "--provider-workspace", &provider, "--dry-run", "-o", "yaml"]);
    assert_exit(&dry, 0);
    for expected in [
        "name: tmc:cluster-admin",
        "name: tmc:operator",
        "name: tmc:viewer",
        "name: tmc:controller-manager",
        "kind: ClusterRoleBinding",
        "name: tmc-controller-manager",
        "tmc.kcp.io/rbac-role: viewer",
    ] {
        assert!(dry.stdout.contains(expected), "missing {expected:?} in\n{}", dry.stdout);
    }
    let missing = lab.kubectl(&ws, &["get", "clusterrole", "tmc:viewer"], None);
    assert_ne!(missing.code, 0, "--dry-run wrote the viewer role");

    let first = admin(lab, &ws, &["rbac", "setup", "--provider-workspace", &provider]);
    assert_exit(&first, 0);
    assert!(first.stdout.contains("created"), "{}", first.stdout);
    let rv = |name: &str| {
        lab.kubectl(&ws, &["get", "clusterrole", name, "-o", "jsonpath={.metadata.resourceVersion}"], None).stdout
    };
    let before = rv("tmc:viewer");
    let second = admin(lab, &ws, &["rbac", "setup", "--provider-workspace", &provider]);
    assert_exit(&second, 0);
    let results: Vec<&str> = second
        .stdout
        .lines()
        .skip(1)
        .take_while(|l| !l.is_empty())
        .map(|l| l.split_whitespace().last().unwrap())
        .collect();
    assert_eq!(results.len(), 12, "{}", second.stdout);
    assert!(results.iter().all(|r| *r == "unchanged"), "{}", second.stdout);
    assert_eq!(rv("tmc:viewer"), before, "a second setup wrote the role again");
    // The controller's generated role is printed, and has no wildcard.
    let rules = second.stdout.split("no wildcard):").nth(1).expect("controller role printed");
    assert!(rules.contains("apiexports/content") && rules.contains("leases"), "{rules}");
    assert!(!rules.contains('*'), "{rules}");
    let viewer = lab.kubectl(&ws, &["get", "clusterrole", "tmc:viewer", "-o", "json"], None);
    let viewer: Value = serde_json::from_str(&viewer.stdout).unwrap();
    assert_eq!(viewer["metadata"]["labels"]["tmc.kcp.io/rbac-role"], "viewer");
    assert!(!viewer.to_string().contains("secrets"), "the viewer must never read Secrets");

    // --all-bound finds the bound workspace by itself; list -A reads every bound workspace.
    let second = format!("root:{}", crate::harness::unique("c"));
    let bind = lab.tmcctl(&["install", "--provider-workspace", &provider, "--bind", &second, "--create-workspaces"]);
    assert_exit(&bind, 0);
    let all = admin(lab, &ws, &["rbac", "setup", "--all-bound", "--provider-workspace", &provider]);
    assert_exit(&all, 0);
    let created_in = |w: &str| all.stdout.lines().any(|l| l.starts_with(&format!("{w} ")) && l.ends_with("created"));
    assert!(created_in(&second), "--all-bound missed {second}:\n{}", all.stdout);
    assert!(
        all.stdout.lines().filter(|l| l.starts_with(&format!("{ws} "))).all(|l| l.ends_with("unchanged")),
        "{}",
        all.stdout
    );
    assert_exit(&admin(lab, &second, &["rbac", "grant", "viewer", "--group", "lab:auditors"]), 0);
    assert_exit(&admin(lab, &ws, &["rbac", "grant", "operator", "--user", "dave"]), 0);
    let listed = admin(lab, &ws, &["rbac", "list", "-A", "--provider-workspace", &provider, "-o", "json"]);
    assert_exit(&listed, 0);
    let rows: Vec<Value> = serde_json::from_str(&listed.stdout).unwrap();
    let workspaces: Vec<&str> = rows.iter().map(|r| r["workspace"].as_str().unwrap()).collect();
    assert!(workspaces.contains(&second.as_str()) && workspaces.contains(&ws.as_str()), "{}", listed.stdout);
}

#[test]
fn grant_list_revoke_with_the_real_access_checked_through_kcp() {
    let lab = Lab::get();
    let (_, ws) = set_up(lab);
    // Before any grant alice cannot even enter the workspace.
    assert_exit(&as_user(lab, "alice", &ws, &["cluster", "list"]), 5);

    let granted = admin(lab, &ws, &["rbac", "grant", "viewer", "--user", "alice"]);
    assert_exit(&granted, 0);
    assert!(granted.stdout.contains("tmc:viewer granted to User \"alice\""), "{}", granted.stdout);
    assert!(granted.stdout.contains("given workspace access"), "{}", granted.stdout);
    until_exit("alice to list registrations", 0, || as_user(lab, "alice", &ws, &["cluster", "list"]));
    // The viewer reads TMC objects but changes nothing and reads no Secret.
    let create = as_user(lab, "alice", &ws, &["placement", "create", "p", "--strategy", "Spread"]);
    assert_exit(&create, 5);
    let secrets = as_user(lab, "alice", &ws, &["rbac", "check", "get", "secrets", "-n", "tmc-system", "--as-me"]);
    assert_exit(&secrets, 9);
    // A viewer of one workspace sees and changes nothing in another.
    let (_, other) = set_up(lab);
    assert_exit(&as_user(lab, "alice", &other, &["cluster", "list"]), 5);
    assert_exit(&as_user(lab, "alice", &other, &["placement", "list"]), 5);
    assert_exit(&as_user(lab, "alice", &other, &["placement", "create", "p", "--strategy", "Spread"]), 5);
    let again = admin(lab, &ws, &["rbac", "grant", "tmc:viewer", "--user", "alice"]);
    assert_exit(&again, 0);
    assert!(again.stdout.contains("already granted"), "{}", again.stdout);

    assert_exit(&admin(lab, &ws, &["rbac", "grant", "operator", "--group", "lab:team-b"]), 0);
    until_exit("bob to list registrations", 0, || as_user(lab, "bob", &ws, &["cluster", "list"]));
    assert_exit(&admin(lab, &ws, &["rbac", "grant", "viewer", "--serviceaccount", "ci/deployer"]), 0);

    let list = admin(lab, &ws, &["rbac", "list", "-o", "json"]);
    assert_exit(&list, 0);
    let rows: Vec<Value> = serde_json::from_str(&list.stdout).unwrap();
    let row = |subject: &str| rows.iter().find(|r| r["subject"] == subject).cloned();
    assert_eq!(row("alice").unwrap()["binding"], "tmc:viewer:user:alice");
    assert_eq!(row("lab:team-b").unwrap()["kind"], "Group");
    assert_eq!(row("deployer").unwrap()["namespace"], "ci");
    let table = admin(lab, &ws, &["rbac", "list"]);
    assert!(table.stdout.starts_with("SUBJECT"), "{}", table.stdout);
    assert!(table.stdout.contains("ci/deployer") && table.stdout.contains(&ws), "{}", table.stdout);

    for (flag, subject, user) in [("--user", "alice", Some("alice")), ("--group", "lab:team-b", Some("bob"))] {
        let role = if flag == "--user" { "viewer" } else { "operator" };
        let revoked = admin(lab, &ws, &["rbac", "revoke", role, flag, subject]);
        assert_exit(&revoked, 0);
        assert!(
            revoked.stdout.contains("revoked") && revoked.stdout.contains("workspace access was removed"),
            "{}",
            revoked.stdout
        );
        if let Some(user) = user {
            until_exit("the revoked access to go", 5, || as_user(lab, user, &ws, &["cluster", "list"]));
        }
    }
    let twice = admin(lab, &ws, &["rbac", "revoke", "viewer", "--user", "alice"]);
    assert_exit(&twice, 0);
    assert!(twice.stdout.contains("was not granted"), "{}", twice.stdout);
    assert_exit(&admin(lab, &ws, &["rbac", "revoke", "viewer", "--serviceaccount", "ci/deployer"]), 0);
    let rest = admin(lab, &ws, &["rbac", "list", "-o", "json"]);
    assert_eq!(serde_json::from_str::<Vec<Value>>(&rest.stdout).unwrap().len(), 0, "{}", rest.stdout);

    let unknown = admin(lab, &ws, &["rbac", "grant", "admin", "--user", "alice"]);
    assert_exit(&unknown, 2);
    assert!(unknown.stderr.contains("tmc:cluster-admin, tmc:operator and tmc:viewer"), "{}", unknown.stderr);
}

#[test]
fn grant_is_refused_up_front_for_a_role_the_granter_could_not_hold() {
    let lab = Lab::get();
    let (_, ws) = set_up(lab);
    // carol operates TMC objects and may create bindings, but may not bind roles she lacks.
    assert_exit(&admin(lab, &ws, &["rbac", "grant", "operator", "--user", "carol"]), 0);
    let binder = "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: binding-writer}\nrules:\n- {apiGroups: [rbac.authorization.k8s.io], resources: [clusterrolebindings], verbs: [create, get, list, patch, delete]}\n- {apiGroups: [rbac.authorization.k8s.io], resources: [clusterroles], verbs: [get]}\n---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: carol-binding-writer}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: binding-writer}\nsubjects:\n- {kind: User, name: carol, apiGroup: rbac.authorization.k8s.io}\n";
    assert_exit(&lab.kubectl(&ws, &["apply", "-f", "-"], Some(binder)), 0);
    let may_bind =
        ["rbac", "check", "create", "clusterrolebindings.rbac.authorization.k8s.io", "--as-me", "--clusters", "none"];
    until_exit("carol's bindings to take effect", 0, || as_user(lab, "carol", &ws, &may_bind));
    until_exit("carol's operator role to take effect", 0, || as_user(lab, "carol", &ws, &["cluster", "list"]));

    let refused = as_user(lab, "carol", &ws, &["rbac", "grant", "cluster-admin", "--user", "dave"]);
    assert_exit(&refused, 5);
    for expected in
        ["bind clusterroles.rbac.authorization.k8s.io tmc:cluster-admin", "delete secrets", "* *.tmc.kcp.io"]
    {
        assert!(refused.stderr.contains(expected), "missing {expected:?} in {}", refused.stderr);
    }
    assert!(refused.stdout.is_empty());
    let written = lab.kubectl(&ws, &["get", "clusterrolebinding", "tmc:cluster-admin:user:dave"], None);
    assert_ne!(written.code, 0, "a refused grant wrote a binding");
    // What carol holds herself she may grant.
    let allowed = as_user(lab, "carol", &ws, &["rbac", "grant", "operator", "--user", "dave"]);
    assert_exit(&allowed, 0);

    // F8: a role without Secrets is told everything it lacks before anything is written.
    let register = as_user(
        lab,
        "carol",
        &ws,
        &[
            "cluster",
            "register",
            "pc1",
            "--location",
            "eu",
            "--skip-verify",
            "--cluster-kubeconfig",
            lab.var("PC1_KUBECONFIG"),
        ],
    );
    assert_exit(&register, 5);
    for expected in
        ["get secrets in namespace tmc-system", "create secrets in namespace tmc-system", "patch namespaces"]
    {
        assert!(register.stderr.contains(expected), "missing {expected:?} in {}", register.stderr);
    }
    let regs = lab.kubectl(&ws, &["get", "clusterregistrations.tmc.kcp.io", "-o", "name"], None);
    assert!(regs.stdout.trim().is_empty(), "{}", regs.stdout);
}

/// The kubeconfig stored for `cluster` in `workspace`, decoded.
fn stored_kubeconfig(lab: &Lab, workspace: &str, cluster: &str) -> String {
    let out = lab.kubectl(
        workspace,
        &["get", "secret", "-n", "tmc-system", &format!("tmc-cluster-{cluster}"), "-o", "jsonpath={.data.kubeconfig}"],
        None,
    );
    assert_exit(&out, 0);
    String::from_utf8(base64::engine::general_purpose::STANDARD.decode(out.stdout.trim()).unwrap()).unwrap()
}

/// Asks the physical cluster, with the lab's kubectl and `kubeconfig`, `kubectl auth can-i ARGS`.
fn can_i(lab: &Lab, kubeconfig: &str, args: &[&str]) -> bool {
    let mut command = std::process::Command::new(format!("{}/kubectl", lab.var("LAB_BIN")));
    command.args(["--kubeconfig", kubeconfig, "auth", "can-i"]).args(args);
    crate::harness::run_command(&mut command).stdout.trim() == "yes"
}

#[test]
fn register_with_a_service_account_stores_a_token_that_syncs_but_cannot_read_secrets() {
    let _shared = using_clusters();
    let lab = Lab::get();
    let (_, ws) = lab.fresh_install();
    let out = admin(
        lab,
        &ws,
        &[
            "cluster",
            "register",
            "pc1",
            "--location",
            "eu",
            "--cluster-kubeconfig",
            lab.var("PC1_KUBECONFIG"),
            "--create-service-account",
        ],
    );
    assert_exit(&out, 0);
    assert!(!out.stderr.contains("may do anything"), "{}", out.stderr);
    let stored = stored_kubeconfig(lab, &ws, "pc1");
    assert!(stored.contains("token:"), "no token stored");
    assert!(
        !stored.contains("client-key-data") && !stored.contains("client-certificate-data"),
        "admin credentials stored"
    );
    let path = write_file("stored-pc1", &stored);
    for allowed in [
        ["patch", "deployments.apps", "-n", "anywhere"],
        ["create", "secrets", "-n", "anywhere"],
        ["list", "nodes", "", ""],
    ] {
        let args: Vec<&str> = allowed.iter().copied().filter(|a| !a.is_empty()).collect();
        assert!(can_i(lab, &path, &args), "the stored token may not {args:?}");
    }
    for denied in [
        ["get", "secrets", "-n", "kube-system"],
        ["list", "secrets", "-A", ""],
        ["delete", "namespaces", "", ""],
        ["create", "clusterroles", "", ""],
    ] {
        let args: Vec<&str> = denied.iter().copied().filter(|a| !a.is_empty()).collect();
        assert!(!can_i(lab, &path, &args), "the stored token may {args:?}");
    }
    let status = admin(lab, &ws, &["cluster", "status", "pc1"]);
    assert!(status.stdout.contains("service account token (tmc-system/tmcctl-agent)"), "{}", status.stdout);

    // Without the flag, admin credentials are stored, with a warning that says so.
    let plain = admin(
        lab,
        &ws,
        &["cluster", "register", "pc2", "--location", "us", "--cluster-kubeconfig", lab.var("PC2_KUBECONFIG")],
    );
    assert_exit(&plain, 0);
    assert!(
        plain.stderr.contains("may do anything on cluster \"pc2\"")
            && plain.stderr.contains("--create-service-account"),
        "{}",
        plain.stderr
    );
    let status = admin(lab, &ws, &["cluster", "status", "pc2"]);
    assert!(status.stdout.contains("Credential kind:  client certificate, expires "), "{}", status.stdout);
}

#[test]
fn check_answers_for_the_workspace_and_both_clusters_in_one_matrix() {
    let _shared = using_clusters();
    let lab = Lab::get();
    let (_, ws) = set_up(lab);
    let register = |name: &str, var: &str, extra: &[&str]| {
        let mut args = vec!["cluster", "register", name, "--location", "eu", "--cluster-kubeconfig", lab.var(var)];
        args.extend_from_slice(extra);
        assert_exit(&admin(lab, &ws, &args), 0);
    };
    register("pc1", "PC1_KUBECONFIG", &["--create-service-account"]);
    register("pc2", "PC2_KUBECONFIG", &[]);

    // Allowed everywhere: the stored credentials of both clusters may list nodes, and so may kcp's admin.
    let allowed = admin(lab, &ws, &["rbac", "check", "get,list", "namespaces", "--as-me"]);
    assert_exit(&allowed, 0);
    let lines: Vec<&str> = allowed.stdout.lines().collect();
    assert!(
        lines[0].starts_with("PLACE") && lines[0].contains("GET") && lines[0].contains("LIST"),
        "{}",
        allowed.stdout
    );
    for place in [format!("workspace {ws}"), "cluster pc1".into(), "cluster pc2".into()] {
        let row = lines.iter().find(|l| l.starts_with(&place)).unwrap_or_else(|| panic!("no row {place}"));
        assert_eq!(row.matches("allowed").count(), 2, "{row}");
    }

    // Denied on pc1: its least-privilege token cannot read Secrets.
    let denied = admin(lab, &ws, &["rbac", "check", "get", "secrets", "-n", "kube-system", "--as-me", "-o", "json"]);
    assert_exit(&denied, 9);
    let matrix: Value = serde_json::from_str(&denied.stdout).unwrap();
    let cell = |name: &str| {
        matrix["rows"].as_array().unwrap().iter().find(|r| r["name"] == name).unwrap()["cells"]["get"].clone()
    };
    assert_eq!(cell(&ws)["result"], "allowed");
    assert_eq!(cell("pc2")["result"], "allowed");
    assert_eq!(cell("pc1")["result"], "denied");
    assert_eq!(matrix["allAllowed"], false);
    assert!(denied.stderr.contains("1 of 3 checks denied"), "{}", denied.stderr);

    // Another user, asked by SubjectAccessReview everywhere (pc1's token may ask that too).
    assert_exit(&admin(lab, &ws, &["rbac", "grant", "viewer", "--user", "alice"]), 0);
    let ask = ["rbac", "check", "list", "clusterregistrations.tmc.kcp.io", "--user", "alice", "--clusters", "pc1"];
    let (alice, _) =
        crate::harness::eventually("alice's grant to take effect", std::time::Duration::from_secs(15), || {
            let out = admin(lab, &ws, &ask);
            out.stdout.lines().any(|l| l.starts_with("workspace") && l.ends_with("allowed")).then_some(out)
        });
    assert_exit(&alice, 9);
    let ws_row = alice.stdout.lines().find(|l| l.starts_with("workspace")).unwrap();
    let pc1_row = alice.stdout.lines().find(|l| l.starts_with("cluster pc1")).unwrap();
    assert!(ws_row.ends_with("allowed"), "{}", alice.stdout);
    assert!(pc1_row.ends_with("denied"), "{}", alice.stdout);
    assert!(!alice.stdout.contains("cluster pc2"), "--clusters pc1 asked pc2");

    let who = admin(lab, &ws, &["rbac", "who-can", "list", "clusterregistrations.tmc.kcp.io"]);
    assert_exit(&who, 0);
    assert!(who.stderr.contains("from RBAC objects only"), "{}", who.stderr);
    assert!(who.stdout.contains("alice") && who.stdout.contains("ClusterRole/tmc:viewer"), "{}", who.stdout);
}

/// F6: the server's certificate names neither the address nor `tls-server-name`.
#[test]
fn hostname_mismatch_names_both_names_and_tls_server_name_fixes_it() {
    let lab = Lab::get();
    let pc1 = std::fs::read_to_string(lab.var("PC1_KUBECONFIG")).unwrap();
    let server = pc1.lines().find(|l| l.trim_start().starts_with("server:")).unwrap();
    let with_name =
        |name: &str| write_file("tls-name", &pc1.replace(server, &format!("    tls-server-name: {name}\n{server}")));
    let wrong = tmcctl(&["--kubeconfig", &with_name("wrong.example"), "version"]);
    assert_exit(&wrong, 5);
    assert!(wrong.stderr.contains("not valid for name \"wrong.example\""), "{}", wrong.stderr);
    assert!(wrong.stderr.contains("localhost") && wrong.stderr.contains("127.0.0.1"), "{}", wrong.stderr);
    assert!(!wrong.stderr.contains("DnsName("), "a library's debug form: {}", wrong.stderr);
    let right = tmcctl(&["--kubeconfig", &with_name("localhost"), "version"]);
    assert_exit(&right, 0);
    assert!(right.stdout.contains("Server Version"), "{}", right.stdout);
}

#[test]
fn rotate_credentials_stores_a_new_token_and_revokes_the_old_after_the_grace() {
    let _shared = using_clusters();
    let lab = Lab::get();
    let (_, ws) = lab.fresh_install();
    let pc2 = lab.var("PC2_KUBECONFIG");
    assert_exit(
        &admin(
            lab,
            &ws,
            &[
                "cluster",
                "register",
                "pc2",
                "--location",
                "us",
                "--cluster-kubeconfig",
                pc2,
                "--create-service-account",
            ],
        ),
        0,
    );
    let old = write_file("old-pc2", &stored_kubeconfig(lab, &ws, "pc2"));
    assert!(can_i(lab, &old, &["list", "nodes"]));
    let rotated =
        admin(lab, &ws, &["cluster", "rotate-credentials", "pc2", "--cluster-kubeconfig", pc2, "--grace", "1s"]);
    assert_exit(&rotated, 0);
    assert!(
        rotated.stdout.contains("credentials rotated") && rotated.stdout.contains("1 old revoked"),
        "{}",
        rotated.stdout
    );
    let new = write_file("new-pc2", &stored_kubeconfig(lab, &ws, "pc2"));
    assert_ne!(
        std::fs::read_to_string(&old).unwrap(),
        std::fs::read_to_string(&new).unwrap(),
        "the stored token did not change"
    );
    assert!(can_i(lab, &new, &["list", "nodes"]), "the new token does not work");
    // The API server caches a token it accepted for 10 s, so a deleted token dies within that.
    crate::harness::soon("the old token to be refused", std::time::Duration::from_secs(20), || {
        (!can_i(lab, &old, &["list", "nodes"])).then_some(())
    });

    // Admin credentials stored by a plain register are not a token tmcctl can rotate.
    assert_exit(
        &admin(
            lab,
            &ws,
            &["cluster", "register", "pc1", "--location", "eu", "--cluster-kubeconfig", lab.var("PC1_KUBECONFIG")],
        ),
        0,
    );
    let refused =
        admin(lab, &ws, &["cluster", "rotate-credentials", "pc1", "--cluster-kubeconfig", lab.var("PC1_KUBECONFIG")]);
    assert_exit(&refused, 7);
    assert!(refused.stderr.contains("--create-service-account"), "{}", refused.stderr);
}

/// A kubeconfig for ServiceAccount `tmc-system/NAME` of kcp's `workspace`, from a token Secret
/// the admin makes for it.
fn service_account_kubeconfig(lab: &Lab, workspace: &str, name: &str) -> String {
    let secret = format!(
        "apiVersion: v1\nkind: Secret\ntype: kubernetes.io/service-account-token\nmetadata: {{name: {name}-token, namespace: tmc-system, annotations: {{kubernetes.io/service-account.name: {name}}}}}\n"
    );
    assert_exit(&lab.kubectl(workspace, &["apply", "-f", "-"], Some(&secret)), 0);
    let (token, _) = crate::harness::eventually("the ServiceAccount token", std::time::Duration::from_secs(20), || {
        let out = lab.kubectl(
            workspace,
            &["get", "secret", "-n", "tmc-system", &format!("{name}-token"), "-o", "jsonpath={.data.token}"],
            None,
        );
        let token = base64::engine::general_purpose::STANDARD.decode(out.stdout.trim()).ok()?;
        (!token.is_empty()).then(|| String::from_utf8(token).unwrap())
    });
    token_kubeconfig(lab, "sa", workspace, &token)
}

/// The generated roles are enough: the controller runs as its ServiceAccount with only
/// `tmc:controller-manager`, against a cluster registered with only `tmc:cluster-agent`, and
/// syncs a Deployment with a ConfigMap it refers to, its status summed back.
#[test]
fn the_controller_runs_with_only_its_generated_roles() {
    let _shared = using_clusters();
    let lab = Lab::get();
    let (provider, ws) = lab.fresh_install();
    let register = admin(
        lab,
        &ws,
        &[
            "cluster",
            "register",
            "pc1",
            "--location",
            "eu",
            "--labels",
            "name=pc1",
            "--create-service-account",
            "--cluster-kubeconfig",
            lab.var("PC1_KUBECONFIG"),
        ],
    );
    assert_exit(&register, 0);
    assert_exit(&lab.tmcctl(&["install", "--provider-workspace", &provider, "--bind", &ws, "--workload-apis"]), 0);
    assert_exit(&admin(lab, &ws, &["rbac", "setup", "--provider-workspace", &provider]), 0);
    assert_exit(
        &admin(lab, &ws, &["placement", "create", "web", "--strategy", "Spread", "--location-selector", "name=pc1"]),
        0,
    );
    let manifest = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web-settings, namespace: default}\ndata: {greeting: hello}\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: default}\nspec:\n  replicas: 2\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers:\n      - name: main\n        image: web:1\n        envFrom: [{configMapRef: {name: web-settings}}]\n";
    assert_exit(&lab.kubectl(&ws, &["apply", "-f", "-"], Some(manifest)), 0);

    let kubeconfig = service_account_kubeconfig(lab, &provider, "tmc-controller-manager");
    // Its binding reaches kcp's authorizer a moment after it is written: wait until the
    // ServiceAccount may read the export, as the controller's first request does.
    until_exit("the controller's binding to take effect", 0, || {
        let mut kubectl = std::process::Command::new(format!("{}/kubectl", lab.var("LAB_BIN")));
        kubectl.args(["--kubeconfig", &kubeconfig, "get", "apiexports.apis.kcp.io", "tmc.kcp.io"]);
        crate::harness::run_command(&mut kubectl)
    });
    // A scheduled backup of every bound workspace, which the ServiceAccount reads through the
    // export alone.
    let backups = crate::harness::scratch_dir().join(crate::harness::unique("sa-backups")).display().to_string();
    let schedule =
        |args: &[&str]| lab.tmcctl(&[&["backup", "schedule"][..], args, &["--provider-workspace", &provider]].concat());
    assert_exit(&schedule(&["create", "hourly", "--every", "1h", "--keep", "1", "--to", &backups]), 0);
    let controller = crate::harness::Controller::start_against(&kubeconfig, &provider, &["--probe-interval", "1s"]);
    crate::harness::eventually(
        "web 2/2 ready upstream, synced by the ServiceAccount",
        std::time::Duration::from_secs(90),
        || {
            let out = lab.kubectl(
                &ws,
                &["get", "deployment", "web", "-n", "default", "-o", "jsonpath={.status.readyReplicas}"],
                None,
            );
            (out.stdout.trim() == "2").then_some(())
        },
    );
    let (rows, _) = crate::harness::eventually("the scheduled backup", std::time::Duration::from_secs(30), || {
        let rows: Value = serde_json::from_str(&schedule(&["list", "-o", "json"]).stdout).ok()?;
        (rows[0]["lastBackup"].is_string() || rows[0]["lastError"].is_string()).then_some(rows)
    });
    assert!(rows[0]["lastError"].is_null(), "{rows}");
    let described =
        lab.tmcctl(&["backup", "describe", rows[0]["lastBackup"].as_str().unwrap(), "--from", &backups, "-o", "json"]);
    assert_exit(&described, 0);
    let manifest: Value = serde_json::from_str(&described.stdout).unwrap();
    assert_eq!(manifest["manifest"]["workspaces"], serde_json::json!([ws]), "{manifest}");
    assert!(described.stdout.contains("\"Deployment\""), "the workloads are not in it: {}", described.stdout);
    let log = controller.log_text();
    assert!(!log.to_lowercase().contains("forbidden"), "the generated roles fall short:\n{log}");
    let status = admin(
        lab,
        &ws,
        &["cluster", "list", "-o", "jsonpath={.items[0].status.conditions[?(@.type==\"Ready\")].status}"],
    );
    assert_eq!(status.stdout.trim(), "True", "{}", status.stdout);
}

/// Credentials from an exec plugin, as kubelogin (OIDC) and cloud CLIs give them.
#[test]
fn an_exec_credential_plugin_logs_in_and_no_token_is_ever_printed() {
    use std::os::unix::fs::PermissionsExt;
    let lab = Lab::get();
    let (_, ws) = set_up(lab);
    assert_exit(&admin(lab, &ws, &["rbac", "grant", "viewer", "--user", "alice"]), 0);
    let token = lab.var("KCP_TOKEN_ALICE");
    let plugin = write_file(
        "get-token",
        &format!(
            "#!/bin/sh\necho '{{\"apiVersion\": \"client.authentication.k8s.io/v1\", \"kind\": \"ExecCredential\", \"status\": {{\"token\": \"{token}\"}}}}'\n"
        ),
    );
    std::fs::set_permissions(&plugin, std::fs::Permissions::from_mode(0o755)).unwrap();
    let with_token = user_kubeconfig(lab, "alice");
    let text = std::fs::read_to_string(&with_token).unwrap().replace(
        &format!("user: {{token: {token}}}"),
        &format!("user: {{exec: {{apiVersion: client.authentication.k8s.io/v1, command: {plugin}, interactiveMode: Never}}}}"),
    );
    assert!(!text.contains(token));
    let exec_kubeconfig = write_file("exec-alice", &text);
    until_exit("alice's grant to take effect", 0, || as_user(lab, "alice", &ws, &["cluster", "list"]));
    let mut outputs = Vec::new();
    for args in [
        vec!["cluster", "list"],
        vec!["rbac", "list"],
        vec!["rbac", "check", "list", "clusterregistrations.tmc.kcp.io", "--as-me"],
    ] {
        let mut all = vec!["--kubeconfig", exec_kubeconfig.as_str(), "--workspace", ws.as_str(), "-vvv"];
        all.extend(args);
        outputs.push(tmcctl(&all));
    }
    assert_exit(&outputs[0], 0);
    assert_exit(&outputs[2], 0);
    // The admin's commands at the highest verbosity, around a least-privilege registration.
    let _shared = using_clusters();
    for args in [
        vec![
            "cluster",
            "register",
            "pc1",
            "--location",
            "eu",
            "--create-service-account",
            "--cluster-kubeconfig",
            lab.var("PC1_KUBECONFIG"),
            "-o",
            "yaml",
        ],
        vec!["cluster", "status", "pc1"],
        vec!["rbac", "check", "get", "secrets", "--as-me", "-o", "json"],
        vec!["rbac", "grant", "operator", "--group", "lab:team-a"],
        vec!["rbac", "list", "-o", "yaml"],
        vec!["rbac", "who-can", "get", "secrets"],
        vec!["rbac", "setup", "--dry-run", "-o", "yaml"],
        vec!["cluster", "list", "-o", "yaml"],
        vec!["cluster", "status", "pc1", "-o", "json"],
        vec!["placement", "create", "web", "--strategy", "Spread"],
        vec!["placement", "list", "-o", "yaml"],
        vec!["placement", "describe", "web"],
        vec!["placement", "explain", "web"],
        vec!["workload", "list", "-A"],
        vec!["controller", "run", "--once"],
        vec!["version"],
    ] {
        let mut all = vec!["--workspace", ws.as_str(), "-vvv"];
        all.extend(args);
        outputs.push(lab.tmcctl(&all));
    }
    let stored = stored_kubeconfig(lab, &ws, "pc1");
    let agent_token = stored
        .lines()
        .find_map(|l| l.trim().strip_prefix("token: "))
        .expect("a stored token")
        .trim_matches('"')
        .to_string();
    let admin_token = lab.var("KCP_ADMIN_TOKEN");
    for out in &outputs {
        for secret in [token, agent_token.as_str(), admin_token] {
            assert!(
                !out.stdout.contains(secret) && !out.stderr.contains(secret),
                "a credential leaked:\n{}\n{}",
                out.stdout,
                out.stderr
            );
        }
    }
    assert!(outputs.iter().map(|o| o.stderr.len()).sum::<usize>() > 1000, "-vvv logged nothing");
}

/// An HTTP CONNECT proxy on a free port, as squid or tinyproxy answer CONNECT: it reads the
/// request head, opens the named host:port and relays bytes both ways. Returns its port and a
/// count of the tunnels it opened.
fn connect_proxy() -> (u16, std::sync::Arc<std::sync::atomic::AtomicUsize>) {
    use std::io::{BufRead, BufReader, Write};
    use std::net::{TcpListener, TcpStream};
    use std::sync::atomic::{AtomicUsize, Ordering};
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let tunnels = std::sync::Arc::new(AtomicUsize::new(0));
    let counter = tunnels.clone();
    std::thread::spawn(move || {
        for client in listener.incoming().flatten() {
            let counter = counter.clone();
            std::thread::spawn(move || {
                let mut reader = BufReader::new(client.try_clone().unwrap());
                let mut first = String::new();
                reader.read_line(&mut first).unwrap();
                let mut line = String::new();
                while reader.read_line(&mut line).unwrap() > 2 {
                    line.clear();
                }
                let target = first.split_whitespace().nth(1).unwrap_or_default().to_string();
                let Ok(upstream) = TcpStream::connect(&target) else { return };
                counter.fetch_add(1, Ordering::SeqCst);
                let mut client = client;
                client.write_all(b"HTTP/1.1 200 Connection established\r\n\r\n").unwrap();
                let (mut up_read, mut up_write) = (upstream.try_clone().unwrap(), upstream);
                let mut client_write = client.try_clone().unwrap();
                std::thread::spawn(move || std::io::copy(&mut up_read, &mut client_write));
                let _ = std::io::copy(&mut reader, &mut up_write);
            });
        }
    });
    (port, tunnels)
}

/// `proxy-url` is honoured (as kubectl does), and an unreachable proxy is named.
#[test]
fn requests_go_through_the_kubeconfig_proxy_url() {
    let lab = Lab::get();
    let pc1 = std::fs::read_to_string(lab.var("PC1_KUBECONFIG")).unwrap();
    let server = pc1.lines().find(|l| l.trim_start().starts_with("server:")).unwrap();
    let through =
        |proxy: &str| write_file("proxied", &pc1.replace(server, &format!("    proxy-url: {proxy}\n{server}")));
    let (port, tunnels) = connect_proxy();
    let out = tmcctl(&["--kubeconfig", &through(&format!("http://127.0.0.1:{port}")), "version"]);
    assert_exit(&out, 0);
    assert!(out.stdout.contains("Server Version"), "{}", out.stdout);
    assert!(tunnels.load(std::sync::atomic::Ordering::SeqCst) >= 1, "no request went through the proxy");

    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let down = tmcctl(&["--kubeconfig", &through(&format!("http://user:hidden@127.0.0.1:{closed}")), "version"]);
    assert_exit(&down, 4);
    assert!(down.stderr.contains(&format!("through proxy http://127.0.0.1:{closed}")), "{}", down.stderr);
    assert!(!down.stderr.contains("hidden"), "the proxy password was printed: {}", down.stderr);
    let socks = tmcctl(&["--kubeconfig", &through("socks5://127.0.0.1:1080"), "version"]);
    assert_exit(&socks, 3);
    assert!(socks.stderr.contains("only http:// proxies"), "{}", socks.stderr);
}

/// A client certificate that expires within a week is warned about on every connection, and
/// `cluster status` shows a stored one's expiry.
#[test]
fn a_client_certificate_near_its_expiry_is_warned_about() {
    let lab = Lab::get();
    let pki = std::path::Path::new(lab.var("PC1_KUBECONFIG")).parent().unwrap().join("pki");
    let key = write_file("short.key", "");
    let csr = write_file("short.csr", "");
    let crt = write_file("short.crt", "");
    let openssl = |args: &[&str]| {
        let out = crate::harness::run_command(std::process::Command::new("openssl").args(args));
        assert_exit(&out, 0);
    };
    openssl(&[
        "req",
        "-new",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        &key,
        "-subj",
        "/CN=short-lived/O=system:masters",
        "-out",
        &csr,
    ]);
    let (ca_crt, ca_key) = (pki.join("ca.crt"), pki.join("ca.key"));
    // X.509 v3 (with extensions): rustls refuses v1 certificates.
    let extensions = write_file(
        "short.ext",
        "basicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=clientAuth\n",
    );
    openssl(&[
        "x509",
        "-extfile",
        &extensions,
        "-req",
        "-in",
        &csr,
        "-CA",
        ca_crt.to_str().unwrap(),
        "-CAkey",
        ca_key.to_str().unwrap(),
        "-days",
        "1",
        "-out",
        &crt,
    ]);
    let pc1 = std::fs::read_to_string(lab.var("PC1_KUBECONFIG")).unwrap();
    let cert_line = pc1.lines().find(|l| l.trim_start().starts_with("client-certificate:")).unwrap();
    let key_line = pc1.lines().find(|l| l.trim_start().starts_with("client-key:")).unwrap();
    let short = write_file(
        "short-kubeconfig",
        &pc1.replace(cert_line, &format!("    client-certificate: {crt}"))
            .replace(key_line, &format!("    client-key: {key}")),
    );
    let out = tmcctl(&["--kubeconfig", &short, "version"]);
    assert_exit(&out, 0);
    assert!(out.stderr.contains("client certificate of user") && out.stderr.contains("expires at"), "{}", out.stderr);
    let fresh = tmcctl(&["--kubeconfig", lab.var("PC1_KUBECONFIG"), "version"]);
    assert!(!fresh.stderr.contains("expires at"), "a certificate valid for long is warned about: {}", fresh.stderr);
}
