//! `tmcctl cluster rotate-credentials`: replace the stored ServiceAccount token of a cluster
//! registered with `--create-service-account`, without downtime. A new token Secret is made
//! first (with admin credentials given for this purpose only), checked, stored; the old tokens
//! are deleted only after a grace period in which the controller, which watches the credential
//! Secrets, moves to the new one.

use std::path::PathBuf;
use std::time::Duration;

use clap::Args;
use serde_json::json;

use crate::cli::{parse_duration, OutputArgs};
use crate::client::{ApplyOptions, ClusterCredentials, Connection, ConnectionSettings};
use crate::commands::explain_tmc_error;
use crate::error::{CliError, ExitKind};
use crate::install::{FIELD_MANAGER, MANAGED_BY, MANAGED_BY_LABEL};
use crate::output::Printer;

use super::agent::{self, AGENT_NAMESPACE, AGENT_TOKEN_SECRET, TOKEN_OWNER_LABEL};
use super::shared::{secret_object, secrets, stored_credentials, VERIFY_TIMEOUT};

/// Arguments of `cluster rotate-credentials`.
#[derive(Debug, Args)]
pub struct RotateArgs {
    /// The registration's name.
    pub name: String,
    /// Admin kubeconfig of the physical cluster, used to make the new token (never stored).
    #[arg(long, value_name = "FILE")]
    pub cluster_kubeconfig: PathBuf,
    /// Context in --cluster-kubeconfig (default: its current-context).
    #[arg(long, value_name = "NAME")]
    pub cluster_context: Option<String>,
    /// How long the old tokens stay valid after the new one is stored.
    #[arg(long, default_value = "10s", value_name = "DURATION", value_parser = parse_duration)]
    pub grace: Duration,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Runs `cluster rotate-credentials`.
pub async fn run(args: RotateArgs, settings: &ConnectionSettings) -> Result<(), CliError> {
    let printer = Printer::new(args.output.output.clone(), args.output.no_headers);
    let connection = Connection::open(settings).await?;
    let current = stored_credentials(&connection, &args.name).await?;
    if !current.kind().starts_with("service account token") {
        return Err(CliError::new(
            ExitKind::Conflict,
            format!(
                "cluster \"{}\" is registered with {} credentials, not a tmcctl ServiceAccount token",
                args.name,
                current.kind()
            ),
        )
        .with_hint(format!(
            "register it again with --create-service-account: `tmcctl cluster register {} --create-service-account …`",
            args.name
        )));
    }
    let admin = ClusterCredentials::from_file(&args.cluster_kubeconfig, args.cluster_context.as_deref())?;
    let stamp = jiff::Timestamp::now().as_second();
    let owner = agent::token_owner(&connection.url(), &args.name);
    let token_secret = format!("{AGENT_TOKEN_SECRET}-{owner}-{stamp}");
    let synced = agent::synced_types(&connection, &printer).await?;
    let fresh = agent::create_agent(&args.name, &admin, &synced, &token_secret, &owner).await?;
    agent::verify_new_token(&args.name, &fresh).await?;
    let stored = secret_object(&args.name, &fresh);
    if let Err(e) = connection.apply(&secrets(), &stored, FIELD_MANAGER, ApplyOptions::default()).await {
        return Err(explain_tmc_error(&connection, e).await);
    }
    printer.status(&format!(
        "cluster \"{}\": new token stored; the old ones stay valid for {}s while the controller switches",
        args.name,
        args.grace.as_secs()
    ))?;
    let waiting = Printer::spinner(&format!("the old tokens stay valid for {}s", args.grace.as_secs()));
    tokio::time::sleep(args.grace).await;
    waiting.finish_and_clear();
    let cluster = Connection::to_cluster(&admin, Some(VERIFY_TIMEOUT), Default::default()).await?;
    // Only this registration's tokens: other workspaces may register the same cluster.
    let selector = format!("{MANAGED_BY_LABEL}={MANAGED_BY},{TOKEN_OWNER_LABEL}={owner}");
    let mut revoked = Vec::new();
    for secret in cluster.list(&secrets(), Some(AGENT_NAMESPACE), Some(&selector)).await?.items {
        let name = secret["metadata"]["name"].as_str().unwrap_or_default().to_string();
        let is_token = secret["type"] == "kubernetes.io/service-account-token";
        if is_token && name != token_secret && cluster.delete(&secrets(), Some(AGENT_NAMESPACE), &name).await? {
            revoked.push(name);
        }
    }
    let report = json!({"cluster": args.name, "tokenSecret": token_secret, "revoked": revoked});
    printer.value(&report, || {
        format!(
            "cluster \"{}\": credentials rotated (token Secret {AGENT_NAMESPACE}/{token_secret}; {} old revoked)\n",
            args.name,
            revoked.len()
        )
    })?;
    Ok(())
}
