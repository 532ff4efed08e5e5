//! Prints the link payload of the course-notes scenario (seed for the `link` fuzz target, and for trying links).
fn main() {
    println!(
        "{}",
        grouplab_model::scenario::Scenario::course_notes().to_link()
    );
}
