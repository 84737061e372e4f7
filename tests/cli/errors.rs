//! Bad input and broken connections: each gives a clear message on stderr, nothing on stdout,
//! and its own documented exit code (see README.md).

use std::net::TcpListener;
use std::process::Stdio;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::harness::{assert_exit, tmcctl, write_file, Lab};

/// A kubeconfig for `server` with a token user. It keeps certificate verification on: no test
/// here gets as far as a finished TLS handshake.
fn kubeconfig_for(server: &str, context: &str) -> String {
    kubeconfig_with_user(server, context, "    token: abc\n")
}

/// Like [`kubeconfig_for`], with `user` (YAML indented under `user:`) as the credentials.
fn kubeconfig_with_user(server: &str, context: &str, user: &str) -> String {
    let text = format!(
        "apiVersion: v1\nkind: Config\ncurrent-context: {context}\nclusters:\n- name: c\n  cluster:\n    server: {server}\ncontexts:\n- name: {context}\n  context:\n    cluster: c\n    user: u\nusers:\n- name: u\n  user:\n{user}"
    );
    write_file("kubeconfig", &text)
}

/// A port nothing listens on (bound, then released).
fn closed_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// A kubeconfig whose user gets credentials from the exec plugin `command`.
fn kubeconfig_with_exec(command: &str) -> String {
    let user = format!(
        "    exec:\n      apiVersion: client.authentication.k8s.io/v1beta1\n      command: {command}\n      args: [get-token, --cluster=Prod]\n"
    );
    kubeconfig_with_user(&format!("https://127.0.0.1:{}", closed_port()), "exec-ctx", &user)
}

#[test]
fn malformed_kubeconfig_is_a_config_error_naming_the_file() {
    let path = write_file("broken-kubeconfig", "clusters: [this is: not yaml");
    let out = tmcctl(&["--kubeconfig", &path, "cluster", "list"]);
    assert_exit(&out, 3);
    assert!(out.stderr.contains(&path), "{}", out.stderr);
    assert!(out.stdout.is_empty());
}

#[test]
fn missing_kubeconfig_is_a_config_error() {
    let out = tmcctl(&["--kubeconfig", "/nonexistent/kubeconfig", "cluster", "list"]);
    assert_exit(&out, 3);
    assert!(out.stderr.contains("/nonexistent/kubeconfig"), "{}", out.stderr);
}

#[test]
fn unknown_context_suggests_the_nearest_one() {
    let path = kubeconfig_for("https://127.0.0.1:1", "prod-eu");
    let out = tmcctl(&["--kubeconfig", &path, "--context", "prod-ue", "cluster", "list"]);
    assert_exit(&out, 3);
    assert!(out.stderr.contains("context \"prod-ue\" not found"), "{}", out.stderr);
    assert!(out.stderr.contains("did you mean context \"prod-eu\"?"), "{}", out.stderr);
}

#[test]
fn unreachable_server_is_unavailable() {
    let port = closed_port();
    let path = kubeconfig_for(&format!("https://127.0.0.1:{port}"), "lab");
    let out = tmcctl(&["--kubeconfig", &path, "cluster", "list"]);
    assert_exit(&out, 4);
    assert!(out.stderr.contains(&format!("cannot reach https://127.0.0.1:{port}")), "{}", out.stderr);
    // The cause exactly as the operating system worded it.
    assert!(out.stderr.contains("Connection refused"), "{}", out.stderr);
    assert!(out.stderr.contains("context \"lab\""), "{}", out.stderr);
}

/// A server that accepts connections and holds them open without a word. Returns its port and
/// a receiver that gets one message per accepted connection.
fn silent_server() -> (u16, mpsc::Receiver<()>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let (accepted, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        let mut held = Vec::new();
        for stream in listener.incoming().take(8) {
            held.push(stream);
            let _ = accepted.send(());
        }
    });
    (port, receiver)
}

#[test]
fn server_that_never_answers_times_out() {
    let (port, _accepted) = silent_server();
    let path = kubeconfig_for(&format!("https://127.0.0.1:{port}"), "silent");
    let out = tmcctl(&["--kubeconfig", &path, "--request-timeout", "1s", "cluster", "list"]);
    assert_exit(&out, 4);
    assert!(out.stderr.contains("timed out after 1s"), "{}", out.stderr);
}

#[test]
fn ctrl_c_while_a_request_hangs_exits_at_once_with_130() {
    let (port, accepted) = silent_server();
    let path = kubeconfig_for(&format!("https://127.0.0.1:{port}"), "silent");
    // The default --request-timeout (30s): only the signal can end this early.
    let mut child = crate::harness::tmcctl_command()
        .args(["--kubeconfig", &path, "cluster", "list"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    accepted.recv_timeout(Duration::from_secs(10)).expect("tmcctl never connected");
    std::thread::sleep(Duration::from_millis(300));
    let sent = Instant::now();
    let kill = std::process::Command::new("kill").args(["-INT", &child.id().to_string()]).status().unwrap();
    assert!(kill.success());
    while child.try_wait().unwrap().is_none() && sent.elapsed() < Duration::from_secs(5) {
        std::thread::sleep(Duration::from_millis(2));
    }
    let latency = sent.elapsed();
    if child.try_wait().unwrap().is_none() {
        let _ = child.kill();
    }
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    // The figure to quote (seen with --nocapture); the bound below is generous on purpose.
    #[allow(clippy::print_stderr)]
    {
        eprintln!("exited {latency:?} after SIGINT");
    }
    assert_eq!(out.status.code(), Some(130), "{stderr}");
    assert!(latency < Duration::from_secs(1), "took {latency:?} to exit after SIGINT");
    assert!(stderr.contains("interrupted"), "{stderr}");
    assert!(out.stdout.is_empty());
}

#[test]
fn failing_exec_plugin_is_a_credentials_error_with_its_stderr_redacted() {
    use std::os::unix::fs::PermissionsExt;
    let script = write_file(
        "Auth-Plugin.sh",
        "#!/bin/sh\necho 'Login failed for User Alice: token=SECRET123abc expired' >&2\n\
         echo 'retry with Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhIn0.c2lnbmF0dXJl' >&2\nexit 3\n",
    );
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    let out = tmcctl(&["--kubeconfig", &kubeconfig_with_exec(&script), "cluster", "list"]);
    assert_exit(&out, 5);
    assert!(out.stderr.contains(&format!("exec credential plugin {script}")), "{}", out.stderr);
    assert!(out.stderr.contains("context \"exec-ctx\""), "{}", out.stderr);
    assert!(out.stderr.contains("exited with status 3"), "{}", out.stderr);
    // Its stderr is shown, with its case kept and anything token-like hidden.
    assert!(out.stderr.contains("Login failed for User Alice"), "{}", out.stderr);
    for secret in ["SECRET123abc", "eyJ", "c2lnbmF0dXJl"] {
        assert!(!out.stderr.contains(secret), "{secret} leaked: {}", out.stderr);
    }
    assert!(!out.stderr.contains("cannot reach"), "{}", out.stderr);
    assert!(
        out.stderr.contains(&format!("run the plugin by hand: {script} get-token --cluster=Prod")),
        "{}",
        out.stderr
    );
}

#[test]
fn missing_exec_plugin_is_a_config_error_naming_it() {
    let out = tmcctl(&["--kubeconfig", &kubeconfig_with_exec("/nonexistent/Plugin"), "cluster", "list"]);
    assert_exit(&out, 3);
    assert!(out.stderr.contains("exec credential plugin /nonexistent/Plugin"), "{}", out.stderr);
    assert!(out.stderr.contains("was not found"), "{}", out.stderr);
    assert!(!out.stderr.contains("cannot reach"), "{}", out.stderr);
}

#[test]
fn input_file_over_the_size_limit_is_refused_unread() {
    let big = write_file("big.yaml", "");
    // Sparse: 17 MiB on paper, nothing on disk, and nothing to parse if it were read.
    std::fs::OpenOptions::new().write(true).open(&big).unwrap().set_len(17 * 1024 * 1024).unwrap();
    let placement = write_file(
        "placement.yaml",
        "apiVersion: tmc.kcp.io/v1alpha1\nkind: WorkloadPlacement\nmetadata: {name: p}\nspec: {strategy: Spread}\n",
    );
    for args in [
        ["placement", "simulate", "-f", &big, "--clusters-from", "/nonexistent"],
        ["placement", "simulate", "-f", &placement, "--clusters-from", &big],
    ] {
        let started = Instant::now();
        let out = tmcctl(&args);
        assert_exit(&out, 2);
        assert!(
            out.stderr.contains(&format!("{big} is 17.0 MiB (17825792 bytes), more than the 16.0 MiB")),
            "{}",
            out.stderr
        );
        assert!(started.elapsed() < Duration::from_secs(2), "took {:?}", started.elapsed());
    }
}

#[test]
fn malformed_input_file_names_file_line_and_column_in_words() {
    let syntax = write_file(
        "placement.yaml",
        "apiVersion: tmc.kcp.io/v1alpha1\nmetadata: {name: x\nspec:\n  strategy: Spread\n",
    );
    let wrong_type = write_file(
        "placement.yaml",
        "apiVersion: tmc.kcp.io/v1alpha1\nkind: WorkloadPlacement\nmetadata: {name: x}\nspec:\n  - strategy: Spread\n",
    );
    let cases = [(&syntax, ":3:5: "), (&wrong_type, ":5:3: expected a mapping for spec, found a list")];
    for (file, expected) in cases {
        let out = tmcctl(&["placement", "simulate", "-f", file, "--clusters-from", "/nonexistent"]);
        assert_exit(&out, 2);
        assert!(out.stderr.contains(&format!("{file}{expected}")), "{}", out.stderr);
        for dump in ["Error(", "Location {", "Marker", "-->", "\\n"] {
            assert!(!out.stderr.contains(dump), "{dump}: {}", out.stderr);
        }
    }
}

#[test]
fn malformed_flag_values_are_usage_errors_naming_the_token() {
    let cases: [(&[&str], &str); 6] = [
        (&["cluster", "list", "-l", "env in (prod"], "position 12: expected ',' or ')'"),
        (&["cluster", "list", "-l", "=x"], "position 0"),
        (&["--workspace", "root:Team", "cluster", "list"], "\"Team\""),
        (&["--request-timeout", "30", "cluster", "list"], "\"30\""),
        (&["cluster", "list", "-o", "jsn"], "\"jsn\""),
        (&["cluster", "list", "-o", "jsonpath={.items"], "unclosed"),
    ];
    for (args, token) in cases {
        let out = tmcctl(args);
        assert_exit(&out, 2);
        assert!(out.stderr.contains(token), "{args:?}: {}", out.stderr);
    }
}

#[test]
fn version_without_a_server_prints_the_client_version() {
    let out = tmcctl(&["version", "--client"]);
    assert_exit(&out, 0);
    assert_eq!(out.stdout, format!("Client Version: {}\n", env!("CARGO_PKG_VERSION")));
}

#[test]
fn workspace_that_does_not_exist_is_not_found() {
    let lab = Lab::get();
    let out = lab.tmcctl(&["--workspace", "root:no-such-workspace-here", "cluster", "list"]);
    assert_exit(&out, 6);
    assert!(out.stderr.contains("workspace root:no-such-workspace-here does not exist"), "{}", out.stderr);
}

#[test]
fn untrusted_certificate_is_a_tls_error() {
    let lab = Lab::get();
    // The lab's kcp with a token but without its CA: verification must fail, never fall back.
    let text = format!(
        "apiVersion: v1\nkind: Config\ncurrent-context: no-ca\nclusters:\n- name: c\n  cluster:\n    server: {}/clusters/root\ncontexts:\n- name: no-ca\n  context:\n    cluster: c\n    user: u\nusers:\n- name: u\n  user:\n    token: abc\n",
        lab.kcp_url()
    );
    let path = write_file("no-ca-kubeconfig", &text);
    let out = crate::harness::tmcctl(&["--kubeconfig", &path, "cluster", "list"]);
    assert_exit(&out, 5);
    assert!(out.stderr.contains("TLS:"), "{}", out.stderr);
    assert!(out.stderr.contains("context \"no-ca\""), "{}", out.stderr);
    assert!(out.stderr.contains("certificate-authority"), "{}", out.stderr);
}

#[test]
fn closed_stdout_is_a_quiet_normal_exit() {
    let mut child = crate::harness::tmcctl_command()
        .args(["completion", "bash"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Close the reading end at once, as `| head -c0` would.
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
}
