//! The tmcctl binary: parse, set up logging, run, map the outcome to an exit code.

use std::process::ExitCode;

use clap::Parser;
use tmcctl::cli::Cli;
use tmcctl::error::ExitKind;
use tmcctl::{commands, output, settings};

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // clap prints help and version to stdout (exit 0) and usage errors to stderr (exit 2).
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_ansi(false)
        .with_env_filter(tracing_subscriber::EnvFilter::new(settings::log_filter(cli.global.verbose)))
        .init();
    match commands::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind == ExitKind::ClosedOutput => ExitCode::SUCCESS,
        Err(e) => {
            output::print_error(&e.message, e.hint.as_deref());
            ExitCode::from(e.code() as u8)
        }
    }
}
