//! The generated reference shipped in the repository: shell completions (`completions/`) and
//! man pages (`man/`), both made from the clap command tree so they cannot drift from it.
//! A test compares the checked-in files with these and fails when they are stale.

use clap::CommandFactory;
use clap_complete::Shell;

use crate::cli::Cli;
use crate::commands::completion::script;

/// Every generated file: its path relative to the repository root, and its content.
pub fn generated_files() -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    for (shell, name) in [
        (Shell::Bash, "tmcctl.bash"),
        (Shell::Zsh, "_tmcctl"),
        (Shell::Fish, "tmcctl.fish"),
        (Shell::PowerShell, "_tmcctl.ps1"),
        (Shell::Elvish, "tmcctl.elv"),
    ] {
        files.push((format!("completions/{name}"), script(shell).into_bytes()));
    }
    let mut command = Cli::command();
    command.build();
    man_pages(&command, "tmcctl", &mut files);
    files
}

fn man_pages(command: &clap::Command, name: &str, files: &mut Vec<(String, Vec<u8>)>) {
    let mut page = Vec::new();
    let renamed = command.clone().name(name.to_string());
    clap_mangen::Man::new(renamed).render(&mut page).expect("rendering to memory cannot fail");
    files.push((format!("man/{name}.1"), page));
    for sub in command.get_subcommands().filter(|s| !s.is_hide_set() && s.get_name() != "help") {
        man_pages(sub, &format!("{name}-{}", sub.get_name()), files);
    }
}
