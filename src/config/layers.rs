//! The layers: the command line and the environment win over the settings
//! file (`--config`), the file over the defaults. The file's values are
//! read as if given on the command line, so one parser, one set of types
//! and one set of messages serve all three; each `[[event]]` table is read
//! the same way into the settings of one page ([`PageArgs`]).

use std::path::Path;

use clap::parser::ValueSource;
use clap::{ArgMatches, Args, Command, CommandFactory};

use super::declared::{Declared, PageArgs};
use super::errors::{ConfigError, LoadError, bad};
use crate::signup::Slug;

/// A settings file: its top-level settings and its `[[event]]` tables.
pub(super) struct SettingsFile {
    pub settings: toml::Table,
    pub events: Vec<toml::Table>,
}

pub(super) fn read_file(path: &Path) -> Result<SettingsFile, ConfigError> {
    let text =
        std::fs::read_to_string(path).map_err(|e| bad("config", format!("cannot read {}: {e}", path.display())))?;
    let mut settings: toml::Table =
        text.parse().map_err(|e: toml::de::Error| bad("config", format!("{}: {}", path.display(), e.message())))?;
    let events = match settings.remove("event") {
        None => Vec::new(),
        Some(toml::Value::Array(tables)) => tables
            .into_iter()
            .map(|t| match t {
                toml::Value::Table(table) => Ok(table),
                _ => Err(bad("event", "must be [[event]] tables")),
            })
            .collect::<Result<_, _>>()?,
        Some(_) => return Err(bad("event", "must be [[event]] tables")),
    };
    Ok(SettingsFile { settings, events })
}

/// A setting's value in a file, as the command line would give it.
fn file_value(key: &str, value: &toml::Value, path: &Path) -> Result<String, ConfigError> {
    match value {
        toml::Value::String(s) => Ok(s.clone()),
        toml::Value::Integer(i) => Ok(i.to_string()),
        toml::Value::Boolean(b) => Ok(b.to_string()),
        // A list (`organizer_groups = ["sysop", "eventcoordinator"]`) as
        // the command line writes it: comma-separated.
        toml::Value::Array(items) => {
            let items: Result<Vec<String>, ConfigError> = items
                .iter()
                .map(|item| match item {
                    toml::Value::String(s) if !s.contains(',') => Ok(s.clone()),
                    _ => Err(bad(key, format!("must be a list of strings without commas (in {})", path.display()))),
                })
                .collect();
            Ok(items?.join(","))
        }
        _ => Err(bad(key, format!("must be a string, a number, true/false or a list (in {})", path.display()))),
    }
}

/// Whether `command` declares the setting `key`.
fn declares(command: &Command, key: &str) -> bool {
    key != "config" && command.get_arguments().any(|a| a.get_id() == key)
}

/// The file's settings as arguments, for each setting that the command line
/// and environment left at its default.
pub(super) fn file_arguments(path: &Path, table: &toml::Table, given: &ArgMatches) -> Result<Vec<String>, ConfigError> {
    let command = Declared::command();
    let mut args = Vec::new();
    for (key, value) in table {
        if !declares(&command, key) {
            return Err(bad(key, format!("no such setting (in {})", path.display())));
        }
        if !matches!(given.value_source(key), None | Some(ValueSource::DefaultValue)) {
            continue;
        }
        args.push(format!("--{}={}", key.replace('_', "-"), file_value(key, value, path)?));
    }
    Ok(args)
}

/// The settings one page may have, as a command of their own.
fn page_command() -> Command {
    PageArgs::augment_args(Command::new("wikisignup"))
}

/// An event as its `[[event]]` table gives it.
pub(super) struct EventTable {
    pub slug: Slug,
    pub page: PageArgs,
    /// The table gives its own `report_token`, rather than inheriting one.
    pub own_report_token: bool,
}

/// The page settings the portal was given on the command line and in the
/// settings file, which its events take unless they say otherwise (the
/// environment applies by itself). Organizer mode is never inherited: an
/// event names its own `organizer_user`.
pub(super) fn inherited_page_settings(portal: &ArgMatches) -> Vec<(String, String)> {
    let mut given = Vec::new();
    for arg in page_command().get_arguments() {
        let id = arg.get_id().as_str();
        if portal.value_source(id) != Some(ValueSource::CommandLine) || id == "organizer_user" {
            continue;
        }
        for raw in portal.get_raw(id).into_iter().flatten() {
            given.push((id.to_owned(), raw.to_string_lossy().into_owned()));
        }
    }
    given
}

/// An `[[event]]` table's page settings: the portal's `inherited` ones
/// (see [`inherited_page_settings`]), with what the table says instead. A
/// bad one is named by the event and its key.
pub(super) fn event_table(
    number: usize,
    mut table: toml::Table,
    inherited: &[(String, String)],
) -> Result<EventTable, ConfigError> {
    let slug = match table.remove("slug") {
        Some(toml::Value::String(s)) => s.parse::<Slug>().map_err(|e| bad(&format!("event {number}: slug"), e))?,
        _ => return Err(bad(&format!("event {number}: slug"), "is missing: each event needs a slug")),
    };
    let named = |key: &str| format!("event {}: {key}", slug.as_str());
    let command = page_command();
    let mut given: Vec<(String, String)> =
        inherited.iter().filter(|(key, _)| !table.contains_key(key)).cloned().collect();
    let path = Path::new("the settings file");
    for (key, value) in &table {
        if !declares(&command, key) {
            let why = if declares(&Declared::command(), key) {
                "is the portal's, not an event's"
            } else {
                "is no setting of an event"
            };
            return Err(bad(&named(key), why));
        }
        given.push((key.clone(), file_value(key, value, path).map_err(|e| bad(&named(key), e.reason))?));
    }
    let args = std::iter::once("wikisignup".to_owned())
        .chain(given.iter().map(|(key, value)| format!("--{}={value}", key.replace('_', "-"))));
    let matches = command.try_get_matches_from(args).map_err(|e| match LoadError::from_clap(e) {
        LoadError::Invalid(e) => bad(&named(&e.setting), e.reason),
        LoadError::Informational(e) => bad(&named("?"), e),
    })?;
    let mut page = <PageArgs as clap::FromArgMatches>::from_arg_matches(&matches).map_err(|e| bad(&named("?"), e))?;
    // Not even from the environment: the portal's organiser is not every event's.
    if !table.contains_key("organizer_user") {
        page.organizer_user = None;
    }
    let own_report_token = table.contains_key("report_token");
    Ok(EventTable { slug, page, own_report_token })
}
