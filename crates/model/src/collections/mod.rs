//! The model's collections: ordered maps and sets kept as sorted `Vec`s, and one shared sort. Build them with
//! `collect()` (or `from_iter`) rather than by inserting one at a time. Sorting in the model goes through
//! [`sort`], never the slice methods (enforced by `clippy.toml`'s `disallowed-methods`; docs/size.md says why).

pub mod sort;
pub mod vec_map;
pub mod vec_set;

pub use vec_map::VecMap;
pub use vec_set::VecSet;
