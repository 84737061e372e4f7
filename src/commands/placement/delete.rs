//! `tmcctl placement delete NAME`: with a confirmation on a terminal, `--yes` otherwise.

use clap::Args;

use crate::client::{Connection, ConnectionSettings};
use crate::commands::confirm;
use crate::error::CliError;
use crate::output::Printer;

use super::shared::{kind_group, placements};

/// Arguments of `placement delete`.
#[derive(Debug, Args)]
pub struct DeleteArgs {
    /// The placement's name.
    pub name: String,
    /// Do not ask for confirmation (needed without a terminal).
    #[arg(short = 'y', long)]
    pub yes: bool,
}

/// Runs `placement delete`.
pub async fn run(args: DeleteArgs, settings: &ConnectionSettings) -> Result<(), CliError> {
    let printer = Printer::default();
    let connection = Connection::open(settings).await?;
    if connection.get(&placements(), None, &args.name).await?.is_none() {
        printer.status(&format!("placement \"{}\" does not exist; nothing to do", args.name))?;
        return Ok(());
    }
    if !args.yes {
        let question = format!("Delete placement \"{}\"?", args.name);
        confirm(&printer, &question, &format!("delete placement \"{}\"", args.name))?;
    }
    connection.delete(&placements(), None, &args.name).await?;
    printer.write_out(&format!("{}/{} deleted\n", kind_group(), args.name))?;
    Ok(())
}
