//! `tmcctl completion SHELL`: prints a completion script generated from the command tree.

use clap::{Args, CommandFactory};
use clap_complete::Shell;

use crate::cli::Cli;
use crate::error::CliError;
use crate::output::Printer;

/// Arguments of `tmcctl completion`.
#[derive(Debug, Args)]
pub struct CompletionArgs {
    /// The shell to generate for: bash, zsh, fish, powershell or elvish.
    pub shell: Shell,
}

/// Prints the completion script.
pub fn run(args: CompletionArgs) -> Result<(), CliError> {
    Printer::default().write_out(&script(args.shell))?;
    Ok(())
}

/// The completion script for `shell`, as checked into `completions/`.
pub fn script(shell: Shell) -> String {
    let mut buffer = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "tmcctl", &mut buffer);
    String::from_utf8(buffer).expect("clap_complete writes UTF-8")
}
