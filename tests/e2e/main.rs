//! End-to-end: the portal, started as in production, driven over HTTP as a
//! browser would, against real MediaWiki wikis started by `tests/wiki/up`
//! (and, for upstream faults only, against stubs).

mod accessibility;
mod at_an_event;
mod browser;
mod campaigns;
mod captcha;
mod console;
mod embedded_browser;
mod embedding;
mod events;
mod every_word;
mod field_checks;
mod helpers;
mod languages;
mod look;
mod on_the_day;
mod operations;
mod plain;
mod preflight;
mod script_captcha;
mod security;
mod sessions;
mod shared_sessions;
mod sso;
mod stub_statuses;
mod upstream_trouble;
