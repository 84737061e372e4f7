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
/// How large an archive may be: one option with one default for `backup create` (which writes
/// none larger) and `restore` (which reads none larger), so that every backup written with the
/// defaults restores.
#[derive(Debug, clap::Args)]
pub struct SizeArgs {
    /// The largest archive, uncompressed with its headers (a quantity: 512Mi, 2Gi). `backup
    /// create` writes none larger; `restore` reads none larger.
    #[arg(long, value_name = "SIZE", default_value = "2Gi", value_parser = parse_size)]
    pub max_size: u64,
}

impl SizeArgs {
    /// The archive limits this size allows: each entry at most 8 MiB (or the size, if smaller).
    pub fn limits(&self) -> crate::backup::Limits {
        let restore = crate::backup::Limits::RESTORE;
        crate::backup::Limits { entry_bytes: restore.entry_bytes.min(self.max_size), total_bytes: self.max_size }
    }
}

fn parse_size(text: &str) -> Result<u64, String> {
    let bytes = crate::api::quantity::parse_units(text).map_err(|e| format!("\"{text}\" is not a size: {e}"))?;
    match u64::try_from(bytes) {
        Ok(0) | Err(_) => Err(format!("\"{text}\" is not a size above zero that fits in 64 bits")),
        Ok(bytes) => Ok(bytes),
    }
}

fn read_secret_file(path: &Path) -> Result<SecretString, CliError> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| CliError::new(ExitKind::Config, format!("cannot read passphrase file {}: {e}", path.display())))?;
    let line = text.lines().next().unwrap_or_default().trim_end_matches('\r');
    if line.is_empty() {
        return Err(CliError::usage(format!("passphrase file {} is empty", path.display())));
    }
    Ok(SecretString::from(line.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_size_is_a_quantity_above_zero() {
        assert_eq!(parse_size("2Gi"), Ok(2 << 30));
        assert_eq!(parse_size("4Ki"), Ok(4096));
        assert!(parse_size("0").is_err());
        assert!(parse_size("lots").unwrap_err().contains("\"lots\" is not a size"));
        let limits = SizeArgs { max_size: 4096 }.limits();
        assert_eq!(limits, crate::backup::Limits { entry_bytes: 4096, total_bytes: 4096 });
        assert_eq!(SizeArgs { max_size: 2 << 30 }.limits(), crate::backup::Limits::RESTORE);
    }
}
