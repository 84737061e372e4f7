//! Questions on the terminal (dialoguer) and spinners for waits (indicatif). Every question
//! returns `None` without a terminal: callers then refuse with a usage error naming the flag
//! that answers it, never block or guess.

use std::io::{self, IsTerminal};
use std::time::Duration;

use super::Printer;

impl Printer {
    /// Asks for one line of text; Enter takes `default`. `check` refuses a bad answer with its
    /// message, and the question is asked again.
    pub fn ask(
        &self,
        question: &str,
        default: Option<&str>,
        check: impl Fn(&str) -> Result<(), String>,
    ) -> io::Result<Option<String>> {
        if !Self::interactive() {
            return Ok(None);
        }
        let mut input = dialoguer::Input::<String>::new().with_prompt(question).allow_empty(true);
        if let Some(default) = default {
            input = input.default(default.to_string()).show_default(true);
        }
        let answer = input.validate_with(|text: &String| check(text.trim())).interact_text().map_err(terminal_error)?;
        Ok(Some(answer.trim().to_string()))
    }

    /// Asks to pick one of `items` with the arrow keys (Enter takes `default`).
    pub fn choose(&self, question: &str, items: &[String], default: usize) -> io::Result<Option<usize>> {
        if !Self::interactive() {
            return Ok(None);
        }
        dialoguer::Select::new()
            .with_prompt(question)
            .items(items)
            .default(default)
            .interact_opt()
            .map_err(terminal_error)
    }

    /// Asks a yes/no question (default no).
    pub(super) fn yes_no(question: &str) -> io::Result<Option<bool>> {
        dialoguer::Confirm::new().with_prompt(question).default(false).interact_opt().map_err(terminal_error)
    }

    /// A spinner on stderr for a wait of unknown length; invisible without a terminal. Finish
    /// it (or drop it) when the wait ends.
    pub fn spinner(message: &str) -> indicatif::ProgressBar {
        if !io::stderr().is_terminal() {
            return indicatif::ProgressBar::hidden();
        }
        let spinner = indicatif::ProgressBar::new_spinner();
        let style =
            indicatif::ProgressStyle::with_template("{spinner} {msg} ({elapsed})").expect("the template is valid");
        spinner.set_style(style);
        spinner.set_message(message.to_string());
        spinner.enable_steady_tick(Duration::from_millis(120));
        spinner
    }
}

/// dialoguer's error as the terminal's own: Ctrl-C stays `Interrupted` (exit 130), and the
/// cursor a prompt hid is shown again.
fn terminal_error(err: dialoguer::Error) -> io::Error {
    let dialoguer::Error::IO(err) = err;
    let _ = dialoguer::console::Term::stderr().show_cursor();
    err
}
