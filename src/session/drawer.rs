//! The drawers beside the stage: what opens on demand instead of sitting above or below it. One is open at a
//! time; the stage keeps its place (a side column on a wide screen, a sheet over the stage's foot on a phone).

/// A drawer's content.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Drawer {
    /// The lessons' table of contents.
    Lessons,
    /// The forms: add consumers, produce, change brokers and topics.
    Act,
    /// The client code for the situation shown.
    Code,
    /// The event log.
    Log,
    /// The inspector, whole: the selected entity (or the overview) with its history.
    Details,
    /// What every mark on the stage means.
    Legend,
}

impl Drawer {
    /// All, in the order of their tabs.
    pub const ALL: [Drawer; 6] = [
        Drawer::Lessons,
        Drawer::Act,
        Drawer::Code,
        Drawer::Log,
        Drawer::Details,
        Drawer::Legend,
    ];

    /// Stable, English: `data-drawer` and the tab's `data-action` suffix.
    pub fn id(self) -> &'static str {
        match self {
            Drawer::Lessons => "lessons",
            Drawer::Act => "act",
            Drawer::Code => "code",
            Drawer::Log => "log",
            Drawer::Details => "details",
            Drawer::Legend => "legend",
        }
    }

    /// The i18n key of its tab.
    pub fn label_key(self) -> &'static str {
        match self {
            Drawer::Lessons => "drawer.lessons",
            Drawer::Act => "drawer.act",
            Drawer::Code => "drawer.code",
            Drawer::Log => "drawer.log",
            Drawer::Details => "drawer.details",
            Drawer::Legend => "drawer.legend",
        }
    }
}
