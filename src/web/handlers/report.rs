//! `GET /e/SLUG/report?token=...`: who signed up through the event, for its
//! organiser: the count and the list, newest first, as a page that keeps
//! itself up to date while projected (every 30 seconds, or `&every=N`), or
//! as CSV (`&format=csv`). Only with
//! the event's report token; never cached, never indexed, never sending a
//! referrer (the link carries the token).

use actix_web::http::StatusCode;
use actix_web::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE, REFERRER_POLICY};
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::records::{AccountRecord, csv};
use crate::signup::Words;
use crate::web::errors::PageError;
use crate::web::pages::{self, Site};
use crate::web::state::AppState;

#[derive(Deserialize)]
pub struct ReportQuery {
    #[serde(default)]
    token: String,
    #[serde(default)]
    format: String,
    /// Seconds between the page's updates of itself (2 to 300; 30 unless said).
    every: Option<u32>,
}

#[derive(Template)]
#[template(path = "report.html")]
struct ReportPage<'a> {
    site: Site<'a>,
    words: Words,
    event: &'a str,
    /// The event's sign-up page, to pass on or project.
    signup_url: String,
    signups: &'a [AccountRecord],
    /// Accounts made whose records wait for the database.
    pending: usize,
    csv_link: String,
    /// Seconds between the page's updates of itself.
    every: u32,
}

pub async fn report(state: web::Data<AppState>, query: web::Query<ReportQuery>) -> Result<HttpResponse, PageError> {
    let (Some(event), Some(token)) = (&state.slug, &state.report_token) else {
        return Err(PageError::NotFound);
    };
    if !token.admits(&query.token) {
        return Err(PageError::ReportRefused);
    }
    let signups = state.records.of_event(event).await.map_err(PageError::Record)?;
    let mut response = if query.format == "csv" {
        HttpResponse::Ok()
            .insert_header((CONTENT_TYPE, "text/csv; charset=utf-8"))
            .insert_header((CONTENT_DISPOSITION, format!("attachment; filename=\"{event}-signups.csv\"")))
            .body(csv(&signups))
    } else {
        let mut csv_link = url::form_urlencoded::Serializer::new(String::from("report?"));
        csv_link.append_pair("token", token.expose()).append_pair("format", "csv");
        let page = ReportPage {
            site: state.site(),
            words: Words::default(),
            event: state.look.title.as_deref().unwrap_or(event.as_str()),
            signup_url: state.public_url.as_str().to_owned(),
            signups: &signups,
            pending: state.records.pending(Some(event)),
            csv_link: csv_link.finish(),
            every: query.every.unwrap_or(30).clamp(2, 300),
        };
        pages::render(StatusCode::OK, &page)
    };
    let headers = response.headers_mut();
    headers.insert(CACHE_CONTROL, "no-store".parse().expect("a header value"));
    headers.insert(REFERRER_POLICY, "no-referrer".parse().expect("a header value"));
    headers.insert("x-robots-tag".parse().expect("a header name"), "noindex".parse().expect("a header value"));
    Ok(response)
}

/// `GET /e/SLUG/qr.svg`: the event's sign-up link as a QR code, to project
/// at the venue so that people sign up on their phones.
pub async fn qr_code(state: web::Data<AppState>) -> Result<HttpResponse, PageError> {
    if state.slug.is_none() {
        return Err(PageError::NotFound);
    }
    let code = qrcode::QrCode::new(state.public_url.as_str().as_bytes()).map_err(|_| PageError::NotFound)?;
    let svg = code.render::<qrcode::render::svg::Color>().min_dimensions(256, 256).quiet_zone(true).build();
    Ok(HttpResponse::Ok()
        .insert_header((CONTENT_TYPE, "image/svg+xml"))
        .insert_header((CACHE_CONTROL, "public, max-age=300"))
        .body(svg))
}
