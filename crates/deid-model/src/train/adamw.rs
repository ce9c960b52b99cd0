//! `AdamW` with its moments kept as named tensors, so a checkpoint holds the whole
//! optimizer state and a resumed run continues exactly.

use candle_core::backprop::GradStore;
use candle_core::{Result, Tensor, Var};

/// One parameter and its moments.
struct Slot {
    name: String,
    var: Var,
    m: Tensor,
    v: Tensor,
    decay: bool,
}

pub(super) struct AdamW {
    slots: Vec<Slot>,
    /// Steps taken so far.
    pub t: usize,
    weight_decay: f64,
}

const BETA1: f64 = 0.9;
const BETA2: f64 = 0.999;
const EPS: f64 = 1e-8;

impl AdamW {
    /// Over `vars` sorted by name; layer norms, biases and embeddings are not decayed.
    pub(super) fn new(mut vars: Vec<(String, Var)>, weight_decay: f64) -> Result<Self> {
        vars.sort_by(|a, b| a.0.cmp(&b.0));
        let slots = vars
            .into_iter()
            .map(|(name, var)| {
                let decay = name.ends_with(".weight")
                    && !name.contains("LayerNorm")
                    && !name.starts_with("embeddings");
                Ok(Slot {
                    m: var.zeros_like()?,
                    v: var.zeros_like()?,
                    name,
                    var,
                    decay,
                })
            })
            .collect::<Result<_>>()?;
        Ok(AdamW {
            slots,
            t: 0,
            weight_decay,
        })
    }

    /// The parameters, sorted by name.
    pub(super) fn vars(&self) -> impl Iterator<Item = &Var> {
        self.slots.iter().map(|s| &s.var)
    }

    /// Names of parameters that `grads` has no gradient, or an all-zero one, for.
    pub(super) fn missing(&self, grads: &GradStore) -> Result<Vec<String>> {
        let mut out = Vec::new();
        for s in &self.slots {
            let zero = match grads.get(s.var.as_tensor()) {
                None => true,
                Some(g) => g.abs()?.sum_all()?.to_scalar::<f32>()? == 0.0,
            };
            if zero {
                out.push(s.name.clone());
            }
        }
        Ok(out)
    }

    pub(super) fn step(&mut self, grads: &GradStore, lr: f64) -> Result<()> {
        self.t += 1;
        let t = i32::try_from(self.t).unwrap_or(i32::MAX);
        let c1 = 1.0 - BETA1.powi(t);
        let c2 = 1.0 - BETA2.powi(t);
        for s in &mut self.slots {
            let Some(g) = grads.get(s.var.as_tensor()) else {
                continue;
            };
            s.m = ((&s.m * BETA1)? + (g * (1.0 - BETA1))?)?;
            s.v = ((&s.v * BETA2)? + (g.sqr()? * (1.0 - BETA2))?)?;
            let update = ((&s.m / c1)? / ((&s.v / c2)?.sqrt()? + EPS)?)?;
            let decayed = if s.decay {
                (s.var.as_tensor() * (1.0 - lr * self.weight_decay))?
            } else {
                s.var.as_tensor().clone()
            };
            s.var.set(&(decayed - (update * lr)?)?)?;
        }
        Ok(())
    }

    /// Weights and moments as `w.NAME`, `m.NAME`, `v.NAME`.
    pub(super) fn state(&self) -> Vec<(String, Tensor)> {
        let mut out = Vec::with_capacity(self.slots.len() * 3);
        for s in &self.slots {
            out.push((format!("w.{}", s.name), s.var.as_tensor().clone()));
            out.push((format!("m.{}", s.name), s.m.clone()));
            out.push((format!("v.{}", s.name), s.v.clone()));
        }
        out
    }

    /// Restores weights and moments saved by [`AdamW::state`].
    pub(super) fn restore(
        &mut self,
        state: &std::collections::HashMap<String, Tensor>,
        t: usize,
    ) -> Result<()> {
        let get = |k: String| {
            state
                .get(&k)
                .cloned()
                .ok_or_else(|| candle_core::Error::Msg(format!("checkpoint lacks {k}")))
        };
        for s in &mut self.slots {
            s.var.set(&get(format!("w.{}", s.name))?)?;
            s.m = get(format!("m.{}", s.name))?;
            s.v = get(format!("v.{}", s.name))?;
        }
        self.t = t;
        Ok(())
    }
}
