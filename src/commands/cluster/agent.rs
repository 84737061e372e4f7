//! Least-privilege credentials for a physical cluster: with the admin credentials a person
//! gives once, create a ServiceAccount with exactly the role the controller needs there
//! (`security::cluster_agent_role`, for the types the workspace syncs), a token Secret for it,
//! and hand back credentials holding only that token. The admin credentials are never stored.

use std::time::{Duration, Instant};

use base64::Engine;
use serde_json::{json, Value};

use crate::client::{ApplyOptions, ClusterCredentials, Connection, Resource};
use crate::commands::rbac::{cluster_role_bindings, cluster_roles};
use crate::controller::workload_types::{self, ExportLocation};
use crate::error::{CliError, ExitKind};
use crate::install::workload_apis::{parse_workload_types, DEFAULT_WORKLOAD_APIS};
use crate::install::{FIELD_MANAGER, MANAGED_BY, MANAGED_BY_LABEL};
use crate::output::Printer;
use crate::security::bindings::system_binding;
use crate::security::roles::CLUSTER_AGENT_ROLE;
use crate::security::{cluster_agent_role, Permission, Subject, SyncedType};

use super::shared::{namespaces, secrets, VERIFY_TIMEOUT};

/// The agent's namespace and ServiceAccount on a physical cluster.
pub const AGENT_NAMESPACE: &str = "tmc-system";
/// The agent's ServiceAccount.
pub const AGENT_ACCOUNT: &str = "tmcctl-agent";
/// Prefix of the token Secrets; each registration has its own (several workspaces may register
/// one cluster), named by [`token_owner`], and `rotate-credentials` adds time-stamped ones.
pub const AGENT_TOKEN_SECRET: &str = "tmcctl-agent-token";
/// Label naming the registration a token Secret belongs to (its [`token_owner`]).
pub const TOKEN_OWNER_LABEL: &str = "tmc.kcp.io/token-owner";

/// A short stable name for the registration `name` at `workspace_url`, for its token Secrets.
pub fn token_owner(workspace_url: &str, name: &str) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(format!("{workspace_url}\n{name}").as_bytes());
    digest.iter().take(6).map(|b| format!("{b:02x}")).collect()
}
/// How long the cluster's token controller may take to fill a token Secret.
const TOKEN_WAIT: Duration = Duration::from_secs(20);

const MANAGED: [(&str, &str); 1] = [(MANAGED_BY_LABEL, MANAGED_BY)];

/// The types the workspace's TMC API syncs (what the agent must be allowed to write); the
/// default workload APIs when the workspace publishes none yet, or when they cannot be read
/// (then with a warning saying so).
pub async fn synced_types(workspace: &Connection, printer: &Printer) -> Result<Vec<SyncedType>, CliError> {
    let published = match workload_types::resolve(ExportLocation::Binding(workspace)).await {
        Ok(published) => published,
        Err(e) => {
            printer.warn(&format!(
                "cannot read the workload types this workspace syncs ({}); the agent's role covers the default ones: {DEFAULT_WORKLOAD_APIS}",
                CliError::from(e).message
            ))?;
            Vec::new()
        }
    };
    let mut types: Vec<SyncedType> = published
        .iter()
        .map(|t| SyncedType { group: t.resource.group.clone(), plural: t.resource.plural.clone() })
        .collect();
    if types.is_empty() {
        types = parse_workload_types(DEFAULT_WORKLOAD_APIS)
            .expect("the default list parses")
            .into_iter()
            .map(|t| SyncedType { group: t.group, plural: t.plural })
            .collect();
    }
    Ok(types)
}

/// Whether `credentials` may do anything at all on their cluster (`* * *`).
pub async fn is_cluster_admin(credentials: &ClusterCredentials) -> Result<bool, CliError> {
    let cluster = Connection::to_cluster(credentials, Some(VERIFY_TIMEOUT), Default::default()).await?;
    let everything = Permission::resource("*", "*", "*").review_attributes(None, None);
    Ok(cluster.self_access_review(&everything).await?["allowed"].as_bool() == Some(true))
}

/// Creates (or updates) the agent's ServiceAccount, role and binding with `admin`, adds the
/// token Secret `token_secret`, waits for its token, and returns credentials holding only it.
pub async fn create_agent(
    cluster_name: &str,
    admin: &ClusterCredentials,
    synced: &[SyncedType],
    token_secret: &str,
    owner: &str,
) -> Result<ClusterCredentials, CliError> {
    let prefix = |e: CliError| CliError {
        message: format!("cannot create the tmcctl ServiceAccount on cluster \"{cluster_name}\": {}", e.message),
        ..e
    };
    let cluster =
        Connection::to_cluster(admin, Some(VERIFY_TIMEOUT), Default::default()).await.map_err(|e| prefix(e.into()))?;
    let subject = Subject::service_account(&format!("{AGENT_NAMESPACE}/{AGENT_ACCOUNT}")).expect("valid constants");
    let binding = system_binding(CLUSTER_AGENT_ROLE, "cluster-agent", &subject, &MANAGED);
    let labels = json!({MANAGED_BY_LABEL: MANAGED_BY});
    let objects: Vec<(Resource, Value)> = vec![
        (
            namespaces(),
            json!({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": AGENT_NAMESPACE, "labels": labels}}),
        ),
        (
            Resource::new("", "v1", "ServiceAccount", "serviceaccounts", true),
            json!({"apiVersion": "v1", "kind": "ServiceAccount",
                   "metadata": {"name": AGENT_ACCOUNT, "namespace": AGENT_NAMESPACE, "labels": labels}}),
        ),
        (cluster_roles(), cluster_agent_role(synced).cluster_role(&MANAGED)),
        (cluster_role_bindings(), binding),
        (
            secrets(),
            json!({"apiVersion": "v1", "kind": "Secret", "type": "kubernetes.io/service-account-token",
                   "metadata": {"name": token_secret, "namespace": AGENT_NAMESPACE,
                                "labels": {MANAGED_BY_LABEL: MANAGED_BY, TOKEN_OWNER_LABEL: owner},
                                "annotations": {"kubernetes.io/service-account.name": AGENT_ACCOUNT}}}),
        ),
    ];
    for (resource, object) in &objects {
        cluster.apply(resource, object, FIELD_MANAGER, ApplyOptions::default()).await.map_err(|e| prefix(e.into()))?;
    }
    let token = wait_for_token(&cluster, token_secret).await.map_err(prefix)?;
    Ok(admin.with_token(&token, &format!("system:serviceaccount:{AGENT_NAMESPACE}:{AGENT_ACCOUNT}")))
}

/// Verifies a new agent token, allowing the cluster a moment: its authorizer sees the new
/// binding (and its authenticator the new token) through caches, so the first requests may be
/// refused for a second or two.
pub async fn verify_new_token(name: &str, credentials: &ClusterCredentials) -> Result<(String, usize), CliError> {
    let start = Instant::now();
    loop {
        match super::shared::verify(name, credentials).await {
            Err(e) if e.kind == ExitKind::Auth && start.elapsed() < TOKEN_WAIT => {
                tokio::time::sleep(Duration::from_millis(500)).await;
            }
            outcome => return outcome,
        }
    }
}

/// Polls the token Secret until the cluster's token controller has filled it.
async fn wait_for_token(cluster: &Connection, name: &str) -> Result<String, CliError> {
    let start = Instant::now();
    loop {
        let secret = cluster.get(&secrets(), Some(AGENT_NAMESPACE), name).await?;
        let token = secret
            .as_ref()
            .and_then(|s| s["data"]["token"].as_str())
            .and_then(|t| base64::engine::general_purpose::STANDARD.decode(t).ok())
            .and_then(|t| String::from_utf8(t).ok())
            .filter(|t| !t.is_empty());
        if let Some(token) = token {
            return Ok(token);
        }
        if start.elapsed() > TOKEN_WAIT {
            return Err(CliError::new(
                ExitKind::Unavailable,
                format!("Secret {AGENT_NAMESPACE}/{name} got no token within {}s", TOKEN_WAIT.as_secs()),
            )
            .with_hint("is the cluster's kube-controller-manager running with a service-account key?"));
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
}
