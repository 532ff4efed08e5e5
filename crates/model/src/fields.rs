//! Reading a struct from JSON through a table of its field names, the way serde's derive does (an object, or
//! an array of every field in order), with its messages: "missing field `x`", "duplicate field `x`",
//! "invalid length N, expected struct S with M elements", "invalid type: …, expected struct S". Unknown fields
//! are skipped.
//!
//! The derive writes one arm per field into one visitor per struct, each arm with its own error exits that
//! drop every field read so far; here a struct only says how to read its field number `i` into itself
//! ([`Table::read`]), and the loop, the duplicate and missing checks are this one generic visitor (issue 6,
//! bundle size).

use std::fmt;
use std::marker::PhantomData;

use serde::de::{DeserializeSeed, Error, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};

/// A struct read field by field. `Default` is the struct before any field is read.
pub(crate) trait Table: Default {
    /// "struct S", as serde's derive says it (also in "struct S with M elements").
    const EXPECTING: &'static str;
    /// "struct S with M elements": M counts [`Table::FIELDS`].
    const LENGTH: &'static str;
    /// The field names in declaration order (the order of the array form).
    const FIELDS: &'static [&'static str];
    /// Bit `i`: field `i` must be present in an object (a field that is neither an `Option` nor defaulted).
    const REQUIRED: u32;
    /// Bit `i`: field `i` may be absent from the end of the array form (it has a default).
    const DEFAULTED: u32 = 0;
    /// Reads field `i` (`FIELDS.len()` and beyond: not a field of this struct; `read` ignores it).
    fn read<'de, D: Deserializer<'de>>(&mut self, i: usize, d: D) -> Result<(), D::Error>;
}

/// Reads `T` as serde's derived `Deserialize` would.
pub(crate) fn read<'de, T: Table, D: Deserializer<'de>>(d: D) -> Result<T, D::Error> {
    d.deserialize_struct("", T::FIELDS, Visit(PhantomData))
}

/// Skips a value (the arm of an unknown field).
pub(crate) fn skip<'de, D: Deserializer<'de>>(d: D) -> Result<(), D::Error> {
    IgnoredAny::deserialize(d).map(|_| ())
}

struct Visit<T>(PhantomData<T>);

/// A field's value, read into the struct.
struct Slot<'a, T>(&'a mut T, usize);

impl<'de, T: Table> DeserializeSeed<'de> for Slot<'_, T> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        self.0.read(self.1, d)
    }
}

/// A key: the number of the field it names (`FIELDS.len()` when none).
struct Key(&'static [&'static str]);

impl<'de> DeserializeSeed<'de> for Key {
    type Value = usize;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<usize, D::Error> {
        d.deserialize_identifier(self)
    }
}

impl Visitor<'_> for Key {
    type Value = usize;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("field identifier")
    }
    fn visit_str<E: Error>(self, v: &str) -> Result<usize, E> {
        Ok(self.0.iter().position(|n| *n == v).unwrap_or(self.0.len()))
    }
}

impl<'de, T: Table> Visitor<'de> for Visit<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(T::EXPECTING)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
        let mut out = T::default();
        let mut seen = 0u32;
        while let Some(i) = map.next_key_seed(Key(T::FIELDS))? {
            if let Some(&name) = T::FIELDS.get(i) {
                if seen & 1 << i != 0 {
                    return Err(A::Error::duplicate_field(name));
                }
                seen |= 1 << i;
            }
            map.next_value_seed(Slot(&mut out, i))?;
        }
        let missing = T::REQUIRED & !seen;
        if missing != 0 {
            return Err(A::Error::missing_field(
                T::FIELDS[missing.trailing_zeros() as usize],
            ));
        }
        Ok(out)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<T, A::Error> {
        let mut out = T::default();
        for i in 0..T::FIELDS.len() {
            if seq.next_element_seed(Slot(&mut out, i))?.is_none() && T::DEFAULTED & 1 << i == 0 {
                return Err(A::Error::invalid_length(i, &T::LENGTH));
            }
        }
        Ok(out)
    }
}
