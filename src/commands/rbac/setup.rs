//! `tmcctl rbac setup`: writes the TMC roles into each workspace (idempotent: a second run
//! reports every object unchanged), and in the provider workspace (on plain Kubernetes, the
//! server itself) the controller's ServiceAccount, its generated role and their binding. Prints
//! the controller's rules, so what the controller may do is on screen, not only in the code.

use clap::Args;
use serde_json::{json, Value};

use crate::cli::OutputArgs;
use crate::client::{Connection, ConnectionSettings, Resource, WorkspacePath};
use crate::controller::runtime::leader::{LEASE_NAME, LEASE_NAMESPACE};
use crate::error::CliError;
use crate::install::{DEFAULT_PROVIDER_WORKSPACE, EXPORT_NAME};
use crate::output::{OutputFormat, Printer, Table};
use crate::security::bindings::system_binding;
use crate::security::roles::{CONTROLLER_ROLE, CONTROLLER_SERVICE_ACCOUNT};
use crate::security::{
    controller_role, controller_role_on_plain_kubernetes, workspace_access_role, ControllerFootprint, RoleDefinition,
    Subject, TmcRole,
};

use crate::commands::bound_workspaces;
use crate::commands::cluster::shared::namespaces;

use super::{apply_and_report, cluster_role_bindings, cluster_roles, target_workspace, MANAGED};

/// Arguments of `rbac setup`.
#[derive(Debug, Args)]
pub struct SetupArgs {
    /// Workspaces to write the roles into (default: --workspace, else the context's).
    #[arg(value_name = "WORKSPACE")]
    pub workspaces: Vec<WorkspacePath>,
    /// Every workspace that binds the TMC API of the provider workspace.
    #[arg(long, conflicts_with = "workspaces")]
    pub all_bound: bool,
    /// The workspace that publishes the TMC API, where the controller runs; always set up.
    #[arg(long, default_value = DEFAULT_PROVIDER_WORKSPACE, value_name = "PATH")]
    pub provider_workspace: WorkspacePath,
    /// Print what would be written (with -o yaml or json, the objects themselves); write nothing.
    #[arg(long)]
    pub dry_run: bool,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// One object to write, and where.
struct Planned {
    workspace: Option<WorkspacePath>,
    resource: Resource,
    object: Value,
}

/// Runs `rbac setup`.
pub async fn run(args: SetupArgs, settings: &ConnectionSettings) -> Result<(), CliError> {
    let printer = Printer::new(args.output.output.clone(), args.output.no_headers);
    let connection = Connection::open(settings).await?;
    let is_kcp = connection.server_info().await?.is_kcp;
    let footprint = ControllerFootprint { export: EXPORT_NAME, lease: LEASE_NAME, lease_namespace: LEASE_NAMESPACE };
    let controller = if is_kcp { controller_role(footprint) } else { controller_role_on_plain_kubernetes(footprint) };
    let plan = if is_kcp {
        let mut targets = if args.all_bound {
            bound_workspaces(&connection, &args.provider_workspace).await?
        } else if args.workspaces.is_empty() {
            vec![target_workspace(&connection)?]
        } else {
            args.workspaces.clone()
        };
        if !targets.contains(&args.provider_workspace) {
            targets.push(args.provider_workspace.clone());
        }
        let mut plan = Vec::new();
        for workspace in &targets {
            plan.extend(user_roles().into_iter().map(|(r, o)| Planned {
                workspace: Some(workspace.clone()),
                resource: r,
                object: o,
            }));
        }
        plan.extend(controller_objects(&controller).into_iter().map(|(r, o)| Planned {
            workspace: Some(args.provider_workspace.clone()),
            resource: r,
            object: o,
        }));
        plan
    } else {
        // A plain Kubernetes hub: the TMC API is CRDs on this server, and so is the controller.
        user_roles()
            .into_iter()
            .chain(controller_objects(&controller))
            .map(|(r, o)| Planned { workspace: None, resource: r, object: o })
            .collect()
    };

    if args.dry_run && !matches!(printer.format(), OutputFormat::Table | OutputFormat::Wide) {
        let objects: Vec<Value> = plan.iter().map(|p| p.object.clone()).collect();
        printer.objects(&objects, false, "", |_| Table::default())?;
        return Ok(());
    }
    let mut table = Table::new(["WORKSPACE", "KIND", "NAME", "RESULT"]);
    for step in &plan {
        let at = match &step.workspace {
            Some(w) => connection.for_workspace(w),
            None => connection.clone(),
        };
        let result = if args.dry_run {
            "would apply"
        } else {
            apply_and_report(&at, &step.resource, &step.object)
                .await
                .map_err(|e| {
                    let e = CliError::from(e);
                    let name = step.object["metadata"]["name"].as_str().unwrap_or_default();
                    let message =
                        format!("{} {name} in {}: {}", step.resource.kind, where_(&step.workspace, &at), e.message);
                    CliError { message, ..e }
                })?
                .word()
        };
        table.push(vec![
            where_(&step.workspace, &at),
            step.resource.kind.clone(),
            step.object["metadata"]["name"].as_str().unwrap_or_default().to_string(),
            result.to_string(),
        ]);
    }
    match printer.format() {
        OutputFormat::Table | OutputFormat::Wide => {
            printer.write_out(&table.render(args.output.no_headers))?;
            printer.write_out(&format!(
                "\n{CONTROLLER_ROLE} (generated from what the controller does; no wildcard):\n{}",
                rules_table(&controller).render(false)
            ))?;
        }
        _ => {
            let rows: Vec<Value> = plan
                .iter()
                .map(|p| {
                    json!({"workspace": p.workspace.as_ref().map(|w| w.to_string()), "kind": p.resource.kind,
                                "name": p.object["metadata"]["name"]})
                })
                .collect();
            printer.value(&rows, String::new)?;
        }
    }
    Ok(())
}

fn where_(workspace: &Option<WorkspacePath>, connection: &Connection) -> String {
    workspace.as_ref().map(ToString::to_string).unwrap_or_else(|| connection.url())
}

/// The three user roles and the workspace-access role.
fn user_roles() -> Vec<(Resource, Value)> {
    TmcRole::ALL
        .iter()
        .map(|r| r.definition())
        .chain([workspace_access_role()])
        .map(|role| (cluster_roles(), role.cluster_role(&MANAGED)))
        .collect()
}

/// The controller's namespace, ServiceAccount, role and binding, for the provider workspace.
fn controller_objects(controller: &RoleDefinition) -> Vec<(Resource, Value)> {
    let (namespace, name) = CONTROLLER_SERVICE_ACCOUNT;
    let labels = json!({crate::install::MANAGED_BY_LABEL: crate::install::MANAGED_BY});
    let service_account = Subject::service_account(&format!("{namespace}/{name}")).expect("a valid constant");
    // The controller's binding is a system binding, not a grant: `rbac list` does not show it.
    let binding = system_binding(CONTROLLER_ROLE, &controller.label, &service_account, &MANAGED);
    vec![
        (
            namespaces(),
            json!({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": namespace, "labels": labels}}),
        ),
        (
            Resource::new("", "v1", "ServiceAccount", "serviceaccounts", true),
            json!({"apiVersion": "v1", "kind": "ServiceAccount",
                   "metadata": {"name": name, "namespace": namespace, "labels": labels}}),
        ),
        (cluster_roles(), controller.cluster_role(&MANAGED)),
        (cluster_role_bindings(), binding),
    ]
}

/// A role's rules, one per row.
pub(super) fn rules_table(role: &RoleDefinition) -> Table {
    let mut table = Table::new(["VERBS", "API GROUPS", "RESOURCES", "NAMES"]);
    let join = |list: &[String]| {
        if list.is_empty() {
            "-".to_string()
        } else {
            list.iter().map(|s| if s.is_empty() { "\"\"".to_string() } else { s.clone() }).collect::<Vec<_>>().join(",")
        }
    };
    for rule in &role.rules {
        let resources = if rule.non_resource_urls.is_empty() { &rule.resources } else { &rule.non_resource_urls };
        table.push(vec![join(&rule.verbs), join(&rule.api_groups), join(resources), join(&rule.resource_names)]);
    }
    table
}
