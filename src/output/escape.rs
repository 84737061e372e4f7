//! Making server-sourced strings safe for a terminal: control characters (which could move the
//! cursor, recolour or retitle a terminal) are shown as escapes. JSON and YAML never go through
//! here; they stay exact.

/// Replaces control characters with visible escapes (`\n`, `\t`, `\x1b`, `\u{9b}`).
pub fn escape_control(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if (c as u32) < 0x80 && c.is_control() => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_terminal_control_sequences() {
        assert_eq!(escape_control("plain-name"), "plain-name");
        assert_eq!(escape_control("a\u{1b}[31mred"), "a\\x1b[31mred");
        assert_eq!(escape_control("x\ny\u{9b}"), "x\\ny\\u{9b}");
        assert_eq!(escape_control("zürich"), "zürich");
    }
}
