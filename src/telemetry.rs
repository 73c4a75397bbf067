//! Logging: tracing to stdout, as text or JSON lines; `RUST_LOG` filters.

use tracing_subscriber::EnvFilter;

/// Libraries that would log cookie or header values at debug or trace
/// level are held at `warn`, whatever `RUST_LOG` asks: secrets never reach
/// the log.
const QUIET: [&str; 4] = ["cookie_store=warn", "reqwest=warn", "hyper=warn", "hyper_util=warn"];

pub fn init(json: bool) {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    let filter = QUIET.iter().fold(filter, |f, d| f.add_directive(d.parse().expect("a valid directive")));
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_target(false);
    if json {
        builder.json().init();
    } else {
        builder.init();
    }
}
