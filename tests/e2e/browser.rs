//! A real browser (headless Chromium, driven through chromedriver): the
//! script runs under the Content-Security-Policy, buttons pressed are
//! posted, Enter presses the main button, username and passwords are
//! checked while typed, and the page fits a phone.

use std::process::Stdio;
use std::time::Duration;

use fantoccini::{Client, ClientBuilder, Locator, key::Key};

use crate::helpers::{TestWiki, spawn_app, unique_name};

/// A headless Chromium of its own, gone when the test ends.
pub struct Browser {
    pub client: Client,
    _driver: tokio::process::Child,
    profile: std::path::PathBuf,
}

impl Browser {
    pub async fn start() -> Browser {
        Browser::with_prefs(serde_json::json!({})).await
    }

    /// A browser with Chromium preferences `prefs` (e.g. cookie settings).
    pub async fn with_prefs(prefs: serde_json::Value) -> Browser {
        let port = crate::helpers::free_port();
        let driver = tokio::process::Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .kill_on_drop(true)
            .spawn()
            .expect("chromedriver runs (scripts/test installs chromium-driver)");
        let profile = std::env::temp_dir().join(format!("wikisignup-chromium-{}-{port}", std::process::id()));
        // Chromium's own connections would be refused on a closed network:
        // they are turned off.
        let args = [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
            "--window-size=1024,768",
        ];
        let mut args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
        args.push(format!("--user-data-dir={}", profile.display()));
        let mut caps = serde_json::Map::new();
        caps.insert(
            "goog:chromeOptions".into(),
            serde_json::json!({ "binary": "/usr/bin/chromium", "args": args, "prefs": prefs }),
        );
        let mut client = None;
        for _ in 0..100 {
            match ClientBuilder::rustls()
                .expect("rustls")
                .capabilities(caps.clone())
                .connect(&format!("http://127.0.0.1:{port}"))
                .await
            {
                Ok(c) => {
                    client = Some(c);
                    break;
                }
                Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
            }
        }
        Browser { client: client.expect("chromedriver answers"), _driver: driver, profile }
    }

    pub async fn text(&self, css: &str) -> String {
        self.client.find(Locator::Css(css)).await.unwrap().text().await.unwrap()
    }

    pub async fn type_into(&self, name: &str, text: &str) {
        let field = self.client.find(Locator::Css(&format!("[name='{name}']"))).await.unwrap();
        field.send_keys(text).await.unwrap();
    }

    /// Waits until an element matches `css`.
    pub async fn wait_for_element(&self, css: &str) {
        self.wait_for_text(css, "").await;
    }

    /// Waits until the element matching `css` holds `words`.
    pub async fn wait_for_text(&self, css: &str, words: &str) {
        for _ in 0..100 {
            if let Ok(element) = self.client.find(Locator::Css(css)).await
                && element.text().await.is_ok_and(|t| t.contains(words))
            {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("no {css} with {words:?}: {}", self.client.source().await.unwrap_or_default());
    }

    pub async fn wait_for_heading(&self, words: &str) {
        self.wait_for_text("h1", words).await;
    }

    pub async fn close(self) {
        self.client.close().await.unwrap();
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

#[tokio::test]
async fn a_person_signs_up_through_the_provider_with_mouse_and_keyboard() {
    let wiki = TestWiki::shared("sso");
    let app = spawn_app(&wiki.api).await;
    let browser = Browser::start().await;
    let name = unique_name("Browser");

    browser.client.goto(&format!("{}/", app.address)).await.unwrap();
    browser.wait_for_heading("Create account").await;
    // The script ran: the Content-Security-Policy lets the portal's own in.
    let classes = browser.client.execute("return document.documentElement.className", vec![]).await.unwrap();
    assert_eq!(classes.as_str(), Some("js"), "signup.js did not run");
    // The CAPTCHA image loaded through the portal.
    let loaded = browser
        .client
        .execute("const i = document.querySelector('img.challenge'); return i.complete && i.naturalWidth > 0", vec![])
        .await
        .unwrap();
    assert_eq!(loaded.as_bool(), Some(true), "the CAPTCHA image did not load");

    browser.type_into("username", &name).await;
    browser.type_into("captchaWord", "wikiwiki").await;
    // The script disables the buttons on submit; the pressed one's value
    // must still reach the portal, or the wiki would not know the way.
    browser.client.find(Locator::Css("button[name=testsso]")).await.unwrap().click().await.unwrap();

    // To the provider and back, then the two-factor step.
    browser.wait_for_text(".actions button.primary", "Continue account creation").await;
    assert!(browser.text("dl.details").await.contains("Secret"));
    // Enter in the code box presses Continue, not Skip: a wrong code is
    // refused (Skip would have ended the step).
    browser.type_into("code", &format!("000000{}", char::from(Key::Enter))).await;
    browser.wait_for_text(".notice", "not right").await;
    browser.type_into("code", &format!("123456{}", char::from(Key::Enter))).await;
    browser.wait_for_heading(&format!("Welcome, {name}")).await;
    assert!(wiki.user(&name).await.is_some());
    browser.close().await;
}

#[tokio::test]
async fn a_taken_name_a_common_password_and_differing_passwords_are_said_while_typing() {
    let wiki = TestWiki::shared("plain");
    let app = spawn_app(&wiki.api).await;
    let browser = Browser::start().await;
    browser.client.goto(&format!("{}/", app.address)).await.unwrap();
    browser.wait_for_heading("Create account").await;

    // The test-bed's wiki is installed with an account named Admin.
    browser.type_into("username", "Admin").await;
    browser.wait_for_text("#c-username", "already in use").await;
    let described =
        browser.client.find(Locator::Css("#f-username")).await.unwrap().attr("aria-describedby").await.unwrap();
    assert!(described.is_some_and(|d| d.contains("c-username")), "the note is not tied to the field");

    browser.type_into("username", &unique_name("Free")).await;
    for _ in 0..50 {
        if browser.text("#c-username").await.is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(browser.text("#c-username").await, "", "the note outlived the taken name");

    browser.type_into("password", "password").await;
    browser.wait_for_text("#c-password", "commonly used").await;

    // Leaving the second password box with another password in it.
    browser.type_into("retype", &format!("passwore{}", char::from(Key::Tab))).await;
    browser.wait_for_text("#c-retype", "do not match").await;
    let retype = browser.client.find(Locator::Css("#f-retype")).await.unwrap();
    retype.clear().await.unwrap();
    retype.send_keys("password").await.unwrap();
    assert_eq!(browser.text("#c-retype").await, "", "the mismatch outlived the fix");
    browser.close().await;
}

#[tokio::test]
async fn the_form_fits_a_phone_screen() {
    let wiki = TestWiki::shared("captcha");
    let app = spawn_app(&wiki.api).await;
    let browser = Browser::start().await;
    browser.client.set_window_size(360, 740).await.unwrap();
    browser.client.goto(&format!("{}/", app.address)).await.unwrap();
    browser.wait_for_heading("Create account").await;
    let fits = browser
        .client
        .execute("return document.documentElement.scrollWidth <= window.innerWidth", vec![])
        .await
        .unwrap();
    assert_eq!(fits.as_bool(), Some(true), "the page scrolls sideways on a phone");
    // Every field is labelled, so a screen reader names it.
    let unlabelled = browser
        .client
        .execute(
            "return [...document.querySelectorAll('input:not([type=hidden]), select')]\
               .filter(e => !document.querySelector(`label[for='${e.id}']`)).map(e => e.name)",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(unlabelled, serde_json::json!([]));
    browser.close().await;
}

#[tokio::test]
async fn a_password_can_be_shown_and_hidden_again() {
    let wiki = TestWiki::shared("plain");
    let app = spawn_app(&wiki.api).await;
    let browser = Browser::start().await;
    browser.client.goto(&format!("{}/", app.address)).await.unwrap();
    browser.wait_for_heading("Create account").await;
    browser.type_into("password", "Secret-Typed-42").await;
    let toggle = browser.client.find(Locator::Css("#f-password + button.show-password")).await.unwrap();
    let kind = "return document.getElementById('f-password').type";
    toggle.click().await.unwrap();
    assert_eq!(browser.client.execute(kind, vec![]).await.unwrap().as_str(), Some("text"));
    // The wiki's own words for the button, as it changes.
    assert_eq!(toggle.text().await.unwrap(), "Hide");
    toggle.click().await.unwrap();
    assert_eq!(browser.client.execute(kind, vec![]).await.unwrap().as_str(), Some("password"));
    assert_eq!(toggle.text().await.unwrap(), "Show");
    browser.close().await;
}

#[tokio::test]
async fn refresh_swaps_the_captcha_image_and_keeps_what_was_typed() {
    let wiki = TestWiki::shared("captcha");
    let app = spawn_app(&wiki.api).await;
    let browser = Browser::start().await;
    browser.client.goto(&format!("{}/", app.address)).await.unwrap();
    browser.wait_for_heading("Create account").await;
    let name = unique_name("Swapped");
    browser.type_into("username", &name).await;
    browser.type_into("password", crate::helpers::PASSWORD).await;
    let image = "return document.querySelector('img.challenge').getAttribute('src')";
    let before = browser.client.execute(image, vec![]).await.unwrap();
    browser.client.find(Locator::Css("button.refresh")).await.unwrap().click().await.unwrap();
    let mut after = before.clone();
    for _ in 0..50 {
        after = browser.client.execute(image, vec![]).await.unwrap();
        if after != before {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_ne!(after, before, "the image was not swapped");
    // In place: the page was not drawn again, so even the password stays.
    let password = "return document.getElementById('f-password').value";
    assert_eq!(browser.client.execute(password, vec![]).await.unwrap().as_str(), Some(crate::helpers::PASSWORD));
    let loaded = "const i = document.querySelector('img.challenge'); return i.complete && i.naturalWidth > 0";
    for _ in 0..50 {
        if browser.client.execute(loaded, vec![]).await.unwrap().as_bool() == Some(true) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(browser.client.execute(loaded, vec![]).await.unwrap().as_bool(), Some(true));
    // The wiki takes the answer to the new image.
    browser.type_into("retype", crate::helpers::PASSWORD).await;
    browser.type_into("captchaWord", &format!("wikiwiki{}", char::from(Key::Enter))).await;
    browser.wait_for_heading(&format!("Welcome, {name}")).await;
    browser.close().await;
}

/// Evaluates `script` in the page shown.
async fn eval(browser: &Browser, script: &str) -> serde_json::Value {
    browser.client.execute(script, vec![]).await.unwrap()
}

#[tokio::test]
async fn in_thai_the_wikis_words_a_marked_refusal_and_a_welcome_that_fits_a_phone_and_survives_a_reload() {
    let wiki = TestWiki::shared("plain");
    let app = spawn_app(&wiki.api).await;
    let asked = wiki.query(&[("meta", "allmessages"), ("ammessages", "badretype"), ("amlang", "th")]).await;
    let badretype = asked["query"]["allmessages"][0]["content"].as_str().unwrap().to_owned();
    let browser = Browser::start().await;
    browser.client.set_window_size(360, 740).await.unwrap();
    browser.client.goto(&format!("{}/?uselang=th", app.address)).await.unwrap();
    browser.wait_for_element("h1").await;

    // Two passwords that differ: the wiki's own Thai words for it.
    browser.type_into("password", crate::helpers::PASSWORD).await;
    browser.type_into("retype", &format!("another{}", char::from(Key::Tab))).await;
    browser.wait_for_text("#c-retype", &badretype).await;

    // A taken name: the refusal marks the field, which takes the focus.
    browser.type_into("username", "Admin").await;
    let retype = browser.client.find(Locator::Css("#f-retype")).await.unwrap();
    retype.clear().await.unwrap();
    retype.send_keys(crate::helpers::PASSWORD).await.unwrap();
    browser.client.find(Locator::Css("button.primary")).await.unwrap().click().await.unwrap();
    browser.wait_for_element(".notice.error").await;
    let marked = eval(&browser, "return document.querySelector('#f-username').getAttribute('aria-invalid')").await;
    assert_eq!(marked.as_str(), Some("true"), "the field in error is not marked");
    let described =
        eval(&browser, "return document.querySelector('#f-username').getAttribute('aria-describedby')").await;
    assert!(described.as_str().is_some_and(|d| d.contains("notice")), "{described}");
    let focused = eval(&browser, "return document.activeElement.name").await;
    assert_eq!(focused.as_str(), Some("username"), "the field in error does not have the focus");

    // A name as long as the wiki allows (85 characters): the welcome page
    // fits the phone, leads on to logging in, and survives a reload.
    let mut name = unique_name("Long");
    while name.chars().count() < 85 {
        name.push('a');
    }
    let username = browser.client.find(Locator::Css("#f-username")).await.unwrap();
    username.clear().await.unwrap();
    username.send_keys(&name).await.unwrap();
    for field in ["password", "retype"] {
        browser.type_into(field, crate::helpers::PASSWORD).await;
    }
    browser.client.find(Locator::Css("button.primary")).await.unwrap().click().await.unwrap();
    browser.wait_for_element("body[data-created]").await;
    let fits = eval(&browser, "return document.documentElement.scrollWidth <= window.innerWidth").await;
    assert_eq!(fits.as_bool(), Some(true), "an 85-character name widens the page past a phone's screen");
    let login = eval(&browser, "return document.querySelector('a.button.primary').href").await;
    assert!(
        login.as_str().is_some_and(|l| l.contains("Special%3AUserLogin") || l.contains("Special:UserLogin")),
        "{login}"
    );
    browser.client.refresh().await.unwrap();
    browser.wait_for_element("body[data-created]").await;
    assert!(browser.text("h1").await.contains(&name[..20]), "the welcome page did not survive a reload");
    browser.close().await;
}

#[tokio::test]
async fn the_welcome_page_is_photographed_in_spanish_and_japanese() {
    let wiki = TestWiki::shared("plain");
    let app = spawn_app(&wiki.api).await;
    let browser = Browser::start().await;
    for language in ["es", "ja"] {
        browser.client.goto(&format!("{}/?uselang={language}", app.address)).await.unwrap();
        browser.wait_for_element("#f-username").await;
        browser.type_into("username", &unique_name(&format!("Photo {language}"))).await;
        for field in ["password", "retype"] {
            browser.type_into(field, crate::helpers::PASSWORD).await;
        }
        browser.client.find(Locator::Css("button.primary")).await.unwrap().click().await.unwrap();
        browser.wait_for_element("body[data-created]").await;
        let lang = eval(&browser, "return document.documentElement.lang").await;
        assert_eq!(lang.as_str(), Some(language));
        browser.photograph(&format!("{language}-welcome")).await;
    }
    browser.close().await;
}
