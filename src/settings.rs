//! Settings resolved once, before any command runs: flags and environment become plain values.
//! Environment-variable names live here and nowhere else.

use crate::cli::GlobalArgs;
use crate::client::ConnectionSettings;

/// Default workspace for every command (same as `--workspace`).
pub const ENV_WORKSPACE: &str = "TMCCTL_WORKSPACE";
/// Log filter in `tracing` syntax; overrides `-v`.
pub const ENV_LOG: &str = "TMCCTL_LOG";

/// Turns the global flags into connection settings.
pub fn connection(global: &GlobalArgs) -> ConnectionSettings {
    ConnectionSettings {
        kubeconfig: global.kubeconfig.clone(),
        context: global.context.clone(),
        workspace: global.workspace.clone(),
        request_timeout: Some(global.request_timeout).filter(|t| !t.is_zero()),
        limits: Default::default(),
    }
}

/// The log filter for `-v` levels, unless `TMCCTL_LOG` says otherwise.
pub fn log_filter(verbose: u8) -> String {
    if let Ok(filter) = std::env::var(ENV_LOG) {
        if !filter.is_empty() {
            return filter;
        }
    }
    // At the default level only tmcctl's own warnings show: errors of the libraries below are
    // reported once, by tmcctl, with their context.
    match verbose {
        0 => "tmcctl=warn",
        1 => "info",
        2 => "debug",
        _ => "trace",
    }
    .to_string()
}
