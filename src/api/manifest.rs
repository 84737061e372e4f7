//! Files of objects given on the command line (`-f FILE`, `--clusters-from FILE`): the one place
//! they are read. A file is refused by its size before it is read, parsed as YAML or JSON (one
//! document or a stream, `List`s unwrapped) straight into API types, and every error names the
//! file, the line and column, and in words what was expected there and what was found.
//!
//! path → [`ManifestFile::read`] (bounded) → text → [`ManifestFile::objects`] → typed objects;
//! on a type error, a second parse into [`Node`]s (values with their positions) names the field.

use std::fmt;
use std::io::Read;
use std::path::Path;

use serde::de::{DeserializeOwned, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::Value;
use serde_saphyr::{MessageFormatter, Spanned, UserMessageFormatter};
use thiserror::Error;

/// The largest file of objects tmcctl reads: 16 MiB, about 9,000 ClusterRegistrations as
/// exported with status and managedFields. Parsing holds about 20 times the file's size in
/// memory (300 MB measured for a 15 MiB List), so the bound keeps a wrong file (a log, a disk
/// image) from taking gigabytes. The help of `placement simulate` states it.
pub const MAX_MANIFEST_BYTES: u64 = 16 * 1024 * 1024;

/// Why a file of objects could not be used.
#[derive(Debug, Error)]
pub enum ManifestError {
    /// The file could not be opened or read.
    #[error("cannot read {path}: {cause}")]
    Unreadable {
        /// The file.
        path: String,
        /// The operating system's reason.
        cause: String,
    },
    /// The file is larger than [`MAX_MANIFEST_BYTES`].
    #[error("{}", too_large(.path, *.size, *.limit))]
    TooLarge {
        /// The file.
        path: String,
        /// Its size; `None` when its size said less than what it held (it grew, or is a device).
        size: Option<u64>,
        /// The limit.
        limit: u64,
    },
    /// The file is not UTF-8 text.
    #[error("{path} is not text: byte {offset} is not UTF-8")]
    NotText {
        /// The file.
        path: String,
        /// Where the first bad byte is.
        offset: usize,
    },
    /// The text is not valid YAML or JSON, or not the expected objects.
    #[error("{path}:{line}:{column}: {what}")]
    Invalid {
        /// The file.
        path: String,
        /// 1-based line.
        line: u64,
        /// 1-based column.
        column: u64,
        /// What was expected and what was found, in words.
        what: String,
    },
    /// The file as a whole does not hold what was asked for (a count, a kind).
    #[error("{path}: {what}")]
    Unusable {
        /// The file.
        path: String,
        /// What is wrong with it.
        what: String,
    },
}

fn too_large(path: &str, size: Option<u64>, limit: u64) -> String {
    match size {
        Some(size) => format!("{path} is {}, more than the {} limit for files of objects", bytes(size), bytes(limit)),
        None => format!(
            "{path} holds more than the {} limit for files of objects (it grew while being read, or is not a regular file)",
            bytes(limit)
        ),
    }
}

/// `20.0 MiB (20971520 bytes)`.
fn bytes(count: u64) -> String {
    format!("{:.1} MiB ({count} bytes)", count as f64 / (1024.0 * 1024.0))
}

/// The text of a file of objects, read within [`MAX_MANIFEST_BYTES`].
#[derive(Clone, Debug)]
pub struct ManifestFile {
    path: String,
    text: String,
}

impl ManifestFile {
    /// Reads `path`, refusing it by its size before reading when it is over the limit, and
    /// reading no more than the limit if it grows meanwhile.
    pub fn read(path: &Path) -> Result<Self, ManifestError> {
        Self::read_within(path, MAX_MANIFEST_BYTES)
    }

    fn read_within(path: &Path, limit: u64) -> Result<Self, ManifestError> {
        let name = path.display().to_string();
        let unreadable = |e: std::io::Error| ManifestError::Unreadable { path: name.clone(), cause: e.to_string() };
        let file = std::fs::File::open(path).map_err(unreadable)?;
        let size = file.metadata().map_err(unreadable)?.len();
        if size > limit {
            return Err(ManifestError::TooLarge { path: name, size: Some(size), limit });
        }
        let mut bytes = Vec::new();
        file.take(limit + 1).read_to_end(&mut bytes).map_err(unreadable)?;
        if bytes.len() as u64 > limit {
            return Err(ManifestError::TooLarge { path: name, size: None, limit });
        }
        let text = String::from_utf8(bytes)
            .map_err(|e| ManifestError::NotText { path: name.clone(), offset: e.utf8_error().valid_up_to() })?;
        Ok(ManifestFile { path: name, text })
    }

    /// A file's text already in memory; `path` names it in errors.
    pub fn from_text(path: &str, text: &str) -> Self {
        ManifestFile { path: path.to_string(), text: text.to_string() }
    }

    /// The documents of the file as values, empty documents left out.
    pub fn documents(&self) -> Result<Vec<Value>, ManifestError> {
        let documents: Vec<Value> =
            serde_saphyr::from_multiple_with_options(&self.text, parse_options()).map_err(|e| self.invalid(&e))?;
        Ok(documents.into_iter().filter(|d| !d.is_null()).collect())
    }

    /// The objects of the file as `T`s (`kind` names them in errors): each document one object,
    /// or a `List` of them.
    pub fn objects<T: DeserializeOwned>(&self, kind: &str) -> Result<Vec<T>, ManifestError> {
        let documents = self.documents()?;
        let is_list = |d: &Value| d.get("items").is_some_and(Value::is_array);
        if documents.iter().all(is_list) {
            let lists: Vec<ObjectList<T>> =
                serde_saphyr::from_multiple_with_options(&self.text, parse_options()).map_err(|e| self.invalid(&e))?;
            Ok(lists.into_iter().flat_map(|l| l.items).collect())
        } else if !documents.iter().any(is_list) {
            serde_saphyr::from_multiple_with_options(&self.text, parse_options()).map_err(|e| self.invalid(&e))
        } else {
            Err(self.unusable(format!("mixes Lists and single objects; give one {kind} per document, or one List")))
        }
    }

    /// The one object of the file, which must hold exactly one document.
    pub fn single<T: DeserializeOwned>(&self, kind: &str) -> Result<T, ManifestError> {
        let count = self.documents()?.len();
        if count != 1 {
            return Err(self.unusable(format!("expected one {kind}, found {count} documents")));
        }
        let mut objects: Vec<T> =
            serde_saphyr::from_multiple_with_options(&self.text, parse_options()).map_err(|e| self.invalid(&e))?;
        objects.pop().ok_or_else(|| self.unusable(format!("expected one {kind}, found none")))
    }

    fn unusable(&self, what: String) -> ManifestError {
        ManifestError::Unusable { path: self.path.clone(), what }
    }

    fn invalid(&self, err: &serde_saphyr::Error) -> ManifestError {
        let message = UserMessageFormatter.format_message(err.without_snippet()).into_owned();
        let Some(location) = err.location() else {
            return self.unusable(message);
        };
        let (line, column) = (location.line(), location.column());
        if matches!(err.without_snippet(), serde_saphyr::Error::Budget { .. }) {
            let what = "too deeply nested, or too many aliases, for tmcctl to read".to_string();
            return ManifestError::Invalid { path: self.path.clone(), line, column, what };
        }
        // A syntax error leaves no tree to look in; then the parser's words are all there is.
        let tree =
            serde_saphyr::from_multiple_with_options::<Spanned<Node>>(&self.text, parse_options()).unwrap_or_default();
        let found = tree.iter().find_map(|d| locate(d, line, column, &mut Vec::new()));
        let what = match found {
            Some(found) => describe(&message, &found),
            None => message,
        };
        ManifestError::Invalid { path: self.path.clone(), line, column, what }
    }
}

/// The parser's budgets, sized to the file limit. Its defaults (250,000 nodes, 1,024 documents)
/// refuse a List of a few thousand exported ClusterRegistrations. Every node or document takes
/// a few bytes of text, so a file within [`MAX_MANIFEST_BYTES`] stays within these; aliases,
/// the way a small file becomes a huge tree, keep their default limits.
fn parse_options() -> serde_saphyr::Options {
    let bytes = usize::try_from(MAX_MANIFEST_BYTES).unwrap_or(usize::MAX);
    serde_saphyr::options! {
        budget: serde_saphyr::budget! {
            max_nodes: bytes / 2,
            max_events: bytes,
            max_documents: bytes / 4,
        },
    }
}

/// A `List` document (`kind: List` or `XList`): only its items matter.
#[derive(Deserialize)]
struct ObjectList<T> {
    items: Vec<T>,
}

/// A YAML value with where each part starts, to name the field an error points at.
enum Node {
    Mapping(Vec<(Spanned<String>, Spanned<Node>)>),
    Sequence(Vec<Spanned<Node>>),
    Scalar(String),
    Null,
}

/// What an error's position points at: the field's path and what is there.
struct Found<'a> {
    /// `spec.capabilityRequirements[0].type`; empty for the document itself.
    path: String,
    /// The value at the position, when it is a value's start.
    value: Option<&'a Node>,
    /// The path of the mapping whose key is at the position (where a missing field belongs).
    mapping: Option<String>,
}

/// The deepest value of `node` starting at `line:column`, or the mapping with a key there.
fn locate<'a>(node: &'a Spanned<Node>, line: u64, column: u64, path: &mut Vec<String>) -> Option<Found<'a>> {
    let here = |l: &serde_saphyr::Location| l.line() == line && l.column() == column;
    let children: Vec<(String, &Spanned<Node>)> = match &node.value {
        Node::Mapping(entries) => entries.iter().map(|(k, v)| (k.value.clone(), v)).collect(),
        Node::Sequence(items) => items.iter().enumerate().map(|(i, v)| (format!("[{i}]"), v)).collect(),
        Node::Scalar(_) | Node::Null => Vec::new(),
    };
    for (key, child) in children {
        path.push(key);
        let found = locate(child, line, column, path);
        path.pop();
        if found.is_some() {
            return found;
        }
    }
    let key_here = match &node.value {
        Node::Mapping(entries) => entries.iter().any(|(k, _)| here(&k.referenced)),
        _ => false,
    };
    let joined = join_path(path);
    match (here(&node.referenced), key_here) {
        (true, _) => {
            Some(Found { path: joined.clone(), value: Some(&node.value), mapping: key_here.then_some(joined) })
        }
        (false, true) => Some(Found { path: joined.clone(), value: None, mapping: Some(joined) }),
        (false, false) => None,
    }
}

fn join_path(parts: &[String]) -> String {
    let mut out = String::new();
    for part in parts {
        if !out.is_empty() && !part.starts_with('[') {
            out.push('.');
        }
        out.push_str(part);
    }
    out
}

impl fmt::Display for Node {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Node::Mapping(_) => f.write_str("a mapping"),
            Node::Sequence(_) => f.write_str("a list"),
            Node::Null => f.write_str("nothing"),
            Node::Scalar(text) if text.chars().count() > 40 => {
                write!(f, "\"{}…\"", text.chars().take(40).collect::<String>())
            }
            Node::Scalar(text) => write!(f, "\"{text}\""),
        }
    }
}

/// The parser's `message` about what was `found`, in words: what was expected, for which
/// field, and what is there instead.
fn describe(message: &str, found: &Found<'_>) -> String {
    let field = if found.path.is_empty() { "the document".to_string() } else { found.path.clone() };
    if let Some(missing) = message.strip_prefix("missing field `").and_then(|m| m.strip_suffix('`')) {
        let within = match found.mapping.as_deref() {
            Some("") | None => "the document".to_string(),
            Some(path) => path.to_string(),
        };
        return format!("{within} lacks the required field {missing}");
    }
    let Some(value) = found.value else {
        return format!("{field}: {message}");
    };
    let expected = if let Some(rest) = message.strip_prefix("unknown variant `") {
        rest.split_once("`, expected ").map(|(_, allowed)| allowed.to_string())
    } else if message == "expected mapping start" {
        Some("a mapping".to_string())
    } else if message == "expected sequence start" {
        Some("a list".to_string())
    } else if message.contains("expected scalar") {
        Some("a single value".to_string())
    } else if let Some(kind) = message.strip_prefix("invalid ") {
        number_words(kind)
    } else {
        None
    };
    match expected {
        Some(expected) => format!("expected {expected} for {field}, found {value}"),
        None => format!("{field}: {message} (found {value})"),
    }
}

fn number_words(kind: &str) -> Option<String> {
    match kind {
        "u8" | "u16" | "u32" | "u64" | "u128" | "usize" => Some("a whole number, 0 or more".into()),
        "i8" | "i16" | "i32" | "i64" | "i128" | "isize" => Some("a whole number".into()),
        "f32" | "f64" => Some("a number".into()),
        "bool" | "boolean" => Some("true or false".into()),
        _ => None,
    }
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(NodeVisitor)
    }
}

struct NodeVisitor;

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_str<E>(self, v: &str) -> Result<Node, E> {
        Ok(Node::Scalar(v.to_string()))
    }

    fn visit_bool<E>(self, v: bool) -> Result<Node, E> {
        Ok(Node::Scalar(v.to_string()))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Node, E> {
        Ok(Node::Scalar(v.to_string()))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Node, E> {
        Ok(Node::Scalar(v.to_string()))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Node, E> {
        Ok(Node::Scalar(v.to_string()))
    }

    fn visit_unit<E>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }

    fn visit_none<E>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Node, D::Error> {
        Node::deserialize(deserializer)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Node::Sequence(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
        let mut entries = Vec::new();
        while let Some(entry) = map.next_entry()? {
            entries.push(entry);
        }
        Ok(Node::Mapping(entries))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{ClusterRegistration, WorkloadPlacement};

    const HEAD: &str = "apiVersion: tmc.kcp.io/v1alpha1\nkind: WorkloadPlacement\nmetadata: {name: p}\n";

    fn placement_error(body: &str) -> String {
        let file = ManifestFile::from_text("placement.yaml", &format!("{HEAD}{body}"));
        file.single::<WorkloadPlacement>("WorkloadPlacement").unwrap_err().to_string()
    }

    #[test]
    fn type_errors_name_file_position_field_and_what_was_found() {
        assert_eq!(
            placement_error("spec:\n  - strategy: Spread\n"),
            "placement.yaml:5:3: expected a mapping for spec, found a list"
        );
        assert_eq!(
            placement_error("spec:\n  strategy: Sprad\n"),
            "placement.yaml:5:13: expected one of RoundRobin, Spread, Affinity for spec.strategy, found \"Sprad\""
        );
        assert_eq!(
            placement_error("spec:\n  strategy: Spread\n  numberOfClusters: lots\n"),
            "placement.yaml:6:21: expected a whole number, 0 or more for spec.numberOfClusters, found \"lots\""
        );
        assert_eq!(placement_error(""), "placement.yaml:3:1: the document lacks the required field spec");
    }

    #[test]
    fn syntax_errors_name_the_position_without_a_dump() {
        let file = ManifestFile::from_text("p.yaml", "metadata: {name: x\nspec:\n  strategy: Spread\n");
        let message = file.documents().unwrap_err().to_string();
        assert!(message.starts_with("p.yaml:2:5: "), "{message}");
        for dump in ["Error(", "Location {", "Marker", "\n", "-->"] {
            assert!(!message.contains(dump), "{message}");
        }
    }

    #[test]
    fn nesting_past_the_parser_limits_is_refused_in_words() {
        let deep = format!("a: {}{}\n", "[".repeat(100), "]".repeat(100));
        let message = ManifestFile::from_text("deep.yaml", &deep).documents().unwrap_err().to_string();
        assert!(message.starts_with("deep.yaml:1:"), "{message}");
        assert!(message.contains("too deeply nested"), "{message}");
    }

    #[test]
    fn lists_and_streams_of_objects_both_read() {
        let one =
            "apiVersion: tmc.kcp.io/v1alpha1\nkind: ClusterRegistration\nmetadata: {name: a}\nspec: {location: eu}\n";
        let stream = ManifestFile::from_text("c.yaml", &format!("{one}---\n{}", one.replace("name: a", "name: b")));
        assert_eq!(stream.objects::<ClusterRegistration>("ClusterRegistration").unwrap().len(), 2);
        let indented = one.replace('\n', "\n    ");
        let list = ManifestFile::from_text("c.yaml", &format!("kind: List\nitems:\n  - {indented}"));
        assert_eq!(list.objects::<ClusterRegistration>("ClusterRegistration").unwrap().len(), 1);
        let wrong = ManifestFile::from_text("c.yaml", "kind: List\nitems:\n  - spec: {location: [eu]}\n");
        let message = wrong.objects::<ClusterRegistration>("ClusterRegistration").unwrap_err().to_string();
        assert!(message.starts_with("c.yaml:3:"), "{message}");
    }

    #[test]
    fn files_over_the_limit_are_refused_before_reading() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("Big.yaml");
        std::fs::File::create(&path).unwrap().set_len(2048).unwrap();
        let message = ManifestFile::read_within(&path, 1024).unwrap_err().to_string();
        assert!(message.contains("Big.yaml is 0.0 MiB (2048 bytes)"), "{message}");
        let size = ManifestFile::read(&path).map(|f| f.text.len()).unwrap();
        assert_eq!(size, 2048);
    }

    #[test]
    fn files_that_say_they_are_empty_are_still_read_only_up_to_the_limit() {
        // Like a file that grows while being read: its size says 0, its content is longer.
        let message = ManifestFile::read_within(Path::new("/proc/self/status"), 16).unwrap_err().to_string();
        assert!(message.contains("holds more than the 0.0 MiB (16 bytes) limit"), "{message}");
    }
}
