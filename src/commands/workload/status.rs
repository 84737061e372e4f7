//! `tmcctl workload list` and `workload status [NAME]`: where each workload runs and whether it
//! is ready there, from the status the controller writes on the workload (`status.tmc`).

use clap::Args;
use futures::StreamExt;
use serde_json::Value;

use crate::ages::age;
use crate::cli::OutputArgs;
use crate::client::{Connection, ConnectionSettings, WatchedObject};
use crate::controller::workload_types::WorkloadType;
use crate::error::CliError;
use crate::output::{Printer, Table};

use super::shared::{
    find, kind_group, list_all, parse_reference, phase_text, ready_text, synced_types, tmc_status, NamespaceArgs,
};

/// Arguments of `workload list` and `workload status`.
#[derive(Debug, Args)]
pub struct StatusArgs {
    /// One workload: `NAME` (every synced kind of that name) or `KIND/NAME` (e.g. deployment/web).
    pub name: Option<String>,
    #[command(flatten)]
    pub namespaces: NamespaceArgs,
    /// After listing, keep printing workloads as they change.
    #[arg(short = 'w', long)]
    pub watch: bool,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Runs `workload list` / `workload status`.
pub async fn run(args: StatusArgs, settings: &ConnectionSettings) -> Result<(), CliError> {
    let printer = Printer::new(args.output.output.clone(), args.output.no_headers);
    let connection = Connection::open(settings).await?;
    let types = synced_types(&connection).await?;
    let scope = args.namespaces.scope();
    let rows = match &args.name {
        Some(reference) => {
            let (matching, name) = parse_reference(&types, reference)?;
            find(&connection, &matching, scope.unwrap_or("default"), &name).await?
        }
        None => list_all(&connection, &types, scope).await?,
    };
    let objects: Vec<Value> = rows.iter().map(|(_, o)| o.clone()).collect();
    let all = scope.is_none();
    let now = jiff::Timestamp::now();
    let group = rows.first().map(|(t, _)| kind_group(&t.resource)).unwrap_or_default();
    printer.objects(&objects, args.name.is_some(), &group, |wide| {
        let mut table = Table::new(headers(all, wide));
        for (ty, object) in &rows {
            table.push(row(ty, object, all, wide, now));
        }
        table
    })?;
    if args.watch {
        let wide = matches!(printer.format(), crate::output::OutputFormat::Wide);
        let printed = rows.iter().map(|(ty, o)| (row_key(ty, o), row(ty, o, all, wide, now))).collect();
        watch(&connection, &printer, &types, scope, args.name.as_deref(), all, printed).await?;
    }
    Ok(())
}

fn headers(all: bool, wide: bool) -> Vec<&'static str> {
    let mut headers = Vec::new();
    if all {
        headers.push("NAMESPACE");
    }
    headers.extend(["NAME", "KIND", "PLACEMENT", "CLUSTERS", "READY", "AGE"]);
    if wide {
        headers.push("PER-CLUSTER");
    }
    headers
}

/// One row: the clusters are those holding a copy (retiring ones marked with `~`).
fn row(ty: &WorkloadType, object: &Value, all: bool, wide: bool, now: jiff::Timestamp) -> Vec<String> {
    let tmc = tmc_status(object);
    let text = |v: &Value| v.as_str().unwrap_or_default().to_string();
    let mut row = Vec::new();
    if all {
        row.push(text(&object["metadata"]["namespace"]));
    }
    let clusters: Vec<String> = tmc
        .clusters
        .iter()
        .map(|c| {
            if c.phase == crate::sync::status::Phase::Retiring {
                format!("~{}", c.cluster)
            } else {
                c.cluster.clone()
            }
        })
        .collect();
    let placement = match (&tmc.placement, tmc.conflicts.is_empty()) {
        (_, false) => format!("conflict: {}", tmc.conflicts.join(",")),
        (Some(p), true) => p.clone(),
        (None, true) => "<none>".into(),
    };
    row.extend([
        text(&object["metadata"]["name"]),
        ty.resource.kind.clone(),
        placement,
        if clusters.is_empty() { "<none>".into() } else { clusters.join(",") },
        ready_text(object),
        age(object["metadata"]["creationTimestamp"].as_str(), now),
    ]);
    if wide {
        let per: Vec<String> = tmc
            .clusters
            .iter()
            .map(|c| {
                let counts = match (c.status.ready_replicas, c.status.replicas) {
                    (ready, Some(replicas)) => format!(" {}/{replicas}", ready.unwrap_or(0)),
                    _ => String::new(),
                };
                format!("{}={}{counts}", c.cluster, phase_text(c.phase))
            })
            .collect();
        row.push(if per.is_empty() { "-".into() } else { per.join(" ") });
    }
    row
}

fn row_key(ty: &WorkloadType, object: &Value) -> (String, String, String) {
    let text = |v: &Value| v.as_str().unwrap_or_default().to_string();
    (ty.resource.kind.clone(), text(&object["metadata"]["namespace"]), text(&object["metadata"]["name"]))
}

/// Prints each change after the list, as kubectl's `-w` does: one row (no header) per change.
#[allow(clippy::too_many_arguments)]
async fn watch(
    connection: &Connection,
    printer: &Printer,
    types: &[WorkloadType],
    scope: Option<&str>,
    only: Option<&str>,
    all: bool,
    mut last: std::collections::HashMap<(String, String, String), Vec<String>>,
) -> Result<(), CliError> {
    let mut streams = Vec::new();
    for ty in types {
        let stream = connection.watch(&ty.resource, None)?;
        let ty = ty.clone();
        streams.push(stream.map(move |event| (ty.clone(), event)).boxed());
    }
    let mut merged = futures::stream::select_all(streams);
    let wide = matches!(printer.format(), crate::output::OutputFormat::Wide);
    while let Some((ty, event)) = merged.next().await {
        let object = match event {
            Ok(WatchedObject::Changed(o)) | Ok(WatchedObject::Deleted(o)) => o,
            Err(e) => {
                printer.warn(&format!("watch: {e}"))?;
                continue;
            }
        };
        let key = row_key(&ty, &object);
        if scope.is_some_and(|s| s != key.1) || only.is_some_and(|o| o.rsplit('/').next() != Some(key.2.as_str())) {
            continue;
        }
        let row = row(&ty, &object, all, wide, jiff::Timestamp::now());
        if last.get(&key) == Some(&row) {
            continue;
        }
        last.insert(key, row.clone());
        match printer.format() {
            crate::output::OutputFormat::Table | crate::output::OutputFormat::Wide => {
                let mut table = Table::new(headers(all, wide));
                table.push(row);
                printer.write_out(&table.render(true))?;
            }
            _ => printer.objects(&[object], true, &kind_group(&ty.resource), |_| Table::new(headers(all, wide)))?,
        }
    }
    Ok(())
}
