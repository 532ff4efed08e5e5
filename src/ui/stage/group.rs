//! A consumer group's box: group.id, state, generation id, assignor and coordinator, always visible (three
//! lines in the wide layout; two in the narrow one, generation and assignor sharing the state's line).

use yew::prelude::*;

use super::activate::{handlers, px};
use super::layout::Rect;
use super::svg::{
    ellipsis, ellipsis_in, fitting_in, rect, text, title, SMALL_BOLD_CHAR_W, SMALL_CHAR_W,
};
use crate::i18n::{t, tf, use_lang};
use crate::session::Selection;
use crate::ui::format::short_id;
use crate::ui::palette::group_class;

#[derive(Properties, PartialEq)]
pub struct GroupProps {
    /// None: the consumers with manual assignment (no group).
    pub group_id: Option<String>,
    pub state: Option<&'static str>,
    pub generation_id: i32,
    /// KIP-848 groups: (group epoch, target assignment epoch); None for a classic group.
    #[prop_or_default]
    pub epochs: Option<(i32, i32)>,
    pub assignor: Option<AttrValue>,
    pub coordinator: Option<u32>,
    pub members: usize,
    pub rect: Rect,
    /// The narrow layout's two-line header.
    #[prop_or_default]
    pub compact: bool,
    pub colour: usize,
    /// The group's letter, shown when several groups are drawn (their rows name them by it).
    #[prop_or_default]
    pub tag: Option<char>,
    pub selected: bool,
    /// The lesson step shown talks about it.
    #[prop_or_default]
    pub highlight: bool,
    pub on_select: Callback<Selection>,
    /// A classic group waiting for JoinGroups: counted down in the header.
    #[prop_or_default]
    pub wait: Option<Wait>,
}

/// The coordinator's wait for JoinGroups (DelayedJoin), as the header counts it down.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Wait {
    /// Tenths of a second left: the countdown's step, so the box redraws ten times a second at most.
    pub left_ds: u64,
    /// `group.initial.rebalance.delay.ms` while that is what the coordinator waits for (GroupCoordinator's
    /// InitialDelayedJoin); None while it waits for members to rejoin (up to the rebalance timeout).
    pub initial_delay_ms: Option<u64>,
    /// How often the initial delay was extended because a member joined during it.
    pub extensions: u32,
    /// Members whose JoinGroup the coordinator holds, of all its members.
    pub rejoined: u32,
    pub members: u32,
}

impl Wait {
    /// The countdown's words, longest first, and the sentence the box's title adds.
    fn words(&self, lang: crate::i18n::Lang) -> ([String; 3], String) {
        let left = format!("{}.{}", self.left_ds / 10, self.left_ds % 10);
        let d = self.initial_delay_ms.map_or(0.0, |d| d as f64 / 1000.0);
        let args: [(&str, &dyn std::fmt::Display); 5] = [
            ("left", &left),
            ("d", &d),
            ("n", &self.extensions),
            ("joined", &self.rejoined),
            ("of", &self.members),
        ];
        let keys = match (self.initial_delay_ms, self.extensions) {
            (Some(_), 0) => [
                "stage.wait_initial",
                "stage.wait_initial_short",
                "stage.wait_initial_title",
            ],
            (Some(_), _) => [
                "stage.wait_extended",
                "stage.wait_extended_short",
                "stage.wait_extended_title",
            ],
            (None, _) => [
                "stage.wait_rejoin",
                "stage.wait_rejoin_short",
                "stage.wait_rejoin_title",
            ],
        };
        let short = if self.initial_delay_ms.is_some() {
            "stage.wait_left"
        } else {
            "stage.wait_rejoin_left"
        };
        (
            [
                tf(lang, keys[0], &args),
                tf(lang, keys[1], &args),
                tf(lang, short, &args),
            ],
            tf(lang, keys[2], &args),
        )
    }

    /// The bar's length, from 1 (a whole delay left) to 0; None while waiting for rejoins.
    fn fraction(&self) -> Option<f64> {
        let d = self.initial_delay_ms.filter(|&d| d > 0)?;
        Some((self.left_ds as f64 * 100.0 / d as f64).clamp(0.0, 1.0))
    }
}

#[function_component(GroupBox)]
pub fn group_box(p: &GroupProps) -> Html {
    let lang = use_lang();
    let r = p.rect;
    let Some(group_id) = p.group_id.clone() else {
        return html! {
            <g class="group group--none">
                { rect("group__box", r.x, r.y, r.w, r.h, "10") }
                { text("group__name", r.x + 12.0, r.y + 21.0, "", t(lang, "stage.no_group")) }
                { text("group__meta", r.x + 12.0, r.y + 38.0, "", ellipsis(t(lang, "stage.by_hand"), r.w - 4.0)) }
            </g>
        };
    };
    let id = group_id.clone();
    let (onclick, onkeydown) = handlers(p.on_select.reform(move |_| Selection::Group(id.clone())));
    // Kafka's state names (Stable, PreparingRebalance…) stay as they are; "not created yet" is ours.
    let state = p.state.unwrap_or("not created yet");
    let shown_state = p.state.unwrap_or(t(lang, "stage.not_created"));
    let coordinator = p
        .coordinator
        .map_or(t(lang, "stage.unknown").to_string(), |b| {
            tf(lang, "ev.broker", &[("broker", &b)])
        });
    let assignor = p
        .assignor
        .as_deref()
        .unwrap_or(t(lang, "stage.no_assignor"));
    let coordinator = tf(lang, "stage.coordinator", &[("broker", &coordinator)]);
    // A KIP-848 group counts epochs, not generations, and its assignor runs on the broker. The short form is
    // what a narrow box shows before it cuts.
    let (meta, generation, generation_short) = match p.epochs {
        Some((epoch, target)) => (
            tf(
                lang,
                "stage.consumer_group_meta",
                &[("assignor", &assignor), ("coordinator", &coordinator)],
            ),
            tf(
                lang,
                "stage.group_epochs",
                &[("epoch", &epoch), ("target", &target)],
            ),
            if epoch == target {
                tf(lang, "stage.group_epoch_short", &[("epoch", &epoch)])
            } else {
                tf(
                    lang,
                    "stage.group_epochs_short",
                    &[("epoch", &epoch), ("target", &target)],
                )
            },
        ),
        None => (
            format!("{assignor} · {coordinator}"),
            tf(lang, "stage.generation", &[("gen", &p.generation_id)]),
            tf(lang, "stage.generation_short", &[("gen", &p.generation_id)]),
        ),
    };
    let label = tf(
        lang,
        "stage.group_label",
        &[
            ("group", &group_id),
            ("state", &shown_state),
            ("gen", &generation),
            ("meta", &meta),
            ("n", &p.members),
        ],
    );
    let wait = p.wait.map(|w| w.words(lang));
    let label = match &wait {
        Some((_, sentence)) => format!("{label}{sentence}"),
        None => label,
    };
    let tag_w = if p.tag.is_some() { 24.0 } else { 0.0 };
    let max_chars = ((r.w - 24.0 - tag_w) / 7.8).max(8.0) as usize;
    // The state badge: bold 11 px, about 7 px a character, 6 px margins.
    let badge_w = 12.0 + shown_state.chars().count() as f64 * 7.0;
    let after_badge = r.x + 18.0 + badge_w;
    // Wide: the generation beside the badge (bold), the assignor and coordinator on a line of their own, cut to
    // the box; a generation too long for the badge's line (beside "PreparingRebalance" in a narrow column)
    // leads the third line instead. Narrow: the assignor and coordinator after the generation while they fit,
    // else the assignor alone, else neither. The title keeps the whole.
    let gen_room = r.right() - 12.0 - after_badge;
    let bold_w = |s: &str| s.chars().count() as f64 * SMALL_BOLD_CHAR_W;
    // A waiting group counts down on the badge's line (narrow) or the third line (wide), in place of the
    // generation and what follows it there.
    let countdown = wait.as_ref().map(|(forms, _)| {
        let (x, y, room) = if p.compact {
            (after_badge, r.y + 38.0, gen_room)
        } else {
            (r.x + 12.0, r.y + 55.0, r.w - 24.0)
        };
        (x, y, fitting_in(room, SMALL_CHAR_W, forms.clone()))
    });
    let (generation, inline, gen_below, meta) = if p.compact && countdown.is_some() {
        Default::default()
    } else if p.compact {
        // Not even a few letters of the generation fit beside a long state: the title keeps it.
        let generation = if gen_room >= 6.0 * SMALL_BOLD_CHAR_W {
            let cut = ellipsis_in(&generation_short, gen_room, SMALL_BOLD_CHAR_W);
            fitting_in(
                gen_room,
                SMALL_BOLD_CHAR_W,
                [generation.clone(), generation_short, cut],
            )
        } else {
            String::new()
        };
        let inline = fitting_in(
            gen_room - bold_w(&generation),
            SMALL_CHAR_W,
            [
                format!(" · {meta}"),
                format!(" · {assignor}"),
                String::new(),
            ],
        );
        (generation, inline, String::new(), String::new())
    } else if countdown.is_some() {
        let shown = (bold_w(&generation) <= gen_room).then_some(generation);
        (
            shown.unwrap_or_default(),
            String::new(),
            String::new(),
            String::new(),
        )
    } else if bold_w(&generation) <= gen_room {
        (
            generation,
            String::new(),
            String::new(),
            ellipsis(&meta, r.w - 4.0),
        )
    } else {
        let room = r.w - 24.0;
        let below = ellipsis_in(&generation, room, SMALL_BOLD_CHAR_W);
        let rest = room - bold_w(&below);
        let meta = if rest >= 4.0 * SMALL_CHAR_W {
            ellipsis_in(&format!(" · {meta}"), rest, SMALL_CHAR_W)
        } else {
            String::new()
        };
        (String::new(), String::new(), below, meta)
    };
    let header_h = if p.compact { 44.0 } else { 60.0 };
    html! {
        <g class={classes!("group", group_class(p.colour), p.selected.then_some("is-selected"), p.highlight.then_some("is-marked"))}
           data-group={group_id.clone()} data-highlight={p.highlight.then_some("true")} data-state={state} data-generation={p.generation_id.to_string()}
           data-protocol={p.epochs.map(|_| "consumer")}
           data-group-epoch={p.epochs.map(|(e, _)| e.to_string())}
           data-assignment-epoch={p.epochs.map(|(_, a)| a.to_string())}>
            { rect("group__box", r.x, r.y, r.w, r.h, "10") }
            <g class="group__header" role="button" tabindex="0" {onclick} {onkeydown}>
                { rect("group__hit", r.x, r.y, r.w, header_h, "10") }
                { title(label) }
                { text("group__name", r.x + 12.0, r.y + 19.0, "", short_id(&group_id, max_chars)) }
                if let Some(tag) = p.tag {
                    { text("group__tag", r.right() - 12.0, r.y + 19.0, "end", tag.to_string()) }
                }
                <g class={classes!("group__state", format!("state-{}", state.to_ascii_lowercase().replace(' ', "-")))}>
                    { rect("", r.x + 10.0, r.y + 25.0, badge_w, 17.0, "8.5") }
                    { text("", r.x + 10.0 + badge_w / 2.0, r.y + 37.5, "middle", shown_state) }
                </g>
                if !generation.is_empty() {
                    { text("", after_badge, r.y + 38.0, "", html! { <>
                        <tspan class="group__gen">{ generation }</tspan>
                        if !inline.is_empty() { <tspan class="group__meta">{ inline }</tspan> }
                    </> }) }
                }
                if let Some((x, y, words)) = countdown {
                    <text class="group__wait" x={px(x)} y={px(y)} data-wait-left-ms={p.wait.map(|w| (w.left_ds * 100).to_string())}
                          data-initial-delay-ms={p.wait.and_then(|w| w.initial_delay_ms).map(|d| d.to_string())}
                          data-extensions={p.wait.map(|w| w.extensions.to_string())}
                          data-rejoined={p.wait.map(|w| w.rejoined.to_string())} data-members={p.wait.map(|w| w.members.to_string())}>{ words }</text>
                    if let Some(f) = p.wait.and_then(|w| w.fraction()) {
                        { rect("group__wait-bar", r.x + 12.0, r.y + header_h - 3.0, (r.w - 24.0) * f, 2.0, "1") }
                    }
                } else if !p.compact {
                    { text("group__meta", r.x + 12.0, r.y + 55.0, "", html! { <>
                        if !gen_below.is_empty() { <tspan class="group__gen">{ gen_below }</tspan> }
                        { meta }
                    </> }) }
                }
            </g>
        </g>
    }
}
