//! wikisignup: a custom sign-up page for a MediaWiki wiki, driving the
//! Action API's account creation (`action=createaccount`, AuthManager).

pub mod config;
pub mod events;
pub mod keys;
pub mod look;
pub mod metrics;
pub mod preflight;
pub mod records;
pub mod sealed;
pub mod session_store;
pub mod signup;
pub mod startup;
pub mod telemetry;
pub mod web;
pub mod wiki;
