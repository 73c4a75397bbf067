//! CAPTCHAs only their service's script can show (hCaptcha here), against
//! a real wiki with ConfirmEdit's hCaptcha module and hCaptcha's published
//! test keys, verified by the test-bed's stand-in for hCaptcha's service.

use crate::helpers::{PASSWORD, TestWiki, Visitor, spawn_app, unique_name};

/// hCaptcha's published test response, which its test site key accepts.
const TEST_RESPONSE: &str = "10000000-aaaa-bbbb-cccc-000000000001";

#[tokio::test]
async fn without_its_widget_the_visitor_is_sent_to_the_wikis_own_page_with_returnto_campaign_and_language() {
    let wiki = TestWiki::shared("hcaptcha");
    let app = spawn_app(&wiki.api).args(&["--language", "de"]).await;
    let page = Visitor::new(&app).get("/?returnto=Project:Meetup&campaign=spring").await;
    assert_eq!(page.status, 200);
    assert!(page.text("h1").contains("sign up on the wiki's own page"), "{}", page.html);
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
