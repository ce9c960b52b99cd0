//! Training on generated notes: reproducible from a seed, resumable from
//! checkpoints, scored on a dev split, calibrated, and written as the three model
//! files plus a report.

mod adamw;
pub mod data;
pub mod score;

use std::collections::HashMap;
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::time::Instant;

use candle_core::backprop::GradStore;
use candle_core::{DType, Device, Tensor};
use candle_nn::{VarBuilder, VarMap};
use deid_synth::Split;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

use crate::config::{ModelConfig, Size};
use crate::detector::{Model, ModelError};
use crate::features::{FeatureConfig, Featurizer, SLOTS, build_vocab};
use crate::net::Dropout;
use adamw::AdamW;
pub use score::Scores;

/// Everything a training run depends on.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct TrainConfig {
    pub seed: u64,
    /// Generated training documents (template family `train`).
    pub docs: usize,
    /// Dev documents: the same family, other seeds.
    pub dev_docs: usize,
    pub steps: usize,
    /// Windows per step.
    pub batch: usize,
    pub lr: f64,
    pub warmup: usize,
    pub weight_decay: f64,
    pub dropout: f32,
    pub word_dropout: f32,
    /// Share of the documents written without PHI (hard negatives).
    pub phi_free: f32,
    pub hidden: usize,
    pub layers: usize,
    pub heads: usize,
    pub intermediate: usize,
    pub window: usize,
    pub vocab_max: usize,
    pub shape_buckets: u32,
    pub affix_buckets: u32,
    pub checkpoint_every: usize,
    pub eval_every: usize,
}

impl Default for TrainConfig {
    fn default() -> Self {
        let size = Size::default();
        TrainConfig {
            seed: 1,
            docs: 6000,
            dev_docs: 200,
            steps: 3000,
            batch: 32,
            lr: 2e-3,
            warmup: 150,
            weight_decay: 0.01,
            dropout: 0.1,
            word_dropout: 0.0,
            phi_free: 0.2,
            hidden: size.hidden,
            layers: size.layers,
            heads: size.heads,
            intermediate: size.intermediate,
            window: size.window,
            vocab_max: 0,
            shape_buckets: 2048,
            affix_buckets: 16_384,
            checkpoint_every: 250,
            eval_every: 500,
        }
    }
}

impl TrainConfig {
    fn size(&self) -> Size {
        Size {
            hidden: self.hidden,
            layers: self.layers,
            heads: self.heads,
            intermediate: self.intermediate,
            window: self.window,
        }
    }

    /// Learning rate at `step`: linear warm-up, then linear decay to a tenth.
    fn lr_at(&self, step: usize) -> f64 {
        if step < self.warmup {
            return self.lr * (step + 1) as f64 / self.warmup as f64;
        }
        let rest = (step - self.warmup) as f64 / (self.steps - self.warmup).max(1) as f64;
        self.lr * (1.0 - 0.9 * rest.min(1.0))
    }
}

/// Why training stopped.
#[derive(Debug, thiserror::Error)]
pub enum TrainError {
    #[error("cannot write or read {path}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("tensor operation failed")]
    Tensor(#[from] candle_core::Error),
    #[error(transparent)]
    Model(#[from] ModelError),
    #[error("checkpoint in {0} was made with another training config; use a new output folder")]
    ConfigChanged(PathBuf),
    #[error("stopped after the checkpoint at step {step}; run again to resume")]
    Interrupted { step: usize },
    #[error("parameters without a gradient: {0:?}")]
    NoGradient(Vec<String>),
}

/// What the caller is told as training goes.
#[derive(Debug)]
pub enum Event<'a> {
    Data {
        train_tokens: usize,
        dev_tokens: usize,
        vocab: usize,
        parameters: usize,
    },
    Resumed {
        step: usize,
    },
    Step {
        step: usize,
        loss: f32,
        lr: f64,
        tokens_per_second: f64,
    },
    Eval {
        step: usize,
        scores: &'a Scores,
    },
    Checkpoint {
        step: usize,
    },
}

/// The run's summary, also written as `report.json`.
#[derive(Debug, Serialize)]
pub struct Report {
    pub config: TrainConfig,
    pub parameters: usize,
    pub train_tokens: usize,
    pub seconds: f64,
    pub tokens_per_second: f64,
    /// (step, mean loss over the last logging interval).
    pub losses: Vec<(usize, f32)>,
    pub temperature: f32,
    pub dev: Scores,
    pub dev_evals: Vec<(usize, Scores)>,
}

#[derive(Serialize, Deserialize)]
struct CheckpointInfo {
    step: usize,
    config: TrainConfig,
    losses: Vec<(usize, f32)>,
    seconds: f64,
}

fn io<T>(path: &Path, r: std::io::Result<T>) -> Result<T, TrainError> {
    r.map_err(|source| TrainError::Io {
        path: path.to_owned(),
        source,
    })
}

/// Writes `bytes` to `path` through a temporary file and a rename.
fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), TrainError> {
    let tmp = path.with_extension("tmp");
    io(&tmp, std::fs::write(&tmp, bytes))?;
    io(path, std::fs::rename(&tmp, path))
}

fn save_tensors(path: &Path, tensors: &HashMap<String, Tensor>) -> Result<(), TrainError> {
    let tmp = path.with_extension("tmp");
    candle_core::safetensors::save(tensors, &tmp)?;
    io(path, std::fs::rename(&tmp, path))
}

/// Deterministic initial weights: normal embeddings, uniform linear layers,
/// unit layer norms, zero biases.
fn init(vars: &[(String, candle_core::Var)], seed: u64) -> Result<(), TrainError> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x1417);
    for (name, var) in vars {
        let shape = var.as_tensor().shape().clone();
        let n = shape.elem_count();
        let values: Vec<f32> = if name.contains("LayerNorm") && name.ends_with("weight") {
            vec![1.0; n]
        } else if name.ends_with("bias") {
            vec![0.0; n]
        } else if name.starts_with("embeddings") {
            // Box-Muller, std 0.1.
            (0..n)
                .map(|_| {
                    let (u, v): (f32, f32) = (rng.random::<f32>().max(1e-7), rng.random());
                    0.1 * (-2.0 * u.ln()).sqrt() * (std::f32::consts::TAU * v).cos()
                })
                .collect()
        } else {
            let fan_in = shape.dims().last().copied().unwrap_or(1) as f32;
            let bound = 1.0 / fan_in.sqrt();
            (0..n).map(|_| rng.random_range(-bound..bound)).collect()
        };
        var.set(&Tensor::from_vec(values, shape, &Device::Cpu)?)?;
    }
    Ok(())
}

/// Loss and gradients of one part of a batch (`rows` of whole windows).
fn part_grads(
    model: &Model,
    cfg: &TrainConfig,
    rows: &[u32],
    labels: &[u32],
    (step, part): (usize, u64),
) -> Result<(f32, usize, GradStore), TrainError> {
    let n = labels.len() / cfg.window;
    let device = Device::Cpu;
    let input = Tensor::from_slice(rows, (n, cfg.window, SLOTS), &device)?;
    let target = Tensor::from_slice(labels, n * cfg.window, &device)?;
    let drop = Dropout {
        p: cfg.dropout,
        rng: std::cell::RefCell::new(ChaCha8Rng::seed_from_u64(
            cfg.seed ^ ((step as u64) << 20) ^ (part << 60),
        )),
    };
    let logits = model.net().forward(&input, Some(&drop))?;
    let loss = candle_nn::loss::cross_entropy(&logits.reshape((n * cfg.window, ()))?, &target)?;
    let grads = loss.backward()?;
    Ok((loss.to_scalar::<f32>()?, n, grads))
}

/// The two parts' gradients averaged by their sizes, and the mean loss.
fn merge_grads(
    (la, na, mut ga): (f32, usize, GradStore),
    (lb, nb, gb): (f32, usize, GradStore),
    opt: &AdamW,
) -> Result<(f32, GradStore), TrainError> {
    let total = (na + nb) as f64;
    let (wa, wb) = (na as f64 / total, nb as f64 / total);
    for var in opt.vars() {
        let g = match (ga.get(var.as_tensor()), gb.get(var.as_tensor())) {
            (Some(x), Some(y)) => ((x * wa)? + (y * wb)?)?,
            (Some(x), None) => (x * wa)?,
            (None, Some(y)) => (y * wb)?,
            (None, None) => continue,
        };
        ga.insert(var.as_tensor(), g);
    }
    Ok((la * wa as f32 + lb * wb as f32, ga))
}

/// Trains a model into `out` (created if needed) and returns the report. With a
/// checkpoint in `out/checkpoint` from the same config, continues from it.
/// `progress` hears every event; answering a checkpoint with `Break` stops there.
pub fn train(
    cfg: &TrainConfig,
    out: &Path,
    mut progress: impl FnMut(Event<'_>) -> ControlFlow<()>,
) -> Result<Report, TrainError> {
    let ckpt_dir = out.join("checkpoint");
    io(&ckpt_dir, std::fs::create_dir_all(&ckpt_dir))?;
    let device = Device::Cpu;

    let train_docs = data::documents(cfg.seed, cfg.docs, Split::Train, cfg.phi_free);
    let dev_docs = data::documents(
        cfg.seed.wrapping_add(1_000_003),
        cfg.dev_docs,
        Split::Train,
        cfg.phi_free,
    );
    let fcfg = FeatureConfig {
        vocab: build_vocab(data::plain_words(&train_docs), 3, cfg.vocab_max),
        shape_buckets: cfg.shape_buckets,
        affix_buckets: cfg.affix_buckets,
    };
    let featurizer = Featurizer::new(fcfg.clone());
    let stream = data::stream(&train_docs, &featurizer);
    drop(train_docs);
    let mcfg = ModelConfig::new(featurizer.rows(), cfg.size());

    let varmap = VarMap::new();
    let vb = VarBuilder::from_varmap(&varmap, DType::F32, &device);
    let mut model = Model::new(mcfg.clone(), featurizer, &vb)?;
    let vars: Vec<(String, candle_core::Var)> = {
        let data = varmap.data().lock().expect("varmap lock");
        let mut v: Vec<_> = data.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
        v.sort_by(|a, b| a.0.cmp(&b.0));
        v
    };
    let parameters = vars.iter().map(|(_, v)| v.as_tensor().elem_count()).sum();
    init(&vars, cfg.seed)?;
    let mut opt = AdamW::new(vars, cfg.weight_decay)?;
    let _ = progress(Event::Data {
        train_tokens: stream.rows.len(),
        dev_tokens: dev_docs.iter().map(|d| d.tokens.len()).sum(),
        vocab: fcfg.vocab.len(),
        parameters,
    });

    let info_path = ckpt_dir.join("state.json");
    let state_path = ckpt_dir.join("state.safetensors");
    let mut losses = Vec::new();
    let mut seconds_before = 0.0;
    if info_path.exists() {
        let info: CheckpointInfo =
            serde_json::from_slice(&io(&info_path, std::fs::read(&info_path))?)
                .map_err(|_| TrainError::ConfigChanged(ckpt_dir.clone()))?;
        if info.config != *cfg {
            return Err(TrainError::ConfigChanged(ckpt_dir));
        }
        let state = candle_core::safetensors::load(&state_path, &device)?;
        opt.restore(&state, info.step)?;
        losses = info.losses;
        seconds_before = info.seconds;
        let _ = progress(Event::Resumed { step: info.step });
    }

    let started = Instant::now();
    let mut dev_evals = Vec::new();
    let mut window_loss = (0.0f32, 0usize);
    let mut interval = Instant::now();
    let mut interval_tokens = 0usize;
    let first_step = opt.t;
    for step in first_step..cfg.steps {
        let (rows, labels) = data::batch(
            &stream,
            cfg.seed,
            step,
            cfg.batch,
            cfg.window,
            cfg.word_dropout,
        );
        // Two halves of the batch run on the two cores; their gradients are averaged.
        let half = cfg.batch.div_ceil(2);
        let cut = half * cfg.window;
        let (a, b) = rayon::join(
            || part_grads(&model, cfg, &rows[..cut * SLOTS], &labels[..cut], (step, 0)),
            || part_grads(&model, cfg, &rows[cut * SLOTS..], &labels[cut..], (step, 1)),
        );
        let (loss, grads) = merge_grads(a?, b?, &opt)?;
        if step == first_step {
            let missing = opt.missing(&grads)?;
            if !missing.is_empty() {
                return Err(TrainError::NoGradient(missing));
            }
        }
        opt.step(&grads, cfg.lr_at(step))?;
        window_loss.0 += loss;
        window_loss.1 += 1;
        interval_tokens += cfg.batch * cfg.window;
        let done = step + 1;
        if done % 25 == 0 || done == cfg.steps {
            let mean = window_loss.0 / window_loss.1 as f32;
            losses.push((done, mean));
            let _ = progress(Event::Step {
                step: done,
                loss: mean,
                lr: cfg.lr_at(step),
                tokens_per_second: interval_tokens as f64 / interval.elapsed().as_secs_f64(),
            });
            window_loss = (0.0, 0);
            interval = Instant::now();
            interval_tokens = 0;
        }
        if done % cfg.eval_every == 0 && done < cfg.steps {
            model.refresh()?;
            let all = score::logits(&model, &dev_docs)?;
            let s = score::score(&all, 1.0);
            let _ = progress(Event::Eval {
                step: done,
                scores: &s,
            });
            dev_evals.push((done, s));
        }
        if done % cfg.checkpoint_every == 0 || done == cfg.steps {
            save_tensors(&state_path, &opt.state().into_iter().collect())?;
            let info = CheckpointInfo {
                step: done,
                config: cfg.clone(),
                losses: losses.clone(),
                seconds: seconds_before + started.elapsed().as_secs_f64(),
            };
            write_atomic(
                &info_path,
                &serde_json::to_vec_pretty(&info).expect("serializable"),
            )?;
            if progress(Event::Checkpoint { step: done }).is_break() && done < cfg.steps {
                return Err(TrainError::Interrupted { step: done });
            }
        }
    }
    let seconds = seconds_before + started.elapsed().as_secs_f64();

    model.refresh()?;
    let all = score::logits(&model, &dev_docs)?;
    let temperature = score::fit_temperature(&all);
    let dev = score::score(&all, temperature);
    let final_cfg = ModelConfig {
        temperature,
        ..mcfg
    };
    let weights: HashMap<String, Tensor> = varmap
        .data()
        .lock()
        .expect("varmap lock")
        .iter()
        .map(|(k, v)| (k.clone(), v.as_tensor().clone()))
        .collect();
    save_tensors(&out.join("model.safetensors"), &weights)?;
    write_atomic(
        &out.join("config.json"),
        &serde_json::to_vec_pretty(&final_cfg).expect("serializable"),
    )?;
    write_atomic(
        &out.join("tokenizer.json"),
        &serde_json::to_vec(&fcfg).expect("serializable"),
    )?;
    let report = Report {
        config: cfg.clone(),
        parameters,
        train_tokens: stream.rows.len(),
        seconds,
        tokens_per_second: (cfg.steps * cfg.batch * cfg.window) as f64 / seconds.max(1e-9),
        losses,
        temperature,
        dev,
        dev_evals,
    };
    write_atomic(
        &out.join("report.json"),
        &serde_json::to_vec_pretty(&report).expect("serializable"),
    )?;
    Ok(report)
}
