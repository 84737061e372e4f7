//! One RBAC policy rule as tmcctl builds, prints and reads it, and whether a rule covers a
//! request — the matching Kubernetes' RBAC authorizer does (`*` as a wildcard, `resource/sub`
//! for subresources, resource names restricting only when given).

use serde_json::{json, Map, Value};

/// A PolicyRule: resource rules carry groups and resources, non-resource rules carry URLs.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Rule {
    /// API groups (`""` for the core group).
    pub api_groups: Vec<String>,
    /// Resources, `plural` or `plural/subresource`.
    pub resources: Vec<String>,
    /// When not empty, the rule covers only these object names.
    pub resource_names: Vec<String>,
    /// Non-resource URLs such as `/` or `/metrics`.
    pub non_resource_urls: Vec<String>,
    /// Verbs.
    pub verbs: Vec<String>,
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

impl Rule {
    /// A rule over `resources` of `groups`.
    pub fn resources(groups: &[&str], resources: &[&str], verbs: &[&str]) -> Self {
        Rule { api_groups: strings(groups), resources: strings(resources), verbs: strings(verbs), ..Rule::default() }
    }

    /// A rule over non-resource URLs.
    pub fn urls(urls: &[&str], verbs: &[&str]) -> Self {
        Rule { non_resource_urls: strings(urls), verbs: strings(verbs), ..Rule::default() }
    }

    /// The same rule restricted to objects of these names.
    pub fn named(mut self, names: &[&str]) -> Self {
        self.resource_names = strings(names);
        self
    }

    /// Whether any verb or resource is `*`.
    pub fn has_wildcard(&self) -> bool {
        self.verbs.iter().chain(&self.resources).chain(&self.api_groups).any(|s| s == "*")
    }

    /// Whether the rule allows `verb` on `resource` (`plural` or `plural/sub`) of `group`,
    /// for any object name (`name` is `None`) or the one named.
    pub fn allows(&self, verb: &str, group: &str, resource: &str, name: Option<&str>) -> bool {
        let any = |list: &[String], wanted: &str| list.iter().any(|s| s == "*" || s == wanted);
        let resource_matches = self.resources.iter().any(|r| {
            r == "*"
                || r == resource
                || r.strip_suffix("/*").is_some_and(|base| resource.starts_with(&format!("{base}/")))
        });
        let name_matches =
            self.resource_names.is_empty() || name.is_some_and(|n| self.resource_names.iter().any(|r| r == n));
        any(&self.verbs, verb) && any(&self.api_groups, group) && resource_matches && name_matches
    }

    /// Whether the rule allows `verb` on the non-resource URL `path` (a trailing `*` is a prefix).
    pub fn allows_url(&self, verb: &str, path: &str) -> bool {
        let url_matches = self
            .non_resource_urls
            .iter()
            .any(|u| u == path || u.strip_suffix('*').is_some_and(|p| path.starts_with(p)));
        self.verbs.iter().any(|v| v == "*" || v == verb) && url_matches
    }

    /// The rule as a PolicyRule object, without empty lists.
    pub fn to_json(&self) -> Value {
        let mut out = Map::new();
        for (key, list) in [
            ("apiGroups", &self.api_groups),
            ("resources", &self.resources),
            ("resourceNames", &self.resource_names),
            ("nonResourceURLs", &self.non_resource_urls),
            ("verbs", &self.verbs),
        ] {
            if !list.is_empty() || (key == "apiGroups" && !self.resources.is_empty()) {
                out.insert(key.into(), json!(list));
            }
        }
        Value::Object(out)
    }

    /// Reads a PolicyRule object; missing lists are empty.
    pub fn from_json(value: &Value) -> Self {
        let list = |key: &str| -> Vec<String> {
            value[key].as_array().into_iter().flatten().filter_map(|s| s.as_str().map(String::from)).collect()
        };
        Rule {
            api_groups: list("apiGroups"),
            resources: list("resources"),
            resource_names: list("resourceNames"),
            non_resource_urls: list("nonResourceURLs"),
            verbs: list("verbs"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wildcards_cover_every_verb_group_and_resource() {
        let all = Rule::resources(&["*"], &["*"], &["*"]);
        assert!(all.allows("delete", "apps", "deployments", None));
        assert!(all.has_wildcard());
    }

    #[test]
    fn subresources_are_separate_unless_named_or_wildcarded() {
        let regs = Rule::resources(&["tmc.kcp.io"], &["clusterregistrations"], &["get"]);
        assert!(regs.allows("get", "tmc.kcp.io", "clusterregistrations", Some("pc1")));
        assert!(!regs.allows("get", "tmc.kcp.io", "clusterregistrations/status", None));
        let sub = Rule::resources(&["tmc.kcp.io"], &["clusterregistrations/*"], &["get"]);
        assert!(sub.allows("get", "tmc.kcp.io", "clusterregistrations/status", None));
        assert!(!sub.allows("get", "tmc.kcp.io", "clusterregistrations", None));
    }

    #[test]
    fn resource_names_restrict_to_those_objects() {
        let lease = Rule::resources(&["coordination.k8s.io"], &["leases"], &["update"]).named(&["tmcctl-controller"]);
        assert!(lease.allows("update", "coordination.k8s.io", "leases", Some("tmcctl-controller")));
        assert!(!lease.allows("update", "coordination.k8s.io", "leases", Some("other")));
        assert!(!lease.allows("update", "coordination.k8s.io", "leases", None));
    }

    #[test]
    fn other_groups_and_verbs_are_not_covered() {
        let secrets = Rule::resources(&[""], &["secrets"], &["get", "list"]);
        assert!(!secrets.allows("watch", "", "secrets", None));
        assert!(!secrets.allows("get", "apps", "secrets", None));
    }

    #[test]
    fn non_resource_urls_match_exactly_or_by_prefix() {
        let access = Rule::urls(&["/"], &["access"]);
        assert!(access.allows_url("access", "/"));
        assert!(!access.allows_url("access", "/metrics"));
        assert!(Rule::urls(&["/api/*"], &["get"]).allows_url("get", "/api/v1"));
    }

    #[test]
    fn json_round_trips_and_omits_empty_lists() {
        let rule = Rule::resources(&[""], &["secrets"], &["get"]).named(&["x"]);
        let value = rule.to_json();
        assert_eq!(
            value,
            json!({"apiGroups": [""], "resources": ["secrets"], "resourceNames": ["x"], "verbs": ["get"]})
        );
        assert_eq!(Rule::from_json(&value), rule);
        assert_eq!(Rule::urls(&["/"], &["access"]).to_json(), json!({"nonResourceURLs": ["/"], "verbs": ["access"]}));
    }
}
