//! The lab as the workload benchmarks reach it: the env file, the release binary, kcp and the
//! kwok clusters (tmcctl's own client for objects, the lab's kubectl and kwokctl for the rest),
//! a `controller run` in the background with its `/metrics`, CPU time per server, and the
//! results files.

use std::collections::HashMap;
use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use serde_json::{json, Value};
use tmcctl::client::{Connection, ConnectionSettings, RequestLimits};

/// Sizes and switches from the environment.
pub fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name).ok().and_then(|v| v.trim().parse().ok()).unwrap_or(default)
}

/// A comma-separated list of numbers from the environment.
pub fn env_list(name: &str, default: &str) -> Vec<usize> {
    let text = std::env::var(name).unwrap_or_else(|_| default.to_string());
    text.split(',').filter_map(|v| v.trim().parse().ok()).collect()
}

/// The running lab, as its env file describes it.
pub struct Lab {
    vars: HashMap<String, String>,
    /// The release binary under test.
    pub binary: PathBuf,
}

impl Lab {
    /// Reads the env file named by TMCCTL_LAB_ENV (bench/workloads.sh sets it).
    pub fn read() -> Lab {
        let path = std::env::var("TMCCTL_LAB_ENV").expect("TMCCTL_LAB_ENV (bench/workloads.sh sets it)");
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("lab env file {path}: {e}"));
        let vars = text
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once('='))
            .map(|(k, v)| (k.trim().to_string(), v.trim().trim_matches('"').to_string()))
            .collect();
        let binary = std::env::var("TMCCTL_BIN").map(PathBuf::from).expect("TMCCTL_BIN (bench/workloads.sh sets it)");
        Lab { vars, binary }
    }

    /// One value of the env file.
    pub fn var(&self, key: &str) -> &str {
        self.vars.get(key).map(String::as_str).unwrap_or_else(|| panic!("the lab env file lacks {key}"))
    }

    /// kcp's admin kubeconfig.
    pub fn kcp_kubeconfig(&self) -> &str {
        self.var("KCP_KUBECONFIG")
    }

    /// The kubeconfig of a kwok cluster (`pc1` → PC1_KUBECONFIG).
    pub fn cluster_kubeconfig(&self, cluster: &str) -> &str {
        self.var(&format!("{}_KUBECONFIG", cluster.to_uppercase()))
    }

    /// Runs tmcctl against kcp; panics with its output when it fails.
    pub fn tmcctl(&self, args: &[&str]) -> String {
        let out = Command::new(&self.binary)
            .arg("--kubeconfig")
            .arg(self.kcp_kubeconfig())
            .args(args)
            .env_remove("KUBECONFIG")
            .env_remove("TMCCTL_WORKSPACE")
            .stdin(Stdio::null())
            .output()
            .expect("run tmcctl");
        assert!(
            out.status.success(),
            "tmcctl {args:?} failed:\n{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// The lab's kubectl with `args`: (exit code, stdout, stderr).
    pub fn kubectl(&self, args: &[&str]) -> (i32, String, String) {
        let out = Command::new(PathBuf::from(self.var("LAB_BIN")).join("kubectl"))
            .args(args)
            .stdin(Stdio::null())
            .output()
            .expect("run kubectl");
        let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
        (out.status.code().unwrap_or(-1), text(&out.stdout), text(&out.stderr))
    }

    /// kwokctl `verb` cluster `name`, with the lab's work directory and binaries.
    pub fn kwokctl(&self, verb: &str, name: &str) -> Result<(), String> {
        let bin = self.var("LAB_BIN");
        let out = Command::new(PathBuf::from(bin).join("kwokctl"))
            .env("KWOK_WORKDIR", self.var("KWOK_WORKDIR"))
            .env("PATH", format!("{bin}:{}", std::env::var("PATH").unwrap_or_default()))
            .args([verb, "cluster", "--name", name])
            .stdin(Stdio::null())
            .output()
            .map_err(|e| format!("kwokctl: {e}"))?;
        match out.status.code() {
            Some(0) => Ok(()),
            code => Err(format!(
                "kwokctl {verb} cluster {name} exited {code:?}: {}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            )),
        }
    }

    /// Whether a kwok cluster's API server answers /readyz.
    pub fn cluster_ready(&self, cluster: &str) -> bool {
        self.kubectl(&["--kubeconfig", self.cluster_kubeconfig(cluster), "get", "--raw", "/readyz"]).0 == 0
    }

    /// tmcctl's client to kcp, with the client rate limit raised (a benchmark must not measure
    /// the limiter).
    pub async fn kcp(&self) -> Connection {
        open(self.kcp_kubeconfig()).await
    }

    /// tmcctl's client to a kwok cluster.
    pub async fn cluster(&self, cluster: &str) -> Connection {
        open(self.cluster_kubeconfig(cluster)).await
    }

    /// A plain kube client to a kwok cluster, for requests tmcctl's client does not make
    /// (server-side tables).
    pub async fn raw_cluster(&self, cluster: &str) -> kube::Client {
        let kubeconfig = kube::config::Kubeconfig::read_from(self.cluster_kubeconfig(cluster)).expect("kubeconfig");
        let options = kube::config::KubeConfigOptions::default();
        let mut config = kube::Config::from_custom_kubeconfig(kubeconfig, &options).await.expect("kube config");
        config.read_timeout = Some(Duration::from_secs(30));
        kube::Client::try_from(config).expect("kube client")
    }
}

async fn open(kubeconfig: &str) -> Connection {
    let settings = ConnectionSettings {
        kubeconfig: Some(kubeconfig.into()),
        request_timeout: Some(Duration::from_secs(60)),
        limits: RequestLimits { qps: 5000, burst: 5000, max_in_flight: 128 },
        ..Default::default()
    };
    Connection::open(&settings).await.expect("open a connection")
}

/// A `controller run` in the background, its log in /tmp.
pub struct Controller {
    child: Child,
    port: u16,
    /// Where its stderr goes.
    pub log: PathBuf,
}

impl Controller {
    /// Starts `controller run` for one workspace (as tests/cli/workloads.rs runs it) with the
    /// client limit raised and `extra` flags.
    pub fn start(lab: &Lab, workspace: &str, extra: &[&str]) -> Controller {
        Controller::start_with_env(lab, workspace, extra, &[])
    }

    /// The same with these environment variables.
    pub fn start_with_env(lab: &Lab, workspace: &str, extra: &[&str], env: &[(&str, &str)]) -> Controller {
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let log = PathBuf::from(format!("/tmp/tmcctl-bench-workloads-{port}.log"));
        let child = Command::new(&lab.binary)
            .args(["--kubeconfig", lab.kcp_kubeconfig(), "--workspace", workspace, "controller", "run"])
            .args(["--metrics-addr", &format!("127.0.0.1:{port}")])
            .args(["--kube-api-qps", "1000", "--kube-api-burst", "2000"])
            .args(extra)
            .env_remove("KUBECONFIG")
            .envs(env.iter().copied())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&log).unwrap())
            .spawn()
            .expect("start the controller");
        Controller { child, port, log }
    }

    /// The process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    fn get(&self, path: &str) -> Option<(u16, String)> {
        let mut stream = std::net::TcpStream::connect(("127.0.0.1", self.port)).ok()?;
        stream.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
        write!(stream, "GET {path} HTTP/1.0\r\n\r\n").ok()?;
        let mut response = String::new();
        stream.read_to_string(&mut response).ok()?;
        let code = response.split_whitespace().nth(1)?.parse().ok()?;
        Some((code, response.split_once("\r\n\r\n")?.1.to_string()))
    }

    /// /readyz answers 200 and this replica leads.
    pub fn ready(&self) -> bool {
        self.get("/readyz").is_some_and(|(code, _)| code == 200) && self.metrics().get("tmc_controller_leader") == 1.0
    }

    /// One scrape of /metrics.
    pub fn metrics(&self) -> Scrape {
        let body = self.get("/metrics").map(|(_, body)| body).unwrap_or_default();
        let series = body
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.rsplit_once(' '))
            .filter_map(|(name, value)| Some((name.to_string(), value.trim().parse().ok()?)))
            .collect();
        Scrape { series }
    }

    /// The last lines of its log, for a failure message.
    pub fn log_tail(&self, lines: usize) -> String {
        let text = std::fs::read_to_string(&self.log).unwrap_or_default();
        let all: Vec<&str> = text.lines().collect();
        all[all.len().saturating_sub(lines)..].join("\n")
    }

    /// Stops this one (SIGTERM) and starts another in its place with `extra` flags and `env`.
    pub fn restart_with(&mut self, lab: &Lab, workspace: &str, extra: &[&str], env: &[(&str, &str)]) {
        let _ = Command::new("kill").arg("-TERM").arg(self.child.id().to_string()).status();
        let _ = self.child.wait();
        *self = Controller::start_with_env(lab, workspace, extra, env);
    }

    /// SIGTERM, then wait.
    pub fn stop(mut self) {
        let _ = Command::new("kill").arg("-TERM").arg(self.child.id().to_string()).status();
        let _ = self.child.wait();
    }
}

impl Drop for Controller {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One scrape of `/metrics`: series (`name{labels}` as exported) → value.
pub struct Scrape {
    series: HashMap<String, f64>,
}

impl Scrape {
    /// One series' value (0 when absent).
    pub fn get(&self, series: &str) -> f64 {
        self.series.get(series).copied().unwrap_or(0.0)
    }

    /// The sum over every series of `name` whose labels contain `label`.
    pub fn sum(&self, name: &str, label: &str) -> f64 {
        self.series
            .iter()
            .filter(|(k, _)| k.strip_prefix(name).is_some_and(|rest| rest.starts_with('{') && rest.contains(label)))
            .map(|(_, v)| v)
            .sum()
    }

    /// The sync loop's queue depth.
    pub fn sync_queue(&self) -> f64 {
        self.get(r#"tmc_controller_queue_depth{controller="sync"}"#)
    }

    /// Writes to kcp by the sync loop.
    pub fn sync_writes(&self) -> f64 {
        self.get(r#"tmc_controller_writes_total{controller="sync"}"#)
    }

    /// Sync reconciles, whatever their result.
    pub fn sync_reconciles(&self) -> f64 {
        self.sum("tmc_controller_reconciles_total", r#"controller="sync""#)
    }
}

/// CPU seconds used so far by the lab's servers and the controller, by name.
pub fn cpu_seconds(controller_pid: Option<u32>) -> HashMap<&'static str, f64> {
    let mut out: HashMap<&'static str, f64> = HashMap::new();
    let ticks = 100.0; // USER_HZ on Linux
    let Ok(entries) = std::fs::read_dir("/proc") else { return out };
    for entry in entries.flatten() {
        let Some(pid) = entry.file_name().to_str().and_then(|s| s.parse::<u32>().ok()) else { continue };
        let cmdline = std::fs::read(format!("/proc/{pid}/cmdline")).unwrap_or_default();
        let cmdline = String::from_utf8_lossy(&cmdline).replace('\0', " ");
        // By the program run, not by any argument: a short-lived kubectl naming a cluster's
        // kubeconfig must not count (it would leave the window and make the sum go down).
        let program = cmdline.split_whitespace().next().unwrap_or_default();
        let name = if Some(pid) == controller_pid {
            "controller"
        } else if program.contains("/kwok/clusters/pc1/bin/") {
            "pc1"
        } else if program.contains("/kwok/clusters/pc2/bin/") {
            "pc2"
        } else if program.ends_with("/kcp") && cmdline.contains(" start") {
            "kcp"
        } else if pid == std::process::id() {
            "bench"
        } else {
            continue;
        };
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
        // Fields after the command name, which is in parentheses and may hold spaces.
        let fields: Vec<&str> =
            stat.rsplit_once(')').map(|(_, rest)| rest.split_whitespace().collect()).unwrap_or_default();
        let used = |i: usize| fields.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
        *out.entry(name).or_default() += (used(11) + used(12)) / ticks;
    }
    out
}

/// CPU used between two [`cpu_seconds`] readings, as % of one core over `elapsed`.
pub fn cpu_percent(
    before: &HashMap<&'static str, f64>,
    after: &HashMap<&'static str, f64>,
    elapsed: Duration,
) -> Value {
    let mut out = serde_json::Map::new();
    for (name, end) in after {
        let start = before.get(name).copied().unwrap_or(0.0);
        out.insert(name.to_string(), json!(round(100.0 * (end - start) / elapsed.as_secs_f64(), 1)));
    }
    Value::Object(out)
}

/// Nearest-rank quantile of an ascending list (as bench/lib/interleave.py computes it).
pub fn quantile(sorted: &[f64], q: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    sorted[((q * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len()) - 1]
}

/// p50 / p90 / p99 / max of samples in ms, rounded to 0.1 ms.
pub fn summary_ms(samples: &[f64]) -> Value {
    let mut sorted = samples.to_vec();
    sorted.sort_by(f64::total_cmp);
    if sorted.is_empty() {
        return json!({"count": 0});
    }
    json!({"count": sorted.len(), "p50_ms": round(quantile(&sorted, 0.5), 1), "p90_ms": round(quantile(&sorted, 0.9), 1),
           "p99_ms": round(quantile(&sorted, 0.99), 1), "max_ms": round(sorted[sorted.len() - 1], 1)})
}

/// `value` rounded to `digits` decimals.
pub fn round(value: f64, digits: i32) -> f64 {
    let scale = 10f64.powi(digits);
    (value * scale).round() / scale
}

/// Writes one results file under bench/results/.
pub fn write_result(name: &str, value: &Value) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("bench/results");
    std::fs::write(dir.join(name), serde_json::to_string_pretty(value).unwrap() + "\n").unwrap();
    println!("wrote bench/results/{name}");
}

/// What the figures were measured on.
pub fn machine(lab: &Lab) -> Value {
    let first = |path: &str, key: &str| {
        std::fs::read_to_string(path)
            .ok()
            .and_then(|t| {
                t.lines()
                    .find(|l| l.starts_with(key))
                    .and_then(|l| l.split_once(':'))
                    .map(|(_, v)| v.trim().to_string())
            })
            .unwrap_or_default()
    };
    let memory_gib = first("/proc/meminfo", "MemTotal")
        .split_whitespace()
        .next()
        .and_then(|kb| kb.parse::<f64>().ok())
        .map(|kb| round(kb / 1024.0 / 1024.0, 1));
    let load: Vec<f64> = std::fs::read_to_string("/proc/loadavg")
        .unwrap_or_default()
        .split_whitespace()
        .take(3)
        .filter_map(|v| v.parse().ok())
        .collect();
    let cpus = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(0);
    json!({"commit": commit(), "cpus": cpus, "cpu_model": first("/proc/cpuinfo", "model name"), "memory_gib": memory_gib,
           "shared": "the lab (kcp, two kwok clusters) and other work run on the same cores",
           "load_average": load, "tmcctl": env!("CARGO_PKG_VERSION"), "kcp": lab.var("KCP_VERSION"),
           "kubernetes": lab.var("KUBERNETES_VERSION"), "date": jiff::Timestamp::now().to_string()})
}

/// The commit the figures were measured at (`-dirty` when the tree held changes besides it,
/// results files aside: a bench writes several, one after the other).
pub fn commit() -> String {
    let git = |args: &[&str]| {
        std::process::Command::new("git")
            .args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
    };
    let head = git(&["rev-parse", "--short", "HEAD"]).unwrap_or_else(|| "unknown".into());
    match git(&["status", "--porcelain", "--untracked-files=no", "--", ".", ":!bench/results"]) {
        Some(changes) if changes.is_empty() => head,
        _ => format!("{head}-dirty"),
    }
}

/// The largest value a reading took, sampled in the background (a queue depth, say).
pub struct MaxSampler {
    max: std::sync::Arc<std::sync::Mutex<f64>>,
    task: tokio::task::JoinHandle<()>,
}

impl MaxSampler {
    /// Reads every `every` until stopped.
    pub fn spawn(every: Duration, read: impl Fn() -> f64 + Send + 'static) -> MaxSampler {
        let max = std::sync::Arc::new(std::sync::Mutex::new(0f64));
        let task = tokio::spawn({
            let max = max.clone();
            async move {
                loop {
                    let value = read();
                    {
                        let mut max = max.lock().unwrap();
                        *max = max.max(value);
                    }
                    tokio::time::sleep(every).await;
                }
            }
        });
        MaxSampler { max, task }
    }

    /// Stops sampling (what it held is dropped now); the largest value read.
    pub async fn stop(self) -> f64 {
        self.task.abort();
        let _ = self.task.await;
        let max = *self.max.lock().unwrap();
        max
    }
}
