//! `tmcctl cluster list`: registered clusters at a glance, once or as they change (`-w`).

use clap::Args;
use futures::StreamExt;
use serde::Deserialize;
use serde_json::Value;

use crate::ages::age;
use crate::api::{ClusterRegistration, ConditionStatus};
use crate::cli::{parse_selector, OutputArgs};
use crate::client::{Connection, ConnectionSettings, WatchedObject};
use crate::commands::explain_tmc_error;
use crate::error::CliError;
use crate::output::{OutputFormat, Printer, Table};
use crate::selector::LabelSelector;

use super::shared::{kind_group, registrations};

/// Arguments of `cluster list`.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only clusters whose labels match this selector (e.g. env=prod,tier!=edge).
    #[arg(short = 'l', long = "selector", value_name = "SELECTOR", value_parser = parse_selector)]
    pub selector: Option<LabelSelector>,
    /// After listing, keep printing clusters as they change.
    #[arg(short = 'w', long)]
    pub watch: bool,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Runs `cluster list`.
pub async fn run(args: ListArgs, settings: &ConnectionSettings) -> Result<(), CliError> {
    let printer = Printer::new(args.output.output, args.output.no_headers);
    let connection = Connection::open(settings).await?;
    let selector = args.selector.as_ref().map(ToString::to_string);
    let list = match connection.list(&registrations(), None, selector.as_deref()).await {
        Ok(list) => list,
        Err(e) => return Err(explain_tmc_error(&connection, e).await),
    };
    let now = jiff::Timestamp::now();
    printer.objects(&list.items, false, &kind_group(), |wide| cluster_table(&list.items, wide, now))?;
    if args.watch {
        watch(&connection, &printer, selector.as_deref(), list.items.len()).await?;
    }
    Ok(())
}

/// Prints each change after the initial list: a table row (no header) or one document.
async fn watch(
    connection: &Connection,
    printer: &Printer,
    selector: Option<&str>,
    listed: usize,
) -> Result<(), CliError> {
    let stream = connection.watch(&registrations(), selector)?;
    futures::pin_mut!(stream);
    // The watch starts with the objects already printed; skip that many initial events.
    let mut to_skip = listed;
    while let Some(event) = stream.next().await {
        let object = match event {
            Ok(WatchedObject::Changed(o) | WatchedObject::Deleted(o)) => o,
            Err(e) => {
                printer.warn(&format!("watch: {e}; retrying"))?;
                continue;
            }
        };
        if to_skip > 0 {
            to_skip -= 1;
            continue;
        }
        let items = [object];
        match printer.format() {
            OutputFormat::Table | OutputFormat::Wide => {
                let wide = matches!(printer.format(), OutputFormat::Wide);
                printer.write_out(&cluster_table(&items, wide, jiff::Timestamp::now()).render(true))?;
            }
            _ => printer.objects(&items, true, &kind_group(), |_| Table::default())?,
        }
    }
    Ok(())
}

/// The `cluster list` table, with the extra `-o wide` columns when asked.
fn cluster_table(items: &[Value], wide: bool, now: jiff::Timestamp) -> Table {
    let mut headers = vec!["NAME", "LOCATION", "STATUS", "LAST HEARTBEAT", "AGE"];
    if wide {
        headers.extend(["VERSION", "NODES", "CPU", "MEMORY", "CAPABILITIES", "LABELS"]);
    }
    let mut table = Table::new(headers);
    for item in items {
        let Ok(cluster) = ClusterRegistration::deserialize(item) else {
            // An object that does not fit the schema is still listed, by name.
            let name = item["metadata"]["name"].as_str().unwrap_or_default().to_string();
            let mut row = vec![name, "<invalid>".into(), "<invalid>".into(), "<none>".into(), "<unknown>".into()];
            row.resize(table_width(wide), "<invalid>".into());
            table.push(row);
            continue;
        };
        let status = cluster.status.clone().unwrap_or_default();
        let heartbeat = status
            .last_heartbeat
            .as_deref()
            .map(|t| format!("{} ago", age(Some(t), now)))
            .unwrap_or_else(|| "<never>".into());
        let created = cluster.metadata.creation_timestamp.as_ref().map(|t| t.0.to_string());
        let mut row = vec![
            cluster.metadata.name.clone().unwrap_or_default(),
            cluster.spec.location.clone(),
            status_text(&cluster),
            heartbeat,
            age(created.as_deref(), now),
        ];
        if wide {
            let pair = |pick: fn(&crate::api::ResourceAmounts) -> Option<&String>| {
                let allocated = status.allocated.as_ref().and_then(pick).cloned().unwrap_or_else(|| "-".into());
                let allocatable = status.allocatable.as_ref().and_then(pick).cloned().unwrap_or_else(|| "-".into());
                format!("{allocated}/{allocatable}")
            };
            let capabilities: Vec<String> =
                cluster.spec.capabilities.iter().map(|c| format!("{}:{}", c.type_, c.available)).collect();
            let labels: Vec<String> =
                cluster.metadata.labels.iter().flatten().map(|(k, v)| format!("{k}={v}")).collect();
            row.extend([
                status.kubernetes_version.clone().unwrap_or_else(|| "<unknown>".into()),
                status.node_count.map(|n| n.to_string()).unwrap_or_else(|| "-".into()),
                pair(|a| a.cpu.as_ref()),
                pair(|a| a.memory.as_ref()),
                or_none(capabilities.join(",")),
                or_none(labels.join(",")),
            ]);
        }
        table.push(row);
    }
    table
}

fn table_width(wide: bool) -> usize {
    if wide {
        11
    } else {
        5
    }
}

fn or_none(text: String) -> String {
    if text.is_empty() {
        "<none>".into()
    } else {
        text
    }
}

/// `Ready`, `NotReady` or `Unknown` from the Ready condition (`Pending` before the first probe),
/// with `,SchedulingDisabled` when cordoned, as kubectl shows nodes.
fn status_text(cluster: &ClusterRegistration) -> String {
    let base = match cluster.ready_condition().map(|c| c.status) {
        Some(ConditionStatus::True) => "Ready",
        Some(ConditionStatus::False) => "NotReady",
        Some(ConditionStatus::Unknown) => "Unknown",
        None => "Pending",
    };
    if cluster.spec.unschedulable {
        format!("{base},SchedulingDisabled")
    } else {
        base.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn table_shows_status_heartbeat_and_wide_columns() {
        let now: jiff::Timestamp = "2026-01-01T01:00:00Z".parse().unwrap();
        let items = vec![
            json!({"apiVersion": "tmc.kcp.io/v1alpha1", "kind": "ClusterRegistration",
                   "metadata": {"name": "pc1", "creationTimestamp": "2026-01-01T00:00:00Z", "labels": {"env": "prod"}},
                   "spec": {"location": "eu-west", "unschedulable": true, "capabilities": [{"type": "gpu", "available": true}]},
                   "status": {"lastHeartbeat": "2026-01-01T00:59:50Z", "nodeCount": 3,
                              "conditions": [{"type": "Ready", "status": "True"}],
                              "allocatable": {"cpu": "12", "memory": "48Gi"}, "allocated": {"cpu": "2"}}}),
            json!({"metadata": {"name": "broken"}, "spec": {"location": 7}}),
        ];
        let text = cluster_table(&items, false, now).render(false);
        let rows: Vec<Vec<&str>> = text.lines().map(|l| l.split_whitespace().collect()).collect();
        assert_eq!(rows[0], ["NAME", "LOCATION", "STATUS", "LAST", "HEARTBEAT", "AGE"]);
        assert_eq!(rows[1], ["pc1", "eu-west", "Ready,SchedulingDisabled", "10s", "ago", "60m"]);
        assert_eq!(rows[2][..2], ["broken", "<invalid>"]);
        let wide = cluster_table(&items, true, now).render(false);
        assert!(
            wide.contains("2/12") && wide.contains("-/48Gi") && wide.contains("gpu:true") && wide.contains("env=prod"),
            "{wide}"
        );
    }
}
