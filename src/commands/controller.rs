//! `tmcctl controller run`: runs the reconcile loops against one kcp workspace (the global
//! `--workspace`, else the context's), with `/metrics`, `/healthz` and `/readyz` served.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use clap::{Args, Subcommand};
use futures::StreamExt;
use tokio::sync::Notify;

use crate::api::{ClusterRegistration, WorkloadPlacement};
use crate::cli::parse_duration;
use crate::client::{Connection, ConnectionSettings, Resource};
use crate::controller::health_loop::{HealthLoop, HealthSettings, PassReport};
use crate::controller::placement_loop::{PlacementLoop, PlacementPassReport};
use crate::error::{CliError, ExitKind};
use crate::observability::{serve, Health, Metrics};
use crate::output::{Printer, Table};

/// Placements are re-decided on every watch event; this pass also runs periodically in case
/// a watch missed something while kcp was away.
const RESYNC_INTERVAL: Duration = Duration::from_secs(30);
/// How long to let a burst of watch events settle before deciding.
const DEBOUNCE: Duration = Duration::from_millis(100);

/// `tmcctl controller …`
#[derive(Debug, Subcommand)]
pub enum ControllerCommand {
    /// Run the reconcile loops until SIGINT or SIGTERM.
    Run(RunArgs),
}

/// Arguments of `controller run`.
#[derive(Debug, Args)]
pub struct RunArgs {
    /// Do one pass of every loop, print what it saw, and exit.
    #[arg(long)]
    pub once: bool,
    /// How often every registered cluster is probed.
    #[arg(long, default_value = "10s", value_parser = parse_duration)]
    pub probe_interval: Duration,
    /// How long one probe may take.
    #[arg(long, default_value = "5s", value_parser = parse_duration)]
    pub probe_timeout: Duration,
    /// How long a cluster may go unheard before it becomes Unknown.
    #[arg(long, default_value = "40s", value_parser = parse_duration)]
    pub heartbeat_grace: Duration,
    /// Where to serve /metrics, /healthz and /readyz.
    #[arg(long, default_value = "127.0.0.1:8080", value_name = "ADDR")]
    pub metrics_addr: SocketAddr,
    /// Allow cluster credentials that run an exec plugin.
    #[arg(long)]
    pub allow_exec: bool,
}

/// Dispatches `controller` verbs.
pub async fn run(cmd: ControllerCommand, settings: &ConnectionSettings) -> Result<(), CliError> {
    match cmd {
        ControllerCommand::Run(args) => run_loops(args, settings).await,
    }
}

async fn run_loops(args: RunArgs, settings: &ConnectionSettings) -> Result<(), CliError> {
    if args.probe_interval.is_zero() {
        return Err(CliError::usage("--probe-interval must be more than 0"));
    }
    let printer = Printer::default();
    let kcp = Connection::open(settings).await?;
    let health_settings =
        HealthSettings { probe_timeout: args.probe_timeout, grace: args.heartbeat_grace, allow_exec: args.allow_exec };
    let metrics = Arc::new(Metrics::new());
    let mut health_loop = HealthLoop::default();
    let mut placement_loop = PlacementLoop::default();
    if args.once {
        let health = health_loop.pass(&kcp, &health_settings, &metrics).await?;
        let placements = placement_loop.pass(&kcp, &metrics).await?;
        return print_pass(&printer, &health, &placements);
    }
    let health = Health::default();
    let (bound, _server) = serve(args.metrics_addr, metrics.clone(), health.clone()).await.map_err(|e| {
        CliError::new(ExitKind::Unavailable, format!("cannot serve metrics on {}: {e}", args.metrics_addr))
    })?;
    tracing::info!(workspace = %kcp.url(), metrics = %bound, "controller running");
    printer.status(&format!("controller running for {}; metrics on http://{bound}/metrics", kcp.url()))?;
    let changed = Arc::new(Notify::new());
    let _watches = watch_for_changes(&kcp, changed.clone())?;
    let mut probe = tokio::time::interval(args.probe_interval);
    probe.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut resync = tokio::time::interval(RESYNC_INTERVAL);
    loop {
        tokio::select! {
            _ = probe.tick() => {
                match health_loop.pass(&kcp, &health_settings, &metrics).await {
                    Ok(report) => {
                        health.set_ready(true);
                        tracing::debug!(clusters = report.clusters.len(), "health pass done");
                    }
                    Err(e) => {
                        // kcp itself is unreachable: keep the last status, say so, try next tick.
                        health.set_ready(false);
                        metrics.count_error("health", "kcp_unavailable");
                        tracing::warn!(error = %e, "health pass failed; kcp unreachable?");
                    }
                }
                continue;
            }
            _ = changed.notified() => {
                // Let a burst of events settle into one pass.
                tokio::time::sleep(DEBOUNCE).await;
            }
            _ = resync.tick() => {}
            signal = shutdown_signal() => {
                printer.status("controller stopping")?;
                return match signal {
                    Signal::Interrupt => Err(CliError::new(ExitKind::Interrupted, "interrupted")),
                    Signal::Terminate => Ok(()),
                };
            }
        }
        if let Err(e) = placement_loop.pass(&kcp, &metrics).await {
            metrics.count_error("placement", "kcp_unavailable");
            tracing::warn!(error = %e, "placement pass failed");
        }
    }
}

/// Watches clusters and placements, waking the placement loop on every change.
fn watch_for_changes(kcp: &Connection, changed: Arc<Notify>) -> Result<tokio::task::JoinHandle<()>, CliError> {
    let clusters = kcp.watch(&Resource::of::<ClusterRegistration>(), None)?.map(|_| ());
    let placements = kcp.watch(&Resource::of::<WorkloadPlacement>(), None)?.map(|_| ());
    Ok(tokio::spawn(async move {
        let events = futures::stream::select(clusters, placements);
        futures::pin_mut!(events);
        while events.next().await.is_some() {
            changed.notify_one();
        }
    }))
}

fn print_pass(printer: &Printer, report: &PassReport, placements: &PlacementPassReport) -> Result<(), CliError> {
    let mut table = Table::new(["CLUSTER", "READY", "REASON"]);
    for (name, ready, reason) in &report.clusters {
        table.push(vec![name.clone(), ready.clone(), reason.clone()]);
    }
    let mut decided = Table::new(["PLACEMENT", "DECISION"]);
    for (name, decision) in &placements.decided {
        decided.push(vec![name.clone(), decision.clone()]);
    }
    printer.write_out(&table.render(false))?;
    if !decided.is_empty() {
        printer.write_out(&decided.render(false))?;
    }
    if let Some((name, error)) = report.write_failures.first() {
        return Err(CliError::new(
            ExitKind::Failure,
            format!("could not write the status of {} cluster(s), first {name}: {error}", report.write_failures.len()),
        ));
    }
    Ok(())
}

enum Signal {
    Interrupt,
    Terminate,
}

async fn shutdown_signal() -> Signal {
    let mut terminate = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()).ok();
    tokio::select! {
        _ = tokio::signal::ctrl_c() => Signal::Interrupt,
        _ = async { match terminate.as_mut() { Some(t) => { t.recv().await; } None => std::future::pending().await } } => Signal::Terminate,
    }
}
