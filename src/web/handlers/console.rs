//! The organisers' console at `/organize/`: signing in with a bot password
//! of a wiki the operator allows (`action=login`, then `meta=userinfo`
//! for the account's groups and rights, judged by `events::admission`),
//! signing out, and the list of the organiser's events. The events
//! themselves are `console_events.rs`.

use actix_web::http::StatusCode;
use actix_web::http::header::LOCATION;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use crate::events::admission::{self, Account, Refusal};
use crate::events::{EventPage, Events};
use crate::signup::{LanguageCode, Words, catalogue};
use crate::web::errors::{CONSOLE_PATH, PageError};
use crate::web::extractors::client_ip::ClientIp;
use crate::web::extractors::language;
use crate::web::extractors::organizer::{Console, Desk, Organiser, genuine_post};
use crate::web::pages::{self, Site};
use crate::web::state::AppState;
use crate::wiki::{UpstreamSession, WikiError};

/// The console's pages speak the organiser's language, from the portal's
/// catalogue (`Accept-Language`, or `?uselang=`).
pub fn console_words(req: &HttpRequest, portal: &AppState) -> Words {
    let asked = language::asked(req, None);
    let english: LanguageCode = "en".parse().expect("a language code");
    Words::clone(&portal.languages.words(&asked.choose(|code| catalogue::has(code.as_str()).is_some(), &english)))
}

/// The console's site: the portal's look, its links from the root.
pub fn console_site(portal: &AppState) -> Site<'_> {
    Site { base: "/", ..portal.site() }
}

#[derive(Template)]
#[template(path = "console_sign_in.html")]
struct SignInPage<'a> {
    site: Site<'a>,
    words: Words,
    wikis: Vec<String>,
    /// The name typed, kept after a refusal (never the password).
    username: String,
    chosen_wiki: String,
    refusal: Option<String>,
}

/// One event in the console's list.
pub struct EventRow {
    pub slug: String,
    pub title: String,
    pub state: String,
    /// Made in the console (else: set by the operator, read-only).
    pub editable: bool,
}

#[derive(Template)]
#[template(path = "console_events.html")]
struct EventsPage<'a> {
    site: Site<'a>,
    words: Words,
    organiser: &'a Organiser,
    wiki_name: String,
    own: Vec<EventRow>,
    operators: Vec<EventRow>,
}

/// `GET /organize`: the console lives under `/organize/`, where its cookie is sent.
pub async fn to_console() -> HttpResponse {
    HttpResponse::PermanentRedirect().insert_header((LOCATION, CONSOLE_PATH)).finish()
}

/// `GET /organize/`: the organiser's events, or the sign-in form.
pub async fn home(
    req: HttpRequest,
    portal: web::Data<AppState>,
    console: web::Data<Console>,
    events: web::Data<Events>,
) -> Result<HttpResponse, PageError> {
    let words = console_words(&req, &portal);
    let Some(organiser) = console.organiser(&req) else {
        return Ok(sign_in_page(&portal, &console, words, String::new(), String::new(), None));
    };
    let (mut own, mut operators) = (Vec::new(), Vec::new());
    for page in events.all() {
        match page.stored() {
            Some(stored) if stored.is_run_by(organiser.name(), organiser.wiki.as_str()) => {
                own.push(row(&page, &words, &events).await)
            }
            Some(_) => {}
            None => operators.push(row(&page, &words, &events).await),
        }
    }
    let wiki_name = console.wiki(organiser.wiki.as_str()).map_or_else(|| organiser.wiki.host(), wiki_name);
    let page = EventsPage { site: console_site(&portal), words, organiser: &organiser, wiki_name, own, operators };
    Ok(pages::render(StatusCode::OK, &page))
}

async fn row(page: &EventPage, words: &Words, events: &Events) -> EventRow {
    EventRow {
        slug: page.slug.as_str().to_owned(),
        title: page.state.look.title.clone().unwrap_or_else(|| page.slug.as_str().to_owned()),
        state: state_of(page, words, events).await,
        editable: page.stored().is_some(),
    }
}

/// The event's state in words: open, not yet open, closed, full, or its
/// organiser's login failing (with the wiki's reason).
pub async fn state_of(page: &EventPage, words: &Words, events: &Events) -> String {
    let state = &page.state;
    if let Some(organizer) = &state.event.organizer
        && let Err(e) = organizer.rights(&state.wiki).await
    {
        return words.sentence("console-state-login-failing", &[("reason", &e.to_string())]);
    }
    let made = events.records().slots_taken(Some(&page.slug)).await.ok();
    match state.event.rules.open_at(time::OffsetDateTime::now_utc(), made) {
        Ok(()) => words.get("console-state-open"),
        Err(crate::signup::Closed::NotYet(opens)) => {
            words.sentence("console-state-not-yet", &[("when", &opens.date().to_string())])
        }
        Err(crate::signup::Closed::Over(_)) => words.get("console-state-closed"),
        Err(crate::signup::Closed::Full) => words.get("console-state-full"),
    }
}

fn wiki_name(wiki: &crate::wiki::WikiClient) -> String {
    wiki.sitename().unwrap_or_else(|| wiki.api().host())
}

fn sign_in_page(
    portal: &AppState,
    console: &Console,
    words: Words,
    username: String,
    chosen_wiki: String,
    refusal: Option<&Refusal>,
) -> HttpResponse {
    let refusal = refusal.map(|refusal| {
        let (id, args) = refusal.sentence();
        let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        words.sentence(id, &args)
    });
    let status = if refusal.is_some() { StatusCode::FORBIDDEN } else { StatusCode::OK };
    let page = SignInPage {
        site: console_site(portal),
        words,
        wikis: console.wikis.iter().map(|w| w.api().as_str().to_owned()).collect(),
        username,
        chosen_wiki,
        refusal,
    };
    pages::render(status, &page)
}

#[derive(serde::Deserialize)]
pub struct SignInForm {
    #[serde(default)]
    wiki: String,
    #[serde(default)]
    username: String,
    #[serde(default)]
    password: String,
}

/// `POST /organize/sign-in`: logs in to the wiki with the bot password,
/// and lets the account in if the operator's policy says so.
pub async fn sign_in(
    req: HttpRequest,
    portal: web::Data<AppState>,
    console: web::Data<Console>,
    events: web::Data<Events>,
    client: ClientIp,
    form: web::Form<SignInForm>,
) -> Result<HttpResponse, PageError> {
    if !genuine_post(&req, &portal.public_url.origin(), "", None) {
        return Err(PageError::CrossSitePost);
    }
    let SignInForm { wiki, username, password } = form.into_inner();
    let username = username.trim().to_owned();
    let Some(wiki_client) = console.wiki(&wiki).or(console.wikis.first()) else {
        return Err(PageError::NotFound);
    };
    let words = console_words(&req, &portal);
    let refuse = |refusal: Refusal| {
        Ok(sign_in_page(&portal, &console, words.clone(), username.clone(), wiki.clone(), Some(&refusal)))
    };
    if !admission::is_bot_password_name(&username) {
        return refuse(Refusal::NotABotPassword);
    }
    if !console.take_attempt(client.0, &username) {
        return refuse(Refusal::TooManyAttempts);
    }
    let mut session = UpstreamSession::default();
    let account = match log_in(wiki_client, &mut session, &username, &password).await {
        Ok(account) => account,
        Err(refusal) => {
            tracing::info!(
                organizer = username,
                wiki = wiki_client.api().as_str(),
                ?refusal,
                "a console sign-in refused"
            );
            return refuse(refusal);
        }
    };
    let settings = &events.settings().console;
    if let Err(refusal) = admission::admit(&account, &settings.groups, &settings.organizers) {
        tracing::info!(organizer = account.name, ?refusal, "a console sign-in refused by the portal's policy");
        return refuse(refusal);
    }
    tracing::info!(
        organizer = account.name,
        wiki = wiki_client.api().as_str(),
        "an organiser signed in to the console"
    );
    let cookie = console.start(account, wiki_client.api().clone(), username, password);
    Ok(HttpResponse::SeeOther().cookie(cookie).insert_header((LOCATION, CONSOLE_PATH)).finish())
}

/// Logs in with the bot password, and asks the wiki who the account is.
async fn log_in(
    wiki: &crate::wiki::WikiClient,
    session: &mut UpstreamSession,
    username: &str,
    password: &str,
) -> Result<Account, Refusal> {
    match wiki.sign_in(session, username, password).await {
        Ok(user) => Ok(Account { name: user.name, groups: user.groups, rights: user.rights }),
        Err(WikiError::LoginFailed(_)) => Err(Refusal::WrongPassword),
        Err(_) => Err(Refusal::Unreachable { wiki: wiki.api().host() }),
    }
}

/// A console form that carries only its token (sign out, close, reopen).
#[derive(serde::Deserialize)]
pub struct TokenForm {
    #[serde(default)]
    pub csrf: String,
}

/// `POST /organize/sign-out`.
pub async fn sign_out(desk: Desk, form: web::Form<TokenForm>) -> Result<HttpResponse, PageError> {
    if !desk.genuine_post(&form.csrf) {
        return Err(PageError::CrossSitePost);
    }
    let cookie = desk.console.end(&desk.req);
    Ok(HttpResponse::SeeOther().cookie(cookie).insert_header((LOCATION, CONSOLE_PATH)).finish())
}
