//! Who is bound to a TMC role: subjects as flags name them, the ClusterRoleBindings `rbac
//! grant` writes (one per role and subject, with a deterministic name so grant and revoke are
//! idempotent), and reading them back for `rbac list`.

use std::fmt;

use serde_json::{json, Value};
use sha2::{Digest, Sha256};

use super::roles::{TmcRole, ROLE_LABEL, WORKSPACE_ACCESS_ROLE};

/// Label on every binding `rbac grant` writes.
pub const WORKSPACE_BINDING_LABEL: &str = "tmc.kcp.io/workspace-binding";
const RBAC_GROUP: &str = "rbac.authorization.k8s.io";
/// Longest object name the API server accepts.
const MAX_NAME: usize = 253;

/// What kind of subject a binding names.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SubjectKind {
    /// A user, as the authenticator names it.
    User,
    /// A group.
    Group,
    /// A ServiceAccount in `namespace` of the same workspace.
    ServiceAccount {
        /// Its namespace.
        namespace: String,
    },
}

/// A subject of a binding.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Subject {
    /// User, group or ServiceAccount.
    pub kind: SubjectKind,
    /// Its name.
    pub name: String,
}

impl Subject {
    /// A user.
    pub fn user(name: &str) -> Self {
        Subject { kind: SubjectKind::User, name: name.into() }
    }

    /// A group.
    pub fn group(name: &str) -> Self {
        Subject { kind: SubjectKind::Group, name: name.into() }
    }

    /// A ServiceAccount from `NAMESPACE/NAME`.
    pub fn service_account(text: &str) -> Result<Self, String> {
        match text.split_once('/') {
            Some((ns, name)) if !ns.is_empty() && !name.is_empty() && !name.contains('/') => {
                Ok(Subject { kind: SubjectKind::ServiceAccount { namespace: ns.into() }, name: name.into() })
            }
            _ => Err(format!("service account \"{text}\" must be NAMESPACE/NAME")),
        }
    }

    /// `User`, `Group` or `ServiceAccount`, as in a binding.
    pub fn kind_name(&self) -> &'static str {
        match self.kind {
            SubjectKind::User => "User",
            SubjectKind::Group => "Group",
            SubjectKind::ServiceAccount { .. } => "ServiceAccount",
        }
    }

    /// The user name the API server authenticates this subject as (a ServiceAccount's is
    /// `system:serviceaccount:NS:NAME`); `None` for a group.
    pub fn user_name(&self) -> Option<String> {
        match &self.kind {
            SubjectKind::User => Some(self.name.clone()),
            SubjectKind::Group => None,
            SubjectKind::ServiceAccount { namespace } => {
                Some(format!("system:serviceaccount:{namespace}:{}", self.name))
            }
        }
    }

    /// The subject entry of a binding.
    pub fn to_json(&self) -> Value {
        match &self.kind {
            SubjectKind::ServiceAccount { namespace } => {
                json!({"kind": "ServiceAccount", "name": self.name, "namespace": namespace})
            }
            _ => json!({"kind": self.kind_name(), "apiGroup": RBAC_GROUP, "name": self.name}),
        }
    }

    /// Reads a binding's subject entry; `None` for a kind RBAC does not know.
    pub fn from_json(value: &Value) -> Option<Self> {
        let name = value["name"].as_str()?.to_string();
        let kind = match value["kind"].as_str()? {
            "User" => SubjectKind::User,
            "Group" => SubjectKind::Group,
            "ServiceAccount" => SubjectKind::ServiceAccount { namespace: value["namespace"].as_str()?.to_string() },
            _ => return None,
        };
        Some(Subject { kind, name })
    }

    /// The subject's part of a binding name: `user:alice`, `group:devs`, `sa:ns:name`.
    fn name_part(&self) -> String {
        match &self.kind {
            SubjectKind::User => format!("user:{}", self.name),
            SubjectKind::Group => format!("group:{}", self.name),
            SubjectKind::ServiceAccount { namespace } => format!("sa:{namespace}:{}", self.name),
        }
    }
}

impl fmt::Display for Subject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            SubjectKind::ServiceAccount { namespace } => write!(f, "{namespace}/{}", self.name),
            _ => f.write_str(&self.name),
        }
    }
}

/// The name of the binding of `role` (a ClusterRole name) to `subject`: `<role>:<kind>:<name>`.
/// A name with characters an object name should not hold, or too long, keeps a readable prefix
/// and ends in a hash of the whole, so that every subject gets one stable name.
pub fn binding_name(role: &str, subject: &Subject) -> String {
    let plain = format!("{role}:{}", subject.name_part());
    let safe = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | ':' | '@');
    if plain.len() <= MAX_NAME && plain.chars().all(safe) {
        return plain;
    }
    let digest = Sha256::digest(plain.as_bytes());
    let hash: String = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
    let readable: String = plain.chars().map(|c| if safe(c) { c } else { '-' }).take(MAX_NAME - 17).collect();
    format!("{readable}-{hash}")
}

/// The ClusterRoleBinding that grants `role_name` to `subject`, labelled with `role_label`.
pub fn binding_object(role_name: &str, role_label: &str, subject: &Subject, extra_labels: &[(&str, &str)]) -> Value {
    let mut labels = serde_json::Map::new();
    labels.insert(WORKSPACE_BINDING_LABEL.into(), json!("true"));
    labels.insert(ROLE_LABEL.into(), json!(role_label));
    for (k, v) in extra_labels {
        labels.insert((*k).into(), json!(v));
    }
    json!({
        "apiVersion": "rbac.authorization.k8s.io/v1",
        "kind": "ClusterRoleBinding",
        "metadata": {"name": binding_name(role_name, subject), "labels": labels},
        "roleRef": {"apiGroup": RBAC_GROUP, "kind": "ClusterRole", "name": role_name},
        "subjects": [subject.to_json()],
    })
}

/// Label on the bindings tmcctl makes for itself (the controller's, the cluster agent's), which
/// are not grants and `rbac list` does not show.
pub const SYSTEM_BINDING_LABEL: &str = "tmc.kcp.io/system-binding";

/// A binding tmcctl needs for itself: named after its role, labelled as a system binding.
pub fn system_binding(role_name: &str, role_label: &str, subject: &Subject, extra_labels: &[(&str, &str)]) -> Value {
    let mut binding = binding_object(role_name, role_label, subject, extra_labels);
    binding["metadata"]["name"] = json!(role_name);
    if let Some(labels) = binding["metadata"]["labels"].as_object_mut() {
        labels.remove(WORKSPACE_BINDING_LABEL);
        labels.insert(SYSTEM_BINDING_LABEL.into(), json!("true"));
    }
    binding
}

/// The binding of a TMC role.
pub fn grant_binding(role: TmcRole, subject: &Subject, extra_labels: &[(&str, &str)]) -> Value {
    binding_object(&role.role_name(), role.short_name(), subject, extra_labels)
}

/// The binding that lets `subject` enter the workspace.
pub fn access_binding(subject: &Subject, extra_labels: &[(&str, &str)]) -> Value {
    binding_object(WORKSPACE_ACCESS_ROLE, "workspace-access", subject, extra_labels)
}

/// One row of `rbac list`: a subject bound to a TMC role by a binding.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Grant {
    /// Where the binding is.
    pub workspace: String,
    /// The role.
    pub role: String,
    /// The subject.
    pub subject: Subject,
    /// The binding's name.
    pub binding: String,
}

/// The grants of TMC roles in `bindings` (ClusterRoleBindings of `workspace`), sorted. Any
/// binding of a `tmc:` user role counts, whoever wrote it; access bindings are not grants.
pub fn grants_in(workspace: &str, bindings: &[Value]) -> Vec<Grant> {
    let mut out = Vec::new();
    for binding in bindings {
        let role = binding["roleRef"]["name"].as_str().unwrap_or_default();
        if binding["roleRef"]["kind"] != "ClusterRole" || role.parse::<TmcRole>().is_err() || !role.starts_with("tmc:")
        {
            continue;
        }
        let name = binding["metadata"]["name"].as_str().unwrap_or_default();
        for subject in binding["subjects"].as_array().into_iter().flatten().filter_map(Subject::from_json) {
            out.push(Grant { workspace: workspace.into(), role: role.into(), subject, binding: name.into() });
        }
    }
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn names_say_role_kind_and_subject() {
        assert_eq!(
            binding_name("tmc:viewer", &Subject::user("alice@example.com")),
            "tmc:viewer:user:alice@example.com"
        );
        assert_eq!(binding_name("tmc:operator", &Subject::group("devs")), "tmc:operator:group:devs");
        let sa = Subject::service_account("ci/deployer").unwrap();
        assert_eq!(binding_name("tmc:operator", &sa), "tmc:operator:sa:ci:deployer");
    }

    #[test]
    fn awkward_or_long_subjects_get_a_hashed_name() {
        let slash = binding_name("tmc:viewer", &Subject::user("CN=a/O=b"));
        assert!(slash.starts_with("tmc:viewer:user:CN-a-O-b-"), "{slash}");
        assert!(!slash.contains('/'));
        let long = binding_name("tmc:viewer", &Subject::user(&"x".repeat(400)));
        assert_eq!(long.len(), MAX_NAME);
        assert_ne!(long, binding_name("tmc:viewer", &Subject::user(&"x".repeat(401))));
    }

    proptest! {
        #[test]
        fn every_subject_gets_a_valid_name_of_its_own(a in ".{0,300}", b in ".{0,300}") {
            let (na, nb) = (binding_name("tmc:viewer", &Subject::user(&a)), binding_name("tmc:viewer", &Subject::user(&b)));
            prop_assert!(na.len() <= MAX_NAME);
            prop_assert!(!na.contains('/') && !na.contains('%'));
            prop_assert_eq!(na == nb, a == b);
        }
    }

    #[test]
    fn service_accounts_need_namespace_and_name() {
        assert!(Subject::service_account("deployer").is_err());
        assert!(Subject::service_account("/x").is_err());
        assert_eq!(Subject::service_account("ci/x").unwrap().user_name().unwrap(), "system:serviceaccount:ci:x");
    }

    #[test]
    fn system_bindings_are_named_after_their_role_and_are_not_grants() {
        let sa = Subject::service_account("tmc-system/tmc-controller-manager").unwrap();
        let binding = system_binding("tmc:controller-manager", "controller-manager", &sa, &[]);
        assert_eq!(binding["metadata"]["name"], "tmc:controller-manager");
        assert_eq!(binding["metadata"]["labels"][SYSTEM_BINDING_LABEL], "true");
        assert!(binding["metadata"]["labels"].get(WORKSPACE_BINDING_LABEL).is_none());
    }

    #[test]
    fn bindings_read_back_as_grants() {
        let group = Subject::group("lab:team-a");
        let bindings = vec![
            grant_binding(TmcRole::Viewer, &group, &[]),
            access_binding(&group, &[]),
            json!({"metadata": {"name": "workspace-admin"}, "roleRef": {"kind": "ClusterRole", "name": "cluster-admin"},
                   "subjects": [{"kind": "User", "name": "root"}]}),
        ];
        let grants = grants_in("root:a", &bindings);
        assert_eq!(grants.len(), 1);
        assert_eq!(grants[0].role, "tmc:viewer");
        assert_eq!(grants[0].subject, group);
        assert_eq!(grants[0].binding, "tmc:viewer:group:lab:team-a");
    }
}
