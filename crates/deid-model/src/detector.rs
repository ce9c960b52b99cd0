//! The model as a [`Detector`]: tokens, overlapping windows, one batched forward
//! pass, calibrated probabilities, and BIO decoding back to byte spans.

use std::path::{Path, PathBuf};

use candle_core::{DType, Device, Tensor};
use candle_nn::VarBuilder;
use deid_core::{Category, Detector, Finding, Reason, Source, Span};
use rayon::prelude::*;

use crate::config::ModelConfig;
use crate::features::{FeatureConfig, Featurizer, SLOTS};
use crate::labels;
use crate::net::Net;
use crate::tokens::{Token, tokenize};

/// Tokens at each end of a window whose predictions come from the next window,
/// where they have context on both sides.
const MARGIN: usize = 8;
/// Windows per forward pass.
const BATCH: usize = 16;

/// The reason every model finding carries.
pub const REASON: Reason = Reason {
    source: Source::Model,
    rule: "token classifier",
    detail: None,
};

/// Why a model could not be loaded or run.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("cannot read model file {path}")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("invalid model config ({what})")]
    Config {
        what: &'static str,
        #[source]
        source: serde_json::Error,
    },
    #[error("model weights do not match the config")]
    Weights(#[source] candle_core::Error),
    #[error("model inference failed")]
    Inference(#[source] candle_core::Error),
}

/// A loaded model: featurizer, network and device.
pub struct Model {
    featurizer: Featurizer,
    net: Net,
    cfg: ModelConfig,
    device: Device,
}

impl std::fmt::Debug for Model {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Model")
            .field("hidden", &self.cfg.hidden)
            .field("layers", &self.cfg.layers)
            .finish_non_exhaustive()
    }
}

/// One token's most likely reading.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TokenGuess {
    /// `None` when the token is most likely not PHI.
    pub category: Option<Category>,
    /// Whether it continues the previous token's entity.
    pub inside: bool,
    /// Probability of that category (begin and inside together), or of `O`.
    pub probability: f32,
}

impl Model {
    /// Loads `config.json`, `tokenizer.json` and `model.safetensors` from `dir`.
    pub fn load(dir: &Path, device: &Device) -> Result<Self, ModelError> {
        let read = |name: &str| {
            let path = dir.join(name);
            std::fs::read(&path).map_err(|source| ModelError::Read { path, source })
        };
        Self::from_bytes(
            &read("config.json")?,
            &read("tokenizer.json")?,
            read("model.safetensors")?,
            device,
        )
    }

    /// A model from the bytes of its three files.
    pub fn from_bytes(
        config: &[u8],
        tokenizer: &[u8],
        weights: Vec<u8>,
        device: &Device,
    ) -> Result<Self, ModelError> {
        let cfg: ModelConfig =
            serde_json::from_slice(config).map_err(|source| ModelError::Config {
                what: "config.json",
                source,
            })?;
        let fcfg: FeatureConfig =
            serde_json::from_slice(tokenizer).map_err(|source| ModelError::Config {
                what: "tokenizer.json",
                source,
            })?;
        let vb = VarBuilder::from_buffered_safetensors(weights, DType::F32, device)
            .map_err(ModelError::Weights)?;
        Self::new(cfg, Featurizer::new(fcfg), &vb)
    }

    /// A model over weights already in a `VarBuilder` (training, tests).
    pub fn new(
        cfg: ModelConfig,
        featurizer: Featurizer,
        vb: &VarBuilder,
    ) -> Result<Self, ModelError> {
        let mut net = Net::load(vb, &cfg).map_err(ModelError::Weights)?;
        net.freeze().map_err(ModelError::Weights)?;
        Ok(Model {
            featurizer,
            net,
            device: vb.device().clone(),
            cfg,
        })
    }

    pub fn config(&self) -> &ModelConfig {
        &self.cfg
    }

    pub fn featurizer(&self) -> &Featurizer {
        &self.featurizer
    }

    pub(crate) fn net(&self) -> &Net {
        &self.net
    }

    /// Re-reads the feature table after training changed the weights.
    pub(crate) fn refresh(&mut self) -> Result<(), ModelError> {
        self.net.freeze().map_err(ModelError::Weights)
    }

    /// Raw label scores `[tokens, labels]` for `rows`, run in overlapping windows.
    pub fn logits(&self, rows: &[[u32; SLOTS]]) -> Result<Vec<Vec<f32>>, ModelError> {
        let n = rows.len();
        let mut out = vec![Vec::new(); n];
        if n == 0 {
            return Ok(out);
        }
        let win = self.cfg.window.min(n);
        let windows = windows(n, win);
        // Groups of windows run on the rayon pool: Candle's element-wise ops are
        // single-threaded, so one forward pass alone would leave cores idle.
        let per_group = windows
            .len()
            .div_ceil(rayon::current_num_threads())
            .clamp(1, BATCH);
        let results: Vec<Result<Vec<Vec<Vec<f32>>>, ModelError>> = windows
            .par_chunks(per_group)
            .map(|group| {
                let mut flat = Vec::with_capacity(group.len() * win * SLOTS);
                for &(start, _, _) in group {
                    for r in &rows[start..start + win] {
                        flat.extend_from_slice(r);
                    }
                }
                Tensor::from_vec(flat, (group.len(), win, SLOTS), &self.device)
                    .and_then(|input| self.net.forward(&input, None))
                    .and_then(|l| l.to_dtype(DType::F32))
                    .and_then(|l| l.to_vec3::<f32>())
                    .map_err(ModelError::Inference)
            })
            .collect();
        for (group, scores) in windows.chunks(per_group).zip(results) {
            for (&(start, from, to), w) in group.iter().zip(scores?) {
                for (i, row) in w
                    .into_iter()
                    .enumerate()
                    .take(to - start)
                    .skip(from - start)
                {
                    out[start + i] = row;
                }
            }
        }
        Ok(out)
    }

    /// Every token's most likely reading.
    pub fn guesses(&self, text: &str) -> Result<(Vec<Token>, Vec<TokenGuess>), ModelError> {
        let tokens = tokenize(text);
        let rows = self.featurizer.features(text, &tokens);
        let logits = self.logits(&rows)?;
        let t = self.cfg.temperature;
        Ok((
            tokens,
            logits.iter().map(|l| guess(&softmax(l, t))).collect(),
        ))
    }

    /// The findings of `text`, or the inference error.
    pub fn try_detect(&self, text: &str) -> Result<Vec<Finding>, ModelError> {
        let (tokens, guesses) = self.guesses(text)?;
        let mut found = decode(&tokens, &guesses);
        for f in &mut found {
            f.span = trim_end(text, f.span);
        }
        found.retain(|f| plausible(f.category, f.span.of(text)));
        Ok(found)
    }
}

/// Windows of `win` tokens over `n` tokens: `(start, from, to)`, where the
/// window's predictions are kept for tokens `from..to`. Together the kept ranges
/// cover `0..n` once.
pub(crate) fn windows(n: usize, win: usize) -> Vec<(usize, usize, usize)> {
    if n <= win {
        return vec![(0, 0, n)];
    }
    let stride = win - 2 * MARGIN.min(win / 4);
    let keep_end = |start: usize| start + win - (win - stride) / 2;
    let mut out = Vec::new();
    let mut start = 0;
    let mut from = 0;
    loop {
        if start + win >= n {
            let start = n - win;
            out.push((start, from, n));
            return out;
        }
        let to = keep_end(start);
        out.push((start, from, to));
        from = to;
        start += stride;
    }
}

/// The softmax of `logits / temperature`.
pub fn softmax(logits: &[f32], temperature: f32) -> Vec<f32> {
    let max = logits.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let mut p: Vec<f32> = logits
        .iter()
        .map(|&l| ((l - max) / temperature).exp())
        .collect();
    let sum: f32 = p.iter().sum();
    for x in &mut p {
        *x /= sum;
    }
    p
}

/// Reads one token's label distribution: PHI when `O` has less than half the mass,
/// with the category holding the most of the rest.
pub fn guess(p: &[f32]) -> TokenGuess {
    let outside = p[labels::OUTSIDE as usize];
    let mut best = (0usize, 0.0f32);
    for (c, pair) in p[1..].chunks(2).enumerate() {
        let mass = pair[0] + pair[1];
        if mass > best.1 {
            best = (c, mass);
        }
    }
    if outside >= 0.5 {
        return TokenGuess {
            category: None,
            inside: false,
            probability: outside,
        };
    }
    let pair = &p[1 + 2 * best.0..3 + 2 * best.0];
    TokenGuess {
        category: Some(Category::ALL[best.0]),
        inside: pair[1] > pair[0],
        probability: best.1,
    }
}

/// Drops sentence punctuation from the end of a span; a period stays after a
/// word of one or two letters ("J.", "Jr.", "St.").
fn trim_end(text: &str, span: Span) -> Span {
    let mut end = span.end();
    loop {
        let s = &text[span.start()..end];
        let Some(last) = s.chars().next_back() else {
            break;
        };
        if !matches!(last, '.' | ',' | ';' | ':' | '!' | '?') {
            break;
        }
        let before = &s[..s.len() - 1];
        let word = before
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        if last == '.'
            && (1..=2).contains(&word.chars().count())
            && before.ends_with(word)
            && !word.is_empty()
        {
            break;
        }
        end -= 1;
    }
    Span::new(span.start(), end.max(span.start()))
}

/// Categories whose values always carry a digit (numbers, codes, dates, ages).
fn needs_digit(c: Category) -> bool {
    use Category::{
        Account, Age, BioID, Date, Device, Fax, HealthPlan, IDNum, IPAddress, License,
        MedicalRecord, Phone, SocialSecurity, Vehicle, Zip,
    };
    matches!(
        c,
        Account
            | Age
            | BioID
            | Date
            | Device
            | Fax
            | HealthPlan
            | IDNum
            | IPAddress
            | License
            | MedicalRecord
            | Phone
            | SocialSecurity
            | Vehicle
            | Zip
    )
}

/// The model's own validation: a span must hold a letter or digit, and a span of
/// a numeric category a digit ("Acct" or "DEA" before a number is a label, not
/// the number).
pub fn plausible(c: Category, value: &str) -> bool {
    value.chars().any(char::is_alphanumeric)
        && (!needs_digit(c) || value.chars().any(|ch| ch.is_ascii_digit()))
}

/// Joins token guesses into findings: an entity starts at a PHI token that does
/// not continue the previous one and runs while tokens continue it on the same
/// line, at most one space apart (a value wrapped over two lines becomes two
/// findings, so replacements keep the line structure; a wider gap separates
/// the columns of a form).
pub fn decode(tokens: &[Token], guesses: &[TokenGuess]) -> Vec<Finding> {
    let mut out: Vec<Finding> = Vec::new();
    // The open entity: start, end, category, sum of probabilities, tokens.
    let mut open: Option<(usize, usize, Category, f32, usize)> = None;
    let close = |open: &mut Option<(usize, usize, Category, f32, usize)>,
                 out: &mut Vec<Finding>| {
        if let Some((s, e, c, sum, n)) = open.take() {
            out.push(Finding::new(Span::new(s, e), c, sum / n as f32, REASON));
        }
    };
    for (t, g) in tokens.iter().zip(guesses) {
        match (g.category, &mut open) {
            (Some(c), Some((_, end, oc, sum, n)))
                if *oc == c && g.inside && t.breaks == 0 && t.start - *end <= 1 =>
            {
                *end = t.end;
                *sum += g.probability;
                *n += 1;
            }
            (Some(c), _) => {
                close(&mut open, &mut out);
                open = Some((t.start, t.end, c, g.probability, 1));
            }
            (None, _) => close(&mut open, &mut out),
        }
    }
    close(&mut open, &mut out);
    out
}

impl Detector for Model {
    fn detect(&self, text: &str) -> Vec<Finding> {
        match self.try_detect(text) {
            Ok(f) => f,
            Err(err) => {
                tracing::error!(error = %err, len = text.len(), "model inference failed; rules only for this text");
                Vec::new()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_cover_every_token_once_with_context() {
        for n in [1, 5, 128, 129, 200, 1000, 1337] {
            let ws = windows(n, 128);
            let mut next = 0;
            for &(start, from, to) in &ws {
                assert_eq!(from, next, "n={n}: kept ranges are contiguous");
                assert!(start <= from && to <= start + 128.min(n) && from < to);
                if from > 0 {
                    assert!(from - start >= MARGIN, "n={n}: left context kept");
                }
                next = to;
            }
            assert_eq!(next, n);
        }
    }

    #[test]
    fn guesses_read_mass_not_just_the_top_label() {
        let mut p = vec![0.0f32; labels::COUNT];
        // O 0.4, B-Patient 0.3, I-Patient 0.1, B-Doctor 0.2: PHI, Patient.
        p[0] = 0.4;
        p[labels::label(Category::Patient, false) as usize] = 0.3;
        p[labels::label(Category::Patient, true) as usize] = 0.1;
        p[labels::label(Category::Doctor, false) as usize] = 0.2;
        let g = guess(&p);
        assert_eq!(g.category, Some(Category::Patient));
        assert!(!g.inside);
        assert!((g.probability - 0.4).abs() < 1e-6);
        p[0] = 0.6;
        assert_eq!(guess(&p).category, None);
    }

    #[test]
    fn decoding_joins_inside_tokens_and_splits_at_begins() {
        let text = "Dr. Ann Lee and Bo";
        let toks = tokenize(text);
        let g = |c: Option<Category>, inside| TokenGuess {
            category: c,
            inside,
            probability: 0.9,
        };
        let d = Some(Category::Doctor);
        let guesses = [
            g(None, false),
            g(None, false),
            g(d, false),
            g(d, true),
            g(None, false),
            g(d, false),
        ];
        let found = decode(&toks, &guesses);
        let spans: Vec<&str> = found.iter().map(|f| f.span.of(text)).collect();
        assert_eq!(spans, ["Ann Lee", "Bo"]);
        assert!(found.iter().all(|f| f.reasons[0].source == Source::Model));
    }

    #[test]
    fn a_wide_gap_ends_an_entity() {
        let text = "Name: LEE, ANN    MR";
        let toks = tokenize(text);
        let guesses: Vec<TokenGuess> = (0..toks.len())
            .map(|i| TokenGuess {
                category: (i >= 2).then_some(Category::Patient),
                inside: i > 2,
                probability: 0.9,
            })
            .collect();
        let found = decode(&toks, &guesses);
        let spans: Vec<&str> = found.iter().map(|f| f.span.of(text)).collect();
        assert_eq!(spans, ["LEE, ANN", "MR"]);
    }

    #[test]
    fn sentence_punctuation_leaves_the_end_but_initials_keep_their_period() {
        let t = "Seen by Dr. Smith. Then J. and St. Lo, ok";
        let at = |s: &str| {
            let i = t.find(s).unwrap();
            trim_end(t, Span::new(i, i + s.len())).of(t).to_owned()
        };
        assert_eq!(at("Dr. Smith."), "Dr. Smith");
        assert_eq!(at("J."), "J.");
        assert_eq!(at("St. Lo,"), "St. Lo");
    }

    #[test]
    fn labels_and_punctuation_are_not_findings() {
        assert!(!plausible(Category::Account, "Acct"));
        assert!(plausible(Category::Account, "1293170094"));
        assert!(!plausible(Category::Doctor, "."));
        assert!(plausible(Category::Doctor, "D."));
    }

    #[test]
    fn softmax_sums_to_one_and_temperature_flattens() {
        let p = softmax(&[1.0, 2.0, 3.0], 1.0);
        assert!((p.iter().sum::<f32>() - 1.0).abs() < 1e-6);
        let flat = softmax(&[1.0, 2.0, 3.0], 3.0);
        assert!(flat[2] < p[2]);
    }
}
