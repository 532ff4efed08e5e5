//! What an embed does differently: how much of the app it draws (its [`View`]), and that it plays only while the
//! reader can see it. An embed opens held (paused, remembering that it was going to play) and plays once it is
//! in view; scrolled away, a playing embed is held again and plays on when it comes back. What the learner chose
//! wins: an embed they paused stays paused, and `?paused` never plays by itself.

use super::{Drawer, Session};
use crate::i18n::Lang;
use crate::params::{self, View};

/// Whether the session plays only in view, and what it does when it comes into view.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Gate {
    /// An embed: plays only while in view.
    pub on: bool,
    /// In view now, as the browser last said (an embed starts out of view until told).
    pub in_view: bool,
    /// Held while it was going to play: play on when in view again, until this lesson step's end (`Some`) or
    /// without end (`None`).
    pub resume: Option<Option<u64>>,
}

impl Session {
    /// No header and no drawers: the caption (`view=lesson`, in a lesson), the stage and a compact bar.
    pub fn compact(&self) -> bool {
        self.view.compact()
    }

    /// The caption is drawn: always in the full view (free play invites to a lesson), in `view=lesson` only
    /// during a lesson, never in `view=stage`.
    pub fn shows_caption(&self) -> bool {
        match self.view {
            View::Full => true,
            View::Lesson => self.place.is_some(),
            View::Stage => false,
        }
    }

    /// Plays only while in view (an embed).
    pub fn gated(&self) -> bool {
        self.gate.on
    }

    /// A drawer may open: the full view has them, the compact ones do not.
    pub(super) fn drawer_allowed(&self, d: Option<Drawer>) -> bool {
        d.is_none() || !self.compact()
    }

    /// The address of the lesson step and language shown, in the full app (no scenario: cheap enough to draw
    /// every frame as a link's `href`; following it from the app opens the whole state, [`Session::whole_link`]).
    pub fn place_link(&self) -> String {
        let place = self.place.map(|p| (self.lessons[p.lesson].id, p.step));
        let lang = (place.is_some() || self.lang != Lang::En).then_some(self.lang);
        self.link(&params::fragment(None, place, lang))
    }

    /// The browser says whether the instance is in view (enough of it to watch). Only an embed cares.
    pub(super) fn set_in_view(&mut self, in_view: bool) {
        if !self.gate.on || self.gate.in_view == in_view {
            return;
        }
        self.gate.in_view = in_view;
        if !in_view {
            self.hold();
        } else if let Some(until) = self.gate.resume.take() {
            match until {
                Some(stop) => self.engine.play_until(stop),
                None => self.engine.set_playing(true),
            }
        }
    }

    /// Out of view, an embed does not play: a playing one is paused, remembering to play on (to its step's end).
    pub(super) fn hold_out_of_view(&mut self) {
        if self.gate.on && !self.gate.in_view {
            self.hold();
        }
    }

    fn hold(&mut self) {
        if self.engine.playing {
            self.gate.resume = Some(self.engine.stop_at);
            self.engine.set_playing(false);
        }
    }

    /// The learner (or a program) played or paused: their choice replaces whatever was held.
    pub(super) fn chosen(&mut self) {
        self.gate.resume = None;
    }
}
