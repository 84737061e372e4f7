//! `tmcctl version`: the client version offline; the server's (and whether it is kcp) when
//! it answers.

use clap::Args;
use serde::Serialize;

use crate::cli::OutputArgs;
use crate::client::{Connection, ConnectionSettings, ServerInfo};
use crate::error::CliError;
use crate::output::Printer;

/// Arguments of `tmcctl version`.
#[derive(Debug, Args)]
pub struct VersionArgs {
    /// Only the client version; make no network call.
    #[arg(long)]
    pub client: bool,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct VersionReport {
    client_version: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    server_version: Option<ServerInfo>,
    #[serde(skip_serializing_if = "Option::is_none")]
    workspace: Option<String>,
}

/// Prints the versions; fails (after printing the client version) when the server cannot be
/// reached, as kubectl does.
pub async fn run(args: VersionArgs, settings: &ConnectionSettings) -> Result<(), CliError> {
    let printer = Printer::new(args.output.output, args.output.no_headers);
    let mut report =
        VersionReport { client_version: env!("CARGO_PKG_VERSION").to_string(), server_version: None, workspace: None };
    let mut failure = None;
    if !args.client {
        match server(settings).await {
            Ok((info, workspace)) => {
                report.server_version = Some(info);
                report.workspace = workspace;
            }
            Err(e) => failure = Some(e),
        }
    }
    printer.value(&report, || {
        let mut text = format!("Client Version: {}\n", report.client_version);
        if let Some(server) = &report.server_version {
            let flavour = if server.is_kcp { "kcp" } else { "Kubernetes" };
            text.push_str(&format!("Server Version: {} ({flavour})\n", server.git_version));
        }
        if let Some(ws) = &report.workspace {
            text.push_str(&format!("Workspace: {ws}\n"));
        }
        text
    })?;
    failure.map_or(Ok(()), Err)
}

async fn server(settings: &ConnectionSettings) -> Result<(ServerInfo, Option<String>), CliError> {
    let connection = Connection::open(settings).await?;
    let info = connection.server_info().await?;
    let workspace = if info.is_kcp { connection.workspace().map(|w| w.to_string()) } else { None };
    Ok((info, workspace))
}
