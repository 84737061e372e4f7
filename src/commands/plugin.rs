//! kubectl plugin mode. kubectl runs `kubectl-tmc` from PATH for `kubectl tmc …`, with the
//! words after `tmc`; for completion it runs `kubectl_complete-tmc __complete <words>` and reads
//! candidates in cobra's format. Both names are links to this binary, told apart by argv[0];
//! `plugin install` makes them.
//!
//! kubectl hands a plugin its environment and the words after the plugin's name, nothing it
//! parsed itself, so kubectl's flags reach us as words: `--kubeconfig`, `--context` and
//! `--request-timeout` mean here what they mean to kubectl, and the workspace comes from the
//! current context's server URL, as `kubectl ws` leaves it.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};

use crate::error::{CliError, ExitKind};
use crate::output::Printer;

/// The plugin's executable name: kubectl finds `kubectl-tmc` for `kubectl tmc`.
pub const PLUGIN_NAME: &str = "kubectl-tmc";
/// kubectl (1.26+) runs this for `kubectl tmc <TAB>`.
pub const COMPLETER_NAME: &str = "kubectl_complete-tmc";

/// How this process was started.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Invocation {
    /// As `tmcctl`.
    Direct,
    /// As `kubectl tmc` (argv[0] `kubectl-tmc`).
    Plugin,
    /// As kubectl's completer for `kubectl tmc`.
    Completer,
}

impl Invocation {
    /// Tells the invocation from argv[0] (a path; `.exe` and the like are ignored).
    pub fn from_argv0(argv0: Option<&OsString>) -> Self {
        let stem =
            argv0.and_then(|a| Path::new(a).file_stem().map(|s| s.to_string_lossy().into_owned())).unwrap_or_default();
        match stem.as_str() {
            PLUGIN_NAME => Invocation::Plugin,
            COMPLETER_NAME => Invocation::Completer,
            _ => Invocation::Direct,
        }
    }
}

/// `tmcctl plugin …`
#[derive(Debug, Subcommand)]
pub enum PluginCommand {
    /// Link kubectl-tmc (and its completer, kubectl_complete-tmc) to this binary, so that
    /// `kubectl tmc …` runs tmcctl and completes its words.
    Install(InstallArgs),
}

/// Arguments of `plugin install`.
#[derive(Debug, Args)]
pub struct InstallArgs {
    /// The directory for the links; it must be on PATH for kubectl to find them (default:
    /// the directory holding this binary).
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
    /// Replace files of those names that are not links to this binary.
    #[arg(long)]
    pub force: bool,
}

/// Makes the two links; a link already pointing at this binary is left as it is.
pub fn install(args: InstallArgs) -> Result<(), CliError> {
    let printer = Printer::default();
    let binary = std::env::current_exe()
        .and_then(|p| p.canonicalize())
        .map_err(|e| CliError::new(ExitKind::Failure, format!("cannot tell where this binary is: {e}")))?;
    let dir = match args.dir {
        Some(dir) => dir,
        None => binary.parent().map(Path::to_path_buf).unwrap_or_else(|| PathBuf::from(".")),
    };
    if !dir.is_dir() {
        return Err(CliError::usage(format!("--dir {}: not a directory", dir.display()))
            .with_hint("create it first, or name a directory on PATH"));
    }
    for name in [PLUGIN_NAME, COMPLETER_NAME] {
        let link = dir.join(name);
        let existing = std::fs::symlink_metadata(&link).ok();
        if existing.is_some() {
            if link.canonicalize().is_ok_and(|target| target == binary) {
                printer.status(&format!("{} already links to {}", link.display(), binary.display()))?;
                continue;
            }
            if !args.force {
                return Err(CliError::new(
                    ExitKind::Conflict,
                    format!("{} exists and is not a link to {}", link.display(), binary.display()),
                )
                .with_hint("remove it, or pass --force to replace it"));
            }
            std::fs::remove_file(&link).map_err(|e| cannot_write(&link, &e))?;
        }
        std::os::unix::fs::symlink(&binary, &link).map_err(|e| cannot_write(&link, &e))?;
        printer.status(&format!("linked {} to {}", link.display(), binary.display()))?;
    }
    let on_path = std::env::var_os("PATH")
        .is_some_and(|path| std::env::split_paths(&path).any(|p| p.canonicalize().ok() == dir.canonicalize().ok()));
    if !on_path {
        printer.warn(&format!("{} is not on PATH: kubectl will not find the plugin until it is", dir.display()))?;
    }
    Ok(())
}

fn cannot_write(link: &Path, e: &std::io::Error) -> CliError {
    CliError::new(ExitKind::Failure, format!("cannot write {}: {e}", link.display()))
        .with_hint("pick a directory you can write with --dir")
}

/// cobra's "do not complete file names" directive: every word of tmcctl is known to it.
const NO_FILE_COMPLETION: u8 = 4;

/// Answers kubectl's completion request: `__complete <word>… <partial word>` (or
/// `__completeNoDesc`) → one candidate per line (`value<TAB>help`), then `:<directive>`.
pub fn complete(args: &[OsString], root: &mut clap::Command) -> String {
    let (describe, words) = match args.first().and_then(|a| a.to_str()) {
        Some("__complete") => (true, &args[1..]),
        Some("__completeNoDesc") => (false, &args[1..]),
        _ => (true, args),
    };
    let mut line: Vec<OsString> = vec![PLUGIN_NAME.into()];
    line.extend(words.iter().cloned());
    if words.is_empty() {
        line.push(OsString::new());
    }
    let index = line.len() - 1;
    let candidates = clap_complete::engine::complete(root, line, index, None).unwrap_or_default();
    let mut out = String::new();
    for candidate in candidates.iter().filter(|c| !c.is_hide_set()) {
        out.push_str(&candidate.get_value().to_string_lossy());
        if let Some(help) = candidate.get_help().filter(|_| describe) {
            let help = help.to_string();
            out.push('\t');
            out.push_str(help.lines().next().unwrap_or_default());
        }
        out.push('\n');
    }
    out.push_str(&format!(":{NO_FILE_COMPLETION}\n"));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    fn complete_words(words: &[&str]) -> String {
        let args: Vec<OsString> = std::iter::once("__complete").chain(words.iter().copied()).map(Into::into).collect();
        complete(&args, &mut crate::cli::Cli::command())
    }

    #[test]
    fn argv0_tells_plugin_completer_and_direct_apart() {
        let from = |s: &str| Invocation::from_argv0(Some(&OsString::from(s)));
        assert_eq!(from("/usr/local/bin/kubectl-tmc"), Invocation::Plugin);
        assert_eq!(from("kubectl_complete-tmc"), Invocation::Completer);
        assert_eq!(from("/opt/tmcctl"), Invocation::Direct);
        assert_eq!(Invocation::from_argv0(None), Invocation::Direct);
    }

    #[test]
    fn completion_answers_in_cobras_format() {
        let out = complete_words(&["cluster", "li"]);
        assert!(out.lines().any(|l| l.starts_with("list\t")), "{out}");
        assert_eq!(out.lines().last(), Some(":4"), "{out}");
        let out = complete_words(&[""]);
        for group in ["cluster", "placement", "workload", "status", "doctor"] {
            assert!(out.lines().any(|l| l.split('\t').next() == Some(group)), "{group} missing: {out}");
        }
        let out = complete_words(&["cluster", "list", "--cont"]);
        assert!(out.lines().any(|l| l.starts_with("--context")), "{out}");
    }

    #[test]
    fn completion_without_descriptions_has_no_tabs() {
        let args: Vec<OsString> = ["__completeNoDesc", "cluster", ""].map(OsString::from).to_vec();
        let out = complete(&args, &mut crate::cli::Cli::command());
        assert!(out.contains("register\n") && !out.contains('\t'), "{out}");
    }
}
