//! Grammar, error-message, matching and round-trip tests, including property tests that no
//! input panics the parser.

use std::collections::BTreeMap;

use proptest::prelude::*;

use super::*;

fn labels(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
}

fn error(input: &str) -> String {
    LabelSelector::parse(input).expect_err(input).to_string()
}

#[test]
fn parses_every_operator() {
    let s = LabelSelector::parse(" tier , env in (prod, staging),a==b,c!=d , x notin (y),!legacy,e=f").unwrap();
    assert_eq!(s.to_string(), "a=b,c!=d,e=f,env in (prod,staging),!legacy,tier,x notin (y)");
    let ops: Vec<Operator> = s.requirements().iter().map(Requirement::operator).collect();
    use Operator::*;
    assert_eq!(ops, [Equals, NotEquals, Equals, In, DoesNotExist, Exists, NotIn]);
}

#[test]
fn empty_and_whitespace_select_everything() {
    for input in ["", "   ", "\t\n"] {
        let s = LabelSelector::parse(input).unwrap();
        assert!(s.is_everything());
        assert!(s.matches(&labels(&[])));
    }
}

#[test]
fn prefixed_keys_and_keyword_named_keys() {
    let s = LabelSelector::parse("tmc.kcp.io/location=eu-west,in in (in),notin").unwrap();
    assert!(s.matches(&labels(&[("tmc.kcp.io/location", "eu-west"), ("in", "in"), ("notin", "")])));
}

#[test]
fn fault_f11_inputs_are_rejected_with_position_and_token() {
    assert_eq!(error("env in (prod"), "position 12: expected ',' or ')' after value \"prod\", found end of input");
    assert_eq!(error("=x"), "position 0: expected a label key or '!', found '='");
    assert_eq!(error("a!="), "position 3: expected a value after '!=', found end of input");
    assert_eq!(error("a in ()"), "position 6: expected a value after '(', found ')'");
    let long = format!("a={}", "v".repeat(64));
    assert_eq!(
        error(&long),
        format!(
            "position 2: invalid label value \"{}\" for key \"a\": must be no more than 63 characters, found 64",
            "v".repeat(64)
        )
    );
}

#[test]
fn other_malformed_inputs() {
    let cases = [
        ("a=b,", "position 4: expected a label key or '!' after ',', found end of input"),
        ("a=", "position 2: expected a value after '=', found end of input"),
        ("a in (x,)", "position 8: expected a value after ',', found ')'"),
        ("a in x", "position 5: expected '(' after 'a in', found \"x\""),
        ("a b", "position 2: expected '=', '==', '!=', 'in', 'notin', ',' or end of input after key \"a\", found \"b\""),
        ("a=b c", "position 4: expected ',' or end of input after requirement \"a=b\", found \"c\""),
        ("!a=b", "position 2: expected ',' or end of input after requirement \"!a\", found '='"),
        ("!", "position 1: expected a label key after '!', found end of input"),
        ("a>1", "position 1: operator '>' after key \"a\" is not supported in label selectors; use '=', '==', '!=', 'in' or 'notin'"),
        ("a in (x y)", "position 8: expected ',' or ')' after value \"x\", found \"y\""),
        ("a==", "position 3: expected a value after '==', found end of input"),
    ];
    for (input, want) in cases {
        assert_eq!(error(input), want, "{input}");
    }
    assert!(error("-a=b").starts_with("position 0: invalid label key \"-a\""));
    assert!(error("a=b,c in (ok,-bad)").starts_with("position 13: invalid label value \"-bad\""));
    assert!(error("é=1").contains("invalid label key"));
    assert!(error(&format!("{}=x", "k".repeat(64))).contains("no more than 63 characters, found 64"));
}

#[test]
fn matching_semantics() {
    let m = labels(&[("env", "prod"), ("tier", "web")]);
    let yes = [
        "env=prod",
        "env==prod",
        "env!=dev",
        "env in (dev,prod)",
        "env notin (dev)",
        "env",
        "!gpu",
        "gpu!=x",
        "gpu notin (x)",
    ];
    for s in yes {
        assert!(LabelSelector::parse(s).unwrap().matches(&m), "{s}");
    }
    let no = ["env=dev", "env!=prod", "env in (dev)", "env notin (prod)", "gpu", "!env", "gpu=x", "env=prod,tier=db"];
    for s in no {
        assert!(!LabelSelector::parse(s).unwrap().matches(&m), "{s}");
    }
    let s = LabelSelector::parse("env=prod,tier=db").unwrap();
    assert_eq!(s.first_unmet(&m).map(ToString::to_string), Some("tier=db".to_owned()));
}

#[test]
fn structured_form_round_trips_and_validates() {
    let spec = LabelSelectorSpec {
        match_labels: [("env".to_owned(), "prod".to_owned())].into(),
        match_expressions: vec![
            LabelSelectorExpression {
                key: "zone".into(),
                operator: ExpressionOperator::In,
                values: vec!["b".into(), "a".into()],
            },
            LabelSelectorExpression {
                key: "legacy".into(),
                operator: ExpressionOperator::DoesNotExist,
                values: vec![],
            },
        ],
    };
    let s = LabelSelector::from_spec(&spec).unwrap();
    assert_eq!(s.to_string(), "env=prod,!legacy,zone in (a,b)");
    assert_eq!(LabelSelector::from_spec(&s.to_spec()).unwrap(), s);

    let bad = LabelSelectorSpec {
        match_expressions: vec![LabelSelectorExpression {
            key: "a".into(),
            operator: ExpressionOperator::In,
            values: vec![],
        }],
        ..Default::default()
    };
    assert_eq!(
        LabelSelector::from_spec(&bad).unwrap_err().to_string(),
        "matchExpressions[0]: operator In on key \"a\" needs at least one value(s), found 0"
    );
    let bad = LabelSelectorSpec { match_labels: [("a".into(), "b c".into())].into(), ..Default::default() };
    assert!(LabelSelector::from_spec(&bad)
        .unwrap_err()
        .to_string()
        .starts_with("matchLabels: invalid label value \"b c\""));
}

fn key_strategy() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z]([a-z0-9_.-]{0,10}[a-z0-9])?",
        "[a-z]{1,5}(\\.[a-z]{1,5})?/[A-Za-z0-9]([A-Za-z0-9_.-]{0,8}[A-Za-z0-9])?",
    ]
}

fn value_strategy() -> impl Strategy<Value = String> {
    "[A-Za-z0-9]([A-Za-z0-9_.-]{0,10}[A-Za-z0-9])?"
}

fn requirement_strategy() -> impl Strategy<Value = Requirement> {
    let ops = prop_oneof![
        Just(Operator::Equals),
        Just(Operator::NotEquals),
        Just(Operator::In),
        Just(Operator::NotIn),
        Just(Operator::Exists),
        Just(Operator::DoesNotExist),
    ];
    (key_strategy(), ops, proptest::collection::vec(value_strategy(), 1..4)).prop_map(|(key, op, mut values)| {
        match op {
            Operator::Equals | Operator::NotEquals => values.truncate(1),
            Operator::Exists | Operator::DoesNotExist => values.clear(),
            _ => {}
        }
        Requirement::new(key, op, values).unwrap()
    })
}

/// Strings made of selector-ish fragments, so that the fuzzing reaches deep parser states.
fn grammar_shaped() -> impl Strategy<Value = String> {
    let fragment = prop_oneof![
        Just("a".to_owned()),
        Just("env".to_owned()),
        Just("=".to_owned()),
        Just("==".to_owned()),
        Just("!=".to_owned()),
        Just("!".to_owned()),
        Just(",".to_owned()),
        Just("(".to_owned()),
        Just(")".to_owned()),
        Just(" in ".to_owned()),
        Just(" notin ".to_owned()),
        Just(" ".to_owned()),
        Just("<".to_owned()),
        Just("é".to_owned()),
        Just("x/y".to_owned()),
        Just("-".to_owned()),
        "[a-z]{60,70}",
    ];
    proptest::collection::vec(fragment, 0..12).prop_map(|parts| parts.concat())
}

proptest! {
    #[test]
    fn arbitrary_strings_never_panic(input in any::<String>()) {
        if let Err(SelectorError::Syntax { position, .. }) = LabelSelector::parse(&input) {
            prop_assert!(position <= input.len());
            prop_assert!(input.is_char_boundary(position));
        }
    }

    #[test]
    fn grammar_shaped_strings_never_panic_and_reparse(input in grammar_shaped()) {
        match LabelSelector::parse(&input) {
            Ok(selector) => prop_assert_eq!(LabelSelector::parse(&selector.to_string()).unwrap(), selector),
            Err(SelectorError::Syntax { position, .. }) => prop_assert!(position <= input.len()),
            Err(other) => prop_assert!(false, "unexpected error kind {other:?}"),
        }
    }

    #[test]
    fn display_parse_round_trip(requirements in proptest::collection::vec(requirement_strategy(), 0..5)) {
        let selector = LabelSelector::from_requirements(requirements);
        let text = selector.to_string();
        prop_assert_eq!(LabelSelector::parse(&text).unwrap(), selector.clone());
        prop_assert_eq!(LabelSelector::from_spec(&selector.to_spec()).unwrap().to_string().is_empty(), text.is_empty());
    }
}
