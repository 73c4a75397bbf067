//! An event's pages for its organisers, each only with the event's report
//! token (`?token=`), never cached, never indexed, never sending a
//! referrer (the link carries the token):
//! - `GET /e/SLUG/report`: who signed up, newest first, with their
//!   contributions linked, the accounts made per hour, the refusals by
//!   reason, times on the event's clocks, in the event's language; as CSV
//!   with `&format=csv`. It keeps itself up to date while open (every 30
//!   seconds, or `&every=N`).
//! - `GET /e/SLUG/screen`: the projector view: the QR code as large as the
//!   screen allows, the address, and the count, live; no names on it.
//! - `GET /e/SLUG/poster`: one printed page for the door.
//!
//! And `GET /e/SLUG/qr.svg`, the sign-up link as a QR code, for anyone.

use actix_web::http::StatusCode;
use actix_web::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE, REFERRER_POLICY};
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::records::{AccountRecord, csv};
use crate::signup::{Refusal, Slug, TimeZone, Words};
use crate::web::errors::PageError;
use crate::web::pages::{self, Site};
use crate::web::state::AppState;
use crate::wiki::WikiApiUrl;

#[derive(Deserialize)]
pub struct ReportQuery {
    #[serde(default)]
    token: String,
    #[serde(default)]
    format: String,
    /// Seconds between the page's updates of itself (2 to 300).
    every: Option<u32>,
}

/// One row of the report: an account, on the event's clocks.
pub struct Row {
    pub when: String,
    pub username: String,
    pub contributions: String,
    pub via: &'static str,
}

#[derive(Template)]
#[template(path = "report.html")]
struct ReportPage<'a> {
    site: Site<'a>,
    words: Words,
    event: &'a str,
    signup_url: String,
    rows: Vec<Row>,
    /// Accounts made whose records wait for the database.
    pending: usize,
    /// The accounts per hour, drawn.
    chart: String,
    refusals: Vec<(Refusal, i64)>,
    time_zone: &'a str,
    /// The token, for the links to the CSV, the projector view and the poster.
    query: String,
    every: u32,
}

#[derive(Template)]
#[template(path = "screen.html")]
struct ScreenPage<'a> {
    site: Site<'a>,
    words: Words,
    event: &'a str,
    signup_url: String,
    /// The address as people type it: no scheme.
    short_url: String,
    count: usize,
    every: u32,
    /// Without scripts, the page reloads itself this often.
    every_without_script: u32,
}

#[derive(Template)]
#[template(path = "poster.html")]
struct PosterPage<'a> {
    site: Site<'a>,
    words: Words,
    event: &'a str,
    short_url: String,
    event_code: Option<&'a str>,
}

/// The event the page is for, if the query carries its report token.
fn admitted<'a>(state: &'a AppState, query: &ReportQuery) -> Result<&'a Slug, PageError> {
    let (Some(event), Some(token)) = (&state.slug, &state.report_token) else {
        return Err(PageError::NotFound);
    };
    if !token.admits(&query.token) { Err(PageError::ReportRefused) } else { Ok(event) }
}

/// Organisers' pages are never cached, indexed, or referred from.
fn private(mut response: HttpResponse) -> HttpResponse {
    let headers = response.headers_mut();
    headers.insert(CACHE_CONTROL, "no-store".parse().expect("a header value"));
    headers.insert(REFERRER_POLICY, "no-referrer".parse().expect("a header value"));
    headers.insert("x-robots-tag".parse().expect("a header name"), "noindex".parse().expect("a header value"));
    response
}

/// The event's sign-ups as a CSV file to download (from the report, or
/// the console), on the event's clocks.
pub fn csv_download(event: &Slug, signups: &[AccountRecord], time_zone: &TimeZone) -> HttpResponse {
    private(
        HttpResponse::Ok()
            .insert_header((CONTENT_TYPE, "text/csv; charset=utf-8"))
            .insert_header((CONTENT_DISPOSITION, format!("attachment; filename=\"{event}-signups.csv\"")))
            .body(csv(signups, time_zone)),
    )
}

/// The event's name as its pages show it.
fn event_name<'a>(state: &'a AppState, event: &'a Slug) -> &'a str {
    state.look.title.as_deref().unwrap_or(event.as_str())
}

/// The event's own words: its language, from the portal's catalogue.
fn event_words(state: &AppState) -> Words {
    Words::clone(&state.languages.words(&state.language))
}

/// The sign-up address without its scheme, as people type it.
fn short_url(state: &AppState) -> String {
    let url = state.public_url.as_str();
    url.split_once("://").map_or(url, |(_, rest)| rest).to_owned()
}

pub async fn report(state: web::Data<AppState>, query: web::Query<ReportQuery>) -> Result<HttpResponse, PageError> {
    let event = admitted(&state, &query)?;
    let signups = state.records.of_event(event).await.map_err(PageError::Record)?;
    if query.format == "csv" {
        return Ok(csv_download(event, &signups, &state.time_zone));
    }
    let mut token = url::form_urlencoded::Serializer::new(String::new());
    token.append_pair("token", &query.token);
    let words = event_words(&state);
    let page = ReportPage {
        site: state.site(),
        event: event_name(&state, event),
        signup_url: state.public_url.as_str().to_owned(),
        rows: signups.iter().map(|signup| row(signup, &state)).collect(),
        pending: state.records.pending(Some(event)),
        chart: chart(&per_hour(&signups, &state), &words),
        refusals: state.records.refusals_of(event).await.map_err(PageError::Record)?,
        time_zone: state.time_zone.name(),
        query: token.finish(),
        every: query.every.unwrap_or(30).clamp(2, 300),
        words,
    };
    Ok(private(pages::render(StatusCode::OK, &page)))
}

fn row(signup: &AccountRecord, state: &AppState) -> Row {
    let wiki = signup.wiki.parse::<WikiApiUrl>().ok();
    let mut contributions = wiki.as_ref().unwrap_or(state.wiki.api()).index_url();
    contributions.query_pairs_mut().append_pair("title", &format!("Special:Contributions/{}", signup.username));
    Row {
        when: state.time_zone.local(signup.created_at),
        username: signup.username.clone(),
        contributions: contributions.to_string(),
        via: signup.via(),
    }
}

/// The accounts made in each hour that had one, on the event's clocks,
/// oldest first: (the hour's start, its label, how many).
fn per_hour(signups: &[AccountRecord], state: &AppState) -> Vec<(i64, String, usize)> {
    let mut hours: Vec<(i64, String, usize)> = Vec::new();
    for signup in signups {
        let (start, label) = state.time_zone.hour_of(signup.created_at);
        match hours.iter_mut().find(|(s, _, _)| *s == start) {
            Some(hour) => hour.2 += 1,
            None => hours.push((start, label, 1)),
        }
    }
    hours.sort_by_key(|(start, _, _)| *start);
    hours
}

/// The accounts per hour as an SVG bar chart: one bar for each hour that
/// had a sign-up, placed along the hours from the first to the last.
fn chart(hours: &[(i64, String, usize)], words: &Words) -> String {
    let (Some(first), Some(last)) = (hours.first(), hours.last()) else { return String::new() };
    let span = ((last.0 - first.0) / 3600 + 1) as usize;
    let most = hours.iter().map(|(_, _, n)| *n).max().unwrap_or(1).max(1);
    let (width, height, bar) = (span.max(4) * 40, 160, 28);
    let mut svg = format!(
        "<svg class=\"chart\" viewBox=\"0 0 {width} {}\" role=\"img\" aria-labelledby=\"chart-title\">\
         <title id=\"chart-title\">{}</title>",
        height + 40,
        words.get("report-chart-title")
    );
    for (start, label, count) in hours {
        let slot = ((start - first.0) / 3600) as usize;
        let tall = (count * height / most).max(2);
        let (x, y) = (slot * 40 + 6, height - tall);
        let label = crate::signup::SafeHtml::from_text(label);
        svg.push_str(&format!(
            "<g class=\"bar\"><title>{label}: {count}</title>\
             <rect x=\"{x}\" y=\"{y}\" width=\"{bar}\" height=\"{tall}\"></rect>\
             <text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{count}</text>\
             <text x=\"{}\" y=\"{}\" text-anchor=\"middle\" class=\"hour\">{}</text></g>",
            x + bar / 2,
            y.saturating_sub(4).max(12),
            x + bar / 2,
            height + 20,
            label.as_str().rsplit(' ').next().unwrap_or_default(),
        ));
    }
    svg.push_str("</svg>");
    svg
}

/// `GET /e/SLUG/screen`: the projector view.
pub async fn screen(state: web::Data<AppState>, query: web::Query<ReportQuery>) -> Result<HttpResponse, PageError> {
    let event = admitted(&state, &query)?;
    let count =
        state.records.of_event(event).await.map_err(PageError::Record)?.len() + state.records.pending(Some(event));
    let every = query.every.unwrap_or(3).clamp(2, 300);
    let page = ScreenPage {
        site: state.site(),
        words: event_words(&state),
        event: event_name(&state, event),
        signup_url: state.public_url.as_str().to_owned(),
        short_url: short_url(&state),
        count,
        every,
        every_without_script: (every * 5).max(10),
    };
    Ok(private(pages::render(StatusCode::OK, &page)))
}

/// `GET /e/SLUG/poster`: one page to print for the door.
pub async fn poster(state: web::Data<AppState>, query: web::Query<ReportQuery>) -> Result<HttpResponse, PageError> {
    let event = admitted(&state, &query)?;
    let page = PosterPage {
        site: state.site(),
        words: event_words(&state),
        event: event_name(&state, event),
        short_url: short_url(&state),
        event_code: state.event.rules.event_code(),
    };
    Ok(private(pages::render(StatusCode::OK, &page)))
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
