use std::collections::BTreeMap;

use proptest::prelude::*;

use super::*;

const TIMEOUT: Duration = Duration::from_secs(300);

fn at(seconds: i64) -> Timestamp {
    Timestamp::from_second(1_750_000_000 + seconds).unwrap_or(Timestamp::UNIX_EPOCH)
}

fn names(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

fn copy(cluster: &str, available: bool, retiring_since: Option<i64>) -> Copy {
    Copy {
        cluster: cluster.into(),
        available,
        retiring_since: retiring_since.map(at),
        delete_when_ungoverned: false,
        leaving: false,
    }
}

fn leaving(cluster: &str, available: bool) -> Copy {
    Copy { leaving: true, ..copy(cluster, available, None) }
}

#[test]
fn a_copy_on_a_cluster_leaving_with_delete_goes_even_with_nothing_to_replace_it() {
    // No cluster chosen: copies elsewhere stay, the leaving one goes at once.
    let planned = plan(&[], &[copy("pc1", true, None), leaving("pc2", true)], false, at(0), TIMEOUT);
    assert_eq!(planned.steps, vec![delete("pc2")]);
    // Ungoverned: the same, whatever its placement's deletion policy.
    assert_eq!(
        ungoverned(&[copy("pc1", true, None), leaving("pc2", true)]).steps,
        vec![Step::Orphan { cluster: "pc1".into() }, delete("pc2")]
    );
}

#[test]
fn a_copy_on_a_cluster_the_placement_has_not_decided_with_in_view_is_held() {
    let copies = [copy("pc1", true, None), copy("pc2", true, None), copy("pc3", true, Some(-10))];
    let planned = plan(&names(&["pc1"]), &copies, false, at(0), TIMEOUT);
    assert_eq!(planned.steps, vec![apply("pc1"), delete("pc2"), delete("pc3")]);
    let undecided = BTreeMap::from([("pc2".to_string(), at(30))]);
    let held = hold_undecided(planned, &undecided);
    assert_eq!(held.steps, vec![apply("pc1"), Step::Keep { cluster: "pc2".into(), until: at(30) }, delete("pc3")]);
    assert_eq!(held.next_deadline(), Some(at(30)));
}

#[test]
fn a_copy_on_a_cluster_leaving_waits_for_its_replacement_like_any_move() {
    let copies = [copy("pc1", false, None), leaving("pc2", true)];
    let planned = plan(&names(&["pc1"]), &copies, false, at(0), TIMEOUT);
    assert_eq!(planned.steps, vec![apply("pc1"), Step::MarkRetiring { cluster: "pc2".into() }]);
    let copies = [copy("pc1", true, None), leaving("pc2", true)];
    assert_eq!(plan(&names(&["pc1"]), &copies, false, at(0), TIMEOUT).steps, vec![apply("pc1"), delete("pc2")]);
}

#[test]
fn an_ungoverned_workload_keeps_its_copies_unless_their_placement_said_delete() {
    let mut gone = copy("pc2", true, None);
    gone.delete_when_ungoverned = true;
    let copies = [copy("pc1", true, None), gone, copy("pc1", false, None)];
    let planned = ungoverned(&copies);
    assert_eq!(planned.steps, vec![Step::Orphan { cluster: "pc1".into() }, Step::Delete { cluster: "pc2".into() }]);
    assert!(ungoverned(&[]).steps.is_empty());
}

fn apply(c: &str) -> Step {
    Step::Apply { cluster: c.into() }
}

fn delete(c: &str) -> Step {
    Step::Delete { cluster: c.into() }
}

#[test]
fn a_move_applies_the_new_copy_and_marks_the_old_one() {
    let p = plan(&names(&["b"]), &[copy("a", true, None)], false, at(0), TIMEOUT);
    assert_eq!(p.steps, [apply("b"), Step::MarkRetiring { cluster: "a".into() }]);
    assert_eq!(p.next_deadline(), None);
}

#[test]
fn the_old_copy_is_kept_until_the_deadline_while_the_new_one_is_not_available() {
    let copies = [copy("a", true, Some(0)), copy("b", false, None)];
    let p = plan(&names(&["b"]), &copies, false, at(100), TIMEOUT);
    assert_eq!(p.steps, [apply("b"), Step::Keep { cluster: "a".into(), until: at(300) }]);
    assert_eq!(p.next_deadline(), Some(at(300)));
    let p = plan(&names(&["b"]), &copies, false, at(300), TIMEOUT);
    assert_eq!(p.steps, [apply("b"), delete("a")]);
}

#[test]
fn the_old_copy_goes_as_soon_as_every_new_copy_is_available() {
    let copies = [copy("a", true, Some(0)), copy("b", true, None), copy("c", false, None)];
    let p = plan(&names(&["b", "c"]), &copies, false, at(10), TIMEOUT);
    assert!(p.steps.contains(&Step::Keep { cluster: "a".into(), until: at(300) }));
    let copies = [copy("a", true, None), copy("b", true, None), copy("c", true, None)];
    let p = plan(&names(&["b", "c"]), &copies, false, at(10), TIMEOUT);
    assert_eq!(p.steps, [apply("b"), apply("c"), delete("a")]);
}

#[test]
fn removing_all_deletes_every_copy_and_applies_nothing() {
    let copies = [copy("a", true, None), copy("b", false, Some(0)), copy("a", true, None)];
    let p = plan(&names(&["a"]), &copies, true, at(0), TIMEOUT);
    assert_eq!(p.steps, [delete("a"), delete("b")]);
}

#[test]
fn without_a_chosen_cluster_nothing_is_deleted_or_marked() {
    let copies = [copy("a", true, None), copy("b", true, Some(0))];
    let p = plan(&[], &copies, false, at(10_000), TIMEOUT);
    assert!(p.steps.is_empty());
}

#[test]
fn a_timeout_beyond_the_representable_future_keeps_the_copy() {
    let p = plan(&names(&["b"]), &[copy("a", true, Some(0))], false, at(0), Duration::MAX);
    assert_eq!(p.steps[1], Step::Keep { cluster: "a".into(), until: Timestamp::MAX });
}

const CLUSTERS: [&str; 4] = ["a", "b", "c", "d"];

fn subset(mask: u8) -> Vec<String> {
    CLUSTERS.iter().enumerate().filter(|(i, _)| mask & (1 << i) != 0).map(|(_, c)| c.to_string()).collect()
}

fn arb_copies() -> impl Strategy<Value = Vec<Copy>> {
    proptest::collection::vec((0usize..4, any::<bool>(), prop::option::of(0i64..600)), 0..6)
        .prop_map(|v| v.into_iter().map(|(i, available, since)| copy(CLUSTERS[i], available, since)).collect())
}

proptest! {
    #[test]
    fn plans_keep_the_safety_rules(mask in 0u8..16, copies in arb_copies(), remove_all in any::<bool>(), now in 0i64..1000) {
        let chosen = subset(mask);
        let p = plan(&chosen, &copies, remove_all, at(now), TIMEOUT);
        let ranks: Vec<u8> = p.steps.iter().map(Step::rank).collect();
        prop_assert!(ranks.windows(2).all(|w| w[0] <= w[1]), "sorted: {:?}", p.steps);
        let deletes: Vec<&str> = p.steps.iter().filter(|s| matches!(s, Step::Delete { .. })).map(Step::cluster).collect();
        if remove_all {
            let mut holders: Vec<&str> = copies.iter().map(|c| c.cluster.as_str()).collect();
            holders.sort();
            holders.dedup();
            prop_assert_eq!(deletes.len(), p.steps.len(), "only deletes");
            let mut sorted = deletes.clone();
            sorted.sort();
            prop_assert_eq!(sorted, holders);
            return Ok(());
        }
        let applies: Vec<&str> = p.steps.iter().filter(|s| matches!(s, Step::Apply { .. })).map(Step::cluster).collect();
        prop_assert_eq!(&applies, &chosen.iter().map(String::as_str).collect::<Vec<_>>());
        let ready = chosen.iter().all(|w| copies.iter().any(|c| &c.cluster == w && c.available));
        for d in &deletes {
            prop_assert!(!chosen.iter().any(|c| c == d), "deleted a chosen cluster {}", d);
            let timed_out = copies.iter().any(|c| c.cluster == *d
                && c.retiring_since.is_some_and(|s| deadline(s, TIMEOUT).is_some_and(|dl| dl <= at(now))));
            prop_assert!(ready || timed_out, "deleted {} early", d);
        }
        if chosen.is_empty() {
            prop_assert!(p.steps.is_empty());
        }
        // Every copy on a cluster not chosen gets exactly one step.
        for c in copies.iter().filter(|c| !chosen.contains(&c.cluster)) {
            if !chosen.is_empty() {
                prop_assert_eq!(p.steps.iter().filter(|s| s.cluster() == c.cluster).count(), 1);
            }
        }
    }
}

/// A cluster's copy in the model: it becomes available `ready_after` its creation.
#[derive(Debug, Clone)]
struct ModelCopy {
    ready_at: Timestamp,
    retiring_since: Option<Timestamp>,
}

/// Runs plans over time against a model of the clusters and carries them out; returns, for
/// every plan, whether some copy was available after it, and whether a copy went by timeout.
fn run(events: &[(u8, i64, i64)], spacing: i64) -> Vec<(bool, bool)> {
    let mut now = at(0);
    let mut last_switch = at(-100_000);
    let mut chosen = names(&["a"]);
    let mut world: BTreeMap<String, ModelCopy> = BTreeMap::new();
    world.insert("a".into(), ModelCopy { ready_at: now, retiring_since: None });
    let mut out = Vec::new();
    for &(mask, dt, ready_after) in events {
        now = now.checked_add(SignedDuration::from_secs(dt)).unwrap_or(now);
        let wanted = subset(mask);
        let since_switch = now.duration_since(last_switch).as_secs();
        if !wanted.is_empty() && wanted != chosen && since_switch >= spacing {
            chosen = wanted;
            last_switch = now;
        }
        let copies: Vec<Copy> = world
            .iter()
            .map(|(cluster, m)| Copy {
                cluster: cluster.clone(),
                available: m.ready_at <= now,
                retiring_since: m.retiring_since,
                delete_when_ungoverned: false,
                leaving: false,
            })
            .collect();
        let p = plan(&chosen, &copies, false, now, TIMEOUT);
        let mut by_timeout = false;
        for step in &p.steps {
            match step {
                Step::Apply { cluster } => {
                    let ready_at = now.checked_add(SignedDuration::from_secs(ready_after)).unwrap_or(now);
                    world
                        .entry(cluster.clone())
                        .or_insert(ModelCopy { ready_at, retiring_since: None })
                        .retiring_since = None;
                }
                Step::MarkRetiring { cluster } => {
                    if let Some(m) = world.get_mut(cluster) {
                        m.retiring_since = Some(now);
                    }
                }
                Step::Delete { cluster } => {
                    let chosen_ready = chosen.iter().all(|c| world.get(c).is_some_and(|m| m.ready_at <= now));
                    by_timeout |= !chosen_ready;
                    world.remove(cluster);
                }
                Step::Keep { .. } | Step::Orphan { .. } => {}
            }
        }
        out.push((world.values().any(|m| m.ready_at <= now), by_timeout));
    }
    out
}

fn events() -> impl Strategy<Value = Vec<(u8, i64, i64)>> {
    proptest::collection::vec((1u8..16, 1i64..120, 1i64..290), 1..60)
}

proptest! {
    /// Placements that change no faster than the timeout, onto clusters that come up within
    /// it: some copy is always available.
    #[test]
    fn ready_replicas_never_drop_to_zero_when_clusters_come_up_in_time(events in events()) {
        for (i, (available, _)) in run(&events, TIMEOUT.as_secs() as i64).into_iter().enumerate() {
            prop_assert!(available, "no available copy after plan {}", i);
        }
    }

    /// However fast placements change: the last available copy only goes by the timeout.
    #[test]
    fn only_the_timeout_can_take_the_last_available_copy(events in events()) {
        let mut before = true;
        for (i, (available, by_timeout)) in run(&events, 0).into_iter().enumerate() {
            prop_assert!(available || !before || by_timeout, "outage without timeout at plan {}", i);
            before = available;
        }
    }
}
