//! The one set-up of everything `tracing` feeds: log lines on stderr (text or JSON, filtered by
//! `-v`/`TMCCTL_LOG`) and, when configured, spans exported as OpenTelemetry traces. The two
//! have filters of their own: traces want the controller's spans whatever the log level.

use tracing::Level;
use tracing_subscriber::filter::{filter_fn, EnvFilter};
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::{Layer, Registry};

use super::traces::{TraceSettings, Tracing};
use crate::settings;

/// How log lines look.
#[derive(Debug, Clone, Copy)]
pub struct LogSettings {
    /// `-v` count.
    pub verbose: u8,
    /// One JSON object per line instead of text.
    pub json: bool,
}

/// Installs the subscriber for the process. The returned value owns the trace export, if any:
/// keep it until the command ends (dropping it sends what is still queued).
pub fn init(logs: LogSettings, traces: Option<&TraceSettings>) -> Result<Option<Tracing>, String> {
    let tracing = traces.map(Tracing::start).transpose()?;
    subscriber(logs, tracing.as_ref()).init();
    Ok(tracing)
}

/// The subscriber [`init`] installs: log lines, and spans to `tracing` when given.
pub fn subscriber(logs: LogSettings, tracing: Option<&Tracing>) -> impl tracing::Subscriber + Send + Sync + 'static {
    let filter = EnvFilter::new(settings::log_filter(logs.verbose));
    let lines = tracing_subscriber::fmt::layer().with_writer(std::io::stderr).with_ansi(false);
    let mut layers: Vec<Box<dyn Layer<Registry> + Send + Sync>> = Vec::new();
    if logs.json {
        // One object per line; the reconcile span's fields (controller, key) on every line in it.
        let json = lines.json().with_current_span(true).with_span_list(false).flatten_event(true);
        layers.push(json.with_filter(filter).boxed());
    } else {
        layers.push(lines.with_filter(filter).boxed());
    }
    if let Some(tracing) = tracing {
        // tmcctl's own spans, and its warnings and errors as events on them.
        let ours =
            filter_fn(|meta| meta.target().starts_with("tmcctl") && (meta.is_span() || *meta.level() <= Level::WARN));
        // Only the spans' own fields: no source location, thread or busy/idle times.
        let spans = tracing_opentelemetry::layer()
            .with_tracer(tracing.tracer())
            .with_level(false)
            .with_location(false)
            .with_threads(false)
            .with_target(false)
            .with_tracked_inactivity(false);
        layers.push(spans.with_filter(ours).boxed());
    }
    tracing_subscriber::registry().with(layers)
}
