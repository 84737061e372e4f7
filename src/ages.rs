//! kubectl's compact ages (`45s`, `3m12s`, `5h`, `12d`, `2y`), from RFC 3339 timestamps.

use jiff::Timestamp;

/// The age of `timestamp` at `now`, kubectl style; `<unknown>` if it cannot be parsed.
pub fn age(timestamp: Option<&str>, now: Timestamp) -> String {
    let Some(then) = timestamp.and_then(|t| t.parse::<Timestamp>().ok()) else {
        return "<unknown>".to_string();
    };
    let seconds = now.as_second().saturating_sub(then.as_second()).max(0);
    human_duration(seconds as u64)
}

/// A duration in kubectl's short form, with at most two units.
pub fn human_duration(seconds: u64) -> String {
    let (minutes, hours, days) = (seconds / 60, seconds / 3600, seconds / 86_400);
    match seconds {
        s if s < 120 => format!("{s}s"),
        s if s < 600 => format!("{minutes}m{}s", s % 60),
        s if s < 3 * 3600 => format!("{minutes}m"),
        s if s < 8 * 3600 => format!("{hours}h{}m", minutes % 60),
        s if s < 48 * 3600 => format!("{hours}h"),
        s if s < 8 * 86_400 => format!("{days}d{}h", hours % 24),
        s if s < 2 * 365 * 86_400 => format!("{days}d"),
        _ => format!("{}y", days / 365),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_like_kubectl() {
        let cases = [
            (5, "5s"),
            (119, "119s"),
            (200, "3m20s"),
            (3600, "60m"),
            (4 * 3600 + 60, "4h1m"),
            (30 * 3600, "30h"),
            (3 * 86_400 + 7200, "3d2h"),
            (400 * 86_400, "400d"),
            (800 * 86_400, "2y"),
        ];
        for (seconds, want) in cases {
            assert_eq!(human_duration(seconds), want, "{seconds}s");
        }
    }

    #[test]
    fn ages_from_timestamps() {
        let now: Timestamp = "2026-01-01T00:10:00Z".parse().unwrap();
        assert_eq!(age(Some("2026-01-01T00:09:30Z"), now), "30s");
        assert_eq!(age(Some("not a time"), now), "<unknown>");
        assert_eq!(age(None, now), "<unknown>");
        assert_eq!(age(Some("2026-01-01T00:10:05Z"), now), "0s", "clock skew never gives a negative age");
    }
}
