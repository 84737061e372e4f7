//! Kubernetes naming rules, checked before any request so a bad name is a usage error that
//! quotes the rule (FAULTS F13) rather than a server round trip.

/// Checks an object name against the DNS-1123 subdomain rule.
pub fn check_object_name(kind: &str, name: &str) -> Result<(), String> {
    let label_ok = |part: &str| {
        let b = part.as_bytes();
        !b.is_empty()
            && b.iter().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'-')
            && b[0] != b'-'
            && b[b.len() - 1] != b'-'
    };
    if name.len() > 253 || !name.split('.').all(label_ok) {
        return Err(format!(
            "{kind} name \"{name}\" is invalid: a DNS-1123 subdomain must consist of lower case alphanumeric \
             characters, '-' or '.', start and end with an alphanumeric character, and be at most 253 characters"
        ));
    }
    Ok(())
}

/// Checks a label key: an optional DNS-1123 subdomain prefix and `/`, then a name of at most
/// 63 characters (alphanumerics, `-`, `_`, `.`, alphanumeric at both ends).
pub fn check_label_key(key: &str) -> Result<(), String> {
    let (prefix, name) = match key.rsplit_once('/') {
        Some((prefix, name)) => (Some(prefix), name),
        None => (None, key),
    };
    if let Some(prefix) = prefix {
        check_object_name("label key prefix", prefix).map_err(|e| format!("label key \"{key}\": {e}"))?;
    }
    if name.is_empty() || name.len() > 63 || !is_label_text(name) {
        return Err(format!(
            "label key \"{key}\" is invalid: the name part must be 1-63 characters of alphanumerics, '-', '_' or '.', \
             starting and ending with an alphanumeric character"
        ));
    }
    Ok(())
}

/// Checks a label value: empty, or at most 63 characters with the label-name charset.
pub fn check_label_value(key: &str, value: &str) -> Result<(), String> {
    if value.len() > 63 || !(value.is_empty() || is_label_text(value)) {
        return Err(format!(
            "label value \"{value}\" (key \"{key}\") is invalid: at most 63 characters of alphanumerics, '-', '_' or '.', \
             starting and ending with an alphanumeric character"
        ));
    }
    Ok(())
}

fn is_label_text(text: &str) -> bool {
    let b = text.as_bytes();
    b.first().is_some_and(u8::is_ascii_alphanumeric)
        && b.last().is_some_and(u8::is_ascii_alphanumeric)
        && b.iter().all(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn object_names_follow_dns1123_subdomains() {
        assert!(check_object_name("cluster", "pc-1.eu").is_ok());
        for bad in ["PC1", "-a", "a-", "", "a..b", &"a".repeat(254)] {
            let err = check_object_name("cluster", bad).unwrap_err();
            assert!(err.contains("DNS-1123"), "{err}");
        }
    }

    #[test]
    fn label_keys_and_values() {
        assert!(check_label_key("topology.kubernetes.io/region").is_ok());
        assert!(check_label_key("env").is_ok());
        assert!(check_label_key("Bad/x").is_err());
        assert!(check_label_key("a/").is_err());
        assert!(check_label_value("env", "").is_ok());
        assert!(check_label_value("env", "prod_1").is_ok());
        assert!(check_label_value("env", &"v".repeat(64)).unwrap_err().contains("63"));
        assert!(check_label_value("env", "-x").is_err());
    }
}
