//! Client-side request limits, one set per server connection: a rate (QPS with a burst, as
//! client-go's token bucket) and a cap on requests in flight, so one busy loop cannot flood
//! kcp or a cluster; and the retry policy for answers that say "later" (429, 503, 504).
//!
//! ```text
//! request ─► retry policy ─► rate limiter (token) ─► in-flight permit ─► auth ─► HTTP
//!                 ▲ 429/503/504 on an idempotent request: wait Retry-After or back off, again
//! ```

use std::num::NonZeroU32;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use governor::{DefaultDirectRateLimiter, Quota, RateLimiter};
use http::{Method, Request, Response, StatusCode};
use tokio::sync::Semaphore;

use crate::backoff::exponential;

/// How many requests a connection may send, as the controller's flags set them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RequestLimits {
    /// Sustained requests per second.
    pub qps: u32,
    /// Requests that may go at once above the sustained rate.
    pub burst: u32,
    /// Requests waiting for an answer at the same time (watches are not counted).
    pub max_in_flight: usize,
}

impl Default for RequestLimits {
    /// 50 requests/s with bursts of 100 (DESIGN.md), 64 in flight.
    fn default() -> Self {
        RequestLimits { qps: 50, burst: 100, max_in_flight: 64 }
    }
}

/// The shared state behind one connection's limits.
pub(super) struct Limiter {
    rate: DefaultDirectRateLimiter,
    in_flight: Arc<Semaphore>,
    sent: AtomicU64,
    throttled: AtomicU64,
}

impl Limiter {
    pub(super) fn new(limits: RequestLimits) -> Self {
        let qps = NonZeroU32::new(limits.qps.max(1)).expect("at least 1");
        let burst = NonZeroU32::new(limits.burst.max(limits.qps).max(1)).expect("at least 1");
        Limiter {
            rate: RateLimiter::direct(Quota::per_second(qps).allow_burst(burst)),
            in_flight: Arc::new(Semaphore::new(limits.max_in_flight.max(1))),
            sent: AtomicU64::new(0),
            throttled: AtomicU64::new(0),
        }
    }

    /// Waits for a token of the rate, and counts the request as sent.
    pub(super) async fn admit(&self) {
        self.rate.until_ready().await;
        self.sent.fetch_add(1, Ordering::Relaxed);
    }

    /// How many requests (attempts, watches included) went out so far.
    pub(super) fn sent(&self) -> u64 {
        self.sent.load(Ordering::Relaxed)
    }

    /// Waits for a place among the requests in flight; held until the answer's head arrives.
    pub(super) async fn in_flight_permit(&self) -> tokio::sync::OwnedSemaphorePermit {
        self.in_flight.clone().acquire_owned().await.expect("the semaphore is never closed")
    }

    /// How many answers said 429 (Too Many Requests) so far.
    pub(super) fn throttled(&self) -> u64 {
        self.throttled.load(Ordering::Relaxed)
    }
}

/// Retries at most this many times; the request's own deadline bounds the total as well.
const MAX_RETRIES: u32 = 5;
/// The first back-off; doubled each attempt, jittered, capped at [`MAX_BACKOFF`].
const FIRST_BACKOFF: Duration = Duration::from_millis(200);
/// The longest back-off, and the longest Retry-After honoured.
const MAX_BACKOFF: Duration = Duration::from_secs(30);

/// Retries 429 (after its Retry-After) and 503/504 with bounded, jittered back-off, but only
/// for requests that can be repeated without effect: reads, server-side apply, replace with a
/// resourceVersion, delete. A create is never repeated by the transport.
#[derive(Clone)]
pub(super) struct RetryPolicy {
    attempt: u32,
    limiter: Arc<Limiter>,
}

impl RetryPolicy {
    pub(super) fn new(limiter: Arc<Limiter>) -> Self {
        RetryPolicy { attempt: 0, limiter }
    }
}

/// Whether repeating `request` cannot change the outcome.
pub(super) fn is_idempotent<B>(request: &Request<B>) -> bool {
    match *request.method() {
        Method::GET | Method::HEAD | Method::PUT | Method::DELETE | Method::OPTIONS => true,
        Method::PATCH => request
            .headers()
            .get(http::header::CONTENT_TYPE)
            .is_some_and(|t| t.as_bytes().starts_with(b"application/apply-patch")),
        _ => false,
    }
}

/// The wait a 429 or 503 asks for, in whole seconds as Kubernetes sends it.
pub(super) fn retry_after<B>(response: &Response<B>) -> Option<Duration> {
    let seconds: u64 = response.headers().get(http::header::RETRY_AFTER)?.to_str().ok()?.trim().parse().ok()?;
    Some(Duration::from_secs(seconds).min(MAX_BACKOFF))
}

impl<B> tower::retry::Policy<Request<kube::client::Body>, Response<B>, tower::BoxError> for RetryPolicy {
    type Future = tokio::time::Sleep;

    fn retry(
        &mut self,
        request: &mut Request<kube::client::Body>,
        result: &mut Result<Response<B>, tower::BoxError>,
    ) -> Option<Self::Future> {
        let Ok(response) = result else { return None };
        let status = response.status();
        if status == StatusCode::TOO_MANY_REQUESTS {
            self.limiter.throttled.fetch_add(1, Ordering::Relaxed);
        }
        let retryable = matches!(
            status,
            StatusCode::TOO_MANY_REQUESTS | StatusCode::SERVICE_UNAVAILABLE | StatusCode::GATEWAY_TIMEOUT
        );
        if !retryable || self.attempt >= MAX_RETRIES || !is_idempotent(request) {
            return None;
        }
        self.attempt += 1;
        let backoff = exponential(self.attempt, FIRST_BACKOFF, MAX_BACKOFF);
        let wait = retry_after(response).map_or(backoff, |server| server.max(backoff.min(server * 2)));
        tracing::debug!(
            status = status.as_u16(),
            attempt = self.attempt,
            wait_ms = wait.as_millis() as u64,
            "retrying"
        );
        Some(tokio::time::sleep(wait))
    }

    fn clone_request(&mut self, request: &Request<kube::client::Body>) -> Option<Request<kube::client::Body>> {
        if !is_idempotent(request) {
            return None;
        }
        let body = request.body().try_clone()?;
        let mut copy = Request::builder().method(request.method().clone()).uri(request.uri().clone());
        if let Some(headers) = copy.headers_mut() {
            headers.extend(request.headers().clone());
        }
        let mut copy = copy.body(body).ok()?;
        *copy.extensions_mut() = request.extensions().clone();
        Some(copy)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(method: Method, content_type: Option<&str>) -> Request<()> {
        let mut builder = Request::builder().method(method).uri("/api/v1/pods");
        if let Some(t) = content_type {
            builder = builder.header(http::header::CONTENT_TYPE, t);
        }
        builder.body(()).unwrap()
    }

    #[test]
    fn only_repeatable_requests_are_idempotent() {
        assert!(is_idempotent(&request(Method::GET, None)));
        assert!(is_idempotent(&request(Method::PUT, Some("application/json"))));
        assert!(is_idempotent(&request(Method::PATCH, Some("application/apply-patch+yaml"))));
        assert!(!is_idempotent(&request(Method::PATCH, Some("application/merge-patch+json"))));
        assert!(!is_idempotent(&request(Method::POST, Some("application/json"))));
    }

    #[test]
    fn retry_after_is_read_in_seconds_and_capped() {
        let response = |value: &str| Response::builder().header(http::header::RETRY_AFTER, value).body(()).unwrap();
        assert_eq!(retry_after(&response("3")), Some(Duration::from_secs(3)));
        assert_eq!(retry_after(&response("3600")), Some(MAX_BACKOFF));
        assert_eq!(retry_after(&response("soon")), None);
    }
}
