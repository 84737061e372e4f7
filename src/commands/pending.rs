//! Command groups whose help and flags are settled but whose behaviour is not built yet.
//! Each refuses with exit code 8 and says so, rather than pretending to succeed.

use std::path::PathBuf;

use clap::{Args, Subcommand};

use crate::error::{CliError, ExitKind};

/// `tmcctl rbac …`
#[derive(Debug, Subcommand)]
pub enum RbacCommand {
    /// Create or update the roles tmc:cluster-admin, tmc:operator and tmc:viewer.
    Install,
    /// Bind a TMC role to a user or group.
    Grant {
        /// tmc:cluster-admin, tmc:operator or tmc:viewer.
        role: String,
        /// The user to bind.
        #[arg(long)]
        user: Option<String>,
    },
    /// List TMC role bindings.
    List,
}

/// Arguments of `tmcctl backup`.
#[derive(Debug, Args)]
pub struct BackupArgs {
    /// Where to write the archive.
    #[arg(short = 'f', long)]
    pub file: Option<PathBuf>,
}

/// Arguments of `tmcctl restore`.
#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// The archive to restore.
    #[arg(short = 'f', long)]
    pub file: Option<PathBuf>,
}

/// The error every not-yet-built command returns.
pub fn not_implemented(what: &str) -> Result<(), CliError> {
    Err(CliError::new(
        ExitKind::NotImplemented,
        format!("`tmcctl {what}` is not implemented in tmcctl {} yet", env!("CARGO_PKG_VERSION")),
    )
    .with_hint("see README.md for what this version does"))
}

/// Dispatches `rbac` verbs.
pub fn rbac(cmd: RbacCommand) -> Result<(), CliError> {
    let verb = match cmd {
        RbacCommand::Install => "install",
        RbacCommand::Grant { .. } => "grant",
        RbacCommand::List => "list",
    };
    not_implemented(&format!("rbac {verb}"))
}
