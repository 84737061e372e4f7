//! `tmcctl rbac grant|revoke`: one ClusterRoleBinding per role and subject in a workspace,
//! under a deterministic name, so both are idempotent. Before any write, SelfSubjectAccessReviews
//! check what the API server would refuse: creating bindings, and Kubernetes' escalation rule —
//! one may grant a role only with `bind` on it, or by holding every permission it gives.
//! A subject that cannot enter the workspace is given kcp's `access` to it.

use clap::{ArgGroup, Args};
use serde_json::json;

use crate::cli::OutputArgs;
use crate::client::{ClientError, Connection, ConnectionSettings};
use crate::error::{CliError, ExitKind};
use crate::output::Printer;
use crate::security::roles::WORKSPACE_ACCESS_ROLE;
use crate::security::{access_binding, binding_name, grant_binding, grants_in, Permission, Subject, TmcRole};

use super::{apply_and_report, cluster_role_bindings, cluster_roles, refused, target_workspace, Applied, MANAGED};
use crate::commands::preflight::{missing, Need};

/// Arguments of `rbac grant` and `rbac revoke`.
#[derive(Debug, Args)]
#[command(group(ArgGroup::new("subject").required(true).args(["user", "group", "serviceaccount"])))]
pub struct GrantArgs {
    /// tmc:cluster-admin, tmc:operator or tmc:viewer (the tmc: prefix may be left out).
    pub role: String,
    /// A user, as kcp authenticates it.
    #[arg(long)]
    pub user: Option<String>,
    /// A group.
    #[arg(long)]
    pub group: Option<String>,
    /// A ServiceAccount of the workspace, as NAMESPACE/NAME.
    #[arg(long, value_name = "NAMESPACE/NAME")]
    pub serviceaccount: Option<String>,
    #[command(flatten)]
    pub output: OutputArgs,
}

impl GrantArgs {
    fn parse(&self) -> Result<(TmcRole, Subject), CliError> {
        let role: TmcRole =
            self.role.parse().map_err(|e: crate::security::UnknownRole| CliError::usage(e.to_string()))?;
        let subject = match (&self.user, &self.group, &self.serviceaccount) {
            (Some(user), _, _) => Subject::user(user),
            (_, Some(group), _) => Subject::group(group),
            (_, _, Some(sa)) => Subject::service_account(sa).map_err(CliError::usage)?,
            _ => unreachable!("clap requires one subject"),
        };
        if subject.name.is_empty() {
            return Err(CliError::usage("the subject's name is empty"));
        }
        Ok((role, subject))
    }
}

fn in_workspace(e: ClientError, workspace: &str) -> CliError {
    let e = CliError::from(e);
    CliError { message: format!("{} (workspace {workspace})", e.message), ..e }
}

/// Runs `rbac grant`.
pub async fn grant(args: GrantArgs, settings: &ConnectionSettings) -> Result<(), CliError> {
    let printer = Printer::new(args.output.output.clone(), args.output.no_headers);
    let (role, subject) = args.parse()?;
    let connection = Connection::open(settings).await?;
    let workspace = target_workspace(&connection)?.to_string();
    let fail = |e| in_workspace(e, &workspace);

    // Everything the server would refuse is found out before the first write.
    let rbac_group = "rbac.authorization.k8s.io";
    let role_name = role.role_name();
    let create = [Need::new("create", rbac_group, "clusterrolebindings", None)];
    if let Some(lacking) = missing(&connection, &create).await.map_err(fail)?.first() {
        return Err(refused(
            format!("cannot grant {role} in workspace {workspace}: you may not {lacking}"),
            "ask someone who may create ClusterRoleBindings in this workspace",
        ));
    }
    let bind = [Need::new("bind", rbac_group, "clusterroles", None).named(&role_name)];
    if !missing(&connection, &bind).await.map_err(fail)?.is_empty() {
        let held: Vec<Need> = role
            .definition()
            .permissions()
            .into_iter()
            .map(|permission| Need { permission, namespace: None, name: None })
            .collect();
        let lacking = missing(&connection, &held).await.map_err(fail)?;
        if !lacking.is_empty() {
            return Err(refused(
                format!(
                    "cannot grant {role} in workspace {workspace}: Kubernetes lets you grant only a role you could \
                     hold yourself, and you have neither `bind clusterroles.rbac.authorization.k8s.io {role_name}` \
                     nor all of its permissions (missing: {})",
                    lacking.join(", ")
                ),
                &format!("ask someone who holds {role}, or who may bind it, to grant it"),
            ));
        }
    }
    if connection.get(&cluster_roles(), None, &role_name).await.map_err(fail)?.is_none() {
        return Err(CliError::new(ExitKind::NotFound, format!("role {role} does not exist in workspace {workspace}"))
            .with_hint(format!("create it with `tmcctl rbac setup --workspace {workspace}`")));
    }

    let binding = grant_binding(role, &subject, &MANAGED);
    let applied = apply_and_report(&connection, &cluster_role_bindings(), &binding).await.map_err(fail)?;
    let access = ensure_access(&connection, &subject, &printer).await?;
    let verb = if applied == Applied::Unchanged { "already granted" } else { "granted" };
    let report = json!({"role": role_name, "subject": subject.to_string(), "kind": subject.kind_name(),
                        "workspace": workspace, "binding": binding["metadata"]["name"], "result": verb,
                        "workspaceAccess": access});
    printer.value(&report, || {
        format!("{role} {verb} to {} \"{subject}\" in workspace {workspace} ({access})\n", subject.kind_name())
    })?;
    Ok(())
}

/// Makes sure `subject` may enter the workspace; says how. kcp answers the `access` verb on `/`
/// per workspace; a plain Kubernetes server has no such check (the review says allowed).
async fn ensure_access(connection: &Connection, subject: &Subject, printer: &Printer) -> Result<String, CliError> {
    let access = Permission::url("access", "/");
    let groups = match subject.user_name() {
        None => vec![subject.name.clone()],
        Some(_) => Vec::new(),
    };
    let status = connection
        .subject_access_review(subject.user_name().as_deref(), &groups, &access.review_attributes(None, None))
        .await;
    match status {
        Ok(status) if status["allowed"].as_bool() == Some(true) => return Ok("has workspace access".into()),
        Ok(_) => {}
        Err(ClientError::Forbidden { .. }) => {
            printer.warn("cannot check whether the subject may enter the workspace (no permission to create SubjectAccessReviews)")?;
            return Ok("workspace access not checked".into());
        }
        Err(e) => return Err(e.into()),
    }
    if connection.get(&cluster_roles(), None, WORKSPACE_ACCESS_ROLE).await?.is_none() {
        printer.warn(&format!(
            "{subject} cannot enter this workspace and the role {WORKSPACE_ACCESS_ROLE} is missing; run `tmcctl rbac setup`"
        ))?;
        return Ok("no workspace access".into());
    }
    match apply_and_report(connection, &cluster_role_bindings(), &access_binding(subject, &MANAGED)).await {
        Ok(_) => Ok(format!("given workspace access by {}", binding_name(WORKSPACE_ACCESS_ROLE, subject))),
        Err(ClientError::Forbidden { message, .. }) => {
            printer
                .warn(&format!("{subject} cannot enter this workspace, and you may not give it access: {message}"))?;
            Ok("no workspace access".into())
        }
        Err(e) => Err(e.into()),
    }
}

/// Runs `rbac revoke`.
pub async fn revoke(args: GrantArgs, settings: &ConnectionSettings) -> Result<(), CliError> {
    let printer = Printer::new(args.output.output.clone(), args.output.no_headers);
    let (role, subject) = args.parse()?;
    let connection = Connection::open(settings).await?;
    let workspace = target_workspace(&connection)?.to_string();
    let fail = |e| in_workspace(e, &workspace);
    let delete = [Need::new("delete", "rbac.authorization.k8s.io", "clusterrolebindings", None)];
    if let Some(lacking) = missing(&connection, &delete).await.map_err(fail)?.first() {
        return Err(refused(
            format!("cannot revoke {role} in workspace {workspace}: you may not {lacking}"),
            "ask someone who may delete ClusterRoleBindings in this workspace",
        ));
    }
    let name = binding_name(&role.role_name(), &subject);
    let removed = connection.delete(&cluster_role_bindings(), None, &name).await.map_err(fail)?;
    // The access binding goes with the last TMC role the subject held here.
    let bindings = connection.list(&cluster_role_bindings(), None, None).await.map_err(fail)?.items;
    let still_holds = grants_in(&workspace, &bindings).iter().any(|g| g.subject == subject);
    let mut access_removed = false;
    if !still_holds {
        let access = binding_name(WORKSPACE_ACCESS_ROLE, &subject);
        let ours = bindings.iter().any(|b| {
            b["metadata"]["name"] == access.as_str()
                && b["metadata"]["labels"][crate::install::MANAGED_BY_LABEL] == crate::install::MANAGED_BY
        });
        if ours {
            access_removed = connection.delete(&cluster_role_bindings(), None, &access).await.map_err(fail)?;
        }
    }
    let verb = if removed { "revoked" } else { "was not granted" };
    let report = json!({"role": role.role_name(), "subject": subject.to_string(), "kind": subject.kind_name(),
                        "workspace": workspace, "binding": name, "result": verb, "workspaceAccessRemoved": access_removed});
    printer.value(&report, || {
        let access = if access_removed { "; its workspace access was removed" } else { "" };
        format!("{role} {verb} for {} \"{subject}\" in workspace {workspace}{access}\n", subject.kind_name())
    })?;
    Ok(())
}
