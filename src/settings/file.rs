//! The config file: defaults for flags, read once before the command line is parsed.
//!
//! `~/.config/tmcctl/config.yaml` (or `$TMCCTL_CONFIG`) → keys checked against the command
//! tree → each value checked by its flag's own parser → set as that flag's default. The
//! precedence is then clap's own: flag > environment variable > config file > built-in default.
//!
//! ```yaml
//! workspace: root:team-a          # any global flag, in camelCase
//! output: wide                    # -o of every command that prints objects
//! requestTimeout: 45s
//! controller:                     # any flag of `controller run`, in camelCase
//!   probeInterval: 20s
//!   leaderElect: false
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use clap::{Arg, Command};
use serde_json::Value;

use crate::api::manifest::ManifestFile;

/// Names another config file (which must then exist).
pub const ENV_CONFIG: &str = "TMCCTL_CONFIG";

/// Variables that set a flag without clap knowing (the client reads them when the flag is
/// absent); they rank above the file like any environment variable.
const EXTERNAL_ENV: &[(&str, &str)] = &[("kubeconfig", "KUBECONFIG")];

/// Global flags that are not settings a file should hold.
const NOT_SETTINGS: &[&str] = &["verbose", "help", "version"];
/// `controller run` flags that describe one run, not a standing setting.
const NOT_CONTROLLER_SETTINGS: &[&str] = &["once", "help", "version"];

/// Where a setting sits in the command tree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scope {
    /// A global flag (defined on the root, accepted by every command).
    Global,
    /// `-o` of every command that has it.
    Output,
    /// A flag of `controller run`.
    Controller,
}

/// One key the file may hold.
#[derive(Clone, Debug)]
pub struct Setting {
    /// As written in the file: `requestTimeout`, `controller.probeInterval`.
    pub key: String,
    /// The clap argument id.
    pub id: String,
    /// The flag, for messages: `--request-timeout`.
    pub flag: String,
    pub scope: Scope,
    /// The built-in default, if the flag has one.
    pub default: Option<String>,
    /// The environment variable that also sets it, if any.
    pub env: Option<String>,
}

/// A config file that was read and checked, or none.
#[derive(Clone, Debug, Default)]
pub struct ConfigFile {
    /// The file read; `None` when there is none at the default place.
    pub path: Option<PathBuf>,
    /// Key (as in [`Setting::key`]) → value, as text for the flag's parser.
    pub values: BTreeMap<String, String>,
}

/// The config file could not be used. Every message names the file; key errors name the key.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("config file {path}: {cause}")]
    Unreadable { path: String, cause: String },
    #[error("config file {path}: unknown key \"{key}\"{}", nearest.as_ref().map(|n| format!(" (did you mean \"{n}\"?)")).unwrap_or_default())]
    UnknownKey { path: String, key: String, nearest: Option<String> },
    #[error("config file {path}: {key}: {what}")]
    BadValue { path: String, key: String, what: String },
}

impl ConfigError {
    /// What to do about it.
    pub fn hint(&self) -> String {
        match self {
            ConfigError::UnknownKey { .. } => {
                "fix or remove the key; `tmcctl config view` lists every key the file may hold".into()
            }
            ConfigError::BadValue { .. } => "fix the value, or remove the key to use the built-in default".into(),
            ConfigError::Unreadable { .. } => format!("fix the file, or point {ENV_CONFIG} at another one"),
        }
    }
}

/// Where the config file is: `$TMCCTL_CONFIG` (explicit: must exist), else
/// `<config dir>/tmcctl/config.yaml` (read when it exists).
pub fn location() -> Option<(PathBuf, bool)> {
    match std::env::var_os(ENV_CONFIG).filter(|v| !v.is_empty()) {
        Some(path) => Some((PathBuf::from(path), true)),
        None => dirs::config_dir().map(|dir| (dir.join("tmcctl").join("config.yaml"), false)),
    }
}

/// Every key the file may hold, read from the command tree (so a new flag is a new key).
pub fn settings(root: &Command) -> Vec<Setting> {
    // Built, flags show the defaults clap gives them (`false` for a switch).
    let mut root = root.clone();
    root.build();
    let root = &root;
    let mut found = Vec::new();
    for arg in root.get_arguments().filter(|a| a.is_global_set()) {
        if let Some(setting) = setting(arg, Scope::Global, "", NOT_SETTINGS) {
            found.push(setting);
        }
    }
    if let Some(arg) = first_output_arg(root) {
        found.extend(setting(arg, Scope::Output, "", &[]));
    }
    let run = root.find_subcommand("controller").and_then(|c| c.find_subcommand("run"));
    for arg in run.into_iter().flat_map(Command::get_arguments).filter(|a| !a.is_global_set()) {
        found.extend(setting(arg, Scope::Controller, "controller.", NOT_CONTROLLER_SETTINGS));
    }
    found
}

fn setting(arg: &Arg, scope: Scope, prefix: &str, excluded: &[&str]) -> Option<Setting> {
    let id = arg.get_id().as_str();
    let long = arg.get_long()?;
    if excluded.contains(&id) || arg.is_positional() {
        return None;
    }
    let default = arg.get_default_values().first().map(|v| v.to_string_lossy().into_owned());
    Some(Setting {
        key: format!("{prefix}{}", camel_case(long)),
        id: id.to_string(),
        flag: format!("--{long}"),
        scope,
        default,
        env: arg
            .get_env()
            .map(|e| e.to_string_lossy().into_owned())
            .or_else(|| EXTERNAL_ENV.iter().find(|(flag_id, _)| *flag_id == id).map(|(_, name)| name.to_string())),
    })
}

fn first_output_arg(command: &Command) -> Option<&Arg> {
    command
        .get_arguments()
        .find(|a| a.get_id() == "output")
        .or_else(|| command.get_subcommands().find_map(first_output_arg))
}

/// `request-timeout` → `requestTimeout`.
fn camel_case(flag: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in flag.chars() {
        match c {
            '-' => upper = true,
            c if upper => {
                out.extend(c.to_uppercase());
                upper = false;
            }
            c => out.push(c),
        }
    }
    out
}

impl ConfigFile {
    /// Reads the file at [`location`], if any, and checks every key and value against `root`.
    pub fn load(root: &Command) -> Result<Self, ConfigError> {
        let Some((path, explicit)) = location() else { return Ok(ConfigFile::default()) };
        if !explicit && !path.exists() {
            return Ok(ConfigFile::default());
        }
        Self::read(&path, root)
    }

    /// Reads and checks the file at `path`.
    pub fn read(path: &Path, root: &Command) -> Result<Self, ConfigError> {
        let name = path.display().to_string();
        let unreadable = |cause: String| ConfigError::Unreadable { path: name.clone(), cause };
        if !path.exists() {
            return Err(unreadable(format!("does not exist (named by {ENV_CONFIG})")));
        }
        let documents = ManifestFile::read(path).and_then(|f| f.documents()).map_err(|e| unreadable(e.to_string()))?;
        let document = match documents.as_slice() {
            [] => return Ok(ConfigFile { path: Some(path.to_path_buf()), values: BTreeMap::new() }),
            [one] => one,
            _ => return Err(unreadable("holds more than one YAML document; keep one".into())),
        };
        let known = settings(root);
        let mut values = BTreeMap::new();
        flatten(document, "", &name, &known, &mut values)?;
        for (key, value) in &values {
            let setting = known.iter().find(|s| &s.key == key).expect("flatten keeps known keys only");
            check_value(root, setting, value).map_err(|what| ConfigError::BadValue {
                path: name.clone(),
                key: key.clone(),
                what,
            })?;
        }
        Ok(ConfigFile { path: Some(path.to_path_buf()), values })
    }

    /// `root` with the file's values as the defaults of their flags.
    pub fn apply(&self, mut root: Command) -> Command {
        let known = settings(&root);
        for (key, value) in &self.values {
            let Some(setting) = known.iter().find(|s| &s.key == key) else { continue };
            // The environment beats the file; clap knows its own variables, not KUBECONFIG.
            if setting.env.as_ref().is_some_and(|name| std::env::var_os(name).is_some_and(|v| !v.is_empty())) {
                continue;
            }
            let id = setting.id.clone();
            let value = value.clone();
            root = match setting.scope {
                Scope::Global => root.mut_arg(id, |a| a.default_value(value)),
                Scope::Output => with_output_default(root, &value),
                Scope::Controller => root.mut_subcommand("controller", |c| {
                    c.mut_subcommand("run", |r| r.mut_arg(id, |a| a.default_value(value)))
                }),
            };
        }
        root
    }
}

fn with_output_default(mut command: Command, value: &str) -> Command {
    if command.get_arguments().any(|a| a.get_id() == "output") {
        command = command.mut_arg("output", |a| a.default_value(value.to_string()));
    }
    let names: Vec<String> = command.get_subcommands().map(|c| c.get_name().to_string()).collect();
    for name in names {
        command = command.mut_subcommand(name, |c| with_output_default(c, value));
    }
    command
}

/// The mapping's keys, checked against `known`, with `controller` as the one nested section.
fn flatten(
    value: &Value,
    prefix: &str,
    path: &str,
    known: &[Setting],
    out: &mut BTreeMap<String, String>,
) -> Result<(), ConfigError> {
    let Value::Object(map) = value else {
        let what = if prefix.is_empty() { "the file" } else { prefix.trim_end_matches('.') };
        return Err(ConfigError::Unreadable { path: path.into(), cause: format!("{what} must be a mapping of keys") });
    };
    for (name, value) in map {
        let key = format!("{prefix}{name}");
        if prefix.is_empty() && name == "controller" {
            flatten(value, "controller.", path, known, out)?;
            continue;
        }
        if !known.iter().any(|s| s.key == key) {
            let nearest = nearest(&key, known.iter().map(|s| s.key.as_str()));
            return Err(ConfigError::UnknownKey { path: path.into(), key, nearest });
        }
        let text = match value {
            Value::String(s) => s.clone(),
            Value::Bool(b) => b.to_string(),
            Value::Number(n) => n.to_string(),
            Value::Null => {
                return Err(ConfigError::BadValue { path: path.into(), key, what: "has no value".into() });
            }
            Value::Array(_) | Value::Object(_) => {
                let what = "must be one value (a string, number or true/false)".to_string();
                return Err(ConfigError::BadValue { path: path.into(), key, what });
            }
        };
        out.insert(key, text);
    }
    Ok(())
}

/// The known key most like `key`, if any is close (typos, wrong case, snake_case).
fn nearest<'a>(key: &str, known: impl Iterator<Item = &'a str>) -> Option<String> {
    let plain = |s: &str| s.to_lowercase().replace(['_', '-'], "");
    known
        .map(|k| (strsim::jaro(&plain(key), &plain(k)), k))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k.to_string())
}

/// Runs the flag's own parser on the value, so the file is held to what the flag accepts.
fn check_value(root: &Command, setting: &Setting, value: &str) -> Result<(), String> {
    let owner = match setting.scope {
        Scope::Global => Some(root),
        Scope::Output => first_output_owner(root),
        Scope::Controller => root.find_subcommand("controller").and_then(|c| c.find_subcommand("run")),
    };
    let Some(owner) = owner else { return Ok(()) };
    let Some(arg) = owner.get_arguments().find(|a| a.get_id() == setting.id.as_str()) else { return Ok(()) };
    // The flag's parser and action alone (none of its ties to other flags), with the value as
    // its default: clap parses defaults exactly as it parses the command line.
    let check = Arg::new("value")
        .long("value")
        .action(arg.get_action().clone())
        .value_parser(arg.get_value_parser().clone())
        .default_value(value.to_string());
    Command::new("config").arg(check).try_get_matches_from(["config"]).map(|_| ()).map_err(|e| {
        let why = std::error::Error::source(&e).map(|s| s.to_string());
        let accepted: Vec<String> = arg.get_possible_values().iter().map(|v| v.get_name().to_string()).collect();
        let why = why.unwrap_or_else(|| match accepted.is_empty() {
            true => format!("\"{value}\" is not a value {} accepts", setting.flag),
            false => format!("\"{value}\" is not one of {}", accepted.join(", ")),
        });
        format!("{why} (the value of {})", setting.flag)
    })
}

fn first_output_owner(command: &Command) -> Option<&Command> {
    if command.get_arguments().any(|a| a.get_id() == "output") {
        return Some(command);
    }
    command.get_subcommands().find_map(first_output_owner)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    fn read(text: &str) -> Result<ConfigFile, ConfigError> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.yaml");
        std::fs::write(&path, text).unwrap();
        ConfigFile::read(&path, &crate::cli::Cli::command())
    }

    fn parse(file: &ConfigFile, args: &[&str]) -> crate::cli::Cli {
        use clap::FromArgMatches;
        let matches = file.apply(crate::cli::Cli::command()).try_get_matches_from(args).unwrap();
        crate::cli::Cli::from_arg_matches(&matches).unwrap()
    }

    #[test]
    fn keys_are_the_flags_in_camel_case() {
        let keys: Vec<String> = settings(&crate::cli::Cli::command()).into_iter().map(|s| s.key).collect();
        for key in ["workspace", "requestTimeout", "output", "controller.probeInterval", "controller.leaderElect"] {
            assert!(keys.contains(&key.to_string()), "{key} missing from {keys:?}");
        }
        assert!(!keys.iter().any(|k| k == "verbose" || k == "controller.once"));
    }

    #[test]
    fn file_values_become_defaults_that_flags_still_override() {
        let file = read("requestTimeout: 45s\noutput: wide\ncontroller:\n  probeInterval: 20s\n").unwrap();
        let cli = parse(&file, &["tmcctl", "cluster", "list"]);
        assert_eq!(cli.global.request_timeout, std::time::Duration::from_secs(45));
        let cli = parse(&file, &["tmcctl", "cluster", "list", "--request-timeout", "5s"]);
        assert_eq!(cli.global.request_timeout, std::time::Duration::from_secs(5));
        let crate::cli::Command::Controller(crate::commands::controller::ControllerCommand::Run(run)) =
            parse(&file, &["tmcctl", "controller", "run"]).command
        else {
            panic!("not controller run")
        };
        assert_eq!(run.probe_interval, std::time::Duration::from_secs(20));
    }

    #[test]
    fn an_unknown_key_is_named_with_the_nearest_known_one() {
        let err = read("request_timeout: 45s\n").unwrap_err();
        assert!(
            err.to_string().contains("unknown key \"request_timeout\" (did you mean \"requestTimeout\"?)"),
            "{err}"
        );
        let err = read("controller:\n  probeIntervall: 1s\n").unwrap_err();
        assert!(err.to_string().contains("\"controller.probeInterval\""), "{err}");
        let err = read("colour: blue\n").unwrap_err();
        assert!(err.to_string().ends_with("unknown key \"colour\""), "{err}");
    }

    #[test]
    fn a_malformed_value_is_refused_with_its_key_never_defaulted() {
        let err = read("requestTimeout: soon\n").unwrap_err();
        assert!(err.to_string().contains("requestTimeout:") && err.to_string().contains("--request-timeout"), "{err}");
        let err = read("controller:\n  leaderElect: maybe\n").unwrap_err();
        assert!(err.to_string().contains("controller.leaderElect"), "{err}");
        assert!(read("workspace:\n").unwrap_err().to_string().contains("has no value"));
        assert!(read("output: [json]\n").unwrap_err().to_string().contains("one value"));
        assert!(read("- a\n").unwrap_err().to_string().contains("mapping"));
    }

    #[test]
    fn an_empty_file_sets_nothing() {
        assert!(read("").unwrap().values.is_empty());
        assert!(read("# only a comment\n").unwrap().values.is_empty());
    }
}
