//! `tmcctl placement …`: placement policies, their decisions and the reasons behind them.

mod create;
mod delete;
mod describe;
mod list;
mod shared;
mod simulate;

use clap::Subcommand;

use crate::client::ConnectionSettings;
use crate::error::CliError;

/// `tmcctl placement …`
#[derive(Debug, Subcommand)]
pub enum PlacementCommand {
    /// Create a placement policy.
    Create(create::CreateArgs),
    /// List placements with their strategy and decision.
    #[command(visible_alias = "ls")]
    List(list::ListArgs),
    /// Show a placement's decision and, for every cluster, why it was chosen or rejected.
    Describe(describe::DescribeArgs),
    /// Run the engine against the live inventory now and explain the outcome, with the
    /// difference from the current decision.
    Explain(describe::DescribeArgs),
    /// Run the engine on a placement file, against the live inventory or a file of clusters
    /// (no server needed), and show what it would decide.
    Simulate(simulate::SimulateArgs),
    /// Change a placement's policy (only the flags given).
    Update(create::UpdateArgs),
    /// Delete a placement.
    Delete(delete::DeleteArgs),
}

/// Dispatches `placement` verbs.
pub async fn run(cmd: PlacementCommand, settings: &ConnectionSettings) -> Result<(), CliError> {
    match cmd {
        PlacementCommand::Create(args) => create::create(args, settings).await,
        PlacementCommand::List(args) => list::run(args, settings).await,
        PlacementCommand::Describe(args) => describe::run(args, settings, false).await,
        PlacementCommand::Explain(args) => describe::run(args, settings, true).await,
        PlacementCommand::Simulate(args) => simulate::run(args, settings).await,
        PlacementCommand::Update(args) => create::update(args, settings).await,
        PlacementCommand::Delete(args) => delete::run(args, settings).await,
    }
}
