//! OpenTelemetry traces of the controller, sent over OTLP (HTTP, protobuf) to a collector or
//! to Jaeger's OTLP receiver.
//!
//! ```text
//! tracing spans (target tmcctl, INFO) ─► OpenTelemetry layer ─► sampler ─► batch queue ─► OTLP/HTTP
//!   reconcile{controller, key}                                   (drops when full; never waits)
//!   ├─ placement-decision{workload.name, placement.strategy, placement.clusters.count, placement.reason}
//!   └─ workload-sync{workload.type, cluster.name}  ─► each request to the cluster carries `traceparent`
//! ```
//!
//! One trace per reconcile: the event that queued a workload starts it, and every write its
//! reconcile makes downstream carries the trace context in a W3C `traceparent` header, so an
//! API server that traces (kube-apiserver with a tracing configuration) puts its own spans
//! under ours. Export happens on the batch processor's thread: a receiver that is down or slow
//! costs dropped spans and one warning, never a reconcile's time.
//!
//! Configuration follows the OpenTelemetry environment conventions, flags first:
//! `--otlp-endpoint` (a base URL, `/v1/traces` appended) over `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`
//! (verbatim) over `OTEL_EXPORTER_OTLP_ENDPOINT` (base); `--trace-sampling-ratio` over
//! `OTEL_TRACES_SAMPLER`/`OTEL_TRACES_SAMPLER_ARG`; `OTEL_SERVICE_NAME`,
//! `OTEL_RESOURCE_ATTRIBUTES`, `OTEL_EXPORTER_OTLP_HEADERS` and `OTEL_BSP_*` are read by the
//! SDK. Unlike the SDK, a malformed value is an error here, not a silent fallback.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use opentelemetry::trace::{Status, TracerProvider as _};
use opentelemetry::KeyValue;
use opentelemetry_otlp::WithExportConfig;
use opentelemetry_sdk::error::OTelSdkResult;
use opentelemetry_sdk::trace::{Sampler, SdkTracerProvider, SpanData, SpanExporter};
use opentelemetry_sdk::Resource;
use tracing_opentelemetry::OpenTelemetrySpanExt;

/// The service name spans carry unless `OTEL_SERVICE_NAME` names another.
pub const DEFAULT_SERVICE_NAME: &str = "tmcctl-controller";
/// How long the exit waits for the last spans to leave.
const SHUTDOWN_TIMEOUT: Duration = Duration::from_secs(3);
/// The OTLP/HTTP path of traces.
const TRACES_PATH: &str = "/v1/traces";

/// Set once traces are exported: only then do requests pay for a `traceparent` header.
static EXPORTING: AtomicBool = AtomicBool::new(false);

/// A configuration the traces cannot start with; each names where the value came from.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum TraceConfigError {
    /// An endpoint that is not an http(s) URL.
    #[error("{source_name} \"{value}\" is not an http:// or https:// URL of an OTLP receiver")]
    Endpoint { source_name: &'static str, value: String },
    /// A protocol this build does not speak.
    #[error("{source_name}={value}: traces are exported over OTLP/HTTP (http/protobuf) only")]
    Protocol { source_name: &'static str, value: String },
    /// An exporter other than OTLP.
    #[error("OTEL_TRACES_EXPORTER={0}: only otlp (or none) is supported")]
    Exporter(String),
    /// A sampler the SDK does not have, or a ratio outside 0..1.
    #[error("{source_name}: {problem}")]
    Sampler { source_name: &'static str, problem: String },
}

/// Where and how much to trace.
#[derive(Debug, Clone, PartialEq)]
pub struct TraceSettings {
    /// The full URL spans are posted to (ends in `/v1/traces` unless given verbatim).
    pub endpoint: String,
    /// Which traces are kept.
    pub sampling: Sampling,
}

/// The sampler, as the OpenTelemetry specification names them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Sampling {
    /// Every trace (`always_on`).
    Always,
    /// No trace (`always_off`).
    Never,
    /// This share of new traces, by trace id (`traceidratio`).
    Ratio(f64),
    /// A child follows its parent's decision; roots follow the inner sampler (`parentbased_*`).
    ParentBased(ParentlessSampling),
}

/// What a `parentbased_*` sampler does with roots.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ParentlessSampling {
    Always,
    Never,
    Ratio(f64),
}

impl Sampling {
    fn sampler(self) -> Sampler {
        match self {
            Sampling::Always => Sampler::AlwaysOn,
            Sampling::Never => Sampler::AlwaysOff,
            Sampling::Ratio(r) => Sampler::TraceIdRatioBased(r),
            Sampling::ParentBased(root) => Sampler::ParentBased(Box::new(match root {
                ParentlessSampling::Always => Sampler::AlwaysOn,
                ParentlessSampling::Never => Sampler::AlwaysOff,
                ParentlessSampling::Ratio(r) => Sampler::TraceIdRatioBased(r),
            })),
        }
    }
}

impl TraceSettings {
    /// Settles the configuration from the flags and the environment (`env` looks a variable
    /// up). `None`: nothing configures an endpoint, or `OTEL_SDK_DISABLED`/`OTEL_TRACES_EXPORTER=none`.
    pub fn resolve(
        endpoint_flag: Option<&str>,
        ratio_flag: Option<f64>,
        env: impl Fn(&str) -> Option<String>,
    ) -> Result<Option<TraceSettings>, TraceConfigError> {
        let env = |name: &str| env(name).filter(|v| !v.trim().is_empty());
        if env("OTEL_SDK_DISABLED").is_some_and(|v| v.eq_ignore_ascii_case("true")) {
            return Ok(None);
        }
        match env("OTEL_TRACES_EXPORTER").as_deref() {
            None | Some("otlp") => {}
            Some("none") => return Ok(None),
            Some(other) => return Err(TraceConfigError::Exporter(other.to_string())),
        }
        for name in ["OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "OTEL_EXPORTER_OTLP_PROTOCOL"] {
            if let Some(value) = env(name) {
                if value != "http/protobuf" {
                    return Err(TraceConfigError::Protocol { source_name: name, value });
                }
                break;
            }
        }
        let endpoint =
            match (endpoint_flag, env("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"), env("OTEL_EXPORTER_OTLP_ENDPOINT")) {
                (Some(flag), _, _) => with_traces_path("--otlp-endpoint", flag)?,
                (None, Some(url), _) => checked_url("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", &url)?.to_string(),
                (None, None, Some(base)) => with_traces_path("OTEL_EXPORTER_OTLP_ENDPOINT", &base)?,
                (None, None, None) => return Ok(None),
            };
        let sampling = match ratio_flag {
            Some(ratio) => {
                Sampling::ParentBased(ParentlessSampling::Ratio(checked_ratio("--trace-sampling-ratio", ratio)?))
            }
            None => {
                sampling_from_env(env("OTEL_TRACES_SAMPLER").as_deref(), env("OTEL_TRACES_SAMPLER_ARG").as_deref())?
            }
        };
        Ok(Some(TraceSettings { endpoint, sampling }))
    }
}

fn checked_url<'a>(source_name: &'static str, value: &'a str) -> Result<&'a str, TraceConfigError> {
    let bad = || TraceConfigError::Endpoint { source_name, value: value.to_string() };
    let uri: http::Uri = value.parse().map_err(|_| bad())?;
    match (uri.scheme_str(), uri.host()) {
        (Some("http" | "https"), Some(host)) if !host.is_empty() => Ok(value),
        _ => Err(bad()),
    }
}

/// A base URL with the traces path appended (kept when it is already there).
fn with_traces_path(source_name: &'static str, base: &str) -> Result<String, TraceConfigError> {
    let base = checked_url(source_name, base)?.trim_end_matches('/');
    Ok(if base.ends_with(TRACES_PATH) { base.to_string() } else { format!("{base}{TRACES_PATH}") })
}

fn checked_ratio(source_name: &'static str, ratio: f64) -> Result<f64, TraceConfigError> {
    if (0.0..=1.0).contains(&ratio) {
        Ok(ratio)
    } else {
        Err(TraceConfigError::Sampler { source_name, problem: format!("{ratio} is not a ratio between 0 and 1") })
    }
}

/// `OTEL_TRACES_SAMPLER` and its argument; the specification's default is `parentbased_always_on`.
fn sampling_from_env(sampler: Option<&str>, arg: Option<&str>) -> Result<Sampling, TraceConfigError> {
    let ratio = || -> Result<f64, TraceConfigError> {
        match arg {
            None => Ok(1.0),
            Some(text) => {
                let value = text.trim().parse::<f64>().map_err(|_| TraceConfigError::Sampler {
                    source_name: "OTEL_TRACES_SAMPLER_ARG",
                    problem: format!("\"{text}\" is not a number between 0 and 1"),
                })?;
                checked_ratio("OTEL_TRACES_SAMPLER_ARG", value)
            }
        }
    };
    Ok(match sampler.unwrap_or("parentbased_always_on") {
        "always_on" => Sampling::Always,
        "always_off" => Sampling::Never,
        "traceidratio" => Sampling::Ratio(ratio()?),
        "parentbased_always_on" => Sampling::ParentBased(ParentlessSampling::Always),
        "parentbased_always_off" => Sampling::ParentBased(ParentlessSampling::Never),
        "parentbased_traceidratio" => Sampling::ParentBased(ParentlessSampling::Ratio(ratio()?)),
        other => {
            return Err(TraceConfigError::Sampler {
                source_name: "OTEL_TRACES_SAMPLER",
                problem: format!(
                    "\"{other}\" is not a sampler this build has (always_on, always_off, traceidratio, \
                     parentbased_always_on, parentbased_always_off, parentbased_traceidratio)"
                ),
            })
        }
    })
}

/// The running export: flushes what is queued (for a few seconds at most) when dropped.
pub struct Tracing {
    provider: SdkTracerProvider,
}

impl Tracing {
    /// Builds the exporter and the provider. Call outside an async runtime: the HTTP client
    /// of the export thread owns one of its own.
    pub fn start(settings: &TraceSettings) -> Result<Tracing, String> {
        crate::client::use_ring_for_tls();
        let exporter = opentelemetry_otlp::SpanExporter::builder()
            .with_http()
            .with_protocol(opentelemetry_otlp::Protocol::HttpBinary)
            .with_endpoint(settings.endpoint.clone())
            .build()
            .map_err(|e| format!("cannot export traces to {}: {e}", settings.endpoint))?;
        let exporter =
            Reporting { inner: exporter, endpoint: settings.endpoint.clone(), failing: AtomicBool::new(false) };
        let mut resource =
            Resource::builder().with_attribute(KeyValue::new("service.version", env!("CARGO_PKG_VERSION")));
        if std::env::var_os("OTEL_SERVICE_NAME").is_none() {
            resource = resource.with_service_name(DEFAULT_SERVICE_NAME);
        }
        let provider = SdkTracerProvider::builder()
            .with_batch_exporter(exporter)
            .with_sampler(settings.sampling.sampler())
            .with_resource(resource.build())
            .build();
        EXPORTING.store(true, Ordering::Relaxed);
        Ok(Tracing { provider })
    }

    /// The tracer the `tracing` layer turns spans into OpenTelemetry spans with.
    pub fn tracer(&self) -> opentelemetry_sdk::trace::Tracer {
        self.provider.tracer("tmcctl")
    }
}

impl Drop for Tracing {
    fn drop(&mut self) {
        EXPORTING.store(false, Ordering::Relaxed);
        // A receiver that is gone must not hold the exit: what did not leave in time is lost.
        let _ = self.provider.shutdown_with_timeout(SHUTDOWN_TIMEOUT);
    }
}

/// The exporter, reporting when export starts failing and when it works again (once each:
/// a receiver that is down for an hour is one warning, not one a batch).
#[derive(Debug)]
struct Reporting<E> {
    inner: E,
    endpoint: String,
    failing: AtomicBool,
}

impl<E: SpanExporter> SpanExporter for Reporting<E> {
    async fn export(&self, batch: Vec<SpanData>) -> OTelSdkResult {
        let spans = batch.len();
        let result = self.inner.export(batch).await;
        match &result {
            Err(e) if !self.failing.swap(true, Ordering::Relaxed) => {
                tracing::warn!(endpoint = %self.endpoint, spans, error = %e, "trace export failed; spans are dropped until the receiver answers (reconciles go on)");
            }
            Ok(()) if self.failing.swap(false, Ordering::Relaxed) => {
                tracing::warn!(endpoint = %self.endpoint, "trace export works again");
            }
            _ => {}
        }
        result
    }

    fn shutdown_with_timeout(&self, timeout: Duration) -> OTelSdkResult {
        self.inner.shutdown_with_timeout(timeout)
    }

    fn force_flush(&self) -> OTelSdkResult {
        self.inner.force_flush()
    }

    fn set_resource(&mut self, resource: &Resource) {
        self.inner.set_resource(resource);
    }
}

/// Marks `span` as failed with `message` (status and an `exception` event), as OpenTelemetry
/// expects errors to be recorded.
pub fn record_error(span: &tracing::Span, message: &str) {
    if !EXPORTING.load(Ordering::Relaxed) {
        return;
    }
    span.set_status(Status::error(message.to_string()));
    span.add_event("exception", vec![KeyValue::new("exception.message", message.to_string())]);
}

/// Adds the W3C `traceparent` (and `tracestate`) of the current span to a request, when traces
/// are exported and the span is sampled.
pub fn inject_context(headers: &mut http::HeaderMap) {
    if !EXPORTING.load(Ordering::Relaxed) {
        return;
    }
    use opentelemetry::propagation::TextMapPropagator;
    let context = tracing::Span::current().context();
    opentelemetry_sdk::propagation::TraceContextPropagator::new()
        .inject_context(&context, &mut opentelemetry_http::HeaderInjector(headers));
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    fn resolve(
        flag: Option<&str>,
        ratio: Option<f64>,
        vars: &[(&str, &str)],
    ) -> Result<Option<TraceSettings>, TraceConfigError> {
        let vars: HashMap<String, String> = vars.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        TraceSettings::resolve(flag, ratio, |name| vars.get(name).cloned())
    }

    fn endpoint(flag: Option<&str>, vars: &[(&str, &str)]) -> String {
        resolve(flag, None, vars).unwrap().unwrap().endpoint
    }

    #[test]
    fn nothing_configured_means_no_traces() {
        assert_eq!(resolve(None, Some(0.5), &[]), Ok(None));
        assert_eq!(resolve(None, None, &[("OTEL_EXPORTER_OTLP_ENDPOINT", " ")]), Ok(None));
    }

    #[test]
    fn the_flag_wins_over_the_signal_variable_which_wins_over_the_base_variable() {
        let both = [
            ("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://t:4318/custom"),
            ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://b:4318"),
        ];
        assert_eq!(endpoint(Some("http://f:4318"), &both), "http://f:4318/v1/traces");
        assert_eq!(endpoint(None, &both), "http://t:4318/custom");
        assert_eq!(endpoint(None, &both[1..]), "http://b:4318/v1/traces");
    }

    #[test]
    fn a_base_url_gets_the_traces_path_once() {
        assert_eq!(endpoint(Some("https://jaeger:4318/"), &[]), "https://jaeger:4318/v1/traces");
        assert_eq!(endpoint(Some("http://c:4318/v1/traces"), &[]), "http://c:4318/v1/traces");
        assert_eq!(endpoint(Some("http://c/otlp"), &[]), "http://c/otlp/v1/traces");
    }

    #[test]
    fn a_malformed_endpoint_names_its_source() {
        let err = resolve(Some("jaeger:4318"), None, &[]).unwrap_err();
        assert_eq!(err, TraceConfigError::Endpoint { source_name: "--otlp-endpoint", value: "jaeger:4318".into() });
        let err = resolve(None, None, &[("OTEL_EXPORTER_OTLP_ENDPOINT", "ftp://x")]).unwrap_err();
        assert!(err.to_string().starts_with("OTEL_EXPORTER_OTLP_ENDPOINT \"ftp://x\""), "{err}");
    }

    #[test]
    fn grpc_is_refused_with_the_variable_named() {
        let vars = [("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc"), ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4317")];
        let err = resolve(None, None, &vars).unwrap_err();
        assert_eq!(
            err.to_string(),
            "OTEL_EXPORTER_OTLP_PROTOCOL=grpc: traces are exported over OTLP/HTTP (http/protobuf) only"
        );
        let vars = [("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"), ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4318")];
        assert!(resolve(None, None, &vars).is_ok());
    }

    #[test]
    fn disabled_sdk_or_no_exporter_turns_traces_off() {
        let on = ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4318");
        assert_eq!(resolve(Some("http://c:4318"), None, &[("OTEL_SDK_DISABLED", "true")]), Ok(None));
        assert_eq!(resolve(None, None, &[on, ("OTEL_TRACES_EXPORTER", "none")]), Ok(None));
        assert_eq!(
            resolve(None, None, &[on, ("OTEL_TRACES_EXPORTER", "zipkin")]),
            Err(TraceConfigError::Exporter("zipkin".into()))
        );
    }

    #[test]
    fn sampling_comes_from_the_flag_then_the_environment_then_parent_based_always_on() {
        let on = ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4318");
        let sampling =
            |ratio, vars: &[(&str, &str)]| resolve(None, ratio, &[&[on], vars].concat()).map(|s| s.unwrap().sampling);
        let ratio_vars = [("OTEL_TRACES_SAMPLER", "traceidratio"), ("OTEL_TRACES_SAMPLER_ARG", "0.25")];
        assert_eq!(sampling(Some(0.01), &ratio_vars), Ok(Sampling::ParentBased(ParentlessSampling::Ratio(0.01))));
        assert_eq!(sampling(None, &ratio_vars), Ok(Sampling::Ratio(0.25)));
        assert_eq!(sampling(None, &[]), Ok(Sampling::ParentBased(ParentlessSampling::Always)));
        assert_eq!(sampling(None, &[("OTEL_TRACES_SAMPLER", "always_off")]), Ok(Sampling::Never));
    }

    #[test]
    fn a_malformed_sampler_is_an_error_not_a_fallback() {
        let on = ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4318");
        let err =
            resolve(None, None, &[on, ("OTEL_TRACES_SAMPLER", "traceidratio"), ("OTEL_TRACES_SAMPLER_ARG", "half")]);
        assert_eq!(err.unwrap_err().to_string(), "OTEL_TRACES_SAMPLER_ARG: \"half\" is not a number between 0 and 1");
        let err = resolve(
            None,
            None,
            &[on, ("OTEL_TRACES_SAMPLER", "parentbased_traceidratio"), ("OTEL_TRACES_SAMPLER_ARG", "2")],
        );
        assert!(err.unwrap_err().to_string().contains("2 is not a ratio between 0 and 1"));
        let err = resolve(None, None, &[on, ("OTEL_TRACES_SAMPLER", "jaeger_remote")]).unwrap_err();
        assert!(err.to_string().contains("\"jaeger_remote\" is not a sampler"), "{err}");
        assert!(resolve(Some("http://c:4318"), Some(1.5), &[]).is_err());
    }
}
