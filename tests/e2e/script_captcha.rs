//! CAPTCHAs only their service's script can show (hCaptcha here), against
//! a real wiki with ConfirmEdit's hCaptcha module and hCaptcha's published
//! test keys, verified by the test-bed's stand-in for hCaptcha's service.

use fantoccini::Locator;

use crate::browser::Browser;
use crate::helpers::{PASSWORD, TestWiki, Visitor, spawn_app, unique_name};

/// hCaptcha's published test response, which its test site key accepts.
const TEST_RESPONSE: &str = "10000000-aaaa-bbbb-cccc-000000000001";

#[tokio::test]
async fn without_its_widget_the_visitor_is_sent_to_the_wikis_own_page_with_returnto_campaign_and_language() {
    let wiki = TestWiki::shared("hcaptcha");
    let app = spawn_app(&wiki.api).args(&["--language", "de"]).await;
    let page = Visitor::new(&app).get("/?returnto=Project:Meetup&campaign=spring").await;
    assert_eq!(page.status, 200);
    // In German, as asked (the catalogue's German).
    assert!(page.text("h1").contains("auf der Seite des Wikis selbst"), "{}", page.html);
    let link = page.attr("a.button", "href").unwrap();
    assert!(link.starts_with(wiki.api.trim_end_matches("api.php")), "{link}");
    for carried in ["title=Special%3ACreateAccount", "returnto=Project%3AMeetup", "campaign=spring", "uselang=de"] {
        assert!(link.contains(carried), "{carried} is not in {link}");
    }
    // The link works: the wiki's own sign-up page answers it.
    let own_page = reqwest::get(link.replace("&amp;", "&")).await.unwrap();
    assert_eq!(own_page.status(), 200);
    assert!(page.attr("input[name=username]", "name").is_none(), "a form was shown anyway");
}

#[tokio::test]
async fn with_its_widget_the_widgets_response_signs_up_and_a_wrong_one_is_refused() {
    let wiki = TestWiki::shared("hcaptcha");
    let app = spawn_app(&wiki.api).args(&["--captcha-widgets", "hcaptcha"]).await;
    let visitor = Visitor::new(&app);
    let form = visitor.get("/").await;
    assert_eq!(form.attr("div.h-captcha", "data-sitekey").as_deref(), Some("10000000-ffff-ffff-ffff-000000000001"));
    assert_eq!(form.attr("script[async]", "src").as_deref(), Some("https://js.hcaptcha.com/1/api.js"));
    let csp = visitor.headers("/").await["content-security-policy"].to_str().unwrap().to_owned();
    assert!(csp.contains("script-src 'self' https://js.hcaptcha.com") && csp.contains("frame-src"), "{csp}");
    assert!(form.text("noscript").contains("needs JavaScript"), "{}", form.html);

    let name = unique_name("Widget");
    let typed = [("username", name.as_str()), ("password", PASSWORD), ("retype", PASSWORD)];
    let wrong = visitor.submit(&form, &[&typed[..], &[("h-captcha-response", "not-a-token")]].concat()).await;
    assert!(!wrong.text(".notice.error").is_empty(), "{}", wrong.html);
    assert!(wiki.user(&name).await.is_none());
    let done = visitor.submit(&wrong, &[&typed[..], &[("h-captcha-response", TEST_RESPONSE)]].concat()).await;
    assert!(done.url.ends_with("/welcome"), "{}", done.html);
    assert!(wiki.user(&name).await.is_some());
    // Only the page with the widget lets its service in.
    let welcome_csp =
        visitor.headers("/static/style.css").await["content-security-policy"].to_str().unwrap().to_owned();
    assert!(!welcome_csp.contains("hcaptcha"), "{welcome_csp}");
}

#[tokio::test]
async fn a_wiki_that_switches_captchas_between_two_forms_is_followed() {
    let wiki = TestWiki::private("captcha", &["captcha-switching.php"]);
    let app = spawn_app(&wiki.api).args(&["--captcha-widgets", "hcaptcha"]).await;
    let visitor = Visitor::new(&app);
    let name = unique_name("Switched");
    let typed = [("username", name.as_str()), ("password", PASSWORD), ("retype", "not the same")];

    // First form: FancyCaptcha, an image through the portal.
    let first = visitor.get("/").await;
    assert_eq!(first.images().len(), 1, "{}", first.html);
    assert!(first.attr("div.h-captcha", "data-sitekey").is_none());
    let refused = visitor.submit(&first, &[&typed[..], &[("captchaWord", "wikiwiki")]].concat()).await;
    // The next form comes from a new answer: hCaptcha now.
    assert!(refused.images().is_empty(), "{}", refused.html);
    assert!(refused.attr("div.h-captcha", "data-sitekey").is_some(), "{}", refused.html);
    let typed = [("username", name.as_str()), ("password", PASSWORD), ("retype", PASSWORD)];
    let done = visitor.submit(&refused, &[&typed[..], &[("h-captcha-response", TEST_RESPONSE)]].concat()).await;
    assert!(done.url.ends_with("/welcome"), "{}", done.html);
    assert!(wiki.user(&name).await.is_some());
}

/// A stand-in for hCaptcha's script, served on loopback: it renders each
/// `.h-captcha` element as a check box that, once ticked, fills in the
/// response field hCaptcha's widget fills in, with the test response.
async fn stub_widget() -> wiremock::MockServer {
    let script = format!(
        r#"for (const box of document.querySelectorAll('.h-captcha')) {{
             const tick = document.createElement('input');
             tick.type = 'checkbox'; tick.id = 'stub-human'; tick.setAttribute('aria-label', 'I am human');
             const answer = document.createElement('textarea');
             answer.name = 'h-captcha-response'; answer.hidden = true;
             tick.addEventListener('change', () => {{ answer.value = tick.checked ? '{TEST_RESPONSE}' : ''; }});
             box.append(tick, answer);
           }}"#
    );
    let server = wiremock::MockServer::start().await;
    wiremock::Mock::given(wiremock::matchers::path("/1/api.js"))
        .respond_with(wiremock::ResponseTemplate::new(200).set_body_raw(script, "text/javascript"))
        .mount(&server)
        .await;
    server
}

#[tokio::test]
async fn in_a_browser_the_widget_is_solved_and_the_sign_up_completes() {
    let wiki = TestWiki::shared("hcaptcha");
    let widget = stub_widget().await;
    let script = format!("{}/1/api.js", widget.uri());
    let app = spawn_app(&wiki.api).args(&["--captcha-widgets", "hcaptcha", "--hcaptcha-script", &script]).await;
    let browser = Browser::start().await;
    let name = unique_name("Widget Browser");

    browser.client.goto(&format!("{}/", app.address)).await.unwrap();
    browser.wait_for_heading("Create account").await;
    // The page's CSP let the widget's script in (and only on this page).
    let tick = browser.client.wait().for_element(Locator::Css("#stub-human")).await.expect("the widget rendered");
    browser.type_into("username", &name).await;
    browser.type_into("password", PASSWORD).await;
    browser.type_into("retype", PASSWORD).await;
    tick.click().await.unwrap();
    browser.client.find(Locator::Css("button.primary")).await.unwrap().click().await.unwrap();
    browser.wait_for_heading(&format!("Welcome, {name}")).await;
    assert!(wiki.user(&name).await.is_some());
    browser.close().await;
}

#[tokio::test]
async fn in_a_browser_without_the_widget_the_button_leads_to_the_wikis_own_sign_up_page() {
    let wiki = TestWiki::shared("hcaptcha");
    let app = spawn_app(&wiki.api).await;
    let browser = Browser::start().await;
    browser.client.goto(&format!("{}/?returnto=Project:Meetup&campaign=spring", app.address)).await.unwrap();
    browser.wait_for_heading("sign up on the wiki's own page").await;
    browser.client.find(Locator::Css("a.button")).await.unwrap().click().await.unwrap();
    for _ in 0..100 {
        let url = browser.client.current_url().await.unwrap();
        if url.as_str().starts_with(wiki.api.trim_end_matches("api.php")) {
            let pairs: Vec<(String, String)> = url.query_pairs().map(|(k, v)| (k.into(), v.into())).collect();
            for carried in [("title", "Special:CreateAccount"), ("returnto", "Project:Meetup"), ("campaign", "spring")]
            {
                assert!(pairs.contains(&(carried.0.into(), carried.1.into())), "{carried:?} not in {url}");
            }
            // The wiki's own form, which can show its CAPTCHA.
            browser.client.wait().for_element(Locator::Css("form[name=userlogin2] input[name=wpName]")).await.unwrap();
            browser.close().await;
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("the button did not lead to the wiki");
}
