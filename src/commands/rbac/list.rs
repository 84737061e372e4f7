//! `tmcctl rbac list`: who holds a TMC role, in the workspace or (`-A`) in every workspace
//! that binds the TMC API. Any ClusterRoleBinding to a `tmc:` role counts, whoever wrote it.

use clap::Args;
use serde_json::{json, Value};

use crate::cli::OutputArgs;
use crate::client::{Connection, ConnectionSettings, WorkspacePath};
use crate::error::CliError;
use crate::install::DEFAULT_PROVIDER_WORKSPACE;
use crate::output::{Printer, Table};
use crate::security::{grants_in, Grant, SubjectKind};

use super::{cluster_role_bindings, target_workspace};

/// Arguments of `rbac list`.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Every workspace that binds the TMC API (of --provider-workspace).
    #[arg(short = 'A', long)]
    pub all_workspaces: bool,
    /// The workspace that publishes the TMC API (for -A).
    #[arg(long, default_value = DEFAULT_PROVIDER_WORKSPACE, value_name = "PATH")]
    pub provider_workspace: WorkspacePath,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Runs `rbac list`.
pub async fn run(args: ListArgs, settings: &ConnectionSettings) -> Result<(), CliError> {
    let printer = Printer::new(args.output.output.clone(), args.output.no_headers);
    let connection = Connection::open(settings).await?;
    let workspaces = if args.all_workspaces {
        crate::commands::bound_workspaces(&connection, &args.provider_workspace).await?
    } else {
        vec![target_workspace(&connection)?]
    };
    let mut grants = Vec::new();
    for workspace in &workspaces {
        let bindings = connection.for_workspace(workspace).list(&cluster_role_bindings(), None, None).await?;
        grants.extend(grants_in(workspace.as_str(), &bindings.items));
    }
    let rows: Vec<Value> = grants.iter().map(row).collect();
    if grants.is_empty()
        && matches!(printer.format(), crate::output::OutputFormat::Table | crate::output::OutputFormat::Wide)
    {
        printer.status("No TMC role is granted.")?;
        return Ok(());
    }
    printer.value(&rows, || table(&grants).render(args.output.no_headers))?;
    Ok(())
}

fn row(grant: &Grant) -> Value {
    let mut row = json!({"subject": grant.subject.name, "kind": grant.subject.kind_name(), "role": grant.role,
                         "workspace": grant.workspace, "binding": grant.binding});
    if let SubjectKind::ServiceAccount { namespace } = &grant.subject.kind {
        row["namespace"] = json!(namespace);
    }
    row
}

fn table(grants: &[Grant]) -> Table {
    let mut table = Table::new(["SUBJECT", "KIND", "ROLE", "WORKSPACE", "BINDING"]);
    for g in grants {
        table.push(vec![
            g.subject.to_string(),
            g.subject.kind_name().to_string(),
            g.role.clone(),
            g.workspace.clone(),
            g.binding.clone(),
        ]);
    }
    table
}
