//! A wiki that costs nothing: answers every query with one captured
//! `authmanagerinfo` response (and the question of the site's words with a
//! captured `siteinfo|allmessages` one), and every `createaccount` with
//! PASS for the name posted. The benchmark's upstream baseline.
//!
//!   cargo run --release --example stub_wiki -- 127.0.0.1:9000 [ANSWER.json]
//!
//! With ANSWER.json, its queries are answered with that file instead (the
//! benchmark's comparison with the published Flask example, which expects
//! a CAPTCHA, uses the captured CAPTCHA wiki's answer).

use actix_web::{App, HttpResponse, HttpServer, web};

const ANSWER: &str = include_str!("../tests/fixtures/plain-authmanagerinfo.json");
const SITE_WORDS: &str = include_str!("../tests/fixtures/plain-site-words.json");

fn json(body: String) -> HttpResponse {
    HttpResponse::Ok().content_type("application/json; charset=utf-8").body(body)
}

async fn create_account(form: web::Form<Vec<(String, String)>>) -> HttpResponse {
    let username = form.iter().find(|(k, _)| k == "username").map_or("", |(_, v)| v.as_str());
    json(serde_json::json!({ "createaccount": { "status": "PASS", "username": username } }).to_string())
}

#[actix_web::main]
async fn main() -> std::io::Result<()> {
    let listen = std::env::args().nth(1).unwrap_or_else(|| "127.0.0.1:9000".into());
    let answer: &'static str = match std::env::args().nth(2) {
        Some(path) => Box::leak(std::fs::read_to_string(path)?.into_boxed_str()),
        None => ANSWER,
    };
    HttpServer::new(move || {
        App::new().route("/w/api.php", web::post().to(create_account)).default_service(web::to(
            move |req: actix_web::HttpRequest| {
                let site_words = req.query_string().contains("allmessages");
                let body = if site_words { SITE_WORDS } else { answer };
                async move { json(body.to_owned()) }
            },
        ))
    })
    .bind(listen)?
    .run()
    .await
}
