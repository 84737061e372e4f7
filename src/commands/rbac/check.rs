//! `tmcctl rbac check`: one matrix answering "may this subject do that?" in the workspace (kcp's
//! authorizer) and on every registered cluster (each cluster's authorizer, asked through the
//! credentials stored for it). Exits 0 only when every cell is allowed, so CI scripts can use it.

use clap::{ArgGroup, Args};
use futures::future::join_all;
use serde_json::{json, Map, Value};

use crate::api::ClusterRegistration;
use crate::cli::OutputArgs;
use crate::client::{ClientError, Connection, ConnectionSettings, Resource};
use crate::commands::cluster::shared::connect_registered;
use crate::error::{CliError, ExitKind};
use crate::output::{escape_control, OutputFormat, Printer, Table};
use crate::security::{AccessMatrix, MatrixRow, Permission, Place, Verdict};

use super::target_workspace;

/// Arguments of `rbac check`.
#[derive(Debug, Args)]
#[command(group(ArgGroup::new("who").required(true).multiple(true).args(["user", "groups", "as_me"])))]
pub struct CheckArgs {
    /// The verbs, comma-separated (e.g. get,list,create): one column each.
    pub verbs: String,
    /// PLURAL[.GROUP][/SUBRESOURCE] (secrets, deployments.apps, clusterregistrations.tmc.kcp.io),
    /// or a URL path starting with /.
    pub resource: String,
    /// The user to ask about.
    #[arg(long, conflicts_with = "as_me")]
    pub user: Option<String>,
    /// A group of the user (repeatable); groups alone ask about any member.
    #[arg(long = "group", value_name = "GROUP", conflicts_with = "as_me")]
    pub groups: Vec<String>,
    /// Ask about your own credentials (and, on clusters, about the credentials stored for them).
    #[arg(long)]
    pub as_me: bool,
    /// The namespace the request would be in.
    #[arg(short = 'n', long)]
    pub namespace: Option<String>,
    /// Which registered clusters to ask: all, none, or NAME,NAME.
    #[arg(long, default_value = "all", value_name = "all|none|C,…")]
    pub clusters: String,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Who the reviews ask about.
struct Asked<'a> {
    user: Option<&'a str>,
    groups: &'a [String],
    as_me: bool,
}

impl Asked<'_> {
    async fn review(&self, connection: &Connection, attributes: &Value) -> Result<Value, ClientError> {
        if self.as_me {
            connection.self_access_review(attributes).await
        } else {
            connection.subject_access_review(self.user, self.groups, attributes).await
        }
    }

    async fn row(
        &self,
        place: Place,
        connection: &Connection,
        permissions: &[Permission],
        namespace: Option<&str>,
    ) -> MatrixRow {
        let mut verdicts = Vec::new();
        for permission in permissions {
            verdicts.push(match self.review(connection, &permission.review_attributes(namespace, None)).await {
                Ok(status) => Verdict::from_review_status(&status),
                Err(ClientError::Forbidden { .. }) => Verdict::Unknown(
                    "these credentials may not create access reviews here (create subjectaccessreviews)".into(),
                ),
                Err(e) => Verdict::Unknown(CliError::from(e).message),
            });
        }
        MatrixRow { place, verdicts }
    }
}

/// Runs `rbac check`.
pub async fn run(args: CheckArgs, settings: &ConnectionSettings) -> Result<(), CliError> {
    let printer = Printer::new(args.output.output.clone(), args.output.no_headers);
    let verbs: Vec<String> = args.verbs.split(',').map(|v| v.trim().to_string()).collect();
    let permissions = verbs
        .iter()
        .map(|verb| Permission::parse(verb, &args.resource))
        .collect::<Result<Vec<_>, _>>()
        .map_err(CliError::usage)?;
    let asked = Asked { user: args.user.as_deref(), groups: &args.groups, as_me: args.as_me };
    let namespace = args.namespace.as_deref();
    let connection = Connection::open(settings).await?;
    let hub_place = match connection.workspace() {
        Some(w) => Place::Workspace(w.to_string()),
        None => Place::Workspace(connection.url()),
    };
    if connection.server_info().await?.is_kcp {
        target_workspace(&connection)?;
    }
    let mut matrix = AccessMatrix {
        verbs: verbs.clone(),
        rows: vec![asked.row(hub_place, &connection, &permissions, namespace).await],
    };

    let clusters = chosen_clusters(&connection, &args.clusters).await?;
    let rows = join_all(clusters.iter().map(|name| async {
        let place = Place::Cluster(name.clone());
        match connect_registered(&connection, name).await {
            Ok(cluster) => asked.row(place, &cluster, &permissions, namespace).await,
            Err(e) => MatrixRow { place, verdicts: vec![Verdict::Unknown(e.message); permissions.len()] },
        }
    }))
    .await;
    matrix.rows.extend(rows);

    print(&printer, &matrix, &args, args.output.no_headers)?;
    if matrix.all_allowed() {
        return Ok(());
    }
    let (allowed, denied, unknown) = matrix.counts();
    let total = allowed + denied + unknown;
    let unasked = if unknown > 0 { format!(", {unknown} could not be answered") } else { String::new() };
    Err(CliError::new(ExitKind::Denied, format!("{denied} of {total} checks denied{unasked}")))
}

/// The registrations `--clusters` names, sorted; `all` is every one in the workspace.
async fn chosen_clusters(connection: &Connection, choice: &str) -> Result<Vec<String>, CliError> {
    match choice {
        "none" => return Ok(Vec::new()),
        "all" => {}
        list => {
            let mut names: Vec<String> =
                list.split(',').map(|n| n.trim().to_string()).filter(|n| !n.is_empty()).collect();
            names.sort();
            return Ok(names);
        }
    }
    match connection.list(&Resource::of::<ClusterRegistration>(), None, None).await {
        Ok(list) => {
            let mut names: Vec<String> =
                list.items.iter().filter_map(|r| r["metadata"]["name"].as_str().map(String::from)).collect();
            names.sort();
            Ok(names)
        }
        // No TMC API here: the workspace is the only place to ask.
        Err(ClientError::NotFound { .. }) => Ok(Vec::new()),
        Err(e) => Err(e.into()),
    }
}

fn print(printer: &Printer, matrix: &AccessMatrix, args: &CheckArgs, no_headers: bool) -> Result<(), CliError> {
    match printer.format() {
        OutputFormat::Table | OutputFormat::Wide | OutputFormat::Name => {
            let mut table =
                Table::new(std::iter::once("PLACE".to_string()).chain(matrix.verbs.iter().map(|v| v.to_uppercase())));
            let mut reasons = String::new();
            for row in &matrix.rows {
                let label = row.place.label();
                table.push(
                    std::iter::once(label.clone()).chain(row.verdicts.iter().map(|v| v.word().to_string())).collect(),
                );
                for (verb, verdict) in matrix.verbs.iter().zip(&row.verdicts) {
                    if !verdict.reason().is_empty() {
                        reasons.push_str(&format!("  {label} {verb}: {}\n", escape_control(verdict.reason())));
                    }
                }
            }
            let mut out = table.render(no_headers);
            if !reasons.is_empty() {
                out.push_str(&format!("\nreasons:\n{reasons}"));
            }
            if args.as_me && matrix.rows.len() > 1 {
                out.push_str("\ncluster rows answer for the credentials tmcctl stores for each cluster\n");
            }
            printer.write_out(&out)?;
        }
        _ => {
            let rows: Vec<Value> = matrix
                .rows
                .iter()
                .map(|row| {
                    let (kind, name) = match &row.place {
                        Place::Workspace(w) => ("workspace", w),
                        Place::Cluster(c) => ("cluster", c),
                    };
                    let cells: Map<String, Value> = matrix
                        .verbs
                        .iter()
                        .zip(&row.verdicts)
                        .map(|(verb, v)| (verb.clone(), json!({"result": v.word(), "reason": v.reason()})))
                        .collect();
                    json!({"kind": kind, "name": name, "cells": cells})
                })
                .collect();
            let subject =
                if args.as_me { json!({"asMe": true}) } else { json!({"user": args.user, "groups": args.groups}) };
            let document = json!({"subject": subject, "resource": args.resource, "namespace": args.namespace,
                                  "verbs": matrix.verbs, "rows": rows, "allAllowed": matrix.all_allowed()});
            printer.value(&document, String::new)?;
        }
    }
    Ok(())
}
