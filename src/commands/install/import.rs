//! `install --workload-apis`: where the schemas come from and how they are read, before
//! anything is written.
//!
//! ```text
//! --bind workspaces ─► ClusterRegistrations ─► credentials Secret ─┐
//! --schema-kubeconfig FILE ────────────────────────────────────────┴─► SchemaSource
//!   ─► per type: discovery (versions, kind, scope) ─► choose_version ─► OpenAPI ─► structural
//!   ─► install::workload_apis::publish ─► PublishedType
//! ```
//!
//! Every source must answer: one that cannot be reached fails the install, naming it, so no
//! type is ever published from part of the fleet.

use std::collections::HashMap;
use std::time::Duration;

use serde_json::Value;

use crate::api::{ClusterRegistration, CredentialsReference};
use crate::client::{
    ClientError, ClusterCredentials, Connection, ConnectionSettings, CredentialsTrust, Resource, WorkspacePath,
};
use crate::error::CliError;
use crate::install::openapi::{OpenApiDocument, OpenApiError};
use crate::install::workload_apis::{
    choose_version, publish, PublishedType, ServedType, WorkloadApiError, WorkloadType,
};

/// The deadline of each request to a source cluster when `--request-timeout` sets none.
const SOURCE_REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// A cluster to read schemas from.
pub(super) struct SchemaSource {
    /// How messages name it: `cluster "pc1" in root:team`, or `--schema-kubeconfig FILE`.
    name: String,
    connection: Connection,
}

/// The clusters registered (with credentials) in `workspaces`, then those of `kubeconfigs`.
/// Refuses when there are none, naming the fix.
pub(super) async fn schema_sources(
    connection: &Connection,
    workspaces: &[WorkspacePath],
    kubeconfigs: &[std::path::PathBuf],
    settings: &ConnectionSettings,
) -> Result<Vec<SchemaSource>, CliError> {
    let timeout = settings.request_timeout.or(Some(SOURCE_REQUEST_TIMEOUT));
    let mut sources = Vec::new();
    for workspace in workspaces {
        let consumer = connection.for_workspace(workspace);
        let registrations = match consumer.list(&Resource::of::<ClusterRegistration>(), None, None).await {
            Ok(list) => list.items,
            // Not bound yet, or the workspace is still to be created: no clusters there.
            Err(ClientError::NotFound { .. } | ClientError::Forbidden { .. }) => Vec::new(),
            Err(e) => return Err(e.into()),
        };
        for registration in registrations {
            let cluster = registration["metadata"]["name"].as_str().unwrap_or_default();
            let name = format!("cluster \"{cluster}\" in {workspace}");
            if let Some(source) = registered_source(&consumer, &registration, &name, timeout).await? {
                sources.push(source);
            }
        }
    }
    for file in kubeconfigs {
        let name = format!("--schema-kubeconfig {}", file.display());
        let own = ConnectionSettings {
            kubeconfig: Some(file.clone()),
            request_timeout: timeout,
            ..ConnectionSettings::default()
        };
        let connection = Connection::open(&own).await.map_err(|e| from_source(&name, e))?;
        sources.push(SchemaSource { name, connection });
    }
    if sources.is_empty() {
        return Err(CliError::usage(
            "--workload-apis needs a cluster to import schemas from, and no --bind workspace has a registered cluster",
        )
        .with_hint(
            "register a cluster in a bound workspace first (tmcctl --workspace WS cluster register …), or pass \
             --schema-kubeconfig FILE",
        ));
    }
    Ok(sources)
}

/// A registered cluster's connection, from its credentials Secret; `None` when the
/// registration has no credentials.
async fn registered_source(
    consumer: &Connection,
    registration: &Value,
    name: &str,
    timeout: Option<Duration>,
) -> Result<Option<SchemaSource>, CliError> {
    let Ok(reference) = serde_json::from_value::<CredentialsReference>(registration["spec"]["credentials"].clone())
    else {
        return Ok(None);
    };
    let (namespace, secret, key) = (reference.namespace.as_str(), reference.name.as_str(), reference.key.as_str());
    let secrets = Resource::new("", "v1", "Secret", "secrets", true);
    let what = format!("Secret {namespace}/{secret} key {key}");
    let found = consumer.get(&secrets, Some(namespace), secret).await.map_err(|e| from_source(name, e))?;
    let encoded = found.as_ref().and_then(|s| s["data"][key].as_str()).ok_or_else(|| {
        CliError::new(crate::error::ExitKind::NotFound, format!("{name}: its credentials ({what}) do not exist"))
            .with_hint("register the cluster again with --cluster-kubeconfig, or import with --schema-kubeconfig")
    })?;
    // A Secret in kcp is not the operator's own kubeconfig: running a program it names on this
    // machine is not install's call to make.
    let credentials =
        ClusterCredentials::from_secret_value(encoded, &what, CredentialsTrust::COMMAND_LINE.and(reference.trust()))
            .map_err(|e| from_source(name, e))?;
    if let Some(program) = credentials.exec_command() {
        return Err(CliError::usage(format!(
            "{name}: its credentials run an external program ({program}), which install does not run"
        ))
        .with_hint("pass that cluster's kubeconfig with --schema-kubeconfig instead"));
    }
    let connection =
        Connection::to_cluster(&credentials, timeout, Default::default()).await.map_err(|e| from_source(name, e))?;
    Ok(Some(SchemaSource { name: name.to_string(), connection }))
}

/// Reads each type from every source and builds what to publish.
pub(super) async fn import(sources: &[SchemaSource], types: &[WorkloadType]) -> Result<Vec<PublishedType>, CliError> {
    let mut documents: HashMap<(usize, String, String), Value> = HashMap::new();
    let mut published = Vec::new();
    for ty in types {
        let mut offers = Vec::new();
        let mut discovered = Vec::new();
        for source in sources {
            let served = source
                .connection
                .served_versions(&ty.group, &ty.plural)
                .await
                .map_err(|e| from_source(&source.name, e))?;
            let source_name = source.name.clone();
            if served.is_empty() {
                return Err(WorkloadApiError::NotServed { ty: ty.clone(), source_name }.into());
            }
            if served.iter().any(|s| !s.namespaced) {
                return Err(WorkloadApiError::ClusterScoped { ty: ty.clone(), source_name }.into());
            }
            offers.push((source.name.clone(), served.iter().map(|s| s.version.clone()).collect()));
            discovered.push(served);
        }
        let version = choose_version(ty, &offers)?;
        let mut served_types = Vec::new();
        for (index, (source, served)) in sources.iter().zip(&discovered).enumerate() {
            let found = served.iter().find(|s| s.version == version).expect("choose_version picks a served version");
            let key = (index, ty.group.clone(), version.clone());
            if !documents.contains_key(&key) {
                let document = source
                    .connection
                    .openapi_document(&ty.group, &version)
                    .await
                    .map_err(|e| from_source(&source.name, e))?;
                documents.insert(key.clone(), document);
            }
            let conversion = |cause: OpenApiError| WorkloadApiError::Conversion {
                ty: ty.clone(),
                source_name: source.name.clone(),
                cause: Box::new(cause),
            };
            let document = OpenApiDocument::new(&documents[&key]).map_err(conversion)?;
            let definition = document.find(&ty.group, &version, &found.kind).map_err(conversion)?;
            let schema = document.structural_schema(definition).map_err(conversion)?;
            let singular =
                if found.singular.is_empty() { found.kind.to_ascii_lowercase() } else { found.singular.clone() };
            served_types.push(ServedType {
                source: source.name.clone(),
                version: version.clone(),
                kind: found.kind.clone(),
                singular,
                short_names: found.short_names.clone(),
                categories: found.categories.clone(),
                schema,
            });
        }
        published.push(publish(ty, &served_types)?);
    }
    Ok(published)
}

/// A source's failure, its message naming the source.
fn from_source(name: &str, err: ClientError) -> CliError {
    let err = CliError::from(err);
    CliError { message: format!("cannot import workload APIs from {name}: {}", err.message), ..err }
}
