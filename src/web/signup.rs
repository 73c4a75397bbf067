//! The sign-up pages: the form (`GET /`), its submission (`POST /`), the
//! return from a third-party provider (`GET /return`), starting over
//! (`POST /start-over`) and the welcome page (`GET /welcome`). Thin: the
//! domain decides, these fetch, store and render.
//!
//! Every step that changes the flow answers with a redirect to `GET /`
//! (post/redirect/get): a reload or the back button shows the current step
//! again and never sends anything to the wiki twice.

use actix_web::http::StatusCode;
use actix_web::http::header::LOCATION;
use actix_web::{HttpResponse, ResponseError, web};
use rand::RngExt;
use url::Url;

use super::AppState;
use super::client_ip::ClientIp;
use super::csrf::PostedForm;
use super::errors::PageError;
use super::pages::{self, FormPage, Notice, WelcomePage};
use super::session::{Flow, Stage, VisitorSession};
use crate::signup::{self, FormSpec, Outcome, PageTitle, SafeHtml, Submission, Username, Widget};
use crate::wiki::types::CreateAccountResult;
use crate::wiki::{CreateAccount, CreateStep, UpstreamSession};

/// How recent an account must be to count as made by a try of the same
/// visitor whose answer was lost.
const UNSURE_WINDOW: std::time::Duration = std::time::Duration::from_secs(10 * 60);

/// The query parameter of the return URL that names the visitor's flow.
const RETURN_KEY: &str = "wikisignup_flow";

/// What an event site's link to the form may say: `?returnto=Page`, the
/// wiki page to go to once logged in (as Special:CreateAccount takes it).
#[derive(serde::Deserialize)]
pub struct FormQuery {
    returnto: Option<String>,
}

/// `GET /`: the step under way, or a fresh form from the wiki's own field
/// descriptions.
pub async fn show_form(
    state: web::Data<AppState>,
    session: VisitorSession,
    query: web::Query<FormQuery>,
) -> Result<HttpResponse, PageError> {
    if let Some(raw) = &query.returnto {
        // A page name that cannot be a title is left out, not an error:
        // the sign-up matters more than where it leads afterwards.
        match PageTitle::parse(raw) {
            Ok(page) => session.set_return_to(&page)?,
            Err(e) => tracing::info!(error = %e, "returnto ignored"),
        }
    }
    match session.flow() {
        // A further step (after UI): shown again as it was, its
        // instructions included; the wiki is not asked anything.
        Some(flow) if flow.stage == Stage::Continue && !flow.away => {
            let notice = flow.notice.clone();
            show(&state, &session, flow, &Submission::default(), notice, StatusCode::OK)
        }
        // Back from a provider without finishing there: choose again.
        Some(flow) if flow.away => fresh_form(&state, &session, &flow.kept, Some(came_back())).await,
        // After a FAIL or a RESTART: a fresh form, refilled, with the reason.
        Some(mut flow) => {
            let notice = flow.notice.take();
            fresh_form(&state, &session, &flow.kept, notice).await
        }
        None => fresh_form(&state, &session, &Submission::default(), None).await,
    }
}

/// `POST /`: one `createaccount` call with the fields of the form shown.
pub async fn submit(
    state: web::Data<AppState>,
    session: VisitorSession,
    client: ClientIp,
    form: PostedForm,
) -> Result<HttpResponse, PageError> {
    let submission = Submission::new(form.pairs);
    // First of all, before the wiki is asked anything.
    if let Err(e) = client.take_turn(&state.submissions) {
        return match session.flow() {
            // The form as it was, filled in as it was.
            Some(flow) if !flow.away && form.genuine => {
                let mut page = show_trouble(&state, &session, flow, &submission, &e)?;
                e.add_retry_after(&mut page);
                Ok(page)
            }
            _ => Err(e),
        };
    }
    if !form.genuine {
        // Not from a page of this session (another site's, or one older
        // than the session): nothing is sent; the form again, refilled.
        let notice = "For your safety nothing was sent: the form was too old or did not come from this site. \
                      Please check it and submit it again.";
        let notice = Notice::info(SafeHtml::from_text(notice));
        return fresh_form(&state, &session, &submission, Some(notice)).await;
    }
    let mut flow = match session.flow() {
        Some(flow) if !flow.away => flow,
        Some(_) => return fresh_form(&state, &session, &submission, Some(came_back())).await,
        // No form of ours was under way (the session's form ended in
        // another tab): nothing is sent; a new form, with what was typed,
        // and a word on why.
        None => {
            let notice =
                "Your session had expired, so nothing was sent yet. Please check the form and submit it again.";
            let notice = Notice::info(SafeHtml::from_text(notice));
            return fresh_form(&state, &session, &submission, Some(notice)).await;
        }
    };
    if flow.stage == Stage::Begin {
        session.renew_id();
    }
    let answer = signup::api_answer(&flow.spec, &submission);
    let return_url = return_url(&state, &flow.return_key);
    let step = match flow.stage {
        Stage::Begin => CreateStep::Begin { return_url: &return_url, preserve_state: flow.preserve_state },
        Stage::Continue => CreateStep::Continue,
    };
    let call = CreateAccount { step, requests: &answer.requests, fields: &answer.fields };
    let mut wiki = session.wiki();
    let result = state.wiki.create_account(&mut wiki, &call).await;
    session.set_wiki(&wiki)?;
    let result = match result {
        Ok(result) => result,
        Err(e) => {
            if e.outcome_unknown() && flow.stage == Stage::Begin {
                flow.unsure_username = submission.value("username").map(str::to_owned);
            }
            return show_trouble(&state, &session, flow, &submission, &PageError::from(e));
        }
    };
    if flow.stage == Stage::Begin {
        flow.kept = flow.spec.keepable(&submission);
    }
    follow(&state, &session, flow, result, None).await
}

/// `GET /return`: a third-party provider sends the browser back here. What
/// it added (`code`, `state`, or `error`) continues the wiki's flow, but
/// only in the browser session that set out, and only once.
pub async fn provider_return(
    state: web::Data<AppState>,
    session: VisitorSession,
    query: web::Query<Vec<(String, String)>>,
) -> Result<HttpResponse, PageError> {
    let params = query.into_inner();
    let key = params.iter().find(|(k, _)| k == RETURN_KEY).map(|(_, v)| v.as_str());
    let Some(mut flow) = session.flow().filter(|f| f.away && Some(f.return_key.as_str()) == key) else {
        return Err(PageError::StrayReturn);
    };
    // Marked as returned before the wiki is asked: a replay finds nothing.
    flow.away = false;
    session.set_flow(&flow)?;

    let submission = Submission::new(params.into_iter().filter(|(k, _)| k != RETURN_KEY).collect());
    let provider_said = provider_error(&submission);
    let answer = signup::api_answer(&flow.spec, &submission);
    let call = CreateAccount { step: CreateStep::Continue, requests: &answer.requests, fields: &answer.fields };
    let mut wiki = session.wiki();
    let result = state.wiki.create_account(&mut wiki, &call).await;
    session.set_wiki(&wiki)?;
    match result {
        Ok(result) => follow(&state, &session, flow, result, provider_said).await,
        Err(e) => {
            // Whether the wiki took the answer is unknown: the flow cannot
            // go on. The next form starts again, refilled.
            let e = PageError::from(e);
            flow.stage = Stage::Begin;
            flow.notice = Some(Notice::trouble(e.title(), "Please start again."));
            session.set_flow(&flow)?;
            Err(e)
        }
    }
}

/// `POST /start-over`: forget the step under way.
pub async fn start_over(session: VisitorSession, form: PostedForm) -> HttpResponse {
    if form.genuine {
        session.drop_flow();
    }
    see_other("/")
}

/// `GET /welcome`: the account just created, and where to log in.
pub async fn welcome(state: web::Data<AppState>, session: VisitorSession) -> HttpResponse {
    let Some(username) = session.created() else {
        return see_other("/");
    };
    let login = login_url(&state, &session, Some(&username));
    let page = WelcomePage { username: username.as_str(), wiki_host: &state.wiki_host, login_url: login.as_str() };
    pages::render(StatusCode::OK, &page)
}

/// Acts on the wiki's answer to a `createaccount` call of `flow`.
async fn follow(
    state: &AppState,
    session: &VisitorSession,
    mut flow: Flow,
    result: CreateAccountResult,
    provider_said: Option<String>,
) -> Result<HttpResponse, PageError> {
    let mut outcome = signup::interpret(result, &state.wiki.api().base());
    if let Outcome::Rejected { code, .. } = &outcome
        && code == "userexists"
        && let Some(name) = flow.unsure_username.take()
    {
        // The first try's answer was lost, so "taken" may mean "taken by
        // that very try". The wiki knows: an account of that name made
        // moments ago is this visitor's.
        if let Ok(Some(created)) = state.wiki.recently_registered(&name, UNSURE_WINDOW).await
            && let Ok(username) = Username::parse(&created)
        {
            tracing::info!("the account was created by an earlier try whose answer was lost");
            outcome = Outcome::Created { username };
        }
    }
    let (status, code) = (outcome.status(), outcome.code());
    tracing::info!(outcome = status, code, "the wiki answered the sign-up");
    state.metrics.outcomes.with_label_values(&[status, code]).inc();
    match outcome {
        Outcome::Created { username } => {
            tracing::info!("account created");
            session.end_flow(&username)?;
            Ok(see_other("/welcome"))
        }
        Outcome::Rejected { message, .. } => {
            // The wiki's flow is over: a fresh form (and a fresh CAPTCHA)
            // comes next, with the wiki's reason.
            let message = match provider_said {
                Some(said) => message.after_text(&said),
                None => message,
            };
            flow.stage = Stage::Begin;
            flow.notice = Some(Notice::error(message));
            session.set_flow(&flow)?;
            Ok(see_other("/"))
        }
        Outcome::NeedsMore { message, spec } => {
            flow.spec = spec;
            flow.stage = Stage::Continue;
            flow.notice = (!message.is_empty()).then(|| Notice::info(message));
            session.set_flow(&flow)?;
            Ok(see_other("/"))
        }
        Outcome::Restart { message } => {
            flow.stage = Stage::Begin;
            flow.notice = Some(Notice::info(message));
            session.set_flow(&flow)?;
            Ok(see_other("/"))
        }
        Outcome::Redirect { target, spec } => {
            tracing::info!(host = target.host_str(), "to a third-party provider");
            flow.spec = spec;
            flow.stage = Stage::Continue;
            flow.away = true;
            session.set_flow(&flow)?;
            Ok(see_other(target.as_str()))
        }
        Outcome::Invalid { reason } => {
            session.drop_flow();
            Err(PageError::Nonsense(reason))
        }
    }
}

/// Asks the wiki for its sign-up fields and shows them, refilled from
/// `previous`.
async fn fresh_form(
    state: &AppState,
    session: &VisitorSession,
    previous: &Submission,
    notice: Option<Notice>,
) -> Result<HttpResponse, PageError> {
    let mut wiki: UpstreamSession = session.wiki();
    let info = state.wiki.signup_info(&mut wiki).await;
    session.set_wiki(&wiki)?;
    let info = info?;
    if !info.cancreateaccounts {
        return Err(PageError::CannotCreate);
    }
    let mut spec = FormSpec::new(info.requests);
    // State kept from an earlier attempt already answers the primary step.
    if info.hasprimarypreservedstate {
        spec = spec.without_primaries();
    }
    let mut previous = previous.clone();
    if previous.value("username").is_none() && !info.preservedusername.is_empty() {
        previous = Submission::new(vec![("username".into(), info.preservedusername)]);
    }
    let kept = spec.keepable(&previous);
    let flow = Flow::begin(spec, kept, info.haspreservedstate);
    show(state, session, flow, &previous, notice, StatusCode::OK)
}

/// Renders `flow`'s form and remembers it as the visitor's current one.
fn show(
    state: &AppState,
    session: &VisitorSession,
    mut flow: Flow,
    previous: &Submission,
    notice: Option<Notice>,
    status: StatusCode,
) -> Result<HttpResponse, PageError> {
    let mut view = flow.spec.view(previous, &state.wiki.api().base());
    flow.generation = rand::rng().random();
    flow.images.clear();
    for field in view.all_fields_mut() {
        if let Widget::Image { src } = &mut field.widget {
            flow.images.push(std::mem::take(src));
            *src = format!("/captcha/{:08x}/{}", flow.generation, flow.images.len() - 1);
        }
    }
    let continuing = flow.stage == Stage::Continue;
    let details = if continuing { flow.spec.details() } else { Vec::new() };
    session.set_flow(&flow)?;
    let csrf = session.csrf_token()?;
    let login = login_url(state, session, None);
    let page = FormPage {
        wiki_host: &state.wiki_host,
        login_url: login.as_str(),
        view: &view,
        details: &details,
        notice,
        continuing,
        csrf,
    };
    Ok(pages::render(status, &page))
}

/// `flow`'s form again, as the visitor filled it in, with what went wrong
/// above it: one click retries.
fn show_trouble(
    state: &AppState,
    session: &VisitorSession,
    flow: Flow,
    submission: &Submission,
    e: &PageError,
) -> Result<HttpResponse, PageError> {
    e.log();
    let notice = Notice::trouble(e.title(), &e.explanation());
    show(state, session, flow, submission, Some(notice), e.status_code())
}

/// Where the wiki sends a provider's return: the portal's `/return`, naming
/// this flow.
fn return_url(state: &AppState, return_key: &str) -> Url {
    let mut url = state.public_url.route("return");
    url.query_pairs_mut().append_pair(RETURN_KEY, return_key);
    url
}

/// An OAuth-style refusal the provider reported (`error`, and maybe
/// `error_description`), to show beside the wiki's own message.
fn provider_error(returned: &Submission) -> Option<String> {
    let error = returned.value("error").filter(|e| !e.is_empty())?;
    let description = returned.value("error_description").filter(|d| !d.is_empty());
    Some(match description {
        Some(description) => format!("The sign-in provider answered: {error} ({description})."),
        None => format!("The sign-in provider answered: {error}."),
    })
}

fn came_back() -> Notice {
    Notice::info(SafeHtml::from_text("You came back before finishing with the sign-in provider. You can choose again."))
}

/// The wiki's log-in page, leading on to the page the event site named.
fn login_url(state: &AppState, session: &VisitorSession, username: Option<&Username>) -> Url {
    let returnto = session.return_to();
    state.wiki.api().login_url(username.map(Username::as_str), returnto.as_ref().map(PageTitle::as_str))
}

fn see_other(location: &str) -> HttpResponse {
    HttpResponse::SeeOther().insert_header((LOCATION, location)).finish()
}
