//! The HTTP stack under every `kube::Client`: kube's own layers (base URI, authentication with
//! token and exec refresh, extra headers, retry of server errors) over a connector with
//! `TCP_NODELAY`. kube's default connector leaves Nagle's algorithm on, and on loopback the
//! small TLS records of a request then wait for the peer's delayed ACK: about 40 ms added to
//! every request, which is most of the time of a typical CLI call.
//! Building a client runs the exec credential plugin, if any: its failures are classified here,
//! where the plugin's configuration is still at hand.

use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;
use kube::client::retry::RetryPolicy;
use kube::client::ConfigExt;
use tower::retry::RetryLayer;
use tower::{BoxError, ServiceBuilder};

use super::{ClientError, Endpoint};

/// Builds a client for `config`, which `endpoint` names, with kube's layers and a no-delay
/// connector.
pub(super) fn build(config: kube::Config, endpoint: &Endpoint) -> Result<kube::Client, ClientError> {
    let fail = |e| ClientError::from_kube(e, endpoint);
    let mut http = HttpConnector::new();
    http.enforce_http(false);
    http.set_nodelay(true);
    http.set_connect_timeout(config.connect_timeout);
    let https = config.rustls_https_connector_with_connector(http).map_err(fail)?;
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
        .layer(config.base_uri_layer())
        .option_layer(config.default_retry.then(|| RetryLayer::new(RetryPolicy::server_retry())))
        .option_layer(auth)
        .layer(config.extra_headers_layer().map_err(fail)?)
        .map_err(BoxError::from)
        .service(hyper_client);
    Ok(kube::Client::new(service, config.default_namespace))
}
