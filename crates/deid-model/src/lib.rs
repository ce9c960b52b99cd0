//! deid's neural PHI detector: a small transformer token classifier over
//! hand-built token features, run by Candle, trained here on generated notes.
//!
//! - [`tokens`]: the model's tokens (letter/digit runs and single symbols) with
//!   byte spans.
//! - [`features`]: the tokenizer file and the embedding rows of every token.
//! - [`net`]: the encoder, differentiable in training mode.
//! - [`detector`]: [`Model`], a [`deid_core::Detector`] that runs long texts in
//!   overlapping windows and decodes BIO labels back to byte spans.
//! - [`train`]: reproducible, resumable training with a dev split and a report.
//! - [`bundled`]: the committed model under `models/deid-ner`, compiled in.
//! - [`pipeline`]: the engine of every front end (rules, lists and the model).
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod bundled;
pub mod config;
pub mod detector;
pub mod features;
pub mod labels;
pub mod net;
pub mod pipeline;
pub mod tokens;
pub mod train;

pub use config::{ModelConfig, Size};
pub use detector::{Model, ModelError};
pub use pipeline::engine;
