//! kubectl's `-o jsonpath=` template language: literal text with `{expression}` blocks,
//! `{range expr}…{end}` loops and `{"\n"}` string literals. Each expression is an
//! RFC 9535 JSONPath evaluated by `serde_json_path`; this module only adds the template layer
//! and kubectl's leading-dot shorthand (`{.metadata.name}` is `$.metadata.name`).

use serde_json::Value;
use serde_json_path::JsonPath;

/// A parsed template, ready to render against objects.
#[derive(Clone, Debug)]
pub struct JsonPathTemplate {
    source: String,
    nodes: Vec<Node>,
}

#[derive(Clone, Debug)]
enum Node {
    Text(String),
    Expr(JsonPath),
    Range(JsonPath, Vec<Node>),
}

/// A token from the first pass over the template text.
enum Token {
    Text(String),
    Expr(String),
    Range(String),
    End,
}

impl JsonPathTemplate {
    /// Parses a template; errors name the bad expression and its position.
    pub fn parse(source: &str) -> Result<Self, String> {
        let tokens = tokenize(source)?;
        let mut iter = tokens.into_iter();
        let nodes = build(&mut iter, false)?;
        Ok(JsonPathTemplate { source: source.to_string(), nodes })
    }

    /// The template as the user wrote it.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// Renders the template against one value.
    pub fn render(&self, value: &Value) -> String {
        let mut out = String::new();
        render_nodes(&self.nodes, value, &mut out);
        out
    }
}

fn tokenize(source: &str) -> Result<Vec<Token>, String> {
    let mut tokens = Vec::new();
    let mut text = String::new();
    let mut chars = source.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c != '{' {
            text.push(c);
            continue;
        }
        if !text.is_empty() {
            tokens.push(Token::Text(std::mem::take(&mut text)));
        }
        let mut body = String::new();
        let mut quote: Option<char> = None;
        let mut closed = false;
        for (_, c) in chars.by_ref() {
            match (quote, c) {
                (None, '}') => {
                    closed = true;
                    break;
                }
                (None, '"' | '\'') => quote = Some(c),
                (Some(q), c) if c == q => quote = None,
                _ => {}
            }
            body.push(c);
        }
        if !closed {
            return Err(format!("jsonpath template: unclosed '{{' at position {start}"));
        }
        tokens.push(classify(body.trim(), start)?);
    }
    if !text.is_empty() {
        tokens.push(Token::Text(text));
    }
    Ok(tokens)
}

fn classify(body: &str, position: usize) -> Result<Token, String> {
    if body == "end" {
        return Ok(Token::End);
    }
    if let Some(expr) = body.strip_prefix("range ") {
        return Ok(Token::Range(expr.trim().to_string()));
    }
    if let Some(inner) = body.strip_prefix('"').and_then(|b| b.strip_suffix('"')) {
        return Ok(Token::Text(unescape(inner)));
    }
    if body.is_empty() {
        return Err(format!("jsonpath template: empty expression at position {position}"));
    }
    Ok(Token::Expr(body.to_string()))
}

fn unescape(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

fn build(tokens: &mut impl Iterator<Item = Token>, in_range: bool) -> Result<Vec<Node>, String> {
    let mut nodes = Vec::new();
    while let Some(token) = tokens.next() {
        match token {
            Token::Text(t) => nodes.push(Node::Text(t)),
            Token::Expr(e) => nodes.push(Node::Expr(compile(&e)?)),
            Token::Range(e) => {
                let path = compile(&e)?;
                let body = build(tokens, true)?;
                nodes.push(Node::Range(path, body));
            }
            Token::End if in_range => return Ok(nodes),
            Token::End => return Err("jsonpath template: {end} without {range}".to_string()),
        }
    }
    if in_range {
        return Err("jsonpath template: {range} without {end}".to_string());
    }
    Ok(nodes)
}

fn compile(expr: &str) -> Result<JsonPath, String> {
    let full = if expr.starts_with('$') {
        expr.to_string()
    } else if expr == "." || expr == "@" {
        "$".to_string()
    } else if expr.starts_with('.') || expr.starts_with('[') {
        format!("${expr}")
    } else {
        format!("$.{expr}")
    };
    JsonPath::parse(&full).map_err(|e| format!("jsonpath template: bad expression \"{expr}\": {e}"))
}

fn render_nodes(nodes: &[Node], value: &Value, out: &mut String) {
    for node in nodes {
        match node {
            Node::Text(t) => out.push_str(t),
            Node::Expr(path) => {
                let found = path.query(value).all();
                let parts: Vec<String> = found.into_iter().map(scalar_text).collect();
                out.push_str(&parts.join(" "));
            }
            Node::Range(path, body) => {
                for item in path.query(value).all() {
                    render_nodes(body, item, out);
                }
            }
        }
    }
}

fn scalar_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn list() -> Value {
        json!({"kind": "List", "items": [
            {"metadata": {"name": "pc1"}, "spec": {"location": "eu"}, "status": {"conditions": [{"type": "Ready", "status": "True"}]}},
            {"metadata": {"name": "pc2"}, "spec": {"location": "us"}, "status": {"conditions": [{"type": "Ready", "status": "False"}]}},
        ]})
    }

    #[test]
    fn renders_kubectl_style_templates() {
        let render = |t: &str| JsonPathTemplate::parse(t).unwrap().render(&list());
        assert_eq!(render("{.items[*].metadata.name}"), "pc1 pc2");
        assert_eq!(render("{range .items[*]}{.metadata.name}={.spec.location}{\"\\n\"}{end}"), "pc1=eu\npc2=us\n");
        assert_eq!(render("{.items[?(@.spec.location==\"us\")].metadata.name}"), "pc2");
        assert_eq!(render("n: {.items[0].status.conditions[?(@.type==\"Ready\")].status}"), "n: True");
        assert_eq!(render("{.items[0].missing}"), "");
        assert_eq!(render("{.items[0].metadata}"), "{\"name\":\"pc1\"}");
    }

    #[test]
    fn rejects_broken_templates() {
        for bad in ["{.a", "{range .items[*]}{.x}", "{end}", "{}", "{.items[}"] {
            assert!(JsonPathTemplate::parse(bad).is_err(), "{bad} should be rejected");
        }
    }
}
