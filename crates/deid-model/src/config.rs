//! The model's `config.json`: sizes, labels and calibration.

use serde::{Deserialize, Serialize};

/// Sizes of the encoder and what it was calibrated to.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct ModelConfig {
    /// Rows of the feature embedding table (see `Featurizer::rows`).
    pub rows: usize,
    pub hidden: usize,
    pub layers: usize,
    pub heads: usize,
    pub intermediate: usize,
    /// Tokens per window; longer texts run in overlapping windows.
    pub window: usize,
    /// `O`, then `B-`/`I-` of each category.
    pub labels: Vec<String>,
    /// Logits are divided by this before the softmax (fitted on the dev split).
    #[serde(default = "one")]
    pub temperature: f32,
    #[serde(default = "layer_norm_eps")]
    pub layer_norm_eps: f64,
}

fn one() -> f32 {
    1.0
}

fn layer_norm_eps() -> f64 {
    1e-5
}

impl ModelConfig {
    /// A config of the given sizes over `rows` feature rows.
    pub fn new(rows: usize, size: Size) -> Self {
        ModelConfig {
            rows,
            hidden: size.hidden,
            layers: size.layers,
            heads: size.heads,
            intermediate: size.intermediate,
            window: size.window,
            labels: crate::labels::names(),
            temperature: 1.0,
            layer_norm_eps: 1e-5,
        }
    }
}

/// The architecture choices a training run makes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Size {
    pub hidden: usize,
    pub layers: usize,
    pub heads: usize,
    pub intermediate: usize,
    pub window: usize,
}

impl Default for Size {
    fn default() -> Self {
        Size {
            hidden: 128,
            layers: 2,
            heads: 4,
            intermediate: 256,
            window: 128,
        }
    }
}
