//! What wraps every request, one concern a file.

pub mod cookie_partition;
pub mod error_pages;
pub mod event_pages;
pub mod head_as_get;
pub mod request_id;
pub mod request_metrics;
pub mod security_headers;
