//! `describe`-style text: aligned `Key:  value` fields and indented tables, as kubectl
//! describe prints them. Values are escaped like table cells.

use super::{escape_control, Table};

/// A describe page under construction.
#[derive(Debug, Default)]
pub struct Describe {
    lines: Vec<(usize, Line)>,
}

#[derive(Debug)]
enum Line {
    Field(String, String),
    Heading(String),
    Table(Table),
}

impl Describe {
    /// An empty page.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds `key: value`.
    pub fn field(mut self, key: &str, value: impl Into<String>) -> Self {
        self.lines.push((0, Line::Field(key.to_string(), value.into())));
        self
    }

    /// Adds a heading followed by an indented table (or `<none>` when it has no rows).
    pub fn table(mut self, heading: &str, table: Table) -> Self {
        self.lines.push((0, Line::Heading(heading.to_string())));
        self.lines.push((2, Line::Table(table)));
        self
    }

    /// The page as text.
    pub fn render(&self) -> String {
        let width = self.lines.iter().filter_map(|(_, l)| match l {
            Line::Field(k, _) => Some(k.len() + 1),
            _ => None,
        });
        let width = width.max().unwrap_or(0) + 2;
        let mut out = String::new();
        for (indent, line) in &self.lines {
            match line {
                Line::Field(k, v) => out.push_str(&format!("{:width$}{}\n", format!("{k}:"), escape_control(v))),
                Line::Heading(h) => out.push_str(&format!("{h}:\n")),
                Line::Table(t) if t.is_empty() => out.push_str(&format!("{}<none>\n", " ".repeat(*indent))),
                Line::Table(t) => {
                    for row in t.render(false).lines() {
                        out.push_str(&format!("{}{row}\n", " ".repeat(*indent)));
                    }
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aligns_fields_and_indents_tables() {
        let mut t = Table::new(["TYPE", "STATUS"]);
        t.push(vec!["Ready".into(), "True".into()]);
        let text = Describe::new()
            .field("Name", "pc1")
            .field("Location", "eu\u{1b}")
            .table("Conditions", t)
            .table("Taints", Table::new(["KEY"]))
            .render();
        assert_eq!(
            text,
            "Name:      pc1\nLocation:  eu\\x1b\nConditions:\n  TYPE    STATUS\n  Ready   True\nTaints:\n  <none>\n"
        );
    }
}
