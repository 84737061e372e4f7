//! The `-o/--output` value: which printer to use. Parsing is strict: an unknown format is a
//! usage error that lists the valid ones, never a silent fallback to the table.

use std::fmt;
use std::str::FromStr;

use super::jsonpath::JsonPathTemplate;

/// How objects are printed.
#[derive(Clone, Debug, Default)]
pub enum OutputFormat {
    /// Aligned columns for people (the default).
    #[default]
    Table,
    /// The table with extra columns.
    Wide,
    /// Exact JSON.
    Json,
    /// Exact YAML.
    Yaml,
    /// `kind.group/name`, one per line.
    Name,
    /// A kubectl-style JSONPath template.
    JsonPath(JsonPathTemplate),
}

impl OutputFormat {
    /// The names accepted by `-o`, for help text and errors.
    pub const NAMES: &'static str = "table, wide, json, yaml, name, jsonpath=TEMPLATE";
}

impl FromStr for OutputFormat {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text {
            "table" | "" => Ok(Self::Table),
            "wide" => Ok(Self::Wide),
            "json" => Ok(Self::Json),
            "yaml" => Ok(Self::Yaml),
            "name" => Ok(Self::Name),
            _ => match text.split_once('=') {
                Some(("jsonpath", template)) => JsonPathTemplate::parse(template).map(Self::JsonPath),
                _ => Err(format!("unknown output format \"{text}\"; use one of {}", Self::NAMES)),
            },
        }
    }
}

impl fmt::Display for OutputFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Table => f.write_str("table"),
            Self::Wide => f.write_str("wide"),
            Self::Json => f.write_str("json"),
            Self::Yaml => f.write_str("yaml"),
            Self::Name => f.write_str("name"),
            Self::JsonPath(t) => write!(f, "jsonpath={}", t.source()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_known_formats_and_rejects_others() {
        assert!(matches!("wide".parse(), Ok(OutputFormat::Wide)));
        assert!(matches!("jsonpath={.items[*].metadata.name}".parse(), Ok(OutputFormat::JsonPath(_))));
        let err = "jsn".parse::<OutputFormat>().unwrap_err();
        assert!(err.contains("\"jsn\"") && err.contains("yaml"), "{err}");
        assert!("jsonpath={.a".parse::<OutputFormat>().is_err());
    }
}
