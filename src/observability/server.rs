//! A small HTTP/1 server for `/metrics` (Prometheus text), `/healthz` (the process serves)
//! and `/readyz` (the loops have completed a pass and can reach kcp); over TLS when given a
//! certificate ([`super::tls`]), and with `/metrics` for authorized scrapers only when given an
//! [`Authorizer`] ([`super::auth`]).

use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use std::time::Duration;

use http_body_util::Full;
use hyper::body::{Bytes, Incoming};
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::net::TcpListener;
use tokio_rustls::TlsAcceptor;

use super::auth::{Authorizer, Verdict};
use super::exposition::{gzip, to_prometheus_text, wants_gzip, wants_openmetrics, OPENMETRICS, PROMETHEUS_TEXT};
use super::tls::certificate_user;
use super::Metrics;

/// How long a client may take to finish its TLS handshake.
const HANDSHAKE_TIMEOUT: Duration = Duration::from_secs(10);

/// How the endpoint is protected: TLS (with client certificates when its config asks for them)
/// and authentication and authorization of `/metrics`.
#[derive(Clone, Default)]
pub struct Protection {
    pub tls: Option<Arc<rustls::ServerConfig>>,
    pub authorizer: Option<Authorizer>,
}

/// What the server knows of a connection's client.
#[derive(Clone)]
struct Peer {
    metrics: Arc<Metrics>,
    health: Health,
    authorizer: Option<Authorizer>,
    /// The user a verified client certificate names.
    certificate: Option<(String, Vec<String>)>,
}

/// Readiness shared between the loops (which set it) and the server (which reports it).
#[derive(Clone, Default)]
pub struct Health {
    ready: Arc<AtomicBool>,
}

impl Health {
    /// Marks the process ready or not.
    pub fn set_ready(&self, ready: bool) {
        self.ready.store(ready, Ordering::Relaxed);
    }

    fn is_ready(&self) -> bool {
        self.ready.load(Ordering::Relaxed)
    }
}

/// Binds `addr` and serves until the task is dropped. Returns the bound address (useful with
/// port 0) once listening.
pub async fn serve(
    addr: SocketAddr,
    metrics: Arc<Metrics>,
    health: Health,
    protection: Protection,
) -> std::io::Result<(SocketAddr, tokio::task::JoinHandle<()>)> {
    let listener = TcpListener::bind(addr).await?;
    let bound = listener.local_addr()?;
    let acceptor = protection.tls.map(TlsAcceptor::from);
    let task = tokio::spawn(async move {
        loop {
            let Ok((stream, _)) = listener.accept().await else { continue };
            let peer = Peer {
                metrics: metrics.clone(),
                health: health.clone(),
                authorizer: protection.authorizer.clone(),
                certificate: None,
            };
            let acceptor = acceptor.clone();
            tokio::spawn(async move {
                match acceptor {
                    None => connection(stream, peer).await,
                    Some(acceptor) => {
                        // A failed handshake (no client certificate, an untrusted one, plain HTTP)
                        // ends the connection; rustls has told the client why.
                        let Ok(Ok(tls)) = tokio::time::timeout(HANDSHAKE_TIMEOUT, acceptor.accept(stream)).await else {
                            return;
                        };
                        let certificate =
                            tls.get_ref().1.peer_certificates().and_then(|c| c.first()).and_then(certificate_user);
                        connection(tls, Peer { certificate, ..peer }).await;
                    }
                }
            });
        }
    });
    Ok((bound, task))
}

async fn connection<S: AsyncRead + AsyncWrite + Unpin + Send + 'static>(stream: S, peer: Peer) {
    let service = hyper::service::service_fn(move |req| respond(req, peer.clone()));
    // A client that hangs up mid-request is its own business.
    let _ = hyper::server::conn::http1::Builder::new().serve_connection(TokioIo::new(stream), service).await;
}

async fn respond(req: Request<Incoming>, peer: Peer) -> Result<Response<Full<Bytes>>, Infallible> {
    let text = "text/plain; charset=utf-8";
    let (status, content_type, body) = match req.uri().path() {
        "/metrics" => match authorize(&req, &peer).await {
            Ok(()) => {
                let accept = req.headers().get(hyper::header::ACCEPT).and_then(|v| v.to_str().ok());
                if wants_openmetrics(accept) {
                    (StatusCode::OK, OPENMETRICS, peer.metrics.encode())
                } else {
                    (StatusCode::OK, PROMETHEUS_TEXT, to_prometheus_text(&peer.metrics.encode()))
                }
            }
            Err((status, why)) => (status, text, format!("{why}\n")),
        },
        "/healthz" | "/livez" => (StatusCode::OK, text, "ok\n".to_string()),
        "/readyz" if peer.health.is_ready() => (StatusCode::OK, text, "ok\n".to_string()),
        "/readyz" => (StatusCode::SERVICE_UNAVAILABLE, text, "not ready\n".to_string()),
        _ => (StatusCode::NOT_FOUND, text, "not found\n".to_string()),
    };
    let mut response = Response::builder().status(status).header("content-type", content_type);
    if status == StatusCode::UNAUTHORIZED {
        response = response.header("www-authenticate", "Bearer realm=\"tmcctl\"");
    }
    let accept_encoding = req.headers().get(hyper::header::ACCEPT_ENCODING).and_then(|v| v.to_str().ok());
    let body = if status == StatusCode::OK && wants_gzip(accept_encoding) {
        response = response.header("content-encoding", "gzip");
        gzip(body.as_bytes())
    } else {
        body.into_bytes()
    };
    Ok(response.body(Full::new(Bytes::from(body))).expect("static parts make a valid response"))
}

/// Whether the request may read `/metrics`: always without an authorizer, else as it judges.
async fn authorize(req: &Request<Incoming>, peer: &Peer) -> Result<(), (StatusCode, String)> {
    let Some(authorizer) = &peer.authorizer else { return Ok(()) };
    let bearer = req
        .headers()
        .get(hyper::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim)
        .filter(|t| !t.is_empty());
    match authorizer.check(req.uri().path(), bearer, peer.certificate.as_ref()).await {
        Ok(Verdict::Allowed) => Ok(()),
        Ok(Verdict::Unauthenticated(why)) => Err((StatusCode::UNAUTHORIZED, format!("unauthorized: {why}"))),
        Ok(Verdict::Forbidden(why)) => Err((StatusCode::FORBIDDEN, format!("forbidden: {why}"))),
        // Nobody is let in while the reviews cannot be made.
        Err(e) => {
            tracing::warn!(error = %e, "cannot review a /metrics request");
            Err((StatusCode::SERVICE_UNAVAILABLE, "cannot review the request now".to_string()))
        }
    }
}
