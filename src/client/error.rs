//! What can go wrong talking to kcp or a cluster, classified so that the binary's edge can pick
//! an exit code and a hint. Every variant names the context and the URL or object involved.

use std::time::Duration;

use thiserror::Error;

/// Where a request went: enough to name it in an error message.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Endpoint {
    /// The kubeconfig context in use.
    pub context: String,
    /// The URL the request was sent to (server plus workspace).
    pub url: String,
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
    #[error("unauthorized: the credentials of context \"{context}\" are expired or invalid ({url})")]
    Unauthorized {
        /// The URL.
        url: String,
        /// The kubeconfig context.
        context: String,
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

impl ClientError {
    /// Classifies a kube error for a request sent to `endpoint`.
    pub fn from_kube(err: kube::Error, endpoint: &Endpoint) -> Self {
        let url = endpoint.url.clone();
        let context = endpoint.context.clone();
        match err {
            kube::Error::Api(status) => {
                let message = status.message.clone();
                match status.code {
                    401 => ClientError::Unauthorized { url, context },
                    403 => ClientError::Forbidden { message, context },
                    404 => ClientError::NotFound { message },
                    409 => ClientError::Conflict { message },
                    400 | 422 => ClientError::Invalid { message },
                    code => ClientError::Server { code, url, message },
                }
            }
            kube::Error::SerdeError(e) => ClientError::Protocol { url, cause: e.to_string() },
            other => classify_transport(&other, url, context),
        }
    }
}

/// Looks through an error's chain for the transport-level cause: refused, TLS, timeout.
fn classify_transport(err: &(dyn std::error::Error + 'static), url: String, context: String) -> ClientError {
    let mut chain = Vec::new();
    let mut current: Option<&(dyn std::error::Error + 'static)> = Some(err);
    while let Some(e) = current {
        if let Some(io) = e.downcast_ref::<std::io::Error>() {
            if io.kind() == std::io::ErrorKind::TimedOut {
                return ClientError::Timeout { url, context, after: Duration::ZERO };
            }
        }
        chain.push(e.to_string());
        current = e.source();
    }
    let text = chain.join(": ");
    let lower = text.to_ascii_lowercase();
    let innermost = chain.last().cloned().unwrap_or_default();
    if lower.contains("certificate") || lower.contains("tls") || lower.contains("handshake") {
        ClientError::Tls { url, context, cause: innermost }
    } else if lower.contains("timed out") || lower.contains("elapsed") {
        ClientError::Timeout { url, context, after: Duration::ZERO }
    } else {
        ClientError::Unreachable { url, context, cause: innermost.to_ascii_lowercase() }
    }
}
