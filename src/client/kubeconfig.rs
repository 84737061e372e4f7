//! Loading a kubeconfig the way kubectl does: `--kubeconfig` alone, else the merged
//! `KUBECONFIG` list, else `~/.kube/config`; then `--context` or `current-context`.
//! Also the credentials of a physical cluster: one context cut out of a kubeconfig with its
//! files inlined, so that it can be stored in a Secret and used from anywhere.

use std::io::IsTerminal;
use std::path::Path;

use base64::Engine;
use kube::config::{ExecInteractiveMode, KubeConfigOptions, Kubeconfig, KubeconfigError};

use super::stored::{self, CredentialsTrust};
use super::{ClientError, ConnectionSettings};

/// A kubeconfig context turned into a kube `Config`, plus the names needed for messages.
pub(super) struct LoadedConfig {
    pub config: kube::Config,
    pub context: String,
    /// The context's user entry name.
    pub user: String,
    pub server: String,
    /// When the user's client certificate expires, if it has one that parses.
    pub certificate_expiry: Option<jiff::Timestamp>,
}

pub(super) async fn load(settings: &ConnectionSettings) -> Result<LoadedConfig, ClientError> {
    let (kubeconfig, source_name) = read(settings)?;
    select(kubeconfig, settings.context.as_deref(), &source_name).await
}

/// Selects `context` (or the current one) of `kubeconfig` and builds its client config.
pub(super) async fn select(
    kubeconfig: Kubeconfig,
    context: Option<&str>,
    source_name: &str,
) -> Result<LoadedConfig, ClientError> {
    let (context, server) = context_and_server(&kubeconfig, context, source_name)?;
    let user = kubeconfig
        .contexts
        .iter()
        .find(|c| c.name == context)
        .and_then(|c| c.context.as_ref())
        .and_then(|c| c.user.clone())
        .unwrap_or_default();
    let certificate_expiry = kubeconfig
        .auth_infos
        .iter()
        .find(|a| a.name == user)
        .and_then(|a| a.auth_info.as_ref())
        .and_then(client_certificate_expiry);
    let options = KubeConfigOptions { context: Some(context.clone()), cluster: None, user: None };
    let mut config = kube::Config::from_custom_kubeconfig(kubeconfig, &options)
        .await
        .map_err(|e| describe(e, source_name, &context))?;
    interactive_only_on_a_terminal(&mut config);
    Ok(LoadedConfig { config, context, user, server, certificate_expiry })
}

/// The `notAfter` of a user's client certificate (inline or in a file), when it parses.
fn client_certificate_expiry(auth: &kube::config::AuthInfo) -> Option<jiff::Timestamp> {
    let pem = match (&auth.client_certificate_data, &auth.client_certificate) {
        (Some(data), _) => base64::engine::general_purpose::STANDARD.decode(data.trim()).ok()?,
        (None, Some(file)) => std::fs::read(file).ok()?,
        (None, None) => return None,
    };
    certificate_not_after(&pem)
}

/// The `notAfter` of the first certificate in a PEM bundle.
pub(super) fn certificate_not_after(pem: &[u8]) -> Option<jiff::Timestamp> {
    let (_, block) = x509_parser::pem::parse_x509_pem(pem).ok()?;
    let certificate = block.parse_x509().ok()?;
    jiff::Timestamp::from_second(certificate.validity().not_after.timestamp()).ok()
}

/// kubectl runs an exec plugin interactively (on the terminal's stdin and stderr) only when
/// stdin is a terminal, unless the kubeconfig says `Always`; kube runs it so unless it says
/// `Never`. Without a terminal the plugin is told so and its stderr is captured, which lets a
/// failure show what it said (secrets hidden) instead of passing it through unfiltered.
fn interactive_only_on_a_terminal(config: &mut kube::Config) {
    if let Some(exec) = config.auth_info.exec.as_mut() {
        if exec.interactive_mode != Some(ExecInteractiveMode::Always) && !std::io::stdin().is_terminal() {
            exec.interactive_mode = Some(ExecInteractiveMode::Never);
        }
    }
}

fn context_and_server(
    kubeconfig: &Kubeconfig,
    context: Option<&str>,
    source_name: &str,
) -> Result<(String, String), ClientError> {
    let source_name = source_name.to_string();
    let context = context
        .map(str::to_string)
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
    Ok((context, server))
}

fn read(settings: &ConnectionSettings) -> Result<(Kubeconfig, String), ClientError> {
    if let Some(path) = &settings.kubeconfig {
        return read_file(path);
    }
    let name = match std::env::var_os("KUBECONFIG") {
        Some(list) if !list.is_empty() => format!("KUBECONFIG={}", list.to_string_lossy()),
        _ => dirs::home_dir()
            .map(|h| h.join(".kube").join("config").display().to_string())
            .unwrap_or_else(|| "~/.kube/config".to_string()),
    };
    Kubeconfig::read().map(|k| (k, name.clone())).map_err(|e| describe(e, &name, ""))
}

fn read_file(path: &Path) -> Result<(Kubeconfig, String), ClientError> {
    let name = path.display().to_string();
    Kubeconfig::read_from(path).map(|k| (k, name.clone())).map_err(|e| describe(e, &name, ""))
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

/// One physical cluster's credentials: a kubeconfig with a single context whose certificate
/// and token files are inlined, and what this process may do with it ([`CredentialsTrust`],
/// checked before every connection).
#[derive(Clone)]
pub struct ClusterCredentials {
    kubeconfig: Kubeconfig,
    context: String,
    server: String,
    /// Where they came from, for errors: the Secret and key, or the file and context.
    source: String,
    trust: CredentialsTrust,
}

impl std::fmt::Debug for ClusterCredentials {
    // Never print the kubeconfig itself: it holds secrets.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ClusterCredentials").field("context", &self.context).field("server", &self.server).finish()
    }
}

/// The context names of the kubeconfig at `path`, and its current context (for prompts that
/// offer them).
pub fn contexts_in(path: &Path) -> Result<(Vec<String>, Option<String>), ClientError> {
    let (kubeconfig, _) = read_file(path)?;
    Ok((kubeconfig.contexts.iter().map(|c| c.name.clone()).collect(), kubeconfig.current_context))
}

impl ClusterCredentials {
    /// Cuts `context` (or the current one) out of the kubeconfig at `path`, inlining files.
    /// The operator's own kubeconfig: the command that reads it judges exec and TLS by its flags.
    pub fn from_file(path: &Path, context: Option<&str>) -> Result<Self, ClientError> {
        let (kubeconfig, source_name) = read_file(path)?;
        let (context, server) = context_and_server(&kubeconfig, context, &source_name)?;
        let named = kubeconfig.contexts.iter().find(|c| c.name == context).cloned().expect("checked above");
        let inner = named.context.clone().unwrap_or_default();
        let inline_err = |what: &str, file: &str, e: std::io::Error| ClientError::Kubeconfig {
            source_name: source_name.clone(),
            cause: format!("context \"{context}\": cannot read {what} file {file}: {e}"),
        };
        let b64 = |bytes: Vec<u8>| base64::engine::general_purpose::STANDARD.encode(bytes);
        let mut cluster = kubeconfig.clusters.iter().find(|c| c.name == inner.cluster).cloned().expect("checked above");
        if let Some(c) = cluster.cluster.as_mut() {
            if let Some(file) = c.certificate_authority.take() {
                c.certificate_authority_data =
                    Some(b64(std::fs::read(&file).map_err(|e| inline_err("certificate-authority", &file, e))?));
            }
        }
        let mut auth = kubeconfig.auth_infos.iter().find(|a| Some(&a.name) == inner.user.as_ref()).cloned();
        if let Some(a) = auth.as_mut().and_then(|a| a.auth_info.as_mut()) {
            if let Some(file) = a.client_certificate.take() {
                a.client_certificate_data =
                    Some(b64(std::fs::read(&file).map_err(|e| inline_err("client-certificate", &file, e))?));
            }
            if let Some(file) = a.client_key.take() {
                let key = b64(std::fs::read(&file).map_err(|e| inline_err("client-key", &file, e))?);
                a.client_key_data = Some(key.into());
            }
            if let Some(file) = a.token_file.take() {
                let token = std::fs::read_to_string(&file).map_err(|e| inline_err("token", &file, e))?;
                a.token = Some(token.trim().to_string().into());
            }
        }
        let minimal = Kubeconfig {
            clusters: vec![cluster],
            contexts: vec![named],
            auth_infos: auth.into_iter().collect(),
            current_context: Some(context.clone()),
            api_version: Some("v1".into()),
            kind: Some("Config".into()),
            ..Kubeconfig::default()
        };
        let source = format!("context \"{context}\" of {source_name}");
        Ok(ClusterCredentials { kubeconfig: minimal, context, server, source, trust: CredentialsTrust::OPERATOR })
    }

    /// Reads credentials from the base64 value of a Secret's `data` key, as `tmcctl cluster
    /// register` stores them; `source_name` names the Secret and key. The value is someone
    /// else's data: it is reduced to its current context, and connections made with it get
    /// only `trust` (see [`stored`]).
    pub fn from_secret_value(encoded: &str, source_name: &str, trust: CredentialsTrust) -> Result<Self, ClientError> {
        let kubeconfig = stored::decode_secret_value(encoded, source_name)?;
        Self::stored(kubeconfig, source_name, trust)
    }

    fn stored(kubeconfig: Kubeconfig, source_name: &str, trust: CredentialsTrust) -> Result<Self, ClientError> {
        let (context, server) = context_and_server(&kubeconfig, None, source_name)?;
        Ok(ClusterCredentials { kubeconfig, context, server, source: source_name.to_string(), trust })
    }

    /// The same credentials, to be used only as `trust` allows.
    pub fn with_trust(mut self, trust: CredentialsTrust) -> Self {
        self.trust = trust;
        self
    }

    /// What these credentials need beyond a token or certificate over verified TLS: what a
    /// registration of them records, and no more.
    pub fn needs(&self) -> CredentialsTrust {
        CredentialsTrust {
            allow_exec: self.exec_command().is_some(),
            allow_insecure: !stored::is_https(&self.server) || self.skips_tls_verify(),
        }
    }

    /// Refuses credentials that would run a program, read a file or travel in clear beyond
    /// what their trust allows. Every connection to a cluster checks this first.
    pub fn check(&self) -> Result<(), ClientError> {
        Ok(stored::check(&self.kubeconfig, self.trust, &self.source)?)
    }

    /// The same cluster entry (server, CA, TLS server name) with the bearer token `token` as the
    /// only credentials, under the user name `user`: what a ServiceAccount token replaces.
    pub fn with_token(&self, token: &str, user: &str) -> Self {
        let mut kubeconfig = self.kubeconfig.clone();
        let auth = kube::config::AuthInfo { token: Some(token.to_string().into()), ..Default::default() };
        kubeconfig.auth_infos =
            vec![kube::config::NamedAuthInfo { name: user.to_string(), auth_info: Some(auth), ..Default::default() }];
        for context in kubeconfig.contexts.iter_mut().filter_map(|c| c.context.as_mut()) {
            context.user = Some(user.to_string());
        }
        ClusterCredentials {
            kubeconfig,
            context: self.context.clone(),
            server: self.server.clone(),
            source: self.source.clone(),
            trust: self.trust,
        }
    }

    /// What kind of credentials these are, for `cluster status` (never the secret itself).
    pub fn kind(&self) -> String {
        let Some(auth) = self.kubeconfig.auth_infos.first().and_then(|a| a.auth_info.as_ref()) else {
            return "none".into();
        };
        let user = self.kubeconfig.auth_infos.first().map(|a| a.name.as_str()).unwrap_or_default();
        if let Some(program) = self.exec_command() {
            return format!("exec plugin ({program})");
        }
        if auth.client_certificate_data.is_some() || auth.client_certificate.is_some() {
            return "client certificate".into();
        }
        if auth.token.is_some() || auth.token_file.is_some() {
            return match user.strip_prefix("system:serviceaccount:") {
                Some(sa) => format!("service account token ({})", sa.replacen(':', "/", 1)),
                None => "bearer token".into(),
            };
        }
        if auth.username.is_some() {
            return "basic auth".into();
        }
        "none".into()
    }

    /// When a bearer token that is a JWT (as ServiceAccount and OIDC tokens are) expires, from
    /// its `exp` claim; `None` for other credentials or a token without one.
    pub fn token_expiry(&self) -> Option<jiff::Timestamp> {
        use base64::Engine;
        use secrecy::ExposeSecret;
        let auth = self.kubeconfig.auth_infos.first()?.auth_info.as_ref()?;
        let token = auth.token.as_ref()?.expose_secret().to_string();
        let payload = token.split('.').nth(1)?;
        let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(payload.trim_end_matches('=')).ok()?;
        let claims: serde_json::Value = serde_json::from_slice(&bytes).ok()?;
        jiff::Timestamp::from_second(claims["exp"].as_i64()?).ok()
    }

    /// When the client certificate of these credentials expires, if they hold one.
    pub fn certificate_expiry(&self) -> Option<jiff::Timestamp> {
        self.kubeconfig.auth_infos.first()?.auth_info.as_ref().and_then(client_certificate_expiry)
    }

    /// Whether the cluster entry turns TLS verification off.
    pub fn skips_tls_verify(&self) -> bool {
        self.kubeconfig
            .clusters
            .iter()
            .filter_map(|c| c.cluster.as_ref())
            .any(|c| c.insecure_skip_tls_verify == Some(true))
    }

    /// The kubeconfig as YAML, for storing in a Secret. Contains secrets: never print it.
    pub fn to_yaml(&self) -> String {
        serde_saphyr::to_string(&self.kubeconfig).expect("a kubeconfig always serializes")
    }

    /// The program an exec credential plugin would run, if the credentials use one.
    pub fn exec_command(&self) -> Option<String> {
        let auth = self.kubeconfig.auth_infos.first()?.auth_info.as_ref()?;
        if let Some(exec) = &auth.exec {
            return Some(exec.command.clone().unwrap_or_default());
        }
        auth.auth_provider.as_ref().map(|p| format!("auth-provider {}", p.name))
    }

    /// The cluster's server URL.
    pub fn server(&self) -> &str {
        &self.server
    }

    /// The context name inside the credentials.
    pub fn context(&self) -> &str {
        &self.context
    }

    pub(super) fn kubeconfig(&self) -> Kubeconfig {
        self.kubeconfig.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_client_certificate_gives_its_not_after() {
        // Made with `openssl req -x509 -days 30`; its notAfter as openssl prints it.
        let pem = include_bytes!("testdata/client.crt");
        assert_eq!(certificate_not_after(pem).unwrap().to_string(), "2027-01-01T15:47:22Z");
        assert_eq!(certificate_not_after(b"not a certificate"), None);
    }

    #[test]
    fn credentials_say_what_they_need_and_are_refused_beyond_their_trust() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kubeconfig");
        std::fs::write(
            &path,
            "apiVersion: v1\nkind: Config\ncurrent-context: c\nclusters:\n- name: c\n  cluster: {server: 'http://pc1:8080'}\n\
             contexts:\n- name: c\n  context: {cluster: c, user: u}\nusers:\n- name: u\n  user: {token: t}\n",
        )
        .unwrap();
        let credentials = ClusterCredentials::from_file(&path, None).unwrap();
        assert_eq!(credentials.needs(), CredentialsTrust { allow_exec: false, allow_insecure: true });
        // The operator's own file, as read: the command's flags judge it.
        assert!(credentials.check().is_ok());
        let err = credentials.clone().with_trust(CredentialsTrust::default()).check().unwrap_err();
        assert!(
            matches!(err, ClientError::StoredCredentials(stored::StoredCredentialsError::Insecure { .. })),
            "{err}"
        );
        assert!(credentials.with_trust(CredentialsTrust { allow_exec: false, allow_insecure: true }).check().is_ok());
    }
}
