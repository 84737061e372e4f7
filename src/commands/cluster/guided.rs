//! `cluster register` without its flags, on a terminal: each missing value is asked for (the
//! kubeconfig's contexts offered as choices), then the whole registration is shown and
//! confirmed (unless `--yes`). Without a terminal nothing is asked: a missing value is a usage
//! error naming its flag, so scripts fail loudly instead of hanging.

use std::path::PathBuf;

use crate::api::input::{parse_capability_flag, parse_label_flag, Capabilities, LabelChanges};
use crate::api::names::{check_label_value, check_object_name};
use crate::api::DeletionPolicy;
use crate::client::contexts_in;
use crate::error::{CliError, ExitKind};
use crate::output::Printer;

use super::register::RegisterArgs;

/// What to register, every required value settled.
#[derive(Debug)]
pub struct Intent {
    pub name: String,
    pub kubeconfig: PathBuf,
    pub context: Option<String>,
    pub location: String,
    pub labels: Option<LabelChanges>,
    pub capabilities: Option<Capabilities>,
    pub deletion_policy: Option<DeletionPolicy>,
}

/// The registration the flags describe, with what they leave out asked for on a terminal.
pub fn intent(args: &RegisterArgs, printer: &Printer) -> Result<Intent, CliError> {
    if let (Some(name), Some(kubeconfig), Some(location)) = (&args.name, &args.cluster_kubeconfig, &args.location) {
        return Ok(Intent {
            name: name.clone(),
            kubeconfig: kubeconfig.clone(),
            context: args.cluster_context.clone(),
            location: location.clone(),
            labels: args.labels.clone(),
            capabilities: args.capabilities.clone(),
            deletion_policy: args.deletion_policy,
        });
    }
    if !Printer::interactive() {
        let missing: Vec<&str> = [
            (args.name.is_none(), "NAME"),
            (args.cluster_kubeconfig.is_none(), "--cluster-kubeconfig"),
            (args.location.is_none(), "--location"),
        ]
        .into_iter()
        .filter_map(|(missing, what)| missing.then_some(what))
        .collect();
        return Err(CliError::usage(format!("cluster register needs {}", missing.join(", ")))
            .with_hint("pass them, or run it on a terminal to be asked for them"));
    }
    printer.status("Registering a cluster: answer each question (Ctrl-C stops; nothing is written before the end).")?;
    let answer = |question: &str, default: Option<&str>, check: &dyn Fn(&str) -> Result<(), String>| {
        printer.ask(question, default, check)?.ok_or_else(|| CliError::usage("the terminal went away"))
    };
    let name = match &args.name {
        Some(name) => name.clone(),
        None => answer("Cluster name", None, &|n| check_object_name("cluster", n))?,
    };
    let kubeconfig = match &args.cluster_kubeconfig {
        Some(path) => path.clone(),
        None => {
            let default = default_kubeconfig();
            let check = |p: &str| match std::path::Path::new(p).is_file() {
                true => Ok(()),
                false => Err(format!("{p} is not a file")),
            };
            PathBuf::from(answer("Kubeconfig of the cluster", default.as_deref(), &check)?)
        }
    };
    let context = match &args.cluster_context {
        Some(context) => Some(context.clone()),
        None => {
            let (contexts, current) = contexts_in(&kubeconfig)?;
            let default = current.as_ref().and_then(|c| contexts.iter().position(|x| x == c)).unwrap_or(0);
            match contexts.len() {
                0 | 1 => None,
                _ => {
                    let picked = printer.choose("Context", &contexts, default)?;
                    let index = picked.ok_or_else(|| CliError::new(ExitKind::Conflict, "no context chosen"))?;
                    Some(contexts[index].clone())
                }
            }
        }
    };
    let location = match &args.location {
        Some(location) => location.clone(),
        None => answer("Location (a region, zone or site)", None, &|l| check_label_value("location", l))?,
    };
    let labels = optional(
        printer,
        args.labels.as_ref(),
        "Labels for placements (key=value,…; empty for none)",
        parse_label_flag,
    )?;
    let capabilities = optional(
        printer,
        args.capabilities.as_ref(),
        "Capabilities (type:true|false,…; empty for none)",
        parse_capability_flag,
    )?;
    let intent =
        Intent { name, kubeconfig, context, location, labels, capabilities, deletion_policy: args.deletion_policy };
    if !args.yes && args.dry_run.as_deref().is_none_or(|mode| mode == "none") {
        let context = intent.context.as_deref().unwrap_or("its current context");
        let question = format!(
            "Register cluster \"{}\" in {} from {} ({context})?",
            intent.name,
            intent.location,
            intent.kubeconfig.display()
        );
        crate::commands::confirm(printer, &question, &format!("register cluster \"{}\"", intent.name))?;
    }
    Ok(intent)
}

/// An optional value: the flag's, else asked for (empty is none) and parsed as the flag parses it.
fn optional<T: Clone>(
    printer: &Printer,
    given: Option<&T>,
    question: &str,
    parse: fn(&str) -> Result<T, String>,
) -> Result<Option<T>, CliError> {
    if let Some(value) = given {
        return Ok(Some(value.clone()));
    }
    let check = |text: &str| if text.is_empty() { Ok(()) } else { parse(text).map(|_| ()) };
    let text = printer.ask(question, None, check)?.ok_or_else(|| CliError::usage("the terminal went away"))?;
    if text.is_empty() {
        return Ok(None);
    }
    parse(&text).map(Some).map_err(CliError::usage)
}

/// The kubeconfig kubectl would read: the first file of $KUBECONFIG, else ~/.kube/config.
fn default_kubeconfig() -> Option<String> {
    let from_env = std::env::var_os("KUBECONFIG")
        .and_then(|v| std::env::split_paths(&v).next())
        .filter(|p| !p.as_os_str().is_empty());
    from_env.or_else(|| dirs::home_dir().map(|h| h.join(".kube").join("config"))).map(|p| p.display().to_string())
}
