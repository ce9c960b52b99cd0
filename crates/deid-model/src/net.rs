//! The encoder: summed feature embeddings and learned positions, then pre-norm
//! transformer blocks and a linear token-classification head. Weight names follow
//! the BERT layout (`embeddings.*`, `encoder.layer.N.attention.self.query`, ...).
//!
//! In training mode every op is one that Candle can differentiate (layer norm and
//! softmax written out from elementary ops, dropout on); in inference mode the
//! fused kernels run instead.

// b, t, h, q, k, v: the usual names of tensor dimensions and attention parts.
#![allow(clippy::many_single_char_names)]

use candle_core::{D, Module, Result, Tensor};
use candle_nn::{Embedding, Linear, VarBuilder, embedding, linear};

use crate::config::ModelConfig;
use crate::features::SLOTS;

/// Training mode: dropout masks drawn from a seeded generator, so a run (and a
/// resumed run) is reproducible.
pub struct Dropout {
    pub p: f32,
    pub rng: std::cell::RefCell<rand_chacha::ChaCha8Rng>,
}

impl Dropout {
    fn apply(&self, x: &Tensor) -> Result<Tensor> {
        use rand::Rng;
        let keep = 1.0 - self.p;
        let mut rng = self.rng.borrow_mut();
        let mask: Vec<f32> = (0..x.elem_count())
            .map(|_| {
                if rng.random::<f32>() < keep {
                    1.0 / keep
                } else {
                    0.0
                }
            })
            .collect();
        x * Tensor::from_vec(mask, x.shape(), x.device())?
    }
}

#[derive(Debug)]
struct LayerNorm {
    weight: Tensor,
    bias: Tensor,
    eps: f64,
}

impl LayerNorm {
    fn load(size: usize, eps: f64, vb: &VarBuilder) -> Result<Self> {
        Ok(LayerNorm {
            weight: vb.get_with_hints(size, "weight", candle_nn::Init::Const(1.0))?,
            bias: vb.get_with_hints(size, "bias", candle_nn::Init::Const(0.0))?,
            eps,
        })
    }

    fn forward(&self, x: &Tensor, train: bool) -> Result<Tensor> {
        if train {
            candle_nn::ops::layer_norm_slow(x, &self.weight, &self.bias, self.eps as f32)
        } else {
            candle_nn::ops::layer_norm(x, &self.weight, &self.bias, self.eps as f32)
        }
    }
}

fn dropout(x: &Tensor, drop: Option<&Dropout>) -> Result<Tensor> {
    match drop {
        Some(d) => d.apply(x),
        None => Ok(x.clone()),
    }
}

#[derive(Debug)]
struct Block {
    norm1: LayerNorm,
    query: Linear,
    key: Linear,
    value: Linear,
    out: Linear,
    norm2: LayerNorm,
    up: Linear,
    down: Linear,
    heads: usize,
}

impl Block {
    fn load(cfg: &ModelConfig, vb: &VarBuilder) -> Result<Self> {
        let h = cfg.hidden;
        let att = vb.pp("attention");
        Ok(Block {
            norm1: LayerNorm::load(h, cfg.layer_norm_eps, &att.pp("LayerNorm"))?,
            query: linear(h, h, att.pp("self").pp("query"))?,
            key: linear(h, h, att.pp("self").pp("key"))?,
            value: linear(h, h, att.pp("self").pp("value"))?,
            out: linear(h, h, att.pp("output").pp("dense"))?,
            norm2: LayerNorm::load(h, cfg.layer_norm_eps, &vb.pp("output").pp("LayerNorm"))?,
            up: linear(h, cfg.intermediate, vb.pp("intermediate").pp("dense"))?,
            down: linear(cfg.intermediate, h, vb.pp("output").pp("dense"))?,
            heads: cfg.heads,
        })
    }

    fn forward(&self, x: &Tensor, drop: Option<&Dropout>) -> Result<Tensor> {
        let train = drop.is_some();
        let (b, t, h) = x.dims3()?;
        let dh = h / self.heads;
        let y = self.norm1.forward(x, train)?;
        let split = |l: &Linear| -> Result<Tensor> {
            l.forward(&y)?
                .reshape((b, t, self.heads, dh))?
                .transpose(1, 2)?
                .contiguous()
        };
        let (q, k, v) = (split(&self.query)?, split(&self.key)?, split(&self.value)?);
        // Scaling the queries touches t*h values instead of t*t*heads scores.
        let q = (q * (1.0 / (dh as f64).sqrt()))?;
        let scores = q.matmul(&k.t()?)?;
        let probs = if train {
            candle_nn::ops::softmax(&scores, D::Minus1)?
        } else {
            candle_nn::ops::softmax_last_dim(&scores)?
        };
        let ctx = probs
            .matmul(&v)?
            .transpose(1, 2)?
            .contiguous()?
            .reshape((b, t, h))?;
        let x = (x + dropout(&self.out.forward(&ctx)?, drop)?)?;
        let y = self.norm2.forward(&x, train)?;
        let y = self.down.forward(&self.up.forward(&y)?.relu()?)?;
        x + dropout(&y, drop)?
    }
}

/// The token classifier.
#[derive(Debug)]
pub struct Net {
    features: Embedding,
    /// The feature table as plain floats, for summing rows without building
    /// the `[tokens, SLOTS, hidden]` intermediate at inference.
    table: Vec<f32>,
    hidden: usize,
    positions: Embedding,
    norm: LayerNorm,
    blocks: Vec<Block>,
    final_norm: LayerNorm,
    classifier: Linear,
}

impl Net {
    pub fn load(vb: &VarBuilder, cfg: &ModelConfig) -> Result<Self> {
        let emb = vb.pp("embeddings");
        let blocks = (0..cfg.layers)
            .map(|i| Block::load(cfg, &vb.pp("encoder").pp("layer").pp(i)))
            .collect::<Result<_>>()?;
        let features = embedding(cfg.rows, cfg.hidden, emb.pp("features"))?;
        Ok(Net {
            table: Vec::new(),
            hidden: cfg.hidden,
            features,
            positions: embedding(cfg.window, cfg.hidden, emb.pp("position_embeddings"))?,
            norm: LayerNorm::load(cfg.hidden, cfg.layer_norm_eps, &emb.pp("LayerNorm"))?,
            blocks,
            final_norm: LayerNorm::load(
                cfg.hidden,
                cfg.layer_norm_eps,
                &vb.pp("encoder").pp("LayerNorm"),
            )?,
            classifier: linear(cfg.hidden, cfg.labels.len(), vb.pp("classifier"))?,
        })
    }

    /// Copies the feature table out for [`Net::forward`]'s inference path; call
    /// after the weights are final (they are read, not watched).
    pub fn freeze(&mut self) -> Result<()> {
        self.table = self.features.embeddings().flatten_all()?.to_vec1::<f32>()?;
        Ok(())
    }

    /// Summed feature embeddings `[batch, tokens, hidden]`.
    fn embed(&self, rows: &Tensor, train: bool) -> Result<Tensor> {
        let (b, t, k) = rows.dims3()?;
        if train || self.table.is_empty() {
            return self
                .features
                .forward(&rows.flatten_all()?)?
                .reshape((b, t, k, ()))?
                .sum(2);
        }
        let h = self.hidden;
        let ids = rows.flatten_all()?.to_vec1::<u32>()?;
        let mut out = vec![0f32; b * t * h];
        for (dst, token) in out.chunks_exact_mut(h).zip(ids.chunks_exact(k)) {
            for &r in token {
                let src = &self.table[r as usize * h..(r as usize + 1) * h];
                for (d, s) in dst.iter_mut().zip(src) {
                    *d += s;
                }
            }
        }
        Tensor::from_vec(out, (b, t, h), rows.device())
    }

    /// Logits `[batch, tokens, labels]` for feature rows `[batch, tokens, SLOTS]`
    /// (u32); with `drop`, in training mode.
    pub fn forward(&self, rows: &Tensor, drop: Option<&Dropout>) -> Result<Tensor> {
        let train = drop.is_some();
        let (_, t, k) = rows.dims3()?;
        debug_assert_eq!(k, SLOTS);
        let e = self.embed(rows, train)?;
        let pos = Tensor::arange(0u32, t as u32, rows.device())?;
        let e = e.broadcast_add(&self.positions.forward(&pos)?)?;
        let mut x = dropout(&self.norm.forward(&e, train)?, drop)?;
        for block in &self.blocks {
            x = block.forward(&x, drop)?;
        }
        self.classifier
            .forward(&self.final_norm.forward(&x, train)?)
    }
}

#[cfg(test)]
mod tests {
    use candle_core::{DType, Device};

    use super::*;
    use crate::config::Size;

    #[test]
    fn shapes_hold_in_both_modes() -> Result<()> {
        let dev = Device::Cpu;
        let vm = candle_nn::VarMap::new();
        let vb = VarBuilder::from_varmap(&vm, DType::F32, &dev);
        let size = Size {
            hidden: 16,
            layers: 1,
            heads: 2,
            intermediate: 32,
            window: 8,
        };
        let cfg = ModelConfig::new(50, size);
        let net = Net::load(&vb, &cfg)?;
        let rows = Tensor::ones((2, 8, SLOTS), DType::U32, &dev)?;
        let drop = Dropout {
            p: 0.1,
            rng: std::cell::RefCell::new(rand::SeedableRng::seed_from_u64(1)),
        };
        for mode in [None, Some(&drop)] {
            let out = net.forward(&rows, mode)?;
            assert_eq!(out.dims(), &[2, 8, crate::labels::COUNT]);
        }
        Ok(())
    }
}
