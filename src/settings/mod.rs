//! Settings resolved once, before any command runs: flags and environment become plain values.
//! Environment-variable names live here and nowhere else; the config file's keys are read
//! from the command tree in [`file`].

pub mod file;

use crate::cli::GlobalArgs;
use crate::client::ConnectionSettings;

/// Default workspace for every command (same as `--workspace`).
pub const ENV_WORKSPACE: &str = "TMCCTL_WORKSPACE";
/// Default request timeout (same as `--request-timeout`).
pub const ENV_REQUEST_TIMEOUT: &str = "TMCCTL_REQUEST_TIMEOUT";
/// Default output format of commands that print objects (same as `-o`).
pub const ENV_OUTPUT: &str = "TMCCTL_OUTPUT";
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

/// The config file as this run read it, and — for `config view`, the one command that shows
/// them — where the settings in effect came from.
pub struct Loaded {
    pub file: file::ConfigFile,
    /// Why the file could not be used (only commands that help fix it run then).
    pub broken: Option<file::ConfigError>,
    pub origins: Vec<Origin>,
}

impl Loaded {
    /// `matches` is the command line parsed with `file` applied.
    pub fn new(
        file: file::ConfigFile,
        broken: Option<file::ConfigError>,
        matches: &clap::ArgMatches,
        command: &crate::cli::Command,
    ) -> Self {
        let origins = match command {
            crate::cli::Command::Config(_) => {
                origins(&<crate::cli::Cli as clap::CommandFactory>::command(), matches, &file)
            }
            _ => Vec::new(),
        };
        Loaded { file, broken, origins }
    }
}

/// Where a setting's value came from, strongest first.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Source {
    Flag,
    Environment,
    ConfigFile,
    Default,
    Unset,
}

/// One setting in effect, for `config view`.
#[derive(Clone, Debug, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Origin {
    pub key: String,
    pub flag: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    pub source: Source,
    /// The variable or file the value came from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
}

/// Every setting of the config file's keys as `matches` (parsed with `file` applied) has it.
/// Global flags are read from `matches`; the others (`-o`, `controller run` flags) are not on
/// every command line, so their value is the one a command that has them would get.
pub fn origins(root: &clap::Command, matches: &clap::ArgMatches, file: &file::ConfigFile) -> Vec<Origin> {
    use clap::parser::ValueSource;
    let file_name = file.path.as_ref().map(|p| p.display().to_string());
    file::settings(root)
        .into_iter()
        .map(|setting| {
            let env = setting.env.as_ref().and_then(|name| std::env::var(name).ok().map(|v| (name.clone(), v)));
            let in_file = file.values.get(&setting.key).cloned();
            let global = setting.scope == file::Scope::Global;
            let (value, source, from) = match global.then(|| matches.value_source(&setting.id)).flatten() {
                Some(ValueSource::CommandLine) => (raw(matches, &setting.id), Source::Flag, None),
                Some(ValueSource::EnvVariable) => (raw(matches, &setting.id), Source::Environment, setting.env.clone()),
                _ => match (env, in_file) {
                    // Global flags' own variables were seen by clap above; this is another
                    // command's flag (`-o`) or a variable the client reads (KUBECONFIG).
                    (Some((name, value)), _) if !value.is_empty() => (Some(value), Source::Environment, Some(name)),
                    (_, Some(value)) => (Some(value), Source::ConfigFile, file_name.clone()),
                    _ if setting.default.is_some() => (setting.default.clone(), Source::Default, None),
                    _ => (None, Source::Unset, None),
                },
            };
            Origin { key: setting.key, flag: setting.flag, value, source, from }
        })
        .collect()
}

fn raw(matches: &clap::ArgMatches, id: &str) -> Option<String> {
    let values = matches.try_get_raw(id).ok().flatten()?;
    Some(values.map(|v| v.to_string_lossy().into_owned()).collect::<Vec<_>>().join(","))
}
