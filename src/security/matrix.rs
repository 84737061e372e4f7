//! The answer of `rbac check`: one row per place asked (the kcp workspace, each registered
//! cluster), one column per verb, each cell what that place's authorizer said and why. A place
//! that could not be asked is a row of unknown cells, never a silent "allowed".

/// Where a row's answers come from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    /// A kcp workspace, by path.
    Workspace(String),
    /// A registered physical cluster, by registration name.
    Cluster(String),
}

impl Place {
    /// How the row is labelled: `workspace root:a`, `cluster pc1`.
    pub fn label(&self) -> String {
        match self {
            Place::Workspace(path) => format!("workspace {path}"),
            Place::Cluster(name) => format!("cluster {name}"),
        }
    }
}

/// One authorizer's answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Allowed, with the authorizer's reason (RBAC names the binding and role).
    Allowed(String),
    /// Denied; the reason is often empty (RBAC gives none for "no rule matched").
    Denied(String),
    /// The question could not be asked or answered: the reason says why.
    Unknown(String),
}

impl Verdict {
    /// Reads a SubjectAccessReview's status: `allowed`, `denied`, `reason`, `evaluationError`.
    pub fn from_review_status(status: &serde_json::Value) -> Self {
        let reason = status["reason"].as_str().unwrap_or_default().to_string();
        let error = status["evaluationError"].as_str().unwrap_or_default();
        let with_error = |reason: String| match (reason.is_empty(), error.is_empty()) {
            (_, true) => reason,
            (true, false) => error.to_string(),
            (false, false) => format!("{reason}; {error}"),
        };
        if status["allowed"].as_bool() == Some(true) {
            Verdict::Allowed(reason)
        } else {
            Verdict::Denied(with_error(reason))
        }
    }

    /// The short form for a table cell.
    pub fn word(&self) -> &'static str {
        match self {
            Verdict::Allowed(_) => "allowed",
            Verdict::Denied(_) => "denied",
            Verdict::Unknown(_) => "unknown",
        }
    }

    /// The reason given, possibly empty.
    pub fn reason(&self) -> &str {
        match self {
            Verdict::Allowed(r) | Verdict::Denied(r) | Verdict::Unknown(r) => r,
        }
    }
}

/// One row: a place and its verdict for each verb, in the matrix's verb order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MatrixRow {
    /// Where the answers come from.
    pub place: Place,
    /// One verdict per verb.
    pub verdicts: Vec<Verdict>,
}

/// The whole answer.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AccessMatrix {
    /// The columns.
    pub verbs: Vec<String>,
    /// The rows, workspace first, then clusters by name.
    pub rows: Vec<MatrixRow>,
}

impl AccessMatrix {
    /// Whether every cell is allowed: the only case `rbac check` exits 0.
    pub fn all_allowed(&self) -> bool {
        !self.rows.is_empty() && self.rows.iter().all(|r| r.verdicts.iter().all(|v| matches!(v, Verdict::Allowed(_))))
    }

    /// Counts of (allowed, denied, unknown) cells.
    pub fn counts(&self) -> (usize, usize, usize) {
        let cells = || self.rows.iter().flat_map(|r| &r.verdicts);
        let count = |word| cells().filter(|v| v.word() == word).count();
        (count("allowed"), count("denied"), count("unknown"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn row(place: Place, verdicts: Vec<Verdict>) -> MatrixRow {
        MatrixRow { place, verdicts }
    }

    #[test]
    fn only_a_matrix_of_allowed_cells_passes() {
        let allowed = Verdict::Allowed("RBAC: allowed by ClusterRoleBinding x".into());
        let mut matrix = AccessMatrix {
            verbs: vec!["get".into(), "list".into()],
            rows: vec![row(Place::Workspace("root:a".into()), vec![allowed.clone(), allowed.clone()])],
        };
        assert!(matrix.all_allowed());
        matrix.rows.push(row(Place::Cluster("pc1".into()), vec![allowed.clone(), Verdict::Denied(String::new())]));
        assert!(!matrix.all_allowed());
        matrix.rows[1].verdicts[1] = Verdict::Unknown("cluster unreachable".into());
        assert!(!matrix.all_allowed(), "a place that could not be asked is not a pass");
        assert_eq!(matrix.counts(), (3, 0, 1));
        assert!(!AccessMatrix::default().all_allowed(), "an empty matrix proves nothing");
    }

    #[test]
    fn review_status_keeps_reason_and_evaluation_error() {
        let allowed = Verdict::from_review_status(&json!({"allowed": true, "reason": "RBAC: allowed by x"}));
        assert_eq!(allowed, Verdict::Allowed("RBAC: allowed by x".into()));
        let denied = Verdict::from_review_status(&json!({"allowed": false, "denied": true, "evaluationError": "boom"}));
        assert_eq!(denied, Verdict::Denied("boom".into()));
        assert_eq!(Verdict::from_review_status(&json!({})), Verdict::Denied(String::new()));
    }
}
