//! A wiki that costs nothing: answers every request with one captured
//! `authmanagerinfo` response. The benchmark's upstream baseline.
//!
//!   cargo run --release --example stub_wiki -- 127.0.0.1:9000

use actix_web::{App, HttpResponse, HttpServer, web};

const ANSWER: &str = include_str!("../tests/fixtures/plain-authmanagerinfo.json");

#[actix_web::main]
async fn main() -> std::io::Result<()> {
    let listen = std::env::args().nth(1).unwrap_or_else(|| "127.0.0.1:9000".into());
    HttpServer::new(|| {
        App::new().default_service(web::to(|| async {
            HttpResponse::Ok().content_type("application/json; charset=utf-8").body(ANSWER)
        }))
    })
    .bind(listen)?
    .run()
    .await
}
