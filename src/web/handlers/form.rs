//! The sign-up pages: the form (`GET /`), its submission (`POST /`), the
//! return from a third-party provider (`GET /return`), starting over
//! (`POST /start-over`) and the welcome page (`GET /welcome`). Thin: the
//! domain (`signup::flow`) decides what comes next; these load the flow,
//! call the wiki, store, redirect and render.
//!
//! Every step that changes the flow answers with a redirect to `GET /`
//! (post/redirect/get): a reload or the back button shows the current step
//! again and never sends anything to the wiki twice.

use actix_web::http::StatusCode;
use actix_web::http::header::{ACCEPT, CACHE_CONTROL, LOCATION};
use actix_web::{HttpRequest, HttpResponse, ResponseError, web};
use url::Url;

use crate::records::{AccountRecord, Via};
use crate::signup::flow::{self, SignupClosed};
use crate::signup::{
    Campaign, Closed, EVENT_CODE_FIELD, Flow, LanguageCode, Next, Notice, PageTitle, Refusal, Said, Stage, Submission,
    Submit, Username, Visit, Words,
};
use crate::web::errors::{PageError, StaleForm};
use crate::web::extractors::client_ip::ClientIp;
use crate::web::extractors::csrf::VerifiedForm;
use crate::web::extractors::language::VisitorLanguage;
use crate::web::extractors::session::VisitorSession;
use crate::web::form_pages::{FormPageKey, OwnParts};
use crate::web::handlers::captcha;
use crate::web::handlers::script_captcha;
use crate::web::middleware::request_id;
use crate::web::pages::{self, FormPage, WelcomePage};
use crate::web::state::AppState;
use crate::wiki::types::CreateAccountResult;
use crate::wiki::{CreateAccount, CreateStep, WikiError};

/// How recent an account must be to count as made by a try of the same
/// visitor whose answer was lost.
const UNSURE_WINDOW: std::time::Duration = std::time::Duration::from_secs(10 * 60);

/// The query parameter of the return URL that names the visitor's flow.
const RETURN_KEY: &str = "wikisignup_flow";

/// `GET /`: the step under way, or a fresh form from the wiki's own field
/// descriptions.
pub async fn show_form(
    state: web::Data<AppState>,
    session: VisitorSession,
    client: ClientIp,
    language: VisitorLanguage,
    query: web::Query<Vec<(String, String)>>,
) -> Result<HttpResponse, PageError> {
    // What an event site's link may say: `?returnto=Page`, the wiki page to
    // go to once logged in (as Special:CreateAccount takes it). Given twice,
    // the first counts: a doubled link is not refused.
    if let Some((_, raw)) = query.iter().find(|(name, _)| name == "returnto") {
        // A page name that cannot be a title is left out, not an error:
        // the sign-up matters more than where it leads afterwards.
        match PageTitle::parse(raw) {
            Ok(page) => session.set_return_to(&page)?,
            Err(e) => tracing::info!(error = %e, "returnto ignored"),
        }
    }
    // `?campaign=NAME`, as Special:CreateAccount takes it (Extension:Campaigns).
    if let Some((_, raw)) = query.iter().find(|(name, _)| name == "campaign") {
        match Campaign::parse(raw) {
            Ok(campaign) => session.set_campaign(&campaign)?,
            Err(e) => tracing::info!(error = %e, "campaign ignored"),
        }
    }
    sign_up_open(&state, &session).await?;
    match flow::visit(session.flow()) {
        Visit::Step { flow, notice } => {
            show(&state, &session, &language.0, *flow, &Submission::default(), notice, StatusCode::OK, false)
        }
        Visit::Fresh { kept, notice } => {
            client.take_turn(&state.limits.form_pages)?;
            session.forget_created();
            fresh_form(&state, &session, client, &language.0, &kept, notice, false).await
        }
    }
}

/// `POST /`: one `createaccount` call with the fields of the form shown.
/// A form of this site whose token is stale comes back refilled, with
/// nothing sent; any other refusal is an error page.
pub async fn submit(
    state: web::Data<AppState>,
    session: VisitorSession,
    client: ClientIp,
    language: VisitorLanguage,
    form: Result<VerifiedForm, PageError>,
) -> Result<HttpResponse, PageError> {
    let submission = match form {
        Ok(VerifiedForm(submission)) => submission,
        // The browser keeps no cookie of the portal's: the same form would
        // fail again. Say so, and where it works.
        Err(PageError::StaleForm(StaleForm { cookie_missing: Some(refused), .. })) if refused.surely() => {
            return Err(PageError::CookieRefused(refused));
        }
        Err(PageError::StaleForm(StaleForm { typed, cookie_missing })) => {
            // A fresh form costs the wiki a request: a turn, like any.
            client.take_turn(&state.limits.form_pages)?;
            let notice = Notice::info(Said::portal("notice-form-too-old"));
            // Without a cookie (cleared, or refused): the refilled form
            // marks itself, so that a second post without one is known for
            // a refusal rather than shown again, and again.
            return fresh_form(&state, &session, client, &language.0, &typed, Some(notice), cookie_missing.is_some())
                .await;
        }
        // A page of another site posted it: a blank form, never what it
        // posted (it could plant an address of its own in the form).
        Err(e @ PageError::CrossSitePost) => {
            // Out of turns, the refusal alone.
            client.take_turn(&state.limits.form_pages).map_err(|_| PageError::CrossSitePost)?;
            let description = e.describe();
            let notice = Notice::trouble(description.title, description.text, request_id::current());
            let mut page =
                fresh_form(&state, &session, client, &language.0, &Submission::default(), Some(notice), false).await?;
            *page.status_mut() = description.status;
            return Ok(page);
        }
        Err(e) => return Err(e),
    };
    sign_up_open(&state, &session).await?;
    // Before the wiki is asked anything; only genuine forms use a turn.
    if let Err(e) = state.take_submission_turn(client.0) {
        return match flow::form_to_show_again(session.flow()) {
            // The form as it was, filled in as it was.
            Some(flow) => {
                let mut page = show_trouble(&state, &session, &language.0, flow, &submission, &e)?;
                e.add_retry_after(&mut page);
                Ok(page)
            }
            None => Err(e),
        };
    }
    let (mut flow, params) = match flow::submit(session.flow(), &submission, &state.event.rules) {
        Submit::Send { flow, params } => (flow, params),
        Submit::Refill { notice } => {
            return fresh_form(&state, &session, client, &language.0, &submission, Some(notice), false).await;
        }
        Submit::Correct { flow, notice } => {
            if let Some(slug) = state.slug.as_ref().filter(|_| notice.field.as_deref() == Some(EVENT_CODE_FIELD)) {
                state.records.count_refusal(slug, Refusal::EventCode).await;
            }
            return show(
                &state,
                &session,
                &language.0,
                flow,
                &submission,
                Some(notice),
                StatusCode::UNPROCESSABLE_ENTITY,
                false,
            );
        }
    };
    if flow.stage == Stage::Begin {
        session.renew_id();
    }
    let return_url = return_url(&state, &flow.return_key);
    let step = match flow.stage {
        Stage::Begin => CreateStep::Begin { return_url: &return_url, preserve_state: flow.preserve_state },
        Stage::Continue => CreateStep::Continue,
    };
    let call = CreateAccount { step, requests: &params.requests, fields: &params.fields };
    let slot = Slot::take(&state, &session).await?;
    match session
        .with_wiki(&state, client, &language.0, async |wiki| state.wiki.create_account(wiki, &call).await)
        .await?
    {
        Ok(result) => {
            flow.answered(&submission);
            follow(&state, &session, flow, result, None, slot).await
        }
        Err(e) => {
            if e.outcome_unknown() {
                flow.answer_lost(&submission);
            } else {
                slot.give_back(&state).await;
            }
            show_trouble(&state, &session, &language.0, flow, &submission, &PageError::from(e))
        }
    }
}

/// `GET /return`: a third-party provider sends the browser back here. What
/// it added (`code`, `state`, or `error`) continues the wiki's flow, but
/// only in the browser session that set out, and only once.
pub async fn provider_return(
    state: web::Data<AppState>,
    session: VisitorSession,
    client: ClientIp,
    language: VisitorLanguage,
    query: web::Query<Vec<(String, String)>>,
) -> Result<HttpResponse, PageError> {
    let params = query.into_inner();
    let key = params.iter().find(|(k, _)| k == RETURN_KEY).map(|(_, v)| v.as_str());
    let mut flow = flow::returned(session.flow(), key).ok_or(PageError::StrayReturn)?;
    session.set_flow(&flow)?;

    let returned = Submission::new(params.into_iter().filter(|(k, _)| k != RETURN_KEY).collect());
    let provider_said = flow::provider_error(&returned);
    let params = crate::signup::create_params(&flow.spec, &returned);
    let call = CreateAccount { step: CreateStep::Continue, requests: &params.requests, fields: &params.fields };
    let slot = Slot::take(&state, &session).await?;
    match session
        .with_wiki(&state, client, &language.0, async |wiki| state.wiki.create_account(wiki, &call).await)
        .await?
    {
        Ok(result) => follow(&state, &session, flow, result, provider_said, slot).await,
        Err(e) => {
            if !e.outcome_unknown() {
                slot.give_back(&state).await;
            }
            // Whether the wiki took the answer is unknown: the flow cannot
            // go on. The next form starts again, refilled.
            let e = PageError::from(e);
            let start_again = vec![Said::portal("notice-start-again")];
            flow.broken(Notice::trouble(e.describe().title, start_again, request_id::current()));
            session.set_flow(&flow)?;
            Err(e)
        }
    }
}

/// `POST /start-over`: forget the step under way. When the wiki made the
/// account before this step (a two-factor set-up), a fresh form would
/// only meet the name as taken: the visitor is told the account exists,
/// and where to log in with it.
pub async fn start_over(
    state: web::Data<AppState>,
    session: VisitorSession,
    client: ClientIp,
    language: VisitorLanguage,
    _: VerifiedForm,
) -> HttpResponse {
    let flow = session.flow();
    session.drop_flow();
    let Some(name) = flow.as_ref().and_then(Flow::account_maybe_made) else { return see_other(&state.base) };
    // Asking the wiki takes a turn; without one, the fresh form says the
    // name is taken if it is.
    if client.take_turn(&state.limits.form_pages).is_err() {
        return see_other(&state.base);
    }
    match state.wiki.recently_registered(name, state.session_ttl).await {
        Ok(Some(made)) => {
            let username = Username::parse(&made).ok();
            let login = login_url(&state, &session, username.as_ref());
            let words = state.languages.words(&language.0);
            let said = Said::portal("notice-account-exists").with("username", &made);
            let action = pages::Action::LogIn(login.to_string());
            pages::message(StatusCode::OK, state.site(), &words, &Said::portal("accountcreated"), &[said], &action)
        }
        Ok(None) => see_other(&state.base),
        Err(e) => {
            tracing::warn!(error = %e, "whether the account exists could not be asked");
            see_other(&state.base)
        }
    }
}

/// `GET /welcome`: the account just created, and where to log in. Shown
/// once: afterwards the session holds no trace of the account.
pub async fn welcome(
    state: web::Data<AppState>,
    session: VisitorSession,
    language: VisitorLanguage,
    request: HttpRequest,
) -> HttpResponse {
    let Some(username) = session.created() else {
        return see_other(&state.base);
    };
    // Where the event is registered on the wiki too, logging in leads to
    // joining it there (the visitor registers; the portal never does).
    let join = state.campaign_event.map(|id| format!("Special:RegisterForEvent/{id}"));
    let returnto = join.or_else(|| return_page(&state, &session).map(|p| p.as_str().to_owned()));
    let login = state.wiki.api().login_url(Some(username.as_str()), returnto.as_deref());
    let framed = request.headers().get("sec-fetch-dest").is_some_and(|dest| dest == "iframe");
    let words = state.languages.words(&language.0);
    let look = &state.look;
    let page = WelcomePage {
        site: state.site(),
        words: &words,
        username: username.as_str(),
        login_url: login.as_str(),
        password_mailed: state.event.rules.passwords_mailed(),
        next_steps: if look.next_steps.is_empty() { &look.intro } else { &look.next_steps },
        framed,
    };
    pages::render(StatusCode::OK, &page)
}

/// Acts on the wiki's answer to a `createaccount` call of `flow`, as the
/// domain says.
async fn follow(
    state: &AppState,
    session: &VisitorSession,
    mut flow: Flow,
    result: CreateAccountResult,
    provider_said: Option<Said>,
    slot: Slot,
) -> Result<HttpResponse, PageError> {
    let mut outcome = crate::signup::interpret(result, state.wiki.api().base());
    if let Some(name) = flow.name_to_check(&outcome) {
        // The wiki knows whether that name was registered moments ago.
        let made = state.wiki.recently_registered(&name, UNSURE_WINDOW).await.ok().flatten();
        outcome = flow::settle_lost_answer(outcome, made);
    }
    let (status, code) = (outcome.status(), outcome.code());
    tracing::info!(outcome = status, code, "the wiki answered the sign-up");
    if code == flow::ADDRESS_LIMIT_CODE {
        tracing::warn!(
            "the wiki's limit of new accounts per address was hit: it counts every sign-up through this page as one \
             address; use organizer mode (--organizer-user), --forward-client-ip on a wiki that trusts the portal, \
             or ask the wiki for an exception"
        );
    }
    let event = state.slug.as_ref().map_or("", |slug| slug.as_str());
    state.metrics.outcomes.with_label_values(&[event, status, outcome.metric_code()]).inc();
    if let (Some(slug), Some(refusal)) = (&state.slug, outcome.refusal()) {
        state.records.count_refusal(slug, refusal).await;
    }
    let next = flow.follow(outcome, provider_said);
    if !matches!(next, Next::Welcome(_)) {
        slot.give_back(state).await;
    }
    match next {
        Next::Welcome(username) => {
            tracing::info!("account created");
            record(state, &username).await;
            session.end_flow(&username)?;
            Ok(see_other(&format!("{}welcome", state.base)))
        }
        Next::Form(flow) => {
            session.set_flow(&flow)?;
            Ok(see_other(&state.base))
        }
        Next::Provider { flow, target } => {
            tracing::info!(host = target.host_str(), "to a third-party provider");
            session.set_flow(&flow)?;
            Ok(see_other(target.as_str()))
        }
        Next::Invalid(reason) => {
            session.drop_flow();
            Err(PageError::Nonsense(reason))
        }
    }
}

/// `POST /captcha/refresh`: a new image CAPTCHA in the visitor's wiki
/// session (the wiki's own "Refresh"). The form's script asks for JSON and
/// swaps the image, keeping all that was typed; without it the whole form
/// is posted here and drawn again, refilled, with the new image.
pub async fn refresh_captcha(
    state: web::Data<AppState>,
    session: VisitorSession,
    client: ClientIp,
    language: VisitorLanguage,
    request: HttpRequest,
    VerifiedForm(typed): VerifiedForm,
) -> Result<HttpResponse, PageError> {
    // No form under way (it expired): the form page starts a fresh one,
    // with a fresh image.
    let Some(mut flow) = session.flow() else { return Ok(see_other(&state.base)) };
    client.take_turn(&state.limits.form_pages)?;
    let id =
        session.with_wiki(&state, client, &language.0, async |wiki| state.wiki.reload_captcha(wiki).await).await??;
    let (old_link, link) = flow.spec.new_captcha(&id).ok_or(PageError::NotFound)?;
    let route = captcha::image_routes(&state.base);
    let wants_json = request.headers().get(ACCEPT).and_then(|v| v.to_str().ok()).is_some_and(|v| v.contains("json"));
    if !wants_json {
        let notice = Notice::info(Said::portal("notice-new-image"));
        return show(&state, &session, &language.0, flow, &typed, Some(notice), StatusCode::OK, false);
    }
    let image = flow.replace_image(&old_link, link, route).ok_or(PageError::NotFound)?;
    session.set_flow(&flow)?;
    #[derive(serde::Serialize)]
    struct NewImage {
        image: String,
    }
    Ok(HttpResponse::Ok().insert_header((CACHE_CONTROL, "no-store")).json(NewImage { image }))
}

/// Asks the wiki for its sign-up fields and shows them, refilled from
/// `previous`.
async fn fresh_form(
    state: &AppState,
    session: &VisitorSession,
    client: ClientIp,
    language: &LanguageCode,
    previous: &Submission,
    notice: Option<Notice>,
    cookie_check: bool,
) -> Result<HttpResponse, PageError> {
    // The visitor's own (the form, a token) and what every visitor of the
    // language shares (kept; asked here only when there is nothing kept).
    let form_page = session.with_wiki(state, client, language, async |wiki| state.wiki.form_page(wiki).await);
    let (info, readonly) =
        futures_util::future::join(form_page, state.languages.keep_words(&state.wiki, language)).await;
    if let Some(reason) = readonly {
        return Err(PageError::Wiki(WikiError::ReadOnly { reason }));
    }
    let info = info??;
    let campaign = session.campaign();
    let (mut flow, previous) = flow::fresh(&info.form, previous, &state.event.rules, campaign.as_ref())
        .map_err(|SignupClosed| PageError::SignupClosed)?;
    // Nothing typed and nothing to say: the page every such visitor gets,
    // rendered once (`web::form_pages`).
    let kept_page = (previous.is_empty() && notice.is_none()).then(|| FormPageKey {
        form: info.form.clone(),
        words: state.languages.words(language),
        language: language.clone(),
        campaign: campaign.map(|c| c.as_str().to_owned()),
        cookie_check,
        returnto: return_page(state, session),
        wiki_name: state.wiki_name(),
        switch: state.languages.switch(&state.language_switch, language),
    });
    if let Some(key) = &kept_page {
        let csrf = session.csrf_token()?;
        let route = captcha::image_routes(&state.base);
        flow.link_images(std::iter::empty(), route);
        let values = flow.own_values(route);
        if let Some((html, spec)) = state.form_pages.page(key, &OwnParts { csrf: &csrf, values: &values }) {
            if let Some(spec) = spec {
                flow.spec.save_as(spec);
            }
            session.set_flow(&flow)?;
            return Ok(pages::html(StatusCode::OK, html));
        }
    }
    render_form(state, session, language, flow, &previous, notice, StatusCode::OK, cookie_check, kept_page)
}

/// Renders `flow`'s form and remembers it as the visitor's current one.
#[allow(clippy::too_many_arguments)]
fn show(
    state: &AppState,
    session: &VisitorSession,
    language: &LanguageCode,
    flow: Flow,
    previous: &Submission,
    notice: Option<Notice>,
    status: StatusCode,
    cookie_check: bool,
) -> Result<HttpResponse, PageError> {
    render_form(state, session, language, flow, previous, notice, status, cookie_check, None)
}

/// [`show`], keeping the page rendered under `kept_page` where it is the
/// same for every visitor (no CAPTCHA image or widget in it).
#[allow(clippy::too_many_arguments)]
fn render_form(
    state: &AppState,
    session: &VisitorSession,
    language: &LanguageCode,
    mut flow: Flow,
    previous: &Submission,
    notice: Option<Notice>,
    status: StatusCode,
    cookie_check: bool,
    kept_page: Option<FormPageKey>,
) -> Result<HttpResponse, PageError> {
    let mut view = flow.spec.view(previous, state.wiki.api().base());
    let words = state.languages.words(language);
    view.in_words(&words, &state.wiki.api().index_url());
    // A CAPTCHA only its service's script can show: its widget, where the
    // operator enabled it, else the wiki's own page, which can show it.
    let widget = match view.script_captcha() {
        Some(captcha) => match script_captcha::widget(&state.captcha_widgets, captcha) {
            Some(widget) => Some(widget),
            None => return Ok(hand_off(state, session, &words)),
        },
        None => None,
    };
    let route = captcha::image_routes(&state.base);
    flow.link_images(view.all_fields_mut(), route);
    let continuing = flow.stage == Stage::Continue;
    if !continuing {
        state.event.rules.add_fields(&mut view, previous, &words);
    }
    if let Some(field) = notice.as_ref().and_then(|n| n.field.as_deref()) {
        view.mark_in_error(field);
    }
    let details = if continuing { flow.spec.details() } else { Vec::new() };
    session.set_flow(&flow)?;
    let csrf = session.csrf_token()?;
    let login = login_url(state, session, None);
    let wiki_signup = wiki_signup_url(state, session);
    let kept_page = kept_page.filter(|_| widget.is_none() && !continuing);
    let page = FormPage {
        site: state.site(),
        login_url: login.as_str(),
        wiki_signup_url: wiki_signup.as_str(),
        view: &view,
        details: &details,
        notice,
        continuing,
        csrf: csrf.clone(),
        cookie_check,
        widget: widget.as_ref(),
        words: &words,
        switch: &state.languages.switch(&state.language_switch, language),
    };
    let mut response = match kept_page {
        Some(key) => match flow.spec.written() {
            Ok(spec) => pages::render_with(status, &page, |html| {
                let values = flow.own_values(route);
                state.form_pages.keep(key, html, &OwnParts { csrf: &csrf, values: &values }, spec)
            }),
            Err(_) => pages::render(status, &page),
        },
        None => pages::render(status, &page),
    };
    if let Some(widget) = &widget {
        let csp = crate::web::middleware::security_headers::content_security_policy(
            state.frame_ancestors.as_str(),
            Some(&widget.origins),
        );
        if let Ok(csp) = actix_web::http::header::HeaderValue::from_str(&csp) {
            response.headers_mut().insert(actix_web::http::header::CONTENT_SECURITY_POLICY, csp);
        }
    }
    Ok(response)
}

/// The wiki asks for a CAPTCHA that only its own page can show here: the
/// visitor is sent there, with where to go afterwards. Nothing typed is
/// sent anywhere.
fn hand_off(state: &AppState, session: &VisitorSession, words: &Words) -> HttpResponse {
    let text = Said::portal("error-hand-off").with("wiki", state.wiki_name());
    let action = pages::Action::WikiSignup(wiki_signup_url(state, session).to_string());
    pages::message(StatusCode::OK, state.site(), words, &Said::portal("error-hand-off-title"), &[text], &action)
}

/// `flow`'s form again, as the visitor filled it in, with what went wrong
/// above it: one click retries.
fn show_trouble(
    state: &AppState,
    session: &VisitorSession,
    language: &LanguageCode,
    flow: Flow,
    submission: &Submission,
    e: &PageError,
) -> Result<HttpResponse, PageError> {
    e.log();
    let mut description = e.describe();
    // True of the form below: what was typed is in it, but for passwords.
    description.text.push(Said::portal("notice-answers-kept"));
    let notice = Notice::trouble(description.title, description.text, request_id::current());
    show(state, session, language, flow, submission, Some(notice), e.status_code(), false)
}

/// Where the wiki sends a provider's return: the portal's `/return`, naming
/// this flow.
fn return_url(state: &AppState, return_key: &str) -> Url {
    let mut url = state.public_url.route("return");
    url.query_pairs_mut().append_pair(RETURN_KEY, return_key);
    url
}

/// The wiki page to go to after logging in: the one the event site's link
/// named, else the page's `--returnto`.
fn return_page(state: &AppState, session: &VisitorSession) -> Option<PageTitle> {
    session.return_to().or_else(|| state.returnto.clone())
}

/// The wiki's log-in page, leading on to the page the event site named.
fn login_url(state: &AppState, session: &VisitorSession, username: Option<&Username>) -> Url {
    let returnto = return_page(state, session);
    state.wiki.api().login_url(username.map(Username::as_str), returnto.as_ref().map(PageTitle::as_str))
}

/// The wiki's own sign-up page, for what this page cannot do, carrying the
/// visit's `returnto`, `campaign` and language.
fn wiki_signup_url(state: &AppState, session: &VisitorSession) -> Url {
    let (returnto, campaign) = (return_page(state, session), session.campaign());
    let language = Some(state.language.as_str()).filter(|l| *l != "content");
    let carried = [
        returnto.as_ref().map(|page| ("returnto", page.as_str())),
        campaign.as_ref().map(|campaign| ("campaign", campaign.as_str())),
        language.map(|language| ("uselang", language)),
    ];
    state.wiki.api().create_account_url(carried.into_iter().flatten())
}

/// Records an account made through an event for its report. A failure
/// does not fail the sign-up (the account exists): the record waits for the
/// database, and is logged and counted.
async fn record(state: &AppState, username: &Username) {
    let Some(event) = &state.slug else { return };
    let signup = AccountRecord {
        event: event.clone(),
        username: username.as_str().to_owned(),
        wiki: state.wiki.api().to_string(),
        created_at: time::OffsetDateTime::now_utc().unix_timestamp(),
        via: if state.event.organizer.is_some() { Via::Organizer } else { Via::Direct },
    };
    if !state.records.keep(signup).await {
        state.metrics.unrecorded.with_label_values(&[event.as_str()]).inc();
    }
}

/// Whether sign-up is open now, as the event's rules say: its time window
/// and its account maximum (counted where the sessions live, shared by
/// every instance).
async fn sign_up_open(state: &AppState, session: &VisitorSession) -> Result<(), PageError> {
    let rules = &state.event.rules;
    let made = match rules.counts_accounts() {
        true => Some(state.records.slots_taken(state.slug.as_ref()).await.map_err(PageError::Record)?),
        false => None,
    };
    rules.open_at(time::OffsetDateTime::now_utc(), made).map_err(|closed| match closed {
        Closed::NotYet(opens) => PageError::NotOpenYet(opens),
        Closed::Over(closed) => PageError::Over(closed),
        Closed::Full => PageError::AllAccountsMade { wiki_signup: wiki_signup_url(state, session).to_string() },
    })
}

/// One of the page's account slots, held through a `createaccount` call
/// where the event counts its accounts: kept when the call made an account
/// (or may have: its answer was lost), given back otherwise. Taken before
/// the wiki is asked, so that concurrent sign-ups never pass the maximum.
struct Slot(bool);

impl Slot {
    async fn take(state: &AppState, session: &VisitorSession) -> Result<Slot, PageError> {
        let Some(max) = state.event.rules.max_accounts() else { return Ok(Slot(false)) };
        match state.records.take_slot(state.slug.as_ref(), max).await.map_err(PageError::Record)? {
            true => Ok(Slot(true)),
            false => Err(PageError::AllAccountsMade { wiki_signup: wiki_signup_url(state, session).to_string() }),
        }
    }

    async fn give_back(self, state: &AppState) {
        if self.0
            && let Err(e) = state.records.give_back_slot(state.slug.as_ref()).await
        {
            tracing::error!(error = %e, "an account slot could not be given back: the maximum counts one too many");
        }
    }
}

fn see_other(location: &str) -> HttpResponse {
    HttpResponse::SeeOther().insert_header((LOCATION, location)).finish()
}
