//! Prometheus metrics, served at `/metrics`: requests by route and status,
//! sign-up outcomes, and the wiki's latency and errors.

use prometheus::{Encoder, HistogramOpts, HistogramVec, IntCounterVec, Opts, Registry, TextEncoder};

#[derive(Clone)]
pub struct Metrics {
    registry: Registry,
    /// Requests by route pattern (not path: bounded labels) and status.
    pub requests: IntCounterVec,
    /// `createaccount` answers by status, and FAIL by message code.
    pub outcomes: IntCounterVec,
    /// Accounts made that the database could not record, by event.
    pub unrecorded: IntCounterVec,
    pub upstream: UpstreamMetrics,
}

/// What the wiki client records.
#[derive(Clone)]
pub struct UpstreamMetrics {
    /// Seconds per call, by call ("authmanagerinfo", "createaccount"...).
    pub latency: HistogramVec,
    /// Failed calls by call and kind ("timeout", "unreachable", "http"...).
    pub errors: IntCounterVec,
}

impl Metrics {
    pub fn new() -> Metrics {
        let registry = Registry::new();
        let requests = IntCounterVec::new(
            Opts::new("wikisignup_http_requests_total", "Requests served, by route and status"),
            &["route", "status"],
        )
        .expect("valid metric");
        let outcomes = IntCounterVec::new(
            Opts::new(
                "wikisignup_signup_outcomes_total",
                "createaccount answers, by event (empty for the portal's own page), status and FAIL code",
            ),
            &["event", "status", "code"],
        )
        .expect("valid metric");
        let latency = HistogramVec::new(
            HistogramOpts::new("wikisignup_upstream_request_seconds", "Time the wiki took to answer, by call")
                .buckets(vec![0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0]),
            &["call"],
        )
        .expect("valid metric");
        let unrecorded = IntCounterVec::new(
            Opts::new("wikisignup_signups_unrecorded_total", "Accounts made that the database could not record"),
            &["event"],
        )
        .expect("valid metric");
        let errors = IntCounterVec::new(
            Opts::new("wikisignup_upstream_errors_total", "Calls to the wiki that failed, by call and kind"),
            &["call", "kind"],
        )
        .expect("valid metric");
        for metric in [
            Box::new(requests.clone()) as Box<dyn prometheus::core::Collector>,
            Box::new(outcomes.clone()),
            Box::new(unrecorded.clone()),
            Box::new(latency.clone()),
            Box::new(errors.clone()),
        ] {
            registry.register(metric).expect("each metric registered once");
        }
        Metrics { registry, requests, outcomes, unrecorded, upstream: UpstreamMetrics { latency, errors } }
    }

    /// The text exposition format.
    pub fn render(&self) -> String {
        let mut out = Vec::new();
        TextEncoder::new().encode(&self.registry.gather(), &mut out).expect("metrics encode");
        String::from_utf8(out).expect("metrics are UTF-8")
    }
}

impl Default for Metrics {
    fn default() -> Self {
        Metrics::new()
    }
}
