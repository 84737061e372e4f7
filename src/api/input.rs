//! The compact forms users type on the command line, parsed strictly into API values:
//! labels `k=v,k2=v2` (and `k-` for removal in updates) and capabilities `type:true,…`.
//! Every error names the bad token; nothing falls back to a default.

use std::collections::BTreeMap;

use super::names::{check_label_key, check_label_value};
use super::Capability;
use crate::selector::is_dns1123_label;

/// A label change from `--labels`: set a value, or (with a trailing `-`) remove the key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LabelChange {
    /// `key=value`.
    Set(String, String),
    /// `key-`.
    Remove(String),
}

/// The label changes of one `--labels` flag (a newtype, so clap sees one value, not a list).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LabelChanges(pub Vec<LabelChange>);

/// The capabilities of one `--capabilities` flag.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Capabilities(pub Vec<Capability>);

/// Parses `--labels` of register: `k=v,k2=v2`.
pub fn parse_label_flag(text: &str) -> Result<LabelChanges, String> {
    parse_labels(text, false).map(LabelChanges)
}

/// Parses `--labels` of update: `k=v,k2-`.
pub fn parse_label_change_flag(text: &str) -> Result<LabelChanges, String> {
    parse_labels(text, true).map(LabelChanges)
}

/// Parses `--capabilities` of a cluster into one flag value.
pub fn parse_capability_flag(text: &str) -> Result<Capabilities, String> {
    parse_capabilities(text).map(Capabilities)
}

/// Parses `k=v,k2=v2` (and `k-` when `allow_removal`).
pub fn parse_labels(text: &str, allow_removal: bool) -> Result<Vec<LabelChange>, String> {
    let mut changes = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for token in text.split(',').map(str::trim) {
        let change = match token.split_once('=') {
            Some((key, value)) => {
                check_label_key(key)?;
                check_label_value(key, value)?;
                LabelChange::Set(key.to_string(), value.to_string())
            }
            None if allow_removal && token.ends_with('-') && token.len() > 1 => {
                let key = &token[..token.len() - 1];
                check_label_key(key)?;
                LabelChange::Remove(key.to_string())
            }
            None => {
                let form = if allow_removal { "key=value or key-" } else { "key=value" };
                return Err(format!("label \"{token}\" is not of the form {form}"));
            }
        };
        let key = match &change {
            LabelChange::Set(k, _) | LabelChange::Remove(k) => k.clone(),
        };
        if !seen.insert(key.clone()) {
            return Err(format!("label key \"{key}\" is given twice"));
        }
        changes.push(change);
    }
    Ok(changes)
}

/// Applies label changes to a label map.
pub fn apply_label_changes(labels: &mut BTreeMap<String, String>, changes: &[LabelChange]) {
    for change in changes {
        match change {
            LabelChange::Set(k, v) => {
                labels.insert(k.clone(), v.clone());
            }
            LabelChange::Remove(k) => {
                labels.remove(k);
            }
        }
    }
}

/// Parses `type:BOOL,…` where the word after the colon is `true` or `false` only
/// (`avail_word` names it in errors: "available" for clusters, "required" for placements).
pub fn parse_typed_flags(text: &str, avail_word: &str) -> Result<Vec<(String, bool)>, String> {
    let mut out: Vec<(String, bool)> = Vec::new();
    for token in text.split(',').map(str::trim) {
        let Some((kind, flag)) = token.split_once(':') else {
            return Err(format!("capability \"{token}\" is not of the form type:true or type:false"));
        };
        if !is_dns1123_label(kind) {
            return Err(format!(
                "capability \"{token}\": type \"{kind}\" must be a DNS-1123 label (lower-case letters, digits, '-')"
            ));
        }
        let value = match flag {
            "true" => true,
            "false" => false,
            other => {
                return Err(format!("capability \"{token}\": {avail_word} must be true or false, not \"{other}\""))
            }
        };
        if out.iter().any(|(k, _)| k == kind) {
            return Err(format!("capability type \"{kind}\" is given twice"));
        }
        out.push((kind.to_string(), value));
    }
    Ok(out)
}

/// Parses `--capabilities` of a cluster: `gpu:true,arm64:false`.
pub fn parse_capabilities(text: &str) -> Result<Vec<Capability>, String> {
    Ok(parse_typed_flags(text, "availability")?
        .into_iter()
        .map(|(type_, available)| Capability { type_, available })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capabilities_keep_the_seed_format_and_reject_the_rest() {
        let caps = parse_capabilities("gpu:true,arm64:false").unwrap();
        assert_eq!(caps.len(), 2);
        assert!(caps[0].available && !caps[1].available);
        for (bad, token) in [
            ("gpu:yes", "\"yes\""),
            ("gpu", "\"gpu\""),
            (":true", "\":true\""),
            ("gpu:true,gpu:false", "twice"),
            ("GPU:true", "\"GPU\""),
        ] {
            let err = parse_capabilities(bad).unwrap_err();
            assert!(err.contains(token), "{bad}: {err}");
        }
    }

    #[test]
    fn labels_set_and_remove() {
        let changes = parse_labels("env=prod,tier-", true).unwrap();
        assert_eq!(changes, [LabelChange::Set("env".into(), "prod".into()), LabelChange::Remove("tier".into())]);
        assert!(parse_labels("tier-", false).unwrap_err().contains("key=value"));
        assert!(parse_labels("env=prod,env=dev", false).unwrap_err().contains("twice"));
        assert!(parse_labels("=x", false).is_err());
        assert!(parse_labels(&format!("env={}", "v".repeat(64)), false).unwrap_err().contains("63"));
        let mut labels = BTreeMap::from([("tier".to_string(), "web".to_string())]);
        apply_label_changes(&mut labels, &changes);
        assert_eq!(labels, BTreeMap::from([("env".to_string(), "prod".to_string())]));
    }
}
