//! `rbac who-can`: the subjects RBAC objects bind to a role allowing a verb on a resource.
//! Only what the objects say: the API server cannot list a group's members, and other
//! authorizers (kcp's, webhooks) are not consulted — the printed answer says so.

use std::collections::HashMap;

use serde_json::Value;

use super::bindings::Subject;
use super::rules::Rule;

/// One subject allowed, and through what.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Holder {
    /// The subject.
    pub subject: Subject,
    /// `ClusterRoleBinding/NAME` or `RoleBinding/NS/NAME`.
    pub binding: String,
    /// `ClusterRole/NAME` or `Role/NS/NAME`.
    pub role: String,
}

/// The question.
#[derive(Clone, Debug)]
pub struct Question<'a> {
    /// The verb.
    pub verb: &'a str,
    /// API group (`""` core).
    pub group: &'a str,
    /// `plural` or `plural/sub`.
    pub resource: &'a str,
    /// The namespace asked about; `None` for cluster-scoped or every namespace.
    pub namespace: Option<&'a str>,
}

/// RBAC objects as listed from one server.
#[derive(Clone, Debug, Default)]
pub struct RbacObjects {
    /// ClusterRoles.
    pub cluster_roles: Vec<Value>,
    /// Roles (namespaced).
    pub roles: Vec<Value>,
    /// ClusterRoleBindings.
    pub cluster_role_bindings: Vec<Value>,
    /// RoleBindings (namespaced).
    pub role_bindings: Vec<Value>,
}

fn name_of(object: &Value) -> &str {
    object["metadata"]["name"].as_str().unwrap_or_default()
}

fn namespace_of(object: &Value) -> &str {
    object["metadata"]["namespace"].as_str().unwrap_or_default()
}

fn allows(role: &Value, q: &Question<'_>) -> bool {
    role["rules"].as_array().into_iter().flatten().any(|r| Rule::from_json(r).allows(q.verb, q.group, q.resource, None))
}

/// Who may do `question`, sorted by subject. A RoleBinding counts only for its namespace (and
/// only when a namespace is asked, or every namespace is: then it is listed with its own).
pub fn who_can(objects: &RbacObjects, question: &Question<'_>) -> Vec<Holder> {
    let cluster_roles: HashMap<&str, &Value> = objects.cluster_roles.iter().map(|r| (name_of(r), r)).collect();
    let roles: HashMap<(&str, &str), &Value> =
        objects.roles.iter().map(|r| ((namespace_of(r), name_of(r)), r)).collect();
    let mut out = Vec::new();
    let mut add = |binding: &Value, binding_label: String, role_label: String| {
        for subject in binding["subjects"].as_array().into_iter().flatten().filter_map(Subject::from_json) {
            out.push(Holder { subject, binding: binding_label.clone(), role: role_label.clone() });
        }
    };
    for binding in &objects.cluster_role_bindings {
        let role = binding["roleRef"]["name"].as_str().unwrap_or_default();
        if cluster_roles.get(role).is_some_and(|r| allows(r, question)) {
            add(binding, format!("ClusterRoleBinding/{}", name_of(binding)), format!("ClusterRole/{role}"));
        }
    }
    for binding in &objects.role_bindings {
        let ns = namespace_of(binding);
        if question.namespace.is_some_and(|asked| asked != ns) {
            continue;
        }
        let role = binding["roleRef"]["name"].as_str().unwrap_or_default();
        let (found, label) = match binding["roleRef"]["kind"].as_str() {
            Some("ClusterRole") => (cluster_roles.get(role).copied(), format!("ClusterRole/{role}")),
            _ => (roles.get(&(ns, role)).copied(), format!("Role/{ns}/{role}")),
        };
        if found.is_some_and(|r| allows(r, question)) {
            add(binding, format!("RoleBinding/{ns}/{}", name_of(binding)), label);
        }
    }
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn role(kind_ns: Option<&str>, name: &str, rules: Value) -> Value {
        match kind_ns {
            Some(ns) => json!({"metadata": {"name": name, "namespace": ns}, "rules": rules}),
            None => json!({"metadata": {"name": name}, "rules": rules}),
        }
    }

    fn binding(ns: Option<&str>, name: &str, kind: &str, role: &str, subjects: Value) -> Value {
        let mut b = json!({"metadata": {"name": name}, "roleRef": {"kind": kind, "name": role}, "subjects": subjects});
        if let Some(ns) = ns {
            b["metadata"]["namespace"] = json!(ns);
        }
        b
    }

    fn objects() -> RbacObjects {
        RbacObjects {
            cluster_roles: vec![
                role(None, "reader", json!([{"apiGroups": [""], "resources": ["secrets"], "verbs": ["get"]}])),
                role(None, "admin", json!([{"apiGroups": ["*"], "resources": ["*"], "verbs": ["*"]}])),
            ],
            roles: vec![role(
                Some("a"),
                "local",
                json!([{"apiGroups": [""], "resources": ["secrets"], "verbs": ["get"]}]),
            )],
            cluster_role_bindings: vec![
                binding(None, "admins", "ClusterRole", "admin", json!([{"kind": "Group", "name": "system:masters"}])),
                binding(None, "missing", "ClusterRole", "gone", json!([{"kind": "User", "name": "ghost"}])),
            ],
            role_bindings: vec![
                binding(Some("a"), "readers", "ClusterRole", "reader", json!([{"kind": "User", "name": "alice"}])),
                binding(Some("b"), "locals", "Role", "local", json!([{"kind": "User", "name": "bob"}])),
                binding(
                    Some("a"),
                    "locals",
                    "Role",
                    "local",
                    json!([{"kind": "ServiceAccount", "name": "ci", "namespace": "a"}]),
                ),
            ],
        }
    }

    #[test]
    fn cluster_bindings_count_everywhere_role_bindings_only_in_their_namespace() {
        let q = Question { verb: "get", group: "", resource: "secrets", namespace: Some("a") };
        let names: Vec<String> = who_can(&objects(), &q).iter().map(|h| h.subject.to_string()).collect();
        assert_eq!(names, ["alice", "system:masters", "a/ci"]);
    }

    #[test]
    fn a_binding_to_a_missing_role_grants_nothing() {
        let q = Question { verb: "delete", group: "apps", resource: "deployments", namespace: None };
        let holders = who_can(&objects(), &q);
        assert_eq!(holders.len(), 1);
        assert_eq!(holders[0].binding, "ClusterRoleBinding/admins");
    }

    #[test]
    fn a_role_binding_reaches_only_roles_of_its_own_namespace() {
        let in_b = Question { verb: "get", group: "", resource: "secrets", namespace: Some("b") };
        assert!(who_can(&objects(), &in_b).iter().all(|h| h.subject.name != "bob"), "Role b/local does not exist");
        let in_a = Question { namespace: Some("a"), ..in_b };
        let ci = who_can(&objects(), &in_a).into_iter().find(|h| h.subject.name == "ci").unwrap();
        assert_eq!((ci.binding.as_str(), ci.role.as_str()), ("RoleBinding/a/locals", "Role/a/local"));
    }
}
