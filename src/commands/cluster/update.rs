//! `cluster update`, `cordon` and `uncordon`. Update re-applies the registration's
//! whole intent with tmcctl's field manager (read, change, apply with the resourceVersion,
//! retried on a concurrent change); cordon state has a field manager of its own so that
//! re-running `register` or `update` never uncordons a cluster.

use std::path::PathBuf;

use clap::Args;
use serde_json::{json, Value};

use crate::api::input::{
    apply_label_changes, parse_capability_flag, parse_label_change_flag, Capabilities, LabelChanges,
};
use crate::api::names::check_label_value;
use crate::api::DeletionPolicy;
use crate::cli::OutputArgs;
use crate::client::{ApplyOptions, ClientError, ClusterCredentials, Connection, ConnectionSettings, CredentialsTrust};
use crate::error::{CliError, ExitKind};
use crate::install::FIELD_MANAGER;
use crate::output::{OutputFormat, Printer};

use super::shared::{
    kind_group, record_needs, registrations, require, secret_object, secrets, verify, CORDON_FIELD_MANAGER,
    DRAIN_ANNOTATION,
};

/// How often an update is retried when the object changed between read and write (as kubectl).
const CONFLICT_RETRIES: usize = 5;

/// Arguments of `cluster update`.
#[derive(Debug, Args)]
pub struct UpdateArgs {
    /// The ClusterRegistration's name.
    pub name: String,
    /// New location.
    #[arg(long)]
    pub location: Option<String>,
    /// Label changes: key=value sets, key- removes (comma-separated).
    #[arg(long, value_name = "K=V|K-,…", value_parser = parse_label_change_flag)]
    pub labels: Option<LabelChanges>,
    /// Replace the capabilities: type:true|false,…
    #[arg(long, value_name = "TYPE:BOOL,…", value_parser = parse_capability_flag)]
    pub capabilities: Option<Capabilities>,
    /// Rotate credentials from this kubeconfig of the physical cluster.
    #[arg(long, value_name = "FILE")]
    pub cluster_kubeconfig: Option<PathBuf>,
    /// Context in --cluster-kubeconfig.
    #[arg(long, value_name = "NAME", requires = "cluster_kubeconfig")]
    pub cluster_context: Option<String>,
    /// What happens to the copies on the cluster when it is unregistered: Retain or Delete.
    #[arg(long, value_name = "Retain|Delete")]
    pub deletion_policy: Option<DeletionPolicy>,
    /// Store credentials that run an exec plugin.
    #[arg(long)]
    pub allow_exec: bool,
    /// Store credentials for a plain-HTTP server or with TLS verification off.
    #[arg(long)]
    pub allow_insecure: bool,
    /// Do not connect to the cluster with the new credentials before storing them.
    #[arg(long)]
    pub skip_verify: bool,
    /// Take ownership of fields another manager (kubectl, another tool) set differently.
    #[arg(long)]
    pub force_conflicts: bool,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Arguments of `cluster cordon` and `uncordon`.
#[derive(Debug, Args)]
pub struct CordonArgs {
    /// The ClusterRegistration's name.
    pub name: String,
}

/// Runs `cluster update`.
pub async fn update(args: UpdateArgs, settings: &ConnectionSettings) -> Result<(), CliError> {
    let printer = Printer::new(args.output.output.clone(), args.output.no_headers);
    if let Some(location) = &args.location {
        check_label_value("location", location).map_err(|e| CliError::usage(format!("--location: {e}")))?;
    }
    let nothing = args.location.is_none()
        && args.labels.is_none()
        && args.capabilities.is_none()
        && args.deletion_policy.is_none();
    if nothing && args.cluster_kubeconfig.is_none() {
        return Err(CliError::usage("nothing to update")
            .with_hint("pass --location, --labels, --capabilities, --deletion-policy or --cluster-kubeconfig"));
    }
    let connection = Connection::open(settings).await?;
    require(&connection, &args.name).await?;
    let needs = match &args.cluster_kubeconfig {
        Some(path) => Some(rotate_credentials(&connection, &args, path).await?),
        None => None,
    };
    let options = ApplyOptions { dry_run: false, force: args.force_conflicts };
    let mut attempt = 0;
    let applied = loop {
        let current = require(&connection, &args.name).await?;
        let intent = update_intent(&current, &args, needs);
        match connection.apply(&registrations(), &intent, FIELD_MANAGER, options).await {
            Ok(applied) => break applied,
            Err(ClientError::Conflict { message }) if message.contains("Apply failed") => {
                return Err(CliError::new(ExitKind::Conflict, format!("cluster \"{}\": {message}", args.name))
                    .with_hint("another manager owns these fields; pass --force-conflicts to take them over"));
            }
            Err(ClientError::Conflict { .. }) if attempt + 1 < CONFLICT_RETRIES => attempt += 1,
            Err(ClientError::Conflict { .. }) => {
                return Err(CliError::new(
                    ExitKind::Conflict,
                    format!(
                        "cluster \"{}\" changed concurrently {CONFLICT_RETRIES} times while updating; re-run",
                        args.name
                    ),
                ));
            }
            Err(e) => return Err(e.into()),
        }
    };
    if matches!(printer.format(), OutputFormat::Table | OutputFormat::Wide) {
        printer.write_out(&format!("{}/{} updated\n", kind_group(), args.name))?;
    } else {
        printer.objects(std::slice::from_ref(&applied), true, &kind_group(), |_| Default::default())?;
    }
    Ok(())
}

/// The registration's whole intent after the requested changes, with the resourceVersion it
/// was read at so that a concurrent change makes the apply fail rather than be lost. `needs`:
/// what newly stored credentials need, recorded on the registration in place of the old.
fn update_intent(current: &Value, args: &UpdateArgs, needs: Option<CredentialsTrust>) -> Value {
    let mut labels = serde_json::from_value(current["metadata"]["labels"].clone()).unwrap_or_default();
    apply_label_changes(&mut labels, args.labels.as_ref().map(|l| l.0.as_slice()).unwrap_or_default());
    let mut spec = json!({
        "location": args.location.clone().map(Value::String).unwrap_or_else(|| current["spec"]["location"].clone()),
    });
    let capabilities = match &args.capabilities {
        Some(Capabilities(c)) => serde_json::to_value(c).expect("capabilities serialize"),
        None => current["spec"]["capabilities"].clone(),
    };
    if !capabilities.is_null() {
        spec["capabilities"] = capabilities;
    }
    let policy = args.deletion_policy.map(|p| json!(p)).unwrap_or_else(|| current["spec"]["deletionPolicy"].clone());
    if !policy.is_null() {
        spec["deletionPolicy"] = policy;
    }
    if !current["spec"]["credentials"].is_null() {
        spec["credentials"] = current["spec"]["credentials"].clone();
        if let Some(needs) = needs {
            record_needs(&mut spec["credentials"], needs);
        }
    }
    json!({
        "apiVersion": "tmc.kcp.io/v1alpha1",
        "kind": "ClusterRegistration",
        "metadata": {"name": args.name, "labels": labels, "resourceVersion": current["metadata"]["resourceVersion"]},
        "spec": spec,
    })
}

async fn rotate_credentials(
    connection: &Connection,
    args: &UpdateArgs,
    path: &std::path::Path,
) -> Result<CredentialsTrust, CliError> {
    let credentials = ClusterCredentials::from_file(path, args.cluster_context.as_deref())?;
    if let (Some(program), false) = (credentials.exec_command(), args.allow_exec) {
        return Err(CliError::usage(format!("the new credentials run an external program ({program})"))
            .with_hint("pass --allow-exec if you trust it"));
    }
    let credentials =
        credentials.with_trust(CredentialsTrust { allow_exec: args.allow_exec, allow_insecure: args.allow_insecure });
    credentials.check()?;
    if !args.skip_verify {
        verify(&args.name, &credentials).await?;
    }
    let secret = secret_object(&args.name, &credentials);
    connection.apply(&secrets(), &secret, FIELD_MANAGER, ApplyOptions::default()).await?;
    Ok(credentials.needs())
}

/// Runs `cluster cordon` (`on`) and `cluster uncordon`.
pub async fn cordon(args: CordonArgs, settings: &ConnectionSettings, on: bool) -> Result<(), CliError> {
    let connection = Connection::open(settings).await?;
    require(&connection, &args.name).await?;
    // Uncordoning also drops the drain annotation: this manager applies without it.
    set_cordon(&connection, &args.name, on, None).await?;
    let verb = if on { "cordoned" } else { "uncordoned" };
    Printer::default().write_out(&format!("{}/{} {verb}\n", kind_group(), args.name))?;
    Ok(())
}

pub(super) async fn set_cordon(
    connection: &Connection,
    name: &str,
    on: bool,
    drain_since: Option<&str>,
) -> Result<Value, CliError> {
    let mut intent = json!({
        "apiVersion": "tmc.kcp.io/v1alpha1",
        "kind": "ClusterRegistration",
        "metadata": {"name": name},
        "spec": {"unschedulable": on},
    });
    if let Some(since) = drain_since {
        intent["metadata"]["annotations"] = json!({ DRAIN_ANNOTATION: since });
    }
    Ok(connection.apply(&registrations(), &intent, CORDON_FIELD_MANAGER, ApplyOptions::default()).await?)
}
