//! The sign-up pages: the form (`GET /`), its submission (`POST /`) and the
//! welcome page (`GET /welcome`). Thin: the domain decides, these fetch,
//! store and render.

use actix_web::http::StatusCode;
use actix_web::http::header::LOCATION;
use actix_web::{HttpResponse, ResponseError, web};
use rand::RngExt;

use super::AppState;
use super::errors::PageError;
use super::pages::{self, FormPage, Notice, WelcomePage};
use super::session::{Flow, Stage, VisitorSession};
use crate::signup::{self, FormSpec, FormView, Outcome, SafeHtml, Submission, Widget};
use crate::wiki::{CreateStep, UpstreamSession};

/// `GET /`: a fresh form from the wiki's own field descriptions.
pub async fn show_form(state: web::Data<AppState>, session: VisitorSession) -> Result<HttpResponse, PageError> {
    fresh_form(&state, &session, &Submission::default(), None).await
}

/// `POST /`: one `createaccount` call with the fields of the form shown.
pub async fn submit(
    state: web::Data<AppState>,
    session: VisitorSession,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, PageError> {
    let submission = Submission::new(form.into_inner());
    let Some(flow) = session.flow() else {
        // The session expired (or cookies are off): nothing to submit to.
        // A new form, with what was typed, and a word on why.
        let notice = "Your session had expired, so nothing was sent yet. Please check the form and submit it again.";
        return fresh_form(&state, &session, &submission, Some(Notice::info(SafeHtml::from_text(notice)))).await;
    };
    let mut wiki = session.wiki();
    let fields = signup::api_fields(&flow.spec, &submission);
    let return_url = state.public_url.route("return");
    let step = match flow.stage {
        Stage::Begin => CreateStep::Begin { return_url: &return_url },
        Stage::Continue => CreateStep::Continue,
    };
    let answer = state.wiki.create_account(&mut wiki, step, &fields).await;
    session.set_wiki(&wiki)?;
    let result = match answer {
        Ok(result) => result,
        // The form as it was, filled in as it was, with what went wrong:
        // one click retries.
        Err(e) => {
            let e = PageError::from(e);
            e.log();
            let notice = Notice::trouble(e.title(), &e.explanation());
            return show(&state, &session, flow.spec, flow.stage, &submission, Some(notice), e.status_code());
        }
    };
    match signup::interpret(result, &state.wiki.api().base()) {
        Outcome::Created { username } => {
            tracing::info!(outcome = "PASS", "account created");
            session.end_flow(&username)?;
            Ok(see_other("/welcome"))
        }
        Outcome::Rejected { message, code } => {
            tracing::info!(outcome = "FAIL", code, "account not created");
            // The wiki's flow is over; a new form brings a new CAPTCHA.
            fresh_form(&state, &session, &submission, Some(Notice::error(message))).await
        }
        Outcome::NeedsMore { message, spec } => {
            tracing::info!(outcome = "UI", "the wiki asks for more");
            let notice = (!message.is_empty()).then(|| Notice::info(message));
            show(&state, &session, spec, Stage::Continue, &Submission::default(), notice, StatusCode::OK)
        }
        Outcome::Redirect { target, spec } => {
            tracing::info!(outcome = "REDIRECT", host = target.host_str(), "to a third-party provider");
            session.set_flow(&Flow { spec, stage: Stage::Continue, generation: 0, images: Vec::new() })?;
            Ok(see_other(target.as_str()))
        }
        Outcome::Invalid { reason } => Err(PageError::Nonsense(reason)),
    }
}

/// `GET /welcome`: the account just created, and where to log in.
pub async fn welcome(state: web::Data<AppState>, session: VisitorSession) -> HttpResponse {
    let Some(username) = session.created() else {
        return see_other("/");
    };
    let mut login = state.wiki.api().index_url();
    login.query_pairs_mut().append_pair("title", "Special:UserLogin").append_pair("wpName", username.as_str());
    let page = WelcomePage { username: username.as_str(), wiki_host: &state.wiki_host, login_url: login.as_str() };
    pages::render(StatusCode::OK, &page)
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
    let spec = FormSpec::new(info.requests);
    show(state, session, spec, Stage::Begin, previous, notice, StatusCode::OK)
}

/// Renders `spec` and remembers it as the visitor's current form.
fn show(
    state: &AppState,
    session: &VisitorSession,
    spec: FormSpec,
    stage: Stage,
    previous: &Submission,
    notice: Option<Notice>,
    status: StatusCode,
) -> Result<HttpResponse, PageError> {
    let mut view: FormView = spec.view(previous, &state.wiki.api().base());
    let generation: u32 = rand::rng().random();
    let mut images = Vec::new();
    for field in view.all_fields_mut() {
        if let Widget::Image { src } = &mut field.widget {
            images.push(std::mem::take(src));
            *src = format!("/captcha/{generation:08x}/{}", images.len() - 1);
        }
    }
    session.set_flow(&Flow { spec, stage, generation, images })?;
    let page = FormPage { wiki_host: &state.wiki_host, view: &view, notice, continuing: stage == Stage::Continue };
    Ok(pages::render(status, &page))
}

fn see_other(location: &str) -> HttpResponse {
    HttpResponse::SeeOther().insert_header((LOCATION, location)).finish()
}
