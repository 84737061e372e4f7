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
    let logs = tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_ansi(false)
        .with_env_filter(tracing_subscriber::EnvFilter::new(settings::log_filter(cli.global.verbose)));
    if cli.global.log_format == "json" {
        output::set_stderr_json(true);
        // One object per line; the reconcile span's fields (controller, key) on every line in it.
        logs.json().with_current_span(true).with_span_list(false).flatten_event(true).init();
    } else {
        logs.init();
    }
    match commands::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind == ExitKind::ClosedOutput => ExitCode::SUCCESS,
        Err(e) => {
            output::print_error(&e.message, e.hint.as_deref());
            ExitCode::from(e.code() as u8)
        }
    }
}
