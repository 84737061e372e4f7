//! What the cluster verbs share: where credentials are stored, reading a registration with
//! errors that say what to do, verifying a physical cluster, and which placements use it.

use std::time::Duration;

use base64::Engine;
use serde_json::Value;

use crate::api::ownership::CREDENTIALS_CLUSTER_LABEL;
use crate::api::{ClusterRegistration, WorkloadPlacement};
use crate::client::{ClientError, ClusterCredentials, Connection, CredentialsTrust, Resource};
use crate::commands::explain_tmc_error;
use crate::error::{CliError, ExitKind};
use crate::install::{MANAGED_BY, MANAGED_BY_LABEL};

/// Namespace of the credential Secrets in the registering workspace.
pub const SECRET_NAMESPACE: &str = "tmc-system";
/// The Secret key that holds the kubeconfig.
pub const SECRET_KEY: &str = "kubeconfig";
/// Field manager for the cordon state, apart from the registration's own fields, so that
/// re-running `register` never uncordons a cluster.
pub const CORDON_FIELD_MANAGER: &str = "tmcctl-cordon";
/// Annotation recording that a drain was asked for, and when.
pub const DRAIN_ANNOTATION: &str = "tmc.kcp.io/drain-requested-at";
/// How long verifying a physical cluster may take.
pub const VERIFY_TIMEOUT: Duration = Duration::from_secs(10);

/// The Secret that holds a cluster's credentials.
pub fn secret_name(cluster: &str) -> String {
    format!("tmc-cluster-{cluster}")
}

/// The ClusterRegistration resource.
pub fn registrations() -> Resource {
    Resource::of::<ClusterRegistration>()
}

/// Secrets.
pub fn secrets() -> Resource {
    Resource::new("", "v1", "Secret", "secrets", true)
}

/// Namespaces.
pub fn namespaces() -> Resource {
    Resource::new("", "v1", "Namespace", "namespaces", false)
}

/// `clusterregistration.tmc.kcp.io`, the prefix of `-o name`.
pub fn kind_group() -> String {
    let r = registrations();
    format!("{}.{}", r.kind.to_ascii_lowercase(), r.group)
}

/// Reads a registration; `None` when there is none of that name.
pub async fn read(connection: &Connection, name: &str) -> Result<Option<Value>, CliError> {
    match connection.get(&registrations(), None, name).await {
        Ok(found) => Ok(found),
        Err(e) => Err(explain_tmc_error(connection, e).await),
    }
}

/// Reads a registration that must exist.
pub async fn require(connection: &Connection, name: &str) -> Result<Value, CliError> {
    read(connection, name).await?.ok_or_else(|| {
        let where_ = connection.workspace().map(|w| format!(" in workspace {w}")).unwrap_or_default();
        CliError::new(ExitKind::NotFound, format!("cluster \"{name}\" is not registered{where_}"))
            .with_hint("see `tmcctl cluster list`")
    })
}

/// Connects to a physical cluster and reports its version and node count.
pub async fn verify(name: &str, credentials: &ClusterCredentials) -> Result<(String, usize), CliError> {
    let prefix = |e: CliError| CliError { message: format!("cannot verify cluster \"{name}\": {}", e.message), ..e };
    let cluster = Connection::to_cluster(credentials, Some(VERIFY_TIMEOUT), Default::default())
        .await
        .map_err(|e| prefix(e.into()))?;
    let info = cluster.server_info().await.map_err(|e| prefix(e.into()))?;
    let nodes = Resource::new("", "v1", "Node", "nodes", false);
    let count = cluster.list(&nodes, None, None).await.map_err(|e| prefix(e.into()))?.items.len();
    Ok((info.git_version, count))
}

/// A client of a registered cluster, from the credentials stored for it.
pub async fn connect_registered(connection: &Connection, name: &str) -> Result<Connection, CliError> {
    let credentials = stored_credentials(connection, name).await?;
    Ok(Connection::to_cluster(&credentials, Some(VERIFY_TIMEOUT), Default::default()).await?)
}

/// The credentials stored for a registered cluster, to be used only as
/// [`CredentialsTrust::COMMAND_LINE`] and the registration allow.
pub async fn stored_credentials(connection: &Connection, name: &str) -> Result<ClusterCredentials, CliError> {
    let registration: ClusterRegistration = serde_json::from_value(require(connection, name).await?)
        .map_err(|e| CliError::new(ExitKind::Failure, format!("cluster \"{name}\": not a ClusterRegistration: {e}")))?;
    let Some(reference) = registration.spec.credentials else {
        return Err(CliError::new(
            ExitKind::Config,
            format!("cluster \"{name}\" has no stored credentials (spec.credentials)"),
        )
        .with_hint(format!("store them with `tmcctl cluster update {name} --cluster-kubeconfig FILE`")));
    };
    let source = format!("Secret {}/{} key {}", reference.namespace, reference.name, reference.key);
    let secret = match connection.get(&secrets(), Some(&reference.namespace), &reference.name).await {
        Ok(Some(secret)) => secret,
        Ok(None) => {
            return Err(CliError::new(ExitKind::NotFound, format!("cluster \"{name}\": {source} does not exist")))
        }
        Err(e) => return Err(explain_tmc_error(connection, e).await),
    };
    let encoded = secret["data"][&reference.key].as_str().unwrap_or_default();
    let trust = CredentialsTrust::COMMAND_LINE.and(reference.trust());
    ClusterCredentials::from_secret_value(encoded, &source, trust).map_err(|e| {
        let e = CliError::from(e);
        CliError { message: format!("cluster \"{name}\": {}", e.message), ..e }
    })
}

/// The placements whose current decision includes `cluster`.
pub async fn placements_on(connection: &Connection, cluster: &str) -> Result<Vec<String>, CliError> {
    let placements = match connection.list(&Resource::of::<WorkloadPlacement>(), None, None).await {
        Ok(list) => list.items,
        Err(ClientError::NotFound { .. }) => Vec::new(),
        Err(e) => return Err(e.into()),
    };
    Ok(placements
        .iter()
        .filter(|p| p["status"]["decisions"].as_array().is_some_and(|ds| ds.iter().any(|d| d["cluster"] == cluster)))
        .filter_map(|p| p["metadata"]["name"].as_str().map(String::from))
        .collect())
}

/// Records on a registration's `spec.credentials` what its stored credentials need beyond a
/// token or certificate over verified TLS (`allowExec`, `allowInsecure`), and no more.
pub fn record_needs(credentials: &mut Value, needs: CredentialsTrust) {
    let Some(fields) = credentials.as_object_mut() else { return };
    for (key, needed) in [("allowExec", needs.allow_exec), ("allowInsecure", needs.allow_insecure)] {
        if needed {
            fields.insert(key.into(), Value::Bool(true));
        } else {
            fields.remove(key);
        }
    }
}

/// The Secret holding a cluster's credentials, labelled as tmcctl's.
pub fn secret_object(cluster: &str, credentials: &ClusterCredentials) -> Value {
    let encoded = base64::engine::general_purpose::STANDARD.encode(credentials.to_yaml());
    serde_json::json!({
        "apiVersion": "v1",
        "kind": "Secret",
        "type": "Opaque",
        "metadata": {
            "name": secret_name(cluster),
            "namespace": SECRET_NAMESPACE,
            "labels": {MANAGED_BY_LABEL: MANAGED_BY, CREDENTIALS_CLUSTER_LABEL: cluster},
        },
        "data": {SECRET_KEY: encoded},
    })
}
