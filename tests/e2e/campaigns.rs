//! `?campaign=NAME` on the portal's link, as Special:CreateAccount takes it:
//! sent to the wiki when it describes a `campaign` field (the test-bed's
//! TestCampaign extension logs what each sign-up sent), dropped silently
//! when it does not.

use crate::helpers::{PASSWORD, TestWiki, Visitor, spawn_app, unique_name};

async fn sign_up(visitor: &Visitor, first_page: &str, name: &str) -> crate::helpers::Page {
    let form = visitor.get(first_page).await;
    assert_eq!(form.status, 200, "{}", form.html);
    visitor.submit(&form, &[("username", name), ("password", PASSWORD), ("retype", PASSWORD)]).await
}

#[tokio::test]
async fn the_links_campaign_reaches_the_wiki_when_it_describes_one() {
    let wiki = TestWiki::private("plain", &["campaign.php"]);
    let app = spawn_app(&wiki.api).await;
    let visitor = Visitor::new(&app);
    let form = visitor.get("/?campaign=spring-edit-a-thon").await;
    assert!(form.html.contains(r#"type="hidden" name="campaign" value="spring-edit-a-thon""#), "{}", form.html);
    assert!(form.attr("input[type=text][name=campaign]", "name").is_none(), "the campaign is a box to fill in");

    let name = unique_name("Campaigner");
    let done = sign_up(&visitor, "/", &name).await;
    assert!(done.url.ends_with("/welcome"), "{}", done.html);
    let other = unique_name("NoCampaign");
    let done = sign_up(&Visitor::new(&app), "/", &other).await;
    assert!(done.url.ends_with("/welcome"), "{}", done.html);

    let log = std::fs::read_to_string(wiki.dir.join("campaign.log")).unwrap();
    assert!(log.lines().any(|l| l == format!("{name}\tspring-edit-a-thon")), "{log}");
    assert!(log.lines().any(|l| l == format!("{other}\t")), "{log}");
}

#[tokio::test]
async fn a_campaign_is_dropped_silently_where_the_wiki_takes_none() {
    let wiki = TestWiki::shared("plain");
    let app = spawn_app(&wiki.api).await;
    let name = unique_name("Uncampaigned");
    let done = sign_up(&Visitor::new(&app), "/?campaign=spring-edit-a-thon", &name).await;
    assert!(done.url.ends_with("/welcome"), "{}", done.html);
    assert!(wiki.user(&name).await.is_some());
}
