//! How every request reaches the wiki: one pooled HTTP client, a bound on
//! requests in flight, the visitor's cookies sent and kept, metrics and
//! logs per call, and a cap on what is read back.

use std::sync::Arc;
use std::time::{Duration, Instant};

use reqwest::header::{CONTENT_TYPE, COOKIE, SET_COOKIE};
use serde::de::DeserializeOwned;
use tokio::sync::Semaphore;
use url::Url;

use super::error::WikiError;
use super::session::UpstreamSession;
use crate::metrics::UpstreamMetrics;

/// The largest API answer read; a sign-up answer is a few kilobytes.
pub const MAX_ANSWER_BYTES: usize = 2 * 1024 * 1024;

#[derive(Clone)]
pub struct Transport {
    http: reqwest::Client,
    /// Bounds the requests in flight, so a burst of visitors queues here
    /// instead of piling onto the wiki.
    in_flight: Arc<Semaphore>,
    timeout: Duration,
    metrics: UpstreamMetrics,
    /// `uselang` of calls made for no visitor in particular.
    language: String,
}

pub struct TransportOptions {
    pub user_agent: String,
    pub connect_timeout: Duration,
    pub timeout: Duration,
    /// Most requests in flight at once.
    pub concurrency: usize,
    pub metrics: UpstreamMetrics,
    /// `uselang` of every API call, unless the session speaks another.
    pub language: String,
}

impl Transport {
    pub fn new(options: TransportOptions) -> Result<Transport, reqwest::Error> {
        let http = reqwest::Client::builder()
            .user_agent(options.user_agent)
            .connect_timeout(options.connect_timeout)
            .timeout(options.timeout)
            // The API never redirects; a redirect could only lead away from
            // the wiki's origin, with a visitor's cookies.
            .redirect(reqwest::redirect::Policy::none())
            .build()?;
        Ok(Transport {
            http,
            in_flight: Arc::new(Semaphore::new(options.concurrency)),
            timeout: options.timeout,
            metrics: options.metrics,
            language: options.language,
        })
    }

    /// GETs `url` and reads its JSON answer.
    pub async fn get_json<T: DeserializeOwned>(
        &self,
        session: &mut UpstreamSession,
        url: Url,
        what: &'static str,
    ) -> Result<T, WikiError> {
        parse_json(&self.get_answer(session, url, what).await?)
    }

    /// GETs `url` and reads its answer, unparsed.
    pub async fn get_answer(
        &self,
        session: &mut UpstreamSession,
        url: Url,
        what: &'static str,
    ) -> Result<Vec<u8>, WikiError> {
        let mut url = url;
        url.query_pairs_mut().append_pair("uselang", self.language_of(session));
        if session.manner.as_user {
            url.query_pairs_mut().append_pair("assert", "user");
        }
        let response = self.send(session, self.http.get(url.clone()), &url, what).await?;
        read_limited(response, MAX_ANSWER_BYTES).await
    }

    /// POSTs `form` to `url` and reads its JSON answer. Secrets travel in
    /// the POST body only, never in the URL.
    pub async fn post_json<T: DeserializeOwned>(
        &self,
        session: &mut UpstreamSession,
        url: &Url,
        form: &[(&str, &str)],
        what: &'static str,
    ) -> Result<T, WikiError> {
        let assert = session.manner.as_user.then_some(("assert", "user"));
        let language = ("uselang", self.language_of(session));
        let form: Vec<(&str, &str)> = form.iter().copied().chain(assert).chain([language]).collect();
        let body = serde_urlencoded::to_string(form).map_err(|e| WikiError::BadResponse(e.to_string()))?;
        let request = self.http.post(url.clone()).header(CONTENT_TYPE, "application/x-www-form-urlencoded").body(body);
        let response = self.send(session, request, url, what).await?;
        read_json(response).await
    }

    /// GETs `url` and reads at most `max` bytes of it, with its content
    /// type.
    pub async fn get_bytes(
        &self,
        session: &mut UpstreamSession,
        url: &Url,
        max: usize,
        what: &'static str,
    ) -> Result<(Option<String>, Vec<u8>), WikiError> {
        let response = self.send(session, self.http.get(url.clone()), url, what).await?;
        let content_type =
            response.headers().get(CONTENT_TYPE).and_then(|v| v.to_str().ok()).map(|v| v.trim().to_owned());
        Ok((content_type, read_limited(response, max).await?))
    }

    /// The language of calls made for no visitor in particular.
    pub fn language(&self) -> &str {
        &self.language
    }

    /// The language the wiki is asked to answer `session` in.
    fn language_of<'a>(&'a self, session: &'a UpstreamSession) -> &'a str {
        session.manner.language.as_deref().unwrap_or(&self.language)
    }

    /// Sends with the visitor's cookies, keeps the cookies the wiki sets,
    /// and turns transport failures and HTTP errors into [`WikiError`].
    async fn send(
        &self,
        session: &mut UpstreamSession,
        mut request: reqwest::RequestBuilder,
        url: &Url,
        what: &'static str,
    ) -> Result<reqwest::Response, WikiError> {
        if let Some(cookies) = session.cookie_header(url) {
            request = request.header(COOKIE, cookies);
        }
        if let Some(token) = &session.manner.bearer {
            request = request.bearer_auth(token);
        }
        if let Some(address) = session.manner.forwarded_for {
            request = request.header("x-forwarded-for", address.to_string());
        }
        // Waiting for a turn is bounded by the same limit as the request.
        let _turn = match tokio::time::timeout(self.timeout, self.in_flight.acquire()).await {
            Ok(Ok(permit)) => permit,
            _ => {
                self.metrics.errors.with_label_values(&[what, "queue_timeout"]).inc();
                return Err(WikiError::Timeout);
            }
        };
        // Timed from here: the latency is the wiki's, not the queue's.
        let started = Instant::now();
        let result = request.send().await;
        let elapsed = started.elapsed();
        let elapsed_ms = elapsed.as_millis() as u64;
        let response = match result {
            Ok(response) => response,
            Err(e) => {
                tracing::warn!(call = what, elapsed_ms, error = %e, "wiki request failed");
                let e = WikiError::from_transport(e);
                let kind = if matches!(e, WikiError::Timeout) { "timeout" } else { "unreachable" };
                self.metrics.errors.with_label_values(&[what, kind]).inc();
                return Err(e);
            }
        };
        let status = response.status();
        self.metrics.latency.with_label_values(&[what]).observe(elapsed.as_secs_f64());
        // Each form page calls the wiki: its answers are counted in the
        // metrics and logged at debug level; trouble at info.
        if status.is_success() {
            tracing::debug!(call = what, status = status.as_u16(), elapsed_ms, "wiki answered");
        } else {
            tracing::info!(call = what, status = status.as_u16(), elapsed_ms, "wiki answered");
        }
        let set_cookies = response.headers().get_all(SET_COOKIE).iter();
        session.store_set_cookies(set_cookies.filter_map(|v| v.to_str().ok()), url);
        if !status.is_success() {
            self.metrics.errors.with_label_values(&[what, "http_status"]).inc();
            return Err(WikiError::HttpStatus(status.as_u16()));
        }
        Ok(response)
    }
}

async fn read_json<T: DeserializeOwned>(response: reqwest::Response) -> Result<T, WikiError> {
    parse_json(&read_limited(response, MAX_ANSWER_BYTES).await?)
}

/// An API answer's JSON, read.
pub fn parse_json<T: DeserializeOwned>(body: &[u8]) -> Result<T, WikiError> {
    serde_json::from_slice(body).map_err(|e| WikiError::BadResponse(e.to_string()))
}

/// Reads at most `max` bytes, whatever the wiki claims or streams.
async fn read_limited(mut response: reqwest::Response, max: usize) -> Result<Vec<u8>, WikiError> {
    let too_large = || WikiError::BadResponse("answer too large".into());
    if response.content_length().is_some_and(|len| len as usize > max) {
        return Err(too_large());
    }
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(WikiError::from_transport)? {
        if body.len() + chunk.len() > max {
            return Err(too_large());
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}
