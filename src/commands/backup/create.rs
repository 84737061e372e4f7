//! `tmcctl backup create`: capture the TMC objects of workspaces, the workloads they sync and
//! what those refer to, each kind from one LIST at one resourceVersion, into an archive —
//! sealed with age whenever it holds Secrets.

use std::collections::BTreeMap;
use std::path::PathBuf;

use clap::Args;
use serde_json::json;

use crate::api::ownership::DOWNSTREAM_IDENTITY_ANNOTATION;
use crate::api::{ClusterRegistration, WorkloadPlacement};
use crate::backup::{encode, seal, strip_server_fields, ArchivedObject, Capture, SealTo};
use crate::cli::OutputArgs;
use crate::client::{ClientError, Connection, ConnectionSettings, Resource, WorkspacePath};
use crate::controller::runtime::LOGICAL_CLUSTER_ANNOTATION;
use crate::controller::workload_types::{self, ExportLocation};
use crate::error::CliError;
use crate::install::DEFAULT_PROVIDER_WORKSPACE;
use crate::output::Printer;

use super::{core_resources, made_by_the_server, read_secret_file, store};

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
    pub output: OutputArgs,
}

/// What is read per workspace; `true` keeps status (a placement's decisions keep their
/// clusters on restore). The order does not matter: restore orders by kind.
fn kinds(include_secrets: bool, workloads: Vec<Resource>) -> Vec<(Resource, bool)> {
    let mut kinds: Vec<(Resource, bool)> =
        core_resources().filter(|r| include_secrets || r.kind != "Secret").map(|r| (r, false)).collect();
    kinds.push((Resource::of::<ClusterRegistration>(), false));
    kinds.push((Resource::of::<WorkloadPlacement>(), true));
    kinds.extend(workloads.into_iter().map(|r| (r, false)));
    kinds
}

/// The name the workspace's objects carry downstream: the identity its registrations claim (after
/// an earlier restore), else its logical cluster's name; `None` on a server without logical
/// clusters (plain Kubernetes), where the workspace has none to keep.
async fn downstream_identity(at: &Connection) -> Result<Option<String>, CliError> {
    let logical_clusters = Resource::new("core.kcp.io", "v1alpha1", "LogicalCluster", "logicalclusters", false);
    let logical_cluster = match at.get(&logical_clusters, None, "cluster").await {
        Ok(Some(found)) => found["metadata"]["annotations"][LOGICAL_CLUSTER_ANNOTATION].as_str().map(str::to_string),
        Ok(None) | Err(ClientError::NotFound { .. }) => None,
        Err(e) => return Err(e.into()),
    };
    let Some(logical_cluster) = logical_cluster else { return Ok(None) };
    let registrations = match at.list(&Resource::of::<ClusterRegistration>(), None, None).await {
        Ok(list) => list.items,
        Err(ClientError::NotFound { .. }) => Vec::new(),
        Err(e) => return Err(e.into()),
    };
    let claims =
        registrations.iter().filter_map(|r| r["metadata"]["annotations"][DOWNSTREAM_IDENTITY_ANNOTATION].as_str());
    Ok(Some(crate::sync::downstream_identity(&logical_cluster, claims).to_string()))
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
    let created_at = jiff::Timestamp::now().to_string();
    let mut objects = Vec::new();
    let mut resource_versions = BTreeMap::new();
    let mut downstream_identities = BTreeMap::new();
    for workspace in &workspaces {
        let at = connection.for_workspace(workspace);
        if let Some(identity) = downstream_identity(&at).await? {
            downstream_identities.insert(workspace.to_string(), identity);
        }
        let workloads = workload_types::resolve(ExportLocation::Binding(&at)).await?;
        for (resource, keep_status) in kinds(args.include_secrets, workloads.into_iter().map(|t| t.resource).collect())
        {
            let list = match at.list(&resource, None, None).await {
                Ok(list) => list,
                // A type the workspace does not serve (the TMC API not bound) holds nothing.
                Err(ClientError::NotFound { .. }) => continue,
                Err(e) => {
                    let e = CliError::from(e);
                    return Err(CliError {
                        message: format!("{} of {workspace}: {}", resource.plural, e.message),
                        ..e
                    });
                }
            };
            resource_versions.insert(
                (workspace.to_string(), resource.api_version(), resource.kind.clone()),
                list.resource_version.clone().unwrap_or_default(),
            );
            for mut object in list.items {
                if made_by_the_server(&resource.kind, &object) {
                    continue;
                }
                // Lists leave out apiVersion and kind on items of some servers.
                object["apiVersion"] = json!(resource.api_version());
                object["kind"] = json!(resource.kind);
                strip_server_fields(&mut object, keep_status);
                objects.push(ArchivedObject { workspace: workspace.to_string(), object });
            }
        }
    }
    let capture = Capture {
        source: connection.url(),
        created_at,
        workspaces: workspaces.iter().map(ToString::to_string).collect(),
        resource_versions,
        downstream_identities,
    };
    let archive =
        encode(&capture, &objects).map_err(|e| CliError::new(crate::error::ExitKind::Failure, e.to_string()))?;
    let bytes = match &sealing {
        Some(to) => seal(&archive, to).map_err(|e| CliError::usage(e.to_string()))?,
        None => archive,
    };
    let size = bytes.len();
    let path = location.write(&name, bytes).await?;
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
