//! Plain-text tables in kubectl's look: upper-case headers, columns separated by three spaces,
//! no borders. Cells are escaped here, so a server-sourced string cannot drive the terminal.

use tabled::builder::Builder;
use tabled::settings::{Padding, Style};

use super::escape_control;

/// Rows of strings under headers; commands fill it, the printer renders it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    headers: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Table {
    /// An empty table with these column headers.
    pub fn new<S: Into<String>>(headers: impl IntoIterator<Item = S>) -> Self {
        Table { headers: headers.into_iter().map(Into::into).collect(), rows: Vec::new() }
    }

    /// Adds a row; it must have one cell per header.
    pub fn push(&mut self, row: Vec<String>) {
        debug_assert_eq!(row.len(), self.headers.len(), "row width must match the headers");
        self.rows.push(row);
    }

    /// Whether the table has no rows.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The table as text, one line per row, each line ending in a newline.
    pub fn render(&self, no_headers: bool) -> String {
        let mut builder = Builder::default();
        if !no_headers {
            builder.push_record(self.headers.iter().cloned());
        }
        for row in &self.rows {
            builder.push_record(row.iter().map(|cell| escape_control(cell).into_owned()));
        }
        if builder.count_records() == 0 {
            return String::new();
        }
        let mut table = builder.build();
        table.with(Style::empty()).with(Padding::new(0, 3, 0, 0));
        let mut out = String::new();
        for line in table.to_string().lines() {
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_aligned_columns_and_escapes_cells() {
        let mut table = Table::new(["NAME", "LOCATION"]);
        table.push(vec!["pc1".into(), "eu-west".into()]);
        table.push(vec!["long-name\u{1b}".into(), "us".into()]);
        assert_eq!(table.render(false), "NAME            LOCATION\npc1             eu-west\nlong-name\\x1b   us\n");
        assert_eq!(table.render(true), "pc1             eu-west\nlong-name\\x1b   us\n");
    }
}
