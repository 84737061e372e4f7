//! `tmcctl backup …` and `tmcctl restore`: archives of workspaces on this machine. The archive
//! format and the restore plan are [`crate::backup`]; this module reads and writes the servers
//! and the files.

mod create;
mod inspect;
mod journal;
pub mod restore;
mod store;

use std::path::Path;

use age::secrecy::SecretString;
use clap::Subcommand;
use serde_json::Value;

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
}

/// Dispatches `backup` verbs.
pub async fn run(cmd: BackupCommand, settings: &ConnectionSettings) -> Result<(), CliError> {
    match cmd {
        BackupCommand::Create(args) => create::run(args, settings).await,
        BackupCommand::List(args) => inspect::list(args).await,
        BackupCommand::Describe(args) => inspect::describe(args).await,
        BackupCommand::Verify(args) => inspect::verify(args).await,
        BackupCommand::Delete(args) => inspect::delete(args).await,
    }
}

/// The core kinds a backup holds, as (kind, plural, namespaced); Secrets only when asked for.
const CORE_KINDS: [(&str, &str, bool); 4] = [
    ("Namespace", "namespaces", false),
    ("ConfigMap", "configmaps", true),
    ("Secret", "secrets", true),
    ("ServiceAccount", "serviceaccounts", true),
];

/// Namespaces every workspace has; restore does not need them.
const SYSTEM_NAMESPACES: [&str; 4] = ["default", "kube-system", "kube-public", "kube-node-lease"];

/// Objects the server makes by itself in every workspace or namespace.
pub(super) fn made_by_the_server(kind: &str, object: &Value) -> bool {
    let name = object["metadata"]["name"].as_str().unwrap_or_default();
    match kind {
        "Namespace" => SYSTEM_NAMESPACES.contains(&name),
        "ConfigMap" => name == "kube-root-ca.crt",
        "ServiceAccount" => name == "default",
        "Secret" => object["type"] == "kubernetes.io/service-account-token",
        _ => false,
    }
}

/// [`CORE_KINDS`] as resources.
fn core_resources() -> impl Iterator<Item = crate::client::Resource> {
    CORE_KINDS
        .into_iter()
        .map(|(kind, plural, namespaced)| crate::client::Resource::new("", "v1", kind, plural, namespaced))
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
