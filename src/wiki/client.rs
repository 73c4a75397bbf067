//! The MediaWiki Action API client: one pooled HTTP client for all visitors,
//! each call carrying that visitor's own [`UpstreamSession`].

use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::sync::Semaphore;

use reqwest::header::{CONTENT_TYPE, COOKIE, SET_COOKIE};
use serde::de::DeserializeOwned;
use url::Url;

use super::api_url::WikiApiUrl;
use super::session::UpstreamSession;
use super::types::{
    ApiAnswer, ApiMessage, AuthManagerInfo, CreateAccountResponse, CreateAccountResult, PasswordValidity,
    QueryResponse, UserInfo,
};
use crate::metrics::UpstreamMetrics;

/// Parameters of every API call: JSON with real booleans, and errors as
/// plain text, which the portal can show as it is.
const FORMAT: [(&str, &str); 3] = [("format", "json"), ("formatversion", "2"), ("errorformat", "plaintext")];

/// The largest API answer read; a sign-up answer is a few kilobytes.
const MAX_BODY: usize = 2 * 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum WikiError {
    #[error("the wiki could not be reached")]
    Unreachable(#[source] reqwest::Error),
    #[error("the wiki did not answer in time")]
    Timeout,
    #[error("the wiki answered HTTP {0}")]
    HttpStatus(u16),
    #[error("the wiki's answer was not the expected JSON")]
    BadResponse(String),
    #[error("the wiki is read-only")]
    ReadOnly { reason: String },
    #[error("the wiki refused: {}", .0.code)]
    Api(ApiMessage),
}

impl WikiError {
    fn from_transport(e: reqwest::Error) -> Self {
        if e.is_timeout() { WikiError::Timeout } else { WikiError::Unreachable(e) }
    }

    /// The request may have reached the wiki and been acted on: the answer
    /// was lost (timeout, connection cut while reading), not the question.
    pub fn outcome_unknown(&self) -> bool {
        match self {
            WikiError::Timeout => true,
            WikiError::Unreachable(e) => !e.is_connect(),
            _ => false,
        }
    }
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
    http: reqwest::Client,
    api: WikiApiUrl,
    /// The form page's one request, the same for every visitor: built once.
    signup_info_url: Url,
    language: String,
    /// Bounds the requests in flight, so a burst of visitors queues here
    /// instead of piling onto the wiki.
    in_flight: Arc<Semaphore>,
    timeout: Duration,
    metrics: UpstreamMetrics,
}

pub struct ClientOptions {
    pub user_agent: String,
    pub connect_timeout: Duration,
    pub timeout: Duration,
    /// `uselang`: the language of the wiki's labels and messages.
    pub language: String,
    /// Most requests in flight at once.
    pub concurrency: usize,
    pub metrics: UpstreamMetrics,
}

impl WikiClient {
    pub fn new(api: WikiApiUrl, options: ClientOptions) -> Result<Self, reqwest::Error> {
        let http = reqwest::Client::builder()
            .user_agent(options.user_agent)
            .connect_timeout(options.connect_timeout)
            .timeout(options.timeout)
            // The API never redirects; a redirect could only lead away from
            // the wiki's origin, with a visitor's cookies.
            .redirect(reqwest::redirect::Policy::none())
            .build()?;
        let signup_info_url = query_url(&api, &signup_info_query(&options.language));
        Ok(WikiClient {
            http,
            api,
            signup_info_url,
            language: options.language,
            in_flight: Arc::new(Semaphore::new(options.concurrency)),
            timeout: options.timeout,
            metrics: options.metrics,
        })
    }

    pub fn api(&self) -> &WikiApiUrl {
        &self.api
    }

    /// The sign-up form's field descriptions and a create-account token, in
    /// one request. The token is kept in `session`.
    pub async fn signup_info(&self, session: &mut UpstreamSession) -> Result<AuthManagerInfo, WikiError> {
        let url = self.signup_info_url.clone();
        let response: QueryResponse = self.get_json(session, url, "authmanagerinfo").await?;
        let query = api_result(response)?;
        if let Some(site) = query.general.filter(|g| g.readonly) {
            return Err(WikiError::ReadOnly { reason: site.readonlyreason });
        }
        if let Some(token) = query.tokens.and_then(|t| t.createaccounttoken) {
            session.set_token(token);
        }
        query.authmanagerinfo.ok_or_else(|| WikiError::BadResponse("no authmanagerinfo in the answer".into()))
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
            Err(WikiError::Api(m)) if m.code == "badtoken" => {
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
        let response: QueryResponse = self.get_json(&mut UpstreamSession::default(), url, "ping").await?;
        api_result(response).map(|_| ())
    }

    /// The account's own spelling of `name` if it was registered within
    /// `recent`: to tell whether a sign-up whose answer was lost went
    /// through. No visitor session is needed (nor sent).
    pub async fn recently_registered(&self, name: &str, recent: Duration) -> Result<Option<String>, WikiError> {
        let user = self.user(name, "registration").await?;
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
    pub async fn username_availability(&self, name: &str) -> Result<UserInfo, WikiError> {
        self.user(name, "cancreate").await?.ok_or_else(|| WikiError::BadResponse("no user in the answer".into()))
    }

    /// What the wiki's password policy says of `password` for a new account
    /// named `username` (when typed) with `email` (when typed).
    pub async fn password_validity(
        &self,
        password: &str,
        username: &str,
        email: &str,
    ) -> Result<PasswordValidity, WikiError> {
        let mut form: Vec<(&str, &str)> = FORMAT.to_vec();
        form.extend([("action", "validatepassword"), ("uselang", self.language.as_str()), ("password", password)]);
        // Named users must not exist yet; the username check tells of those.
        form.extend([("user", username), ("email", email)].into_iter().filter(|(_, v)| !v.is_empty()));
        let response = self.post_form(&mut UpstreamSession::default(), &form, "validatepassword").await?;
        api_result(read_json(response).await?)
    }

    /// `list=users` for one name, with `usprop`. No visitor session is
    /// needed (nor sent).
    async fn user(&self, name: &str, usprop: &'static str) -> Result<Option<UserInfo>, WikiError> {
        // One name, even one holding a `|`.
        let names = multi_value(&[name.to_owned()]);
        let query = [
            ("action", "query"),
            ("list", "users"),
            ("ususers", names.as_str()),
            ("usprop", usprop),
            ("uselang", self.language.as_str()),
        ];
        let url = query_url(&self.api, &query);
        let response: QueryResponse = self.get_json(&mut UpstreamSession::default(), url, "users").await?;
        Ok(api_result(response)?.users.into_iter().next())
    }

    /// Fetches an image the wiki linked to (a CAPTCHA) with the visitor's
    /// wiki session. The URL must be on the wiki's origin.
    pub async fn fetch_image(&self, session: &mut UpstreamSession, url: &Url) -> Result<reqwest::Response, WikiError> {
        debug_assert_eq!(url.origin(), self.api.as_url().origin());
        let request = self.http.get(url.clone());
        self.send(session, request, url, "image").await
    }

    async fn renew_token(&self, session: &mut UpstreamSession) -> Result<(), WikiError> {
        let query = [("action", "query"), ("meta", "tokens"), ("type", "createaccount")];
        let url = query_url(&self.api, &query);
        let response: QueryResponse = self.get_json(session, url, "tokens").await?;
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
            ("uselang", self.language.as_str()),
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
        let response = self.post_form(session, &form, "createaccount").await?;
        let answer: CreateAccountResponse = read_json(response).await?;
        let result = api_result(answer)?;
        tracing::info!(status = ?result.status, code = result.messagecode.as_deref(), "createaccount answered");
        Ok(result)
    }

    /// Posts `form` to the API. Secrets travel in the POST body only,
    /// never in the URL.
    async fn post_form(
        &self,
        session: &mut UpstreamSession,
        form: &[(&str, &str)],
        what: &'static str,
    ) -> Result<reqwest::Response, WikiError> {
        let body = serde_urlencoded::to_string(form).map_err(|e| WikiError::BadResponse(e.to_string()))?;
        let request = self
            .http
            .post(self.api.as_url().clone())
            .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(body);
        self.send(session, request, self.api.as_url(), what).await
    }

    async fn get_json<T: DeserializeOwned>(
        &self,
        session: &mut UpstreamSession,
        url: Url,
        what: &'static str,
    ) -> Result<T, WikiError> {
        let request = self.http.get(url);
        let response = self.send(session, request, self.api.as_url(), what).await?;
        read_json(response).await
    }

    /// Sends with the visitor's cookies, keeps the cookies the wiki sets,
    /// and turns transport failures and HTTP errors into [`WikiError`].
    async fn send(
        &self,
        session: &mut UpstreamSession,
        mut request: reqwest::RequestBuilder,
        url: &Url,
        what: &'static str,
    ) -> Result<reqwest::Response, WikiError> {
        if let Some(cookies) = session.cookie_header(url) {
            request = request.header(COOKIE, cookies);
        }
        // Waiting for a turn is bounded by the same limit as the request.
        let _turn = match tokio::time::timeout(self.timeout, self.in_flight.acquire()).await {
            Ok(Ok(permit)) => permit,
            _ => {
                self.metrics.errors.with_label_values(&[what, "queue_timeout"]).inc();
                return Err(WikiError::Timeout);
            }
        };
        // Timed from here: the latency is the wiki's, not the queue's.
        let started = Instant::now();
        let result = request.send().await;
        let elapsed = started.elapsed();
        let elapsed_ms = elapsed.as_millis() as u64;
        let response = match result {
            Ok(response) => response,
            Err(e) => {
                tracing::warn!(call = what, elapsed_ms, error = %e, "wiki request failed");
                let e = WikiError::from_transport(e);
                let kind = if matches!(e, WikiError::Timeout) { "timeout" } else { "unreachable" };
                self.metrics.errors.with_label_values(&[what, kind]).inc();
                return Err(e);
            }
        };
        let status = response.status();
        self.metrics.latency.with_label_values(&[what]).observe(elapsed.as_secs_f64());
        tracing::info!(call = what, status = status.as_u16(), elapsed_ms, "wiki answered");
        let set_cookies = response.headers().get_all(SET_COOKIE).iter();
        session.store_set_cookies(set_cookies.filter_map(|v| v.to_str().ok()), url);
        if !status.is_success() {
            self.metrics.errors.with_label_values(&[what, "http_status"]).inc();
            return Err(WikiError::HttpStatus(status.as_u16()));
        }
        Ok(response)
    }
}

/// A GET of the API with `query` and the [`FORMAT`] every call uses.
fn query_url(api: &WikiApiUrl, query: &[(&str, &str)]) -> Url {
    let mut url = api.as_url().clone();
    url.query_pairs_mut().extend_pairs(FORMAT).extend_pairs(query);
    url
}

/// The form page's request: field descriptions, a create-account token and
/// whether the wiki is writable, in one.
fn signup_info_query(language: &str) -> [(&str, &str); 7] {
    [
        ("action", "query"),
        // siteinfo: a read-only wiki is said up front, not after the
        // visitor has filled in the form. Still one request.
        ("meta", "authmanagerinfo|tokens|siteinfo"),
        ("siprop", "general"),
        ("amirequestsfor", "create"),
        ("type", "createaccount"),
        // Labels arrive as HTML, so links such as a CAPTCHA's "more
        // info" work once sanitized, rather than as raw wikitext.
        ("amimessageformat", "html"),
        // Not `amimergerequestfields`: the form needs each request's own
        // fields to show the ways apart and send only the chosen one.
        ("uselang", language),
    ]
}

/// Reads at most [`MAX_BODY`] bytes, whatever the wiki claims or streams.
async fn read_json<T: DeserializeOwned>(mut response: reqwest::Response) -> Result<T, WikiError> {
    let too_large = || WikiError::BadResponse("answer too large".into());
    if response.content_length().is_some_and(|len| len as usize > MAX_BODY) {
        return Err(too_large());
    }
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(WikiError::from_transport)? {
        if body.len() + chunk.len() > MAX_BODY {
            return Err(too_large());
        }
        body.extend_from_slice(&chunk);
    }
    serde_json::from_slice(&body).map_err(|e| WikiError::BadResponse(e.to_string()))
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

/// The API's answer, or its first error.
fn api_result<T>(answer: ApiAnswer<T>) -> Result<T, WikiError> {
    match answer.into_result() {
        Err(first) if first.code == "readonly" => {
            let reason = first.readonly_reason().unwrap_or_default().to_owned();
            Err(WikiError::ReadOnly { reason })
        }
        Err(first) => Err(WikiError::Api(first)),
        Ok(result) => result.ok_or_else(|| WikiError::BadResponse("neither a result nor an error".into())),
    }
}
