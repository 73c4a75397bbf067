//! The portal's pages: askama templates compiled into the binary, rendered
//! to a String and sent by the one helper, [`render`].

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use actix_web::http::header::{CACHE_CONTROL, ContentType};
use askama::Template;

use crate::look::Look;
use crate::signup::{Detail, FieldView, FormView, Notice, SafeHtml, Said, WAY_BUTTON, Widget, Words};
use crate::web::middleware::request_id;

/// The hidden field every portal form carries.
pub const CSRF_FIELD: &str = "wikisignup_csrf";

/// A hidden field of a form shown after a post without the session
/// cookie: posted without one again, the browser refuses the cookie.
pub const COOKIE_CHECK_FIELD: &str = "wikisignup_cookie_check";

/// Whose page it is: the event's look and who runs it, and the wiki that
/// makes the accounts. Every page shows it (the header and footer of
/// `base.html`).
pub struct Site<'a> {
    pub look: &'a Look,
    /// The page's path on the portal (`/`, `/e/SLUG/`): its links start here.
    pub base: &'a str,
    /// The wiki by its own name (`sitename`).
    pub wiki_name: String,
    /// The origins that may frame the page, space-separated: where its
    /// script sends messages when the browser does not say who frames it.
    pub frame_origins: &'a str,
}

impl Site<'_> {
    /// "This page is run by OPERATOR.", the name linked to their page.
    pub fn run_by(&self, words: &Words) -> Option<SafeHtml> {
        let operator = self.look.operator.as_deref()?;
        // The sentence is the translator's; the name is put in as a link.
        const MARK: &str = "\u{e000}";
        let sentence = words.sentence("footer-run-by", &[("operator", MARK)]);
        let escaped = SafeHtml::from_text(&sentence).to_string();
        let name = SafeHtml::from_text(operator).to_string();
        let html = match &self.look.operator_url {
            Some(url) => {
                let link = format!("<a href=\"{}\">{name}</a>", SafeHtml::from_text(url.as_str()));
                SafeHtml::sanitize(&escaped.replace(MARK, &link), url)
            }
            None => SafeHtml::from_text(&sentence.replace(MARK, operator)),
        };
        Some(html)
    }
}

#[derive(Template)]
#[template(path = "form.html")]
pub struct FormPage<'a> {
    pub site: Site<'a>,
    /// The wiki's log-in page, for visitors who already have an account.
    pub login_url: &'a str,
    /// The wiki's own sign-up page, offered when a notice says so.
    pub wiki_signup_url: &'a str,
    pub view: &'a FormView,
    /// What a further step tells the person (a two-factor secret...).
    pub details: &'a [Detail],
    pub notice: Option<Notice>,
    /// A further step of a flow already under way (UI), not the first form.
    pub continuing: bool,
    /// The session's CSRF token, carried by every form.
    pub csrf: String,
    /// The form follows a post that came without the session cookie; it
    /// says so when posted (see `csrf`).
    pub cookie_check: bool,
    /// The script CAPTCHA's widget, when the form asks for one.
    pub widget: Option<&'a crate::web::handlers::script_captcha::WidgetView>,
    /// The page's words, in the visitor's language.
    pub words: &'a Words,
    /// The languages to switch to (`--languages`), if any.
    pub switch: &'a [crate::web::languages::LanguageChoice],
}

/// The way on from a message page.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    BackToForm,
    /// The same page again: what failed was the form page itself.
    TryAgain,
    /// The sign-up at this path, in a new tab (out of a frame).
    NewTab(String),
    /// The wiki's own sign-up page, at this URL.
    WikiSignup(String),
    /// The wiki's log-in page, at this URL.
    LogIn(String),
    /// None: there is nothing to do here for now.
    Nothing,
}

#[derive(Template)]
#[template(path = "message.html")]
struct MessagePage<'a> {
    site: Site<'a>,
    words: &'a Words,
    title: String,
    text: SafeHtml,
    action: &'a Action,
    request_id: String,
}

#[derive(Template)]
#[template(path = "welcome.html")]
pub struct WelcomePage<'a> {
    pub site: Site<'a>,
    pub words: &'a Words,
    pub username: &'a str,
    pub login_url: &'a str,
    /// Organizer mode with `--organizer-mail-password`.
    pub password_mailed: bool,
    /// What to do next: the event's `next_steps`, or its intro.
    pub next_steps: &'a [String],
    /// Shown in another site's frame: the log-in link opens a tab of its own.
    pub framed: bool,
}

/// Sends a rendered page. Pages are personal (a visitor's form and
/// messages), so no shared cache may keep them.
pub fn render(status: StatusCode, page: &impl Template) -> HttpResponse {
    render_with(status, page, |_| ())
}

/// [`render`], handing the page's HTML to `also` first.
pub fn render_with(status: StatusCode, page: &impl Template, also: impl FnOnce(&str)) -> HttpResponse {
    match page.render() {
        Ok(html) => {
            also(&html);
            self::html(status, html)
        }
        Err(e) => {
            tracing::error!(error = %e, "a page failed to render");
            HttpResponse::InternalServerError()
                .content_type(ContentType::plaintext())
                .body(format!("Something went wrong on our side (request {}).", request_id::current()))
        }
    }
}

/// Sends a page rendered before.
pub fn html(status: StatusCode, html: String) -> HttpResponse {
    HttpResponse::build(status).content_type(ContentType::html()).insert_header((CACHE_CONTROL, "no-store")).body(html)
}

/// A page with a title and an explanation (errors, notices), in `words`.
pub fn message(
    status: StatusCode,
    site: Site,
    words: &Words,
    title: &Said,
    text: &[Said],
    action: &Action,
) -> HttpResponse {
    let page = MessagePage {
        site,
        words,
        title: words.say(title),
        text: words.html(text),
        action,
        request_id: request_id::current(),
    };
    render(status, &page)
}

impl FieldView {
    /// What describes the field (`aria-describedby`): the notice, when it
    /// is about this field; its help, or else its instruction.
    fn described_by_ids(&self) -> String {
        let own = if !self.help.is_empty() { format!("h-{}", self.name) } else { self.described_by.clone() };
        let notice = self.in_error.then_some("notice");
        notice.into_iter().chain(Some(own.as_str()).filter(|o| !o.is_empty())).collect::<Vec<_>>().join(" ")
    }

    /// The `type` of an `<input>` for the widgets shown as a text box.
    fn input_type(&self) -> &'static str {
        match self.widget {
            Widget::Email => "email",
            Widget::Password => "password",
            _ => "text",
        }
    }
}
