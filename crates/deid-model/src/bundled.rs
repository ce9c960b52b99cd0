//! The committed model, compiled into the binary so every front end has it
//! without a path or a download.

use candle_core::Device;

use crate::detector::{Model, ModelError};

const CONFIG: &[u8] = include_bytes!("../../../models/deid-ner/config.json");
const TOKENIZER: &[u8] = include_bytes!("../../../models/deid-ner/tokenizer.json");
const WEIGHTS: &[u8] = include_bytes!("../../../models/deid-ner/model.safetensors");

/// Loads the bundled model on `device`.
pub fn load(device: &Device) -> Result<Model, ModelError> {
    Model::from_bytes(CONFIG, TOKENIZER, WEIGHTS.to_vec(), device)
}
