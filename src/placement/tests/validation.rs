//! Policies and inventories that parse but cannot be applied.

use super::*;

#[test]
fn invalid_policies_and_inventories_are_errors() {
    let inventory = Inventory::new(vec![cluster("a")]).unwrap();
    let base = PlacementPolicy::new(Strategy::Spread);
    let check = |policy: PlacementPolicy, want: &str| {
        assert_eq!(inventory.compile(&policy).unwrap_err().to_string(), want);
    };
    check(
        PlacementPolicy { number_of_clusters: Some(0), ..base.clone() },
        "numberOfClusters must be at least 1, found 0",
    );
    check(
        PlacementPolicy { spread: SpreadConstraint { by_location: false, max_skew: Some(0) }, ..base.clone() },
        "spread.maxSkew must be at least 1, found 0 (replicas cannot always divide evenly)",
    );
    let weights = |pairs: &[(&str, u32)]| {
        ReplicaDivision::Divided(DivisionWeights::Static(pairs.iter().map(|(n, w)| ((*n).to_owned(), *w)).collect()))
    };
    check(
        PlacementPolicy { replica_division: weights(&[]), ..base.clone() },
        "Divided static weights must give at least one cluster a weight above 0",
    );
    check(
        PlacementPolicy { replica_division: weights(&[("a", 0)]), ..base.clone() },
        "Divided static weights must give at least one cluster a weight above 0",
    );
    check(
        PlacementPolicy { replica_division: weights(&[("x", 1), ("y", 2)]), ..base.clone() },
        "Divided static weights refer to no registered cluster (named: x, y)",
    );
    let term = |weight| AffinityTerms {
        required: vec![],
        preferred: vec![WeightedAffinityTerm { weight, selector: selector("a") }],
    };
    check(
        PlacementPolicy { affinity: term(0), ..base.clone() },
        "affinity.preferred[0].weight must be between 1 and 100, found 0",
    );
    check(
        PlacementPolicy { affinity: term(101), ..base.clone() },
        "affinity.preferred[0].weight must be between 1 and 100, found 101",
    );
    let bad = Toleration { operator: TolerationOperator::Exists, value: "x".into(), ..Toleration::default() };
    check(
        PlacementPolicy { tolerations: vec![bad], ..base.clone() },
        "tolerations[0]: operator Exists must not have a value",
    );
    let empty_capability = vec![CapabilityRequirement { capability: String::new(), required: true }];
    check(
        PlacementPolicy { capability_requirements: empty_capability, ..base },
        "capabilityRequirements[0].type must not be empty",
    );
    assert_eq!(
        Inventory::new(vec![cluster("a"), cluster("a")]).unwrap_err().to_string(),
        "cluster \"a\" appears more than once in the inventory"
    );
    assert_eq!(Inventory::new(vec![cluster("")]).unwrap_err(), InventoryError::EmptyName(0));
}
