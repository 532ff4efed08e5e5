//! The animation clock: one `requestAnimationFrame` at a time, each frame reporting its timestamp.
//! Dropping the pending frame (stop) cancels it.

use gloo_render::{request_animation_frame, AnimationFrame};
use yew::Callback;

#[derive(Default)]
pub struct Clock {
    pending: Option<AnimationFrame>,
    last_ts: Option<f64>,
}

impl Clock {
    /// Asks for the next frame; `on_frame` receives the real milliseconds since the previous frame.
    pub fn request(&mut self, on_frame: Callback<f64>) {
        if self.pending.is_some() {
            return;
        }
        self.pending = Some(request_animation_frame(move |ts| on_frame.emit(ts)));
    }

    /// Called from the frame callback: forgets the fired request and returns the frame's real duration.
    pub fn fired(&mut self, ts: f64) -> f64 {
        self.pending = None;
        let dt = self.last_ts.map_or(0.0, |last| (ts - last).max(0.0));
        self.last_ts = Some(ts);
        dt
    }

    pub fn stop(&mut self) {
        self.pending = None;
        self.last_ts = None;
    }
}
