//! Hand-written value pools, compiled in: nothing is read at run time.

pub(crate) mod clinical;
pub(crate) mod names;
pub(crate) mod orgs;
pub(crate) mod places;
