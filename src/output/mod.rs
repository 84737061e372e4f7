//! The only place that writes to the terminal. Commands hand over plain values (objects as
//! JSON, tables as rows of strings, messages) and the [`Printer`] picks the format:
//! data goes to stdout, messages and progress to stderr, prompts only on a terminal.
//! Human-readable output escapes control characters from servers; JSON and YAML stay exact.

#![allow(clippy::print_stdout, clippy::print_stderr)]

mod describe;
mod escape;
mod format;
pub mod jsonpath;
mod prompt;
mod table;

use std::io::{self, IsTerminal, Write};

use serde::Serialize;
use serde_json::{json, Value};

pub use describe::Describe;
pub use escape::escape_control;
pub use format::OutputFormat;
pub use table::Table;

/// Prints data, messages and prompts in the format the user chose.
#[derive(Clone, Debug, Default)]
pub struct Printer {
    format: OutputFormat,
    no_headers: bool,
}

impl Printer {
    /// A printer for `-o FORMAT` and `--no-headers`.
    pub fn new(format: OutputFormat, no_headers: bool) -> Self {
        Printer { format, no_headers }
    }

    /// The chosen output format.
    pub fn format(&self) -> &OutputFormat {
        &self.format
    }

    /// Prints objects: as a table, or exactly as JSON/YAML (a `List` unless `single`),
    /// or as `kind.group/name`, or through a JSONPath template.
    /// `table` is only called for the table formats, with `wide` set for `-o wide`.
    pub fn objects(
        &self,
        objects: &[Value],
        single: bool,
        kind_group: &str,
        table: impl FnOnce(bool) -> Table,
    ) -> io::Result<()> {
        let document = || {
            if single && objects.len() == 1 {
                objects[0].clone()
            } else {
                json!({ "apiVersion": "v1", "kind": "List", "items": objects, "metadata": { "resourceVersion": "" } })
            }
        };
        match &self.format {
            OutputFormat::Table | OutputFormat::Wide => {
                let table = table(matches!(self.format, OutputFormat::Wide));
                if objects.is_empty() {
                    return self.status("No resources found.");
                }
                self.write_out(&table.render(self.no_headers))
            }
            OutputFormat::Name => {
                let mut out = String::new();
                for object in objects {
                    let name = object["metadata"]["name"].as_str().unwrap_or_default();
                    out.push_str(&format!("{kind_group}/{}\n", escape_control(name)));
                }
                self.write_out(&out)
            }
            _ => self.document(&document()),
        }
    }

    /// Prints one value that is not a Kubernetes object (a version report, a plan) in
    /// JSON/YAML/JSONPath, or `human` for the table formats.
    pub fn value<T: Serialize>(&self, value: &T, human: impl FnOnce() -> String) -> io::Result<()> {
        match &self.format {
            OutputFormat::Table | OutputFormat::Wide | OutputFormat::Name => self.write_out(&human()),
            _ => {
                let value = serde_json::to_value(value).map_err(io::Error::other)?;
                self.document(&value)
            }
        }
    }

    fn document(&self, value: &Value) -> io::Result<()> {
        let text = match &self.format {
            OutputFormat::Json => {
                let mut s = serde_json::to_string_pretty(value).map_err(io::Error::other)?;
                s.push('\n');
                s
            }
            OutputFormat::Yaml => serde_saphyr::to_string(value).map_err(io::Error::other)?,
            OutputFormat::JsonPath(template) => template.render(value),
            _ => unreachable!("document() is only called for json, yaml and jsonpath"),
        };
        self.write_out(&text)
    }

    /// Writes text to stdout as is (the caller escaped anything from a server).
    pub fn write_out(&self, text: &str) -> io::Result<()> {
        let mut out = io::stdout().lock();
        out.write_all(text.as_bytes())?;
        out.flush()
    }

    /// A message for people, on stderr (never mixed into data on stdout); escaped, since
    /// messages may quote names and reasons from servers.
    pub fn status(&self, message: &str) -> io::Result<()> {
        if stderr_is_json() {
            return write_json_line("INFO", message, None);
        }
        let mut err = io::stderr().lock();
        writeln!(err, "{}", escape_control(message))
    }

    /// A warning on stderr.
    pub fn warn(&self, message: &str) -> io::Result<()> {
        if stderr_is_json() {
            return write_json_line("WARN", message, None);
        }
        self.status(&format!("warning: {message}"))
    }

    /// Whether stdin and stderr are terminals, so prompts and progress bars make sense.
    pub fn interactive() -> bool {
        io::stdin().is_terminal() && io::stderr().is_terminal()
    }

    /// Asks a yes/no question on the terminal (default no). `None` when there is no terminal:
    /// the caller must then refuse rather than block or assume an answer.
    pub fn confirm(&self, question: &str) -> io::Result<Option<bool>> {
        if !Self::interactive() {
            return Ok(None);
        }
        Self::yes_no(question)
    }

    /// A progress bar on stderr counting down `total` items; invisible without a terminal.
    pub fn progress(&self, total: u64, message: &str) -> indicatif::ProgressBar {
        if !io::stderr().is_terminal() {
            return indicatif::ProgressBar::hidden();
        }
        let bar = indicatif::ProgressBar::new(total);
        let style = indicatif::ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len} ({elapsed})")
            .expect("the template is valid")
            .progress_chars("=> ");
        bar.set_style(style);
        bar.set_message(message.to_string());
        bar
    }
}

/// Prints an error and its hint to stderr; used once, by the binary's edge. Messages often
/// quote the server, so they are escaped like any server-sourced text.
pub fn print_error(message: &str, hint: Option<&str>) {
    if stderr_is_json() {
        let _ = write_json_line("ERROR", message, hint);
        return;
    }
    let mut err = io::stderr().lock();
    let _ = writeln!(err, "error: {}", escape_control(message));
    if let Some(hint) = hint {
        let _ = writeln!(err, "hint: {}", escape_control(hint));
    }
}

/// Whether stderr carries JSON lines (`--log-format json`): statuses, warnings and errors are
/// then log objects like the log's own lines, so a collector reads one format.
static STDERR_JSON: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Switches stderr to JSON lines (see [`STDERR_JSON`]).
pub fn set_stderr_json(on: bool) {
    STDERR_JSON.store(on, std::sync::atomic::Ordering::Relaxed);
}

fn stderr_is_json() -> bool {
    STDERR_JSON.load(std::sync::atomic::Ordering::Relaxed)
}

fn write_json_line(level: &str, message: &str, hint: Option<&str>) -> io::Result<()> {
    let mut line = json!({"timestamp": jiff::Timestamp::now().to_string(), "level": level, "message": message});
    if let Some(hint) = hint {
        line["hint"] = json!(hint);
    }
    let mut err = io::stderr().lock();
    writeln!(err, "{line}")
}
