//! One module per command group; each turns settled arguments into calls of the core and the
//! client, and hands results to the [`Printer`](crate::output::Printer). This file only
//! dispatches, and starts the async runtime for the commands that talk to servers. Ctrl-C is
//! handled here, once for every command but `controller run` (which has its own shutdown).

pub mod backup;
pub mod cluster;
pub mod completion;
pub mod config;
pub mod controller;
pub mod doctor;
pub mod install;
pub mod metrics;
pub mod placement;
pub mod plugin;
pub mod preflight;
pub mod rbac;
pub mod serving;
pub mod status;
pub mod traces;
pub mod version;
pub mod workload;

use std::future::Future;

use crate::cli::{Cli, Command};
use crate::client::{ClientError, Connection, ConnectionSettings};
use crate::error::{CliError, ExitKind};
use crate::settings;

/// Runs the parsed command line.
pub fn run(cli: Cli, loaded: settings::Loaded) -> Result<(), CliError> {
    let connection = settings::connection(&cli.global);
    match cli.command {
        // Offline commands stay off the runtime, so they start in a millisecond.
        Command::Completion(args) => completion::run(args),
        Command::Config(config::ConfigCommand::View(args)) => config::run(args, loaded),
        Command::Plugin(plugin::PluginCommand::Install(args)) => plugin::install(args),
        command => {
            // The controller gets every core: lease renewal, probes, reconciles, `/metrics` and
            // scheduled backups must not wait on one another. A command makes a few requests:
            // one thread starts faster.
            let mut builder = match command {
                Command::Controller(_) => tokio::runtime::Builder::new_multi_thread(),
                _ => tokio::runtime::Builder::new_current_thread(),
            };
            let runtime = builder
                .enable_all()
                .build()
                .map_err(|e| CliError::new(ExitKind::Failure, format!("cannot start the async runtime: {e}")))?;
            // `controller run` handles its own signals: SIGTERM is a clean stop, SIGINT exits 130;
            // `restore` stops between writes and leaves a journal.
            let own_signals = matches!(command, Command::Controller(_) | Command::Restore(_));
            let outcome = runtime.block_on(async {
                let work = dispatch(command, connection, loaded);
                if own_signals {
                    work.await
                } else {
                    interruptible(work).await
                }
            });
            if outcome.as_ref().is_err_and(|e| e.kind == ExitKind::Interrupted) {
                // Dropping the runtime would wait for blocking tasks (a DNS lookup, say).
                runtime.shutdown_background();
            }
            outcome
        }
    }
}

/// Runs `work` until it ends or Ctrl-C (SIGINT) arrives. On Ctrl-C the work is dropped at
/// once, with any request in flight, instead of waiting out `--request-timeout`.
async fn interruptible(work: impl Future<Output = Result<(), CliError>>) -> Result<(), CliError> {
    tokio::select! {
        // Polled first, so the handler is in place before the work starts.
        biased;
        // Without a handler (it could not be installed) SIGINT keeps its default: the process ends.
        Ok(()) = tokio::signal::ctrl_c() => Err(CliError::new(ExitKind::Interrupted, "interrupted")),
        outcome = work => outcome,
    }
}

/// The first of SIGINT and SIGTERM.
pub(crate) async fn stop_signal() -> crate::controller::Stop {
    let mut terminate = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()).ok();
    tokio::select! {
        _ = tokio::signal::ctrl_c() => crate::controller::Stop::Interrupt,
        _ = async { match terminate.as_mut() { Some(t) => { t.recv().await; } None => std::future::pending().await } } => crate::controller::Stop::Terminate,
    }
}

/// Asks `question` on a terminal before a destructive `action` (e.g. `unregister cluster "pc1"`).
/// Without a terminal it refuses rather than block or assume: the caller passes `--yes` then.
pub fn confirm(printer: &crate::output::Printer, question: &str, action: &str) -> Result<(), CliError> {
    match printer.confirm(question)? {
        Some(true) => Ok(()),
        Some(false) => Err(CliError::new(ExitKind::Conflict, format!("did not {action}: declined at the prompt"))),
        None => Err(CliError::usage(format!("refusing to {action} without confirmation: no terminal to ask on"))
            .with_hint("pass --yes")),
    }
}

/// The workspaces that bind the TMC API of `provider`.
pub(crate) async fn bound_workspaces(
    connection: &Connection,
    provider: &crate::client::WorkspacePath,
) -> Result<Vec<crate::client::WorkspacePath>, CliError> {
    connection.for_workspace(provider).bound_workspaces(crate::install::EXPORT_NAME).await.map_err(|e| {
        let e = CliError::from(e);
        CliError {
            message: format!("cannot list the workspaces that bind the TMC API of {provider}: {}", e.message),
            ..e
        }
    })
}

/// Turns a client error into a CLI error that says when the workspace is missing or the
/// TMC API is not bound there.
pub async fn explain_tmc_error(connection: &Connection, err: ClientError) -> CliError {
    match connection.explain_workspace(err).await {
        e @ ClientError::NotFound { .. } if !e.to_string().contains("workspace") => {
            CliError::from(e).with_hint(format!(
                "is the TMC API bound in {}? run `tmcctl install --bind <workspace>`",
                connection.workspace().map(|w| w.to_string()).unwrap_or_else(|| connection.url())
            ))
        }
        e => e.into(),
    }
}

async fn dispatch(command: Command, connection: ConnectionSettings, loaded: settings::Loaded) -> Result<(), CliError> {
    match command {
        Command::Cluster(cmd) => cluster::run(cmd, &connection).await,
        Command::Install(args) => install::install(args, &connection).await,
        Command::Uninstall(args) => install::uninstall(args, &connection).await,
        Command::Version(args) => version::run(args, &connection).await,
        Command::Status(args) => status::run(args, &connection).await,
        Command::Doctor(args) => doctor::run(args, &connection).await,
        Command::Placement(cmd) => placement::run(cmd, &connection).await,
        Command::Workload(cmd) => workload::run(cmd, &connection).await,
        Command::Rbac(cmd) => rbac::run(cmd, &connection).await,
        Command::Backup(cmd) => backup::run(cmd, &connection).await,
        Command::Restore(args) => backup::restore::run(args, &connection).await,
        Command::Metrics(cmd) => metrics::run(cmd, &connection).await,
        Command::Controller(cmd) => controller::run(cmd, &connection).await,
        Command::Completion(args) => completion::run(args),
        Command::Config(config::ConfigCommand::View(args)) => config::run(args, loaded),
        Command::Plugin(plugin::PluginCommand::Install(args)) => plugin::install(args),
    }
}
