//! An event as the console's form gives it: its fields are named after the
//! settings an `[[event]]` table has, so the settings file, the console
//! and the documentation speak one vocabulary; and what changed between
//! two versions of an event, for its log.

use crate::records::StoredEvent;

/// The settings an organiser sets in the console, as the form's fields
/// and the settings file name them.
pub const FORM_SETTINGS: [&str; 14] = [
    "title",
    "intro",
    "next_steps",
    "language",
    "returnto",
    "event_code",
    "max_accounts",
    "opens",
    "closes",
    "time_zone",
    "accent_color",
    "frame_ancestors",
    "wiki_api",
    "campaign_event_id",
];

/// The console's form of an event, as posted.
#[derive(Debug, Default, Clone)]
pub struct EventForm {
    /// Every text field, as typed.
    pub fields: Vec<(String, String)>,
    /// A logo chosen for upload, if any.
    pub logo: Option<Vec<u8>>,
}

impl EventForm {
    /// The field `name` as typed, or "".
    pub fn value(&self, name: &str) -> &str {
        self.fields.iter().rev().find(|(k, _)| k == name).map_or("", |(_, v)| v.as_str())
    }

    /// The settings the form gives, leaving out those left empty (the
    /// portal's own apply).
    pub fn settings(&self) -> Vec<(String, String)> {
        FORM_SETTINGS
            .iter()
            .map(|key| (key.to_string(), self.value(key).trim().to_owned()))
            .filter(|(_, value)| !value.is_empty())
            .collect()
    }

    /// The co-organisers named, one wiki username per line or comma, as the
    /// wiki writes them (first letter capitalised, `_` as a space).
    pub fn co_organizers(&self) -> Vec<String> {
        let mut names: Vec<String> = self
            .value("co_organizers")
            .split([',', '\n'])
            .map(|name| username(name.trim()))
            .filter(|name| !name.is_empty())
            .collect();
        names.dedup();
        names
    }

    /// Whether organizer mode is ticked.
    pub fn organizer_mode(&self) -> bool {
        matches!(self.value("organizer_mode"), "on" | "true" | "1")
    }

    /// Whether the organiser asked to remove the logo.
    pub fn forget_logo(&self) -> bool {
        matches!(self.value("forget_logo"), "on" | "true" | "1")
    }
}

/// `name` as MediaWiki writes a username: `_` as a space, its first letter
/// in upper case.
pub fn username(name: &str) -> String {
    let name = name.replace('_', " ");
    let mut chars = name.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The settings `new` changes from `old` (every one it has, for a new
/// event), by the names the log shows: the form's, and `logo`,
/// `co_organizers`, `organizer_mode`, `closed`, `report_token`.
pub fn changes(old: Option<&StoredEvent>, new: &StoredEvent) -> Vec<String> {
    let Some(old) = old else {
        let mut all: Vec<String> = new.settings.iter().map(|(k, _)| k.clone()).collect();
        all.insert(0, "slug".into());
        if new.organizer.is_some() {
            all.push("organizer_mode".into());
        }
        return all;
    };
    let mut changed: Vec<String> =
        FORM_SETTINGS.iter().filter(|key| old.setting(key) != new.setting(key)).map(|key| key.to_string()).collect();
    let others = [
        ("logo", old.logo != new.logo),
        ("co_organizers", old.co_organizers != new.co_organizers),
        ("organizer_mode", old.organizer.as_ref().map(|o| &o.0) != new.organizer.as_ref().map(|o| &o.0)),
        ("closed", old.closed_at.is_some() != new.closed_at.is_some()),
        ("report_token", old.report_token != new.report_token),
    ];
    changed.extend(others.iter().filter(|(_, differs)| *differs).map(|(name, _)| name.to_string()));
    changed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(pairs: &[(&str, &str)]) -> EventForm {
        EventForm { fields: pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect(), logo: None }
    }

    #[test]
    fn the_form_gives_the_settings_typed_and_leaves_out_the_empty_and_the_unknown() {
        let posted =
            form(&[("title", " Edit-a-thon "), ("event_code", ""), ("max_accounts", "40"), ("listen", "0:80")]);
        assert_eq!(
            posted.settings(),
            vec![("title".to_owned(), "Edit-a-thon".to_owned()), ("max_accounts".to_owned(), "40".to_owned())]
        );
    }

    #[test]
    fn co_organisers_are_written_as_the_wiki_writes_usernames() {
        let posted = form(&[("co_organizers", "grace_hopper\n, Ada\n\nada")]);
        assert_eq!(posted.co_organizers(), vec!["Grace hopper", "Ada"]);
        assert_eq!(username("éva"), "Éva");
    }

    #[test]
    fn the_log_names_each_setting_changed() {
        let old = StoredEvent {
            slug: "bkk".parse().unwrap(),
            owner: "Ada".into(),
            owner_wiki: "w".into(),
            settings: vec![("title".into(), "A".into()), ("event_code".into(), "Q".into())],
            logo: None,
            co_organizers: vec![],
            organizer: None,
            report_token: "t".into(),
            closed_at: None,
            version: 3,
        };
        let new = StoredEvent {
            settings: vec![("title".into(), "B".into()), ("event_code".into(), "Q".into())],
            closed_at: Some(1),
            ..old.clone()
        };
        assert_eq!(changes(Some(&old), &new), vec!["title", "closed"]);
        assert_eq!(changes(None, &old), vec!["slug", "title", "event_code"]);
    }
}
