//! Running the real binary, and reaching the lab. The lab's env file (written by
//! `lab/lab up`) says where kcp and the kwok clusters are; a missing lab fails the test
//! with instructions rather than skipping it, so a green run always means a tested run.

use std::collections::HashMap;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::OnceLock;

/// What a process did.
#[derive(Debug)]
pub struct Output {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs any command to completion with no stdin.
pub fn run_command(command: &mut Command) -> Output {
    let taken = std::mem::replace(command, Command::new("true"));
    run(taken, None)
}

fn run(mut command: Command, stdin: Option<&str>) -> Output {
    command.stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() });
    command.stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = command.spawn().expect("spawn");
    if let Some(input) = stdin {
        child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    }
    let out = child.wait_with_output().expect("wait");
    Output {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// The binary, isolated from the developer's own kubeconfig and workspace settings.
pub fn tmcctl_command() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_tmcctl"));
    command.env_remove("KUBECONFIG").env_remove("TMCCTL_WORKSPACE").env("HOME", scratch_dir()).env("NO_COLOR", "1");
    // No config file but a test's own: the developer's settings must not reach a test.
    for key in ["TMCCTL_CONFIG", "TMCCTL_OUTPUT", "TMCCTL_REQUEST_TIMEOUT"] {
        command.env_remove(key);
    }
    command.env("XDG_CONFIG_HOME", scratch_dir().join("config"));
    // A proxy of the machine's environment must not carry the lab's loopback traffic.
    for proxy in ["HTTPS_PROXY", "https_proxy", "NO_PROXY", "no_proxy"] {
        command.env_remove(proxy);
    }
    // Nor may the machine's S3 or OpenTelemetry settings reach a store or a receiver (tests
    // that use one set the lab's).
    for (key, _) in std::env::vars().filter(|(k, _)| k.starts_with("AWS_") || k.starts_with("OTEL_")) {
        command.env_remove(key);
    }
    command
}

/// Runs tmcctl with `args` and no kubeconfig beyond what the args give.
pub fn tmcctl(args: &[&str]) -> Output {
    let mut command = tmcctl_command();
    command.args(args);
    run(command, None)
}

/// A directory for files a test writes (kubeconfigs, manifests).
pub fn scratch_dir() -> PathBuf {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| tempfile::tempdir().expect("temp dir")).path().to_path_buf()
}

/// Writes `content` to a fresh file in the scratch directory and returns its path.
pub fn write_file(name: &str, content: &str) -> String {
    let path = scratch_dir().join(format!("{}-{name}", unique("f")));
    std::fs::write(&path, content).unwrap();
    path.display().to_string()
}

/// A name no other test (or earlier run against the same lab) uses.
pub fn unique(prefix: &str) -> String {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().subsec_nanos();
    format!("{prefix}-{}-{n}-{:x}", std::process::id() % 100_000, nanos % 0xfffff)
}

/// The running lab, as described by its env file.
pub struct Lab {
    vars: HashMap<String, String>,
}

impl Lab {
    /// The lab; panics with instructions when it is not up.
    pub fn get() -> &'static Lab {
        static LAB: OnceLock<Lab> = OnceLock::new();
        LAB.get_or_init(|| {
            let path = std::env::var("TMCCTL_LAB_ENV").map(PathBuf::from).unwrap_or_else(|_| {
                let state = std::env::var("TMCCTL_LAB_STATE").map(PathBuf::from).unwrap_or_else(|_| {
                    PathBuf::from(std::env::var("HOME").unwrap()).join(".local/state/tmcctl-lab")
                });
                state.join("lab.env")
            });
            let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
                panic!("the lab is not up ({}: {e}); start it with `lab/lab up`, or run the whole suite with `bash scripts/test.sh`", path.display())
            });
            let vars = text
                .lines()
                .filter_map(|l| l.split_once('='))
                .map(|(k, v)| (k.trim().to_string(), v.trim().trim_matches('"').to_string()))
                .collect();
            Lab { vars }
        })
    }

    /// One value from the env file.
    pub fn var(&self, key: &str) -> &str {
        self.vars.get(key).unwrap_or_else(|| panic!("lab env file lacks {key}"))
    }

    /// kcp's admin kubeconfig.
    pub fn kcp_kubeconfig(&self) -> &str {
        self.var("KCP_KUBECONFIG")
    }

    /// kcp's base URL (no `/clusters/…`).
    pub fn kcp_url(&self) -> &str {
        self.var("KCP_URL")
    }

    /// Runs tmcctl against kcp with `args`.
    pub fn tmcctl(&self, args: &[&str]) -> Output {
        let mut command = tmcctl_command();
        command.arg("--kubeconfig").arg(self.kcp_kubeconfig()).args(args);
        run(command, None)
    }

    /// Runs tmcctl against kcp with `args`, with the lab's S3 store in the environment
    /// (`AWS_ENDPOINT_URL`, keys, region) as a user would set it.
    pub fn tmcctl_with_s3(&self, args: &[&str]) -> Output {
        let mut command = tmcctl_command();
        for key in ["AWS_ENDPOINT_URL", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_REGION"] {
            command.env(key, self.var(key));
        }
        command.arg("--kubeconfig").arg(self.kcp_kubeconfig()).args(args);
        run(command, None)
    }

    /// Runs the lab's kubectl (a real, independent client) against kcp's `workspace`.
    pub fn kubectl(&self, workspace: &str, args: &[&str], stdin: Option<&str>) -> Output {
        let mut command = Command::new(PathBuf::from(self.var("LAB_BIN")).join("kubectl"));
        command
            .arg("--kubeconfig")
            .arg(self.kcp_kubeconfig())
            .arg("--server")
            .arg(format!("{}/clusters/{workspace}", self.kcp_url()))
            .args(args);
        run(command, stdin)
    }

    /// Installs the TMC API into a fresh provider workspace and binds it in a fresh consumer
    /// workspace; returns (provider, consumer).
    pub fn fresh_install(&self) -> (String, String) {
        let provider = format!("root:{}", unique("p"));
        let consumer = format!("root:{}", unique("c"));
        let out =
            self.tmcctl(&["install", "--provider-workspace", &provider, "--bind", &consumer, "--create-workspaces"]);
        assert_eq!(out.code, 0, "install failed: {}{}", out.stdout, out.stderr);
        (provider, consumer)
    }
}

/// Guards the lab's physical clusters: tests that stop one take them exclusively, tests that
/// use them share them, so an outage test never breaks a neighbour.
static PHYSICAL_CLUSTERS: std::sync::RwLock<()> = std::sync::RwLock::new(());

/// Shared use of the physical clusters (see [`PHYSICAL_CLUSTERS`]).
pub fn using_clusters() -> std::sync::RwLockReadGuard<'static, ()> {
    // A test that failed while holding the lock poisons it; the clusters are still usable.
    PHYSICAL_CLUSTERS.read().unwrap_or_else(|e| e.into_inner())
}

/// Exclusive use of the physical clusters, for a test that stops one.
pub fn disrupting_clusters() -> std::sync::RwLockWriteGuard<'static, ()> {
    PHYSICAL_CLUSTERS.write().unwrap_or_else(|e| e.into_inner())
}

/// A long-running tmcctl (`controller run`, `metrics serve`, `cluster list -w`) in the
/// background, killed when dropped; stdout and stderr go to files that tests can read.
pub struct Background {
    child: std::process::Child,
    log: PathBuf,
    stdout: PathBuf,
    pub metrics_port: u16,
}

/// `tmcctl controller run` for `workspace`, serving metrics on a free port.
pub struct Controller;

impl Controller {
    /// Starts the controller for `workspace` (extra flags such as fast probing for tests).
    pub fn start(lab: &Lab, workspace: &str, extra: &[&str]) -> Background {
        Background::start(lab, workspace, |port| {
            let mut args = vec![
                "-v".to_string(),
                "controller".into(),
                "run".into(),
                "--metrics-addr".into(),
                format!("127.0.0.1:{port}"),
            ];
            args.extend(extra.iter().map(|s| s.to_string()));
            args
        })
    }
}

impl Background {
    /// Starts tmcctl against kcp's `workspace` with the args `make_args` builds from a free port.
    pub fn start(lab: &Lab, workspace: &str, make_args: impl FnOnce(u16) -> Vec<String>) -> Background {
        let metrics_port = free_port();
        let mut args: Vec<String> =
            ["--kubeconfig", lab.kcp_kubeconfig(), "--workspace", workspace].iter().map(|s| s.to_string()).collect();
        args.extend(make_args(metrics_port));
        Background::spawn(args, metrics_port)
    }

    /// What it printed on stdout so far.
    pub fn stdout_text(&self) -> String {
        std::fs::read_to_string(&self.stdout).unwrap_or_default()
    }

    /// GETs a path of the controller's HTTP server: (status code, body).
    pub fn get(&self, path: &str) -> (u16, String) {
        self.try_get(path).expect("the controller's HTTP server answers")
    }

    /// The log so far.
    pub fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }
}

impl Drop for Background {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Polls `check` every 500 ms until it returns `Some`, or panics after `limit` naming `what`.
#[track_caller]
pub fn eventually<T>(
    what: &str,
    limit: std::time::Duration,
    check: impl FnMut() -> Option<T>,
) -> (T, std::time::Duration) {
    poll(std::time::Duration::from_millis(500), what, limit, check)
}

#[track_caller]
fn poll<T>(
    every: std::time::Duration,
    what: &str,
    limit: std::time::Duration,
    mut check: impl FnMut() -> Option<T>,
) -> (T, std::time::Duration) {
    let started = std::time::Instant::now();
    loop {
        if let Some(value) = check() {
            return (value, started.elapsed());
        }
        assert!(started.elapsed() < limit, "timed out after {limit:?} waiting for {what}");
        std::thread::sleep(every);
    }
}

/// Asserts a process exited with `code`, showing its output when it did not.
#[track_caller]
pub fn assert_exit(out: &Output, code: i32) {
    assert_eq!(out.code, code, "expected exit {code}\nstdout:\n{}\nstderr:\n{}", out.stdout, out.stderr);
}

impl Controller {
    /// Starts a controller for every workspace bound to the TMC API of `provider` (no
    /// `--workspace`), serving metrics on a free port.
    pub fn start_all_bound(lab: &Lab, provider: &str, extra: &[&str]) -> Background {
        Controller::start_against(lab.kcp_kubeconfig(), provider, extra)
    }

    /// The same, against any kcp's kubeconfig (the private kcp of a disruption test).
    pub fn start_against(kubeconfig: &str, provider: &str, extra: &[&str]) -> Background {
        let port = free_port();
        let mut args: Vec<String> =
            ["--kubeconfig", kubeconfig, "-v", "controller", "run", "--provider-workspace", provider]
                .iter()
                .map(|s| s.to_string())
                .collect();
        args.extend(["--metrics-addr".to_string(), format!("127.0.0.1:{port}")]);
        args.extend(extra.iter().map(|s| s.to_string()));
        Background::spawn(args, port)
    }
}

/// A TCP port nothing listens on right now.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

impl Background {
    /// Starts tmcctl with exactly `args`; `metrics_port` is where it was told to serve.
    pub fn spawn(args: Vec<String>, metrics_port: u16) -> Background {
        Background::spawn_with_env(args, metrics_port, &[])
    }

    /// The same, with these environment variables set.
    pub fn spawn_with_env(args: Vec<String>, metrics_port: u16, env: &[(&str, &str)]) -> Background {
        let name = unique("bg");
        let log = scratch_dir().join(format!("{name}.stderr"));
        let stdout = scratch_dir().join(format!("{name}.stdout"));
        let mut command = tmcctl_command();
        command
            .args(args)
            .envs(env.iter().copied())
            .stdin(Stdio::null())
            .stdout(std::fs::File::create(&stdout).unwrap())
            .stderr(std::fs::File::create(&log).unwrap());
        Background { child: command.spawn().expect("start tmcctl"), log, stdout, metrics_port }
    }

    /// Sends a signal (`TERM`, `INT`, `KILL`, …) to the process.
    pub fn signal(&self, signal: &str) {
        let status = Command::new("kill").arg(format!("-{signal}")).arg(self.child.id().to_string()).status().unwrap();
        assert!(status.success(), "kill -{signal} failed");
    }

    /// Waits up to `limit` for the process to exit: its exit code (128 + signal when killed)
    /// and how long it took, or `None` if it still runs.
    pub fn wait_exit(&mut self, limit: std::time::Duration) -> Option<(i32, std::time::Duration)> {
        use std::os::unix::process::ExitStatusExt;
        let started = std::time::Instant::now();
        while started.elapsed() < limit {
            if let Some(status) = self.child.try_wait().unwrap() {
                let code = status.code().unwrap_or_else(|| 128 + status.signal().unwrap_or(0));
                return Some((code, started.elapsed()));
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        None
    }

    /// The value of one series of the `/metrics` page (`name{labels}` exactly as exported),
    /// or `None` when the page cannot be read or lacks it.
    pub fn metric(&self, series: &str) -> Option<f64> {
        let (code, body) = self.try_get("/metrics")?;
        if code != 200 {
            return None;
        }
        body.lines()
            .find_map(|line| line.strip_prefix(series).and_then(|rest| rest.strip_prefix(' ')))
            .and_then(|value| value.trim().parse().ok())
    }

    /// Like [`Background::get`], but `None` when nothing answers (yet).
    pub fn try_get(&self, path: &str) -> Option<(u16, String)> {
        use std::io::Read;
        let mut stream = std::net::TcpStream::connect(("127.0.0.1", self.metrics_port)).ok()?;
        stream.set_read_timeout(Some(std::time::Duration::from_secs(5))).ok()?;
        write!(stream, "GET {path} HTTP/1.0\r\nHost: localhost\r\n\r\n").ok()?;
        let mut response = String::new();
        stream.read_to_string(&mut response).ok()?;
        let code = response.split_whitespace().nth(1).and_then(|c| c.parse().ok()).unwrap_or(0);
        let body = response.split_once("\r\n\r\n").map(|(_, b)| b.to_string()).unwrap_or_default();
        Some((code, body))
    }
}

/// Polls `check` every 50 ms until it returns `Some`, or panics after `limit`: for measuring
/// hand-over times more finely than [`eventually`].
#[track_caller]
pub fn soon<T>(what: &str, limit: std::time::Duration, check: impl FnMut() -> Option<T>) -> (T, std::time::Duration) {
    poll(std::time::Duration::from_millis(50), what, limit, check)
}

/// A lab cluster stopped with kwokctl for an outage. Dropping it starts the cluster again and
/// waits until its API server answers, so a failing assertion cannot leave the lab with a
/// stopped cluster for the tests after it.
pub struct StoppedCluster {
    lab: &'static Lab,
    name: &'static str,
    kubeconfig_var: &'static str,
    running: bool,
}

impl StoppedCluster {
    /// Stops `name` (the kwok cluster whose kubeconfig the lab env file holds in `kubeconfig_var`).
    pub fn stop(lab: &'static Lab, name: &'static str, kubeconfig_var: &'static str) -> Self {
        let mut cluster = StoppedCluster { lab, name, kubeconfig_var, running: true };
        cluster.kwokctl("stop").unwrap_or_else(|why| panic!("{why}"));
        cluster.running = false;
        cluster
    }

    /// Starts the cluster again now and waits until it answers.
    pub fn start_again(&mut self) {
        self.start().unwrap_or_else(|why| panic!("{why}"));
    }

    fn start(&mut self) -> Result<(), String> {
        if self.running {
            return Ok(());
        }
        self.kwokctl("start")?;
        let kubectl = format!("{}/kubectl", self.lab.var("LAB_BIN"));
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
        loop {
            let ready = crate::harness::run_command(std::process::Command::new(&kubectl).args([
                "--kubeconfig",
                self.lab.var(self.kubeconfig_var),
                "get",
                "--raw",
                "/readyz",
            ]));
            if ready.code == 0 {
                self.running = true;
                return self.wait_until_pods_run();
            }
            if std::time::Instant::now() > deadline {
                return Err(format!("{} was started again but does not answer: {}", self.name, ready.stderr));
            }
            std::thread::sleep(std::time::Duration::from_millis(500));
        }
    }

    /// Waits until the cluster runs a pod again, so the tests after this one find it whole.
    /// kwok's controller, started again, holds node leases under a new identity and takes a
    /// node over only once the old holder's lease expires; until then no pod leaves Pending.
    /// The old holder is gone for good, so its leases are removed and the new controller
    /// creates its own at its next renewal (every 10 s in the lab).
    fn wait_until_pods_run(&self) -> Result<(), String> {
        let mut why = String::new();
        for _ in 0..2 {
            self.release_node_leases()?;
            match self.canary_runs(std::time::Duration::from_secs(45))? {
                None => return Ok(()),
                Some(state) => why = state,
            }
        }
        Err(format!("{} serves its API again but runs no pod; {why}", self.name))
    }

    fn release_node_leases(&self) -> Result<(), String> {
        let mut command = Command::new(format!("{}/kubectl", self.lab.var("LAB_BIN")));
        command.arg("--kubeconfig").arg(self.lab.var(self.kubeconfig_var));
        command.args(["delete", "leases", "--all", "-n", "kube-node-lease", "--wait=false"]);
        let out = run_command(&mut command);
        match out.code {
            0 => Ok(()),
            code => Err(format!("removing the node leases of {} exited {code}: {}", self.name, out.stderr)),
        }
    }

    fn canary_runs(&self, limit: std::time::Duration) -> Result<Option<String>, String> {
        let kubectl = format!("{}/kubectl", self.lab.var("LAB_BIN"));
        let name = unique("canary");
        let run = |args: &[&str]| {
            let mut command = Command::new(&kubectl);
            command.arg("--kubeconfig").arg(self.lab.var(self.kubeconfig_var)).args(args);
            run_command(&mut command)
        };
        let created = run(&["run", &name, "--image=canary", "--restart=Never", "-n", "default"]);
        if created.code != 0 {
            return Err(format!("cannot start a canary pod on {}: {}", self.name, created.stderr));
        }
        let started = std::time::Instant::now();
        let mut running = false;
        while started.elapsed() < limit {
            let phase = run(&["get", "pod", &name, "-n", "default", "-o", "jsonpath={.status.phase}"]);
            if phase.stdout.trim() == "Running" {
                running = true;
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(500));
        }
        if !running {
            // Say why, so a failure names the piece of the cluster that did not come back.
            let pod = run(&["get", "pod", &name, "-n", "default", "-o", "wide"]);
            let events =
                run(&["get", "events", "-n", "default", "--field-selector", &format!("involvedObject.name={name}")]);
            let nodes = run(&["get", "nodes", "--no-headers"]);
            let node_lines: Vec<&str> = nodes.stdout.lines().take(3).collect();
            let _ = run(&["delete", "pod", &name, "-n", "default", "--wait=false"]);
            return Ok(Some(format!(
                "canary not Running after {limit:?}:\n{}{}nodes (first 3 of {}):\n{}",
                pod.stdout,
                events.stdout,
                nodes.stdout.lines().count(),
                node_lines.join("\n")
            )));
        }
        let _ = run(&["delete", "pod", &name, "-n", "default", "--wait=false"]);
        Ok(None)
    }

    fn kwokctl(&self, verb: &str) -> Result<(), String> {
        let out = crate::harness::run_command(
            std::process::Command::new(format!("{}/kwokctl", self.lab.var("LAB_BIN")))
                .env("KWOK_WORKDIR", self.lab.var("KWOK_WORKDIR"))
                .env("PATH", format!("{}:{}", self.lab.var("LAB_BIN"), std::env::var("PATH").unwrap_or_default()))
                .args([verb, "cluster", "--name", self.name]),
        );
        match out.code {
            0 => Ok(()),
            code => Err(format!("kwokctl {verb} cluster {} exited {code}: {}{}", self.name, out.stdout, out.stderr)),
        }
    }
}

impl Drop for StoppedCluster {
    fn drop(&mut self) {
        let restarted = self.start();
        // A second panic while a failed assertion unwinds would abort the whole test binary;
        // then the first failure is the one to report.
        if let Err(why) = restarted {
            if !std::thread::panicking() {
                panic!("{why}");
            }
        }
    }
}

/// A kwok cluster whose kwok controller is paused (SIGSTOP) until dropped (SIGCONT): its API
/// server answers, and node status written by a test stays as written instead of being put
/// back by kwok within a second. Its node leases (40 s) outlive a pause of a few seconds.
pub struct PausedKwok {
    pid: String,
}

impl PausedKwok {
    /// Pauses the kwok controller of the lab cluster `name`.
    pub fn pause(name: &str) -> Self {
        let found = run_command(Command::new("pgrep").args(["-f", &format!("/{name}/bin/kwok-controller")]));
        let pid = found.stdout.lines().next().unwrap_or_default().trim().to_string();
        assert!(found.code == 0 && !pid.is_empty(), "no kwok controller of {name} runs: {}", found.stderr);
        let paused = run_command(Command::new("kill").args(["-STOP", &pid]));
        assert_eq!(paused.code, 0, "kill -STOP {pid}: {}", paused.stderr);
        PausedKwok { pid }
    }
}

impl Drop for PausedKwok {
    fn drop(&mut self) {
        let resumed = run_command(Command::new("kill").args(["-CONT", &self.pid]));
        if resumed.code != 0 && !std::thread::panicking() {
            panic!("kill -CONT {}: {}", self.pid, resumed.stderr);
        }
    }
}
