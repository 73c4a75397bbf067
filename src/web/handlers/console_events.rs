//! The organisers' events in the console: making one (`/organize/new`),
//! its page (`/organize/e/SLUG`: link, embedding snippet, QR code, count,
//! report, state, changes), editing it, closing and reopening it, its
//! report as CSV. An event is its owner's and its co-organisers'; to
//! anyone else it does not exist (404).

use std::collections::HashMap;
use std::sync::Arc;

use actix_multipart::Multipart;
use actix_web::http::StatusCode;
use actix_web::http::header::LOCATION;
use actix_web::{HttpResponse, web};
use askama::Template;
use futures_util::StreamExt;

use super::console::{TokenForm, console_site, console_words, state_of};
use super::{embed, report};
use crate::events::draft::{self, EventForm};
use crate::events::{EventError, EventPage, Events};
use crate::look::Logo;
use crate::records::{AccountRecord, EventChange, ReportToken, StoredEvent};
use crate::signup::{Slug, Words};
use crate::web::errors::PageError;
use crate::web::extractors::organizer::{Desk, Organiser};
use crate::web::pages::{self, Site};

/// The most a posted event form may weigh: its text and a logo.
const MAX_FORM_BYTES: usize = 640 * 1024;

#[derive(Template)]
#[template(path = "console_edit.html")]
struct EditPage<'a> {
    site: Site<'a>,
    words: Words,
    csrf: &'a str,
    /// The event's slug, once it exists.
    slug: Option<String>,
    form: &'a EventForm,
    /// What is wrong, by field.
    errors: HashMap<String, String>,
    wikis: Vec<String>,
    chosen_wiki: String,
    has_logo: bool,
    organizer_mode: bool,
    /// Why organizer mode cannot be offered, if it cannot.
    organizer_mode_off: Option<String>,
    organiser: &'a Organiser,
}

impl EditPage<'_> {
    fn error(&self, field: &str) -> &str {
        self.errors.get(field).map_or("", String::as_str)
    }

    fn value(&self, field: &str) -> &str {
        self.form.value(field)
    }

    fn yes_no(&self, right: &str) -> String {
        self.words.get(if self.organiser.account.has(right) { "console-yes" } else { "console-no" })
    }
}

#[derive(Template)]
#[template(path = "console_event.html")]
struct EventConsolePage<'a> {
    site: Site<'a>,
    organiser: &'a Organiser,
    words: Words,
    csrf: &'a str,
    slug: &'a str,
    title: String,
    signup_url: String,
    snippet: String,
    state: String,
    closed: bool,
    signups: Vec<AccountRecord>,
    report_url: String,
    screen_url: String,
    poster_url: String,
    co_organizers: String,
    owner: &'a str,
    changes: Vec<EventChange>,
}

/// The stored event at `slug`, if `organiser` runs it; else not found.
fn run_by(events: &Events, slug: &str, organiser: &Organiser) -> Result<(Arc<EventPage>, StoredEvent), PageError> {
    let slug: Slug = slug.parse().map_err(|_| PageError::NotFound)?;
    let page = events.get(&slug).ok_or(PageError::NotFound)?;
    let stored = page.stored().filter(|s| s.is_run_by(organiser.name(), organiser.wiki.as_str())).cloned();
    Ok((page, stored.ok_or(PageError::NotFound)?))
}

/// `GET /organize/new`: an empty event form.
pub async fn new_event(desk: Desk) -> HttpResponse {
    edit_page(&desk, None, &EventForm::default(), HashMap::new(), false)
}

/// `GET /organize/e/SLUG/edit`: the event's form, filled.
pub async fn edit_event(desk: Desk, path: web::Path<String>) -> Result<HttpResponse, PageError> {
    let (_, stored) = run_by(&desk.events, &path, &desk.organiser)?;
    let mut fields = stored.settings.clone();
    fields.push(("co_organizers".into(), stored.co_organizers.join("\n")));
    if stored.organizer.is_some() {
        fields.push(("organizer_mode".into(), "on".into()));
    }
    let form = EventForm { fields, logo: None };
    let has_logo = stored.logo.is_some();
    Ok(edit_page(&desk, Some(&stored.slug), &form, HashMap::new(), has_logo))
}

fn edit_page(
    desk: &Desk,
    slug: Option<&Slug>,
    form: &EventForm,
    errors: HashMap<String, String>,
    has_logo: bool,
) -> HttpResponse {
    let Desk { req, portal, console, events, organiser } = desk;
    let words = console_words(req, portal);
    let organizer_mode_off = events.secrets().is_none().then(|| words.get("console-no-secrets-key"));
    let status = if errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    let chosen = form.value("wiki_api");
    let page = EditPage {
        site: console_site(portal),
        csrf: &organiser.csrf,
        slug: slug.map(|s| s.as_str().to_owned()),
        errors,
        wikis: console.wikis.iter().map(|w| w.api().as_str().to_owned()).collect(),
        chosen_wiki: if chosen.is_empty() { organiser.wiki.as_str().to_owned() } else { chosen.to_owned() },
        has_logo,
        organizer_mode: form.organizer_mode(),
        organizer_mode_off,
        organiser,
        form,
        words,
    };
    pages::render(status, &page)
}

/// The event form as posted (multipart, for the logo), within
/// [`MAX_FORM_BYTES`].
async fn read_form(mut payload: Multipart) -> Result<EventForm, PageError> {
    let mut form = EventForm::default();
    let mut total = 0;
    while let Some(field) = payload.next().await {
        let mut field = field.map_err(|e| PageError::BadForm(e.to_string().into()))?;
        let name = field.name().unwrap_or_default().to_owned();
        let mut bytes = Vec::new();
        while let Some(chunk) = field.next().await {
            let chunk = chunk.map_err(|e| PageError::BadForm(e.to_string().into()))?;
            total += chunk.len();
            if total > MAX_FORM_BYTES {
                return Err(PageError::BadForm("the event form is larger than 640 KiB".into()));
            }
            bytes.extend_from_slice(&chunk);
        }
        match name.as_str() {
            "logo" if !bytes.is_empty() => form.logo = Some(bytes),
            "logo" => {}
            _ => form.fields.push((name, String::from_utf8_lossy(&bytes).into_owned())),
        }
    }
    Ok(form)
}

/// `POST /organize/new`: makes the event.
pub async fn create_event(desk: Desk, payload: Multipart) -> Result<HttpResponse, PageError> {
    let form = read_form(payload).await?;
    save(&desk, None, form).await
}

/// `POST /organize/e/SLUG/edit`: saves the event's changes.
pub async fn update_event(desk: Desk, path: web::Path<String>, payload: Multipart) -> Result<HttpResponse, PageError> {
    let (_, stored) = run_by(&desk.events, &path, &desk.organiser)?;
    let form = read_form(payload).await?;
    save(&desk, Some(stored), form).await
}

/// Checks the posted `form` as the settings file's events are checked,
/// and saves it over `old` (or as a new event); a form with mistakes comes
/// back with each beside its field, everything typed kept.
async fn save(desk: &Desk, old: Option<StoredEvent>, mut form: EventForm) -> Result<HttpResponse, PageError> {
    if !desk.genuine_post(form.value("csrf")) {
        return Err(PageError::CrossSitePost);
    }
    let Desk { req, portal, console, events, organiser } = desk;
    form.fields.retain(|(k, _)| k != "csrf");
    let words = console_words(req, portal);
    let mut errors = HashMap::new();
    let slug = match &old {
        Some(old) => Some(old.slug.clone()),
        None => match form.value("slug").trim().parse::<Slug>() {
            Ok(slug) if events.get(&slug).is_some() => {
                errors.insert("slug".into(), words.get("console-slug-taken"));
                None
            }
            Ok(slug) => Some(slug),
            Err(e) => {
                errors.insert("slug".into(), e.to_string());
                None
            }
        },
    };
    if form.value("wiki_api").trim().is_empty() {
        form.fields.push(("wiki_api".into(), organiser.wiki.as_str().to_owned()));
    }
    let wiki = form.value("wiki_api").trim().to_owned();
    if console.wiki(&wiki).is_none() {
        errors.insert("wiki_api".into(), words.get("console-wiki-not-allowed"));
    }
    let logo = match (&form.logo, &old) {
        (Some(bytes), _) => match Logo::from_upload(bytes) {
            Ok(_) => Some(bytes.clone()),
            Err(why) => {
                errors.insert("logo".into(), why);
                None
            }
        },
        (None, Some(old)) if !form.forget_logo() => old.logo.clone(),
        _ => None,
    };
    let organizer = organizer_mode(&form, old.as_ref(), organiser, events, &words, &wiki, &mut errors, slug.as_ref());
    let draft = slug.map(|slug| StoredEvent {
        slug,
        owner: old.as_ref().map_or_else(|| organiser.name().to_owned(), |o| o.owner.clone()),
        owner_wiki: old.as_ref().map_or_else(|| organiser.wiki.as_str().to_owned(), |o| o.owner_wiki.clone()),
        settings: form.settings(),
        logo,
        co_organizers: form.co_organizers(),
        organizer,
        report_token: old
            .as_ref()
            .map_or_else(|| ReportToken::generate().expose().to_owned(), |o| o.report_token.clone()),
        closed_at: old.as_ref().and_then(|o| o.closed_at),
        version: old.as_ref().map_or(0, |o| o.version),
    });
    if let Some(draft) = &draft
        && let Err(e) = events.console_settings(draft)
    {
        match e {
            EventError::Setting(e) => errors.insert(e.setting, e.reason),
            EventError::Page(e) => errors.insert("wiki_api".into(), e.to_string()),
        };
    }
    let (Some(draft), true) = (draft, errors.is_empty()) else {
        let has_logo = old.as_ref().is_some_and(|o| o.logo.is_some());
        let slug = old.as_ref().map(|o| &o.slug);
        return Ok(edit_page(desk, slug, &form, errors, has_logo));
    };
    let changed = draft::changes(old.as_ref(), &draft);
    if !events.records().save_event(&draft, organiser.name(), &changed).await.map_err(PageError::Record)? {
        errors.insert("slug".into(), words.get("console-slug-taken"));
        return Ok(edit_page(desk, None, &form, errors, false));
    }
    tracing::info!(
        event = draft.slug.as_str(),
        organizer = organiser.name(),
        ?changed,
        "an event saved in the console"
    );
    events.refresh().await.map_err(|e| PageError::Nonsense(e.to_string()))?;
    Ok(to_event(&draft.slug))
}

/// Organizer mode as the form asks it: the organiser's own bot password,
/// sealed, or a co-organiser's edit keeping the one already there.
#[allow(clippy::too_many_arguments)]
fn organizer_mode(
    form: &EventForm,
    old: Option<&StoredEvent>,
    organiser: &Organiser,
    events: &Events,
    words: &Words,
    wiki: &str,
    errors: &mut HashMap<String, String>,
    slug: Option<&Slug>,
) -> Option<(String, Vec<u8>)> {
    if !form.organizer_mode() {
        return None;
    }
    let Some(secrets) = events.secrets() else {
        errors.insert("organizer_mode".into(), words.get("console-no-secrets-key"));
        return None;
    };
    if wiki != organiser.wiki.as_str() {
        errors.insert("organizer_mode".into(), words.get("console-organizer-other-wiki"));
        return None;
    }
    if form.value("event_code").trim().is_empty() && form.value("max_accounts").trim().is_empty() {
        errors.insert("organizer_mode".into(), words.get("console-organizer-needs-guard"));
        return None;
    }
    let slug = slug?;
    match old.and_then(|o| o.organizer.clone()) {
        // Another organiser's bot password stays theirs.
        Some((user, sealed)) if user != organiser.bot_user => Some((user, sealed)),
        _ => Some((
            organiser.bot_user.clone(),
            secrets.seal(slug.as_str(), &organiser.bot_user, organiser.bot_password()),
        )),
    }
}

/// A moment of the change log, as the report writes times.
pub fn moment(at: &i64) -> String {
    AccountRecord::time_of(*at)
}

fn to_event(slug: &Slug) -> HttpResponse {
    HttpResponse::SeeOther().insert_header((LOCATION, format!("/organize/e/{slug}"))).finish()
}

/// `GET /organize/e/SLUG`: everything the organiser needs for the event.
pub async fn event(desk: Desk, path: web::Path<String>) -> Result<HttpResponse, PageError> {
    let Desk { req, portal, events, organiser, .. } = &desk;
    let (page, stored) = run_by(events, &path, organiser)?;
    let words = console_words(req, portal);
    let signups = events.records().of_event(&stored.slug).await.map_err(PageError::Record)?;
    let url = events.url_of(&stored.slug);
    let mut token = url::form_urlencoded::Serializer::new(String::new());
    let token = token.append_pair("token", &stored.report_token).finish();
    let organisers_page = |page: &str| format!("{}{page}?{token}", url.as_str());
    let view = EventConsolePage {
        site: console_site(portal),
        organiser,
        csrf: &organiser.csrf,
        slug: stored.slug.as_str(),
        title: page.state.look.title.clone().unwrap_or_else(|| stored.slug.as_str().to_owned()),
        signup_url: url.as_str().to_owned(),
        snippet: embed::snippet(&url),
        state: state_of(&page, &words, events).await,
        closed: stored.closed_at.is_some(),
        signups,
        report_url: organisers_page("report"),
        screen_url: organisers_page("screen"),
        poster_url: organisers_page("poster"),
        co_organizers: stored.co_organizers.join(", "),
        owner: &stored.owner,
        changes: events.records().event_changes(&stored.slug).await.map_err(PageError::Record)?,
        words,
    };
    Ok(pages::render(StatusCode::OK, &view))
}

/// `POST /organize/e/SLUG/close`, `/reopen` and `/report-link`: sign-up
/// stops, or goes on; or the report's link is replaced by a new one (the
/// old one stops working at once, on every instance within seconds).
pub async fn act(
    desk: Desk,
    path: web::Path<(String, String)>,
    form: web::Form<TokenForm>,
) -> Result<HttpResponse, PageError> {
    let (slug, action) = path.into_inner();
    if !desk.genuine_post(&form.csrf) {
        return Err(PageError::CrossSitePost);
    }
    let Desk { events, organiser, .. } = &desk;
    let (_, stored) = run_by(events, &slug, organiser)?;
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    let (changed, setting) = match action.as_str() {
        "close" => (StoredEvent { closed_at: Some(stored.closed_at.unwrap_or(now)), ..stored }, "closed"),
        "reopen" => (StoredEvent { closed_at: None, ..stored }, "closed"),
        "report-link" => {
            let report_token = ReportToken::generate().expose().to_owned();
            (StoredEvent { report_token, ..stored }, "report_token")
        }
        _ => return Err(PageError::NotFound),
    };
    events.records().save_event(&changed, organiser.name(), &[setting.into()]).await.map_err(PageError::Record)?;
    events.refresh().await.map_err(|e| PageError::Nonsense(e.to_string()))?;
    Ok(to_event(&changed.slug))
}

/// `GET /organize/e/SLUG/report.csv`: the event's sign-ups as CSV.
pub async fn report_csv(desk: Desk, path: web::Path<String>) -> Result<HttpResponse, PageError> {
    let Desk { events, organiser, .. } = &desk;
    let (page, stored) = run_by(events, &path, organiser)?;
    let signups = events.records().of_event(&stored.slug).await.map_err(PageError::Record)?;
    Ok(report::csv_download(&stored.slug, &signups, &page.state.time_zone))
}
