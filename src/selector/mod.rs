//! Kubernetes label selectors: parsing, validation, matching and rendering.
//!
//! Owns [`LabelSelector`], the one value every part of tmcctl uses to say "objects whose
//! labels look like this". Data flows `&str` → [`LabelSelector::parse`] (or the CRD's
//! structured form → [`LabelSelector::from_spec`]) → [`LabelSelector::matches`] /
//! [`Display`](std::fmt::Display) (which renders the canonical string form back).
//!
//! The string grammar is Kubernetes' (`a=b`, `a==b`, `a!=b`, `a in (x,y)`, `a notin (x)`,
//! `a`, `!a`, comma-separated), with one deliberate difference: a missing value (`a!=`, `a=`,
//! `a in ()`, `a in (x,)`) is an error rather than Kubernetes' silent "empty value", because on
//! a command line it is nearly always a typo. The structured form still accepts empty values.

mod parse;
mod spec;
#[cfg(test)]
mod tests;
pub mod validate;

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::hash::BuildHasher;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use thiserror::Error;

pub use spec::{ExpressionOperator, LabelSelectorExpression, LabelSelectorSpec};
pub use validate::{
    is_dns1123_label, is_dns1123_subdomain, validate_label_key, validate_label_value, LabelRuleViolation,
};

/// A parsed, validated label selector: every requirement must hold (logical AND).
///
/// Requirements are kept sorted by key (stable, as Kubernetes does) and set values sorted and
/// de-duplicated, so two selectors that mean the same thing compare and render the same.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct LabelSelector {
    requirements: Vec<Requirement>,
}

/// One condition on one label key.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Requirement {
    key: String,
    operator: Operator,
    values: Vec<String>,
}

/// How a [`Requirement`] compares a label with its values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Operator {
    /// `key=value` or `key==value`: the label is present with exactly this value.
    Equals,
    /// `key!=value`: the label is absent or has another value.
    NotEquals,
    /// `key in (a,b)`: the label is present with one of the values.
    In,
    /// `key notin (a,b)`: the label is absent or has none of the values.
    NotIn,
    /// `key`: the label is present, with any value.
    Exists,
    /// `!key`: the label is absent.
    DoesNotExist,
}

/// Read access to an object's labels, so selectors can match any map type without copying.
pub trait Labels {
    /// The value of label `key`, if the object has it.
    fn label(&self, key: &str) -> Option<&str>;
}

impl Labels for BTreeMap<String, String> {
    fn label(&self, key: &str) -> Option<&str> {
        self.get(key).map(String::as_str)
    }
}

impl<S: BuildHasher> Labels for HashMap<String, String, S> {
    fn label(&self, key: &str) -> Option<&str> {
        self.get(key).map(String::as_str)
    }
}

impl<L: Labels + ?Sized> Labels for &L {
    fn label(&self, key: &str) -> Option<&str> {
        (**self).label(key)
    }
}

/// Why a selector could not be built; every variant says where and what was expected.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SelectorError {
    /// The string form is malformed at byte offset `position` (0-based).
    #[error("position {position}: {problem}")]
    Syntax {
        /// Byte offset into the input where the problem starts.
        position: usize,
        /// What was wrong and what was expected there.
        problem: String,
    },
    /// A `matchLabels` entry is invalid.
    #[error("matchLabels: {0}")]
    MatchLabel(RequirementError),
    /// A `matchExpressions` entry is invalid.
    #[error("matchExpressions[{index}]: {source}")]
    MatchExpression {
        /// Position of the expression in the list.
        index: usize,
        /// What is wrong with the expression.
        source: RequirementError,
    },
}

/// Why one requirement is invalid, whatever form it was written in.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum RequirementError {
    /// The key breaks Kubernetes' label-key rule.
    #[error("invalid label key {key:?}: {rule}")]
    InvalidKey {
        /// The key as given.
        key: String,
        /// The rule it breaks.
        rule: LabelRuleViolation,
    },
    /// A value breaks Kubernetes' label-value rule.
    #[error("invalid label value {value:?} for key {key:?}: {rule}")]
    InvalidValue {
        /// The requirement's key.
        key: String,
        /// The value as given.
        value: String,
        /// The rule it breaks.
        rule: LabelRuleViolation,
    },
    /// The operator got the wrong number of values.
    #[error("operator {operator:?} on key {key:?} needs {expected} value(s), found {found}")]
    WrongValueCount {
        /// The requirement's key.
        key: String,
        /// The operator.
        operator: Operator,
        /// What the operator needs ("exactly one", "at least one", "no").
        expected: &'static str,
        /// How many were given.
        found: usize,
    },
}

impl LabelSelector {
    /// The selector with no requirements, which matches every object (`""`).
    pub fn everything() -> Self {
        Self::default()
    }

    /// Parses the Kubernetes string form, e.g. `env in (prod,staging),!legacy,tier=web`.
    pub fn parse(input: &str) -> Result<Self, SelectorError> {
        parse::parse(input).map(Self::from_requirements)
    }

    /// Builds a selector from already validated requirements, sorting them canonically.
    pub fn from_requirements(mut requirements: Vec<Requirement>) -> Self {
        requirements.sort_by(|a, b| a.key.cmp(&b.key));
        Self { requirements }
    }

    /// The requirements, sorted by key.
    pub fn requirements(&self) -> &[Requirement] {
        &self.requirements
    }

    /// True when the selector has no requirements and so matches everything.
    pub fn is_everything(&self) -> bool {
        self.requirements.is_empty()
    }

    /// True when every requirement holds for `labels`.
    pub fn matches<L: Labels + ?Sized>(&self, labels: &L) -> bool {
        self.requirements.iter().all(|r| r.matches(labels.label(&r.key)))
    }

    /// The first requirement that does not hold for `labels`, for explanations.
    pub fn first_unmet<L: Labels + ?Sized>(&self, labels: &L) -> Option<&Requirement> {
        self.requirements.iter().find(|r| !r.matches(labels.label(&r.key)))
    }
}

impl Requirement {
    /// Builds a requirement after checking the key, the values and the operator's arity.
    pub fn new(
        key: impl Into<String>,
        operator: Operator,
        values: impl IntoIterator<Item = String>,
    ) -> Result<Self, RequirementError> {
        let key = key.into();
        if let Err(rule) = validate_label_key(&key) {
            return Err(RequirementError::InvalidKey { key, rule });
        }
        let mut values: Vec<String> = values.into_iter().collect();
        if let Some((value, rule)) =
            values.iter().find_map(|v| validate_label_value(v).err().map(|rule| (v.clone(), rule)))
        {
            return Err(RequirementError::InvalidValue { key, value, rule });
        }
        values.sort();
        values.dedup();
        let expected = match operator {
            Operator::Equals | Operator::NotEquals if values.len() != 1 => Some("exactly one"),
            Operator::In | Operator::NotIn if values.is_empty() => Some("at least one"),
            Operator::Exists | Operator::DoesNotExist if !values.is_empty() => Some("no"),
            _ => None,
        };
        if let Some(expected) = expected {
            let found = values.len();
            return Err(RequirementError::WrongValueCount { key, operator, expected, found });
        }
        Ok(Self { key, operator, values })
    }

    /// The label key this requirement looks at.
    pub fn key(&self) -> &str {
        &self.key
    }

    /// The comparison.
    pub fn operator(&self) -> Operator {
        self.operator
    }

    /// The values (sorted, unique); one for `=`/`!=`, none for exists/not-exists.
    pub fn values(&self) -> &[String] {
        &self.values
    }

    /// Whether a label with value `value` (`None`: absent) satisfies this requirement.
    pub fn matches(&self, value: Option<&str>) -> bool {
        let listed = |v: &str| self.values.binary_search_by(|x| x.as_str().cmp(v)).is_ok();
        match self.operator {
            Operator::Equals | Operator::In => value.is_some_and(listed),
            Operator::NotEquals | Operator::NotIn => !value.is_some_and(listed),
            Operator::Exists => value.is_some(),
            Operator::DoesNotExist => value.is_none(),
        }
    }
}

impl fmt::Display for Requirement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let list = || self.values.join(",");
        match self.operator {
            Operator::Equals => write!(f, "{}={}", self.key, self.values[0]),
            Operator::NotEquals => write!(f, "{}!={}", self.key, self.values[0]),
            Operator::In => write!(f, "{} in ({})", self.key, list()),
            Operator::NotIn => write!(f, "{} notin ({})", self.key, list()),
            Operator::Exists => f.write_str(&self.key),
            Operator::DoesNotExist => write!(f, "!{}", self.key),
        }
    }
}

impl fmt::Display for LabelSelector {
    /// Renders the Kubernetes string form; `parse` of the result gives back an equal selector
    /// (for selectors without empty values, which the string form cannot express).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, requirement) in self.requirements.iter().enumerate() {
            if i > 0 {
                f.write_str(",")?;
            }
            write!(f, "{requirement}")?;
        }
        Ok(())
    }
}

impl std::str::FromStr for LabelSelector {
    type Err = SelectorError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

// Files and JSON/YAML output carry selectors in their string form: short, and what users type.
impl Serialize for LabelSelector {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for LabelSelector {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Self::parse(&text).map_err(serde::de::Error::custom)
    }
}
