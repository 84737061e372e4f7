//! kcp workspace paths (`root:org:team`) and how they sit in a server URL
//! (`https://host:6443/clusters/root:org:team`). Pure: strings in, strings out.

use std::fmt;
use std::str::FromStr;

use thiserror::Error;

use crate::selector::is_dns1123_label;

/// An absolute kcp workspace path such as `root:org:team`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct WorkspacePath(String);

/// Why a workspace path was rejected.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum WorkspacePathError {
    /// The path was empty.
    #[error("workspace path is empty; write it as root:org:team")]
    Empty,
    /// One `:`-separated segment broke the DNS-1123 label rule.
    #[error(
        "workspace path \"{path}\": segment \"{segment}\" is not a valid workspace name \
         (lower-case letters, digits and '-', starting and ending with a letter or digit, at most 63 characters)"
    )]
    BadSegment {
        /// The whole path as given.
        path: String,
        /// The offending segment.
        segment: String,
    },
}

impl WorkspacePath {
    /// The path as kcp writes it.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The parent workspace and this workspace's name in it; `None` for a top-level path.
    pub fn split_parent(&self) -> Option<(WorkspacePath, &str)> {
        let (parent, name) = self.0.rsplit_once(':')?;
        Some((WorkspacePath(parent.to_string()), name))
    }

    /// Every ancestor from the top down, then the path itself: `root`, `root:a`, `root:a:b`.
    pub fn lineage(&self) -> Vec<WorkspacePath> {
        let mut out = Vec::new();
        let mut end = 0;
        for segment in self.0.split(':') {
            end += segment.len();
            out.push(WorkspacePath(self.0[..end].to_string()));
            end += 1;
        }
        out
    }
}

impl fmt::Display for WorkspacePath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for WorkspacePath {
    type Err = WorkspacePathError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        if text.is_empty() {
            return Err(WorkspacePathError::Empty);
        }
        for segment in text.split(':') {
            if !is_dns1123_label(segment) {
                return Err(WorkspacePathError::BadSegment { path: text.to_string(), segment: segment.to_string() });
            }
        }
        Ok(WorkspacePath(text.to_string()))
    }
}

/// A server URL from a kubeconfig, split into the part before `/clusters/` and the workspace.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServerUrl {
    /// Scheme, host, port and any path prefix, without a trailing slash.
    pub base: String,
    /// The workspace the URL points at, when it has a `/clusters/<path>` suffix.
    pub workspace: Option<WorkspacePath>,
}

impl ServerUrl {
    /// Splits a kubeconfig `server:` value. A URL without `/clusters/` is a plain server.
    pub fn parse(server: &str) -> Self {
        let trimmed = server.trim_end_matches('/');
        if let Some((base, rest)) = trimmed.rsplit_once("/clusters/") {
            let path = rest.split('/').next().unwrap_or_default();
            if let Ok(workspace) = path.parse() {
                return ServerUrl { base: base.to_string(), workspace: Some(workspace) };
            }
        }
        ServerUrl { base: trimmed.to_string(), workspace: None }
    }

    /// The URL of `workspace` on this server.
    pub fn for_workspace(&self, workspace: &WorkspacePath) -> String {
        format!("{}/clusters/{}", self.base, workspace)
    }

    /// The URL to talk to: the given workspace, else the kubeconfig's own, else the bare server.
    pub fn resolve(&self, workspace: Option<&WorkspacePath>) -> String {
        match workspace.or(self.workspace.as_ref()) {
            Some(ws) => self.for_workspace(ws),
            None => self.base.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_valid_paths_and_walks_lineage() {
        let path: WorkspacePath = "root:org:team-1".parse().unwrap();
        let lineage: Vec<String> = path.lineage().iter().map(|p| p.to_string()).collect();
        assert_eq!(lineage, ["root", "root:org", "root:org:team-1"]);
        let (parent, name) = path.split_parent().unwrap();
        assert_eq!((parent.as_str(), name), ("root:org", "team-1"));
        assert!("root".parse::<WorkspacePath>().unwrap().split_parent().is_none());
    }

    #[test]
    fn rejects_bad_paths_naming_the_segment() {
        assert_eq!("".parse::<WorkspacePath>(), Err(WorkspacePathError::Empty));
        for (bad, segment) in [("root:Org", "Org"), ("root::x", ""), ("root:-a", "-a"), ("root/x", "root/x")] {
            match bad.parse::<WorkspacePath>() {
                Err(WorkspacePathError::BadSegment { segment: s, .. }) => assert_eq!(s, segment),
                other => panic!("{bad}: {other:?}"),
            }
        }
        let long = format!("root:{}", "a".repeat(64));
        assert!(long.parse::<WorkspacePath>().is_err());
    }

    #[test]
    fn splits_server_urls() {
        let kcp = ServerUrl::parse("https://127.0.0.1:6443/clusters/root");
        assert_eq!(kcp.base, "https://127.0.0.1:6443");
        assert_eq!(kcp.workspace.as_ref().map(|w| w.as_str()), Some("root"));
        let team: WorkspacePath = "root:team".parse().unwrap();
        assert_eq!(kcp.resolve(Some(&team)), "https://127.0.0.1:6443/clusters/root:team");
        assert_eq!(kcp.resolve(None), "https://127.0.0.1:6443/clusters/root");

        let plain = ServerUrl::parse("https://10.0.0.1:6443/");
        assert_eq!(plain.workspace, None);
        assert_eq!(plain.resolve(None), "https://10.0.0.1:6443");

        let prefixed = ServerUrl::parse("https://proxy/kcp/clusters/root:a/");
        assert_eq!(prefixed.base, "https://proxy/kcp");
    }
}
