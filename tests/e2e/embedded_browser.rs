//! The portal inside an event site's page, in headless Chromium: the event
//! page is served on one site (`http://localhost:PORT`, a stub) and frames
//! the portal on another (`http://127.0.0.1:PORT`), against the real
//! CAPTCHA test wiki.

use std::time::Duration;

use fantoccini::Locator;
use wiremock::matchers::path;
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::browser::Browser;
use crate::helpers::{PASSWORD, TestApp, TestWiki, spawn_app, unique_name};

/// The test-bed's FancyCaptcha images all read this.
const CAPTCHA_ANSWER: &str = "wikiwiki";

/// An event site on `localhost`, and the portal on `127.0.0.1` that it may
/// frame. The site's pages are given by `pages(portal_address)`.
async fn event_site_and_portal(
    wiki: &TestWiki,
    pages: impl Fn(&str) -> Vec<(&'static str, String)>,
) -> (MockServer, String, TestApp) {
    event_site_and_portal_with(wiki, &[], pages).await
}

/// As [`event_site_and_portal`], the portal started with `args` too.
async fn event_site_and_portal_with(
    wiki: &TestWiki,
    args: &[&str],
    pages: impl Fn(&str) -> Vec<(&'static str, String)>,
) -> (MockServer, String, TestApp) {
    let site = MockServer::start().await;
    let site_origin = format!("http://localhost:{}", site.address().port());
    let ancestors = format!("'self' {site_origin}");
    let app = spawn_app(&wiki.api).args(&["--frame-ancestors", &ancestors]).args(args).await;
    for (page, html) in pages(&app.address) {
        Mock::given(path(page))
            .respond_with(ResponseTemplate::new(200).set_body_raw(html, "text/html; charset=utf-8"))
            .mount(&site)
            .await;
    }
    (site, site_origin, app)
}

/// The event page's own script: what it heard from the portal's frame.
const LISTENER: &str = r#"<script>
window.created = []; window.heights = [];
document.addEventListener("wikisignup:created", function (e) { window.created.push(e.detail.username); });
window.addEventListener("message", function (e) {
  if (e.data && e.data.type === "wikisignup:height") window.heights.push(e.data.height);
  if (e.data && e.data.type === "wikisignup:created" && !document.querySelector("[data-wikisignup]"))
    window.created.push(e.data.username);
});
</script>"#;

fn embed_page(portal: &str) -> String {
    format!(
        "<!DOCTYPE html><title>Edit-a-thon</title><h1>Our edit-a-thon</h1>{LISTENER}\
         <div data-wikisignup data-returnto=\"Event_page\"></div>\
         <script src=\"{portal}/embed.js\" async></script>"
    )
}

fn plain_page(portal: &str) -> String {
    format!(
        "<!DOCTYPE html><title>Edit-a-thon</title><h1>Our edit-a-thon</h1>{LISTENER}\
         <iframe src=\"{portal}/\" title=\"Create an account\" style=\"width:100%;height:46rem;border:0\"></iframe>"
    )
}

async fn eval(browser: &Browser, script: &str) -> serde_json::Value {
    browser.client.execute(script, vec![]).await.unwrap()
}

/// Waits for the event page's frame of the portal, and enters it.
async fn enter_the_frame(browser: &Browser) {
    for _ in 0..100 {
        if let Ok(frame) = browser.client.find(Locator::Css("iframe")).await {
            frame.enter_frame().await.unwrap();
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("no frame on the event page");
}

/// Waits until the event page's `expression` is true.
async fn wait_in_page(browser: &Browser, expression: &str) {
    for _ in 0..100 {
        if eval(browser, &format!("return !!({expression})")).await.as_bool() == Some(true) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("never true on the event page: {expression}");
}

/// Inside the frame: a CAPTCHA sign-up, a wrong answer first.
async fn sign_up_in_the_frame(browser: &Browser, name: &str) {
    browser.wait_for_heading("Create account").await;
    let loaded =
        eval(browser, "const i = document.querySelector('img.challenge'); return i.complete && i.naturalWidth > 0")
            .await;
    assert_eq!(loaded.as_bool(), Some(true), "the CAPTCHA image did not load in the frame");
    browser.type_into("username", name).await;
    for (field, value) in [("password", PASSWORD), ("retype", PASSWORD), ("captchaWord", "wrong")] {
        browser.type_into(field, value).await;
    }
    browser.client.find(Locator::Css("button.primary")).await.unwrap().click().await.unwrap();
    browser.wait_for_text(".notice.error", "CAPTCHA").await;
    // The form came back in the frame, with what was typed (no passwords).
    let kept = browser.client.find(Locator::Css("[name=username]")).await.unwrap().prop("value").await.unwrap();
    assert_eq!(kept.as_deref(), Some(name));
    for (field, value) in [("password", PASSWORD), ("retype", PASSWORD), ("captchaWord", CAPTCHA_ANSWER)] {
        browser.type_into(field, value).await;
    }
    browser.client.find(Locator::Css("button.primary")).await.unwrap().click().await.unwrap();
    browser.wait_for_heading(&format!("Welcome, {name}")).await;
}

#[tokio::test]
async fn an_event_page_embeds_the_sign_up_with_one_script() {
    let wiki = TestWiki::shared("captcha");
    let (_site, site_origin, _app) = event_site_and_portal(wiki, |portal| vec![("/event", embed_page(portal))]).await;
    let browser = Browser::start().await;
    browser.client.goto(&format!("{site_origin}/event")).await.unwrap();
    // embed.js made the frame and sized it to the form.
    wait_in_page(&browser, "parseInt(document.querySelector('iframe').style.height) > 300").await;
    let form_height = eval(&browser, "return parseInt(document.querySelector('iframe').style.height)").await;

    enter_the_frame(&browser).await;
    let name = unique_name("Embedded");
    sign_up_in_the_frame(&browser, &name).await;
    browser.client.enter_parent_frame().await.unwrap();

    // The event page heard of the account, and the frame followed the
    // welcome page's height.
    wait_in_page(&browser, "window.created.length > 0").await;
    assert_eq!(eval(&browser, "return window.created").await, serde_json::json!([name]));
    wait_in_page(&browser, &format!("parseInt(document.querySelector('iframe').style.height) != {form_height}")).await;
    assert!(wiki.user(&name).await.is_some(), "no account {name} on the wiki");
    browser.close().await;
}

#[tokio::test]
async fn an_events_own_script_embeds_the_events_sign_up() {
    let wiki = TestWiki::shared("captcha");
    let file = std::env::temp_dir().join(format!("wikisignup-embed-{}.toml", unique_name("e").replace(' ', "-")));
    std::fs::write(&file, "[[event]]\nslug = \"embedded\"\ntitle = \"Embedded Edit-a-thon\"\n").unwrap();
    let event_page = |portal: &str| embed_page(&format!("{portal}/e/embedded"));
    let (_site, site_origin, _app) =
        event_site_and_portal_with(wiki, &["--config", file.to_str().unwrap()], |portal| {
            vec![("/event", event_page(portal))]
        })
        .await;
    let browser = Browser::start().await;
    browser.client.goto(&format!("{site_origin}/event")).await.unwrap();
    wait_in_page(&browser, "parseInt(document.querySelector('iframe').style.height) > 300").await;
    let src = eval(&browser, "return document.querySelector('iframe').src").await;
    assert!(src.as_str().unwrap().contains("/e/embedded/?returnto="), "{src}");
    enter_the_frame(&browser).await;
    assert_eq!(browser.text(".event-title").await, "Embedded Edit-a-thon");
    let name = unique_name("EmbeddedEvent");
    sign_up_in_the_frame(&browser, &name).await;
    browser.client.enter_parent_frame().await.unwrap();
    wait_in_page(&browser, "window.created.length > 0").await;
    assert!(wiki.user(&name).await.is_some(), "no account {name} on the wiki");
    browser.close().await;
    std::fs::remove_file(file).unwrap();
}

#[tokio::test]
async fn a_plain_iframe_works_too() {
    let wiki = TestWiki::shared("captcha");
    let (_site, site_origin, _app) = event_site_and_portal(wiki, |portal| vec![("/plain", plain_page(portal))]).await;
    let browser = Browser::start().await;
    browser.client.goto(&format!("{site_origin}/plain")).await.unwrap();
    enter_the_frame(&browser).await;
    let name = unique_name("Framed");
    sign_up_in_the_frame(&browser, &name).await;
    browser.client.enter_parent_frame().await.unwrap();
    // Without embed.js the page still hears the messages, if it listens.
    wait_in_page(&browser, "window.created.length > 0 && window.heights.length > 1").await;
    assert_eq!(eval(&browser, "return window.created").await, serde_json::json!([name]));
    assert!(wiki.user(&name).await.is_some(), "no account {name} on the wiki");
    browser.close().await;
}

#[tokio::test]
async fn another_sites_auto_submitting_form_neither_signs_up_nor_plants_values() {
    let wiki = TestWiki::shared("captcha");
    let planted = unique_name("Planted");
    let in_page = planted.clone();
    let attack = move |portal: &str| {
        let planted = &in_page;
        let form = format!(
            "<!DOCTYPE html><form id=f method=post action=\"{portal}/\">\
             <input name=username value=\"{planted}\"><input name=email value=\"evil@example.org\">\
             <input name=password value=\"Attacker-Pass-1\"><input name=retype value=\"Attacker-Pass-1\">\
             <input name=captchaWord value=\"{CAPTCHA_ANSWER}\"></form><script>document.getElementById('f').submit()</script>"
        );
        vec![("/attack", form)]
    };
    let (_site, site_origin, app) = event_site_and_portal(wiki, attack).await;
    let browser = Browser::start().await;
    // The visitor has the portal's form open (its cookie is in the browser).
    browser.client.goto(&format!("{}/", app.address)).await.unwrap();
    browser.wait_for_heading("Create account").await;
    // Another site posts to the portal in the visitor's browser.
    browser.client.goto(&format!("{site_origin}/attack")).await.unwrap();
    browser.wait_for_text(".notice", "another site").await;
    let source = browser.client.source().await.unwrap();
    assert!(!source.contains("Planted") && !source.contains("evil@example.org"), "{source}");
    // The visitor's own form holds nothing of it, and no account was made.
    browser.client.goto(&format!("{}/", app.address)).await.unwrap();
    browser.wait_for_heading("Create account").await;
    let typed = eval(
        &browser,
        "return [...document.querySelectorAll('input[name=username], input[name=email]')].map(i => i.value)",
    )
    .await;
    assert_eq!(typed, serde_json::json!(["", ""]));
    assert!(wiki.user(&planted).await.is_none(), "the forged post made an account");
    browser.close().await;
}

#[tokio::test]
async fn a_browser_that_blocks_the_frames_cookie_is_offered_a_new_tab_that_works() {
    let wiki = TestWiki::shared("captcha");
    let (site, site_origin, app) = event_site_and_portal(wiki, |portal| vec![("/event", embed_page(portal))]).await;
    // Cookies of the portal are blocked while it is framed by the event
    // site (partitioned or not); the portal's own tab keeps them.
    let portal_port = app.address.rsplit(':').next().unwrap();
    let rule = format!("http://127.0.0.1:{portal_port},http://localhost:{}", site.address().port());
    let prefs = serde_json::json!({
        "profile.content_settings.exceptions.cookies": { rule: { "setting": 2 } },
    });
    let browser = Browser::with_prefs(prefs).await;
    browser.client.goto(&format!("{site_origin}/event")).await.unwrap();
    enter_the_frame(&browser).await;
    browser.wait_for_heading("Create account").await;
    let name = unique_name("Tabbed");
    for (field, value) in
        [("username", name.as_str()), ("password", PASSWORD), ("retype", PASSWORD), ("captchaWord", "x")]
    {
        browser.type_into(field, value).await;
    }
    browser.client.find(Locator::Css("button.primary")).await.unwrap().click().await.unwrap();
    browser.wait_for_heading("in a tab of its own").await;

    let link = browser.client.find(Locator::Css("a[target=_blank]")).await.unwrap();
    assert_eq!(link.attr("href").await.unwrap().as_deref(), Some("/?returnto=Event_page"));
    let tabs_before = browser.client.windows().await.unwrap();
    link.click().await.unwrap();
    let mut tabs = browser.client.windows().await.unwrap();
    for _ in 0..50 {
        if tabs.len() > tabs_before.len() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
        tabs = browser.client.windows().await.unwrap();
    }
    let new_tab = tabs.into_iter().find(|t| !tabs_before.contains(t)).expect("a new tab");
    browser.client.switch_to_window(new_tab).await.unwrap();
    let name = unique_name("Tabbed");
    sign_up_in_the_frame(&browser, &name).await;
    assert!(wiki.user(&name).await.is_some(), "no account {name} on the wiki");
    browser.close().await;
}

/// Where the browser does not say who frames the page (Firefox has no
/// `location.ancestorOrigins`), the frame's messages go to each origin that
/// may frame it, never to `*`.
#[tokio::test]
async fn the_frames_messages_go_only_to_origins_that_may_frame_it() {
    let wiki = TestWiki::shared("captcha");
    let (_site, site_origin, app) = event_site_and_portal(wiki, |portal| vec![("/plain", plain_page(portal))]).await;
    let browser = Browser::start().await;
    browser.client.goto(&format!("{site_origin}/plain")).await.unwrap();
    // The event page, of an allowed origin, hears the frame.
    wait_in_page(&browser, "window.heights.length > 0").await;

    enter_the_frame(&browser).await;
    browser.wait_for_heading("Create account").await;
    let named = eval(&browser, "return frameTargets(window.location.ancestorOrigins)").await;
    assert_eq!(named, serde_json::json!([site_origin]));
    let unnamed = eval(&browser, "return frameTargets(undefined)").await;
    assert_eq!(unnamed, serde_json::json!([app.address, site_origin]), "messages would go elsewhere");
    let script = include_str!("../../static/signup.js");
    assert!(!script.contains("\"*\"") && !script.contains("'*'"), "signup.js names the target *");
}
