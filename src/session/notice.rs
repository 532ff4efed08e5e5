//! A notice: a short confirmation of what an action did, or why it was refused, in both languages (the bar
//! shows the one being read, and follows a language switch).

use crate::i18n::{Lang, Said};

#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub error: bool,
    /// In both languages: the bar shows the one being read.
    pub text: Said,
    /// A moment worth watching that the notice talks about: the bar offers to jump there.
    pub jump_ms: Option<u64>,
}

impl Notice {
    pub fn new(error: bool, say: &dyn Fn(Lang) -> String) -> Notice {
        Notice {
            error,
            text: Said::new(say),
            jump_ms: None,
        }
    }
}
