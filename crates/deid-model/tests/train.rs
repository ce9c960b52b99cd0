//! A few training steps on a tiny model: the loss falls, every parameter gets a
//! gradient (training stops with an error otherwise), a checkpoint resumes to
//! the same weights as an uninterrupted run, and the written model loads.

use std::ops::ControlFlow;

use deid_model::train::{Event, TrainConfig, TrainError, train};

fn tiny(steps: usize) -> TrainConfig {
    TrainConfig {
        seed: 3,
        docs: 40,
        dev_docs: 4,
        steps,
        batch: 4,
        lr: 5e-3,
        warmup: 5,
        hidden: 16,
        layers: 1,
        heads: 2,
        intermediate: 32,
        window: 32,
        vocab_max: 500,
        shape_buckets: 64,
        affix_buckets: 512,
        checkpoint_every: 10,
        eval_every: 1000,
        ..TrainConfig::default()
    }
}

#[test]
fn loss_falls_every_parameter_learns_and_resume_matches() {
    let dir = tempfile::tempdir().unwrap();
    let full = dir.path().join("full");
    let report = train(&tiny(40), &full, |_| ControlFlow::Continue(())).expect("training runs");
    let first = report.losses.first().unwrap().1;
    let last = report.losses.last().unwrap().1;
    assert!(last < first * 0.7, "loss fell from {first} to {last}");

    // Stop at the checkpoint after step 20, then resume from it.
    let split = dir.path().join("split");
    let err = train(&tiny(40), &split, |e| match e {
        Event::Checkpoint { step: 20 } => ControlFlow::Break(()),
        _ => ControlFlow::Continue(()),
    })
    .unwrap_err();
    assert!(matches!(err, TrainError::Interrupted { step: 20 }), "{err}");
    let mut resumed_at = None;
    train(&tiny(40), &split, |e| {
        if let Event::Resumed { step } = e {
            resumed_at = Some(step);
        }
        ControlFlow::Continue(())
    })
    .unwrap();
    assert_eq!(resumed_at, Some(20));
    let a = std::fs::read(full.join("model.safetensors")).unwrap();
    let b = std::fs::read(split.join("model.safetensors")).unwrap();
    assert!(a == b, "a resumed run ends with the same weights");

    let model =
        deid_model::Model::load(&full, &candle_core::Device::Cpu).expect("written model loads");
    let found = model.try_detect("Seen by Dr. Smith on 3/4/2021.").unwrap();
    assert!(found.iter().all(|f| f.span.end() <= 30));
}

#[test]
fn a_checkpoint_from_another_config_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    train(&tiny(10), dir.path(), |_| ControlFlow::Continue(())).unwrap();
    let other = TrainConfig {
        lr: 1e-3,
        ..tiny(10)
    };
    let err = train(&other, dir.path(), |_| ControlFlow::Continue(())).unwrap_err();
    assert!(err.to_string().contains("another training config"), "{err}");
}
