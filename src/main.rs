//! The tmcctl binary: tell how it was started (tmcctl, `kubectl tmc`, kubectl's completer),
//! read the config file, parse, set up logging and traces, run, map the outcome to an exit code.

use std::ffi::OsString;
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};
use tmcctl::cli::Cli;
use tmcctl::commands::plugin::{self, Invocation};
use tmcctl::error::ExitKind;
use tmcctl::observability::logs::{self, LogSettings};
use tmcctl::settings::file::ConfigFile;
use tmcctl::settings::Loaded;
use tmcctl::{commands, output};

fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().collect();
    let mut root = Cli::command();
    match Invocation::from_argv0(args.first()) {
        Invocation::Completer => {
            let _ = output::Printer::default().write_out(&plugin::complete(&args[1..], &mut root));
            return ExitCode::SUCCESS;
        }
        // Help and errors then say `kubectl tmc …`, as the user typed it.
        Invocation::Plugin => root = root.bin_name("kubectl tmc").display_name("kubectl tmc"),
        Invocation::Direct => {}
    }
    // A broken file stops every command but the ones that help fix it (help, completion and
    // `config view`, which shows the error itself).
    let (config, broken) = match ConfigFile::load(&root) {
        Ok(config) => (config, None),
        Err(e) => (ConfigFile::default(), Some(e)),
    };
    let parsed = config.apply(root).try_get_matches_from(args).and_then(|m| Ok((Cli::from_arg_matches(&m)?, m)));
    let (cli, matches) = match parsed {
        Ok(parsed) => parsed,
        Err(e) => {
            // clap prints help and version to stdout (exit 0) and usage errors to stderr (exit 2).
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    if let Some(e) = broken.as_ref().filter(|_| !cli.command.works_without_config()) {
        output::print_error(&e.to_string(), Some(&e.hint()));
        return ExitCode::from(ExitKind::Config as u8);
    }
    let loaded = Loaded::new(config, broken, &matches, &cli.command);
    let log_settings = LogSettings { verbose: cli.global.verbose, json: cli.global.log_format == "json" };
    let traces = match cli.trace_settings() {
        Ok(traces) => traces,
        Err(e) => {
            output::print_error(&e.message, e.hint.as_deref());
            return ExitCode::from(e.code() as u8);
        }
    };
    if log_settings.json {
        // tmcctl's own status, warning and error lines become JSON objects too.
        output::set_stderr_json(true);
    }
    // Owns the trace export: dropped after the command, it sends what is still queued.
    let _tracing = match logs::init(log_settings, traces.as_ref()) {
        Ok(tracing) => tracing,
        Err(message) => {
            output::print_error(&message, Some("check --otlp-endpoint and the OTEL_EXPORTER_OTLP_* variables"));
            return ExitCode::from(ExitKind::Usage as u8);
        }
    };
    match commands::run(cli, loaded) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind == ExitKind::ClosedOutput => ExitCode::SUCCESS,
        Err(e) => {
            output::print_error(&e.message, e.hint.as_deref());
            ExitCode::from(e.code() as u8)
        }
    }
}
