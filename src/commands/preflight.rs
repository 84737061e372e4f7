//! Checks before the first write: one SelfSubjectAccessReview per permission a command will
//! use, so that a caller who lacks some is told all of them up front, with nothing written
//! (rather than a 403 halfway through).

use crate::client::{ClientError, Connection};
use crate::error::{CliError, ExitKind};
use crate::security::Permission;

/// A permission a command needs, where.
pub struct Need<'a> {
    /// What.
    pub permission: Permission,
    /// In which namespace, for namespaced resources.
    pub namespace: Option<&'a str>,
    /// On which object, when the command acts on one by name.
    pub name: Option<&'a str>,
}

impl<'a> Need<'a> {
    /// `verb` on `resource` of `group`, in `namespace`.
    pub fn new(verb: &str, group: &str, resource: &str, namespace: Option<&'a str>) -> Self {
        Need { permission: Permission::resource(verb, group, resource), namespace, name: None }
    }

    /// The same need, on one object.
    pub fn named(self, name: &'a str) -> Self {
        Need { name: Some(name), ..self }
    }

    fn describe(&self) -> String {
        let mut text = self.permission.to_string();
        if let Some(name) = self.name {
            text.push_str(&format!(" \"{name}\""));
        }
        if let Some(ns) = self.namespace {
            text.push_str(&format!(" in namespace {ns}"));
        }
        text
    }
}

/// The needs this connection's credentials lack, as text (`create secrets in namespace x`).
pub async fn missing(connection: &Connection, needs: &[Need<'_>]) -> Result<Vec<String>, ClientError> {
    let mut out = Vec::new();
    for need in needs {
        let status =
            connection.self_access_review(&need.permission.review_attributes(need.namespace, need.name)).await?;
        if status["allowed"].as_bool() != Some(true) {
            out.push(need.describe());
        }
    }
    Ok(out)
}

/// Refuses `action` (e.g. `register cluster "pc1" in workspace root:a`) unless every need is
/// met, naming each one that is not.
pub async fn require(connection: &Connection, needs: &[Need<'_>], action: &str, hint: &str) -> Result<(), CliError> {
    let lacking = missing(connection, needs).await?;
    if lacking.is_empty() {
        return Ok(());
    }
    Err(CliError::new(ExitKind::Auth, format!("cannot {action}: you may not {}", lacking.join(", "))).with_hint(hint))
}
