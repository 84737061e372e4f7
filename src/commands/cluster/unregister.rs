//! `tmcctl cluster unregister`: remove a registration and its credentials Secret, after a
//! confirmation on a terminal (or `--yes`); refuses while placements use the cluster.

use clap::Args;

use crate::cli::OutputArgs;
use crate::client::{Connection, ConnectionSettings};
use crate::commands::confirm;
use crate::error::{CliError, ExitKind};
use crate::install::{MANAGED_BY, MANAGED_BY_LABEL};
use crate::output::Printer;

use super::shared::{kind_group, placements_on, read, registrations, secret_name, secrets, SECRET_NAMESPACE};

/// Arguments of `cluster unregister`.
#[derive(Debug, Args)]
pub struct UnregisterArgs {
    /// The ClusterRegistration's name.
    pub name: String,
    /// Do not ask for confirmation (needed without a terminal).
    #[arg(short = 'y', long)]
    pub yes: bool,
    /// Unregister even though placements still place workloads on the cluster.
    #[arg(long)]
    pub force: bool,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Runs `cluster unregister`.
pub async fn run(args: UnregisterArgs, settings: &ConnectionSettings) -> Result<(), CliError> {
    let printer = Printer::default();
    let connection = Connection::open(settings).await?;
    let Some(current) = read(&connection, &args.name).await? else {
        // Idempotent: a registration that is gone may still have left its Secret behind.
        let removed = delete_secret(&connection, &args.name, None).await?;
        let extra = if removed { " (removed its leftover credentials Secret)" } else { "" };
        printer.status(&format!("cluster \"{}\" is not registered; nothing to do{extra}", args.name))?;
        return Ok(());
    };
    let placed = placements_on(&connection, &args.name).await?;
    if !placed.is_empty() && !args.force {
        return Err(CliError::new(
            ExitKind::Conflict,
            format!("cluster \"{}\" is used by placement(s) {}", args.name, placed.join(", ")),
        )
        .with_hint(format!("drain it first (`tmcctl cluster drain {} --wait`), or pass --force", args.name)));
    }
    if !args.yes {
        let question = format!(
            "Unregister cluster \"{}\" ({}) and delete its stored credentials?",
            args.name,
            current["spec"]["location"].as_str().unwrap_or("no location")
        );
        confirm(&printer, &question, &format!("unregister cluster \"{}\"", args.name))?;
    }
    connection.delete(&registrations(), None, &args.name).await?;
    let secret_ref = current["spec"]["credentials"]["name"].as_str().map(str::to_string);
    delete_secret(&connection, &args.name, secret_ref.as_deref()).await?;
    printer.write_out(&format!("{}/{} unregistered\n", kind_group(), args.name))?;
    Ok(())
}

/// Deletes the credentials Secret if tmcctl made it (never a Secret someone else owns).
async fn delete_secret(connection: &Connection, cluster: &str, referenced: Option<&str>) -> Result<bool, CliError> {
    let name = referenced.map(str::to_string).unwrap_or_else(|| secret_name(cluster));
    let Some(secret) = connection.get(&secrets(), Some(SECRET_NAMESPACE), &name).await.unwrap_or(None) else {
        return Ok(false);
    };
    if secret["metadata"]["labels"][MANAGED_BY_LABEL] != MANAGED_BY {
        return Ok(false);
    }
    Ok(connection.delete(&secrets(), Some(SECRET_NAMESPACE), &name).await?)
}
