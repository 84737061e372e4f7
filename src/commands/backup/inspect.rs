//! `tmcctl backup list|describe|verify|delete`: the backups on this machine. None of these
//! touches a server; `describe` and `verify` decrypt with the key given and check the archive
//! entry by entry.

use std::path::PathBuf;

use clap::Args;
use serde_json::json;

use crate::ages::age;
use crate::backup::{decode_within, is_sealed, open, store, Archive, Limits, OpenWith};
use crate::cli::OutputArgs;
use crate::error::{CliError, ExitKind};
use crate::output::{Printer, Table};

use super::read_secret_file;

/// Where to look.
#[derive(Debug, Args)]
pub struct Location {
    /// Where backups are: a directory or s3://BUCKET/PREFIX (default: the data directory's
    /// tmcctl/backups).
    #[arg(long = "from", value_name = "DIR|s3://BUCKET/PREFIX")]
    pub at: Option<String>,
}

impl Location {
    fn open(&self) -> Result<store::Location, CliError> {
        store::Location::parse(self.at.as_deref())
    }
}

/// How to open an encrypted backup.
#[derive(Debug, Args)]
pub struct Keys {
    /// The passphrase file it was encrypted with.
    #[arg(long, value_name = "FILE", conflicts_with = "identity_file")]
    pub passphrase_file: Option<PathBuf>,
    /// An age identity file (AGE-SECRET-KEY-1…) of one of its recipients.
    #[arg(long, value_name = "FILE")]
    pub identity_file: Option<PathBuf>,
}

/// Arguments of `backup list`.
#[derive(Debug, Args)]
pub struct ListArgs {
    #[command(flatten)]
    pub location: Location,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Arguments of `backup describe` and `backup verify`.
#[derive(Debug, Args)]
pub struct OneArgs {
    /// The backup's name.
    pub name: String,
    #[command(flatten)]
    pub location: Location,
    #[command(flatten)]
    pub keys: Keys,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Arguments of `backup delete`.
#[derive(Debug, Args)]
pub struct DeleteArgs {
    /// The backup's name.
    pub name: String,
    #[command(flatten)]
    pub location: Location,
    /// Do not ask for confirmation.
    #[arg(short = 'y', long)]
    pub yes: bool,
}

/// Reads, decrypts and verifies backup `name`.
pub(super) async fn load(
    name: &str,
    location: &Location,
    keys: &Keys,
    limits: Limits,
) -> Result<(Archive, u64, bool), CliError> {
    let bytes = location.open()?.read(name).await?;
    let sealed = is_sealed(&bytes);
    let plain = if sealed {
        let with = match (&keys.passphrase_file, &keys.identity_file) {
            (Some(file), _) => OpenWith::Passphrase(read_secret_file(file)?),
            (None, Some(file)) => OpenWith::Identities(std::fs::read_to_string(file).map_err(|e| {
                CliError::new(ExitKind::Config, format!("cannot read identity file {}: {e}", file.display()))
            })?),
            (None, None) => {
                return Err(CliError::usage(format!("backup \"{name}\" is encrypted"))
                    .with_hint("pass --passphrase-file FILE or --identity-file FILE"))
            }
        };
        open(&bytes, &with).map_err(|e| CliError::new(ExitKind::Auth, format!("backup \"{name}\": {e}")))?
    } else {
        bytes.clone()
    };
    let archive = decode_within(&plain, limits)
        .map_err(|e| CliError::new(ExitKind::Damaged, format!("backup \"{name}\" failed verification: {e}")))?;
    Ok((archive, bytes.len() as u64, sealed))
}

/// Runs `backup list`.
pub async fn list(args: ListArgs) -> Result<(), CliError> {
    let printer = Printer::new(args.output.output.clone(), args.output.no_headers);
    let location = args.location.open()?;
    let now = jiff::Timestamp::now();
    let stored = location.list().await?;
    let mut rows = Vec::new();
    for s in &stored {
        let sealed = location.head(&s.name).await.map(|b| is_sealed(&b)).unwrap_or(false);
        rows.push((s, sealed, s.modified.map(|t| t.to_string())));
    }
    if rows.is_empty() {
        printer.status(&format!("No backups in {}.", location.display()))?;
        return Ok(());
    }
    let values: Vec<_> = rows
        .iter()
        .map(|(s, sealed, modified)| json!({"name": s.name, "bytes": s.size, "encrypted": sealed, "written": modified}))
        .collect();
    printer.value(&values, || {
        let mut table = Table::new(["NAME", "SIZE", "ENCRYPTED", "AGE"]);
        for (s, sealed, modified) in &rows {
            table.push(vec![
                s.name.clone(),
                s.size.to_string(),
                if *sealed { "yes" } else { "no" }.into(),
                age(modified.as_deref(), now),
            ]);
        }
        table.render(args.output.no_headers)
    })?;
    Ok(())
}

/// Runs `backup describe`.
pub async fn describe(args: OneArgs) -> Result<(), CliError> {
    let printer = Printer::new(args.output.output.clone(), args.output.no_headers);
    let (archive, size, sealed) = load(&args.name, &args.location, &args.keys, Limits::RESTORE).await?;
    let m = &archive.manifest;
    let value = json!({"name": args.name, "bytes": size, "encrypted": sealed, "manifest": m});
    printer.value(&value, || {
        let mut kinds = Table::new(["WORKSPACE", "KIND", "RESOURCE VERSION", "COUNT"]);
        for k in &m.kinds {
            kinds.push(vec![k.workspace.clone(), format!("{} ({})", k.kind, k.api_version), k.resource_version.clone(), k.count.to_string()]);
        }
        format!(
            "Name:        {}\nSource:      {}\nCreated:     {}\nWorkspaces:  {}\nObjects:     {}\nSecrets:     {}\nEncrypted:   {}\nSize:        {} bytes\nFormat:      {} (tmcctl {})\nKinds:\n{}",
            args.name,
            m.source,
            m.created_at,
            m.workspaces.join(", "),
            m.total_objects,
            if m.includes_secrets { "yes" } else { "no" },
            if sealed { "yes (age)" } else { "no" },
            size,
            m.format_version,
            m.tmcctl_version,
            kinds.render(false).lines().map(|l| format!("  {l}\n")).collect::<String>()
        )
    })?;
    Ok(())
}

/// Runs `backup verify`.
pub async fn verify(args: OneArgs) -> Result<(), CliError> {
    let printer = Printer::new(args.output.output.clone(), args.output.no_headers);
    let (archive, _, sealed) = load(&args.name, &args.location, &args.keys, Limits::RESTORE).await?;
    let value = json!({"name": args.name, "verified": true, "objects": archive.objects.len(), "encrypted": sealed});
    printer.value(&value, || {
        format!(
            "backup \"{}\" verified: {} objects, every digest and the manifest match{}\n",
            args.name,
            archive.objects.len(),
            if sealed { " (decrypted)" } else { "" }
        )
    })?;
    Ok(())
}

/// Runs `backup delete`.
pub async fn delete(args: DeleteArgs) -> Result<(), CliError> {
    let printer = Printer::default();
    let location = args.location.open()?;
    store::check_name(&args.name)?;
    if !args.yes {
        crate::commands::confirm(
            &printer,
            &format!("Delete backup \"{}\"?", args.name),
            &format!("delete backup \"{}\"", args.name),
        )?;
    }
    let deleted = location.delete(&args.name).await?;
    let verb = if deleted { "deleted" } else { "was not there" };
    printer.write_out(&format!("backup \"{}\" {verb}\n", args.name))?;
    Ok(())
}
