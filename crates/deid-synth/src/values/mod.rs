//! Generators for PHI values and the forms they are written in.

pub(crate) mod contact;
pub(crate) mod date;
pub(crate) mod ids;
pub(crate) mod people;
pub(crate) mod places;
