//! The events: each a slug and its page's settings. The portal asks here
//! for the event at a slug, or for all of them, and nowhere else: where
//! they come from (today the settings file's `[[event]]` tables) is known
//! here only.

use crate::config::{EventSettings, Settings};
use crate::signup::Slug;

pub struct Events {
    from_settings_file: Vec<EventSettings>,
}

impl Events {
    /// The events `settings` declare.
    pub fn from_settings(settings: &Settings) -> Events {
        Events { from_settings_file: settings.events.clone() }
    }

    /// The event at `slug`, if there is one.
    pub fn get(&self, slug: &Slug) -> Option<&EventSettings> {
        self.all().find(|event| event.slug == *slug)
    }

    pub fn all(&self) -> impl Iterator<Item = &EventSettings> {
        self.from_settings_file.iter()
    }
}
