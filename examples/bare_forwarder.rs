//! The least a portal on this stack can do per form page: an actix-web
//! handler that asks the wiki once through one shared reqwest client and
//! answers with the wiki's bytes. No session, no parsing, no template.
//! The benchmark's ceiling for the portal: whatever the portal does on top
//! shows up as the distance between the two.
//!
//!   cargo run --release --example bare_forwarder -- 127.0.0.1:9001 http://127.0.0.1:9000/w/api.php

use actix_web::{App, HttpResponse, HttpServer, web};

#[actix_web::main]
async fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let (Some(listen), Some(upstream)) = (args.next(), args.next()) else {
        eprintln!("usage: bare_forwarder LISTEN UPSTREAM_URL");
        std::process::exit(2);
    };
    let client = reqwest::Client::new();
    HttpServer::new(move || {
        let (client, upstream) = (client.clone(), upstream.clone());
        App::new().default_service(web::to(move || {
            let (client, upstream) = (client.clone(), upstream.clone());
            async move {
                let body = async { client.get(&upstream).send().await?.bytes().await };
                match body.await {
                    Ok(body) => HttpResponse::Ok().content_type("text/html; charset=utf-8").body(body),
                    Err(_) => HttpResponse::BadGateway().finish(),
                }
            }
        }))
    })
    .bind(listen)?
    .run()
    .await
}
