//! The judgements behind `doctor` (and the controller line of `status`): each takes what a
//! server said and returns a [`Check`] whose fix is a command or a step, never a guess.

use std::time::Duration;

use jiff::{SignedDuration, Timestamp};
use serde_json::Value;

use super::{age, Check, LEASE_SLACK};

/// How long before credentials expire `doctor` starts to warn (as every command does).
pub const EXPIRY_WARNING: Duration = Duration::from_secs(7 * 24 * 3600);
/// Clock offsets from this on are warned about: Date headers have whole seconds, and a request
/// takes a moment, so one second is noise.
pub const CLOCK_WARNING: Duration = Duration::from_secs(2);
/// From this on they fail: heartbeat ages and lease ages read by people are off by this much.
pub const CLOCK_FAILURE: Duration = Duration::from_secs(10);

/// The leader Lease as read: its holder, since when it leads, and how fresh its renewal is.
/// `None` is no Lease at all.
pub fn controller(lease: Option<&Value>, where_: &str, now: Timestamp) -> Check {
    const NAME: &str = "controller";
    let start = "start the controller (`tmcctl controller run`, or the tmc-operator Helm chart)";
    let Some(lease) = lease else {
        return Check::fail(NAME, format!("no controller has ever led in {where_} (no leader Lease)"), start);
    };
    let spec = &lease["spec"];
    let holder = spec["holderIdentity"].as_str().unwrap_or_default();
    if holder.is_empty() {
        return Check::fail(
            NAME,
            format!("no controller leads in {where_}: the last leader released the Lease"),
            start,
        );
    }
    let duration = spec["leaseDurationSeconds"].as_u64().map(Duration::from_secs);
    let renewed = spec["renewTime"].as_str().and_then(|t| t.parse::<Timestamp>().ok());
    let (Some(duration), Some(renewed)) = (duration, renewed) else {
        return Check::fail(NAME, format!("the leader Lease in {where_} has no duration or renewal time"), start);
    };
    let since = now.duration_since(renewed).unsigned_abs();
    if now > renewed && since > duration + LEASE_SLACK {
        return Check::fail(
            NAME,
            format!(
                "leader {holder} last renewed its Lease in {where_} {} ago (it lasts {})",
                age(since),
                age(duration)
            ),
            format!("the controller has stopped or cannot reach kcp: read its log; {start}"),
        );
    }
    let leading = spec["acquireTime"]
        .as_str()
        .and_then(|t| t.parse::<Timestamp>().ok())
        .map(|t| format!(", leading for {}", age(now.duration_since(t).unsigned_abs())))
        .unwrap_or_default();
    Check::pass(NAME, format!("{holder} leads in {where_}{leading}"))
}

/// The expiry of the kubeconfig's client certificate, if it has one.
pub fn credentials(user: &str, expiry: Option<Timestamp>, now: Timestamp) -> Check {
    let renew = format!("renew the credentials of user \"{user}\" in your kubeconfig");
    expiring("credentials", &format!("user \"{user}\""), expiry, now, renew)
}

/// The expiry of the credentials stored for a cluster (a client certificate, or a token that
/// says when it ends), if they have one: the controller loses the cluster when they end.
pub fn cluster_credentials(name: &str, location: &str, expiry: Option<Timestamp>, now: Timestamp) -> Check {
    let renew = format!(
        "tmcctl cluster register {name} --location {location} --cluster-kubeconfig <the cluster's admin kubeconfig> --create-service-account"
    );
    expiring(&format!("credentials of cluster {name}"), "stored credentials", expiry, now, renew)
}

fn expiring(name: &str, whose: &str, expiry: Option<Timestamp>, now: Timestamp, renew: String) -> Check {
    match expiry {
        None => Check::pass(name, format!("{whose}: no expiry")),
        Some(at) if at <= now => Check::fail(name, format!("{whose}: expired at {at}"), renew),
        Some(at) if now.duration_until(at).unsigned_abs() < EXPIRY_WARNING => {
            let left = age(now.duration_until(at).unsigned_abs());
            Check::warn(name, format!("{whose}: expire at {at} (in {left})"), renew)
        }
        Some(at) => Check::pass(name, format!("{whose}: valid until {at}")),
    }
}

/// The TMC APIBinding of a workspace: bound, and every permission claim of the export accepted.
pub fn binding(workspace: &str, binding: Option<&Value>) -> Vec<Check> {
    let install = format!(
        "tmcctl install --provider-workspace <the provider's workspace> --bind {workspace} (run by the provider's admin)"
    );
    let Some(binding) = binding else {
        return vec![Check::fail("TMC API bound", format!("{workspace} has no APIBinding for the TMC API"), install)];
    };
    let phase = binding["status"]["phase"].as_str().unwrap_or("unknown");
    let export = binding["spec"]["reference"]["export"]["path"].as_str().unwrap_or("?");
    let bound = if phase == "Bound" {
        Check::pass("TMC API bound", format!("bound to the export in {export}"))
    } else {
        let why = binding["status"]["conditions"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|c| c["status"] != "True")
            .and_then(|c| c["message"].as_str().or(c["reason"].as_str()))
            .unwrap_or("no reason given");
        Check::fail("TMC API bound", format!("the APIBinding is {phase}: {why}"), install.clone())
    };
    let claimed = binding["status"]["exportPermissionClaims"].as_array().cloned().unwrap_or_default();
    let accepted = |claim: &Value| {
        binding["spec"]["permissionClaims"]
            .as_array()
            .into_iter()
            .flatten()
            .any(|c| c["group"] == claim["group"] && c["resource"] == claim["resource"] && c["state"] == "Accepted")
    };
    let missing: Vec<String> =
        claimed.iter().filter(|c| !accepted(c)).map(|c| c["resource"].as_str().unwrap_or("?").to_string()).collect();
    let claims = if missing.is_empty() {
        Check::pass("permission claims", format!("{} accepted", claimed.len()))
    } else {
        Check::fail(
            "permission claims",
            format!(
                "not accepted: {} (the controller cannot read cluster credentials or workloads' references)",
                missing.join(", ")
            ),
            format!("accept them: {install}, which accepts every claim"),
        )
    };
    vec![bound, claims]
}

/// The workload types the export (in `provider`) publishes.
pub fn workload_apis(workspace: &str, provider: &str, types: &[String]) -> Check {
    if types.is_empty() {
        return Check::warn(
            "workload APIs",
            "no workload type is published: `kubectl apply` of a Deployment has nowhere to go",
            format!("tmcctl install --provider-workspace {provider} --bind {workspace} --workload-apis"),
        );
    }
    Check::pass("workload APIs", types.join(", "))
}

/// The copies workloads report left on clusters since unregistered (`workload on cluster`):
/// they run where tmcctl no longer sees them.
pub fn left_behind(copies: &[String]) -> Check {
    const NAME: &str = "copies left behind";
    match copies {
        [] => Check::pass(NAME, "no copy is left on an unregistered cluster"),
        copies => Check::warn(
            NAME,
            format!("{} copies run on clusters no longer registered: {}", copies.len(), copies.join("; ")),
            "register the cluster again (tmcctl then manages, moves or removes them), or delete them there by hand",
        ),
    }
}

/// How far a server's clock is from ours (its `Date` header against the middle of the request).
pub fn clock(server: &str, offset: SignedDuration) -> Check {
    let name = format!("clock of {server}");
    let off = offset.unsigned_abs();
    let ahead = if offset.is_negative() { "behind" } else { "ahead of" };
    let detail = format!("{}s {ahead} this machine", off.as_secs());
    let fix = "run NTP (chrony, systemd-timesyncd) on both machines";
    if off >= CLOCK_FAILURE {
        Check::fail(name, detail, fix)
    } else if off >= CLOCK_WARNING {
        Check::warn(name, detail, fix)
    } else {
        Check::pass(name, "in step")
    }
}

/// What asking a registered cluster with its stored credentials gave.
#[derive(Clone, Debug)]
pub enum ClusterProbe {
    /// No answer, or the credentials were refused.
    Unreachable(String),
    /// It answered, but its access reviews could not be made.
    ReviewsFailed(String),
    /// It answered; `missing` are the `verb resource` its access reviews denied.
    Reached { version: String, missing: Vec<String> },
}

/// A registered cluster (at `location`): reachable through its stored credentials, and allowed
/// what the controller does there. The fix re-registers it with a token of its own, made with
/// the cluster's admin credentials.
pub fn cluster(name: &str, location: &str, probe: &ClusterProbe) -> Check {
    let check = format!("cluster {name}");
    let register = format!(
        "tmcctl cluster register {name} --location {location} --cluster-kubeconfig <the cluster's admin kubeconfig> --create-service-account"
    );
    match probe {
        ClusterProbe::Unreachable(why) => Check::fail(
            check,
            format!("cannot be reached with its stored credentials: {why}"),
            format!("start it or fix the network; if its credentials changed or expired: {register}"),
        ),
        ClusterProbe::ReviewsFailed(why) => Check::fail(
            check,
            format!("answers, but its access reviews fail: {why}"),
            "check the cluster's API server (its authorizer) and its log",
        ),
        ClusterProbe::Reached { missing, .. } if !missing.is_empty() => Check::fail(
            check,
            format!("its stored credentials may not {}", missing.join(", ")),
            format!("give it the tmc:cluster-agent role for the current workload types: {register}"),
        ),
        ClusterProbe::Reached { version, .. } => {
            Check::pass(check, format!("reachable ({version}), allowed everything the controller does there"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnosis::Verdict;
    use serde_json::json;

    fn now() -> Timestamp {
        "2026-12-03T10:00:00Z".parse().unwrap()
    }

    fn lease(holder: &str, renewed: &str) -> Value {
        json!({"spec": {"holderIdentity": holder, "leaseDurationSeconds": 15, "renewTime": renewed,
                        "acquireTime": "2026-12-03T09:00:00.000000Z"}})
    }

    #[test]
    fn copies_left_on_unregistered_clusters_are_a_warning_naming_them() {
        assert_eq!(left_behind(&[]).verdict, Verdict::Pass);
        let check = left_behind(&["a/Deployment/web on pc2".to_string()]);
        assert_eq!(check.verdict, Verdict::Warn);
        assert!(check.detail.contains("a/Deployment/web on pc2"), "{}", check.detail);
    }

    #[test]
    fn a_freshly_renewed_lease_is_a_leading_controller() {
        let check = controller(Some(&lease("pod-a", "2026-12-03T09:59:58.000000Z")), "root:tmc", now());
        assert_eq!(check.verdict, Verdict::Pass, "{check:?}");
        assert!(check.detail.contains("pod-a") && check.detail.contains("leading for 60m"), "{}", check.detail);
    }

    #[test]
    fn a_lease_unrenewed_past_its_duration_and_slack_has_no_leader() {
        assert_eq!(controller(Some(&lease("pod-a", "2026-12-03T09:59:36Z")), "w", now()).verdict, Verdict::Pass);
        let stale = controller(Some(&lease("pod-a", "2026-12-03T09:59:00Z")), "w", now());
        assert_eq!(stale.verdict, Verdict::Fail);
        assert!(stale.detail.contains("60s ago"), "{}", stale.detail);
        assert_eq!(controller(Some(&lease("", "2026-12-03T09:59:59Z")), "w", now()).verdict, Verdict::Fail);
        assert_eq!(controller(None, "w", now()).verdict, Verdict::Fail);
    }

    #[test]
    fn a_renewal_in_the_future_is_skew_not_death() {
        assert_eq!(controller(Some(&lease("pod-a", "2026-12-03T10:05:00Z")), "w", now()).verdict, Verdict::Pass);
    }

    #[test]
    fn credentials_warn_a_week_ahead_and_fail_once_expired() {
        let at = |t: &str| Some(t.parse::<Timestamp>().unwrap());
        assert_eq!(credentials("u", None, now()).verdict, Verdict::Pass);
        assert_eq!(credentials("u", at("2027-01-01T00:00:00Z"), now()).verdict, Verdict::Pass);
        assert_eq!(credentials("u", at("2026-12-05T00:00:00Z"), now()).verdict, Verdict::Warn);
        let expired = credentials("u", at("2026-12-01T00:00:00Z"), now());
        assert!(expired.verdict == Verdict::Fail && expired.fix.unwrap().contains("\"u\""));
        let stored = cluster_credentials("pc1", "eu", at("2026-12-04T00:00:00Z"), now());
        assert!(stored.verdict == Verdict::Warn && stored.name == "credentials of cluster pc1", "{stored:?}");
        assert!(stored.fix.unwrap().contains("register pc1 --location eu"));
    }

    #[test]
    fn a_binding_with_a_claim_left_open_fails_naming_the_resource() {
        let claim = |resource: &str| json!({"group": "", "resource": resource});
        let accepted = |resource: &str| json!({"group": "", "resource": resource, "state": "Accepted"});
        let binding = json!({
            "spec": {"reference": {"export": {"path": "root:tmc"}},
                     "permissionClaims": [accepted("secrets")]},
            "status": {"phase": "Bound", "exportPermissionClaims": [claim("secrets"), claim("configmaps")]}
        });
        let checks = super::binding("root:a", Some(&binding));
        assert_eq!(checks[0].verdict, Verdict::Pass);
        assert_eq!(checks[1].verdict, Verdict::Fail);
        assert!(
            checks[1].detail.contains("configmaps") && !checks[1].detail.contains("secrets"),
            "{}",
            checks[1].detail
        );
        let missing = super::binding("root:a", None);
        assert!(missing[0].verdict == Verdict::Fail && missing[0].fix.as_ref().unwrap().contains("--bind root:a"));
        let none = workload_apis("root:a", "root:tmc", &[]);
        assert!(
            none.verdict == Verdict::Warn && none.fix.unwrap().contains("--provider-workspace root:tmc --bind root:a")
        );
    }

    #[test]
    fn clocks_pass_within_a_second_warn_then_fail() {
        assert_eq!(clock("kcp", SignedDuration::from_secs(1)).verdict, Verdict::Pass);
        assert_eq!(clock("kcp", SignedDuration::from_secs(-3)).verdict, Verdict::Warn);
        let far = clock("kcp", SignedDuration::from_secs(-40));
        assert!(far.verdict == Verdict::Fail && far.detail.contains("40s behind"), "{}", far.detail);
    }

    #[test]
    fn a_cluster_fails_unreachable_short_of_permissions_or_unable_to_review() {
        let reached = |missing: &[&str]| ClusterProbe::Reached {
            version: "v1.36.1".into(),
            missing: missing.iter().map(|m| m.to_string()).collect(),
        };
        assert_eq!(cluster("pc1", "eu", &reached(&[])).verdict, Verdict::Pass);
        let down = cluster("pc1", "eu", &ClusterProbe::Unreachable("connection refused".into()));
        assert!(down.verdict == Verdict::Fail && down.detail.contains("connection refused"));
        assert!(down.fix.unwrap().contains("register pc1 --location eu --cluster-kubeconfig"));
        let short = cluster("pc1", "eu", &reached(&["create deployments.apps"]));
        assert!(short.verdict == Verdict::Fail && short.detail.contains("create deployments.apps"));
        let unasked = cluster("pc1", "eu", &ClusterProbe::ReviewsFailed("timed out".into()));
        assert!(unasked.verdict == Verdict::Fail && !unasked.detail.contains("may not"));
    }
}
