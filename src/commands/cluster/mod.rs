//! `tmcctl cluster …`: the platform team's view of registered physical clusters.

mod agent;
mod drain;
mod guided;
mod list;
mod register;
mod rotate;
pub(crate) mod shared;
mod status;
mod unregister;
mod update;

use clap::Subcommand;

use crate::client::ConnectionSettings;
use crate::error::CliError;

/// `tmcctl cluster …`
#[derive(Debug, Subcommand)]
pub enum ClusterCommand {
    /// List registered clusters with their location, health and heartbeat.
    #[command(visible_alias = "ls")]
    List(list::ListArgs),
    /// Register a physical cluster (re-running updates the registration in place).
    Register(register::RegisterArgs),
    /// Show a cluster's conditions, capacity, health score, taints and workloads.
    #[command(visible_alias = "describe")]
    Status(status::StatusArgs),
    /// Change a cluster's labels, location, capabilities or credentials.
    Update(update::UpdateArgs),
    /// Stop placing new workloads on a cluster.
    Cordon(update::CordonArgs),
    /// Allow placing workloads on a cluster again (also ends a drain).
    Uncordon(update::CordonArgs),
    /// Cordon a cluster so its workloads move elsewhere (checked first: the others must take them).
    Drain(drain::DrainArgs),
    /// Remove a cluster's registration and its stored credentials.
    Unregister(unregister::UnregisterArgs),
    /// Replace the stored ServiceAccount token of a cluster without downtime.
    RotateCredentials(rotate::RotateArgs),
}

/// Dispatches `cluster` verbs.
pub async fn run(cmd: ClusterCommand, settings: &ConnectionSettings) -> Result<(), CliError> {
    match cmd {
        ClusterCommand::List(args) => list::run(args, settings).await,
        ClusterCommand::Register(args) => register::run(args, settings).await,
        ClusterCommand::Status(args) => status::run(args, settings).await,
        ClusterCommand::Update(args) => update::update(args, settings).await,
        ClusterCommand::Cordon(args) => update::cordon(args, settings, true).await,
        ClusterCommand::Uncordon(args) => update::cordon(args, settings, false).await,
        ClusterCommand::Drain(args) => drain::run(args, settings).await,
        ClusterCommand::Unregister(args) => unregister::run(args, settings).await,
        ClusterCommand::RotateCredentials(args) => rotate::run(args, settings).await,
    }
}
