//! The fleet at a glance (`status`) and what is wrong with it (`doctor`), pure: the commands
//! read the servers, these functions judge what was read.
//!
//! ```text
//! workspace objects + Lease + schedules ─► status::summarize ─► FleetStatus { …, problems }
//! servers' answers (or errors), expiry, clocks ─► checks::* ─► Check { verdict, detail, fix }
//! ```
//!
//! Both share [`checks::controller`], the one reading of the leader Lease: a Lease whose
//! holder has not renewed within its own duration (plus [`LEASE_SLACK`]) has no live leader.

pub mod checks;
pub mod status;

use std::time::Duration;

use serde::Serialize;

/// Added to a Lease's duration before its holder counts as gone: the Lease's renewTime and our
/// clock are compared here (unlike in the election), so a few seconds of skew must not alarm.
pub const LEASE_SLACK: Duration = Duration::from_secs(10);

/// How a check came out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub enum Verdict {
    Pass,
    Warn,
    Fail,
}

impl Verdict {
    /// The word tables show.
    pub fn word(self) -> &'static str {
        match self {
            Verdict::Pass => "ok",
            Verdict::Warn => "warning",
            Verdict::Fail => "FAIL",
        }
    }
}

/// One check: what was checked, how it came out, what was seen, and what to do about it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Check {
    pub name: String,
    pub verdict: Verdict,
    pub detail: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<String>,
}

impl Check {
    pub fn pass(name: impl Into<String>, detail: impl Into<String>) -> Self {
        Check { name: name.into(), verdict: Verdict::Pass, detail: detail.into(), fix: None }
    }

    pub fn warn(name: impl Into<String>, detail: impl Into<String>, fix: impl Into<String>) -> Self {
        Check { name: name.into(), verdict: Verdict::Warn, detail: detail.into(), fix: Some(fix.into()) }
    }

    pub fn fail(name: impl Into<String>, detail: impl Into<String>, fix: impl Into<String>) -> Self {
        Check { name: name.into(), verdict: Verdict::Fail, detail: detail.into(), fix: Some(fix.into()) }
    }
}

/// `1h2m`, `45s`: an age as kubectl prints it, for details.
fn age(duration: Duration) -> String {
    crate::ages::human_duration(duration.as_secs())
}
