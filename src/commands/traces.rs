//! The tracing flags of `controller run`: where to send OpenTelemetry traces and how many to
//! keep (see [`crate::observability::traces`] for the environment variables they stand over).

use clap::Args;

use crate::error::{CliError, ExitKind};
use crate::observability::traces::TraceSettings;

/// `--otlp-endpoint`, `--trace-sampling-ratio`.
#[derive(Debug, Args, Clone, Default)]
#[command(next_help_heading = "Tracing")]
pub struct TraceArgs {
    /// Send OpenTelemetry traces over OTLP/HTTP to this receiver, such as
    /// http://otel-collector:4318 or Jaeger's http://jaeger:4318 (/v1/traces is appended).
    /// Default: $OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, else $OTEL_EXPORTER_OTLP_ENDPOINT; none: no traces.
    #[arg(long, value_name = "URL")]
    pub otlp_endpoint: Option<String>,
    /// Keep this share of new traces, 0 to 1 (a trace continued from a sampled parent is
    /// always kept). Default: $OTEL_TRACES_SAMPLER and $OTEL_TRACES_SAMPLER_ARG, else 1.
    #[arg(long, value_name = "RATIO")]
    pub trace_sampling_ratio: Option<f64>,
}

impl TraceArgs {
    /// The settled configuration, or `None` when nothing asks for traces.
    pub fn settings(&self) -> Result<Option<TraceSettings>, CliError> {
        TraceSettings::resolve(self.otlp_endpoint.as_deref(), self.trace_sampling_ratio, |name| {
            std::env::var(name).ok()
        })
        .map_err(|e| {
            CliError::new(ExitKind::Usage, format!("cannot trace: {e}")).with_hint(
                "give --otlp-endpoint the receiver's OTLP/HTTP base URL (port 4318 on a collector or Jaeger) \
                     and --trace-sampling-ratio a number from 0 to 1",
            )
        })
    }
}
