//! The MediaWiki Action API client: one pooled HTTP client for all visitors,
//! each call carrying that visitor's own [`UpstreamSession`].

use std::time::Duration;

use url::Url;

use super::api_url::WikiApiUrl;
use super::error::{WikiError, api_result};
use super::form_answers::FormAnswers;
pub use super::form_answers::FormPageInfo;
use super::session::UpstreamSession;
use super::transport::{Transport, TransportOptions};
use super::types::{
    ApiAnswer, CaptchaReload, CreateAccountResponse, CreateAccountResult, CurrentUser, LanguageInfo, LoginResponse,
    PasswordValidity, QueryResponse, UserInfo,
};

/// Parameters of every API call: JSON with real booleans, and errors as
/// plain text, which the portal can show as it is.
const FORMAT: [(&str, &str); 3] = [("format", "json"), ("formatversion", "2"), ("errorformat", "plaintext")];

/// More than any CAPTCHA image; a wiki sending more is not sending one.
pub const MAX_IMAGE_BYTES: usize = 1024 * 1024;

/// The image types a CAPTCHA is served as: raster images only. An SVG is a
/// document that can carry script, and the portal serves it from its own
/// origin.
const RASTER_TYPES: [&str; 4] = ["image/png", "image/jpeg", "image/gif", "image/webp"];

/// What every visitor of one language shares (see [`WikiClient::site_words`]).
#[derive(Debug, Clone)]
pub struct SiteWords {
    /// The interface messages asked for, by key (those the wiki has).
    pub messages: Vec<(String, String)>,
    /// The wiki's own language, and whether it is written right to left.
    pub content_language: Option<(String, bool)>,
    /// The administrators' reason, when the wiki is read-only.
    pub readonly: Option<String>,
}

/// An image the wiki served (a CAPTCHA), checked: a raster image type, and
/// no larger than [`MAX_IMAGE_BYTES`].
#[derive(Debug)]
pub struct WikiImage {
    pub content_type: String,
    pub bytes: Vec<u8>,
}

/// How a `createaccount` call relates to the flow: a first submission names
/// where a third-party provider should send the browser back; any later one
/// continues the flow the wiki keeps in its session.
pub enum CreateStep<'a> {
    /// `preserve_state`: authmanagerinfo said the wiki kept state from an
    /// earlier attempt (`haspreservedstate`), to be used again.
    Begin {
        return_url: &'a Url,
        preserve_state: bool,
    },
    Continue,
}

/// One `createaccount` call: its step, the ids of the requests answered
/// (`createrequests`: the wiki loads these and no other) and their fields.
pub struct CreateAccount<'a> {
    pub step: CreateStep<'a>,
    pub requests: &'a [String],
    pub fields: &'a [(String, String)],
}

#[derive(Clone)]
pub struct WikiClient {
    transport: Transport,
    api: WikiApiUrl,
    /// The form page's one request, the same for every visitor: built once.
    signup_info_url: Url,
    /// The request of what is the same for every visitor: built once.
    site_words_url: Url,
    /// The wiki's name as its last form answer gave it (`siteinfo`).
    sitename: std::sync::Arc<std::sync::RwLock<Option<String>>>,
    form_answers: std::sync::Arc<FormAnswers>,
}

pub struct ClientOptions {
    pub transport: TransportOptions,
    /// The interface messages the pages show, asked with every form.
    pub interface_messages: &'static [&'static str],
}

impl WikiClient {
    pub fn new(api: WikiApiUrl, options: ClientOptions) -> Result<Self, reqwest::Error> {
        let messages = options.interface_messages.join("|");
        let signup_info_url = query_url(&api, &FORM_PAGE_QUERY);
        let site_words_url = query_url(&api, &site_words_query(&messages));
        Ok(WikiClient {
            transport: Transport::new(options.transport)?,
            api,
            signup_info_url,
            site_words_url,
            sitename: Default::default(),
            form_answers: Default::default(),
        })
    }

    pub fn api(&self) -> &WikiApiUrl {
        &self.api
    }

    /// The wiki's name, once a form answer has said it (it comes with
    /// every form page's one request, at no cost).
    pub fn sitename(&self) -> Option<String> {
        self.sitename.read().expect("sitename lock").clone()
    }

    /// The language the wiki is asked to speak (`uselang`).
    pub fn language(&self) -> &str {
        self.transport.language()
    }

    /// The sign-up form's field descriptions and a create-account token,
    /// in one request: all that is the visitor's own. The token is kept in
    /// `session`. (What is the same for every visitor is [`WikiClient::site_words`].)
    pub async fn form_page(&self, session: &mut UpstreamSession) -> Result<FormPageInfo, WikiError> {
        let url = self.signup_info_url.clone();
        let answer = self.transport.get_answer(session, url, "authmanagerinfo").await?;
        let info = self.form_answers.read(&answer)?;
        if let Some(token) = &info.token {
            session.set_token(token.clone());
        }
        Ok(info)
    }

    /// What is the same for every visitor in `language`: the pages'
    /// interface messages (the wiki's local changes included), the wiki's
    /// name and language, and whether it is read-only; in one request,
    /// which the portal keeps for a while (`web::languages`).
    pub async fn site_words(&self, language: &str) -> Result<SiteWords, WikiError> {
        let mut session = UpstreamSession::default();
        session.speak(language);
        let url = self.site_words_url.clone();
        let response: QueryResponse = self.transport.get_json(&mut session, url, "site-words").await?;
        let query = api_result(response)?;
        let general = query.general.ok_or_else(|| WikiError::BadResponse("no siteinfo in the answer".into()))?;
        if !general.sitename.is_empty() {
            *self.sitename.write().expect("sitename lock") = Some(general.sitename.clone());
        }
        let content_language = Some((general.lang.clone(), general.rtl)).filter(|(l, _)| !l.is_empty());
        Ok(SiteWords {
            messages: query.allmessages.into_iter().filter_map(|m| Some((m.name, m.content?))).collect(),
            content_language,
            readonly: general.readonly.then_some(general.readonlyreason),
        })
    }

    /// The codes of every language the wiki speaks, in one request.
    pub async fn language_codes(&self) -> Result<Vec<String>, WikiError> {
        let query = [("action", "query"), ("meta", "siteinfo"), ("siprop", "languages")];
        let url = query_url(&self.api, &query);
        let response: QueryResponse =
            self.transport.get_json(&mut UpstreamSession::default(), url, "language-list").await?;
        Ok(api_result(response)?.languages.into_iter().map(|l| l.code).collect())
    }

    /// Which of `codes` the wiki speaks, each with its BCP 47 tag and
    /// direction; codes it does not know are left out.
    pub async fn languages(&self, codes: &[String]) -> Result<Vec<LanguageInfo>, WikiError> {
        let codes = multi_value(codes);
        let query =
            [("action", "query"), ("meta", "languageinfo"), ("liprop", "code|bcp47|dir|autonym"), ("licode", &codes)];
        let url = query_url(&self.api, &query);
        let response: QueryResponse =
            self.transport.get_json(&mut UpstreamSession::default(), url, "languages").await?;
        Ok(api_result(response)?.languageinfo.into_values().collect())
    }

    /// Posts `action=createaccount` with `fields`. A stale token (`badtoken`,
    /// e.g. after the wiki session expired) is renewed once, invisibly.
    pub async fn create_account(
        &self,
        session: &mut UpstreamSession,
        call: &CreateAccount<'_>,
    ) -> Result<CreateAccountResult, WikiError> {
        if session.token().is_none() {
            self.renew_token(session).await?;
        }
        match self.post_create_account(session, call).await {
            Err(WikiError::BadToken) => {
                tracing::info!("create-account token rejected; renewing it once");
                self.renew_token(session).await?;
                self.post_create_account(session, call).await
            }
            other => other,
        }
    }

    /// Whether the wiki answers at all: the cheapest query there is.
    pub async fn ping(&self) -> Result<(), WikiError> {
        let query = [("action", "query"), ("meta", "siteinfo"), ("siprop", "general")];
        let url = query_url(&self.api, &query);
        let response: QueryResponse = self.transport.get_json(&mut UpstreamSession::default(), url, "ping").await?;
        api_result(response).map(|_| ())
    }

    /// The account's own spelling of `name` if it was registered within
    /// `recent`: to tell whether a sign-up whose answer was lost went
    /// through. No visitor session is needed (nor sent).
    pub async fn recently_registered(&self, name: &str, recent: Duration) -> Result<Option<String>, WikiError> {
        let user = self.user(&mut UpstreamSession::default(), name, "registration").await?;
        let Some(user) = user.filter(|u| !u.missing) else { return Ok(None) };
        let registered = user
            .registration
            .as_deref()
            .and_then(|r| time::OffsetDateTime::parse(r, &time::format_description::well_known::Rfc3339).ok());
        let age = registered.map(|r| time::OffsetDateTime::now_utc() - r);
        Ok(age.filter(|age| *age >= -time::Duration::MINUTE && *age <= recent).map(|_| user.name))
    }

    /// What the wiki says of `name` as a new account's name: taken, not a
    /// valid name, refused (with the wiki's reason), or free. The question
    /// the wiki's own sign-up page asks while the visitor types.
    /// `asking` is a session of no one, in the visitor's language.
    pub async fn username_availability(&self, asking: &mut UpstreamSession, name: &str) -> Result<UserInfo, WikiError> {
        let user = self.user(asking, name, "cancreate").await?;
        user.ok_or_else(|| WikiError::BadResponse("no user in the answer".into()))
    }

    /// What the wiki's password policy says of `password` for a new account
    /// named `username` (when typed) with `email` (when typed). `asking` is
    /// a session of no one, in the visitor's language.
    pub async fn password_validity(
        &self,
        asking: &mut UpstreamSession,
        password: &str,
        username: &str,
        email: &str,
    ) -> Result<PasswordValidity, WikiError> {
        let mut form: Vec<(&str, &str)> = FORMAT.to_vec();
        form.extend([("action", "validatepassword"), ("password", password)]);
        // Named users must not exist yet; the username check tells of those.
        form.extend([("user", username), ("email", email)].into_iter().filter(|(_, v)| !v.is_empty()));
        let api = self.api.as_url();
        let response = self.transport.post_json(asking, api, &form, "validatepassword").await?;
        api_result(response)
    }

    /// `list=users` for one name, with `usprop`, asked in `session` (one
    /// of no one: no visitor's cookies are needed, nor sent).
    async fn user(
        &self,
        session: &mut UpstreamSession,
        name: &str,
        usprop: &'static str,
    ) -> Result<Option<UserInfo>, WikiError> {
        // One name, even one holding a `|`.
        let names = multi_value(&[name.to_owned()]);
        let query = [("action", "query"), ("list", "users"), ("ususers", names.as_str()), ("usprop", usprop)];
        let url = query_url(&self.api, &query);
        let response: QueryResponse = self.transport.get_json(session, url, "users").await?;
        Ok(api_result(response)?.users.into_iter().next())
    }

    /// Fetches an image the wiki linked to (a CAPTCHA) with the visitor's
    /// wiki session. The URL must be on the wiki's origin.
    pub async fn fetch_image(&self, session: &mut UpstreamSession, url: &Url) -> Result<WikiImage, WikiError> {
        debug_assert_eq!(url.origin(), self.api.as_url().origin());
        let (content_type, bytes) = self.transport.get_bytes(session, url, MAX_IMAGE_BYTES, "image").await?;
        let media_type = content_type.as_deref().and_then(|t| t.split(';').next()).map(str::trim);
        match media_type.and_then(|t| RASTER_TYPES.into_iter().find(|r| t.eq_ignore_ascii_case(r))) {
            Some(raster) => Ok(WikiImage { content_type: raster.to_owned(), bytes }),
            None => Err(WikiError::BadResponse("the CAPTCHA is not a raster image".into())),
        }
    }

    /// A new image CAPTCHA for the visitor's wiki `session` (FancyCaptcha's
    /// "Refresh"): the id of the new one, which the wiki then expects.
    pub async fn reload_captcha(&self, session: &mut UpstreamSession) -> Result<String, WikiError> {
        let url = query_url(&self.api, &[("action", "fancycaptchareload")]);
        let answer: ApiAnswer<CaptchaReload> = self.transport.get_json(session, url, "fancycaptchareload").await?;
        Ok(api_result(answer)?.index)
    }

    /// Logs `session` in with a bot password (`NAME@APP`): `action=login`,
    /// the only way bot passwords work (`clientlogin` refuses them).
    pub async fn log_in(&self, session: &mut UpstreamSession, user: &str, password: &str) -> Result<(), WikiError> {
        let url = query_url(&self.api, &[("action", "query"), ("meta", "tokens"), ("type", "login")]);
        let response: QueryResponse = self.transport.get_json(session, url, "logintoken").await?;
        let token = api_result(response)?
            .tokens
            .and_then(|t| t.logintoken)
            .ok_or_else(|| WikiError::BadResponse("no logintoken in the answer".into()))?;
        let mut form: Vec<(&str, &str)> = FORMAT.to_vec();
        form.extend([("action", "login"), ("lgname", user), ("lgpassword", password), ("lgtoken", token.as_str())]);
        let response: LoginResponse = self.transport.post_json(session, self.api.as_url(), &form, "login").await?;
        let login = api_result(response)?;
        match login.result.as_str() {
            "Success" => Ok(()),
            other => {
                Err(WikiError::LoginFailed(login.reason.map_or_else(|| other.to_owned(), |r| r.text().to_owned())))
            }
        }
    }

    /// Logs `session` in as `user` (a bot password's `Name@App`) and says
    /// who the account is, its groups and its rights in that session; the
    /// session's later calls assert that it is still logged in.
    pub async fn sign_in(
        &self,
        session: &mut UpstreamSession,
        user: &str,
        password: &str,
    ) -> Result<CurrentUser, WikiError> {
        self.log_in(session, user, password).await?;
        session.manner.as_user = true;
        self.current_user(session).await
    }

    /// Who `session` is, with the rights it has and any block on it or its
    /// address (`meta=userinfo`); a new session is anyone at this address.
    pub async fn current_user(&self, session: &mut UpstreamSession) -> Result<CurrentUser, WikiError> {
        let url =
            query_url(&self.api, &[("action", "query"), ("meta", "userinfo"), ("uiprop", "rights|blockinfo|groups")]);
        let response: QueryResponse = self.transport.get_json(session, url, "userinfo").await?;
        api_result(response)?.userinfo.ok_or_else(|| WikiError::BadResponse("no userinfo in the answer".into()))
    }

    async fn renew_token(&self, session: &mut UpstreamSession) -> Result<(), WikiError> {
        let query = [("action", "query"), ("meta", "tokens"), ("type", "createaccount")];
        let url = query_url(&self.api, &query);
        let response: QueryResponse = self.transport.get_json(session, url, "tokens").await?;
        let token = api_result(response)?
            .tokens
            .and_then(|t| t.createaccounttoken)
            .ok_or_else(|| WikiError::BadResponse("no createaccounttoken in the answer".into()))?;
        session.set_token(token);
        Ok(())
    }

    async fn post_create_account(
        &self,
        session: &mut UpstreamSession,
        call: &CreateAccount<'_>,
    ) -> Result<CreateAccountResult, WikiError> {
        let token = session.token().unwrap_or_default().to_owned();
        let requests = multi_value(call.requests);
        let mut form: Vec<(&str, &str)> = FORMAT.to_vec();
        form.extend([
            ("action", "createaccount"),
            ("createtoken", token.as_str()),
            // Messages as HTML, sanitized before they are shown: links
            // (e.g. to a help page) keep working.
            ("createmessageformat", "html"),
            ("createrequests", requests.as_str()),
        ]);
        // Never `createmergerequestfields`: the portal needs to know which
        // request each field belongs to, to send exactly the chosen ones.
        match call.step {
            CreateStep::Begin { return_url, preserve_state } => {
                form.push(("createreturnurl", return_url.as_str()));
                if preserve_state {
                    form.push(("createpreservestate", "1"));
                }
            }
            CreateStep::Continue => form.push(("createcontinue", "1")),
        }
        form.extend(call.fields.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        let answer: CreateAccountResponse =
            self.transport.post_json(session, self.api.as_url(), &form, "createaccount").await?;
        let result = api_result(answer)?;
        tracing::info!(status = ?result.status, code = result.messagecode.as_deref(), "createaccount answered");
        Ok(result)
    }
}

/// A GET of the API with `query` and the [`FORMAT`] every call uses.
fn query_url(api: &WikiApiUrl, query: &[(&str, &str)]) -> Url {
    let mut url = api.as_url().clone();
    url.query_pairs_mut().extend_pairs(FORMAT).extend_pairs(query);
    url
}

/// The form page's request: the field descriptions and a create-account
/// token, the visitor's own.
const FORM_PAGE_QUERY: [(&str, &str); 5] = [
    ("action", "query"),
    ("meta", "authmanagerinfo|tokens"),
    ("amirequestsfor", "create"),
    ("type", "createaccount"),
    // Labels arrive as HTML, so links such as a CAPTCHA's "more info"
    // work once sanitized, rather than as raw wikitext. Not
    // `amimergerequestfields`: the form needs each request's own fields to
    // show the ways apart and send only the chosen one.
    ("amimessageformat", "html"),
];

/// The request of what every visitor of a language shares: whether the
/// wiki is writable, its name and language (siteinfo), and the pages'
/// words from its interface messages (in `uselang`, which the transport
/// adds), its local changes included.
fn site_words_query(messages: &str) -> [(&str, &str); 6] {
    [
        ("action", "query"),
        ("meta", "siteinfo|allmessages"),
        ("siprop", "general"),
        ("ammessages", messages),
        ("amincludelocal", "1"),
        // Expanded as the wiki shows them ({{GENDER}}, {{PLURAL}},
        // {{#FORMAL}}...), so that no wikitext reaches a page; `$1` and
        // the like stay for the portal to fill.
        ("amenableparser", "1"),
    ]
}

/// A list parameter: `a|b`, or, when a value holds a `|`, each value after
/// U+001F, as the Action API reads multi-value parameters.
fn multi_value(values: &[String]) -> String {
    if values.iter().any(|v| v.contains('|')) {
        values.iter().map(|v| format!("\u{1f}{v}")).collect()
    } else {
        values.join("|")
    }
}
