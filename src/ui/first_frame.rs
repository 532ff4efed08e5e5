//! The page's first frame, drawn at build time: the default page at t = 0 (the course notes' scenario, the free-play
//! caption, the bar), rendered natively by Yew's server renderer from the same components and the same
//! [`Session`] the live app draws, and written into `dist/index.html` inside the mount point (`src/main.rs`, run by
//! `make dist`). A reader on a slow network sees the stage at first paint instead of a blank page; the live app
//! takes over in place when the wasm has started (it adopts the frame's layout width and scale, `crate::host::Adopt`).
//!
//! The layout depends on the stage's width, which the build cannot know: the frame carries the stage drawn at a
//! few widths ([`variants`]: phone, tablet, the least wide layout, a laptop's), and the rules written into the
//! stylesheet with it ([`css`]) show the one the stage area's width calls for (a container query) and scale it to
//! the area as [`crate::ui::zoom::auto_fit`] would: up to its fit for the area's height, within 1 and its `most`.
//!
//! Until the app starts, the frame is inert (`inert`: nothing in it can be pressed or focused) and says so after a
//! second, on the caption's line (`.first-frame__starting`, shown by a CSS animation delay); a link to another state (a lesson step, a
//! scenario) shows it dimmed, as a skeleton, never as if it were that state (`web/first-frame.js` marks the page
//! before it is painted).

use std::rc::Rc;

use yew::prelude::*;

use super::app::callbacks::Callbacks;
use super::app::view::{self, Parts};
use super::snapshot::{LogBook, Snapshot};
use super::stage::layout::{Layout, NARROW_BELOW};
use super::stage::window::{self, Band};
use super::stage::Stage;
use super::zoom::{auto_fit, Pan, MAX_AUTO, MIN_WIDE};
use crate::i18n::{t, Lang};
use crate::params::Params;
use crate::session::{Opened, Session};

/// The stage area of a 1280 × 800 laptop window (the stage under the header, the caption and the bar), px: the
/// widest drawing is laid out as the live app lays it out there, so on that screen the take-over changes nothing.
pub const LAPTOP_AREA: (f64, f64) = (1280.0, 637.0);

/// The narrower drawings' layout widths: the smallest phone layout, a common phone, a small tablet, the least
/// wide layout. Each is shown from its width up to the next drawing's.
pub const NARROW_WIDTHS: [(&str, f64); 4] = [
    ("small", 320.0),
    ("phone", 360.0),
    ("tablet", 600.0),
    ("mid", NARROW_BELOW),
];

/// A phone-sized drawing is drawn up to this much larger to fill a wider area (the live app lays the stage out
/// anew for it instead, at a scale of 1); a wide one up to [`MAX_AUTO`], as the live app does.
pub const NARROW_MOST: f64 = 1.25;

/// One of the frame's drawings of the stage.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Variant {
    /// The CSS class's suffix that shows it.
    pub name: &'static str,
    /// Layout width and height, px.
    pub width: f64,
    pub height: f64,
    /// The scale the live app draws it at when the area is its reference area.
    pub scale: f64,
    /// The largest scale an area may draw it at.
    pub most: f64,
}

/// The drawings, narrowest first: the phone and tablet layouts, then the wide ones ([`NARROW_WIDTHS`]), then the
/// laptop's, laid out as [`auto_fit`] lays out the default scene in [`LAPTOP_AREA`].
pub fn variants(session: &Session) -> Vec<Variant> {
    let view = Snapshot::take(&session.engine, None, |_| Vec::new()).view;
    let make = |name, width: f64, scale: f64| {
        let l = Layout::compute(&view, width);
        Variant {
            name,
            width: l.width,
            height: l.height,
            scale,
            most: if l.narrow { NARROW_MOST } else { MAX_AUTO },
        }
    };
    let (w, h) = LAPTOP_AREA;
    let (laptop_w, laptop_scale) = auto_fit(&view, w, h);
    NARROW_WIDTHS
        .iter()
        .map(|&(name, width)| make(name, width, 1.0))
        .chain([make("laptop", laptop_w, laptop_scale)])
        .collect()
}

/// The session of the default page, as a first visit opens it (no address, the default language).
pub fn session() -> Session {
    Session::open(Opened {
        page: true,
        embed: false,
        app_url: String::new(),
        params: Params::default(),
        lang: Lang::En,
    })
    .0
}

#[function_component(FirstFrame)]
fn first_frame() -> Html {
    let session = session();
    let engine = &session.engine;
    let callbacks = Callbacks::new(&Callback::noop(), &Pan::new(NodeRef::default()));
    let snap_at = |width: f64| {
        Snapshot::take(engine, None, |v| {
            window::shown_partitions(v, width, Band::ALL, None)
        })
    };
    let variants = variants(&session);
    let laptop = variants[variants.len() - 1];
    let drawing = |v: &Variant| {
        let snap = snap_at(v.width);
        html! {
            <div class={classes!("first-frame__stage", format!("first-frame__stage--{}", v.name))}
                 data-first-frame={v.name}>
                <Stage {snap} width={v.width} selection={None} on_select={Callback::noop()} />
            </div>
        }
    };
    // The laptop's and the phone's drawings first: the parser may paint before it has read the rest.
    let mut markup_order: Vec<&Variant> = variants.iter().collect();
    markup_order.sort_by_key(|v| match v.name {
        "laptop" => 0,
        "phone" => 1,
        _ => 2,
    });
    let stage = html! { <>{ for markup_order.into_iter().map(drawing) }</> };
    let status = html! {
        <p class="first-frame__starting" role="status">
            <span lang="en">{ t(Lang::En, "frame.starting") }</span>
            <span lang="hi-Latn">{ t(Lang::Hi, "frame.starting") }</span>
        </p>
    };
    let snap = snap_at(laptop.width);
    let mut log = LogBook::default();
    log.update(engine);
    view::page(&Parts {
        session: &session,
        snap: &snap,
        callbacks: &callbacks,
        page: true,
        embed: false,
        index: 1,
        ready: false,
        // The zoom level the laptop's drawing has on its screen.
        zoom: laptop.scale,
        fit: laptop.scale,
        more: false,
        menu: None,
        stage_ref: NodeRef::default(),
        main_ref: NodeRef::default(),
        code_log: Rc::default(),
        log: Rc::new(log),
        stage,
        status,
    })
}

/// The frame's markup: the page's header and `<main>` in an inert wrapper (`display: contents`, so they lay out
/// as the live app's do).
pub fn html() -> String {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a current-thread runtime");
    let local = tokio::task::LocalSet::new();
    let inner = local.block_on(
        &runtime,
        yew::LocalServerRenderer::<FirstFrame>::new()
            .hydratable(false)
            .render(),
    );
    format!(r#"<div class="first-frame" inert aria-busy="true">{inner}</div>"#)
}

/// The rules that show the drawing the stage area's width calls for, and size it as the live app would (see the
/// module's comment): as wide as the area, or as its fit for the area's height, whichever is less, within 1 (a wide
/// drawing: [`MIN_WIDE`] while the area is wide enough) and its `most`.
pub fn css(session: &Session) -> String {
    let variants = variants(session);
    let mut out = String::from(".first-frame__stage{display:none}");
    for (i, v) in variants.iter().enumerate() {
        let (w, h) = (v.width, v.height);
        let from = if i == 0 { 0.0 } else { w };
        let upto = variants.get(i + 1).map_or(String::new(), |next| {
            format!(" and (width < {}px)", next.width)
        });
        out.push_str(&format!(
            "@container stage (width >= {from}px){upto}{{.first-frame__stage--{name}{{display:block;\
             width:clamp({least},min(100cqw,100cqh*{ratio:.5}),{max:.1}px)}}}}",
            name = v.name,
            ratio = w / h,
            max = w * v.most,
            least = if v.most > 1.0 && w >= NARROW_BELOW {
                format!("max({w}px,min(100cqw,{:.1}px))", w * MIN_WIDE)
            } else {
                format!("{w}px")
            },
        ));
    }
    out
}

/// `index.html` with the frame inside its mount point (`<div id="app" …>`, however the minifier quoted it).
pub fn insert(index_html: &str, frame: &str) -> Result<String, String> {
    let at = ["id=\"app\"", "id=app", "id='app'"]
        .iter()
        .find_map(|m| index_html.find(m))
        .ok_or("index.html has no element with id app")?;
    let open_end = at
        + index_html[at..]
            .find('>')
            .ok_or("the #app element's tag is not closed")?
        + 1;
    if index_html[open_end..].starts_with("<div class=\"first-frame\"") {
        return Err("index.html already holds a first frame".into());
    }
    Ok(format!(
        "{}{frame}{}",
        &index_html[..open_end],
        &index_html[open_end..]
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_frame_draws_every_partition_in_every_drawing_and_never_claims_to_be_live() {
        let html = html();
        let drawings = variants(&session()).len();
        assert_eq!(html.matches("data-first-frame=").count(), drawings);
        for p in 0..4 {
            let row = format!("data-partition=\"test-topic/{p}\"");
            assert_eq!(html.matches(&row).count(), drawings, "{row}");
        }
        assert!(html.starts_with(r#"<div class="first-frame" inert"#));
        assert!(!html.contains("data-stage-ready"));
        // The strict CSP refuses style attributes: sizes come from the stylesheet.
        assert!(!html.contains(" style="));
    }

    #[test]
    fn drawings_cover_every_width_narrowest_first_and_the_laptop_as_the_live_app_draws_it() {
        let v = variants(&session());
        assert!(v.windows(2).all(|w| w[0].width < w[1].width), "{v:?}");
        assert_eq!(v[0].width, 320.0);
        let laptop = v[v.len() - 1];
        assert!(
            laptop.width >= NARROW_BELOW && laptop.scale > 1.0,
            "{laptop:?}"
        );
        let css = css(&session());
        // The first drawing from 0, each next one where the one before stops: no width shows none or two.
        assert!(css.contains(
            "@container stage (width >= 0px) and (width < 360px){.first-frame__stage--small"
        ));
        for w in v.windows(2) {
            assert!(
                css.contains(&format!(
                    "(width >= {}px) and (width < {}px)",
                    w[0].width, w[1].width
                )) || w[0].width == v[0].width
            );
        }
        assert!(css.contains(&format!(
            "@container stage (width >= {}px){{.first-frame__stage--laptop",
            laptop.width
        )));
    }

    #[test]
    fn the_frame_goes_inside_the_mount_point_however_the_page_was_minified() {
        let frame = r#"<div class="first-frame">x</div>"#;
        for page in [
            r#"<body><div id="app" class="grouplab"></div><p></p></body>"#,
            "<body><div class=grouplab id=app></div><p></p></body>",
        ] {
            let out = insert(page, frame).unwrap();
            let at = out.find(frame).unwrap();
            assert!(out[..at].ends_with('>') && out[at + frame.len()..].starts_with("</div><p>"));
            assert!(insert(&out, frame).is_err(), "a second frame is refused");
        }
        assert!(insert("<body></body>", frame).is_err());
    }
}
