//! `tmcctl rbac …`: the TMC roles in each workspace, who holds them, and what a subject may do
//! on the hub and on every registered cluster. Role sets and matrices are built in
//! [`crate::security`]; this module reads and writes the RBAC objects and asks the reviews.

mod check;
mod grant;
mod list;
mod setup;
mod who_can;

use clap::Subcommand;
use serde_json::Value;

use crate::client::{ApplyOptions, ClientError, Connection, ConnectionSettings, Resource, WorkspacePath};
use crate::error::{CliError, ExitKind};
use crate::install::{FIELD_MANAGER, MANAGED_BY, MANAGED_BY_LABEL};

/// `tmcctl rbac …`
#[derive(Debug, Subcommand)]
pub enum RbacCommand {
    /// Create or update the roles tmc:cluster-admin, tmc:operator and tmc:viewer (and the
    /// controller's role and binding in the provider workspace).
    Setup(setup::SetupArgs),
    /// Bind a TMC role to a user, group or service account in the workspace.
    Grant(grant::GrantArgs),
    /// Remove a binding `grant` made (and the workspace access it gave, once unused).
    Revoke(grant::GrantArgs),
    /// List who holds which TMC role.
    #[command(visible_alias = "ls")]
    List(list::ListArgs),
    /// Ask the workspace and every registered cluster whether a subject may do something.
    Check(check::CheckArgs),
    /// List the subjects that RBAC objects in the workspace allow to do something.
    WhoCan(who_can::WhoCanArgs),
}

/// Dispatches `rbac` verbs.
pub async fn run(cmd: RbacCommand, settings: &ConnectionSettings) -> Result<(), CliError> {
    match cmd {
        RbacCommand::Setup(args) => setup::run(args, settings).await,
        RbacCommand::Grant(args) => grant::grant(args, settings).await,
        RbacCommand::Revoke(args) => grant::revoke(args, settings).await,
        RbacCommand::List(args) => list::run(args, settings).await,
        RbacCommand::Check(args) => check::run(args, settings).await,
        RbacCommand::WhoCan(args) => who_can::run(args, settings).await,
    }
}

/// Labels on every object `rbac` writes, besides the role labels.
const MANAGED: [(&str, &str); 1] = [(MANAGED_BY_LABEL, MANAGED_BY)];

fn rbac_resource(kind: &str, plural: &str, namespaced: bool) -> Resource {
    Resource::new("rbac.authorization.k8s.io", "v1", kind, plural, namespaced)
}

pub(crate) fn cluster_roles() -> Resource {
    rbac_resource("ClusterRole", "clusterroles", false)
}

pub(crate) fn cluster_role_bindings() -> Resource {
    rbac_resource("ClusterRoleBinding", "clusterrolebindings", false)
}

/// What applying an object did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Applied {
    Created,
    Updated,
    Unchanged,
}

impl Applied {
    fn word(self) -> &'static str {
        match self {
            Applied::Created => "created",
            Applied::Updated => "updated",
            Applied::Unchanged => "unchanged",
        }
    }
}

/// Server-side applies `object` as tmcctl, unless the object already holds every field of it
/// (compared as an apply would: extra server fields are fine). kcp gives even a no-op apply a
/// new resourceVersion, so not writing is what keeps a second `setup` a true no-op.
async fn apply_and_report(
    connection: &Connection,
    resource: &Resource,
    object: &Value,
) -> Result<Applied, ClientError> {
    let name = object["metadata"]["name"].as_str().unwrap_or_default();
    let namespace = object["metadata"]["namespace"].as_str();
    let before = connection.get(resource, namespace, name).await?;
    if before.as_ref().is_some_and(|b| crate::sync::drift::differences(object, b, &[]).is_empty()) {
        return Ok(Applied::Unchanged);
    }
    connection.apply(resource, object, FIELD_MANAGER, ApplyOptions::default()).await?;
    Ok(if before.is_none() { Applied::Created } else { Applied::Updated })
}

/// The workspace a command acts on: `--workspace` or the context's.
fn target_workspace(connection: &Connection) -> Result<WorkspacePath, CliError> {
    connection.workspace().cloned().ok_or_else(|| {
        CliError::usage(format!("no workspace to act in: {} names none", connection.url()))
            .with_hint("pass --workspace root:org:team")
    })
}

/// A refusal before any write, naming what is missing.
fn refused(message: String, hint: &str) -> CliError {
    CliError::new(ExitKind::Auth, message).with_hint(hint)
}
