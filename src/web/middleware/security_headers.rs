//! The headers every response carries: the pages' Content Security Policy
//! (with the sites that may frame them), no sniffing, no referrer abroad.

use actix_web::middleware::DefaultHeaders;

/// The pages' CSP: the portal's own script, styles and images only; a page
/// with a CAPTCHA widget also lets that widget's `origins` load, connect
/// and frame, and nothing else.
pub fn content_security_policy(frame_ancestors: &str, widget_origins: Option<&str>) -> String {
    match widget_origins {
        None => format!(
            "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self'; \
             base-uri 'none'; object-src 'none'; frame-ancestors {frame_ancestors}"
        ),
        Some(o) => format!(
            "default-src 'none'; script-src 'self' {o}; connect-src 'self' {o}; style-src 'self' {o}; \
             img-src 'self' {o}; frame-src {o}; base-uri 'none'; object-src 'none'; frame-ancestors {frame_ancestors}"
        ),
    }
}

/// Headers on every response. The pages load only the portal's own script,
/// style sheet and images (CAPTCHA images included: they come through the
/// portal), and the script asks only the portal (the field checks);
/// `frame-ancestors` names the sites that may embed the page.
/// No `form-action`: a sign-up form's answer may redirect the browser to a
/// third-party provider, whose origin is not known in advance.
pub fn security_headers(frame_ancestors: &str) -> DefaultHeaders {
    DefaultHeaders::new()
        .add(("Content-Security-Policy", content_security_policy(frame_ancestors, None)))
        .add(("X-Content-Type-Options", "nosniff"))
        // The return URL's query (a provider's code) never leaves the site.
        .add(("Referrer-Policy", "same-origin"))
}
