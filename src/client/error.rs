//! What can go wrong talking to kcp or a cluster, classified so that the binary's edge can pick
//! an exit code and a hint. Every variant names the context and the URL or object involved.

use std::time::Duration;

use kube::client::AuthError;
use kube::config::{ExecConfig, ExecInteractiveMode};
use thiserror::Error;

use super::redact::redact_secrets;

/// Where a request went: enough to name it in an error message.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Endpoint {
    /// The kubeconfig context in use.
    pub context: String,
    /// The kubeconfig user of that context.
    pub user: String,
    /// The URL the request was sent to (server plus workspace).
    pub url: String,
    /// The HTTP proxy requests go through, if any.
    pub proxy: Option<String>,
}

/// Errors from loading credentials or talking to a server.
#[derive(Debug, Error)]
pub enum ClientError {
    /// The kubeconfig could not be found, read or understood.
    #[error("kubeconfig {source_name}: {cause}")]
    Kubeconfig {
        /// The file or `KUBECONFIG` value it came from.
        source_name: String,
        /// What was wrong with it.
        cause: String,
    },
    /// Stored credentials that are not a kubeconfig, or ask for what their trust does not allow.
    #[error(transparent)]
    StoredCredentials(#[from] super::stored::StoredCredentialsError),
    /// `--context` (or `current-context`) names a context the kubeconfig lacks.
    #[error("context \"{name}\" not found in {source_name}")]
    UnknownContext {
        /// The context asked for.
        name: String,
        /// Where we looked.
        source_name: String,
        /// The contexts that do exist, for the hint.
        available: Vec<String>,
    },
    /// The kubeconfig has no current context and none was given.
    #[error("no context selected in {source_name}: set current-context or pass --context")]
    NoContext {
        /// Where we looked.
        source_name: String,
    },
    /// The context's exec credential plugin could not be run, or ran and gave no credentials.
    #[error("exec credential plugin {}of context \"{context}\" {failure}", named(.command))]
    ExecPlugin {
        /// The kubeconfig context.
        context: String,
        /// The plugin's program as the kubeconfig names it; empty when not known.
        command: String,
        /// The program and its arguments (secrets hidden), for running it by hand.
        command_line: String,
        /// What went wrong.
        failure: ExecFailure,
    },
    /// Nothing answered at the server's address.
    #[error("cannot reach {url}: {cause} (context \"{context}\")")]
    Unreachable {
        /// The URL.
        url: String,
        /// The kubeconfig context.
        context: String,
        /// The low-level reason, such as "connection refused".
        cause: String,
    },
    /// The server accepted the connection but did not answer in time.
    #[error("request to {url} timed out after {}s (context \"{context}\")", .after.as_secs_f64())]
    Timeout {
        /// The URL.
        url: String,
        /// The kubeconfig context.
        context: String,
        /// The deadline that passed.
        after: Duration,
    },
    /// TLS failed: the server's certificate was not trusted or did not match.
    #[error("TLS: {cause} for {url} (context \"{context}\")")]
    Tls {
        /// The URL.
        url: String,
        /// The kubeconfig context.
        context: String,
        /// The TLS library's reason.
        cause: String,
    },
    /// 401: the credentials were refused.
    #[error("unauthorized: credentials for user \"{user}\" in context \"{context}\" are expired or invalid ({url})")]
    Unauthorized {
        /// The URL.
        url: String,
        /// The kubeconfig context.
        context: String,
        /// The kubeconfig user.
        user: String,
    },
    /// 403: the user may not do this.
    #[error("forbidden: {message} (context \"{context}\")")]
    Forbidden {
        /// The server's message.
        message: String,
        /// The kubeconfig context.
        context: String,
    },
    /// 404: the object, the resource type or the workspace does not exist.
    #[error("not found: {message}")]
    NotFound {
        /// The server's message, or ours.
        message: String,
    },
    /// 409: the object exists already or changed under us.
    #[error("conflict: {message}")]
    Conflict {
        /// The server's message.
        message: String,
    },
    /// 422 or 400: the server rejected the object.
    #[error("invalid: {message}")]
    Invalid {
        /// The server's message.
        message: String,
    },
    /// Any other status from the server.
    #[error("server error {code} from {url}: {message}")]
    Server {
        /// HTTP status code.
        code: u16,
        /// The URL.
        url: String,
        /// The server's message.
        message: String,
    },
    /// We waited for a condition that did not come true.
    #[error("timed out after {}s waiting for {what}", .after.as_secs())]
    WaitTimeout {
        /// What we waited for.
        what: String,
        /// How long we waited.
        after: Duration,
    },
    /// A response we could not make sense of.
    #[error("unexpected response from {url}: {cause}")]
    Protocol {
        /// The URL.
        url: String,
        /// What was wrong.
        cause: String,
    },
}

/// How an exec credential plugin failed.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum ExecFailure {
    /// There is no such program.
    #[error("was not found ({})", if *.on_path { "not on PATH" } else { "no such file" })]
    NotFound {
        /// The kubeconfig names a bare program, looked up on `PATH`.
        on_path: bool,
    },
    /// The program exists but could not be started (not executable, say).
    #[error("could not be started: {cause}")]
    CannotStart {
        /// The operating system's reason.
        cause: String,
    },
    /// The program ran and failed.
    #[error("exited with {status}{}", stderr_part(.stderr.as_deref()))]
    Exited {
        /// `status 3`, or `signal 9` when a signal ended it.
        status: String,
        /// What it printed on stderr, secrets hidden; `None` when that went to the terminal.
        stderr: Option<String>,
    },
    /// The program succeeded but what it printed was not usable credentials.
    #[error("gave no usable credentials: {cause}")]
    BadOutput {
        /// What was wrong with its output, secrets hidden.
        cause: String,
    },
}

fn named(command: &str) -> String {
    if command.is_empty() {
        String::new()
    } else {
        format!("{command} ")
    }
}

fn stderr_part(stderr: Option<&str>) -> String {
    match stderr {
        None => " (its own messages, if any, are above)".to_string(),
        Some("") => " and printed nothing on stderr".to_string(),
        Some(text) => format!("; it printed: {text}"),
    }
}

/// The last lines of a plugin's stderr on one line, secrets hidden and length bounded.
fn plugin_stderr(bytes: &[u8]) -> String {
    const LINES: usize = 6;
    const CHARS: usize = 800;
    let text = redact_secrets(&String::from_utf8_lossy(bytes));
    let lines: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    let shown = lines[lines.len().saturating_sub(LINES)..].join("; ");
    match shown.char_indices().nth(CHARS) {
        Some((cut, _)) => format!("{}…", &shown[..cut]),
        None => shown,
    }
}

/// The plugin's command line as a user would type it, arguments' secrets hidden.
fn command_line(exec: &ExecConfig) -> String {
    let mut words = vec![exec.command.clone().unwrap_or_default()];
    words.extend(exec.args.iter().flatten().map(|a| redact_secrets(a)));
    let quoted: Vec<String> = words
        .into_iter()
        .map(|w| if w.is_empty() || w.contains(char::is_whitespace) { format!("'{w}'") } else { w })
        .collect();
    quoted.join(" ")
}

impl ClientError {
    /// Classifies a kube error for a request sent to `endpoint`.
    pub fn from_kube(err: kube::Error, endpoint: &Endpoint) -> Self {
        let url = endpoint.url.clone();
        let context = endpoint.context.clone();
        match err {
            kube::Error::Api(status) => {
                let message = status.message.clone();
                match status.code {
                    401 => ClientError::Unauthorized { url, context, user: endpoint.user.clone() },
                    403 => ClientError::Forbidden { message, context },
                    404 => ClientError::NotFound { message },
                    409 => ClientError::Conflict { message },
                    400 | 422 => ClientError::Invalid { message },
                    code => ClientError::Server { code, url, message },
                }
            }
            kube::Error::SerdeError(e) => ClientError::Protocol { url, cause: e.to_string() },
            kube::Error::Auth(e) => ClientError::from_auth(&e, &context, None),
            other => {
                // A transport failure may be the proxy's: say that the request went through one.
                let url = match &endpoint.proxy {
                    Some(proxy) => format!("{url} through proxy {proxy}"),
                    None => url,
                };
                classify_transport(&other, url, context)
            }
        }
    }

    /// Classifies a failure to get credentials for `context`, whose exec plugin (if it has one
    /// and it is known here) is `exec`.
    pub fn from_auth(err: &AuthError, context: &str, exec: Option<&ExecConfig>) -> Self {
        let command = exec.and_then(|e| e.command.clone()).unwrap_or_default();
        let plugin = |failure| ClientError::ExecPlugin {
            context: context.to_string(),
            command: command.clone(),
            command_line: exec.map(command_line).unwrap_or_default(),
            failure,
        };
        match err {
            AuthError::AuthExecStart(io) if io.kind() == std::io::ErrorKind::NotFound => {
                plugin(ExecFailure::NotFound { on_path: !command.contains('/') })
            }
            AuthError::AuthExecStart(io) => plugin(ExecFailure::CannotStart { cause: io.to_string() }),
            AuthError::AuthExecRun { out, .. } => {
                // An interactive plugin writes to tmcctl's stderr itself: nothing was captured.
                let captured = match exec {
                    Some(e) => e.interactive_mode == Some(ExecInteractiveMode::Never),
                    None => !out.stderr.is_empty(),
                };
                plugin(ExecFailure::Exited {
                    status: exit_status(&out.status),
                    stderr: captured.then(|| plugin_stderr(&out.stderr)),
                })
            }
            AuthError::AuthExecParse(e) => {
                // The parser's first line only: the rest quotes the output, which may hold a token.
                let reason = e.to_string();
                let reason = reason.lines().next().unwrap_or_default().trim_start_matches("error: ");
                plugin(ExecFailure::BadOutput {
                    cause: format!("its output is not an ExecCredential: {}", redact_secrets(reason)),
                })
            }
            AuthError::AuthExec(_)
            | AuthError::ExecPluginFailed
            | AuthError::UnrefreshableTokenResponse
            | AuthError::MalformedTokenExpirationDate(_) => {
                plugin(ExecFailure::BadOutput { cause: redact_secrets(&err.to_string()) })
            }
            other => ClientError::Kubeconfig {
                source_name: format!("context \"{context}\""),
                cause: format!("unusable credentials: {other}"),
            },
        }
    }
}

/// `status 3`, or `signal 9` for a program a signal ended.
fn exit_status(status: &std::process::ExitStatus) -> String {
    use std::os::unix::process::ExitStatusExt;
    match (status.code(), status.signal()) {
        (Some(code), _) => format!("status {code}"),
        (None, Some(signal)) => format!("signal {signal}"),
        (None, None) => status.to_string(),
    }
}

/// Looks through an error's chain for the transport-level cause: refused, TLS, timeout.
fn classify_transport(err: &(dyn std::error::Error + 'static), url: String, context: String) -> ClientError {
    let mut chain = Vec::new();
    let mut current: Option<&(dyn std::error::Error + 'static)> = Some(err);
    while let Some(e) = current {
        if let Some(auth) = e.downcast_ref::<AuthError>() {
            // A token refresh inside a request: the plugin is not known here, the context is.
            return ClientError::from_auth(auth, &context, None);
        }
        if let Some(io) = e.downcast_ref::<std::io::Error>() {
            if io.kind() == std::io::ErrorKind::TimedOut {
                return ClientError::Timeout { url, context, after: Duration::ZERO };
            }
        }
        chain.push(e.to_string());
        current = e.source();
    }
    // Matched without regard to case; shown exactly as it came (paths and names keep theirs).
    let lower = chain.join(": ").to_ascii_lowercase();
    let innermost = chain.last().cloned().unwrap_or_default();
    if lower.contains("certificate") || lower.contains("tls") || lower.contains("handshake") {
        ClientError::Tls { url, context, cause: plain_names(&innermost) }
    } else if lower.contains("timed out") || lower.contains("elapsed") {
        ClientError::Timeout { url, context, after: Duration::ZERO }
    } else {
        ClientError::Unreachable { url, context, cause: innermost }
    }
}

/// rustls names a certificate's subjects and some causes in Rust syntax (`DnsName("localhost")`,
/// `IpAddress(127.0.0.1)`, `Other(OtherError(UnsupportedCertVersion))`); people read them plain.
fn plain_names(cause: &str) -> String {
    let mut out = String::with_capacity(cause.len());
    let mut rest = cause;
    loop {
        let next = [("DnsName(\"", "\")"), ("IpAddress(", ")"), ("Other(OtherError(", "))")]
            .into_iter()
            .filter_map(|(open, close)| rest.find(open).map(|at| (at, open, close)))
            .min_by_key(|(at, _, _)| *at);
        let Some((at, open, close)) = next else { break };
        let inner_start = at + open.len();
        let Some(len) = rest[inner_start..].find(close) else { break };
        out.push_str(&rest[..at]);
        out.push_str(&rest[inner_start..inner_start + len]);
        rest = &rest[inner_start + len + close.len()..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn certificate_names_read_as_plain_names() {
        let cause = "certificate not valid for name \"wrong.example\"; certificate is only valid for DnsName(\"localhost\"), IpAddress(127.0.0.1) or IpAddress(fe80::1)";
        assert_eq!(
            plain_names(cause),
            "certificate not valid for name \"wrong.example\"; certificate is only valid for localhost, 127.0.0.1 or fe80::1"
        );
        assert_eq!(plain_names("UnknownIssuer"), "UnknownIssuer");
        assert_eq!(
            plain_names("invalid peer certificate: Other(OtherError(UnsupportedCertVersion))"),
            "invalid peer certificate: UnsupportedCertVersion"
        );
    }

    #[test]
    fn causes_are_shown_with_their_case_kept() {
        let err = std::io::Error::other("Connection refused by /Var/Run/Proxy.sock");
        match classify_transport(&err, "u".into(), "c".into()) {
            ClientError::Unreachable { cause, .. } => assert_eq!(cause, "Connection refused by /Var/Run/Proxy.sock"),
            other => panic!("not unreachable: {other:?}"),
        }
    }

    #[test]
    fn plugin_stderr_is_redacted_bounded_and_on_one_line() {
        let noise = "line\n".repeat(20);
        let shown = plugin_stderr(format!("{noise}\n  User Bob: token=abc123\n").as_bytes());
        assert_eq!(shown, "line; line; line; line; line; User Bob: token=[redacted]");
        assert!(plugin_stderr("x".repeat(5000).as_bytes()).chars().count() <= 801);
    }
}
