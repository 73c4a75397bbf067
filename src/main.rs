use wikisignup::config::Settings;
use wikisignup::startup::Application;

#[actix_web::main]
async fn main() -> std::process::ExitCode {
    let settings = match Settings::load() {
        Ok(settings) => settings,
        Err(e) => {
            eprintln!("wikisignup: {e}");
            return std::process::ExitCode::from(2);
        }
    };
    wikisignup::telemetry::init(settings.log_json);
    if settings.contact.is_none() {
        tracing::warn!("no --contact set: wikis such as Wikimedia's ask for one in the User-Agent");
    }
    let listen = settings.listen;
    let wiki = settings.wiki_api.to_string();
    let app = match Application::build(settings).await {
        Ok(app) => app,
        Err(e) => {
            eprintln!("wikisignup: {e}");
            return std::process::ExitCode::from(1);
        }
    };
    tracing::info!(%listen, %wiki, "serving the sign-up page");
    match app.run_until_stopped().await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("wikisignup: {e}");
            std::process::ExitCode::from(1)
        }
    }
}
