//! `tmcctl cluster register`: verify a physical cluster, store its credentials in a Secret,
//! and create (or update in place) its ClusterRegistration. Everything is checked before the
//! first write; a failed registration leaves no Secret behind.

use std::path::PathBuf;

use clap::Args;
use serde_json::{json, Value};

use crate::api::input::{parse_capability_flag, parse_label_flag, Capabilities, LabelChange, LabelChanges};
use crate::api::names::{check_label_value, check_object_name};
use crate::api::DeletionPolicy;
use crate::cli::OutputArgs;
use crate::client::{ApplyOptions, ClusterCredentials, Connection, ConnectionSettings, CredentialsTrust};
use crate::commands::explain_tmc_error;
use crate::commands::preflight::{self, Need};
use crate::error::CliError;
use crate::install::FIELD_MANAGER;
use crate::output::{OutputFormat, Printer};

use super::agent;
use super::guided::{self, Intent};
use super::shared::{
    kind_group, namespaces, record_needs, registrations, secret_name, secret_object, secrets, verify, SECRET_KEY,
    SECRET_NAMESPACE,
};

/// Arguments of `cluster register`.
#[derive(Debug, Args)]
pub struct RegisterArgs {
    /// The registration's name (a DNS-1123 subdomain). On a terminal, NAME,
    /// --cluster-kubeconfig and --location are asked for when left out.
    pub name: Option<String>,
    /// Kubeconfig of the physical cluster (the global --kubeconfig is the kcp one).
    #[arg(long, value_name = "FILE")]
    pub cluster_kubeconfig: Option<PathBuf>,
    /// Context in --cluster-kubeconfig (default: its current-context).
    #[arg(long, value_name = "NAME")]
    pub cluster_context: Option<String>,
    /// Where the cluster runs (a region, zone or site), e.g. eu-west-1.
    #[arg(long)]
    pub location: Option<String>,
    /// Labels for placement selectors: key=value,…
    #[arg(long, value_name = "K=V,…", value_parser = parse_label_flag)]
    pub labels: Option<LabelChanges>,
    /// Capabilities as type:true|false,… (e.g. gpu:true,arm64:false).
    #[arg(long, value_name = "TYPE:BOOL,…", value_parser = parse_capability_flag)]
    pub capabilities: Option<Capabilities>,
    /// Store credentials that run an exec plugin (the controller would run that program).
    #[arg(long)]
    pub allow_exec: bool,
    /// Do not connect to the cluster before registering it.
    #[arg(long, conflicts_with = "create_service_account")]
    pub skip_verify: bool,
    /// Create a ServiceAccount in the cluster with only the permissions tmcctl needs there, and
    /// store its token instead of the credentials given (which are then never stored).
    #[arg(long)]
    pub create_service_account: bool,
    /// Accept credentials that turn TLS verification off (insecure-skip-tls-verify); `cluster
    /// status` shows it.
    #[arg(long)]
    pub allow_insecure: bool,
    /// What happens to the copies on the cluster when it is unregistered: Retain them (the
    /// default; workloads report them as left behind) or Delete them first.
    #[arg(long, value_name = "Retain|Delete")]
    pub deletion_policy: Option<DeletionPolicy>,
    /// Register without the confirmation asked after the questions on a terminal.
    #[arg(long, short = 'y')]
    pub yes: bool,
    /// client: print what would be written; server: also have the server validate it.
    #[arg(long, value_name = "MODE", num_args = 0..=1, default_missing_value = "client",
          value_parser = ["client", "server", "none"])]
    pub dry_run: Option<String>,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Runs `cluster register`.
pub async fn run(args: RegisterArgs, settings: &ConnectionSettings) -> Result<(), CliError> {
    let printer = Printer::new(args.output.output.clone(), args.output.no_headers);
    let intent = guided::intent(&args, &printer)?;
    check_object_name("cluster", &intent.name).map_err(CliError::usage)?;
    check_label_value("location", &intent.location).map_err(|e| CliError::usage(format!("--location: {e}")))?;
    if intent.name.len() > 253 - secret_name("").len() {
        return Err(CliError::usage(format!(
            "cluster name \"{}\" is too long to name its credentials Secret",
            intent.name
        )));
    }
    let credentials = ClusterCredentials::from_file(&intent.kubeconfig, intent.context.as_deref())?;
    if let (Some(program), false) = (credentials.exec_command(), args.allow_exec) {
        return Err(CliError::usage(format!(
            "the credentials of context \"{}\" in {} run an external program ({program}); \
             a registration must not make the controller run arbitrary programs",
            credentials.context(),
            intent.kubeconfig.display()
        ))
        .with_hint("pass --allow-exec if you trust it, or use a token or client certificate"));
    }
    if credentials.skips_tls_verify() && !args.allow_insecure {
        return Err(CliError::usage(format!(
            "the credentials of context \"{}\" in {} turn TLS verification off (insecure-skip-tls-verify); \
             the controller would trust any server that answers at {}",
            credentials.context(),
            intent.kubeconfig.display(),
            credentials.server()
        ))
        .with_hint("give the cluster's certificate-authority instead, or pass --allow-insecure"));
    }
    // Whatever else they hold (a plain-HTTP server) needs the same flags.
    let credentials =
        credentials.with_trust(CredentialsTrust { allow_exec: args.allow_exec, allow_insecure: args.allow_insecure });
    credentials.check()?;
    let mut verified = if args.skip_verify { None } else { Some(verify(&intent.name, &credentials).await?) };

    let connection = Connection::open(settings).await?;
    let dry_run = args.dry_run.as_deref().unwrap_or("none");
    if dry_run != "client" {
        preflight(&connection, &intent.name).await?;
    }
    let credentials = if args.create_service_account && dry_run == "none" {
        let synced = agent::synced_types(&connection, &printer).await?;
        let owner = agent::token_owner(&connection.url(), &intent.name);
        let token_secret = format!("{}-{owner}", agent::AGENT_TOKEN_SECRET);
        let spinner = Printer::spinner(&format!("creating the tmcctl ServiceAccount on cluster \"{}\"", intent.name));
        let agent = agent::create_agent(&intent.name, &credentials, &synced, &token_secret, &owner).await?;
        // The token must work on its own before it replaces anything.
        verified = Some(agent::verify_new_token(&intent.name, &agent).await?);
        spinner.finish_and_clear();
        agent
    } else {
        if !args.skip_verify
            && !args.create_service_account
            && agent::is_cluster_admin(&credentials).await.unwrap_or(false)
        {
            printer.warn(&format!(
                "the credentials of context \"{}\" may do anything on cluster \"{}\", and tmcctl stores them; \
                 pass --create-service-account to store a token with only what tmcctl needs",
                credentials.context(),
                intent.name
            ))?;
        }
        credentials
    };
    let secret = secret_object(&intent.name, &credentials);
    let registration = registration_object(&intent, credentials.needs());
    if dry_run == "client" {
        return print_result(&printer, &registration, "registered (dry run)", verified.as_ref());
    }
    let server_dry_run = dry_run == "server";
    let options = ApplyOptions { dry_run: server_dry_run, force: false };
    let secret_existed = connection.get(&secrets(), Some(SECRET_NAMESPACE), &secret_name(&intent.name)).await;
    let secret_existed = match secret_existed {
        Ok(found) => found.is_some(),
        Err(e) => return Err(explain_tmc_error(&connection, e).await),
    };
    if !server_dry_run {
        let namespace = json!({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": SECRET_NAMESPACE}});
        connection.apply(&namespaces(), &namespace, FIELD_MANAGER, options).await?;
    }
    if !server_dry_run || secret_existed {
        connection.apply(&secrets(), &secret, FIELD_MANAGER, options).await?;
    }
    let applied = match connection.apply(&registrations(), &registration, FIELD_MANAGER, options).await {
        Ok(applied) => applied,
        Err(e) => {
            // Leave nothing behind: a Secret this run created goes with the failed registration.
            if !secret_existed && !server_dry_run {
                let _ = connection.delete(&secrets(), Some(SECRET_NAMESPACE), &secret_name(&intent.name)).await;
            }
            return Err(explain_tmc_error(&connection, e).await);
        }
    };
    let verb = if server_dry_run { "registered (server dry run)" } else { "registered" };
    print_result(&printer, &applied, verb, verified.as_ref())
}

/// Everything `register` writes in the workspace, asked before the first write anywhere (the
/// ServiceAccount on the cluster comes after this).
async fn preflight(connection: &Connection, name: &str) -> Result<(), CliError> {
    let ns = Some(SECRET_NAMESPACE);
    let group = registrations().group;
    let needs = [
        Need::new("patch", "", "namespaces", None).named(SECRET_NAMESPACE),
        Need::new("get", "", "secrets", ns),
        Need::new("create", "", "secrets", ns),
        Need::new("patch", "", "secrets", ns),
        Need::new("create", &group, "clusterregistrations", None),
        Need::new("patch", &group, "clusterregistrations", None),
    ];
    let at = connection.workspace().map(|w| format!(" in workspace {w}")).unwrap_or_default();
    preflight::require(
        connection,
        &needs,
        &format!("register cluster \"{name}\"{at}"),
        "registering stores credentials: it takes the tmc:cluster-admin role (`tmcctl rbac grant cluster-admin --user …`)",
    )
    .await
}

fn print_result(
    printer: &Printer,
    object: &Value,
    verb: &str,
    verified: Option<&(String, usize)>,
) -> Result<(), CliError> {
    if matches!(printer.format(), OutputFormat::Table | OutputFormat::Wide) {
        let name = object["metadata"]["name"].as_str().unwrap_or_default();
        let found = verified.map(|(v, n)| format!(" (Kubernetes {v}, {n} nodes)")).unwrap_or_default();
        printer.write_out(&format!("{}/{name} {verb}{found}\n", kind_group()))?;
        return Ok(());
    }
    printer.objects(std::slice::from_ref(object), true, &kind_group(), |_| Default::default())?;
    Ok(())
}

/// The registration as tmcctl's field manager wants it.
/// `needs` is what the stored credentials need beyond a token or certificate over verified
/// TLS: what the flags allowed, recorded only as far as they are used.
fn registration_object(intent: &Intent, needs: CredentialsTrust) -> Value {
    let labels: serde_json::Map<String, Value> = intent
        .labels
        .iter()
        .flat_map(|l| &l.0)
        .filter_map(|c| match c {
            LabelChange::Set(k, v) => Some((k.clone(), Value::String(v.clone()))),
            LabelChange::Remove(_) => None,
        })
        .collect();
    let mut spec = json!({
        "location": intent.location,
        "credentials": {"namespace": SECRET_NAMESPACE, "name": secret_name(&intent.name), "key": SECRET_KEY},
    });
    record_needs(&mut spec["credentials"], needs);
    if let Some(Capabilities(capabilities)) = &intent.capabilities {
        spec["capabilities"] = serde_json::to_value(capabilities).expect("capabilities serialize");
    }
    if let Some(policy) = intent.deletion_policy {
        spec["deletionPolicy"] = json!(policy);
    }
    json!({
        "apiVersion": "tmc.kcp.io/v1alpha1",
        "kind": "ClusterRegistration",
        "metadata": {"name": intent.name, "labels": labels},
        "spec": spec,
    })
}
