use wikisignup::config::Settings;
use wikisignup::startup::Application;

#[actix_web::main]
async fn main() -> std::process::ExitCode {
    // `wikisignup report SLUG [--csv] [settings...]`: an event's report.
    let mut args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("report") {
        let csv = args.iter().any(|a| a == "--csv");
        args.retain(|a| a != "--csv");
        let Some(slug) = args.get(2).cloned() else {
            eprintln!("wikisignup: usage: wikisignup report SLUG [--csv] [--config FILE]");
            return std::process::ExitCode::from(2);
        };
        args.drain(1..3);
        return match Settings::from_args(args) {
            Ok(settings) => match wikisignup::signups::print_report(&settings, &slug, csv).await {
                Ok(()) => std::process::ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("wikisignup: {e}");
                    std::process::ExitCode::from(1)
                }
            },
            Err(e) => {
                eprintln!("wikisignup: {e}");
                std::process::ExitCode::from(2)
            }
        };
    }
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
