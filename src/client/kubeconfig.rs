//! Loading a kubeconfig the way kubectl does: `--kubeconfig` alone, else the merged
//! `KUBECONFIG` list, else `~/.kube/config`; then `--context` or `current-context`.

use kube::config::{KubeConfigOptions, Kubeconfig, KubeconfigError};

use super::{ClientError, ConnectionSettings};

/// A kubeconfig context turned into a kube `Config`, plus the names needed for messages.
pub(super) struct LoadedConfig {
    pub config: kube::Config,
    pub context: String,
    pub server: String,
}

pub(super) async fn load(settings: &ConnectionSettings) -> Result<LoadedConfig, ClientError> {
    let (kubeconfig, source_name) = read(settings)?;
    let context = settings
        .context
        .clone()
        .or_else(|| kubeconfig.current_context.clone().filter(|c| !c.is_empty()))
        .ok_or_else(|| ClientError::NoContext { source_name: source_name.clone() })?;
    let Some(named) = kubeconfig.contexts.iter().find(|c| c.name == context) else {
        return Err(ClientError::UnknownContext {
            name: context,
            source_name,
            available: kubeconfig.contexts.iter().map(|c| c.name.clone()).collect(),
        });
    };
    let cluster_name = named.context.as_ref().map(|c| c.cluster.clone()).unwrap_or_default();
    let server = kubeconfig
        .clusters
        .iter()
        .find(|c| c.name == cluster_name)
        .and_then(|c| c.cluster.as_ref())
        .and_then(|c| c.server.clone())
        .ok_or_else(|| ClientError::Kubeconfig {
            source_name: source_name.clone(),
            cause: format!("context \"{context}\" refers to cluster \"{cluster_name}\", which has no server URL"),
        })?;
    let options = KubeConfigOptions { context: Some(context.clone()), cluster: None, user: None };
    let config = kube::Config::from_custom_kubeconfig(kubeconfig, &options)
        .await
        .map_err(|e| describe(e, &source_name, &context))?;
    Ok(LoadedConfig { config, context, server })
}

fn read(settings: &ConnectionSettings) -> Result<(Kubeconfig, String), ClientError> {
    if let Some(path) = &settings.kubeconfig {
        let name = path.display().to_string();
        return Kubeconfig::read_from(path).map(|k| (k, name.clone())).map_err(|e| describe(e, &name, ""));
    }
    let name = match std::env::var_os("KUBECONFIG") {
        Some(list) if !list.is_empty() => format!("KUBECONFIG={}", list.to_string_lossy()),
        _ => dirs::home_dir()
            .map(|h| h.join(".kube").join("config").display().to_string())
            .unwrap_or_else(|| "~/.kube/config".to_string()),
    };
    Kubeconfig::read().map(|k| (k, name.clone())).map_err(|e| describe(e, &name, ""))
}

fn describe(err: KubeconfigError, source_name: &str, context: &str) -> ClientError {
    let cause = match err {
        KubeconfigError::ReadConfig(io, path) => format!("cannot read {}: {io}", path.display()),
        KubeconfigError::FindPath => "no kubeconfig found: pass --kubeconfig or set KUBECONFIG".to_string(),
        KubeconfigError::Parse(e) => format!("is not a valid kubeconfig: {e}"),
        other if context.is_empty() => other.to_string(),
        other => format!("context \"{context}\": {other}"),
    };
    ClientError::Kubeconfig { source_name: source_name.to_string(), cause }
}
