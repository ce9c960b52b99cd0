//! deid-core: finds protected health information (PHI) in clinical text.
//!
//! Text goes in, [`Finding`]s come out. The crate is synchronous and does no I/O:
//! every list it uses is compiled in, configuration arrives as a string, and front
//! ends (CLI, LSP, TUI, HTTP server) do all reading and writing. The one seam for
//! detection is the [`Detector`] trait; [`Engine`] runs detectors, merges their
//! findings and applies the user's [`Settings`].

pub mod calendar;
pub mod category;
pub mod engine;
pub mod finding;
mod flat_map;
pub mod lexicon;
pub mod merge;
pub mod offsets;
pub mod redact;
pub mod rules;
pub mod settings;
pub mod span;
pub mod surrogate;
mod text;
pub mod vet;

pub use category::Category;
pub use engine::Engine;
pub use finding::{Detector, Finding, Reason, Source};
pub use offsets::{Entity, Offsets, PhiText, entities};
pub use redact::RedactionFormat;
pub use rules::Rules;
pub use settings::{ConfigError, ModelSettings, Settings};
pub use span::Span;
pub use surrogate::{Originals, SurrogateKey, SurrogateOptions, Surrogated, Surrogator};
