//! kind = "assignment": filled in by the assignor work.

use serde_json::Value;

use crate::Tally;

pub fn run(cases: &[Value], tally: &mut Tally) {
    for case in cases {
        tally.check(false, || format!("{}: assignors not implemented yet", case["id"]));
    }
}
