//! Kubernetes' rules for label keys and label values, shared by the string parser, the
//! structured (`matchLabels`/`matchExpressions`) constructor and anyone validating labels.
//!
//! The rules and their wording follow apimachinery's `IsQualifiedName` and `IsValidLabelValue`,
//! so that a user sees the same rule that `kubectl` would quote.

use thiserror::Error;

/// Longest allowed label name (the part after an optional prefix) and label value.
pub const MAX_NAME_LEN: usize = 63;
/// Longest allowed key prefix (a DNS-1123 subdomain).
pub const MAX_PREFIX_LEN: usize = 253;

/// Why a label key or value is not valid; the message quotes the Kubernetes rule.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum LabelRuleViolation {
    /// The key is the empty string.
    #[error("a label key must not be empty")]
    EmptyKey,
    /// More than one `/` in the key.
    #[error("a label key must be an optional DNS subdomain prefix and '/' followed by a name, with at most one '/'")]
    TooManySlashes,
    /// Prefix present but empty (`/name`).
    #[error("the prefix before '/' must not be empty")]
    EmptyPrefix,
    /// Prefix longer than 253 characters.
    #[error("the prefix must be no more than 253 characters, found {0}")]
    PrefixTooLong(usize),
    /// Prefix is not a DNS-1123 subdomain.
    #[error("the prefix must be a lowercase RFC 1123 subdomain: lowercase alphanumeric characters, '-' or '.', starting and ending with an alphanumeric character (e.g. 'example.com')")]
    PrefixNotSubdomain,
    /// Name part empty (`prefix/`).
    #[error("the name part must not be empty")]
    EmptyName,
    /// Name (or value) longer than 63 characters.
    #[error("must be no more than 63 characters, found {0}")]
    TooLong(usize),
    /// Name (or value) uses characters outside the allowed set or starts/ends badly.
    #[error("must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue', 'my_value' or '12345')")]
    BadCharacters,
}

/// Checks a label key: `[prefix/]name`, prefix a DNS-1123 subdomain of at most 253 characters,
/// name at most 63 characters of `[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?`.
pub fn validate_label_key(key: &str) -> Result<(), LabelRuleViolation> {
    if key.is_empty() {
        return Err(LabelRuleViolation::EmptyKey);
    }
    let mut parts = key.splitn(3, '/');
    let first = parts.next().unwrap_or_default();
    let (prefix, name) = match (parts.next(), parts.next()) {
        (None, _) => (None, first),
        (Some(name), None) => (Some(first), name),
        (Some(_), Some(_)) => return Err(LabelRuleViolation::TooManySlashes),
    };
    if let Some(prefix) = prefix {
        validate_prefix(prefix)?;
    }
    if name.is_empty() {
        return Err(LabelRuleViolation::EmptyName);
    }
    validate_name_chars(name)
}

/// Checks a label value: empty, or at most 63 characters of `[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?`.
pub fn validate_label_value(value: &str) -> Result<(), LabelRuleViolation> {
    if value.is_empty() {
        return Ok(());
    }
    validate_name_chars(value)
}

fn validate_name_chars(name: &str) -> Result<(), LabelRuleViolation> {
    // Count characters, not bytes, so that the reported length matches what the user typed.
    let len = name.chars().count();
    if len > MAX_NAME_LEN {
        return Err(LabelRuleViolation::TooLong(len));
    }
    let bytes = name.as_bytes();
    let inner_ok = bytes.iter().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'));
    let ends_ok =
        bytes.first().is_some_and(u8::is_ascii_alphanumeric) && bytes.last().is_some_and(u8::is_ascii_alphanumeric);
    if inner_ok && ends_ok {
        Ok(())
    } else {
        Err(LabelRuleViolation::BadCharacters)
    }
}

/// True when `s` is a DNS-1123 label: `[a-z0-9]([-a-z0-9]*[a-z0-9])?`, at most 63 characters
/// (workspace names, capability types).
pub fn is_dns1123_label(s: &str) -> bool {
    s.len() <= MAX_NAME_LEN && is_label_chars(s)
}

/// True when `s` is a DNS-1123 subdomain: dot-separated lower-case labels, at most 253
/// characters (object names, label key prefixes).
pub fn is_dns1123_subdomain(s: &str) -> bool {
    s.len() <= MAX_PREFIX_LEN && s.split('.').all(is_label_chars)
}

/// Lower-case alphanumerics and '-', starting and ending with an alphanumeric.
fn is_label_chars(label: &str) -> bool {
    let b = label.as_bytes();
    let edge_ok = |c: &u8| c.is_ascii_lowercase() || c.is_ascii_digit();
    b.first().is_some_and(edge_ok) && b.last().is_some_and(edge_ok) && b.iter().all(|c| edge_ok(c) || *c == b'-')
}

fn validate_prefix(prefix: &str) -> Result<(), LabelRuleViolation> {
    if prefix.is_empty() {
        return Err(LabelRuleViolation::EmptyPrefix);
    }
    if prefix.len() > MAX_PREFIX_LEN {
        return Err(LabelRuleViolation::PrefixTooLong(prefix.chars().count()));
    }
    if is_dns1123_subdomain(prefix) {
        Ok(())
    } else {
        Err(LabelRuleViolation::PrefixNotSubdomain)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys() {
        for ok in ["a", "A1", "a.b_c-d", "example.com/a", "a-b.c/x_y", &"k".repeat(63)] {
            assert_eq!(validate_label_key(ok), Ok(()), "{ok}");
        }
        let long_prefix = format!("{}/a", "p".repeat(254));
        let cases = [
            ("", LabelRuleViolation::EmptyKey),
            ("a/b/c", LabelRuleViolation::TooManySlashes),
            ("/a", LabelRuleViolation::EmptyPrefix),
            ("a/", LabelRuleViolation::EmptyName),
            ("Example.com/a", LabelRuleViolation::PrefixNotSubdomain),
            ("a..b/c", LabelRuleViolation::PrefixNotSubdomain),
            (long_prefix.as_str(), LabelRuleViolation::PrefixTooLong(254)),
            ("-a", LabelRuleViolation::BadCharacters),
            ("a-", LabelRuleViolation::BadCharacters),
            ("a b", LabelRuleViolation::BadCharacters),
            ("é", LabelRuleViolation::BadCharacters),
        ];
        for (key, want) in cases {
            assert_eq!(validate_label_key(key), Err(want), "{key:?}");
        }
        assert_eq!(validate_label_key(&"k".repeat(64)), Err(LabelRuleViolation::TooLong(64)));
    }

    #[test]
    fn values() {
        assert_eq!(validate_label_value(""), Ok(()));
        assert_eq!(validate_label_value("prod_1.x-y"), Ok(()));
        assert_eq!(validate_label_value(&"v".repeat(63)), Ok(()));
        assert_eq!(validate_label_value(&"v".repeat(64)), Err(LabelRuleViolation::TooLong(64)));
        assert_eq!(validate_label_value("a/b"), Err(LabelRuleViolation::BadCharacters));
        assert_eq!(validate_label_value(".a"), Err(LabelRuleViolation::BadCharacters));
    }
}
