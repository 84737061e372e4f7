//! `tmcctl backup schedule create|list|delete`: backup schedules, kept as ConfigMaps in the
//! provider workspace's `tmc-system` (labelled `tmc.kcp.io/backup-schedule`) and run by the
//! controller's leader ([`crate::controller::backup_loop`]).

use clap::{Args, Subcommand};
use serde_json::{json, Value};

use crate::ages::age;
use crate::api::ownership::{
    BACKUP_LAST_BACKUP_ANNOTATION, BACKUP_LAST_ERROR_ANNOTATION, BACKUP_LAST_SUCCESS_ANNOTATION, BACKUP_SCHEDULE_LABEL,
};
use crate::backup::schedule::Schedule;
use crate::backup::store::Location;
use crate::cli::OutputArgs;
use crate::client::{ApplyOptions, Connection, ConnectionSettings, Resource, WorkspacePath};
use crate::controller::runtime::LEASE_NAMESPACE;
use crate::error::{CliError, ExitKind};
use crate::install::{DEFAULT_PROVIDER_WORKSPACE, FIELD_MANAGER};
use crate::output::{Printer, Table};

/// `tmcctl backup schedule …`
#[derive(Debug, Subcommand)]
pub enum ScheduleCommand {
    /// Create or change a schedule the controller's leader runs.
    Create(CreateArgs),
    /// List the schedules with their last run.
    #[command(visible_alias = "ls")]
    List(ListArgs),
    /// Delete a schedule (its backups stay).
    Delete(DeleteArgs),
}

/// Where the schedules are kept.
#[derive(Debug, Args)]
pub struct Provider {
    /// The workspace that publishes the TMC API; schedules live in its tmc-system.
    #[arg(long, default_value = DEFAULT_PROVIDER_WORKSPACE, value_name = "PATH")]
    pub provider_workspace: WorkspacePath,
}

/// Arguments of `backup schedule create`.
#[derive(Debug, Args)]
pub struct CreateArgs {
    /// The schedule's name; its backups are named <name>-<UTC yyyymmdd-hhmmss>.
    pub name: String,
    /// How often it runs (such as 6h or 1d; at least 1m).
    #[arg(long, value_name = "DURATION")]
    pub every: String,
    /// How many of its backups are kept; older ones are deleted after each run.
    #[arg(long, value_name = "N")]
    pub keep: String,
    /// Where its backups go: a directory (the controller's) or s3://BUCKET/PREFIX (default: the
    /// controller's data directory).
    #[arg(long, value_name = "DIR|s3://BUCKET/PREFIX")]
    pub to: Option<String>,
    /// Back up these workspaces (comma-separated; default: every bound workspace).
    #[arg(long, value_name = "PATH,…", value_delimiter = ',')]
    pub workspaces: Vec<String>,
    /// Include Secrets (cluster credentials among them); needs --encrypt-to.
    #[arg(long)]
    pub include_secrets: bool,
    /// Encrypt its backups to this age recipient (age1…; repeatable).
    #[arg(long = "encrypt-to", value_name = "RECIPIENT")]
    pub encrypt_to: Vec<String>,
    #[command(flatten)]
    pub provider: Provider,
}

/// Arguments of `backup schedule list`.
#[derive(Debug, Args)]
pub struct ListArgs {
    #[command(flatten)]
    pub provider: Provider,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Arguments of `backup schedule delete`.
#[derive(Debug, Args)]
pub struct DeleteArgs {
    /// The schedule's name.
    pub name: String,
    #[command(flatten)]
    pub provider: Provider,
    /// Do not ask for confirmation.
    #[arg(short = 'y', long)]
    pub yes: bool,
}

pub(crate) fn configmaps() -> Resource {
    Resource::new("", "v1", "ConfigMap", "configmaps", true)
}

/// Dispatches `backup schedule` verbs.
pub async fn run(cmd: ScheduleCommand, settings: &ConnectionSettings) -> Result<(), CliError> {
    match cmd {
        ScheduleCommand::Create(args) => create(args, settings).await,
        ScheduleCommand::List(args) => list(args, settings).await,
        ScheduleCommand::Delete(args) => delete(args, settings).await,
    }
}

async fn create(args: CreateArgs, settings: &ConnectionSettings) -> Result<(), CliError> {
    let mut data = std::collections::BTreeMap::from([
        ("every".to_string(), args.every.clone()),
        ("keep".to_string(), args.keep.clone()),
        ("allBound".to_string(), args.workspaces.is_empty().to_string()),
        ("includeSecrets".to_string(), args.include_secrets.to_string()),
        ("workspaces".to_string(), args.workspaces.join(",")),
        ("encryptTo".to_string(), args.encrypt_to.join(",")),
    ]);
    if let Some(to) = &args.to {
        data.insert("to".into(), to.clone());
    }
    // The controller reads it back the same way: what it would refuse is refused here.
    let schedule = Schedule::from_data(&args.name, &data).map_err(|e| CliError::usage(e.to_string()))?;
    Location::parse(schedule.to.as_deref())?;
    for w in &schedule.workspaces {
        w.parse::<WorkspacePath>().map_err(|e| CliError::usage(format!("workspace {w}: {e}")))?;
    }
    if !schedule.encrypt_to.is_empty() {
        crate::backup::seal(b"", &crate::backup::SealTo::Recipients(schedule.encrypt_to.clone()))
            .map_err(|e| CliError::usage(e.to_string()))?;
    }
    let at = Connection::open(settings).await?.for_workspace(&args.provider.provider_workspace);
    let namespace = json!({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": LEASE_NAMESPACE}});
    at.apply(
        &Resource::new("", "v1", "Namespace", "namespaces", false),
        &namespace,
        FIELD_MANAGER,
        ApplyOptions::default(),
    )
    .await?;
    let object = json!({
        "apiVersion": "v1",
        "kind": "ConfigMap",
        "metadata": {"name": args.name, "namespace": LEASE_NAMESPACE, "labels": {BACKUP_SCHEDULE_LABEL: "true"}},
        "data": schedule.to_data(),
    });
    at.apply(&configmaps(), &object, FIELD_MANAGER, ApplyOptions::default()).await?;
    let what = if schedule.all_bound { "every bound workspace".to_string() } else { schedule.workspaces.join(", ") };
    Printer::default().write_out(&format!(
        "backup schedule \"{}\" saved in {}: {} every {}, keeping {}; the controller's leader runs it\n",
        args.name,
        args.provider.provider_workspace,
        what,
        humantime::format_duration(schedule.every),
        schedule.keep
    ))?;
    Ok(())
}

async fn list(args: ListArgs, settings: &ConnectionSettings) -> Result<(), CliError> {
    let printer = Printer::new(args.output.output.clone(), args.output.no_headers);
    let at = Connection::open(settings).await?.for_workspace(&args.provider.provider_workspace);
    let items = match at.list(&configmaps(), Some(LEASE_NAMESPACE), Some(BACKUP_SCHEDULE_LABEL)).await {
        Ok(list) => list.items,
        Err(crate::client::ClientError::NotFound { .. }) => Vec::new(),
        Err(e) => return Err(e.into()),
    };
    if items.is_empty() {
        printer.status(&format!("No backup schedules in {}.", args.provider.provider_workspace))?;
        return Ok(());
    }
    let now = jiff::Timestamp::now();
    let annotation = |o: &Value, key: &str| o["metadata"]["annotations"][key].as_str().map(String::from);
    let values: Vec<Value> = items
        .iter()
        .map(|o| {
            json!({
                "name": o["metadata"]["name"],
                "schedule": o["data"],
                "lastSuccess": annotation(o, BACKUP_LAST_SUCCESS_ANNOTATION),
                "lastBackup": annotation(o, BACKUP_LAST_BACKUP_ANNOTATION),
                "lastError": annotation(o, BACKUP_LAST_ERROR_ANNOTATION),
            })
        })
        .collect();
    printer.value(&values, || {
        let mut table =
            Table::new(["NAME", "EVERY", "KEEP", "TO", "WORKSPACES", "LAST SUCCESS", "LAST BACKUP", "LAST ERROR"]);
        for o in &items {
            let data = |k: &str| o["data"][k].as_str().unwrap_or_default().to_string();
            let workspaces = if data("allBound") == "true" { "(all bound)".to_string() } else { data("workspaces") };
            let success = annotation(o, BACKUP_LAST_SUCCESS_ANNOTATION);
            table.push(vec![
                o["metadata"]["name"].as_str().unwrap_or_default().to_string(),
                data("every"),
                data("keep"),
                Some(data("to")).filter(|t| !t.is_empty()).unwrap_or_else(|| "(controller's data dir)".into()),
                workspaces,
                if success.is_some() { format!("{} ago", age(success.as_deref(), now)) } else { "never".into() },
                annotation(o, BACKUP_LAST_BACKUP_ANNOTATION).unwrap_or_else(|| "-".into()),
                annotation(o, BACKUP_LAST_ERROR_ANNOTATION).unwrap_or_else(|| "-".into()),
            ]);
        }
        table.render(args.output.no_headers)
    })?;
    Ok(())
}

async fn delete(args: DeleteArgs, settings: &ConnectionSettings) -> Result<(), CliError> {
    let printer = Printer::default();
    if !args.yes {
        crate::commands::confirm(
            &printer,
            &format!("Delete backup schedule \"{}\" (its backups stay)?", args.name),
            &format!("delete backup schedule \"{}\"", args.name),
        )?;
    }
    let at = Connection::open(settings).await?.for_workspace(&args.provider.provider_workspace);
    let Some(found) = at.get(&configmaps(), Some(LEASE_NAMESPACE), &args.name).await? else {
        return Err(CliError::new(
            ExitKind::NotFound,
            format!("backup schedule \"{}\" not found in {}", args.name, args.provider.provider_workspace),
        )
        .with_hint("see `tmcctl backup schedule list`"));
    };
    if found["metadata"]["labels"][BACKUP_SCHEDULE_LABEL].is_null() {
        return Err(CliError::new(
            ExitKind::Conflict,
            format!("ConfigMap {LEASE_NAMESPACE}/{} is not a backup schedule; left as it is", args.name),
        ));
    }
    at.delete(&configmaps(), Some(LEASE_NAMESPACE), &args.name).await?;
    printer.write_out(&format!("backup schedule \"{}\" deleted (its backups stay)\n", args.name))?;
    Ok(())
}
