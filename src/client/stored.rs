//! Credentials read from a Secret are data written by someone else: this module turns a stored
//! kubeconfig into one context, one cluster and one user, and refuses what would make the
//! reader run a program, read a file of its own machine or send credentials in clear.
//!
//! ```text
//! Secret value ─► size limit ─► parse (no text of it in any error) ─► reduce to the current
//! context ─► ClusterCredentials { trust } ─► check(trust) before every connection
//! ```
//!
//! The trust a set of credentials gets is what both the process and the registration allow:
//! an exec plugin runs only when the controller was started with `--allow-exec` *and* the
//! registration was made with it; plain HTTP and `insecure-skip-tls-verify` only when the
//! registration was made with `--allow-insecure`. File references are never followed.

use base64::Engine;
use kube::config::{Kubeconfig, NamedAuthInfo, NamedCluster, NamedContext};
use thiserror::Error;

/// The largest stored kubeconfig read, decoded: a kubeconfig of one context with inline
/// certificates is a few kilobytes; anything near a Secret's 1 MiB is not one.
pub const MAX_STORED_KUBECONFIG_BYTES: usize = 256 * 1024;

/// What may be done with a set of credentials, beyond plain tokens and certificates.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CredentialsTrust {
    /// An exec credential plugin or auth provider may run.
    pub allow_exec: bool,
    /// The server may be plain HTTP, or TLS verification may be off.
    pub allow_insecure: bool,
}

impl CredentialsTrust {
    /// Everything: the operator's own kubeconfig, checked by the command's flags already.
    pub const OPERATOR: CredentialsTrust = CredentialsTrust { allow_exec: true, allow_insecure: true };
    /// A command a person runs with credentials read from a Secret: never a program (a Secret
    /// in kcp is not the operator's kubeconfig, and this is the operator's machine); insecure
    /// transport as far as the registration allows.
    pub const COMMAND_LINE: CredentialsTrust = CredentialsTrust { allow_exec: false, allow_insecure: true };

    /// What both `self` (the process) and `other` (the registration) allow.
    pub fn and(self, other: CredentialsTrust) -> CredentialsTrust {
        CredentialsTrust {
            allow_exec: self.allow_exec && other.allow_exec,
            allow_insecure: self.allow_insecure && other.allow_insecure,
        }
    }
}

/// Why stored credentials were not used. No variant carries any text of the stored value
/// beyond the server URL: the value is a Secret's.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum StoredCredentialsError {
    /// Larger than [`MAX_STORED_KUBECONFIG_BYTES`].
    #[error("{source_name} is larger than {limit} bytes, too large to be a kubeconfig of one cluster", limit = MAX_STORED_KUBECONFIG_BYTES)]
    TooLarge {
        /// The Secret and key.
        source_name: String,
    },
    /// Not base64, not UTF-8 text, or empty.
    #[error("{source_name} is empty or not base64 text; store the cluster's kubeconfig there with `tmcctl cluster register`")]
    NotText {
        /// The Secret and key.
        source_name: String,
    },
    /// Text, but not a kubeconfig with a usable current context.
    #[error("{source_name} is not a kubeconfig ({why}; its value is not shown); store the cluster's kubeconfig there with `tmcctl cluster register`")]
    NotKubeconfig {
        /// The Secret and key.
        source_name: String,
        /// What is missing, in words that quote nothing of the value.
        why: &'static str,
    },
    /// A field that names a file on the machine that would use the credentials.
    #[error("{source_name}: {field} names a file, which is never read from stored credentials; register the cluster again so its files are inlined ({inline})")]
    FileReference {
        /// The Secret and key.
        source_name: String,
        /// The kubeconfig field, such as `user.tokenFile`.
        field: &'static str,
        /// The field that holds the same thing inline.
        inline: &'static str,
    },
    /// An exec plugin or auth provider, which this process or registration does not allow.
    #[error("{source_name}: {field} runs an external program, which runs only when both the registration (--allow-exec at `cluster register`) and the process using it (`controller run --allow-exec`) allow it; use a token or a client certificate")]
    Exec {
        /// The Secret and key.
        source_name: String,
        /// `user.exec` or `user.auth-provider`.
        field: &'static str,
    },
    /// Plain HTTP, or TLS verification off, without `--allow-insecure` at registration.
    #[error("{source_name}: {what}, so the credentials would travel to {server} unprotected; give an https server and its certificate-authority, or register with --allow-insecure")]
    Insecure {
        /// The Secret and key.
        source_name: String,
        /// `the server is plain HTTP` or `insecure-skip-tls-verify is set`.
        what: &'static str,
        /// The server URL.
        server: String,
    },
}

/// Whether `server` is an https URL: anything else sends credentials in clear.
pub fn is_https(server: &str) -> bool {
    server.trim_start().to_ascii_lowercase().starts_with("https://")
}

/// Decodes a Secret's base64 value and reduces it to its current context. `source_name`
/// names the Secret and key in errors.
pub fn decode_secret_value(encoded: &str, source_name: &str) -> Result<Kubeconfig, StoredCredentialsError> {
    // Base64 is 4 characters for 3 bytes: a longer value decodes to more than the limit.
    if encoded.len() > MAX_STORED_KUBECONFIG_BYTES / 3 * 4 + 4 {
        return Err(StoredCredentialsError::TooLarge { source_name: source_name.to_string() });
    }
    let text = base64::engine::general_purpose::STANDARD
        .decode(encoded.trim())
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .filter(|text| !text.trim().is_empty())
        .ok_or_else(|| StoredCredentialsError::NotText { source_name: source_name.to_string() })?;
    parse_text(&text, source_name)
}

/// Parses a stored kubeconfig's text and reduces it to its current context.
pub fn parse_text(text: &str, source_name: &str) -> Result<Kubeconfig, StoredCredentialsError> {
    if text.len() > MAX_STORED_KUBECONFIG_BYTES {
        return Err(StoredCredentialsError::TooLarge { source_name: source_name.to_string() });
    }
    let not = |why| StoredCredentialsError::NotKubeconfig { source_name: source_name.to_string(), why };
    // The parser's own message quotes the text it choked on: it is dropped, never shown.
    let kubeconfig = Kubeconfig::from_yaml(text).map_err(|_| not("it does not parse as one"))?;
    reduce(kubeconfig).map_err(not)
}

/// The current context with its one cluster and one user; everything else goes.
fn reduce(kubeconfig: Kubeconfig) -> Result<Kubeconfig, &'static str> {
    let current = kubeconfig.current_context.clone().filter(|c| !c.is_empty()).ok_or("it has no current-context")?;
    let context: NamedContext = kubeconfig
        .contexts
        .iter()
        .find(|c| c.name == current)
        .cloned()
        .ok_or("its current-context names no context in it")?;
    let inner = context.context.as_ref().ok_or("its current context is empty")?;
    let cluster: NamedCluster = kubeconfig
        .clusters
        .iter()
        .find(|c| c.name == inner.cluster)
        .cloned()
        .filter(|c| c.cluster.as_ref().is_some_and(|c| c.server.is_some()))
        .ok_or("its current context names no cluster with a server")?;
    let user: Option<NamedAuthInfo> = match &inner.user {
        Some(name) => Some(
            kubeconfig
                .auth_infos
                .iter()
                .find(|a| &a.name == name)
                .cloned()
                .ok_or("its current context names no user in it")?,
        ),
        None => None,
    };
    Ok(Kubeconfig {
        clusters: vec![cluster],
        contexts: vec![context],
        auth_infos: user.into_iter().collect(),
        current_context: Some(current),
        api_version: Some("v1".into()),
        kind: Some("Config".into()),
        ..Kubeconfig::default()
    })
}

/// Refuses what `trust` does not allow in a reduced kubeconfig (one cluster, one user), and
/// every file reference whatever the trust.
pub fn check(
    kubeconfig: &Kubeconfig,
    trust: CredentialsTrust,
    source_name: &str,
) -> Result<(), StoredCredentialsError> {
    let source_name = source_name.to_string();
    let file =
        |field, inline| StoredCredentialsError::FileReference { source_name: source_name.clone(), field, inline };
    for cluster in kubeconfig.clusters.iter().filter_map(|c| c.cluster.as_ref()) {
        if cluster.certificate_authority.is_some() {
            return Err(file("cluster.certificate-authority", "certificate-authority-data"));
        }
        let server = cluster.server.clone().unwrap_or_default();
        let insecure =
            |what| StoredCredentialsError::Insecure { source_name: source_name.clone(), what, server: server.clone() };
        if !trust.allow_insecure {
            if !is_https(&server) {
                return Err(insecure("the server is not https"));
            }
            if cluster.insecure_skip_tls_verify == Some(true) {
                return Err(insecure("insecure-skip-tls-verify is set"));
            }
        }
    }
    for user in kubeconfig.auth_infos.iter().filter_map(|a| a.auth_info.as_ref()) {
        if user.token_file.is_some() {
            return Err(file("user.tokenFile", "token"));
        }
        if user.client_certificate.is_some() {
            return Err(file("user.client-certificate", "client-certificate-data"));
        }
        if user.client_key.is_some() {
            return Err(file("user.client-key", "client-key-data"));
        }
        if !trust.allow_exec {
            let field = match (&user.exec, &user.auth_provider) {
                (Some(_), _) => Some("user.exec"),
                (None, Some(_)) => Some("user.auth-provider"),
                (None, None) => None,
            };
            if let Some(field) = field {
                return Err(StoredCredentialsError::Exec { source_name, field });
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOURCE: &str = "Secret tmc-system/tmc-cluster-pc1 key kubeconfig";

    /// A kubeconfig whose first user is a harmless token and whose current context's user is
    /// whatever `user` says, on `server`.
    fn kubeconfig(server: &str, user: &str) -> String {
        format!(
            "apiVersion: v1\nkind: Config\ncurrent-context: evil\n\
             clusters:\n- name: c\n  cluster:\n    server: {server}\n    certificate-authority-data: Zm9v\n\
             - name: other\n  cluster:\n    server: https://other.example\n\
             contexts:\n- name: good\n  context: {{cluster: other, user: harmless}}\n\
             - name: evil\n  context: {{cluster: c, user: chosen}}\n\
             users:\n- name: harmless\n  user: {{token: abc}}\n- name: chosen\n  user: {user}\n"
        )
    }

    fn checked(text: &str, trust: CredentialsTrust) -> Result<Kubeconfig, StoredCredentialsError> {
        let reduced = parse_text(text, SOURCE)?;
        check(&reduced, trust, SOURCE)?;
        Ok(reduced)
    }

    #[test]
    fn only_the_current_context_its_cluster_and_its_user_remain() {
        let reduced = checked(&kubeconfig("https://pc1:6443", "{token: t}"), CredentialsTrust::default()).unwrap();
        assert_eq!(reduced.contexts.len(), 1);
        assert_eq!(reduced.clusters[0].name, "c");
        assert_eq!(reduced.auth_infos.len(), 1);
        assert_eq!(reduced.auth_infos[0].name, "chosen");
    }

    #[test]
    fn an_exec_plugin_of_the_current_user_is_refused_though_the_first_user_is_harmless() {
        let text =
            kubeconfig("https://pc1:6443", "{exec: {command: /bin/sh, apiVersion: client.authentication.k8s.io/v1}}");
        let err = checked(&text, CredentialsTrust { allow_exec: false, allow_insecure: true }).unwrap_err();
        assert!(matches!(err, StoredCredentialsError::Exec { field: "user.exec", .. }), "{err}");
        assert!(err.to_string().contains("--allow-exec"), "{err}");
        assert!(checked(&text, CredentialsTrust { allow_exec: true, allow_insecure: false }).is_ok());
    }

    #[test]
    fn an_auth_provider_is_an_external_program_too() {
        let text = kubeconfig("https://pc1:6443", "{auth-provider: {name: gcp, config: {cmd-path: /bin/sh}}}");
        let err = checked(&text, CredentialsTrust::default()).unwrap_err();
        assert!(matches!(err, StoredCredentialsError::Exec { field: "user.auth-provider", .. }), "{err}");
    }

    #[test]
    fn file_references_are_refused_whatever_the_trust() {
        for (user, field) in [
            ("{tokenFile: /var/run/secrets/kubernetes.io/serviceaccount/token}", "user.tokenFile"),
            ("{client-certificate: /etc/passwd, client-key-data: Zm9v}", "user.client-certificate"),
            ("{client-certificate-data: Zm9v, client-key: /etc/shadow}", "user.client-key"),
        ] {
            let err = checked(&kubeconfig("https://pc1:6443", user), CredentialsTrust::OPERATOR).unwrap_err();
            assert!(matches!(&err, StoredCredentialsError::FileReference { field: f, .. } if *f == field), "{err}");
            assert!(!err.to_string().contains("/var/run") && !err.to_string().contains("/etc/"), "{err}");
        }
        let ca_file = kubeconfig("https://pc1:6443", "{token: t}")
            .replace("certificate-authority-data: Zm9v", "certificate-authority: /dev/zero");
        let err = checked(&ca_file, CredentialsTrust::OPERATOR).unwrap_err();
        assert!(matches!(err, StoredCredentialsError::FileReference { field: "cluster.certificate-authority", .. }));
    }

    #[test]
    fn plain_http_and_skipped_verification_need_allow_insecure() {
        let http = kubeconfig("http://attacker.example:8080", "{token: t}");
        let err = checked(&http, CredentialsTrust::default()).unwrap_err();
        assert!(err.to_string().contains("not https") && err.to_string().contains("--allow-insecure"), "{err}");
        assert!(checked(&http, CredentialsTrust { allow_exec: false, allow_insecure: true }).is_ok());
        let skip = kubeconfig("https://pc1:6443", "{token: t}")
            .replace("certificate-authority-data: Zm9v", "insecure-skip-tls-verify: true");
        let err = checked(&skip, CredentialsTrust::default()).unwrap_err();
        assert!(err.to_string().contains("insecure-skip-tls-verify"), "{err}");
    }

    #[test]
    fn a_value_that_is_not_a_kubeconfig_is_named_without_any_of_its_text() {
        let canary = "CANARY-s3cr3t-value";
        for text in [
            canary.to_string(),
            format!("password: {canary}\n"),
            format!("current-context: {canary}\n"),
            format!("[{canary}"),
            format!("apiVersion: v1\nkind: Config\nclusters: {canary}\n"),
        ] {
            let encoded = base64::engine::general_purpose::STANDARD.encode(&text);
            let err = decode_secret_value(&encoded, SOURCE).unwrap_err();
            let shown = format!("{err} {err:?}");
            assert!(!shown.contains(canary), "{shown}");
            assert!(shown.contains("is not a kubeconfig"), "{shown}");
        }
        let err = decode_secret_value("%%%", SOURCE).unwrap_err();
        assert!(matches!(err, StoredCredentialsError::NotText { .. }));
    }

    #[test]
    fn a_value_too_large_is_refused_before_it_is_decoded() {
        let huge = "A".repeat(MAX_STORED_KUBECONFIG_BYTES / 3 * 4 + 8);
        assert!(matches!(decode_secret_value(&huge, SOURCE), Err(StoredCredentialsError::TooLarge { .. })));
    }

    #[test]
    fn trust_is_what_both_allow() {
        let process = CredentialsTrust { allow_exec: true, allow_insecure: false };
        let registration = CredentialsTrust { allow_exec: false, allow_insecure: true };
        assert_eq!(process.and(registration), CredentialsTrust::default());
        assert_eq!(process.and(CredentialsTrust::OPERATOR), process);
    }
}
