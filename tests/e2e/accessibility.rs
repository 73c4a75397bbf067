//! Every kind of page, in English, Thai and Arabic, in a real browser:
//! axe-core (from npm, `tests/axe`) finds nothing wrong with any, and the
//! form, a refusal and the welcome page are photographed on a desktop and
//! on a phone into `target/screenshots/` for people to look at.

use std::path::PathBuf;
use std::sync::Mutex;

use fantoccini::Locator;
use fantoccini::key::Key;

use crate::browser::Browser;
use crate::helpers::{PASSWORD, TestWiki, spawn_app, unique_name};

/// axe-core's script, installed by `npm ci` from `tests/axe` (the test
/// command does it first; a test run alone does it here).
fn axe_source() -> String {
    static INSTALL: Mutex<()> = Mutex::new(());
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/axe");
    let script = dir.join("node_modules/axe-core/axe.min.js");
    let _one_at_a_time = INSTALL.lock().unwrap_or_else(|e| e.into_inner());
    if !script.exists() {
        let installed = std::process::Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund", "--silent", "--prefix"])
            .arg(&dir)
            .status()
            .expect("npm runs (scripts/test installs nodejs)");
        assert!(installed.success(), "npm ci in tests/axe failed");
    }
    std::fs::read_to_string(&script).expect("axe-core is installed")
}

impl Browser {
    /// What axe-core finds wrong with the page shown: each rule broken,
    /// with the elements that break it. WCAG 2.1 A and AA, and best
    /// practice.
    pub async fn accessibility_violations(&self) -> Vec<String> {
        self.client.execute(&format!("{}\nreturn true;", axe_source()), vec![]).await.expect("axe-core loads");
        let found = self
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] })
                   .then(r => done(r.violations.map(v =>
                       v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))))
                   .catch(e => done(['axe failed: ' + e]));",
                vec![],
            )
            .await
            .expect("axe-core runs");
        serde_json::from_value(found).expect("a list of violations")
    }

    /// Photographs the whole page on a desktop and on a phone:
    /// `target/screenshots/NAME-desktop.png` and `NAME-phone.png`.
    pub async fn photograph(&self, name: &str) {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
        std::fs::create_dir_all(&dir).unwrap();
        for (device, width, height) in [("desktop", 1280, 900), ("phone", 390, 844)] {
            self.client.set_window_size(width, height).await.unwrap();
            // As tall as the page, so the picture shows all of it.
            let tall = self.client.execute("return document.documentElement.scrollHeight", vec![]).await.unwrap();
            let tall = tall.as_u64().unwrap_or(0) as u32 + height - self.inner_height().await;
            self.client.set_window_size(width, tall.max(height)).await.unwrap();
            let png = self.client.screenshot().await.unwrap();
            std::fs::write(dir.join(format!("{name}-{device}.png")), png).unwrap();
        }
        self.client.set_window_size(1024, 768).await.unwrap();
    }

    async fn inner_height(&self) -> u32 {
        let inner = self.client.execute("return window.innerHeight", vec![]).await.unwrap();
        inner.as_u64().unwrap_or(0) as u32
    }

    pub async fn assert_accessible(&self, page: &str) {
        let found = self.accessibility_violations().await;
        assert!(found.is_empty(), "{page}: {found:#?}\n{}", self.client.source().await.unwrap_or_default());
    }
}

/// A visitor in `language` through every page a sign-up shows: the form
/// (with a CAPTCHA and two ways), a refusal, a further step (two-factor
/// set-up after a sign-in provider), the welcome page and an error page.
async fn every_page_in(language: &str) {
    let wiki = TestWiki::shared("sso");
    let app = spawn_app(&wiki.api).await;
    let browser = Browser::start().await;
    let name = unique_name(&format!("Axe {language}"));
    browser.client.goto(&format!("{}/?uselang={language}", app.address)).await.unwrap();
    browser.wait_for_element("h1").await;
    let lang = browser.client.execute("return document.documentElement.lang", vec![]).await.unwrap();
    assert_eq!(lang.as_str(), Some(language));
    browser.assert_accessible(&format!("{language}: form")).await;
    browser.photograph(&format!("{language}-form")).await;

    // Two passwords that differ, by the password way.
    browser.type_into("username", &name).await;
    browser.type_into("password", PASSWORD).await;
    browser.type_into("retype", "something else").await;
    browser.type_into("captchaWord", "wikiwiki").await;
    let password_way = Locator::Css("fieldset.way:has(input[name=password]) button[type=submit]");
    browser.client.find(password_way).await.unwrap().click().await.unwrap();
    browser.wait_for_element(".notice.error").await;
    browser.assert_accessible(&format!("{language}: refusal")).await;
    browser.photograph(&format!("{language}-refusal")).await;

    // The sign-in provider's way, then its two-factor set-up.
    browser.type_into("captchaWord", "wikiwiki").await;
    browser.client.find(Locator::Css("button[name=testsso]")).await.unwrap().click().await.unwrap();
    browser.wait_for_element("dl.details").await;
    browser.assert_accessible(&format!("{language}: further step")).await;
    browser.type_into("code", &format!("123456{}", char::from(Key::Enter))).await;
    browser.wait_for_element("body[data-created]").await;
    browser.assert_accessible(&format!("{language}: welcome")).await;
    browser.photograph(&format!("{language}-welcome")).await;
    assert!(wiki.user(&name).await.is_some());

    browser.client.goto(&format!("{}/no-such-page", app.address)).await.unwrap();
    browser.wait_for_element("p.request-id").await;
    browser.assert_accessible(&format!("{language}: error page")).await;
    browser.close().await;
}

#[tokio::test]
async fn every_page_in_english_passes_axe() {
    every_page_in("en").await;
}

#[tokio::test]
async fn an_event_page_with_its_logo_and_colour_and_its_report_pass_axe_and_are_photographed() {
    let wiki = TestWiki::shared("captcha");
    let token = "a-long-report-token-for-the-accessibility-test";
    let file = std::env::temp_dir().join(format!("wikisignup-axe-{}.toml", unique_name("a").replace(' ', "-")));
    let settings = format!(
        "operator = \"Wikimedia Thailand\"\noperator_url = \"https://wikimedia.or.th/\"\n\
         privacy_url = \"https://wikimedia.or.th/privacy\"\n\
         [[event]]\nslug = \"bangkok\"\ntitle = \"Bangkok Edit-a-thon 2026\"\n\
         intro = \"Welcome! Create your account here.\"\nlogo = \"{}\"\naccent_color = \"#990000\"\n\
         report_token = \"{token}\"\n",
        crate::look::LOGO
    );
    std::fs::write(&file, settings).unwrap();
    let app = spawn_app(&wiki.api).args(&["--config", file.to_str().unwrap()]).await;
    let browser = Browser::start().await;
    for language in ["en", "th"] {
        browser.client.goto(&format!("{}/e/bangkok/?uselang={language}", app.address)).await.unwrap();
        browser.wait_for_element(".masthead img").await;
        let logo_shown = "const i = document.querySelector('.masthead img'); return i.complete && i.naturalWidth > 0";
        assert_eq!(browser.client.execute(logo_shown, vec![]).await.unwrap().as_bool(), Some(true));
        let button = "return getComputedStyle(document.querySelector('button.primary')).backgroundColor";
        assert_eq!(browser.client.execute(button, vec![]).await.unwrap().as_str(), Some("rgb(153, 0, 0)"));
        browser.assert_accessible(&format!("{language}: an event's form")).await;
        browser.photograph(&format!("{language}-event-form")).await;
    }
    browser.client.goto(&format!("{}/e/bangkok/report?token={token}&every=2", app.address)).await.unwrap();
    browser.wait_for_element("figure.qr img").await;
    browser.assert_accessible("the report").await;
    browser.photograph("event-report").await;
    // Left open, it counts a new account by itself.
    assert!(browser.text(".count").await.starts_with('0'));
    let visitor = crate::helpers::Visitor::new(&app);
    let form = visitor.get("/e/bangkok/").await;
    let name = unique_name("Counted");
    let typed =
        [("username", name.as_str()), ("password", PASSWORD), ("retype", PASSWORD), ("captchaWord", "wikiwiki")];
    assert!(visitor.submit(&form, &typed).await.url.ends_with("/welcome"));
    browser.wait_for_text("#report-live", &name).await;
    assert!(browser.text(".count").await.starts_with('1'));
    browser.close().await;
    std::fs::remove_file(file).unwrap();
}

#[tokio::test]
async fn axe_finds_what_is_wrong_when_something_is() {
    let wiki = TestWiki::shared("plain");
    let app = spawn_app(&wiki.api).await;
    let browser = Browser::start().await;
    browser.client.goto(&format!("{}/", app.address)).await.unwrap();
    browser.wait_for_element("h1").await;
    // An unlabelled box and pale text, as a careless change could add.
    let spoil = "const i = document.createElement('input'); document.querySelector('form').prepend(i);
                 document.querySelector('h1').style.color = '#ddd';";
    browser.client.execute(spoil, vec![]).await.unwrap();
    let found = browser.accessibility_violations().await;
    assert!(found.iter().any(|v| v.starts_with("label:")), "{found:?}");
    assert!(found.iter().any(|v| v.starts_with("color-contrast:")), "{found:?}");
    browser.close().await;
}

#[tokio::test]
async fn every_page_in_thai_passes_axe_and_is_photographed() {
    every_page_in("th").await;
}

#[tokio::test]
async fn every_page_in_arabic_passes_axe_and_is_photographed() {
    every_page_in("ar").await;
}

#[tokio::test]
async fn every_page_in_hindi_passes_axe_and_is_photographed() {
    every_page_in("hi").await;
}
