//! `tmcctl workload sync NAME`: asks the controller to reconcile a workload now (an annotation
//! it watches), and `--force-cleanup`: releases a deleted workload whose copies cannot be
//! removed because a cluster is gone for good.

use clap::Args;
use serde_json::json;

use crate::api::ownership::{finalizer_patch, SYNC_FINALIZER, SYNC_REQUESTED_ANNOTATION};
use crate::client::{ApplyOptions, Connection, ConnectionSettings};
use crate::commands::explain_tmc_error;
use crate::controller::FIELD_MANAGER as CONTROLLER_FIELD_MANAGER;
use crate::error::{CliError, ExitKind};
use crate::install::FIELD_MANAGER;
use crate::output::Printer;

use super::shared::{find, parse_reference, synced_types, NamespaceArgs};

/// Arguments of `workload sync`.
#[derive(Debug, Args)]
pub struct SyncArgs {
    /// The workload: `NAME` or `KIND/NAME`.
    pub name: String,
    #[command(flatten)]
    pub namespaces: NamespaceArgs,
    /// For a workload being deleted: release its finalizer now, leaving any copies on clusters
    /// that are gone for good (copies on reachable clusters should be removed first).
    #[arg(long)]
    pub force_cleanup: bool,
}

/// Runs `workload sync`.
pub async fn run(args: SyncArgs, settings: &ConnectionSettings) -> Result<(), CliError> {
    let printer = Printer::default();
    let connection = Connection::open(settings).await?;
    let types = synced_types(&connection).await?;
    let (matching, name) = parse_reference(&types, &args.name)?;
    let namespace = args.namespaces.namespace.as_deref().unwrap_or("default");
    for (ty, object) in find(&connection, &matching, namespace, &name).await? {
        let api_version = ty.resource.api_version();
        let metadata = json!({"name": name, "namespace": namespace});
        if args.force_cleanup {
            if object["metadata"]["deletionTimestamp"].is_null() {
                return Err(CliError::new(
                    ExitKind::Conflict,
                    format!(
                        "{} {namespace}/{name} is not being deleted; --force-cleanup only releases deleted workloads",
                        ty.resource.kind
                    ),
                )
                .with_hint(format!("delete it first (kubectl delete {} {name} -n {namespace})", ty.resource.plural)));
            }
            let holds =
                object["metadata"]["finalizers"].as_array().is_some_and(|f| f.iter().any(|v| v == SYNC_FINALIZER));
            if holds {
                // The finalizer is the controller's; a merge patch at the version just read takes
                // it off and nothing else, and cannot bring back an object deleted meanwhile.
                let patch = finalizer_patch(&object, SYNC_FINALIZER, false);
                match connection
                    .merge_patch(&ty.resource, Some(namespace), &name, &patch, CONTROLLER_FIELD_MANAGER)
                    .await
                {
                    Ok(_) | Err(crate::client::ClientError::NotFound { .. }) => {}
                    Err(e) => return Err(explain_tmc_error(&connection, e).await),
                }
            }
            printer.status(&format!(
                "{} {namespace}/{name}: finalizer released; copies on clusters that were not reachable are left there",
                ty.resource.kind
            ))?;
            continue;
        }
        let mut metadata = metadata;
        metadata["annotations"] = json!({ SYNC_REQUESTED_ANNOTATION: jiff::Timestamp::now().to_string() });
        let patch = json!({"apiVersion": api_version, "kind": ty.resource.kind, "metadata": metadata});
        let options = ApplyOptions { dry_run: false, force: true };
        if let Err(e) = connection.apply(&ty.resource, &patch, FIELD_MANAGER, options).await {
            return Err(explain_tmc_error(&connection, e).await);
        }
        printer.status(&format!("{} {namespace}/{name}: sync requested", ty.resource.kind))?;
    }
    Ok(())
}
