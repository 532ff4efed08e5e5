//! Where an instance of the app lives: the whole page (`#app` in index.html), or one embed on a course page
//! (`<div data-grouplab="…">`, rendered in its own shadow root so page styles and ids never mix). Only the page
//! instance touches page-wide things: the address bar and history, localStorage, `<html lang>`.

use std::rc::Rc;

use wasm_bindgen::JsValue;

use crate::params::Params;

pub struct Host {
    /// The element the app renders into.
    pub root: web_sys::Element,
    /// The page's own instance (owns the address bar).
    pub page: bool,
    /// Compact chrome: `?embed` (an iframe) or a course-page embed.
    pub embed: bool,
    /// The app's own address (its index.html, without query or fragment), for links made in embeds.
    pub app_url: String,
    pub params: Params,
    /// 1, 2, … in mount order.
    pub index: u32,
    /// The build-time first frame's geometry, when the page showed it for the state the app opens.
    pub adopt: Option<Adopt>,
}

/// How the page's first frame (`ui::first_frame`, drawn at build time) was laid out on this screen: the live app
/// starts with the same layout width and scale, so it takes over in place.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Adopt {
    /// The drawing's layout width and drawn scale.
    pub width: f64,
    pub zoom: f64,
    /// The stage area's size, px.
    pub area: (f64, f64),
}

/// The geometry of the first frame shown in `root` (the drawing the stylesheet shows for this stage area), if it
/// is one the live app may keep: drawn at a scale of 1 or more and no wider than its area (a stage area narrower
/// than the frame's layout gets the app's own layout instead).
#[cfg(target_arch = "wasm32")]
pub fn first_frame(root: &web_sys::Element) -> Option<Adopt> {
    use wasm_bindgen::JsCast;
    let list = root.query_selector_all("[data-first-frame]").ok()?;
    let wrap = root.query_selector(".first-frame .stage-wrap").ok()??;
    let area = (wrap.client_width() as f64, wrap.client_height() as f64);
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<web_sys::Element>().ok())
        .find_map(|drawing| {
            let shown = drawing.get_bounding_client_rect().width();
            // The browser's parseFloat: Rust's float parsing would add its power tables (about 16 KB) to the wasm.
            let width = js_sys::parse_float(
                &drawing
                    .query_selector(".stage-svg")
                    .ok()??
                    .get_attribute("data-layout-width")?,
            );
            let zoom = shown / width;
            (width > 0.0 && shown > 0.0 && zoom >= 0.999 && shown <= area.0 + 0.5)
                .then_some(Adopt { width, zoom, area })
        })
}

/// Hosts compare by identity: one per instance, made once.
#[derive(Clone)]
pub struct HostRef(pub Rc<Host>);

impl PartialEq for HostRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for HostRef {
    type Target = Host;
    fn deref(&self) -> &Host {
        &self.0
    }
}

/// The page URL's query, then its fragment (the fragment wins).
pub fn page_params() -> Params {
    let Some(loc) = web_sys::window().map(|w| w.location()) else {
        return Params::default();
    };
    let mut p = Params::parse(&loc.search().unwrap_or_default());
    p.merge(&loc.hash().unwrap_or_default());
    p
}

/// The page's address without query and fragment.
#[cfg(target_arch = "wasm32")]
pub fn page_url() -> String {
    web_sys::window()
        .and_then(|w| {
            let loc = w.location();
            Some(format!("{}{}", loc.origin().ok()?, loc.pathname().ok()?))
        })
        .unwrap_or_default()
}

/// Query keys that now live in the fragment; dropped from the query when the fragment is written.
const STATE_KEYS: [&str; 4] = ["lesson", "step", "lang", "s"];

impl Host {
    /// Writes `fragment` into the address bar: a new history entry (`push`) or in place. The page only.
    pub fn write_url(&self, fragment: &str, push: bool) {
        if !self.page {
            return;
        }
        let Some(w) = web_sys::window() else { return };
        let loc = w.location();
        let current = loc.hash().unwrap_or_default();
        if current.trim_start_matches('#') == fragment {
            return;
        }
        let search = loc.search().unwrap_or_default();
        let kept: Vec<&str> = search
            .trim_start_matches('?')
            .split('&')
            .filter(|p| !p.is_empty() && !STATE_KEYS.contains(&p.split('=').next().unwrap_or("")))
            .collect();
        let mut url = loc.pathname().unwrap_or_default();
        if !kept.is_empty() {
            url.push('?');
            url.push_str(&kept.join("&"));
        }
        if !fragment.is_empty() {
            url.push('#');
            url.push_str(fragment);
        }
        if let Ok(h) = w.history() {
            let _ = if push {
                h.push_state_with_url(&JsValue::NULL, "", Some(&url))
            } else {
                h.replace_state_with_url(&JsValue::NULL, "", Some(&url))
            };
        }
    }

    /// The element that carries this instance's API (`element.grouplab`): the page's `#app`, or the embed's
    /// `<div data-grouplab>` (the host of the shadow root the app renders in).
    pub fn api_element(&self) -> web_sys::Element {
        use wasm_bindgen::JsCast;
        if self.page {
            return self.root.clone();
        }
        self.root
            .get_root_node()
            .dyn_into::<web_sys::ShadowRoot>()
            .map(|s| s.host())
            .unwrap_or_else(|_| self.root.clone())
    }
}
