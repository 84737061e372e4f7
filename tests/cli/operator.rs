//! The operator's day-to-day: `kubectl tmc` through the lab's real kubectl, the config file
//! and its precedence.

use std::path::Path;
use std::process::Command;

use crate::harness::{assert_exit, run_command, scratch_dir, tmcctl_command, unique, write_file, Lab, Output};

/// A workspace with the TMC API bound and one registration named `cluster` in it.
fn workspace_with(lab: &Lab, cluster: &str) -> String {
    let (_, ws) = lab.fresh_install();
    let out = lab.tmcctl(&[
        "--workspace",
        &ws,
        "cluster",
        "register",
        cluster,
        "--cluster-kubeconfig",
        lab.var("PC1_KUBECONFIG"),
        "--location",
        "eu",
        "--skip-verify",
    ]);
    assert_exit(&out, 0);
    ws
}

/// The lab's kubectl with only `dir` added to PATH and `kubeconfig` as KUBECONFIG: what a user
/// of `kubectl tmc` has.
fn kubectl(lab: &Lab, dir: &Path, kubeconfig: &str, args: &[&str]) -> Output {
    let path = format!("{}:{}", dir.display(), std::env::var("PATH").unwrap_or_default());
    let mut command = Command::new(format!("{}/kubectl", lab.var("LAB_BIN")));
    command.env_clear().env("PATH", path).env("HOME", scratch_dir()).env("KUBECONFIG", kubeconfig).args(args);
    run_command(&mut command)
}

#[test]
fn kubectl_runs_the_plugin_with_its_context_and_follows_a_workspace_switch() {
    let lab = Lab::get();
    let team = workspace_with(lab, "alpha");
    let other = workspace_with(lab, "beta");
    let dir = scratch_dir().join(unique("plugins"));
    std::fs::create_dir_all(&dir).unwrap();
    let dir_text = dir.display().to_string();
    let install = run_command(tmcctl_command().args(["plugin", "install", "--dir", &dir_text]));
    assert_exit(&install, 0);
    assert!(dir.join("kubectl-tmc").exists() && dir.join("kubectl_complete-tmc").exists(), "{}", install.stderr);
    let again = run_command(tmcctl_command().args(["plugin", "install", "--dir", &dir_text]));
    assert!(again.code == 0 && again.stderr.contains("already links"), "{}", again.stderr);

    // The kubeconfig as `kubectl ws <team>` leaves it: the current context's server URL ends
    // in /clusters/<team>; another context points at the other workspace.
    let kubeconfig = write_file("plugin.kubeconfig", &std::fs::read_to_string(lab.kcp_kubeconfig()).unwrap());
    let url = |ws: &str| format!("--server={}/clusters/{ws}", lab.kcp_url());
    for args in [
        vec!["config", "set-cluster", "root", url(&team).as_str()],
        vec!["config", "set-cluster", "elsewhere", url(&other).as_str()],
        vec!["config", "set-context", "elsewhere", "--cluster=elsewhere", "--user=kcp-admin"],
    ] {
        assert_exit(&kubectl(lab, &dir, &kubeconfig, &args), 0);
    }
    // The new cluster entry trusts kcp's CA, as the copied ones do.
    let jsonpath = "jsonpath={.clusters[?(@.name==\"root\")].cluster.certificate-authority-data}";
    let ca = kubectl(lab, &dir, &kubeconfig, &["config", "view", "--raw", "-o", jsonpath]);
    let args = ["config", "set", "clusters.elsewhere.certificate-authority-data", ca.stdout.trim()];
    assert_exit(&kubectl(lab, &dir, &kubeconfig, &args), 0);

    let listed = kubectl(lab, &dir, &kubeconfig, &["tmc", "cluster", "list"]);
    assert_exit(&listed, 0);
    assert!(listed.stdout.contains("alpha") && !listed.stdout.contains("beta"), "{}", listed.stdout);
    let listed = kubectl(lab, &dir, &kubeconfig, &["tmc", "--context", "elsewhere", "cluster", "list"]);
    assert_exit(&listed, 0);
    assert!(listed.stdout.contains("beta") && !listed.stdout.contains("alpha"), "{}", listed.stdout);

    // `kubectl ws <other>`: the current context's server URL rewritten; `kubectl tmc` follows.
    assert_exit(&kubectl(lab, &dir, &kubeconfig, &["config", "set-cluster", "root", url(&other).as_str()]), 0);
    let listed = kubectl(lab, &dir, &kubeconfig, &["tmc", "cluster", "list"]);
    assert!(listed.code == 0 && listed.stdout.contains("beta"), "{}{}", listed.stdout, listed.stderr);

    // Help and errors speak of `kubectl tmc`; kubectl completes the plugin's words.
    let help = kubectl(lab, &dir, &kubeconfig, &["tmc", "--help"]);
    assert!(help.stdout.contains("Usage: kubectl tmc"), "{}", help.stdout);
    let wrong = kubectl(lab, &dir, &kubeconfig, &["tmc", "cluster", "lst"]);
    assert!(wrong.code != 0 && wrong.stderr.contains("kubectl tmc cluster"), "{}", wrong.stderr);
    let completed = kubectl(lab, &dir, &kubeconfig, &["__complete", "tmc", "cluster", "li"]);
    assert!(completed.stdout.lines().any(|l| l.starts_with("list")), "{}{}", completed.stdout, completed.stderr);
}

#[test]
fn a_flag_beats_the_environment_which_beats_the_config_file() {
    let lab = Lab::get();
    let from_file = workspace_with(lab, "from-file");
    let from_env = workspace_with(lab, "from-env");
    let from_flag = workspace_with(lab, "from-flag");
    let config = write_file("config.yaml", &format!("workspace: {from_file}\nrequestTimeout: 20s\noutput: wide\n"));
    let run = |env: Option<&str>, args: &[&str]| {
        let mut command = tmcctl_command();
        command.env("TMCCTL_CONFIG", &config).arg("--kubeconfig").arg(lab.kcp_kubeconfig());
        if let Some(ws) = env {
            command.env("TMCCTL_WORKSPACE", ws);
        }
        run_command(command.args(args))
    };
    let names = |out: &Output| {
        assert_exit(out, 0);
        out.stdout.lines().skip(1).filter_map(|l| l.split_whitespace().next()).map(String::from).collect::<Vec<_>>()
    };
    assert_eq!(names(&run(None, &["cluster", "list"])), ["from-file"]);
    assert_eq!(names(&run(Some(&from_env), &["cluster", "list"])), ["from-env"]);
    assert_eq!(names(&run(Some(&from_env), &["cluster", "list", "--workspace", &from_flag])), ["from-flag"]);
    // `output: wide` from the file shows wide columns; -o on the line beats it.
    let wide = run(None, &["cluster", "list"]);
    let plain = run(None, &["cluster", "list", "-o", "table"]);
    assert!(wide.stdout.lines().next().unwrap().len() > plain.stdout.lines().next().unwrap().len(), "{}", wide.stdout);

    let view = run(Some(&from_env), &["config", "view", "-o", "json"]);
    assert_exit(&view, 0);
    let rows: Vec<serde_json::Value> = serde_json::from_str(&view.stdout).unwrap();
    let row = |key: &str| rows.iter().find(|r| r["key"] == key).cloned().unwrap_or_else(|| panic!("{key}"));
    assert_eq!(row("workspace")["source"], "environment");
    assert_eq!(row("workspace")["from"], "TMCCTL_WORKSPACE");
    assert_eq!(row("requestTimeout")["source"], "configFile");
    assert_eq!(row("requestTimeout")["value"], "20s");
    assert_eq!(row("kubeconfig")["source"], "flag");
    assert_eq!(row("controller.probeInterval")["source"], "default");

    // KUBECONFIG, read by the client rather than by the flag parser, still beats the file.
    let missing = scratch_dir().join("no-such.kubeconfig").display().to_string();
    let config = write_file("kubeconfig.yaml", &format!("kubeconfig: {missing}\nworkspace: {from_file}\n"));
    let with_env = run_command(
        tmcctl_command()
            .env("TMCCTL_CONFIG", &config)
            .env("KUBECONFIG", lab.kcp_kubeconfig())
            .args(["cluster", "list"]),
    );
    assert_eq!(names(&with_env), ["from-file"]);
    let without = run_command(tmcctl_command().env("TMCCTL_CONFIG", &config).args(["cluster", "list"]));
    assert!(without.code == 3 && without.stderr.contains(&missing), "{}", without.stderr);
}

#[test]
fn a_config_file_with_an_unknown_key_or_a_bad_value_stops_every_command() {
    let typo = write_file("typo.yaml", "workspace: root:a\nrequest-timeout: 20s\n");
    let out = run_command(tmcctl_command().env("TMCCTL_CONFIG", &typo).args(["version", "--client"]));
    assert_exit(&out, 3);
    assert!(out.stderr.contains(&typo) && out.stderr.contains("unknown key \"request-timeout\""), "{}", out.stderr);
    assert!(out.stderr.contains("did you mean \"requestTimeout\""), "{}", out.stderr);
    assert!(out.stdout.is_empty());
    let bad = write_file("bad.yaml", "controller:\n  probeInterval: 10\n");
    let out = run_command(tmcctl_command().env("TMCCTL_CONFIG", &bad).args(["version", "--client"]));
    assert_exit(&out, 3);
    assert!(
        out.stderr.contains("controller.probeInterval") && out.stderr.contains("--probe-interval"),
        "{}",
        out.stderr
    );
    let missing = scratch_dir().join("no-such-config.yaml").display().to_string();
    let out = run_command(tmcctl_command().env("TMCCTL_CONFIG", &missing).args(["version", "--client"]));
    assert!(out.code == 3 && out.stderr.contains("does not exist"), "{}", out.stderr);
    // No file at the default place is no error.
    assert_exit(&run_command(tmcctl_command().args(["version", "--client"])), 0);
}

/// The ```sh blocks of a guide page, in order.
fn shell_blocks(markdown: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for line in markdown.lines() {
        match (&mut current, line.trim_end()) {
            (None, "```sh") => current = Some(String::new()),
            (Some(block), "```") => {
                blocks.push(std::mem::take(block));
                current = None;
            }
            (Some(block), text) => {
                block.push_str(text);
                block.push('\n');
            }
            (None, _) => {}
        }
    }
    blocks
}

#[test]
fn the_quick_start_runs_end_to_end() {
    let lab = Lab::get();
    let _shared = crate::harness::using_clusters();
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let page = std::fs::read_to_string(repo.join("docs/src/quick-start.md")).unwrap();
    let blocks = shell_blocks(&page);
    assert!(blocks.len() >= 8, "the quick start lost its commands: {blocks:?}");
    // The page's names, made unique so that runs against one lab do not meet; nothing else
    // is changed.
    let team = format!("root:{}", unique("qs-team"));
    let provider = format!("root:{}", unique("qs-tmc"));
    let port = crate::harness::free_port().to_string();
    let script =
        blocks.concat().replace("root:team-a", &team).replace("root:tmc-quickstart", &provider).replace("18190", &port);
    let dir = scratch_dir().join(unique("quick-start"));
    std::fs::create_dir_all(&dir).unwrap();
    std::os::unix::fs::symlink(repo.join("lab"), dir.join("lab")).unwrap();
    let binary_dir = Path::new(env!("CARGO_BIN_EXE_tmcctl")).parent().unwrap().display().to_string();
    // Bounded: a controller that died would leave the page's readiness loop waiting forever.
    let mut command = Command::new("timeout");
    command
        .arg("600")
        .arg("bash")
        .current_dir(&dir)
        .env("PATH", format!("{binary_dir}:{}", std::env::var("PATH").unwrap_or_default()))
        .env("TMCCTL_LAB_STATE", lab.var("LAB_STATE"))
        .env("XDG_CONFIG_HOME", &dir)
        .env_remove("KUBECONFIG")
        .env_remove("TMCCTL_WORKSPACE")
        .args(["-euo", "pipefail", "-c", &format!("trap 'kill $(jobs -p) 2>/dev/null || true' EXIT\n{script}")]);
    for proxy in ["HTTPS_PROXY", "https_proxy", "NO_PROXY", "no_proxy"] {
        command.env_remove(proxy);
    }
    let out = run_command(&mut command);
    let log = std::fs::read_to_string(dir.join("controller.log")).unwrap_or_default();
    assert_eq!(
        out.code, 0,
        "the quick start failed\nstdout:\n{}\nstderr:\n{}\ncontroller:\n{log}",
        out.stdout, out.stderr
    );
    // What the page promises the reader sees.
    assert!(out.stdout.contains("pc1") && out.stdout.contains("pc2"), "{}", out.stdout);
    assert!(out.stdout.contains("2 of 2 Ready"), "status: {}", out.stdout);
    assert!(!out.stdout.contains("FAIL"), "doctor: {}", out.stdout);
}

/// tmcctl on a pseudo-terminal (util-linux `script`), answered prompt by prompt as a person
/// would: each answer is typed only once its question is on the screen.
struct Terminal {
    child: std::process::Child,
    stdin: std::process::ChildStdin,
    screen: std::sync::Arc<std::sync::Mutex<String>>,
    reader: std::thread::JoinHandle<()>,
    /// How much of the screen earlier questions took: a question is looked for after it.
    answered: usize,
}

impl Terminal {
    fn start(lab: &Lab, args: &[&str]) -> Terminal {
        let binary = env!("CARGO_BIN_EXE_tmcctl");
        let mut line = format!("{binary} --kubeconfig {}", lab.kcp_kubeconfig());
        for arg in args {
            line.push_str(&format!(" '{arg}'"));
        }
        // The harness's isolation, removals included, for the program under the terminal.
        let isolated = tmcctl_command();
        let mut script = Command::new("script");
        for (key, value) in isolated.get_envs() {
            match value {
                Some(value) => script.env(key, value),
                None => script.env_remove(key),
            };
        }
        let mut child = script
            .args(["-qfec", &line, "/dev/null"])
            .env("TERM", "xterm")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("util-linux script");
        let stdin = child.stdin.take().unwrap();
        let mut stdout = child.stdout.take().unwrap();
        let screen = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
        let sink = screen.clone();
        let reader = std::thread::spawn(move || {
            let mut buffer = [0u8; 4096];
            while let Ok(n) = std::io::Read::read(&mut stdout, &mut buffer) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().push_str(&String::from_utf8_lossy(&buffer[..n]));
            }
        });
        Terminal { child, stdin, screen, reader, answered: 0 }
    }

    /// Waits until `question` is on the screen after the previous answer, then types `keys`.
    fn answer(&mut self, question: &str, keys: &str) {
        let from = self.answered;
        let (end, _) = crate::harness::eventually(
            &format!("the question \"{question}\""),
            std::time::Duration::from_secs(30),
            || {
                let screen = self.screen.lock().unwrap();
                screen.get(from..).and_then(|rest| rest.find(question)).map(|at| from + at + question.len())
            },
        );
        self.answered = end;
        // The question is drawn just before the terminal is switched to read keys; keys typed
        // in between would be read as a line. A person takes longer than this to answer.
        std::thread::sleep(std::time::Duration::from_millis(300));
        std::io::Write::write_all(&mut self.stdin, keys.as_bytes()).unwrap();
        std::io::Write::flush(&mut self.stdin).unwrap();
    }

    /// Waits for the end; (exit code, everything the screen showed).
    fn finish(mut self) -> (i32, String) {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
        let code = loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                break status.code().unwrap_or(-1);
            }
            assert!(std::time::Instant::now() < deadline, "still running: {}", self.screen.lock().unwrap());
            std::thread::sleep(std::time::Duration::from_millis(100));
        };
        // The terminal closes with the program: the reader sees its end and stops.
        drop(self.stdin);
        let _ = self.reader.join();
        let screen = self.screen.lock().unwrap().clone();
        (code, screen)
    }
}

#[test]
fn on_a_terminal_register_asks_for_what_is_missing_and_placement_create_shows_the_decision_first() {
    let lab = Lab::get();
    let _shared = crate::harness::using_clusters();
    let (_, ws) = lab.fresh_install();
    // A kubeconfig with both clusters' contexts: the prompt offers them.
    let merged = run_command(
        Command::new(format!("{}/kubectl", lab.var("LAB_BIN")))
            .env("KUBECONFIG", format!("{}:{}", lab.var("PC1_KUBECONFIG"), lab.var("PC2_KUBECONFIG")))
            .args(["config", "view", "--flatten"]),
    );
    assert_exit(&merged, 0);
    let kubeconfig = write_file("both.kubeconfig", &merged.stdout);

    // Without a terminal nothing is asked: the missing values are named.
    let scripted = lab.tmcctl(&["--workspace", &ws, "cluster", "register", "pc2"]);
    assert_exit(&scripted, 2);
    assert!(scripted.stderr.contains("--cluster-kubeconfig, --location"), "{}", scripted.stderr);

    let mut terminal = Terminal::start(lab, &["--workspace", &ws, "cluster", "register"]);
    terminal.answer("Cluster name", "pc2\r");
    terminal.answer("Kubeconfig of the cluster", &format!("{kubeconfig}\r"));
    // kwok-pc1 is current and first; one step down is kwok-pc2.
    terminal.answer("kwok-pc2", "j\r");
    terminal.answer("Location", "us-east\r");
    terminal.answer("Labels for placements", "env=prod\r");
    terminal.answer("Capabilities", "\r");
    terminal.answer("Register cluster \"pc2\" in us-east", "y");
    let (code, screen) = terminal.finish();
    assert_eq!(code, 0, "{screen}");
    let stored = lab.tmcctl(&["--workspace", &ws, "cluster", "status", "pc2", "-o", "json"]);
    assert_exit(&stored, 0);
    let object: serde_json::Value = serde_json::from_str(&stored.stdout).unwrap();
    assert_eq!(object["spec"]["location"], "us-east");
    assert_eq!(object["metadata"]["labels"]["env"], "prod");
    assert!(screen.contains("registered (Kubernetes"), "{screen}");
    assert!(screen.contains("(kwok-pc2)?"), "the second context offered was not the one used: {screen}");

    // placement create without --strategy: the strategies are offered, the decision shown.
    let mut terminal =
        Terminal::start(lab, &["--workspace", &ws, "placement", "create", "web", "--location-selector", "env=prod"]);
    terminal.answer("Strategy", "j\r");
    terminal.answer("Save placement \"web\"?", "y");
    let (code, screen) = terminal.finish();
    assert_eq!(code, 0, "{screen}");
    assert!(screen.contains("Decision:") && screen.contains("pc2"), "the decision was not shown: {screen}");
    let saved = lab.tmcctl(&["--workspace", &ws, "placement", "describe", "web", "-o", "json"]);
    let object: serde_json::Value = serde_json::from_str(&saved.stdout).unwrap();
    assert_eq!(object["spec"]["strategy"], "Spread", "the second strategy offered");

    // Declining saves nothing.
    let mut terminal =
        Terminal::start(lab, &["--workspace", &ws, "placement", "create", "api", "--strategy", "Spread"]);
    terminal.answer("Save placement \"api\"?", "n");
    let (code, screen) = terminal.finish();
    assert_eq!(code, 7, "{screen}");
    assert_exit(&lab.tmcctl(&["--workspace", &ws, "placement", "describe", "api"]), 6);
}
