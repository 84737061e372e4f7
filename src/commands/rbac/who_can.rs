//! `tmcctl rbac who-can`: the subjects the workspace's RBAC objects allow to do something.
//! Only what the objects say — an API server cannot list a group's members, and other
//! authorizers are not consulted — and the output says so.

use clap::Args;
use serde_json::{json, Value};

use crate::cli::OutputArgs;
use crate::client::{ClientError, Connection, ConnectionSettings, Resource};
use crate::error::CliError;
use crate::output::{OutputFormat, Printer, Table};
use crate::security::{who_can, Permission, Question, RbacObjects};

use super::{cluster_role_bindings, cluster_roles, rbac_resource};

/// What the answer is based on; printed with every answer.
const SOURCE: &str = "from RBAC objects only: groups are not expanded and other authorizers are not asked";

/// Arguments of `rbac who-can`.
#[derive(Debug, Args)]
pub struct WhoCanArgs {
    /// The verb (get, list, create, …).
    pub verb: String,
    /// PLURAL[.GROUP][/SUBRESOURCE], such as secrets or clusterregistrations.tmc.kcp.io.
    pub resource: String,
    /// The namespace asked about (RoleBindings elsewhere do not count).
    #[arg(short = 'n', long)]
    pub namespace: Option<String>,
    #[command(flatten)]
    pub output: OutputArgs,
}

async fn list_or_empty(connection: &Connection, resource: &Resource) -> Result<Vec<Value>, CliError> {
    match connection.list(resource, None, None).await {
        Ok(list) => Ok(list.items),
        Err(ClientError::NotFound { .. }) => Ok(Vec::new()),
        Err(e) => Err(e.into()),
    }
}

/// Runs `rbac who-can`.
pub async fn run(args: WhoCanArgs, settings: &ConnectionSettings) -> Result<(), CliError> {
    let printer = Printer::new(args.output.output.clone(), args.output.no_headers);
    let permission = Permission::parse(&args.verb, &args.resource).map_err(CliError::usage)?;
    if permission.url.is_some() {
        return Err(CliError::usage("who-can answers for resources, not URL paths"));
    }
    let connection = Connection::open(settings).await?;
    let objects = RbacObjects {
        cluster_roles: list_or_empty(&connection, &cluster_roles()).await?,
        roles: list_or_empty(&connection, &rbac_resource("Role", "roles", true)).await?,
        cluster_role_bindings: list_or_empty(&connection, &cluster_role_bindings()).await?,
        role_bindings: list_or_empty(&connection, &rbac_resource("RoleBinding", "rolebindings", true)).await?,
    };
    let question = Question {
        verb: &permission.verb,
        group: &permission.group,
        resource: &permission.resource,
        namespace: args.namespace.as_deref(),
    };
    let holders = who_can(&objects, &question);
    match printer.format() {
        OutputFormat::Table | OutputFormat::Wide | OutputFormat::Name => {
            printer.status(&format!("who may {permission} in {} ({SOURCE}):", connection.url()))?;
            let mut table = Table::new(["SUBJECT", "KIND", "BINDING", "ROLE"]);
            for h in &holders {
                table.push(vec![
                    h.subject.to_string(),
                    h.subject.kind_name().into(),
                    h.binding.clone(),
                    h.role.clone(),
                ]);
            }
            if holders.is_empty() {
                printer.status("no subject")?;
            } else {
                printer.write_out(&table.render(args.output.no_headers))?;
            }
        }
        _ => {
            let rows: Vec<Value> = holders
                .iter()
                .map(|h| {
                    json!({"subject": h.subject.to_string(), "kind": h.subject.kind_name(),
                                "binding": h.binding, "role": h.role})
                })
                .collect();
            printer.value(
                &json!({"source": SOURCE, "permission": permission.to_string(), "subjects": rows}),
                String::new,
            )?;
        }
    }
    Ok(())
}
