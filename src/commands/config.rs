//! `tmcctl config view`: the settings in effect for this command line and where each comes
//! from, so "why is it talking to that workspace?" has an answer.

use clap::{Args, Subcommand};

use crate::cli::OutputArgs;
use crate::error::{CliError, ExitKind};
use crate::output::{Printer, Table};
use crate::settings::{self, Origin, Source};

/// `tmcctl config …`
#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Every setting the config file may hold, its value now and its source: a flag, an
    /// environment variable, the config file or the built-in default.
    View(ViewArgs),
}

/// Arguments of `config view`.
#[derive(Debug, Args)]
pub struct ViewArgs {
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Prints the settings (as `main` resolved them, from the config file and the command line).
pub fn run(args: ViewArgs, config: settings::Loaded) -> Result<(), CliError> {
    let printer = Printer::new(args.output.output, args.output.no_headers);
    let settings::Loaded { file, broken, origins } = config;
    if let Some(path) = &file.path {
        printer.status(&format!("config file: {}", path.display()))?;
    } else if let Some((path, _)) = settings::file::location() {
        printer.status(&format!("config file: {} (none there)", path.display()))?;
    }
    printer.value(&origins, || table(&origins).render(args.output.no_headers))?;
    match broken {
        // Shown after the settings in effect without it, so the fix can start from them.
        Some(e) => Err(CliError::new(ExitKind::Config, e.to_string()).with_hint(e.hint())),
        None => Ok(()),
    }
}

fn table(origins: &[Origin]) -> Table {
    let mut table = Table::new(["KEY", "VALUE", "SOURCE"]);
    for origin in origins {
        let source = match (&origin.source, &origin.from) {
            (Source::Flag, _) => origin.flag.clone(),
            (Source::Environment, Some(name)) => format!("env {name}"),
            (Source::ConfigFile, _) => "config file".to_string(),
            (Source::Default, _) => "default".to_string(),
            (Source::Environment, None) | (Source::Unset, _) => "-".to_string(),
        };
        table.push(vec![origin.key.clone(), origin.value.clone().unwrap_or_else(|| "<unset>".into()), source]);
    }
    table
}
