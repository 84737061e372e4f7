//! Errors as the user sees them: a message naming the object and cause, a hint with the fix,
//! and a documented exit code. Every failure of every command ends up here.

use std::fmt;

use crate::api::manifest::ManifestError;
use crate::client::{ClientError, ExecFailure};
use crate::install::workload_apis::WorkloadApiError;

/// The documented exit codes (see README.md).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExitKind {
    /// 0: stdout was closed early (`| head`); a normal end with nothing more to say.
    ClosedOutput = 0,
    /// 1: an unexpected failure.
    Failure = 1,
    /// 2: bad flags, arguments or input files.
    Usage = 2,
    /// 3: the kubeconfig or context is missing or broken (an exec plugin that is not there), or
    /// the config file is (an unknown key, a malformed value).
    Config = 3,
    /// 4: the server could not be reached or did not answer in time.
    Unavailable = 4,
    /// 5: TLS verification failed, the server refused the credentials (401/403), or the exec
    /// credential plugin failed.
    Auth = 5,
    /// 6: the object or workspace does not exist.
    NotFound = 6,
    /// 7: refused because of existing state (objects in use, a conflict); `--force` may apply.
    Conflict = 7,
    /// 8: the command exists but is not implemented in this version.
    NotImplemented = 8,
    /// 9: an access check found a denied (or unanswerable) cell (`rbac check`).
    Denied = 9,
    /// 10: a backup archive failed verification (damaged, truncated, changed or hostile).
    Damaged = 10,
    /// 11: `status` or `doctor` found the fleet degraded (each problem is printed).
    Degraded = 11,
    /// 130: interrupted by SIGINT.
    Interrupted = 130,
    /// 143: stopped by SIGTERM (`restore`, which stops between writes and leaves a journal).
    Terminated = 143,
}

/// An error with its exit code and an optional hint.
#[derive(Debug)]
pub struct CliError {
    /// Which exit code.
    pub kind: ExitKind,
    /// What went wrong, naming the object and the cause.
    pub message: String,
    /// What to do about it.
    pub hint: Option<String>,
}

impl CliError {
    /// An error of the given kind.
    pub fn new(kind: ExitKind, message: impl Into<String>) -> Self {
        CliError { kind, message: message.into(), hint: None }
    }

    /// A usage error.
    pub fn usage(message: impl Into<String>) -> Self {
        Self::new(ExitKind::Usage, message)
    }

    /// Adds a hint.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// The process exit code.
    pub fn code(&self) -> i32 {
        self.kind as i32
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for CliError {}

impl From<ClientError> for CliError {
    fn from(err: ClientError) -> Self {
        let message = err.to_string();
        let (kind, hint) = match &err {
            ClientError::Kubeconfig { .. } | ClientError::NoContext { .. } | ClientError::StoredCredentials(_) => {
                (ExitKind::Config, None)
            }
            ClientError::UnknownContext { name, available, .. } => {
                let hint = match closest(name, available) {
                    Some(best) => format!("did you mean context \"{best}\"?"),
                    None if available.is_empty() => "the kubeconfig has no contexts".to_string(),
                    None => format!("known contexts: {}", available.join(", ")),
                };
                (ExitKind::Config, Some(hint))
            }
            ClientError::ExecPlugin { context, command_line, failure, .. } => {
                let by_hand = match command_line.as_str() {
                    "" => format!("run the exec plugin of context \"{context}\" by hand to see why"),
                    line => format!("run the plugin by hand: {line}"),
                };
                match failure {
                    // The kubeconfig names a program that is not there or cannot run: configuration.
                    ExecFailure::NotFound { .. } => (
                        ExitKind::Config,
                        Some(format!("install it, or fix users[].user.exec.command in the kubeconfig; {by_hand}")),
                    ),
                    ExecFailure::CannotStart { .. } => {
                        (ExitKind::Config, Some(format!("check that it is an executable program; {by_hand}")))
                    }
                    // It ran and gave no credentials: the credentials are what failed.
                    ExecFailure::Exited { .. } | ExecFailure::BadOutput { .. } => (ExitKind::Auth, Some(by_hand)),
                }
            }
            ClientError::Unreachable { .. } => (
                ExitKind::Unavailable,
                Some("check that the server is running and the kubeconfig's server URL is right".into()),
            ),
            ClientError::Timeout { .. } => (
                ExitKind::Unavailable,
                Some(
                    "the server accepted the connection but did not answer; raise --request-timeout if it is just slow"
                        .into(),
                ),
            ),
            ClientError::WaitTimeout { .. } => (ExitKind::Unavailable, None),
            ClientError::Tls { .. } => (
                ExitKind::Auth,
                Some("check certificate-authority(-data) and tls-server-name of the cluster in the kubeconfig".into()),
            ),
            ClientError::Unauthorized { .. } => {
                (ExitKind::Auth, Some("refresh the token or client certificate of this context".into()))
            }
            ClientError::Forbidden { .. } => (ExitKind::Auth, None),
            ClientError::NotFound { .. } => (ExitKind::NotFound, None),
            ClientError::Conflict { .. } => {
                (ExitKind::Conflict, Some("the object changed concurrently; re-run the command".into()))
            }
            ClientError::Invalid { .. } => (ExitKind::Usage, None),
            ClientError::Server { .. } | ClientError::Protocol { .. } => (ExitKind::Failure, None),
        };
        CliError { kind, message, hint }
    }
}

impl From<WorkloadApiError> for CliError {
    fn from(err: WorkloadApiError) -> Self {
        let kind = match &err {
            WorkloadApiError::BadName { .. } | WorkloadApiError::ClusterScoped { .. } => ExitKind::Usage,
            WorkloadApiError::NotServed { .. } => ExitKind::NotFound,
            WorkloadApiError::NoCommonVersion { .. }
            | WorkloadApiError::KindMismatch { .. }
            | WorkloadApiError::Incompatible { .. }
            | WorkloadApiError::StatusTaken { .. } => ExitKind::Conflict,
            WorkloadApiError::Conversion { .. } => ExitKind::Failure,
        };
        CliError { kind, message: err.to_string(), hint: Some(err.hint()) }
    }
}

impl From<ManifestError> for CliError {
    fn from(err: ManifestError) -> Self {
        let hint = match &err {
            ManifestError::TooLarge { .. } => Some("split the file, or give only the objects needed".to_string()),
            _ => None,
        };
        CliError { kind: ExitKind::Usage, message: err.to_string(), hint }
    }
}

impl From<std::io::Error> for CliError {
    fn from(err: std::io::Error) -> Self {
        if err.kind() == std::io::ErrorKind::BrokenPipe {
            return CliError::new(ExitKind::ClosedOutput, "stdout closed");
        }
        // Ctrl-C while a prompt reads the terminal.
        if err.kind() == std::io::ErrorKind::Interrupted {
            return CliError::new(ExitKind::Interrupted, "interrupted");
        }
        CliError::new(ExitKind::Failure, format!("writing output: {err}"))
    }
}

/// The candidate nearest to `wanted` by edit distance, if it is plausibly a typo.
fn closest<'a>(wanted: &str, candidates: &'a [String]) -> Option<&'a str> {
    candidates
        .iter()
        .map(|c| (edit_distance(wanted, c), c))
        .filter(|(d, c)| *d <= 2.max(c.len() / 3))
        .min()
        .map(|(_, c)| c.as_str())
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitute = previous[j] + usize::from(ca != *cb);
            current.push(substitute.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_nearest_context() {
        let known = vec!["prod-eu".to_string(), "staging".to_string()];
        assert_eq!(closest("prod-ue", &known), Some("prod-eu"));
        assert_eq!(closest("completely-else", &known), None);
    }

    #[test]
    fn client_errors_map_to_distinct_codes() {
        let unreachable = ClientError::Unreachable { url: "u".into(), context: "c".into(), cause: "refused".into() };
        let unknown = ClientError::UnknownContext { name: "x".into(), source_name: "f".into(), available: vec![] };
        let missing = ClientError::NotFound { message: "m".into() };
        let codes: Vec<i32> = [unreachable, unknown, missing].into_iter().map(|e| CliError::from(e).code()).collect();
        assert_eq!(codes, [4, 3, 6]);
    }

    #[test]
    fn exec_plugin_missing_is_configuration_and_failing_is_credentials() {
        let plugin = |failure| ClientError::ExecPlugin {
            context: "c".into(),
            command: "/opt/Plugin".into(),
            command_line: "/opt/Plugin get-token".into(),
            failure,
        };
        let missing = CliError::from(plugin(ExecFailure::NotFound { on_path: false }));
        assert_eq!(missing.code(), 3);
        assert_eq!(missing.message, "exec credential plugin /opt/Plugin of context \"c\" was not found (no such file)");
        let failed = CliError::from(plugin(ExecFailure::Exited { status: "status 3".into(), stderr: Some("".into()) }));
        assert_eq!(failed.code(), 5);
        assert!(failed.message.ends_with("exited with status 3 and printed nothing on stderr"), "{}", failed.message);
        assert_eq!(failed.hint.as_deref(), Some("run the plugin by hand: /opt/Plugin get-token"));
    }
}
