//! The session's address: the fragment that names what is shown, and full links to it.

use grouplab_model::scenario::Scenario;

use super::{Effect, Session};
use crate::i18n::Lang;
use crate::params;

impl Session {
    /// The fragment naming the current state. With `whole` (or once the user changed the scenario) it carries
    /// the scenario itself, at the current time; otherwise only the lesson step and the language.
    pub fn fragment(&self, whole: bool) -> String {
        let link = (whole || self.custom)
            .then(|| Scenario::from_timeline(self.engine.timeline()).to_link());
        let place = self.place.map(|p| (self.lessons[p.lesson].id, p.step));
        let anything = link.is_some() || place.is_some() || self.lang != Lang::En;
        params::fragment(link.as_deref(), place, anything.then_some(self.lang))
    }

    /// A full link into the app (`<app>#<fragment>`), also from an embed.
    pub fn link(&self, fragment: &str) -> String {
        if fragment.is_empty() {
            self.app_url.clone()
        } else {
            format!("{}#{fragment}", self.app_url)
        }
    }

    /// The link to the whole current state: the scenario at this time, the lesson step, the language.
    pub fn whole_link(&self) -> String {
        self.link(&self.fragment(true))
    }

    /// The link to the scenario alone (`window.grouplab.link()`).
    pub fn scenario_link(&self) -> String {
        let s = Scenario::from_timeline(self.engine.timeline()).to_link();
        self.link(&params::fragment(Some(&s), None, None))
    }

    /// Writes the state into the address bar (the page only): `push` makes a Back/Forward step. Also keeps the
    /// panic panel's link current.
    pub(super) fn sync_url(&self, push: bool, effects: &mut Vec<Effect>) {
        effects.push(Effect::RememberLink(self.whole_link()));
        if self.page {
            effects.push(Effect::WriteUrl {
                fragment: self.fragment(false),
                push,
            });
        }
    }

    /// After moving in time: a changed scenario's link carries the time, so the address bar follows.
    pub(super) fn sync_time(&self, effects: &mut Vec<Effect>) {
        if self.custom {
            self.sync_url(false, effects);
        }
    }
}
