//! `tmcctl install` and `tmcctl uninstall`: publish the TMC API (kcp: schemas + APIExport in
//! the provider workspace, APIBindings in consumer workspaces; plain Kubernetes: CRDs), with
//! the workload APIs kcp lacks imported from clusters (`--workload-apis`, see [`import`]), and
//! take it away again. Both check everything they can before the first write, so bad input
//! leaves nothing half-done, and both are safe to re-run.

mod import;

use std::path::PathBuf;
use std::time::Duration;

use clap::Args;
use serde_json::Value;

use crate::api::{ClusterRegistration, WorkloadPlacement};
use crate::cli::{parse_duration, OutputArgs};
use crate::client::kcp::{
    api_bindings, api_export_endpoint_slices, api_exports, api_resource_schemas, custom_resource_definitions,
};
use crate::client::{ApplyOptions, ClientError, Connection, ConnectionSettings, Resource, WorkspacePath};
use crate::error::{CliError, ExitKind};
use crate::install::workload_apis::{merge_resources, parse_workload_types, PublishedType, DEFAULT_WORKLOAD_APIS};
use crate::install::{
    self as plan, BINDING_NAME, DEFAULT_PROVIDER_WORKSPACE, EXPORT_NAME, FIELD_MANAGER, MANAGED_BY, MANAGED_BY_LABEL,
};
use crate::output::{Printer, Table};

/// Arguments of `tmcctl install`.
#[derive(Debug, Args)]
pub struct InstallArgs {
    /// The kcp workspace that publishes the TMC API; created when missing.
    #[arg(long, default_value = DEFAULT_PROVIDER_WORKSPACE, value_name = "PATH")]
    pub provider_workspace: WorkspacePath,
    /// Bind the TMC API in this workspace (repeatable); it must exist unless --create-workspaces.
    #[arg(long = "bind", value_name = "WORKSPACE")]
    pub bind: Vec<WorkspacePath>,
    /// Create --bind workspaces (and their parents) that do not exist yet.
    #[arg(long)]
    pub create_workspaces: bool,
    /// Publish these workload types in the TMC API, their schemas imported from the clusters
    /// registered in the --bind workspaces (and --schema-kubeconfig): comma-separated
    /// plural.group, or plural alone for the core group. Without a value:
    /// deployments.apps,statefulsets.apps,daemonsets.apps,jobs.batch,services,ingresses.networking.k8s.io.
    /// Types published before stay published, with or without this flag.
    #[arg(long, value_name = "TYPES", num_args = 0..=1, default_missing_value = DEFAULT_WORKLOAD_APIS)]
    pub workload_apis: Option<String>,
    /// Also import --workload-apis schemas from the cluster of this kubeconfig (its current
    /// context; repeatable). Every cluster must serve each type; where their schemas differ,
    /// only the fields all of them serve are published (each one left out is named).
    #[arg(long, value_name = "FILE", requires = "workload_apis")]
    pub schema_kubeconfig: Vec<PathBuf>,
    /// Only print what would be done (client-side); change nothing.
    #[arg(long, value_name = "MODE", num_args = 0..=1, default_missing_value = "client", value_parser = ["client", "none"])]
    pub dry_run: Option<String>,
    /// How long to wait for workspaces to be Ready, bindings Bound and CRDs Established.
    #[arg(long, default_value = "60s", value_name = "DURATION", value_parser = parse_duration)]
    pub timeout: Duration,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Arguments of `tmcctl uninstall`.
#[derive(Debug, Args)]
pub struct UninstallArgs {
    /// The kcp workspace that publishes the TMC API.
    #[arg(long, default_value = DEFAULT_PROVIDER_WORKSPACE, value_name = "PATH")]
    pub provider_workspace: WorkspacePath,
    /// Remove the APIBinding from this workspace too (repeatable).
    #[arg(long = "bind", value_name = "WORKSPACE")]
    pub bind: Vec<WorkspacePath>,
    /// Remove the API even though ClusterRegistrations or WorkloadPlacements exist.
    #[arg(long)]
    pub force: bool,
    /// How long to wait for bindings to be gone.
    #[arg(long, default_value = "60s", value_name = "DURATION", value_parser = parse_duration)]
    pub timeout: Duration,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// One step of an install or uninstall, for the report.
struct Step {
    workspace: String,
    kind: String,
    name: String,
    action: &'static str,
    object: Value,
}

fn report(printer: &Printer, steps: &[Step]) -> Result<(), CliError> {
    let objects: Vec<Value> = steps.iter().map(|s| s.object.clone()).collect();
    printer.objects(&objects, false, "object", |_| {
        let mut table = Table::new(["WORKSPACE", "KIND", "NAME", "ACTION"]);
        for s in steps {
            table.push(vec![s.workspace.clone(), s.kind.clone(), s.name.clone(), s.action.to_string()]);
        }
        table
    })?;
    Ok(())
}

/// Runs `tmcctl install`.
pub async fn install(args: InstallArgs, settings: &ConnectionSettings) -> Result<(), CliError> {
    let printer = Printer::new(args.output.output.clone(), args.output.no_headers);
    let dry_run = args.dry_run.as_deref() == Some("client");
    let workload_types = args.workload_apis.as_deref().map(parse_workload_types).transpose()?;
    let connection = Connection::open(settings).await?;
    let info = connection.server_info().await?;
    let steps = if info.is_kcp {
        check_bind_workspaces(&connection, &args).await?;
        let imported = match &workload_types {
            Some(types) => {
                let sources =
                    import::schema_sources(&connection, &args.bind, &args.schema_kubeconfig, settings).await?;
                import::import(&sources, types).await?
            }
            None => Vec::new(),
        };
        for warning in imported.iter().flat_map(|t| &t.warnings) {
            printer.warn(warning)?;
        }
        install_kcp(&connection, &args, &imported, dry_run).await?
    } else {
        for (given, flag) in [(!args.bind.is_empty(), "--bind"), (workload_types.is_some(), "--workload-apis")] {
            if given {
                return Err(CliError::usage(format!(
                    "{flag} needs kcp, but {} is a plain Kubernetes server",
                    connection.url()
                )));
            }
        }
        install_crds(&connection, &args, dry_run).await?
    };
    report(&printer, &steps)
}

/// One thing `install` did, for another command's report: (workspace, kind, name, action).
pub type InstallStep = (String, String, String, &'static str);

/// The install `restore` runs before it puts objects back: the TMC API of `provider` bound in
/// `workspaces` (created when missing) and, with `workload_types` (as `--workload-apis` takes
/// them), those types published from the clusters registered there. Waits until they are served.
pub async fn install_for_restore(
    connection: &Connection,
    settings: &ConnectionSettings,
    provider: &WorkspacePath,
    workspaces: &[WorkspacePath],
    workload_types: Option<String>,
    timeout: Duration,
) -> Result<Vec<InstallStep>, CliError> {
    let args = InstallArgs {
        provider_workspace: provider.clone(),
        bind: workspaces.to_vec(),
        create_workspaces: true,
        workload_apis: workload_types,
        schema_kubeconfig: Vec::new(),
        dry_run: None,
        timeout,
        output: OutputArgs::default(),
    };
    let imported = match args.workload_apis.as_deref().map(parse_workload_types).transpose()? {
        Some(types) => {
            let sources = import::schema_sources(connection, &args.bind, &[], settings).await?;
            import::import(&sources, &types).await?
        }
        None => Vec::new(),
    };
    let steps = install_kcp(connection, &args, &imported, false).await?;
    Ok(steps.into_iter().map(|s| (s.workspace, s.kind, s.name, s.action)).collect())
}

/// Every consumer workspace must exist (or be allowed to be created) before anything is
/// written.
async fn check_bind_workspaces(connection: &Connection, args: &InstallArgs) -> Result<(), CliError> {
    for workspace in &args.bind {
        if !args.create_workspaces && !connection.workspace_exists(workspace).await? {
            return Err(CliError::new(
                ExitKind::NotFound,
                format!("workspace {workspace} does not exist (--bind {workspace})"),
            )
            .with_hint("create it first, or pass --create-workspaces"));
        }
    }
    Ok(())
}

async fn install_kcp(
    connection: &Connection,
    args: &InstallArgs,
    imported: &[PublishedType],
    dry_run: bool,
) -> Result<Vec<Step>, CliError> {
    let mut steps = Vec::new();
    let provider = &args.provider_workspace;
    let provider_exists = connection.workspace_exists(provider).await?;
    let provider_conn = connection.for_workspace(provider);
    // Workload types published before stay: a plain re-install must never take an API away
    // from workspaces that use it.
    let existing_export =
        if provider_exists { provider_conn.get(&api_exports(), None, EXPORT_NAME).await? } else { None };
    let existing_resources =
        existing_export.as_ref().and_then(|e| e["spec"]["resources"].as_array().cloned()).unwrap_or_default();
    let imported_resources: Vec<Value> = imported.iter().map(|t| t.resource.clone()).collect();
    let publication = plan::kcp_publication(&merge_resources(&existing_resources, &imported_resources));
    if !provider_exists {
        steps.push(workspace_step(provider, if dry_run { "would create" } else { "created" }));
        if !dry_run {
            connection.ensure_workspace(provider, args.timeout).await?;
        }
    }
    for schema in publication.schemas.iter().chain(imported.iter().map(|t| &t.schema)) {
        // Schemas are immutable and named by content: present means identical.
        let existing = if provider_exists {
            provider_conn.get(&api_resource_schemas(), None, name_of(schema)).await?
        } else {
            None
        };
        let action = match (existing, dry_run) {
            (Some(_), _) => "unchanged",
            (None, true) => "would create",
            (None, false) => {
                provider_conn.create(&api_resource_schemas(), schema).await?;
                "created"
            }
        };
        steps.push(step(provider, &api_resource_schemas(), schema, action));
    }
    let action = apply_tracked(&provider_conn, &api_exports(), &publication.export, provider_exists, dry_run).await?;
    steps.push(step(provider, &api_exports(), &publication.export, action));

    let binding = plan::binding(provider.as_str());
    for workspace in &args.bind {
        let exists = connection.workspace_exists(workspace).await?;
        if !exists {
            steps.push(workspace_step(workspace, if dry_run { "would create" } else { "created" }));
            if !dry_run {
                let spinner = Printer::spinner(&format!("waiting for workspace {workspace} to be Ready"));
                connection.ensure_workspace(workspace, args.timeout).await?;
                spinner.finish_and_clear();
            }
        }
        let consumer = connection.for_workspace(workspace);
        let action = apply_tracked(&consumer, &api_bindings(), &binding, exists, dry_run).await?;
        if !dry_run {
            let what = format!("APIBinding {BINDING_NAME} in {workspace} to be Bound to every exported resource");
            let spinner = Printer::spinner(&format!("waiting for {what}"));
            consumer
                .wait_for(&api_bindings(), None, BINDING_NAME, &what, args.timeout, |b| {
                    is_bound_to(b, &publication.export)
                })
                .await?;
            spinner.finish_and_clear();
        }
        steps.push(step(workspace, &api_bindings(), &binding, action));
    }
    Ok(steps)
}

async fn install_crds(connection: &Connection, args: &InstallArgs, dry_run: bool) -> Result<Vec<Step>, CliError> {
    let mut steps = Vec::new();
    let here = connection.url();
    for crd in plan::crd_objects() {
        let action = apply_tracked(connection, &custom_resource_definitions(), &crd, true, dry_run).await?;
        if !dry_run {
            let name = name_of(&crd);
            let what = format!("CRD {name} to be Established");
            let spinner = Printer::spinner(&format!("waiting for {what}"));
            connection
                .wait_for(&custom_resource_definitions(), None, name, &what, args.timeout, is_established)
                .await?;
            spinner.finish_and_clear();
        }
        steps.push(step(&here, &custom_resource_definitions(), &crd, action));
    }
    Ok(steps)
}

/// Applies `object` with server-side apply and says what happened, judged by whether the
/// resourceVersion moved. `may_exist` false skips the read (its workspace is brand new).
async fn apply_tracked(
    connection: &Connection,
    resource: &Resource,
    object: &Value,
    may_exist: bool,
    dry_run: bool,
) -> Result<&'static str, CliError> {
    let before = if may_exist { connection.get(resource, None, name_of(object)).await? } else { None };
    if dry_run {
        return Ok(match before {
            None => "would create",
            Some(existing) if contains(&existing, object) => "unchanged",
            Some(_) => "would configure",
        });
    }
    // Already as wanted: nothing to write. (kcp's controllers keep updating a binding's status
    // for a while after it is Bound, so a resourceVersion comparison alone would misreport.)
    if before.as_ref().is_some_and(|existing| contains(existing, object)) {
        return Ok("unchanged");
    }
    let after = connection.apply(resource, object, FIELD_MANAGER, ApplyOptions::default()).await?;
    Ok(match before {
        None => "created",
        Some(b) if b["metadata"]["resourceVersion"] == after["metadata"]["resourceVersion"] => "unchanged",
        Some(_) => "configured",
    })
}

/// Whether every field set in `wanted` has the same value in `actual`.
fn contains(actual: &Value, wanted: &Value) -> bool {
    match (actual, wanted) {
        (Value::Object(a), Value::Object(w)) => w.iter().all(|(k, v)| a.get(k).is_some_and(|av| contains(av, v))),
        (Value::Array(a), Value::Array(w)) => a.len() == w.len() && a.iter().zip(w).all(|(x, y)| contains(x, y)),
        _ => actual == wanted,
    }
}

/// Whether a binding is Bound and serves every resource of the export in its current schema:
/// kcp binds resources added to an export some moments later, and `kubectl apply` right after
/// install must find them.
fn is_bound_to(binding: &Value, export: &Value) -> bool {
    let bound = binding["status"]["boundResources"].as_array().map(Vec::as_slice).unwrap_or_default();
    binding["status"]["phase"] == "Bound"
        && export["spec"]["resources"].as_array().into_iter().flatten().all(|r| {
            bound
                .iter()
                .any(|b| b["group"] == r["group"] && b["resource"] == r["name"] && b["schema"]["name"] == r["schema"])
        })
}

fn is_established(crd: &Value) -> bool {
    crd["status"]["conditions"]
        .as_array()
        .is_some_and(|cs| cs.iter().any(|c| c["type"] == "Established" && c["status"] == "True"))
}

fn name_of(object: &Value) -> &str {
    object["metadata"]["name"].as_str().unwrap_or_default()
}

fn step(workspace: &dyn std::fmt::Display, resource: &Resource, object: &Value, action: &'static str) -> Step {
    Step {
        workspace: workspace.to_string(),
        kind: resource.kind.clone(),
        name: name_of(object).to_string(),
        action,
        object: object.clone(),
    }
}

fn workspace_step(workspace: &WorkspacePath, action: &'static str) -> Step {
    let name = workspace.split_parent().map(|(_, n)| n.to_string()).unwrap_or_else(|| workspace.to_string());
    let object =
        serde_json::json!({"apiVersion": "tenancy.kcp.io/v1alpha1", "kind": "Workspace", "metadata": {"name": name}});
    let parent = workspace.split_parent().map(|(p, _)| p.to_string()).unwrap_or_default();
    Step { workspace: parent, kind: "Workspace".into(), name, action, object }
}

/// Runs `tmcctl uninstall`.
pub async fn uninstall(args: UninstallArgs, settings: &ConnectionSettings) -> Result<(), CliError> {
    let printer = Printer::new(args.output.output.clone(), args.output.no_headers);
    let connection = Connection::open(settings).await?;
    let info = connection.server_info().await?;
    let in_use =
        if info.is_kcp { objects_in_kcp(&connection, &args).await? } else { objects_in_cluster(&connection).await? };
    if !in_use.is_empty() && !args.force {
        return Err(CliError::new(ExitKind::Conflict, format!("the TMC API is in use: {}", in_use.join(", ")))
            .with_hint(
                "delete those objects first, or pass --force to remove the API anyway (the objects become unreachable)",
            ));
    }
    let mut steps = Vec::new();
    if info.is_kcp {
        for workspace in &args.bind {
            let consumer = connection.for_workspace(workspace);
            let deleted = consumer.delete(&api_bindings(), None, BINDING_NAME).await?;
            // kcp unbinds asynchronously (finalizers); done means the workspace no longer serves it.
            let spinner = Printer::spinner(&format!("waiting for kcp to unbind the TMC API from {workspace}"));
            consumer.wait_gone(&api_bindings(), None, BINDING_NAME, args.timeout).await?;
            spinner.finish_and_clear();
            let action = if deleted { "deleted" } else { "not found" };
            steps.push(step(workspace, &api_bindings(), &plan::binding(args.provider_workspace.as_str()), action));
        }
        let provider = connection.for_workspace(&args.provider_workspace);
        let publication = plan::kcp_publication(&[]);
        let action = if provider.delete(&api_exports(), None, EXPORT_NAME).await? { "deleted" } else { "not found" };
        steps.push(step(&args.provider_workspace, &api_exports(), &publication.export, action));
        let selector = format!("{MANAGED_BY_LABEL}={MANAGED_BY}");
        let schemas = match provider.list(&api_resource_schemas(), None, Some(&selector)).await {
            Ok(list) => list.items,
            Err(ClientError::NotFound { .. } | ClientError::Forbidden { .. }) => Vec::new(),
            Err(e) => return Err(e.into()),
        };
        for schema in schemas {
            provider.delete(&api_resource_schemas(), None, name_of(&schema)).await?;
            steps.push(step(&args.provider_workspace, &api_resource_schemas(), &schema, "deleted"));
        }
    } else {
        let here = connection.url();
        for crd in plan::crd_objects() {
            let deleted = connection.delete(&custom_resource_definitions(), None, name_of(&crd)).await?;
            let spinner = Printer::spinner(&format!("waiting for CRD {} to go", name_of(&crd)));
            connection.wait_gone(&custom_resource_definitions(), None, name_of(&crd), args.timeout).await?;
            spinner.finish_and_clear();
            let action = if deleted { "deleted" } else { "not found" };
            steps.push(step(&here, &custom_resource_definitions(), &crd, action));
        }
    }
    report(&printer, &steps)
}

/// Counts TMC objects in every workspace bound to the export, through its virtual workspace.
async fn objects_in_kcp(connection: &Connection, args: &UninstallArgs) -> Result<Vec<String>, CliError> {
    let provider = connection.for_workspace(&args.provider_workspace);
    let slice = match provider.get(&api_export_endpoint_slices(), None, EXPORT_NAME).await {
        Ok(slice) => slice,
        Err(ClientError::NotFound { .. } | ClientError::Forbidden { .. }) => None,
        Err(e) => return Err(e.into()),
    };
    let urls: Vec<String> = slice
        .as_ref()
        .and_then(|s| s["status"]["endpoints"].as_array())
        .map(|eps| eps.iter().filter_map(|e| e["url"].as_str().map(String::from)).collect())
        .unwrap_or_default();
    let mut found = Vec::new();
    for resource in [Resource::of::<ClusterRegistration>(), Resource::of::<WorkloadPlacement>()] {
        let mut count = 0;
        for url in &urls {
            count += connection.virtual_workspace(url)?.list(&resource, None, None).await?.items.len();
        }
        if count > 0 {
            found.push(format!("{count} {}", resource.plural));
        }
    }
    Ok(found)
}

async fn objects_in_cluster(connection: &Connection) -> Result<Vec<String>, CliError> {
    let mut found = Vec::new();
    for resource in [Resource::of::<ClusterRegistration>(), Resource::of::<WorkloadPlacement>()] {
        if !connection.serves(&resource).await? {
            continue;
        }
        let count = connection.list(&resource, None, None).await?.items.len();
        if count > 0 {
            found.push(format!("{count} {}", resource.plural));
        }
    }
    Ok(found)
}
