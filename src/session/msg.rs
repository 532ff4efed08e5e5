//! What the session hears ([`Msg`]) and what it asks the browser to do ([`Effect`]).

use grouplab_model::command::Command;
use grouplab_model::scenario::{Scenario, ScenarioError};
use grouplab_model::sim::commands::Applied;
use grouplab_model::ModelError;

use super::{Drawer, Selection};
use crate::i18n::{Lang, Said};
use crate::lessons::Place;
use crate::params::Params;

/// Who asked: the page's own controls, or a program through `window.grouplab`. Both take the same path; a
/// program gets its answer as a [`Reply`] instead of a notice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    Ui,
    Api,
}

/// An action the keyboard asks of the actions panel (which holds the forms' values).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Request {
    AddConsumer,
    Produce,
}

#[derive(Debug)]
pub enum Msg {
    SetPlaying(bool),
    TogglePlay,
    StepForward,
    StepBack,
    Speed(f64),
    /// The keyboard: twice or half the speed shown now.
    Faster,
    Slower,
    SlowMotion(bool),
    ToggleSlowMotion,
    Seek(u64),
    /// Run the simulation forward by this many simulated milliseconds (`window.grouplab.advance`).
    Advance(u64),
    Reset,
    Command(Box<Command>, Origin),
    /// Load a whole scenario (`window.grouplab.load`, or the import dialog's group).
    Load(Box<Scenario>, Origin),
    Select(Option<Selection>),
    Dismiss,
    Help(bool),
    ToggleHelp,
    /// Escape: close help, else clear the selection.
    Escape,
    Ask(Request),
    Lang(Lang),
    /// Go to a lesson step (None: leave the lesson, free play).
    Lesson(Option<Place>),
    /// The address bar changed (Back, Forward, an edited #fragment): show what it names.
    Navigate(Params),
    CopyLink,
    /// The clipboard took the link (true) or refused it (false).
    Copied(bool),
    Export,
    /// The browser refused the download.
    DownloadFailed,
    /// An imported scenario file: (name, text).
    Import(String, String),
    /// A file that could not be read.
    ImportFailed(Said),
    OpenInApp,
    /// Open or close the "import a real group" dialog.
    ImportGroup(bool),
    /// Open a drawer beside the stage (None: close it).
    Drawer(Option<Drawer>),
    /// A drawer's tab: open it, or close it if it is open.
    ToggleDrawer(Drawer),
    /// The instance came into view (true) or left it (false): an embed plays only in view.
    InView(bool),
}

/// What the browser must do after an update. The shell carries them out in order.
#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    /// Write this fragment into the address bar (the page's instance only): a new history entry with `push`.
    WriteUrl { fragment: String, push: bool },
    /// The whole state's link, for the panic panel ("your scenario is safe").
    RememberLink(String),
    /// Copy to the clipboard, then answer with [`Msg::Copied`].
    Copy(String),
    /// Offer a file for download; answer [`Msg::DownloadFailed`] if the browser refuses.
    Download { name: String, text: String },
    /// Open this link in a new tab.
    Open(String),
    /// Speak this language: the page saves it and sets `<html lang>`, an embed sets its own `lang`.
    Lang(Lang),
}

/// The answer to a program's message.
#[derive(Debug, Default)]
pub enum Reply {
    #[default]
    None,
    Applied(Result<Applied, ModelError>),
    Loaded(Result<(), ScenarioError>),
}
