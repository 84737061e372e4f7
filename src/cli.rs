//! The command line: global flags and the command tree. The `///` text on each item is the help
//! text users see; the per-command flags live beside each command's `run` in `commands/`.

use std::path::PathBuf;
use std::time::Duration;

use clap::{Args, Parser, Subcommand};

use crate::client::WorkspacePath;
use crate::commands;
use crate::output::OutputFormat;

/// Transparent Multi-Cluster for kcp: register clusters, place workloads on them by policy,
/// sync them down and see their status in one place.
#[derive(Debug, Parser)]
#[command(name = "tmcctl", version, propagate_version = true, max_term_width = 100)]
pub struct Cli {
    /// Flags every command accepts.
    #[command(flatten)]
    pub global: GlobalArgs,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Connection and logging flags, accepted before or after the subcommand. In `--help` they
/// stand under their own heading, after the command's own flags.
#[derive(Debug, Args, Clone)]
#[command(next_help_heading = "Global options")]
pub struct GlobalArgs {
    /// Path to the kubeconfig file (default: $KUBECONFIG, a merged list, else ~/.kube/config).
    #[arg(long, global = true, value_name = "FILE")]
    pub kubeconfig: Option<PathBuf>,
    /// The kubeconfig context to use (default: its current-context).
    #[arg(long, global = true, value_name = "NAME")]
    pub context: Option<String>,
    /// The kcp workspace to act in, such as root:org:team (default: the one in the context's
    /// server URL).
    #[arg(long, global = true, env = crate::settings::ENV_WORKSPACE, hide_env_values = true, value_name = "PATH",
          value_parser = clap::value_parser!(WorkspacePath))]
    pub workspace: Option<WorkspacePath>,
    /// How long to wait for each server request (e.g. 30s, 2m); 0 waits forever.
    #[arg(long, global = true, default_value = "30s", value_name = "DURATION", value_parser = parse_duration,
          env = crate::settings::ENV_REQUEST_TIMEOUT, hide_env_values = true)]
    pub request_timeout: Duration,
    /// More log output on stderr: -v info, -vv debug, -vvv trace.
    #[arg(short = 'v', long = "verbose", global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,
    /// Log lines as text, or as one JSON object per line (for log collectors).
    #[arg(long, global = true, default_value = "text", value_name = "FORMAT", value_parser = ["text", "json"])]
    pub log_format: String,
}

/// Output flags for commands that print objects.
#[derive(Debug, Args, Clone, Default)]
pub struct OutputArgs {
    /// Output format: table, wide, json, yaml, name or jsonpath=TEMPLATE.
    #[arg(short = 'o', long = "output", default_value = "table", value_name = "FORMAT",
          env = crate::settings::ENV_OUTPUT, hide_env_values = true, value_parser = clap::value_parser!(OutputFormat))]
    pub output: OutputFormat,
    /// Leave out the header row of tables.
    #[arg(long)]
    pub no_headers: bool,
}

/// The command groups.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// The fleet on one screen: kcp, the TMC API, the controller, clusters, placements,
    /// workloads, drift and backups; exits 11 when anything is wrong.
    Status(commands::status::StatusArgs),
    /// Check kcp, the TMC API binding, the controller and every cluster (reachable, allowed
    /// what the controller does there, clock in step), each failure with its fix.
    Doctor(commands::doctor::DoctorArgs),
    /// Register, list, inspect, cordon, drain and unregister physical clusters.
    #[command(subcommand)]
    Cluster(commands::cluster::ClusterCommand),
    /// Create, inspect, explain and simulate workload placement policies.
    #[command(subcommand)]
    Placement(commands::placement::PlacementCommand),
    /// See where workloads run and how they are doing on each cluster.
    #[command(subcommand)]
    Workload(commands::workload::WorkloadCommand),
    /// Manage the TMC roles (tmc:cluster-admin, tmc:operator, tmc:viewer), who holds them, and
    /// check access across the workspace and every cluster.
    #[command(subcommand)]
    Rbac(commands::rbac::RbacCommand),
    /// Archives of workspaces on this machine: create, list, describe, verify, delete.
    #[command(subcommand)]
    Backup(commands::backup::BackupCommand),
    /// Restore a backup into its workspaces (or others): --plan first; existing objects are
    /// skipped unless --existing update; nothing is deleted.
    Restore(commands::backup::restore::RestoreArgs),
    /// Serve Prometheus metrics, /healthz and /readyz.
    #[command(subcommand)]
    Metrics(commands::metrics::MetricsCommand),
    /// Run the in-process reconcile loops (health, placement, sync, status).
    #[command(subcommand)]
    Controller(commands::controller::ControllerCommand),
    /// Publish the TMC API: in kcp as an APIExport (and bind it), else as CRDs.
    Install(commands::install::InstallArgs),
    /// Remove what `install` published; refuses while TMC objects exist unless --force.
    Uninstall(commands::install::UninstallArgs),
    /// Print the client version, and the server's when it can be reached.
    Version(commands::version::VersionArgs),
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish).
    Completion(commands::completion::CompletionArgs),
    /// Show the settings in effect and where each comes from (flag, environment, config file).
    #[command(subcommand)]
    Config(commands::config::ConfigCommand),
    /// Use tmcctl as a kubectl plugin: `kubectl tmc …`.
    #[command(subcommand)]
    Plugin(commands::plugin::PluginCommand),
}

impl Command {
    /// Commands that run even when the config file is broken: they help fix it.
    pub fn works_without_config(&self) -> bool {
        matches!(self, Command::Config(_) | Command::Completion(_))
    }
}

impl Cli {
    /// Where the command sends traces, if it traces at all (only the controller does).
    pub fn trace_settings(
        &self,
    ) -> Result<Option<crate::observability::traces::TraceSettings>, crate::error::CliError> {
        match &self.command {
            Command::Controller(commands::controller::ControllerCommand::Run(args)) => args.tracing.settings(),
            _ => Ok(None),
        }
    }
}

/// Parses a label selector (full Kubernetes grammar); errors give the position.
pub fn parse_selector(text: &str) -> Result<crate::selector::LabelSelector, String> {
    crate::selector::LabelSelector::parse(text).map_err(|e| format!("selector \"{text}\": {e}"))
}

/// Parses a duration such as `30s`, `2m`, `1h30m`; `0` means no limit.
pub fn parse_duration(text: &str) -> Result<Duration, String> {
    if text == "0" {
        return Ok(Duration::ZERO);
    }
    humantime::parse_duration(text)
        .map_err(|e| format!("\"{text}\" is not a duration ({e}); write it with a unit, such as 30s, 2m or 1h"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn command_tree_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn list_valued_flags_parse_as_one_value() {
        let parse = |args: &[&str]| Cli::try_parse_from(args).map(|_| ()).map_err(|e| e.to_string());
        assert_eq!(
            parse(&["tmcctl", "cluster", "update", "x", "--labels", "a=b,c-", "--capabilities", "gpu:true"]),
            Ok(())
        );
        let register = ["tmcctl", "cluster", "register", "x", "--cluster-kubeconfig", "f", "--location", "l"];
        assert_eq!(
            parse(&[&register[..], &["--labels", "a=b", "--capabilities", "gpu:true,arm:false"]].concat()),
            Ok(())
        );
        assert!(parse(&[&register[..], &["--capabilities", "gpu:yes"]].concat()).unwrap_err().contains("\"yes\""));
    }

    #[test]
    fn durations_need_units() {
        assert_eq!(parse_duration("30s"), Ok(Duration::from_secs(30)));
        assert_eq!(parse_duration("1m30s"), Ok(Duration::from_secs(90)));
        assert_eq!(parse_duration("0"), Ok(Duration::ZERO));
        assert!(parse_duration("30").unwrap_err().contains("\"30\""));
        assert!(parse_duration("soon").is_err());
    }
}
