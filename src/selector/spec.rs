//! The structured selector form used by CRDs (`matchLabels` + `matchExpressions`), and its
//! conversion to and from [`LabelSelector`].

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{LabelSelector, Operator, Requirement, SelectorError};

/// Kubernetes' `metav1.LabelSelector` shape, as found in `WorkloadPlacement` specs.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LabelSelectorSpec {
    /// Each entry `k: v` means the label `k` equals `v`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub match_labels: BTreeMap<String, String>,
    /// Set-based requirements, all of which must hold.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub match_expressions: Vec<LabelSelectorExpression>,
}

/// One `matchExpressions` entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LabelSelectorExpression {
    /// The label key.
    pub key: String,
    /// The comparison.
    pub operator: ExpressionOperator,
    /// Values for `In`/`NotIn`; must be empty for `Exists`/`DoesNotExist`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<String>,
}

/// The operators the structured form allows (an unknown one fails deserialization, listing these).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ExpressionOperator {
    /// The label is present with one of the values.
    In,
    /// The label is absent or has none of the values.
    NotIn,
    /// The label is present.
    Exists,
    /// The label is absent.
    DoesNotExist,
}

impl LabelSelector {
    /// Builds a selector from the structured form, validating keys, values and arity.
    pub fn from_spec(spec: &LabelSelectorSpec) -> Result<Self, SelectorError> {
        let mut requirements = Vec::with_capacity(spec.match_labels.len() + spec.match_expressions.len());
        for (key, value) in &spec.match_labels {
            let requirement =
                Requirement::new(key.clone(), Operator::Equals, [value.clone()]).map_err(SelectorError::MatchLabel)?;
            requirements.push(requirement);
        }
        for (index, expression) in spec.match_expressions.iter().enumerate() {
            let operator = match expression.operator {
                ExpressionOperator::In => Operator::In,
                ExpressionOperator::NotIn => Operator::NotIn,
                ExpressionOperator::Exists => Operator::Exists,
                ExpressionOperator::DoesNotExist => Operator::DoesNotExist,
            };
            let requirement = Requirement::new(expression.key.clone(), operator, expression.values.iter().cloned())
                .map_err(|source| SelectorError::MatchExpression { index, source })?;
            requirements.push(requirement);
        }
        Ok(Self::from_requirements(requirements))
    }

    /// The structured form of this selector: equalities become `matchLabels` when the key has
    /// no other equality, everything else becomes `matchExpressions`.
    pub fn to_spec(&self) -> LabelSelectorSpec {
        let mut spec = LabelSelectorSpec::default();
        for requirement in self.requirements() {
            let key = requirement.key().to_owned();
            let values = requirement.values().to_vec();
            let operator = match requirement.operator() {
                Operator::Equals if !spec.match_labels.contains_key(&key) => {
                    spec.match_labels.insert(key, values[0].clone());
                    continue;
                }
                Operator::Equals | Operator::In => ExpressionOperator::In,
                Operator::NotEquals | Operator::NotIn => ExpressionOperator::NotIn,
                Operator::Exists => ExpressionOperator::Exists,
                Operator::DoesNotExist => ExpressionOperator::DoesNotExist,
            };
            spec.match_expressions.push(LabelSelectorExpression { key, operator, values });
        }
        spec
    }
}
