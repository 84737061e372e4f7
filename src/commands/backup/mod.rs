//! `tmcctl backup …` and `tmcctl restore`: archives of workspaces on this machine. The archive
//! format and the restore plan are [`crate::backup`]; this module reads and writes the servers
//! and the files.

mod adopt;
mod create;
mod inspect;
mod journal;
mod pass;
mod prepare;
pub mod restore;
pub(crate) mod schedule;

use std::path::Path;

use age::secrecy::SecretString;
use clap::Subcommand;

use crate::client::ConnectionSettings;
use crate::error::{CliError, ExitKind};

/// `tmcctl backup …`
#[derive(Debug, Subcommand)]
pub enum BackupCommand {
    /// Write the TMC objects of a workspace (or every bound one), its workloads and what they
    /// refer to, to an archive.
    Create(create::CreateArgs),
    /// List the backups in a directory or S3 bucket.
    #[command(visible_alias = "ls")]
    List(inspect::ListArgs),
    /// Show a backup's workspaces, kinds, counts, size and whether it is encrypted.
    Describe(inspect::OneArgs),
    /// Decrypt a backup and check every entry's digest and the manifest; touches no server.
    Verify(inspect::OneArgs),
    /// Delete a backup (asks first on a terminal; --yes otherwise).
    Delete(inspect::DeleteArgs),
    /// Backups the controller's leader takes at an interval, keeping the newest few.
    #[command(subcommand)]
    Schedule(schedule::ScheduleCommand),
}

/// Dispatches `backup` verbs.
pub async fn run(cmd: BackupCommand, settings: &ConnectionSettings) -> Result<(), CliError> {
    match cmd {
        BackupCommand::Create(args) => create::run(args, settings).await,
        BackupCommand::List(args) => inspect::list(args).await,
        BackupCommand::Describe(args) => inspect::describe(args).await,
        BackupCommand::Verify(args) => inspect::verify(args).await,
        BackupCommand::Delete(args) => inspect::delete(args).await,
        BackupCommand::Schedule(cmd) => schedule::run(cmd, settings).await,
    }
}

/// The first line of a passphrase file; an empty one is refused rather than used.
fn read_secret_file(path: &Path) -> Result<SecretString, CliError> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| CliError::new(ExitKind::Config, format!("cannot read passphrase file {}: {e}", path.display())))?;
    let line = text.lines().next().unwrap_or_default().trim_end_matches('\r');
    if line.is_empty() {
        return Err(CliError::usage(format!("passphrase file {} is empty", path.display())));
    }
    Ok(SecretString::from(line.to_string()))
}
