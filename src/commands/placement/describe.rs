//! `placement describe NAME` and `placement explain NAME`: the stored decision, and the engine
//! run now against the live inventory, with every cluster's verdict and the difference.

use clap::Args;
use serde_json::Value;

use crate::ages::age;
use crate::api::WorkloadPlacement;
use crate::cli::OutputArgs;
use crate::client::{Connection, ConnectionSettings};
use crate::commands::explain_tmc_error;
use crate::controller::workload_types::{self, ExportLocation};
use crate::error::{CliError, ExitKind};
use crate::output::{Describe, OutputFormat, Printer, Table};
use crate::placement::WorkloadDemand;

use super::shared::{current_clusters, decision_page, explain_spec, kind_group, live_inventory, require};

/// Arguments of `placement describe` and `placement explain`.
#[derive(Debug, Args)]
pub struct DescribeArgs {
    /// The placement's name.
    pub name: String,
    /// Explain for a workload of this many replicas (shows the division); 0 decides clusters only.
    #[arg(long, default_value_t = 0)]
    pub replicas: u32,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Runs `describe` (`explain_only` false) or `explain`.
pub async fn run(args: DescribeArgs, settings: &ConnectionSettings, explain_only: bool) -> Result<(), CliError> {
    let printer = Printer::new(args.output.output.clone(), args.output.no_headers);
    let connection = Connection::open(settings).await?;
    let object = require(&connection, &args.name).await?;
    let placement: WorkloadPlacement = serde_json::from_value(object.clone()).map_err(|e| {
        CliError::new(ExitKind::Failure, format!("placement \"{}\" does not match the schema: {e}", args.name))
    })?;
    let inventory = live_inventory(&connection).await?;
    let current = current_clusters(&object);
    let workspace = connection.workspace().map(|w| w.to_string()).unwrap_or_default();
    let demand = WorkloadDemand {
        key: format!("{workspace}/{}", args.name),
        replicas: args.replicas,
        previous_clusters: current.clone(),
        ..Default::default()
    };
    let explanation = explain_spec(&inventory, &placement.spec, &demand)?;
    if !matches!(printer.format(), OutputFormat::Table | OutputFormat::Wide) {
        if explain_only {
            printer.value(&explanation, String::new)?;
        } else {
            printer.objects(std::slice::from_ref(&object), true, &kind_group(), |_| Table::default())?;
        }
        return Ok(());
    }
    let mut text = String::new();
    if !explain_only {
        text.push_str(&summary(&object, &placement));
        text.push_str(&governed(&connection, &args.name).await?);
    }
    text.push_str(&decision_page(Describe::new(), &explanation, &current, "Versus stored"));
    printer.write_out(&text)?;
    Ok(())
}

/// The workloads this placement governs (as the controller last wrote on each), as a section.
async fn governed(connection: &Connection, name: &str) -> Result<String, CliError> {
    let types = match workload_types::resolve(ExportLocation::Binding(connection)).await {
        Ok(types) => types,
        Err(e) => return Err(explain_tmc_error(connection, e).await),
    };
    if types.is_empty() {
        return Ok(String::new());
    }
    let mut table = Table::new(["NAMESPACE", "KIND", "NAME", "CLUSTERS"]);
    for ty in &types {
        let list = match connection.list(&ty.resource, None, None).await {
            Ok(list) => list.items,
            Err(e) => return Err(explain_tmc_error(connection, e).await),
        };
        for object in list.iter().filter(|o| o["status"]["tmc"]["placement"] == name) {
            let text = |v: &Value| v.as_str().unwrap_or_default().to_string();
            let clusters: Vec<String> = object["status"]["tmc"]["clusters"]
                .as_array()
                .map(|cs| cs.iter().map(|c| text(&c["cluster"])).collect())
                .unwrap_or_default();
            table.push(vec![
                text(&object["metadata"]["namespace"]),
                ty.resource.kind.clone(),
                text(&object["metadata"]["name"]),
                if clusters.is_empty() { "<none>".into() } else { clusters.join(",") },
            ]);
        }
    }
    if table.is_empty() {
        return Ok("Workloads:\t<none>\n".into());
    }
    Ok(format!("Workloads:\n{}", indent(&table.render(false))))
}

fn indent(text: &str) -> String {
    text.lines().map(|l| format!("  {l}\n")).collect()
}

fn summary(object: &Value, placement: &WorkloadPlacement) -> String {
    let now = jiff::Timestamp::now();
    let spec = &placement.spec;
    let status = placement.status.clone().unwrap_or_default();
    let selector = crate::placement::from_api::selector(spec.location_selector.as_ref(), "spec.locationSelector")
        .map(|s| if s.is_everything() { "<all clusters>".to_string() } else { s.to_string() })
        .unwrap_or_else(|e| format!("<invalid: {e}>"));
    let capabilities: Vec<String> = spec
        .capability_requirements
        .iter()
        .map(|c| format!("{} ({})", c.type_, if c.required { "required" } else { "preferred" }))
        .collect();
    let mut decisions = Table::new(["CLUSTER", "REPLICAS", "REASON"]);
    for d in &status.decisions {
        decisions.push(vec![
            d.cluster.clone(),
            d.replicas.map(|r| r.to_string()).unwrap_or_else(|| "-".into()),
            d.reason.clone().unwrap_or_default(),
        ]);
    }
    let mut conditions = Table::new(["TYPE", "STATUS", "REASON", "MESSAGE"]);
    for c in &status.conditions {
        conditions.push(vec![
            c.type_.clone(),
            format!("{:?}", c.status),
            c.reason.clone().unwrap_or_default(),
            c.message.clone().unwrap_or_default(),
        ]);
    }
    Describe::new()
        .field("Name", placement.metadata.name.clone().unwrap_or_default())
        .field("Strategy", spec.strategy.as_str())
        .field("Location selector", selector)
        .field("Capabilities", if capabilities.is_empty() { "<none>".into() } else { capabilities.join(", ") })
        .field("Clusters wanted", spec.number_of_clusters.map(|n| n.to_string()).unwrap_or_else(|| "default".into()))
        .field("Takeover", format!("{:?}", spec.takeover.unwrap_or_default()))
        .field("Deletion policy", format!("{:?}", spec.deletion_policy.unwrap_or_default()))
        .field(
            "Last decision",
            status
                .last_decision_time
                .as_deref()
                .map(|t| format!("{t} ({} ago)", age(Some(t), now)))
                .unwrap_or_else(|| "<never>".into()),
        )
        .field("Created", age(object["metadata"]["creationTimestamp"].as_str(), now))
        .table("Stored decision", decisions)
        .table("Conditions", conditions)
        .render()
}
