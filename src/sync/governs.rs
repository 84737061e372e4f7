//! Which placement governs a workload: (placements' namespace and workload selectors, the
//! workload's namespace labels and own labels) → [`Governance`].
//!
//! Exactly one placement may govern a workload. Two that both select it are a conflict the
//! user has to resolve; syncing under either would make the result depend on which the
//! controller happened to see first, so neither wins and nothing is synced.

use std::collections::BTreeMap;

use crate::api::{WorkloadPlacement, WorkloadPlacementSpec};
use crate::placement::from_api::{selector, PolicyInputError};
use crate::selector::LabelSelector;

/// The label kcp and Kubernetes put on every Namespace: its own name. Added when a caller's
/// labels lack it so that selectors on it work the same whoever listed the namespace.
const NAMESPACE_NAME_LABEL: &str = "kubernetes.io/metadata.name";

/// A placement as far as choosing workloads goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlacementScope {
    /// The placement's name (placements are cluster-scoped in a workspace).
    pub name: String,
    /// None = every namespace.
    pub namespace_selector: Option<LabelSelector>,
    /// None = every workload.
    pub workload_selector: Option<LabelSelector>,
}

impl PlacementScope {
    /// The scope of a WorkloadPlacement named `name`; an invalid selector is an error naming
    /// the field.
    pub fn from_placement(name: &str, spec: &WorkloadPlacementSpec) -> Result<Self, PolicyInputError> {
        let namespace_selector =
            spec.namespace_selector.as_ref().map(|s| selector(Some(s), "spec.namespaceSelector")).transpose()?;
        let workload_selector =
            spec.workload_selector.as_ref().map(|s| selector(Some(s), "spec.workloadSelector")).transpose()?;
        Ok(PlacementScope { name: name.to_string(), namespace_selector, workload_selector })
    }

    fn selects(&self, namespace_labels: &BTreeMap<String, String>, workload_labels: &BTreeMap<String, String>) -> bool {
        self.namespace_selector.as_ref().is_none_or(|s| s.matches(namespace_labels))
            && self.workload_selector.as_ref().is_none_or(|s| s.matches(workload_labels))
    }
}

/// Which placements select a workload.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Governance {
    /// No placement selects it: it stays in the workspace only.
    None,
    /// Exactly this placement governs it.
    One(String),
    /// Several select it (their names, sorted): nothing is synced until the user narrows them.
    Conflict(Vec<String>),
    /// A placement of its workspace cannot be read and no good version of it is known (names
    /// and why, sorted): it could select anything, so nothing is synced, moved or removed.
    Frozen(Vec<(String, String)>),
}

/// A placement as the sync loop reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScopeRead {
    /// Its selectors parse.
    Valid(PlacementScope),
    /// They do not, or the placement does not decode at all.
    Invalid {
        /// The placement's name.
        name: String,
        /// Why it cannot be read.
        problem: String,
        /// The scope of its last good version, when one was seen.
        last_good: Option<PlacementScope>,
    },
}

/// [`governing`] when some placements cannot be read: one with a last good scope governs by
/// it (an edit that broke it changes nothing); one without freezes every workload of the
/// workspace, since it could select any of them.
pub fn governing_despite_invalid(
    reads: &[ScopeRead],
    namespace: &str,
    namespace_labels: &BTreeMap<String, String>,
    workload_labels: &BTreeMap<String, String>,
) -> Governance {
    let mut unknown: Vec<(String, String)> = reads
        .iter()
        .filter_map(|read| match read {
            ScopeRead::Invalid { name, problem, last_good: None } => Some((name.clone(), problem.clone())),
            _ => None,
        })
        .collect();
    if !unknown.is_empty() {
        unknown.sort();
        unknown.dedup_by(|a, b| a.0 == b.0);
        return Governance::Frozen(unknown);
    }
    let scopes: Vec<PlacementScope> = reads
        .iter()
        .filter_map(|read| match read {
            ScopeRead::Valid(scope) => Some(scope.clone()),
            ScopeRead::Invalid { last_good, .. } => last_good.clone(),
        })
        .collect();
    governing(&scopes, namespace, namespace_labels, workload_labels)
}

/// Which placements govern a workload in namespace with `namespace_labels` (a Namespace's
/// labels; kcp adds `kubernetes.io/metadata.name`, include it if absent) and `workload_labels`.
/// The same placement name listed twice counts once.
pub fn governing(
    placements: &[PlacementScope],
    namespace: &str,
    namespace_labels: &BTreeMap<String, String>,
    workload_labels: &BTreeMap<String, String>,
) -> Governance {
    let mut namespace_labels = namespace_labels.clone();
    namespace_labels.entry(NAMESPACE_NAME_LABEL.to_string()).or_insert_with(|| namespace.to_string());
    let mut names: Vec<String> =
        placements.iter().filter(|p| p.selects(&namespace_labels, workload_labels)).map(|p| p.name.clone()).collect();
    names.sort();
    names.dedup();
    match names.len() {
        0 => Governance::None,
        1 => Governance::One(names.remove(0)),
        _ => Governance::Conflict(names),
    }
}

/// Why a workload goes where it goes, in one line (the `placement.reason` of its trace):
/// the governing placement and what its decision says, or why there is none. The flag is
/// true when the workload cannot be synced as it stands (two placements claim it).
pub fn decision_reason(
    governance: &Governance,
    placement: Option<&WorkloadPlacement>,
    chosen: &[(String, Option<u32>)],
) -> (String, bool) {
    let name = match governance {
        Governance::None => return ("no placement selects this workload".into(), false),
        Governance::Conflict(names) => {
            return (format!("placements {} all select this workload", names.join(", ")), true)
        }
        Governance::Frozen(unreadable) => return (frozen_message(unreadable), true),
        Governance::One(name) => name,
    };
    let Some(placement) = placement else {
        return (format!("placement {name} is not known yet"), false);
    };
    let status = placement.status.as_ref();
    if chosen.is_empty() {
        let why = status
            .and_then(|s| s.conditions.iter().find(|c| c.type_ == "Scheduled"))
            .and_then(|c| c.message.as_deref())
            .unwrap_or("it has not decided yet");
        return (format!("placement {name} has chosen no cluster: {why}"), false);
    }
    let reasons: Vec<String> = chosen
        .iter()
        .map(|(cluster, _)| {
            let entry = status.and_then(|s| s.decisions.iter().find(|d| &d.cluster == cluster));
            match entry.and_then(|d| d.reason.as_deref()) {
                Some(reason) => format!("{cluster} ({reason})"),
                None => cluster.clone(),
            }
        })
        .collect();
    (format!("placement {name} chose {}", reasons.join(", ")), false)
}

/// Why a workload is held as it is while placements of its workspace cannot be read.
pub fn frozen_message(unreadable: &[(String, String)]) -> String {
    let each: Vec<String> = unreadable.iter().map(|(name, problem)| format!("placement {name}: {problem}")).collect();
    format!("held as it is (nothing synced, moved or removed) until these can be read: {}", each.join("; "))
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn scope(name: &str, namespaces: Option<&str>, workloads: Option<&str>) -> PlacementScope {
        let parse = |s: &str| LabelSelector::parse(s).unwrap();
        PlacementScope {
            name: name.to_string(),
            namespace_selector: namespaces.map(parse),
            workload_selector: workloads.map(parse),
        }
    }

    fn labels(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs.iter().map(|(k, v)| ((*k).to_string(), (*v).to_string())).collect()
    }

    #[test]
    fn a_placement_without_selectors_governs_everything() {
        let all = [scope("all", None, None)];
        assert_eq!(governing(&all, "shop", &labels(&[]), &labels(&[])), Governance::One("all".into()));
    }

    #[test]
    fn both_selectors_must_match() {
        let eu = [scope("eu", Some("team=shop"), Some("tier=web"))];
        let shop = labels(&[("team", "shop")]);
        assert_eq!(governing(&eu, "shop", &shop, &labels(&[("tier", "web")])), Governance::One("eu".into()));
        assert_eq!(governing(&eu, "shop", &shop, &labels(&[("tier", "db")])), Governance::None);
        assert_eq!(governing(&eu, "cart", &labels(&[]), &labels(&[("tier", "web")])), Governance::None);
    }

    #[test]
    fn the_namespace_name_label_is_there_even_when_the_caller_left_it_out() {
        let by_name = [scope("shop-only", Some("kubernetes.io/metadata.name=shop"), None)];
        assert_eq!(governing(&by_name, "shop", &labels(&[]), &labels(&[])), Governance::One("shop-only".into()));
        assert_eq!(governing(&by_name, "cart", &labels(&[]), &labels(&[])), Governance::None);
    }

    #[test]
    fn two_matching_placements_are_a_conflict_naming_both_sorted() {
        let both = [scope("zeta", None, None), scope("alpha", None, Some("app")), scope("other", None, Some("db"))];
        let found = governing(&both, "shop", &labels(&[]), &labels(&[("app", "web")]));
        assert_eq!(found, Governance::Conflict(vec!["alpha".into(), "zeta".into()]));
    }

    #[test]
    fn scopes_come_from_the_placement_spec_and_name_a_bad_field() {
        let spec: WorkloadPlacementSpec =
            serde_json::from_value(serde_json::json!({"namespaceSelector": {"matchLabels": {"team": "shop"}}}))
                .unwrap();
        let found = PlacementScope::from_placement("eu", &spec).unwrap();
        assert_eq!(found, scope("eu", Some("team=shop"), None));
        let bad: WorkloadPlacementSpec =
            serde_json::from_value(serde_json::json!({"workloadSelector": {"matchLabels": {"Bad Key": "x"}}})).unwrap();
        let err = PlacementScope::from_placement("eu", &bad).unwrap_err().to_string();
        assert!(err.contains("spec.workloadSelector"), "{err}");
    }

    fn arb_scope() -> impl Strategy<Value = PlacementScope> {
        let selectors = proptest::sample::select(vec![None, Some("a"), Some("!a"), Some("a=1"), Some("b in (1,2)")]);
        ("[p-t]", selectors.clone(), selectors).prop_map(|(name, ns, wl)| scope(&name, ns, wl))
    }

    fn arb_labels() -> impl Strategy<Value = BTreeMap<String, String>> {
        proptest::collection::btree_map("[ab]", "[12]", 0..3)
    }

    proptest! {
        #[test]
        fn conflict_iff_two_or_more_distinct_placements_match(
            placements in proptest::collection::vec(arb_scope(), 0..6), ns in arb_labels(), wl in arb_labels(),
        ) {
            let mut with_name = ns.clone();
            with_name.insert(NAMESPACE_NAME_LABEL.into(), "shop".into());
            let mut matching: Vec<&str> =
                placements.iter().filter(|p| p.selects(&with_name, &wl)).map(|p| p.name.as_str()).collect();
            matching.sort();
            matching.dedup();
            let found = governing(&placements, "shop", &ns, &wl);
            prop_assert_eq!(matches!(found, Governance::Conflict(_)), matching.len() >= 2);
            prop_assert_eq!(matches!(found, Governance::None), matching.is_empty());
        }

        #[test]
        fn the_answer_does_not_depend_on_the_order_of_placements(
            placements in proptest::collection::vec(arb_scope(), 0..6), ns in arb_labels(), wl in arb_labels(),
        ) {
            let mut reversed = placements.clone();
            reversed.reverse();
            prop_assert_eq!(governing(&placements, "shop", &ns, &wl), governing(&reversed, "shop", &ns, &wl));
        }
    }

    fn invalid(name: &str, last_good: Option<PlacementScope>) -> ScopeRead {
        ScopeRead::Invalid {
            name: name.into(),
            problem: "spec.namespaceSelector: bad operator \"in\"".into(),
            last_good,
        }
    }

    #[test]
    fn a_placement_broken_by_an_edit_governs_by_its_last_good_selectors() {
        let reads = [invalid("eu", Some(scope("eu", Some("team=shop"), None)))];
        let shop = labels(&[("team", "shop")]);
        assert_eq!(governing_despite_invalid(&reads, "shop", &shop, &labels(&[])), Governance::One("eu".into()));
        assert_eq!(governing_despite_invalid(&reads, "cart", &labels(&[]), &labels(&[])), Governance::None);
    }

    #[test]
    fn a_placement_never_read_freezes_every_workload_of_the_workspace() {
        let reads = [ScopeRead::Valid(scope("all", None, None)), invalid("eu", None)];
        let found = governing_despite_invalid(&reads, "shop", &labels(&[]), &labels(&[]));
        let Governance::Frozen(unreadable) = &found else { panic!("{found:?}") };
        assert_eq!(unreadable[0].0, "eu");
        let (reason, failed) = decision_reason(&found, None, &[]);
        assert!(failed && reason.contains("placement eu: spec.namespaceSelector"), "{reason}");
    }

    proptest! {
        /// Whatever the placements, a frozen answer is never None: nothing is removed while
        /// a placement that could govern the workload cannot be read.
        #[test]
        fn an_unreadable_placement_never_makes_a_workload_ungoverned(
            valid in proptest::collection::vec(arb_scope(), 0..4), broken in proptest::bool::ANY,
            ns in arb_labels(), wl in arb_labels(),
        ) {
            let mut reads: Vec<ScopeRead> = valid.iter().cloned().map(ScopeRead::Valid).collect();
            if broken {
                reads.push(invalid("z", None));
            }
            let found = governing_despite_invalid(&reads, "shop", &ns, &wl);
            prop_assert_eq!(matches!(found, Governance::Frozen(_)), broken);
            if !broken {
                prop_assert_eq!(found, governing(&valid, "shop", &ns, &wl));
            }
        }
    }

    fn placement(decisions: &[(&str, Option<&str>)], scheduled: Option<&str>) -> WorkloadPlacement {
        let mut status = serde_json::json!({
            "decisions": decisions.iter().map(|(c, r)| serde_json::json!({"cluster": c, "reason": r})).collect::<Vec<_>>(),
        });
        if let Some(message) = scheduled {
            status["conditions"] = serde_json::json!([{"type": "Scheduled", "status": "False", "reason": "NoCandidates", "message": message}]);
        }
        serde_json::from_value(serde_json::json!({
            "apiVersion": "tmc.kcp.io/v1alpha1", "kind": "WorkloadPlacement",
            "metadata": {"name": "web"}, "spec": {"strategy": "Spread"}, "status": status,
        }))
        .unwrap()
    }

    #[test]
    fn the_reason_names_the_placement_and_why_each_cluster_was_chosen() {
        let web = placement(&[("pc1", Some("score 90")), ("pc2", None)], None);
        let chosen = [("pc1".to_string(), Some(2)), ("pc2".to_string(), Some(1))];
        let (reason, failed) = decision_reason(&Governance::One("web".into()), Some(&web), &chosen);
        assert_eq!(reason, "placement web chose pc1 (score 90), pc2");
        assert!(!failed);
    }

    #[test]
    fn no_candidates_carries_the_placements_own_message() {
        let web = placement(&[], Some("0 of 2 clusters match: pc1 cordoned"));
        let (reason, _) = decision_reason(&Governance::One("web".into()), Some(&web), &[]);
        assert_eq!(reason, "placement web has chosen no cluster: 0 of 2 clusters match: pc1 cordoned");
    }

    #[test]
    fn only_a_conflict_is_an_error() {
        let conflict = Governance::Conflict(vec!["a".into(), "b".into()]);
        assert_eq!(decision_reason(&conflict, None, &[]), ("placements a, b all select this workload".into(), true));
        assert_eq!(decision_reason(&Governance::None, None, &[]), ("no placement selects this workload".into(), false));
    }
}
