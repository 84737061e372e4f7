//! Command groups whose help and flags are settled but whose behaviour is not built yet.
//! Each refuses with exit code 8 and says so, rather than pretending to succeed.

use std::path::PathBuf;

use clap::Args;

use crate::error::{CliError, ExitKind};

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
