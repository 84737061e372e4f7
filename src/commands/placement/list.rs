//! `tmcctl placement list`.

use clap::Args;
use serde_json::Value;

use crate::ages::age;
use crate::cli::{parse_selector, OutputArgs};
use crate::client::{Connection, ConnectionSettings};
use crate::error::CliError;
use crate::output::{Printer, Table};
use crate::selector::LabelSelector;

use super::shared::{current_clusters, kind_group, placements};
use crate::commands::explain_tmc_error;

/// Arguments of `placement list`.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only placements whose labels match this selector.
    #[arg(short = 'l', long = "selector", value_name = "SELECTOR", value_parser = parse_selector)]
    pub selector: Option<LabelSelector>,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Runs `placement list`.
pub async fn run(args: ListArgs, settings: &ConnectionSettings) -> Result<(), CliError> {
    let printer = Printer::new(args.output.output, args.output.no_headers);
    let connection = Connection::open(settings).await?;
    let list =
        match connection.list(&placements(), None, args.selector.as_ref().map(|s| s.to_string()).as_deref()).await {
            Ok(list) => list,
            Err(e) => return Err(explain_tmc_error(&connection, e).await),
        };
    let now = jiff::Timestamp::now();
    printer.objects(&list.items, false, &kind_group(), |wide| table(&list.items, wide, now))?;
    Ok(())
}

fn table(items: &[Value], wide: bool, now: jiff::Timestamp) -> Table {
    let mut headers = vec!["NAME", "STRATEGY", "CLUSTERS", "SCHEDULED", "AGE"];
    if wide {
        headers.extend(["LOCATION SELECTOR", "CAPABILITIES", "REASON"]);
    }
    let mut table = Table::new(headers);
    for item in items {
        let scheduled = item["status"]["conditions"]
            .as_array()
            .and_then(|cs| cs.iter().find(|c| c["type"] == "Scheduled"))
            .cloned()
            .unwrap_or(Value::Null);
        let clusters = current_clusters(item);
        let mut row = vec![
            item["metadata"]["name"].as_str().unwrap_or_default().to_string(),
            item["spec"]["strategy"].as_str().unwrap_or("RoundRobin").to_string(),
            if clusters.is_empty() { "<none>".into() } else { clusters.join(",") },
            scheduled["status"].as_str().unwrap_or("Unknown").to_string(),
            age(item["metadata"]["creationTimestamp"].as_str(), now),
        ];
        if wide {
            let selector = crate::placement::from_api::selector(
                serde_json::from_value(item["spec"]["locationSelector"].clone()).ok().as_ref(),
                "spec.locationSelector",
            )
            .map(|s| if s.is_everything() { "<all>".to_string() } else { s.to_string() })
            .unwrap_or_else(|e| format!("<invalid: {e}>"));
            let capabilities: Vec<String> = item["spec"]["capabilityRequirements"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|c| format!("{}:{}", c["type"].as_str().unwrap_or_default(), c["required"]))
                .collect();
            row.extend([
                selector,
                if capabilities.is_empty() { "<none>".into() } else { capabilities.join(",") },
                scheduled["reason"].as_str().unwrap_or("-").to_string(),
            ]);
        }
        table.push(row);
    }
    table
}
