//! Backup schedules, pure: what a schedule says (stored as the data of a ConfigMap labelled
//! [`BACKUP_SCHEDULE_LABEL`](crate::api::ownership::BACKUP_SCHEDULE_LABEL) in the provider
//! workspace's `tmc-system`), when it is due, what its backups are called, and which of them
//! retention removes.
//!
//! ```text
//! ConfigMap data ─► Schedule::from_data (checked; a bad value names the key)
//! last attempt + every ≤ now ─► due ─► backup "<schedule>-<UTC yyyymmdd-hhmmss>"
//! the schedule's record of what it wrote ─► retain: the newest `keep` by write order
//! ```
//!
//! A schedule is due `every` after its last attempt (not its last success): a failing backup
//! is retried at the schedule's pace, not in a tight loop. Retention counts only the backups this
//! schedule recorded writing, so backups made by hand or by another schedule are never removed.

use std::collections::BTreeMap;
use std::time::Duration;

use thiserror::Error;

/// The shortest interval a schedule may have.
pub const MIN_EVERY: Duration = Duration::from_secs(60);
/// The longest schedule name (its backups add `-yyyymmdd-hhmmss`).
pub const MAX_NAME_LEN: usize = 40;

/// A schedule, as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Schedule {
    /// Its name (the ConfigMap's).
    pub name: String,
    /// How often it runs.
    pub every: Duration,
    /// How many of its backups are kept.
    pub keep: usize,
    /// Where they go (`None`: the controller's data directory).
    pub to: Option<String>,
    /// The workspaces it backs up; empty with `all_bound`.
    pub workspaces: Vec<String>,
    /// Every workspace that binds the TMC API.
    pub all_bound: bool,
    /// Whether Secrets are included (then `encrypt_to` is not empty).
    pub include_secrets: bool,
    /// age recipients the backups are encrypted to.
    pub encrypt_to: Vec<String>,
}

/// Why a schedule was refused.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum ScheduleError {
    /// A key is missing.
    #[error("backup schedule {name}: {key} is missing")]
    Missing {
        /// The schedule.
        name: String,
        /// The key.
        key: &'static str,
    },
    /// A value is malformed or out of range.
    #[error("backup schedule {name}: {key} {value:?} is invalid: {why}")]
    Invalid {
        /// The schedule.
        name: String,
        /// The key.
        key: &'static str,
        /// Its value.
        value: String,
        /// What is wrong with it.
        why: String,
    },
}

impl Schedule {
    /// Reads a schedule from its ConfigMap's data; every value is checked.
    pub fn from_data(name: &str, data: &BTreeMap<String, String>) -> Result<Schedule, ScheduleError> {
        let invalid = |key: &'static str, value: &str, why: &str| ScheduleError::Invalid {
            name: name.into(),
            key,
            value: value.into(),
            why: why.into(),
        };
        let get = |key: &'static str| data.get(key).map(String::as_str);
        let list = |key: &'static str| -> Vec<String> {
            get(key).unwrap_or_default().split(',').map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect()
        };
        let flag = |key: &'static str| match get(key).unwrap_or("false") {
            "true" => Ok(true),
            "false" => Ok(false),
            other => Err(invalid(key, other, "use true or false")),
        };
        if name.is_empty()
            || name.len() > MAX_NAME_LEN
            || !name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            || name.starts_with('-')
        {
            return Err(invalid(
                "name",
                name,
                "use up to 40 lower-case letters, digits and '-', not starting with '-'",
            ));
        }
        let every_text = get("every").ok_or(ScheduleError::Missing { name: name.into(), key: "every" })?;
        let every = humantime::parse_duration(every_text).map_err(|e| invalid("every", every_text, &e.to_string()))?;
        if every < MIN_EVERY {
            return Err(invalid("every", every_text, "the shortest interval is 1m"));
        }
        let keep_text = get("keep").ok_or(ScheduleError::Missing { name: name.into(), key: "keep" })?;
        let keep = keep_text
            .parse::<usize>()
            .ok()
            .filter(|k| *k >= 1)
            .ok_or_else(|| invalid("keep", keep_text, "use a whole number of at least 1"))?;
        let schedule = Schedule {
            name: name.into(),
            every,
            keep,
            to: get("to").filter(|t| !t.is_empty()).map(String::from),
            workspaces: list("workspaces"),
            all_bound: flag("allBound")?,
            include_secrets: flag("includeSecrets")?,
            encrypt_to: list("encryptTo"),
        };
        if schedule.all_bound != schedule.workspaces.is_empty() {
            return Err(invalid(
                "workspaces",
                get("workspaces").unwrap_or_default(),
                "name the workspaces, or set allBound (one of the two)",
            ));
        }
        if schedule.include_secrets && schedule.encrypt_to.is_empty() {
            return Err(invalid(
                "encryptTo",
                "",
                "a schedule that includes Secrets must encrypt to at least one age recipient",
            ));
        }
        Ok(schedule)
    }

    /// The ConfigMap data that [`Schedule::from_data`] reads back as this schedule.
    pub fn to_data(&self) -> BTreeMap<String, String> {
        let mut data = BTreeMap::from([
            ("every".to_string(), humantime::format_duration(self.every).to_string()),
            ("keep".to_string(), self.keep.to_string()),
            ("allBound".to_string(), self.all_bound.to_string()),
            ("includeSecrets".to_string(), self.include_secrets.to_string()),
        ]);
        if let Some(to) = &self.to {
            data.insert("to".into(), to.clone());
        }
        if !self.workspaces.is_empty() {
            data.insert("workspaces".into(), self.workspaces.join(","));
        }
        if !self.encrypt_to.is_empty() {
            data.insert("encryptTo".into(), self.encrypt_to.join(","));
        }
        data
    }

    /// Whether a run is due at `now`, given the last attempt (none yet: due at once).
    pub fn due(&self, last_attempt: Option<jiff::Timestamp>, now: jiff::Timestamp) -> bool {
        match last_attempt {
            None => true,
            Some(last) => now.duration_since(last).unsigned_abs() >= self.every || now < last,
        }
    }

    /// The name of the backup a run at `at` writes.
    pub fn backup_name(&self, at: jiff::Timestamp) -> String {
        format!("{}-{}", self.name, at.strftime("%Y%m%d-%H%M%S"))
    }

    /// After writing `new`: the schedule's record of its backups (oldest written first) and
    /// the backups retention removes: those written before the newest `keep`. The order is the
    /// order they were written in, as the schedule recorded it: never a name (a person can
    /// name a file anything) nor a clock (a clock stepped back would make the newest look
    /// oldest). The backup just written is always kept, and a backup the record does not name
    /// (made by hand, or by another schedule) is never removed.
    pub fn retain(&self, record: &[WrittenBackup], new: WrittenBackup) -> (Vec<WrittenBackup>, Vec<String>) {
        let mut all: Vec<WrittenBackup> = record.iter().filter(|w| w.name != new.name).cloned().collect();
        all.push(new);
        let excess = all.len().saturating_sub(self.keep.max(1));
        let kept = all.split_off(excess);
        (kept, all.into_iter().map(|w| w.name).collect())
    }
}

/// One backup a schedule wrote, as it records them (in the order written).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WrittenBackup {
    /// The backup's name in its location.
    pub name: String,
    /// When the controller wrote it, by its clock (for people; the order is the record's).
    pub created_at: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    fn nightly() -> Schedule {
        Schedule::from_data("nightly", &data(&[("every", "6h"), ("keep", "2"), ("allBound", "true")])).unwrap()
    }

    #[test]
    fn a_schedule_reads_back_what_it_writes() {
        let schedule = Schedule {
            name: "fleet".into(),
            every: Duration::from_secs(90 * 60),
            keep: 7,
            to: Some("s3://bucket/tmc".into()),
            workspaces: vec!["root:a".into(), "root:b".into()],
            all_bound: false,
            include_secrets: true,
            encrypt_to: vec!["age1xyz".into()],
        };
        assert_eq!(Schedule::from_data("fleet", &schedule.to_data()).unwrap(), schedule);
    }

    #[test]
    fn bad_values_are_refused_naming_the_key() {
        let cases = [
            (vec![("keep", "2"), ("allBound", "true")], "every is missing"),
            (vec![("every", "soon"), ("keep", "2"), ("allBound", "true")], "every \"soon\""),
            (vec![("every", "10s"), ("keep", "2"), ("allBound", "true")], "shortest interval"),
            (vec![("every", "1h"), ("keep", "0"), ("allBound", "true")], "keep \"0\""),
            (vec![("every", "1h"), ("keep", "2"), ("allBound", "yes")], "allBound \"yes\""),
            (vec![("every", "1h"), ("keep", "2")], "one of the two"),
            (vec![("every", "1h"), ("keep", "2"), ("allBound", "true"), ("includeSecrets", "true")], "age recipient"),
        ];
        for (pairs, expected) in cases {
            let e = Schedule::from_data("s", &data(&pairs)).unwrap_err().to_string();
            assert!(e.contains(expected), "{e}");
        }
        assert!(
            Schedule::from_data("Bad_Name", &data(&[("every", "1h"), ("keep", "1"), ("allBound", "true")])).is_err()
        );
    }

    #[test]
    fn a_schedule_is_due_every_interval_after_its_last_attempt() {
        let s = nightly();
        let t0: jiff::Timestamp = "2026-12-02T00:00:00Z".parse().unwrap();
        assert!(s.due(None, t0), "never run: due at once");
        assert!(!s.due(Some(t0), t0 + jiff::SignedDuration::from_hours(5)));
        assert!(s.due(Some(t0), t0 + jiff::SignedDuration::from_hours(6)));
        assert!(
            s.due(Some(t0 + jiff::SignedDuration::from_hours(1)), t0),
            "a last attempt in the future (a clock set back) does not block it forever"
        );
    }

    fn written(name: &str, at: &str) -> WrittenBackup {
        WrittenBackup { name: name.into(), created_at: at.into() }
    }

    #[test]
    fn retention_removes_the_oldest_written_of_this_schedules_record_only() {
        let s = nightly(); // keep 2
        let record = [written("nightly-a", "2026-12-01T06:00:00Z"), written("nightly-b", "2026-12-02T06:00:00Z")];
        let (kept, removed) = s.retain(&record, written("nightly-c", "2026-12-03T06:00:00Z"));
        assert_eq!(removed, ["nightly-a"]);
        assert_eq!(kept.iter().map(|w| w.name.as_str()).collect::<Vec<_>>(), ["nightly-b", "nightly-c"]);
        let at: jiff::Timestamp = "2026-12-02T18:00:05Z".parse().unwrap();
        assert_eq!(s.backup_name(at), "nightly-20261202-180005");
    }

    #[test]
    fn a_clock_stepped_back_never_costs_the_backup_just_written() {
        let s = nightly();
        let record = [
            written("nightly-20261203-060000", "2026-12-03T06:00:00Z"),
            written("nightly-20261204-060000", "2026-12-04T06:00:00Z"),
        ];
        // The clock went back a week: the new backup's name and time sort first, yet it is kept.
        let (kept, removed) = s.retain(&record, written("nightly-20261127-060000", "2026-11-27T06:00:00Z"));
        assert_eq!(removed, ["nightly-20261203-060000"]);
        assert_eq!(kept.last().unwrap().name, "nightly-20261127-060000");
    }

    proptest::proptest! {
        #[test]
        fn the_newest_written_is_always_kept_and_at_most_keep_remain(
            names in proptest::collection::vec("[a-d]", 0..8), keep in 1usize..4, new in "[a-e]",
        ) {
            let s = Schedule { keep, ..nightly() };
            let record: Vec<WrittenBackup> = names.iter().map(|n| written(n, "t")).collect();
            let (kept, removed) = s.retain(&record, written(&new, "t"));
            proptest::prop_assert_eq!(&kept.last().unwrap().name, &new);
            proptest::prop_assert!(kept.len() <= keep);
            proptest::prop_assert!(!removed.contains(&new));
        }
    }
}
