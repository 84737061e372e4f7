//! `tmcctl metrics serve`: exports the cluster metrics from what is stored in kcp (the status
//! the controller wrote), with `/healthz` and `/readyz`, without probing anything itself.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use clap::{Args, Subcommand};

use crate::api::ClusterRegistration;
use crate::cli::parse_duration;
use crate::client::{Connection, ConnectionSettings, Resource};
use crate::error::{CliError, ExitKind};
use crate::observability::{serve, Health, Metrics};
use crate::output::Printer;

/// `tmcctl metrics …`
#[derive(Debug, Subcommand)]
pub enum MetricsCommand {
    /// Serve /metrics, /healthz and /readyz until SIGINT or SIGTERM.
    Serve(ServeArgs),
}

/// Arguments of `metrics serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The address to listen on.
    #[arg(long, default_value = "127.0.0.1:9090", value_name = "ADDR")]
    pub listen: SocketAddr,
    /// How often to re-read the registrations.
    #[arg(long, default_value = "10s", value_parser = parse_duration)]
    pub refresh: Duration,
    #[command(flatten)]
    pub serving: super::serving::ServingArgs,
}

/// Dispatches `metrics` verbs.
pub async fn run(cmd: MetricsCommand, settings: &ConnectionSettings) -> Result<(), CliError> {
    let MetricsCommand::Serve(args) = cmd;
    if args.refresh.is_zero() {
        return Err(CliError::usage("--refresh must be more than 0"));
    }
    let kcp = Connection::open(settings).await?;
    let workspace = kcp.workspace().map(|w| w.to_string()).unwrap_or_default();
    let metrics = Arc::new(Metrics::new());
    let health = Health::default();
    let protection = args.serving.protection(&kcp).await?;
    let (bound, _server) = serve(args.listen, metrics.clone(), health.clone(), protection)
        .await
        .map_err(|e| CliError::new(ExitKind::Unavailable, format!("cannot listen on {}: {e}", args.listen)))?;
    let scheme = args.serving.scheme();
    Printer::default().status(&format!("serving metrics of {} on {scheme}://{bound}/metrics", kcp.url()))?;
    let mut ticker = tokio::time::interval(args.refresh);
    loop {
        // Ctrl-C ends the command at the edge (commands::run), even mid-request.
        ticker.tick().await;
        match kcp.list(&Resource::of::<ClusterRegistration>(), None, None).await {
            Ok(list) => {
                for object in &list.items {
                    let Ok(cluster) = serde_json::from_value::<ClusterRegistration>(object.clone()) else { continue };
                    let name = cluster.metadata.name.clone().unwrap_or_default();
                    metrics.record_cluster(
                        &workspace,
                        &name,
                        &cluster.spec.location,
                        &cluster.status.unwrap_or_default(),
                    );
                }
                health.set_ready(true);
            }
            Err(e) => {
                health.set_ready(false);
                tracing::warn!(error = %e, "cannot list cluster registrations");
            }
        }
    }
}
