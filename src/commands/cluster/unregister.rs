//! `tmcctl cluster unregister`: remove a registration and its credentials Secret, after a
//! confirmation on a terminal (or `--yes`); refuses while placements use the cluster.
//!
//! The registration's deletion policy says what becomes of the copies on the cluster:
//! `Retain` leaves them (each workload reports its copy there as left behind); `Delete` holds
//! the registration, with its credentials, while the controller removes them, and this command
//! waits for that. `--force` releases a registration held that way at once.

use std::time::Duration;

use clap::Args;
use serde_json::{json, Value};

use crate::api::ownership::{finalizer_patch, has_finalizer, UNREGISTER_FINALIZER};
use crate::api::DeletionPolicy;
use crate::cli::OutputArgs;
use crate::client::{ClientError, Connection, ConnectionSettings};
use crate::commands::confirm;
use crate::error::{CliError, ExitKind};
use crate::install::{FIELD_MANAGER, MANAGED_BY, MANAGED_BY_LABEL};
use crate::output::Printer;
use crate::sync::leaving::{holds_copies, UNREGISTER_TIMEOUT};

use super::shared::{kind_group, placements_on, read, registrations, secret_name, secrets, SECRET_NAMESPACE};

/// Arguments of `cluster unregister`.
#[derive(Debug, Args)]
pub struct UnregisterArgs {
    /// The ClusterRegistration's name.
    pub name: String,
    /// Do not ask for confirmation (needed without a terminal).
    #[arg(short = 'y', long)]
    pub yes: bool,
    /// Unregister even though placements still place workloads on the cluster; run again on a
    /// registration waiting for its copies to be removed, let it go at once (the copies left
    /// stay, and their workloads report them).
    #[arg(long)]
    pub force: bool,
    /// What becomes of the copies on the cluster: Retain them, or Delete them before the
    /// registration goes (default: the registration's own deletion policy, else Retain).
    #[arg(long, value_name = "Retain|Delete")]
    pub deletion_policy: Option<DeletionPolicy>,
    /// How long to wait for the controller to remove the copies (deletion policy Delete).
    #[arg(long, default_value = "6m", value_parser = humantime::parse_duration)]
    pub timeout: Duration,
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
    if current["metadata"]["deletionTimestamp"].is_string() {
        // Asked before: `--force` now lets a registration waiting for its copies go.
        return finish(&printer, &connection, &args, &current, args.force).await;
    }
    let placed = placements_on(&connection, &args.name).await?;
    if !placed.is_empty() && !args.force {
        return Err(CliError::new(
            ExitKind::Conflict,
            format!("cluster \"{}\" is used by placement(s) {}", args.name, placed.join(", ")),
        )
        .with_hint(format!("drain it first (`tmcctl cluster drain {} --wait`), or pass --force", args.name)));
    }
    let policy = args
        .deletion_policy
        .unwrap_or_else(|| serde_json::from_value(current["spec"]["deletionPolicy"].clone()).unwrap_or_default());
    if !args.yes {
        let copies = match policy {
            DeletionPolicy::Retain => "its copies stay there",
            DeletionPolicy::Delete => "its copies are removed from it first",
        };
        let question = format!(
            "Unregister cluster \"{}\" ({}) and delete its stored credentials ({copies})?",
            args.name,
            current["spec"]["location"].as_str().unwrap_or("no location")
        );
        confirm(&printer, &question, &format!("unregister cluster \"{}\"", args.name))?;
    }
    // The policy and (for Delete) the finalizer go on before the delete: the controller may not
    // have added the finalizer yet, and without it the registration would go at once.
    let current = hold(&connection, &args.name, current, Some(policy), holds_copies(Some(policy))).await?;
    connection.delete(&registrations(), None, &args.name).await?;
    let current = read(&connection, &args.name).await?.unwrap_or(current);
    finish(&printer, &connection, &args, &current, false).await
}

/// Once the delete was asked for: waits while the controller removes the copies (or, with
/// `release`, lets the registration go at once), then deletes the credentials Secret — not
/// before, as the controller needs it to reach the cluster.
async fn finish(
    printer: &Printer,
    connection: &Connection,
    args: &UnregisterArgs,
    current: &Value,
    release: bool,
) -> Result<(), CliError> {
    let held = current["metadata"]["deletionTimestamp"].is_string() && has_finalizer(current, UNREGISTER_FINALIZER);
    let copies = if held && release {
        hold(connection, &args.name, current.clone(), None, false).await?;
        "copies not removed yet are left behind"
    } else if held {
        let spinner =
            Printer::spinner(&format!("waiting for the controller to remove the copies on \"{}\"", args.name));
        let waited = connection.wait_gone(&registrations(), None, &args.name, args.timeout).await;
        spinner.finish_and_clear();
        waited.map_err(|e| {
            CliError::from(e).with_hint(format!(
                "the controller removes the copies at the eviction rate and lets the registration go after {} \
                 at the latest; `tmcctl cluster unregister {} --force` lets it go now (the copies left stay)",
                humantime::format_duration(UNREGISTER_TIMEOUT),
                args.name
            ))
        })?;
        "copies removed"
    } else {
        "copies retained"
    };
    let secret_ref = current["spec"]["credentials"]["name"].as_str().map(str::to_string);
    delete_secret(connection, &args.name, secret_ref.as_deref()).await?;
    printer.write_out(&format!("{}/{} unregistered ({copies})\n", kind_group(), args.name))?;
    Ok(())
}

/// Sets the deletion policy (when given) and holds or releases the finalizer, at the version
/// read: a status write that moved it meanwhile makes it read again (as kubectl retries).
async fn hold(
    connection: &Connection,
    name: &str,
    mut current: Value,
    policy: Option<DeletionPolicy>,
    held: bool,
) -> Result<Value, CliError> {
    const ATTEMPTS: usize = 5;
    for attempt in 0..=ATTEMPTS {
        let same_policy = policy.is_none_or(|p| current["spec"]["deletionPolicy"] == json!(p));
        if same_policy && has_finalizer(&current, UNREGISTER_FINALIZER) == held {
            return Ok(current);
        }
        if attempt == ATTEMPTS {
            break;
        }
        let mut patch = finalizer_patch(&current, UNREGISTER_FINALIZER, held);
        if let Some(policy) = policy {
            patch["spec"] = json!({"deletionPolicy": policy});
        }
        current = match connection.merge_patch(&registrations(), None, name, &patch, FIELD_MANAGER).await {
            Ok(patched) => patched,
            Err(ClientError::Conflict { .. }) => read(connection, name).await?.unwrap_or(current),
            // Released meanwhile: nothing left to hold.
            Err(ClientError::NotFound { .. }) => return Ok(current),
            Err(e) => return Err(e.into()),
        };
    }
    Err(CliError::new(
        ExitKind::Conflict,
        format!("cluster \"{name}\" changed concurrently {ATTEMPTS} times while unregistering; re-run"),
    ))
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
