//! `tmcctl workload …`: the application team's view of workloads — where each one runs, how it
//! is doing on each cluster, what differs there, and a nudge to sync now.

mod diff;
pub(crate) mod shared;
mod status;
mod sync;
mod wait;
mod where_;

use clap::Subcommand;

use crate::client::ConnectionSettings;
use crate::error::CliError;

/// `tmcctl workload …`
#[derive(Debug, Subcommand)]
pub enum WorkloadCommand {
    /// List workloads with their placement, clusters and readiness.
    #[command(visible_alias = "ls")]
    List(status::StatusArgs),
    /// Summarise workloads (or one): where they run and whether they are ready on each cluster.
    Status(status::StatusArgs),
    /// Show every cluster, namespace and object that holds a copy of a workload (or, with
    /// --cluster and --downstream-namespace, which workloads a downstream namespace holds).
    Where(where_::WhereArgs),
    /// Ask the controller to sync a workload now; --force-cleanup releases a deleted one.
    Sync(sync::SyncArgs),
    /// Wait until a workload is ready on every chosen cluster.
    Wait(wait::WaitArgs),
    /// Show what tmcctl intends each cluster to hold against what it holds.
    Diff(diff::DiffArgs),
}

/// Dispatches `workload` verbs.
pub async fn run(cmd: WorkloadCommand, settings: &ConnectionSettings) -> Result<(), CliError> {
    match cmd {
        WorkloadCommand::List(args) | WorkloadCommand::Status(args) => status::run(args, settings).await,
        WorkloadCommand::Where(args) => where_::run(args, settings).await,
        WorkloadCommand::Sync(args) => sync::run(args, settings).await,
        WorkloadCommand::Wait(args) => wait::run(args, settings).await,
        WorkloadCommand::Diff(args) => diff::run(args, settings).await,
    }
}
