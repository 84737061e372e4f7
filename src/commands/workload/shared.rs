//! What the workload verbs share: the synced types of the workspace, finding workloads by
//! `NAME` or `KIND/NAME`, reading `status.tmc`, and the readiness words every verb prints.

use clap::Args;
use serde_json::Value;

use crate::client::{Connection, Resource};
use crate::commands::explain_tmc_error;
use crate::controller::workload_types::{self, ExportLocation, WorkloadType};
use crate::error::{CliError, ExitKind};
use crate::sync::status::{Phase, TmcStatus, WorkloadKind};

/// The namespace flags kubectl users expect.
#[derive(Debug, Args, Clone)]
pub struct NamespaceArgs {
    /// The namespace (default: `default`).
    #[arg(short = 'n', long, value_name = "NAMESPACE", conflicts_with = "all_namespaces")]
    pub namespace: Option<String>,
    /// Across all namespaces of the workspace.
    #[arg(short = 'A', long)]
    pub all_namespaces: bool,
}

impl NamespaceArgs {
    /// The namespace to look in; `None` for all of them.
    pub fn scope(&self) -> Option<&str> {
        if self.all_namespaces {
            None
        } else {
            Some(self.namespace.as_deref().unwrap_or("default"))
        }
    }
}

/// The workload types this workspace's TMC API publishes; an error naming the fix when none.
pub async fn synced_types(connection: &Connection) -> Result<Vec<WorkloadType>, CliError> {
    let types = match workload_types::resolve(ExportLocation::Binding(connection)).await {
        Ok(types) => types,
        Err(e) => return Err(explain_tmc_error(connection, e).await),
    };
    if types.is_empty() {
        return Err(CliError::new(
            ExitKind::NotFound,
            format!("the TMC API bound in {} publishes no workload types", connection.url()),
        )
        .with_hint("publish them with `tmcctl install --workload-apis` (and bind this workspace with --bind)"));
    }
    Ok(types)
}

/// Which synced types a `KIND/NAME` (or bare `NAME`) names, and the name.
pub type Reference<'a> = (Vec<&'a WorkloadType>, String);

/// Which types a `KIND/NAME` reference (or a bare `NAME`, for every type) names.
pub fn parse_reference<'a>(types: &'a [WorkloadType], reference: &str) -> Result<Reference<'a>, CliError> {
    let Some((kind, name)) = reference.split_once('/') else {
        return Ok((types.iter().collect(), reference.to_string()));
    };
    let kind = kind.to_ascii_lowercase();
    let matching: Vec<&WorkloadType> = types
        .iter()
        .filter(|t| {
            let r = &t.resource;
            kind == r.kind.to_ascii_lowercase()
                || kind == r.plural
                || kind == t.name()
                || kind == format!("{}.{}", r.kind.to_ascii_lowercase(), r.group)
        })
        .collect();
    if matching.is_empty() {
        let known: Vec<String> = types.iter().map(|t| t.resource.kind.to_ascii_lowercase()).collect();
        return Err(CliError::usage(format!(
            "{reference}: \"{kind}\" is not a synced kind; synced kinds: {}",
            known.join(", ")
        )));
    }
    Ok((matching, name.to_string()))
}

/// Reads the named workload of each of `types` in `namespace`; an error when none exists.
pub async fn find(
    connection: &Connection,
    types: &[&WorkloadType],
    namespace: &str,
    name: &str,
) -> Result<Vec<(WorkloadType, Value)>, CliError> {
    let mut found = Vec::new();
    for ty in types {
        match connection.get(&ty.resource, Some(namespace), name).await {
            Ok(Some(object)) => found.push(((*ty).clone(), object)),
            Ok(None) => {}
            Err(e) => return Err(explain_tmc_error(connection, e).await),
        }
    }
    if found.is_empty() {
        return Err(CliError::new(ExitKind::NotFound, format!("no workload {name} in namespace {namespace}"))
            .with_hint("list them with `tmcctl workload list`, or name another namespace with -n"));
    }
    Ok(found)
}

/// Every workload of every type in `namespace` (all when `None`).
pub async fn list_all(
    connection: &Connection,
    types: &[WorkloadType],
    namespace: Option<&str>,
) -> Result<Vec<(WorkloadType, Value)>, CliError> {
    let mut all = Vec::new();
    for ty in types {
        match connection.list(&ty.resource, namespace, None).await {
            Ok(list) => all.extend(list.items.into_iter().map(|o| (ty.clone(), o))),
            Err(e) => return Err(explain_tmc_error(connection, e).await),
        }
    }
    all.sort_by(|a, b| key(&a.1).cmp(&key(&b.1)).then(a.0.resource.kind.cmp(&b.0.resource.kind)));
    Ok(all)
}

fn key(object: &Value) -> (String, String) {
    let text = |v: &Value| v.as_str().unwrap_or_default().to_string();
    (text(&object["metadata"]["namespace"]), text(&object["metadata"]["name"]))
}

/// `status.tmc` of a workload (empty when the controller has not written it yet).
pub fn tmc_status(object: &Value) -> TmcStatus {
    serde_json::from_value(object["status"]["tmc"].clone()).unwrap_or_default()
}

/// `ready/desired` as `kubectl get` shows it, summed over the clusters; `-` for kinds
/// without replicas.
pub fn ready_text(object: &Value) -> String {
    let status = &object["status"];
    match (object["spec"]["replicas"].as_i64(), status["readyReplicas"].as_i64()) {
        (Some(desired), ready) => format!("{}/{desired}", ready.unwrap_or(0)),
        (None, _) => match (status["succeeded"].as_i64(), object["spec"]["completions"].as_i64()) {
            (Some(done), Some(want)) => format!("{done}/{want}"),
            _ => "-".into(),
        },
    }
}

/// Whether the workload runs as asked on every chosen cluster: every copy Available, none
/// retiring, and (for kinds that report it) the current generation observed everywhere. A copy
/// left behind on an unregistered cluster is not one of them.
pub fn is_ready(kind: WorkloadKind, object: &Value) -> bool {
    let tmc = tmc_status(object);
    let observed = match kind {
        // Kinds without observedGeneration: each copy's phase already says it is current.
        WorkloadKind::Service | WorkloadKind::Other => true,
        _ => match (object["metadata"]["generation"].as_i64(), object["status"]["observedGeneration"].as_i64()) {
            (Some(generation), Some(observed)) => observed >= generation,
            (Some(_), None) => false,
            (None, _) => true,
        },
    };
    let mut managed = tmc.clusters.iter().filter(|c| c.phase != Phase::LeftBehind).peekable();
    observed && tmc.conflicts.is_empty() && managed.peek().is_some() && managed.all(|c| c.phase == Phase::Available)
}

/// `namespace/Kind/name`, as `status` and `doctor` name a workload.
pub fn workload_name(ty: &WorkloadType, object: &Value) -> String {
    let meta = &object["metadata"];
    format!(
        "{}/{}/{}",
        meta["namespace"].as_str().unwrap_or_default(),
        ty.resource.kind,
        meta["name"].as_str().unwrap_or_default()
    )
}

/// `kind.group`, the `-o name` prefix of a type.
pub fn kind_group(resource: &Resource) -> String {
    if resource.group.is_empty() {
        resource.kind.to_ascii_lowercase()
    } else {
        format!("{}.{}", resource.kind.to_ascii_lowercase(), resource.group)
    }
}

/// The phase of a copy in words, as tables show it.
pub fn phase_text(phase: Phase) -> &'static str {
    match phase {
        Phase::Pending => "Pending",
        Phase::Progressing => "Progressing",
        Phase::Available => "Available",
        Phase::Failed => "Failed",
        Phase::Retiring => "Retiring",
        Phase::Unreachable => "Unreachable",
        Phase::Drifted => "Drifted",
        Phase::Conflict => "Conflict",
        Phase::Orphaned => "Orphaned",
        Phase::LeftBehind => "LeftBehind",
    }
}

/// The name the workspace's objects carry downstream (see [`crate::sync::downstream_identity`]):
/// its logical cluster's, unless its registrations claim another after a restore.
pub async fn downstream_identity(connection: &Connection, logical_cluster: &str) -> Result<String, CliError> {
    let registrations = connection.list(&Resource::of::<crate::api::ClusterRegistration>(), None, None).await?;
    let claims = registrations
        .items
        .iter()
        .filter_map(|r| r["metadata"]["annotations"][crate::api::ownership::DOWNSTREAM_IDENTITY_ANNOTATION].as_str());
    Ok(crate::sync::downstream_identity(logical_cluster, claims).to_string())
}
