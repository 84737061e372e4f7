//! `tmcctl backup create`: capture the TMC objects of workspaces, the workloads they sync and
//! what those refer to, each kind from one LIST at one resourceVersion, into an archive —
//! sealed with age whenever it holds Secrets.

use std::path::PathBuf;

use clap::Args;
use serde_json::json;

use crate::backup::capture::{capture, direct_sources};
use crate::backup::{encode_within, seal, store, ArchiveError, SealTo};
use crate::cli::OutputArgs;
use crate::client::{Connection, ConnectionSettings, WorkspacePath};
use crate::error::CliError;
use crate::install::DEFAULT_PROVIDER_WORKSPACE;
use crate::output::Printer;

use super::{read_secret_file, SizeArgs};

/// Arguments of `backup create`.
#[derive(Debug, Args)]
pub struct CreateArgs {
    /// The backup's name (default: backup-<UTC date and time>).
    pub name: Option<String>,
    /// Every workspace that binds the TMC API (default: --workspace, else the context's).
    #[arg(long)]
    pub all_bound: bool,
    /// The workspace that publishes the TMC API (for --all-bound).
    #[arg(long, default_value = DEFAULT_PROVIDER_WORKSPACE, value_name = "PATH")]
    pub provider_workspace: WorkspacePath,
    /// Include Secrets (cluster credentials among them); the archive must then be encrypted.
    #[arg(long)]
    pub include_secrets: bool,
    /// Encrypt to this age recipient (age1…; repeatable).
    #[arg(long = "encrypt-to", value_name = "RECIPIENT", conflicts_with = "passphrase_file")]
    pub encrypt_to: Vec<String>,
    /// Encrypt with the passphrase in this file (its first line).
    #[arg(long, value_name = "FILE")]
    pub passphrase_file: Option<PathBuf>,
    /// Write Secrets unencrypted (not recommended).
    #[arg(long)]
    pub insecure_plaintext: bool,
    /// Where to write: a directory or s3://BUCKET/PREFIX (default: the data directory's
    /// tmcctl/backups).
    #[arg(long, value_name = "DIR|s3://BUCKET/PREFIX")]
    pub to: Option<String>,
    #[command(flatten)]
    pub size: SizeArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Runs `backup create`.
pub async fn run(args: CreateArgs, settings: &ConnectionSettings) -> Result<(), CliError> {
    let printer = Printer::new(args.output.output.clone(), args.output.no_headers);
    let name =
        args.name.clone().unwrap_or_else(|| format!("backup-{}", jiff::Timestamp::now().strftime("%Y%m%d-%H%M%S")));
    store::check_name(&name)?;
    let sealing = match (&args.passphrase_file, args.encrypt_to.is_empty()) {
        (Some(file), _) => Some(SealTo::Passphrase(read_secret_file(file)?, None)),
        (None, false) => Some(SealTo::Recipients(args.encrypt_to.clone())),
        (None, true) => None,
    };
    if args.include_secrets && sealing.is_none() && !args.insecure_plaintext {
        return Err(CliError::usage("a backup with Secrets must be encrypted")
            .with_hint("pass --encrypt-to RECIPIENT or --passphrase-file FILE (or --insecure-plaintext)"));
    }
    let location = store::Location::parse(args.to.as_deref())?;
    let connection = Connection::open(settings).await?;
    let workspaces = if args.all_bound {
        crate::commands::bound_workspaces(&connection, &args.provider_workspace).await?
    } else {
        vec![connection
            .workspace()
            .cloned()
            .ok_or_else(|| CliError::usage("no workspace to back up: pass --workspace or --all-bound"))?]
    };
    let reading = Printer::spinner(&format!("reading {} workspace(s)", workspaces.len()));
    let sources = direct_sources(&connection, &workspaces).await?;
    let (capture, objects) = capture(connection.url(), &sources, args.include_secrets).await?;
    reading.finish_and_clear();
    let archive = encode_within(&capture, &objects, args.size.limits()).map_err(|e| {
        let too_large = matches!(e, ArchiveError::TooLarge { .. });
        let error = CliError::new(crate::error::ExitKind::Failure, format!("backup \"{name}\" not written: {e}"));
        if too_large {
            error.with_hint(
                "restore reads no archive above --max-size (2Gi unless given): back up fewer workspaces at once \
                 (--workspace), or pass the same larger --max-size here and to restore",
            )
        } else {
            error
        }
    })?;
    let bytes = match &sealing {
        Some(to) => seal(&archive, to).map_err(|e| CliError::usage(e.to_string()))?,
        None => archive,
    };
    let size = bytes.len();
    let writing = Printer::spinner(&format!("writing {size} bytes"));
    let path = location.write(&name, bytes).await?;
    writing.finish_and_clear();
    let report = json!({"name": name, "path": path, "objects": objects.len(), "workspaces": capture.workspaces,
                        "bytes": size, "encrypted": sealing.is_some()});
    printer.value(&report, || {
        let sealed = if sealing.is_some() { ", encrypted" } else { "" };
        format!(
            "backup \"{name}\" written: {} objects of {} workspace(s), {} bytes{sealed} ({})\n",
            objects.len(),
            workspaces.len(),
            size,
            path
        )
    })?;
    Ok(())
}
