//! The HTTP stack under every `kube::Client`: the trace context of the calling span, kube's own
//! layers (base URI, authentication with token and exec refresh, extra headers) around ours
//! (retry of "later" answers, the rate and
//! in-flight limits of [`super::limits`]) over a connector with `TCP_NODELAY`. kube's default
//! connector leaves Nagle's algorithm on, and on loopback the small TLS records of a request
//! then wait for the peer's delayed ACK: about 40 ms added to every request.
//! Building a client runs the exec credential plugin, if any: its failures are classified here,
//! where the plugin's configuration is still at hand.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use hyper_util::client::legacy::connect::proxy::Tunnel;
use hyper_util::client::legacy::connect::{Connection, HttpConnector};
use hyper_util::rt::TokioExecutor;
use kube::client::ConfigExt;
use tower::retry::RetryLayer;
use tower::{BoxError, Service, ServiceBuilder};

use super::limits::{Limiter, RetryPolicy};
use super::{ClientError, Endpoint};

/// Whether requests through a client hold a place among those in flight. Watches wait for
/// events for minutes and are not counted, as in client-go.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Flight {
    Counted,
    LongRunning,
}

/// Builds a client for `config`, which `endpoint` names, with kube's layers, our limits, and a
/// no-delay connector; through an HTTP CONNECT tunnel when the kubeconfig's `proxy-url` (or
/// `HTTPS_PROXY`, unless `NO_PROXY` exempts the server) names a proxy, as kubectl does.
pub(super) fn build(
    config: kube::Config,
    endpoint: &Endpoint,
    limiter: Arc<Limiter>,
    flight: Flight,
) -> Result<kube::Client, ClientError> {
    let mut http = HttpConnector::new();
    http.enforce_http(false);
    http.set_nodelay(true);
    http.set_connect_timeout(config.connect_timeout);
    match config.proxy_url.clone() {
        None => with_connector(config, http, endpoint, limiter, flight),
        Some(proxy) if proxy.scheme_str() == Some("http") => {
            let mut tunnel = Tunnel::new(proxy.clone(), http);
            if let Some(auth) = basic_auth(&proxy) {
                tunnel = tunnel.with_auth(auth);
            }
            with_connector(config, tunnel, endpoint, limiter, flight)
        }
        Some(proxy) => Err(ClientError::Kubeconfig {
            source_name: format!("context \"{}\"", endpoint.context),
            cause: format!("proxy {proxy} is not supported: only http:// proxies are (HTTP CONNECT)"),
        }),
    }
}

/// The `Proxy-Authorization` header for a proxy URL with `user:password@` (percent-escapes
/// decoded: a URL must escape `@` or `:` in a password).
fn basic_auth(proxy: &http::Uri) -> Option<http::HeaderValue> {
    use base64::Engine;
    let (userinfo, _) = proxy.authority()?.as_str().rsplit_once('@')?;
    let decoded: Vec<u8> = percent_encoding::percent_decode_str(userinfo).collect();
    let encoded = base64::engine::general_purpose::STANDARD.encode(decoded);
    http::HeaderValue::from_str(&format!("Basic {encoded}")).ok()
}

fn with_connector<C>(
    config: kube::Config,
    connector: C,
    endpoint: &Endpoint,
    limiter: Arc<Limiter>,
    flight: Flight,
) -> Result<kube::Client, ClientError>
where
    C: Service<http::Uri> + Clone + Send + Sync + 'static,
    C::Response: hyper::rt::Read + hyper::rt::Write + Connection + Unpin + Send + 'static,
    C::Future: Send + 'static,
    C::Error: Into<BoxError>,
{
    let fail = |e| ClientError::from_kube(e, endpoint);
    let https = config.rustls_https_connector_with_connector(connector).map_err(fail)?;
    let mut connector = hyper_timeout::TimeoutConnector::new(https);
    connector.set_read_timeout(config.read_timeout);
    connector.set_write_timeout(config.write_timeout);
    let exec = config.auth_info.exec.as_ref();
    let auth = config.auth_layer().map_err(|e| match e {
        kube::Error::Auth(e) => ClientError::from_auth(&e, &endpoint.context, exec),
        other => fail(other),
    })?;
    let hyper_client = hyper_util::client::legacy::Client::builder(TokioExecutor::new()).build(connector);
    let service = ServiceBuilder::new()
        // The trace context of the span making the request (a sync step's), for servers that trace.
        .map_request(|mut request: http::Request<kube::client::Body>| {
            crate::observability::traces::inject_context(request.headers_mut());
            request
        })
        .layer(config.base_uri_layer())
        .layer(RetryLayer::new(RetryPolicy::new(limiter.clone())))
        .layer(tower::layer::layer_fn(move |inner| Limited { inner, limiter: limiter.clone(), flight }))
        .option_layer(auth)
        .layer(config.extra_headers_layer().map_err(fail)?)
        .map_err(BoxError::from)
        .service(hyper_client);
    Ok(kube::Client::new(service, config.default_namespace))
}

/// Takes a token of the rate (and a place in flight) before each attempt goes out.
#[derive(Clone)]
struct Limited<S> {
    inner: S,
    limiter: Arc<Limiter>,
    flight: Flight,
}

impl<S, R> Service<R> for Limited<S>
where
    S: Service<R> + Clone + Send + 'static,
    S::Future: Send,
    R: Send + 'static,
{
    type Response = S::Response;
    type Error = S::Error;
    type Future = Pin<Box<dyn Future<Output = Result<S::Response, S::Error>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: R) -> Self::Future {
        // The ready clone is the one to call; a fresh clone takes its place for next time.
        let clone = self.inner.clone();
        let mut inner = std::mem::replace(&mut self.inner, clone);
        let (limiter, flight) = (self.limiter.clone(), self.flight);
        Box::pin(async move {
            limiter.admit().await;
            let _permit = match flight {
                Flight::Counted => Some(limiter.in_flight_permit().await),
                Flight::LongRunning => None,
            };
            inner.call(request).await
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn proxy_credentials_are_decoded_then_sent_as_basic_auth() {
        let proxy: http::Uri = "http://user:pa%40ss@proxy.example:3128".parse().unwrap();
        let header = basic_auth(&proxy).unwrap();
        assert_eq!(header.to_str().unwrap(), "Basic dXNlcjpwYUBzcw=="); // user:pa@ss
        assert!(basic_auth(&"http://proxy.example:3128".parse().unwrap()).is_none());
    }
}
