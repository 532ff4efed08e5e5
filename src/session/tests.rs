//! The session natively: addresses, lessons, links, languages and what each action asks of the browser.

use grouplab_model::command::Command;
use grouplab_model::scenario::Scenario;

use super::*;
use crate::params::Params;

const APP: &str = "https://example.test/grouplab/";

/// Opens the app at `?query#fragment` (either part may be missing), as `host::page_params` reads an address.
fn open_at(address: &str, page: bool) -> (Session, Vec<Effect>) {
    let (query, fragment) = address.split_once('#').unwrap_or((address, ""));
    let mut params = Params::parse(query);
    params.merge(fragment);
    Session::open(Opened {
        page,
        // A course page's embed, or the page opened with `?embed` (as `Host` decides).
        embed: !page || params.embed,
        app_url: APP.into(),
        lang: params.lang.unwrap_or_default(),
        params,
    })
}

fn open(address: &str) -> Session {
    open_at(address, true).0
}

/// "Add partitions to test-topic, up to `n`", from the page or a program.
fn add_partitions(n: u32, origin: Origin) -> Msg {
    Msg::Command(
        Box::new(Command::AddPartitions {
            topic: "test-topic".into(),
            partitions: n,
        }),
        origin,
    )
}

fn url_writes(fx: &[Effect]) -> Vec<(String, bool)> {
    fx.iter()
        .filter_map(|e| match e {
            Effect::WriteUrl { fragment, push } => Some((fragment.clone(), *push)),
            _ => None,
        })
        .collect()
}

fn lesson_index(s: &Session, id: &str) -> usize {
    s.toc.iter().position(|(l, _)| *l == id).unwrap()
}

/// The plain page: the course notes' scenario playing, English, free play, an address with nothing in it.
#[test]
fn the_plain_page_is_free_play_on_the_course_notes() {
    let s = open("");
    assert_eq!(s.place, None);
    assert!(!s.custom);
    assert!(s.engine.playing);
    assert_eq!(s.lang, Lang::En);
    assert_eq!(s.fragment(false), "");
    assert_eq!(s.link(&s.fragment(false)), APP);
    assert!(s.notice.is_none());
}

/// `#lesson=…&step=…` opens that step; the step is clamped to the lesson's last; `?paused` lands on its end.
#[test]
fn a_lesson_link_opens_its_step() {
    let s = open("#lesson=keys&step=1&lang=hi");
    let i = lesson_index(&s, "keys");
    assert_eq!(s.place, Some(Place { lesson: i, step: 1 }));
    assert_eq!(s.lang, Lang::Hi);
    assert_eq!(s.fragment(false), "lesson=keys&step=1&lang=hi");
    assert!(s.step_playing(), "a step plays towards its end");

    let s = open("?paused#lesson=keys&step=99");
    let last = s.toc[lesson_index(&s, "keys")].1 - 1;
    assert_eq!(s.place.unwrap().step, last);
    assert!(!s.engine.playing);
    let end = s.lessons[s.place.unwrap().lesson].end_ms(last);
    assert_eq!(s.engine.timeline().now(), end, "paused: at the step's end");
}

/// An unknown lesson, a bad speed and a broken scenario link become one notice naming each problem, in both
/// languages, and the page still shows the course notes.
#[test]
fn bad_addresses_make_one_notice() {
    let s = open("?speed=fast#lesson=nope&s=1.garbage");
    let notice = s.notice.as_ref().expect("a notice");
    assert!(notice.error);
    let en = notice.text.get(Lang::En);
    assert!(en.contains("nope"), "{en}");
    assert!(en.contains("fast"), "{en}");
    assert_ne!(notice.text.get(Lang::Hi), en);
    assert_eq!(s.place, None);
    assert!(!s.custom);
}

/// A command the user gives changes the scenario: the address then carries the whole scenario (a new history
/// entry), and the notice says what happened. The same command from a program takes the same path but is
/// answered, not noticed.
#[test]
fn a_command_makes_the_link_carry_the_scenario() {
    let mut s = open("#lesson=keys&step=0");
    let cmd = || {
        Box::new(Command::AddPartitions {
            topic: "test-topic".into(),
            partitions: 5,
        })
    };
    let (fx, reply) = s.update(Msg::Command(cmd(), Origin::Ui));
    assert!(matches!(reply, Reply::None));
    assert!(s.custom);
    let writes = url_writes(&fx);
    assert_eq!(writes.len(), 1);
    assert!(writes[0].0.starts_with("s=1."), "{writes:?}");
    assert!(
        writes[0].0.ends_with("&lesson=keys&step=0&lang=en"),
        "{writes:?}"
    );
    assert!(writes[0].1, "a new history entry");
    assert!(!s.notice.as_ref().unwrap().error);

    // The link decodes to the scenario shown.
    let link = s.whole_link();
    let p = Params::parse(link.split_once('#').unwrap().1);
    let shared = Scenario::from_link(p.scenario.as_deref().unwrap()).unwrap();
    assert_eq!(shared, Scenario::from_timeline(s.engine.timeline()));

    let mut s = open("");
    s.notice = None;
    let (_, reply) = s.update(Msg::Command(cmd(), Origin::Api));
    assert!(matches!(reply, Reply::Applied(Ok(_))));
    assert!(s.custom);
    assert!(
        s.notice.is_none(),
        "a program's command is answered, not noticed"
    );
    let (fx, reply) = s.update(Msg::Command(
        Box::new(Command::CrashConsumer {
            consumer: "nobody".into(),
        }),
        Origin::Api,
    ));
    assert!(matches!(reply, Reply::Applied(Err(_))));
    assert!(
        url_writes(&fx).is_empty(),
        "a refused command changes nothing"
    );
}

/// A shared scenario link opens paused at its time, marked as changed; Back to the plain page shows the course
/// notes again, in English when the address names no language.
#[test]
fn a_scenario_link_round_trips_and_back_leaves_it() {
    let mut s = open("#lang=hi");
    s.update(Msg::Advance(5_000));
    s.update(add_partitions(5, Origin::Ui));
    let link = s.whole_link();
    let at = s.engine.timeline().now();
    let fragment = link.split_once('#').unwrap().1.to_string();

    let mut t = open(&format!("#{fragment}"));
    assert!(t.custom);
    assert!(!t.engine.playing);
    assert_eq!(t.engine.timeline().now(), at);
    assert_eq!(t.lang, Lang::Hi);
    assert_eq!(
        Scenario::from_timeline(t.engine.timeline()),
        Scenario::from_timeline(s.engine.timeline())
    );

    let (fx, _) = t.update(Msg::Navigate(Params::parse("")));
    assert!(!t.custom);
    assert_eq!(t.lang, Lang::En);
    assert!(fx.contains(&Effect::Lang(Lang::En)));
    assert_eq!(t.engine.timeline().now(), 0);
}

/// Lesson Next/Back and leaving the lesson: each is a new history entry; free play returns to the user's speed.
#[test]
fn lesson_steps_are_history_entries() {
    let mut s = open("?speed=2");
    let i = lesson_index(&s, "group");
    let (fx, _) = s.update(Msg::Lesson(Some(Place { lesson: i, step: 1 })));
    assert_eq!(
        url_writes(&fx),
        [("lesson=group&step=1&lang=en".to_string(), true)]
    );
    assert!(s.engine.speed() >= 1.0);
    let (fx, _) = s.update(Msg::Lesson(None));
    assert_eq!(url_writes(&fx), [(String::new(), true)]);
    assert_eq!(s.engine.speed(), 2.0);
    assert_eq!(s.user_speed, 2.0);
}

/// A language switch is saved by the page, and the address follows (in place, not a new entry).
#[test]
fn a_language_switch_is_saved_and_in_the_address() {
    let mut s = open("");
    let (fx, _) = s.update(Msg::Lang(Lang::Hi));
    assert_eq!(fx[0], Effect::Lang(Lang::Hi));
    assert_eq!(url_writes(&fx), [("lang=hi".to_string(), false)]);
}

/// Copy link hands the whole state's link to the clipboard; if the browser refuses, the notice shows the link
/// so it can be copied by hand.
#[test]
fn copy_link_and_a_refused_clipboard() {
    let mut s = open("#lesson=keys&step=0");
    let (fx, _) = s.update(Msg::CopyLink);
    let Some(Effect::Copy(link)) = fx.iter().find(|e| matches!(e, Effect::Copy(_))) else {
        panic!("no copy in {fx:?}")
    };
    assert!(link.starts_with(&format!("{APP}#s=1.")), "{link}");
    assert!(link.ends_with("&lesson=keys&step=0&lang=en"), "{link}");
    let link = link.clone();
    s.update(Msg::Copied(false));
    let notice = s.notice.as_ref().unwrap();
    assert!(notice.error);
    assert!(notice.text.get(Lang::En).ends_with(&link));
}

/// An embed never writes the page's address bar, but keeps its panic panel's link current.
#[test]
fn an_embed_leaves_the_address_bar_alone() {
    let (mut s, _) = open_at("lesson=keys", false);
    let (fx, _) = s.update(Msg::Lesson(Some(Place { lesson: 0, step: 0 })));
    assert!(url_writes(&fx).is_empty());
    assert!(fx.iter().any(|e| matches!(e, Effect::RememberLink(_))));
}

/// Keyboard requests to the actions panel are numbered, so pressing the same key twice acts twice; Escape
/// closes help first, then clears the selection.
#[test]
fn keyboard_requests_and_escape() {
    let mut s = open("");
    s.update(Msg::Ask(Request::AddConsumer));
    s.update(Msg::Ask(Request::AddConsumer));
    assert_eq!(s.request, Some((Request::AddConsumer, 2)));
    s.update(Msg::Select(Some(Selection::Broker(1))));
    s.update(Msg::Help(true));
    s.update(Msg::Escape);
    assert!(!s.help);
    assert_eq!(s.selection, Some(Selection::Broker(1)));
    s.update(Msg::Escape);
    assert_eq!(s.selection, None);
}

/// One drawer at a time: its tab opens it and closes it again; a keyboard request opens the actions drawer;
/// Escape closes the popover first, then the drawer; choosing a lesson from the contents gives the stage back.
/// The selected entity is explained in a popover unless the details drawer shows it whole.
#[test]
fn drawers_and_the_popover() {
    let mut s = open("");
    assert_eq!(s.drawer, None);
    s.update(Msg::ToggleDrawer(Drawer::Code));
    assert_eq!(s.drawer, Some(Drawer::Code));
    s.update(Msg::ToggleDrawer(Drawer::Log));
    assert_eq!(s.drawer, Some(Drawer::Log));
    s.update(Msg::ToggleDrawer(Drawer::Log));
    assert_eq!(s.drawer, None);
    s.update(Msg::Ask(Request::Produce));
    assert_eq!(s.drawer, Some(Drawer::Act));

    s.update(Msg::Select(Some(Selection::Broker(1))));
    assert_eq!(s.popover(), Some(&Selection::Broker(1)));
    s.update(Msg::Escape);
    assert_eq!((s.popover(), s.drawer), (None, Some(Drawer::Act)));
    s.update(Msg::Escape);
    assert_eq!(s.drawer, None);

    s.update(Msg::Select(Some(Selection::Broker(1))));
    s.update(Msg::Drawer(Some(Drawer::Details)));
    assert_eq!(s.popover(), None, "the details drawer shows it instead");

    s.update(Msg::Drawer(Some(Drawer::Lessons)));
    s.update(Msg::Navigate(Params::parse("#lesson=keys&step=0")));
    assert_eq!(s.drawer, None);
    assert!(s.place.is_some());
}

/// A lesson step knows its time: inside it nothing is said; scrubbing before or after it is noticed (the caption
/// offers to return), and returning lands inside it again.
#[test]
fn leaving_a_steps_time_is_noticed() {
    let mut s = open("?paused#lesson=group&step=1");
    let place = s.place.unwrap();
    assert_eq!(s.off_step(), None);
    let (start, end) = (
        s.lessons[place.lesson].start_ms(1),
        s.lessons[place.lesson].end_ms(1),
    );
    s.update(Msg::Seek(start.saturating_sub(1).min(end)));
    if start > 0 {
        assert_eq!(s.off_step(), Some((start, end)));
    }
    s.update(Msg::Advance(end + 60_000 - s.engine.timeline().now()));
    assert_eq!(s.off_step(), Some((start, end)));
    s.update(Msg::Lesson(Some(place)));
    assert_eq!(s.off_step(), None);
}

/// Export writes the scenario at the current time as pretty JSON that imports back to the same scenario; a
/// broken file is refused with a notice and the scenario shown stays.
#[test]
fn export_then_import_and_a_refused_file() {
    let mut s = open("");
    s.update(Msg::Advance(3_000));
    let (fx, _) = s.update(Msg::Export);
    let Some(Effect::Download { name, text }) = fx.into_iter().next() else {
        panic!("no download")
    };
    assert_eq!(name, "grouplab-scenario-3000ms.json");
    let before = Scenario::from_timeline(s.engine.timeline());
    s.update(Msg::Import("broken.json".into(), "{".into()));
    assert!(s.notice.as_ref().unwrap().error);
    assert_eq!(Scenario::from_timeline(s.engine.timeline()), before);
    s.update(Msg::Reset);
    s.update(Msg::Import(name, text));
    assert!(s.custom);
    assert_eq!(Scenario::from_timeline(s.engine.timeline()), before);
}

/// Added partitions are seen by the clients only at their next metadata refresh (300 s after they started in
/// the course notes' scenario): the notice says when, and offers to jump just before it.
#[test]
fn added_partitions_say_when_the_clients_see_them() {
    let mut s = open("");
    s.update(Msg::Advance(10_000));
    s.update(add_partitions(6, Origin::Ui));
    let notice = s.notice.clone().unwrap();
    let en = notice.text.get(Lang::En);
    assert!(
        en.contains("metadata.max.age.ms") && en.contains(" 300 s"),
        "{en}"
    );
    let jump = notice.jump_ms.unwrap();
    assert!((299_000..300_100).contains(&jump), "{jump}");
    s.update(Msg::Seek(jump));
    s.update(Msg::Advance(10_000));
    let view = s.engine.timeline().sim().view(0);
    let g = view
        .groups
        .iter()
        .find(|g| g.group_id == "order-consumer-group")
        .unwrap();
    let owned: usize = g.members.iter().map(|m| m.assigned.len()).sum();
    assert_eq!(
        owned, 6,
        "after the refresh the group owns all 6 partitions"
    );
}

/// Acting after seeking back replaces the future: the notice says so, and that Back restores it.
#[test]
fn acting_in_the_past_says_the_future_was_replaced() {
    let mut s = open("");
    s.update(Msg::Advance(20_000));
    s.update(Msg::Seek(8_000));
    s.update(add_partitions(5, Origin::Ui));
    let en = s.notice.as_ref().unwrap().text.get(Lang::En).to_string();
    assert!(en.contains("after 8 s (up to 20 s) was replaced"), "{en}");
    assert!(en.contains("Back brings it back"), "{en}");
    assert_eq!(s.engine.timeline().end_ms(), 8_000);

    // Acting at the end of the history replaces nothing.
    let mut s = open("");
    s.update(Msg::Advance(5_000));
    s.update(add_partitions(5, Origin::Ui));
    let en = s.notice.as_ref().unwrap().text.get(Lang::En);
    assert!(!en.contains("replaced"), "{en}");
}

/// An embed is compact unless it asks for `view=full`: no drawers (their tabs are not drawn, and keyboard
/// requests for the forms do nothing), the caption only during a lesson in `view=lesson`, never in `view=stage`.
/// The page is full unless its address asks otherwise; a bad `view=` is named in the notice.
#[test]
fn embeds_are_compact_without_drawers() {
    let (mut s, _) = open_at("lesson=keys", false);
    assert_eq!(s.view, View::Lesson);
    assert!(s.compact() && s.shows_caption());
    s.update(Msg::ToggleDrawer(Drawer::Code));
    s.update(Msg::Drawer(Some(Drawer::Legend)));
    s.update(Msg::Ask(Request::AddConsumer));
    assert_eq!((s.drawer, s.request), (None, None));
    s.update(Msg::Lesson(None));
    assert!(!s.shows_caption(), "free play in view=lesson: no caption");

    assert!(!open_at("view=stage&lesson=keys", false).0.shows_caption());
    assert_eq!(open("?embed#lesson=keys").view, View::Lesson);
    let page = open("");
    assert_eq!(page.view, View::Full);
    assert!(page.shows_caption(), "the page invites to a lesson");

    let (mut s, _) = open_at("view=full&lesson=keys", false);
    assert!(!s.compact());
    s.update(Msg::ToggleDrawer(Drawer::Code));
    assert_eq!(s.drawer, Some(Drawer::Code));

    let (s, _) = open_at("view=wide&lesson=keys", false);
    assert_eq!(s.view, View::Lesson, "a bad view leaves the default");
    let en = s.notice.as_ref().expect("a notice").text.get(Lang::En);
    assert!(en.contains("view=wide"), "{en}");
    assert!(s.place.is_some(), "the lesson still opens");
}

/// The time shown and whether the clock runs.
fn clock(s: &Session) -> (u64, bool) {
    (s.engine.timeline().now(), s.engine.playing)
}

/// An embed opens held at its step's start and plays only once in view; scrolled away it pauses, and back in
/// view it plays on to the same step's end. The page's own instance ignores being in view or not.
#[test]
fn an_embed_plays_only_in_view() {
    let (mut s, _) = open_at("lesson=group&step=0", false);
    let start = s.engine.timeline().now();
    assert!(s.gated());
    assert_eq!(clock(&s), (start, false));
    assert!(!s.tick(500.0));
    s.update(Msg::InView(false));
    assert_eq!(clock(&s), (start, false));

    s.update(Msg::InView(true));
    assert!(s.step_playing(), "plays towards the step's end");
    let stop = s.engine.stop_at;
    assert!(s.tick(300.0));
    let seen = s.engine.timeline().now();
    assert!(seen > start);

    s.update(Msg::InView(false));
    assert!(!s.engine.playing);
    assert!(!s.tick(300.0));
    assert_eq!(
        s.engine.timeline().now(),
        seen,
        "out of view the clock stands"
    );
    s.update(Msg::InView(true));
    assert!(s.step_playing());
    assert_eq!(s.engine.stop_at, stop, "to the same step's end");

    let mut page = open("");
    page.update(Msg::InView(false));
    assert!(!page.gated() && page.engine.playing);
}

/// What the learner chose wins: paused, an embed stays paused when it comes back into view; played, it plays on.
/// `paused` never plays by itself.
#[test]
fn an_embed_does_not_fight_the_learner() {
    let (mut s, _) = open_at("", false);
    s.update(Msg::InView(true));
    assert!(s.engine.playing, "free play starts when seen");
    s.update(Msg::SetPlaying(false));
    s.update(Msg::InView(false));
    s.update(Msg::InView(true));
    assert!(!s.engine.playing, "paused by the learner: still paused");
    s.update(Msg::TogglePlay);
    s.update(Msg::InView(false));
    assert!(!s.engine.playing);
    s.update(Msg::InView(true));
    assert!(s.engine.playing, "played by the learner: plays on");
    s.update(Msg::InView(false));
    s.update(Msg::StepForward);
    s.update(Msg::InView(true));
    assert!(
        !s.engine.playing,
        "stepped while away: stays where it stepped to"
    );

    let (mut s, _) = open_at("paused&lesson=keys", false);
    s.update(Msg::InView(true));
    assert!(!s.engine.playing, "paused: never autoplays");
    s.update(Msg::Lesson(Some(Place { lesson: 0, step: 0 })));
    assert!(!s.engine.playing);
}

/// A lesson step chosen while out of view (by a program, or the iframe's address) waits to be seen.
#[test]
fn a_step_chosen_out_of_view_waits() {
    let (mut s, _) = open_at("", false);
    let i = lesson_index(&s, "keys");
    s.update(Msg::Lesson(Some(Place { lesson: i, step: 1 })));
    assert!(!s.engine.playing);
    s.update(Msg::InView(true));
    assert!(s.step_playing());
    let (mut s, _) = open_at("lesson=keys", false);
    s.update(Msg::InView(true));
    s.update(Msg::Lesson(Some(Place { lesson: i, step: 1 })));
    assert!(s.step_playing(), "in view: plays at once");
}

/// "Open in GroupLab" points at the lesson step and language shown (the click opens the whole state).
#[test]
fn an_embeds_place_link() {
    let (s, _) = open_at("lesson=keys&step=1&lang=hi", false);
    assert_eq!(s.place_link(), format!("{APP}#lesson=keys&step=1&lang=hi"));
    assert_eq!(open_at("", false).0.place_link(), APP);
    assert_eq!(
        open_at("lang=hi", false).0.place_link(),
        format!("{APP}#lang=hi")
    );
}
