//! The engine every front end builds: rules and lists, plus the model unless the
//! settings turn it off.

use std::path::Path;
use std::sync::{Arc, Mutex};

use candle_core::Device;
use deid_core::{Detector, Engine, Finding, Rules, Settings};

use crate::bundled;
use crate::detector::{Model, ModelError};

/// A model shared by every engine of the process.
struct Shared(Arc<Model>);

impl Detector for Shared {
    fn detect(&self, text: &str) -> Vec<Finding> {
        self.0.detect(text)
    }
}

/// The bundled model, loaded once per process.
pub fn bundled_model() -> Result<Arc<Model>, ModelError> {
    static CACHE: Mutex<Option<Arc<Model>>> = Mutex::new(None);
    let mut slot = CACHE
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some(m) = slot.as_ref() {
        return Ok(m.clone());
    }
    let m = Arc::new(bundled::load(&device())?);
    *slot = Some(m.clone());
    Ok(m)
}

/// Candle's device: the GPU when built with `cuda` or `metal` and one is present,
/// else the CPU.
pub fn device() -> Device {
    #[cfg(feature = "cuda")]
    if let Ok(d) = Device::new_cuda(0) {
        return d;
    }
    #[cfg(feature = "metal")]
    if let Ok(d) = Device::new_metal(0) {
        return d;
    }
    Device::Cpu
}

/// The model the settings name: the bundled one, or the folder in `[model] path`
/// (already resolved by the front end).
pub fn model_for(settings: &Settings) -> Result<Arc<Model>, ModelError> {
    match &settings.model.path {
        None => bundled_model(),
        Some(p) => Ok(Arc::new(Model::load(Path::new(p), &device())?)),
    }
}

/// Rules and lists, plus the model when `[model] enabled` (the default).
pub fn engine(settings: Settings) -> Result<Engine, ModelError> {
    let mut detectors: Vec<Box<dyn Detector>> = vec![Box::new(Rules::new())];
    if settings.model.enabled {
        detectors.push(Box::new(Shared(model_for(&settings)?)));
    }
    Ok(Engine::with_detectors(settings, detectors))
}

/// Makes a relative `[model] path` relative to the folder of the configuration
/// file it was written in.
pub fn resolve_path(settings: &mut Settings, config_file: Option<&Path>) {
    if let (Some(p), Some(dir)) = (&settings.model.path, config_file.and_then(Path::parent))
        && Path::new(p).is_relative()
    {
        settings.model.path = Some(dir.join(p).to_string_lossy().into_owned());
    }
}
