//! A visitor that behaves like a browser: keeps cookies, follows
//! redirects, reads and submits forms.

use scraper::{Html, Selector};

use super::app::TestApp;

/// A unique, valid username: tests share wikis.
pub fn unique_name(prefix: &str) -> String {
    use std::sync::atomic::{AtomicU32, Ordering};
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().subsec_nanos();
    format!("{prefix} {}x{nanos}", COUNTER.fetch_add(1, Ordering::Relaxed))
}

pub const PASSWORD: &str = "Correct-Horse-Battery-7";

/// One browser: its own cookie jar, following redirects.
pub struct Visitor {
    http: reqwest::Client,
    jar: std::sync::Arc<reqwest::cookie::Jar>,
    base: String,
}

/// A page as the visitor got it.
pub struct Page {
    pub status: u16,
    pub url: String,
    /// Where a redirect points (stepwise visitors only see these).
    pub location: Option<String>,
    pub retry_after: Option<String>,
    pub html: String,
}

impl Visitor {
    pub fn new(app: &TestApp) -> Visitor {
        Visitor::with(app, reqwest::Client::builder())
    }

    fn with(app: &TestApp, builder: reqwest::ClientBuilder) -> Visitor {
        let jar = std::sync::Arc::new(reqwest::cookie::Jar::default());
        let http = builder.cookie_provider(jar.clone()).build().unwrap();
        Visitor { http, jar, base: app.address.clone() }
    }

    /// The portal's session cookie as the browser holds it now.
    pub fn session_cookie(&self) -> Option<String> {
        use reqwest::cookie::CookieStore;
        let cookies = self.jar.cookies(&self.base.parse().unwrap())?;
        cookies.to_str().unwrap().split("; ").find(|c| c.starts_with("wikisignup=")).map(str::to_owned)
    }

    /// The same browser (same cookies) talking to another instance.
    pub fn at(&self, app: &TestApp) -> Visitor {
        Visitor { http: self.http.clone(), jar: self.jar.clone(), base: app.address.clone() }
    }

    /// A browser behind a reverse proxy that names it as `client_ip`.
    pub fn forwarded_for(app: &TestApp, client_ip: &str) -> Visitor {
        let mut headers = reqwest::header::HeaderMap::new();
        headers.insert("x-forwarded-for", client_ip.parse().unwrap());
        Visitor::with(app, reqwest::Client::builder().default_headers(headers))
    }

    /// A browser whose languages are `accept_language`, as it sends them.
    pub fn speaking(app: &TestApp, accept_language: &str) -> Visitor {
        let mut headers = reqwest::header::HeaderMap::new();
        headers.insert("accept-language", accept_language.parse().unwrap());
        Visitor::with(app, reqwest::Client::builder().default_headers(headers))
    }

    /// A browser whose every redirect the test follows (or not) itself.
    pub fn stepwise(app: &TestApp) -> Visitor {
        Visitor::with(app, reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()))
    }

    /// Opens an absolute URL (a provider's, or a return URL).
    pub async fn open(&self, url: &str) -> Page {
        Page::read(self.http.get(url).send().await.unwrap()).await
    }

    /// Follows `page`'s redirects, if any, to the end.
    pub async fn follow(&self, mut page: Page) -> Page {
        while let Some(location) = page.location.clone() {
            let next = reqwest::Url::parse(&page.url).unwrap().join(&location).unwrap();
            page = self.open(next.as_str()).await;
        }
        page
    }

    pub async fn get(&self, path: &str) -> Page {
        let response = self.http.get(format!("{}{path}", self.base)).send().await.unwrap();
        Page::read(response).await
    }

    /// Fills in `page`'s form as a browser would: hidden fields as they
    /// are, `typed` for the rest, then submits it.
    pub async fn submit(&self, page: &Page, typed: &[(&str, &str)]) -> Page {
        let action = page.attr("form.signup", "action").unwrap_or_else(|| "/".to_owned());
        self.submit_to(&action, page, typed).await
    }

    /// Fills in `page`'s form, as [`Visitor::submit`], but posts it to `path`.
    pub async fn submit_to(&self, path: &str, page: &Page, typed: &[(&str, &str)]) -> Page {
        let mut pairs: Vec<(String, String)> = page.hidden_fields();
        pairs.extend(typed.iter().map(|(k, v)| (k.to_string(), v.to_string())));
        let response = self.http.post(format!("{}{path}", self.base)).form(&pairs).send().await.unwrap();
        Page::read(response).await
    }

    /// Posts `pairs` as a `multipart/form-data` form (one with a file
    /// field), with `file` as the field of that name, if any.
    pub async fn post_multipart(&self, path: &str, pairs: &[(&str, &str)], file: Option<(&str, Vec<u8>)>) -> Page {
        let mut form = reqwest::multipart::Form::new();
        for (name, value) in pairs {
            form = form.text(name.to_string(), value.to_string());
        }
        if let Some((name, bytes)) = file {
            form = form.part(name.to_owned(), reqwest::multipart::Part::bytes(bytes).file_name("logo.png"));
        }
        let response = self.http.post(format!("{}{path}", self.base)).multipart(form).send().await.unwrap();
        Page::read(response).await
    }

    /// Posts `pairs` to a path of the portal's.
    pub async fn post_form(&self, path: &str, pairs: &[(&str, &str)]) -> Page {
        let response = self.http.post(format!("{}{path}", self.base)).form(pairs).send().await.unwrap();
        Page::read(response).await
    }

    /// Posts `pairs` as the page's script does, asking for JSON: the
    /// status and the answer.
    pub async fn post_for_json(&self, path: &str, pairs: &[(&str, &str)]) -> (u16, serde_json::Value) {
        let request = self.http.post(format!("{}{path}", self.base)).form(pairs).header("accept", "application/json");
        let response = request.send().await.unwrap();
        let status = response.status().as_u16();
        (status, response.json().await.unwrap_or_default())
    }

    /// Posts `pairs` as a page of `origin` would make the browser post them
    /// (`Origin` and `Sec-Fetch-Site` as Chromium sends them).
    pub async fn post_form_from(&self, origin: &str, sec_fetch_site: &str, path: &str, pairs: &[(&str, &str)]) -> Page {
        let request = self.http.post(format!("{}{path}", self.base)).form(pairs);
        let request = request.header("origin", origin).header("sec-fetch-site", sec_fetch_site);
        Page::read(request.send().await.unwrap()).await
    }

    /// The response headers of a GET of a path of the portal's.
    pub async fn headers(&self, path: &str) -> reqwest::header::HeaderMap {
        self.http.get(format!("{}{path}", self.base)).send().await.unwrap().headers().clone()
    }

    /// Fetches a URL of the portal's; status, content type and body.
    pub async fn fetch(&self, path: &str) -> (u16, String, Vec<u8>) {
        let response = self.http.get(format!("{}{path}", self.base)).send().await.unwrap();
        let status = response.status().as_u16();
        let kind = response.headers().get("content-type").map(|v| v.to_str().unwrap().to_owned()).unwrap_or_default();
        (status, kind, response.bytes().await.unwrap().to_vec())
    }
}

impl Page {
    /// The page a response carries.
    pub async fn read(response: reqwest::Response) -> Page {
        let status = response.status().as_u16();
        let url = response.url().to_string();
        let header = |name: &str| response.headers().get(name).map(|v| v.to_str().unwrap().to_owned());
        let (location, retry_after) = (header("location"), header("retry-after"));
        Page { status, url, location, retry_after, html: response.text().await.unwrap() }
    }

    pub fn hidden_fields(&self) -> Vec<(String, String)> {
        let doc = Html::parse_document(&self.html);
        let sel = Selector::parse("form input[type=hidden]").unwrap();
        doc.select(&sel)
            .map(|e| (e.attr("name").unwrap_or_default().to_owned(), e.attr("value").unwrap_or_default().to_owned()))
            .collect()
    }

    /// The CSRF token the page's forms carry.
    pub fn csrf(&self) -> String {
        self.input_value("wikisignup_csrf").unwrap_or_else(|| panic!("no CSRF token in {}", self.html))
    }

    /// The value an input shows, if the page has that input.
    pub fn input_value(&self, name: &str) -> Option<String> {
        let doc = Html::parse_document(&self.html);
        let sel = Selector::parse(&format!("input[name=\"{name}\"]")).unwrap();
        doc.select(&sel).next().map(|e| e.attr("value").unwrap_or_default().to_owned())
    }

    /// The text of the elements matching `css`, joined.
    pub fn text(&self, css: &str) -> String {
        let doc = Html::parse_document(&self.html);
        let sel = Selector::parse(css).unwrap();
        doc.select(&sel).map(|e| e.text().collect::<String>()).collect::<Vec<_>>().join("\n")
    }

    /// The attribute `name` of the first element matching `css`.
    pub fn attr(&self, css: &str, name: &str) -> Option<String> {
        let doc = Html::parse_document(&self.html);
        let sel = Selector::parse(css).unwrap();
        doc.select(&sel).next().and_then(|e| e.attr(name)).map(str::to_owned)
    }

    /// The `src` of every CAPTCHA image.
    pub fn images(&self) -> Vec<String> {
        let doc = Html::parse_document(&self.html);
        let sel = Selector::parse("img.challenge").unwrap();
        doc.select(&sel).map(|e| e.attr("src").unwrap().to_owned()).collect()
    }
}
