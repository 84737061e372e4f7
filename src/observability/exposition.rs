//! The two exposition formats `/metrics` speaks. The registry encodes OpenMetrics 1.0, which
//! Prometheus asks for; scrapers and tools that ask for nothing in particular (curl, `promtool
//! check metrics`, older agents) get the Prometheus text format 0.0.4, made from it:
//!
//! ```text
//! OpenMetrics                                Prometheus text 0.0.4
//! # HELP x_requests Requests.                # HELP x_requests_total Requests.
//! # TYPE x_requests counter          ─►      # TYPE x_requests_total counter
//! x_requests_total 7                          x_requests_total 7
//! # UNIT …, # EOF                             (dropped)
//! ```
//!
//! Only counters differ in naming (OpenMetrics names the family without `_total`); gauges and
//! histograms read the same in both. Either is gzip-compressed for a scraper that accepts it
//! (Prometheus does): at 10k workloads the text is about 3 MB, compressed about a tenth.

/// The content type of OpenMetrics 1.0.
pub const OPENMETRICS: &str = "application/openmetrics-text; version=1.0.0; charset=utf-8";
/// The content type of the Prometheus text format.
pub const PROMETHEUS_TEXT: &str = "text/plain; version=0.0.4; charset=utf-8";

/// Whether a request's `Accept` header asks for OpenMetrics.
pub fn wants_openmetrics(accept: Option<&str>) -> bool {
    accept.is_some_and(|a| a.split(',').any(|part| part.trim().starts_with("application/openmetrics-text")))
}

/// Whether a request's `Accept-Encoding` header takes gzip.
pub fn wants_gzip(accept_encoding: Option<&str>) -> bool {
    accept_encoding.is_some_and(|a| {
        a.split(',').any(|part| {
            let mut fields = part.split(';');
            let coding = fields.next().unwrap_or_default().trim();
            // `gzip;q=0` refuses it.
            let refused = fields.any(|f| f.trim().replace(' ', "") == "q=0");
            coding.eq_ignore_ascii_case("gzip") && !refused
        })
    })
}

/// `body` gzip-compressed (fast level: a scrape is latency-bound, not bandwidth-bound).
pub fn gzip(body: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut encoder = flate2::write::GzEncoder::new(Vec::with_capacity(body.len() / 8), flate2::Compression::fast());
    encoder.write_all(body).expect("writing to memory cannot fail");
    encoder.finish().expect("writing to memory cannot fail")
}

/// OpenMetrics text as the Prometheus text format 0.0.4.
pub fn to_prometheus_text(openmetrics: &str) -> String {
    let counters: std::collections::HashSet<&str> = openmetrics
        .lines()
        .filter_map(|l| l.strip_prefix("# TYPE "))
        .filter_map(|rest| rest.strip_suffix(" counter"))
        .collect();
    let mut out = String::with_capacity(openmetrics.len());
    for line in openmetrics.lines() {
        if line == "# EOF" || line.starts_with("# UNIT ") {
            continue;
        }
        let renamed = ["# HELP ", "# TYPE "].iter().find_map(|prefix| {
            let rest = line.strip_prefix(prefix)?;
            let (name, tail) = rest.split_once(' ').unwrap_or((rest, ""));
            counters.contains(name).then(|| format!("{prefix}{name}_total {tail}"))
        });
        match renamed {
            Some(line) => out.push_str(line.trim_end()),
            None => out.push_str(line),
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const OPENMETRICS_SAMPLE: &str = "# HELP tmc_controller_reconciles Reconciles by controller and result.\n\
        # TYPE tmc_controller_reconciles counter\n\
        tmc_controller_reconciles_total{controller=\"health\",result=\"success\"} 3\n\
        # HELP tmc_controller_leader Whether this replica leads.\n\
        # TYPE tmc_controller_leader gauge\n\
        tmc_controller_leader 1\n\
        # HELP tmc_sync_lag_seconds Lag.\n\
        # TYPE tmc_sync_lag_seconds histogram\n\
        # UNIT tmc_sync_lag_seconds seconds\n\
        tmc_sync_lag_seconds_sum 0.5\n\
        tmc_sync_lag_seconds_count 1\n\
        tmc_sync_lag_seconds_bucket{le=\"+Inf\"} 1\n\
        # EOF\n";

    #[test]
    fn counters_take_their_samples_name_and_the_rest_stays() {
        let text = to_prometheus_text(OPENMETRICS_SAMPLE);
        assert!(
            text.contains("# HELP tmc_controller_reconciles_total Reconciles by controller and result.\n"),
            "{text}"
        );
        assert!(text.contains("# TYPE tmc_controller_reconciles_total counter\n"), "{text}");
        assert!(text.contains("tmc_controller_reconciles_total{controller=\"health\",result=\"success\"} 3\n"));
        assert!(text.contains("# TYPE tmc_controller_leader gauge\ntmc_controller_leader 1\n"));
        assert!(text.contains("# TYPE tmc_sync_lag_seconds histogram\ntmc_sync_lag_seconds_sum 0.5\n"));
        assert!(!text.contains("# EOF") && !text.contains("# UNIT"), "{text}");
    }

    #[test]
    fn a_gauge_whose_name_ends_like_a_counter_is_left_alone() {
        let gauge = "# HELP tmc_x_total_bytes Bytes.\n# TYPE tmc_x_total_bytes gauge\ntmc_x_total_bytes 1\n# EOF\n";
        assert_eq!(
            to_prometheus_text(gauge),
            "# HELP tmc_x_total_bytes Bytes.\n# TYPE tmc_x_total_bytes gauge\ntmc_x_total_bytes 1\n"
        );
    }

    #[test]
    fn gzip_is_taken_when_accepted_and_round_trips() {
        assert!(wants_gzip(Some("gzip")));
        assert!(wants_gzip(Some("identity, GZIP;q=0.5")));
        assert!(!wants_gzip(Some("gzip;q=0")));
        assert!(!wants_gzip(Some("identity")));
        assert!(!wants_gzip(None));
        let text = OPENMETRICS_SAMPLE.repeat(100);
        let packed = gzip(text.as_bytes());
        assert!(packed.len() < text.len() / 5, "{} of {}", packed.len(), text.len());
        let mut back = String::new();
        std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&packed[..]), &mut back).unwrap();
        assert_eq!(back, text);
    }

    #[test]
    fn prometheus_asks_for_openmetrics_and_curl_does_not() {
        let prometheus = "application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";
        assert!(wants_openmetrics(Some(prometheus)));
        assert!(!wants_openmetrics(Some("*/*")));
        assert!(!wants_openmetrics(None));
    }
}
