//! The role sets tmcctl installs. In kcp every workspace is its own logical cluster, so
//! ClusterRoles and ClusterRoleBindings are per workspace: `rbac setup` writes these into each
//! workspace it serves.
//!
//! - The three user roles ([`TmcRole`]) carry the plan's rules unchanged.
//! - The controller's role ([`controller_role`]) and the physical-cluster agent's role
//!   ([`cluster_agent_role`]) are generated from what the controller does, with no wildcard:
//!   each rule below names the code that needs it.

use std::fmt;
use std::str::FromStr;

use serde_json::{json, Value};

use super::rules::Rule;

/// Label on every role and binding `rbac setup` writes; its value is the role's short name.
pub const ROLE_LABEL: &str = "tmc.kcp.io/rbac-role";
/// The controller's ServiceAccount, in the provider workspace.
pub const CONTROLLER_SERVICE_ACCOUNT: (&str, &str) = ("tmc-system", "tmc-controller-manager");
/// The controller's ClusterRole and ClusterRoleBinding.
pub const CONTROLLER_ROLE: &str = "tmc:controller-manager";
/// The role that lets a subject enter a workspace (kcp's `access` verb on `/`).
pub const WORKSPACE_ACCESS_ROLE: &str = "tmc:workspace-access";
/// The agent's ClusterRole, ClusterRoleBinding and ServiceAccount name on a physical cluster.
pub const CLUSTER_AGENT_ROLE: &str = "tmc:cluster-agent";
/// The TMC API group.
pub const TMC_GROUP: &str = "tmc.kcp.io";

/// A ClusterRole: its name, the value of its [`ROLE_LABEL`], and its rules.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoleDefinition {
    /// The ClusterRole's name.
    pub name: String,
    /// The short name in the role label.
    pub label: String,
    /// What it allows.
    pub rules: Vec<Rule>,
}

impl RoleDefinition {
    fn new(name: &str, label: &str, rules: Vec<Rule>) -> Self {
        RoleDefinition { name: name.into(), label: label.into(), rules }
    }

    /// The ClusterRole object, with `extra_labels` (such as managed-by) besides the role label.
    pub fn cluster_role(&self, extra_labels: &[(&str, &str)]) -> Value {
        let mut labels = serde_json::Map::new();
        labels.insert(ROLE_LABEL.into(), json!(self.label));
        for (k, v) in extra_labels {
            labels.insert((*k).into(), json!(v));
        }
        json!({
            "apiVersion": "rbac.authorization.k8s.io/v1",
            "kind": "ClusterRole",
            "metadata": {"name": self.name, "labels": labels},
            "rules": self.rules.iter().map(Rule::to_json).collect::<Vec<_>>(),
        })
    }

    /// Every (verb, group, resource) the role allows, wildcards kept as `*`: what a caller must
    /// hold to bind the role without the `bind` verb (Kubernetes' escalation check).
    pub fn permissions(&self) -> Vec<Permission> {
        let mut out = Vec::new();
        for rule in &self.rules {
            for verb in &rule.verbs {
                for group in &rule.api_groups {
                    for resource in &rule.resources {
                        out.push(Permission::resource(verb, group, resource));
                    }
                }
                for url in &rule.non_resource_urls {
                    out.push(Permission::url(verb, url));
                }
            }
        }
        out
    }
}

/// One permission, as an access review asks about it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Permission {
    /// The verb.
    pub verb: String,
    /// API group (`""` core); empty with a URL.
    pub group: String,
    /// `plural` or `plural/sub`; empty with a URL.
    pub resource: String,
    /// A non-resource URL, for URL permissions.
    pub url: Option<String>,
}

impl Permission {
    /// A permission on a resource.
    pub fn resource(verb: &str, group: &str, resource: &str) -> Self {
        Permission { verb: verb.into(), group: group.into(), resource: resource.into(), url: None }
    }

    /// A permission on a non-resource URL.
    pub fn url(verb: &str, url: &str) -> Self {
        Permission { verb: verb.into(), group: String::new(), resource: String::new(), url: Some(url.into()) }
    }

    /// `verb` on a resource written as kubectl does: `secrets`, `deployments.apps`,
    /// `clusterregistrations.tmc.kcp.io/status`; a text starting with `/` is a URL.
    pub fn parse(verb: &str, text: &str) -> Result<Self, String> {
        if verb.is_empty() || verb.contains(char::is_whitespace) {
            return Err(format!("verb \"{verb}\" is not a verb (such as get, list, create)"));
        }
        if text.starts_with('/') {
            return Ok(Permission::url(verb, text));
        }
        let (typed, sub) = match text.split_once('/') {
            Some((typed, sub)) => (typed, Some(sub)),
            None => (text, None),
        };
        let (plural, group) = typed.split_once('.').unwrap_or((typed, ""));
        let word = |s: &str| {
            !s.is_empty() && s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '.')
        };
        if typed.ends_with('.')
            || !(word(plural) || plural == "*")
            || !(group.is_empty() || word(group) || group == "*")
            || sub.is_some_and(|s| !word(s))
        {
            return Err(format!(
                "resource \"{text}\" is not PLURAL[.GROUP][/SUBRESOURCE] (such as secrets, deployments.apps, clusterregistrations.tmc.kcp.io/status)"
            ));
        }
        let resource = match sub {
            Some(sub) => format!("{plural}/{sub}"),
            None => plural.to_string(),
        };
        Ok(Permission::resource(verb, group, &resource))
    }

    /// The attributes of an access review asking about this permission, in `namespace` and for
    /// the object `name` when given.
    pub fn review_attributes(&self, namespace: Option<&str>, name: Option<&str>) -> serde_json::Value {
        if let Some(url) = &self.url {
            return json!({"nonResourceAttributes": {"path": url, "verb": self.verb}});
        }
        let (resource, sub) = self.resource.split_once('/').unwrap_or((&self.resource, ""));
        let mut attributes = json!({"verb": self.verb, "group": self.group, "resource": resource});
        for (key, value) in [("subresource", Some(sub)), ("namespace", namespace), ("name", name)] {
            if let Some(value) = value.filter(|v| !v.is_empty()) {
                attributes[key] = json!(value);
            }
        }
        json!({"resourceAttributes": attributes})
    }
}

impl fmt::Display for Permission {
    /// As kubectl writes it: `delete secrets`, `get clusterregistrations.tmc.kcp.io`, `access /`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.url {
            Some(url) => write!(f, "{} {url}", self.verb),
            None if self.group.is_empty() => write!(f, "{} {}", self.verb, self.resource),
            None => write!(f, "{} {}.{}", self.verb, self.resource, self.group),
        }
    }
}

/// The roles people are granted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TmcRole {
    /// Everything in the TMC API, plus the Secrets and ConfigMaps cluster credentials live in.
    ClusterAdmin,
    /// Registrations and placements, their status included; no Secrets.
    Operator,
    /// Read-only TMC objects; never Secrets.
    Viewer,
}

impl TmcRole {
    /// Every role, in the order of their power.
    pub const ALL: [TmcRole; 3] = [TmcRole::ClusterAdmin, TmcRole::Operator, TmcRole::Viewer];

    /// The short name: `cluster-admin`, `operator`, `viewer`.
    pub fn short_name(self) -> &'static str {
        match self {
            TmcRole::ClusterAdmin => "cluster-admin",
            TmcRole::Operator => "operator",
            TmcRole::Viewer => "viewer",
        }
    }

    /// The ClusterRole's name: `tmc:<short name>`.
    pub fn role_name(self) -> String {
        format!("tmc:{}", self.short_name())
    }

    /// The role with the plan's rules.
    pub fn definition(self) -> RoleDefinition {
        let crud = ["get", "list", "create", "update", "patch", "delete"];
        let rules = match self {
            TmcRole::ClusterAdmin => vec![
                Rule::resources(&[TMC_GROUP], &["*"], &["*"]),
                Rule::resources(&[""], &["secrets", "configmaps"], &crud),
            ],
            TmcRole::Operator => vec![
                Rule::resources(&[TMC_GROUP], &["clusterregistrations", "workloadplacements"], &crud),
                Rule::resources(
                    &[TMC_GROUP],
                    &["clusterregistrations/status", "workloadplacements/status"],
                    &["get", "update", "patch"],
                ),
            ],
            TmcRole::Viewer => vec![Rule::resources(&[TMC_GROUP], &["*"], &["get", "list", "watch"])],
        };
        RoleDefinition::new(&self.role_name(), self.short_name(), rules)
    }
}

impl fmt::Display for TmcRole {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.role_name())
    }
}

/// A role name that is not one of [`TmcRole::ALL`].
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("unknown role \"{given}\": the roles are tmc:cluster-admin, tmc:operator and tmc:viewer")]
pub struct UnknownRole {
    /// What was given.
    pub given: String,
}

impl FromStr for TmcRole {
    type Err = UnknownRole;

    /// Accepts `tmc:viewer` or `viewer`.
    fn from_str(text: &str) -> Result<Self, UnknownRole> {
        let short = text.strip_prefix("tmc:").unwrap_or(text);
        TmcRole::ALL
            .into_iter()
            .find(|r| r.short_name() == short)
            .ok_or_else(|| UnknownRole { given: text.to_string() })
    }
}

/// kcp lets a subject into a workspace only with the `access` verb on `/` there.
pub fn workspace_access_role() -> RoleDefinition {
    RoleDefinition::new(WORKSPACE_ACCESS_ROLE, "workspace-access", vec![Rule::urls(&["/"], &["access"])])
}

/// What the controller's footprint in its provider workspace is named.
#[derive(Clone, Copy, Debug)]
pub struct ControllerFootprint<'a> {
    /// The APIExport (and its endpoint slice).
    pub export: &'a str,
    /// The leader-election Lease, in [`CONTROLLER_SERVICE_ACCOUNT`]'s namespace.
    pub lease: &'a str,
    /// The Lease's namespace, which the controller creates when missing.
    pub lease_namespace: &'a str,
}

/// The controller's role in the provider workspace. Everything it reads or writes in consumer
/// workspaces goes through the export's virtual workspace, which kcp authorizes as the verb on
/// `apiexports/content` of the export; the export's permission claims bound the rest.
pub fn controller_role(footprint: ControllerFootprint<'_>) -> RoleDefinition {
    let kcp_apis = "apis.kcp.io";
    let rules = vec![
        // controller::hub: the endpoint slice gives the virtual workspace URLs.
        Rule::resources(&[kcp_apis], &["apiexportendpointslices"], &["get", "list", "watch"])
            .named(&[footprint.export]),
        // controller::workload_types: the export's resources say which workload types to sync.
        Rule::resources(&[kcp_apis], &["apiexports"], &["get"]).named(&[footprint.export]),
        Rule::resources(&[kcp_apis], &["apiresourceschemas"], &["get"]),
        // The caches list and watch; the loops patch finalizers and status (merge patch).
        Rule::resources(&[kcp_apis], &["apiexports/content"], &["get", "list", "watch", "patch"])
            .named(&[footprint.export]),
        // controller::runtime::leader: the Lease is read and replaced by name, created once,
        // and its namespace created when missing.
        Rule::resources(&["coordination.k8s.io"], &["leases"], &["get", "update"]).named(&[footprint.lease]),
        Rule::resources(&["coordination.k8s.io"], &["leases"], &["create"]),
        Rule::resources(&[""], &["namespaces"], &["get"]).named(&[footprint.lease_namespace]),
        Rule::resources(&[""], &["namespaces"], &["create"]),
        // controller::backup_loop: schedules are ConfigMaps in the provider workspace, listed
        // by label and annotated with each run's outcome; the backups themselves are read
        // through the export (the permission claims), so no consumer workspace grants anything.
        Rule::resources(&[""], &["configmaps"], &["list", "patch"]),
    ];
    RoleDefinition::new(CONTROLLER_ROLE, "controller-manager", rules)
}

/// The controller's role on a plain Kubernetes hub (the TMC API as CRDs): it reads and patches
/// the TMC objects directly, and reads the credential Secrets they name wherever they are (the
/// reflector lists Secrets labelled `tmc.kcp.io/cluster` in every namespace). A plain hub syncs
/// no workload types, so no workload rule.
pub fn controller_role_on_plain_kubernetes(footprint: ControllerFootprint<'_>) -> RoleDefinition {
    let tmc = ["clusterregistrations", "workloadplacements"];
    let rules = vec![
        // controller::supervisor's reflectors and the loops' finalizer and status writes.
        Rule::resources(&[TMC_GROUP], &tmc, &["get", "list", "watch", "patch"]),
        Rule::resources(&[TMC_GROUP], &["clusterregistrations/status", "workloadplacements/status"], &["get", "patch"]),
        Rule::resources(&[""], &["secrets"], &["get", "list", "watch"]),
        // controller::runtime::leader, as on kcp.
        Rule::resources(&["coordination.k8s.io"], &["leases"], &["get", "update"]).named(&[footprint.lease]),
        Rule::resources(&["coordination.k8s.io"], &["leases"], &["create"]),
        Rule::resources(&[""], &["namespaces"], &["get"]).named(&[footprint.lease_namespace]),
        Rule::resources(&[""], &["namespaces"], &["create"]),
    ];
    RoleDefinition::new(CONTROLLER_ROLE, "controller-manager", rules)
}

/// A resource type the controller syncs to physical clusters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyncedType {
    /// API group (`""` core).
    pub group: String,
    /// Plural resource name.
    pub plural: String,
}

/// The role of tmcctl's ServiceAccount on a physical cluster: exactly what the controller's
/// health, sync and status paths do there. Secrets a workload refers to are only written, so
/// Secrets stay unreadable.
pub fn cluster_agent_role(synced: &[SyncedType]) -> RoleDefinition {
    let mut rules = vec![
        // controller::health_loop: node capacity and pod counts.
        Rule::resources(&[""], &["nodes"], &["get", "list", "watch"]),
        Rule::resources(&[""], &["pods"], &["get", "list"]),
        // controller::sync_cluster: each workspace's namespaces are applied, never deleted.
        Rule::resources(&[""], &["namespaces"], &["get", "list", "watch", "create", "patch"]),
        // sync::references: what a pod template names, applied beside the workload;
        // controller::downstream watches the ConfigMaps and ServiceAccounts it copied, and the
        // sync step removes those no copy refers to any more.
        Rule::resources(
            &[""],
            &["configmaps", "serviceaccounts"],
            &["get", "list", "watch", "create", "patch", "delete"],
        ),
        Rule::resources(&[""], &["persistentvolumeclaims"], &["get", "create", "patch"]),
        Rule::resources(&[""], &["secrets"], &["create", "patch"]),
        // commands::rbac::check asks the cluster's authorizer about a subject.
        Rule::resources(&["authorization.k8s.io"], &["subjectaccessreviews"], &["create"]),
    ];
    // controller::downstream watches each synced type; sync_cluster applies, retires and deletes.
    let mut groups: Vec<&str> = synced.iter().map(|t| t.group.as_str()).collect();
    groups.sort();
    groups.dedup();
    for group in groups {
        let mut resources: Vec<String> = Vec::new();
        for t in synced.iter().filter(|t| t.group == group) {
            resources.push(t.plural.clone());
            resources.push(format!("{}/status", t.plural));
        }
        let resources: Vec<&str> = resources.iter().map(String::as_str).collect();
        rules.push(Rule::resources(
            &[group],
            &resources,
            &["get", "list", "watch", "create", "update", "patch", "delete"],
        ));
    }
    RoleDefinition::new(CLUSTER_AGENT_ROLE, "cluster-agent", rules)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn footprint() -> ControllerFootprint<'static> {
        ControllerFootprint { export: "tmc.kcp.io", lease: "tmcctl-controller", lease_namespace: "tmc-system" }
    }

    fn synced() -> Vec<SyncedType> {
        [("apps", "deployments"), ("apps", "statefulsets"), ("", "services"), ("batch", "jobs")]
            .into_iter()
            .map(|(g, p)| SyncedType { group: g.into(), plural: p.into() })
            .collect()
    }

    #[test]
    fn roles_parse_with_or_without_the_prefix_and_unknown_ones_list_the_allowed() {
        assert_eq!("tmc:viewer".parse(), Ok(TmcRole::Viewer));
        assert_eq!("operator".parse(), Ok(TmcRole::Operator));
        let err = "tmc:admin".parse::<TmcRole>().unwrap_err();
        assert!(err.to_string().contains("tmc:cluster-admin, tmc:operator and tmc:viewer"), "{err}");
    }

    #[test]
    fn viewer_reads_tmc_objects_and_never_secrets() {
        let viewer = TmcRole::Viewer.definition();
        let allows = |verb, group, resource| viewer.rules.iter().any(|r| r.allows(verb, group, resource, None));
        assert!(allows("list", TMC_GROUP, "clusterregistrations"));
        assert!(!allows("create", TMC_GROUP, "clusterregistrations"));
        assert!(!allows("get", "", "secrets"));
    }

    #[test]
    fn operator_changes_tmc_objects_but_cannot_read_secrets() {
        let operator = TmcRole::Operator.definition();
        let allows = |verb, group, resource| operator.rules.iter().any(|r| r.allows(verb, group, resource, None));
        assert!(allows("create", TMC_GROUP, "workloadplacements"));
        assert!(allows("patch", TMC_GROUP, "clusterregistrations/status"));
        assert!(!allows("get", "", "secrets"));
    }

    #[test]
    fn roles_carry_their_label() {
        let role = TmcRole::ClusterAdmin.definition().cluster_role(&[("app.kubernetes.io/managed-by", "tmcctl")]);
        assert_eq!(role["metadata"]["name"], "tmc:cluster-admin");
        assert_eq!(role["metadata"]["labels"][ROLE_LABEL], "cluster-admin");
        assert_eq!(role["metadata"]["labels"]["app.kubernetes.io/managed-by"], "tmcctl");
    }

    #[test]
    fn generated_roles_have_no_wildcard() {
        for role in [
            controller_role(footprint()),
            controller_role_on_plain_kubernetes(footprint()),
            cluster_agent_role(&synced()),
            workspace_access_role(),
        ] {
            for rule in &role.rules {
                assert!(!rule.has_wildcard(), "{}: {rule:?}", role.name);
            }
        }
    }

    #[test]
    fn the_agent_writes_secrets_but_cannot_read_them() {
        let agent = cluster_agent_role(&synced());
        let allows = |verb, group, resource| agent.rules.iter().any(|r| r.allows(verb, group, resource, None));
        assert!(allows("patch", "", "secrets"));
        for verb in ["get", "list", "watch"] {
            assert!(!allows(verb, "", "secrets"), "{verb} secrets");
        }
        assert!(allows("patch", "apps", "deployments"));
        assert!(allows("delete", "batch", "jobs"));
        assert!(allows("list", "", "nodes"));
        assert!(!allows("delete", "", "namespaces"));
    }

    #[test]
    fn the_controller_reaches_workspaces_only_through_its_export() {
        let controller = controller_role(footprint());
        let allows =
            |verb, resource, name| controller.rules.iter().any(|r| r.allows(verb, "apis.kcp.io", resource, Some(name)));
        assert!(allows("watch", "apiexports/content", "tmc.kcp.io"));
        assert!(!allows("watch", "apiexports/content", "other.export"));
        assert!(!controller.rules.iter().any(|r| r.allows("get", "", "secrets", None)));
    }

    #[test]
    fn permissions_parse_as_kubectl_writes_resources() {
        let status = Permission::parse("patch", "clusterregistrations.tmc.kcp.io/status").unwrap();
        assert_eq!(status, Permission::resource("patch", "tmc.kcp.io", "clusterregistrations/status"));
        assert_eq!(Permission::parse("get", "secrets").unwrap().to_string(), "get secrets");
        assert_eq!(Permission::parse("access", "/").unwrap(), Permission::url("access", "/"));
        for bad in ["Secrets", "", "deployments./x", "a b"] {
            assert!(Permission::parse("get", bad).is_err(), "{bad}");
        }
        assert!(Permission::parse("", "secrets").is_err());
    }

    #[test]
    fn review_attributes_split_subresources_and_scope() {
        let status = Permission::parse("patch", "clusterregistrations.tmc.kcp.io/status").unwrap();
        assert_eq!(
            status.review_attributes(None, Some("pc1")),
            json!({"resourceAttributes": {"verb": "patch", "group": "tmc.kcp.io", "resource": "clusterregistrations",
                                          "subresource": "status", "name": "pc1"}})
        );
        let secrets = Permission::parse("get", "secrets").unwrap().review_attributes(Some("kube-system"), None);
        assert_eq!(secrets["resourceAttributes"]["namespace"], "kube-system");
        assert_eq!(
            Permission::url("access", "/").review_attributes(None, None)["nonResourceAttributes"]["verb"],
            "access"
        );
    }

    #[test]
    fn permissions_expand_every_verb_and_resource() {
        let viewer = TmcRole::Viewer.definition();
        let listed: Vec<String> = viewer.permissions().iter().map(ToString::to_string).collect();
        assert_eq!(listed, ["get *.tmc.kcp.io", "list *.tmc.kcp.io", "watch *.tmc.kcp.io"]);
        assert_eq!(workspace_access_role().permissions()[0].to_string(), "access /");
    }
}
