//! Kubernetes naming rules, checked before any request so a bad name is a usage error that
//! quotes the rule (FAULTS F13) rather than a server round trip.

use crate::selector::{is_dns1123_subdomain, validate_label_key, validate_label_value};

/// Checks an object name against the DNS-1123 subdomain rule.
pub fn check_object_name(kind: &str, name: &str) -> Result<(), String> {
    if !is_dns1123_subdomain(name) {
        return Err(format!(
            "{kind} name \"{name}\" is invalid: a DNS-1123 subdomain must consist of lower case alphanumeric \
             characters, '-' or '.', start and end with an alphanumeric character, and be at most 253 characters"
        ));
    }
    Ok(())
}

/// Checks a label key (Kubernetes' qualified-name rule), naming the key in the error.
pub fn check_label_key(key: &str) -> Result<(), String> {
    validate_label_key(key).map_err(|rule| format!("label key \"{key}\" is invalid: {rule}"))
}

/// Checks a label value (empty, or a qualified name of at most 63 characters).
pub fn check_label_value(key: &str, value: &str) -> Result<(), String> {
    validate_label_value(value).map_err(|rule| format!("label value \"{value}\" (key \"{key}\") is invalid: {rule}"))
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
