//! `tmcctl controller run`: turns flags into a [`ControllerConfig`], serves `/metrics`,
//! `/healthz` and `/readyz`, and hands over to [`crate::controller::run`] (or `run_once`).

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use clap::{ArgAction, Args, Subcommand};

use crate::cli::parse_duration;
use crate::client::{Connection, ConnectionSettings, RequestLimits, WorkspacePath};
use crate::controller::runtime::LeaseTiming;
use crate::controller::{self, ControllerConfig, ControllerError, LoopSettings, OnceReport, Scope, Stop};
use crate::error::{CliError, ExitKind};
use crate::install::DEFAULT_PROVIDER_WORKSPACE;
use crate::observability::{serve, Health, Metrics};
use crate::output::{Printer, Table};

/// `tmcctl controller …`
#[derive(Debug, Subcommand)]
pub enum ControllerCommand {
    /// Run the reconcile loops until SIGINT or SIGTERM.
    Run(RunArgs),
}

/// Arguments of `controller run`.
#[derive(Debug, Args)]
pub struct RunArgs {
    /// Do one pass of every loop, print what it saw, and exit (no leader election).
    #[arg(long)]
    pub once: bool,
    /// The workspace holding the TMC APIExport; the controller serves every workspace bound
    /// to it, unless the global --workspace names one.
    #[arg(long, default_value = DEFAULT_PROVIDER_WORKSPACE, value_name = "PATH",
          value_parser = clap::value_parser!(WorkspacePath))]
    pub provider_workspace: WorkspacePath,
    /// How often every registered cluster is probed.
    #[arg(long, default_value = "10s", value_parser = parse_duration)]
    pub probe_interval: Duration,
    /// How long one probe may take.
    #[arg(long, default_value = "5s", value_parser = parse_duration)]
    pub probe_timeout: Duration,
    /// How long a cluster may go unheard before it becomes Unknown.
    #[arg(long, default_value = "40s", value_parser = parse_duration)]
    pub heartbeat_grace: Duration,
    /// How often every placement is decided again, in case a watch missed a change.
    #[arg(long, default_value = "5m", value_parser = parse_duration)]
    pub resync_period: Duration,
    /// Where to serve /metrics, /healthz and /readyz.
    #[arg(long, default_value = "127.0.0.1:8080", value_name = "ADDR")]
    pub metrics_addr: SocketAddr,
    #[command(flatten)]
    pub serving: super::serving::ServingArgs,
    #[command(flatten)]
    pub tracing: super::traces::TraceArgs,
    /// Allow cluster credentials that run an exec plugin.
    #[arg(long)]
    pub allow_exec: bool,
    /// Elect a leader among replicas through a Lease (tmc-system/tmcctl-controller in the
    /// provider workspace); only the leader writes. `--leader-elect=false` runs without.
    #[arg(long, default_value_t = true, action = ArgAction::Set, value_name = "BOOL")]
    pub leader_elect: bool,
    /// How long a leader's claim lasts without renewal.
    #[arg(long, default_value = "15s", value_parser = parse_duration)]
    pub leader_elect_lease_duration: Duration,
    /// How long a leader tries to renew before it stops writing and exits.
    #[arg(long, default_value = "10s", value_parser = parse_duration)]
    pub leader_elect_renew_deadline: Duration,
    /// How often standbys try to take the lease and the leader renews it.
    #[arg(long, default_value = "2s", value_parser = parse_duration)]
    pub leader_elect_retry_period: Duration,
    /// Requests per second to kcp and to each cluster.
    #[arg(long, default_value_t = 50, value_name = "N")]
    pub kube_api_qps: u32,
    /// Requests allowed at once above --kube-api-qps.
    #[arg(long, default_value_t = 100, value_name = "N")]
    pub kube_api_burst: u32,
    /// Requests waiting for an answer at once, per server (watches not counted).
    #[arg(long, default_value_t = 64, value_name = "N")]
    pub max_requests_in_flight: usize,
    /// Clusters probed at the same time.
    #[arg(long, default_value_t = 32, value_name = "N")]
    pub probe_workers: usize,
    /// Placements decided at the same time.
    #[arg(long, default_value_t = 8, value_name = "N")]
    pub placement_workers: usize,
    /// Workloads synced at the same time.
    #[arg(long, default_value_t = 16, value_name = "N")]
    pub sync_workers: usize,
    /// How long an old copy is kept at most while its replacement on another cluster does
    /// not become Available (it goes as soon as the replacement is Available).
    #[arg(long, default_value = "10m", value_parser = parse_duration)]
    pub move_timeout: Duration,
    /// How long a chosen cluster may be Unknown before its workloads are placed elsewhere.
    #[arg(long, default_value = "5m", value_parser = parse_duration)]
    pub eviction_grace: Duration,
    /// Old copies removed after moves and evictions, at most this many a second (copies of
    /// deleted workloads are not limited).
    #[arg(long, default_value_t = 10, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub eviction_rate: u32,
}

/// Dispatches `controller` verbs.
pub async fn run(cmd: ControllerCommand, settings: &ConnectionSettings) -> Result<(), CliError> {
    match cmd {
        ControllerCommand::Run(args) => run_controller(args, settings).await,
    }
}

async fn run_controller(args: RunArgs, settings: &ConnectionSettings) -> Result<(), CliError> {
    let config = config(&args)?;
    let printer = Printer::default();
    let mut settings = settings.clone();
    settings.limits = config.loops.cluster_limits;
    let kcp = Connection::open(&settings).await?;
    let config = ControllerConfig { scope: scope(&kcp, &args, &settings).await?, ..config };
    let metrics = Arc::new(Metrics::new());
    if args.once {
        let limit = settings.request_timeout.unwrap_or(Duration::from_secs(30));
        let report = controller::run_once(kcp, config, metrics, limit).await.map_err(controller_error)?;
        return print_once(&printer, &report);
    }
    let health = Health::default();
    let protection = args.serving.protection(&kcp).await?;
    let (bound, _server) =
        serve(args.metrics_addr, metrics.clone(), health.clone(), protection).await.map_err(|e| {
            CliError::new(ExitKind::Unavailable, format!("cannot serve metrics on {}: {e}", args.metrics_addr))
                .with_hint("another process uses that address; pick another with --metrics-addr")
        })?;
    printer.status(&format!(
        "controller starting for {}; metrics on {}://{bound}/metrics",
        describe(&config.scope),
        args.serving.scheme()
    ))?;
    match controller::run(kcp, config, metrics, health, super::stop_signal()).await {
        Ok(Stop::Terminate) => {
            printer.status("controller stopped (SIGTERM)")?;
            Ok(())
        }
        Ok(Stop::Interrupt) => Err(CliError::new(ExitKind::Interrupted, "controller interrupted (SIGINT)")),
        Err(e) => Err(controller_error(e)),
    }
}

fn config(args: &RunArgs) -> Result<ControllerConfig, CliError> {
    for (flag, value) in [
        ("--probe-interval", args.probe_interval),
        ("--resync-period", args.resync_period),
        ("--leader-elect-retry-period", args.leader_elect_retry_period),
    ] {
        if value.is_zero() {
            return Err(CliError::usage(format!("{flag} must be more than 0")));
        }
    }
    let timing = LeaseTiming {
        lease_duration: args.leader_elect_lease_duration,
        renew_deadline: args.leader_elect_renew_deadline,
        retry_period: args.leader_elect_retry_period,
    };
    // client-go's rules: a leader must give up before its claim runs out, and renew attempts
    // must fit in the deadline.
    if !(timing.lease_duration > timing.renew_deadline && timing.renew_deadline > timing.retry_period) {
        return Err(CliError::usage(format!(
            "leader election needs --leader-elect-lease-duration ({}) > --leader-elect-renew-deadline ({}) > --leader-elect-retry-period ({})",
            humantime::format_duration(timing.lease_duration),
            humantime::format_duration(timing.renew_deadline),
            humantime::format_duration(timing.retry_period),
        )));
    }
    if args.kube_api_qps == 0 || args.max_requests_in_flight == 0 {
        return Err(CliError::usage("--kube-api-qps and --max-requests-in-flight must be more than 0"));
    }
    let limits = RequestLimits {
        qps: args.kube_api_qps,
        burst: args.kube_api_burst.max(args.kube_api_qps),
        max_in_flight: args.max_requests_in_flight,
    };
    Ok(ControllerConfig {
        scope: Scope::Plain,
        loops: LoopSettings {
            probe_interval: args.probe_interval,
            probe_timeout: args.probe_timeout,
            heartbeat_grace: args.heartbeat_grace,
            allow_exec: args.allow_exec,
            cluster_limits: limits,
            probe_workers: args.probe_workers.max(1),
            placement_workers: args.placement_workers.max(1),
            resync_period: args.resync_period,
            sync_workers: args.sync_workers.max(1),
            move_timeout: args.move_timeout,
            eviction_grace: args.eviction_grace,
            eviction_rate: args.eviction_rate,
        },
        election: args.leader_elect.then_some(timing),
    })
}

/// kcp with an explicit `--workspace`: that workspace; kcp otherwise: every bound workspace;
/// a plain Kubernetes server: itself.
async fn scope(kcp: &Connection, args: &RunArgs, settings: &ConnectionSettings) -> Result<Scope, CliError> {
    if !kcp.server_info().await?.is_kcp {
        return Ok(Scope::Plain);
    }
    Ok(match &settings.workspace {
        Some(workspace) => Scope::Workspace(workspace.clone()),
        None => Scope::AllBound { provider: args.provider_workspace.clone() },
    })
}

fn describe(scope: &Scope) -> String {
    match scope {
        Scope::AllBound { provider } => format!("every workspace bound to the TMC API of {provider}"),
        Scope::Workspace(workspace) => format!("workspace {workspace}"),
        Scope::Plain => "this Kubernetes server".into(),
    }
}

fn controller_error(err: ControllerError) -> CliError {
    match err {
        ControllerError::Hub(e) => e.into(),
        e @ ControllerError::LeadershipLost(_) => CliError::new(ExitKind::Unavailable, e.to_string())
            .with_hint("kcp did not answer the lease renewals in time; another replica takes over"),
        e @ ControllerError::NotSynced(_) => CliError::new(ExitKind::Unavailable, e.to_string()),
    }
}

fn print_once(printer: &Printer, report: &OnceReport) -> Result<(), CliError> {
    let mut table = Table::new(["CLUSTER", "READY", "REASON"]);
    for cluster in &report.clusters {
        table.push(vec![cluster.name.clone(), cluster.ready.clone(), cluster.reason.clone()]);
    }
    let mut decided = Table::new(["PLACEMENT", "DECISION"]);
    for placement in &report.placements {
        decided.push(vec![placement.name.clone(), placement.decision.clone()]);
    }
    printer.write_out(&table.render(false))?;
    if !decided.is_empty() {
        printer.write_out(&decided.render(false))?;
    }
    if let Some((key, error)) = report.failures.first() {
        return Err(CliError::new(
            ExitKind::Failure,
            format!("{} reconcile(s) failed, first {key}: {error}", report.failures.len()),
        ));
    }
    Ok(())
}
