//! The generated reference shipped in the repository: shell completions (`completions/`), man
//! pages (`man/`) and the guides' CLI reference (`docs/src/reference/cli.md`), all made from the
//! clap command tree so they cannot drift from it.
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
    let mut reference = String::from(
        "# CLI reference\n\nEvery command's `--help`, generated from the command tree (a test fails when this\n\
         page is stale). `kubectl tmc …` takes the same commands and flags.\n",
    );
    reference_sections(&command, "tmcctl", &mut reference);
    files.push(("docs/src/reference/cli.md".into(), reference.into_bytes()));
    files
}

/// One section per command, depth first: its long help as clap renders it, without styling.
fn reference_sections(command: &clap::Command, path: &str, out: &mut String) {
    let mut renamed = command.clone().name(path.to_string()).bin_name(path.to_string()).term_width(100);
    let help = renamed.render_long_help().to_string();
    let level = "#".repeat((path.matches(' ').count() + 2).min(4));
    out.push_str(&format!("\n{level} {path}\n\n```text\n{}\n```\n", help.trim_end()));
    for sub in command.get_subcommands().filter(|s| !s.is_hide_set() && s.get_name() != "help") {
        reference_sections(sub, &format!("{path} {}", sub.get_name()), out);
    }
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
